//! Time bars: ticks are bucketed into UTC-aligned bars of `bar_ms`; a bar closes when a tick
//! arrives in a later bucket (empty buckets produce no bar). Only tick timestamps define time.

/// `[start, end)` of the `len`-ms bucket containing `ts`, with boundaries at exact multiples
/// of `len`. `ts` ∈ [0, 8.64e15] and `len` ≤ 8.64e7, so every product is an exact integer
/// below 2^53; the ±1 corrections undo rounding of `ts / len` for fractional timestamps.
#[inline]
pub fn bucket_bounds(ts: f64, len: f64) -> (f64, f64) {
    let mut k = (ts / len).floor();
    if k * len > ts {
        k -= 1.0;
    } else if (k + 1.0) * len <= ts {
        k += 1.0;
    }
    (k * len, (k + 1.0) * len)
}

/// One bar: OHLC, traded volume, tick count and the last known book sizes at its close
/// (NaN while never given).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub start: f64,
    pub open: f64,
    pub high: f64,
    pub low: f64,
    pub close: f64,
    pub volume: f64,
    pub ticks: u32,
    pub bid_size: f64,
    pub ask_size: f64,
}

impl Bar {
    /// A bar opened by its first trade.
    #[inline]
    pub fn open_at(start: f64, price: f64, size: f64) -> Self {
        Self {
            start,
            open: price,
            high: price,
            low: price,
            close: price,
            volume: size,
            ticks: 1,
            bid_size: f64::NAN,
            ask_size: f64::NAN,
        }
    }

    /// Adds a trade inside the bar's bucket.
    #[inline]
    pub fn add(&mut self, price: f64, size: f64) {
        // Selects rather than branches: random prices make these unpredictable.
        self.high = if price > self.high { price } else { self.high };
        self.low = if price < self.low { price } else { self.low };
        self.close = price;
        self.volume += size;
        self.ticks = self.ticks.saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_aligned_to_multiples_of_the_length() {
        assert_eq!(bucket_bounds(0.0, 1000.0), (0.0, 1000.0));
        assert_eq!(bucket_bounds(999.999, 1000.0), (0.0, 1000.0));
        assert_eq!(bucket_bounds(1000.0, 1000.0), (1000.0, 2000.0));
        assert_eq!(
            bucket_bounds(1_700_000_000_123.0, 60_000.0),
            (1_699_999_980_000.0, 1_700_000_040_000.0)
        );
        // just below a boundary where ts / len rounds up to the next integer
        let ts = 2999.9999999999995;
        let (start, end) = bucket_bounds(ts, 1000.0);
        assert!(start <= ts && ts < end, "{start} {ts} {end}");
    }

    #[test]
    fn bar_tracks_ohlcv() {
        let mut bar = Bar::open_at(0.0, 10.0, 1.0);
        bar.add(12.0, 2.0);
        bar.add(9.0, 1.0);
        bar.add(11.0, 0.5);
        assert_eq!(
            (bar.open, bar.high, bar.low, bar.close),
            (10.0, 12.0, 9.0, 11.0)
        );
        assert_eq!((bar.volume, bar.ticks), (4.5, 4));
    }
}
