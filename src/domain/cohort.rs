//! The view staff read: one line per student (their latest participation) and the counts.

use std::collections::HashMap;

use super::snapshot::{Learner, Profile, ProfileRow};
use super::text::{class_key, fold};

/// Identity of a student inside one campaign: folded last name, first name and class key.
/// The class is part of it so that two homonyms in different classes stay apart.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StudentKey(String);

impl StudentKey {
    pub fn of(learner: &Learner) -> Self {
        StudentKey(format!(
            "{}\u{1f}{}\u{1f}{}",
            fold(&learner.last),
            fold(&learner.first),
            learner.class.as_deref().map(class_key).unwrap_or_default()
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One student of a profiles-collection campaign.
#[derive(Clone, Debug)]
pub struct ProfileStudent<'a> {
    /// The participation that counts: the latest sent one, else the latest read.
    pub current: &'a ProfileRow,
    /// Every participation of the student, the current one first, then older sendings.
    pub history: Vec<&'a ProfileRow>,
}

impl<'a> ProfileStudent<'a> {
    pub fn learner(&self) -> &'a Learner {
        &self.current.learner
    }

    pub fn profile(&self) -> Option<&'a Profile> {
        self.current.profile.as_ref()
    }

    /// The sending before the current one, for the evolution column.
    pub fn previous_profile(&self) -> Option<&'a Profile> {
        self.history
            .iter()
            .skip(1)
            .find_map(|row| row.profile.as_ref())
    }

    pub fn status(&self) -> Certifiability {
        match self.profile() {
            None => Certifiability::NotSent,
            Some(profile) if profile.is_certifiable() => Certifiability::Certifiable,
            Some(_) => Certifiability::NotCertifiable,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Certifiability {
    Certifiable,
    NotCertifiable,
    NotSent,
}

impl Certifiability {
    /// Value used in the filter `<select>` and in the URL.
    pub fn slug(self) -> &'static str {
        match self {
            Certifiability::Certifiable => "certifiable",
            Certifiability::NotCertifiable => "not-certifiable",
            Certifiability::NotSent => "not-sent",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        [Self::Certifiable, Self::NotCertifiable, Self::NotSent]
            .into_iter()
            .find(|status| status.slug() == slug)
    }
}

/// Groups the rows by student and picks each one's current participation.
/// Students come out in the order of their first row in the file.
pub fn profile_students(rows: &[ProfileRow]) -> Vec<ProfileStudent<'_>> {
    let mut index_of: HashMap<StudentKey, usize> = HashMap::with_capacity(rows.len());
    let mut groups: Vec<Vec<&ProfileRow>> = Vec::new();
    for row in rows {
        let next = groups.len();
        let slot = *index_of.entry(StudentKey::of(&row.learner)).or_insert(next);
        if slot == next {
            groups.push(Vec::with_capacity(1));
        }
        groups[slot].push(row);
    }
    groups
        .into_iter()
        .map(|mut history| {
            // Newest sending first; not-sent participations after every sent one. The sort is
            // stable, so equal dates keep the file's order (Pix writes the newest first).
            history.sort_by(|a, b| {
                let date = |row: &ProfileRow| row.profile.as_ref().map(|profile| profile.sent_at);
                date(b).cmp(&date(a))
            });
            ProfileStudent {
                current: history[0],
                history,
            }
        })
        .collect()
}

/// The header cards of a profiles-collection campaign.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProfileCounts {
    pub rows: usize,
    pub participants: usize,
    pub received: usize,
    pub certifiable: usize,
    pub not_certifiable: usize,
    pub not_sent: usize,
    /// Rows whose own certifiability columns disagree with their levels.
    pub inconsistent_rows: usize,
}

impl ProfileCounts {
    pub fn of(rows: &[ProfileRow], students: &[ProfileStudent<'_>]) -> Self {
        let mut counts = ProfileCounts {
            rows: rows.len(),
            participants: students.len(),
            inconsistent_rows: rows
                .iter()
                .filter(|row| row.profile.as_ref().is_some_and(Profile::is_inconsistent))
                .count(),
            ..ProfileCounts::default()
        };
        for student in students {
            match student.status() {
                Certifiability::Certifiable => counts.certifiable += 1,
                Certifiability::NotCertifiable => counts.not_certifiable += 1,
                Certifiability::NotSent => counts.not_sent += 1,
            }
        }
        counts.received = counts.certifiable + counts.not_certifiable;
        counts
    }

    /// Share of the participants who are certifiable, in percent.
    pub fn certifiable_percent(&self) -> u32 {
        percent(self.certifiable, self.participants)
    }
}

/// Rounded percentage, 0 when the whole is empty.
pub fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        0
    } else {
        ((part as f64 * 100.0) / whole as f64).round() as u32
    }
}
