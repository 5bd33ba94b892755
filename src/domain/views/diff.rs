//! Comparing two states of one campaign: who became certifiable since the last collection.
//! The categories partition the students present in either state, so the staff see everyone,
//! those who sent in neither collection included.
//!
//! A state is either a whole snapshot (one import) or a snapshot as it stood at a date, because
//! an export with multiple sendings carries its own history.

use std::collections::HashMap;

use crate::model::snapshot::{LocalDateTime, ProfileRow};
use crate::views::cohort::{profile_students, Certifiability, StudentKey};

/// Where a student stands in one state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StudentState {
    pub status: Certifiability,
    pub score: Option<u32>,
    pub certifiable_count: Option<u8>,
    pub sent_at: Option<LocalDateTime>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeCategory {
    /// Certifiable now, not before (not certifiable, not sent, or not yet a participant).
    BecameCertifiable,
    /// Certifiable before, sent now and not certifiable.
    NoLongerCertifiable,
    /// Sent but not certifiable in both states.
    StillNotCertifiable,
    StillCertifiable,
    /// Had not sent in either state.
    StillNotSent,
    /// Present before, absent now (left the campaign, or deleted from the organisation).
    Gone,
    /// Absent before, present now without a profile.
    Joined,
}

impl ChangeCategory {
    /// Value of the `data-category` hook.
    pub fn slug(self) -> &'static str {
        match self {
            ChangeCategory::BecameCertifiable => "became-certifiable",
            ChangeCategory::NoLongerCertifiable => "no-longer-certifiable",
            ChangeCategory::StillNotCertifiable => "still-not-certifiable",
            ChangeCategory::StillCertifiable => "still-certifiable",
            ChangeCategory::StillNotSent => "still-not-sent",
            ChangeCategory::Gone => "gone",
            ChangeCategory::Joined => "joined",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentChange {
    pub last: String,
    pub first: String,
    pub class: String,
    pub before: Option<StudentState>,
    pub after: Option<StudentState>,
    pub category: ChangeCategory,
}

impl StudentChange {
    /// Sent a profile in the later state and not in the earlier one. This cuts across the
    /// categories: a newly sent profile can be certifiable or not.
    pub fn newly_sent(&self) -> bool {
        let sent = |state: Option<StudentState>| {
            state.is_some_and(|s| s.status != Certifiability::NotSent)
        };
        !sent(self.before) && sent(self.after)
    }

    /// Pix gained (or lost) between the two states, when both have a profile.
    pub fn score_change(&self) -> Option<i64> {
        Some(i64::from(self.after?.score?) - i64::from(self.before?.score?))
    }

    pub fn competence_change(&self) -> Option<i16> {
        Some(i16::from(self.after?.certifiable_count?) - i16::from(self.before?.certifiable_count?))
    }
}

/// Counts of a comparison, for the summary and the `diff-count` hooks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ComparisonCounts {
    pub became_certifiable: usize,
    pub no_longer_certifiable: usize,
    pub still_not_certifiable: usize,
    pub still_certifiable: usize,
    pub still_not_sent: usize,
    pub newly_sent: usize,
    pub gone: usize,
    pub joined: usize,
    /// Participants and certifiable among them, before and after.
    pub participants_before: usize,
    pub certifiable_before: usize,
    pub participants_after: usize,
    pub certifiable_after: usize,
}

impl ComparisonCounts {
    /// Students in the seven categories: every student of either state, each once.
    pub fn categorised(&self) -> usize {
        self.became_certifiable
            + self.no_longer_certifiable
            + self.still_not_certifiable
            + self.still_certifiable
            + self.still_not_sent
            + self.gone
            + self.joined
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// In the later state's order, then the students who are gone.
    pub changes: Vec<StudentChange>,
    pub counts: ComparisonCounts,
}

impl Comparison {
    pub fn in_category(&self, category: ChangeCategory) -> impl Iterator<Item = &StudentChange> {
        self.changes
            .iter()
            .filter(move |change| change.category == category)
    }
}

fn states(rows: &[ProfileRow]) -> Vec<(StudentKey, &ProfileRow, StudentState)> {
    profile_students(rows)
        .into_iter()
        .map(|student| {
            let profile = student.profile();
            let state = StudentState {
                status: student.status(),
                score: profile.map(|p| p.total_pix),
                certifiable_count: profile.map(|p| p.certifiable_count()),
                sent_at: profile.map(|p| p.sent_at),
            };
            (
                StudentKey::of(&student.current.learner),
                student.current,
                state,
            )
        })
        .collect()
}

fn categorise(before: Option<StudentState>, after: Option<StudentState>) -> ChangeCategory {
    use Certifiability::*;
    match (before.map(|s| s.status), after.map(|s| s.status)) {
        (Some(_), None) => ChangeCategory::Gone,
        (None, None) | (None, Some(NotSent)) => ChangeCategory::Joined,
        (Some(Certifiable), Some(Certifiable)) => ChangeCategory::StillCertifiable,
        (_, Some(Certifiable)) => ChangeCategory::BecameCertifiable,
        (Some(Certifiable), Some(_)) => ChangeCategory::NoLongerCertifiable,
        (Some(NotCertifiable), Some(NotCertifiable)) => ChangeCategory::StillNotCertifiable,
        // A first profile that is not certifiable: the student now has work to do.
        (Some(NotSent) | None, Some(NotCertifiable)) => ChangeCategory::StillNotCertifiable,
        (Some(NotSent), Some(NotSent)) => ChangeCategory::StillNotSent,
        (Some(NotCertifiable), Some(NotSent)) => ChangeCategory::StillNotCertifiable,
    }
}

/// Compares two states of the same campaign, student by student.
pub fn compare(before: &[ProfileRow], after: &[ProfileRow]) -> Comparison {
    let before_states = states(before);
    let after_states = states(after);
    let mut before_by_key: HashMap<&StudentKey, (&ProfileRow, StudentState)> = before_states
        .iter()
        .map(|(key, row, state)| (key, (*row, *state)))
        .collect();

    let mut changes = Vec::with_capacity(after_states.len());
    for (key, row, state) in &after_states {
        let previous = before_by_key.remove(key).map(|(_, state)| state);
        changes.push(change(row, previous, Some(*state)));
    }
    for (key, row, state) in &before_states {
        if before_by_key.contains_key(key) {
            changes.push(change(row, Some(*state), None));
        }
    }

    let mut counts = ComparisonCounts {
        participants_before: before_states.len(),
        certifiable_before: before_states
            .iter()
            .filter(|(_, _, s)| s.status == Certifiability::Certifiable)
            .count(),
        participants_after: after_states.len(),
        certifiable_after: after_states
            .iter()
            .filter(|(_, _, s)| s.status == Certifiability::Certifiable)
            .count(),
        ..ComparisonCounts::default()
    };
    for change in &changes {
        let slot = match change.category {
            ChangeCategory::BecameCertifiable => &mut counts.became_certifiable,
            ChangeCategory::NoLongerCertifiable => &mut counts.no_longer_certifiable,
            ChangeCategory::StillNotCertifiable => &mut counts.still_not_certifiable,
            ChangeCategory::StillCertifiable => &mut counts.still_certifiable,
            ChangeCategory::StillNotSent => &mut counts.still_not_sent,
            ChangeCategory::Gone => &mut counts.gone,
            ChangeCategory::Joined => &mut counts.joined,
        };
        *slot += 1;
        counts.newly_sent += usize::from(change.newly_sent());
    }
    Comparison { changes, counts }
}

fn change(
    row: &ProfileRow,
    before: Option<StudentState>,
    after: Option<StudentState>,
) -> StudentChange {
    StudentChange {
        last: row.learner.last().to_owned(),
        first: row.learner.first().to_owned(),
        class: row.learner.class().unwrap_or_default().to_owned(),
        before,
        after,
        category: categorise(before, after),
    }
}

/// The campaign as it stood at `cutoff`: sendings after it are not known yet, so those
/// participations count as not sent. Lets one export with multiple sendings be compared
/// with itself at two dates.
pub fn as_of(rows: &[ProfileRow], cutoff: LocalDateTime) -> Vec<ProfileRow> {
    rows.iter()
        .map(|row| match &row.profile {
            Some(profile) if profile.sent_at > cutoff => ProfileRow {
                profile: None,
                ..row.clone()
            },
            _ => row.clone(),
        })
        .collect()
}

/// The distinct send dates of an export, oldest first: the moments `as_of` can show.
pub fn send_dates(rows: &[ProfileRow]) -> Vec<LocalDateTime> {
    let mut dates: Vec<LocalDateTime> = rows
        .iter()
        .filter_map(|row| row.profile.as_ref().map(|p| p.sent_at))
        .collect();
    crate::views::sort::sort_by(&mut dates, LocalDateTime::cmp);
    dates.dedup();
    dates
}

/// Who moved between the two states, and by how much.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Students with more competences at level 1 than before.
    pub students_up: usize,
    /// Competences at level 1 gained by them, in all.
    pub competences_gained: u32,
    /// Students with fewer.
    pub students_down: usize,
}

impl Comparison {
    /// The comparison's lead: who moved up, by how many competences in all.
    pub fn progress(&self) -> Progress {
        let mut progress = Progress::default();
        for change in &self.changes {
            match change.competence_change() {
                Some(gain) if gain > 0 => {
                    progress.students_up += 1;
                    progress.competences_gained += gain.unsigned_abs() as u32;
                }
                Some(loss) if loss < 0 => progress.students_down += 1,
                _ => {}
            }
        }
        progress
    }

