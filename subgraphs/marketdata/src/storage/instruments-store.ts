// Instruments in PostgreSQL: the built-in universe is upserted at start so other tables and services can
// rely on it; lookups are cached in memory because the universe changes only by deployment.
import type { PrismaClient } from '@aitrader/prisma';
import { upsertWithRetry } from '@aitrader/platform';
import { INSTRUMENTS } from '../domain';

export interface InstrumentRow {
  symbol: string;
  name: string;
  assetClass: string;
  tickSize: number;
  lotSize: number;
  currency: string;
}

export class InstrumentsStore {
  private cache?: Map<string, InstrumentRow>;

  constructor(private readonly prisma: PrismaClient) {}

  async seed(): Promise<void> {
    for (const i of INSTRUMENTS) {
      const data = { name: i.name, assetClass: i.assetClass, tickSize: i.tickSize, lotSize: i.lotSize, currency: i.currency, active: true };
      await upsertWithRetry(() => this.prisma.instrument.upsert({ where: { symbol: i.symbol }, create: { symbol: i.symbol, ...data }, update: data }));
    }
    this.cache = undefined;
  }

  async all(): Promise<Map<string, InstrumentRow>> {
    if (!this.cache) {
      const rows = await this.prisma.instrument.findMany({ where: { active: true }, orderBy: { symbol: 'asc' } });
      this.cache = new Map(rows.map((r) => [r.symbol, { symbol: r.symbol, name: r.name, assetClass: r.assetClass, tickSize: Number(r.tickSize), lotSize: Number(r.lotSize), currency: r.currency }]));
    }
    return this.cache;
  }

  async get(symbol: string): Promise<InstrumentRow | undefined> {
    return (await this.all()).get(symbol);
  }
}
