//! The CSV dialect: which delimiter, and a one-pass, quote-aware record reader.
//!
//! The reader is hand-written rather than built on the `csv` crate: that crate copies every
//! field into its own record buffer (and `StringRecord` validates UTF-8 a second time),
//! whereas here a field is a byte range of the decoded text, and only the rare value with
//! doubled quotes is rewritten into a per-record buffer that is reused. It also reports a
//! quote left open (the crate ends the field at the end of the file without a word), and it
//! keeps the crate's state machine out of the shipped wasm. It only splits at ASCII bytes,
//! so every field of a `&str` is valid UTF-8 without re-validation.

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
    /// A quoted value opened on this line is never closed.
    UnterminatedQuote { line: u32, at_last_line: bool },
}

/// A field: a byte range of the text, or of the record's own buffer for the rare value that
/// had to be rewritten (doubled quotes, text after the closing quote).
#[derive(Clone, Copy, Debug)]
struct Span {
    start: usize,
    end: usize,
    rewritten: bool,
}

/// The fields of one record. Reused from record to record, so reading a file allocates
/// nothing per record once the first one has sized the buffers.
#[derive(Debug, Default)]
pub struct Record<'a> {
    text: &'a str,
    /// The fields are `slots[..len]`; the slots past `len` are spare, written without a
    /// `Vec::push`, which the size-optimised build leaves a call (a field costs a few
    /// instructions otherwise).
    slots: Vec<Span>,
    len: usize,
    rewritten: String,
    /// The values of the reader's number block (`Reader::read_numbers_at`), when every cell
    /// of it was one or two digits: `numbers[..count]` from field `first`.
    numbers: [u8; MAX_NUMBERS],
    numbers_read: Option<NumberBlock>,
}

/// Most cells a number block holds: the 16 levels and 16 pix of a profile.
pub const MAX_NUMBERS: usize = 32;

/// Consecutive fields read as small numbers while the record is split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NumberBlock {
    first: usize,
    count: usize,
}

impl<'a> Record<'a> {
    pub fn new() -> Self {
        Record::default()
    }

    /// Number of fields, trailing empty ones included.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The field as read (unquoted, `""` made `"`), not trimmed.
    #[inline]
    pub fn get(&self, index: usize) -> Option<&str> {
        let span = self.spans().get(index)?;
        let source = if span.rewritten {
            self.rewritten.as_str()
        } else {
            self.text
        };
        source.get(span.start..span.end)
    }

    /// The field's bytes (`b""` past the end), for cells read as numbers: no UTF-8
    /// boundary checks. Forced inline: the size-optimised build kept it a call, a tenth of
    /// the import natively.
    #[inline(always)]
    pub fn bytes(&self, index: usize) -> &[u8] {
        let Some(span) = self.spans().get(index) else {
            return b"";
        };
        let source = if span.rewritten {
            self.rewritten.as_bytes()
        } else {
            self.text.as_bytes()
        };
        source.get(span.start..span.end).unwrap_or_default()
    }

    /// Fills `values` from the fields that follow `first` when each is one or two ASCII
    /// digits, as Pix writes levels and pix; `false` otherwise, and the caller reads the
    /// cells one by one. One pass over the spans, without a lookup per cell.
    pub fn small_numbers(&self, first: usize, values: &mut [u8]) -> bool {
        let block = NumberBlock {
            first,
            count: values.len(),
        };
        if self.numbers_read == Some(block) {
            if let Some(numbers) = self.numbers.get(..block.count) {
                values.copy_from_slice(numbers);
                return true;
            }
        }
        let Some(spans) = self.spans().get(first..first.saturating_add(values.len())) else {
            return false;
        };
        let text = self.text.as_bytes();
        let digit = |byte: u8| byte.wrapping_sub(b'0');
        for (span, value) in spans.iter().zip(values) {
            let digits = match text.get(span.start..span.end) {
                Some(digits) if !span.rewritten => digits,
                _ => return false,
            };
            *value = match *digits {
                [units] if digit(units) <= 9 => digit(units),
                [tens, units] if digit(tens) <= 9 && digit(units) <= 9 => {
                    digit(tens) * 10 + digit(units)
                }
                _ => return false,
            };
        }
        true
    }

