//! Breakout: the close exceeds the highest high (or undercuts the lowest low) of the previous
//! N bars while the bar's volume is ≥ factor × their average volume. Score = ±(0.5 + 0.5 ×
//! distance beyond the level / unit), clamped; unit = ATR, or 1% of price without ATR.

use super::{detection, price_unit, Detection};
use crate::bars::Bar;
use crate::indicators::window::Window;
use crate::numfmt::{fixed, js_number};

#[derive(Debug, Clone)]
pub struct Breakout {
    volume_factor: f64,
    highs: Window,
    lows: Window,
    volumes: Window,
}

impl Breakout {
    pub fn new(bars: usize, volume_factor: f64) -> Self {
        Self {
            volume_factor,
            highs: Window::new(bars),
            lows: Window::new(bars),
            volumes: Window::new(bars),
        }
    }

    /// Evaluates `bar` against the previous N bars, then adds it to them.
    pub fn on_bar(&mut self, bar: &Bar, atr: Option<f64>, may_fire: bool) -> Option<Detection> {
        let found = if may_fire && self.highs.is_full() {
            self.evaluate(bar, atr)
        } else {
            None
        };
        self.highs.push(bar.high);
        self.lows.push(bar.low);
        self.volumes.push(bar.volume);
        found
    }

    fn evaluate(&self, bar: &Bar, atr: Option<f64>) -> Option<Detection> {
        let (highs, lows, volumes) = (
            self.highs.as_slice(),
            self.lows.as_slice(),
            self.volumes.as_slice(),
        );
        let (mut high, mut low, mut volume_sum) = (highs[0], lows[0], 0.0_f64);
        for i in 0..highs.len() {
            if highs[i] > high {
                high = highs[i];
            }
            if lows[i] < low {
                low = lows[i];
            }
            volume_sum += volumes[i];
        }
        let n = highs.len();
        let average_volume = volume_sum / n as f64;
        if !(bar.volume >= self.volume_factor * average_volume) {
            return None;
        }
        let (unit, _) = price_unit(atr, bar.close);
        let ratio = bar.volume / average_volume;
        if bar.close > high {
            let excess = (bar.close - high) / unit;
            return detection(0.5 + 0.5 * excess, || {
                format!(
                    "close {} broke above the {n}-bar high {} on {}x average volume",
                    js_number(bar.close),
                    js_number(high),
                    fixed(ratio, 2)
                )
            });
        }
        if bar.close < low {
            let excess = (low - bar.close) / unit;
            return detection(-(0.5 + 0.5 * excess), || {
                format!(
                    "close {} broke below the {n}-bar low {} on {}x average volume",
                    js_number(bar.close),
                    js_number(low),
                    fixed(ratio, 2)
                )
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(high: f64, low: f64, close: f64, volume: f64) -> Bar {
        Bar {
            high,
            low,
            close,
            volume,
            ..Bar::open_at(0.0, close, volume)
        }
    }

    #[test]
    fn needs_a_new_extreme_and_volume() {
        let mut d = Breakout::new(3, 1.5);
        for _ in 0..3 {
            assert_eq!(
                d.on_bar(&bar(101.0, 99.0, 100.0, 10.0), Some(1.0), true),
                None
            );
        }
        // new high but volume 12 < 1.5 × 10
        assert_eq!(
            d.on_bar(&bar(102.0, 100.0, 101.5, 12.0), Some(1.0), true),
            None
        );
        // window now highs 101,101,102 (avg vol 32/3); close 102.5 > 102 on 20 ≥ 16 → 0.5 + 0.25
        let up = d
            .on_bar(&bar(103.0, 101.0, 102.5, 20.0), Some(1.0), true)
            .unwrap();
        assert_eq!(up.score, 0.75);
        assert_eq!(
            up.reason,
            "close 102.5 broke above the 3-bar high 102 on 1.88x average volume"
        );
        let down = d
            .on_bar(&bar(99.0, 90.0, 90.0, 100.0), Some(1.0), true)
            .unwrap();
        assert_eq!(down.score, -1.0); // 9 ATR below the low → clamped
    }
}
