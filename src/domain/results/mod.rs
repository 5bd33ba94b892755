//! The certification results of a class (Pix Orga → « Certifications » → a class → export),
//! spec `docs/certification.md` §3: read, matched to the class's students, turned into
//! statuses, counts, cohort figures and the catch-up list.
//!
//! Reading is in two steps, as for the roster: `read_results` gives a `ResultsFile`, whose
//! rows still hold the birth date and place (used in memory only, to tell two homonyms of
//! one file apart), and `ResultsFile::into_class_results` drops them. Only `ClassResults` is
//! serialisable: no birth date, birth place or certification number ever reaches storage.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::competences::COMPETENCE_COUNT;
use crate::roster::RosterDate;

pub mod catch_up;
pub mod matching;
mod parse;
pub mod stats;

pub use parse::{looks_like_results, read_results};

/// What the school makes of a row's `Statut`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ResultStatus {
    /// `Validée`: certified.
    Validated,
    /// `Non obtenue` (before 2026 `Rejetée`): sat the test, not certified.
    NotObtained,
    /// `Annulée`: a technical problem; Pix suggests a new session.
    Cancelled,
    /// `En erreur`: on Pix's side, to follow up.
    Error,
    /// `Démarrée`: started, no result yet.
    Started,
}

impl ResultStatus {
    pub const ALL: [ResultStatus; 5] = [
        ResultStatus::Validated,
        ResultStatus::NotObtained,
        ResultStatus::Cancelled,
        ResultStatus::Error,
        ResultStatus::Started,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ResultStatus::Validated => "validated",
            ResultStatus::NotObtained => "not-obtained",
            ResultStatus::Cancelled => "cancelled",
            ResultStatus::Error => "error",
            ResultStatus::Started => "started",
        }
    }

    /// Whether the student must sit the test again (catch-up list).
    pub fn needs_catch_up(self) -> bool {
        matches!(
            self,
            ResultStatus::NotObtained | ResultStatus::Cancelled | ResultStatus::Error
        )
    }
}

/// The eight levels of a V3 certification, by their pix thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PixLevel {
    Novice1,
    Novice2,
    Independent1,
    Independent2,
    Advanced1,
    Advanced2,
    Expert1,
    Expert2,
}

impl PixLevel {
    pub const ALL: [PixLevel; 8] = [
        PixLevel::Novice1,
        PixLevel::Novice2,
        PixLevel::Independent1,
        PixLevel::Independent2,
        PixLevel::Advanced1,
        PixLevel::Advanced2,
        PixLevel::Expert1,
        PixLevel::Expert2,
    ];

    /// The label Pix writes in French files (and the one shown).
    pub fn label(self) -> &'static str {
        match self {
            PixLevel::Novice1 => "Novice 1",
            PixLevel::Novice2 => "Novice 2",
            PixLevel::Independent1 => "Indépendant 1",
            PixLevel::Independent2 => "Indépendant 2",
            PixLevel::Advanced1 => "Avancé 1",
            PixLevel::Advanced2 => "Avancé 2",
            PixLevel::Expert1 => "Expert 1",
            PixLevel::Expert2 => "Expert 2",
        }
    }

    fn label_en(self) -> &'static str {
        match self {
            PixLevel::Novice1 => "Novice 1",
            PixLevel::Novice2 => "Novice 2",
            PixLevel::Independent1 => "Independent 1",
            PixLevel::Independent2 => "Independent 2",
            PixLevel::Advanced1 => "Advanced 1",
            PixLevel::Advanced2 => "Advanced 2",
            PixLevel::Expert1 => "Expert 1",
            PixLevel::Expert2 => "Expert 2",
        }
    }

    /// The lowest score of the level, in pix.
    pub fn threshold(self) -> u32 {
        64 * match self {
            PixLevel::Novice1 => 1,
            PixLevel::Novice2 => 2,
            PixLevel::Independent1 => 4,
            PixLevel::Independent2 => 6,
            PixLevel::Advanced1 => 8,
            PixLevel::Advanced2 => 10,
            PixLevel::Expert1 => 12,
            PixLevel::Expert2 => 14,
        }
    }

    /// A label as either language writes it (case, accents and spacing aside).
    pub fn from_label(label: &str) -> Option<PixLevel> {
        let folded = crate::text::fold(label);
        PixLevel::ALL.into_iter().find(|level| {
            crate::text::fold(level.label()) == folded
                || crate::text::fold(level.label_en()) == folded
        })
    }
}

/// Which era of the file: the columns differ, the meaning does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResultsFormat {
    /// `Niveau` + `Score en Pix` (since April 2026).
    Current,
    /// `Nombre de Pix` (2021 → spring 2026).
    Previous,
    /// One `Résultat` column, `Novice 2 (212 Pix)` (a month of 2026).
    SingleResult,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResultsLanguage {
    French,
    English,
}

