// Application layer of the strategy engine (the seed's enhanced_decide_and_order): for each signal it
// gathers indicators, forecast and sentiment in parallel under the seed's timeouts (neutral when a
// service is down or slow), decides, checks risk against the account, records the decision with its
// factors, and sends accepted orders to the `orders` stream with a deterministic client order id: the
// order is queued in the outbox in the decision's own transaction and relayed right after. A signal is
// decided once per strategy and account, across restarts and replicas: the stored decision is looked up
// first.
import type { Redis } from 'ioredis';
import { markPrice, Outbox, readQuotes, signalIdOf, streamMessage, type Logger, type Signal, type StreamPublisher } from '@aitrader/platform';
import { checkRisk, clientOrderId, decide, fitToLimits, DEFAULT_STRATEGY_CONFIG, forecastHistory, isSignalStrongEnough, parseStrategyConfig, reconfigure, type Decision, type StrategyConfig } from '../domain';
import type { StrategyClients } from '../storage/service-clients';
import type { DecisionsStore, StoredStrategy } from '../storage/decisions-store';

export interface DecisionOutcome {
  decisionId: string;
  decision: Decision;
  order: { clientOrderId: string; side: 'BUY' | 'SELL'; quantity: number } | null;
  riskReason: string | null;
  /** The strategy that decided (its parameters may change before the order is sent). */
  strategyName: string;
}

/** What a change to a stored strategy gives back: the strategy as stored now, or why nothing changed. */
export type StrategyChange =
  | { strategy: StoredStrategy; error: null }
  | { strategy: null; error: { code: 'NOT_FOUND' | 'INVALID_CONFIG'; message: string; field: string | null } };

/** What handling a signal came to: the outcome of a new decision, and the decision (new or stored) if any. */
interface Handled {
  outcome: DecisionOutcome | null;
  decisionId: string | null;
}

const withTimeout = <T>(p: Promise<T>, ms: number, fallback: T) =>
  Promise.race([p, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref())]);


export class StrategyService {
  /**
   * Signals handled by this process: signal id → the decision made for it (null: none, e.g. disabled).
   * Only a cache: what counts is the decision stored for (strategy, signal, account), looked up on a miss.
   */
  private readonly seen = new Map<string, string | null>();
  private readonly inflight = new Map<string, Promise<Handled>>();
  /** Decisions recorded whose event has not gone out yet (a failed step, awaiting its retry). */
  private readonly unannounced = new Map<string, DecisionOutcome>();
  /** Where the `orders` messages are queued with their decision and relayed from (index.ts starts its loop). */
  readonly outbox: Outbox;
  strategy!: StoredStrategy;
  private current: StrategyConfig;

  constructor(
    private readonly deps: {
      store: DecisionsStore;
      clients: StrategyClients;
      publisher: StreamPublisher;
      redis: Redis;
      config: StrategyConfig;
      accountId: string;
      clock: () => Date;
      prefix?: string;
      logger?: Logger;
      /** Told about every recorded decision (the `decisionMade` subscription). */
      onDecision?: (decision: { id: string; symbol: string }) => Promise<void>;
      /** Told about every stored strategy change, so other replicas reload it. */
      onStrategyChanged?: (change: { name: string }) => Promise<void>;
      /** services.ts sets it; a test building the service by hand gets one over the store's database that relays after each commit. */
      outbox?: Outbox;
    },
  ) {
    this.current = deps.config;
    this.outbox = deps.outbox ?? new Outbox({ prisma: deps.store.prisma, publisher: deps.publisher, redis: deps.redis, name: `${deps.prefix ?? ''}strategy`, logger: deps.logger });
  }

  get config(): StrategyConfig {
    return this.current;
  }

  /** The strategy row, created with the configured parameters the first time; stored parameters win after that. */
  async init(): Promise<void> {
    this.apply(await this.deps.store.ensureStrategy(this.deps.config.strategyName, this.deps.config));
  }

  /** Takes a stored strategy's state (enabled, parameters) if it is the one this process runs. */
  apply(stored: StoredStrategy): void {
    if (stored.name !== this.current.strategyName) return;
    this.strategy = stored;
    const parsed = parseStrategyConfig(stored.config);
    if (parsed.ok) this.current = parsed.config;
    else this.deps.logger?.warn({ strategy: stored.name, issues: parsed.issues }, 'stored strategy parameters are invalid; keeping the current ones');
  }

  /** Enables or disables a stored strategy; applied here and announced to the other replicas. */
  async setEnabled(name: string, enabled: boolean): Promise<StrategyChange> {
    const updated = await this.deps.store.setEnabled(name, enabled);
    return updated ? this.changed(updated) : notFound(name);
  }

