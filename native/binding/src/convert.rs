//! JS-facing object shapes (`#[napi(object)]`) and their conversions from the core's types.
//! Field names become camelCase in JS; `binding.d.ts` is generated from these.

use napi::bindgen_prelude::{Float64Array, Uint8Array};
use napi_derive::napi;
use pattern_core::{BarSeries, BatchOutput, ConfigInput, EngineConfig, IndicatorSnapshot, Signal};

/// Engine configuration; every field optional (defaults in native/README.md).
#[napi(object)]
#[derive(Default)]
pub struct EngineConfigInput {
    pub bar_ms: Option<f64>,
    pub history_length: Option<f64>,
    pub sma_fast_period: Option<f64>,
    pub sma_slow_period: Option<f64>,
    pub ema_period: Option<f64>,
    pub rsi_period: Option<f64>,
    pub atr_period: Option<f64>,
    pub bollinger_period: Option<f64>,
    pub bollinger_k: Option<f64>,
    pub zscore_period: Option<f64>,
    pub crossover_full_score_atr: Option<f64>,
    pub rsi_oversold: Option<f64>,
    pub rsi_overbought: Option<f64>,
    pub breakout_bars: Option<f64>,
    pub breakout_volume_factor: Option<f64>,
    pub vwap_deviation_atr: Option<f64>,
    pub volume_spike_period: Option<f64>,
    pub volume_spike_z: Option<f64>,
    pub imbalance_threshold: Option<f64>,
    pub cooldown_bars: Option<f64>,
    pub indicators: Option<Vec<String>>,
    pub detectors: Option<Vec<String>>,
}

impl From<EngineConfigInput> for ConfigInput {
    fn from(c: EngineConfigInput) -> Self {
        ConfigInput {
            bar_ms: c.bar_ms,
            history_length: c.history_length,
            sma_fast_period: c.sma_fast_period,
            sma_slow_period: c.sma_slow_period,
            ema_period: c.ema_period,
            rsi_period: c.rsi_period,
            atr_period: c.atr_period,
            bollinger_period: c.bollinger_period,
            bollinger_k: c.bollinger_k,
            zscore_period: c.zscore_period,
            crossover_full_score_atr: c.crossover_full_score_atr,
            rsi_oversold: c.rsi_oversold,
            rsi_overbought: c.rsi_overbought,
            breakout_bars: c.breakout_bars,
            breakout_volume_factor: c.breakout_volume_factor,
            vwap_deviation_atr: c.vwap_deviation_atr,
            volume_spike_period: c.volume_spike_period,
            volume_spike_z: c.volume_spike_z,
            imbalance_threshold: c.imbalance_threshold,
            cooldown_bars: c.cooldown_bars,
            indicators: c.indicators,
            detectors: c.detectors,
        }
    }
}

/// The configuration in effect (defaults applied).
#[napi(object)]
pub struct ResolvedEngineConfig {
    pub bar_ms: f64,
    pub history_length: f64,
    pub sma_fast_period: f64,
    pub sma_slow_period: f64,
    pub ema_period: f64,
    pub rsi_period: f64,
    pub atr_period: f64,
    pub bollinger_period: f64,
    pub bollinger_k: f64,
    pub zscore_period: f64,
    pub crossover_full_score_atr: f64,
    pub rsi_oversold: f64,
    pub rsi_overbought: f64,
    pub breakout_bars: f64,
    pub breakout_volume_factor: f64,
    pub vwap_deviation_atr: f64,
    pub volume_spike_period: f64,
    pub volume_spike_z: f64,
    pub imbalance_threshold: f64,
    pub cooldown_bars: f64,
    pub indicators: Vec<String>,
    pub detectors: Vec<String>,
}

