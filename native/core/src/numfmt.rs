//! Number → text exactly as JavaScript prints it, so error messages and signal reasons are
//! byte-identical between the Rust core and the TypeScript reference.

use std::fmt::Write;

/// `String(x)` in JavaScript (ECMAScript Number::toString): shortest round-trip digits,
/// plain notation for 1e-7 < |x| < 1e21, exponent notation (`1e+21`, `1.5e-7`) otherwise.
pub fn js_number(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x == 0.0 {
        return "0".to_owned(); // JavaScript prints -0 as "0"
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    // Rust's `{:e}` also yields the shortest round-trip digits: "d.ddde<exp>".
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let k = digits.len() as i32;
    let n = exp.parse::<i32>().unwrap_or(0) + 1; // value = 0.digits × 10^n
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.push_str(&"0".repeat((n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-n) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = n - 1;
        let _ = write!(out, "e{}{}", if e >= 0 { "+" } else { "-" }, e.abs());
    }
    out
}

/// Exact powers of ten for `fixed` (a table, so no `powi` rounding question arises).
const POWERS_OF_TEN: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];

/// Magnitude above which `fixed` falls back to `js_number` (integers stay exact below 2^53).
const FIXED_LIMIT: f64 = 1e15;

/// `x` rounded half-up to `decimals` (0..=6) places, e.g. `fixed(-1.005, 2)`; the rounding is
/// `floor(x·10^d + 0.5)` in f64 so both backends agree bit-for-bit. Non-finite or huge
/// values are printed with `js_number` instead.
pub fn fixed(x: f64, decimals: u32) -> String {
    let scale = POWERS_OF_TEN[decimals.min(6) as usize];
    let scaled = (x * scale + 0.5).floor();
    if !(scaled.abs() < FIXED_LIMIT) {
        return js_number(x);
    }
    let negative = scaled < 0.0;
    let units = scaled.abs() as u64;
    let unit = scale as u64;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    let _ = write!(out, "{}", units / unit);
    if decimals > 0 {
        let _ = write!(
            out,
            ".{:0width$}",
            units % unit,
            width = decimals.min(6) as usize
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_number_matches_javascript() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (-2.5, "-2.5"),
            (100.25, "100.25"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (123456789012345680000.0, "123456789012345680000"),
            (1.5e-7, "1.5e-7"),
            (1e-7, "1e-7"),
            (0.000001, "0.000001"),
            (0.00000123, "0.00000123"),
            (f64::MAX, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (8.64e15, "8640000000000000"),
        ];
        for (x, expected) in cases {
            assert_eq!(js_number(*x), *expected, "{x:e}");
        }
    }

    #[test]
    fn fixed_rounds_half_up() {
        assert_eq!(fixed(1.234, 2), "1.23");
        assert_eq!(fixed(1.235, 2), "1.24"); // 123.50000000000001 after scaling
        assert_eq!(fixed(-1.5, 0), "-1");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(-0.006, 2), "-0.01");
        assert_eq!(fixed(42.0, 0), "42");
        assert_eq!(fixed(0.5, 3), "0.500");
        assert_eq!(fixed(1e300, 2), "1e+300");
        assert_eq!(fixed(f64::INFINITY, 2), "Infinity");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
    }
}
