// Engine configuration defaults and validation; mirror of native/core/src/config.rs
// (`EngineConfig::resolve`): fields are checked in the same order with the same messages.

import type { EngineConfig, ResolvedEngineConfig } from '../types';
import { invalidConfig } from './errors';
import { DETECTOR_NAMES, DETECTOR_REQUIRES, INDICATOR_NAMES, type DetectorName, type IndicatorName } from './kinds';
import { jsNumber } from './numfmt';
import { MAX_BAR_MS, MAX_PERIOD, periodFromNumber } from './validate';

/** Documented defaults (same values as Rust's `EngineConfig::default()`). */
export const DEFAULT_CONFIG: Readonly<ResolvedEngineConfig> = Object.freeze({
  barMs: 1000,
  historyLength: 60,
  smaFastPeriod: 10,
  smaSlowPeriod: 20,
  emaPeriod: 20,
  rsiPeriod: 14,
  atrPeriod: 14,
  bollingerPeriod: 20,
  bollingerK: 2,
  zscorePeriod: 20,
  crossoverFullScoreAtr: 0.5,
  rsiOversold: 30,
  rsiOverbought: 70,
  breakoutBars: 20,
  breakoutVolumeFactor: 1.5,
  vwapDeviationAtr: 2,
  volumeSpikePeriod: 20,
  volumeSpikeZ: 3,
  imbalanceThreshold: 0.6,
  cooldownBars: 5,
  indicators: [...INDICATOR_NAMES],
  detectors: [...DETECTOR_NAMES],
});

/** A finite number satisfying `ok`, else INVALID_CONFIG "`field` must be `rule` (got x)". */
function number(field: string, value: number, rule: string, ok: boolean): number {
  if (Number.isFinite(value) && ok) return value;
  throw invalidConfig(field, `must be ${rule} (got ${jsNumber(value)})`);
}

/** Echoes a user-supplied name only when it is short printable ASCII (as the Rust side does). */
function quoted(name: string): string {
  if (name.length > 32) return '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return '';
  }
  return ` "${name}"`;
}

function nameSet<N extends string>(field: string, names: readonly string[], known: readonly N[]): N[] {
  const chosen = new Set<N>();
  for (const name of names) {
    if (!(known as readonly string[]).includes(name)) {
      throw invalidConfig(field, `contains an unknown name${quoted(name)} (known: ${known.join(', ')})`);
    }
    chosen.add(name as N);
  }
  return known.filter((k) => chosen.has(k)); // canonical order, like the Rust bit sets
}

/** Applies defaults to `input` and validates the result (first problem wins). */
export function resolveConfig(input: EngineConfig = {}): ResolvedEngineConfig {
  const d = DEFAULT_CONFIG;
  const period = (name: string, v: number | undefined, dflt: number): number =>
    v === undefined ? dflt : periodFromNumber(name, v, MAX_PERIOD);
  const positive = (name: string, v: number | undefined, dflt: number): number => {
    const x = v ?? dflt;
    return number(name, x, 'a finite number > 0', x > 0);
  };
  const rsiLevel = (name: string, v: number | undefined, dflt: number): number => {
    const x = v ?? dflt;
    return number(name, x, 'a finite number in (0, 100)', x > 0 && x < 100);
  };

  const barMs = input.barMs === undefined ? d.barMs : periodFromNumber('barMs', input.barMs, MAX_BAR_MS);
  const historyLength = period('historyLength', input.historyLength, d.historyLength);
  const smaFastPeriod = period('smaFastPeriod', input.smaFastPeriod, d.smaFastPeriod);
  const smaSlowPeriod = period('smaSlowPeriod', input.smaSlowPeriod, d.smaSlowPeriod);
  const emaPeriod = period('emaPeriod', input.emaPeriod, d.emaPeriod);
  const rsiPeriod = period('rsiPeriod', input.rsiPeriod, d.rsiPeriod);
  const atrPeriod = period('atrPeriod', input.atrPeriod, d.atrPeriod);
  const bollingerPeriod = period('bollingerPeriod', input.bollingerPeriod, d.bollingerPeriod);
  const bollingerK = positive('bollingerK', input.bollingerK, d.bollingerK);
  const zscorePeriod = period('zscorePeriod', input.zscorePeriod, d.zscorePeriod);
  const crossoverFullScoreAtr = positive('crossoverFullScoreAtr', input.crossoverFullScoreAtr, d.crossoverFullScoreAtr);
  const rsiOversold = rsiLevel('rsiOversold', input.rsiOversold, d.rsiOversold);
  const rsiOverbought = rsiLevel('rsiOverbought', input.rsiOverbought, d.rsiOverbought);
  const breakoutBars = period('breakoutBars', input.breakoutBars, d.breakoutBars);
  const factor = input.breakoutVolumeFactor ?? d.breakoutVolumeFactor;
  const breakoutVolumeFactor = number('breakoutVolumeFactor', factor, 'a finite number >= 0', factor >= 0);
  const vwapDeviationAtr = positive('vwapDeviationAtr', input.vwapDeviationAtr, d.vwapDeviationAtr);
  const volumeSpikePeriod = period('volumeSpikePeriod', input.volumeSpikePeriod, d.volumeSpikePeriod);
  const volumeSpikeZ = positive('volumeSpikeZ', input.volumeSpikeZ, d.volumeSpikeZ);
  const imbalance = input.imbalanceThreshold ?? d.imbalanceThreshold;
  const imbalanceThreshold = number('imbalanceThreshold', imbalance, 'a finite number in [0, 1)', imbalance >= 0 && imbalance < 1);
  const cooldown = input.cooldownBars ?? d.cooldownBars;
  const cooldownOk = Number.isInteger(cooldown) && cooldown >= 0 && cooldown <= MAX_PERIOD;
  const cooldownBars = number('cooldownBars', cooldown, `an integer in [0, ${MAX_PERIOD}]`, cooldownOk);
  const indicators: IndicatorName[] =
    input.indicators === undefined ? [...d.indicators] : nameSet('indicators', input.indicators, INDICATOR_NAMES);
  const detectors: DetectorName[] =
    input.detectors === undefined ? [...d.detectors] : nameSet('detectors', input.detectors, DETECTOR_NAMES);

  if (smaFastPeriod >= smaSlowPeriod) {
    throw invalidConfig('smaFastPeriod', `must be less than smaSlowPeriod (got ${smaFastPeriod} and ${smaSlowPeriod})`);
  }
  if (rsiOversold >= rsiOverbought) {
    throw invalidConfig(
      'rsiOversold',
      `must be less than rsiOverbought (got ${jsNumber(rsiOversold)} and ${jsNumber(rsiOverbought)})`,
    );
  }
  for (const detector of detectors) {
    const missing = DETECTOR_REQUIRES[detector].find((i) => !indicators.includes(i));
    if (missing !== undefined) throw invalidConfig('detectors', `${detector} needs the ${missing} indicator`);
  }

  return {
    barMs,
    historyLength,
    smaFastPeriod,
    smaSlowPeriod,
    emaPeriod,
    rsiPeriod,
    atrPeriod,
    bollingerPeriod,
    bollingerK,
    zscorePeriod,
    crossoverFullScoreAtr,
    rsiOversold,
    rsiOverbought,
    breakoutBars,
    breakoutVolumeFactor,
    vwapDeviationAtr,
    volumeSpikePeriod,
    volumeSpikeZ,
    imbalanceThreshold,
    cooldownBars,
    indicators,
    detectors,
  };
}
