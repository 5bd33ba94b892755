//! The view staff read: one line per student (their latest participation) and the counts.

use std::collections::HashMap;

use crate::model::snapshot::{Learner, LocalDateTime, Parts, Profile, ProfileRow};
use crate::text::{class_key, fold, fold_into, natural_cmp};
use crate::text_ids::TextIds;

/// Identity of a student inside one campaign: folded last name, first name and class key.
/// The class is part of it so that two homonyms in different classes stay apart.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StudentKey(String);

impl StudentKey {
    pub fn of(learner: &Learner) -> Self {
        let class_key = learner.class().map(class_key).unwrap_or_default();
        FoldedLearner::new(learner, &class_key).key
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A student's key with the places of its parts, so that the folded names it is made of are
/// not folded again for the participants table.
struct FoldedLearner {
    key: StudentKey,
    parts: Parts,
}

impl FoldedLearner {
    /// Folds straight into the key (no `format!`, one allocation: this runs for every row).
    fn new(learner: &Learner, class_key: &str) -> Self {
        let (key, parts) =
            Parts::join_with([learner.last(), learner.first(), class_key], fold_into);
        FoldedLearner {
            key: StudentKey(key),
            parts,
        }
    }
}

/// `text::class_key` of each class as typed: a campaign has a few dozen classes and
/// thousands of rows, so each key is computed once, and numbered (`4B` and `4 B` share a
/// number) so that classes are then told apart without hashing.
#[derive(Default)]
struct ClassKeys<'a> {
    /// The classes as typed, and the number of each one's key.
    typed: TextIds<'a>,
    key_of_typed: Vec<usize>,
    keys: Vec<String>,
}

impl<'a> ClassKeys<'a> {
    /// The number of the class's key, `None` without a class.
    fn id(&mut self, class: Option<&'a str>) -> Option<usize> {
        let class = class?;
        let (typed, new) = self.typed.id(class);
        if new {
            let key = class_key(class);
            let id = match self.keys.iter().position(|known| *known == key) {
                Some(id) => id,
                None => {
                    self.keys.push(key);
                    self.keys.len() - 1
                }
            };
            self.key_of_typed.push(id);
        }
        self.key_of_typed.get(typed).copied()
    }

    fn key(&self, id: Option<usize>) -> &str {
        id.and_then(|id| self.keys.get(id))
            .map_or("", String::as_str)
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

    /// Sent a profile, then started a new participation not sent yet (multiple sendings):
    /// received, with their latest sent profile, and a new sending under way.
    pub fn new_sending_under_way(&self) -> bool {
        self.profile().is_some() && self.history.iter().any(|row| row.profile.is_none())
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

/// Groups participations by student, students in the order of their first row, and orders
/// each student's participations newest first by `recency`. The sort is stable, so equal
/// dates keep the file's order (Pix writes the newest first). Returns, per student, the
/// row indices and rows, current participation first.
pub fn group_by_student<R, K: Ord>(
    rows: &[R],
    learner: impl Fn(&R) -> &Learner,
    recency: impl Fn(&R) -> K,
) -> Vec<Vec<(usize, &R)>> {
    let mut class_keys = ClassKeys::default();
    let keys: Vec<StudentKey> = rows
        .iter()
        .map(|row| {
            let learner = learner(row);
            let class = class_keys.id(learner.class());
            FoldedLearner::new(learner, class_keys.key(class)).key
        })
        .collect();
    let groups = group_by_keys(rows, |index| &keys[index], recency);
    groups
        .iter()
        .map(|group| group.iter().map(|&index| (index, &rows[index])).collect())
        .collect()
}

/// Row indices grouped by student, in one vector: students in the order of their first row,
/// each one's rows newest first.
struct StudentGroups {
    rows: Vec<usize>,
    ends: Vec<usize>,
}

impl StudentGroups {
    fn iter(&self) -> impl Iterator<Item = &[usize]> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let group = self.rows.get(start..end).unwrap_or_default();
            start = end;
            group
        })
    }
}

/// `group_by_student` with each row's key given by its index; no vector per student.
fn group_by_keys<'k, R, K: Ord>(
    rows: &[R],
    key: impl Fn(usize) -> &'k StudentKey,
    recency: impl Fn(&R) -> K,
) -> StudentGroups {
    let mut group_ids = TextIds::with_capacity(rows.len());
    let mut group_of_row = Vec::with_capacity(rows.len());
    let mut sizes: Vec<usize> = Vec::new();
    for row_index in 0..rows.len() {
        let (group, new) = group_ids.id(key(row_index).as_str());
        if new {
            sizes.push(0);
        }
        sizes[group] += 1;
        group_of_row.push(group);
    }
    // Each group's slice is placed from its start, rows in file order, then sorted.
    let mut cursors = Vec::with_capacity(sizes.len());
    let mut total = 0;
    for size in &sizes {
        cursors.push(total);
        total += size;
    }
    let mut grouped = vec![0; rows.len()];
    for (row_index, &group) in group_of_row.iter().enumerate() {
        grouped[cursors[group]] = row_index;
        cursors[group] += 1;
    }
    let ends = cursors;
    let mut start = 0;
    for &end in &ends {
        // Pix writes a student's participations newest first: the sort (which allocates)
        // only runs when they are not.
        if let Some(history) = grouped.get_mut(start..end) {
            if !history.is_sorted_by(|&a, &b| recency(&rows[a]) >= recency(&rows[b])) {
                crate::views::sort::sort_by(history, |&a, &b| {
                    recency(&rows[b]).cmp(&recency(&rows[a]))
                });
            }
        }
        start = end;
    }
    StudentGroups {
        rows: grouped,
        ends,
    }
}

