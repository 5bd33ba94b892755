//! Decimal numbers for display, printed from integers. Printing an `f32`/`f64` with `{}` or
//! `{:.1}` links Rust's float printer (Grisu and Dragon, about 20 KB of wasm) into the app;
//! rounding to an integer first and printing that costs almost nothing.

/// `value` × 10^`decimals`, rounded half away from zero (as taught at school: 1,25 → 1,3).
pub fn scaled(value: f64, decimals: u32) -> i64 {
    let mut factor = 1.0;
    for _ in 0..decimals {
        factor *= 10.0;
    }
    (value * factor).round() as i64
}

/// A number given in units of 10^-`decimals`, with exactly `decimals` digits after
/// `separator`: `fixed(-1234, 2, '.')` → "-12.34", `fixed(5, 1, ',')` → "0,5".
pub fn fixed(scaled: i64, decimals: u32, separator: char) -> String {
    let factor = 10u64.pow(decimals);
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let whole = magnitude / factor;
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = magnitude % factor;
    format!(
        "{sign}{whole}{separator}{fraction:0width$}",
        width = decimals as usize
    )
}

/// `value` rounded to `decimals` digits: `round(1.26, 1, ',')` → "1,3".
pub fn round(value: f64, decimals: u32, separator: char) -> String {
    fixed(scaled(value, decimals), decimals, separator)
}

/// Like `round` with a `.`, without trailing zeros: "8", "20.5", "-0.25". For SVG
/// coordinates, where "8.00" would only lengthen the markup.
pub fn short(value: f64, decimals: u32) -> String {
    let text = round(value, decimals, '.');
    if decimals == 0 {
        return text;
    }
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Whole percent of a share between 0 and 1: 0.125 → 13.
pub fn percent(share: f64) -> i64 {
    scaled(share * 100.0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(scaled(1.25, 1), 13);
        assert_eq!(scaled(-1.25, 1), -13);
        assert_eq!(scaled(1.24, 1), 12);
        assert_eq!(scaled(0.005, 0), 0);
        assert_eq!(scaled(2.5, 0), 3);
        assert_eq!(scaled(12.345_6, 2), 1235);
    }

    #[test]
    fn fixed_keeps_every_decimal() {
        assert_eq!(fixed(1234, 2, '.'), "12.34");
        assert_eq!(fixed(-1234, 2, '.'), "-12.34");
        assert_eq!(fixed(5, 1, ','), "0,5");
        assert_eq!(fixed(-5, 2, ','), "-0,05");
        assert_eq!(fixed(1200, 2, '.'), "12.00");
        assert_eq!(fixed(0, 1, ','), "0,0");
        assert_eq!(fixed(-7, 0, ','), "-7");
        assert_eq!(fixed(i64::MIN, 0, '.'), i64::MIN.to_string());
    }

    #[test]
    fn round_matches_the_float_printer_off_ties() {
        for value in [0.0, 1.26, 3.04, 99.99, 0.333_3, 15.96, 2.0 / 3.0, 123.456] {
            assert_eq!(round(value, 1, '.'), format!("{value:.1}"), "{value}");
            assert_eq!(round(value, 2, '.'), format!("{value:.2}"), "{value}");
            assert_eq!(round(-value - 1.0, 2, '.'), format!("{:.2}", -value - 1.0));
        }
        assert_eq!(round(1.26, 1, ','), "1,3");
    }

    #[test]
    fn short_drops_trailing_zeros() {
        assert_eq!(short(8.0, 2), "8");
        assert_eq!(short(20.5, 2), "20.5");
        assert_eq!(short(20.504, 2), "20.5");
        assert_eq!(short(-0.25, 2), "-0.25");
        assert_eq!(short(-0.001, 2), "0");
        assert_eq!(short(100.0, 0), "100");
        assert_eq!(short(117.0, 1), "117");
        for value in [8.0, 20.5, 66.25, 3.0, 117.5, 0.0] {
            assert_eq!(short(value, 2), value.to_string());
        }
    }

    #[test]
    fn percent_of_a_share() {
        assert_eq!(percent(0.0), 0);
        assert_eq!(percent(0.125), 13);
        assert_eq!(percent(0.4), 40);
        assert_eq!(percent(1.0), 100);
        assert_eq!(percent(2.0 / 3.0), 67);
    }
}
