//! Engine tests: bar aggregation, validation (errors leave state untouched), batch ≡ live,
//! published RSI/ATR through the whole pipeline, every detector firing with cooldowns.

use super::*;
use crate::indicators::atr::tests::{STOCKCHARTS_ATR14, STOCKCHARTS_HLC};
use crate::indicators::rsi::tests::{STOCKCHARTS_CLOSES, STOCKCHARTS_RSI14};
use crate::kinds::{DetectorKind, DetectorSet, IndicatorKind, IndicatorSet};

fn engine(config: EngineConfig) -> PatternEngine {
    PatternEngine::new(config).unwrap()
}

#[test]
fn ticks_aggregate_into_utc_aligned_bars() {
    let mut e = engine(EngineConfig {
        detectors: DetectorSet::NONE,
        ..Default::default()
    });
    for (ts, price, size) in [(1000.0, 10.0, 1.0), (1500.0, 12.0, 2.0), (1999.0, 9.0, 1.0)] {
        assert!(e
            .on_tick("AAA", ts, price, size, None, None)
            .unwrap()
            .is_empty());
    }
    let snap = e.indicators("AAA").unwrap();
    assert_eq!((snap.bars_closed, snap.last_price), (0, 9.0));
    // a tick in a later bucket (skipping 2000-2999) closes the first bar
    let out = e
        .run("AAA", &[3500.0], &[11.0], &[1.0], None, None, true)
        .unwrap();
    let bars = out.bars.unwrap();
    assert_eq!(bars.close_index, vec![0]);
    assert_eq!(
        (
            bars.start[0],
            bars.open[0],
            bars.high[0],
            bars.low[0],
            bars.close[0]
        ),
        (1000.0, 10.0, 12.0, 9.0, 9.0)
    );
    assert_eq!(bars.volume[0], 4.0);
    assert_eq!(bars.vwap[0], (10.0 + 24.0 + 9.0) / 4.0);
    assert_eq!(e.indicators("AAA").unwrap().history, vec![9.0]);
    assert_eq!(e.indicators("BBB"), None);
}

#[test]
fn bad_ticks_are_rejected_without_touching_state() {
    let mut e = engine(EngineConfig::default());
    e.on_tick("AAA", 5000.0, 10.0, 1.0, Some(3.0), Some(4.0))
        .unwrap();
    let before = e.indicators("AAA");
    let code = |r: Result<Vec<Signal>, CoreError>| r.unwrap_err().code();
    assert_eq!(
        code(e.on_tick("", 6000.0, 10.0, 1.0, None, None)),
        "INVALID_SYMBOL"
    );
    assert_eq!(
        code(e.on_tick("AAA", f64::NAN, 10.0, 1.0, None, None)),
        "INVALID_TIMESTAMP"
    );
    assert_eq!(
        code(e.on_tick("AAA", -1.0, 10.0, 1.0, None, None)),
        "INVALID_TIMESTAMP"
    );
    assert_eq!(
        code(e.on_tick("AAA", 6000.0, f64::INFINITY, 1.0, None, None)),
        "INVALID_PRICE"
    );
    assert_eq!(
        code(e.on_tick("AAA", 6000.0, 10.0, 0.0, None, None)),
        "INVALID_SIZE"
    );
    assert_eq!(
        code(e.on_tick("AAA", 6000.0, 10.0, 1.0, Some(-1.0), None)),
        "INVALID_SIZE"
    );
    assert_eq!(
        code(e.on_tick("AAA", 4999.0, 10.0, 1.0, None, None)),
        "TIME_WENT_BACKWARDS"
    );
    assert_eq!(
        code(e.on_tick_id(99, 6000.0, 10.0, 1.0, None, None)),
        "INVALID_SYMBOL"
    );
    let err = e
        .run(
            "AAA",
            &[6000.0, 7000.0, 6999.0],
            &[1.0; 3],
            &[1.0; 3],
            None,
            None,
            false,
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "ts 6999 is before the previous tick's ts 7000 at index 2"
    );
    let err = e
        .run("AAA", &[6000.0], &[1.0, 2.0], &[1.0], None, None, false)
        .unwrap_err();
    assert_eq!(err.to_string(), "price has 2 elements but ts has 1");
    let err = e
        .run("AAA", &[6000.0], &[1.0], &[1.0], None, Some(&[]), false)
        .unwrap_err();
    assert_eq!(err.code(), "LENGTH_MISMATCH");
    assert_eq!(
        e.run("AAA", &[], &[], &[], None, None, false).unwrap_err(),
        CoreError::EmptyInput
    );
    let err = e
        .run("AAA", &[4000.0], &[1.0], &[1.0], None, None, false)
        .unwrap_err();
    assert_eq!(err.code(), "TIME_WENT_BACKWARDS");
    assert_eq!(e.indicators("AAA"), before);
    // equal timestamps are fine
    e.on_tick("AAA", 5000.0, 10.0, 1.0, None, None).unwrap();
}

