//! CSV files for spreadsheets: UTF-8 with a BOM (or Excel reads the accents as Windows-1252),
//! `;` (the French Excel default), CRLF, and formula-looking cells defused.

use std::borrow::Cow;

use crate::views::cohort::{Certifiability, ParticipantLine};

/// Rows written by the `csv` crate: a cell is quoted when it holds a `;`, a quote or a line
/// break (quotes doubled); commas and spaces need no quotes in a `;` file.
pub struct CsvWriter {
    csv: csv::Writer<Vec<u8>>,
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvWriter {
    pub fn new() -> Self {
        let mut out = Vec::new();
        out.extend_from_slice("\u{feff}".as_bytes());
        let csv = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            // Rows of any width, so that writing a row into memory has no error to report.
            .flexible(true)
            .from_writer(out);
        CsvWriter { csv }
    }

    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        // Into a `Vec`, rows of any width allowed: the crate has no error to return.
        for cell in cells {
            let _ = self.csv.write_field(guard(cell.as_ref()).as_bytes());
        }
        let _ = self.csv.write_record(None::<&[u8]>);
    }

    pub fn finish(self) -> String {
        // Neither can fail: a `Vec` takes every write, and only `&str` cells went in.
        let bytes = self.csv.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

/// A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula (and some read
/// a leading tab or carriage return the same way): a leading `'` makes it plain text, as Pix
/// does in its own exports.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The words of the participants export, given by the interface.
pub struct ParticipantsCsvLabels<'a> {
    /// Last name, first name, class, sending date, Pix score, certifiability,
    /// certifiable competences.
    pub header: [&'a str; 7],
    pub certifiable: &'a str,
    pub not_certifiable: &'a str,
    pub not_sent: &'a str,
}

/// The participants table as filtered and sorted on screen (`selected` indexes `lines`).
pub fn participants_csv(
    lines: &[ParticipantLine],
    selected: &[usize],
    labels: &ParticipantsCsvLabels<'_>,
) -> String {
    let mut csv = CsvWriter::new();
    csv.row(labels.header);
    for line in selected.iter().filter_map(|&index| lines.get(index)) {
        let status = match line.status {
            Certifiability::Certifiable => labels.certifiable,
            Certifiability::NotCertifiable => labels.not_certifiable,
            Certifiability::NotSent => labels.not_sent,
        };
        let date = line.sent_at.map(|date| date.french()).unwrap_or_default();
        let score = line.score.map(|s| s.to_string()).unwrap_or_default();
        let count = line
            .certifiable_count
            .map(|c| c.to_string())
            .unwrap_or_default();
        csv.row([
            line.last(),
            line.first(),
            line.class(),
            &date,
            &score,
            status,
            &count,
        ]);
    }
    csv.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_cells_are_defused_and_separators_quoted() {
        let mut csv = CsvWriter::new();
        csv.row([
            "=SOMME(A1)",
            "+33 6",
            "-MOINS",
            "@ADMIN",
            "a;b",
            "dit \"oui\"",
            "simple",
        ]);
        assert_eq!(
            csv.finish(),
            "\u{feff}'=SOMME(A1);'+33 6;'-MOINS;'@ADMIN;\"a;b\";\"dit \"\"oui\"\"\";simple\r\n"
        );
    }

    #[test]
    fn the_guard_applies_before_quoting() {
        let mut csv = CsvWriter::new();
        csv.row(["=HYPERLINK(\"http://x\";\"y\")"]);
        assert_eq!(
            csv.finish(),
            "\u{feff}\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"\r\n"
        );
    }

    #[test]
    fn a_leading_tab_or_carriage_return_is_guarded_and_rows_keep_their_width() {
        let mut csv = CsvWriter::new();
        csv.row(["\tonglet", "\rretour", "a"]);
        csv.row(["seul"]);
        csv.row(["", ""]);
        assert_eq!(
            csv.finish(),
            "\u{feff}'\tonglet;\"'\rretour\";a\r\nseul\r\n;\r\n"
        );
    }
}
