// Training data for a training job: by default the seeded synthetic corpus the bootstrap model was
// trained on (see models/src/nbeats/build-bootstrap.ts for why not the bundled sample); with symbols,
// their candle closes from PostgreSQL, one symbol after another, chain-linked into one series.
import type { PrismaClient } from '@aitrader/prisma';
import { readOhlcvCsv, syntheticSeries } from '@aitrader/models/nbeats';
import { SYNTHETIC_CORPUS } from '@aitrader/models/nbeats/bootstrap';
import type { TrainJobPayload } from './job-spec';

export interface Corpus {
  series: Float64Array;
  /** One line for the model's metrics and the job result. */
  description: string;
  sources: { symbol: string; closes: number }[];
}

/** A symbol needs at least this many closes: one window of 60 + 10 (the trainer still needs several windows in all). */
export const MIN_CLOSES_PER_SYMBOL = 70;
/** At most this many closes per symbol (the latest ones), so a job's memory and time stay bounded. */
export const MAX_CLOSES_PER_SYMBOL = 20_000;

export class CorpusError extends Error {
  readonly code = 'INSUFFICIENT_DATA';
}

/**
 * Joins price segments into one series without jumps: each segment is scaled so that its first price
 * equals the previous segment's last one. The model only sees prices relative to a window's last price,
 * so every move inside a segment is kept exactly; a window across a join sees one symbol's moves and then
 * the next one's, instead of a jump from one price level to another.
 */
export function chainLink(segments: readonly (readonly number[])[]): Float64Array {
  const total = segments.reduce((n, s) => n + s.length, 0);
  const out = new Float64Array(total);
  let at = 0;
  for (const segment of segments) {
    if (segment.length === 0) continue;
    const scale = at === 0 ? 1 : out[at - 1]! / segment[0]!;
    for (const price of segment) out[at++] = price * scale;
  }
  return out;
}

export async function buildCorpus(payload: Pick<TrainJobPayload, 'symbols' | 'interval' | 'file'>, prisma: PrismaClient): Promise<Corpus> {
  if (payload.file) {
    const { series } = readOhlcvCsv(payload.file);
    return { series, description: `ohlcv close: ${payload.file} (${series.length} bars)`, sources: [] };
  }
  if (payload.symbols.length === 0) {
    const series = syntheticSeries(SYNTHETIC_CORPUS);
    return { series, description: `syntheticSeries(${JSON.stringify(SYNTHETIC_CORPUS)})`, sources: [] };
  }
  const segments: number[][] = [];
  const sources: Corpus['sources'] = [];
  for (const symbol of payload.symbols) {
    const rows = await prisma.candle.findMany({
      where: { symbol, interval: payload.interval },
      orderBy: { openTime: 'desc' },
      select: { close: true },
      take: MAX_CLOSES_PER_SYMBOL,
    });
    const closes = rows.reverse().map((r) => Number(r.close.toString())).filter((p) => Number.isFinite(p) && p > 0);
    if (closes.length < MIN_CLOSES_PER_SYMBOL) {
      throw new CorpusError(`${symbol} has ${closes.length} ${payload.interval} candles; training needs at least ${MIN_CLOSES_PER_SYMBOL} per symbol`);
    }
    segments.push(closes);
    sources.push({ symbol, closes: closes.length });
  }
  return {
    series: chainLink(segments),
    description: `candles ${payload.interval}: ${sources.map((s) => `${s.symbol} (${s.closes})`).join(', ')}, chain-linked`,
    sources,
  };
}