    pub fn fields(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len).map(|index| self.get(index).unwrap_or_default())
    }

    /// Number of fields once trailing empty ones are dropped: spreadsheets pad rows with
    /// delimiters up to the widest row of the sheet.
    pub fn width(&self) -> usize {
        (0..self.len)
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

    // Inline: every cell read goes through it, and a call per cell showed in the profile.
    #[inline(always)]
    fn spans(&self) -> &[Span] {
        self.slots.get(..self.len).unwrap_or_default()
    }

    #[inline(always)]
    fn push(&mut self, span: Span) {
        if self.len == self.slots.len() {
            self.grow();
        }
        if let Some(slot) = self.slots.get_mut(self.len) {
            *slot = span;
            self.len += 1;
        }
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let spare = Span {
            start: 0,
            end: 0,
            rewritten: false,
        };
        self.slots.resize((self.slots.len() * 2).max(64), spare);
    }

    fn clear(&mut self, text: &'a str) {
        self.text = text;
        self.len = 0;
        self.rewritten.clear();
        self.numbers_read = None;
    }
}

/// Where `Reader::number_cells` stopped.
enum Cells {
    /// The block was read; the next field starts here.
    Continue(usize),
    /// The record ended in or right after the block, its last field stopping here.
    RecordEnd(usize),
    /// This field is not one or two digits followed by a delimiter or a line break.
    Other(usize),
}

/// Reads records one after the other from decoded text.
#[derive(Debug)]
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: u32,
    delimiter: u8,
    number_block: Option<NumberBlock>,
    /// How many leading fields every record is expected to repeat, and the last record's
    /// such fields (`Reader::repeat_fields`).
    repeated_fields: usize,
    repeated: Option<RepeatedFields>,
}

