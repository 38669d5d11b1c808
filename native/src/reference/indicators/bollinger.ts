// Bollinger bands (mean ± k·population stddev over `period` closes); mirror of
// native/core/src/indicators/bollinger.rs.

import { meanAndStddev, Window, type Stats } from './window';

export class Bollinger {
  private readonly window: Window;
  private readonly k: number;
  private readonly stats: Stats = { mean: 0, sd: 0 };
  private warm = false;
  upper = 0;
  middle = 0;
  lower = 0;

  constructor(period: number, k: number) {
    this.window = new Window(period);
    this.k = k;
  }

  /** Feeds one close; true once the bands are available (read them from the fields). */
  update(close: number): boolean {
    this.window.push(close);
    if (!this.window.isFull) return false;
    meanAndStddev(this.window, this.stats);
    const width = this.k * this.stats.sd;
    this.upper = this.stats.mean + width;
    this.middle = this.stats.mean;
    this.lower = this.stats.mean - width;
    this.warm = true;
    return true;
  }

  get isWarm(): boolean {
    return this.warm;
  }
}
