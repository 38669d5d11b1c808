//! Whole-batch validation for `PatternEngine::run`: lengths, emptiness, then each tick's
//! fields and time order, reporting the first problem — so a bad batch is rejected before
//! any tick changes the state.

use crate::{validate, CoreError};

/// Checks a whole batch in the documented order (see `PatternEngine::run`). A branch-free
/// pass (vectorisable) handles the common all-valid case; only a failing batch is rescanned
/// tick by tick to report the first problem.
pub(super) fn validate_batch(
    last_ts: Option<f64>,
    ts: &[f64],
    price: &[f64],
    size: &[f64],
    bid_size: Option<&[f64]>,
    ask_size: Option<&[f64]>,
) -> Result<(), CoreError> {
    let n = ts.len();
    let lengths_ok = price.len() == n
        && size.len() == n
        && bid_size.is_none_or(|b| b.len() == n)
        && ask_size.is_none_or(|a| a.len() == n);
    if lengths_ok && n > 0 && all_ticks_valid(last_ts, ts, price, size, bid_size, ask_size) {
        return Ok(());
    }
    first_batch_error(last_ts, ts, price, size, bid_size, ask_size)
}

/// Whether every tick passes `validate::tick` and time order (lengths already equal, n > 0).
fn all_ticks_valid(
    last_ts: Option<f64>,
    ts: &[f64],
    price: &[f64],
    size: &[f64],
    bid_size: Option<&[f64]>,
    ask_size: Option<&[f64]>,
) -> bool {
    use validate::{MAX_TIMESTAMP_MS, MAX_VALUE};
    let in_range = |lo_exclusive: bool, xs: &[f64]| {
        xs.iter().fold(true, |ok, &x| {
            let lo = if lo_exclusive { x > 0.0 } else { x >= 0.0 };
            ok & lo & (x <= MAX_VALUE)
        })
    };
    let ts_ok = ts
        .iter()
        .fold(true, |ok, t| ok & (0.0..=MAX_TIMESTAMP_MS).contains(t));
    let ordered = ts.windows(2).fold(true, |ok, w| ok & (w[1] >= w[0]));
    let after_last = last_ts.is_none_or(|last| ts[0] >= last);
    ts_ok
        && ordered
        && after_last
        && in_range(true, price)
        && in_range(true, size)
        && bid_size.is_none_or(|b| in_range(false, b))
        && ask_size.is_none_or(|a| in_range(false, a))
}

/// Finds the first problem in the documented order (lengths, emptiness, then per tick).
fn first_batch_error(
    mut last_ts: Option<f64>,
    ts: &[f64],
    price: &[f64],
    size: &[f64],
    bid_size: Option<&[f64]>,
    ask_size: Option<&[f64]>,
) -> Result<(), CoreError> {
    let n = ts.len();
    let columns = [
        ("price", Some(price)),
        ("size", Some(size)),
        ("bidSize", bid_size),
        ("askSize", ask_size),
    ];
    for (field, column) in columns {
        if let Some(column) = column {
            if column.len() != n {
                return Err(CoreError::LengthMismatch {
                    field,
                    expected: n,
                    actual: column.len(),
                });
            }
        }
    }
    if n == 0 {
        return Err(CoreError::EmptyInput);
    }
    for i in 0..n {
        let t = ts[i];
        validate::tick(
            Some(i),
            t,
            price[i],
            size[i],
            bid_size.map(|b| b[i]),
            ask_size.map(|a| a[i]),
        )?;
        if let Some(last) = last_ts {
            if t < last {
                return Err(CoreError::TimeBackwards {
                    index: Some(i),
                    value: t,
                    last,
                });
            }
        }
        last_ts = Some(t);
    }
    Ok(())
}