/// The first fields of a record, up to and with the delimiter that follows them, and their
/// spans relative to the record's start.
#[derive(Debug)]
struct RepeatedFields {
    start: usize,
    length: usize,
    spans: Vec<Span>,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, delimiter: u8) -> Self {
        Reader {
            text,
            pos: 0,
            line: 1,
            delimiter,
            number_block: None,
            repeated_fields: 0,
            repeated: None,
        }
    }

    /// From now on, records are expected to start with the same `count` fields as the one
    /// before (a Pix export repeats its organisation and campaign on every row): when the
    /// bytes are the same, so are the fields, which are then copied rather than read again.
    /// Records that do not repeat them are read as usual.
    pub fn repeat_fields(&mut self, count: usize) {
        self.repeated_fields = count;
        self.repeated = None;
    }

    /// From now on, the `count` fields from field `first` are also read as numbers of one
    /// or two digits while records are split, for `Record::small_numbers`: a profile row is
    /// mostly its 32 levels and pix, and digits read on the way cost a fraction of a field
    /// stored and read again. Splitting is unchanged, whatever the cells hold.
    pub fn read_numbers_at(&mut self, first: usize, count: usize) {
        self.number_block = Some(NumberBlock {
            first,
            count: count.min(MAX_NUMBERS),
        });
    }

    /// Byte offset of the next record in the text.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The text not read yet.
    pub fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or_default()
    }

    /// Fills `record` with the next record. `Ok(None)` at the end of the text.
    pub fn next_record(
        &mut self,
        record: &mut Record<'a>,
    ) -> Result<Option<RecordInfo>, ParseError> {
        record.clear(self.text);
        if let Some(info) = self.plain_record(record) {
            return Ok(Some(info));
        }
        record.clear(self.text);
        self.any_record(record)
    }

    /// The common record, read fast: quoted values hold no line break and no doubled quote,
    /// and nothing follows a closing quote. A word of text at a time, each delimiter found
    /// in it ends a field, so a run of short numbers costs a few operations per cell.
    /// `None`, with nothing consumed, for anything else (and at the end of the text).
    fn plain_record(&mut self, record: &mut Record<'a>) -> Option<RecordInfo> {
        let bytes = self.text.as_bytes();
        let delimiter = self.delimiter;
        let mut field_start = self.pos;
        if field_start >= bytes.len() {
            return None;
        }
        let record_start = field_start;
        let mut reused = false;
        if let Some(repeated) = &self.repeated {
            let (before, here) = (
                bytes.get(repeated.start..repeated.start + repeated.length),
                bytes.get(record_start..record_start + repeated.length),
            );
            if let (Some(before), Some(here)) = (before, here) {
                if same_bytes(before, here) {
                    for span in &repeated.spans {
                        record.push(Span {
                            start: span.start + record_start,
                            end: span.end + record_start,
                            rewritten: false,
                        });
                    }
                    field_start += repeated.length;
                    reused = true;
                }
            }
        }
        // The field where the number block starts, once per record.
        let mut numbers_at = self.number_block.map_or(usize::MAX, |block| block.first);
        // Where the record's line break is (the text's length when there is none).
        let next = 'fields: loop {
            if record.len == numbers_at {
                numbers_at = usize::MAX;
                if let Some(block) = self.number_block {
                    match self.number_cells(block, field_start, record) {
                        Cells::Continue(next_field) => {
                            field_start = next_field;
                            continue 'fields;
                        }
                        Cells::RecordEnd(at) => break 'fields at,
                        Cells::Other(field) => field_start = field,
                    }
                }
            }
            if bytes.get(field_start) == Some(&b'"') {
                let (close, breaks) = next_quote(bytes, field_start + 1);
                if breaks || close >= bytes.len() {
                    return None;
                }
                record.push(Span {
                    start: field_start + 1,
                    end: close,
                    rewritten: false,
                });
                match bytes.get(close + 1) {
                    Some(&byte) if byte == delimiter => {
                        field_start = close + 2;
                        continue 'fields;
                    }
                    Some(b'\n' | b'\r') | None => break 'fields close + 1,
                    Some(_) => return None,
                }
            }
            let mut at = field_start;
            loop {
                let word = padded_word_at(bytes, at);
                let mut marks = exact_bytes_equal(word, delimiter)
                    | exact_bytes_equal(word, b'\n')
                    | exact_bytes_equal(word, b'\r');
                while marks != 0 {
                    let mark = at + first_marked(marks);
                    if mark >= bytes.len() {
                        break;
                    }
                    record.push(Span {
                        start: field_start,
                        end: mark,
                        rewritten: false,
                    });
                    if bytes[mark] != delimiter {
                        break 'fields mark;
                    }
                    field_start = mark + 1;
                    if bytes.get(field_start) == Some(&b'"') || record.len == numbers_at {
                        continue 'fields;
                    }
                    marks &= marks - 1;
                }
                at += 8;
                if at >= bytes.len() {
                    record.push(Span {
                        start: field_start,
                        end: bytes.len(),
                        rewritten: false,
                    });
                    break 'fields bytes.len();
                }
            }
        };
        if !reused && self.repeated_fields > 0 && record.len > self.repeated_fields {
            self.remember_repeated_fields(record, record_start);
        }
        Some(self.end_record(self.line, next))
    }

    /// Keeps the first `repeated_fields` fields of the record just read, for the next one.
    fn remember_repeated_fields(&mut self, record: &Record<'a>, record_start: usize) {
        let bytes = self.text.as_bytes();
        let count = self.repeated_fields;
        let Some(last) = record.spans().get(count.wrapping_sub(1)) else {
            return;
        };
        // The delimiter after the last repeated field: right at its end, or past the
        // closing quote of a quoted one.
        let delimiter_at = if bytes.get(last.end) == Some(&self.delimiter) {
            last.end
        } else {
            last.end + 1
        };
        let spans = record.spans().get(..count).unwrap_or_default();
        if bytes.get(delimiter_at) != Some(&self.delimiter)
            || spans.iter().any(|span| span.rewritten)
        {
            self.repeated = None;
            return;
        }
        self.repeated = Some(RepeatedFields {
            start: record_start,
            length: delimiter_at + 1 - record_start,
            spans: spans
                .iter()
                .map(|span| Span {
                    start: span.start - record_start,
                    end: span.end - record_start,
                    rewritten: false,
                })
                .collect(),
        });
    }

    /// The cells of the number block from `start`, one or two digits each, stored as fields
    /// exactly as the word scan would have and read as numbers on the way. Stops at the first
    /// other cell, which the word scan then reads.
    fn number_cells(&self, block: NumberBlock, mut start: usize, record: &mut Record<'a>) -> Cells {
        let bytes = self.text.as_bytes();
        // The block's slots are sized once, then written without a check per cell.
        while record.slots.len() < record.len + block.count {
            record.grow();
        }
        let first_slot = record.len;
        let Some(slots) = record.slots.get_mut(first_slot..first_slot + block.count) else {
            return Cells::Other(start);
        };
        let mut read = 0;
        let mut end_of_record = None;
        for ((slot, number), index) in slots.iter_mut().zip(&mut record.numbers).zip(0..) {
            // Three bytes cover a cell of two digits and what follows it. Nearer the end of
            // the text, the word scan reads the cell.
            let Some(&[first, second, third]) = bytes.get(start..start + 3) else {
                break;
            };
            let (first, second) = (first.wrapping_sub(b'0'), second.wrapping_sub(b'0'));
            if first > 9 {
                break;
            }
            let (value, end, after) = if second <= 9 {
                (first * 10 + second, start + 2, third)
            } else {
                (first, start + 1, second.wrapping_add(b'0'))
            };
            if after != self.delimiter && after != b'\n' && after != b'\r' {
                break;
            }
            *slot = Span {
                start,
                end,
                rewritten: false,
            };
            *number = value;
            read = index + 1;
            if after != self.delimiter {
                end_of_record = Some(end);
                break;
            }
            start = end + 1;
        }
        record.len = first_slot + read;
        match end_of_record {
            Some(end) => {
                if read == block.count {
                    record.numbers_read = Some(block);
                }
                Cells::RecordEnd(end)
            }
            None if read == block.count => {
                record.numbers_read = Some(block);
                Cells::Continue(start)
            }
            None => Cells::Other(start),
        }
    }

    /// Ends the record that started on `line` and whose last field stops at `at`: past its
    /// line break (`\r\n`, `\n` or a lone `\r`), counted, or unterminated at the end of the
    /// text.
    fn end_record(&mut self, line: u32, at: usize) -> RecordInfo {
        let bytes = self.text.as_bytes();
        let (next, terminated) = match bytes.get(at) {
            Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => (at + 2, true),
            Some(b'\r' | b'\n') => (at + 1, true),
            _ => (at, false),
        };
        self.pos = next;
        if terminated {
            self.line = self.line.saturating_add(1);
        }
        RecordInfo { line, terminated }
    }

    /// Any record: quoted line breaks, doubled quotes, text after a closing quote.
    fn any_record(&mut self, record: &mut Record<'a>) -> Result<Option<RecordInfo>, ParseError> {
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return Ok(None);
        }
        // Quoted line breaks move `self.line` on: the record keeps the line it started on.
        let line = self.line;
        let delimiter = self.delimiter;
        loop {
            let span = if bytes.get(self.pos) == Some(&b'"') {
                self.quoted_field(record)?
            } else {
                let start = self.pos;
                self.pos = field_end(bytes, start, delimiter);
                Span {
                    start,
                    end: self.pos,
                    rewritten: false,
                }
            };
            record.push(span);
            if bytes.get(self.pos) == Some(&delimiter) {
                self.pos += 1;
                continue;
            }
            return Ok(Some(self.end_record(line, self.pos)));
        }
    }

    /// From an opening quote to its closing quote, `""` standing for one `"`. Line breaks
    /// inside are part of the value and counted, so later line numbers stay physical.
    fn quoted_field(&mut self, record: &mut Record<'a>) -> Result<Span, ParseError> {
        let bytes = self.text.as_bytes();
        let open_line = self.line;
        let start = self.pos + 1;
        let mut segment = start;
        let mut rewritten_start: Option<usize> = None;
        let mut i = start;
        loop {
            let from = i;
            let breaks;
            (i, breaks) = next_quote(bytes, from);
            // Line breaks are only counted (a second, rare pass) when the value has some.
            if breaks {
                let jumped = bytes.get(from..i).unwrap_or_default();
                self.line = self.line.saturating_add(count_line_breaks(jumped));
            }
            if i >= bytes.len() {
                return Err(ParseError::UnterminatedQuote {
                    line: open_line,
                    at_last_line: self.line == open_line,
                });
            }
            if bytes.get(i + 1) != Some(&b'"') {
                break;
            }
            rewritten_start.get_or_insert(record.rewritten.len());
            record
                .rewritten
                .push_str(self.text.get(segment..=i).unwrap_or_default());
            i += 2;
            segment = i;
        }
        self.pos = i + 1;
        let delimiter = self.delimiter;
        let ends_here = match bytes.get(self.pos) {
            Some(&byte) => byte == delimiter || byte == b'\n' || byte == b'\r',
            None => true,
        };
        if rewritten_start.is_none() && ends_here {
            return Ok(Span {
                start,
                end: i,
                rewritten: false,
            });
        }
        // Text after the closing quote (`"abc"def`) is kept rather than refused, as
        // spreadsheets do; the record's field count still catches real damage.
        let after = field_end(bytes, self.pos, delimiter);
        let rewritten = rewritten_start.unwrap_or(record.rewritten.len());
        record
            .rewritten
            .push_str(self.text.get(segment..i).unwrap_or_default());
        record
            .rewritten
            .push_str(self.text.get(self.pos..after).unwrap_or_default());
        self.pos = after;
        Ok(Span {
            start: rewritten,
            end: record.rewritten.len(),
            rewritten: true,
        })
    }
}

