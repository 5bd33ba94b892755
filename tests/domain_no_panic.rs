//! Property tests (proptest): `import_file` never panics, whatever the bytes. Inputs are
//! arbitrary bytes drawn from a CSV-flavoured alphabet, and real exports mutated the way
//! files get damaged (flipped bytes, cuts, stray quotes, delimiters and line breaks,
//! duplicated lines); every outcome is an import with consistent rows or a typed error
//! naming the file.
//!
//! Cases per property: see `common::proptest_cases` (`PROPTEST_CASES` for a long run).

// proptest is a native dev-dependency only (see Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use cohorte::domain::generate::{generate_assessment_export, generate_profiles_export};
use cohorte::domain::import::import_file;
use cohorte::domain::model::snapshot::Rows;
use proptest::prelude::*;

/// Pieces that steer the parser into its interesting corners.
const TOKENS: [&[u8]; 24] = [
    b";",
    b",",
    b"\t",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"NA",
    b"Oui",
    b"Non",
    b"0,67",
    b"12",
    b"99999999999999999999999",
    b"01/09/2025 16:00",
    b"2020-09-15",
    b"'=",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xE9",
    "é’".as_bytes(),
    b"\0",
    b"\"Nom du Participant\"",
    b"\"Envoi (O/N)\"",
];

/// A byte string of random bytes and tokens, up to about 600 bytes.
fn arbitrary_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        1 => any::<u8>().prop_map(|byte| vec![byte]),
        2 => prop::sample::select(TOKENS.to_vec()).prop_map(<[u8]>::to_vec),
    ];
    prop::collection::vec(piece, 0..300).prop_map(|pieces| pieces.concat())
}

fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(at, _)| at + 1),
        )
        .filter(|&at| at < bytes.len())
        .collect()
}

/// One damage of the kind files really suffer.
#[derive(Clone, Debug)]
enum Damage {
    FlipBit {
        at: usize,
        bit: u8,
    },
    Cut {
        at: usize,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    /// Copy the line starting at the `from`-th line start before the `to`-th one.
    DuplicateLine {
        from: usize,
        to: usize,
    },
    Delete {
        at: usize,
        length: usize,
    },
    Overwrite {
        at: usize,
        bytes: Vec<u8>,
    },
}

fn damage() -> impl Strategy<Value = Damage> {
    // Offsets are drawn large and reduced modulo the length of the file they land in.
    let at = any::<usize>();
    let inserted = prop_oneof![
        prop::sample::select(vec![b'"', b';', b',', b'\t', b'\n', b'\r'])
            .prop_map(|byte| vec![byte]),
        prop::sample::select(TOKENS.to_vec()).prop_map(<[u8]>::to_vec),
    ];
    prop_oneof![
        1 => (at, 0u8..8).prop_map(|(at, bit)| Damage::FlipBit { at, bit }),
        1 => at.prop_map(|at| Damage::Cut { at }),
        3 => (at, inserted).prop_map(|(at, bytes)| Damage::Insert { at, bytes }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Damage::DuplicateLine { from, to }),
        1 => (at, 0usize..40).prop_map(|(at, length)| Damage::Delete { at, length }),
        1 => (at, prop::collection::vec(any::<u8>(), 0..8))
            .prop_map(|(at, bytes)| Damage::Overwrite { at, bytes }),
    ]
}

fn apply(damage: &Damage, bytes: &mut Vec<u8>) {
    let place = |at: usize, bytes: &[u8]| at % (bytes.len() + 1);
    match damage {
        Damage::FlipBit { at, bit } => {
            let at = place(*at, bytes);
            if let Some(byte) = bytes.get_mut(at) {
                *byte ^= 1 << bit;
            }
        }
        Damage::Cut { at } => bytes.truncate(place(*at, bytes)),
        Damage::Insert {
            at,
            bytes: inserted,
        } => {
            let at = place(*at, bytes);
            bytes.splice(at..at, inserted.iter().copied());
        }
        Damage::DuplicateLine { from, to } => {
            let starts = line_starts(bytes);
            if starts.is_empty() {
                return;
            }
            let start = starts[from % starts.len()];
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |offset| start + offset + 1);
            let line = bytes[start..end].to_vec();
            let insert_at = starts[to % starts.len()];
            bytes.splice(insert_at..insert_at, line);
        }
        Damage::Delete { at, length } => {
            let at = place(*at, bytes);
            let end = (at + length).min(bytes.len());
            bytes.drain(at..end);
        }
        Damage::Overwrite { at, bytes: written } => {
            let at = place(*at, bytes);
            for (offset, &new) in written.iter().enumerate() {
                if let Some(byte) = bytes.get_mut(at + offset) {
                    *byte = new;
                }
            }
        }
    }
}

fn read_corpus() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [root.clone(), root.join("invalid")] {
        for entry in fs::read_dir(&dir).expect("fixtures").flatten() {
            let path = entry.path();
            if path.is_file() && !path.to_string_lossy().ends_with(".json") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut corpus: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, fs::read(&path).expect("fixture readable"))
        })
        .collect();
    corpus.push(("generated.csv".into(), generate_profiles_export(60, 1)));
    corpus.push((
        "generated-eval.csv".into(),
        generate_assessment_export(60, 1),
    ));
    corpus
}

/// The fixtures (valid and invalid) and two generated exports, read once for every case.
fn corpus() -> &'static [(String, Vec<u8>)] {
    static CORPUS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    CORPUS.get_or_init(read_corpus)
}

/// Runs one import and checks what holds for any outcome. A panic fails the case too:
/// proptest catches it, then shrinks the input to a small one that still panics.
fn run_case(name: &str, bytes: &[u8], what: &str) -> Result<(), TestCaseError> {
    match import_file(name, bytes) {
        Ok(snapshot) => {
            prop_assert!(!snapshot.rows.is_empty(), "{}: imported without rows", what);
            let lines_ok = match &snapshot.rows {
                Rows::Profiles(rows) => rows.iter().all(|row| row.line >= 2),
                Rows::Assessment { sheet, rows } => rows.iter().all(|row| {
                    row.line >= 2
                        && row.badges.len() == sheet.badges.len()
                        && row.competences.len() == sheet.competences.len()
                        && row.domains.len() == sheet.domains.len()
                }),
            };
            prop_assert!(lines_ok, "{}: inconsistent rows", what);
        }
        Err(error) => {
            prop_assert_eq!(error.file(), name, "{}", what);
            prop_assert!(error.line().is_none_or(|line| line >= 1), "{}", what);
            prop_assert!(error.to_string().contains(name), "{}", what);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases(4_000)))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in arbitrary_bytes()) {
        run_case("aleatoire.csv", &bytes, "arbitrary bytes")?;
    }

    #[test]
    fn mutated_exports_never_panic(
        file in any::<prop::sample::Index>(),
        damages in prop::collection::vec(damage(), 1..5),
    ) {
        let (name, original) = &corpus()[file.index(corpus().len())];
        let mut bytes = original.clone();
        for damage in &damages {
            apply(damage, &mut bytes);
        }
        run_case(name, &bytes, &format!("{name} damaged by {damages:?}"))?;
    }
}

#[test]
fn every_prefix_of_an_export_is_handled() {
    // A download cut at any byte: every outcome is an import or a typed error.
    let bytes = generate_profiles_export(3, 9);
    for end in 0..=bytes.len() {
        run_case(
            "coupe.csv",
            &bytes[..end],
            &format!("prefix of {end} bytes"),
        )
        .unwrap();
    }
}