#[test]
fn stockcharts_rsi14_through_the_engine() {
    // one bar per close: bar_ms 1, a tick at each integer ms; a final tick closes the last bar
    let mut e = engine(EngineConfig {
        bar_ms: 1,
        detectors: DetectorSet::NONE,
        ..Default::default()
    });
    let n = STOCKCHARTS_CLOSES.len();
    let ts: Vec<f64> = (0..=n).map(|i| i as f64).collect();
    let mut price = STOCKCHARTS_CLOSES.to_vec();
    price.push(1.0);
    let out = e
        .run("QQQQ", &ts, &price, &vec![1.0; n + 1], None, None, true)
        .unwrap();
    let rsi = out.bars.unwrap().rsi;
    assert_eq!(rsi.len(), n);
    assert!(rsi[..14].iter().all(|v| v.is_nan()));
    for (got, want) in rsi[14..].iter().zip(STOCKCHARTS_RSI14) {
        assert!((got - want).abs() <= 0.005, "{got} vs {want}");
    }
}

#[test]
fn stockcharts_atr14_through_the_engine() {
    // three ticks per bar (high, low, close) at ms 10k, 10k+1, 10k+2 with bar_ms 10
    let mut e = engine(EngineConfig {
        bar_ms: 10,
        detectors: DetectorSet::NONE,
        ..Default::default()
    });
    let (mut ts, mut price) = (Vec::new(), Vec::new());
    for (k, &(h, l, c)) in STOCKCHARTS_HLC.iter().enumerate() {
        for (j, p) in [h, l, c].into_iter().enumerate() {
            ts.push((10 * k + j) as f64);
            price.push(p);
        }
    }
    ts.push(10.0 * STOCKCHARTS_HLC.len() as f64);
    price.push(1.0);
    let size = vec![1.0; ts.len()];
    let bars = e
        .run("QQQ", &ts, &price, &size, None, None, true)
        .unwrap()
        .bars
        .unwrap();
    assert!(bars.atr[..13].iter().all(|v| v.is_nan()));
    for (got, want) in bars.atr[13..].iter().zip(STOCKCHARTS_ATR14) {
        assert!(
            (got - want).abs() <= 5e-10 * want.max(1.0),
            "{got} vs {want}"
        );
    }
}

/// xorshift64* in [0, 1): a dependency-free deterministic generator for the scenario tests.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A random walk with volatility/volume regimes and book sizes, `n` ticks ~100 ms apart.
fn scenario(n: usize, seed: u64) -> [Vec<f64>; 5] {
    scenario_with_gaps(n, seed, 200.0)
}

