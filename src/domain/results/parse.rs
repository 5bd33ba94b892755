//! Reading the class results CSV with the `csv` crate. Columns are found by their label,
//! never their position (a `Type de certification` column may sit in the middle, early
//! files lack `Statut` or the jury comment), in French or English.

use super::{
    class_from_file_name, PixLevel, ReadRow, ResultRow, ResultStatus, ResultsError,
    ResultsErrorKind, ResultsFile, ResultsFormat, ResultsLanguage,
};
use crate::model::competences::{COMPETENCES, COMPETENCE_COUNT};
use crate::roster::RosterDate;

// The same lenient reading as the school list's CSV: a results file re-saved by a
// spreadsheet is decoded and split the same way.
use crate::roster::sco_csv::{decode, delimiter};
use crate::roster::UTF8_BOM;

/// What a column is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    CertificationNumber,
    First,
    Last,
    BirthDate,
    BirthPlace,
    Status,
    Level,
    Score,
    PixCount,
    Result,
    Competence(usize),
    JuryComment,
    Session,
    ExamDate,
}

/// Labels of each role, folded (`text::fold`: case, accents, `’`): French first, English
/// second. `Identifiant Externe` and `Type de certification` are read by nobody.
const LABELS: [(Role, &str, &str); 13] = [
    (
        Role::CertificationNumber,
        "numero de certification",
        "certification number",
    ),
    (Role::First, "prenom", "first name"),
    (Role::Last, "nom", "last name"),
    (Role::BirthDate, "date de naissance", "date of birth"),
    (Role::BirthPlace, "lieu de naissance", "place of birth"),
    (Role::Status, "statut", "status"),
    (Role::Level, "niveau", "level"),
    (Role::Score, "score en pix", "pix score"),
    (Role::PixCount, "nombre de pix", "number of pix"),
    (Role::Result, "resultat", "result"),
    (
        Role::JuryComment,
        "commentaire jury pour l'organisation",
        "examining body's comment for the organisation",
    ),
    (Role::Session, "session", "session"),
    (
        Role::ExamDate,
        "date de passage de la certification",
        "date of pix certification exam",
    ),
];

fn header_cell(cell: &str) -> String {
    crate::text::fold(cell.trim().trim_matches('"'))
}

/// The role of each header cell, and the language its labels are in.
fn roles(header: &[String]) -> (Vec<Option<Role>>, ResultsLanguage) {
    let mut english = 0;
    let mut french = 0;
    let roles = header
        .iter()
        .map(|cell| {
            if let Some(at) = COMPETENCES.iter().position(|c| c.index == cell) {
                return Some(Role::Competence(at));
            }
            LABELS.iter().find_map(|(role, fr, en)| {
                if cell == fr {
                    french += usize::from(fr != en);
                    Some(*role)
                } else if cell == en {
                    english += 1;
                    Some(*role)
                } else {
                    None
                }
            })
        })
        .collect();
    let language = if english > french {
        ResultsLanguage::English
    } else {
        ResultsLanguage::French
    };
    (roles, language)
}

fn first_line(text: &str) -> &str {
    text.split(['\n', '\r']).next().unwrap_or_default()
}

/// Whether a file is a certification results file: its first line names the certification
/// number and a result (status, level, score or the single result column). Looks at the
/// first line only.
pub fn looks_like_results(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let head = &start[..start.len().min(4096)];
    let text = decode(head);
    let line = first_line(&text);
    let cells: Vec<String> = line
        .split(char::from(delimiter(line)))
        .map(header_cell)
        .collect();
    let (roles, _) = roles(&cells);
    let has = |wanted: &[Role]| roles.iter().flatten().any(|role| wanted.contains(role));
    has(&[Role::CertificationNumber])
        && has(&[
            Role::Status,
            Role::Level,
            Role::Score,
            Role::PixCount,
            Role::Result,
        ])
}

