//! CSV written, then read. Property tests (proptest): the files Cohorte writes read back,
//! through the `csv` crate and through Cohorte's reader, into the cells that were written
//! (formula-looking ones with their guard); and a Pix export generated from participants,
//! in any of the dialects spreadsheets re-save, imports to exactly those participants.
//!
//! Cases per property: see `common::proptest_cases` (`PROPTEST_CASES` for a long run).

// proptest is a native dev-dependency only (see Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cohorte::domain::export::{guard, participants_csv, CsvWriter, ParticipantsCsvLabels};
use cohorte::domain::generate::profiles_header;
use cohorte::domain::import::dialect::{Reader, Record};
use cohorte::domain::import::import_file;
use cohorte::domain::model::competences::COMPETENCE_COUNT;
use cohorte::domain::model::snapshot::{Learner, LocalDateTime, Profile, ProfileRow, Rows};
use cohorte::domain::views::cohort::participant_lines;
use proptest::prelude::*;

/// Records as the crate reads them: `;`, no header, rows of any width.
fn crate_records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            let record = record.expect("the crate reads what Cohorte wrote");
            record.iter().map(str::to_owned).collect()
        })
        .collect()
}

fn cohorte_records(text: &str) -> Vec<Vec<String>> {
    let mut reader = Reader::new(text, b';');
    let mut record = Record::new();
    let mut records = Vec::new();
    while reader
        .next_record(&mut record)
        .expect("Cohorte reads what it wrote")
        .is_some()
    {
        records.push(record.fields().map(str::to_owned).collect());
    }
    records
}

/// Cells that steer a writer into its corners, and any text at all.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zé ;,\"'\t\r\n=+@-]{0,12}",
        any::<String>(),
        Just(String::new()),
    ]
}

/// A row with at least one cell: a row of none is an empty line, which readers skip.
fn rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(cell(), 1..8), 1..12)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases(1_500)))]

    /// Why: every CSV Cohorte offers goes through `CsvWriter`; a spreadsheet (here the csv
    /// crate, and Cohorte itself for a file imported back) must see the cells as written,
    /// with the guard before formula-looking ones, in a file Excel opens as UTF-8.
    #[test]
    fn written_cells_read_back_as_written(rows in rows()) {
        let mut writer = CsvWriter::new();
        for row in &rows {
            writer.row(row);
        }
        let text = writer.finish();
        let body = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
        prop_assert!(body.ends_with("\r\n"));
        let expected: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|cell| guard(cell).into_owned()).collect())
            .collect();
        for cell in expected.iter().flatten() {
            prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
        }
        prop_assert_eq!(&crate_records(body), &expected);
        prop_assert_eq!(&cohorte_records(body), &expected);
    }
}

/// A participant of a generated export.
#[derive(Clone, Debug)]
struct Participant {
    last: String,
    first: String,
    class: String,
    sent: Option<Sent>,
}

#[derive(Clone, Debug)]
struct Sent {
    at: LocalDateTime,
    total_pix: u32,
    certifiable: bool,
    certifiable_count: u8,
    levels: [u8; COMPETENCE_COUNT],
    pix: [u8; COMPETENCE_COUNT],
}

/// A name as people type them: accents, apostrophes, quotes, delimiters, line breaks and
/// formula characters inside, never spaces around (the import trims cells) nor a leading
/// `'` (which would read as Pix's formula guard). No `\r` inside: where a lone carriage
/// return inside a quoted cell starts a line is a matter of taste, not of this property.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ’\";,=+@-]([A-Za-zÀ-ÿ '’\";,\t\n=+@-]{0,10}[A-Za-zÀ-ÿ’\";,=+@-])?"
}

fn sent() -> impl Strategy<Value = Sent> {
    (
        (2020u16..2030, 1u8..=12, 1u8..=28, 0u16..24 * 60),
        0u32..2000,
        any::<bool>(),
        0u8..=16,
        prop::array::uniform16(0u8..=8),
        prop::array::uniform16(0u8..=64),
    )
        .prop_map(
            |((year, month, day, minutes), total_pix, certifiable, count, levels, pix)| Sent {
                at: LocalDateTime {
                    year,
                    month,
                    day,
                    minutes: Some(minutes),
                },
                total_pix,
                certifiable,
                certifiable_count: count,
                levels,
                pix,
            },
        )
}

fn participant() -> impl Strategy<Value = Participant> {
    (
        name(),
        name(),
        prop_oneof![Just(String::new()), "[0-9][A-Z]{1,2}", name()],
        prop::option::weighted(0.8, sent()),
    )
        .prop_map(|(last, first, class, sent)| Participant {
            last,
            first,
            class,
            sent,
        })
}

/// How the file was saved: Pix itself, or a spreadsheet's re-save.
#[derive(Clone, Copy, Debug)]
struct Dialect {
    delimiter: u8,
    crlf: bool,
    bom: bool,
}

fn dialect() -> impl Strategy<Value = Dialect> {
    (
        prop::sample::select(vec![b';', b',', b'\t']),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(delimiter, crlf, bom)| Dialect {
            delimiter,
            crlf,
            bom,
        })
}

