//! SIECLE's `ElevesSansAdresses`: the zip around it, its declared encoding, and the students
//! kept by Pix's own rules (spec §1.4).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{LeftOut, RosterDate, RosterEntry, RosterErrorKind, RosterFile, RosterSource};

/// Real files are a few MB (8.5 MB for a large lycée, spec §1.1): anything far beyond is not
/// a student list, and is refused before it fills the browser's memory (a zip bomb).
pub const MAX_XML_BYTES: u64 = 64_000_000;

/// The one XML entry of the archive, unzipped. Entries are chosen as Pix does (its regex
/// `^([^.][^/]*\/)*[^./][^/]*\.xml$`): no part of the path may start with a dot, which skips
/// macOS's `._*` files and hidden folders; `__MACOSX/` is skipped too, and the extension is
/// compared without case (`.XML` from an old Windows tool is still the file).
pub fn unzip_single_xml(bytes: &[u8]) -> Result<Vec<u8>, RosterErrorKind> {
    let corrupt = |error: zip::result::ZipError| RosterErrorKind::CorruptZip(error.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    let mut xml_entries = Vec::new();
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(corrupt)?;
        let name = entry.name().map_err(corrupt)?.into_owned();
        if let Some(kind) = office_kind(&name) {
            return Err(RosterErrorKind::OfficeDocument(kind));
        }
        if !entry.is_dir() && is_candidate_xml(&name) {
            xml_entries.push((index, name));
        }
    }
    let index = match xml_entries.as_slice() {
        [] => return Err(RosterErrorKind::NoXmlInZip),
        [(index, _)] => *index,
        several => {
            return Err(RosterErrorKind::SeveralXmlInZip(
                several.iter().map(|(_, name)| name.clone()).collect(),
            ))
        }
    };
    let entry = archive.by_index(index).map_err(corrupt)?;
    let mut xml = Vec::with_capacity(entry.size().min(MAX_XML_BYTES) as usize);
    entry
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|error| RosterErrorKind::CorruptZip(error.to_string()))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(RosterErrorKind::TooLarge);
    }
    Ok(xml)
}

/// Office documents are zips of XML files too: an entry name tells them apart, so a
/// spreadsheet dropped by mistake is named as such rather than as a zip with too many XML.
pub fn office_kind(entry_name: &str) -> Option<&'static str> {
    let kind = if entry_name.starts_with("xl/") {
        "classeur Excel (.xlsx)"
    } else if entry_name.starts_with("word/") {
        "document Word (.docx)"
    } else if entry_name.starts_with("ppt/") {
        "présentation PowerPoint (.pptx)"
    } else if entry_name == "mimetype" {
        "document OpenDocument (.ods, .odt)"
    } else if entry_name == "[Content_Types].xml" {
        "document Office (.xlsx, .docx)"
    } else {
        return None;
    };
    Some(kind)
}

/// The name of the first entry of a zip, from its local header, without reading the archive:
/// for `looks_like_roster`, which must stay cheap.
pub fn first_entry_name(bytes: &[u8]) -> Option<&str> {
    let header = bytes.get(..30)?;
    let name_length = usize::from(u16::from_le_bytes([header[26], header[27]]));
    std::str::from_utf8(bytes.get(30..30 + name_length)?).ok()
}

fn is_candidate_xml(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let Some((file, folders)) = parts.split_last() else {
        return false;
    };
    let hidden = |part: &str| part.is_empty() || part.starts_with('.');
    !folders
        .iter()
        .any(|folder| hidden(folder) || *folder == "__MACOSX")
        && !hidden(file)
        && file.len() > 4
        && file
            .get(file.len() - 4..)
            .is_some_and(|extension| extension.eq_ignore_ascii_case(".xml"))
}