/// Groups the rows by student and picks each one's current participation: the latest sent
/// one (not-sent participations come after every sent one). Students come out in the order
/// of their first row in the file.
pub fn profile_students(rows: &[ProfileRow]) -> Vec<ProfileStudent<'_>> {
    group_by_student(rows, |row| &row.learner, profile_recency)
        .into_iter()
        .map(|history| {
            let (current_row, current) = history[0];
            ProfileStudent {
                current,
                current_row,
                history: history.into_iter().map(|(_, row)| row).collect(),
            }
        })
        .collect()
}

fn profile_recency(row: &ProfileRow) -> Option<LocalDateTime> {
    row.profile.as_ref().map(|profile| profile.sent_at)
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

/// A profile the current one can be compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Previous {
    pub score: u32,
    pub certifiable_count: u8,
    pub sent_at: crate::model::snapshot::LocalDateTime,
    /// Found in an earlier import of the campaign rather than in this file's own history.
    pub from_earlier_snapshot: bool,
}

/// One line of the participants table: owned, so views can keep it without borrowing the
/// snapshot, and cheap to filter and sort.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantLine {
    /// Index of the current participation in the snapshot's rows (for the detail view).
    pub row: usize,
    /// Folded last name, first name and class key: `search_key`, `first_key` and
    /// `class_key` are parts of it.
    pub key: StudentKey,
    key_parts: Parts,
    /// Last name, first name and class as typed, in one allocation (see `last`, `first`,
    /// `class`): a 50,000-row import builds a line per student.
    names: String,
    name_parts: Parts,
    /// Position of the class in natural order (3E2 before 3E10), computed once so that
    /// sorting 20,000 lines never folds a string per comparison.
    pub class_rank: u32,
    /// Position in name order and rank of the first name, computed once so that a sort of
    /// 20,000 lines compares integers, never strings.
    pub name_rank: u32,
    pub first_rank: u32,
    pub status: Certifiability,
    pub sent_at: Option<crate::model::snapshot::LocalDateTime>,
    pub score: Option<u32>,
    pub certifiable_count: Option<u8>,
    pub missing_to_certify: Option<u8>,
    pub inconsistent: bool,
    /// The previous sending in this file, else the student's profile in an earlier import.
    pub previous: Option<Previous>,
    pub sendings: usize,
    /// Received, and a newer participation is not sent yet (see
    /// `ProfileStudent::new_sending_under_way`).
    pub new_sending_under_way: bool,
}

impl ParticipantLine {
    /// As typed in the export.
    pub fn last(&self) -> &str {
        self.name_parts.last(&self.names)
    }

    pub fn first(&self) -> &str {
        self.name_parts.first(&self.names)
    }

    /// As typed in the export; empty when the export has no class.
    pub fn class(&self) -> &str {
        self.name_parts.class(&self.names)
    }

    /// `text::class_key` of the class.
    pub fn class_key(&self) -> &str {
        self.key_parts.class(&self.key.0)
    }

    /// Folded last and first names (U+001F between them), for accent- and case-insensitive
    /// search and French-like ordering.
    pub fn search_key(&self) -> &str {
        self.key_parts.names(&self.key.0)
    }

