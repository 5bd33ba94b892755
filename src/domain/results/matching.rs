//! Who each result row is: a student of the school list (else of the last collecte's
//! participants), by last name, first name and class; then each class's lines, with the
//! students who have no row (absent).
//!
//! The results file has the names as at enrolment and no INE: a row is matched in tiers,
//! never by a guess between homonyms. Birth data is not in the school list as stored, so it
//! cannot separate two homonyms of one class: both rows are then shown « à vérifier », and
//! neither student is called absent.

use std::collections::HashMap;

use super::{ClassResults, ResultStatus};
use crate::model::snapshot::ProfileRow;
use crate::roster::matching::name_key;
use crate::roster::{Roster, RosterDate};
use crate::text::class_key;
use crate::views::cohort::profile_students;

/// A student of a class, from the school list or from the collecte's participants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub last: String,
    /// The roster's usage name, when set.
    pub usage_last: Option<String>,
    pub first: String,
    pub class: String,
}

/// Where the class lists come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MembersSource {
    Roster,
    /// No school list: the participants of the last profiles collection.
    Collecte,
    None,
}

pub fn members_from_roster(roster: &Roster) -> Vec<Member> {
    roster
        .students
        .iter()
        .map(|student| Member {
            last: student.last.clone(),
            usage_last: student.usage_last.clone(),
            first: student.first.clone(),
            class: student.class.clone(),
        })
        .collect()
}

/// The participants of a profiles collection who have a class, once each.
pub fn members_from_collecte(rows: &[ProfileRow]) -> Vec<Member> {
    profile_students(rows)
        .into_iter()
        .filter_map(|student| {
            let learner = student.learner();
            Some(Member {
                last: learner.last().to_owned(),
                usage_last: None,
                first: learner.first().to_owned(),
                class: learner.class()?.to_owned(),
            })
        })
        .collect()
}

/// The loose key of a (last, first) pair, as the roster matching builds it.
pub fn name_pair(last: &str, first: &str) -> String {
    let mut key = name_key(last);
    key.push('\u{1f}');
    key.push_str(&name_key(first));
    key
}

/// How a row was matched. Every kind but `Strict` is shown beside the student.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchHow {
    /// Last name, first name and class.
    Strict,
    /// The file's last name is the school list's usage name.
    UsageName,
    /// Same class and first name, and one last name contains the other (`DUPONT` enrolled,
    /// `DUPONT-MOREAU` today): renamed since enrolment.
    Renamed,
    /// The names, in another class (the student changed class since enrolment).
    ClassChanged,
}

/// Where one result row stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowMatch {
    Found {
        member: usize,
        how: MatchHow,
    },
    /// Several students fit: left to the user, none called absent.
    Homonyms {
        candidates: Vec<usize>,
    },
    /// In no class list: shown, never dropped.
    Unmatched,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsMatch {
    /// Per result set, per row.
    pub rows: Vec<Vec<RowMatch>>,
    /// Per member, the (set, row) matched to it.
    pub row_of_member: Vec<Option<(usize, usize)>>,
    /// Per member, whether it is a candidate of homonym rows.
    pub pending: Vec<bool>,
}

/// Matches every row of every stored class to the members; a member takes one row at most.
pub fn match_results(members: &[Member], sets: &[ClassResults]) -> ResultsMatch {
    let mut by_names: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_usage: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_class: HashMap<String, Vec<usize>> = HashMap::new();
    let keys: Vec<(String, String, String)> = members
        .iter()
        .map(|m| (name_key(&m.last), name_key(&m.first), class_key(&m.class)))
        .collect();
    for (at, member) in members.iter().enumerate() {
        by_names
            .entry(name_pair(&member.last, &member.first))
            .or_default()
            .push(at);
        if let Some(usage) = &member.usage_last {
            by_usage
                .entry(name_pair(usage, &member.first))
                .or_default()
                .push(at);
        }
        by_class.entry(keys[at].2.clone()).or_default().push(at);
    }
    let mut taken = vec![false; members.len()];
    let mut rows: Vec<Vec<RowMatch>> = sets
        .iter()
        .map(|set| vec![RowMatch::Unmatched; set.rows.len()])
        .collect();
    // Strict matches first, across every class, so that a looser tier never takes a student
    // another row names exactly.
    let tiers = [
        MatchHow::Strict,
        MatchHow::UsageName,
        MatchHow::Renamed,
        MatchHow::ClassChanged,
    ];
    for how in tiers {
        for (set_at, set) in sets.iter().enumerate() {
            let class = class_key(&set.class);
            for (row_at, row) in set.rows.iter().enumerate() {
                if rows[set_at][row_at] != RowMatch::Unmatched {
                    continue;
                }
                let pair = name_pair(&row.last, &row.first);
                let free = |list: Option<&Vec<usize>>| -> Vec<usize> {
                    list.map(|list| list.iter().copied().filter(|&m| !taken[m]).collect())
                        .unwrap_or_default()
                };
                let in_class = |candidates: Vec<usize>| -> Vec<usize> {
                    candidates
                        .into_iter()
                        .filter(|&m| keys[m].2 == class)
                        .collect()
                };
                let candidates = match how {
                    MatchHow::Strict => in_class(free(by_names.get(&pair))),
                    MatchHow::UsageName => in_class(free(by_usage.get(&pair))),
                    MatchHow::Renamed => {
                        let (last, first) = (name_key(&row.last), name_key(&row.first));
                        free(by_class.get(&class))
                            .into_iter()
                            .filter(|&m| {
                                let (member_last, member_first, _) = &keys[m];
                                *member_first == first
                                    && !last.is_empty()
                                    && !member_last.is_empty()
                                    && (member_last.contains(&last) || last.contains(member_last))
                            })
                            .collect()
                    }
                    MatchHow::ClassChanged => free(by_names.get(&pair)),
                };
                match candidates.len() {
                    0 => {}
                    1 => {
                        taken[candidates[0]] = true;
                        rows[set_at][row_at] = RowMatch::Found {
                            member: candidates[0],
                            how,
                        };
                    }
                    _ => rows[set_at][row_at] = RowMatch::Homonyms { candidates },
                }
            }
        }
    }
    let mut row_of_member = vec![None; members.len()];
    let mut pending = vec![false; members.len()];
    for (set_at, set_rows) in rows.iter().enumerate() {
        for (row_at, found) in set_rows.iter().enumerate() {
            match found {
                RowMatch::Found { member, .. } => row_of_member[*member] = Some((set_at, row_at)),
                RowMatch::Homonyms { candidates } => {
                    for &candidate in candidates {
                        pending[candidate] = true;
                    }
                }
                RowMatch::Unmatched => {}
            }
        }
    }
    ResultsMatch {
        rows,
        row_of_member,
        pending,
    }
}

