// Application layer of the execution engine: books orders (idempotent on the client order id), matches
// them against the latest book from Redis, stores order + fills + executions in one transaction,
// publishes fills to the `fills` stream and order/fill events for subscriptions. Knows nothing of GraphQL.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { readBook, type Fill, type Logger, type Order, type RedisPubSub, type StreamPublisher } from '@aitrader/platform';
import {
  cancel, checkPreTrade, createOrder, crossRestingOrders, DEFAULT_FEES, fillViewOf, fillViewsOf, isOpen, orderTypeSpec, orderUpdateOf, RESTING_ORDER_TYPES,
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
}

export class ExecutionService {
  constructor(private readonly d: ExecutionDeps) {}

  /**
   * Books and matches an order. A repeated client order id (a duplicate, or the consumer retrying after
   * a failure) books nothing new: a MARKET order stored but never matched is matched now, and any other
   * has its fills sent to `fills` again, so a failure between storing and sending loses nothing
   * (accounts apply a trade id once).
   */
  async place(message: Order): Promise<OrderAggregate> {
    if (!(await this.d.isKnownSymbol(message.symbol))) throw new OrderCommandError('UNKNOWN_SYMBOL', `unknown symbol ${message.symbol}`, 'symbol');
    const draft = unwrap(createOrder({ orderId: (this.d.newOrderId ?? randomUUID)(), order: message }));
    await this.checkNewOrder(draft);
    let stored;
    try {
      stored = await this.d.store.createOrGet(draft);
    } catch (err) {
      if (err instanceof UnknownAccountError) throw new OrderCommandError('UNKNOWN_ACCOUNT', err.message);
      throw err;
    }
    const order = toAggregate(stored.row);
    if (!stored.created && !awaitingMatch(order)) {
      await this.resendFills(order);
      return order;
    }
    await this.publishOrder(order);
    const book = await this.book(order.symbol);
    const now = this.d.clock().toISOString();
    const opts = { now, fees: this.d.fees ?? DEFAULT_FEES };
    const outcome = unwrap(orderTypeSpec(order.type).matchOnArrival(order, book, opts));
    try {
      return await this.commit(outcome.order, outcome.fills);
    } catch (err) {
      // A duplicate matched it at the same moment and won: its result is the order's.
      if (!(err instanceof ConcurrentMatchError)) throw err;
      const row = await this.d.store.get(order.orderId);
      return toAggregate(row!);
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

  async cancel(orderId: string): Promise<OrderAggregate> {
    const row = await this.d.store.get(orderId);
    if (!row) throw new OrderCommandError('NOT_FOUND', `order ${orderId} does not exist`);
    return this.commit(unwrap(cancel(toAggregate(row), 'canceled by request')), []);
  }

  /** Fills resting orders (LIMIT, ...: see RESTING_ORDER_TYPES) of a symbol that the latest book now crosses (oldest first). */
  async crossResting(symbol: string): Promise<number> {
    const resting = (await this.d.store.openRestingOrders(symbol, RESTING_ORDER_TYPES)).map(toAggregate);
    if (resting.length === 0) return 0;
    const outcome = unwrap(crossRestingOrders(resting, await this.book(symbol), { now: this.d.clock().toISOString(), fees: this.d.fees ?? DEFAULT_FEES }));
    let filled = 0;
    for (const order of outcome.orders) {
      const fills = outcome.fills.filter((f) => f.orderId === order.orderId);
      if (fills.length === 0) continue;
      await this.commit(order, fills);
      filled += fills.length;
    }
    return filled;
  }

  private async book(symbol: string): Promise<BookSnapshot> {
    const stored = await readBook(this.d.redis, symbol, this.d.prefix);
    return { bids: stored?.bids ?? [], asks: stored?.asks ?? [] };
  }

  /** Stores the order's new state with its fills, then tells the rest of the platform. */
  private async commit(order: OrderAggregate, fills: readonly ExecutionFill[]): Promise<OrderAggregate> {
    const saved = toAggregate(await this.d.store.recordMatch(order, fills));
    for (const fill of fills) {
      const message: Fill = fillViewOf(saved, fill);
      await this.d.publisher.publish('fills', message);
      await this.d.events.pubsub.publish(this.d.events.channel(FILL_EVENTS), message);
    }
    await this.publishOrder(saved);
    this.d.logger?.info({ orderId: saved.orderId, status: saved.status, fills: fills.length, open: isOpen(saved) }, 'order updated');
    return saved;
  }

  private async resendFills(order: OrderAggregate): Promise<void> {
    for (const message of fillViewsOf(order)) await this.d.publisher.publish('fills', message);
  }

  private async publishOrder(order: OrderAggregate): Promise<void> {
    const update = orderUpdateOf(order, this.d.clock());
    await this.d.events.pubsub.publish(this.d.events.channel(ORDER_EVENTS), update);
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
