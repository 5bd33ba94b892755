//! Decimal numbers for display, printed from integers. Printing an `f32`/`f64` with `{}` or
//! `{:.1}` links Rust's float printer (Grisu and Dragon, about 20 KB of wasm) into the app;
//! rounding to an integer first and printing that costs almost nothing.

/// |`value`| × 10^`decimals` rounded as `{:.N}` rounds: to the nearest, ties to even, on
/// the exact binary value (1.25 → 12 tenths, while 1.35, stored a hair above, → 14). The
/// integer arithmetic on the value's bits keeps the figures the app showed before. `decimals`
/// up to 3, so that the 53-bit mantissa times 10^`decimals` fits in 64 bits; beyond
/// `u64::MAX`, infinities and NaN give saturated or 0 values, never shown by the app.
fn scaled_magnitude(value: f64, decimals: u32) -> u64 {
    debug_assert!(decimals <= 3);
    let bits = value.to_bits();
    let biased_exponent = ((bits >> 52) & 0x7ff) as u32;
    let fraction = bits & ((1 << 52) - 1);
    if biased_exponent == 0x7ff {
        return 0;
    }
    // value = mantissa × 2^-shift exactly (normal numbers carry the hidden bit).
    let (mantissa, shift) = if biased_exponent == 0 {
        (fraction, 1074)
    } else {
        (fraction | 1 << 52, 1075_i64 - i64::from(biased_exponent))
    };
    let product = mantissa * 10u64.pow(decimals);
    if shift <= 0 {
        return product
            .checked_shl(shift.unsigned_abs() as u32)
            .filter(|p| p >> shift.unsigned_abs() == product)
            .unwrap_or(u64::MAX);
    }
    if shift >= 64 {
        // product < 2^63 ≤ half a unit: rounds to 0.
        return 0;
    }
    let quotient = product >> shift;
    let remainder = product - (quotient << shift);
    let half = 1u64 << (shift - 1);
    if remainder > half || (remainder == half && quotient & 1 == 1) {
        quotient + 1
    } else {
        quotient
    }
}

/// `value` with exactly `decimals` digits after `separator`, the same digits as
/// `format!("{value:.N}")`: `round(1.26, 1, ',')` → "1,3", `round(-0.04, 1, '.')` → "-0.0".
pub fn round(value: f64, decimals: u32, separator: char) -> String {
    let sign = if value.is_sign_negative() && !value.is_nan() {
        "-"
    } else {
        ""
    };
    let magnitude = scaled_magnitude(value, decimals);
    let factor = 10u64.pow(decimals);
    let whole = magnitude / factor;
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    format!(
        "{sign}{whole}{separator}{:0width$}",
        magnitude % factor,
        width = decimals as usize
    )
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

/// Whole percent of a share between 0 and 1, halves rounded up: 0.125 → 13.
pub fn percent(share: f64) -> i64 {
    (share * 100.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value the tests compare with Rust's own float printer: ties, near-ties,
    /// averages of small counts (as the analysis shows them), negatives and extremes.
    fn samples() -> Vec<f64> {
        let mut values = vec![
            0.0,
            -0.0,
            1.25,
            1.35,
            1.45,
            0.15,
            0.05,
            2.675,
            0.125,
            0.375,
            1.26,
            3.04,
            99.99,
            0.333_3,
            15.95,
            123.456,
            1e-9,
            5e-324,
            1e15,
            4503599627370497.0,
        ];
        for whole in 1..=64u32 {
            for part in 0..=whole * 3 {
                values.push(f64::from(part) / f64::from(whole));
            }
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            values.push((seed % 1_000_000) as f64 / 997.0);
        }
        let negatives: Vec<f64> = values.iter().map(|v| -v).collect();
        values.extend(negatives);
        values
    }

    #[test]
    fn round_prints_the_digits_of_the_float_printer() {
        for value in samples() {
            assert_eq!(round(value, 0, '.'), format!("{value:.0}"), "{value}");
            assert_eq!(round(value, 1, '.'), format!("{value:.1}"), "{value}");
            assert_eq!(round(value, 2, '.'), format!("{value:.2}"), "{value}");
        }
    }

    #[test]
    fn round_with_the_french_comma() {
        assert_eq!(round(1.26, 1, ','), "1,3");
        assert_eq!(round(1.25, 1, ','), "1,2");
        assert_eq!(round(0.05, 2, ','), "0,05");
        assert_eq!(round(-12.345_6, 2, ','), "-12,35");
        assert_eq!(round(f64::NAN, 1, ','), "0,0");
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
        for value in [8.0, 20.5, 66.25, 3.0, 117.5, 0.0, 103.25, -4.5] {
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
        assert_eq!(percent(0.005), 1);
    }
}