/// What is said beside a line.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LineNote {
    /// Matched under the usage name.
    UsageName,
    /// Renamed since enrolment; the name in the file.
    Renamed { enrolled_as: String },
    /// The row is in this class's file; the school list has the student in `class` now.
    ClassChanged { class: String },
    /// A row of this file matched by nobody.
    OutOfList,
    /// Several students of the list fit this row.
    Homonyms,
    /// No row, but the user said a session of the class is not published yet.
    AwaitingPublication,
}

/// One student of a class (or one row nobody matched).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultLine {
    pub last: String,
    pub first: String,
    pub class: String,
    /// `None`: absent (in the class, no row in any file).
    pub status: Option<ResultStatus>,
    pub level: Option<super::PixLevel>,
    pub score: Option<u32>,
    pub jury_comment: Option<String>,
    pub session: Option<u64>,
    pub exam_date: Option<RosterDate>,
    pub note: Option<LineNote>,
    /// Index of the row in its class's file, when there is one.
    pub row: Option<usize>,
}

impl ResultLine {
    /// `validated` … `started`, or `absent`.
    pub fn status_slug(&self) -> &'static str {
        self.status.map_or("absent", ResultStatus::slug)
    }

    /// Must sit (or re-sit) the test.
    pub fn needs_catch_up(&self) -> bool {
        match self.status {
            Some(status) => status.needs_catch_up(),
            None => self.note != Some(LineNote::AwaitingPublication),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub validated: usize,
    pub not_obtained: usize,
    pub cancelled: usize,
    pub error: usize,
    pub started: usize,
    pub absent: usize,
}

impl StatusCounts {
    pub fn of(lines: &[ResultLine]) -> Self {
        let mut counts = StatusCounts::default();
        for line in lines {
            match line.status {
                Some(ResultStatus::Validated) => counts.validated += 1,
                Some(ResultStatus::NotObtained) => counts.not_obtained += 1,
                Some(ResultStatus::Cancelled) => counts.cancelled += 1,
                Some(ResultStatus::Error) => counts.error += 1,
                Some(ResultStatus::Started) => counts.started += 1,
                None => counts.absent += 1,
            }
        }
        counts
    }

    pub fn total(&self) -> usize {
        self.validated
            + self.not_obtained
            + self.cancelled
            + self.error
            + self.started
            + self.absent
    }
}

/// A class as the results page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassView {
    pub class: String,
    pub file_name: String,
    pub format: super::ResultsFormat,
    /// Rows of the file that were a student twice (only the latest was kept).
    pub repeated_rows: usize,
    pub lines: Vec<ResultLine>,
    pub counts: StatusCounts,
    /// Students of the class in the list (school list or collecte).
    pub members: usize,
    /// The sessions the file's rows come from, in order.
    pub sessions: Vec<u64>,
    /// Results may be missing: see [`may_be_incomplete`].
    pub may_be_incomplete: bool,
}

/// The rule for « results may be missing rather than absent »: Pix lists only the students
/// of *published* sessions, and a class often spans several. When fewer than half of the
/// class's students have a row (and there are at least 4 students), the likeliest reason is
/// a session not published yet, not a class that stayed home: the page says so, and the
/// user can mark the class as waiting for a publication (`ClassResults` is then re-imported
/// later and replaces this one).
pub fn may_be_incomplete(members: usize, absent: usize) -> bool {
    members >= 4 && absent * 2 > members
}

