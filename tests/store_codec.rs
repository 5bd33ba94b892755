//! The compact encoding, natively: every fixture and generated exports of many shapes come
//! back identical; damaged text never panics and is never mistaken for a snapshot.

use std::fs;
use std::path::Path;

use cohorte::domain::generate::{generate_assessment_export, generate_profiles_export};
use cohorte::domain::import::import_file;
use cohorte::domain::snapshot::CampaignSnapshot;
use cohorte::store::codec::{
    decode, decode_text, encode, encode_text, from_text, to_text, utf16_len,
};

fn fixtures() -> Vec<(String, CampaignSnapshot)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let snapshot = import_file(&name, &fs::read(&path).unwrap()).unwrap();
            (name, snapshot)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn assert_round_trip(name: &str, snapshot: &CampaignSnapshot, at: f64) -> usize {
    let text = encode_text(snapshot, at);
    let entry = decode_text(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(&entry.snapshot, snapshot, "{name}");
    assert_eq!(entry.imported_at_ms.to_bits(), at.to_bits(), "{name}");
    utf16_len(&text)
}

#[test]
fn every_fixture_comes_back_identical() {
    let all = fixtures();
    assert!(all.len() >= 12, "fixtures found: {}", all.len());
    for (index, (name, snapshot)) in all.iter().enumerate() {
        assert_round_trip(name, snapshot, 1_764_355_200_000.0 + index as f64);
    }
}

#[test]
fn generated_exports_of_every_size_come_back_identical() {
    let mut seed = 0;
    for rows in [1, 2, 7, 63, 64, 65, 500, 4000] {
        seed += 2;
        let profiles = import_file("p.csv", &generate_profiles_export(rows, seed)).unwrap();
        assert_round_trip(&format!("profiles {rows}"), &profiles, seed as f64);
        let assessment = import_file("e.csv", &generate_assessment_export(rows, seed)).unwrap();
        assert_round_trip(&format!("assessment {rows}"), &assessment, -1.5);
    }
}

#[test]
fn fifty_thousand_profile_rows_take_well_under_the_quota() {
    let snapshot = import_file("big.csv", &generate_profiles_export(50_000, 4)).unwrap();
    let units = assert_round_trip("50 000", &snapshot, 0.0);
    println!(
        "50 000 lignes : {units} unités UTF-16 ({:.1} par ligne)",
        units as f64 / 50_000.0
    );
    // Chromium's localStorage holds 5 Mi UTF-16 units per origin.
    assert!(units < 5 * 1024 * 1024 / 2, "{units}");
}

/// xorshift, so that the mutations are the same on every run.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn damaged_entries_are_refused_without_panicking() {
    let mut state = 0x5eed_u64;
    for (name, snapshot) in fixtures() {
        let bytes = encode(&snapshot, 3.0);
        for cut in [0, 1, 5, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err(), "{name} cut at {cut}");
        }
        for _ in 0..200 {
            let mut damaged = bytes.clone();
            let at = (next(&mut state) as usize) % damaged.len();
            damaged[at] ^= 1 << (next(&mut state) % 8);
            // The checksum notices any single changed bit.
            assert!(decode(&damaged).is_err(), "{name}: bit flipped at {at}");
        }
        let text = to_text(&bytes);
        let chars: Vec<char> = text.chars().collect();
        for _ in 0..50 {
            let cut = (next(&mut state) as usize) % chars.len();
            let truncated: String = chars[..cut].iter().collect();
            assert!(
                decode_text(&truncated).is_err(),
                "{name}: text cut at {cut}"
            );
        }
    }
}

#[test]
fn arbitrary_input_never_panics() {
    let mut state = 42_u64;
    for len in 0..400 {
        let bytes: Vec<u8> = (0..len).map(|_| next(&mut state) as u8).collect();
        let mut with_format = bytes.clone();
        if let Some(first) = with_format.first_mut() {
            *first = cohorte::store::codec::FORMAT;
        }
        // Random content cannot pass the checksum: refused, never a panic.
        assert!(decode(&bytes).is_err(), "length {len}");
        assert!(decode(&with_format).is_err(), "length {len}");
        let lossy = String::from_utf8_lossy(&bytes);
        assert!(from_text(&lossy).is_err(), "length {len}");
        assert!(decode_text(&format!("C2{lossy}")).is_err(), "length {len}");
    }
}
