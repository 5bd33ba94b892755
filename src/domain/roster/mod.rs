//! The school's student list (the "roster"): SIECLE's `ElevesSansAdresses` (XML, usually
//! zipped) or the SCO/SUP CSV Pix Orga imports, so that the views can count the students who
//! never joined a campaign. The spec is `docs/roster-formats.md`.
//!
//! Reading is in two steps: `read_roster` gives a `RosterFile`, which still holds each
//! student's INE, and `RosterFile::into_roster` replaces the INE by a salted hash. Only
//! `Roster` is serialisable: the INE never reaches storage or a backup.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub mod cohort;
#[cfg(feature = "generate")]
pub mod generate;
pub mod matching;
pub(crate) mod sco_csv;
mod siecle;

/// Which kind of file the roster was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RosterSource {
    /// SIECLE `ElevesSansAdresses`, bare XML or zipped.
    Siecle,
    /// Pix Orga's SCO CSV (lycées agricoles).
    ScoCsv,
    /// Pix Orga's SUP CSV (universities); the class is the `Groupe`.
    SupCsv,
}

impl RosterSource {
    pub fn label(self) -> &'static str {
        match self {
            RosterSource::Siecle => "SIECLE",
            RosterSource::ScoCsv => "CSV SCO",
            RosterSource::SupCsv => "CSV SUP",
        }
    }
}

/// A calendar date as SIECLE writes it (`DATE_EXPORT`, `dd/mm/yyyy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RosterDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl RosterDate {
    /// `dd/mm/yyyy`; `None` for anything else, so a malformed date is simply not shown.
    pub fn parse_french(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('/');
        let day: u8 = parts.next()?.trim().parse().ok()?;
        let month: u8 = parts.next()?.trim().parse().ok()?;
        let year: u16 = parts.next()?.trim().parse().ok()?;
        let valid = parts.next().is_none()
            && (1..=31).contains(&day)
            && (1..=12).contains(&month)
            && year >= 1900;
        valid.then_some(RosterDate { year, month, day })
    }
}

impl fmt::Display for RosterDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// The salt of the students' keys, as hex.
///
/// It is meant to be created once (from random bytes the browser gives) and kept beside the
/// remembered matching decisions, then reused for every later roster: the same INE then gives
/// the same key in a newer roster, so a choice made in "À vérifier" stays attached to the same
/// student when the roster is replaced. A fresh salt per import would orphan every decision at
/// each replacement, since the INE itself is never kept to re-key them.
///
/// This is pseudonymisation, not secrecy: the salt is stored next to the keys, and INEs are
/// few enough to be tried one by one. It keeps the INE out of storage and backups, and makes
/// the keys useless outside this browser.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RosterSalt(String);

impl RosterSalt {
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        RosterSalt(hex(&bytes))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A roster student's stable key: SHA-256 of the salt and the INE (or the student number of
/// a SUP file), truncated to 128 bits, as hex.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StudentId(String);

impl StudentId {
    fn of(salt: &RosterSalt, national_id: &str) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(salt.0.as_bytes());
        hasher.update([0x1f]);
        // `000000001xx` and `000000001XX` are one INE: the key must not depend on the case.
        hasher.update(national_id.trim().to_uppercase().as_bytes());
        let digest = hasher.finalize();
        StudentId(hex(&digest[..16]))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Lower-case hex. Not `write!("{:02x}")`: formatting each byte cost more than the SHA-256
/// of the key itself (callgrind, 2,000 students).
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

/// One student of the roster, with what the matching and the views need and nothing more (no
/// INE, birth data or sex code).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterStudent {
    pub key: StudentId,
    /// `NOM_DE_FAMILLE` (or `NOM` in older files): the name Pix exports.
    pub last: String,
    /// `NOM_USAGE`, when set.
    #[serde(default)]
    pub usage_last: Option<String>,
    /// `PRENOM`: the only first name Pix exports.
    pub first: String,
    /// `PRENOM2`, `PRENOM3`.
    #[serde(default)]
    pub other_firsts: Vec<String>,
    /// The division (`CODE_STRUCTURE` of type `D`) as typed.
    pub class: String,
}

/// Entries of the file that are not students of the school today, by Pix's own rules; each
/// entry is counted once, under the first rule that drops it (in this order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    /// `DATE_SORTIE` set: the student left.
    #[serde(default)]
    pub left_school: usize,
    /// No `ID_NATIONAL` (or no `Identifiant unique*` / `Numéro étudiant`).
    #[serde(default)]
    pub without_national_id: usize,
    /// No division (`D` structure), or an empty `Division*`.
    #[serde(default)]
    pub without_class: usize,
    /// Only the `Inactifs` division.
    #[serde(default)]
    pub inactive: usize,
    /// The same INE a second time: the first one is kept.
    #[serde(default)]
    pub duplicates: usize,
}

