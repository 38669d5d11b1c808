//! Engine configuration: one struct with documented defaults, and the validation shared by
//! Rust callers (`EngineConfig::validate`) and JS callers (`EngineConfig::resolve`, which
//! takes raw JS numbers). Fields are checked in declaration order and the first problem is
//! reported; the TS reference (`src/reference/config.ts`) checks in the same order.

use crate::kinds::{DetectorKind, DetectorSet, IndicatorKind, IndicatorSet};
use crate::numfmt::js_number;
use crate::validate::{period_from_f64, MAX_BAR_MS, MAX_PERIOD};
use crate::CoreError;

/// All tunables of the pattern engine. `Default` gives the documented defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct EngineConfig {
    /// Bar length in ms, UTC-aligned; 1..=86_400_000. Default 1000.
    pub bar_ms: u64,
    /// Closes kept for `IndicatorSnapshot::history`. Default 60.
    pub history_length: usize,
    /// Fast SMA period (crossover detector). Default 10; must be < `sma_slow_period`.
    pub sma_fast_period: usize,
    /// Slow SMA period. Default 20 (the strategy engine's SMA20).
    pub sma_slow_period: usize,
    /// EMA period (seeded with the SMA of the first `ema_period` closes). Default 20.
    pub ema_period: usize,
    /// RSI period (Wilder). Default 14.
    pub rsi_period: usize,
    /// ATR period (Wilder). Default 14.
    pub atr_period: usize,
    /// Bollinger window. Default 20.
    pub bollinger_period: usize,
    /// Bollinger band width in population standard deviations; > 0. Default 2.
    pub bollinger_k: f64,
    /// Window of the close-price z-score. Default 20.
    pub zscore_period: usize,
    /// SMA gap (in ATR) at which a crossover scores ±1; > 0. Default 0.5.
    pub crossover_full_score_atr: f64,
    /// RSI level entering the oversold zone; in (0, 100), < overbought. Default 30.
    pub rsi_oversold: f64,
    /// RSI level entering the overbought zone; in (0, 100). Default 70.
    pub rsi_overbought: f64,
    /// Bars whose high/low a breakout must exceed. Default 20.
    pub breakout_bars: usize,
    /// Breakout bar volume must be ≥ this × the average volume of those bars; ≥ 0. Default 1.5.
    pub breakout_volume_factor: f64,
    /// |close − VWAP| beyond this many ATR triggers the VWAP detector; > 0. Default 2.
    pub vwap_deviation_atr: f64,
    /// Window of the bar-volume z-score. Default 20.
    pub volume_spike_period: usize,
    /// Volume z-score above which a spike fires; > 0. Default 3.
    pub volume_spike_z: f64,
    /// |book imbalance| above which the imbalance detector fires; in [0, 1). Default 0.6.
    pub imbalance_threshold: f64,
    /// Bars a detector stays silent after firing; 0..=100_000. Default 5.
    pub cooldown_bars: usize,
    /// Indicators maintained. Default: all.
    pub indicators: IndicatorSet,
    /// Detectors evaluated at each bar close. Default: all.
    pub detectors: DetectorSet,
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            bar_ms: 1000,
            history_length: 60,
            sma_fast_period: 10,
            sma_slow_period: 20,
            ema_period: 20,
            rsi_period: 14,
            atr_period: 14,
            bollinger_period: 20,
            bollinger_k: 2.0,
            zscore_period: 20,
            crossover_full_score_atr: 0.5,
            rsi_oversold: 30.0,
            rsi_overbought: 70.0,
            breakout_bars: 20,
            breakout_volume_factor: 1.5,
            vwap_deviation_atr: 2.0,
            volume_spike_period: 20,
            volume_spike_z: 3.0,
            imbalance_threshold: 0.6,
            cooldown_bars: 5,
            indicators: IndicatorSet::ALL,
            detectors: DetectorSet::ALL,
        }
    }
}

