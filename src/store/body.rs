//! How one snapshot is kept in localStorage: its serde form as postcard bytes, deflated, then
//! written as text that localStorage stores exactly.
//!
//! Why this and not JSON or base64 (measured natively on generated exports of 15,000 rows,
//! the shape of `tests/web_store_capacity.rs`; Chromium's quota is 5 Mi UTF-16 code units):
//!
//! | body                                   | code units per profile row | rows that fit |
//! |----------------------------------------|---------------------------:|--------------:|
//! | serde_json                             |                      323   |        16,000 |
//! | postcard, base64                       |                       85.6 |        61,000 |
//! | postcard, deflate, base64              |                       39.0 |       134,000 |
//! | postcard, 15 bits per code unit        |                       34.2 |       153,000 |
//! | postcard, deflate, 15 bits per unit    |                       15.6 |       336,000 |
//!
//! The budget is 150,000 rows: only the last form holds it with room to spare. Deflate is
//! miniz_oxide at level 1: level 6 was 5 % smaller and five times slower (50 ms against
//! 280 ms for 15,000 rows); its zlib wrapper also carries a checksum (Adler-32), so a changed
//! character is noticed instead of decoding into other data.
//!
//! The custom codec this replaces held 15.2 units per row, by tricks of its own (a string
//! table, levels left out when they follow from the pix); it encoded 50,000 rows in ~15 ms
//! and decoded them in ~17 ms, natively, where this form takes ~110 ms and ~100 ms on the
//! same (busy) machine: deflate, then serde's allocations. That is paid once per import and
//! once per start, for code no one has to maintain. lz4_flex was tried too: twice as fast to
//! compress, but 21.7 units per row (241,000 rows) and no checksum.
//!
//! The text form is written here, not by a crate: base64 spends 16 bits of quota for 6 bits
//! of data, and the only crate for 15 bits per UTF-16 unit (`base32768`, one 0.1 release) is
//! not maintained. It is 50 lines: each code unit carries 15 bits, all in U+4000–U+BFFF, so
//! there is no surrogate (localStorage keeps UTF-16, where a lone surrogate is not safe) and
//! no control character.

use std::fmt;

use super::model::Entry;
use crate::domain::model::snapshot::CampaignSnapshot;

/// Version of the body; format 2 (the custom codec) is read by `legacy`.
pub const FORMAT: u8 = 3;
/// Start of every body of this format: tells it from format 2 (`C2`) and from anything else.
pub(crate) const MAGIC: &str = "C3";
const TEXT_BASE: u32 = 0x4000;
/// Fastest deflate level: see the table above.
const DEFLATE_LEVEL: u8 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecError {
    /// Not text written by Cohorte (other app, hand-edited, wrong file).
    NotOurs,
    /// Written by a newer Cohorte.
    UnknownFormat(u8),
    /// Ends too early: cut during a copy or an edit.
    Truncated,
    /// The checksum does not match: some characters were changed.
    Checksum,
    /// Decodes, but says something impossible (a string number beyond the table, …).
    Invalid(&'static str),
    /// Does not have the shape of a snapshot. serde's explanation (in English) is kept for
    /// debugging, not shown: the French message says what the user needs.
    Malformed(String),
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodecError::NotOurs => write!(f, "ce contenu n’a pas été écrit par Cohorte"),
            CodecError::UnknownFormat(version) => write!(
                f,
                "format {version}, écrit par une version plus récente de Cohorte"
            ),
            CodecError::Truncated => write!(f, "contenu incomplet (coupé)"),
            CodecError::Checksum => write!(f, "contenu modifié ou abîmé"),
            CodecError::Invalid(what) => write!(f, "contenu incohérent ({what})"),
            CodecError::Malformed(_) => write!(
                f,
                "contenu incohérent : des données manquent, sont en trop ou ont été modifiées"
            ),
        }
    }
}

impl std::error::Error for CodecError {}

/// A snapshot and its import time as stored in localStorage.
pub fn encode_text(snapshot: &CampaignSnapshot, imported_at_ms: f64) -> String {
    let entry = EntryRef {
        imported_at_ms,
        snapshot,
    };
    // Serialising plain data to a Vec cannot fail: no map with non-string keys, no I/O.
    let bytes = postcard::to_allocvec(&entry).unwrap_or_default();
    deflate_to_text(MAGIC, &bytes)
}

/// What [`encode_text`] wrote; never panics, whatever the text.
pub fn decode_text(text: &str) -> Result<Entry, CodecError> {
    if let Some(format) = newer_format(text) {
        return Err(CodecError::UnknownFormat(format));
    }
    let bytes = inflate_from_text(MAGIC, text)?;
    postcard::from_bytes(&bytes).map_err(|error| CodecError::Malformed(error.to_string()))
}