/// Pix's own guard before a value a spreadsheet would run as a formula.
fn pix_text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// A current profiles-collection export of `participants`, written the way Pix writes it
/// (every text quoted, numbers bare) in `dialect`.
fn export(campaign: &str, participants: &[Participant], dialect: Dialect) -> Vec<u8> {
    let mut out = Vec::new();
    if dialect.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let terminator = if dialect.crlf {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .terminator(terminator)
        .quote_style(csv::QuoteStyle::NonNumeric)
        .from_writer(out);
    let header = profiles_header();
    writer.write_record(&header).unwrap();
    for participant in participants {
        let mut cells = vec![
            "Collège Jean Moulin".to_owned(),
            "4242".to_owned(),
            "PXQTRB417".to_owned(),
            pix_text(campaign),
            pix_text(&participant.last),
            pix_text(&participant.first),
            pix_text(&participant.class),
        ];
        match &participant.sent {
            None => {
                cells.push("Non".to_owned());
                cells.extend(std::iter::repeat_n(
                    "NA".to_owned(),
                    4 + 2 * COMPETENCE_COUNT,
                ));
            }
            Some(sent) => {
                let at = sent.at;
                let minutes = at.minutes.unwrap_or_default();
                cells.push("Oui".to_owned());
                cells.push(format!(
                    "{:02}/{:02}/{} {:02}:{:02}",
                    at.day,
                    at.month,
                    at.year,
                    minutes / 60,
                    minutes % 60
                ));
                cells.push(sent.total_pix.to_string());
                cells.push(if sent.certifiable { "Oui" } else { "Non" }.to_owned());
                cells.push(sent.certifiable_count.to_string());
                for (level, pix) in sent.levels.iter().zip(&sent.pix) {
                    cells.push(level.to_string());
                    cells.push(pix.to_string());
                }
            }
        }
        writer.write_record(&cells).unwrap();
    }
    writer.into_inner().unwrap()
}

/// The rows the import must give: lines counted from the header's line 1, the line breaks
/// of the names and of the campaign's name (on every row) included.
fn expected_rows(campaign: &str, participants: &[Participant]) -> Vec<ProfileRow> {
    let mut line = 2u32;
    participants
        .iter()
        .map(|participant| {
            let class = Some(participant.class.as_str()).filter(|class| !class.is_empty());
            let row = ProfileRow {
                line,
                learner: Learner::new(&participant.last, &participant.first, class, None, None),
                profile: participant.sent.as_ref().map(|sent| Profile {
                    sent_at: sent.at,
                    total_pix: sent.total_pix,
                    levels: sent.levels,
                    pix: sent.pix,
                    file_certifiable: Some(sent.certifiable),
                    file_certifiable_count: Some(sent.certifiable_count),
                }),
            };
            let breaks = [
                campaign,
                &participant.last,
                &participant.first,
                &participant.class,
            ]
            .iter()
            .map(|text| text.matches('\n').count() as u32)
            .sum::<u32>();
            line += 1 + breaks;
            row
        })
        .collect()
}

const LABELS: ParticipantsCsvLabels<'static> = ParticipantsCsvLabels {
    header: [
        "Nom",
        "Prénom",
        "Classe",
        "Date d'envoi",
        "Score Pix",
        "Certificabilité",
        "Compétences certifiables",
    ],
    certifiable: "Certifiable",
    not_certifiable: "Non certifiable",
    not_sent: "Profil non envoyé",
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::proptest_cases(1_000)))]

    /// Why: whatever the names and however a spreadsheet re-saved the file (delimiter,
    /// line endings, BOM), the import must give back each participant as generated, on the
    /// line where the participant's row starts; and the participants list Cohorte then
    /// writes must carry the same names, guarded.
    #[test]
    fn a_generated_export_imports_to_its_participants(
        campaign in name(),
        participants in prop::collection::vec(participant(), 1..25),
        dialect in dialect(),
    ) {
        let bytes = export(&campaign, &participants, dialect);
        let snapshot = import_file("genere.csv", &bytes)
            .map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(&snapshot.campaign.name, &campaign);
        prop_assert_eq!(snapshot.campaign.id, 4242);
        prop_assert_eq!(snapshot.campaign.code.as_deref(), Some("PXQTRB417"));
        let Rows::Profiles(rows) = &snapshot.rows else {
            return Err(TestCaseError::fail("not read as a profiles collection"));
        };
        prop_assert_eq!(rows, &expected_rows(&campaign, &participants));

        let lines = participant_lines(rows);
        let selected: Vec<usize> = (0..lines.len()).collect();
        let text = participants_csv(&lines, &selected, &LABELS);
        let records = crate_records(text.strip_prefix('\u{feff}').expect("a BOM"));
        prop_assert_eq!(records.len(), lines.len() + 1);
        prop_assert_eq!(&records[0], &LABELS.header.map(String::from).to_vec());
        for (record, line) in records[1..].iter().zip(&lines) {
            let names = [line.last(), line.first(), line.class()].map(|name| guard(name).into_owned());
            prop_assert_eq!(&record[..3], &names[..]);
        }
    }
}
