// Number → text for messages and signal reasons; mirror of native/core/src/numfmt.rs
// (whose js_number reimplements JavaScript's String(number) in Rust).

/** JavaScript's own number formatting (what the Rust `js_number` reproduces). */
export function jsNumber(x: number): string {
  return String(x);
}

/** Exact powers of ten for `fixed` (same table as the Rust side). */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

/** Magnitude above which `fixed` falls back to `jsNumber` (integers stay exact below 2^53). */
const FIXED_LIMIT = 1e15;

/**
 * `x` rounded half-up to `decimals` (0..6) places via `floor(x·10^d + 0.5)`, so both backends
 * round identically (unlike toFixed vs Rust's `{:.2}` on ties). Non-finite or huge values are
 * printed with `jsNumber` instead.
 */
export function fixed(x: number, decimals: number): string {
  const d = Math.min(decimals, 6);
  const scale = POWERS_OF_TEN[d]!;
  const scaled = Math.floor(x * scale + 0.5);
  if (!(Math.abs(scaled) < FIXED_LIMIT)) return jsNumber(x);
  const units = Math.abs(scaled);
  const whole = String(Math.floor(units / scale));
  const sign = scaled < 0 ? '-' : '';
  return d === 0 ? sign + whole : `${sign}${whole}.${String(units % scale).padStart(d, '0')}`;
}
