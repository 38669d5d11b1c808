// Rolling z-score of the latest value over the last `period` values (population stddev;
// zero spread → 0); mirror of native/core/src/indicators/zscore.rs.

import { meanAndStddev, Window, type Stats } from './window';

export class ZScore {
  private readonly window: Window;
  private readonly stats: Stats = { mean: 0, sd: 0 };
  private current = 0;

  constructor(period: number) {
    this.window = new Window(period);
  }

  update(x: number): number | undefined {
    this.window.push(x);
    if (!this.window.isFull) return undefined;
    meanAndStddev(this.window, this.stats);
    this.current = this.stats.sd > 0 ? (x - this.stats.mean) / this.stats.sd : 0;
    return this.current;
  }

  value(): number | undefined {
    return this.window.isFull ? this.current : undefined;
  }
}
