// Application layer of the execution engine: books orders (idempotent on the client order id), matches
// them against the latest book from Redis, stores order + fills + executions in one transaction with the
// messages announcing them (the outbox: fills for the `fills` stream, order/fill events for
// subscriptions), and has the outbox relay send them right after the commit. Knows nothing of GraphQL.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  eventMessage, Outbox, readBook, streamMessage,
  type Fill, type Logger, type Order, type OutboxEntry, type RedisPubSub, type StreamPublisher,
} from '@aitrader/platform';
import {
  cancel, checkPreTrade, createOrder, crossRestingOrders, DEFAULT_FEES, fillViewOf, isOpen, orderTypeSpec, orderUpdateOf, RESTING_ORDER_TYPES,
  type BookSnapshot, type ExecutionFill, type FeeSchedule, type OrderAggregate, type PreTradeCode, type PreTradeLimits, type Result,
} from '../domain';
import type { AccountExposureReader } from '../storage/accounts-client';
import { FILL_EVENTS, ORDER_EVENTS } from '../events';
import { ConcurrentMatchError, OrdersStore, toAggregate, UnknownAccountError } from '../storage/orders-store';

export type OrderCommandCode = 'INVALID_ORDER' | 'UNKNOWN_ACCOUNT' | 'UNKNOWN_SYMBOL' | 'NOT_FOUND' | 'ORDER_TERMINAL' | PreTradeCode;

/** A refused command with a code the API exposes, and the order field it is about when there is one. */
export class OrderCommandError extends Error {
  constructor(readonly code: OrderCommandCode, message: string, readonly field: string | null = null) {
    super(message);
    this.name = 'OrderCommandError';
  }
}

/** The field an order-validation message is about (the domain's messages open with it). */
function fieldOf(message: string): string | null {
  return /^(quantity|limitPrice)\b/.exec(message)?.[1] ?? null;
}


function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const code = result.error.code === 'ORDER_TERMINAL' ? 'ORDER_TERMINAL' : 'INVALID_ORDER';
  throw new OrderCommandError(code, result.error.message, fieldOf(result.error.message));
}

export interface ExecutionDeps {
  store: OrdersStore;
  redis: Redis;
  publisher: StreamPublisher;
  events: { pubsub: RedisPubSub; channel: (name: string) => string };
  clock: () => Date;
  isKnownSymbol: (symbol: string) => Promise<boolean>;
  prefix?: string;
  fees?: FeeSchedule;
  logger?: Logger;
  /** Order ids: random in production, injectable for deterministic replays. */
  newOrderId?: () => string;
  /**
   * The pre-trade checks of every new order (services.ts always sets them). Absent only where a test
   * of something else builds the service by hand.
   */
  preTrade?: { accounts: AccountExposureReader; limits: PreTradeLimits };
  /**
   * Where the service's messages are queued and relayed from (services.ts sets it and index.ts starts
   * its relay loop). Absent where a test builds the service by hand: one over the store's database and
   * `publisher` is made, relaying after each commit only.
   */
  outbox?: Outbox;
}

/** How often a write that lost a race to another write of the same order is retried on the re-read order. */
const MAX_CONFLICT_RETRIES = 5;

export class ExecutionService {
  readonly outbox: Outbox;

  constructor(private readonly d: ExecutionDeps) {
    this.outbox = d.outbox ?? new Outbox({ prisma: d.store.prisma, publisher: d.publisher, events: d.events.pubsub, redis: d.redis, name: `${d.prefix ?? ''}execution`, logger: d.logger });
  }

  /**
   * Books and matches an order. A repeated client order id (a duplicate, or the consumer retrying after
   * a failure) books nothing new: a MARKET order stored but never matched is matched now, and any other
   * is answered as stored. Its fills were queued in the outbox when they were stored, and whatever is
   * still unsent goes out now (accounts apply a trade id once).
   */
  async place(message: Order): Promise<OrderAggregate> {
    if (!(await this.d.isKnownSymbol(message.symbol))) throw new OrderCommandError('UNKNOWN_SYMBOL', `unknown symbol ${message.symbol}`, 'symbol');
    const draft = unwrap(createOrder({ orderId: (this.d.newOrderId ?? randomUUID)(), order: message }));
    await this.checkNewOrder(draft);
    let stored;
    try {
      stored = await this.d.store.createOrGet(draft, (tx, row) => this.outbox.write(tx, [this.orderEvent(toAggregate(row))]));
    } catch (err) {
      if (err instanceof UnknownAccountError) throw new OrderCommandError('UNKNOWN_ACCOUNT', err.message);
      throw err;
    }
    try {
      const order = toAggregate(stored.row);
      if (!stored.created && !awaitingMatch(order)) return order;
      const book = await this.book(order.symbol);
      const now = this.d.clock().toISOString();
      const opts = { now, fees: this.d.fees ?? DEFAULT_FEES };
      const outcome = unwrap(orderTypeSpec(order.type).matchOnArrival(order, book, opts));
      try {
        return await this.commit(outcome.order, outcome.fills, order.version);
      } catch (err) {
        // Another write got there first (a duplicate matching it, a resting cross, a cancel): its result is the order's.
        if (!(err instanceof ConcurrentMatchError)) throw err;
        const row = await this.d.store.get(order.orderId);
        return toAggregate(row!);
      }
    } finally {
      await this.outbox.afterCommit();
    }
  }

