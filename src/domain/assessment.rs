//! Rows of an assessment export (campaign "d'évaluation", also of the EXAM type), and the
//! latest participation per student.

use std::collections::HashMap;

use super::cohort::StudentKey;
use super::headers::{AssessmentColumns, CellError, MasteryColumns, Row};
use super::snapshot::{AssessmentRow, AssessmentSheet, Mastery};

/// The sheet (stage scale, badges, competences and domains) an assessment export declares.
pub fn sheet(columns: &AssessmentColumns) -> AssessmentSheet {
    AssessmentSheet {
        stage_max: columns.stage.map(|(_, max)| max),
        badges: columns
            .badges
            .iter()
            .map(|(title, _)| title.clone())
            .collect(),
        competences: columns.competences.iter().map(|m| m.name.clone()).collect(),
        domains: columns.domains.iter().map(|m| m.name.clone()).collect(),
    }
}

/// Reads one participation. Results are read only when shared: Pix writes `NA` otherwise.
pub fn parse_row(
    row: &Row<'_, '_>,
    columns: &AssessmentColumns,
) -> Result<AssessmentRow, CellError> {
    let learner = row.learner();
    let shared = row
        .yes_no(columns.shared)?
        .ok_or_else(|| row.error(columns.shared))?;
    let progress = match columns.progress {
        Some(column) => row.fraction(column)?,
        None => None,
    };
    let started_at = match columns.started_at {
        Some(column) => row.date(column)?,
        None => None,
    };
    if !shared {
        return Ok(AssessmentRow {
            line: row.line,
            learner,
            progress,
            started_at,
            shared,
            shared_at: None,
            stage: None,
            mastery: None,
            badges: vec![None; columns.badges.len()],
            competences: vec![None; columns.competences.len()],
            domains: vec![None; columns.domains.len()],
        });
    }
    let shared_at = match columns.shared_at {
        Some(column) => row.date(column)?,
        None => None,
    };
    let stage = match columns.stage {
        Some((column, max)) => row
            .integer(column, u64::from(max))?
            .map(|stage| stage as u8),
        None => None,
    };
    let mastery = row.fraction(columns.mastery)?;
    let badges = columns
        .badges
        .iter()
        .map(|&(_, column)| row.yes_no(column))
        .collect::<Result<Vec<_>, _>>()?;
    let competences = masteries(row, &columns.competences)?;
    let domains = masteries(row, &columns.domains)?;
    Ok(AssessmentRow {
        line: row.line,
        learner,
        progress,
        started_at,
        shared,
        shared_at,
        stage,
        mastery,
        badges,
        competences,
        domains,
    })
}

fn masteries(
    row: &Row<'_, '_>,
    columns: &[MasteryColumns],
) -> Result<Vec<Option<Mastery>>, CellError> {
    columns
        .iter()
        .map(|mastery| {
            let (Some(rate), Some(targeted), Some(validated)) =
                (mastery.rate, mastery.targeted, mastery.validated)
            else {
                return Ok(None);
            };
            let max = u64::from(u16::MAX);
            Ok(
                match (
                    row.fraction(rate)?,
                    row.integer(targeted, max)?,
                    row.integer(validated, max)?,
                ) {
                    (Some(rate), Some(targeted), Some(validated)) => Some(Mastery {
                        rate,
                        targeted: targeted as u16,
                        validated: validated as u16,
                    }),
                    _ => None,
                },
            )
        })
        .collect()
}

/// One student of an assessment campaign.
#[derive(Clone, Debug)]
pub struct AssessmentStudent<'a> {
    /// The participation that counts: the latest shared one, else the latest started.
    pub current: &'a AssessmentRow,
    /// Index of `current` in the snapshot's rows.
    pub current_row: usize,
    /// Every participation of the student, the current one first.
    pub history: Vec<&'a AssessmentRow>,
}

/// Groups the rows by student (same key as `cohort::profile_students`) and picks each one's
/// current participation: latest by share date, then by start date. Students come out in
/// the order of their first row in the file.
pub fn assessment_students(rows: &[AssessmentRow]) -> Vec<AssessmentStudent<'_>> {
    let mut index_of: HashMap<StudentKey, usize> = HashMap::with_capacity(rows.len());
    let mut groups: Vec<Vec<(usize, &AssessmentRow)>> = Vec::new();
    for (row_index, row) in rows.iter().enumerate() {
        let next = groups.len();
        let slot = *index_of.entry(StudentKey::of(&row.learner)).or_insert(next);
        if slot == next {
            groups.push(Vec::with_capacity(1));
        }
        groups[slot].push((row_index, row));
    }
    groups
        .into_iter()
        .map(|mut history| {
            // Stable sort: equal dates keep the file's order (Pix writes the newest first).
            history.sort_by(|&(_, a), &(_, b)| {
                (b.shared_at, b.started_at).cmp(&(a.shared_at, a.started_at))
            });
            let (current_row, current) = history[0];
            AssessmentStudent {
                current,
                current_row,
                history: history.into_iter().map(|(_, row)| row).collect(),
            }
        })
        .collect()
}

/// The header cards of an assessment campaign.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AssessmentCounts {
    pub rows: usize,
    pub participants: usize,
    /// Students whose current participation is shared.
    pub shared: usize,
}

impl AssessmentCounts {
    pub fn of(rows: &[AssessmentRow], students: &[AssessmentStudent<'_>]) -> Self {
        AssessmentCounts {
            rows: rows.len(),
            participants: students.len(),
            shared: students
                .iter()
                .filter(|student| student.current.shared)
                .count(),
        }
    }
}