/// Configuration as it arrives from JavaScript: every field optional, numbers unchecked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConfigInput {
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

fn invalid(field: &'static str, reason: String) -> CoreError {
    CoreError::InvalidConfig { field, reason }
}

/// A finite number satisfying `ok`, else INVALID_CONFIG "`field` must be `rule` (got x)".
fn number(field: &'static str, value: f64, rule: &str, ok: bool) -> Result<f64, CoreError> {
    if value.is_finite() && ok {
        Ok(value)
    } else {
        Err(invalid(
            field,
            format!("must be {rule} (got {})", js_number(value)),
        ))
    }
}

/// Echoes a user-supplied name in messages only when it is short printable ASCII, so both
/// backends print it identically.
fn quoted(name: &str) -> String {
    if name.len() <= 32 && name.bytes().all(|b| (0x20..=0x7e).contains(&b)) {
        format!(" \"{name}\"")
    } else {
        String::new()
    }
}

fn indicator_set(names: &[String]) -> Result<IndicatorSet, CoreError> {
    let mut set = IndicatorSet::NONE;
    for name in names {
        let kind = IndicatorKind::from_name(name).ok_or_else(|| {
            invalid(
                "indicators",
                format!(
                    "contains an unknown name{} (known: {})",
                    quoted(name),
                    IndicatorSet::ALL.names().join(", ")
                ),
            )
        })?;
        set = set.with(kind);
    }
    Ok(set)
}

fn detector_set(names: &[String]) -> Result<DetectorSet, CoreError> {
    let mut set = DetectorSet::NONE;
    for name in names {
        let kind = DetectorKind::from_name(name).ok_or_else(|| {
            invalid(
                "detectors",
                format!(
                    "contains an unknown name{} (known: {})",
                    quoted(name),
                    DetectorSet::ALL.names().join(", ")
                ),
            )
        })?;
        set = set.with(kind);
    }
    Ok(set)
}