  /**
   * Pre-trade checks, before anything is stored. A repeated client order id was checked when it was
   * first booked (its retry must go on even if the account has changed since, e.g. by its own fill).
   */
  private async checkNewOrder(draft: OrderAggregate): Promise<void> {
    const guard = this.d.preTrade;
    if (!guard || (await this.d.store.exists(draft.accountId, draft.clientOrderId))) return;
    const exposure = await guard.accounts.exposure(draft.accountId, draft.symbol);
    if (!exposure) throw new OrderCommandError('UNKNOWN_ACCOUNT', `account ${draft.accountId} does not exist`, 'accountId');
    const refusal = checkPreTrade(draft, await this.book(draft.symbol), exposure, guard.limits);
    if (refusal) {
      this.d.logger?.info({ accountId: draft.accountId, symbol: draft.symbol, code: refusal.code }, `order refused before booking: ${refusal.message}`);
      throw new OrderCommandError(refusal.code, refusal.message, refusal.field);
    }
  }

  /** Cancels what the order is when the cancel is written: a fill that lands first is kept (or makes it terminal). */
  async cancel(orderId: string): Promise<OrderAggregate> {
    try {
      for (let attempt = 1; ; attempt += 1) {
        const row = await this.d.store.get(orderId);
        if (!row) throw new OrderCommandError('NOT_FOUND', `order ${orderId} does not exist`);
        try {
          return await this.commit(unwrap(cancel(toAggregate(row), 'canceled by request')), [], row.version);
        } catch (err) {
          if (!(err instanceof ConcurrentMatchError) || attempt >= MAX_CONFLICT_RETRIES) throw err;
        }
      }
    } finally {
      await this.outbox.afterCommit();
    }
  }

  /** Fills resting orders (LIMIT, ...: see RESTING_ORDER_TYPES) of a symbol that the latest book now crosses (oldest first). */
  async crossResting(symbol: string): Promise<number> {
    const resting = (await this.d.store.openRestingOrders(symbol, RESTING_ORDER_TYPES)).map(toAggregate);
    if (resting.length === 0) return 0;
    const versions = new Map(resting.map((o) => [o.orderId, o.version]));
    const opts = { now: this.d.clock().toISOString(), fees: this.d.fees ?? DEFAULT_FEES };
    const outcome = unwrap(crossRestingOrders(resting, await this.book(symbol), opts));
    let filled = 0;
    try {
      for (const order of outcome.orders) {
        const fills = outcome.fills.filter((f) => f.orderId === order.orderId);
        if (fills.length === 0) continue;
        try {
          await this.commit(order, fills, versions.get(order.orderId)!);
          filled += fills.length;
        } catch (err) {
          if (!(err instanceof ConcurrentMatchError)) throw err;
          // Changed since it was read (canceled, or filled by another book update): crossed again as it
          // is now, against only the size no other order of this pass took.
          filled += await this.crossAgain(order.orderId, outcome.book, opts);
        }
      }
    } finally {
      await this.outbox.afterCommit();
    }
    return filled;
  }

  private async crossAgain(orderId: string, remaining: BookSnapshot, opts: { now: string; fees: FeeSchedule }): Promise<number> {
    const row = await this.d.store.get(orderId);
    if (!row) return 0;
    const fresh = toAggregate(row);
    const outcome = unwrap(crossRestingOrders([fresh], remaining, opts));
    if (outcome.fills.length === 0) return 0; // canceled, filled, or nothing left to take
    try {
      await this.commit(outcome.orders[0]!, outcome.fills, fresh.version);
      return outcome.fills.length;
    } catch (err) {
      if (!(err instanceof ConcurrentMatchError)) throw err;
      this.d.logger?.info({ orderId }, 'resting order changed twice while crossing; the next book update crosses it');
      return 0;
    }
  }

  private async book(symbol: string): Promise<BookSnapshot> {
    const stored = await readBook(this.d.redis, symbol, this.d.prefix);
    return { bids: stored?.bids ?? [], asks: stored?.asks ?? [] };
  }

  /**
   * Stores the order's new state with its fills, over the version it was computed from, and queues what
   * tells the rest of the platform (each fill for `fills` and as an event, then the order update) in the
   * same transaction. The caller has the outbox send them.
   */
  private async commit(order: OrderAggregate, fills: readonly ExecutionFill[], version: number): Promise<OrderAggregate> {
    const row = await this.d.store.recordMatch(order, fills, version, (tx, written) => {
      const saved = toAggregate(written);
      const entries: OutboxEntry[] = [];
      for (const fill of fills) {
        const message: Fill = fillViewOf(saved, fill);
        entries.push(streamMessage('fills', message, fill.tradeId), eventMessage(this.d.events.channel(FILL_EVENTS), message));
      }
      return this.outbox.write(tx, [...entries, this.orderEvent(saved)]);
    });
    const saved = toAggregate(row);
    this.d.logger?.info({ orderId: saved.orderId, status: saved.status, fills: fills.length, open: isOpen(saved) }, 'order updated');
    return saved;
  }

  private orderEvent(order: OrderAggregate): OutboxEntry {
    return eventMessage(this.d.events.channel(ORDER_EVENTS), orderUpdateOf(order, this.d.clock()));
  }
}

/**
 * An order of a type that does not rest (MARKET) stored but never matched: its first attempt failed
 * before the match was recorded (a matched MARKET order is never left NEW). A resting type's order
 * (LIMIT) in that state simply rests, and crossResting fills it when the book crosses it.
 */
function awaitingMatch(order: OrderAggregate): boolean {
  return !orderTypeSpec(order.type).rests && order.status === 'NEW' && order.fills.length === 0;
}
