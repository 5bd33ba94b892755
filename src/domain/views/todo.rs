//! The action list ("À faire"): who still stands between the cohort and the certification,
//! class by class, and what each of them lacks.

use crate::export::CsvWriter;
use crate::model::competences::{
    COMPETENCES, COMPETENCE_COUNT, DOMAINS, MIN_CERTIFIABLE_COMPETENCES,
};
use crate::model::snapshot::{Profile, ProfileRow};
use crate::views::cohort::{Certifiability, ParticipantLine};

/// Competences of one domain, by index in `COMPETENCES`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainGroup {
    /// 1 to 5, as in `DOMAINS`.
    pub domain: u8,
    pub competences: Vec<usize>,
}

/// A student who is not certifiable yet, or has not sent a profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TodoStudent {
    /// Index of the current participation in the snapshot's rows.
    pub row: usize,
    pub last: String,
    pub first: String,
    pub class: String,
    /// `NotCertifiable` or `NotSent`.
    pub status: Certifiability,
    /// Competences at level ≥ 1; `None` when no profile was sent.
    pub certifiable_count: Option<u8>,
    /// Competences to bring to level 1 to reach 5; `MIN_CERTIFIABLE_COMPETENCES` when not sent.
    pub missing: u8,
    /// Competences at level 0, grouped by domain; empty when not sent.
    pub at_level_zero: Vec<DomainGroup>,
    /// What to work on first (`work_first`): exactly `missing` competences; empty when not
    /// sent. The screen, the CSV, the print and the pupil's detail show this same list.
    pub closest: Vec<usize>,
}

/// The students of one class still to help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TodoClass {
    /// `text::class_key`; empty for students without a class.
    pub key: String,
    pub label: String,
    pub participants: usize,
    pub not_certifiable: usize,
    pub not_sent: usize,
    /// Not certifiable first (the closest to 5 first), then not sent; by name within each.
    pub students: Vec<TodoStudent>,
}

impl TodoClass {
    pub fn to_do(&self) -> usize {
        self.not_certifiable + self.not_sent
    }
}

/// The action list for the classes in `classes` (class keys), or every class when empty.
/// `lines` come from `participant_lines(rows)`. Classes with nothing left to do are kept, so
/// the list says so rather than leaving them out.
pub fn todo_list(
    rows: &[ProfileRow],
    lines: &[ParticipantLine],
    classes: &[String],
) -> Vec<TodoClass> {
    let mut ordered: Vec<&ParticipantLine> = lines
        .iter()
        .filter(|line| classes.is_empty() || classes.iter().any(|class| class == line.class_key()))
        .collect();
    // Classes in natural order with the class-less last, then names as in the table.
    crate::views::sort::sort_by(&mut ordered, |a, b| {
        (a.class_key().is_empty(), a.class_rank)
            .cmp(&(b.class_key().is_empty(), b.class_rank))
            .then_with(|| a.search_key().cmp(b.search_key()))
            .then_with(|| a.row.cmp(&b.row))
    });
    let mut out: Vec<TodoClass> = Vec::new();
    for line in ordered {
        if out.last().is_none_or(|class| class.key != line.class_key()) {
            out.push(TodoClass {
                key: line.class_key().to_owned(),
                label: line.class().to_owned(),
                participants: 0,
                not_certifiable: 0,
                not_sent: 0,
                students: Vec::new(),
            });
        }
        let class = out.last_mut().expect("pushed above");
        class.participants += 1;
        match line.status {
            Certifiability::Certifiable => continue,
            Certifiability::NotCertifiable => class.not_certifiable += 1,
            Certifiability::NotSent => class.not_sent += 1,
        }
        class.students.push(todo_student(rows, line));
    }
    for class in &mut out {
        // Stable sort: names stay in order within each group.
        crate::views::sort::sort_by_key(&mut class.students, |student| {
            (student.status == Certifiability::NotSent, student.missing)
        });
    }
    out
}

