// JS-level argument checks shared by both backends' public methods: wrong JS types throw a
// TypeError (the Rust side would otherwise report them in N-API's own words), null means
// "absent" like undefined, and unknown config keys are rejected as INVALID_CONFIG.

import type { EngineConfig } from '../types';
import { invalidConfig } from './errors';
import { assertFloat64Array } from './indicators/sma';

const NUMERIC_CONFIG_KEYS = [
  'barMs',
  'historyLength',
  'smaFastPeriod',
  'smaSlowPeriod',
  'emaPeriod',
  'rsiPeriod',
  'atrPeriod',
  'bollingerPeriod',
  'bollingerK',
  'zscorePeriod',
  'crossoverFullScoreAtr',
  'rsiOversold',
  'rsiOverbought',
  'breakoutBars',
  'breakoutVolumeFactor',
  'vwapDeviationAtr',
  'volumeSpikePeriod',
  'volumeSpikeZ',
  'imbalanceThreshold',
  'cooldownBars',
] as const;
const NAME_LIST_KEYS = ['indicators', 'detectors'] as const;
const KNOWN_KEYS: ReadonlySet<string> = new Set([...NUMERIC_CONFIG_KEYS, ...NAME_LIST_KEYS]);

/** Type-checks a user config and returns a copy without null/undefined fields. */
export function normalizeConfig(config: unknown): EngineConfig {
  if (config === undefined || config === null) return {};
  if (typeof config !== 'object' || Array.isArray(config)) throw new TypeError('config must be an object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (!KNOWN_KEYS.has(key)) throw invalidConfig(key.length <= 32 ? key : 'config', 'is not a known config field');
    if (value === undefined || value === null) continue;
    if ((NAME_LIST_KEYS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw new TypeError(`config.${key} must be an array of strings`);
      }
      out[key] = [...(value as string[])];
    } else {
      if (typeof value !== 'number') throw new TypeError(`config.${key} must be a number`);
      out[key] = value;
    }
  }
  return out as EngineConfig;
}

/** Throws a TypeError unless the live-tick arguments have the right JS types. */
export function assertTickArgs(symbol: unknown, ts: unknown, price: unknown, size: unknown, bidSize: unknown, askSize: unknown): void {
  if (typeof symbol !== 'string') throw new TypeError('symbol must be a string');
  if (typeof ts !== 'number' || typeof price !== 'number' || typeof size !== 'number') {
    throw new TypeError('ts, price and size must be numbers');
  }
  if (bidSize != null && typeof bidSize !== 'number') throw new TypeError('bidSize must be a number when given');
  if (askSize != null && typeof askSize !== 'number') throw new TypeError('askSize must be a number when given');
}

/** Throws a TypeError unless the batch arguments are a string and Float64Arrays. */
export function assertBatchArgs(symbol: unknown, ts: unknown, price: unknown, size: unknown, bidSize: unknown, askSize: unknown): void {
  if (typeof symbol !== 'string') throw new TypeError('symbol must be a string');
  assertFloat64Array(ts, 'ts');
  assertFloat64Array(price, 'price');
  assertFloat64Array(size, 'size');
  if (bidSize != null) assertFloat64Array(bidSize, 'bidSize');
  if (askSize != null) assertFloat64Array(askSize, 'askSize');
}

/** Throws a TypeError unless `symbol` is a string (for indicators() / reset()). */
export function assertSymbolArg(symbol: unknown): asserts symbol is string {
  if (typeof symbol !== 'string') throw new TypeError('symbol must be a string');
}
