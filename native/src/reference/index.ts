// TypeScript reference implementation of the Rust pattern core (native/core): the fallback
// backend when the native binding is unavailable and the oracle for differential tests. It
// mirrors the Rust arithmetic operation for operation (bit-identical results) and rejects
// the same inputs with the same error codes and messages.

/**
 * Version of the Rust core this reference mirrors; must equal `coreVersion()` of the native
 * binding (checked by native.test.ts), so bump both together.
 */
export const VERSION = '0.1.0';

export * from './errors';
export { fixed, jsNumber } from './numfmt';
export { MAX_PERIOD, MAX_VALUE, MAX_TIMESTAMP_MS, MAX_BAR_MS, MAX_SYMBOL_LEN } from './validate';
export { INDICATOR_NAMES, DETECTOR_NAMES, type IndicatorName, type DetectorName } from './kinds';
export { DEFAULT_CONFIG, resolveConfig } from './config';
export { Sma, smaBatch, assertPeriod, assertFloat64Array, assertSeries, MAX_SMA_PERIOD } from './indicators/sma';
export { Ema } from './indicators/ema';
export { Rsi } from './indicators/rsi';
export { Atr } from './indicators/atr';
export { Vwap } from './indicators/vwap';
export { Bollinger } from './indicators/bollinger';
export { ZScore } from './indicators/zscore';
export { ReferencePatternEngine } from './engine/pattern-engine';
export { normalizeConfig, assertTickArgs, assertBatchArgs, assertSymbolArg } from './args';
