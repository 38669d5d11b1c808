// decide(): the seed's enhanced_decide_and_order as a pure function. Every call returns a Decision
// (BUY/SELL/HOLD/SKIP) with its factors, which inputs were missing and a human reason; the service
// layer fetches the inputs (with timeouts) and passes null for anything that did not arrive.
import type { StrategyConfig } from './config';
import { combinedScoreOf, contributionsOf, forecastDirection, positionSize, rsiFilter, volatilityOf } from './factors';
import type { Decision, DecisionFactors, DecisionSources, ForecastInput, IndicatorsInput, SignalInput } from './types';

export interface DecideInput {
  signal: SignalInput;
  indicators: IndicatorsInput | null;
  /** null: the forecast service was unavailable or timed out. */
  forecast: ForecastInput | null;
  /** Aggregated sentiment in [−1, 1]; null: the sentiment service was unavailable or timed out. */
  sentiment: number | null;
  config: StrategyConfig;
}

/** The seed's first gate (`abs(score) < 0.3` → skip). Lets the service avoid model calls for weak signals. */
export function isSignalStrongEnough(score: number, config: Pick<StrategyConfig, 'minSignalScore'>): boolean {
  return Number.isFinite(score) && Math.abs(score) >= config.minSignalScore;
}

/** The window the forecast model is fed (the seed's `history[-60:]`). */
export function forecastHistory(history: readonly number[], config: Pick<StrategyConfig, 'historyLength'>): number[] {
  return history.slice(-config.historyLength);
}

/** Shortest faithful rendering for reasons: 0.12 not 0.120, 0.333 not 0.3333333. */
const fmt = (x: number): string => String(Number(x.toFixed(3)));

interface ModelOutputs {
  firstForecast: number | undefined;
  confidence: number;
  sentiment: number | undefined;
}

/** A forecast without a finite first step is as good as none; missing confidence is 0 like the seed's default. */
function readModelOutputs(forecast: ForecastInput | null, sentiment: number | null): ModelOutputs {
  const first = forecast?.forecast[0];
  const usableForecast = first !== undefined && Number.isFinite(first) ? first : undefined;
  const rawConfidence = forecast?.confidence[0];
  const confidence = usableForecast !== undefined && rawConfidence !== undefined && Number.isFinite(rawConfidence) ? rawConfidence : 0;
  const usableSentiment = sentiment !== null && Number.isFinite(sentiment) ? sentiment : undefined;
  return { firstForecast: usableForecast, confidence, sentiment: usableSentiment };
}

function availabilityNotes(sources: DecisionSources, forecastLacksReference: boolean, config: StrategyConfig): string[] {
  const notes: string[] = [];
  if (sources.forecast === 'unavailable' && sources.sentiment === 'unavailable') notes.push('technicals only: forecast and sentiment unavailable');
  else if (sources.forecast === 'unavailable') notes.push('forecast unavailable');
  else if (sources.sentiment === 'unavailable') notes.push('sentiment unavailable');
  if (forecastLacksReference) notes.push('forecast ignored: no last price to compare it with');
  if (sources.indicators === 'unavailable') {
    notes.push(`indicators unavailable: rsi 50 and volatility ${fmt(config.sizing.fallbackVolatility)} assumed`);
  }
  return notes;
}

export function decide(input: DecideInput): Decision {
  const { signal, indicators, config } = input;
  const scoreIsFinite = Number.isFinite(signal.score);
  const model = readModelOutputs(input.forecast, input.sentiment);
  const lastPrice = indicators?.history.at(-1);
  const hasLastPrice = lastPrice !== undefined && Number.isFinite(lastPrice) && lastPrice > 0;

  const sources: DecisionSources = {
    forecast: model.firstForecast === undefined ? 'unavailable' : 'model',
    sentiment: model.sentiment === undefined ? 'unavailable' : 'service',
    indicators: indicators === null ? 'unavailable' : 'signals',
  };
  const direction = model.firstForecast === undefined ? 0 : forecastDirection(model.firstForecast, lastPrice, config.forecastRule);
  const forecastLacksReference = model.firstForecast !== undefined && config.forecastRule === 'vs_last_price' && !hasLastPrice;

  const factors: DecisionFactors = {
    // A non-finite score is skipped below; recording 0 keeps the stored factors JSON-safe.
    signal_score: scoreIsFinite ? signal.score : 0,
    forecast_direction: direction,
    forecast_confidence: model.confidence,
    sentiment: model.sentiment ?? 0,
    rsi_filter: rsiFilter(indicators?.rsi14, config.rsiOverbought),
    volatility: volatilityOf(indicators?.atr14, config.sizing.fallbackVolatility),
  };
  const contributions = contributionsOf(factors, config.weights);
  const combinedScore = combinedScoreOf(contributions);
  const notes = availabilityNotes(sources, forecastLacksReference, config);
  const base = {
    symbol: signal.symbol,
    signalId: signal.id,
    signalTimestamp: signal.timestamp,
    factors,
    contributions,
    combinedScore,
    sources,
    forecastRule: config.forecastRule,
  };
  const explain = (headline: string) => [headline, ...notes].join('; ');

  if (!scoreIsFinite) {
    return { ...base, action: 'SKIP', side: null, quantity: 0, reason: explain(`skipped: score ${String(signal.score)} is not a finite number`) };
  }
  if (!isSignalStrongEnough(signal.score, config)) {
    return { ...base, action: 'SKIP', side: null, quantity: 0, reason: explain(`skipped: |score| ${fmt(Math.abs(signal.score))} < ${fmt(config.minSignalScore)}`) };
  }
  const quantity = positionSize(combinedScore, model.confidence, factors.volatility, config.sizing);
  if (combinedScore > config.buyThreshold) {
    return { ...base, action: 'BUY', side: 'BUY', quantity, reason: explain(`BUY ${quantity}: combined ${fmt(combinedScore)} > ${fmt(config.buyThreshold)}`) };
  }
  if (combinedScore < config.sellThreshold) {
    return { ...base, action: 'SELL', side: 'SELL', quantity, reason: explain(`SELL ${quantity}: combined ${fmt(combinedScore)} < ${fmt(config.sellThreshold)}`) };
  }
  const band = `[${fmt(config.sellThreshold)}, ${fmt(config.buyThreshold)}]`;
  return { ...base, action: 'HOLD', side: null, quantity: 0, reason: explain(`hold: combined ${fmt(combinedScore)} within ${band}`) };
}
