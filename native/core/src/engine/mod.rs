//! `PatternEngine`: per-symbol tick → bar → indicators → detectors pipeline.
//!
//! Live ticks go through `on_tick` / `on_tick_id`; replays and backtests through `run`, which
//! validates the whole batch first (so a bad batch leaves the state untouched) and then
//! processes it without per-tick allocation. Symbols are interned to dense ids
//! (`symbol_id`) so the live path can skip string hashing.

mod batch_check;
mod output;
mod symbol;

use std::collections::HashMap;

use crate::config::{ConfigInput, EngineConfig};
use crate::{validate, CoreError};

use batch_check::validate_batch;
pub use output::{
    BarSeries, BatchOutput, IndexedSignal, IndicatorSnapshot, IndicatorValues, Signal,
};
use symbol::SymbolState;

/// Dense id of an interned symbol (valid for the engine's lifetime; `reset` keeps ids).
pub type SymbolId = usize;

#[derive(Debug, Clone)]
pub struct PatternEngine {
    config: EngineConfig,
    ids: HashMap<String, SymbolId>,
    states: Vec<SymbolState>,
}

impl PatternEngine {
    /// Engine with a config built in Rust (validated here).
    pub fn new(config: EngineConfig) -> Result<Self, CoreError> {
        config.validate()?;
        Ok(Self {
            config,
            ids: HashMap::new(),
            states: Vec::new(),
        })
    }

    /// Engine from JS-style input (defaults applied, then validated).
    pub fn from_input(input: &ConfigInput) -> Result<Self, CoreError> {
        Self::new(EngineConfig::resolve(input)?)
    }

    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// Interns `symbol` (creating empty state on first use) and returns its id.
    pub fn symbol_id(&mut self, symbol: &str) -> Result<SymbolId, CoreError> {
        validate::symbol(symbol)?;
        Ok(self.intern(symbol))
    }

    fn intern(&mut self, symbol: &str) -> SymbolId {
        if let Some(&id) = self.ids.get(symbol) {
            return id;
        }
        let id = self.states.len();
        self.states.push(SymbolState::new(&self.config));
        self.ids.insert(symbol.to_owned(), id);
        id
    }

    /// Live path: feeds one tick; returns the signals of the bar it closed (usually none).
    /// `bid_size` / `ask_size` update the last known book sizes when given.
    pub fn on_tick(
        &mut self,
        symbol: &str,
        ts: f64,
        price: f64,
        size: f64,
        bid_size: Option<f64>,
        ask_size: Option<f64>,
    ) -> Result<Vec<Signal>, CoreError> {
        validate::symbol(symbol)?;
        validate::tick(None, ts, price, size, bid_size, ask_size)?;
        let id = self.intern(symbol);
        self.tick_validated(id, ts, price, size, bid_size, ask_size)
    }

    /// `on_tick` for an id from `symbol_id` (unknown id → INVALID_SYMBOL).
    pub fn on_tick_id(
        &mut self,
        id: SymbolId,
        ts: f64,
        price: f64,
        size: f64,
        bid_size: Option<f64>,
        ask_size: Option<f64>,
    ) -> Result<Vec<Signal>, CoreError> {
        if id >= self.states.len() {
            return Err(CoreError::InvalidSymbol);
        }
        validate::tick(None, ts, price, size, bid_size, ask_size)?;
        self.tick_validated(id, ts, price, size, bid_size, ask_size)
    }

    fn tick_validated(
        &mut self,
        id: SymbolId,
        ts: f64,
        price: f64,
        size: f64,
        bid_size: Option<f64>,
        ask_size: Option<f64>,
    ) -> Result<Vec<Signal>, CoreError> {
        let state = &mut self.states[id];
        state.check_time(None, ts)?;
        let mut signals = Vec::new(); // no allocation unless a signal is pushed
        state.process_tick(ts, price, size, bid_size, ask_size, &mut signals);
        Ok(signals)
    }

    /// Batch path: feeds `ts.len()` ticks of one symbol (continuing its live state).
    /// Validates everything first — symbol, lengths (vs `ts`), emptiness, then each tick's
    /// fields and time order — so an error leaves the state untouched. With
    /// `with_indicators`, also returns every closed bar and its indicator values.
    #[allow(clippy::too_many_arguments)]
    pub fn run(
        &mut self,
        symbol: &str,
        ts: &[f64],
        price: &[f64],
        size: &[f64],
        bid_size: Option<&[f64]>,
        ask_size: Option<&[f64]>,
        with_indicators: bool,
    ) -> Result<BatchOutput, CoreError> {
        validate::symbol(symbol)?;
        let last_ts = self
            .ids
            .get(symbol)
            .and_then(|&id| self.states[id].last_ts());
        validate_batch(last_ts, ts, price, size, bid_size, ask_size)?;
        let id = self.intern(symbol);
        let state = &mut self.states[id];
        let mut out = BatchOutput {
            ticks: ts.len(),
            signals: Vec::new(),
            bars: with_indicators.then(Default::default),
        };
        let mut scratch = Vec::new();
        let n = ts.len();
        let mut i = 0;
        while i < n {
            // Tick i through the full path: it may close the forming bar and opens the next.
            let bid = bid_size.map(|b| b[i]);
            let ask = ask_size.map(|a| a[i]);
            if state.process_tick(ts[i], price[i], size[i], bid, ask, &mut scratch) {
                out.signals.extend(
                    scratch
                        .drain(..)
                        .map(|signal| IndexedSignal { index: i, signal }),
                );
                if let Some(rows) = out.bars.as_mut() {
                    state.push_row(rows, i);
                }
            }
            i += 1;
            // Then every following tick of the same bar in one tight loop.
            let (start, end) = (i, state.bar_end());
            while i < n && ts[i] < end {
                i += 1;
            }
            if i > start {
                let last = i - 1;
                state.absorb_segment(
                    &ts[start..i],
                    &price[start..i],
                    &size[start..i],
                    bid_size.map(|b| b[last]),
                    ask_size.map(|a| a[last]),
                );
            }
        }
        Ok(out)
    }

    /// Snapshot of `symbol`'s indicators; None if it has had no tick (since a reset).
    pub fn indicators(&self, symbol: &str) -> Option<IndicatorSnapshot> {
        self.ids
            .get(symbol)
            .and_then(|&id| self.states[id].snapshot())
    }

    /// Forgets the state of one symbol (or of all); interned ids stay valid.
    pub fn reset(&mut self, symbol: Option<&str>) {
        match symbol {
            Some(name) => {
                if let Some(&id) = self.ids.get(name) {
                    self.states[id] = SymbolState::new(&self.config);
                }
            }
            None => {
                for state in &mut self.states {
                    *state = SymbolState::new(&self.config);
                }
            }
        }
    }

    /// Interned symbols, in id order.
    pub fn symbols(&self) -> Vec<&str> {
        let mut names = vec![""; self.states.len()];
        for (name, &id) in &self.ids {
            names[id] = name;
        }
        names
    }
}

#[cfg(test)]
mod tests;
