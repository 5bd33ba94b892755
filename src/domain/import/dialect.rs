//! The CSV dialect of the exports: which delimiter, and the records of a text as the `csv`
//! crate splits them, with what the crate does not tell: the physical line a record starts
//! on, whether the file ended inside it, and a quote that never closes (the crate ends such
//! a field at the end of the file without a word, so `open_quote` looks for it).
//!
//! One `ByteRecord` is reused from record to record, the text cells checked as UTF-8 when
//! read. Counted natively (callgrind, `benchmark_work` on 20,000-row exports): 223 M
//! instructions for a profiles collection and 269 M for an assessment, against 282 M and
//! 322 M with a `StringRecord`, which checks every cell, numbers included. serde's
//! `deserialize` does not fit: the columns are found by their header at run time (aliases
//! of every export version, 32 competence columns in any order), not fixed in a struct.

use csv::ByteRecord;

/// Delimiters found in the wild: Pix writes `;`; spreadsheets re-save with `;`, `,`
/// (English settings) or tab ("Texte Unicode").
pub const DELIMITERS: [u8; 3] = [b';', b',', b'\t'];

/// How many records after the header the delimiter guess looks at.
const SNIFF_ROWS: usize = 20;

/// Picks the delimiter from the header line and the consistency of the rows that follow.
///
/// The header decides most of the time (Pix headers never contain a bare delimiter).
/// Rows break ties and catch the trap of decimal commas: in a `;` file, `0,67` adds commas
/// to data rows but not to the header, so `,` never gives a stable field count.
pub fn detect_delimiter(text: &str) -> u8 {
    if let Some(delimiter) = sep_hint(text) {
        return delimiter;
    }
    let mut best: Option<(u8, usize, usize)> = None;
    for delimiter in DELIMITERS {
        let mut reader = Reader::new(text, delimiter);
        let mut record = Record::new();
        let mut width = None;
        let mut consistent = 0usize;
        let mut sampled = 0usize;
        while sampled <= SNIFF_ROWS {
            match reader.next_record(&mut record) {
                Ok(Some(_)) if record.is_blank() => continue,
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => break,
            }
            let found = record.width();
            match width {
                None => width = Some(found),
                Some(expected) if found == expected => consistent += 1,
                Some(_) => {}
            }
            sampled += 1;
        }
        let Some(width) = width.filter(|&width| width >= 2) else {
            continue;
        };
        let rows = sampled.saturating_sub(1);
        // Share of consistent rows first (a delimiter that splits rows unevenly is wrong),
        // then the number of columns (the real delimiter splits the header the most).
        let score = (consistent * 1000).checked_div(rows).unwrap_or(1000);
        let better = match best {
            None => true,
            Some((_, best_score, best_width)) => (score, width) > (best_score, best_width),
        };
        if better {
            best = Some((delimiter, score, width));
        }
    }
    best.map_or(b';', |(delimiter, _, _)| delimiter)
}

/// The `sep=;` first line some tools write so that Excel picks the right delimiter.
pub fn sep_hint(text: &str) -> Option<u8> {
    let hint = text.as_bytes().get(..5)?;
    let delimiter = hint[4];
    (hint[..4].eq_ignore_ascii_case(b"sep=") && DELIMITERS.contains(&delimiter))
        .then_some(delimiter)
}

/// Where a record sits in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordInfo {
    /// 1-based physical line where the record starts.
    pub line: u32,
    /// `false` when the file ended inside this record without a final line break: Pix ends
    /// every line with one, so a short record there means a truncated file.
    pub terminated: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// A quoted value opened on this line is never closed. `at_last_line`: no line break
    /// follows the opening quote, the mark of a download cut short.
    UnterminatedQuote { line: u32, at_last_line: bool },
}

/// The fields of one record, reused from record to record.
#[derive(Debug, Default)]
pub struct Record {
    fields: ByteRecord,
}

impl Record {
    pub fn new() -> Self {
        Record::default()
    }

    /// Number of fields, trailing empty ones included.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The field as read (unquoted, `""` made `"`), not trimmed. The record is read from a
    /// `&str` and the crate only splits at ASCII bytes, so every field is UTF-8: checking
    /// it here, for the text cells only, spares the number cells a `StringRecord`'s check.
    #[inline]
    pub fn get(&self, index: usize) -> Option<&str> {
        std::str::from_utf8(self.fields.get(index)?).ok()
    }

