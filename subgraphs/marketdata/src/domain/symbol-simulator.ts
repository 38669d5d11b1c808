// The market model behind the synthetic feed, for one symbol. A latent "efficient" log price moves in
// regimes (trending with drift, or Ornstein-Uhlenbeck mean reversion around a slowly moving anchor) with
// clustered volatility; events arrive as a self-exciting (Hawkes) process so busy periods cluster; the
// quoted market (on the tick grid) follows the latent price, and trades hit the bid or lift the ask.
import { OrderBook } from '@aitrader/platform/book';
import { type DepthTick, type QuoteTick, type Tick } from '@aitrader/platform/messages';
import { ticksToPrice, type Instrument } from './instruments';
import type { Random } from './random';
import { formatTimestamp } from './timestamps';

/** A tick with its time as epoch ms (for merging); its seq is set once the feed order is known. */
export interface TimedTick {
  epochMs: number;
  tick: Tick;
}

export interface SimulatorSettings {
  eventsPerSecond: number;
  /** Levels per side including the top of book. */
  depthLevels: number;
}

// Seconds of regular trading per year (252 days × 6.5 h): turns annual volatility into per-second.
const TRADING_SECONDS_PER_YEAR = 252 * 6.5 * 3600;
const BRANCHING_RATIO = 0.6; // share of events triggered by earlier events (Hawkes): the clustering
const EXCITATION_DECAY_PER_S = 1 / 30; // an event's excitation fades over ~30 s
const VOL_MEMORY_S = 300; // volatility clusters last minutes
const VOL_OF_VOL = 0.35;
const MEAN_REVERSION_PER_S = 1 / 120; // OU pull towards the anchor: half-life ~83 s
const TREND_TO_RANGE_PER_S = 1 / 600; // trends last ~10 minutes on average
const RANGE_TO_TREND_PER_S = 1 / 900; // ranges ~15 minutes
const TRADE_SHARE = 0.4; // of events that are trades (the rest are quote revisions)
const AT_TOUCH_SHARE = 0.9; // trades at the bid or ask; the rest print inside the spread
// Per side and event: chance to fill a gap behind the touch, to drop a stale far level, to refresh a size.
const DEPTH_FILL_P = 0.3;
const DEPTH_PRUNE_P = 0.15;
const DEPTH_REFRESH_P = 0.05;

type Regime = 'TRENDING' | 'MEAN_REVERTING';

export class SymbolSimulator {
  readonly symbol: string;
  /** Float epoch ms of the next event (already drawn, so output never depends on how time is chunked). */
  private nextEventMs: number;
  private started = false;
  private readonly tickSize: number;
  private readonly secondVol: number;
  private readonly baseRate: number;
  private readonly book: OrderBook;
  // Latent state.
  private logMid: number;
  private anchor: number;
  private regime: Regime = 'MEAN_REVERTING';
  private drift = 0; // log price per second while trending
  private logVol = 0; // OU log-volatility factor
  private excitation = 0; // Hawkes excitation (events per second), as of lastEventMs
  private lastEventMs: number;
  private isoCache = { epochMs: Number.NaN, text: '' };
  // Quoted market, in ticks and shares.
  private bid = 0;
  private ask = 0;
  private bidSize = 0;
  private askSize = 0;

  constructor(
    private readonly instrument: Instrument,
    private readonly startMs: number,
    private readonly settings: SimulatorSettings,
    private readonly rng: Random,
  ) {
    this.symbol = instrument.symbol;
    this.tickSize = instrument.tickSize;
    this.secondVol = instrument.generator.annualVolatility / Math.sqrt(TRADING_SECONDS_PER_YEAR);
    this.baseRate = settings.eventsPerSecond * (1 - BRANCHING_RATIO);
    this.book = new OrderBook(instrument.symbol);
    this.logMid = Math.log(instrument.generator.referencePrice);
    this.anchor = this.logMid;
    this.lastEventMs = startMs;
    this.nextEventMs = startMs;
  }