impl EngineConfig {
    /// Applies defaults to the given fields and validates the result.
    pub fn resolve(input: &ConfigInput) -> Result<Self, CoreError> {
        let d = EngineConfig::default();
        let period = |name: &'static str, v: Option<f64>, default: usize| match v {
            None => Ok(default),
            Some(v) => period_from_f64(name, v, MAX_PERIOD),
        };
        let positive = |name: &'static str, v: Option<f64>, default: f64| {
            let v = v.unwrap_or(default);
            number(name, v, "a finite number > 0", v > 0.0)
        };
        let rsi_level = |name: &'static str, v: Option<f64>, default: f64| {
            let v = v.unwrap_or(default);
            number(name, v, "a finite number in (0, 100)", v > 0.0 && v < 100.0)
        };

        let bar_ms = match input.bar_ms {
            None => d.bar_ms,
            Some(v) => period_from_f64("barMs", v, MAX_BAR_MS as usize)? as u64,
        };
        let history_length = period("historyLength", input.history_length, d.history_length)?;
        let sma_fast_period = period("smaFastPeriod", input.sma_fast_period, d.sma_fast_period)?;
        let sma_slow_period = period("smaSlowPeriod", input.sma_slow_period, d.sma_slow_period)?;
        let ema_period = period("emaPeriod", input.ema_period, d.ema_period)?;
        let rsi_period = period("rsiPeriod", input.rsi_period, d.rsi_period)?;
        let atr_period = period("atrPeriod", input.atr_period, d.atr_period)?;
        let bollinger_period = period(
            "bollingerPeriod",
            input.bollinger_period,
            d.bollinger_period,
        )?;
        let bollinger_k = positive("bollingerK", input.bollinger_k, d.bollinger_k)?;
        let zscore_period = period("zscorePeriod", input.zscore_period, d.zscore_period)?;
        let crossover_full_score_atr = positive(
            "crossoverFullScoreAtr",
            input.crossover_full_score_atr,
            d.crossover_full_score_atr,
        )?;
        let rsi_oversold = rsi_level("rsiOversold", input.rsi_oversold, d.rsi_oversold)?;
        let rsi_overbought = rsi_level("rsiOverbought", input.rsi_overbought, d.rsi_overbought)?;
        let breakout_bars = period("breakoutBars", input.breakout_bars, d.breakout_bars)?;
        let factor = input
            .breakout_volume_factor
            .unwrap_or(d.breakout_volume_factor);
        let breakout_volume_factor = number(
            "breakoutVolumeFactor",
            factor,
            "a finite number >= 0",
            factor >= 0.0,
        )?;
        let vwap_deviation_atr = positive(
            "vwapDeviationAtr",
            input.vwap_deviation_atr,
            d.vwap_deviation_atr,
        )?;
        let volume_spike_period = period(
            "volumeSpikePeriod",
            input.volume_spike_period,
            d.volume_spike_period,
        )?;
        let volume_spike_z = positive("volumeSpikeZ", input.volume_spike_z, d.volume_spike_z)?;
        let imbalance = input.imbalance_threshold.unwrap_or(d.imbalance_threshold);
        let imbalance_threshold = number(
            "imbalanceThreshold",
            imbalance,
            "a finite number in [0, 1)",
            (0.0..1.0).contains(&imbalance),
        )?;
        let cooldown = input.cooldown_bars.unwrap_or(d.cooldown_bars as f64);
        let cooldown_ok = cooldown.fract() == 0.0 && (0.0..=MAX_PERIOD as f64).contains(&cooldown);
        let cooldown_bars = number(
            "cooldownBars",
            cooldown,
            &format!("an integer in [0, {MAX_PERIOD}]"),
            cooldown_ok,
        )? as usize;
        let indicators = match &input.indicators {
            None => d.indicators,
            Some(names) => indicator_set(names)?,
        };
        let detectors = match &input.detectors {
            None => d.detectors,
            Some(names) => detector_set(names)?,
        };

        if sma_fast_period >= sma_slow_period {
            return Err(invalid(
                "smaFastPeriod",
                format!(
                    "must be less than smaSlowPeriod (got {sma_fast_period} and {sma_slow_period})"
                ),
            ));
        }
        if rsi_oversold >= rsi_overbought {
            return Err(invalid(
                "rsiOversold",
                format!(
                    "must be less than rsiOverbought (got {} and {})",
                    js_number(rsi_oversold),
                    js_number(rsi_overbought)
                ),
            ));
        }
        for detector in DetectorKind::ALL
            .into_iter()
            .filter(|&k| detectors.contains(k))
        {
            if let Some(missing) = detector
                .requires()
                .iter()
                .find(|&&i| !indicators.contains(i))
            {
                return Err(invalid(
                    "detectors",
                    format!("{} needs the {} indicator", detector.name(), missing.name()),
                ));
            }
        }

        Ok(EngineConfig {
            bar_ms,
            history_length,
            sma_fast_period,
            sma_slow_period,
            ema_period,
            rsi_period,
            atr_period,
            bollinger_period,
            bollinger_k,
            zscore_period,
            crossover_full_score_atr,
            rsi_oversold,
            rsi_overbought,
            breakout_bars,
            breakout_volume_factor,
            vwap_deviation_atr,
            volume_spike_period,
            volume_spike_z,
            imbalance_threshold,
            cooldown_bars,
            indicators,
            detectors,
        })
    }

    /// This config as JS-style input (every field set), e.g. to validate a Rust-built config.
    pub fn to_input(&self) -> ConfigInput {
        let names = |v: Vec<&'static str>| Some(v.into_iter().map(str::to_owned).collect());
        ConfigInput {
            bar_ms: Some(self.bar_ms as f64),
            history_length: Some(self.history_length as f64),
            sma_fast_period: Some(self.sma_fast_period as f64),
            sma_slow_period: Some(self.sma_slow_period as f64),
            ema_period: Some(self.ema_period as f64),
            rsi_period: Some(self.rsi_period as f64),
            atr_period: Some(self.atr_period as f64),
            bollinger_period: Some(self.bollinger_period as f64),
            bollinger_k: Some(self.bollinger_k),
            zscore_period: Some(self.zscore_period as f64),
            crossover_full_score_atr: Some(self.crossover_full_score_atr),
            rsi_oversold: Some(self.rsi_oversold),
            rsi_overbought: Some(self.rsi_overbought),
            breakout_bars: Some(self.breakout_bars as f64),
            breakout_volume_factor: Some(self.breakout_volume_factor),
            vwap_deviation_atr: Some(self.vwap_deviation_atr),
            volume_spike_period: Some(self.volume_spike_period as f64),
            volume_spike_z: Some(self.volume_spike_z),
            imbalance_threshold: Some(self.imbalance_threshold),
            cooldown_bars: Some(self.cooldown_bars as f64),
            indicators: names(self.indicators.names()),
            detectors: names(self.detectors.names()),
        }
    }

    /// Checks a config built in Rust with the same rules (and messages) as `resolve`.
    pub fn validate(&self) -> Result<(), CoreError> {
        Self::resolve(&self.to_input()).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_gives_the_defaults() {
        assert_eq!(
            EngineConfig::resolve(&ConfigInput::default()),
            Ok(EngineConfig::default())
        );
        assert!(EngineConfig::default().validate().is_ok());
    }

    #[test]
    fn rejects_bad_values_with_field_names() {
        let msg = |input: ConfigInput| {
            let err = EngineConfig::resolve(&input).unwrap_err();
            format!("{}: {}", err.code(), err)
        };
        assert_eq!(
            msg(ConfigInput {
                bar_ms: Some(0.0),
                ..Default::default()
            }),
            "INVALID_PERIOD: barMs must be an integer in [1, 86400000] (got 0)"
        );
        assert_eq!(
            msg(ConfigInput {
                rsi_period: Some(1e9),
                ..Default::default()
            }),
            "INVALID_PERIOD: rsiPeriod must be an integer in [1, 100000] (got 1000000000)"
        );
        assert_eq!(
            msg(ConfigInput {
                bollinger_k: Some(f64::NAN),
                ..Default::default()
            }),
            "INVALID_CONFIG: bollingerK must be a finite number > 0 (got NaN)"
        );
        assert_eq!(
            msg(ConfigInput {
                sma_fast_period: Some(20.0),
                ..Default::default()
            }),
            "INVALID_CONFIG: smaFastPeriod must be less than smaSlowPeriod (got 20 and 20)"
        );
        assert_eq!(
            msg(ConfigInput {
                cooldown_bars: Some(-1.0),
                ..Default::default()
            }),
            "INVALID_CONFIG: cooldownBars must be an integer in [0, 100000] (got -1)"
        );
        assert_eq!(
            msg(ConfigInput { indicators: Some(vec!["macd".into()]), ..Default::default() }),
            "INVALID_CONFIG: indicators contains an unknown name \"macd\" (known: sma, ema, rsi, atr, vwap, bollinger, zscore)"
        );
        assert_eq!(
            msg(ConfigInput {
                indicators: Some(vec!["sma".into()]),
                ..Default::default()
            }),
            "INVALID_CONFIG: detectors rsi_zone needs the rsi indicator"
        );
    }

    #[test]
    fn subsets_of_indicators_and_detectors() {
        let input = ConfigInput {
            indicators: Some(vec!["sma".into(), "rsi".into(), "atr".into()]),
            detectors: Some(vec![]),
            ..Default::default()
        };
        let config = EngineConfig::resolve(&input).unwrap();
        assert_eq!(config.indicators.names(), vec!["sma", "rsi", "atr"]);
        assert_eq!(config.detectors, DetectorSet::NONE);
        assert!(config.validate().is_ok());
    }
}
