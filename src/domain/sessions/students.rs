//! Who the plan is about: the students of the collecte's latest import, with where they
//! stand (as « À faire » tells it), and the school list's students who never joined.

use crate::model::snapshot::ProfileRow;
use crate::roster::cohort::NeverJoinedClass;
use crate::text::natural_cmp;
use crate::views::cohort::{Certifiability, ParticipantLine};
use crate::views::todo::todo_list;

use super::StudentRef;

/// Where a student stands at the latest import of the collecte.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CandidateStatus {
    Certifiable,
    /// Sent a profile with fewer than 5 competences at level 1.
    NotCertifiable {
        /// Competences still to bring to level 1.
        missing: u8,
        /// The competences at level 0 that already have some pix (indices into
        /// `COMPETENCES`), the closest first, as « À faire » lists them.
        closest: Vec<usize>,
    },
    /// Joined the campaign, never sent the profile.
    NotSent,
    /// In the school list, never joined the campaign.
    NeverJoined,
}

/// Why a student is not in any session (`data-reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnplacedReason {
    NotCertifiable,
    NotSent,
    NeverJoined,
    NoSeat,
}

impl UnplacedReason {
    pub fn slug(self) -> &'static str {
        match self {
            UnplacedReason::NotCertifiable => "not-certifiable",
            UnplacedReason::NotSent => "not-sent",
            UnplacedReason::NeverJoined => "never-joined",
            UnplacedReason::NoSeat => "no-seat",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Candidate {
    pub student: StudentRef,
    pub status: CandidateStatus,
}

impl Candidate {
    pub fn is_certifiable(&self) -> bool {
        self.status == CandidateStatus::Certifiable
    }

    /// Why the proposal leaves this student out, when it does for who they are.
    pub fn reason_left_out(&self) -> Option<UnplacedReason> {
        match self.status {
            CandidateStatus::Certifiable => None,
            CandidateStatus::NotCertifiable { .. } => Some(UnplacedReason::NotCertifiable),
            CandidateStatus::NotSent => Some(UnplacedReason::NotSent),
            CandidateStatus::NeverJoined => Some(UnplacedReason::NeverJoined),
        }
    }
}

/// The students of a plan: every participant of the collecte's latest import (`lines` from
/// `participant_lines(rows)`), then the school list's students who never joined
/// (`never_joined_todo`, empty without a list). In Pix Certif's enrolment order: class
/// (natural order), last name, first name.
pub fn candidates(
    rows: &[ProfileRow],
    lines: &[ParticipantLine],
    never_joined: &[NeverJoinedClass],
) -> Vec<Candidate> {
    let lacking: std::collections::HashMap<usize, (u8, Vec<usize>)> = todo_list(rows, lines, &[])
        .into_iter()
        .flat_map(|class| class.students)
        .map(|student| (student.row, (student.missing, student.closest)))
        .collect();
    let mut out: Vec<Candidate> = lines
        .iter()
        .map(|line| Candidate {
            student: StudentRef::new(line.last(), line.first(), line.class()),
            status: match line.status {
                Certifiability::Certifiable => CandidateStatus::Certifiable,
                Certifiability::NotSent => CandidateStatus::NotSent,
                Certifiability::NotCertifiable => {
                    let (missing, closest) = lacking.get(&line.row).cloned().unwrap_or_default();
                    CandidateStatus::NotCertifiable { missing, closest }
                }
            },
        })
        .collect();
    out.extend(never_joined.iter().flat_map(|class| {
        class.students.iter().map(|student| Candidate {
            student: StudentRef::new(&student.last, &student.first, &student.class),
            status: CandidateStatus::NeverJoined,
        })
    }));
    enrolment_order(&mut out, |candidate| &candidate.student);
    out
}

/// Pix Certif's enrolment order: class in natural order, then last and first name (folded).
pub fn enrolment_order<T>(items: &mut Vec<T>, student: impl Fn(&T) -> &StudentRef) {
    // Keys computed once per item, not once per comparison.
    let mut keyed: Vec<(String, String, T)> = items
        .drain(..)
        .map(|item| {
            let who = student(&item);
            (who.class.clone(), who.key(), item)
        })
        .collect();
    crate::views::sort::sort_by(&mut keyed, |a, b| {
        natural_cmp(&a.0, &b.0).then_with(|| a.1.cmp(&b.1))
    });
    items.extend(keyed.into_iter().map(|(_, _, item)| item));
}