// The scans below look at eight bytes at a time in a `u64` ("SIMD within a register"): the
// same code is fast natively and in wasm without the SIMD proposal, and a text cell of the
// exports (names, campaign, dates) is mostly longer than a word.

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of every byte of `word` equal to `byte`. A borrow can also mark a byte above
/// a real match, never below one, so the lowest mark is always a real match.
#[inline(always)]
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let diff = word ^ (LOW_BITS * u64::from(byte));
    diff.wrapping_sub(LOW_BITS) & !diff & HIGH_BITS
}

/// The high bit of exactly the bytes of `word` equal to `byte`, with no false mark above a
/// match: every mark of a word can be read, not only the lowest.
#[inline(always)]
fn exact_bytes_equal(word: u64, byte: u8) -> u64 {
    const SEVEN_BITS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let diff = word ^ (LOW_BITS * u64::from(byte));
    !(((diff & SEVEN_BITS) + SEVEN_BITS) | diff | SEVEN_BITS)
}

/// `a == b` for slices of the same length, a word at a time (the size-optimised build's
/// `memcmp` goes a byte at a time).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let (a_words, a_rest) = a.as_chunks::<8>();
    let (b_words, b_rest) = b.as_chunks::<8>();
    a.len() == b.len() && a_words.iter().zip(b_words).all(|(x, y)| x == y) && a_rest == b_rest
}