    /// Folded first name.
    pub fn first_key(&self) -> &str {
        self.key_parts.first(&self.key.0)
    }

    /// Score gained (or lost) since the previous profile.
    pub fn evolution(&self) -> Option<i64> {
        match (self.score, self.previous) {
            (Some(score), Some(previous)) => Some(i64::from(score) - i64::from(previous.score)),
            _ => None,
        }
    }
}

pub fn participant_lines(rows: &[ProfileRow]) -> Vec<ParticipantLine> {
    // Each row's names folded once, for the grouping key, the search and the sort.
    let mut class_keys = ClassKeys::default();
    let mut class_of_row = Vec::with_capacity(rows.len());
    let mut folded: Vec<FoldedLearner> = rows
        .iter()
        .map(|row| {
            let class = class_keys.id(row.learner.class());
            class_of_row.push(class);
            FoldedLearner::new(&row.learner, class_keys.key(class))
        })
        .collect();
    let groups = group_by_keys(rows, |index| &folded[index].key, profile_recency);
    let mut lines: Vec<ParticipantLine> = Vec::with_capacity(groups.ends.len());
    let mut class_of_line = Vec::with_capacity(groups.ends.len());
    for history in groups.iter() {
        let Some((&current_row, older)) = history.split_first() else {
            continue;
        };
        // The same choices as `ProfileStudent`, read from the group without building one.
        let current = &rows[current_row];
        let learner = &current.learner;
        let profile = current.profile.as_ref();
        let status = match profile {
            None => Certifiability::NotSent,
            Some(profile) if profile.is_certifiable() => Certifiability::Certifiable,
            Some(_) => Certifiability::NotCertifiable,
        };
        let previous = older.iter().find_map(|&index| rows[index].profile.as_ref());
        // A row is the current one of one student only: its key can be moved out.
        let folded = &mut folded[current_row];
        let (names, name_parts) = learner.joined_names();
        class_of_line.push(class_of_row[current_row]);
        lines.push(ParticipantLine {
            row: current_row,
            key: std::mem::replace(&mut folded.key, StudentKey(String::new())),
            key_parts: folded.parts,
            names,
            name_parts,
            class_rank: 0,
            name_rank: 0,
            first_rank: 0,
            status,
            sent_at: profile.map(|p| p.sent_at),
            score: profile.map(|p| p.total_pix),
            certifiable_count: profile.map(Profile::certifiable_count),
            missing_to_certify: profile.map(Profile::missing_to_certify),
            inconsistent: profile.is_some_and(Profile::is_inconsistent),
            previous: previous.map(|p| Previous {
                score: p.total_pix,
                certifiable_count: p.certifiable_count(),
                sent_at: p.sent_at,
                from_earlier_snapshot: false,
            }),
            sendings: history
                .iter()
                .filter(|&&index| rows[index].profile.is_some())
                .count(),
            new_sending_under_way: profile.is_some()
                && older.iter().any(|&index| rows[index].profile.is_none()),
        });
    }
    // The ranks `classes_of(&lines)` gives (classes in the order of their first line,
    // labelled by it, sorted naturally), from the class numbers rather than a hash per line.
    let mut label: Vec<Option<&str>> = vec![None; class_keys.keys.len()];
    let mut classes = Vec::new();
    for (line, &class) in lines.iter().zip(&class_of_line) {
        let Some(class) = class else { continue };
        if !class_keys.key(Some(class)).is_empty() && label[class].is_none() {
            label[class] = Some(line.class());
            classes.push(class);
        }
    }
    crate::views::sort::sort_by(&mut classes, |&a, &b| {
        natural_cmp(label[a].unwrap_or_default(), label[b].unwrap_or_default())
    });
    // Lines without a class keep rank 0 and come first, as empty strings would.
    let mut rank_of_class = vec![0; class_keys.keys.len()];
    for (rank, &class) in classes.iter().enumerate() {
        rank_of_class[class] = rank as u32 + 1;
    }
    for (line, class) in lines.iter_mut().zip(class_of_line) {
        line.class_rank = class.map_or(0, |class| rank_of_class[class]);
    }
    rank_names(&mut lines);
    lines
}

