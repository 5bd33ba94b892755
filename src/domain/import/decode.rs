//! From the file's bytes to text: refuse what is not text, then find the encoding.
//!
//! Pix Orga writes UTF-8 with a BOM. A spreadsheet re-save can give UTF-8 without BOM,
//! Windows-1252 (Excel's "CSV (séparateur : point-virgule)" on Windows) or UTF-16
//! ("Texte Unicode"). Windows-1252 is decoded by hand: `encoding_rs` would add its tables
//! for every encoding to the shipped wasm for the sake of one 32-entry table.

use std::borrow::Cow;

/// The encoding the text was read with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// Why the bytes could not become text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing at all (or only a BOM).
    Empty,
    /// A known binary format, described in French (`classeur Excel (.xlsx)`, `PDF`, …).
    NotText { detected: &'static str },
    /// The file claims UTF-8 (it has a BOM) but is not: guessing would show mojibake.
    InvalidUtf8 { line: u32 },
}

/// The decoded text, without its BOM, borrowed from the bytes when they already are UTF-8.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: Encoding,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a CSV file's bytes. Never panics, never guesses an encoding that would garble
/// accented letters: strict UTF-8 first, Windows-1252 only when the bytes are not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    decode_scanned(bytes, contains_nul(bytes))
}

/// `decode`, told whether the bytes hold a NUL by a pass the caller makes anyway.
pub fn decode_scanned(bytes: &[u8], has_nul: bool) -> Result<Decoded<'_>, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(detected) = sniff_binary(bytes) {
        return Err(DecodeError::NotText { detected });
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        if rest.is_empty() {
            return Err(DecodeError::Empty);
        }
        // The BOM holds no NUL: a NUL in the bytes is one in the text.
        if has_nul {
            return Err(DecodeError::NotText { detected: BINARY });
        }
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding: Encoding::Utf8Bom,
            }),
            Err(error) => Err(DecodeError::InvalidUtf8 {
                line: line_of_offset(rest, error.valid_up_to()),
            }),
        };
    }
    if let Some(utf16) = utf16_order(bytes) {
        return decode_utf16(bytes, utf16);
    }
    if has_nul {
        return Err(DecodeError::NotText { detected: BINARY });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: Encoding::Utf8,
        }),
        Err(_) => Ok(Decoded {
            text: Cow::Owned(decode_windows_1252(bytes)),
            encoding: Encoding::Windows1252,
        }),
    }
}

const BINARY: &str = "fichier binaire (ni texte ni CSV)";

/// A NUL byte anywhere: text never has one. Eight bytes at a time, where `contains` goes
/// four at a time in wasm (its word is `usize`); this pass runs over the whole file.
fn contains_nul(bytes: &[u8]) -> bool {
    const LOW_BITS: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let (words, remainder) = bytes.as_chunks::<8>();
    // Tested once per block: a branch per word would cost as much as the test.
    for block in words.chunks(64) {
        let mut found = 0;
        for word in block {
            let word = u64::from_le_bytes(*word);
            found |= word.wrapping_sub(LOW_BITS) & !word & HIGH_BITS;
        }
        if found != 0 {
            return true;
        }
    }
    remainder.contains(&0)
}

/// Recognises the binary files people drop by mistake, from their first bytes.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return Some(zip_kind(bytes));
    }
    let detected = if starts(b"%PDF") {
        "document PDF"
    } else if starts(b"\x89PNG") {
        "image PNG"
    } else if starts(b"\xFF\xD8\xFF") {
        "image JPEG"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "image GIF"
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        "classeur Excel ancien format (.xls) ou document Office"
    } else if starts(b"\x1F\x8B") {
        "archive compressée (.gz)"
    } else if starts(b"{\\rtf") {
        "document RTF (traitement de texte)"
    } else {
        return None;
    };
    Some(detected)
}

/// Office files are zip archives; the names of their first entries tell which kind.
fn zip_kind(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|window| window == needle);
    if has(b"xl/") {
        "classeur Excel (.xlsx)"
    } else if has(b"opendocument.spreadsheet") {
        "classeur OpenDocument (.ods)"
    } else if has(b"word/") {
        "document Word (.docx)"
    } else if has(b"opendocument.text") {
        "document OpenDocument (.odt)"
    } else {
        "archive ZIP ou classeur (.xlsx, .ods)"
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Utf16Order {
    Little,
    Big,
}

/// UTF-16 by its BOM, or without one when the text is mostly ASCII: every other byte is 0.
fn utf16_order(bytes: &[u8]) -> Option<Utf16Order> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(Utf16Order::Little);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(Utf16Order::Big);
    }
    let head = &bytes[..bytes.len().min(256) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // A CSV header is ASCII for the most part, so UTF-16 shows a zero in most pairs;
    // binary data or real text never shows that regular pattern.
    if zero_odd * 10 >= pairs * 7 && zero_even == 0 {
        Some(Utf16Order::Little)
    } else if zero_even * 10 >= pairs * 7 && zero_odd == 0 {
        Some(Utf16Order::Big)
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], order: Utf16Order) -> Result<Decoded<'static>, DecodeError> {
    let has_bom = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let body = if has_bom { &bytes[2..] } else { bytes };
    let units = body.chunks_exact(2).map(|pair| match order {
        Utf16Order::Little => u16::from_le_bytes([pair[0], pair[1]]),
        Utf16Order::Big => u16::from_be_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(body.len() / 2 + body.len() / 8);
    let mut line = 1u32;
    for unit in char::decode_utf16(units) {
        match unit {
            Ok('\0') => return Err(DecodeError::NotText { detected: BINARY }),
            Ok(ch) => {
                if ch == '\n' {
                    line = line.saturating_add(1);
                }
                text.push(ch);
            }
            // A lone surrogate: the file is not UTF-16 after all, or is damaged.
            Err(_) => return Err(DecodeError::InvalidUtf8 { line }),
        }
    }
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text: Cow::Owned(text),
        encoding: match order {
            Utf16Order::Little => Encoding::Utf16Le,
            Utf16Order::Big => Encoding::Utf16Be,
        },
    })
}

