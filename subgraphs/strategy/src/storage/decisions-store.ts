// Storage layer of the strategy engine: strategies (name, enabled, config) and every decision, taken or
// not, with its factors, sources, reason and risk outcome. One decision per (strategy, signal, account):
// the unique key decides between processes, and a decision is written in one transaction with what
// announces it (its order, queued in the outbox).
import { Prisma, type PrismaClient } from '@aitrader/prisma';
import { upsertWithRetry } from '@aitrader/platform';
import type { Decision } from '../domain';

export interface StoredStrategy {
  id: string;
  name: string;
  enabled: boolean;
  config: unknown;
}

export interface DecisionRecord {
  strategyId: string;
  decision: Decision;
  signalId: string | null;
  riskRejected: boolean;
  riskReason: string | null;
  clientOrderId: string | null;
  /** The account it was sized and risk-checked for (its order's). */
  accountId: string;
  decidedAt: Date;
}

/** Which decision: a strategy's, on a signal, for an account. */
export interface DecisionKey {
  strategyId: string;
  signalId: string;
  accountId: string;
}

/** Queues, inside the decision's transaction, the messages announcing it (given its stored id). */
export type AnnounceDecision = (tx: Prisma.TransactionClient, decisionId: string) => Promise<void>;

export class DecisionsStore {
  /** Public so the service's outbox relays through the same database. */
  constructor(readonly prisma: PrismaClient) {}

  /** The strategy row, created with the given config the first time. */
  async ensureStrategy(name: string, config: unknown): Promise<StoredStrategy> {
    return upsertWithRetry(() => this.prisma.strategy.upsert({ where: { name }, create: { name, config: config as object }, update: {} }));
  }

  async setEnabled(name: string, enabled: boolean): Promise<StoredStrategy | null> {
    return this.prisma.strategy.update({ where: { name }, data: { enabled } }).catch(() => null);
  }

  async saveConfig(name: string, config: unknown): Promise<StoredStrategy> {
    return this.prisma.strategy.update({ where: { name }, data: { config: config as object } });
  }

  async strategies(): Promise<StoredStrategy[]> {
    return this.prisma.strategy.findMany({ orderBy: { name: 'asc' } });
  }

  /** Stores a signal that arrived only on the pub/sub channel, so decisions can reference it. */
  async ensureSignal(s: { id: string; symbol: string; score: number; timestamp: string; detector?: string; reason?: string }): Promise<void> {
    await this.prisma.signal.createMany({
      data: [{ id: s.id, symbol: s.symbol, score: s.score, timestamp: new Date(s.timestamp), detector: s.detector ?? 'external', reason: s.reason ?? '' }],
      skipDuplicates: true,
    });
  }

  /** The decision stored under the key, if any: survives restarts, unlike any memory of the process. */
  async decisionFor(key: DecisionKey): Promise<string | null> {
    const row = await this.prisma.strategyDecision.findUnique({ where: { strategyId_signalId_accountId: key }, select: { id: true } });
    return row?.id ?? null;
  }

  /**
   * Stores a decision and, in its transaction, what announces it. If the strategy already has a decision
   * for the signal and account (another process decided it at the same moment), nothing is written or
   * announced and the stored decision is returned, `created: false`.
   */
  async record(r: DecisionRecord, announce?: AnnounceDecision): Promise<{ id: string; created: boolean }> {
    try {
      const id = await this.prisma.$transaction(async (tx) => {
        const row = await this.create(tx, r);
        await announce?.(tx, row.id);
        return row.id;
      });
      return { id, created: true };
    } catch (err) {
      if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') || r.signalId === null) throw err;
      const stored = await this.decisionFor({ strategyId: r.strategyId, signalId: r.signalId, accountId: r.accountId });
      if (stored === null) throw err;
      return { id: stored, created: false };
    }
  }

  private create(tx: Prisma.TransactionClient, r: DecisionRecord) {
    const d = r.decision;
    return tx.strategyDecision.create({
      data: {
        strategyId: r.strategyId,
        signalId: r.signalId,
        symbol: d.symbol,
        action: d.action === 'SKIP' ? 'HOLD' : d.action,
        combinedScore: d.combinedScore,
        quantity: d.quantity,
        factors: { ...d.factors, contributions: d.contributions, sources: d.sources, forecastRule: d.forecastRule, skipped: d.action === 'SKIP' } as object,
        reason: d.reason,
        riskRejected: r.riskRejected,
        riskReason: r.riskReason,
        clientOrderId: r.clientOrderId,
        accountId: r.accountId,
        decidedAt: r.decidedAt,
      },
      select: { id: true },
    });
  }

  async decision(id: string) {
    return this.prisma.strategyDecision.findUnique({ where: { id } });
  }

  async decisions(q: { symbol?: string | null; since?: Date | null; first: number }) {
    return this.prisma.strategyDecision.findMany({ where: { ...(q.symbol ? { symbol: q.symbol } : {}), ...(q.since ? { decidedAt: { gte: q.since } } : {}) }, orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }], take: q.first });
  }
}