impl LeftOut {
    pub fn total(&self) -> usize {
        self.left_school
            + self.without_national_id
            + self.without_class
            + self.inactive
            + self.duplicates
    }
}

/// A roster as stored: dated, replaceable by a newer one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub source: RosterSource,
    pub file_name: String,
    /// `UAJ`: the school's UAI.
    #[serde(default)]
    pub uai: Option<String>,
    /// `ANNEE_SCOLAIRE`, e.g. `2025` for 2025-2026.
    #[serde(default)]
    pub school_year: Option<String>,
    /// `DATE_EXPORT`.
    #[serde(default)]
    pub exported_on: Option<RosterDate>,
    pub salt: RosterSalt,
    pub students: Vec<RosterStudent>,
    #[serde(default)]
    pub left_out: LeftOut,
    /// Names that look mis-decoded (U+FFFD, `Ã©`…): the file was probably re-saved with the
    /// wrong encoding. Shown as a warning; the students are kept.
    #[serde(default)]
    pub suspicious_names: usize,
}

impl Roster {
    pub fn report(&self) -> RosterReport {
        RosterReport {
            file_name: self.file_name.clone(),
            source: self.source,
            students: self.students.len(),
            classes: distinct_classes(self.students.iter().map(|s| s.class.as_str())),
            exported_on: self.exported_on,
            school_year: self.school_year.clone(),
            left_out: self.left_out,
            suspicious_names: self.suspicious_names,
        }
    }

    /// Distinct classes as (`text::class_key`, label as first typed), in natural order.
    pub fn classes(&self) -> Vec<(String, String)> {
        let mut seen = std::collections::HashSet::new();
        let mut classes: Vec<(String, String)> = self
            .students
            .iter()
            .filter_map(|student| {
                let key = crate::text::class_key(&student.class);
                seen.insert(key.clone())
                    .then(|| (key, student.class.clone()))
            })
            .collect();
        crate::views::sort::sort_by(&mut classes, |a, b| crate::text::natural_cmp(&a.1, &b.1));
        classes
    }
}

fn distinct_classes<'a>(classes: impl Iterator<Item = &'a str>) -> usize {
    classes
        .map(crate::text::class_key)
        .collect::<BTreeSet<_>>()
        .len()
}

/// A student as read from the file, INE included: never stored (see `RosterFile::into_roster`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterEntry {
    pub national_id: String,
    pub last: String,
    pub usage_last: Option<String>,
    pub first: String,
    pub other_firsts: Vec<String>,
    pub class: String,
}

/// What `read_roster` read, before the INEs are replaced by keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterFile {
    pub source: RosterSource,
    pub file_name: String,
    pub uai: Option<String>,
    pub school_year: Option<String>,
    pub exported_on: Option<RosterDate>,
    pub entries: Vec<RosterEntry>,
    pub left_out: LeftOut,
}

impl RosterFile {
    /// The roster to store: each INE replaced by its salted key. See `RosterSalt` for which
    /// salt to give.
    pub fn into_roster(self, salt: &RosterSalt) -> Roster {
        let suspicious_names = self
            .entries
            .iter()
            .filter(|entry| {
                [&entry.last, &entry.first]
                    .into_iter()
                    .chain(entry.usage_last.as_ref())
                    .chain(&entry.other_firsts)
                    .any(|name| looks_mis_decoded(name))
            })
            .count();
        let students = self
            .entries
            .into_iter()
            .map(|entry| RosterStudent {
                key: StudentId::of(salt, &entry.national_id),
                last: entry.last,
                usage_last: entry.usage_last,
                first: entry.first,
                other_firsts: entry.other_firsts,
                class: entry.class,
            })
            .collect();
        Roster {
            source: self.source,
            file_name: self.file_name,
            uai: self.uai,
            school_year: self.school_year,
            exported_on: self.exported_on,
            salt: salt.clone(),
            students,
            left_out: self.left_out,
            suspicious_names,
        }
    }

    /// Drops repeated national ids (the first is kept) and counts them.
    fn dedup_national_ids(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let before = self.entries.len();
        self.entries
            .retain(|entry| seen.insert(entry.national_id.trim().to_uppercase()));
        self.left_out.duplicates += before - self.entries.len();
    }
}

