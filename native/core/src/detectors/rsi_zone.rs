//! RSI zones: fires when RSI crosses into the oversold zone (score +0.5 … +1, deeper = higher)
//! or into the overbought zone (−0.5 … −1). Staying inside a zone does not re-fire.

use super::{detection, Detection};
use crate::numfmt::{fixed, js_number};

#[derive(Debug, Clone)]
pub struct RsiZone {
    period: usize,
    oversold: f64,
    overbought: f64,
    prev_rsi: Option<f64>,
}

impl RsiZone {
    pub fn new(period: usize, oversold: f64, overbought: f64) -> Self {
        Self {
            period,
            oversold,
            overbought,
            prev_rsi: None,
        }
    }

    pub fn on_bar(&mut self, rsi: Option<f64>, may_fire: bool) -> Option<Detection> {
        let rsi = rsi?;
        let prev = self.prev_rsi.replace(rsi)?;
        if !may_fire {
            return None;
        }
        if prev > self.oversold && rsi <= self.oversold {
            let depth = (self.oversold - rsi) / self.oversold;
            return detection(0.5 + 0.5 * depth, || {
                format!(
                    "RSI{} fell to {} (oversold below {})",
                    self.period,
                    fixed(rsi, 2),
                    js_number(self.oversold)
                )
            });
        }
        if prev < self.overbought && rsi >= self.overbought {
            let depth = (rsi - self.overbought) / (100.0 - self.overbought);
            return detection(-(0.5 + 0.5 * depth), || {
                format!(
                    "RSI{} rose to {} (overbought above {})",
                    self.period,
                    fixed(rsi, 2),
                    js_number(self.overbought)
                )
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_when_entering_a_zone() {
        let mut d = RsiZone::new(14, 30.0, 70.0);
        assert_eq!(d.on_bar(None, true), None);
        assert_eq!(d.on_bar(Some(35.0), true), None);
        let os = d.on_bar(Some(15.0), true).unwrap();
        assert_eq!(os.score, 0.75);
        assert_eq!(os.reason, "RSI14 fell to 15.00 (oversold below 30)");
        assert_eq!(d.on_bar(Some(10.0), true), None); // still in the zone
        assert_eq!(d.on_bar(Some(60.0), true), None);
        let ob = d.on_bar(Some(85.0), true).unwrap();
        assert_eq!(ob.score, -0.75);
        assert_eq!(ob.reason, "RSI14 rose to 85.00 (overbought above 70)");
    }
}
