//! Pattern detectors evaluated at each bar close. Each returns a `Detection` (score in
//! [-1, 1], positive = bullish, and a short reason) when its condition holds; the engine adds
//! the detector name, the cooldown and the tick that closed the bar. Detectors update their
//! state on every bar, but only format a reason when `may_fire` (cooldown over).

pub mod breakout;
pub mod crossover;
pub mod imbalance;
pub mod rsi_zone;
pub mod volume_spike;
pub mod vwap_deviation;

/// A detector's finding for one bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub score: f64,
    pub reason: String,
}

/// Clamps to [-1, 1]; None for a non-finite score so no NaN ever reaches a signal.
#[inline]
pub fn clamp_score(score: f64) -> Option<f64> {
    if !score.is_finite() {
        return None;
    }
    Some(score.clamp(-1.0, 1.0))
}

/// Builds a detection from a raw score (clamped; dropped if not finite).
pub(crate) fn detection(score: f64, reason: impl FnOnce() -> String) -> Option<Detection> {
    clamp_score(score).map(|score| Detection {
        score,
        reason: reason(),
    })
}

/// Price distance unit for scores: the ATR when available and > 0, else 1% of the close.
#[inline]
pub fn price_unit(atr: Option<f64>, close: f64) -> (f64, bool) {
    match atr {
        Some(a) if a > 0.0 => (a, true),
        _ => (close * 0.01, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_clamped_and_finite() {
        assert_eq!(clamp_score(2.5), Some(1.0));
        assert_eq!(clamp_score(-7.0), Some(-1.0));
        assert_eq!(clamp_score(0.25), Some(0.25));
        assert_eq!(clamp_score(f64::NAN), None);
        assert_eq!(clamp_score(f64::INFINITY), None);
        assert_eq!(price_unit(Some(0.5), 100.0), (0.5, true));
        assert_eq!(price_unit(Some(0.0), 100.0), (1.0, false));
        assert_eq!(price_unit(None, 200.0), (2.0, false));
    }
}