  /** Merges a change into a stored strategy's parameters; an invalid result is refused with the field at fault. */
  async configure(name: string, change: unknown): Promise<StrategyChange> {
    const stored = (await this.deps.store.strategies()).find((s) => s.name === name);
    if (!stored) return notFound(name);
    const current = parseStrategyConfig(stored.config);
    const result = reconfigure(current.ok ? current.config : { ...DEFAULT_STRATEGY_CONFIG, strategyName: name }, change);
    if (!result.ok) {
      const message = result.issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
      return { strategy: null, error: { code: 'INVALID_CONFIG', message, field: result.issues[0]?.path ?? null } };
    }
    return this.changed(await this.deps.store.saveConfig(name, result.config));
  }

  private async changed(stored: StoredStrategy): Promise<StrategyChange> {
    this.apply(stored);
    await this.deps.onStrategyChanged?.({ name: stored.name });
    return { strategy: stored, error: null };
  }

  /** Re-reads this process's strategy after another process changed it. */
  async reload(name: string): Promise<void> {
    if (name !== this.current.strategyName) return;
    const stored = (await this.deps.store.strategies()).find((s) => s.name === name);
    if (stored) this.apply(stored);
  }

  /**
   * Handles one signal once, whichever way it arrived (stream or channel). A second arrival while the
   * first is still being decided waits for it, so the stream entry is acked only after the decision
   * (and its order) exist — what a lockstep replay relies on. A signal counts as handled only once its
   * decision is recorded and announced: when a step fails, the stream consumer's retry runs it again,
   * and a decision already recorded — by this process or, before a restart, by another — is not decided
   * again: its order, queued with it, is only relayed if still unsent.
   */
  async onSignal(signal: Signal): Promise<DecisionOutcome | null> {
    const id = signalIdOf(signal);
    const running = this.inflight.get(id);
    if (running) {
      await running.catch(() => undefined);
      return null;
    }
    if (this.seen.has(id)) {
      const decisionId = this.seen.get(id)!;
      this.alreadyHandled(signal, id, decisionId);
      // A redelivery after a failed relay: the decision's order, still queued, goes out now.
      if (decisionId !== null) await this.outbox.afterCommit();
      return null;
    }
    const attempt = this.handleOnce(signal, id);
    this.inflight.set(id, attempt);
    try {
      const { outcome, decisionId } = await attempt;
      this.remember(id, decisionId);
      return outcome;
    } finally {
      this.inflight.delete(id);
    }
  }

  /** Said out loud: re-running the seed's PUBLISH sends the same signal (same id) and gets no new decision. */
  private alreadyHandled(signal: Signal, id: string, decisionId: string | null): void {
    this.deps.logger?.info({ symbol: signal.symbol, signalId: id, decisionId }, decisionId ? `already decided: ${decisionId}` : `already handled signal ${id} (no decision: strategy disabled)`);
  }

  private async handleOnce(signal: Signal, id: string): Promise<Handled> {
    let outcome = this.unannounced.get(id);
    if (outcome === undefined) {
      if (!this.strategy.enabled) return { outcome: null, decisionId: null };
      const stored = await this.deps.store.decisionFor({ strategyId: this.strategy.id, signalId: id, accountId: this.deps.accountId });
      const decided = stored === null ? await this.decideAndRecord(signal, id) : null;
      if (decided === null || !decided.created) {
        // Decided before (an earlier process, or a racing one that stored it first): nothing new. Its
        // order was queued with it; if a crash kept it from going out, it goes now.
        const decisionId = stored ?? decided!.decisionId;
        this.alreadyHandled(signal, id, decisionId);
        await this.outbox.afterCommit();
        return { outcome: null, decisionId };
      }
      outcome = decided;
      this.unannounced.set(id, outcome);
      if (this.unannounced.size > 1_000) this.unannounced.delete(this.unannounced.keys().next().value as string);
    }
    await this.announce(signal, outcome);
    this.unannounced.delete(id);
    return { outcome, decisionId: outcome.decisionId };
  }