/// The eight bytes from `at`, zeros past the end of the text (a zero is never a delimiter
/// nor a line break).
#[inline(always)]
fn padded_word_at(bytes: &[u8], at: usize) -> u64 {
    if let Some(word) = word_at(bytes, at) {
        return word;
    }
    let mut tail = [0u8; 8];
    let rest = bytes.get(at..).unwrap_or_default();
    tail[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(tail)
}

/// Index in its word of the byte of the lowest mark (little-endian: the first in the text).
#[inline(always)]
fn first_marked(marks: u64) -> usize {
    (marks.trailing_zeros() / 8) as usize
}

#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..)?.first_chunk::<8>()?;
    Some(u64::from_le_bytes(*chunk))
}

/// End of an unquoted field: the next delimiter or line break. Quotes inside are kept.
#[inline(always)]
fn field_end(bytes: &[u8], mut end: usize, delimiter: u8) -> usize {
    while let Some(word) = word_at(bytes, end) {
        let marks =
            bytes_equal(word, delimiter) | bytes_equal(word, b'\n') | bytes_equal(word, b'\r');
        if marks != 0 {
            return end + first_marked(marks);
        }
        end += 8;
    }
    while let Some(&byte) = bytes.get(end) {
        if byte == delimiter || byte == b'\n' || byte == b'\r' {
            break;
        }
        end += 1;
    }
    end
}

