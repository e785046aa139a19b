//! Decimal numbers as analysts write them, and as the annexes publish them.
//!
//! Points are never floats: they are read as the decimal that was typed (`8.15`, `8,15`,
//! `85%`), summed exactly, and rounded only when published, half away from zero as Excel's
//! `ROUND` does (`rust_decimal`'s `round_dp` alone is banker's rounding and is not used).

use rust_decimal::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds for publication: `decimals` places, half away from zero (2.345 → 2.35, −2.345 → −2.35).
pub fn publish(value: Decimal, decimals: u32) -> Decimal {
    // The common case in integers: one division of the mantissa (rust_decimal's rounding takes
    // the long way, and a year publishes a hundred thousand figures).
    if let Some(cut) = value.scale().checked_sub(decimals)
        && cut > 0
    {
        let factor = 10i128.pow(cut);
        let m = value.mantissa();
        let (mut q, r) = (m / factor, m % factor);
        if 2 * r.abs() >= factor {
            q += m.signum();
        }
        if let Ok(d) = Decimal::try_from_i128_with_scale(q, decimals) {
            return d;
        }
    }
    let mut rounded =
        value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(decimals);
    rounded
}

/// Parses a number as typed in a CSV cell or a workbook: optional sign, digits, one decimal
/// separator (`.` or `,`), no thousands separators, no exponent. Surrounding spaces are ignored.
/// At most 28 significant digits.
#[inline]
pub fn parse(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let (negative, digits) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let mut mantissa: i128 = 0;
    let mut scale: u32 = 0;
    let mut seen_sep = false;
    let mut seen_digit = false;
    let mut significant = 0;
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => {
                seen_digit = true;
                if mantissa != 0 || b != b'0' {
                    significant += 1;
                }
                if significant > 28 {
                    return None;
                }
                mantissa = mantissa * 10 + i128::from(b - b'0');
                if seen_sep {
                    scale += 1;
                }
            }
            b'.' | b',' if !seen_sep => seen_sep = true,
            _ => return None,
        }
    }
    if !seen_digit || scale > 28 {
        return None;
    }
    // without trailing zeros (8.150 is 8.15), as `normalize` would give, without its divisions
    if mantissa == 0 {
        return Some(Decimal::ZERO);
    }
    if let Ok(mut small) = u64::try_from(mantissa) {
        // the common case, in 64 bits (a 128-bit division is a library call)
        while scale > 0 && small % 10 == 0 {
            small /= 10;
            scale -= 1;
        }
        mantissa = i128::from(small);
    } else {
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
    }
    Decimal::try_from_i128_with_scale(if negative { -mantissa } else { mantissa }, scale).ok()
}

/// `a` against `b` by value, as `Decimal`'s `Ord` does, in integers when both mantissas fit 64
/// bits (readers and rules compare a million typed values with the criteria's).
#[inline]
pub fn cmp(a: Decimal, b: Decimal) -> std::cmp::Ordering {
    let (sa, sb) = (a.scale(), b.scale());
    if let (Ok(ma), Ok(mb)) = (i64::try_from(a.mantissa()), i64::try_from(b.mantissa()))
        && sa.abs_diff(sb) <= 18
    {
        // |m| < 2^63 and 10^18 < 2^60: both sides fit an i128
        const POW10: [i128; 19] = {
            let mut p = [1i128; 19];
            let mut k = 1;
            while k < 19 {
                p[k] = p[k - 1] * 10;
                k += 1;
            }
            p
        };
        let (ma, mb) = (i128::from(ma), i128::from(mb));
        return match sa.cmp(&sb) {
            std::cmp::Ordering::Less => (ma * POW10[(sb - sa) as usize]).cmp(&mb),
            std::cmp::Ordering::Greater => ma.cmp(&(mb * POW10[(sa - sb) as usize])),
            std::cmp::Ordering::Equal => ma.cmp(&mb),
        };
    }
    a.cmp(&b)
}

/// Parses a percentage: a number, optionally followed by `%`.
pub fn parse_percent(text: &str) -> Option<Decimal> {
    let t = text.trim();
    parse(t.strip_suffix('%').unwrap_or(t))
}

