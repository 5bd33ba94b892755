//! What is wrong with a plan, checked after every change; who waits outside it; and what a
//! newer collecte changed since the proposal.

use std::collections::{HashMap, HashSet};

use super::{Candidate, CandidateStatus, Plan, SessionId, StudentRef, UnplacedReason};

/// `data-kind` of a `plan-warning`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    OverCapacity,
    OutsideWindow,
    NotCertifiablePlaced,
    ExtraTimeOverlap,
}

impl ProblemKind {
    pub fn slug(self) -> &'static str {
        match self {
            ProblemKind::OverCapacity => "over-capacity",
            ProblemKind::OutsideWindow => "outside-window",
            ProblemKind::NotCertifiablePlaced => "not-certifiable-placed",
            ProblemKind::ExtraTimeOverlap => "extra-time-overlap",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    /// More students than computers minus spares.
    OverCapacity {
        session: SessionId,
        placed: usize,
        capacity: usize,
    },
    /// The session's date is outside the national window typed for the cohort.
    OutsideWindow { session: SessionId },
    /// Allowed (Pix checks the entry rule live on the day), but said. `status` is `None`
    /// when the student is not in the collecte's latest import any more.
    NotCertifiablePlaced {
        session: SessionId,
        student: StudentRef,
        status: Option<CandidateStatus>,
    },
    /// A student with extra time still sits when the room's next session starts.
    ExtraTimeOverlap {
        session: SessionId,
        student: StudentRef,
        next: SessionId,
    },
}

impl Problem {
    pub fn kind(&self) -> ProblemKind {
        match self {
            Problem::OverCapacity { .. } => ProblemKind::OverCapacity,
            Problem::OutsideWindow { .. } => ProblemKind::OutsideWindow,
            Problem::NotCertifiablePlaced { .. } => ProblemKind::NotCertifiablePlaced,
            Problem::ExtraTimeOverlap { .. } => ProblemKind::ExtraTimeOverlap,
        }
    }

    pub fn session(&self) -> SessionId {
        match self {
            Problem::OverCapacity { session, .. }
            | Problem::OutsideWindow { session }
            | Problem::NotCertifiablePlaced { session, .. }
            | Problem::ExtraTimeOverlap { session, .. } => *session,
        }
    }
}

fn statuses(candidates: &[Candidate]) -> HashMap<String, &CandidateStatus> {
    candidates
        .iter()
        .map(|c| (c.student.key(), &c.status))
        .collect()
}

/// Every problem of the plan, session by session (chronological), in the order: capacity,
/// window, then each student's.
pub fn check(plan: &Plan, candidates: &[Candidate]) -> Vec<Problem> {
    let statuses = statuses(candidates);
    let mut counts: HashMap<SessionId, usize> = HashMap::new();
    for placement in &plan.placements {
        *counts.entry(placement.session).or_default() += 1;
    }
    let mut problems = Vec::new();
    for session in plan.sessions() {
        let placed = counts.get(&session.id).copied().unwrap_or(0);
        let capacity = session.room.capacity();
        if placed > capacity {
            problems.push(Problem::OverCapacity {
                session: session.id,
                placed,
                capacity,
            });
        }
        if placed > 0 && !plan.window.contains(session.slot.date) {
            problems.push(Problem::OutsideWindow {
                session: session.id,
            });
        }
        if placed == 0 {
            continue;
        }
        let end = |extra| {
            plan.timing.end(session.slot.start, extra) + u32::from(plan.timing.setup_minutes)
        };
        // The room's next session that holds students and starts before an extra-time end.
        let next = plan
            .slots
            .iter()
            .filter(|other| {
                other.date == session.slot.date
                    && other.start > session.slot.start
                    && u32::from(other.start) < end(true)
            })
            .map(|other| SessionId {
                slot: other.id,
                room: session.room.id,
            })
            .find(|id| counts.get(id).is_some_and(|&n| n > 0));
        for placement in plan.placements.iter().filter(|p| p.session == session.id) {
            let status = statuses.get(&placement.student.key());
            if !matches!(status, Some(CandidateStatus::Certifiable)) {
                problems.push(Problem::NotCertifiablePlaced {
                    session: session.id,
                    student: placement.student.clone(),
                    status: status.map(|&s| s.clone()),
                });
            }
            if let Some(next) = next.filter(|_| plan.has_extra_time(&placement.student)) {
                problems.push(Problem::ExtraTimeOverlap {
                    session: session.id,
                    student: placement.student.clone(),
                    next,
                });
            }
        }
    }
    problems
}

/// A student in no session, and why.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Unplaced {
    pub candidate: Candidate,
    pub reason: UnplacedReason,
}

/// The candidates in no session, in the candidates' order (enrolment order): the
/// certifiable ones had no seat left, the others are out for who they are.
pub fn unplaced(plan: &Plan, candidates: &[Candidate]) -> Vec<Unplaced> {
    let placed: HashSet<String> = plan.placements.iter().map(|p| p.student.key()).collect();
    candidates
        .iter()
        .filter(|c| !placed.contains(&c.student.key()))
        .map(|c| Unplaced {
            candidate: c.clone(),
            reason: c.reason_left_out().unwrap_or(UnplacedReason::NoSeat),
        })
        .collect()
}

/// What a collecte imported after the proposal changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Placed, and not certifiable (or gone from the collecte) now.
    pub no_longer_certifiable: Vec<StudentRef>,
    /// Certifiable now, and in no session.
    pub now_certifiable: Vec<StudentRef>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.no_longer_certifiable.is_empty() && self.now_certifiable.is_empty()
    }
}

/// `None` while the plan was proposed from the collecte's latest import (`latest`: its
/// latest sending, `LocalDateTime::iso`), or never proposed.
pub fn changes(plan: &Plan, candidates: &[Candidate], latest: Option<&str>) -> Option<Changes> {
    let from = plan.proposed_from.as_deref()?;
    if Some(from) == latest {
        return None;
    }
    let statuses = statuses(candidates);
    let placed: HashSet<String> = plan.placements.iter().map(|p| p.student.key()).collect();
    Some(Changes {
        no_longer_certifiable: plan
            .placements
            .iter()
            .filter(|p| {
                !matches!(
                    statuses.get(&p.student.key()),
                    Some(CandidateStatus::Certifiable)
                )
            })
            .map(|p| p.student.clone())
            .collect(),
        now_certifiable: candidates
            .iter()
            .filter(|c| c.is_certifiable() && !placed.contains(&c.student.key()))
            .map(|c| c.student.clone())
            .collect(),
    })
}
