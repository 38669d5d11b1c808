// VWAP deviation (mean reversion) detector; mirror of
// native/core/src/detectors/vwap_deviation.rs: fires beyond threshold × ATR from VWAP.

import { fixed, jsNumber } from '../numfmt';
import { detection, type Detection } from './detection';

export class VwapDeviation {
  constructor(private readonly thresholdAtr: number) {}

  onBar(close: number, vwap: number | undefined, atr: number | undefined, mayFire: boolean): Detection | undefined {
    if (vwap === undefined || atr === undefined) return undefined;
    if (!mayFire || !(atr > 0)) return undefined;
    const deviation = close - vwap;
    const inAtr = Math.abs(deviation) / atr;
    if (!(inAtr > this.thresholdAtr)) return undefined;
    const magnitude = (0.5 * inAtr) / this.thresholdAtr;
    const above = deviation > 0;
    return detection(
      above ? -magnitude : magnitude,
      () => `close ${fixed(inAtr, 2)} ATR ${above ? 'above' : 'below'} VWAP ${jsNumber(vwap)} (mean reversion)`,
    );
  }
}