/// Exact value as text, without trailing zeros (`8.150` → `8.15`, `100.0` → `100`).
pub fn exact(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Appends `value` as its `Display` writes it (every decimal of its scale, `-` before a negative
/// value), with the digits of a mantissa of up to 64 bits written directly: an annex writes
/// hundreds of thousands of figures, and `Display` takes the long way.
pub fn write(out: &mut String, value: Decimal) {
    use std::fmt::Write;
    let Ok(digits) = u64::try_from(value.mantissa().unsigned_abs()) else {
        let _ = write!(out, "{value}");
        return;
    };
    if value.is_sign_negative() {
        out.push('-');
    }
    let scale = value.scale() as usize;
    let _ = write!(out, "{digits:0>width$}", width = scale + 1);
    if scale > 0 {
        out.insert(out.len() - scale, '.');
    }
}

/// Published value as text: `decimals` places, half away from zero.
pub fn fixed(value: Decimal, decimals: u32) -> String {
    publish(value, decimals).to_string()
}

/// The decimal a float stands for in a TOML or workbook cell: the shortest text that reads
/// back as the same float (`0.1` → 0.1, never 0.1000000000000000055…).
pub fn from_float(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    Decimal::from_str(&format!("{value}"))
        .ok()
        .map(|d| d.normalize())
}

/// The decimal a workbook's number shows in Excel: the float to Excel's 15 significant digits
/// (`8.15` typed, stored as the nearest float, is 8.15 again; a formula's 0.83699999999999997
/// shows as 0.837).
pub fn from_excel(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    Decimal::from_scientific(&format!("{value:.14e}"))
        .ok()
        .map(|d| d.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_negative_zero_publishes_as_zero() {
        let mut negative_zero = d("0.000");
        negative_zero.set_sign_negative(true);
        assert_eq!(publish(negative_zero, 2).to_string(), "0.00");
        assert_eq!(publish(d("-0.004"), 2).to_string(), "0.00");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(publish(d("2.345"), 2), d("2.35"));
        assert_eq!(publish(d("2.355"), 2), d("2.36"));
        assert_eq!(publish(d("-2.345"), 2), d("-2.35"));
        assert_eq!(publish(d("2.3449999"), 2), d("2.34"));
        assert_eq!(fixed(d("7"), 2), "7.00");
        // banker's rounding would give 2.34 here
        assert_ne!(d("2.345").round_dp(2), publish(d("2.345"), 2));
    }

    #[test]
    fn parses_as_typed() {
        assert_eq!(parse("8.15"), Some(d("8.15")));
        assert_eq!(parse(" 8,15 "), Some(d("8.15")));
        assert_eq!(parse("-0,5"), Some(d("-0.5")));
        assert_eq!(parse("+3"), Some(d("3")));
        assert_eq!(parse("1.000,5"), None);
        assert_eq!(parse("1e3"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("."), None);
        assert_eq!(parse("abc"), None);
        assert_eq!(parse("-"), None);
        assert_eq!(
            parse("0.000000000000000000000000001"),
            Some(d("0.000000000000000000000000001"))
        );
        assert_eq!(parse("12345678901234567890123456789"), None);
        assert_eq!(parse("000000000000000000000000000000001.5"), Some(d("1.5")));
        assert_eq!(parse_percent("85%"), Some(d("85")));
        assert_eq!(parse_percent("85,5 %"), Some(d("85.5")));
    }

    proptest::proptest! {
        /// The integer rounding is rust_decimal's half-away-from-zero rounding, digit for digit.
        #[test]
        fn publishes_like_round_dp(m in proptest::num::i128::ANY, scale in 0u32..=28, decimals in 0u32..=6) {
            let m = m % (1i128 << 96);
            let value = Decimal::from_i128_with_scale(m, scale);
            let mut expected = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
            expected.rescale(decimals);
            let published = publish(value, decimals);
            proptest::prop_assert_eq!(published, expected);
            proptest::prop_assert_eq!(published.to_string(), expected.to_string());
        }

        /// The value typed, without trailing zeros: what `Decimal::from_str` and `normalize` give.
        #[test]
        fn parses_like_from_str_normalized(
            int in "[0-9]{1,20}", frac in "[0-9]{0,8}", negative: bool, comma: bool
        ) {
            let text = format!(
                "{}{int}{}{frac}",
                if negative { "-" } else { "" },
                if frac.is_empty() { "" } else if comma { "," } else { "." }
            );
            let expected = d(&text.replace(',', ".")).normalize();
            let parsed = parse(&text).unwrap();
            proptest::prop_assert_eq!(parsed, expected);
            proptest::prop_assert_eq!(parsed.to_string(), expected.to_string());
        }
    }

    proptest::proptest! {
        /// Written as `Display` writes it, digit for digit, sign and trailing zeros included.
        #[test]
        fn writes_as_display(m in proptest::num::i128::ANY, scale in 0u32..=28, negative: bool, small: bool) {
            let m = if small { m % 100_000_000 } else { m % (1i128 << 96) };
            let mut value = Decimal::from_i128_with_scale(m, scale);
            if negative {
                value.set_sign_negative(true); // a negative zero too
            }
            let mut out = String::from("x");
            write(&mut out, value);
            proptest::prop_assert_eq!(out, format!("x{value}"));
        }
    }

    proptest::proptest! {
        /// Ordered as `Decimal`'s `Ord` orders them: by value, whatever the scales and signs.
        #[test]
        fn compares_as_ord(
            ma in proptest::num::i128::ANY, sa in 0u32..=28, mb in proptest::num::i128::ANY,
            sb in 0u32..=28, small: bool, same: bool,
        ) {
            let m = |m: i128| if small { m % 1_000_000 } else { m % (1i128 << 96) };
            let a = Decimal::from_i128_with_scale(m(ma), sa);
            // the same value at one more decimal, or another value
            let b = match same {
                true if sa < 28 => Decimal::from_i128_with_scale(m(ma) % (1i128 << 92) * 10, sa + 1),
                _ => Decimal::from_i128_with_scale(m(mb), sb),
            };
            let a = if same { Decimal::from_i128_with_scale(m(ma) % (1i128 << 92), sa) } else { a };
            proptest::prop_assert_eq!(cmp(a, b), a.cmp(&b));
            proptest::prop_assert_eq!(cmp(b, a), b.cmp(&a));
        }
    }

    #[test]
    fn floats_read_as_typed() {
        assert_eq!(from_float(0.1), Some(d("0.1")));
        assert_eq!(from_float(8.15), Some(d("8.15")));
        assert_eq!(from_float(13.5), Some(d("13.5")));
        assert_eq!(from_float(f64::NAN), None);
    }
}
