//! What comes out of a plan: the list of each session in Pix Certif's enrolment order, a
//! convocation per student, the grid of days and rooms, and the CSV.

use super::students::enrolment_order;
use super::{format_time, Plan, PlanDate, SessionId, StudentRef};
use crate::export::CsvWriter;

/// A student on a session's list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListedStudent {
    pub student: StudentRef,
    pub extra_time: bool,
    /// Minutes since midnight: the session's end, later with extra time.
    pub end: u32,
}

/// One session with its students, for the invigilator.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SessionList {
    pub id: SessionId,
    pub date: PlanDate,
    pub start: u16,
    /// Without extra time.
    pub end: u32,
    pub room: String,
    pub capacity: usize,
    pub invigilator: String,
    pub locked: bool,
    /// Class, last name, first name.
    pub students: Vec<ListedStudent>,
}

/// Every session, chronologically (rooms in the order they were added), each with its
/// students in enrolment order; `with_empty` keeps the sessions nobody sits in.
pub fn session_lists(plan: &Plan, with_empty: bool) -> Vec<SessionList> {
    plan.sessions()
        .into_iter()
        .filter_map(|session| {
            let mut students: Vec<ListedStudent> = plan
                .placements
                .iter()
                .filter(|p| p.session == session.id)
                .map(|p| {
                    let extra_time = plan.has_extra_time(&p.student);
                    ListedStudent {
                        student: p.student.clone(),
                        extra_time,
                        end: plan.timing.end(session.slot.start, extra_time),
                    }
                })
                .collect();
            if students.is_empty() && !with_empty {
                return None;
            }
            enrolment_order(&mut students, |s| &s.student);
            Some(SessionList {
                id: session.id,
                date: session.slot.date,
                start: session.slot.start,
                end: plan.timing.end(session.slot.start, false),
                room: session.room.name.clone(),
                capacity: session.room.capacity(),
                invigilator: plan.invigilator(session.id).to_owned(),
                locked: plan.is_locked(session.id),
                students,
            })
        })
        .collect()
}

/// One student's convocation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Convocation {
    pub student: StudentRef,
    pub date: PlanDate,
    pub start: u16,
    pub end: u32,
    pub room: String,
    pub extra_time: bool,
}

/// A convocation per placed student, in enrolment order (so that they are handed out class
/// by class).
pub fn convocations(plan: &Plan) -> Vec<Convocation> {
    let mut out: Vec<Convocation> = plan
        .placements
        .iter()
        .filter_map(|p| {
            let session = plan.session(p.session)?;
            let extra_time = plan.has_extra_time(&p.student);
            Some(Convocation {
                student: p.student.clone(),
                date: session.slot.date,
                start: session.slot.start,
                end: plan.timing.end(session.slot.start, extra_time),
                room: session.room.name.clone(),
                extra_time,
            })
        })
        .collect();
    enrolment_order(&mut out, |c| &c.student);
    out
}

/// One cell of the grid: a session of that day in that room.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GridSession {
    pub id: SessionId,
    pub start: u16,
    pub end: u32,
    pub placed: usize,
    pub capacity: usize,
    /// The classes sitting there, in natural order, each once.
    pub classes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GridDay {
    pub date: PlanDate,
    /// One per room of `Grid::rooms`, each with that day's sessions that hold students.
    pub rooms: Vec<Vec<GridSession>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    pub rooms: Vec<String>,
    pub days: Vec<GridDay>,
}

/// The planning grid for the staff room: a line per day, a column per room.
pub fn grid(plan: &Plan) -> Grid {
    let lists = session_lists(plan, false);
    let mut days: Vec<GridDay> = Vec::new();
    for list in lists {
        if days.last().is_none_or(|day| day.date != list.date) {
            days.push(GridDay {
                date: list.date,
                rooms: vec![Vec::new(); plan.rooms.len()],
            });
        }
        let Some(column) = plan.rooms.iter().position(|r| r.id == list.id.room) else {
            continue;
        };
        let mut classes: Vec<String> = Vec::new();
        for student in &list.students {
            if !classes.contains(&student.student.class) {
                classes.push(student.student.class.clone());
            }
        }
        if let Some(day) = days.last_mut() {
            day.rooms[column].push(GridSession {
                id: list.id,
                start: list.start,
                end: list.end,
                placed: list.students.len(),
                capacity: list.capacity,
                classes,
            });
        }
    }
    Grid {
        rooms: plan.rooms.iter().map(|r| r.name.clone()).collect(),
        days,
    }
}

/// The words of the plan's CSV, given by the interface.
pub struct PlanCsvLabels<'a> {
    /// Date, start, end, room, class, last name, first name, extra time, invigilator.
    pub header: [&'a str; 9],
    pub yes: &'a str,
    pub no: &'a str,
}

/// One line per placed student, session by session, in enrolment order within each.
pub fn plan_csv(plan: &Plan, labels: &PlanCsvLabels<'_>) -> String {
    let mut csv = CsvWriter::new();
    csv.row(labels.header);
    for list in session_lists(plan, false) {
        let date = list.date.french();
        let start = format_time(u32::from(list.start));
        for student in &list.students {
            csv.row([
                date.as_str(),
                start.as_str(),
                &format_time(student.end),
                &list.room,
                &student.student.class,
                &student.student.last,
                &student.student.first,
                if student.extra_time {
                    labels.yes
                } else {
                    labels.no
                },
                &list.invigilator,
            ]);
        }
    }
    csv.finish()
}
