//! Which roster student each export identity is (spec §6): remembered decisions first, then
//! three tiers, never a guess between homonyms.
//!
//! The export has no INE: a participant is only a (last name, first name, class) as Pix Orga
//! knew them at export time, which for a school "managing students" are SIECLE's
//! `NOM_DE_FAMILLE`, `PRENOM` and division (spec §4.1).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{Roster, RosterStudent, StudentId};
use crate::text::{class_key, fold, fold_into};

/// Pix puts a `'` before a value starting with `-`, `@`, `=` or `+` (formula escaping). The
/// export reader removes it already; names reaching the matcher from elsewhere (a roster
/// re-saved from an export, a typed search) get the same treatment here.
fn without_formula_guard(value: &str) -> &str {
    match value.as_bytes() {
        [b'\'', b'=' | b'+' | b'-' | b'@', ..] => &value[1..],
        _ => value,
    }
}

/// The loose key of a name: folded (case, accents, NFC or NFD, apostrophes, spaces: see
/// `text::fold`), then without spaces, hyphens, dashes or apostrophes, so `FICTIF-TEST`,
/// `Fictif Test` and `FICTIFTEST` are one name.
pub fn name_key(name: &str) -> String {
    let mut folded = fold(without_formula_guard(name.trim()));
    folded.retain(|ch| {
        !matches!(
            ch,
            ' ' | '-' | '\'' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '_'
        )
    });
    folded
}

/// The key a decision is remembered under: the export's folded last name, first name and
/// class key, joined by U+001F, exactly as `cohort::StudentKey` writes it, so the UI can key a
/// decision by a participant line's `key.as_str()`.
pub fn decision_key(last: &str, first: &str, class: &str) -> String {
    let mut key = String::with_capacity(last.len() + first.len() + class.len() + 2);
    fold_into(last, &mut key);
    key.push('\u{1f}');
    fold_into(first, &mut key);
    key.push('\u{1f}');
    key.push_str(&class_key(class));
    key
}

/// What the user decided for one export identity in "À vérifier".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// This participant is that roster student.
    Student(StudentId),
    /// This participant is in none of the roster's students.
    OutOfRoster,
}

/// Remembered decisions, keyed by `decision_key`. Student keys come from the salted INE, so
/// they stay valid when a newer roster (with the same salt) replaces this one; a decision
/// whose student is no longer in the roster is simply not applied.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchDecisions {
    #[serde(default)]
    pub decisions: BTreeMap<String, Decision>,
}

impl MatchDecisions {
    pub fn decide(&mut self, key: String, decision: Decision) {
        self.decisions.insert(key, decision);
    }

    pub fn forget(&mut self, key: &str) {
        self.decisions.remove(key);
    }
}

/// An export identity to match: a participant of a campaign, or a student of the students
/// view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportName<'a> {
    pub last: &'a str,
    pub first: &'a str,
    /// Empty when the export has no class.
    pub class: &'a str,
}

impl<'a> ExportName<'a> {
    pub fn of_line(line: &'a crate::views::cohort::ParticipantLine) -> Self {
        ExportName {
            last: line.last(),
            first: line.first(),
            class: line.class(),
        }
    }

    pub fn decision_key(&self) -> String {
        decision_key(self.last, self.first, self.class)
    }
}

/// How a match was found, best first. Every kind but `Strict` and `Decided` is flagged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchHow {
    /// Chosen by the user.
    Decided,
    /// T1: last name, first name and class.
    Strict,
    /// T2: the names alone; the classes differ.
    ClassChanged,
    /// T3: the export's last name is the roster's usage name.
    UsageName,
    /// T3: one side's first name is the first of the other side's several first names.
    FirstOfSeveral,
}

impl MatchHow {
    /// The flag shown beside the match, `None` when there is nothing to check.
    pub fn flag(self) -> Option<&'static str> {
        match self {
            MatchHow::Decided | MatchHow::Strict => None,
            MatchHow::ClassChanged => Some("classe différente"),
            MatchHow::UsageName => Some("nom d'usage"),
            MatchHow::FirstOfSeveral => Some("premier prénom seulement"),
        }
    }
}