fn todo_student(rows: &[ProfileRow], line: &ParticipantLine) -> TodoStudent {
    let profile = rows.get(line.row).and_then(|row| row.profile.as_ref());
    let (at_level_zero, closest) = match profile {
        None => (Vec::new(), Vec::new()),
        Some(profile) => {
            let groups = DOMAINS
                .iter()
                .map(|domain| DomainGroup {
                    domain: domain.number,
                    competences: (0..COMPETENCE_COUNT)
                        .filter(|&index| {
                            COMPETENCES[index].domain == domain.number && profile.levels[index] == 0
                        })
                        .collect(),
                })
                .filter(|group| !group.competences.is_empty())
                .collect();
            (groups, work_first(profile))
        }
    };
    TodoStudent {
        row: line.row,
        last: line.last().to_owned(),
        first: line.first().to_owned(),
        class: line.class().to_owned(),
        status: line.status,
        certifiable_count: line.certifiable_count,
        missing: line
            .missing_to_certify
            .unwrap_or(MIN_CERTIFIABLE_COMPETENCES),
        at_level_zero,
        closest,
    }
}

/// What a pupil who is not certifiable should work on first: as many level-0 competences as
/// they lack to reach 5, the closest to level 1 (most pix) first, ties in the framework's
/// order. Always enough to reach 5 — for a pupil at 0 pix, the framework's first five at
/// level 0 — and empty for a certifiable pupil.
pub fn work_first(profile: &Profile) -> Vec<usize> {
    let mut at_zero: Vec<usize> = (0..COMPETENCE_COUNT)
        .filter(|&index| profile.levels[index] == 0)
        .collect();
    // Stable: equal pix keep the framework's order.
    crate::views::sort::sort_by_key(&mut at_zero, |&index| std::cmp::Reverse(profile.pix[index]));
    at_zero.truncate(usize::from(profile.missing_to_certify()));
    at_zero
}

/// The words of the CSV export, given by the interface (all French text lives there).
pub struct TodoCsvLabels<'a> {
    /// Class, last name, first name, status, certifiable competences, missing to reach 5,
    /// competences at level 0, closest to level 1.
    pub header: [&'a str; 8],
    pub not_certifiable: &'a str,
    pub not_sent: &'a str,
    pub no_class: &'a str,
}

/// `1.2 Gérer des données, 1.3 Traiter des données`.
pub fn competence_list(indices: &[usize]) -> String {
    indices
        .iter()
        .map(|&index| format!("{} {}", COMPETENCES[index].index, COMPETENCES[index].name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The action list as a spreadsheet: one line per student, level-0 competences by domain
/// (`Information et données : 1.1, 1.3 | …`).
pub fn todo_csv(classes: &[TodoClass], labels: &TodoCsvLabels<'_>) -> String {
    let mut csv = CsvWriter::new();
    csv.row(labels.header);
    for class in classes {
        class_rows(&mut csv, class, labels);
    }
    csv.finish()
}

/// One class's students of the to-do CSV.
pub(crate) fn class_rows(csv: &mut CsvWriter, class: &TodoClass, labels: &TodoCsvLabels<'_>) {
    {
        for student in &class.students {
            let zero = student
                .at_level_zero
                .iter()
                .map(|group| {
                    let indices: Vec<&str> = group
                        .competences
                        .iter()
                        .map(|&index| COMPETENCES[index].index)
                        .collect();
                    format!(
                        "{} : {}",
                        DOMAINS[usize::from(group.domain - 1)].title,
                        indices.join(", ")
                    )
                })
                .collect::<Vec<_>>()
                .join(" | ");
            let class_label = if class.label.is_empty() {
                labels.no_class
            } else {
                &class.label
            };
            let status = match student.status {
                Certifiability::NotSent => labels.not_sent,
                _ => labels.not_certifiable,
            };
            let count = student
                .certifiable_count
                .map(|count| count.to_string())
                .unwrap_or_default();
            let missing = student.missing.to_string();
            let closest = competence_list(&student.closest);
            csv.row([
                class_label,
                &student.last,
                &student.first,
                status,
                &count,
                &missing,
                &zero,
                &closest,
            ]);
        }
    }
}