impl From<&EngineConfig> for ResolvedEngineConfig {
    fn from(c: &EngineConfig) -> Self {
        let names = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect();
        ResolvedEngineConfig {
            bar_ms: c.bar_ms as f64,
            history_length: c.history_length as f64,
            sma_fast_period: c.sma_fast_period as f64,
            sma_slow_period: c.sma_slow_period as f64,
            ema_period: c.ema_period as f64,
            rsi_period: c.rsi_period as f64,
            atr_period: c.atr_period as f64,
            bollinger_period: c.bollinger_period as f64,
            bollinger_k: c.bollinger_k,
            zscore_period: c.zscore_period as f64,
            crossover_full_score_atr: c.crossover_full_score_atr,
            rsi_oversold: c.rsi_oversold,
            rsi_overbought: c.rsi_overbought,
            breakout_bars: c.breakout_bars as f64,
            breakout_volume_factor: c.breakout_volume_factor,
            vwap_deviation_atr: c.vwap_deviation_atr,
            volume_spike_period: c.volume_spike_period as f64,
            volume_spike_z: c.volume_spike_z,
            imbalance_threshold: c.imbalance_threshold,
            cooldown_bars: c.cooldown_bars as f64,
            indicators: names(c.indicators.names()),
            detectors: names(c.detectors.names()),
        }
    }
}

/// A scored signal from `onTick`.
#[napi(object, js_name = "Signal")]
pub struct JsSignal {
    pub detector: String,
    pub score: f64,
    pub reason: String,
    pub ts: f64,
    pub price: f64,
    pub bar_start: f64,
}

impl From<Signal> for JsSignal {
    fn from(s: Signal) -> Self {
        JsSignal {
            detector: s.detector.name().to_owned(),
            score: s.score,
            reason: s.reason,
            ts: s.ts,
            price: s.price,
            bar_start: s.bar_start,
        }
    }
}

/// A signal from `runBatch`, with the index of the tick that produced it.
#[napi(object, js_name = "BatchSignal")]
pub struct JsBatchSignal {
    pub index: f64,
    pub detector: String,
    pub score: f64,
    pub reason: String,
    pub ts: f64,
    pub price: f64,
    pub bar_start: f64,
}

/// Closed bars and indicator values at each close, one Float64Array per column.
#[napi(object, js_name = "BarSeries")]
pub struct JsBarSeries {
    pub close_index: Float64Array,
    pub start: Float64Array,
    pub open: Float64Array,
    pub high: Float64Array,
    pub low: Float64Array,
    pub close: Float64Array,
    pub volume: Float64Array,
    pub bid_size: Float64Array,
    pub ask_size: Float64Array,
    pub sma_fast: Float64Array,
    pub sma_slow: Float64Array,
    pub ema: Float64Array,
    pub rsi: Float64Array,
    pub atr: Float64Array,
    pub vwap: Float64Array,
    pub bollinger_upper: Float64Array,
    pub bollinger_middle: Float64Array,
    pub bollinger_lower: Float64Array,
    pub zscore: Float64Array,
}

impl From<BarSeries> for JsBarSeries {
    fn from(b: BarSeries) -> Self {
        let col = Float64Array::new; // takes the Vec, no copy
        JsBarSeries {
            close_index: col(b.close_index.into_iter().map(|i| i as f64).collect()),
            start: col(b.start),
            open: col(b.open),
            high: col(b.high),
            low: col(b.low),
            close: col(b.close),
            volume: col(b.volume),
            bid_size: col(b.bid_size),
            ask_size: col(b.ask_size),
            sma_fast: col(b.sma_fast),
            sma_slow: col(b.sma_slow),
            ema: col(b.ema),
            rsi: col(b.rsi),
            atr: col(b.atr),
            vwap: col(b.vwap),
            bollinger_upper: col(b.bollinger_upper),
            bollinger_middle: col(b.bollinger_middle),
            bollinger_lower: col(b.bollinger_lower),
            zscore: col(b.zscore),
        }
    }
}

/// Result of `runBatch`.
#[napi(object, js_name = "BatchOutput", use_nullable = true)]
pub struct JsBatchOutput {
    pub ticks: f64,
    pub signals: Vec<JsBatchSignal>,
    pub bars: Option<JsBarSeries>,
}