/// The next `"` from `at` (the text's length when there is none), and whether a line break
/// comes before it.
#[inline(always)]
fn next_quote(bytes: &[u8], mut at: usize) -> (usize, bool) {
    let mut breaks = 0u64;
    while let Some(word) = word_at(bytes, at) {
        let line_breaks = bytes_equal(word, b'\n') | bytes_equal(word, b'\r');
        let quotes = bytes_equal(word, b'"');
        if quotes != 0 {
            let before_quote = (quotes & quotes.wrapping_neg()) - 1;
            let breaks = breaks | (line_breaks & before_quote);
            return (at + first_marked(quotes), breaks != 0);
        }
        breaks |= line_breaks;
        at += 8;
    }
    let mut breaks = breaks != 0;
    while let Some(&byte) = bytes.get(at) {
        if byte == b'"' {
            break;
        }
        breaks |= byte == b'\n' || byte == b'\r';
        at += 1;
    }
    (at, breaks)
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

    #[test]
    fn crlf_and_lone_cr_end_records() {
        let rows = records("a;b\r\nc;d\re;f", b';');
        let lines: Vec<u32> = rows.iter().map(|row| row.0).collect();
        assert_eq!(lines, [1, 2, 3]);
        assert_eq!(rows[2].1, ["e", "f"]);
        let mut reader = Reader::new("a;b\r\nc;d", b';');
        let mut record = Record::new();
        assert!(reader.next_record(&mut record).unwrap().unwrap().terminated);
        assert!(!reader.next_record(&mut record).unwrap().unwrap().terminated);
    }

    #[test]
    fn unterminated_quote_names_the_line_it_opened_on() {
        let mut reader = Reader::new("a;b\n\"x;y\nz\n", b';');
        let mut record = Record::new();
        reader.next_record(&mut record).unwrap();
        assert_eq!(
            reader.next_record(&mut record),
            Err(ParseError::UnterminatedQuote {
                line: 2,
                at_last_line: false
            })
        );
    }

    #[test]
    fn word_scans_agree_with_a_byte_by_byte_scan() {
        // Every start offset and every place of the sought byte relative to the 8-byte words,
        // with bytes around that trip naive word tricks (0x01 borrows, high bytes, "é").
        let texts: [&[u8]; 5] = [
            b"abcdefghijklmnop;qrstuvwxyz\"0123456789\nABCDEFG\rHIJ",
            b"\x01\x01\x01;\x00\x01\"\x01\x01\n\x01\x01\x01\x01\x01\x01\x01\x01\r\x01",
            "Collège Jean Moulin\";\"ANDRÉ\";\"Élise\n\";x;".as_bytes(),
            b"\xff\xfe;\x80\x7f\"\x0a\x0d\x0b\x09\x21\x23\x3a\x3c\x22",
            b"no special byte at all in this text",
        ];
        for text in texts {
            for start in 0..=text.len() {
                let expected_end = (start..text.len())
                    .find(|&i| matches!(text[i], b';' | b'\n' | b'\r'))
                    .unwrap_or(text.len());
                assert_eq!(field_end(text, start, b';'), expected_end, "{start}");
                let quote = (start..text.len())
                    .find(|&i| text[i] == b'"')
                    .unwrap_or(text.len());
                let breaks = text[start..quote].iter().any(|&b| b == b'\n' || b == b'\r');
                assert_eq!(next_quote(text, start), (quote, breaks), "{start}");
            }
        }
    }

    const ALPHABET: [&str; 17] = [
        "a", "bc", ";", ";", ";", ",", "\"", "\"\"", "\n", "\r", "\r\n", "é", " ", "12", "7", "0",
        "345",
    ];

    /// `count` random pieces of `ALPHABET`, from a xorshift generator.
    fn random_text(next: &mut impl FnMut() -> u64, count: u64) -> String {
        let count = (next() % count) as usize;
        (0..count)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect()
    }

    fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    /// The fast reader (number block from field 1, two repeated fields) reads `text` as
    /// the general reader does, record by record.
    fn assert_fast_reads_as_general(text: &str, delimiter: u8) {
        let mut fast = Reader::new(text, delimiter);
        fast.read_numbers_at(1, 3);
        fast.repeat_fields(2);
        let mut general = Reader::new(text, delimiter);
        let (mut a, mut b) = (Record::new(), Record::new());
        loop {
            let got = fast.next_record(&mut a);
            b.clear(text);
            let expected = if general.position() >= text.len() {
                Ok(None)
            } else {
                general.any_record(&mut b)
            };
            assert_eq!(got, expected, "{text:?}");
            assert_eq!(fast.position(), general.position(), "{text:?}");
            if !matches!(got, Ok(Some(_))) {
                break;
            }
            assert!(a.fields().eq(b.fields()), "{text:?}");
            let (mut read, mut expected) = ([0u8; 3], [0u8; 3]);
            assert_eq!(
                a.small_numbers(1, &mut read),
                b.small_numbers(1, &mut expected),
                "{text:?}"
            );
            assert_eq!(read, expected, "{text:?}");
        }
    }

    /// Why: the fast path for plain records, and its number block, must read exactly what
    /// the general reader reads, and hand over everything else, whatever the bytes around
    /// 8-byte words and wherever a cell of digits starts or stops.
    #[test]
    fn the_fast_path_reads_as_the_general_reader() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let text = random_text(&mut next, 40);
            for delimiter in [b';', b','] {
                assert_fast_reads_as_general(&text, delimiter);
            }
        }
    }

    /// Why: fields copied from the record before are only right when the bytes are the
    /// same up to the delimiter that ends them; records that start almost alike (one more
    /// byte, a quote, a line break) must still be read.
    #[test]
    fn repeated_fields_read_as_the_general_reader() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5_000 {
            let prefix = random_text(&mut next, 8);
            let mut text = String::new();
            for _ in 0..(next() % 6) {
                match next() % 4 {
                    0 => text.push_str(&random_text(&mut next, 3)),
                    _ => text.push_str(&prefix),
                }
                text.push_str(&random_text(&mut next, 12));
                text.push('\n');
            }
            for delimiter in [b';', b','] {
                assert_fast_reads_as_general(&text, delimiter);
            }
        }
    }

    #[test]
    fn text_after_a_closing_quote_is_kept() {
        assert_eq!(records("\"Colle\"Coll;x", b';')[0].1, ["ColleColl", "x"]);
    }

    #[test]
    fn fields_point_into_the_text_unless_rewritten() {
        let mut reader = Reader::new("\"plain\";\"a\"\"b\";\"c\"d;;\n", b';');
        let mut record = Record::new();
        reader.next_record(&mut record).unwrap();
        assert_eq!(
            record.fields().collect::<Vec<_>>(),
            ["plain", "a\"b", "cd", "", ""]
        );
        assert!(!record.spans()[0].rewritten);
        assert!(record.spans()[1].rewritten && record.spans()[2].rewritten);
        assert_eq!((record.len(), record.width()), (5, 3));
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
