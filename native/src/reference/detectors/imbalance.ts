// Order-book imbalance detector: (bid − ask) / (bid + ask) of the last known sizes; mirror
// of native/core/src/detectors/imbalance.rs.

import { fixed, jsNumber } from '../numfmt';
import { detection, type Detection } from './detection';

export class BookImbalance {
  constructor(private readonly threshold: number) {}

  /** Sizes are NaN while never given (then nothing fires). */
  onBar(bidSize: number, askSize: number, mayFire: boolean): Detection | undefined {
    const total = bidSize + askSize;
    if (!mayFire || !(total > 0)) return undefined;
    const imbalance = (bidSize - askSize) / total;
    if (!(Math.abs(imbalance) > this.threshold)) return undefined;
    return detection(
      imbalance,
      () => `book imbalance ${fixed(imbalance, 2)} (bid size ${jsNumber(bidSize)}, ask size ${jsNumber(askSize)})`,
    );
  }
}