/// U+FFFD, C1 controls, or `Ã` before another non-ASCII character: UTF-8 read as Latin-1 or
/// Latin-9 (`Ã©` for `é`, `Ã` + U+0089 for `É`, `ÃŠ` for `æ` in Latin-9), what Pix refuses since
/// PR #15257. No French name has a control character, or `Ã` followed by an accented letter.
fn looks_mis_decoded(name: &str) -> bool {
    let mut chars = name.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '\u{fffd}' || ('\u{80}'..='\u{9f}').contains(&ch) {
            return true;
        }
        if ch == 'Ã' && chars.peek().is_some_and(|next| !next.is_ascii()) {
            return true;
        }
    }
    false
}

/// What an import read, for the `import-result` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterReport {
    pub file_name: String,
    pub source: RosterSource,
    pub students: usize,
    pub classes: usize,
    pub exported_on: Option<RosterDate>,
    pub school_year: Option<String>,
    pub left_out: LeftOut,
    pub suspicious_names: usize,
}

fn plural(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count > 1 { plural } else { singular })
}

impl fmt::Display for RosterReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Liste des élèves ({}) « {} » : {} dans {}",
            self.source.label(),
            self.file_name,
            plural(self.students, "élève", "élèves"),
            plural(self.classes, "classe", "classes"),
        )?;
        if let Some(date) = self.exported_on {
            write!(f, ", exportée le {date}")?;
        }
        if let Some(year) = &self.school_year {
            match year.trim().parse::<u16>() {
                Ok(start) => write!(f, ", année scolaire {start}-{}", start + 1)?,
                Err(_) => write!(f, ", année scolaire {}", year.trim())?,
            }
        }
        let left_out = self.left_out;
        if left_out.total() > 0 {
            let reasons: Vec<String> = [
                (left_out.left_school, "sorti", "sortis"),
                (left_out.without_national_id, "sans INE", "sans INE"),
                (left_out.without_class, "sans classe", "sans classe"),
                (left_out.inactive, "Inactifs", "Inactifs"),
                (left_out.duplicates, "en double", "en double"),
            ]
            .into_iter()
            .filter(|(count, _, _)| *count > 0)
            .map(|(count, one, many)| plural(count, one, many))
            .collect();
            write!(
                f,
                " ; {} : {}",
                plural(left_out.total(), "entrée écartée", "entrées écartées"),
                reasons.join(", ")
            )?;
        }
        write!(f, ".")?;
        if self.suspicious_names > 0 {
            let names = if self.suspicious_names > 1 {
                "noms semblent mal encodés"
            } else {
                "nom semble mal encodé"
            };
            write!(
                f,
                " Attention : {} {names} (caractères « � » ou « Ã ») : vérifiez le \
                 fichier.",
                self.suspicious_names
            )?;
        }
        Ok(())
    }
}

/// Why a roster file is refused. Nothing of a refused file is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RosterErrorKind {
    /// Neither a SIECLE file nor a known CSV.
    NotARoster,
    /// The zip cannot be read.
    CorruptZip(String),
    /// A spreadsheet or text document (zips too), named in French.
    OfficeDocument(&'static str),
    NoXmlInZip,
    SeveralXmlInZip(Vec<String>),
    /// The XML (unzipped) is larger than `MAX_XML_BYTES`.
    TooLarge,
    /// XML whose root is not `BEE_ELEVES`.
    NotSiecle {
        root: String,
    },
    /// The declared encoding is not one `encoding_rs` knows.
    UnsupportedEncoding(String),
    /// Malformed XML.
    Xml {
        line: usize,
        detail: String,
    },
    /// The XML stops before `</BEE_ELEVES>`.
    Truncated,
    /// A CSV header that is not one of Pix's.
    UnknownColumns(Vec<String>),
    MissingColumns(Vec<String>),
    Csv {
        line: usize,
        detail: String,
    },
    /// Every entry was left out.
    NoStudent(LeftOut),
}

/// A refused roster file and why, in the same shape as `ImportError`: `Display` is the
/// French message, `kind()` the detail, for tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterError {
    file: String,
    kind: RosterErrorKind,
}

impl RosterError {
    pub(crate) fn new(file: &str, kind: RosterErrorKind) -> Self {
        RosterError {
            file: file.to_owned(),
            kind,
        }
    }

    /// The name of the refused file, as dropped.
    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn kind(&self) -> &RosterErrorKind {
        &self.kind
    }
}