    /// The field's bytes (`b""` past the end), for cells read as numbers.
    #[inline]
    pub fn bytes(&self, index: usize) -> &[u8] {
        self.fields.get(index).unwrap_or_default()
    }

    pub fn fields(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|index| self.get(index).unwrap_or_default())
    }

    /// Number of fields once trailing empty ones are dropped: spreadsheets pad rows with
    /// delimiters up to the widest row of the sheet.
    pub fn width(&self) -> usize {
        (0..self.len())
            .rev()
            .find(|&index| !self.get(index).unwrap_or_default().trim().is_empty())
            .map_or(0, |last| last + 1)
    }

    /// No content: a blank line, or a spreadsheet's row of bare delimiters.
    pub fn is_blank(&self) -> bool {
        // The usual record starts with a visible character: no field by field trimming.
        if self.bytes(0).first().is_some_and(u8::is_ascii_graphic) {
            return false;
        }
        self.fields().all(|field| field.trim().is_empty())
    }
}

/// Reads records one after the other from decoded text, with the `csv` crate.
pub struct Reader<'a> {
    text: &'a str,
    csv: csv::Reader<&'a [u8]>,
    delimiter: u8,
    /// The file ends its lines with a lone `\r` (classic Mac, Excel's "CSV (Macintosh)"):
    /// the crate counts lines by `\n`, so lines are counted here instead.
    lone_cr_lines: Option<LineCount>,
}

/// Line breaks counted up to a byte offset, for files whose lines end with a lone `\r`.
#[derive(Clone, Copy, Debug)]
struct LineCount {
    offset: usize,
    line: u32,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, delimiter: u8) -> Self {
        let csv = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            // Field counts are checked by the import, with its own messages.
            .flexible(true)
            .from_reader(text.as_bytes());
        let first_break = text.bytes().position(|byte| byte == b'\n' || byte == b'\r');
        let lone_cr = first_break.is_some_and(|at| {
            text.as_bytes().get(at) == Some(&b'\r') && text.as_bytes().get(at + 1) != Some(&b'\n')
        });
        Reader {
            text,
            csv,
            delimiter,
            lone_cr_lines: lone_cr.then_some(LineCount { offset: 0, line: 1 }),
        }
    }

    /// Byte offset in the text where the reader stands: the end of the last record read.
    pub fn position(&self) -> usize {
        usize::try_from(self.csv.position().byte()).unwrap_or(usize::MAX)
    }

    /// The text not read yet.
    pub fn rest(&self) -> &'a str {
        self.text.get(self.position()..).unwrap_or_default()
    }

    /// Fills `record` with the next record. `Ok(None)` at the end of the text.
    pub fn next_record(&mut self, record: &mut Record) -> Result<Option<RecordInfo>, ParseError> {
        // Reading from a byte slice, the crate has no I/O error to report, nor UTF-8 to
        // check in a `ByteRecord`: an error is the end of the text as well.
        if !self
            .csv
            .read_byte_record(&mut record.fields)
            .unwrap_or(false)
        {
            return Ok(None);
        }
        let bytes = self.text.as_bytes();
        // The crate's position is where the record before it ended: the empty lines it
        // skipped (and the `\n` of a `\r\n`) come before the record's own first byte.
        let (after_previous, line_there) = match record.fields.position() {
            Some(position) => (
                usize::try_from(position.byte()).unwrap_or(usize::MAX),
                position.line(),
            ),
            None => (0, 1),
        };
        let skipped = bytes
            .get(after_previous..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&byte| byte == b'\n' || byte == b'\r');
        let start = after_previous + skipped.clone().count();
        let line = match &mut self.lone_cr_lines {
            Some(count) => {
                let between = bytes.get(count.offset..start).unwrap_or_default();
                count.line = count.line.saturating_add(count_line_breaks(between));
                count.offset = start;
                count.line
            }
            None => {
                let newlines = skipped.filter(|&&byte| byte == b'\n').count() as u64;
                u32::try_from(line_there + newlines).unwrap_or(u32::MAX)
            }
        };
        let end = self.position();
        if end < bytes.len() {
            return Ok(Some(RecordInfo {
                line,
                terminated: true,
            }));
        }
        let rest = bytes.get(start..).unwrap_or_default();
        if let Some(quote) = open_quote(rest, self.delimiter) {
            let (before, after) = rest.split_at(quote);
            return Err(ParseError::UnterminatedQuote {
                line: line.saturating_add(count_line_breaks(before)),
                at_last_line: !after.iter().any(|&byte| byte == b'\n' || byte == b'\r'),
            });
        }
        Ok(Some(RecordInfo {
            line,
            terminated: matches!(bytes.last(), Some(b'\n' | b'\r')),
        }))
    }
}