/// Why an identity is left to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckReason {
    /// Several roster students fit (homonyms).
    Homonyms,
    /// The one roster student that fits is claimed by another export identity too.
    SharedStudent,
    /// The export has no class (an organisation not "managing students": the names are the
    /// ones students typed in their Pix accounts), and the names alone are no proof (spec §6,
    /// T4): the match is only a suggestion.
    NoClassInExport,
}

impl CheckReason {
    pub fn label(self) -> &'static str {
        match self {
            CheckReason::Homonyms => "homonymes dans la liste des élèves",
            CheckReason::SharedStudent => "un autre participant correspond au même élève",
            CheckReason::NoClassInExport => "l'export n'indique pas la classe : à confirmer",
        }
    }
}

/// Where one export identity stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameMatch {
    /// `student` is an index into `roster.students`.
    Found { student: usize, how: MatchHow },
    /// "À vérifier": the candidates (indices into `roster.students`), for the user to pick.
    ToCheck {
        candidates: Vec<usize>,
        reason: CheckReason,
    },
    /// "Hors liste"; `decided` when the user said so.
    OutOfRoster { decided: bool },
}

impl NameMatch {
    pub fn student(&self) -> Option<usize> {
        match self {
            NameMatch::Found { student, .. } => Some(*student),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterMatch {
    /// One per export identity, in their order.
    pub names: Vec<NameMatch>,
    /// Per roster student, the export identities matched to it (several only by decision).
    pub identities_of_student: Vec<Vec<usize>>,
    /// Per roster student, whether it is a candidate of an identity still to check: it may
    /// have joined, so it is not counted as never joined.
    pub pending: Vec<bool>,
}

/// Roster students by loose keys, each list in roster order.
struct RosterIndex {
    strict: HashMap<String, Vec<usize>>,
    names: HashMap<String, Vec<usize>>,
    usage: HashMap<String, Vec<usize>>,
    first_of_several: HashMap<String, Vec<usize>>,
    by_id: HashMap<StudentId, usize>,
}

fn pair(last: &str, first: &str) -> String {
    let mut key = name_key(last);
    key.push('\u{1f}');
    key.push_str(&name_key(first));
    key
}

fn with_class(mut names: String, class: &str) -> String {
    names.push('\u{1f}');
    names.push_str(&class_key(class));
    names
}

/// The first of several first names typed in one field (`Marie Claire` → `Marie`), `None`
/// for a single (even compound, `Jean-Éloi`) first name.
fn first_token(first: &str) -> Option<&str> {
    let mut words = first.split_whitespace();
    let head = words.next()?;
    words.next().map(|_| head)
}

impl RosterIndex {
    fn new(students: &[RosterStudent]) -> Self {
        let mut index = RosterIndex {
            strict: HashMap::with_capacity(students.len()),
            names: HashMap::with_capacity(students.len()),
            usage: HashMap::new(),
            first_of_several: HashMap::new(),
            by_id: HashMap::with_capacity(students.len()),
        };
        let add = |map: &mut HashMap<String, Vec<usize>>, key: String, student: usize| {
            let list = map.entry(key).or_default();
            if list.last() != Some(&student) {
                list.push(student);
            }
        };
        for (at, student) in students.iter().enumerate() {
            let names = pair(&student.last, &student.first);
            add(
                &mut index.strict,
                with_class(names.clone(), &student.class),
                at,
            );
            add(&mut index.names, names, at);
            if let Some(usage) = &student.usage_last {
                add(&mut index.usage, pair(usage, &student.first), at);
            }
            if let Some(head) = first_token(&student.first) {
                add(&mut index.first_of_several, pair(&student.last, head), at);
            }
            if !student.other_firsts.is_empty() {
                let all = std::iter::once(student.first.as_str())
                    .chain(student.other_firsts.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(" ");
                add(&mut index.first_of_several, pair(&student.last, &all), at);
            }
            index.by_id.insert(student.key.clone(), at);
        }
        index
    }

    /// The first tier that gives a candidate, with its candidates (free of students the user
    /// already gave to someone).
    fn candidates(&self, name: &ExportName<'_>, taken: &[bool]) -> Option<(MatchHow, Vec<usize>)> {
        let free = |list: Option<&Vec<usize>>| -> Vec<usize> {
            list.map(|list| list.iter().copied().filter(|&s| !taken[s]).collect())
                .unwrap_or_default()
        };
        let names = pair(name.last, name.first);
        let strict = free(self.strict.get(&with_class(names.clone(), name.class)));
        if !strict.is_empty() {
            return Some((MatchHow::Strict, strict));
        }
        let by_names = free(self.names.get(&names));
        if !by_names.is_empty() {
            return Some((MatchHow::ClassChanged, by_names));
        }
        let usage = free(self.usage.get(&names));
        if !usage.is_empty() {
            return Some((MatchHow::UsageName, usage));
        }
        let mut several = free(self.first_of_several.get(&names));
        if let Some(head) = first_token(name.first) {
            several.extend(free(self.names.get(&pair(name.last, head))));
        }
        several.sort_unstable();
        several.dedup();
        (!several.is_empty()).then_some((MatchHow::FirstOfSeveral, several))
    }
}

/// Matches every export identity to the roster. Decisions are applied first (a student given
/// to someone by the user is nobody else's candidate); then each identity gets the first tier
/// with candidates. A tier with several candidates, a student claimed by several identities
/// at its best tier, or a match other than strict for an export without classes, goes to
/// "À vérifier". A student claimed at a better tier by one identity goes to it; the others
/// claiming it at a worse tier are left to check.
pub fn match_roster(
    roster: &Roster,
    names: &[ExportName<'_>],
    decisions: &MatchDecisions,
) -> RosterMatch {
    let students = &roster.students;
    let index = RosterIndex::new(students);
    let mut taken = vec![false; students.len()];
    let mut results: Vec<Option<NameMatch>> = vec![None; names.len()];
    for (at, name) in names.iter().enumerate() {
        match decisions.decisions.get(&name.decision_key()) {
            Some(Decision::Student(id)) => {
                if let Some(&student) = index.by_id.get(id) {
                    taken[student] = true;
                    results[at] = Some(NameMatch::Found {
                        student,
                        how: MatchHow::Decided,
                    });
                }
            }
            Some(Decision::OutOfRoster) => {
                results[at] = Some(NameMatch::OutOfRoster { decided: true })
            }
            None => {}
        }
    }
    // Per student, its claimants at the best tier seen so far, and the worse ones.
    let mut claims: HashMap<usize, (MatchHow, Vec<usize>, Vec<usize>)> = HashMap::new();
    for (at, name) in names.iter().enumerate() {
        if results[at].is_some() {
            continue;
        }
        results[at] = Some(match index.candidates(name, &taken) {
            None => NameMatch::OutOfRoster { decided: false },
            Some((_, candidates)) if candidates.len() > 1 => NameMatch::ToCheck {
                candidates,
                reason: CheckReason::Homonyms,
            },
            Some((how, candidates)) if how != MatchHow::Strict && name.class.trim().is_empty() => {
                NameMatch::ToCheck {
                    candidates,
                    reason: CheckReason::NoClassInExport,
                }
            }
            Some((how, candidates)) => {
                let student = candidates[0];
                let (best, claimants, worse) = claims
                    .entry(student)
                    .or_insert_with(|| (how, Vec::new(), Vec::new()));
                if how < *best {
                    worse.append(claimants);
                    *best = how;
                }
                if how == *best {
                    claimants.push(at);
                } else {
                    worse.push(at);
                }
                NameMatch::Found { student, how }
            }
        });
    }
    for (student, (_, claimants, worse)) in &claims {
        let shared = claimants.len() > 1;
        let losers = worse.iter().chain(claimants.iter().filter(|_| shared));
        for &at in losers {
            results[at] = Some(NameMatch::ToCheck {
                candidates: vec![*student],
                reason: CheckReason::SharedStudent,
            });
        }
    }
    let names: Vec<NameMatch> = results
        .into_iter()
        .map(|result| result.unwrap_or(NameMatch::OutOfRoster { decided: false }))
        .collect();
    let mut identities_of_student = vec![Vec::new(); students.len()];
    let mut pending = vec![false; students.len()];
    for (at, result) in names.iter().enumerate() {
        match result {
            NameMatch::Found { student, .. } => identities_of_student[*student].push(at),
            NameMatch::ToCheck { candidates, .. } => {
                for &candidate in candidates {
                    pending[candidate] = true;
                }
            }
            NameMatch::OutOfRoster { .. } => {}
        }
    }
    RosterMatch {
        names,
        identities_of_student,
        pending,
    }
}
