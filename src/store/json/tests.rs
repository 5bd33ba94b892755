//! The JSON layer alone: the grammar, the errors a damaged text gets, the numbers the store
//! keeps, and the writer's escapes checked against serde_json's own output.

use super::*;

const SAMPLES: [&str; 4] = [
    include_str!("../../../tests/fixtures/store/v2-index.json"),
    include_str!("../../../tests/fixtures/store/backup.json"),
    include_str!("../../../tests/fixtures/store/prefs.json"),
    include_str!("../../../tests/fixtures/store/v1-snapshot-escapes.json"),
];

fn string(text: &str) -> Result<String, JsonError> {
    parse(text).map(|value| value.as_str().unwrap().to_owned())
}

#[test]
fn values_of_every_kind_are_read() {
    let value =
        parse(" {\"a\" : [1, -2.5e3, true, false, null, \"x\", {}, []],\n\"b\":{\"c\":\"d\"}}\t")
            .unwrap();
    let items = value.get("a").unwrap().as_array().unwrap();
    assert_eq!(items[0].as_u64(), Some(1));
    assert_eq!(items[1].as_f64(), Some(-2500.0));
    assert_eq!(items[2].as_bool(), Some(true));
    assert_eq!(items[3].as_bool(), Some(false));
    assert_eq!(items[4].non_null(), None);
    assert_eq!(items[5].as_str(), Some("x"));
    assert_eq!(items[6], Value::Object(Vec::new()));
    assert_eq!(items[7], Value::Array(Vec::new()));
    assert_eq!(
        value.get("b").unwrap().get("c").unwrap().as_str(),
        Some("d")
    );
    assert_eq!(value.get("missing"), None);
    assert_eq!(items[0].get("a"), None, "a number has no fields");
}

