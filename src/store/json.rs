//! The little JSON the store needs (index, preferences, backups, version 1 snapshots), by
//! hand: serde_json and the serde derives weighed a fifth of the wasm. One non-generic parser
//! into a tree and a writer; the typed reading is plain code beside each format.
//!
//! The writer's output is byte for byte what serde_json wrote (no spaces, the same escapes),
//! and the reader accepts everything serde_json wrote, so stored data and backups made by
//! earlier versions still load (pinned in `tests/fixtures/store`).

use std::borrow::Cow;
use std::fmt::Write;

/// serde_json's nesting limit: deeper input is refused before it can exhaust the stack.
const MAX_DEPTH: usize = 128;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// The text stops before the value is complete: a cut file.
    UnexpectedEnd,
    /// Not JSON from this byte offset on.
    Invalid { at: usize },
    /// Nested deeper than serde_json accepted.
    TooDeep,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number as written: its field decides whether it is read as an integer or a float,
    /// so a 64-bit hash keeps all its digits.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Fields in file order: the objects stored are small, a scan is cheaper than a map.
    Object(Fields<'a>),
}

pub type Fields<'a> = Vec<(Cow<'a, str>, Value<'a>)>;

impl<'a> Value<'a> {
    /// The field `key` of an object; `None` for a missing field or a value of another type.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(fields) => fields
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// `None` for `null`, as serde reads an `Option` field.
    pub fn non_null(&self) -> Option<&Value<'a>> {
        match self {
            Value::Null => None,
            value => Some(value),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(value) => Some(*value),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A non-negative integer written without fraction or exponent, as serde requires.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn as_u32(&self) -> Option<u32> {
        self.as_u64().and_then(|n| n.try_into().ok())
    }

    pub fn as_u16(&self) -> Option<u16> {
        self.as_u64().and_then(|n| n.try_into().ok())
    }

    pub fn as_u8(&self) -> Option<u8> {
        self.as_u64().and_then(|n| n.try_into().ok())
    }

    pub fn as_usize(&self) -> Option<usize> {
        self.as_u64().and_then(|n| n.try_into().ok())
    }

    /// Any finite number. Exact for what is stored (integer milliseconds, the shortest
    /// decimals of `f32` rates); otherwise within an ulp or so, like serde_json's default.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(text) => Some(decimal_to_f64(text)).filter(|x| x.is_finite()),
            _ => None,
        }
    }

    /// Through `f64`, as serde_json reads an `f32`.
    pub fn as_f32(&self) -> Option<f32> {
        self.as_f64().map(|x| x as f32).filter(|x| x.is_finite())
    }
}

