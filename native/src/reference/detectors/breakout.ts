// N-bar high/low breakout with volume confirmation; mirror of
// native/core/src/detectors/breakout.rs (the bar is compared with the previous N bars).

import type { Bar } from '../bars';
import { Window } from '../indicators/window';
import { fixed, jsNumber } from '../numfmt';
import { detection, priceUnit, type Detection } from './detection';

export class Breakout {
  private readonly highs: Window;
  private readonly lows: Window;
  private readonly volumes: Window;

  constructor(
    bars: number,
    private readonly volumeFactor: number,
  ) {
    this.highs = new Window(bars);
    this.lows = new Window(bars);
    this.volumes = new Window(bars);
  }

  onBar(bar: Bar, atr: number | undefined, mayFire: boolean): Detection | undefined {
    const found = mayFire && this.highs.isFull ? this.evaluate(bar, atr) : undefined;
    this.highs.push(bar.high);
    this.lows.push(bar.low);
    this.volumes.push(bar.volume);
    return found;
  }

  private evaluate(bar: Bar, atr: number | undefined): Detection | undefined {
    const highs = this.highs.values;
    const lows = this.lows.values;
    const volumes = this.volumes.values;
    const n = this.highs.length;
    let high = highs[0]!;
    let low = lows[0]!;
    let volumeSum = 0;
    for (let i = 0; i < n; i++) {
      if (highs[i]! > high) high = highs[i]!;
      if (lows[i]! < low) low = lows[i]!;
      volumeSum += volumes[i]!;
    }
    const averageVolume = volumeSum / n;
    if (!(bar.volume >= this.volumeFactor * averageVolume)) return undefined;
    const { unit } = priceUnit(atr, bar.close);
    const ratio = bar.volume / averageVolume;
    if (bar.close > high) {
      const excess = (bar.close - high) / unit;
      return detection(
        0.5 + 0.5 * excess,
        () =>
          `close ${jsNumber(bar.close)} broke above the ${n}-bar high ${jsNumber(high)} ` +
          `on ${fixed(ratio, 2)}x average volume`,
      );
    }
    if (bar.close < low) {
      const excess = (low - bar.close) / unit;
      return detection(
        -(0.5 + 0.5 * excess),
        () =>
          `close ${jsNumber(bar.close)} broke below the ${n}-bar low ${jsNumber(low)} ` +
          `on ${fixed(ratio, 2)}x average volume`,
      );
    }
    return undefined;
  }
}
