//! Per-symbol engine state: the forming bar, the indicators, the detectors and their
//! cooldowns. `process_tick` is the hot path shared by live ticks and batches; it assumes
//! the tick was validated (fields and time order) by the caller and never allocates unless
//! a signal is emitted.

use crate::bars::{bucket_bounds, Bar};
use crate::config::EngineConfig;
use crate::detectors::breakout::Breakout;
use crate::detectors::crossover::MaCrossover;
use crate::detectors::imbalance::BookImbalance;
use crate::detectors::rsi_zone::RsiZone;
use crate::detectors::volume_spike::VolumeSpike;
use crate::detectors::vwap_deviation::VwapDeviation;
use crate::detectors::Detection;
use crate::indicators::atr::Atr;
use crate::indicators::bollinger::Bollinger;
use crate::indicators::ema::Ema;
use crate::indicators::rsi::Rsi;
use crate::indicators::sma::Sma;
use crate::indicators::vwap::Vwap;
use crate::indicators::window::Window;
use crate::indicators::zscore::ZScore;
use crate::kinds::{DetectorKind, IndicatorKind};
use crate::CoreError;

use super::output::{BarSeries, IndicatorSnapshot, IndicatorValues, Signal};

/// Detector instances (None when disabled) and the bar index each last fired at.
#[derive(Debug, Clone)]
struct Detectors {
    crossover: Option<MaCrossover>,
    rsi_zone: Option<RsiZone>,
    breakout: Option<Breakout>,
    vwap_deviation: Option<VwapDeviation>,
    volume_spike: Option<VolumeSpike>,
    imbalance: Option<BookImbalance>,
    cooldown_bars: u64,
    last_fired: [Option<u64>; 6],
    /// Whether any detector is enabled: an indicators-only engine skips detection entirely.
    any: bool,
}

/// The indicator values a bar close hands to the detectors.
#[derive(Debug, Clone, Copy)]
struct BarIndicators {
    sma_fast: Option<f64>,
    sma_slow: Option<f64>,
    rsi: Option<f64>,
    atr: Option<f64>,
    vwap: Option<f64>,
}

impl Detectors {
    /// Runs the enabled detectors on a closed bar in `DetectorKind::ALL` order and pushes
    /// their signals. Cooldowns are read before any detector runs, so one firing never
    /// affects another's eligibility on the same bar. Out of line: the rare, heavy part.
    #[inline(never)]
    fn run(&mut self, index: u64, bar: &Bar, ind: BarIndicators, ts: f64, out: &mut Vec<Signal>) {
        let may = DetectorKind::ALL.map(|k| self.may_fire(k, index));
        let close = bar.close;
        let mut emit =
            |kind: DetectorKind, found: Option<Detection>, last_fired: &mut [Option<u64>; 6]| {
                if let Some(Detection { score, reason }) = found {
                    last_fired[kind as usize] = Some(index);
                    out.push(Signal {
                        detector: kind,
                        score,
                        reason,
                        ts,
                        price: close,
                        bar_start: bar.start,
                    });
                }
            };
        let last = &mut self.last_fired;
        if let Some(x) = self.crossover.as_mut() {
            emit(
                DetectorKind::MaCrossover,
                x.on_bar(ind.sma_fast, ind.sma_slow, ind.atr, close, may[0]),
                last,
            );
        }
        if let Some(x) = self.rsi_zone.as_mut() {
            emit(DetectorKind::RsiZone, x.on_bar(ind.rsi, may[1]), last);
        }
        if let Some(x) = self.breakout.as_mut() {
            emit(DetectorKind::Breakout, x.on_bar(bar, ind.atr, may[2]), last);
        }
        if let Some(x) = self.vwap_deviation.as_mut() {
            emit(
                DetectorKind::VwapDeviation,
                x.on_bar(close, ind.vwap, ind.atr, may[3]),
                last,
            );
        }
        if let Some(x) = self.volume_spike.as_mut() {
            emit(DetectorKind::VolumeSpike, x.on_bar(bar, may[4]), last);
        }
        if let Some(x) = self.imbalance.as_mut() {
            emit(
                DetectorKind::BookImbalance,
                x.on_bar(bar.bid_size, bar.ask_size, may[5]),
                last,
            );
        }
    }

