// Parent types of the sentiment resolvers (mapped in codegen.ts), the GraphQL ↔ domain window names,
// and the id of an aggregate (symbol, window, asOf) that `sentimentById` resolves.
import { isSentimentWindow, type SentimentWindow } from '../domain';

export type { SymbolSentimentModel } from '../application/sentiment-service';
export type { NewsRow as NewsItemModel, ScoreRow as NewsSentimentModel } from '../storage/news-store';
export type { InferenceStats as SentimentModelModel } from '../inference/inference';

/** An Instrument entity reference: the sentiment subgraph only knows its key. */
export interface InstrumentRef {
  symbol: string;
}

export type GraphQLWindow = 'M15' | 'H1' | 'D1';

const TO_DOMAIN: Record<GraphQLWindow, SentimentWindow> = { M15: '15m', H1: '1h', D1: '1d' };
const TO_GRAPHQL: Record<SentimentWindow, GraphQLWindow> = { '15m': 'M15', '1h': 'H1', '1d': 'D1' };

export const windowOf = (w: GraphQLWindow | null | undefined): SentimentWindow => TO_DOMAIN[w ?? 'H1'];
export const graphqlWindow = (w: SentimentWindow): GraphQLWindow => TO_GRAPHQL[w];

export interface AggregateKey {
  symbol: string;
  window: SentimentWindow;
  asOf: Date;
}

export function encodeSentimentId(key: { symbol: string; window: SentimentWindow; asOf: string | Date }): string {
  const asOf = key.asOf instanceof Date ? key.asOf.toISOString() : new Date(key.asOf).toISOString();
  return Buffer.from(JSON.stringify([key.symbol, key.window, asOf])).toString('base64url');
}

/** null for anything that is not an id this service made. */
export function decodeSentimentId(id: string): AggregateKey | null {
  try {
    const t: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    if (!Array.isArray(t) || t.length !== 3) return null;
    const [symbol, window, asOf] = t as unknown[];
    if (typeof symbol !== 'string' || symbol === '' || !isSentimentWindow(window) || typeof asOf !== 'string') return null;
    const at = new Date(asOf);
    return Number.isNaN(at.getTime()) ? null : { symbol, window, asOf: at };
  } catch {
    return null;
  }
}
