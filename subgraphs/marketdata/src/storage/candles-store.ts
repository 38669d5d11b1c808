// Closed OHLCV candles in PostgreSQL (unique per symbol, interval and open time, so re-aggregating a
// replay overwrites rather than duplicates), read back with keyset pagination on open time.
import type { PrismaClient } from '@aitrader/prisma';
import { upsertWithRetry } from '@aitrader/platform';
import type { Candle } from '../domain';

export interface CandlePage {
  candles: Candle[];
  hasNextPage: boolean;
}

export class CandlesStore {
  constructor(private readonly prisma: PrismaClient) {}

  async upsert(candles: Candle[]): Promise<void> {
    if (candles.length === 0) return;
    // Another replica (or a test's own service) may write the same bucket at the same moment.
    await upsertWithRetry(() => this.prisma.$transaction(
      candles.map((c) => {
        const values = { open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, tradeCount: c.tradeCount };
        return this.prisma.candle.upsert({
          where: { symbol_interval_openTime: { symbol: c.symbol, interval: c.interval, openTime: new Date(c.openTime) } },
          create: { symbol: c.symbol, interval: c.interval, openTime: new Date(c.openTime), ...values },
          update: values,
        });
      }),
    ));
  }

  /** Candles with openTime in [from, to], after the cursor's open time, oldest first. */
  async page(q: { symbol: string; interval: string; from?: number; to?: number; afterOpenTime?: number; first: number }): Promise<CandlePage> {
    const lower = Math.max(q.from ?? -Infinity, q.afterOpenTime !== undefined ? q.afterOpenTime + 1 : -Infinity);
    const rows = await this.prisma.candle.findMany({
      where: {
        symbol: q.symbol,
        interval: q.interval,
        openTime: { ...(Number.isFinite(lower) ? { gte: new Date(lower) } : {}), ...(q.to !== undefined ? { lte: new Date(q.to) } : {}) },
      },
      orderBy: { openTime: 'asc' },
      take: q.first + 1,
    });
    const lengthMs = intervalMs(q.interval);
    return {
      hasNextPage: rows.length > q.first,
      candles: rows.slice(0, q.first).map((r) => ({
        symbol: r.symbol,
        interval: r.interval as Candle['interval'],
        openTime: r.openTime.getTime(),
        closeTime: r.openTime.getTime() + lengthMs,
        open: Number(r.open),
        high: Number(r.high),
        low: Number(r.low),
        close: Number(r.close),
        volume: Number(r.volume),
        tradeCount: r.tradeCount,
      })) as Candle[],
    };
  }
}

const LENGTHS: Record<string, number> = { '1s': 1_000, '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000, '1d': 86_400_000 };
export function intervalMs(interval: string): number {
  const ms = LENGTHS[interval];
  if (ms === undefined) throw new Error(`unknown interval ${interval}`);
  return ms;
}
