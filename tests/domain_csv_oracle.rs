//! The `csv` crate as an independent reference for Cohorte's own CSV code: the hand-written
//! reader (kept for speed and for its error reporting, see `domain::dialect`) must split
//! every fixture into the same records as the crate, and the files Cohorte writes must read
//! back, through the crate, into the cells that were written.

mod common;

use std::fs;

use cohorte::domain::decode::decode;
use cohorte::domain::dialect::{detect_delimiter, Reader, Record};
use cohorte::domain::export_csv::CsvWriter;

/// Non-blank records as the crate reads them: it skips empty lines, Cohorte skips blank ones.
fn crate_records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| record.expect("the crate reads the fixture"))
        .filter(|record| record.iter().any(|field| !field.trim().is_empty()))
        .map(|record| record.iter().map(str::to_owned).collect())
        .collect()
}

fn cohorte_records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let mut reader = Reader::new(text, delimiter);
    let mut record = Record::new();
    let mut records = Vec::new();
    while reader
        .next_record(&mut record)
        .expect("Cohorte reads the fixture")
        .is_some()
    {
        if !record.is_blank() {
            records.push(record.fields().map(str::to_owned).collect());
        }
    }
    records
}

#[test]
fn the_reader_splits_every_valid_fixture_like_the_csv_crate() {
    let mut compared = 0;
    for entry in fs::read_dir(common::fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("csv") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        let decoded = decode(&bytes).unwrap_or_else(|error| panic!("{path:?}: {error:?}"));
        // The crate has no notion of the BOM that decoding keeps out of the text.
        let text = decoded.text.trim_start_matches('\u{feff}');
        let delimiter = detect_delimiter(text);
        let ours = cohorte_records(text, delimiter);
        let reference = crate_records(text, delimiter);
        assert_eq!(ours.len(), reference.len(), "{path:?}: record count");
        for (line, (a, b)) in ours.iter().zip(&reference).enumerate() {
            assert_eq!(a, b, "{path:?}: record {line}");
        }
        compared += 1;
    }
    // An empty folder would let the loop pass without comparing anything.
    assert!(compared >= 5, "only {compared} fixtures compared");
}

#[test]
fn written_cells_read_back_through_the_csv_crate() {
    let tricky = [
        "DUPONT; Léa",
        "dit \"le Grand\"",
        "ligne 1\nligne 2",
        " espaces autour ",
        "=SOMME(A1:A3)",
        "-12",
        "1,5",
        "",
    ];
    let mut writer = CsvWriter::new();
    writer.row(["Nom", "Valeur"]);
    for cell in tricky {
        writer.row(["x", cell]);
    }
    let text = writer.finish();
    let text = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
    let records = crate_records(text, b';');
    assert_eq!(records.len(), tricky.len() + 1);
    for (record, cell) in records[1..].iter().zip(tricky) {
        // Formula-looking cells come back with the guard quote, as spreadsheets show them.
        let expected = if cell.starts_with(['=', '-']) {
            format!("'{cell}")
        } else {
            cell.to_owned()
        };
        assert_eq!(record, &vec!["x".to_owned(), expected]);
    }
}
