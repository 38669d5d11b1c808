// Time-bar helpers; mirror of native/core/src/bars.rs. Boundaries sit at exact multiples of
// the bar length (products stay exact integers below 2^53 for ts ≤ 8.64e15).

/** Start of the `len`-ms bucket containing `ts` (the ±1 fixes rounding of ts / len). */
export function bucketStart(ts: number, len: number): number {
  let k = Math.floor(ts / len);
  if (k * len > ts) k -= 1;
  else if ((k + 1) * len <= ts) k += 1;
  return k * len;
}

/** One bar: OHLC, volume, tick count and the last known book sizes at its close. */
export interface Bar {
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  ticks: number;
  bidSize: number;
  askSize: number;
}

export function emptyBar(): Bar {
  return { start: 0, open: 0, high: 0, low: 0, close: 0, volume: 0, ticks: 0, bidSize: NaN, askSize: NaN };
}