/// Every stored class with its lines: the members of the class (matched row or absent),
/// the rows of its file matched to students listed in another class, and the rows nobody
/// matched. Classes in natural order; lines by last name, first name.
pub fn class_views(members: &[Member], sets: &[ClassResults]) -> Vec<ClassView> {
    let matched = match_results(members, sets);
    let mut views: Vec<ClassView> = sets
        .iter()
        .enumerate()
        .map(|(set_at, set)| {
            let class = class_key(&set.class);
            let line_of_row = |row_at: usize, note: Option<LineNote>, member: Option<&Member>| {
                let row = &set.rows[row_at];
                ResultLine {
                    last: member.map_or(&row.last, |m| &m.last).clone(),
                    first: member.map_or(&row.first, |m| &m.first).clone(),
                    class: set.class.clone(),
                    status: Some(row.status),
                    level: row.level,
                    score: row.score,
                    jury_comment: row.jury_comment.clone(),
                    session: row.session,
                    exam_date: row.exam_date,
                    note,
                    row: Some(row_at),
                }
            };
            let mut lines = Vec::new();
            let mut class_members = 0;
            for (member_at, member) in members.iter().enumerate() {
                if class_key(&member.class) != class {
                    continue;
                }
                class_members += 1;
                match matched.row_of_member[member_at] {
                    Some((found_set, row_at)) if found_set == set_at => {
                        let how = match &matched.rows[set_at][row_at] {
                            RowMatch::Found { how, .. } => *how,
                            _ => MatchHow::Strict,
                        };
                        let row = &set.rows[row_at];
                        let note = match how {
                            MatchHow::UsageName => Some(LineNote::UsageName),
                            MatchHow::Renamed => Some(LineNote::Renamed {
                                enrolled_as: format!("{} {}", row.last, row.first),
                            }),
                            _ => None,
                        };
                        lines.push(line_of_row(row_at, note, Some(member)));
                    }
                    // Matched from another class's file: shown there, with its note.
                    Some(_) => {}
                    None if matched.pending[member_at] => {}
                    None => lines.push(ResultLine {
                        last: member.last.clone(),
                        first: member.first.clone(),
                        class: member.class.clone(),
                        status: None,
                        level: None,
                        score: None,
                        jury_comment: None,
                        session: None,
                        exam_date: None,
                        note: set
                            .awaiting_publication
                            .then_some(LineNote::AwaitingPublication),
                        row: None,
                    }),
                }
            }
            for (row_at, found) in matched.rows[set_at].iter().enumerate() {
                let line = match found {
                    RowMatch::Found { member, .. }
                        if class_key(&members[*member].class) != class =>
                    {
                        line_of_row(
                            row_at,
                            Some(LineNote::ClassChanged {
                                class: members[*member].class.clone(),
                            }),
                            Some(&members[*member]),
                        )
                    }
                    RowMatch::Found { .. } => continue,
                    RowMatch::Homonyms { .. } => {
                        line_of_row(row_at, Some(LineNote::Homonyms), None)
                    }
                    RowMatch::Unmatched => line_of_row(
                        row_at,
                        (!members.is_empty()).then_some(LineNote::OutOfList),
                        None,
                    ),
                };
                lines.push(line);
            }
            crate::views::sort::sort_by(&mut lines, |a, b| {
                crate::text::natural_cmp(&a.last, &b.last)
                    .then_with(|| crate::text::natural_cmp(&a.first, &b.first))
            });
            let counts = StatusCounts::of(&lines);
            let mut sessions: Vec<u64> = set.rows.iter().filter_map(|row| row.session).collect();
            sessions.sort_unstable();
            sessions.dedup();
            ClassView {
                class: set.class.clone(),
                file_name: set.file_name.clone(),
                format: set.format,
                repeated_rows: set.repeated_rows,
                may_be_incomplete: may_be_incomplete(class_members, counts.absent),
                lines,
                counts,
                members: class_members,
                sessions,
            }
        })
        .collect();
    crate::views::sort::sort_by(&mut views, |a, b| {
        crate::text::natural_cmp(&a.class, &b.class)
    });
    views
}

/// The class whose students the rows name most, to propose when the file name has none:
/// `None` when fewer than half of the rows match one class.
pub fn propose_class<'a>(
    members: &'a [Member],
    rows: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<String> {
    let mut classes_of: HashMap<String, Vec<&str>> = HashMap::new();
    for member in members {
        classes_of
            .entry(name_pair(&member.last, &member.first))
            .or_default()
            .push(&member.class);
    }
    let mut votes: HashMap<String, (usize, &str)> = HashMap::new();
    let mut rows_seen = 0;
    for (last, first) in rows {
        rows_seen += 1;
        for class in classes_of
            .get(&name_pair(last, first))
            .into_iter()
            .flatten()
        {
            votes.entry(class_key(class)).or_insert((0, class)).0 += 1;
        }
    }
    let (_, (count, class)) = votes
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then_with(|| b.0.cmp(&a.0)))?;
    (count * 2 >= rows_seen).then(|| class.to_owned())
}
