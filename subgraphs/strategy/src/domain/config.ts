// Strategy parameters: a zod schema whose defaults are the seed's hard-coded numbers
// (service-map.md §3), plus the risk limits, with typed validation errors.
import { z } from 'zod';

const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');
const positiveInt = (fallback: number) => z.number().int().positive().default(fallback);

const WeightsSchema = z.object({
  signal: finite().min(0).default(0.4),
  forecast: finite().min(0).default(0.3),
  sentiment: finite().min(0).default(0.2),
  rsi: finite().min(0).default(0.1),
});

const SizingSchema = z
  .object({
    basePosition: finite().positive().default(100),
    // Added to the ATR before inverting so a tiny ATR cannot blow the size up (seed: 0.1).
    volatilityOffset: finite().positive().default(0.1),
    // The seed's `atr14 or 1.0`: used when ATR is missing (or 0, which Python's `or` also replaces).
    fallbackVolatility: finite().positive().default(1.0),
    minPosition: z.number().int().min(1).default(1),
    maxPosition: z.number().int().min(1).default(1000),
  })
  .refine((s) => s.minPosition <= s.maxPosition, { message: 'minPosition must not exceed maxPosition', path: ['minPosition'] });

const TimeoutsSchema = z
  .object({
    forecastMs: positiveInt(2000),
    sentimentMs: positiveInt(1000),
    overallMs: positiveInt(3000),
  })
  // The calls run in parallel under the overall budget; a per-call timeout beyond it could never fire.
  .refine((t) => t.overallMs >= Math.max(t.forecastMs, t.sentimentMs), {
    message: 'overallMs must be at least the forecast and sentiment timeouts',
    path: ['overallMs'],
  });

const RiskLimitsSchema = z.object({
  maxPositionPerSymbol: finite().positive().default(1000),
  maxOrderNotional: finite().positive().default(100_000),
  dailyLossLimit: finite().positive().default(5000),
  killSwitch: z.boolean().default(false),
});

export const StrategyConfigSchema = z
  .object({
    // Recorded on orders and hashed into client order ids; the seed's strategy tag.
    strategyName: z.string().regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, ".", "_" or "-"').default('enhanced_ml_sentiment'),
    minSignalScore: finite().min(0).max(1).default(0.3),
    weights: WeightsSchema.prefault({}),
    buyThreshold: finite().default(0.4),
    sellThreshold: finite().default(-0.4),
    rsiOverbought: finite().min(0).max(100).default(70),
    // 'seed' compares forecast[0] with 0 exactly as the Python did; 'vs_last_price' compares it with
    // the last price, which is what a price-level forecast needs (see decide.ts forecastDirection).
    forecastRule: z.enum(['seed', 'vs_last_price']).default('vs_last_price'),
    sizing: SizingSchema.prefault({}),
    timeouts: TimeoutsSchema.prefault({}),
    historyLength: positiveInt(60),
    forecastHorizon: positiveInt(10),
    risk: RiskLimitsSchema.prefault({}),
  })
  .refine((c) => c.sellThreshold < c.buyThreshold, { message: 'sellThreshold must be below buyThreshold', path: ['sellThreshold'] });

export type StrategyConfig = z.infer<typeof StrategyConfigSchema>;
export type StrategyConfigInput = z.input<typeof StrategyConfigSchema>;
export type RiskLimits = StrategyConfig['risk'];
export type ForecastRule = StrategyConfig['forecastRule'];

export interface ConfigIssue {
  code: 'INVALID_CONFIG';
  /** Dotted path to the offending field, e.g. "weights.signal"; "" for the whole object. */
  path: string;
  message: string;
}

export type ConfigParseResult = { ok: true; config: StrategyConfig } | { ok: false; issues: ConfigIssue[] };

/** Thrown by loadStrategyConfig; carries every issue so an operator sees all mistakes at once. */
export class StrategyConfigError extends Error {
  readonly code = 'INVALID_CONFIG' as const;
  constructor(readonly issues: ConfigIssue[]) {
    super(`invalid strategy config: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'StrategyConfigError';
  }
}

export function parseStrategyConfig(input: unknown = {}): ConfigParseResult {
  const parsed = StrategyConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issues = parsed.error.issues.map((issue): ConfigIssue => ({
    code: 'INVALID_CONFIG',
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return { ok: false, issues };
}

export function loadStrategyConfig(input: unknown = {}): StrategyConfig {
  const result = parseStrategyConfig(input);
  if (!result.ok) throw new StrategyConfigError(result.issues);
  return result.config;
}

/** The seed's behaviour with the improved forecast rule; handy for tests and as the service default. */
export const DEFAULT_STRATEGY_CONFIG: StrategyConfig = loadStrategyConfig({});

type Patch = { [key: string]: unknown };
const isObject = (v: unknown): v is Patch => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep-merges a partial change onto a config; null/undefined fields mean "leave as is". */
function merge(base: Patch, patch: Patch): Patch {
  const out: Patch = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) continue;
    out[key] = isObject(value) && isObject(base[key]) ? merge(base[key] as Patch, value) : value;
  }
  return out;
}

/**
 * A reconfiguration: the change merged into the current parameters and the whole validated again (a
 * change can be invalid only together with what it leaves, e.g. a sell threshold above the current buy
 * threshold). The strategy's name is its identity and cannot be changed this way.
 */
export function reconfigure(current: StrategyConfig, change: unknown): ConfigParseResult {
  if (!isObject(change)) return { ok: false, issues: [{ code: 'INVALID_CONFIG', path: '', message: 'the change must be an object' }] };
  if (change.strategyName !== undefined && change.strategyName !== null && change.strategyName !== current.strategyName) {
    return { ok: false, issues: [{ code: 'INVALID_CONFIG', path: 'strategyName', message: 'a strategy cannot be renamed' }] };
  }
  return parseStrategyConfig(merge(current as unknown as Patch, change));
}