/// `text` is a valid JSON number. Without `str::parse::<f64>`, whose tables would cost the
/// wasm more than this whole module: the digits as an integer, scaled by a power of ten, one
/// rounding only (so exact) while the digits stay below 2^53 and the power below 10^23.
fn decimal_to_f64(text: &str) -> f64 {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (number, exponent_text) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], &unsigned[at + 1..]),
        None => (unsigned, ""),
    };
    // serde writes integers as `….0`: that zero must not push the digits past 2^53.
    let number = match number.contains('.') {
        true => number.trim_end_matches('0'),
        false => number,
    };
    let mut digits: u64 = 0;
    let mut exponent: i32 = 0;
    let mut in_fraction = false;
    for byte in number.bytes() {
        if byte == b'.' {
            in_fraction = true;
        } else if digits < 100_000_000_000_000_000 {
            digits = digits * 10 + u64::from(byte - b'0');
            exponent -= i32::from(in_fraction);
        } else {
            // Digits beyond 18 cannot change the f64 much: dropped, their magnitude kept.
            exponent += i32::from(!in_fraction);
        }
    }
    let (exponent_negative, exponent_digits) = match exponent_text.as_bytes().first() {
        Some(b'-') => (true, &exponent_text[1..]),
        Some(b'+') => (false, &exponent_text[1..]),
        _ => (false, exponent_text),
    };
    let written = exponent_digits.bytes().fold(0i32, |total, byte| {
        (total * 10 + i32::from(byte - b'0')).min(100_000)
    });
    exponent += if exponent_negative { -written } else { written };
    let magnitude = if digits == 0 {
        0.0
    } else if exponent < 0 {
        digits as f64 / 10f64.powi(-exponent)
    } else {
        digits as f64 * 10f64.powi(exponent)
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// Reads one JSON value, the whole text (only whitespace may follow it).
pub fn parse(text: &str) -> Result<Value<'_>, JsonError> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.at < text.len() {
        return Err(parser.invalid());
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn invalid(&self) -> JsonError {
        JsonError::Invalid { at: self.at }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// The next byte that is not whitespace, left in place.
    fn next_token(&mut self) -> Result<u8, JsonError> {
        self.skip_whitespace();
        self.peek().ok_or(JsonError::UnexpectedEnd)
    }

    /// The next byte, consumed; an end of text is a cut file.
    fn take(&mut self) -> Result<u8, JsonError> {
        let byte = self.peek().ok_or(JsonError::UnexpectedEnd)?;
        self.at += 1;
        Ok(byte)
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, JsonError> {
        match self.next_token()? {
            open @ (b'{' | b'[') => {
                if depth >= MAX_DEPTH {
                    return Err(JsonError::TooDeep);
                }
                self.at += 1;
                if open == b'{' {
                    self.object(depth + 1).map(Value::Object)
                } else {
                    self.array(depth + 1).map(Value::Array)
                }
            }
            b'"' => self.string().map(Value::String),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.invalid()),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Fields<'a>, JsonError> {
        let mut fields = Vec::new();
        if self.next_token()? == b'}' {
            self.at += 1;
            return Ok(fields);
        }
        loop {
            if self.next_token()? != b'"' {
                return Err(self.invalid());
            }
            let key = self.string()?;
            if self.next_token()? != b':' {
                return Err(self.invalid());
            }
            self.at += 1;
            fields.push((key, self.value(depth)?));
            match self.next_token()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Ok(fields);
                }
                _ => return Err(self.invalid()),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Vec<Value<'a>>, JsonError> {
        let mut items = Vec::new();
        if self.next_token()? == b']' {
            self.at += 1;
            return Ok(items);
        }
        loop {
            items.push(self.value(depth)?);
            match self.next_token()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Ok(items);
                }
                _ => return Err(self.invalid()),
            }
        }
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, JsonError> {
        let rest = &self.text[self.at..];
        if rest.starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else if word.starts_with(rest) {
            Err(JsonError::UnexpectedEnd)
        } else {
            Err(self.invalid())
        }
    }

    /// At least one digit, then as many as follow.
    fn digits(&mut self) -> Result<(), JsonError> {
        if !self.take()?.is_ascii_digit() {
            self.at -= 1;
            return Err(self.invalid());
        }
        while self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            self.at += 1;
        }
        Ok(())
    }

    /// JSON's grammar, strictly (no leading zero, no bare dot), kept as text.
    fn number(&mut self) -> Result<Value<'a>, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else {
            self.digits()?;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.digits()?;
        }
        Ok(Value::Number(&self.text[start..self.at]))
    }

    /// A string from its opening quote; borrowed from the text unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.at += 1;
        let mut start = self.at;
        let mut unescaped: Option<String> = None;
        loop {
            match self.take()? {
                b'"' => {
                    let tail = &self.text[start..self.at - 1];
                    return Ok(match unescaped {
                        None => Cow::Borrowed(tail),
                        Some(mut text) => {
                            text.push_str(tail);
                            Cow::Owned(text)
                        }
                    });
                }
                b'\\' => {
                    let text = unescaped.get_or_insert_with(String::new);
                    text.push_str(&self.text[start..self.at - 1]);
                    let escaped = match self.take()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(JsonError::Invalid { at: self.at - 1 }),
                    };
                    text.push(escaped);
                    start = self.at;
                }
                0..=0x1f => return Err(JsonError::Invalid { at: self.at - 1 }),
                _ => {}
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = char::from(self.take()?).to_digit(16);
            code = code * 16 + digit.ok_or(JsonError::Invalid { at: self.at - 1 })?;
        }
        Ok(code)
    }

    /// After `\u`: one code point, from a surrogate pair when it takes two escapes. A lone
    /// surrogate is no character: refused, as serde_json does.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.take()? != b'\\' || self.take()? != b'u' {
                return Err(JsonError::Invalid { at: self.at - 1 });
            }
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.invalid());
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.invalid())
    }
}

/// JSON text written in order, separators included: each value or key puts the comma it
/// needs before itself, so callers only open, name and close.
#[derive(Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    pub fn new() -> Self {
        Writer::default()
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn separate(&mut self) {
        if !matches!(self.out.as_bytes().last(), None | Some(b'{' | b'[' | b':')) {
            self.out.push(',');
        }
    }

    pub fn begin_object(&mut self) {
        self.separate();
        self.out.push('{');
    }

    pub fn end_object(&mut self) {
        self.out.push('}');
    }

    pub fn begin_array(&mut self) {
        self.separate();
        self.out.push('[');
    }

    pub fn end_array(&mut self) {
        self.out.push(']');
    }

    pub fn key(&mut self, name: &str) {
        self.string(name);
        self.out.push(':');
    }

    pub fn null(&mut self) {
        self.separate();
        self.out.push_str("null");
    }

    pub fn uint(&mut self, value: u64) {
        self.separate();
        let _ = write!(self.out, "{value}");
    }

    /// A timestamp in milliseconds, as serde_json writes an `f64` (`1764355200000.0`,
    /// `0.5`), to the microsecond: Rust's float printer would weigh ~11 KB in the wasm for
    /// digits no timestamp has. `null` for what JSON cannot say (infinities, NaN), as serde.
    pub fn milliseconds(&mut self, value: f64) {
        if !value.is_finite() {
            return self.null();
        }
        self.separate();
        if value < 0.0 {
            self.out.push('-');
        }
        // Exact up to 2^53 thousandths, i.e. for any date before the year 2255.
        let thousandths = (value.abs() * 1000.0).round() as u64;
        let _ = write!(self.out, "{}.", thousandths / 1000);
        let fraction = format!("{:03}", thousandths % 1000);
        let fraction = fraction.trim_end_matches('0');
        self.out
            .push_str(if fraction.is_empty() { "0" } else { fraction });
    }

    /// With serde_json's escapes: quote, backslash, and control characters (short forms
    /// where JSON has one); everything else as is, in UTF-8.
    pub fn string(&mut self, text: &str) {
        self.separate();
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                '\0'..='\u{1f}' => {
                    let _ = write!(self.out, "\\u{:04x}", u32::from(c));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

#[cfg(test)]
mod tests;
