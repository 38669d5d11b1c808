// Candle queries: closed candles from PostgreSQL with keyset pagination, plus the bucket still being
// built (from the live aggregator) when it falls in the requested range.
import type { Candle, CandleInterval } from '../domain';
import type { CandlesStore } from '../storage/candles-store';
import type { TickPipeline } from './tick-pipeline';

export type CandleModel = Candle & { partial: boolean };

export interface CandlePageQuery {
  symbol: string;
  interval: CandleInterval;
  from?: number;
  to?: number;
  first: number;
  after?: string | null;
}

export class InvalidCursorError extends Error {
  readonly code = 'BAD_USER_INPUT';
}

export const encodeCursor = (openTime: number) => Buffer.from(`candle:${openTime}`).toString('base64url');

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const match = /^candle:(-?\d+)$/.exec(text);
  if (!match) throw new InvalidCursorError(`invalid cursor ${JSON.stringify(cursor)}`);
  return Number(match[1]);
}

export async function candlePage(store: CandlesStore, pipeline: TickPipeline, q: CandlePageQuery) {
  const after = q.after ? decodeCursor(q.after) : undefined;
  const page = await store.page({ symbol: q.symbol, interval: q.interval, from: q.from, to: q.to, afterOpenTime: after, first: q.first });
  const nodes: CandleModel[] = page.candles.map((c) => ({ ...c, partial: false }));
  let hasNextPage = page.hasNextPage;
  const open = pipeline.openCandle(q.symbol, q.interval);
  const inRange = open && (q.from === undefined || open.openTime >= q.from) && (q.to === undefined || open.openTime <= q.to) && (after === undefined || open.openTime > after);
  if (open && inRange) {
    // The live bucket wins over a stored row for the same bucket (one flushed at an earlier shutdown).
    const stored = nodes.findIndex((c) => c.openTime === open.openTime);
    if (stored >= 0) nodes[stored] = { ...open, partial: true };
    else if (nodes.length < q.first && !hasNextPage) nodes.push({ ...open, partial: true });
    else hasNextPage = true;
  }
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor(node.openTime), node })),
    pageInfo: { hasNextPage, endCursor: nodes.length > 0 ? encodeCursor(nodes[nodes.length - 1]!.openTime) : null },
  };
}