/// Fills `name_rank` (unique: the name order is total) and `first_rank` (equal first names
/// share a rank).
fn rank_names(lines: &mut [ParticipantLine]) {
    use crate::views::sort::{order_by_prefix, text_prefix};
    let order = order_by_prefix(
        lines.len(),
        |index| text_prefix(lines[index].search_key()),
        |a, b| by_name(&lines[a], &lines[b]),
    );
    for (rank, &index) in order.iter().enumerate() {
        lines[index].name_rank = rank as u32;
    }
    // First names repeat: their distinct values are sorted, not the lines.
    let mut ids = TextIds::default();
    let id_of_line: Vec<usize> = lines
        .iter()
        .map(|line| ids.id(line.first_key()).0)
        .collect();
    let distinct = ids.texts();
    let mut order: Vec<usize> = (0..distinct.len()).collect();
    crate::views::sort::sort_by(&mut order, |&a, &b| distinct[a].cmp(distinct[b]));
    let mut rank_of_id = vec![0; distinct.len()];
    for (rank, &id) in order.iter().enumerate() {
        rank_of_id[id] = rank as u32;
    }
    for (line, id) in lines.iter_mut().zip(id_of_line) {
        line.first_rank = rank_of_id[id];
    }
}

/// Accents and case only break ties, as in French dictionaries; the row index last keeps the
/// order total, hence stable across renders.
fn by_name(a: &ParticipantLine, b: &ParticipantLine) -> std::cmp::Ordering {
    a.search_key()
        .cmp(b.search_key())
        .then_with(|| a.last().cmp(b.last()))
        .then_with(|| a.first().cmp(b.first()))
        .then_with(|| a.row.cmp(&b.row))
}

/// Fills the evolution of students who sent once in this file from an earlier import of the
/// same campaign: their profile there, if it is older than the current one.
pub fn compare_with_earlier_snapshot(lines: &mut [ParticipantLine], earlier: &[ProfileRow]) {
    let mut earlier_profiles: HashMap<StudentKey, &Profile> = HashMap::new();
    for student in profile_students(earlier) {
        if let Some(profile) = student.profile() {
            earlier_profiles.insert(StudentKey::of(student.learner()), profile);
        }
    }
    for line in lines.iter_mut().filter(|line| line.previous.is_none()) {
        let (Some(sent_at), Some(profile)) = (line.sent_at, earlier_profiles.get(&line.key)) else {
            continue;
        };
        if profile.sent_at < sent_at {
            line.previous = Some(Previous {
                score: profile.total_pix,
                certifiable_count: profile.certifiable_count(),
                sent_at: profile.sent_at,
                from_earlier_snapshot: true,
            });
        }
    }
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
        (self.classes.is_empty() || self.classes.iter().any(|class| class == line.class_key()))
            && self.status.is_none_or(|status| status == line.status)
            && (folded_search.is_empty()
                || folded_search
                    .split(' ')
                    .all(|word| line.search_key().contains(word)))
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
    Evolution,
}

impl SortColumn {
    pub const ALL: [SortColumn; 8] = [
        SortColumn::Name,
        SortColumn::First,
        SortColumn::Class,
        SortColumn::SentAt,
        SortColumn::Score,
        SortColumn::Certifiable,
        SortColumn::Competences,
        SortColumn::Evolution,
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
            SortColumn::Evolution => "evolution",
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
    /// The line's place in this order as one integer: the column's value, then the name
    /// order, then the line index (to find the line back). Descending reverses the column
    /// only; ties always fall back to the name, ascending, so the order stays readable.
    fn key(&self, line: &ParticipantLine, index: usize) -> u128 {
        // `None` before any value, as `Option`'s own order has it.
        let optional = |value: Option<u64>| value.map_or(0, |v| v + 1);
        let primary: u64 = match self.column {
            SortColumn::Name => 0,
            SortColumn::First => u64::from(line.first_rank),
            SortColumn::Class => u64::from(line.class_rank),
            SortColumn::SentAt => optional(line.sent_at.map(|d| {
                let day = (u64::from(d.year) * 16 + u64::from(d.month)) * 32 + u64::from(d.day);
                day * 65_537 + d.minutes.map_or(0, |m| u64::from(m) + 1)
            })),
            SortColumn::Score => optional(line.score.map(u64::from)),
            SortColumn::Certifiable => match line.status {
                Certifiability::Certifiable => 0,
                Certifiability::NotCertifiable => 1,
                Certifiability::NotSent => 2,
            },
            SortColumn::Competences => optional(line.certifiable_count.map(u64::from)),
            // A difference of two u32 scores, shifted to stay positive.
            SortColumn::Evolution => optional(line.evolution().map(|d| (d + (1 << 40)) as u64)),
        };
        let (primary, name) = match (self.column, self.descending) {
            (SortColumn::Name, true) => (0, u32::MAX - line.name_rank),
            (_, true) => (u64::MAX - primary, line.name_rank),
            (_, false) => (primary, line.name_rank),
        };
        (u128::from(primary) << 64) | (u128::from(name) << 32) | index as u128
    }
}

/// Indices into `lines` of the lines that pass the filter, in the requested order.
pub fn filter_and_sort(
    lines: &[ParticipantLine],
    filter: &ParticipantFilter,
    sort: Sort,
) -> Vec<usize> {
    let folded_search = fold(&filter.search);
    let mut keys: Vec<u128> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| filter.matches(line, &folded_search))
        .map(|(index, line)| sort.key(line, index))
        .collect();
    crate::views::sort::radix_sort(&mut keys);
    keys.into_iter().map(|key| key as u32 as usize).collect()
}