  /** Appends every event before `untilMs` (exclusive) to `out`, in time order. */
  emitUntil(untilMs: number, out: TimedTick[]): void {
    if (!this.started && this.startMs < untilMs) {
      this.started = true;
      this.openMarket(out);
      this.nextEventMs = this.drawNextEvent(this.startMs);
    }
    while (this.started && this.nextEventMs < untilMs) {
      this.step(this.nextEventMs, out);
      this.nextEventMs = this.drawNextEvent(this.nextEventMs);
    }
  }

  /** The opening quote plus a full ladder of depth on both sides. */
  private openMarket(out: TimedTick[]): void {
    const spread = this.instrument.generator.typicalSpreadTicks;
    this.bid = Math.max(1, Math.round(Math.exp(this.logMid) / this.tickSize - spread / 2));
    this.ask = this.bid + spread;
    this.bidSize = this.displaySize(0);
    this.askSize = this.displaySize(0);
    this.emitQuote(this.startMs, out);
    for (let k = 1; k < this.settings.depthLevels; k++) {
      if (this.bid - k >= 1) this.emitDepth(this.startMs, 'bid', this.bid - k, this.displaySize(k), out);
      this.emitDepth(this.startMs, 'ask', this.ask + k, this.displaySize(k), out);
    }
  }

  private intensityAt(excitation: number): number {
    // Volume follows volatility: the baseline rises with the volatility factor (mean-one lognormal).
    return this.baseRate * Math.exp(this.logVol - VOL_OF_VOL ** 2 / 2) + excitation;
  }

  /** Ogata thinning: excitation only decays between events, so the current intensity bounds the future. */
  private drawNextEvent(fromMs: number): number {
    let t = fromMs;
    let excitation = this.excitation * Math.exp((-(fromMs - this.lastEventMs) / 1000) * EXCITATION_DECAY_PER_S);
    for (;;) {
      const bound = this.intensityAt(excitation);
      const waitS = this.rng.exponential(bound);
      t += waitS * 1000;
      excitation *= Math.exp(-waitS * EXCITATION_DECAY_PER_S);
      if (this.rng.next() * bound <= this.intensityAt(excitation)) return t;
    }
  }

  private step(nowMs: number, out: TimedTick[]): void {
    const dt = Math.max(0, (nowMs - this.lastEventMs) / 1000);
    this.excitation = this.excitation * Math.exp(-dt * EXCITATION_DECAY_PER_S) + BRANCHING_RATIO * EXCITATION_DECAY_PER_S;
    this.lastEventMs = nowMs;
    this.switchRegime(dt);
    this.evolveVolatility(dt);
    this.movePrice(dt);
    const atMs = Math.floor(nowMs);
    if (this.rng.bernoulli(TRADE_SHARE)) this.trade(atMs, out);
    else this.requote(atMs, out);
    this.maintainDepth(atMs, out);
  }

  private switchRegime(dt: number): void {
    const rate = this.regime === 'TRENDING' ? TREND_TO_RANGE_PER_S : RANGE_TO_TREND_PER_S;
    if (!this.rng.bernoulli(1 - Math.exp(-rate * dt))) return;
    if (this.regime === 'TRENDING') {
      this.regime = 'MEAN_REVERTING';
      this.anchor = this.logMid;
    } else {
      this.regime = 'TRENDING';
      // Over a typical 10-minute trend, move 0.5-1.5 standard deviations of a 10-minute return.
      const size = this.rng.uniform(0.5, 1.5) * this.secondVol * Math.sqrt(1 / TREND_TO_RANGE_PER_S) * TREND_TO_RANGE_PER_S;
      this.drift = this.rng.bernoulli(0.5) ? size : -size;
    }
  }

  private evolveVolatility(dt: number): void {
    const decay = Math.exp(-dt / VOL_MEMORY_S);
    this.logVol = this.logVol * decay + VOL_OF_VOL * Math.sqrt(1 - decay * decay) * this.rng.normal();
  }