/// One row as stored: what the views need, and nothing that identifies the student beyond
/// the names the school already has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultRow {
    /// The line of the file where the row starts (a jury comment may span several).
    pub line: u32,
    /// As at enrolment, which may differ from today's SIECLE name.
    pub last: String,
    pub first: String,
    pub status: ResultStatus,
    #[serde(default)]
    pub level: Option<PixLevel>,
    #[serde(default)]
    pub score: Option<u32>,
    /// `1.1` … `5.2`; `None` when not assessed (`-`).
    #[serde(default)]
    pub competences: [Option<u8>; COMPETENCE_COUNT],
    #[serde(default)]
    pub jury_comment: Option<String>,
    #[serde(default)]
    pub session: Option<u64>,
    #[serde(default)]
    pub exam_date: Option<RosterDate>,
}

/// A row as read, with the birth data that only tells homonyms apart. Never stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadRow {
    pub row: ResultRow,
    /// `Date de naissance` and `Lieu de naissance`, as written.
    pub birth: (String, String),
}

/// What `read_results` read, before the birth data is dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsFile {
    pub file_name: String,
    pub format: ResultsFormat,
    pub language: ResultsLanguage,
    /// From `YYYYMMDD_resultats_<classe>.csv`, when the name has that shape.
    pub class_from_name: Option<String>,
    pub rows: Vec<ReadRow>,
}

/// The results of one class as stored: replaced whole by a newer import of the same class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassResults {
    /// As typed in the file name or chosen by the user.
    pub class: String,
    pub file_name: String,
    /// Said beside the class: the previous format has no level, only a score.
    pub format: ResultsFormat,
    pub rows: Vec<ResultRow>,
    /// Rows of the file that were one student twice (same names and birth data): only the
    /// latest was kept.
    #[serde(default)]
    pub repeated_rows: usize,
    /// The user said a session of this class is not published yet: its students without a
    /// row are waiting for their result, not absent (kept off the catch-up list).
    #[serde(default)]
    pub awaiting_publication: bool,
}

impl ResultsFile {
    /// The class results to store, for `class`. A student present twice (same names, same
    /// birth date and place) keeps the latest exam only; two homonyms (other birth data) stay
    /// two rows. The birth data goes no further.
    pub fn into_class_results(self, class: &str) -> ClassResults {
        let mut kept: Vec<ReadRow> = Vec::with_capacity(self.rows.len());
        let mut repeated_rows = 0;
        for read in self.rows {
            let same = kept.iter().position(|other| {
                matching::name_pair(&other.row.last, &other.row.first)
                    == matching::name_pair(&read.row.last, &read.row.first)
                    && other.birth == read.birth
            });
            match same {
                Some(at) => {
                    repeated_rows += 1;
                    let newer = (read.row.exam_date, read.row.line)
                        > (kept[at].row.exam_date, kept[at].row.line);
                    if newer {
                        kept[at] = read;
                    }
                }
                None => kept.push(read),
            }
        }
        ClassResults {
            class: class.trim().to_owned(),
            file_name: self.file_name,
            format: self.format,
            rows: kept.into_iter().map(|read| read.row).collect(),
            repeated_rows,
            awaiting_publication: false,
        }
    }
}

/// The class in a file name as Pix Orga writes it: `20260312_resultats_3A.csv` (French),
/// `20260312_results_3A.csv` (English); a browser's ` (1)` for a second download is dropped.
pub fn class_from_file_name(file_name: &str) -> Option<String> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = match base.len().checked_sub(4).and_then(|at| base.get(at..)) {
        Some(ext) if ext.eq_ignore_ascii_case(".csv") => &base[..base.len() - 4],
        _ => base,
    };
    let stem = strip_copy_number(stem.trim());
    let (date, rest) = stem.split_once('_')?;
    if date.len() != 8 || !date.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let (word, class) = rest.split_once('_')?;
    let class = class.trim();
    let known = ["resultats", "résultats", "results"]
        .iter()
        .any(|known| word.eq_ignore_ascii_case(known) || crate::text::fold(word) == *known);
    (known && !class.is_empty()).then(|| class.to_owned())
}

/// Whether a class looks like a Terminale (`Terminale 2`, `TermA`, `Tle 1`, `TG3`, `T2`, `TSTMG1`):
/// its results feed Parcoursup, so the page reminds to finalise its sessions in time.
pub fn is_terminale(class: &str) -> bool {
    let key = crate::text::class_key(class);
    let mut chars = key.chars();
    chars.next() == Some('t')
        && (key.starts_with("term")
            || key.starts_with("tle")
            || key.starts_with("tst")
            || matches!(chars.next(), Some('0'..='9' | 'g')))
}

