// Signals in PostgreSQL: each emitted signal is stored once (its id is deterministic, so a replayed or
// redelivered tick cannot store it twice) and read back newest first with keyset pagination.
import type { PrismaClient } from '@aitrader/prisma';
import type { Signal } from '@aitrader/platform';

export interface StoredSignal {
  id: string;
  symbol: string;
  detector: string;
  score: number;
  reason: string;
  price: number | null;
  timestamp: Date;
}

export interface SignalPageQuery {
  symbol?: string | null;
  since?: Date | null;
  first: number;
  /** Keyset cursor: (timestamp, id) of the last row of the previous page. */
  after?: { at: Date; id: string };
}

export class SignalsStore {
  constructor(private readonly prisma: PrismaClient) {}

  async save(signals: (Signal & { id: string })[]): Promise<number> {
    if (signals.length === 0) return 0;
    const { count } = await this.prisma.signal.createMany({
      data: signals.map((s) => ({
        id: s.id,
        symbol: s.symbol,
        detector: s.detector ?? 'external',
        score: s.score,
        reason: s.reason ?? '',
        timestamp: new Date(s.timestamp),
        features: s.price === undefined ? undefined : { price: s.price },
      })),
      skipDuplicates: true,
    });
    return count;
  }

  async get(id: string): Promise<StoredSignal | null> {
    const r = await this.prisma.signal.findUnique({ where: { id } });
    return r ? toStored(r) : null;
  }

  async page(q: SignalPageQuery): Promise<{ signals: StoredSignal[]; hasNextPage: boolean }> {
    const rows = await this.prisma.signal.findMany({
      where: {
        ...(q.symbol ? { symbol: q.symbol } : {}),
        ...(q.since ? { timestamp: { gte: q.since } } : {}),
        ...(q.after
          ? { OR: [{ timestamp: { lt: q.after.at } }, { timestamp: q.after.at, id: { lt: q.after.id } }] }
          : {}),
      },
      orderBy: [{ timestamp: 'desc' }, { id: 'desc' }],
      take: q.first + 1,
    });
    return {
      hasNextPage: rows.length > q.first,
      signals: rows.slice(0, q.first).map(toStored),
    };
  }
}

function toStored(r: { id: string; symbol: string; detector: string; score: number; reason: string; features: unknown; timestamp: Date }): StoredSignal {
  const price = (r.features as { price?: number } | null)?.price ?? null;
  return { id: r.id, symbol: r.symbol, detector: r.detector, score: r.score, reason: r.reason, price, timestamp: r.timestamp };
}
