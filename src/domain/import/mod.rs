//! The import pipeline: bytes → text → records → columns → typed rows → snapshot,
//! and the errors a head of school reads when a file cannot be imported.

pub mod assessment;
pub mod decode;
pub mod dialect;
pub mod headers;
pub mod profiles;

use std::fmt;

use crate::import::decode::{decode_scanned, DecodeError};
use crate::import::dialect::{detect_delimiter, sep_hint, ParseError, Reader, Record};
use crate::import::headers::{map_columns, CellError, Columns, HeaderError, Layout, Row};
use crate::model::competences::COMPETENCES;
use crate::model::snapshot::{
    content_hash_and_nul, Campaign, CampaignKind, CampaignSnapshot, Rows,
};

/// Why a file was refused, and which file: one shape for every refusal, like `csv::Error`.
/// `Display` is the French message shown to staff; `kind()` the detail, for tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    file: String,
    kind: ImportErrorKind,
}

/// What is wrong with the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportErrorKind {
    /// No bytes, or nothing but blank lines.
    Empty,
    /// A binary file (spreadsheet, PDF, image…), `detected` says which in French.
    NotText { detected: &'static str },
    /// The file says it is UTF-8 (or looks like UTF-16) but its bytes are damaged.
    Encoding { line: u32 },
    /// Text, but not a Pix Orga results export: the essential columns are not there.
    NotPixExport { missing: Vec<String> },
    /// A Pix Orga export that lacks columns the import needs.
    MissingColumns {
        kind: CampaignKind,
        missing: Vec<String>,
    },
    /// A Pix Orga export whose headers are in a language Cohorte does not read.
    UnknownLanguage,
    /// The header line and no participant.
    HeaderOnly,
    /// A quote opened on `line` is never closed.
    UnterminatedQuote { line: u32 },
    /// The file stops in the middle of `line` (an interrupted download).
    Truncated { line: u32 },
    /// Record starting on `line` does not have as many cells as the header.
    WrongFieldCount {
        line: u32,
        expected: usize,
        found: usize,
    },
    /// A cell that does not hold what its column should.
    InvalidValue {
        line: u32,
        column: String,
        value: String,
    },
}

impl ImportErrorKind {
    /// Stable identifier of the variant, for tests and their logs.
    pub fn slug(&self) -> &'static str {
        match self {
            ImportErrorKind::Empty => "empty",
            ImportErrorKind::NotText { .. } => "not-text",
            ImportErrorKind::Encoding { .. } => "encoding",
            ImportErrorKind::NotPixExport { .. } => "not-pix-export",
            ImportErrorKind::MissingColumns { .. } => "missing-columns",
            ImportErrorKind::UnknownLanguage => "unknown-language",
            ImportErrorKind::HeaderOnly => "header-only",
            ImportErrorKind::UnterminatedQuote { .. } => "unterminated-quote",
            ImportErrorKind::Truncated { .. } => "truncated",
            ImportErrorKind::WrongFieldCount { .. } => "wrong-field-count",
            ImportErrorKind::InvalidValue { .. } => "invalid-value",
        }
    }
}

impl ImportError {
    pub(crate) fn new(file: &str, kind: ImportErrorKind) -> Self {
        ImportError {
            file: file.to_owned(),
            kind,
        }
    }

    /// The name of the refused file, as dropped.
    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn kind(&self) -> &ImportErrorKind {
        &self.kind
    }

    /// The 1-based physical line at fault, when there is one.
    pub fn line(&self) -> Option<u32> {
        match self.kind {
            ImportErrorKind::Encoding { line }
            | ImportErrorKind::UnterminatedQuote { line }
            | ImportErrorKind::Truncated { line }
            | ImportErrorKind::WrongFieldCount { line, .. }
            | ImportErrorKind::InvalidValue { line, .. } => Some(line),
            _ => None,
        }
    }
}

const ADVICE: &str = "Exportez les résultats en CSV depuis Pix Orga \
    (onglet Résultats, bouton « Exporter les résultats »).";
const ADVICE_AGAIN: &str = "Téléchargez à nouveau l'export depuis Pix Orga \
    (onglet Résultats, bouton « Exporter les résultats ») et déposez ici le fichier \
    téléchargé, tel quel.";

