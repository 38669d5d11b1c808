// VWAP cumulative over the UTC day (resets on the first tick at/after UTC midnight); mirror
// of native/core/src/indicators/vwap.rs.

import { bucketStart } from '../bars';

export const DAY_MS = 86_400_000;

export class Vwap {
  /** Start of the next UTC day; −∞ before the first tick. */
  private dayEnd = -Infinity;
  private priceVolume = 0;
  private volume = 0;

  update(ts: number, price: number, size: number): void {
    if (ts >= this.dayEnd) {
      this.dayEnd = bucketStart(ts, DAY_MS) + DAY_MS;
      this.priceVolume = 0;
      this.volume = 0;
    }
    this.priceVolume += price * size;
    this.volume += size;
  }

  value(): number | undefined {
    return this.volume > 0 ? this.priceVolume / this.volume : undefined;
  }
}
