//! The proposal: every certifiable student placed once, each class in as few sessions as
//! possible, students with extra time where their later end leaves the room free in time.

use std::collections::HashSet;

use super::students::enrolment_order;
use super::{Candidate, Placement, Plan, SessionId};
use crate::text::class_key;

/// A session the proposal may fill, with the seats it has left.
struct Free {
    /// Index in `plan.sessions()`, which is chronological.
    order: usize,
    id: SessionId,
    left: usize,
    /// A student with extra time can sit here without running into the next slot.
    extra_safe: bool,
}

/// The placements of a new proposal. Locked sessions keep their students as they are; every
/// other session is filled again from the certifiable students not in a locked one.
///
/// Classes are placed largest first, each in the fullest session that still holds it whole
/// (best fit); a class that no session holds whole goes to the sessions with the most seats
/// left, so it is cut in as few parts as possible. A student with extra time then moves, if
/// needed, to a session after which the room is free long enough (swapping with a classmate
/// when one sits there). The result depends on the input alone.
pub fn propose(plan: &Plan, candidates: &[Candidate]) -> Vec<Placement> {
    let sessions = plan.sessions();
    let kept: Vec<Placement> = plan
        .placements
        .iter()
        .filter(|p| plan.is_locked(p.session) && plan.session(p.session).is_some())
        .cloned()
        .collect();
    let mut seen: HashSet<String> = kept.iter().map(|p| p.student.key()).collect();
    let mut to_place: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.is_certifiable() && seen.insert(c.student.key()))
        .collect();
    enrolment_order(&mut to_place, |c| &c.student);
    // Keys folded once: `Plan::has_extra_time` folds the whole list at each call.
    let extra: HashSet<String> = plan.extra_time.iter().map(|s| s.key()).collect();
    let has_extra = |c: &Candidate| !extra.is_empty() && extra.contains(&c.student.key());

    // Classes in enrolment order, each with its students in that order.
    let mut classes: Vec<(String, Vec<&Candidate>)> = Vec::new();
    for candidate in to_place {
        let key = class_key(&candidate.student.class);
        match classes.iter_mut().find(|(k, _)| *k == key) {
            Some((_, students)) => students.push(candidate),
            None => classes.push((key, vec![candidate])),
        }
    }
    // Largest first; the stable sort keeps enrolment order among equals.
    crate::views::sort::sort_by_key(&mut classes, |(_, students)| {
        std::cmp::Reverse(students.len())
    });

    let mut free: Vec<Free> = sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| !plan.is_locked(s.id))
        .map(|(order, s)| Free {
            order,
            id: s.id,
            left: s.room.capacity(),
            extra_safe: extra_safe(plan, s.slot),
        })
        .collect();

    // (session order, student) for the new placements.
    let mut placed: Vec<(usize, SessionId, &Candidate)> = Vec::new();
    for (_, students) in &classes {
        let size = students.len();
        // A class with extra time goes whole, when it can, where extra time fits.
        let wants_safe = students.iter().any(|c| has_extra(c));
        let whole = free
            .iter()
            .enumerate()
            .filter(|(_, f)| f.left >= size)
            .min_by_key(|(_, f)| (wants_safe && !f.extra_safe, f.left, f.order))
            .map(|(at, _)| at);
        let parts: Vec<usize> = match whole {
            Some(at) => vec![at],
            None => {
                let mut by_room: Vec<usize> =
                    (0..free.len()).filter(|&at| free[at].left > 0).collect();
                crate::views::sort::sort_by_key(&mut by_room, |&at| {
                    (std::cmp::Reverse(free[at].left), free[at].order)
                });
                let mut covered = 0;
                let mut parts = Vec::new();
                for at in by_room {
                    if covered >= size {
                        break;
                    }
                    covered += free[at].left;
                    parts.push(at);
                }
                // The earliest part first, so the class reads in order across its sessions.
                crate::views::sort::sort_by_key(&mut parts, |&at| free[at].order);
                parts
            }
        };
        let mut queue = students.iter();
        for at in parts {
            let session = &mut free[at];
            while session.left > 0 {
                let Some(student) = queue.next() else { break };
                placed.push((session.order, session.id, student));
                session.left -= 1;
            }
        }
        // Whoever is left in `queue` has no seat: `unplaced` says so.
    }

    move_extra_time(&has_extra, &mut placed, &mut free);

    let mut out: Vec<(usize, Placement)> = kept
        .into_iter()
        .map(|p| {
            let order = sessions
                .iter()
                .position(|s| s.id == p.session)
                .unwrap_or(usize::MAX);
            (order, p)
        })
        .chain(placed.into_iter().map(|(order, session, c)| {
            (
                order,
                Placement {
                    student: c.student.clone(),
                    session,
                },
            )
        }))
        .collect();
    // Session by session; within one, the enrolment order.
    enrolment_order(&mut out, |(_, p)| &p.student);
    crate::views::sort::sort_by_key(&mut out, |(order, _)| *order);
    out.into_iter().map(|(_, p)| p).collect()
}

/// Whether a student with extra time who starts at this slot ends, set-up included, before
/// any later slot of the same day begins. The proposal plays safe: an empty next session
/// would do too, but which ones stay empty is only known at the end.
pub fn extra_safe(plan: &Plan, slot: &super::Slot) -> bool {
    let end = plan.timing.end(slot.start, true) + u32::from(plan.timing.setup_minutes);
    !plan.slots.iter().any(|other| {
        other.date == slot.date && other.start > slot.start && u32::from(other.start) < end
    })
}

fn move_extra_time<'c>(
    has_extra: &dyn Fn(&Candidate) -> bool,
    placed: &mut [(usize, SessionId, &'c Candidate)],
    free: &mut [Free],
) {
    let safe = |free: &[Free], id: SessionId| free.iter().any(|f| f.id == id && f.extra_safe);
    for at in 0..placed.len() {
        let (_, session, candidate) = placed[at];
        if !has_extra(candidate) || safe(free, session) {
            continue;
        }
        let class = class_key(&candidate.student.class);
        // A classmate without extra time in a safe session trades places: the class keeps
        // its sessions.
        let swap = (0..placed.len()).find(|&other| {
            let (_, there, mate) = placed[other];
            safe(free, there) && class_key(&mate.student.class) == class && !has_extra(mate)
        });
        if let Some(other) = swap {
            let (order_a, id_a, _) = placed[at];
            let (order_b, id_b, _) = placed[other];
            placed[at].0 = order_b;
            placed[at].1 = id_b;
            placed[other].0 = order_a;
            placed[other].1 = id_a;
            continue;
        }
        // Else a free seat in a safe session, one the class already uses first.
        let target = free
            .iter()
            .enumerate()
            .filter(|(_, f)| f.extra_safe && f.left > 0)
            .min_by_key(|(_, f)| {
                let with_class = placed
                    .iter()
                    .any(|(_, id, c)| *id == f.id && class_key(&c.student.class) == class);
                (!with_class, f.order)
            })
            .map(|(index, _)| index);
        if let Some(index) = target {
            if let Some(from) = free.iter_mut().find(|f| f.id == session) {
                from.left += 1;
            }
            let to = &mut free[index];
            to.left -= 1;
            placed[at].0 = to.order;
            placed[at].1 = to.id;
        }
        // Otherwise it stays, and `check` reports the overlap.
    }
}
