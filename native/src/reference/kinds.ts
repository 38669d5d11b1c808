// Indicator and detector names (mirror of native/core/src/kinds.rs): the order of
// DETECTOR_NAMES is the order detectors run at each bar close.

export const INDICATOR_NAMES = ['sma', 'ema', 'rsi', 'atr', 'vwap', 'bollinger', 'zscore'] as const;
export type IndicatorName = (typeof INDICATOR_NAMES)[number];

export const DETECTOR_NAMES = [
  'ma_crossover',
  'rsi_zone',
  'breakout',
  'vwap_deviation',
  'volume_spike',
  'book_imbalance',
] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** Indicators each detector reads; the config rejects enabling it without them. */
export const DETECTOR_REQUIRES: Readonly<Record<DetectorName, readonly IndicatorName[]>> = {
  ma_crossover: ['sma'],
  rsi_zone: ['rsi'],
  breakout: [],
  vwap_deviation: ['vwap', 'atr'],
  volume_spike: [],
  book_imbalance: [],
};