  /** Volatility multiplier: the clustered factor, raised further while events are bunching. */
  private volMultiplier(): number {
    const busy = Math.min(4, Math.max(0.5, this.intensityAt(this.excitation) / this.settings.eventsPerSecond));
    return Math.exp(this.logVol - VOL_OF_VOL ** 2 / 2) * Math.sqrt(busy);
  }

  private movePrice(dt: number): void {
    const sigma = this.secondVol * this.volMultiplier();
    if (this.regime === 'TRENDING') {
      this.logMid += this.drift * dt + sigma * Math.sqrt(dt) * this.rng.normal();
      return;
    }
    this.anchor += 0.3 * this.secondVol * Math.sqrt(dt) * this.rng.normal();
    const pull = Math.exp(-MEAN_REVERSION_PER_S * dt);
    // Exact OU transition over dt: the deviation shrinks by `pull`, plus noise of the matching variance.
    const noise = sigma * Math.sqrt((1 - pull * pull) / (2 * MEAN_REVERSION_PER_S));
    this.logMid = this.anchor + (this.logMid - this.anchor) * pull + noise * this.rng.normal();
  }

  /** Latent mid in ticks. */
  private midTicks(): number {
    return Math.exp(this.logMid) / this.tickSize;
  }

  private spreadTicks(): number {
    const typical = this.instrument.generator.typicalSpreadTicks;
    // Wider when volatile (market makers protect themselves), plus an occasional extra tick of noise.
    const widened = typical * Math.sqrt(this.volMultiplier()) + (this.rng.bernoulli(0.1) ? 1 : 0);
    return Math.min(typical * 4 + 2, Math.max(1, Math.round(widened)));
  }

  /** The quote follows the latent price; displayed size is kept while a price level persists. */
  private requote(atMs: number, out: TimedTick[]): void {
    const spread = this.spreadTicks();
    const bid = Math.max(1, Math.round(this.midTicks() - spread / 2));
    const ask = bid + spread;
    const bidSize = bid === this.bid && this.rng.bernoulli(0.6) ? this.bidSize : this.restingSize(bid, 'bid');
    const askSize = ask === this.ask && this.rng.bernoulli(0.6) ? this.askSize : this.restingSize(ask, 'ask');
    if (bid === this.bid && ask === this.ask && bidSize === this.bidSize && askSize === this.askSize) return;
    [this.bid, this.ask, this.bidSize, this.askSize] = [bid, ask, bidSize, askSize];
    this.emitQuote(atMs, out);
  }

  /** A marketable order: it takes the touch (or prints inside a wide spread) and depletes displayed size. */
  private trade(atMs: number, out: TimedTick[]): void {
    const quotedMid = (this.bid + this.ask) / 2;
    const spread = this.ask - this.bid;
    // Buyers aggress when the latent price sits above the quoted mid, sellers when below.
    const buyProbability = 0.5 + 0.4 * Math.tanh((2 * (this.midTicks() - quotedMid)) / Math.max(1, spread));
    const buy = this.rng.bernoulli(buyProbability);
    const size = this.tradeSize();
    const inside = spread >= 2 && !this.rng.bernoulli(AT_TOUCH_SHARE);
    const priceTicks = inside ? this.bid + this.rng.int(1, spread) : buy ? this.ask : this.bid;
    out.push({ epochMs: atMs, tick: { kind: 'trade', symbol: this.symbol, timestamp: this.iso(atMs), price: ticksToPrice(priceTicks, this.tickSize), size, seq: 0 } });
    if (inside) return;
    // Permanent impact: information in the order flow moves the latent price a fraction of a tick.
    this.logMid += ((buy ? 1 : -1) * 0.25 * this.tickSize) / Math.exp(this.logMid);
    if (buy) {
      this.askSize -= size;
      if (this.askSize <= 0) this.askSize = this.restingSize(++this.ask, 'ask');
    } else {
      this.bidSize -= size;
      if (this.bidSize <= 0) {
        this.bid = Math.max(1, this.bid - 1);
        this.bidSize = this.restingSize(this.bid, 'bid');
      }
    }
    this.emitQuote(atMs, out);
  }

