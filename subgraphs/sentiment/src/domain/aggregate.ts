// Per-symbol aggregation of classified news into one sentiment score in [-1, 1] over a window, each
// item weighted by recency and by the model's confidence.
//
//   polarity(item)   = P(positive) − P(negative)                 ∈ [-1, 1]
//       The expected value of the label on the scale negative = −1, neutral = 0, positive = +1. Using the
//       probabilities rather than the argmax label keeps "barely positive" (0.40/0.35/0.25 → 0.05) apart
//       from "clearly positive" (0.95/0.01/0.04 → 0.94), and neutral mass pulls the value toward 0.
//       Probabilities that do not sum to 1 (float error, rounding in storage) are first scaled to do so.
//   weight(item)     = 2^(−age / halfLife) × confidence
//       age = now − publishedAt; halfLife defaults to window / 2, so the oldest item still in the window
//       counts a quarter of a fresh one: recent news dominates yet the window's tail is not ignored.
//       confidence = the model's top-class probability (taken from the probabilities when not given),
//       so a hesitant classification counts less than a sure one.
//   score            = Σ weight × polarity / Σ weight             (0 when there is nothing to weigh)
//
// Items outside [now − window, now] are left out (future-dated items count once `now` reaches them).
// Because every weight decays by the same factor as time passes, the score only changes with time when
// an item leaves or enters the window; that is what the cache TTL has to bound (see cache.ts).
//
// The score is independent of input order exactly, not just up to rounding: the terms are summed in a
// canonical order.

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface SentimentProbabilities {
  positive: number;
  negative: number;
  neutral: number;
}

interface ScoredBase {
  publishedAt: Date;
  /** Id of the model that produced the score; collected into the aggregate's `models`. */
  model?: string | undefined;
}

/** A classification as the model returns it. `label` is informational: polarity uses the probabilities. */
export interface ClassifiedNews extends ScoredBase {
  label?: SentimentLabel | undefined;
  probabilities: SentimentProbabilities;
  /** Top-class probability; derived from `probabilities` when absent. */
  confidence?: number | undefined;
}

/** A classification already reduced to a polarity (e.g. a stored sentiment_scores row: score + confidence). */
export interface PolarityNews extends ScoredBase {
  polarity: number;
  confidence: number;
}

export type ScoredNews = ClassifiedNews | PolarityNews;

export interface AggregateOptions {
  now: Date;
  windowMs: number;
  /** Default windowMs / 2. */
  halfLifeMs?: number | undefined;
}

export interface SentimentAggregate {
  /** Weighted mean polarity in [-1, 1]; 0 when no item is in the window. */
  score: number;
  /** Items inside the window that were weighed (including any whose weight came out as 0). */
  count: number;
  /** Σ weight: how much evidence the score rests on (≤ count). */
  weightTotal: number;
  /** Items in the window left out because their numbers were unusable (NaN, negative probabilities…). */
  skipped: number;
  window: { ms: number; start: Date; end: Date };
  halfLifeMs: number;
  /** The instant the score is valid for (= now = window.end). */
  asOf: Date;
  /** Distinct model ids among the weighed items, sorted. */
  models: string[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** −0 → 0, so a neutral score compares equal to 0 everywhere (Object.is, JSON, toBe). */
const unsignedZero = (x: number) => (x === 0 ? 0 : x);

/** Probabilities scaled to sum 1, or null when they are unusable (non-finite, negative, all zero). */
function normalised(p: SentimentProbabilities): SentimentProbabilities | null {
  const values = [p.positive, p.negative, p.neutral];
  if (!values.every((v) => Number.isFinite(v) && v >= 0)) return null;
  const sum = p.positive + p.negative + p.neutral;
  if (!(sum > 0)) return null;
  return { positive: p.positive / sum, negative: p.negative / sum, neutral: p.neutral / sum };
}

/** P(positive) − P(negative) of the normalised probabilities, in [-1, 1]; null when unusable. */
export function polarityOf(probabilities: SentimentProbabilities): number | null {
  const p = normalised(probabilities);
  return p === null ? null : unsignedZero(clamp(p.positive - p.negative, -1, 1));
}

/** The top-class probability of the normalised probabilities; null when unusable. */
export function topClassProbability(probabilities: SentimentProbabilities): number | null {
  const p = normalised(probabilities);
  return p === null ? null : clamp(Math.max(p.positive, p.negative, p.neutral), 0, 1);
}

/** 2^(−age / halfLife): 1 for a fresh item, ½ after one half-life. */
export function recencyDecay(ageMs: number, halfLifeMs: number): number {
  return Math.exp((-Math.LN2 * Math.max(0, ageMs)) / halfLifeMs);
}

/** (polarity, confidence) of an item, or null when its numbers cannot be used. */
function polarityAndConfidence(item: ScoredNews): { polarity: number; confidence: number } | null {
  if ('probabilities' in item) {
    const polarity = polarityOf(item.probabilities);
    const confidence = item.confidence ?? topClassProbability(item.probabilities);
    if (polarity === null || confidence === null || !Number.isFinite(confidence)) return null;
    return { polarity, confidence: clamp(confidence, 0, 1) };
  }
  if (!Number.isFinite(item.polarity) || !Number.isFinite(item.confidence)) return null;
  return { polarity: clamp(item.polarity, -1, 1), confidence: clamp(item.confidence, 0, 1) };
}

function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive finite number, got ${value}`);
}

export function aggregateSentiment(items: readonly ScoredNews[], options: AggregateOptions): SentimentAggregate {
  const now = options.now.getTime();
  if (!Number.isFinite(now)) throw new RangeError('now must be a valid Date');
  requirePositive('windowMs', options.windowMs);
  const halfLifeMs = options.halfLifeMs ?? options.windowMs / 2;
  requirePositive('halfLifeMs', halfLifeMs);
  const start = now - options.windowMs;

  const terms: Array<{ weight: number; weighted: number }> = [];
  const models = new Set<string>();
  let skipped = 0;
  for (const item of items) {
    const t = item.publishedAt.getTime();
    if (!Number.isFinite(t) || t < start || t > now) continue;
    const pc = polarityAndConfidence(item);
    if (pc === null) {
      skipped += 1;
      continue;
    }
    const weight = recencyDecay(now - t, halfLifeMs) * pc.confidence;
    terms.push({ weight, weighted: weight * pc.polarity });
    if (item.model !== undefined && item.model !== '') models.add(item.model);
  }

  // Canonical summation order: floating-point addition is not associative, so without this two
  // permutations of the same items could differ in the last bit. Equal keys mean equal terms.
  terms.sort((a, b) => a.weight - b.weight || a.weighted - b.weighted);
  let weightTotal = 0;
  let weightedTotal = 0;
  for (const term of terms) {
    weightTotal += term.weight;
    weightedTotal += term.weighted;
  }
  const score = weightTotal > 0 ? unsignedZero(clamp(weightedTotal / weightTotal, -1, 1)) : 0;

  return {
    score,
    count: terms.length,
    weightTotal,
    skipped,
    window: { ms: options.windowMs, start: new Date(start), end: new Date(now) },
    halfLifeMs,
    asOf: new Date(now),
    models: [...models].sort(),
  };
}
