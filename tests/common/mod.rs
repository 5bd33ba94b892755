//! Fixture loading shared by the native test files (`mod common;` in each): one reading of
//! tests/fixtures, and the list of profiles collections found there rather than typed by hand,
//! so a new fixture is covered everywhere at once.
#![allow(dead_code)] // Each test file uses its own subset.

use std::fs;
use std::path::{Path, PathBuf};

use cohorte::domain::import::import_file;
use cohorte::domain::model::snapshot::{CampaignSnapshot, ProfileRow, Rows};
use serde_json::Value;

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The bytes of `tests/fixtures/<path>` (a path relative to that folder, with its extension).
pub fn read(path: &str) -> Vec<u8> {
    fs::read(fixtures_dir().join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// [`read`], as text.
pub fn read_text(path: &str) -> String {
    fs::read_to_string(fixtures_dir().join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// Imports `tests/fixtures/<path>` (a path relative to that folder, with its extension).
pub fn import(path: &str) -> CampaignSnapshot {
    import_file(path, &read(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// `NAME.csv` imported, and `NAME.expected.json`.
pub fn fixture(name: &str) -> (CampaignSnapshot, Value) {
    let json = fs::read_to_string(fixtures_dir().join(format!("{name}.expected.json"))).unwrap();
    (
        import(&format!("{name}.csv")),
        serde_json::from_str(&json).unwrap(),
    )
}

pub fn profile_rows(snapshot: &CampaignSnapshot) -> &[ProfileRow] {
    match &snapshot.rows {
        Rows::Profiles(rows) => rows,
        Rows::Assessment { .. } => panic!("{} is not a profiles collection", snapshot.file_name),
    }
}

/// The names (without extension) of every profiles-collection fixture, sorted.
pub fn profile_fixtures() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixtures_dir())
        .unwrap()
        .filter_map(|entry| entry.unwrap().file_name().into_string().ok())
        .filter_map(|file| file.strip_suffix(".expected.json").map(str::to_owned))
        .filter(|name| {
            let json =
                fs::read_to_string(fixtures_dir().join(format!("{name}.expected.json"))).unwrap();
            serde_json::from_str::<Value>(&json).unwrap()["kind"] == "profiles-collection"
        })
        .collect();
    names.sort();
    // An empty list would let every loop over it pass without checking anything.
    assert!(!names.is_empty(), "no profiles-collection fixture found");
    names
}

/// Cases per property test: `default`, or `PROPTEST_CASES` when set, so that the long run
/// (`PROPTEST_CASES=100000 cargo test --release --test domain_no_panic --test
/// domain_csv_oracle`) goes through the same properties as CI.
pub fn proptest_cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value| value.trim().replace('_', "").parse().ok())
        .unwrap_or(default)
}
