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
    /// Index of `current` in the snapshot's rows.
    pub current_row: usize,
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
    let mut groups: Vec<Vec<(usize, &ProfileRow)>> = Vec::new();
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
            // Newest sending first; not-sent participations after every sent one. The sort is
            // stable, so equal dates keep the file's order (Pix writes the newest first).
            history.sort_by(|&(_, a), &(_, b)| {
                let date = |row: &ProfileRow| row.profile.as_ref().map(|profile| profile.sent_at);
                date(b).cmp(&date(a))
            });
            let (current_row, current) = history[0];
            ProfileStudent {
                current,
                current_row,
                history: history.into_iter().map(|(_, row)| row).collect(),
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

/// One line of the participants table: owned, so views can keep it without borrowing the
/// snapshot, and cheap to filter and sort.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantLine {
    /// Index of the current participation in the snapshot's rows (for the detail view).
    pub row: usize,
    pub last: String,
    pub first: String,
    /// As typed in the export; empty when the export has no class.
    pub class: String,
    pub class_key: String,
    /// Folded "last first" for accent- and case-insensitive search and French-like ordering.
    pub search_key: String,
    pub status: Certifiability,
    pub sent_at: Option<super::snapshot::LocalDateTime>,
    pub score: Option<u32>,
    pub certifiable_count: Option<u8>,
    pub missing_to_certify: Option<u8>,
    pub inconsistent: bool,
    /// Score and certifiable-competence count of the previous sending, if any.
    pub previous: Option<(u32, u8)>,
    pub sendings: usize,
}

pub fn participant_lines(rows: &[ProfileRow]) -> Vec<ParticipantLine> {
    profile_students(rows)
        .iter()
        .map(|student| {
            let learner = student.learner();
            let profile = student.profile();
            ParticipantLine {
                row: student.current_row,
                last: learner.last.clone(),
                first: learner.first.clone(),
                class: learner.class.clone().unwrap_or_default(),
                class_key: learner.class.as_deref().map(class_key).unwrap_or_default(),
                search_key: format!("{} {}", fold(&learner.last), fold(&learner.first)),
                status: student.status(),
                sent_at: profile.map(|p| p.sent_at),
                score: profile.map(|p| p.total_pix),
                certifiable_count: profile.map(Profile::certifiable_count),
                missing_to_certify: profile.map(Profile::missing_to_certify),
                inconsistent: profile.is_some_and(Profile::is_inconsistent),
                previous: student
                    .previous_profile()
                    .map(|p| (p.total_pix, p.certifiable_count())),
                sendings: student
                    .history
                    .iter()
                    .filter(|row| row.profile.is_some())
                    .count(),
            }
        })
        .collect()
}

/// The participants-table filters. Empty fields filter nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParticipantFilter {
    /// Class keys (see `text::class_key`); a line matches any of them.
    pub classes: Vec<String>,
    pub status: Option<Certifiability>,
    /// Free text, matched accent- and case-insensitively against "last first" and "first last".
    pub search: String,
}

impl ParticipantFilter {
    pub fn matches(&self, line: &ParticipantLine, folded_search: &str) -> bool {
        (self.classes.is_empty() || self.classes.contains(&line.class_key))
            && self.status.is_none_or(|status| status == line.status)
            && (folded_search.is_empty()
                || folded_search
                    .split(' ')
                    .all(|word| line.search_key.contains(word)))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortColumn {
    #[default]
    Name,
    First,
    Class,
    SentAt,
    Score,
    Certifiable,
    Competences,
}

impl SortColumn {
    pub const ALL: [SortColumn; 7] = [
        SortColumn::Name,
        SortColumn::First,
        SortColumn::Class,
        SortColumn::SentAt,
        SortColumn::Score,
        SortColumn::Certifiable,
        SortColumn::Competences,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            SortColumn::Name => "nom",
            SortColumn::First => "prenom",
            SortColumn::Class => "classe",
            SortColumn::SentAt => "envoi",
            SortColumn::Score => "score",
            SortColumn::Certifiable => "certifiable",
            SortColumn::Competences => "competences",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|column| column.slug() == slug)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
}

impl Sort {
    fn compare(&self, a: &ParticipantLine, b: &ParticipantLine) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let by_name = || a.search_key.cmp(&b.search_key);
        let status_rank = |line: &ParticipantLine| match line.status {
            Certifiability::Certifiable => 0,
            Certifiability::NotCertifiable => 1,
            Certifiability::NotSent => 2,
        };
        let primary = match self.column {
            SortColumn::Name => Ordering::Equal,
            SortColumn::First => fold(&a.first).cmp(&fold(&b.first)),
            SortColumn::Class => super::text::natural_cmp(&a.class, &b.class),
            SortColumn::SentAt => a.sent_at.cmp(&b.sent_at),
            SortColumn::Score => a.score.cmp(&b.score),
            SortColumn::Certifiable => status_rank(a).cmp(&status_rank(b)),
            SortColumn::Competences => a.certifiable_count.cmp(&b.certifiable_count),
        };
        let primary = if self.descending {
            primary.reverse()
        } else {
            primary
        };
        // Ties always fall back to the name, ascending, so the order is stable and readable.
        match self.column {
            SortColumn::Name if self.descending => by_name().reverse(),
            _ => primary.then_with(by_name),
        }
    }
}

/// Indices into `lines` of the lines that pass the filter, in the requested order.
pub fn filter_and_sort(
    lines: &[ParticipantLine],
    filter: &ParticipantFilter,
    sort: Sort,
) -> Vec<usize> {
    let folded_search = fold(&filter.search);
    let mut selected: Vec<usize> = (0..lines.len())
        .filter(|&index| filter.matches(&lines[index], &folded_search))
        .collect();
    selected.sort_by(|&a, &b| sort.compare(&lines[a], &lines[b]));
    selected
}

/// The distinct classes of the lines, as (key, label as first typed), in natural order.
pub fn classes_of(lines: &[ParticipantLine]) -> Vec<(String, String)> {
    let mut classes: Vec<(String, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in lines {
        if !line.class_key.is_empty() && seen.insert(line.class_key.as_str()) {
            classes.push((line.class_key.clone(), line.class.clone()));
        }
    }
    classes.sort_by(|a, b| super::text::natural_cmp(&a.1, &b.1));
    classes
}

/// Header cards of an assessment campaign.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AssessmentCounts {
    pub participants: usize,
    /// Students with at least one shared result.
    pub shared: usize,
}

impl AssessmentCounts {
    pub fn of(rows: &[super::snapshot::AssessmentRow]) -> Self {
        let mut shared_by_student: HashMap<StudentKey, bool> = HashMap::with_capacity(rows.len());
        for row in rows {
            *shared_by_student
                .entry(StudentKey::of(&row.learner))
                .or_default() |= row.shared;
        }
        AssessmentCounts {
            participants: shared_by_student.len(),
            shared: shared_by_student.values().filter(|&&shared| shared).count(),
        }
    }
}
