//! Text folding for matching: headers, names, classes and searches must match whatever
//! the accents, apostrophes, case or spacing a spreadsheet or a person typed.

/// Lower case, accents removed, `’` → `'`, runs of white space → one space, trimmed.
/// Works on NFC and NFD input alike (combining marks are dropped).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// `fold`, appended to `out`: the parts of a key can share one allocation.
pub fn fold_into(text: &str, out: &mut String) {
    if only_needs_lower_case(text.as_bytes()) {
        let start = out.len();
        out.push_str(text);
        if let Some(appended) = out.get_mut(start..) {
            appended.make_ascii_lowercase();
        }
        return;
    }
    fold_chars_into(text, out);
}

fn fold_chars_into(text: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    for ch in text.chars() {
        // ASCII first, without Unicode tables or `to_lowercase` iterators: names are mostly
        // ASCII, and this function was a fifth of the browser import (Chromium profile).
        // Same result as the general path below: these six are exactly the ASCII characters
        // `char::is_whitespace` accepts.
        if ch.is_ascii() {
            let byte = ch as u8;
            if matches!(byte, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
                pending_space = out.len() > start;
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(if byte == b'`' {
                '\''
            } else {
                char::from(byte.to_ascii_lowercase())
            });
            continue;
        }
        if ch.is_whitespace() || ch == '\u{a0}' || ch == '\u{feff}' {
            pending_space = out.len() > start;
            continue;
        }
        if ('\u{300}'..='\u{36f}').contains(&ch) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match ch {
            '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\''),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            _ => match strip_accent(ch) {
                Some(base) => out.push(base),
                None => out.extend(ch.to_lowercase()),
            },
        }
    }
}

/// Printable ASCII without `` ` `` and with single inner spaces only: folding it is lowering
/// its case, done in place rather than character by character. Most names and classes are.
fn only_needs_lower_case(bytes: &[u8]) -> bool {
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for &byte in bytes {
        let space = byte == b' ';
        if !(b' '..=b'~').contains(&byte) || byte == b'`' || (space && after_space) {
            return false;
        }
        after_space = space;
    }
    true
}

fn strip_accent(ch: char) -> Option<char> {
    let base = match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' | 'ă'
        | 'Ă' | 'ą' | 'Ą' => 'a',
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => 'c',
        'ď' | 'Ď' | 'đ' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'Ē' | 'ė' | 'Ė' | 'ę' | 'Ę' | 'ě'
        | 'Ě' => 'e',
        'ğ' | 'Ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'Ī' | 'İ' | 'ı' => 'i',
        'ł' | 'Ł' => 'l',
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' | 'Ō' | 'ő'
        | 'Ő' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' | 'ș' | 'Ș' => 's',
        'ț' | 'Ț' | 'ţ' | 'Ţ' | 'ť' | 'Ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => {
            'u'
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => 'z',
        _ => return None,
    };
    Some(base)
}

/// Key that groups the ways one class gets typed: `4 B`, `4b`, `4B`, `4e B`, `4ème B` → `4b`.
/// The class is still shown as typed; only grouping and filtering use this key.
pub fn class_key(class: &str) -> String {
    let mut compact = fold(class);
    compact.retain(char::is_alphanumeric);
    let digits = compact.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return compact;
    }
    for ordinal in ["eme", "e"] {
        let after = compact
            .get(digits..)
            .and_then(|rest| rest.strip_prefix(ordinal));
        if after.is_some_and(|after| !after.is_empty()) {
            compact.replace_range(digits..digits + ordinal.len(), "");
            break;
        }
    }
    compact
}

/// Natural order for classes: `3E2` before `3E10`, `2nde 2` before `2nde 10`.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (a, b) = (fold(a), fold(b));
    let (mut a, mut b) = (a.as_str(), b.as_str());
    loop {
        match (a.is_empty(), b.is_empty()) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            _ => {}
        }
        let a_digits = a.bytes().take_while(u8::is_ascii_digit).count();
        let b_digits = b.bytes().take_while(u8::is_ascii_digit).count();
        let ordering = if a_digits > 0 && b_digits > 0 {
            let (a_num, b_num) = (
                a[..a_digits].trim_start_matches('0'),
                b[..b_digits].trim_start_matches('0'),
            );
            let ordering = a_num.len().cmp(&b_num.len()).then_with(|| a_num.cmp(b_num));
            a = &a[a_digits..];
            b = &b[b_digits..];
            ordering
        } else {
            let (a_char, b_char) = (
                a.chars().next().unwrap_or_default(),
                b.chars().next().unwrap_or_default(),
            );
            a = &a[a_char.len_utf8()..];
            b = &b[b_char.len_utf8()..];
            a_char.cmp(&b_char)
        };
        if ordering != Ordering::Equal {
            return ordering;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_shortcut_folds_like_the_unicode_path() {
        // Every ASCII character, alone and between letters, against char::is_whitespace
        // and char::to_lowercase as the general path applies them.
        for byte in 0u8..0x80 {
            let ch = char::from(byte);
            let expected = if ch.is_whitespace() {
                "a b".to_owned()
            } else if ch == '`' {
                "a'b".to_owned()
            } else {
                format!("a{}b", ch.to_lowercase())
            };
            assert_eq!(fold(&format!("A{ch}B")), expected, "byte {byte}");
        }
        assert_eq!(fold("\x0b\x0c Élise\tO`Neil "), "elise o'neil");
    }

    #[test]
    fn fold_ignores_accents_case_apostrophes_and_spacing() {
        assert_eq!(
            fold("  Mener une recherche et une veille d’information "),
            "mener une recherche et une veille d'information"
        );
        assert_eq!(fold("BEN SAÏD"), "ben said");
        // NFD: "e" followed by a combining acute accent.
        assert_eq!(fold("Ce\u{301}line"), fold("Céline"));
        assert_eq!(fold("Nom  de\tl'organisation"), "nom de l'organisation");
    }

    #[test]
    fn the_lower_case_shortcut_folds_like_the_general_path() {
        for text in [
            "DUPONT",
            "Jean Pierre",
            " Jean",
            "Jean ",
            "Jean  Pierre",
            "a\tb",
            "O`Connor",
            "O'Connor",
            "x\u{1}y",
            "~{}|",
            "3E2",
            "",
            " ",
            "A\u{7f}",
        ] {
            let mut general = String::new();
            fold_chars_into(text, &mut general);
            assert_eq!(fold(text), general, "{text:?}");
        }
        let mut parts = String::from("dupont");
        fold_into(" Léa ", &mut parts);
        assert_eq!(parts, "dupontlea");
    }

    #[test]
    fn class_key_groups_the_ways_a_class_is_typed() {
        for typed in ["4 B", "4b", "4B", "4e B", "4ème B", "4EME b"] {
            assert_eq!(class_key(typed), "4b", "{typed}");
        }
        assert_eq!(class_key("2nde 10"), "2nde10");
        assert_eq!(class_key("5e"), "5e");
    }

    #[test]
    fn natural_order_puts_3e2_before_3e10() {
        let mut classes = vec!["3E10", "3E2", "3E1", "2nde 10", "2nde 2"];
        classes.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(classes, ["2nde 2", "2nde 10", "3E1", "3E2", "3E10"]);
    }
}
