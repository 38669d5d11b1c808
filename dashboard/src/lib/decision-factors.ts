// Reads a Decision's `factors` JSON (the strategy engine's factor dictionary plus each factor's
// weighted contribution and which inputs were available). Unknown or missing keys read as null, so an
// older or partial row still renders.
export const FACTOR_NAMES = ['signal', 'forecast', 'sentiment', 'rsi'] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];

export const SOURCE_NAMES = ['forecast', 'sentiment', 'indicators'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

export interface DecisionFactorsView {
  /** Weighted share of the combined score per factor; they sum to it. */
  contributions: Record<FactorName, number | null>;
  /** The raw inputs: signal score, forecast direction × confidence, sentiment, RSI filter, volatility. */
  raw: { signalScore: number | null; forecastDirection: number | null; forecastConfidence: number | null; sentiment: number | null; rsiFilter: number | null; volatility: number | null };
  /** Per input: its provider (model, service, signals) or 'unavailable'; null when not recorded. */
  sources: Record<SourceName, string | null>;
  forecastRule: string | null;
  skipped: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOf = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const stringOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function parseDecisionFactors(json: string): DecisionFactorsView {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = null;
  }
  const root = isRecord(parsed) ? parsed : {};
  const contributions = isRecord(root.contributions) ? root.contributions : {};
  const sources = isRecord(root.sources) ? root.sources : {};
  return {
    contributions: {
      signal: numberOf(contributions.signal),
      forecast: numberOf(contributions.forecast),
      sentiment: numberOf(contributions.sentiment),
      rsi: numberOf(contributions.rsi),
    },
    raw: {
      signalScore: numberOf(root.signal_score),
      forecastDirection: numberOf(root.forecast_direction),
      forecastConfidence: numberOf(root.forecast_confidence),
      sentiment: numberOf(root.sentiment),
      rsiFilter: numberOf(root.rsi_filter),
      volatility: numberOf(root.volatility),
    },
    sources: { forecast: stringOf(sources.forecast), sentiment: stringOf(sources.sentiment), indicators: stringOf(sources.indicators) },
    forecastRule: stringOf(root.forecastRule),
    skipped: root.skipped === true,
  };
}
