//! Property test: `import_file` never panics, whatever the bytes. Inputs are arbitrary bytes
//! drawn from a CSV-flavoured alphabet, and real exports mutated the way files get damaged
//! (flipped bytes, cuts, stray quotes, delimiters and line breaks, duplicated lines).
//!
//! `COHORTE_FUZZ_CASES` sets the number of cases per strategy (default 2,000; the dedicated
//! run uses 100,000). `COHORTE_FUZZ_SEED` replays another sequence.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use cohorte::domain::generate::{generate_assessment_export, generate_profiles_export};
use cohorte::domain::import::import_file;
use cohorte::domain::snapshot::Rows;

/// xorshift64*: deterministic, so a failure is replayed from its seed and case number.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next() % bound as u64) as usize
        }
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.trim().replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn cases() -> usize {
    env_number("COHORTE_FUZZ_CASES", 2_000) as usize
}

fn seed() -> u64 {
    env_number("COHORTE_FUZZ_SEED", 0x00C0_4027)
}

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

fn arbitrary_bytes(rng: &mut Rng) -> Vec<u8> {
    let length = rng.below(600);
    let mut bytes = Vec::with_capacity(length * 2);
    while bytes.len() < length {
        if rng.below(3) == 0 {
            bytes.push(rng.next() as u8);
        } else {
            bytes.extend_from_slice(TOKENS[rng.below(TOKENS.len())]);
        }
    }
    bytes
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
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let at = rng.below(bytes.len() + 1);
    match rng.below(9) {
        0 => {
            if let Some(byte) = bytes.get_mut(at) {
                *byte ^= 1 << rng.below(8);
            }
        }
        1 => bytes.truncate(at),
        2 => bytes.insert(at.min(bytes.len()), b'"'),
        3 => bytes.insert(at.min(bytes.len()), [b';', b',', b'\t'][rng.below(3)]),
        4 => bytes.insert(at.min(bytes.len()), [b'\n', b'\r'][rng.below(2)]),
        5 => {
            // Duplicate a whole line.
            let starts = line_starts(bytes);
            if let Some(&start) = starts.get(rng.below(starts.len())) {
                let end = bytes[start..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |offset| start + offset + 1);
                let line = bytes[start..end].to_vec();
                let insert_at = starts.get(rng.below(starts.len())).copied().unwrap_or(0);
                bytes.splice(insert_at..insert_at, line);
            }
        }
        6 => {
            // Delete a run of bytes.
            let end = (at + rng.below(40)).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        7 => {
            let token = TOKENS[rng.below(TOKENS.len())];
            let at = at.min(bytes.len());
            bytes.splice(at..at, token.iter().copied());
        }
        _ => {
            // Overwrite a cell-sized run with random bytes.
            for offset in 0..rng.below(8) {
                if let Some(byte) = bytes.get_mut(at + offset) {
                    *byte = rng.next() as u8;
                }
            }
        }
    }
}

fn corpus() -> Vec<(String, Vec<u8>)> {
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

/// Runs one import and checks what holds for any outcome.
fn run_case(name: &str, bytes: &[u8], what: &str) {
    let outcome = catch_unwind(AssertUnwindSafe(|| import_file(name, bytes)));
    match outcome {
        Err(_) => {
            let dump = std::env::temp_dir().join("cohorte-fuzz-panic.bin");
            let _ = fs::write(&dump, bytes);
            panic!(
                "import_file panicked on {what}; input saved to {}",
                dump.display()
            );
        }
        Ok(Ok(snapshot)) => {
            assert!(!snapshot.rows.is_empty(), "{what}: imported without rows");
            let lines_ok = match &snapshot.rows {
                Rows::Profiles(rows) => rows.iter().all(|row| row.line >= 2),
                Rows::Assessment { sheet, rows } => rows.iter().all(|row| {
                    row.line >= 2
                        && row.badges.len() == sheet.badges.len()
                        && row.competences.len() == sheet.competences.len()
                        && row.domains.len() == sheet.domains.len()
                }),
            };
            assert!(lines_ok, "{what}: inconsistent rows");
        }
        Ok(Err(error)) => {
            assert_eq!(error.file_name(), name, "{what}");
            assert!(error.line().is_none_or(|line| line >= 1), "{what}");
            assert!(error.to_string().contains(name), "{what}");
        }
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = Rng::new(seed());
    for case in 0..cases() {
        let bytes = arbitrary_bytes(&mut rng);
        run_case("aleatoire.csv", &bytes, &format!("arbitrary case {case}"));
    }
}

#[test]
fn mutated_exports_never_panic() {
    let corpus = corpus();
    let mut rng = Rng::new(seed() ^ 0xF1C5);
    for case in 0..cases() {
        let (name, original) = &corpus[case % corpus.len()];
        let mut bytes = original.clone();
        let mutations = 1 + rng.below(4);
        for _ in 0..mutations {
            mutate(&mut rng, &mut bytes);
        }
        run_case(
            name,
            &bytes,
            &format!("mutated case {case} of {name} ({mutations} mutations)"),
        );
    }
}

#[test]
fn every_prefix_of_an_export_is_handled() {
    // A download cut at any byte: every outcome is an import or a typed error.
    let bytes = generate_profiles_export(3, 9);
    let step = (bytes.len() / cases().clamp(1, bytes.len())).max(1);
    for end in (0..=bytes.len()).step_by(step) {
        run_case(
            "coupe.csv",
            &bytes[..end],
            &format!("prefix of {end} bytes"),
        );
    }
}
