// RSI zone detector; mirror of native/core/src/detectors/rsi_zone.rs: entering oversold →
// +0.5…+1, entering overbought → −0.5…−1 (deeper = stronger).

import { fixed, jsNumber } from '../numfmt';
import { detection, type Detection } from './detection';

export class RsiZone {
  private prevRsi: number | undefined;

  constructor(
    private readonly period: number,
    private readonly oversold: number,
    private readonly overbought: number,
  ) {}

  onBar(rsi: number | undefined, mayFire: boolean): Detection | undefined {
    if (rsi === undefined) return undefined;
    const prev = this.prevRsi;
    this.prevRsi = rsi;
    if (prev === undefined || !mayFire) return undefined;
    if (prev > this.oversold && rsi <= this.oversold) {
      const depth = (this.oversold - rsi) / this.oversold;
      return detection(
        0.5 + 0.5 * depth,
        () => `RSI${this.period} fell to ${fixed(rsi, 2)} (oversold below ${jsNumber(this.oversold)})`,
      );
    }
    if (prev < this.overbought && rsi >= this.overbought) {
      const depth = (rsi - this.overbought) / (100 - this.overbought);
      return detection(
        -(0.5 + 0.5 * depth),
        () => `RSI${this.period} rose to ${fixed(rsi, 2)} (overbought above ${jsNumber(this.overbought)})`,
      );
    }
    return undefined;
  }
}