#[test]
fn escapes_are_decoded_including_surrogate_pairs() {
    assert_eq!(
        string(r#""a\"b\\c\/d\b\f\n\r\t""#).unwrap(),
        "a\"b\\c/d\u{8}\u{c}\n\r\t"
    );
    assert_eq!(string(r#""\u00e9\u00C9\u20ac""#).unwrap(), "éÉ€");
    assert_eq!(string(r#""x\ud83d\ude00y""#).unwrap(), "x😀y");
    assert_eq!(string(r#""\u0000""#).unwrap(), "\0");
    assert_eq!(string("\"déjà 😀\"").unwrap(), "déjà 😀");
    // Without escapes the text is borrowed, not copied.
    assert!(matches!(
        parse("\"plain\"").unwrap(),
        Value::String(Cow::Borrowed("plain"))
    ));
}

#[test]
fn a_cut_text_is_told_from_one_that_is_not_json() {
    for cut in [
        "",
        " ",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,",
        "[",
        "[1,",
        "\"abc",
        "\"a\\",
        "\"\\u12",
        "\"\\ud83d",
        "\"\\ud83d\\",
        "\"\\ud83d\\u",
        "tr",
        "nul",
        "-",
        "1.",
        "1e",
        "1e+",
    ] {
        assert_eq!(parse(cut), Err(JsonError::UnexpectedEnd), "{cut:?}");
    }
    for (wrong, at) in [
        ("x", 0),
        ("{a:1}", 1),
        ("{\"a\" 1}", 5),
        ("[1,]", 3),
        ("[1 2]", 3),
        ("{\"a\":1,}", 7),
        ("01", 1),
        ("-x", 1),
        ("1.e5", 2),
        ("+1", 0),
        (".5", 0),
        ("\"\\x\"", 2),
        ("\"a\nb\"", 2),
        ("\"\\u12g4\"", 5),
        ("\"\\ud83d\\u0041\"", 13),
        ("\"\\ud83dx\"", 7),
        ("\"\\ude00\"", 7),
        ("truth", 0),
        ("nulL", 0),
        ("{} {}", 3),
        ("Nom;Prénom\nA;B\n", 0),
    ] {
        assert_eq!(parse(wrong), Err(JsonError::Invalid { at }), "{wrong:?}");
    }
}

#[test]
fn nesting_stops_at_serde_json_s_limit_without_exhausting_the_stack() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(parse(&nested(MAX_DEPTH + 1)), Err(JsonError::TooDeep));
    assert_eq!(parse(&"[{\"a\":".repeat(100_000)), Err(JsonError::TooDeep));
}

#[test]
fn every_cut_of_a_stored_text_is_reported_as_cut() {
    for sample in SAMPLES {
        assert!(parse(sample).is_ok());
        // Every cut of the short ones; a spread of cuts of the long ones (debug builds).
        let step = sample.len() / 1000 + 1;
        for (at, _) in sample.char_indices().skip(1).step_by(step) {
            assert_eq!(parse(&sample[..at]), Err(JsonError::UnexpectedEnd), "{at}");
        }
    }
}

#[test]
fn any_changed_character_gives_a_value_or_an_error_never_a_panic() {
    // The start has every kind of value and escape; the rest repeats them.
    let sample = &SAMPLES[3][..SAMPLES[3].char_indices().nth(1200).unwrap().0];
    let replacements = [
        '"', '\\', '{', '}', '[', ']', ',', ':', '0', '-', 'e', '.', 'u', ' ', '\n',
    ];
    for (at, c) in sample.char_indices() {
        for replacement in replacements {
            let changed = format!(
                "{}{replacement}{}",
                &sample[..at],
                &sample[at + c.len_utf8()..]
            );
            let _ = parse(&changed);
        }
    }
}

#[test]
fn integers_keep_every_digit_and_refuse_what_serde_refused() {
    let number = |text| parse(text).unwrap();
    assert_eq!(number("18446744073709551615").as_u64(), Some(u64::MAX));
    assert_eq!(number("18446744073709551616").as_u64(), None);
    assert_eq!(number("-1").as_u64(), None);
    assert_eq!(number("1.0").as_u64(), None);
    assert_eq!(number("1e2").as_u64(), None);
    assert_eq!(number("256").as_u8(), None);
    assert_eq!(number("255").as_u8(), Some(255));
    assert_eq!(number("65536").as_u16(), None);
    assert_eq!(number("4294967296").as_u32(), None);
    assert_eq!(number("\"1\"").as_u64(), None);
}

#[test]
fn floats_read_back_what_was_written() {
    let float = |text: &str| parse(text).unwrap().as_f64();
    assert_eq!(float("1764355200000.0"), Some(1_764_355_200_000.0));
    assert_eq!(float("1764355200000"), Some(1_764_355_200_000.0));
    assert_eq!(float("0.5"), Some(0.5));
    assert_eq!(float("-0.0"), Some(0.0));
    assert_eq!(float("1e-7"), Some(1e-7));
    assert_eq!(float("2.5E+3"), Some(2500.0));
    assert_eq!(float("0e999999999"), Some(0.0));
    assert_eq!(float("1e400"), None);
    assert_eq!(
        float("123456789012345678901234567890"),
        Some(1.2345678901234568e29)
    );
    assert_eq!(parse("true").unwrap().as_f64(), None);

    // Every millisecond timestamp, and the f32 rates as serde wrote them (shortest form).
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..200_000 {
        let ms = (next() % (1 << 53)) as f64;
        assert_eq!(float(&format!("{ms:?}")), Some(ms));
        let rate = (next() % (1 << 24)) as f32 / (1 << 24) as f32;
        let text = format!("{rate:?}");
        assert_eq!(parse(&text).unwrap().as_f32(), Some(rate), "{text}");
        let any = f32::from_bits(next() as u32);
        if any.is_finite() {
            let text = format!("{any:?}");
            assert_eq!(parse(&text).unwrap().as_f32(), Some(any), "{text}");
        }
    }
    for hundredths in 0..=10_000 {
        let rate = hundredths as f32 / 10_000.0;
        assert_eq!(parse(&format!("{rate:?}")).unwrap().as_f32(), Some(rate));
    }
}

#[test]
fn the_writer_escapes_as_serde_json_does() {
    let all_specials: String = (0u8..0x80)
        .map(char::from)
        .chain("é€😀\u{2028}".chars())
        .collect();
    let mut out = Writer::new();
    out.string(&all_specials);
    let written = out.finish();
    assert_eq!(written, serde_json::to_string(&all_specials).unwrap());
    assert_eq!(string(&written).unwrap(), all_specials);
}

#[test]
fn the_writer_separates_and_formats_numbers_as_serde_json_does() {
    let mut out = Writer::new();
    out.begin_object();
    out.key("a");
    out.begin_array();
    for value in [1.0, 0.5, 1_764_355_200_000.0, -3.25] {
        out.milliseconds(value);
    }
    out.uint(u64::MAX);
    out.null();
    out.begin_object();
    out.end_object();
    out.begin_array();
    out.end_array();
    out.end_array();
    out.key("b");
    out.milliseconds(f64::NAN);
    out.key("c");
    out.milliseconds(f64::INFINITY);
    out.end_object();
    let expected = serde_json::json!({
        "a": [1.0, 0.5, 1_764_355_200_000.0, -3.25, u64::MAX, null, {}, []],
        "b": f64::NAN,
        "c": f64::INFINITY,
    });
    assert_eq!(out.finish(), serde_json::to_string(&expected).unwrap());
}

// Timestamps are written without Rust's float printer, to the microsecond; what is written
// reads back as the same number.
#[test]
fn timestamps_are_written_to_the_microsecond_and_read_back() {
    let mut out = Writer::new();
    out.begin_array();
    for value in [1_764_355_200_000.4, 0.5, 2.125, -3.25, 0.000_4] {
        out.milliseconds(value);
    }
    out.end_array();
    let written = out.finish();
    assert_eq!(written, "[1764355200000.4,0.5,2.125,-3.25,0.0]");
    let Value::Array(items) = parse(&written).unwrap() else {
        panic!("an array")
    };
    let read: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
    assert_eq!(read, [1_764_355_200_000.4, 0.5, 2.125, -3.25, 0.0]);
}