/// Windows-1252 differs from Latin-1 only in 0x80–0x9F. The five bytes it leaves undefined
/// map to the C1 controls of the same value, as browsers do.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes Windows-1252 (every byte is a character, so this cannot fail).
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &byte in bytes {
        let ch = match byte {
            0x80..=0x9F => CP1252_HIGH[usize::from(byte - 0x80)],
            _ => char::from(byte),
        };
        text.push(ch);
    }
    text
}

/// 1-based line of a byte offset, for messages.
fn line_of_offset(bytes: &[u8], offset: usize) -> u32 {
    let before = &bytes[..offset.min(bytes.len())];
    let newlines = before.iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines)
        .unwrap_or(u32::MAX)
        .saturating_add(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_is_borrowed_without_its_bom() {
        let decoded = decode("\u{feff}\"Nom\";\"Prénom\"\n".as_bytes()).unwrap();
        assert_eq!(decoded.encoding, Encoding::Utf8Bom);
        assert_eq!(decoded.text, "\"Nom\";\"Prénom\"\n");
        assert!(matches!(decoded.text, Cow::Borrowed(_)));
    }

    #[test]
    fn invalid_utf8_without_bom_is_read_as_windows_1252() {
        // "Prénom;Œuvre;€;’" as Excel writes it on Windows.
        let bytes = b"Pr\xE9nom;\x8Cuvre;\x80;\x92\r\n";
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.encoding, Encoding::Windows1252);
        assert_eq!(decoded.text, "Prénom;Œuvre;€;’\r\n");
    }

    #[test]
    fn windows_1252_table_matches_the_standard() {
        assert_eq!(
            decode_windows_1252(&[0x80, 0x8A, 0x9F, 0xA0, 0xFF]),
            "€Š\u{178}\u{a0}ÿ"
        );
        assert_eq!(
            decode_windows_1252(&[0x81, 0x8D, 0x8F, 0x90, 0x9D])
                .chars()
                .count(),
            5
        );
    }

    #[test]
    fn utf8_with_bom_but_invalid_bytes_is_refused_with_its_line() {
        let error = decode(b"\xEF\xBB\xBFa;b\nc;\xE9\n").unwrap_err();
        assert_eq!(error, DecodeError::InvalidUtf8 { line: 2 });
    }

    #[test]
    fn utf16_little_and_big_endian_with_bom() {
        let text = "Nom\tPrénom\r\nÉLODIE\tœ\r\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        let decoded = decode(&le).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (text, Encoding::Utf16Le)
        );
        let decoded = decode(&be).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (text, Encoding::Utf16Be)
        );
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let text = "\"Nom de l'organisation\";\"ID Campagne\"\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).unwrap().text, text);
    }

    #[test]
    fn binary_files_are_named() {
        let cases: [(&[u8], &str); 6] = [
            (b"PK\x03\x04....xl/workbook.xml", "classeur Excel (.xlsx)"),
            (b"%PDF-1.7\n", "document PDF"),
            (b"\x89PNG\r\n\x1a\n", "image PNG"),
            (b"\xFF\xD8\xFF\xE0", "image JPEG"),
            (b"GIF89a..", "image GIF"),
            (b"abc\0def", BINARY),
        ];
        for (bytes, detected) in cases {
            assert_eq!(
                decode(bytes).unwrap_err(),
                DecodeError::NotText { detected }
            );
        }
    }

    #[test]
    fn a_nul_byte_is_found_wherever_it_is() {
        let mut bytes = vec![b'a'; 1100];
        assert!(!contains_nul(&bytes));
        for at in [0, 7, 8, 511, 512, 1000, 1099] {
            bytes[at] = 0;
            assert!(contains_nul(&bytes), "{at}");
            bytes[at] = b'a';
        }
        assert!(!contains_nul(&[
            0x80, 0x01, 0xff, 0x7f, 0x81, 0x01, 0x01, 0x01, 0xc3
        ]));
    }

    #[test]
    fn empty_and_bom_only_are_empty() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(UTF8_BOM).unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b"\xFF\xFE").unwrap_err(), DecodeError::Empty);
    }
}
