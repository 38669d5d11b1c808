// RSI with Wilder's smoothing; mirror of native/core/src/indicators/rsi.rs. The first
// `period` changes are averaged, then avg = (avg·(period − 1) + x) / period;
// RSI = 100 − 100 / (1 + avgGain/avgLoss), 100 when avgLoss is 0 (50 if avgGain is 0 too).

export class Rsi {
  private readonly period: number;
  private hasPrev = false;
  private prev = 0;
  private changes = 0;
  private gainSum = 0;
  private lossSum = 0;
  private avgGain = 0;
  private avgLoss = 0;

  constructor(period: number) {
    this.period = period;
  }

  update(close: number): number | undefined {
    if (!this.hasPrev) {
      this.hasPrev = true;
      this.prev = close;
      return undefined;
    }
    const change = close - this.prev;
    this.prev = close;
    const gain = change > 0 ? change : 0;
    const loss = change < 0 ? -change : 0;
    const p = this.period;
    if (this.changes < p) {
      this.gainSum += gain;
      this.lossSum += loss;
      this.changes++;
      if (this.changes < p) return undefined;
      this.avgGain = this.gainSum / p;
      this.avgLoss = this.lossSum / p;
    } else {
      this.avgGain = (this.avgGain * (p - 1) + gain) / p;
      this.avgLoss = (this.avgLoss * (p - 1) + loss) / p;
    }
    return this.current();
  }

  value(): number | undefined {
    return this.changes === this.period ? this.current() : undefined;
  }

  private current(): number {
    if (this.avgLoss === 0) return this.avgGain === 0 ? 50 : 100;
    return 100 - 100 / (1 + this.avgGain / this.avgLoss);
  }
}
