//! Rows of an assessment export (campaign "d'évaluation", also of the EXAM type), and the
//! latest participation per student.

use crate::import::headers::{AssessmentColumns, CellError, MasteryColumns, Row};
use crate::model::snapshot::{AssessmentRow, AssessmentSheet, Mastery};
use crate::text::{class_key, fold};
use crate::views::cohort::group_by_student;

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
/// A `Palier obtenu` of `-1` (Pix writes "stages reached − 1", so a shared result with no
/// stage reached) is no stage, counted in `no_stage_reached`.
pub fn parse_row(
    row: &Row<'_>,
    columns: &AssessmentColumns,
    no_stage_reached: &mut usize,
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
        Some((column, max)) => match row.integer(column, u64::from(max)) {
            Ok(stage) => stage.map(|stage| stage as u8),
            // Looked at only when the cell is not a stage: the usual cell pays nothing.
            Err(_) if row.raw(column) == "-1" => {
                *no_stage_reached += 1;
                None
            }
            Err(error) => return Err(error),
        },
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

fn masteries(row: &Row<'_>, columns: &[MasteryColumns]) -> Result<Vec<Option<Mastery>>, CellError> {
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
    group_by_student(
        rows,
        |row| &row.learner,
        |row| (row.shared_at, row.started_at),
    )
    .into_iter()
    .map(|history| {
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

/// Where a participant stands, as Pix Orga's activity tab says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssessmentStatus {
    /// `Résultats reçus`.
    Shared,
    /// `En attente d'envoi`: the test is finished (progress 100 %) but not shared.
    Completed,
    /// `En cours`: started, not finished (or progress unknown, as for EXAM campaigns).
    Started,
}

impl AssessmentStatus {
    pub const ALL: [AssessmentStatus; 3] = [
        AssessmentStatus::Shared,
        AssessmentStatus::Completed,
        AssessmentStatus::Started,
    ];

    pub fn of(row: &AssessmentRow) -> Self {
        if row.shared {
            AssessmentStatus::Shared
        } else if row.progress.is_some_and(|progress| progress >= 0.999) {
            AssessmentStatus::Completed
        } else {
            AssessmentStatus::Started
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            AssessmentStatus::Shared => "shared",
            AssessmentStatus::Completed => "completed",
            AssessmentStatus::Started => "started",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.slug() == slug)
    }
}

/// One line of the assessment table: the student's current participation.
#[derive(Clone, Debug, PartialEq)]
pub struct AssessmentLine {
    pub row: usize,
    pub last: String,
    pub first: String,
    pub class: String,
    pub class_key: String,
    pub search_key: String,
    pub status: AssessmentStatus,
    pub progress: Option<f32>,
    pub mastery: Option<f32>,
    pub stage: Option<u8>,
    pub badges: Vec<Option<bool>>,
    /// Shared participations of the student in the file.
    pub shared_count: usize,
}

/// One line per student, sorted by name (folded, as in the profiles table).
pub fn assessment_lines(rows: &[AssessmentRow]) -> Vec<AssessmentLine> {
    let mut lines: Vec<AssessmentLine> = assessment_students(rows)
        .iter()
        .map(|student| {
            let row = student.current;
            AssessmentLine {
                row: student.current_row,
                last: row.learner.last().to_owned(),
                first: row.learner.first().to_owned(),
                class: row.learner.class().unwrap_or_default().to_owned(),
                class_key: row.learner.class().map(class_key).unwrap_or_default(),
                search_key: format!("{} {}", fold(row.learner.last()), fold(row.learner.first())),
                status: AssessmentStatus::of(row),
                progress: row.progress,
                mastery: row.mastery,
                stage: row.stage,
                badges: row.badges.clone(),
                shared_count: student.history.iter().filter(|row| row.shared).count(),
            }
        })
        .collect();
    crate::views::sort::sort_by(&mut lines, |a, b| {
        a.search_key
            .cmp(&b.search_key)
            .then_with(|| a.row.cmp(&b.row))
    });
    lines
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssessmentFilter {
    /// Class keys; a line matches any of them.
    pub classes: Vec<String>,
    pub status: Option<AssessmentStatus>,
    /// Stage reached (shared results only).
    pub stage: Option<u8>,
    pub search: String,
}

pub fn filter_assessment(lines: &[AssessmentLine], filter: &AssessmentFilter) -> Vec<usize> {
    let search = fold(&filter.search);
    (0..lines.len())
        .filter(|&index| {
            let line = &lines[index];
            (filter.classes.is_empty() || filter.classes.contains(&line.class_key))
                && filter.status.is_none_or(|status| status == line.status)
                && filter.stage.is_none_or(|stage| line.stage == Some(stage))
                && search.split(' ').all(|word| line.search_key.contains(word))
        })
        .collect()
}

/// Mean mastery of one competence or domain over the shared results considered.
#[derive(Clone, Debug, PartialEq)]
pub struct MasteryAverage {
    pub name: String,
    /// Mean of the students' rates, between 0 and 1; `None` when no shared result has it.
    pub average: Option<f32>,
    pub results: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MasteryAverages {
    /// Mean of `% maitrise de l'ensemble des acquis du profil`.
    pub overall: Option<f32>,
    pub shared: usize,
    pub competences: Vec<MasteryAverage>,
    pub domains: Vec<MasteryAverage>,
}

/// Averages over the current shared participations of `selected` lines.
pub fn mastery_averages(
    rows: &[AssessmentRow],
    sheet: &AssessmentSheet,
    lines: &[AssessmentLine],
    selected: &[usize],
) -> MasteryAverages {
    let shared: Vec<&AssessmentRow> = selected
        .iter()
        .filter_map(|&index| lines.get(index))
        .filter(|line| line.status == AssessmentStatus::Shared)
        .filter_map(|line| rows.get(line.row))
        .collect();
    let mean = |values: &mut dyn Iterator<Item = f32>| {
        let (sum, count) = values.fold((0.0f64, 0usize), |(sum, count), value| {
            (sum + f64::from(value), count + 1)
        });
        (count > 0).then(|| (sum / count as f64) as f32)
    };
    let averages = |names: &[String], pick: &dyn Fn(&AssessmentRow, usize) -> Option<Mastery>| {
        names
            .iter()
            .enumerate()
            .map(|(index, name)| {
                let rates: Vec<f32> = shared
                    .iter()
                    .filter_map(|row| pick(row, index).map(|mastery| mastery.rate))
                    .collect();
                MasteryAverage {
                    name: name.clone(),
                    average: mean(&mut rates.iter().copied()),
                    results: rates.len(),
                }
            })
            .collect()
    };
    MasteryAverages {
        overall: mean(&mut shared.iter().filter_map(|row| row.mastery)),
        shared: shared.len(),
        competences: averages(&sheet.competences, &|row, index| {
            row.competences.get(index).copied().flatten()
        }),
        domains: averages(&sheet.domains, &|row, index| {
            row.domains.get(index).copied().flatten()
        }),
    }
}