/// `3A (2)` → `3A`.
fn strip_copy_number(stem: &str) -> &str {
    if let Some(open) = stem.rfind(" (") {
        let inner = &stem[open + 2..];
        if let Some(number) = inner.strip_suffix(')') {
            if !number.is_empty() && number.bytes().all(|byte| byte.is_ascii_digit()) {
                return stem[..open].trim_end();
            }
        }
    }
    stem
}

/// Why a results file is refused. Nothing of a refused file is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResultsErrorKind {
    /// Its header is not the one of a certification results file.
    NotResults,
    MissingColumns(Vec<String>),
    Csv {
        line: usize,
        detail: String,
    },
    /// A `Statut` Pix never writes.
    UnknownStatus {
        line: usize,
        value: String,
    },
    /// A number, level or competence level that does not read.
    BadValue {
        line: usize,
        column: String,
        value: String,
    },
    /// A header and no row.
    NoRow,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsError {
    file: String,
    kind: ResultsErrorKind,
}

/// The shape of every error of the domain (`ImportError`, `RosterError`): the file, and what
/// went wrong in it, read through `kind()` as `csv::Error` does.
impl ResultsError {
    fn new(file: &str, kind: ResultsErrorKind) -> Self {
        ResultsError {
            file: file.to_owned(),
            kind,
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn kind(&self) -> &ResultsErrorKind {
        &self.kind
    }
}

impl fmt::Display for ResultsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = &self.file;
        match &self.kind {
            ResultsErrorKind::NotResults => write!(
                f,
                "« {name} » n'est pas un fichier de résultats de certification : il faut le CSV \
                 d'une classe téléchargé dans Pix Orga, onglet « Certifications »."
            ),
            ResultsErrorKind::MissingColumns(columns) => {
                let (lead, agreement) = if columns.len() > 1 {
                    ("il manque les colonnes", "s")
                } else {
                    ("il manque la colonne", "")
                };
                let list: Vec<String> = columns.iter().map(|c| format!("« {c} »")).collect();
                write!(
                    f,
                    "« {name} » : {lead} obligatoire{agreement} des résultats de certification : {}.",
                    list.join(", ")
                )
            }
            ResultsErrorKind::Csv { line, detail } => {
                write!(f, "« {name} », ligne {line} : CSV illisible ({detail}).")
            }
            ResultsErrorKind::UnknownStatus { line, value } => write!(
                f,
                "« {name} », ligne {line} : statut « {value} » inconnu (attendu : Validée, Non \
                 obtenue, Rejetée, Annulée, En erreur ou Démarrée)."
            ),
            ResultsErrorKind::BadValue {
                line,
                column,
                value,
            } => write!(
                f,
                "« {name} », ligne {line} : valeur « {value} » illisible dans la colonne « {column} »."
            ),
            ResultsErrorKind::NoRow => write!(
                f,
                "« {name} » ne contient aucun résultat (seulement la ligne d'en-tête)."
            ),
        }
    }
}

impl std::error::Error for ResultsError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_class_comes_from_pix_file_names_only() {
        let cases = [
            ("20260312_resultats_3A.csv", Some("3A")),
            ("20260312_results_Terminale 2.csv", Some("Terminale 2")),
            ("20260312_resultats_3e_B (1).csv", Some("3e_B")),
            ("20260312_RESULTATS_2nde1.CSV", Some("2nde1")),
            ("resultats_3A.csv", None),
            ("2026031_resultats_3A.csv", None),
            ("20260312_export_3A.csv", None),
            ("20260312_resultats_.csv", None),
        ];
        for (name, class) in cases {
            assert_eq!(class_from_file_name(name).as_deref(), class, "{name}");
        }
    }

    #[test]
    fn terminale_classes_are_told_from_others() {
        for class in ["Terminale 2", "TermA", "Tle 1", "TG3", "T2", "TSTMG1"] {
            assert!(is_terminale(class), "{class}");
        }
        for class in ["3A", "2nde 1", "1G2", "Tutorat"] {
            assert!(!is_terminale(class), "{class}");
        }
    }

    #[test]
    fn levels_read_in_both_languages() {
        assert_eq!(
            PixLevel::from_label("Indépendant 1"),
            Some(PixLevel::Independent1)
        );
        assert_eq!(
            PixLevel::from_label("independent 2"),
            Some(PixLevel::Independent2)
        );
        assert_eq!(
            PixLevel::from_label("Advanced 1"),
            Some(PixLevel::Advanced1)
        );
        assert_eq!(PixLevel::from_label("Avance 2"), Some(PixLevel::Advanced2));
        assert_eq!(PixLevel::from_label("Expert 3"), None);
        assert_eq!(PixLevel::Expert2.threshold(), 896);
        assert_eq!(PixLevel::Independent1.threshold(), 256);
    }
}
