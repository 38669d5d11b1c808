// EMA seeded with the SMA of the first `period` values; mirror of
// native/core/src/indicators/ema.rs: alpha = 2/(period+1), ema = (x − ema)·alpha + ema.

export class Ema {
  private readonly period: number;
  private readonly alpha: number;
  private count = 0;
  private sum = 0;
  private current = 0;

  constructor(period: number) {
    this.period = period;
    this.alpha = 2 / (period + 1);
  }

  update(x: number): number | undefined {
    if (this.count < this.period) {
      this.sum += x;
      this.count++;
      if (this.count < this.period) return undefined;
      this.current = this.sum / this.period;
    } else {
      this.current = (x - this.current) * this.alpha + this.current;
    }
    return this.current;
  }

  value(): number | undefined {
    return this.count === this.period ? this.current : undefined;
  }
}