/// The offset of a quote that opens a field of `record` and never closes, read the way the
/// `csv` crate reads quotes: only a quote that starts a field opens one, `""` inside stands
/// for a quote, and anything after the closing quote belongs to the field.
fn open_quote(record: &[u8], delimiter: u8) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted(usize),
        /// A quote inside a quoted field: the closing one, or the first of `""`.
        QuoteInQuoted(usize),
    }
    let mut state = State::FieldStart;
    for (at, &byte) in record.iter().enumerate() {
        let ends_field = byte == delimiter || byte == b'\n' || byte == b'\r';
        state = match state {
            State::FieldStart if byte == b'"' => State::Quoted(at),
            State::Quoted(open) if byte == b'"' => State::QuoteInQuoted(open),
            State::Quoted(open) => State::Quoted(open),
            State::QuoteInQuoted(open) if byte == b'"' => State::Quoted(open),
            _ if ends_field => State::FieldStart,
            _ => State::Unquoted,
        };
    }
    match state {
        State::Quoted(open) => Some(open),
        _ => None,
    }
}

/// Line breaks in a slice: `\r\n`, `\n` and a lone `\r` count one each.
fn count_line_breaks(slice: &[u8]) -> u32 {
    let mut count = 0u32;
    for (index, &byte) in slice.iter().enumerate() {
        let lone_cr = byte == b'\r' && slice.get(index + 1) != Some(&b'\n');
        if byte == b'\n' || lone_cr {
            count = count.saturating_add(1);
        }
    }
    count
}

