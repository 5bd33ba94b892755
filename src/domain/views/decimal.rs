//! Decimal numbers for display: French figures (« 1,3 ») and SVG coordinates (« 20.5 »), with
//! Rust's own float printer. A printer of our own, from the float's bits, would keep it out of
//! the wasm: 16,365 bytes of the shipped wasm (7,714 gzip), measured side by side on
//! 06/12/2026 on the bench's « taille livrée » line, which has no budget. Not worth a second
//! float printer to maintain.

/// `value` with exactly `decimals` digits after `separator`, as `format!("{value:.N}")`
/// prints them (to the nearest, ties to even on the exact binary value: 1.25 → "1.2", while
/// 1.35, stored a hair above, → "1.4"): `round(1.26, 1, ',')` → "1,3". NaN, which the app
/// never shows, prints as 0.
pub fn round(value: f64, decimals: u32, separator: char) -> String {
    let value = if value.is_nan() { 0.0 } else { value };
    let text = format!("{value:.*}", decimals as usize);
    if separator == '.' {
        text
    } else {
        text.replacen('.', separator.encode_utf8(&mut [0; 4]), 1)
    }
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

    #[test]
    fn round_rounds_to_the_nearest_ties_to_even_on_the_binary_value() {
        assert_eq!(round(1.25, 1, '.'), "1.2");
        assert_eq!(round(1.35, 1, '.'), "1.4");
        assert_eq!(round(2.675, 2, '.'), "2.67");
        assert_eq!(round(0.125, 2, '.'), "0.12");
        assert_eq!(round(-0.04, 1, '.'), "-0.0");
        assert_eq!(round(99.99, 1, '.'), "100.0");
        assert_eq!(round(15.5, 0, '.'), "16");
        assert_eq!(round(5e-324, 2, '.'), "0.00");
    }

    #[test]
    fn round_with_the_french_comma() {
        assert_eq!(round(1.26, 1, ','), "1,3");
        assert_eq!(round(1.25, 1, ','), "1,2");
        assert_eq!(round(0.05, 2, ','), "0,05");
        assert_eq!(round(-12.345_6, 2, ','), "-12,35");
        assert_eq!(round(f64::NAN, 1, ','), "0,0");
        assert_eq!(round(117.0, 0, ','), "117");
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
