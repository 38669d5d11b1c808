// Per-symbol engine state and the tick hot path; mirror of
// native/core/src/engine/symbol.rs (same order: close the previous bar — indicators, then
// detectors — then add the tick to VWAP, book sizes and the forming bar).

import type { ResolvedEngineConfig, Signal } from '../../types';
import { bucketStart, emptyBar, type Bar } from '../bars';
import { Breakout } from '../detectors/breakout';
import { MaCrossover } from '../detectors/crossover';
import type { Detection } from '../detectors/detection';
import { BookImbalance } from '../detectors/imbalance';
import { RsiZone } from '../detectors/rsi-zone';
import { VolumeSpike } from '../detectors/volume-spike';
import { VwapDeviation } from '../detectors/vwap-deviation';
import { timeBackwards } from '../errors';
import { Atr } from '../indicators/atr';
import { Bollinger } from '../indicators/bollinger';
import { Ema } from '../indicators/ema';
import { Rsi } from '../indicators/rsi';
import { Sma } from '../indicators/sma';
import { Vwap } from '../indicators/vwap';
import { Window } from '../indicators/window';
import { ZScore } from '../indicators/zscore';
import { DETECTOR_NAMES, type DetectorName, type IndicatorName } from '../kinds';
import type { BarRows } from './bar-rows';

/** Indicator values; undefined while not warm or not enabled. */
export interface IndicatorValues {
  smaFast: number | undefined;
  smaSlow: number | undefined;
  ema: number | undefined;
  rsi: number | undefined;
  atr: number | undefined;
  vwap: number | undefined;
  bollingerUpper: number | undefined;
  bollingerMiddle: number | undefined;
  bollingerLower: number | undefined;
  zscore: number | undefined;
}

export class SymbolState {
  private readonly barMs: number;
  hasTick = false;
  lastTs = 0;
  lastPrice = 0;
  private barOpen = false;
  private readonly bar: Bar = emptyBar();
  private barEnd = 0;
  readonly lastClosed: Bar = emptyBar();
  barsClosed = 0;
  private lastBid = NaN;
  private lastAsk = NaN;
  /** VWAP the detectors saw at the last bar close (NaN if none). */
  vwapAtClose = NaN;
  private readonly smaFast?: Sma;
  private readonly smaSlow?: Sma;
  private readonly ema?: Ema;
  private readonly rsi?: Rsi;
  private readonly atr?: Atr;
  private readonly vwap?: Vwap;
  private readonly bollinger?: Bollinger;
  private readonly zscore?: ZScore;
  readonly history: Window;
  private readonly crossover?: MaCrossover;
  private readonly rsiZone?: RsiZone;
  private readonly breakout?: Breakout;
  private readonly vwapDeviation?: VwapDeviation;
  private readonly volumeSpike?: VolumeSpike;
  private readonly imbalance?: BookImbalance;
  private readonly cooldownBars: number;
  /** Bar index each detector last fired at (−1 = never), in DETECTOR_NAMES order. */
  private readonly lastFired = [-1, -1, -1, -1, -1, -1];

  constructor(c: ResolvedEngineConfig) {
    const on = (k: IndicatorName): boolean => c.indicators.includes(k);
    const det = (k: DetectorName): boolean => c.detectors.includes(k);
    this.barMs = c.barMs;
    if (on('sma')) {
      this.smaFast = new Sma(c.smaFastPeriod);
      this.smaSlow = new Sma(c.smaSlowPeriod);
    }
    if (on('ema')) this.ema = new Ema(c.emaPeriod);
    if (on('rsi')) this.rsi = new Rsi(c.rsiPeriod);
    if (on('atr')) this.atr = new Atr(c.atrPeriod);
    if (on('vwap')) this.vwap = new Vwap();
    if (on('bollinger')) this.bollinger = new Bollinger(c.bollingerPeriod, c.bollingerK);
    if (on('zscore')) this.zscore = new ZScore(c.zscorePeriod);
    this.history = new Window(c.historyLength);
    if (det('ma_crossover')) this.crossover = new MaCrossover(c.smaFastPeriod, c.smaSlowPeriod, c.crossoverFullScoreAtr);
    if (det('rsi_zone')) this.rsiZone = new RsiZone(c.rsiPeriod, c.rsiOversold, c.rsiOverbought);
    if (det('breakout')) this.breakout = new Breakout(c.breakoutBars, c.breakoutVolumeFactor);
    if (det('vwap_deviation')) this.vwapDeviation = new VwapDeviation(c.vwapDeviationAtr);
    if (det('volume_spike')) this.volumeSpike = new VolumeSpike(c.volumeSpikePeriod, c.volumeSpikeZ);
    if (det('book_imbalance')) this.imbalance = new BookImbalance(c.imbalanceThreshold);
    this.cooldownBars = c.cooldownBars;
  }

