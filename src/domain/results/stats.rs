//! The whole cohort after the certification: share certified per class, distribution of
//! levels and scores, average level per competence per class beside the last collecte's
//! coverage, and how the collecte's « certifiable » compared with the outcome.

use std::collections::HashMap;

use super::matching::{name_pair, ClassView, ResultLine};
use super::{ClassResults, PixLevel, ResultStatus};
use crate::model::competences::{Levels, COMPETENCE_COUNT};
use crate::model::snapshot::ProfileRow;
use crate::text::class_key;
use crate::views::cohort::profile_students;

/// A participant of the last profiles collection, as the comparison needs them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollecteStudent {
    pub last: String,
    pub first: String,
    pub class: String,
    /// `None`: not sent.
    pub levels: Option<Levels>,
}

impl CollecteStudent {
    pub fn certifiable(&self) -> Option<bool> {
        self.levels
            .as_ref()
            .map(crate::model::competences::is_certifiable)
    }
}

/// Each participant's current participation (the latest sent profile).
pub fn collecte_students(rows: &[ProfileRow]) -> Vec<CollecteStudent> {
    profile_students(rows)
        .into_iter()
        .map(|student| {
            let learner = student.learner();
            CollecteStudent {
                last: learner.last().to_owned(),
                first: learner.first().to_owned(),
                class: learner.class().unwrap_or_default().to_owned(),
                levels: student.profile().map(|profile| profile.levels),
            }
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassShare {
    pub class: String,
    /// Students shown for the class (list students and rows nobody matched).
    pub students: usize,
    pub validated: usize,
    /// `validated / students`, 0 when the class is empty.
    pub share: f64,
}

/// Scores in bands of 100 pix: `0–99` … `800–899`, then `900 et plus`.
pub const SCORE_BANDS: usize = 10;

#[derive(Clone, Debug, PartialEq)]
pub struct CompetenceRow {
    pub class: String,
    /// Average certified level of the validated rows, per competence.
    pub average: [Option<f64>; COMPETENCE_COUNT],
    /// Share of the class's received profiles at level ≥ 1 in the last collecte.
    pub coverage: [Option<f64>; COMPETENCE_COUNT],
}

/// The last collecte's certifiability against the outcome, over every student shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub validated: usize,
    /// Not obtained, cancelled, in error or started.
    pub not_validated: usize,
    pub absent: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CertifiableVsOutcome {
    pub certifiable: Outcome,
    pub not_certifiable: Outcome,
    pub not_sent: Outcome,
    /// In no participation of the collecte.
    pub not_in_collecte: Outcome,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CohortStats {
    pub shares: Vec<ClassShare>,
    /// Validated rows per level, `PixLevel::ALL` order.
    pub levels: [usize; 8],
    /// Validated below Novice 1 (no level).
    pub validated_without_level: usize,
    pub score_bands: [usize; SCORE_BANDS],
    pub competences: Vec<CompetenceRow>,
    /// `None` without a collecte.
    pub certifiable_vs_outcome: Option<CertifiableVsOutcome>,
}

fn outcome_slot(outcome: &mut Outcome, line: &ResultLine) {
    match line.status {
        Some(ResultStatus::Validated) => outcome.validated += 1,
        Some(_) => outcome.not_validated += 1,
        None => outcome.absent += 1,
    }
}

pub fn cohort_stats(
    views: &[ClassView],
    sets: &[ClassResults],
    collecte: Option<&[CollecteStudent]>,
) -> CohortStats {
    let shares = views
        .iter()
        .map(|view| {
            let students = view.lines.len();
            ClassShare {
                class: view.class.clone(),
                students,
                validated: view.counts.validated,
                share: if students == 0 {
                    0.0
                } else {
                    view.counts.validated as f64 / students as f64
                },
            }
        })
        .collect();
    let mut levels = [0; 8];
    let mut validated_without_level = 0;
    let mut score_bands = [0; SCORE_BANDS];
    for line in views.iter().flat_map(|view| &view.lines) {
        if line.status != Some(ResultStatus::Validated) {
            continue;
        }
        match line.level {
            Some(level) => levels[PixLevel::ALL.iter().position(|l| *l == level).unwrap_or(0)] += 1,
            None => validated_without_level += 1,
        }
        if let Some(score) = line.score {
            score_bands[(score as usize / 100).min(SCORE_BANDS - 1)] += 1;
        }
    }
    let competences = views
        .iter()
        .map(|view| {
            let set = sets
                .iter()
                .find(|set| class_key(&set.class) == class_key(&view.class));
            let mut sums = [(0u32, 0u32); COMPETENCE_COUNT];
            for row in set.into_iter().flat_map(|set| &set.rows) {
                if row.status != ResultStatus::Validated {
                    continue;
                }
                for (sum, level) in sums.iter_mut().zip(row.competences) {
                    if let Some(level) = level {
                        sum.0 += u32::from(level);
                        sum.1 += 1;
                    }
                }
            }
            let mut coverage = [None; COMPETENCE_COUNT];
            if let Some(collecte) = collecte {
                let class = class_key(&view.class);
                let received: Vec<&Levels> = collecte
                    .iter()
                    .filter(|student| class_key(&student.class) == class)
                    .filter_map(|student| student.levels.as_ref())
                    .collect();
                if !received.is_empty() {
                    for (at, share) in coverage.iter_mut().enumerate() {
                        let reached = received.iter().filter(|levels| levels[at] >= 1).count();
                        *share = Some(reached as f64 / received.len() as f64);
                    }
                }
            }
            CompetenceRow {
                class: view.class.clone(),
                average: sums
                    .map(|(sum, count)| (count > 0).then(|| f64::from(sum) / f64::from(count))),
                coverage,
            }
        })
        .collect();
    let certifiable_vs_outcome = collecte.map(|collecte| {
        let mut exact: HashMap<(String, String), usize> = HashMap::new();
        let mut by_names: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, student) in collecte.iter().enumerate() {
            let names = name_pair(&student.last, &student.first);
            exact.insert((names.clone(), class_key(&student.class)), at);
            by_names.entry(names).or_default().push(at);
        }
        let mut table = CertifiableVsOutcome::default();
        for line in views.iter().flat_map(|view| &view.lines) {
            let names = name_pair(&line.last, &line.first);
            let found = exact
                .get(&(names.clone(), class_key(&line.class)))
                .copied()
                .or_else(|| match by_names.get(&names).map(Vec::as_slice) {
                    Some([only]) => Some(*only),
                    _ => None,
                });
            let slot = match found.map(|at| collecte[at].certifiable()) {
                Some(Some(true)) => &mut table.certifiable,
                Some(Some(false)) => &mut table.not_certifiable,
                Some(None) => &mut table.not_sent,
                None => &mut table.not_in_collecte,
            };
            outcome_slot(slot, line);
        }
        table
    });
    CohortStats {
        shares,
        levels,
        validated_without_level,
        score_bands,
        competences,
        certifiable_vs_outcome,
    }
}
