//! The zero-argument live path. napi-rs converts every argument with several N-API calls
//! (measured on Node 20: a call with no arguments ~30 ns, each f64 ~20 ns more, an
//! `External` ~90 ns), so `tickById` spent most of its ~200 ns converting arguments. Here
//! the JS wrapper writes the tick into this thread's *slot* — a Float64Array over Rust
//! memory — and calls `tickFromSlot()` without arguments; the engine is found by number.
//! Runtimes without external buffers (Electron) hand JS a copy instead: the wrapper checks
//! with `tickSlotProbe` and keeps using `tickById` there.

use std::cell::{Cell, RefCell};

use napi::bindgen_prelude::Float64Array;
use napi::{Error, Status};
use napi_derive::napi;

use crate::convert::JsSignal;
use crate::engine::{tick_engine, SharedEngine};

/// Slot layout, one f64 each: engine number, symbol id, ts, price, size, bid size, ask
/// size, and which book sizes are present (bit 0 bid, bit 1 ask).
const SLOT_LEN: usize = 8;
const PRESENT_BID: u32 = 1;
const PRESENT_ASK: u32 = 2;

type Slot = [Cell<f64>; SLOT_LEN];

#[derive(Default)]
struct Registry {
    engines: Vec<Option<SharedEngine>>,
    free: Vec<usize>,
}

thread_local! {
    /// This thread's slot, leaked on first use so JS can alias it for the thread's life.
    static SLOT: &'static Slot = Box::leak(Box::new(std::array::from_fn(|_| Cell::new(0.0))));
    /// Engines reachable from the slot by number (a JS engine object is bound to one thread).
    static ENGINES: RefCell<Registry> = RefCell::new(Registry::default());
}

/// Makes `engine` reachable from the slot; returns its number.
pub(crate) fn register(engine: SharedEngine) -> u32 {
    ENGINES.with(|r| {
        let mut r = r.borrow_mut();
        match r.free.pop() {
            Some(no) => {
                r.engines[no] = Some(engine);
                no as u32
            }
            None => {
                r.engines.push(Some(engine));
                (r.engines.len() - 1) as u32
            }
        }
    })
}

/// Drops the slot's reference to engine `no` (its JS object was collected).
pub(crate) fn unregister(no: u32) {
    // `try_with`: during thread teardown the registry may already be gone.
    let _ = ENGINES.try_with(|r| {
        let mut r = r.borrow_mut();
        if let Some(entry) = r.engines.get_mut(no as usize) {
            if entry.take().is_some() {
                r.free.push(no as usize);
            }
        }
    });
}

/// This thread's tick slot as a Float64Array over Rust memory (see the module doc).
#[napi(js_name = "tickSlot")]
pub fn tick_slot() -> Float64Array {
    SLOT.with(|slot| {
        // SAFETY: the slot is leaked ('static) and `Cell`s may be written through shared
        // references; JS writes only between calls (one thread), and the finalizer has
        // nothing to free.
        unsafe { Float64Array::with_external_data(slot[0].as_ptr(), SLOT_LEN, |_, _| {}) }
    })
}

/// The slot's first value as Rust sees it: tells the wrapper whether its Float64Array
/// really is the slot (it is a copy where external buffers are not allowed).
#[napi(js_name = "tickSlotProbe")]
pub fn tick_slot_probe() -> f64 {
    SLOT.with(|slot| slot[0].get())
}

/// `tickById` with the arguments read from the slot.
#[napi(js_name = "tickFromSlot")]
#[cfg_attr(test, allow(dead_code))] // registered with Node by #[napi]; unused by the test build
pub fn tick_from_slot() -> napi::Result<Option<Vec<JsSignal>>> {
    let v: [f64; SLOT_LEN] = SLOT.with(|slot| std::array::from_fn(|i| slot[i].get()));
    let [no, id, ts, price, size, bid, ask, present] = v;
    let present = present as u32;
    let bid = (present & PRESENT_BID != 0).then_some(bid);
    let ask = (present & PRESENT_ASK != 0).then_some(ask);
    ENGINES.with(|r| {
        let r = r.borrow();
        let engine = index(no)
            .and_then(|no| r.engines.get(no))
            .and_then(Option::as_ref)
            .ok_or_else(|| Error::new(Status::InvalidArg, format!("no engine number {no}")))?;
        let id = index(id).unwrap_or(usize::MAX); // not an id → INVALID_SYMBOL from the core
        tick_engine(engine, id, ts, price, size, bid, ask)
    })
}

/// A non-negative integer stored as f64, as an index.
fn index(x: f64) -> Option<usize> {
    (x >= 0.0 && x.fract() == 0.0 && x <= u32::MAX as f64).then_some(x as usize)
}
