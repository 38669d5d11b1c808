// Message schemas for everything that crosses Redis: one zod definition per message kind, shared by
// producers (which validate before publishing) and consumers (which dead-letter what fails).
import { z } from 'zod';

export const InstrumentSymbol = z
  .string()
  .regex(/^[A-Z][A-Z0-9.\-]{0,15}$/, 'symbol must be 1-16 upper-case letters, digits, "." or "-"');
export const Timestamp = z.iso.datetime({ offset: true, error: 'timestamp must be ISO-8601 with a time zone' });
const Positive = z.number().finite().positive();
const NonNegative = z.number().finite().nonnegative();
export const Side = z.enum(['BUY', 'SELL']);
/**
 * The order vocabulary: the one list of order types and of order statuses. The execution domain
 * derives its types from these; the Prisma and GraphQL enums are tested against them
 * (subgraphs/execution/src/order-vocabulary.test.ts).
 */
export const ORDER_TYPES = ['MARKET', 'LIMIT'] as const;
export const ORDER_STATUSES = ['NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED'] as const;
export const OrderType = z.enum(ORDER_TYPES);

export const TradeTick = z.object({
  kind: z.literal('trade'),
  symbol: InstrumentSymbol,
  timestamp: Timestamp,
  price: Positive,
  size: Positive,
  seq: z.number().int().nonnegative().optional(),
});

export const QuoteTick = z
  .object({
    kind: z.literal('quote'),
    symbol: InstrumentSymbol,
    timestamp: Timestamp,
    bid: Positive,
    ask: Positive,
    bidSize: NonNegative,
    askSize: NonNegative,
    seq: z.number().int().nonnegative().optional(),
  })
  .refine((q) => q.bid <= q.ask, { message: 'crossed quote: bid must not exceed ask', path: ['bid'] });

/** One L2 level change from a depth feed: size 0 removes the level. */
export const DepthTick = z.object({
  kind: z.literal('depth'),
  symbol: InstrumentSymbol,
  timestamp: Timestamp,
  side: z.enum(['bid', 'ask']),
  price: Positive,
  size: NonNegative,
  seq: z.number().int().nonnegative().optional(),
});

export const Tick = z.discriminatedUnion('kind', [TradeTick, QuoteTick, DepthTick]);

const Level = z.tuple([Positive, NonNegative]); // [price, size]; size 0 deletes a level in a delta

export const BookUpdate = z.object({
  symbol: InstrumentSymbol,
  timestamp: Timestamp,
  kind: z.enum(['snapshot', 'delta']),
  bids: z.array(Level),
  asks: z.array(Level),
  seq: z.number().int().nonnegative(),
});

/** The seed publishes `{"symbol": "AAPL", "score": 0.75, "timestamp": "..."}`; the rest is optional. */
const nullableFinite = z.number().finite().nullable();

/**
 * The indicators the pattern engine held when it emitted a signal. The strategy decides on these
 * rather than asking the signals service later, when a fast replay may have moved the engine on:
 * the same ticks then always give the same decisions.
 */
export const SignalIndicators = z.object({
  sma20: nullableFinite,
  rsi14: nullableFinite,
  atr14: nullableFinite,
  /** Recent closes, oldest first (at most 240). */
  history: z.array(z.number().finite()).max(240),
});

export const Signal = z.object({
  id: z.string().min(1).optional(),
  symbol: InstrumentSymbol,
  score: z.number().finite().min(-1).max(1),
  timestamp: Timestamp,
  detector: z.string().min(1).optional(),
  reason: z.string().optional(),
  price: Positive.optional(),
  indicators: SignalIndicators.optional(),
});

export const Order = z
  .object({
    clientOrderId: z.string().min(1).max(128),
    accountId: z.string().min(1),
    symbol: InstrumentSymbol,
    side: Side,
    type: OrderType,
    quantity: Positive,
    limitPrice: Positive.optional(),
    strategy: z.string().optional(),
    decisionId: z.string().optional(),
    timestamp: Timestamp,
  })
  .refine((o) => (o.type === 'LIMIT') === (o.limitPrice !== undefined), {
    message: 'limitPrice is required for LIMIT orders and forbidden for MARKET orders',
    path: ['limitPrice'],
  });

export const Fill = z.object({
  tradeId: z.string().min(1),
  orderId: z.string().min(1),
  clientOrderId: z.string().min(1),
  accountId: z.string().min(1),
  symbol: InstrumentSymbol,
  side: Side,
  quantity: Positive,
  price: Positive,
  fee: NonNegative,
  liquidity: z.enum(['MAKER', 'TAKER']).optional(),
  timestamp: Timestamp,
});

/** A background job for the worker: the row in `jobs` (type, payload, status) is the job; this only points at it. */
export const JobMessage = z.object({
  jobId: z.string().min(1).max(64),
  type: z.enum(['train']),
  enqueuedAt: Timestamp.optional(),
});

export type TradeTick = z.infer<typeof TradeTick>;
export type QuoteTick = z.infer<typeof QuoteTick>;
export type DepthTick = z.infer<typeof DepthTick>;
export type Tick = z.infer<typeof Tick>;
export type BookUpdate = z.infer<typeof BookUpdate>;
export type Signal = z.infer<typeof Signal>;
export type SignalIndicators = z.infer<typeof SignalIndicators>;
export type Order = z.infer<typeof Order>;
export type Fill = z.infer<typeof Fill>;
export type JobMessage = z.infer<typeof JobMessage>;

/** Stream (and, for signals, pub/sub channel) names from the seed, with their message schema; `jobs` feeds the worker. */
export const TOPICS = {
  ticks: Tick,
  book: BookUpdate,
  signals: Signal,
  orders: Order,
  fills: Fill,
  jobs: JobMessage,
} as const;

export type Topic = keyof typeof TOPICS;
export type MessageOf<T extends Topic> = z.infer<(typeof TOPICS)[T]>;

export function isTopic(name: string): name is Topic {
  return Object.prototype.hasOwnProperty.call(TOPICS, name);
}

/** Readable one-line summary of a zod failure, used in dead-letter entries and typed errors. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

const EXTERNAL_SIGNAL = 'ext:';

/**
 * The seed's channel payload has no id. Its id is derived from the signal's own fields ("ext:" + the
 * base64url JSON of [symbol, score, timestamp]): stable, so redeliveries are recognised, and
 * self-describing, so `signal(id)` can answer for a signal no store has seen yet.
 */
export function signalIdOf(s: Signal): string {
  return s.id ?? EXTERNAL_SIGNAL + Buffer.from(JSON.stringify([s.symbol, s.score, s.timestamp])).toString('base64url');
}

/** The signal an external id describes; null for any other id. */
export function externalSignalOf(id: string): Signal | null {
  if (!id.startsWith(EXTERNAL_SIGNAL)) return null;
  try {
    const [symbol, score, timestamp] = JSON.parse(Buffer.from(id.slice(EXTERNAL_SIGNAL.length), 'base64url').toString('utf8')) as unknown[];
    const parsed = Signal.safeParse({ symbol, score, timestamp });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
