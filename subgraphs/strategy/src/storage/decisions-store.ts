// Storage layer of the strategy engine: strategies (name, enabled, config) and every decision, taken or
// not, with its factors, sources, reason and risk outcome.
import type { PrismaClient } from '@aitrader/prisma';
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
  decidedAt: Date;
}

export class DecisionsStore {
  constructor(private readonly prisma: PrismaClient) {}

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

  async record(r: DecisionRecord): Promise<string> {
    const d = r.decision;
    const row = await this.prisma.strategyDecision.create({
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
        decidedAt: r.decidedAt,
      },
    });
    return row.id;
  }

  async decision(id: string) {
    return this.prisma.strategyDecision.findUnique({ where: { id } });
  }

  async decisions(q: { symbol?: string | null; since?: Date | null; first: number }) {
    return this.prisma.strategyDecision.findMany({ where: { ...(q.symbol ? { symbol: q.symbol } : {}), ...(q.since ? { decidedAt: { gte: q.since } } : {}) }, orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }], take: q.first });
  }
}