  /**
   * Gathers the inputs, decides, checks risk and records the decision with its order queued in the
   * outbox (nothing leaves the service yet). `created: false`: another process stored its decision first.
   */
  private async decideAndRecord(signal: Signal, id: string): Promise<DecisionOutcome & { created: boolean }> {
    const { clients, store, logger } = this.deps;
    const config = this.current;
    await store.ensureSignal({ ...signal, id });

    let indicators = null;
    let forecast = null;
    let sentiment = null;
    if (isSignalStrongEnough(signal.score, config)) {
      // The engine's indicators at emission time; the seed's bare signals have none, so ask the signals service.
      indicators = signal.indicators ?? (await clients.indicators(signal.symbol));
      const history = forecastHistory(indicators?.history ?? [], config);
      [forecast, sentiment] = await withTimeout(
        Promise.all([
          history.length > 0 ? clients.forecast(signal.symbol, history, config.forecastHorizon, config.timeouts.forecastMs) : Promise.resolve(null),
          clients.sentiment(signal.symbol, config.timeouts.sentimentMs),
        ]),
        config.timeouts.overallMs,
        [null, null],
      );
    }
    let decision = decide({ signal: { symbol: signal.symbol, score: signal.score, timestamp: signal.timestamp, id }, indicators, forecast, sentiment, config });

    let order: DecisionOutcome['order'] = null;
    let riskReason: string | null = null;
    if (decision.action === 'BUY' || decision.action === 'SELL') {
      const [account, price] = await Promise.all([clients.account(this.deps.accountId), this.referencePrice(signal.symbol, indicators?.history)]);
      if (account) {
        // Scaled down to the binding limit (notional, position, buying power) rather than refused.
        const asked = { symbol: signal.symbol, side: decision.side, quantity: decision.quantity };
        const fitted = fitToLimits(asked, account, { price: price ?? Number.NaN }, config);
        if (fitted.boundBy && fitted.quantity > 0) {
          decision = { ...decision, quantity: fitted.quantity, reason: `${decision.reason}; scaled from ${asked.quantity} to ${fitted.quantity} by ${fitted.boundBy}` };
        }
      }
      const risk = account
        ? checkRisk({ symbol: signal.symbol, side: decision.side, quantity: decision.quantity }, account, { price: price ?? Number.NaN }, config)
        : { ok: false as const, code: 'NO_ACCOUNT', reason: `account ${this.deps.accountId} unavailable` };
      if (risk.ok) {
        order = { clientOrderId: clientOrderId({ strategyName: config.strategyName, side: decision.side, signalId: id, symbol: signal.symbol, timestamp: signal.timestamp }), side: decision.side, quantity: decision.quantity };
      } else {
        riskReason = `${risk.code}: ${risk.reason}`;
      }
    }
    const record = { strategyId: this.strategy.id, decision, signalId: id, riskRejected: riskReason !== null, riskReason, clientOrderId: order?.clientOrderId ?? null, accountId: this.deps.accountId, decidedAt: this.deps.clock() };
    // The order is queued in the decision's transaction: both are stored, or neither. Its client order id
    // is derived from the signal, so execution books it once however often it is relayed.
    const stored = await store.record(record, async (tx, decisionId) => {
      if (!order) return;
      await this.outbox.write(tx, [streamMessage('orders', {
        clientOrderId: order.clientOrderId, accountId: this.deps.accountId, symbol: signal.symbol, side: order.side, type: 'MARKET',
        quantity: order.quantity, strategy: config.strategyName, decisionId, timestamp: this.deps.clock().toISOString(),
      }, `${this.deps.accountId}:${order.clientOrderId}`)]); // execution's identity of an order: (account, client order id)
    });
    if (stored.created) {
      logger?.info(
        { symbol: signal.symbol, action: decision.action, quantity: decision.quantity, combined: decision.combinedScore, factors: decision.factors, sources: decision.sources, risk: riskReason, clientOrderId: order?.clientOrderId },
        `decision for ${signal.symbol}: ${decision.action} — ${decision.reason}${riskReason ? ` (risk: ${riskReason})` : ''}`,
      );
    }
    return { decisionId: stored.id, created: stored.created, decision, order, riskReason, strategyName: config.strategyName };
  }

  /**
   * Sends the recorded decision's order (queued with it; relayed now) and tells subscribers about the
   * decision. Safe to repeat: a relayed order is not sent again, and the event is only an event.
   */
  private async announce(signal: Signal, { decisionId }: DecisionOutcome): Promise<void> {
    await this.outbox.afterCommit();
    await this.deps.onDecision?.({ id: decisionId, symbol: signal.symbol });
  }

  private async referencePrice(symbol: string, history?: readonly number[]): Promise<number | null> {
    const quote = (await readQuotes(this.deps.redis, [symbol], this.deps.prefix)).get(symbol);
    return markPrice(quote) ?? history?.[history.length - 1] ?? null;
  }

  private remember(id: string, decisionId: string | null): void {
    this.seen.set(id, decisionId);
    if (this.seen.size > 10_000) this.seen.delete(this.seen.keys().next().value as string);
  }
}

const notFound = (name: string): StrategyChange => ({ strategy: null, error: { code: 'NOT_FOUND', message: `strategy ${name} does not exist`, field: 'name' } });