    /// The students of `category` (every student when `None`), the ones who moved up most
    /// first (competences, then pix), then by name as the comparison has them.
    pub fn by_progress(&self, category: Option<ChangeCategory>) -> Vec<&StudentChange> {
        let mut changes: Vec<&StudentChange> = self
            .changes
            .iter()
            .filter(|change| category.is_none_or(|category| change.category == category))
            .collect();
        crate::views::sort::sort_by_key(&mut changes, |change| {
            (
                std::cmp::Reverse(change.competence_change().unwrap_or(i16::MIN)),
                std::cmp::Reverse(change.score_change().unwrap_or(i64::MIN)),
            )
        });
        changes
    }
}

/// The words of the comparison's CSV, given by the interface.
pub struct ComparisonCsvLabels<'a> {
    /// Class, last name, first name, category, before, after, competences gained, pix gained.
    pub header: [&'a str; 8],
    /// The label of each category.
    pub category: &'a dyn Fn(ChangeCategory) -> &'a str,
    /// A state in words (`StudentState` or absent).
    pub state: &'a dyn Fn(Option<StudentState>) -> String,
}

/// The comparison as a spreadsheet: every student, the ones who moved up most first.
pub fn comparison_csv(comparison: &Comparison, labels: &ComparisonCsvLabels<'_>) -> String {
    let mut csv = crate::export::CsvWriter::new();
    csv.row(labels.header);
    // Plain numbers: a leading « + » would read as a formula and be guarded.
    let signed = |value: Option<i64>| value.map(|v| v.to_string()).unwrap_or_default();
    for change in comparison.by_progress(None) {
        csv.row([
            change.class.clone(),
            change.last.clone(),
            change.first.clone(),
            (labels.category)(change.category).to_owned(),
            (labels.state)(change.before),
            (labels.state)(change.after),
            signed(change.competence_change().map(i64::from)),
            signed(change.score_change()),
        ]);
    }
    csv.finish()
}