/// Long values are cut in messages: the point is to find the cell, not to print it.
fn shorten(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() <= MAX {
        value.to_owned()
    } else {
        let cut: String = value.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

fn quoted_list(names: &[String]) -> String {
    const SHOWN: usize = 4;
    let mut list = names
        .iter()
        .take(SHOWN)
        .map(|name| format!("« {name} »"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        let more = names.len() - SHOWN;
        list.push_str(&format!(
            " et {more} autre{}",
            if more > 1 { "s" } else { "" }
        ));
    }
    list
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = &self.file;
        match &self.kind {
            ImportErrorKind::Empty => {
                write!(f, "Le fichier « {file} » est vide. {ADVICE}")
            }
            ImportErrorKind::NotText { detected } => write!(
                f,
                "Le fichier « {file} » n'est pas un fichier CSV (type reconnu : {detected}). \
                 Cohorte lit les exports CSV de Pix Orga, tels qu'ils sont téléchargés. {ADVICE}"
            ),
            ImportErrorKind::Encoding { line } => write!(
                f,
                "Cohorte ne peut pas lire certains caractères du fichier « {file} » \
                 (ligne {line}) : ils ne sont pas écrits dans un encodage de texte reconnu. \
                 {ADVICE_AGAIN}"
            ),
            ImportErrorKind::NotPixExport { missing } => {
                write!(
                    f,
                    "Le fichier « {file} » n'est pas un export des résultats d'une campagne \
                     Pix Orga"
                )?;
                if !missing.is_empty() {
                    write!(f, " (colonnes absentes : {})", quoted_list(missing))?;
                }
                write!(f, ". {ADVICE}")
            }
            ImportErrorKind::MissingColumns { kind, missing } => {
                let kind = match kind {
                    CampaignKind::ProfilesCollection => "collecte de profils",
                    CampaignKind::Assessment => "campagne d'évaluation",
                };
                let columns = if missing.len() > 1 {
                    "les colonnes"
                } else {
                    "la colonne"
                };
                write!(
                    f,
                    "Le fichier « {file} » ressemble à un export Pix Orga ({kind}), mais Cohorte \
                     n'y trouve pas {columns} {}. {ADVICE_AGAIN}",
                    quoted_list(missing)
                )
            }
            ImportErrorKind::UnknownLanguage => write!(
                f,
                "Le fichier « {file} » semble être un export Pix Orga dont les titres de \
                 colonnes sont dans une langue que Cohorte ne lit pas encore : Cohorte lit les \
                 exports en français et en anglais. Dans Pix Orga, choisissez le français ou \
                 l'anglais comme langue, exportez à nouveau les résultats (onglet Résultats, \
                 bouton « Exporter les résultats ») et déposez ici ce nouveau fichier."
            ),
            ImportErrorKind::HeaderOnly => write!(
                f,
                "Le fichier « {file} » ne contient que la ligne des titres de colonnes : aucun \
                 participant. Si la campagne a des participants depuis, exportez-la à nouveau \
                 depuis Pix Orga (onglet Résultats, bouton « Exporter les résultats »)."
            ),
            ImportErrorKind::UnterminatedQuote { line } => write!(
                f,
                "Le fichier « {file} » est mal formé : un guillemet ouvert ligne {line} n'est \
                 jamais refermé. {ADVICE_AGAIN}"
            ),
            ImportErrorKind::Truncated { line } => write!(
                f,
                "Le fichier « {file} » est incomplet : il s'arrête au milieu de la ligne {line} \
                 (téléchargement interrompu ?). {ADVICE_AGAIN}"
            ),
            ImportErrorKind::WrongFieldCount {
                line,
                expected,
                found,
            } => write!(
                f,
                "Le fichier « {file} » ne peut pas être lu ligne {line} : elle a {found} \
                 colonnes, la ligne des titres en a {expected}. {ADVICE_AGAIN}"
            ),
            ImportErrorKind::InvalidValue {
                line,
                column,
                value,
            } => {
                let value = if value.is_empty() {
                    "une case vide".to_owned()
                } else {
                    format!("« {} »", shorten(value))
                };
                write!(
                    f,
                    "Le fichier « {file} » contient une valeur inattendue ligne {line}, colonne \
                     « {column} » : {value}. {ADVICE_AGAIN}"
                )
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Something the import decided that changes what the user sees: the import line says it,
/// so that nothing in the file is dropped or reinterpreted silently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportNote {
    /// Competences (`1.1` … `5.2`) whose columns were identified by their place in the file,
    /// their names not being ones Cohorte knows (another language, a new wording).
    CompetencesByPosition(Vec<&'static str>),
    /// Result columns Cohorte does not read (an unknown badge, a column of a newer export),
    /// as headed in the file.
    UnreadColumns(Vec<String>),
    /// Shared participations whose `Palier obtenu` is `-1`: no stage reached yet.
    NoStageReached(usize),
}

impl ImportNote {
    /// Stable identifier of the variant, for tests.
    pub fn kind(&self) -> &'static str {
        match self {
            ImportNote::CompetencesByPosition(_) => "competences-by-position",
            ImportNote::UnreadColumns(_) => "unread-columns",
            ImportNote::NoStageReached(_) => "no-stage-reached",
        }
    }
}

/// A snapshot, and what the import has to say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub snapshot: CampaignSnapshot,
    pub notes: Vec<ImportNote>,
}

/// Imports one Pix Orga export (profiles collection or assessment, any version since 2020,
/// French or English headers, as downloaded or re-saved by a spreadsheet).
/// Never panics, whatever the bytes.
pub fn import_file(file_name: &str, bytes: &[u8]) -> Result<CampaignSnapshot, ImportError> {
    import_export(file_name, bytes).map(|imported| imported.snapshot)
}

/// `import_file`, with the notes the import line shows.
pub fn import_export(file_name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let refused = |kind| ImportError::new(file_name, kind);
    let (content_hash, has_nul) = content_hash_and_nul(bytes);
    let decoded = decode_scanned(bytes, has_nul).map_err(|error| {
        refused(match error {
            DecodeError::Empty => ImportErrorKind::Empty,
            DecodeError::NotText { detected } => ImportErrorKind::NotText { detected },
            DecodeError::InvalidUtf8 { line } => ImportErrorKind::Encoding { line },
        })
    })?;
    let text: &str = &decoded.text;
    if text.trim().is_empty() {
        return Err(refused(ImportErrorKind::Empty));
    }

    let mut reader = Reader::new(text, detect_delimiter(text));
    let mut record = Record::new();
    loop {
        match reader
            .next_record(&mut record)
            .map_err(|error| parse_error(file_name, error))?
        {
            None => return Err(refused(ImportErrorKind::Empty)),
            Some(_) if record.is_blank() => continue,
            // The `sep=;` hint line: the delimiter is already known from it.
            Some(info) if info.line == 1 && record.width() == 1 && sep_hint(text).is_some() => {
                continue
            }
            Some(_) => break,
        }
    }
    let header: Vec<&str> = record.fields().collect();
    let columns = map_columns(&header).map_err(|error| {
        refused(match error {
            HeaderError::NotPixExport { missing } => ImportErrorKind::NotPixExport { missing },
            HeaderError::MissingColumns { kind, missing } => {
                ImportErrorKind::MissingColumns { kind, missing }
            }
            HeaderError::UnknownLanguage => ImportErrorKind::UnknownLanguage,
        })
    })?;
    let width = record.width();

    let mut records = Records {
        reader,
        record,
        columns: &columns,
        width,
        file: file_name,
    };
    let mut no_stage_reached = 0;
    let (campaign, rows) = match &columns.layout {
        Layout::Profiles(profile_columns) => {
            let (campaign, rows) = records.read(|row| profiles::parse_row(row, profile_columns))?;
            (campaign, Rows::Profiles(rows))
        }
        Layout::Assessment(assessment_columns) => {
            let (campaign, rows) = records.read(|row| {
                assessment::parse_row(row, assessment_columns, &mut no_stage_reached)
            })?;
            let sheet = assessment::sheet(assessment_columns);
            (campaign, Rows::Assessment { sheet, rows })
        }
    };
    let mut notes = Vec::new();
    if !columns.competences_by_position.is_empty() {
        notes.push(ImportNote::CompetencesByPosition(
            columns
                .competences_by_position
                .iter()
                .map(|&competence| COMPETENCES[competence].index)
                .collect(),
        ));
    }
    if !columns.unread.is_empty() {
        notes.push(ImportNote::UnreadColumns(columns.unread.clone()));
    }
    if no_stage_reached > 0 {
        notes.push(ImportNote::NoStageReached(no_stage_reached));
    }
    Ok(Imported {
        snapshot: CampaignSnapshot {
            campaign,
            file_name: file_name.to_owned(),
            content_hash,
            external_id_label: columns.external_id_label().map(str::to_owned),
            rows,
        },
        notes,
    })
}

/// The data records of a file whose header is known.
struct Records<'a, 'c> {
    reader: Reader<'a>,
    record: Record,
    columns: &'c Columns,
    width: usize,
    file: &'c str,
}

impl Records<'_, '_> {
    /// Reads every data record with `parse`; the campaign comes from the first one.
    fn read<T>(
        &mut self,
        mut parse: impl FnMut(&Row<'_>) -> Result<T, CellError>,
    ) -> Result<(Campaign, Vec<T>), ImportError> {
        let file = self.file;
        let refused = |kind| ImportError::new(file, kind);
        let mut campaign = None;
        let mut rows = Vec::new();
        loop {
            let start = self.reader.position();
            let info = match self.reader.next_record(&mut self.record) {
                Ok(Some(info)) => info,
                Ok(None) => break,
                Err(error) => return Err(parse_error(self.file, error)),
            };
            if self.record.is_blank() {
                continue;
            }
            let found = self.record.len();
            // Spreadsheets pad rows with empty cells: tolerated, real extra values are not.
            let fits =
                found == self.width || (found > self.width && self.record.width() <= self.width);
            if !fits {
                if found < self.width && !info.terminated {
                    return Err(refused(ImportErrorKind::Truncated { line: info.line }));
                }
                return Err(refused(ImportErrorKind::WrongFieldCount {
                    line: info.line,
                    expected: self.width,
                    found: if found > self.width {
                        self.record.width()
                    } else {
                        found
                    },
                }));
            }
            let row = Row {
                record: &self.record,
                line: info.line,
                columns: self.columns,
            };
            let invalid = |error: CellError| {
                refused(ImportErrorKind::InvalidValue {
                    line: error.line,
                    column: error.column,
                    value: error.value,
                })
            };
            if campaign.is_none() {
                campaign = Some(campaign_of(&row).map_err(invalid)?);
                // Rows are about as long as the first one: reserving for the rest of the
                // text spares the vector its successive reallocations.
                let row_length = (self.reader.position() - start).max(64);
                rows.reserve(self.reader.rest().len() / row_length + 16);
            }
            rows.push(parse(&row).map_err(invalid)?);
        }
        match campaign {
            Some(campaign) => Ok((campaign, rows)),
            None => Err(refused(ImportErrorKind::HeaderOnly)),
        }
    }
}

/// A quote left open on the file's last line is a cut download, not a typing accident.
fn parse_error(file: &str, error: ParseError) -> ImportError {
    let kind = match error {
        ParseError::UnterminatedQuote {
            line,
            at_last_line: true,
        } => ImportErrorKind::Truncated { line },
        ParseError::UnterminatedQuote { line, .. } => ImportErrorKind::UnterminatedQuote { line },
    };
    ImportError::new(file, kind)
}

/// The campaign's identity, read from the first data row (every row repeats it).
fn campaign_of(row: &Row<'_>) -> Result<Campaign, CellError> {
    let columns = row.columns;
    Ok(Campaign {
        id: row.required_integer(columns.campaign_id, u64::MAX)?,
        code: row.optional_text(columns.code),
        name: row.text(columns.campaign_name).to_owned(),
        organisation: row.text(columns.organisation).to_owned(),
        kind: columns.kind(),
        target_profile: row.optional_text(columns.target_profile),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::competences::COMPETENCES;
    use crate::model::snapshot::{content_hash, Rows};

    fn profiles_export(delimiter: &str, rows: &[&str]) -> String {
        let mut header = vec![
            "Nom de l'organisation".to_string(),
            "ID Campagne".into(),
            "Nom de la campagne".into(),
            "Nom du Participant".into(),
            "Prénom du Participant".into(),
            "Classe".into(),
            "Envoi (O/N)".into(),
            "Date et heure de l'envoi (Europe/Paris)".into(),
            "Nombre de pix total".into(),
            "Certifiable (O/N)".into(),
            "Nombre de compétences certifiables".into(),
        ];
        for competence in COMPETENCES {
            header.push(format!("Niveau pour la compétence {}", competence.name));
            header.push(format!(
                "Nombre de pix pour la compétence {}",
                competence.name
            ));
        }
        let header: Vec<String> = header.iter().map(|h| format!("\"{h}\"")).collect();
        let mut text = header.join(delimiter);
        text.push('\n');
        for row in rows {
            text.push_str(row);
            text.push('\n');
        }
        text
    }

    fn competences(delimiter: &str, level: u8, pix: u8) -> String {
        vec![format!("{level}{delimiter}{pix}"); 16].join(delimiter)
    }

    #[test]
    fn a_minimal_export_imports_with_its_rows() {
        let row = format!(
            "\"Collège\";42;\"'=Camp\";\"'@DUPONT\";\"Léa\";\"3A\";\"Oui\";\"01/09/2025 16:00\";\
             128;\"Oui\";16;{}",
            competences(";", 1, 8)
        );
        let not_sent = format!(
            "\"Collège\";42;\"'=Camp\";\"MARTIN\";\"Hugo\";\"\";\"Non\";\"NA\";\"NA\";\"NA\";\
             \"NA\";{}",
            vec!["\"NA\""; 32].join(";")
        );
        let text = profiles_export(";", &[&row, &not_sent]);
        let snapshot = import_file("a.csv", text.as_bytes()).unwrap();
        assert_eq!(snapshot.campaign.name, "=Camp");
        assert_eq!(snapshot.campaign.id, 42);
        assert_eq!(snapshot.campaign.code, None);
        assert_eq!(snapshot.content_hash, content_hash(text.as_bytes()));
        let Rows::Profiles(rows) = &snapshot.rows else {
            panic!("profiles expected");
        };
        assert_eq!(rows[0].learner.last(), "@DUPONT");
        assert_eq!(rows[0].line, 2);
        let profile = rows[0].profile.as_ref().unwrap();
        assert_eq!(profile.total_pix, 128);
        assert_eq!(profile.file_certifiable_count, Some(16));
        assert!(profile.is_certifiable());
        assert_eq!(rows[1].profile, None);
        assert_eq!(rows[1].learner.class(), None);
    }

    #[test]
    fn crlf_and_tab_work_too() {
        let row = format!(
            "Collège\t42\tCamp\tDUPONT\tLéa\t3A\tOui\t1/09/2025 16:00\t128\tOui\t16\t{}",
            competences("\t", 1, 8)
        );
        let text = profiles_export("\t", &[&row]).replace('\n', "\r\n");
        let snapshot = import_file("tab.csv", text.as_bytes()).unwrap();
        assert_eq!(snapshot.rows.len(), 1);
    }

    #[test]
    fn an_excel_sep_hint_line_is_skipped_and_lines_stay_physical() {
        let bad = format!(
            "C,42,Camp,A,B,3A,Oui,01/09/2025 16:00,x,Non,1,{}",
            competences(",", 0, 0)
        );
        let text = format!("sep=,\n{}", profiles_export(",", &[&bad]));
        let error = import_file("sep.csv", text.as_bytes()).unwrap_err();
        assert_eq!(
            (error.kind().slug(), error.line()),
            ("invalid-value", Some(3))
        );
    }

    #[test]
    fn level_and_pix_cells_take_digits_only() {
        let row = |pix: &str| {
            format!(
                "\"C\";42;\"Camp\";\"A\";\"B\";\"3A\";\"Oui\";\"01/09/2025 16:00\";9;\"Non\";1;1;{pix};{}",
                competences(";", 0, 0)
                    .splitn(3, ';')
                    .nth(2)
                    .unwrap_or_default()
            )
        };
        for bad in [":", "1:", "/", "65", "-1", "1.5"] {
            let text = profiles_export(";", &[&row(bad)]);
            let error = import_file("x.csv", text.as_bytes()).unwrap_err();
            assert_eq!(
                (error.kind().slug(), error.line()),
                ("invalid-value", Some(2)),
                "{bad}"
            );
            assert!(error
                .to_string()
                .contains("Nombre de pix pour la compétence"));
        }
        for good in ["0", "64", "07", " 7 ", "\"8\""] {
            let text = profiles_export(";", &[&row(good)]);
            assert!(import_file("x.csv", text.as_bytes()).is_ok(), "{good}");
        }
    }

    #[test]
    fn a_level_above_eight_is_an_invalid_value_on_its_line() {
        let row = format!(
            "\"C\";42;\"Camp\";\"A\";\"B\";\"3A\";\"Oui\";\"01/09/2025 16:00\";9;\"Non\";1;9;8;{}",
            competences(";", 0, 0)
                .splitn(3, ';')
                .nth(2)
                .unwrap_or_default()
        );
        let text = profiles_export(";", &["", &row]);
        let error = import_file("x.csv", text.as_bytes()).unwrap_err();
        assert_eq!(error.kind().slug(), "invalid-value");
        // The blank line 2 is skipped but still counted.
        assert_eq!(error.line(), Some(3));
        assert!(error.to_string().contains("x.csv"));
    }
}