/// `bytes` deflated, then written as text after `magic`: every stored body (snapshots, roster).
pub(crate) fn deflate_to_text(magic: &str, bytes: &[u8]) -> String {
    to_text(
        magic,
        &miniz_oxide::deflate::compress_to_vec_zlib(bytes, DEFLATE_LEVEL),
    )
}

/// The bytes [`deflate_to_text`] was given; a cut text is `Truncated`, a changed one `Checksum`.
pub(crate) fn inflate_from_text(magic: &str, text: &str) -> Result<Vec<u8>, CodecError> {
    let deflated = from_text(magic, text)?;
    miniz_oxide::inflate::decompress_to_vec_zlib(&deflated).map_err(|error| match error.status {
        miniz_oxide::inflate::TINFLStatus::FailedCannotMakeProgress => CodecError::Truncated,
        _ => CodecError::Checksum,
    })
}

/// `C4`, `C5`, …: a body written by a later Cohorte.
fn newer_format(text: &str) -> Option<u8> {
    let digit = text.strip_prefix('C')?.chars().next()?.to_digit(10)?;
    let format = u8::try_from(digit).ok()?;
    (format > FORMAT).then_some(format)
}

/// [`Entry`] without owning the snapshot: saving must not copy every row first.
#[derive(serde::Serialize)]
#[serde(rename = "Entry")]
struct EntryRef<'a> {
    imported_at_ms: f64,
    snapshot: &'a CampaignSnapshot,
}

/// Length as localStorage counts it.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// `magic`, then a unit giving the padding bits, then 15 bits of `bytes` per unit.
pub(crate) fn to_text(magic: &str, bytes: &[u8]) -> String {
    let bits = bytes.len() * 8;
    let chars = bits.div_ceil(15);
    let padding = chars * 15 - bits;
    let mut out = String::with_capacity(magic.len() + (chars + 1) * 3);
    out.push_str(magic);
    out.push(unit(padding as u32));
    let mut acc: u32 = 0;
    let mut held = 0;
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        held += 8;
        if held >= 15 {
            held -= 15;
            out.push(unit((acc >> held) & 0x7fff));
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        out.push(unit((acc << (15 - held)) & 0x7fff));
    }
    out
}

fn unit(value: u32) -> char {
    // TEXT_BASE + 0x7fff = U+BFFF: below the surrogates, so always a valid char.
    char::from_u32(TEXT_BASE + value).unwrap_or('\u{4000}')
}

/// The bytes [`to_text`] wrote after `magic`.
pub(crate) fn from_text(magic: &str, text: &str) -> Result<Vec<u8>, CodecError> {
    let rest = text.strip_prefix(magic).ok_or(CodecError::NotOurs)?;
    let mut chars = rest.chars().map(|c| {
        let value = u32::from(c).wrapping_sub(TEXT_BASE);
        if value <= 0x7fff {
            Ok(value)
        } else {
            Err(CodecError::NotOurs)
        }
    });
    let padding = chars.next().ok_or(CodecError::Truncated)?? as usize;
    if padding >= 15 {
        return Err(CodecError::NotOurs);
    }
    let count = rest.chars().count() - 1;
    let bits = (count * 15)
        .checked_sub(padding)
        .ok_or(CodecError::Truncated)?;
    if bits % 8 != 0 {
        return Err(CodecError::Truncated);
    }
    let mut out = Vec::with_capacity(bits / 8);
    let mut acc: u32 = 0;
    let mut held = 0;
    for value in chars {
        acc = (acc << 15) | value?;
        held += 15;
        while held >= 8 && out.len() < bits / 8 {
            held -= 8;
            out.push((acc >> held) as u8);
            acc &= (1 << held) - 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_every_length_and_every_byte() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 255) as u8).collect();
            assert_eq!(
                from_text(MAGIC, &to_text(MAGIC, &bytes)).unwrap(),
                bytes,
                "length {len}"
            );
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(from_text(MAGIC, &to_text(MAGIC, &all)).unwrap(), all);
    }

    #[test]
    fn text_uses_one_code_unit_per_15_bits_and_no_surrogate() {
        let bytes = vec![0xff; 1500];
        let text = to_text(MAGIC, &bytes);
        assert_eq!(utf16_len(&text), 2 + 1 + 800);
        assert!(text
            .chars()
            .skip(2)
            .all(|c| (0x4000..=0xbfff).contains(&u32::from(c))));
    }

    #[test]
    fn foreign_and_newer_text_is_refused() {
        assert_eq!(decode_text("{\"a\":1}"), Err(CodecError::NotOurs));
        assert_eq!(decode_text("C3"), Err(CodecError::Truncated));
        assert_eq!(decode_text("C3abc"), Err(CodecError::NotOurs));
        assert_eq!(decode_text("C4\u{4000}"), Err(CodecError::UnknownFormat(4)));
        assert_eq!(decode_text("C2\u{4000}"), Err(CodecError::NotOurs));
    }
}