  /** Rejects a timestamp earlier than this symbol's previous tick. */
  checkTime(index: number | undefined, ts: number): void {
    if (this.hasTick && ts < this.lastTs) throw timeBackwards(index, ts, this.lastTs);
  }

  /** Feeds one validated tick; pushes signals into `out`; returns whether a bar closed. */
  processTick(
    ts: number,
    price: number,
    size: number,
    bidSize: number | undefined,
    askSize: number | undefined,
    out: Signal[],
  ): boolean {
    const closed = this.barOpen && ts >= this.barEnd;
    if (closed) this.closeBar(ts, out);
    if (this.vwap !== undefined) this.vwap.update(ts, price, size);
    if (bidSize !== undefined) this.lastBid = bidSize;
    if (askSize !== undefined) this.lastAsk = askSize;
    const bar = this.bar;
    if (this.barOpen) {
      if (price > bar.high) bar.high = price;
      if (price < bar.low) bar.low = price;
      bar.close = price;
      bar.volume += size;
      bar.ticks++;
    } else {
      const start = bucketStart(ts, this.barMs);
      bar.start = start;
      bar.open = bar.high = bar.low = bar.close = price;
      bar.volume = size;
      bar.ticks = 1;
      this.barEnd = start + this.barMs;
      this.barOpen = true;
    }
    this.hasTick = true;
    this.lastTs = ts;
    this.lastPrice = price;
    return closed;
  }

  private closeBar(ts: number, out: Signal[]): void {
    const bar = Object.assign(this.lastClosed, this.bar);
    bar.bidSize = this.lastBid;
    bar.askSize = this.lastAsk;
    this.barOpen = false;
    const index = this.barsClosed++;

    const close = bar.close;
    const smaFast = this.smaFast?.update(close);
    const smaSlow = this.smaSlow?.update(close);
    this.ema?.update(close);
    const rsi = this.rsi?.update(close);
    const atr = this.atr?.update(bar.high, bar.low, close);
    this.bollinger?.update(close);
    this.zscore?.update(close);
    this.history.push(close);
    const vwap = this.vwap?.value();
    this.vwapAtClose = vwap ?? NaN;

    this.emit(0, index, this.crossover?.onBar(smaFast, smaSlow, atr, close, this.mayFire(0, index)), ts, bar, out);
    this.emit(1, index, this.rsiZone?.onBar(rsi, this.mayFire(1, index)), ts, bar, out);
    this.emit(2, index, this.breakout?.onBar(bar, atr, this.mayFire(2, index)), ts, bar, out);
    this.emit(3, index, this.vwapDeviation?.onBar(close, vwap, atr, this.mayFire(3, index)), ts, bar, out);
    this.emit(4, index, this.volumeSpike?.onBar(bar, this.mayFire(4, index)), ts, bar, out);
    this.emit(5, index, this.imbalance?.onBar(bar.bidSize, bar.askSize, this.mayFire(5, index)), ts, bar, out);
  }

  /** Cooldown check for detector `k` (each detector only affects its own cooldown). */
  private mayFire(k: number, barIndex: number): boolean {
    const last = this.lastFired[k]!;
    return last === -1 || barIndex - last >= this.cooldownBars;
  }

  private emit(k: number, barIndex: number, d: Detection | undefined, ts: number, bar: Bar, out: Signal[]): void {
    if (d === undefined) return;
    this.lastFired[k] = barIndex;
    out.push({ detector: DETECTOR_NAMES[k]!, score: d.score, reason: d.reason, ts, price: bar.close, barStart: bar.start });
  }

  /** Current indicator values (VWAP as of the last tick). */
  values(): IndicatorValues {
    const bb = this.bollinger?.isWarm ? this.bollinger : undefined;
    return {
      smaFast: this.smaFast?.value(),
      smaSlow: this.smaSlow?.value(),
      ema: this.ema?.value(),
      rsi: this.rsi?.value(),
      atr: this.atr?.value(),
      vwap: this.vwap?.value(),
      bollingerUpper: bb?.upper,
      bollingerMiddle: bb?.middle,
      bollingerLower: bb?.lower,
      zscore: this.zscore?.value(),
    };
  }

  /** Appends the bar just closed by tick `closeIndex` and the indicators at its close. */
  pushRow(rows: BarRows, closeIndex: number): void {
    const b = this.lastClosed;
    const v = this.values();
    rows.push(closeIndex, b, v, this.vwapAtClose);
  }
}