/// Removes Pix's formula-injection guard: a `'` that Pix puts before a value starting with
/// `=`, `+`, `-` or `@` so that spreadsheets show it as text.
pub fn strip_formula_guard(value: &str) -> &str {
    match value.as_bytes() {
        [b'\'', b'=' | b'+' | b'-' | b'@', ..] => &value[1..],
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str, delimiter: u8) -> Vec<(u32, Vec<String>)> {
        let mut reader = Reader::new(text, delimiter);
        let mut record = Record::new();
        let mut out = Vec::new();
        while let Some(info) = reader.next_record(&mut record).unwrap() {
            out.push((info.line, record.fields().map(str::to_owned).collect()));
        }
        out
    }

    #[test]
    fn semicolon_file_with_decimal_commas_stays_semicolon() {
        let text = "\"Nom\";\"Taux\";\"Acquis\"\n\"A\";0,67;3\n\"B\";0,5;2\n\"C\";1;4\n";
        assert_eq!(detect_delimiter(text), b';');
    }

    #[test]
    fn comma_and_tab_files_are_recognised() {
        let comma = "Nom,Prénom,Classe\nDUPONT,Léa,3A\nMARTIN,\"Jean;Pierre\",3B\n";
        assert_eq!(detect_delimiter(comma), b',');
        let tab = "Nom\tPrénom\tTaux\nDUPONT\tLéa\t0,5\n";
        assert_eq!(detect_delimiter(tab), b'\t');
    }

    #[test]
    fn unquoted_commas_in_a_semicolon_header_do_not_win() {
        // Excel re-save: minimal quoting, and competence names contain a comma.
        let text = "Nom;Niveau santé, bien-être;Pix santé, bien-être;Total\r\n\
                    A;1;8;8\r\nB;0;3;3\r\n";
        assert_eq!(detect_delimiter(text), b';');
    }

    #[test]
    fn quoted_newlines_and_doubled_quotes() {
        let text = "a;\"O'CONNOR \"\"LE GRAND\"\"\";\"deux\nlignes\";z\nb;c;d;e\n";
        let rows = records(text, b';');
        assert_eq!(rows[0].0, 1);
        assert_eq!(
            rows[0].1,
            ["a", "O'CONNOR \"LE GRAND\"", "deux\nlignes", "z"]
        );
        // The second record starts on physical line 3.
        assert_eq!(
            rows[1],
            (3, vec!["b".into(), "c".into(), "d".into(), "e".into()])
        );
    }

    /// Why: the crate reports where the record before ended, which is before the empty
    /// lines it skips; a row's line is the one people find in their spreadsheet.
    #[test]
    fn lines_stay_physical_across_blank_lines_and_every_line_ending() {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["a;b", "", "", "c;d", "\"e", "f\";g", "", "h;i"].join(ending);
            let lines: Vec<u32> = records(&text, b';').iter().map(|row| row.0).collect();
            assert_eq!(lines, [1, 4, 5, 8], "{ending:?}");
        }
    }

    #[test]
    fn a_record_without_a_final_line_break_is_not_terminated() {
        let mut reader = Reader::new("a;b\r\nc;d", b';');
        let mut record = Record::new();
        assert!(reader.next_record(&mut record).unwrap().unwrap().terminated);
        assert!(!reader.next_record(&mut record).unwrap().unwrap().terminated);
        assert_eq!(reader.next_record(&mut record), Ok(None));
        let mut reader = Reader::new("a;\"b\"\n\n", b';');
        assert!(reader.next_record(&mut record).unwrap().unwrap().terminated);
    }

    /// Why: the crate closes a quote left open at the end of the file and hands over
    /// everything after it as one value; the file must be refused with the quote's line.
    #[test]
    fn unterminated_quote_names_the_line_it_opened_on() {
        let mut reader = Reader::new("a;b\nc;\"x;y\nz\n", b';');
        let mut record = Record::new();
        reader.next_record(&mut record).unwrap();
        assert_eq!(
            reader.next_record(&mut record),
            Err(ParseError::UnterminatedQuote {
                line: 2,
                at_last_line: false
            })
        );
        let mut reader = Reader::new("a;b\nc;d\n\"cut", b';');
        reader.next_record(&mut record).unwrap();
        reader.next_record(&mut record).unwrap();
        assert_eq!(
            reader.next_record(&mut record),
            Err(ParseError::UnterminatedQuote {
                line: 3,
                at_last_line: true
            })
        );
    }

    #[test]
    fn quotes_that_close_or_do_not_open_a_field_are_no_open_quote() {
        for closed in [
            &b"\"a\";b\n"[..],
            b"\"a\"\"b\"",
            b"\"a\"x\"y",
            b"ab\"c;d",
            b"\"\"",
            b"a;\"b\nc\"",
        ] {
            assert_eq!(open_quote(closed, b';'), None, "{closed:?}");
        }
        assert_eq!(open_quote(b"a;\"b\"\"c", b';'), Some(2));
        assert_eq!(open_quote(b"\"a\";\"", b';'), Some(4));
        assert_eq!(open_quote(b"x,\"a;b", b','), Some(2));
    }

    #[test]
    fn text_after_a_closing_quote_is_kept() {
        assert_eq!(records("\"Colle\"Coll;x", b';')[0].1, ["ColleColl", "x"]);
    }

    #[test]
    fn width_drops_trailing_empty_fields() {
        let mut reader = Reader::new("\"plain\";\"a\"\"b\";\"c\"d;; \n;;\n", b';');
        let mut record = Record::new();
        reader.next_record(&mut record).unwrap();
        assert_eq!(
            record.fields().collect::<Vec<_>>(),
            ["plain", "a\"b", "cd", "", " "]
        );
        assert_eq!((record.len(), record.width()), (5, 3));
        assert!(!record.is_blank());
        reader.next_record(&mut record).unwrap();
        assert!(record.is_blank());
    }

    #[test]
    fn formula_guard_is_removed_only_before_formula_characters() {
        assert_eq!(strip_formula_guard("'=Bono"), "=Bono");
        assert_eq!(strip_formula_guard("'@Jean"), "@Jean");
        assert_eq!(strip_formula_guard("'+33 DUPONT"), "+33 DUPONT");
        assert_eq!(strip_formula_guard("'-MOINS"), "-MOINS");
        assert_eq!(strip_formula_guard("O'CONNOR"), "O'CONNOR");
        assert_eq!(strip_formula_guard("'Quote"), "'Quote");
        assert_eq!(strip_formula_guard("'"), "'");
    }
}