/// Reads a class results file. A value that does not read refuses the whole file, naming
/// its line: a half-read class would call present students absent.
pub fn read_results(file_name: &str, bytes: &[u8]) -> Result<ResultsFile, ResultsError> {
    let error = |kind| ResultsError::new(file_name, kind);
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(first_line(&text)))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let csv_error = |problem: csv::Error| {
        error(ResultsErrorKind::Csv {
            line: problem
                .position()
                .map_or(1, |position| position.line() as usize),
            detail: problem.to_string(),
        })
    };
    let mut records = reader.records();
    let header: Vec<String> = records
        .next()
        .transpose()
        .map_err(csv_error)?
        .map(|record| record.iter().map(header_cell).collect())
        .unwrap_or_default();
    let (roles, language) = roles(&header);
    let column = |wanted: Role| roles.iter().position(|role| *role == Some(wanted));
    let has_result = [
        Role::Status,
        Role::Level,
        Role::Score,
        Role::PixCount,
        Role::Result,
    ]
    .into_iter()
    .any(|role| column(role).is_some());
    if column(Role::CertificationNumber).is_none() || !has_result {
        return Err(error(ResultsErrorKind::NotResults));
    }
    let missing: Vec<String> = [(Role::Last, "Nom"), (Role::First, "Prénom")]
        .into_iter()
        .filter(|(role, _)| column(*role).is_none())
        .map(|(_, label)| label.to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(error(ResultsErrorKind::MissingColumns(missing)));
    }
    let format = if column(Role::Score).is_some() || column(Role::Level).is_some() {
        ResultsFormat::Current
    } else if column(Role::Result).is_some() && column(Role::PixCount).is_none() {
        ResultsFormat::SingleResult
    } else {
        ResultsFormat::Previous
    };
    let competence_columns: Vec<(usize, usize)> = roles
        .iter()
        .enumerate()
        .filter_map(|(at, role)| match role {
            Some(Role::Competence(competence)) => Some((at, *competence)),
            _ => None,
        })
        .collect();

    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(csv_error)?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |position| position.line()) as usize;
        let cell = |role: Role| {
            column(role)
                .and_then(|at| record.get(at))
                .map(str::trim)
                .unwrap_or_default()
        };
        let bad = |role: Role, value: &str| {
            let label = column(role)
                .and_then(|at| header.get(at))
                .cloned()
                .unwrap_or_default();
            error(ResultsErrorKind::BadValue {
                line,
                column: label,
                value: value.to_owned(),
            })
        };
        let number = |role: Role| -> Result<Option<u32>, ResultsError> {
            let value = cell(role);
            if value.is_empty() || value == "-" {
                return Ok(None);
            }
            value.parse().map(Some).map_err(|_| bad(role, value))
        };

        let (level, score) = match format {
            ResultsFormat::Current => {
                let label = cell(Role::Level);
                let level = if label.is_empty() || label == "-" {
                    None
                } else {
                    Some(PixLevel::from_label(label).ok_or_else(|| bad(Role::Level, label))?)
                };
                (level, number(Role::Score)?)
            }
            ResultsFormat::Previous => (None, number(Role::PixCount)?),
            ResultsFormat::SingleResult => {
                let value = cell(Role::Result);
                single_result(value).ok_or_else(|| bad(Role::Result, value))?
            }
        };
        let status = match column(Role::Status) {
            Some(_) if !cell(Role::Status).is_empty() => {
                let value = cell(Role::Status);
                status_of(value).ok_or_else(|| {
                    error(ResultsErrorKind::UnknownStatus {
                        line,
                        value: value.to_owned(),
                    })
                })?
            }
            // Files of early 2021 have no `Statut`: a score tells.
            _ => match score {
                Some(score) if score > 0 => ResultStatus::Validated,
                Some(_) => ResultStatus::NotObtained,
                None => ResultStatus::Error,
            },
        };
        let mut competences = [None; COMPETENCE_COUNT];
        for &(at, competence) in &competence_columns {
            let value = record.get(at).map(str::trim).unwrap_or_default();
            if value.is_empty() || value == "-" {
                continue;
            }
            let level: u8 = value
                .parse()
                .ok()
                .filter(|level| *level <= crate::model::competences::MAX_LEVEL)
                .ok_or_else(|| {
                    error(ResultsErrorKind::BadValue {
                        line,
                        column: COMPETENCES[competence].index.to_owned(),
                        value: value.to_owned(),
                    })
                })?;
            competences[competence] = Some(level);
        }
        let session = match cell(Role::Session) {
            "" | "-" => None,
            value => Some(value.parse().map_err(|_| bad(Role::Session, value))?),
        };
        rows.push(ReadRow {
            row: ResultRow {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                last: cell(Role::Last).to_owned(),
                first: cell(Role::First).to_owned(),
                status,
                level,
                score,
                competences,
                jury_comment: Some(cell(Role::JuryComment).to_owned())
                    .filter(|comment| !comment.is_empty() && comment != "-"),
                session,
                exam_date: RosterDate::parse_french(cell(Role::ExamDate)),
            },
            birth: (
                cell(Role::BirthDate).to_owned(),
                cell(Role::BirthPlace).to_owned(),
            ),
        });
    }
    if rows.is_empty() {
        return Err(error(ResultsErrorKind::NoRow));
    }
    Ok(ResultsFile {
        file_name: file_name.to_owned(),
        format,
        language,
        class_from_name: class_from_file_name(file_name),
        rows,
    })
}