/// The encoding the XML declaration names in the first 128 bytes (as Pix reads it), UTF-8
/// when there is none; a UTF-8 BOM wins over the declaration, as XML itself says.
fn declared_encoding(bytes: &[u8]) -> Result<&'static encoding_rs::Encoding, RosterErrorKind> {
    if bytes.starts_with(super::UTF8_BOM) {
        return Ok(encoding_rs::UTF_8);
    }
    let head = &bytes[..bytes.len().min(128)];
    let Some(declaration_end) = head.windows(2).position(|pair| pair == b"?>") else {
        return Ok(encoding_rs::UTF_8);
    };
    let declaration = &head[..declaration_end];
    if !declaration.starts_with(b"<?xml") {
        return Ok(encoding_rs::UTF_8);
    }
    let Some(at) = declaration
        .windows(8)
        .position(|window| window == b"encoding")
    else {
        return Ok(encoding_rs::UTF_8);
    };
    let rest = &declaration[at + 8..];
    let rest = rest
        .iter()
        .position(|&byte| byte == b'"' || byte == b'\'')
        .map(|quote_at| (rest[quote_at], &rest[quote_at + 1..]));
    let label = rest
        .and_then(|(quote, value)| {
            value
                .iter()
                .position(|&byte| byte == quote)
                .map(|end| &value[..end])
        })
        .unwrap_or_default();
    let unsupported =
        || RosterErrorKind::UnsupportedEncoding(String::from_utf8_lossy(label).into());
    let encoding = encoding_rs::Encoding::for_label(label).ok_or_else(unsupported)?;
    // The parse below needs an ASCII-compatible text: UTF-16 files would need a BOM anyway,
    // and SIECLE writes Latin-9.
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return Err(unsupported());
    }
    Ok(encoding)
}

/// Where the parser stands: only the elements that matter get a variant; everything else is
/// skipped whole, whatever it contains (so `CODE_STRUCTURE` inside `SCOLARITE_AN_DERNIER`
/// never passes for the class).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Root,
    Parameters,
    Parameter(Parameter),
    Data,
    DataList,
    Student,
    StudentField(StudentField),
    StudentStructures,
    Structure,
    StructureField(StructureField),
    Skipped,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Parameter {
    Uai,
    SchoolYear,
    ExportDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StudentField {
    NationalId,
    FamilyName,
    /// `NOM`, used by older files where `NOM_DE_FAMILLE` is absent.
    OldName,
    UsageName,
    First,
    Second,
    Third,
    LeftOn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StructureField {
    Code,
    Kind,
}

fn child_place(parent: Place, name: &[u8]) -> Place {
    use Place::*;
    match (parent, name) {
        (Root, b"PARAMETRES") => Parameters,
        (Root, b"DONNEES") => Data,
        (Parameters, b"UAJ") => Parameter(self::Parameter::Uai),
        (Parameters, b"ANNEE_SCOLAIRE") => Parameter(self::Parameter::SchoolYear),
        (Parameters, b"DATE_EXPORT") => Parameter(self::Parameter::ExportDate),
        (Data, _) => DataList,
        (DataList, b"ELEVE") => Student,
        (DataList, b"STRUCTURES_ELEVE") => StudentStructures,
        (Student, field) => match field {
            b"ID_NATIONAL" => StudentField(self::StudentField::NationalId),
            b"NOM_DE_FAMILLE" => StudentField(self::StudentField::FamilyName),
            b"NOM" => StudentField(self::StudentField::OldName),
            b"NOM_USAGE" => StudentField(self::StudentField::UsageName),
            b"PRENOM" => StudentField(self::StudentField::First),
            b"PRENOM2" => StudentField(self::StudentField::Second),
            b"PRENOM3" => StudentField(self::StudentField::Third),
            b"DATE_SORTIE" => StudentField(self::StudentField::LeftOn),
            _ => Skipped,
        },
        (StudentStructures, b"STRUCTURE") => Structure,
        (Structure, b"CODE_STRUCTURE") => StructureField(self::StructureField::Code),
        (Structure, b"TYPE_STRUCTURE") => StructureField(self::StructureField::Kind),
        _ => Skipped,
    }
}

#[derive(Default)]
struct RawStudent {
    id: String,
    national_id: String,
    family_name: Option<String>,
    old_name: Option<String>,
    usage_name: String,
    first: String,
    second: String,
    third: String,
    left_on: String,
}

/// The division a student's `STRUCTURES_ELEVE` give: the last `D` one that is not
/// `Inactifs` (Pix's rule), and whether an `Inactifs` one was seen (for the report).
#[derive(Default)]
struct Division {
    class: Option<String>,
    inactive: bool,
}

#[derive(Default)]
struct Parsed {
    uai: Option<String>,
    school_year: Option<String>,
    export_date: Option<String>,
    students: Vec<RawStudent>,
    divisions: HashMap<String, Division>,
}

/// Line (1-based) of a byte position, for error messages.
fn line_at(text: &str, position: u64) -> usize {
    let end = (position as usize).min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&byte| byte == b'\n')
        .count()
        + 1
}

fn attribute(element: &BytesStart<'_>, name: &str) -> String {
    element
        .try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|value| value.unescape_value().ok().map(|value| value.into_owned()))
        .unwrap_or_default()
}