impl fmt::Display for RosterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = &self.file;
        match &self.kind {
            RosterErrorKind::NotARoster => write!(
                f,
                "« {name} » n'est pas une liste d'élèves reconnue : il faut le fichier SIECLE \
                 ElevesSansAdresses (.xml ou .zip) ou le CSV d'import SCO de Pix Orga."
            ),
            RosterErrorKind::CorruptZip(detail) => write!(
                f,
                "« {name} » : l'archive zip est abîmée ou illisible ({detail}). Téléchargez-la \
                 à nouveau depuis SIECLE."
            ),
            RosterErrorKind::OfficeDocument(kind) => write!(
                f,
                "« {name} » est un {kind}, pas une liste d'élèves : déposez le fichier \
                 ElevesSansAdresses (.zip ou .xml) tel que SIECLE le donne, ou un export Pix \
                 Orga en CSV."
            ),
            RosterErrorKind::NoXmlInZip => write!(
                f,
                "« {name} » : l'archive zip ne contient aucun fichier .xml (il faut \
                 ElevesSansAdresses.xml)."
            ),
            RosterErrorKind::SeveralXmlInZip(names) => write!(
                f,
                "« {name} » : l'archive zip contient plusieurs fichiers .xml ({}) ; elle ne doit \
                 en contenir qu'un, ElevesSansAdresses.xml.",
                names.join(", ")
            ),
            RosterErrorKind::TooLarge => write!(
                f,
                "« {name} » est trop volumineux pour une liste d'élèves (plus de {} Mo).",
                siecle::MAX_XML_BYTES / 1_000_000
            ),
            RosterErrorKind::NotSiecle { root } if root.is_empty() => write!(
                f,
                "« {name} » n'est pas un export SIECLE des élèves : il ne contient aucun \
                 élément XML."
            ),
            RosterErrorKind::NotSiecle { root } => write!(
                f,
                "« {name} » n'est pas un export SIECLE des élèves : son élément racine est \
                 <{root}> et non <BEE_ELEVES>."
            ),
            RosterErrorKind::UnsupportedEncoding(label) => write!(
                f,
                "« {name} » : l'encodage « {label} » déclaré par le fichier n'est pas pris en \
                 charge."
            ),
            RosterErrorKind::Xml { line, detail } => write!(
                f,
                "« {name} », ligne {line} : le XML est invalide ({detail})."
            ),
            RosterErrorKind::Truncated => write!(
                f,
                "« {name} » est incomplet : le fichier s'arrête avant la fin de la liste \
                 (</BEE_ELEVES> manquant). Téléchargez-le à nouveau depuis SIECLE."
            ),
            RosterErrorKind::UnknownColumns(columns) => {
                columns_message(f, name, columns, ("colonne", "colonnes"), "inconnue")
            }
            RosterErrorKind::MissingColumns(columns) => columns_message(
                f,
                name,
                columns,
                ("il manque la colonne", "il manque les colonnes"),
                "obligatoire",
            ),
            RosterErrorKind::Csv { line, detail } => {
                write!(f, "« {name} », ligne {line} : CSV illisible ({detail}).")
            }
            RosterErrorKind::NoStudent(left_out) => write!(
                f,
                "« {name} » ne contient aucun élève à retenir ({} écartées : sortis, sans INE, \
                 sans classe ou Inactifs).",
                left_out.total()
            ),
        }
    }
}

/// `« name » : <lead> <adjective> du format d'import Pix : « A », « B ».`, agreed in number.
fn columns_message(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    columns: &[String],
    (lead_one, lead_many): (&str, &str),
    adjective: &str,
) -> fmt::Result {
    let (lead, agreement) = if columns.len() > 1 {
        (lead_many, "s")
    } else {
        (lead_one, "")
    };
    write!(
        f,
        "« {name} » : {lead} {adjective}{agreement} du format d'import Pix : {}.",
        quoted(columns)
    )
}