fn status_of(value: &str) -> Option<ResultStatus> {
    Some(match crate::text::fold(value).as_str() {
        "validee" | "validated" => ResultStatus::Validated,
        "non obtenue" | "rejetee" | "rejected" | "not obtained" => ResultStatus::NotObtained,
        "annulee" | "cancelled" | "canceled" => ResultStatus::Cancelled,
        "en erreur" | "in error" | "error" => ResultStatus::Error,
        "demarree" | "started" => ResultStatus::Started,
        _ => return None,
    })
}

/// `Novice 2 (212 Pix)`, `52 Pix`, `-` or empty: the level and the score.
fn single_result(value: &str) -> Option<(Option<PixLevel>, Option<u32>)> {
    if value.is_empty() || value == "-" {
        return Some((None, None));
    }
    let pix = |text: &str| -> Option<u32> {
        let text = text.trim();
        let digits = text
            .strip_suffix("Pix")
            .or_else(|| text.strip_suffix("pix"))
            .unwrap_or(text);
        digits.trim().parse().ok()
    };
    match value.split_once('(') {
        Some((level, rest)) => {
            let level = PixLevel::from_label(level.trim())?;
            let score = pix(rest.trim().strip_suffix(')')?)?;
            Some((Some(level), Some(score)))
        }
        None => Some((None, Some(pix(value)?))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_single_result_column_reads_level_and_score() {
        assert_eq!(
            single_result("Novice 2 (212 Pix)"),
            Some((Some(PixLevel::Novice2), Some(212)))
        );
        assert_eq!(single_result("52 Pix"), Some((None, Some(52))));
        assert_eq!(single_result("-"), Some((None, None)));
        assert_eq!(single_result("Novice (12 Pix)"), None);
        assert_eq!(single_result("beaucoup"), None);
    }

    #[test]
    fn statuses_of_both_eras_and_languages() {
        assert_eq!(status_of("Rejetée"), Some(ResultStatus::NotObtained));
        assert_eq!(status_of("Non obtenue"), Some(ResultStatus::NotObtained));
        assert_eq!(status_of("In error"), Some(ResultStatus::Error));
        assert_eq!(status_of("Démarrée"), Some(ResultStatus::Started));
        assert_eq!(status_of("Peut-être"), None);
    }
}