  /**
   * Keeps about `depthLevels - 1` levels behind the touch, one small change per side at most per event:
   * fill the nearest gap, drop the farthest stale level, or refresh a level's size.
   */
  private maintainDepth(atMs: number, out: TimedTick[]): void {
    const levels = this.settings.depthLevels;
    for (const side of ['bid', 'ask'] as const) {
      const best = side === 'bid' ? this.bid : this.ask;
      const away = (k: number): number => (side === 'bid' ? best - k : best + k);
      const roll = this.rng.next();
      if (roll < DEPTH_FILL_P) {
        for (let k = 1; k < levels && away(k) >= 1; k++) {
          if (this.sizeAt(side, away(k)) === 0) {
            this.emitDepth(atMs, side, away(k), this.displaySize(k), out);
            break;
          }
        }
      } else if (roll < DEPTH_FILL_P + DEPTH_PRUNE_P) {
        const worst = this.book.levels(side).at(-1);
        const worstTicks = worst === undefined ? best : Math.round(worst[0] / this.tickSize);
        if (Math.abs(worstTicks - best) >= levels + 2) this.emitDepth(atMs, side, worstTicks, 0, out);
      } else if (roll < DEPTH_FILL_P + DEPTH_PRUNE_P + DEPTH_REFRESH_P && levels > 1) {
        const k = this.rng.int(1, levels);
        if (away(k) >= 1 && this.sizeAt(side, away(k)) > 0) this.emitDepth(atMs, side, away(k), this.displaySize(k), out);
      }
    }
  }

  private sizeAt(side: 'bid' | 'ask', priceTicks: number): number {
    return this.book.sizeAt(side, ticksToPrice(priceTicks, this.tickSize));
  }

  /** Size shown at a price: what the book already rests there, or a fresh draw. */
  private restingSize(priceTicks: number, side: 'bid' | 'ask'): number {
    const resting = this.sizeAt(side, priceTicks);
    return resting > 0 ? resting : this.displaySize(0);
  }

  /** Displayed sizes come in round lots of 100 and grow away from the touch. */
  private displaySize(levelsAway: number): number {
    const mean = (this.instrument.generator.averageTradeSize * 3 * (1 + 0.3 * levelsAway)) / 100;
    return 100 * Math.max(1, Math.round(this.rng.logNormal(Math.log(mean) - 0.18, 0.6)));
  }

  /** Lognormal trade sizes rounded to lots, with the familiar clustering on round lots. */
  private tradeSize(): number {
    const { averageTradeSize } = this.instrument.generator;
    const { lotSize } = this.instrument;
    const raw = this.rng.logNormal(Math.log(averageTradeSize) - 0.5, 1);
    const rounded = raw >= 100 && this.rng.bernoulli(0.35) ? Math.round(raw / 100) * 100 : Math.round(raw / lotSize) * lotSize;
    return Math.max(lotSize, rounded);
  }

  private emitQuote(atMs: number, out: TimedTick[]): void {
    const tick: QuoteTick = {
      kind: 'quote',
      symbol: this.symbol,
      timestamp: this.iso(atMs),
      bid: ticksToPrice(this.bid, this.tickSize),
      ask: ticksToPrice(this.ask, this.tickSize),
      bidSize: this.bidSize,
      askSize: this.askSize,
      seq: 0,
    };
    this.book.applyQuote(tick);
    out.push({ epochMs: atMs, tick });
  }

  private emitDepth(atMs: number, side: 'bid' | 'ask', priceTicks: number, size: number, out: TimedTick[]): void {
    const tick: DepthTick = { kind: 'depth', symbol: this.symbol, timestamp: this.iso(atMs), side, price: ticksToPrice(priceTicks, this.tickSize), size, seq: 0 };
    this.book.applyDepth(tick);
    out.push({ epochMs: atMs, tick });
  }

  /** Several ticks share each millisecond: format it once. */
  private iso(epochMs: number): string {
    if (epochMs !== this.isoCache.epochMs) this.isoCache = { epochMs, text: formatTimestamp(epochMs) };
    return this.isoCache.text;
  }
}
