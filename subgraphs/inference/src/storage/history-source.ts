// The latest prices behind `forecast(symbol)`: the signals subgraph's `indicators(symbol) { history }`
// (its last bar closes, the same history the strategy engine sends to /infer/forecast/nbeats) when it
// holds at least `lookback` closes, otherwise the last `lookback` 1-minute candle closes from PostgreSQL.
import type { Logger } from '@aitrader/platform';
import type { PrismaClient } from '@aitrader/prisma';

export interface PriceHistory {
  closes: number[];
  /** Where they came from: "signals" (live bars) or "candles:1m". */
  source: string;
}

export class HistorySource {
  constructor(
    private readonly o: { signalsGraphqlUrl: string; prisma: PrismaClient; logger?: Logger; timeoutMs?: number; headers: () => Record<string, string> },
  ) {}

  private async fromSignals(symbol: string): Promise<number[] | null> {
    try {
      const res = await fetch(this.o.signalsGraphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.o.headers() },
        body: JSON.stringify({ query: 'query($s: String!) { indicators(symbol: $s) { history } }', variables: { s: symbol } }),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 1000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { data?: { indicators?: { history?: unknown } | null } };
      const history = body.data?.indicators?.history;
      return Array.isArray(history) ? history.map(Number) : null;
    } catch (err) {
      this.o.logger?.debug({ symbol, err: (err as Error).message }, 'signals history unavailable');
      return null;
    }
  }

  private async fromCandles(symbol: string, count: number): Promise<number[]> {
    const rows = await this.o.prisma.candle.findMany({ where: { symbol, interval: '1m' }, orderBy: { openTime: 'desc' }, take: count, select: { close: true } });
    return rows.reverse().map((r) => Number(r.close.toString()));
  }

  /** At least `lookback` closes from the first source that has them; null when neither does. */
  async latest(symbol: string, lookback: number): Promise<PriceHistory | null> {
    const live = await this.fromSignals(symbol);
    if (live && live.length >= lookback) return { closes: live.slice(-lookback), source: 'signals' };
    const stored = await this.fromCandles(symbol, lookback);
    if (stored.length >= lookback) return { closes: stored, source: 'candles:1m' };
    return null;
  }
}
