//! Aggregates of a profiles collection for the analysis tab: competence coverage, the quickest
//! wins, score and certifiable-count distributions, and per-class figures. Pure numbers, so the
//! charts only draw and the tests can check every value against the fixtures.

use std::collections::HashMap;

use crate::model::competences::{Levels, COMPETENCE_COUNT, MIN_CERTIFIABLE_COMPETENCES};
use crate::model::snapshot::ProfileRow;
use crate::text::{class_key, natural_cmp};
use crate::views::cohort::profile_students;

/// Figures for one competence over the received profiles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompetenceStat {
    /// Profiles at level ≥ 1.
    pub reached: usize,
    /// Sum of the levels, for the average.
    pub level_sum: u32,
    /// Non-certifiable profiles still at level 0 here: where one session makes students
    /// certifiable soonest.
    pub zero_among_not_certifiable: usize,
}

/// One class (or the students without a class): counts and coverage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassStat {
    /// `text::class_key`; empty for students without a class.
    pub key: String,
    /// As first typed in the export; empty for students without a class.
    pub label: String,
    pub participants: usize,
    pub received: usize,
    pub certifiable: usize,
    /// Received profiles at level ≥ 1, per competence.
    pub reached: [usize; COMPETENCE_COUNT],
}

impl ClassStat {
    /// Share of the class's participants who are certifiable, as the class summary counts it.
    pub fn certifiable_share(&self) -> f64 {
        share(self.certifiable, self.participants)
    }

    /// Share of the class's received profiles at level ≥ 1 in competence `index`; `None` when
    /// the class sent nothing, so an empty class is not shown as 0 %.
    pub fn coverage(&self, index: usize) -> Option<f64> {
        (self.received > 0).then(|| share(self.reached[index], self.received))
    }
}

/// Score bins are round numbers so that staff read "from 100 to 149" rather than odd bounds.
const SCORE_BIN_WIDTHS: [u32; 6] = [10, 20, 25, 50, 100, 200];
/// Few enough bars to stay readable at 390 px and in print.
const MAX_SCORE_BINS: u32 = 12;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CohortStats {
    pub participants: usize,
    pub received: usize,
    pub certifiable: usize,
    pub competences: [CompetenceStat; COMPETENCE_COUNT],
    /// Width of each score bin; bin `i` holds scores in `[i × width, (i + 1) × width)`.
    pub score_bin_width: u32,
    pub score_bins: Vec<usize>,
    /// Received profiles by number of competences at level ≥ 1 (0 to 16).
    pub competence_counts: [usize; COMPETENCE_COUNT + 1],
    /// In natural class order; students without a class come last.
    pub classes: Vec<ClassStat>,
}

/// `part / whole`, 0 when the whole is empty.
pub fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// How the coverage chart is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CoverageOrder {
    /// 1.1 → 5.2: grouped by domain, as in the framework.
    #[default]
    Framework,
    /// Least covered first: what to plan a session on.
    ShareAscending,
    ShareDescending,
    AverageDescending,
}

impl CoverageOrder {
    pub const ALL: [CoverageOrder; 4] = [
        CoverageOrder::Framework,
        CoverageOrder::ShareAscending,
        CoverageOrder::ShareDescending,
        CoverageOrder::AverageDescending,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            CoverageOrder::Framework => "referentiel",
            CoverageOrder::ShareAscending => "part-croissante",
            CoverageOrder::ShareDescending => "part-decroissante",
            CoverageOrder::AverageDescending => "niveau-moyen",
        }
    }

    pub fn from_slug(slug: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|order| order.slug() == slug)
            .unwrap_or_default()
    }
}