fn quoted(columns: &[String]) -> String {
    columns
        .iter()
        .map(|column| format!("« {column} »"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl std::error::Error for RosterError {}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
pub(crate) const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Whether a dropped file should go to `read_roster` rather than to the export import: a zip
/// (Pix exports are never zipped) that is not an Office document (the export import names
/// those), XML (an XML declaration or `<BEE_ELEVES` near the start), or a CSV whose first
/// line is the SCO or SUP import header. Looks at the start only.
pub fn looks_like_roster(bytes: &[u8]) -> bool {
    if bytes.starts_with(ZIP_MAGIC) {
        return siecle::first_entry_name(bytes)
            .is_none_or(|name| siecle::office_kind(name).is_none());
    }
    if bytes.starts_with(EMPTY_ZIP_MAGIC) {
        return true;
    }
    let start = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let head = &start[..start.len().min(4096)];
    let trimmed = head
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .map_or(&[][..], |at| &head[at..]);
    if trimmed.starts_with(b"<?xml") || contains(head, b"<BEE_ELEVES") {
        return true;
    }
    sco_csv::header_kind(first_line(start)).is_some()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

fn first_line(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .position(|&byte| byte == b'\n' || byte == b'\r')
        .unwrap_or(bytes.len());
    &bytes[..end]
}

/// Reads a roster file, recognised by its content (never its name): a SIECLE zip, a SIECLE
/// XML, or the SCO/SUP CSV. Pix's filters are applied and counted; a file with no student
/// left is refused.
pub fn read_roster(file_name: &str, bytes: &[u8]) -> Result<RosterFile, RosterError> {
    let error = |kind| RosterError::new(file_name, kind);
    let mut file = if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC) {
        let xml = siecle::unzip_single_xml(bytes).map_err(error)?;
        siecle::read_siecle(file_name, &xml).map_err(error)?
    } else {
        let start = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        let first = start.iter().find(|byte| !byte.is_ascii_whitespace());
        if first == Some(&b'<') {
            siecle::read_siecle(file_name, bytes).map_err(error)?
        } else if let Some(kind) = sco_csv::header_kind(first_line(start)) {
            sco_csv::read_csv(file_name, bytes, kind).map_err(error)?
        } else {
            return Err(error(RosterErrorKind::NotARoster));
        }
    };
    file.dedup_national_ids();
    if file.entries.is_empty() {
        return Err(error(RosterErrorKind::NoStudent(file.left_out)));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_messages_agree_with_how_many_columns_they_name() {
        let message = |kind| RosterError::new("eleves.csv", kind).to_string();
        let two = vec!["Remarque".to_owned(), "Option".to_owned()];
        assert_eq!(
            message(RosterErrorKind::UnknownColumns(two.clone())),
            "« eleves.csv » : colonnes inconnues du format d'import Pix : « Remarque », « Option »."
        );
        assert_eq!(
            message(RosterErrorKind::MissingColumns(vec!["Code MEF*".to_owned()])),
            "« eleves.csv » : il manque la colonne obligatoire du format d'import Pix : « Code MEF* »."
        );
        assert_eq!(
            message(RosterErrorKind::MissingColumns(two)),
            "« eleves.csv » : il manque les colonnes obligatoires du format d'import Pix : \
             « Remarque », « Option »."
        );
    }

    #[test]
    fn keys_are_hex_of_the_salted_hash() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        let salt = RosterSalt::from_random_bytes([0xab; 16]);
        assert_eq!(salt.as_str(), "ab".repeat(16));
        let key = StudentId::of(&salt, " 000000001xx ");
        assert_eq!(key, StudentId::of(&salt, "000000001XX"));
        // Python: hashlib.sha256(b"ab" * 16 + b"\x1f" + b"000000001XX").hexdigest()[:32]
        assert_eq!(key.as_str(), "7f643f2ec58077479aec1056b02606a8");
    }

    #[test]
    fn export_dates_are_read_as_siecle_writes_them_and_nothing_else() {
        assert_eq!(
            RosterDate::parse_french(" 15/09/2025 "),
            Some(RosterDate {
                year: 2025,
                month: 9,
                day: 15
            })
        );
        for bad in [
            "2025-09-15",
            "32/01/2025",
            "15/13/2025",
            "15/09",
            "15/09/2025/1",
            "",
        ] {
            assert_eq!(RosterDate::parse_french(bad), None, "{bad}");
        }
        assert_eq!(
            RosterDate::parse_french("01/02/2026").unwrap().to_string(),
            "01/02/2026"
        );
    }

    #[test]
    fn mis_decoding_is_told_from_real_names() {
        for real in ["Héloïse", "Læticia", "N'golo", "Marie-Louise", "ÃLVARO"] {
            assert!(!looks_mis_decoded(real), "{real}");
        }
        for broken in ["Math\u{fffd}o", "CÃ©cile", "MaÃ«llys", "Ã\u{89}lodie"] {
            assert!(looks_mis_decoded(broken), "{broken}");
        }
    }
}