impl From<BatchOutput> for JsBatchOutput {
    fn from(out: BatchOutput) -> Self {
        JsBatchOutput {
            ticks: out.ticks as f64,
            signals: out
                .signals
                .into_iter()
                .map(|s| JsBatchSignal {
                    index: s.index as f64,
                    detector: s.signal.detector.name().to_owned(),
                    score: s.signal.score,
                    reason: s.signal.reason,
                    ts: s.signal.ts,
                    price: s.signal.price,
                    bar_start: s.signal.bar_start,
                })
                .collect(),
            bars: out.bars.map(JsBarSeries::from),
        }
    }
}

/// Batch signals as columns; `detector[i]` indexes the detector names in run order
/// (ma_crossover, rsi_zone, breakout, vwap_deviation, volume_spike, book_imbalance) and
/// `reasons` joins the reasons with "\n" (reasons never contain a newline).
#[napi(object, js_name = "SignalColumns")]
pub struct JsSignalColumns {
    pub index: Float64Array,
    pub detector: Uint8Array,
    pub score: Float64Array,
    pub ts: Float64Array,
    pub price: Float64Array,
    pub bar_start: Float64Array,
    pub reasons: String,
}

/// Result of `runBatchColumns`.
#[napi(object, js_name = "BatchColumns", use_nullable = true)]
pub struct JsBatchColumns {
    pub ticks: f64,
    pub signals: JsSignalColumns,
    pub bars: Option<JsBarSeries>,
}

impl From<BatchOutput> for JsBatchColumns {
    fn from(out: BatchOutput) -> Self {
        let n = out.signals.len();
        let (mut index, mut detector, mut score) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        let (mut ts, mut price, mut bar_start) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        let mut reasons = String::new();
        for (i, s) in out.signals.into_iter().enumerate() {
            index.push(s.index as f64);
            detector.push(s.signal.detector as u8);
            score.push(s.signal.score);
            ts.push(s.signal.ts);
            price.push(s.signal.price);
            bar_start.push(s.signal.bar_start);
            if i > 0 {
                reasons.push('\n');
            }
            reasons.push_str(&s.signal.reason);
        }
        JsBatchColumns {
            ticks: out.ticks as f64,
            signals: JsSignalColumns {
                index: Float64Array::new(index),
                detector: Uint8Array::new(detector),
                score: Float64Array::new(score),
                ts: Float64Array::new(ts),
                price: Float64Array::new(price),
                bar_start: Float64Array::new(bar_start),
                reasons,
            },
            bars: out.bars.map(JsBarSeries::from),
        }
    }
}

/// Current indicators of one symbol (null while not warm or not enabled).
#[napi(object, js_name = "IndicatorSnapshot", use_nullable = true)]
pub struct JsIndicatorSnapshot {
    pub symbol: String,
    pub ts: f64,
    pub last_price: f64,
    pub bars_closed: f64,
    pub sma_fast: Option<f64>,
    pub sma_slow: Option<f64>,
    pub ema: Option<f64>,
    pub rsi: Option<f64>,
    pub atr: Option<f64>,
    pub vwap: Option<f64>,
    pub bollinger_upper: Option<f64>,
    pub bollinger_middle: Option<f64>,
    pub bollinger_lower: Option<f64>,
    pub zscore: Option<f64>,
    pub history: Vec<f64>,
}

impl JsIndicatorSnapshot {
    pub fn new(symbol: String, s: IndicatorSnapshot) -> Self {
        let v = s.values;
        JsIndicatorSnapshot {
            symbol,
            ts: s.ts,
            last_price: s.last_price,
            bars_closed: s.bars_closed as f64,
            sma_fast: v.sma_fast,
            sma_slow: v.sma_slow,
            ema: v.ema,
            rsi: v.rsi,
            atr: v.atr,
            vwap: v.vwap,
            bollinger_upper: v.bollinger_upper,
            bollinger_middle: v.bollinger_middle,
            bollinger_lower: v.bollinger_lower,
            zscore: v.zscore,
            history: s.history,
        }
    }
}