impl CohortStats {
    /// Uses each student's current participation (latest sent), as every other view does.
    pub fn of(rows: &[ProfileRow]) -> Self {
        let students = profile_students(rows);
        let mut stats = CohortStats {
            participants: students.len(),
            ..CohortStats::default()
        };
        let mut class_index: HashMap<String, usize> = HashMap::new();
        let mut scores = Vec::new();
        for student in &students {
            let label = student.learner().class().unwrap_or_default().to_owned();
            let key = class_key(&label);
            let slot = *class_index.entry(key.clone()).or_insert_with(|| {
                stats.classes.push(ClassStat {
                    key,
                    label,
                    ..ClassStat::default()
                });
                stats.classes.len() - 1
            });
            let class = &mut stats.classes[slot];
            class.participants += 1;
            let Some(profile) = student.profile() else {
                continue;
            };
            let certifiable = profile.is_certifiable();
            class.received += 1;
            class.certifiable += usize::from(certifiable);
            stats.received += 1;
            stats.certifiable += usize::from(certifiable);
            stats.competence_counts[usize::from(profile.certifiable_count())] += 1;
            scores.push(profile.total_pix);
            add_levels(
                &mut stats.competences,
                &mut class.reached,
                &profile.levels,
                certifiable,
            );
        }
        crate::views::sort::sort_by(&mut stats.classes, |a, b| {
            a.key
                .is_empty()
                .cmp(&b.key.is_empty())
                .then_with(|| natural_cmp(&a.label, &b.label))
        });
        stats.score_bin_width = bin_width(scores.iter().copied().max().unwrap_or(0));
        let bins = scores.iter().copied().max().unwrap_or(0) / stats.score_bin_width + 1;
        stats.score_bins = vec![0; if scores.is_empty() { 0 } else { bins as usize }];
        for score in scores {
            stats.score_bins[(score / stats.score_bin_width) as usize] += 1;
        }
        stats
    }

    pub fn not_certifiable(&self) -> usize {
        self.received - self.certifiable
    }

    /// Share of received profiles at level ≥ 1 in competence `index` (0 = 1.1).
    pub fn coverage(&self, index: usize) -> f64 {
        share(self.competences[index].reached, self.received)
    }

    pub fn average_level(&self, index: usize) -> f64 {
        share(self.competences[index].level_sum as usize, self.received)
    }

    /// Competence indices in the requested order; ties keep the framework order.
    pub fn coverage_order(&self, order: CoverageOrder) -> Vec<usize> {
        let mut indices: Vec<usize> = (0..COMPETENCE_COUNT).collect();
        let key = |index: &usize| match order {
            CoverageOrder::Framework => 0,
            CoverageOrder::ShareAscending => self.competences[*index].reached as i64,
            CoverageOrder::ShareDescending => -(self.competences[*index].reached as i64),
            CoverageOrder::AverageDescending => -i64::from(self.competences[*index].level_sum),
        };
        crate::views::sort::sort_by_key(&mut indices, key);
        indices
    }

    /// The competences most often at level 0 among non-certifiable students, most first,
    /// at most `limit`, leaving out those where nobody lacks them.
    pub fn quick_wins(&self, limit: usize) -> Vec<usize> {
        let mut indices: Vec<usize> = (0..COMPETENCE_COUNT)
            .filter(|&index| self.competences[index].zero_among_not_certifiable > 0)
            .collect();
        crate::views::sort::sort_by_key(&mut indices, |&index| {
            std::cmp::Reverse(self.competences[index].zero_among_not_certifiable)
        });
        indices.truncate(limit);
        indices
    }

    /// Received profiles that meet the threshold, from the count histogram: the same number
    /// as `certifiable`, which the tests check.
    pub fn at_or_above_threshold(&self) -> usize {
        self.competence_counts[usize::from(MIN_CERTIFIABLE_COMPETENCES)..]
            .iter()
            .sum()
    }
}

fn add_levels(
    totals: &mut [CompetenceStat; COMPETENCE_COUNT],
    class_reached: &mut [usize; COMPETENCE_COUNT],
    levels: &Levels,
    certifiable: bool,
) {
    for (index, &level) in levels.iter().enumerate() {
        let total = &mut totals[index];
        total.level_sum += u32::from(level);
        if level >= 1 {
            total.reached += 1;
            class_reached[index] += 1;
        } else if !certifiable {
            total.zero_among_not_certifiable += 1;
        }
    }
}

/// The smallest round width giving at most `MAX_SCORE_BINS` bins up to `max_score`.
fn bin_width(max_score: u32) -> u32 {
    SCORE_BIN_WIDTHS
        .into_iter()
        .find(|width| max_score / width < MAX_SCORE_BINS)
        .unwrap_or_else(|| max_score / MAX_SCORE_BINS + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_stay_few_and_round() {
        assert_eq!(bin_width(0), 10);
        assert_eq!(bin_width(119), 10);
        assert_eq!(bin_width(120), 20);
        assert_eq!(bin_width(450), 50);
        assert_eq!(bin_width(1024), 100);
        assert_eq!(bin_width(5000), 5000 / 12 + 1);
    }

    #[test]
    fn unknown_order_slug_falls_back_to_the_framework() {
        assert_eq!(CoverageOrder::from_slug("x"), CoverageOrder::Framework);
        for order in CoverageOrder::ALL {
            assert_eq!(CoverageOrder::from_slug(order.slug()), order);
        }
    }
}