/// The distinct classes of the lines, as (key, label as first typed), in natural order.
pub fn classes_of(lines: &[ParticipantLine]) -> Vec<(String, String)> {
    let mut classes: Vec<(String, String)> = Vec::new();
    let mut seen = TextIds::default();
    for line in lines {
        if !line.class_key().is_empty() && seen.id(line.class_key()).1 {
            classes.push((line.class_key().to_owned(), line.class().to_owned()));
        }
    }
    crate::views::sort::sort_by(&mut classes, |a, b| crate::text::natural_cmp(&a.1, &b.1));
    classes
}

/// One line of the per-class summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassSummary {
    /// `text::class_key`; empty for students without a class.
    pub key: String,
    /// As first typed in the export.
    pub label: String,
    pub participants: usize,
    pub received: usize,
    pub certifiable: usize,
    pub not_certifiable: usize,
    pub not_sent: usize,
}

impl ClassSummary {
    /// Share of the class's participants who are certifiable, in percent.
    pub fn certifiable_percent(&self) -> u32 {
        percent(self.certifiable, self.participants)
    }

    /// Every participant has sent a certifiable profile: nothing left to do in this class.
    pub fn all_certifiable(&self) -> bool {
        self.participants > 0 && self.certifiable == self.participants
    }
}

/// Counts per class, in natural class order; students without a class come last, in one line.
pub fn class_summaries(lines: &[ParticipantLine]) -> Vec<ClassSummary> {
    let mut by_rank: std::collections::BTreeMap<(bool, u32), ClassSummary> =
        std::collections::BTreeMap::new();
    for line in lines {
        let summary = by_rank
            .entry((line.class_key().is_empty(), line.class_rank))
            .or_insert_with(|| ClassSummary {
                key: line.class_key().to_owned(),
                label: line.class().to_owned(),
                ..ClassSummary::default()
            });
        summary.participants += 1;
        match line.status {
            Certifiability::Certifiable => summary.certifiable += 1,
            Certifiability::NotCertifiable => summary.not_certifiable += 1,
            Certifiability::NotSent => summary.not_sent += 1,
        }
    }
    by_rank
        .into_values()
        .map(|mut summary| {
            summary.received = summary.certifiable + summary.not_certifiable;
            summary
        })
        .collect()
}

/// The student whose current participation is row `row`, with every sending, for the detail
/// view.
pub fn student_at(rows: &[ProfileRow], row: usize) -> Option<ProfileStudent<'_>> {
    let key = StudentKey::of(&rows.get(row)?.learner);
    let mut history: Vec<(usize, &ProfileRow)> = rows
        .iter()
        .enumerate()
        .filter(|(_, candidate)| StudentKey::of(&candidate.learner) == key)
        .collect();
    crate::views::sort::sort_by(&mut history, |&(_, a), &(_, b)| {
        let date = |row: &ProfileRow| row.profile.as_ref().map(|profile| profile.sent_at);
        date(b).cmp(&date(a))
    });
    let (current_row, current) = history[0];
    Some(ProfileStudent {
        current,
        current_row,
        history: history.into_iter().map(|(_, row)| row).collect(),
    })
}

/// One point of a student's history: a profile as it was when sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sending {
    pub sent_at: LocalDateTime,
    pub score: u32,
    pub certifiable_count: u8,
}

