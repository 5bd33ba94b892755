//! The CSV dialect: which delimiter, and a one-pass, quote-aware record reader.
//!
//! The reader is hand-written rather than built on the `csv` crate because the importer needs
//! what that crate does not give: the physical line where each record starts (messages
//! name lines, and quoted values may span several), an error for a quote left open (the
//! crate silently swallows the rest of the file), and fields borrowed from the decoded text
//! (`Cow::Borrowed`; only values with doubled quotes are copied). It also keeps the shipped
//! wasm free of the crate's state machine. It runs over the bytes of a `&str` and only
//! splits at ASCII bytes, so every field is valid UTF-8 without re-validation.

use std::borrow::Cow;

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
    let mut best: Option<(u8, usize, usize)> = None;
    for delimiter in DELIMITERS {
        let mut reader = Reader::new(text, delimiter);
        let mut fields = Vec::new();
        let mut width = None;
        let mut consistent = 0usize;
        let mut sampled = 0usize;
        while sampled <= SNIFF_ROWS {
            match reader.next_record(&mut fields) {
                Ok(Some(_)) if is_blank(&fields) => continue,
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => break,
            }
            let found = trimmed_width(&fields);
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

/// Number of fields once trailing empty ones are dropped: spreadsheets pad rows with
/// delimiters up to the widest row of the sheet.
pub fn trimmed_width(fields: &[Cow<'_, str>]) -> usize {
    fields
        .iter()
        .rposition(|field| !field.trim().is_empty())
        .map_or(0, |last| last + 1)
}

/// A record with no content (blank line, or a spreadsheet's row of bare delimiters).
pub fn is_blank(fields: &[Cow<'_, str>]) -> bool {
    fields.iter().all(|field| field.trim().is_empty())
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
    /// A quoted value opened on this line is never closed.
    UnterminatedQuote { line: u32, at_last_line: bool },
}

/// Reads records one after the other from decoded text.
#[derive(Debug)]
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
    delimiter: u8,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, delimiter: u8) -> Self {
        Reader {
            text,
            pos: 0,
            line: 1,
            delimiter,
        }
    }

    /// Fills `fields` with the next record (cleared first). `Ok(None)` at the end of the text.
    pub fn next_record(
        &mut self,
        fields: &mut Vec<Cow<'a, str>>,
    ) -> Result<Option<RecordInfo>, ParseError> {
        fields.clear();
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return Ok(None);
        }
        let line = self.line;
        loop {
            let field = if bytes.get(self.pos) == Some(&b'"') {
                self.quoted_field()?
            } else {
                self.unquoted_field()
            };
            fields.push(field);
            match bytes.get(self.pos) {
                Some(&byte) if byte == self.delimiter => self.pos += 1,
                Some(b'\r') => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    self.line = self.line.saturating_add(1);
                    return Ok(Some(RecordInfo {
                        line,
                        terminated: true,
                    }));
                }
                Some(b'\n') => {
                    self.pos += 1;
                    self.line = self.line.saturating_add(1);
                    return Ok(Some(RecordInfo {
                        line,
                        terminated: true,
                    }));
                }
                _ => {
                    return Ok(Some(RecordInfo {
                        line,
                        terminated: false,
                    }))
                }
            }
        }
    }

    /// Up to the next delimiter or line break; quotes inside are kept as typed.
    fn unquoted_field(&mut self) -> Cow<'a, str> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let delimiter = self.delimiter;
        let end = bytes[start..]
            .iter()
            .position(|&b| b == delimiter || b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |offset| start + offset);
        self.pos = end;
        Cow::Borrowed(self.text.get(start..end).unwrap_or_default())
    }

    /// From an opening quote to its closing quote, `""` standing for one `"`. Line breaks
    /// inside are part of the value and counted, so later line numbers stay physical.
    fn quoted_field(&mut self) -> Result<Cow<'a, str>, ParseError> {
        let bytes = self.text.as_bytes();
        let open_line = self.line;
        let start = self.pos + 1;
        let mut segment = start;
        let mut owned: Option<String> = None;
        let mut i = start;
        loop {
            let Some(&byte) = bytes.get(i) else {
                return Err(ParseError::UnterminatedQuote {
                    line: open_line,
                    at_last_line: self.line == open_line,
                });
            };
            match byte {
                b'"' if bytes.get(i + 1) == Some(&b'"') => {
                    let buffer = owned.get_or_insert_with(String::new);
                    buffer.push_str(self.text.get(segment..=i).unwrap_or_default());
                    i += 2;
                    segment = i;
                }
                b'"' => break,
                b'\n' => {
                    self.line = self.line.saturating_add(1);
                    i += 1;
                }
                b'\r' => {
                    if bytes.get(i + 1) != Some(&b'\n') {
                        self.line = self.line.saturating_add(1);
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        let tail = self.text.get(segment..i).unwrap_or_default();
        self.pos = i + 1;
        let mut value = match owned {
            None => Cow::Borrowed(tail),
            Some(mut buffer) => {
                buffer.push_str(tail);
                Cow::Owned(buffer)
            }
        };
        // Text after the closing quote (`"abc"def`) is kept rather than refused, as
        // spreadsheets do; the record's field count still catches real damage.
        if !matches!(bytes.get(self.pos), None | Some(b'\n' | b'\r'))
            && bytes.get(self.pos) != Some(&self.delimiter)
        {
            let rest = self.unquoted_field();
            value.to_mut().push_str(&rest);
        }
        Ok(value)
    }
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
        let mut fields = Vec::new();
        let mut out = Vec::new();
        while let Some(info) = reader.next_record(&mut fields).unwrap() {
            out.push((info.line, fields.iter().map(|f| f.to_string()).collect()));
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

    #[test]
    fn crlf_and_lone_cr_end_records() {
        let rows = records("a;b\r\nc;d\re;f", b';');
        let lines: Vec<u32> = rows.iter().map(|row| row.0).collect();
        assert_eq!(lines, [1, 2, 3]);
        assert_eq!(rows[2].1, ["e", "f"]);
        let mut reader = Reader::new("a;b\r\nc;d", b';');
        let mut fields = Vec::new();
        assert!(reader.next_record(&mut fields).unwrap().unwrap().terminated);
        assert!(!reader.next_record(&mut fields).unwrap().unwrap().terminated);
    }

    #[test]
    fn unterminated_quote_names_the_line_it_opened_on() {
        let mut reader = Reader::new("a;b\n\"x;y\nz\n", b';');
        let mut fields = Vec::new();
        reader.next_record(&mut fields).unwrap();
        assert_eq!(
            reader.next_record(&mut fields),
            Err(ParseError::UnterminatedQuote {
                line: 2,
                at_last_line: false
            })
        );
    }

    #[test]
    fn text_after_a_closing_quote_is_kept() {
        assert_eq!(records("\"Colle\"Coll;x", b';')[0].1, ["ColleColl", "x"]);
    }

    #[test]
    fn borrowed_unless_quotes_are_doubled() {
        let mut reader = Reader::new("\"plain\";\"a\"\"b\"\n", b';');
        let mut fields = Vec::new();
        reader.next_record(&mut fields).unwrap();
        assert!(matches!(fields[0], Cow::Borrowed("plain")));
        assert!(matches!(fields[1], Cow::Owned(_)));
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
