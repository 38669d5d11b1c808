// Shared detector helpers; mirror of native/core/src/detectors/mod.rs.

/** A detector's finding for one bar. */
export interface Detection {
  score: number;
  reason: string;
}

/** Clamps to [-1, 1]; undefined for a non-finite score (no NaN ever reaches a signal). */
export function clampScore(score: number): number | undefined {
  if (!Number.isFinite(score)) return undefined;
  return score > 1 ? 1 : score < -1 ? -1 : score;
}

/** Builds a detection from a raw score; the reason is only formatted when it fires. */
export function detection(score: number, reason: () => string): Detection | undefined {
  const clamped = clampScore(score);
  return clamped === undefined ? undefined : { score: clamped, reason: reason() };
}

/** Price distance unit: the ATR when available and > 0, else 1% of the close. */
export function priceUnit(atr: number | undefined, close: number): { unit: number; isAtr: boolean } {
  return atr !== undefined && atr > 0 ? { unit: atr, isAtr: true } : { unit: close * 0.01, isAtr: false };
}
