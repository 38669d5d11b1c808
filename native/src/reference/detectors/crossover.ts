// Moving-average crossover detector; mirror of native/core/src/detectors/crossover.rs.
// Score = (fast − slow) / unit / fullScoreAtr, clamped (unit = ATR or 1% of price).

import { fixed } from '../numfmt';
import { detection, priceUnit, type Detection } from './detection';

export class MaCrossover {
  private prevGap: number | undefined;

  constructor(
    private readonly fastPeriod: number,
    private readonly slowPeriod: number,
    private readonly fullScoreAtr: number,
  ) {}

  onBar(
    fast: number | undefined,
    slow: number | undefined,
    atr: number | undefined,
    close: number,
    mayFire: boolean,
  ): Detection | undefined {
    if (fast === undefined || slow === undefined) return undefined;
    const gap = fast - slow;
    const prev = this.prevGap;
    this.prevGap = gap;
    if (prev === undefined) return undefined;
    const up = prev <= 0 && gap > 0;
    const down = prev >= 0 && gap < 0;
    if (!(up || down) || !mayFire) return undefined;
    const { unit, isAtr } = priceUnit(atr, close);
    const gapUnits = gap / unit;
    return detection(
      gapUnits / this.fullScoreAtr,
      () =>
        `SMA${this.fastPeriod} crossed ${up ? 'above' : 'below'} SMA${this.slowPeriod} ` +
        `(gap ${fixed(gapUnits, 2)}${isAtr ? ' ATR' : '% of price'})`,
    );
  }
}