pub fn read_siecle(file_name: &str, bytes: &[u8]) -> Result<RosterFile, RosterErrorKind> {
    if bytes.len() as u64 > MAX_XML_BYTES {
        return Err(RosterErrorKind::TooLarge);
    }
    let encoding = declared_encoding(bytes)?;
    let without_bom = bytes.strip_prefix(super::UTF8_BOM).unwrap_or(bytes);
    // Decoded whole, then parsed as events: the file is already in memory (a drop gives its
    // bytes), and quick-xml then borrows every name from one text. Bytes that are invalid in
    // the declared encoding become U+FFFD, which the report then flags.
    let (text, _had_errors) = encoding.decode_without_bom_handling(without_bom);
    let parsed = parse(&text)?;
    Ok(keep_students(file_name, parsed))
}

fn parse(text: &str) -> Result<Parsed, RosterErrorKind> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut parsed = Parsed::default();
    let mut stack: Vec<Place> = Vec::with_capacity(8);
    let mut value = String::new();
    let mut student = RawStudent::default();
    let mut structure = (String::new(), String::new());
    let mut structures_owner = String::new();
    let mut root_closed = false;
    let xml_error = |reader: &Reader<&[u8]>, detail: String| RosterErrorKind::Xml {
        line: line_at(text, reader.error_position()),
        detail,
    };
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            // A file cut inside a tag or a comment fails at its very end: that is a cut
            // download, not a malformed export.
            Err(quick_xml::Error::Syntax(_))
                if reader.buffer_position() as usize >= text.trim_end().len() =>
            {
                return Err(RosterErrorKind::Truncated)
            }
            Err(error) => return Err(xml_error(&reader, error.to_string())),
        };
        // Only the text of the fields read is kept; the rest is skipped unread.
        let capturing = captures(stack.last());
        match event {
            Event::Start(element) => {
                let place = match stack.last() {
                    None if root_closed => {
                        return Err(xml_error(&reader, "contenu après </BEE_ELEVES>".into()))
                    }
                    None if element.name().as_ref() == b"BEE_ELEVES" => Place::Root,
                    None => {
                        return Err(RosterErrorKind::NotSiecle {
                            root: String::from_utf8_lossy(element.name().as_ref()).into_owned(),
                        })
                    }
                    Some(&parent) => child_place(parent, element.name().as_ref()),
                };
                match place {
                    Place::Student => {
                        student = RawStudent {
                            id: attribute(&element, "ELEVE_ID"),
                            ..RawStudent::default()
                        };
                    }
                    Place::StudentStructures => {
                        structures_owner = attribute(&element, "ELEVE_ID");
                    }
                    Place::Structure => structure = (String::new(), String::new()),
                    _ => {}
                }
                value.clear();
                stack.push(place);
            }
            Event::Text(content) if capturing => {
                let content = content
                    .xml10_content()
                    .map_err(|error| xml_error(&reader, error.to_string()))?;
                value.push_str(&content);
            }
            Event::CData(content) if capturing => {
                value.push_str(&String::from_utf8_lossy(&content));
            }
            Event::GeneralRef(reference) if capturing => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(ch)) => Some(ch.to_string()),
                    Ok(None) => reference.decode().ok().and_then(|name| {
                        quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned)
                    }),
                    Err(_) => None,
                };
                let resolved = resolved
                    .ok_or_else(|| xml_error(&reader, "référence d'entité inconnue".to_owned()))?;
                value.push_str(&resolved);
            }
            Event::End(_) => {
                let Some(place) = stack.pop() else {
                    return Err(xml_error(&reader, "balise fermante en trop".into()));
                };
                let text = std::mem::take(&mut value);
                match place {
                    Place::Parameter(parameter) => {
                        let slot = match parameter {
                            Parameter::Uai => &mut parsed.uai,
                            Parameter::SchoolYear => &mut parsed.school_year,
                            Parameter::ExportDate => &mut parsed.export_date,
                        };
                        *slot = Some(text.trim().to_owned()).filter(|text| !text.is_empty());
                    }
                    Place::StudentField(field) => {
                        let slot = match field {
                            StudentField::NationalId => &mut student.national_id,
                            StudentField::FamilyName => {
                                student.family_name = Some(text);
                                continue;
                            }
                            StudentField::OldName => {
                                student.old_name = Some(text);
                                continue;
                            }
                            StudentField::UsageName => &mut student.usage_name,
                            StudentField::First => &mut student.first,
                            StudentField::Second => &mut student.second,
                            StudentField::Third => &mut student.third,
                            StudentField::LeftOn => &mut student.left_on,
                        };
                        *slot = text;
                    }
                    Place::Student => parsed.students.push(std::mem::take(&mut student)),
                    Place::StructureField(StructureField::Code) => structure.0 = text,
                    Place::StructureField(StructureField::Kind) => structure.1 = text,
                    Place::Structure => {
                        let (code, kind) = std::mem::take(&mut structure);
                        if kind.trim() == "D" {
                            let division = parsed
                                .divisions
                                .entry(structures_owner.clone())
                                .or_default();
                            if code.trim() == "Inactifs" {
                                division.inactive = true;
                            } else {
                                division.class = Some(code);
                            }
                        }
                    }
                    Place::Root => root_closed = true,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_closed {
        return Err(if stack.is_empty() {
            RosterErrorKind::NotSiecle {
                root: String::new(),
            }
        } else {
            RosterErrorKind::Truncated
        });
    }
    Ok(parsed)
}

fn captures(place: Option<&Place>) -> bool {
    matches!(
        place,
        Some(Place::Parameter(_) | Place::StudentField(_) | Place::StructureField(_))
    )
}

/// Pix's filters (spec §1.4, steps 3 to 5), applied once the whole file is read, so the order
/// of `ELEVES` and `STRUCTURES` does not matter.
fn keep_students(file_name: &str, parsed: Parsed) -> RosterFile {
    let mut left_out = LeftOut::default();
    let mut entries = Vec::with_capacity(parsed.students.len());
    for raw in parsed.students {
        // Pix drops any non-empty `DATE_SORTIE`, even a future one; only white space (a
        // pretty-printed empty element) is not a date here.
        if !raw.left_on.trim().is_empty() {
            left_out.left_school += 1;
            continue;
        }
        if raw.national_id.trim().is_empty() {
            left_out.without_national_id += 1;
            continue;
        }
        let division = parsed.divisions.get(&raw.id);
        let Some(class) = division.and_then(|division| division.class.as_deref()) else {
            if division.is_some_and(|division| division.inactive) {
                left_out.inactive += 1;
            } else {
                left_out.without_class += 1;
            }
            continue;
        };
        let trimmed = |text: &str| text.trim().to_owned();
        let last = raw
            .family_name
            .filter(|name| !name.trim().is_empty())
            .or(raw.old_name)
            .unwrap_or_default();
        entries.push(RosterEntry {
            national_id: trimmed(&raw.national_id),
            last: trimmed(&last),
            usage_last: Some(trimmed(&raw.usage_name)).filter(|name| !name.is_empty()),
            first: trimmed(&raw.first),
            other_firsts: [&raw.second, &raw.third]
                .into_iter()
                .map(|name| trimmed(name))
                .filter(|name| !name.is_empty())
                .collect(),
            class: trimmed(class),
        });
    }
    RosterFile {
        source: RosterSource::Siecle,
        file_name: file_name.to_owned(),
        uai: parsed.uai,
        school_year: parsed.school_year,
        exported_on: parsed
            .export_date
            .as_deref()
            .and_then(RosterDate::parse_french),
        entries,
        left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_entries_are_chosen_as_pix_does() {
        assert!(is_candidate_xml("ElevesSansAdresses.xml"));
        assert!(is_candidate_xml("export/ElevesSansAdresses.XML"));
        assert!(!is_candidate_xml("__MACOSX/ElevesSansAdresses.xml"));
        assert!(!is_candidate_xml("__MACOSX/._ElevesSansAdresses.xml"));
        assert!(!is_candidate_xml("._ElevesSansAdresses.xml"));
        assert!(!is_candidate_xml(".cache/ElevesSansAdresses.xml"));
        assert!(!is_candidate_xml("ElevesSansAdresses.xml/"));
        assert!(!is_candidate_xml("lisez-moi.txt"));
        assert!(!is_candidate_xml(".xml"));
    }

    #[test]
    fn the_declared_encoding_is_honoured_and_utf8_is_the_default() {
        let latin9 = br#"<?xml version="1.0" encoding="ISO-8859-15"?><BEE_ELEVES/>"#;
        assert_eq!(declared_encoding(latin9), Ok(encoding_rs::ISO_8859_15));
        let single = b"<?xml version='1.0' encoding='iso-8859-1'?><BEE_ELEVES/>";
        assert_eq!(declared_encoding(single), Ok(encoding_rs::WINDOWS_1252));
        assert_eq!(declared_encoding(b"<BEE_ELEVES/>"), Ok(encoding_rs::UTF_8));
        let bom = b"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>";
        assert_eq!(declared_encoding(bom), Ok(encoding_rs::UTF_8));
        assert_eq!(
            declared_encoding(b"<?xml version=\"1.0\" encoding=\"klingon\"?>"),
            Err(RosterErrorKind::UnsupportedEncoding("klingon".into()))
        );
    }
}
