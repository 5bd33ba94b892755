//! No bytes make the roster reader panic: arbitrary input, and the fixtures mutated (bytes
//! changed, cut, inserted), bare and zipped. Each gives a roster or a `RosterError`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::io::Write;
use std::path::Path;

use cohorte::domain::roster::{looks_like_roster, read_roster, RosterSalt};
use proptest::prelude::*;

fn fixtures() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/roster");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "xml" || ext == "csv")
        })
        .collect();
    paths.sort();
    assert!(paths.len() >= 8, "the roster fixtures are found");
    paths.iter().map(|path| fs::read(path).unwrap()).collect()
}

fn zipped(bytes: &[u8]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    writer
        .start_file("ElevesSansAdresses.xml", options)
        .unwrap();
    writer.write_all(bytes).unwrap();
    writer.finish().unwrap().into_inner()
}

/// Reads and, when it succeeds, keys the roster and renders its report: every step a
/// successful import takes.
fn exercise(bytes: &[u8]) {
    let _ = looks_like_roster(bytes);
    match read_roster("essai.xml", bytes) {
        Ok(file) => {
            assert!(
                !file.entries.is_empty(),
                "a roster with no student is refused"
            );
            let roster = file.into_roster(&RosterSalt::from_random_bytes([1; 16]));
            assert!(!roster.report().to_string().is_empty());
        }
        Err(error) => assert!(error.to_string().contains("essai.xml")),
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Cut(usize),
    Insert(usize, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Set(at, byte)),
        any::<usize>().prop_map(Mutation::Cut),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len().max(1);
        match mutation {
            Mutation::Set(at, byte) => {
                if let Some(slot) = bytes.get_mut(at % len) {
                    *slot = *byte;
                }
            }
            Mutation::Cut(at) => bytes.truncate(at % len),
            Mutation::Insert(at, inserted) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, inserted.iter().copied());
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        exercise(&bytes);
        let mut xml = b"<?xml version=\"1.0\"?><BEE_ELEVES>".to_vec();
        xml.extend(&bytes);
        exercise(&xml);
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend(&bytes);
        exercise(&zip);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
        zip in any::<bool>(),
    ) {
        let all = fixtures();
        let original = all[which.index(all.len())].clone();
        let bytes = mutate(original, &mutations);
        exercise(&bytes);
        if zip {
            exercise(&zipped(&bytes));
            exercise(&mutate(zipped(&bytes), &mutations));
        }
    }
}