/// Every profile a student sent, across every stored import of the campaign (an export with
/// multiple sendings, and older imports, both carry history), oldest first, each sending once.
pub fn student_history<'a>(
    imports: impl IntoIterator<Item = &'a [ProfileRow]>,
    key: &StudentKey,
) -> Vec<Sending> {
    let mut sendings: Vec<Sending> = imports
        .into_iter()
        .flatten()
        .filter(|row| StudentKey::of(&row.learner) == *key)
        .filter_map(|row| {
            row.profile.as_ref().map(|profile| Sending {
                sent_at: profile.sent_at,
                score: profile.total_pix,
                certifiable_count: profile.certifiable_count(),
            })
        })
        .collect();
    crate::views::sort::sort_by_key(&mut sendings, |sending| sending.sent_at);
    // The same sending appears in every later export of the campaign.
    sendings.dedup_by_key(|sending| sending.sent_at);
    sendings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::snapshot::LocalDateTime;

    /// The order the table promises, written as a comparison: the sort keys must agree.
    fn reference(sort: Sort, a: &ParticipantLine, b: &ParticipantLine) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let rank = |line: &ParticipantLine| line.status as u8;
        let primary = match sort.column {
            SortColumn::Name => Ordering::Equal,
            SortColumn::First => a.first_key().cmp(b.first_key()),
            SortColumn::Class => a.class_rank.cmp(&b.class_rank),
            SortColumn::SentAt => a.sent_at.cmp(&b.sent_at),
            SortColumn::Score => a.score.cmp(&b.score),
            SortColumn::Certifiable => rank(a).cmp(&rank(b)),
            SortColumn::Competences => a.certifiable_count.cmp(&b.certifiable_count),
            SortColumn::Evolution => a.evolution().cmp(&b.evolution()),
        };
        let primary = if sort.descending {
            primary.reverse()
        } else {
            primary
        };
        match sort.column {
            SortColumn::Name if sort.descending => by_name(a, b).reverse(),
            _ => primary.then_with(|| by_name(a, b)),
        }
    }

    fn line(seed: u32, row: usize) -> ParticipantLine {
        let pick = |n: u32| (seed >> n) % 4;
        let names = ["Émile", "emile", "Zoé", "Adam"];
        let last = names[pick(1) as usize].to_owned();
        let first = names[pick(3) as usize].to_owned();
        let sent = pick(5) != 0;
        let date = |day: u32| LocalDateTime {
            year: 2025,
            month: 9 + pick(7) as u8,
            day: day as u8 + 1,
            minutes: (pick(9) != 0).then_some(pick(11) as u16 * 300),
        };
        let (key, key_parts) = Parts::join([&fold(&last), &fold(&first), ""]);
        let (names, name_parts) = Parts::join([&last, &first, ""]);
        ParticipantLine {
            row,
            key: StudentKey(key),
            key_parts,
            names,
            name_parts,
            class_rank: pick(13),
            name_rank: 0,
            first_rank: 0,
            status: match pick(15) {
                0 => Certifiability::NotSent,
                1 => Certifiability::NotCertifiable,
                _ => Certifiability::Certifiable,
            },
            sent_at: sent.then(|| date(pick(17))),
            score: sent.then_some(pick(19) * 100),
            certifiable_count: sent.then_some(pick(21) as u8),
            missing_to_certify: None,
            inconsistent: false,
            previous: (pick(23) != 0).then(|| Previous {
                score: pick(25) * 150,
                certifiable_count: 0,
                sent_at: date(0),
                from_earlier_snapshot: false,
            }),
            sendings: 1,
            new_sending_under_way: false,
        }
    }

    #[test]
    fn the_sort_keys_give_the_promised_order_on_every_column() {
        let mut seed = 7u32;
        let mut lines: Vec<ParticipantLine> = (0..400)
            .map(|row| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                line(seed, row)
            })
            .collect();
        rank_names(&mut lines);
        for column in SortColumn::ALL {
            for descending in [false, true] {
                let sort = Sort { column, descending };
                let order = filter_and_sort(&lines, &ParticipantFilter::default(), sort);
                let mut expected: Vec<usize> = (0..lines.len()).collect();
                expected.sort_by(|&a, &b| reference(sort, &lines[a], &lines[b]));
                assert_eq!(order, expected, "{sort:?}");
            }
        }
    }
}
