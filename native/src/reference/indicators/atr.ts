// ATR with Wilder's smoothing; mirror of native/core/src/indicators/atr.rs. True range =
// max(high − low, |high − prevClose|, |low − prevClose|) (first bar: high − low).

export class Atr {
  private readonly period: number;
  private hasPrev = false;
  private prevClose = 0;
  private count = 0;
  private sum = 0;
  private current = 0;

  constructor(period: number) {
    this.period = period;
  }

  update(high: number, low: number, close: number): number | undefined {
    let tr = high - low;
    if (this.hasPrev) {
      const up = Math.abs(high - this.prevClose);
      const down = Math.abs(low - this.prevClose);
      if (up > tr) tr = up;
      if (down > tr) tr = down;
    }
    this.hasPrev = true;
    this.prevClose = close;
    const p = this.period;
    if (this.count < p) {
      this.sum += tr;
      this.count++;
      if (this.count < p) return undefined;
      this.current = this.sum / p;
    } else {
      this.current = (this.current * (p - 1) + tr) / p;
    }
    return this.current;
  }

  value(): number | undefined {
    return this.count === this.period ? this.current : undefined;
  }
}