/// `scenario` with tick gaps drawn from [0, max_gap_ms).
fn scenario_with_gaps(n: usize, seed: u64, max_gap_ms: f64) -> [Vec<f64>; 5] {
    let mut rng = Rng(seed);
    let (mut ts, mut price, mut size, mut bid, mut ask) = (vec![], vec![], vec![], vec![], vec![]);
    let (mut t, mut p) = (1_700_000_000_000.0_f64, 100.0_f64);
    let (mut vol, mut drift, mut volume) = (0.001, 0.0, 10.0);
    for _ in 0..n {
        if rng.next() < 0.002 {
            vol = 0.0002 + rng.next() * 0.004;
            drift = (rng.next() - 0.5) * 0.002;
            volume = 1.0 + rng.next() * 50.0;
        }
        t += (rng.next() * max_gap_ms).floor();
        p *= 1.0 + drift + (rng.next() - 0.5) * vol;
        ts.push(t);
        price.push(p);
        size.push(1.0 + (rng.next() * volume).floor());
        bid.push((rng.next() * 100.0).floor());
        ask.push((rng.next() * 100.0).floor());
    }
    [ts, price, size, bid, ask]
}

#[test]
fn batch_equals_live_ticks() {
    let [ts, price, size, bid, ask] = scenario(20_000, 7);
    let mut live = engine(EngineConfig::default());
    let mut live_signals = Vec::new();
    for i in 0..ts.len() {
        for signal in live
            .on_tick("AAA", ts[i], price[i], size[i], Some(bid[i]), Some(ask[i]))
            .unwrap()
        {
            live_signals.push(IndexedSignal { index: i, signal });
        }
    }
    let mut batch = engine(EngineConfig::default());
    let out = batch
        .run("AAA", &ts, &price, &size, Some(&bid), Some(&ask), false)
        .unwrap();
    assert!(!live_signals.is_empty());
    assert_eq!(out.signals, live_signals);
    assert_eq!(batch.indicators("AAA"), live.indicators("AAA"));
    // the same run split in two batches
    let mut split = engine(EngineConfig::default());
    let k = 7_777;
    let a = split
        .run(
            "AAA",
            &ts[..k],
            &price[..k],
            &size[..k],
            Some(&bid[..k]),
            Some(&ask[..k]),
            false,
        )
        .unwrap();
    let b = split
        .run(
            "AAA",
            &ts[k..],
            &price[k..],
            &size[k..],
            Some(&bid[k..]),
            Some(&ask[k..]),
            false,
        )
        .unwrap();
    let joined: Vec<IndexedSignal> = a
        .signals
        .into_iter()
        .chain(b.signals.into_iter().map(|s| IndexedSignal {
            index: s.index + k,
            ..s
        }))
        .collect();
    assert_eq!(joined, live_signals);
}

#[test]
fn batch_equals_live_across_utc_midnights_inside_bars() {
    // 7-hour bars do not divide a day, so midnight falls inside bars (VWAP resets mid-bar)
    let config = EngineConfig {
        bar_ms: 7 * 3_600_000,
        ..Default::default()
    };
    let [ts, price, size, bid, ask] = scenario_with_gaps(30_000, 11, 120_000.0); // ~3 weeks
    let mut live = engine(config.clone());
    let mut live_signals = Vec::new();
    let mut vwap_resets = 0;
    for i in 0..ts.len() {
        for signal in live
            .on_tick("AAA", ts[i], price[i], size[i], Some(bid[i]), Some(ask[i]))
            .unwrap()
        {
            live_signals.push(IndexedSignal { index: i, signal });
        }
        if i > 0 && (ts[i] / 86_400_000.0).floor() > (ts[i - 1] / 86_400_000.0).floor() {
            vwap_resets += 1;
            let vwap = live.indicators("AAA").unwrap().values.vwap.unwrap();
            assert!(
                (vwap - price[i]).abs() <= 1e-12 * price[i],
                "only the new day's trade"
            );
        }
    }
    assert!(vwap_resets > 10);
    let mut batch = engine(config);
    let out = batch
        .run("AAA", &ts, &price, &size, Some(&bid), Some(&ask), false)
        .unwrap();
    assert_eq!(out.signals, live_signals);
    assert_eq!(batch.indicators("AAA"), live.indicators("AAA"));
}

