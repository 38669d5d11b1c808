//! The `PatternEngine` JS class, plus `tickById`, a free function on an external handle for
//! the live path: napi-rs class methods pay ~400 ns per call for their borrow tracking
//! (measured on Node 20), a free function with an `External` argument ~100 ns.

use std::cell::RefCell;
use std::rc::Rc;

use napi::bindgen_prelude::{External, Float64ArraySlice};
use napi_derive::napi;
use pattern_core::PatternEngine;

use crate::convert::{
    EngineConfigInput, JsBatchColumns, JsBatchOutput, JsIndicatorSnapshot, JsSignal,
    ResolvedEngineConfig,
};
use crate::guard::guarded;
use crate::live_slot;

/// The engine shared by the class and its external handle (JS is single-threaded; the
/// RefCell turns any unexpected re-entrant use into a caught panic instead of aliasing).
pub(crate) type SharedEngine = Rc<RefCell<PatternEngine>>;

/// Per-symbol tick → bar → indicator → detector engine (Rust `pattern_core::PatternEngine`).
#[napi(js_name = "PatternEngine")]
pub struct JsPatternEngine {
    inner: SharedEngine,
    /// Number of this engine for `tickFromSlot` (see live_slot.rs).
    slot_number: u32,
}

impl Drop for JsPatternEngine {
    fn drop(&mut self) {
        live_slot::unregister(self.slot_number);
    }
}

#[napi]
impl JsPatternEngine {
    /// Creates an engine; omitted config fields take their defaults. Throws
    /// `INVALID_PERIOD` / `INVALID_CONFIG` errors for bad values.
    #[napi(constructor)]
    pub fn new(config: Option<EngineConfigInput>) -> napi::Result<Self> {
        let input = config.unwrap_or_default().into();
        let engine = guarded(|| PatternEngine::from_input(&input))?;
        let inner = Rc::new(RefCell::new(engine));
        let slot_number = live_slot::register(Rc::clone(&inner));
        Ok(Self { inner, slot_number })
    }

    /// This engine's number for `tickFromSlot`.
    #[napi]
    pub fn slot_number(&self) -> u32 {
        self.slot_number
    }

    /// The configuration in effect.
    #[napi]
    pub fn config(&self) -> ResolvedEngineConfig {
        self.inner.borrow().config().into()
    }

    /// Live path: one trade tick (`ts` in ms since the epoch); optional book sizes. Returns
    /// the signals of the bar this tick closed (usually none).
    #[napi]
    pub fn on_tick(
        &self,
        symbol: String,
        ts: f64,
        price: f64,
        size: f64,
        bid_size: Option<f64>,
        ask_size: Option<f64>,
    ) -> napi::Result<Vec<JsSignal>> {
        let signals = guarded(|| {
            self.inner
                .borrow_mut()
                .on_tick(&symbol, ts, price, size, bid_size, ask_size)
        })?;
        Ok(signals.into_iter().map(JsSignal::from).collect())
    }

    /// Interns a symbol and returns its id for `tickById` (ids survive `reset`).
    #[napi]
    pub fn symbol_id(&self, symbol: String) -> napi::Result<u32> {
        guarded(|| self.inner.borrow_mut().symbol_id(&symbol)).map(|id| id as u32)
    }

    /// Handle for `tickById` (keeps the engine alive while referenced).
    #[napi(ts_return_type = "ExternalObject<'PatternEngine'>")]
    pub fn handle(&self) -> External<SharedEngine> {
        External::new(Rc::clone(&self.inner))
    }

    /// Batch path (replays, backtests): reads the typed arrays in place, validates the whole
    /// batch before changing any state, and optionally returns every closed bar's indicators.
    #[napi]
    #[allow(clippy::too_many_arguments)]
    pub fn run_batch(
        &self,
        symbol: String,
        ts: Float64ArraySlice,
        price: Float64ArraySlice,
        size: Float64ArraySlice,
        bid_size: Option<Float64ArraySlice>,
        ask_size: Option<Float64ArraySlice>,
        with_indicators: Option<bool>,
    ) -> napi::Result<JsBatchOutput> {
        let out = guarded(|| {
            self.inner.borrow_mut().run(
                &symbol,
                &ts,
                &price,
                &size,
                bid_size.as_deref(),
                ask_size.as_deref(),
                with_indicators.unwrap_or(false),
            )
        })?;
        Ok(out.into())
    }

    /// `runBatch` with the signals as columns (typed arrays + newline-joined reasons):
    /// building one JS object per signal through N-API costs more than the batch itself, so
    /// the TS wrapper assembles the objects on the JS side.
    #[napi]
    #[allow(clippy::too_many_arguments)]
    pub fn run_batch_columns(
        &self,
        symbol: String,
        ts: Float64ArraySlice,
        price: Float64ArraySlice,
        size: Float64ArraySlice,
        bid_size: Option<Float64ArraySlice>,
        ask_size: Option<Float64ArraySlice>,
        with_indicators: Option<bool>,
    ) -> napi::Result<JsBatchColumns> {
        let out = guarded(|| {
            self.inner.borrow_mut().run(
                &symbol,
                &ts,
                &price,
                &size,
                bid_size.as_deref(),
                ask_size.as_deref(),
                with_indicators.unwrap_or(false),
            )
        })?;
        Ok(out.into())
    }

    /// Current indicators of `symbol`, or null if it has had no tick.
    #[napi]
    pub fn indicators(&self, symbol: String) -> Option<JsIndicatorSnapshot> {
        let snapshot = self.inner.borrow().indicators(&symbol)?;
        Some(JsIndicatorSnapshot::new(symbol, snapshot))
    }

    /// Forgets one symbol's state, or every symbol's when called without an argument.
    #[napi]
    pub fn reset(&self, symbol: Option<String>) {
        self.inner.borrow_mut().reset(symbol.as_deref());
    }
}

/// Live fast path: `onTick` for a symbol id from `symbolId`, on the engine's `handle()`.
/// Returns null when the tick closed no bar with a signal (the common case; cheaper for
/// N-API than an empty array).
#[napi(js_name = "tickById")]
#[cfg_attr(test, allow(dead_code))] // registered with Node by #[napi]; unused by the test build
pub fn tick_by_id(
    #[napi(ts_arg_type = "ExternalObject<'PatternEngine'>")] engine: &External<SharedEngine>,
    id: u32,
    ts: f64,
    price: f64,
    size: f64,
    bid_size: Option<f64>,
    ask_size: Option<f64>,
) -> napi::Result<Option<Vec<JsSignal>>> {
    tick_engine(engine, id as usize, ts, price, size, bid_size, ask_size)
}

/// One live tick on `engine` (shared by `tickById` and `tickFromSlot`): null when the tick
/// closed no bar with a signal (the common case; cheaper for N-API than an empty array).
pub(crate) fn tick_engine(
    engine: &SharedEngine,
    id: usize,
    ts: f64,
    price: f64,
    size: f64,
    bid_size: Option<f64>,
    ask_size: Option<f64>,
) -> napi::Result<Option<Vec<JsSignal>>> {
    let signals = guarded(|| {
        engine
            .borrow_mut()
            .on_tick_id(id, ts, price, size, bid_size, ask_size)
    })?;
    Ok((!signals.is_empty()).then(|| signals.into_iter().map(JsSignal::from).collect()))
}