    fn may_fire(&self, kind: DetectorKind, bar_index: u64) -> bool {
        match self.last_fired[kind as usize] {
            None => true,
            Some(last) => bar_index - last >= self.cooldown_bars,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct SymbolState {
    bar_ms: f64,
    has_tick: bool,
    last_ts: f64,
    last_price: f64,
    bar_open: bool,
    bar: Bar,
    /// End (exclusive) of the forming bar's bucket.
    bar_end: f64,
    last_closed: Bar,
    bars_closed: u64,
    /// Last known book sizes (NaN until given).
    last_bid: f64,
    last_ask: f64,
    /// VWAP the detectors saw at the last bar close (NaN if none).
    vwap_at_close: f64,
    sma_fast: Option<Sma>,
    sma_slow: Option<Sma>,
    ema: Option<Ema>,
    rsi: Option<Rsi>,
    atr: Option<Atr>,
    vwap: Option<Vwap>,
    bollinger: Option<Bollinger>,
    zscore: Option<ZScore>,
    history: Window,
    detectors: Detectors,
}

impl SymbolState {
    /// Fresh state; `config` has been validated (periods ≥ 1), so the constructors cannot fail.
    pub fn new(config: &EngineConfig) -> Self {
        let on = |k: IndicatorKind| config.indicators.contains(k);
        let det = |k: DetectorKind| config.detectors.contains(k);
        let sma = |p: usize| Sma::new(p).expect("validated period");
        Self {
            bar_ms: config.bar_ms as f64,
            has_tick: false,
            last_ts: 0.0,
            last_price: 0.0,
            bar_open: false,
            bar: Bar::open_at(0.0, 0.0, 0.0),
            bar_end: 0.0,
            last_closed: Bar::open_at(0.0, 0.0, 0.0),
            bars_closed: 0,
            last_bid: f64::NAN,
            last_ask: f64::NAN,
            vwap_at_close: f64::NAN,
            sma_fast: on(IndicatorKind::Sma).then(|| sma(config.sma_fast_period)),
            sma_slow: on(IndicatorKind::Sma).then(|| sma(config.sma_slow_period)),
            ema: on(IndicatorKind::Ema)
                .then(|| Ema::new(config.ema_period).expect("validated period")),
            rsi: on(IndicatorKind::Rsi)
                .then(|| Rsi::new(config.rsi_period).expect("validated period")),
            atr: on(IndicatorKind::Atr)
                .then(|| Atr::new(config.atr_period).expect("validated period")),
            vwap: on(IndicatorKind::Vwap).then(Vwap::new),
            bollinger: on(IndicatorKind::Bollinger)
                .then(|| Bollinger::new(config.bollinger_period, config.bollinger_k)),
            zscore: on(IndicatorKind::Zscore).then(|| ZScore::new(config.zscore_period)),
            history: Window::new(config.history_length),
            detectors: Detectors {
                crossover: det(DetectorKind::MaCrossover).then(|| {
                    MaCrossover::new(
                        config.sma_fast_period,
                        config.sma_slow_period,
                        config.crossover_full_score_atr,
                    )
                }),
                rsi_zone: det(DetectorKind::RsiZone).then(|| {
                    RsiZone::new(
                        config.rsi_period,
                        config.rsi_oversold,
                        config.rsi_overbought,
                    )
                }),
                breakout: det(DetectorKind::Breakout)
                    .then(|| Breakout::new(config.breakout_bars, config.breakout_volume_factor)),
                vwap_deviation: det(DetectorKind::VwapDeviation)
                    .then(|| VwapDeviation::new(config.vwap_deviation_atr)),
                volume_spike: det(DetectorKind::VolumeSpike)
                    .then(|| VolumeSpike::new(config.volume_spike_period, config.volume_spike_z)),
                imbalance: det(DetectorKind::BookImbalance)
                    .then(|| BookImbalance::new(config.imbalance_threshold)),
                cooldown_bars: config.cooldown_bars as u64,
                last_fired: [None; 6],
                any: DetectorKind::ALL.into_iter().any(det),
            },
        }
    }

    /// Rejects a timestamp earlier than this symbol's previous tick.
    #[inline]
    pub fn check_time(&self, index: Option<usize>, ts: f64) -> Result<(), CoreError> {
        if self.has_tick && ts < self.last_ts {
            return Err(CoreError::TimeBackwards {
                index,
                value: ts,
                last: self.last_ts,
            });
        }
        Ok(())
    }

    /// Timestamp of the last tick, if any (for batch time-order validation).
    pub fn last_ts(&self) -> Option<f64> {
        self.has_tick.then_some(self.last_ts)
    }

    /// Feeds one validated tick; pushes the signals of a bar it closes into `out` and
    /// returns whether it closed one. Order: close the previous bar (indicators, then
    /// detectors), then add the tick to VWAP, the book sizes and the new/current bar.
    /// Kept small (the bar close is out of line) so it inlines into the batch loop.
    #[inline(always)]
    pub fn process_tick(
        &mut self,
        ts: f64,
        price: f64,
        size: f64,
        bid_size: Option<f64>,
        ask_size: Option<f64>,
        out: &mut Vec<Signal>,
    ) -> bool {
        let closed = self.bar_open && ts >= self.bar_end;
        if closed {
            self.close_bar(ts, out);
        }
        if let Some(vwap) = self.vwap.as_mut() {
            vwap.update(ts, price, size);
        }
        if let Some(bid) = bid_size {
            self.last_bid = bid;
        }
        if let Some(ask) = ask_size {
            self.last_ask = ask;
        }
        if self.bar_open {
            self.bar.add(price, size);
        } else {
            self.open_bar(ts, price, size);
        }
        self.has_tick = true;
        self.last_ts = ts;
        self.last_price = price;
        closed
    }

    /// End (exclusive) of the forming bar's bucket; a tick at or after it closes the bar.
    #[inline(always)]
    pub fn bar_end(&self) -> f64 {
        self.bar_end
    }

    /// Batch fast path: adds ticks that all fall inside the forming bar (validated, in time
    /// order, `ts < bar_end`, bar open). Same arithmetic, in the same order, as calling
    /// `process_tick` for each — high/low are exact max/min and the sums stay sequential —
    /// just without the per-tick bar-close test. `bid_size`/`ask_size`: the segment's last.
    #[inline(always)]
    pub fn absorb_segment(
        &mut self,
        ts: &[f64],
        price: &[f64],
        size: &[f64],
        bid_size: Option<f64>,
        ask_size: Option<f64>,
    ) {
        let (Some(&last_ts), Some(&last_price)) = (ts.last(), price.last()) else {
            return;
        };
        if let Some(vwap) = self.vwap.as_mut() {
            vwap.update_segment(ts, price, size);
        }
        let bar = &mut self.bar;
        let (mut high, mut low, mut volume) = (bar.high, bar.low, bar.volume);
        for (&p, &q) in price.iter().zip(size) {
            high = if p > high { p } else { high };
            low = if p < low { p } else { low };
            volume += q;
        }
        bar.high = high;
        bar.low = low;
        bar.volume = volume;
        bar.close = last_price;
        bar.ticks = bar.ticks.saturating_add(price.len() as u32);
        if let Some(bid) = bid_size {
            self.last_bid = bid;
        }
        if let Some(ask) = ask_size {
            self.last_ask = ask;
        }
        self.last_ts = last_ts;
        self.last_price = last_price;
    }

    #[inline(never)]
    fn open_bar(&mut self, ts: f64, price: f64, size: f64) {
        // The next bucket is the common case; it needs no division (and gives the same
        // bounds: the bucket with start <= ts < end is unique).
        let (start, end) = if ts >= self.bar_end && ts < self.bar_end + self.bar_ms {
            (self.bar_end, self.bar_end + self.bar_ms)
        } else {
            bucket_bounds(ts, self.bar_ms)
        };
        self.bar = Bar::open_at(start, price, size);
        self.bar_end = end;
        self.bar_open = true;
    }

    #[inline(never)]
    fn close_bar(&mut self, ts: f64, out: &mut Vec<Signal>) {
        let mut bar = self.bar;
        bar.bid_size = self.last_bid;
        bar.ask_size = self.last_ask;
        self.bar_open = false;
        self.last_closed = bar;
        let index = self.bars_closed;
        self.bars_closed += 1;

        let close = bar.close;
        // Indicator state only; the values (more divisions) are read below when detectors run.
        if let Some(sma) = self.sma_fast.as_mut() {
            sma.update(close);
        }
        if let Some(sma) = self.sma_slow.as_mut() {
            sma.update(close);
        }
        if let Some(ema) = self.ema.as_mut() {
            ema.update(close);
        }
        if let Some(rsi) = self.rsi.as_mut() {
            rsi.update(close);
        }
        if let Some(atr) = self.atr.as_mut() {
            atr.update(bar.high, bar.low, close);
        }
        if let Some(bollinger) = self.bollinger.as_mut() {
            bollinger.update(close);
        }
        if let Some(zscore) = self.zscore.as_mut() {
            // Same closes over the same period (the defaults): Bollinger's window statistics are
            // exactly the ones the z-score needs.
            match self.bollinger.as_ref() {
                Some(b) if b.period() == zscore.period() => zscore.update_from(close, b.stats()),
                _ => zscore.update(close),
            };
        }
        self.history.push(close);
        let vwap = self.vwap.as_ref().and_then(Vwap::value);
        self.vwap_at_close = vwap.unwrap_or(f64::NAN);

        if self.detectors.any {
            let ind = BarIndicators {
                sma_fast: self.sma_fast.as_ref().and_then(Sma::value),
                sma_slow: self.sma_slow.as_ref().and_then(Sma::value),
                rsi: self.rsi.as_ref().and_then(Rsi::value),
                atr: self.atr.as_ref().and_then(Atr::value),
                vwap,
            };
            self.detectors.run(index, &bar, ind, ts, out);
        }
    }

    /// Current indicator values (VWAP as of the last tick).
    pub fn values(&self) -> IndicatorValues {
        let bands = self.bollinger.as_ref().and_then(Bollinger::value);
        IndicatorValues {
            sma_fast: self.sma_fast.as_ref().and_then(Sma::value),
            sma_slow: self.sma_slow.as_ref().and_then(Sma::value),
            ema: self.ema.as_ref().and_then(Ema::value),
            rsi: self.rsi.as_ref().and_then(Rsi::value),
            atr: self.atr.as_ref().and_then(Atr::value),
            vwap: self.vwap.as_ref().and_then(Vwap::value),
            bollinger_upper: bands.map(|b| b.upper),
            bollinger_middle: bands.map(|b| b.middle),
            bollinger_lower: bands.map(|b| b.lower),
            zscore: self.zscore.as_ref().and_then(ZScore::value),
        }
    }

    /// Appends the bar just closed by tick `close_index` and the indicators at its close.
    pub fn push_row(&self, rows: &mut BarSeries, close_index: usize) {
        let bar = &self.last_closed;
        let v = self.values();
        let nan = |x: Option<f64>| x.unwrap_or(f64::NAN);
        rows.close_index.push(close_index);
        rows.start.push(bar.start);
        rows.open.push(bar.open);
        rows.high.push(bar.high);
        rows.low.push(bar.low);
        rows.close.push(bar.close);
        rows.volume.push(bar.volume);
        rows.bid_size.push(bar.bid_size);
        rows.ask_size.push(bar.ask_size);
        rows.sma_fast.push(nan(v.sma_fast));
        rows.sma_slow.push(nan(v.sma_slow));
        rows.ema.push(nan(v.ema));
        rows.rsi.push(nan(v.rsi));
        rows.atr.push(nan(v.atr));
        rows.vwap.push(self.vwap_at_close);
        rows.bollinger_upper.push(nan(v.bollinger_upper));
        rows.bollinger_middle.push(nan(v.bollinger_middle));
        rows.bollinger_lower.push(nan(v.bollinger_lower));
        rows.zscore.push(nan(v.zscore));
    }

    /// Snapshot for `PatternEngine::indicators`; None before the first tick.
    pub fn snapshot(&self) -> Option<IndicatorSnapshot> {
        self.has_tick.then(|| IndicatorSnapshot {
            ts: self.last_ts,
            last_price: self.last_price,
            bars_closed: self.bars_closed,
            values: self.values(),
            history: self.history.to_vec_chronological(),
        })
    }
}