#[test]
fn every_detector_fires_with_bounded_scores_and_cooldowns() {
    let config = EngineConfig::default();
    let mut e = engine(config.clone());
    let [ts, price, size, bid, ask] = scenario(200_000, 42);
    let out = e
        .run("AAA", &ts, &price, &size, Some(&bid), Some(&ask), true)
        .unwrap();
    for kind in DetectorKind::ALL {
        let fired: Vec<&Signal> = out
            .signals
            .iter()
            .map(|s| &s.signal)
            .filter(|s| s.detector == kind)
            .collect();
        assert!(!fired.is_empty(), "{} never fired", kind.name());
        for pair in fired.windows(2) {
            let bars_apart = (pair[1].bar_start - pair[0].bar_start) / config.bar_ms as f64;
            assert!(
                bars_apart >= config.cooldown_bars as f64,
                "{} cooldown",
                kind.name()
            );
        }
    }
    for s in &out.signals {
        assert!(
            s.signal.score.abs() <= 1.0 && s.signal.score != 0.0,
            "{:?}",
            s.signal
        );
        assert_eq!(s.signal.ts, ts[s.index]);
        assert!(!s.signal.reason.is_empty());
    }
    let snap = e.indicators("AAA").unwrap();
    assert_eq!(snap.history.len(), config.history_length);
    let v = snap.values;
    for x in [
        v.sma_fast,
        v.sma_slow,
        v.ema,
        v.rsi,
        v.atr,
        v.vwap,
        v.bollinger_upper,
        v.zscore,
    ] {
        assert!(x.unwrap().is_finite());
    }
}

#[test]
fn disabled_indicators_and_detectors_stay_empty() {
    let config = EngineConfig {
        indicators: IndicatorSet::of(&[IndicatorKind::Sma, IndicatorKind::Rsi, IndicatorKind::Atr]),
        detectors: DetectorSet::NONE,
        ..Default::default()
    };
    let mut e = engine(config);
    let [ts, price, size, ..] = scenario(5_000, 3);
    let out = e.run("AAA", &ts, &price, &size, None, None, true).unwrap();
    assert!(out.signals.is_empty());
    let bars = out.bars.unwrap();
    assert!(bars
        .ema
        .iter()
        .chain(&bars.vwap)
        .chain(&bars.zscore)
        .all(|v| v.is_nan()));
    assert!(bars.rsi.last().unwrap().is_finite());
    assert!(bars.bid_size.iter().all(|v| v.is_nan()));
}

#[test]
fn reset_forgets_state_but_keeps_ids() {
    let mut e = engine(EngineConfig::default());
    let id = e.symbol_id("AAA").unwrap();
    e.on_tick_id(id, 10.0, 1.0, 1.0, None, None).unwrap();
    e.on_tick("BBB", 10.0, 1.0, 1.0, None, None).unwrap();
    e.reset(Some("AAA"));
    assert_eq!(e.indicators("AAA"), None);
    assert!(e.indicators("BBB").is_some());
    e.on_tick_id(id, 5.0, 1.0, 1.0, None, None).unwrap(); // time restarts after a reset
    e.reset(None);
    assert_eq!(e.indicators("BBB"), None);
    assert_eq!(e.symbols(), vec!["AAA", "BBB"]);
    assert_eq!(e.symbol_id("BBB"), Ok(1));
}

#[test]
fn invalid_configs_are_rejected() {
    let err = PatternEngine::new(EngineConfig {
        rsi_period: 0,
        ..Default::default()
    })
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "rsiPeriod must be an integer in [1, 100000] (got 0)"
    );
    let err = PatternEngine::new(EngineConfig {
        history_length: 1 << 40,
        ..Default::default()
    })
    .unwrap_err();
    assert_eq!(err.code(), "INVALID_PERIOD");
}
