//! Certification sessions: the school's plan of rooms and time slots, and the students of a
//! profiles collection placed in them (certification.md §1–§2). Pix Certif has no capacity
//! field, shows no certifiability and sends no convocation: the plan does that work.
//!
//! A plan is plain data (what is stored: names, classes, the extra-time flag, never a reason
//! nor an INE); `students` builds the candidates from what Cohorte knows, `propose` places
//! them, `check` says what is wrong with a plan, `outputs` gives the printed lists, the
//! convocations, the grid and the CSV.

pub mod check;
pub mod outputs;
pub mod propose;
pub mod students;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::{class_key, fold_into};

pub use check::{changes, check, unplaced, Changes, Problem, ProblemKind, Unplaced};
pub use propose::propose;
pub use students::{candidates, Candidate, CandidateStatus, UnplacedReason};

/// Length of the test (certification.md §1: 1 h 45 at most).
pub const DEFAULT_LENGTH_MINUTES: u16 = 105;
/// Time to seat the students and start Pix Companion before the next session in a room.
pub const DEFAULT_SETUP_MINUTES: u16 = 15;
pub const DEFAULT_SPARE_COMPUTERS: u16 = 1;

/// A calendar date, as `<input type="date">` gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlanDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl PlanDate {
    /// `2026-01-12`; `None` for anything else (an empty or half-typed field).
    pub fn parse_iso(text: &str) -> Option<PlanDate> {
        let mut parts = text.trim().splitn(3, '-');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let date = PlanDate { year, month, day };
        (year >= 1900 && (1..=12).contains(&month) && day >= 1 && day <= date.month_length())
            .then_some(date)
    }

    fn month_length(self) -> u8 {
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if self.year.is_multiple_of(4)
                && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            _ => 31,
        }
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `12/01/2026`.
    pub fn french(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// 0 = Monday … 6 = Sunday (Zeller's congruence), for "lundi 12 janvier".
    pub fn weekday(self) -> u8 {
        let (mut year, mut month) = (i32::from(self.year), i32::from(self.month));
        if month < 3 {
            month += 12;
            year -= 1;
        }
        let (k, j) = (year % 100, year / 100);
        let h = (i32::from(self.day) + 13 * (month + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;
        // Zeller: 0 = Saturday.
        ((h + 5) % 7) as u8
    }
}

/// `08:30` as minutes since midnight; `None` for anything else.
pub fn parse_time(text: &str) -> Option<u16> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.get(..2)?.parse().ok()?);
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

/// `08:30`; past midnight it keeps counting (`25:10`), which no school day reaches.
pub fn format_time(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Last year's national windows (certification.md §1), shown as hints: the dates of the
/// coming year are typed by the user.
pub const LAST_YEAR_TERMINALE: (PlanDate, PlanDate) = (
    PlanDate {
        year: 2025,
        month: 11,
        day: 3,
    },
    PlanDate {
        year: 2026,
        month: 3,
        day: 6,
    },
);
pub const LAST_YEAR_3E: (PlanDate, PlanDate) = (
    PlanDate {
        year: 2026,
        month: 3,
        day: 16,
    },
    PlanDate {
        year: 2026,
        month: 6,
        day: 13,
    },
);

/// A room: its computers, and how many of them stay free in case one fails.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Room {
    pub id: u32,
    pub name: String,
    pub computers: u16,
    #[serde(default = "default_spares")]
    pub spares: u16,
}

fn default_spares() -> u16 {
    DEFAULT_SPARE_COMPUTERS
}

impl Room {
    /// Seats for candidates: the computers minus the spares.
    pub fn capacity(&self) -> usize {
        usize::from(self.computers.saturating_sub(self.spares))
    }
}

/// A time slot: every room may hold a session then.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub id: u32,
    pub date: PlanDate,
    /// Minutes since midnight.
    pub start: u16,
}

/// A session: one room at one slot. Shown as `slot-room` (`data-session-id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SessionId {
    pub slot: u32,
    pub room: u32,
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.slot, self.room)
    }
}

impl SessionId {
    pub fn parse(text: &str) -> Option<SessionId> {
        let (slot, room) = text.split_once('-')?;
        Some(SessionId {
            slot: slot.parse().ok()?,
            room: room.parse().ok()?,
        })
    }
}

/// The national window of the cohort, as typed (either end may be missing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub start: Option<PlanDate>,
    pub end: Option<PlanDate>,
}

impl Window {
    pub fn contains(&self, date: PlanDate) -> bool {
        self.start.is_none_or(|start| date >= start) && self.end.is_none_or(|end| date <= end)
    }
}

/// How long a session takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timing {
    pub length_minutes: u16,
    pub setup_minutes: u16,
    /// Extra time ("temps majoré"); `None`: one third of the length, rounded up.
    #[serde(default)]
    pub extra_minutes: Option<u16>,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            length_minutes: DEFAULT_LENGTH_MINUTES,
            setup_minutes: DEFAULT_SETUP_MINUTES,
            extra_minutes: None,
        }
    }
}

impl Timing {
    pub fn extra(&self) -> u16 {
        self.extra_minutes
            .unwrap_or(self.length_minutes.div_ceil(3))
    }

    /// When a student's test ends, from the session's start.
    pub fn end(&self, start: u16, extra_time: bool) -> u32 {
        let extra = if extra_time { self.extra() } else { 0 };
        u32::from(start) + u32::from(self.length_minutes) + u32::from(extra)
    }
}

/// A student as the plan knows them: names and class as typed in the collecte (or the
/// school list), nothing else.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StudentRef {
    pub last: String,
    pub first: String,
    pub class: String,
}

impl StudentRef {
    pub fn new(last: &str, first: &str, class: &str) -> Self {
        StudentRef {
            last: last.to_owned(),
            first: first.to_owned(),
            class: class.to_owned(),
        }
    }

    /// Folded names and class key: the same student whatever the accents or case typed in
    /// the next collecte.
    pub fn key(&self) -> String {
        let mut key = String::with_capacity(self.last.len() + self.first.len() + 8);
        fold_into(&self.last, &mut key);
        key.push('\u{1f}');
        fold_into(&self.first, &mut key);
        key.push('\u{1f}');
        key.push_str(&class_key(&self.class));
        key
    }
}

/// One student in one session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    pub student: StudentRef,
    pub session: SessionId,
}

/// A plan of certification sessions for one profiles collection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub name: String,
    pub created: PlanDate,
    /// `ID Campagne` of the profiles collection the students come from.
    pub campaign_id: u64,
    #[serde(default)]
    pub rooms: Vec<Room>,
    #[serde(default)]
    pub slots: Vec<Slot>,
    #[serde(default)]
    pub timing: Timing,
    #[serde(default)]
    pub window: Window,
    /// Students with extra time: a flag only, never why.
    #[serde(default)]
    pub extra_time: Vec<StudentRef>,
    /// Invigilators' names, per session.
    #[serde(default)]
    pub invigilators: Vec<(SessionId, String)>,
    /// Sessions kept as they are when the rest is proposed again.
    #[serde(default)]
    pub locked: Vec<SessionId>,
    #[serde(default)]
    pub placements: Vec<Placement>,
    /// The convocations' text when the user changed it; `None`: the default text.
    #[serde(default)]
    pub convocation_text: Option<String>,
    /// Latest sending date of the collecte the last proposal was made from, as
    /// `LocalDateTime::iso`: a newer import makes the plan say what changed.
    #[serde(default)]
    pub proposed_from: Option<String>,
    #[serde(default = "first_id")]
    pub next_id: u32,
}

fn first_id() -> u32 {
    1
}

/// One session with what the page and the prints need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session<'a> {
    pub id: SessionId,
    pub slot: &'a Slot,
    pub room: &'a Room,
}

impl Plan {
    pub fn new(name: &str, created: PlanDate, campaign_id: u64) -> Self {
        Plan {
            name: name.to_owned(),
            created,
            campaign_id,
            rooms: Vec::new(),
            slots: Vec::new(),
            timing: Timing::default(),
            window: Window::default(),
            extra_time: Vec::new(),
            invigilators: Vec::new(),
            locked: Vec::new(),
            placements: Vec::new(),
            convocation_text: None,
            proposed_from: None,
            next_id: 1,
        }
    }

    fn take_id(&mut self) -> u32 {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    pub fn add_room(&mut self, name: &str, computers: u16) -> u32 {
        let id = self.take_id();
        self.rooms.push(Room {
            id,
            name: name.trim().to_owned(),
            computers,
            spares: DEFAULT_SPARE_COMPUTERS,
        });
        id
    }

    pub fn add_slot(&mut self, date: PlanDate, start: u16) -> u32 {
        let id = self.take_id();
        self.slots.push(Slot { id, date, start });
        crate::views::sort::sort_by_key(&mut self.slots, |slot| (slot.date, slot.start, slot.id));
        id
    }

    /// Removes a room and whatever was placed in it (those students wait again).
    pub fn remove_room(&mut self, room: u32) {
        self.rooms.retain(|r| r.id != room);
        self.forget_sessions(|session| session.room == room);
    }

    pub fn remove_slot(&mut self, slot: u32) {
        self.slots.retain(|s| s.id != slot);
        self.forget_sessions(|session| session.slot == slot);
    }

    fn forget_sessions(&mut self, gone: impl Fn(&SessionId) -> bool) {
        self.placements.retain(|p| !gone(&p.session));
        self.locked.retain(|s| !gone(s));
        self.invigilators.retain(|(s, _)| !gone(s));
    }

    /// Every session, by date, start time, then room in the order they were added.
    pub fn sessions(&self) -> Vec<Session<'_>> {
        self.slots
            .iter()
            .flat_map(|slot| {
                self.rooms.iter().map(move |room| Session {
                    id: SessionId {
                        slot: slot.id,
                        room: room.id,
                    },
                    slot,
                    room,
                })
            })
            .collect()
    }

    pub fn session(&self, id: SessionId) -> Option<Session<'_>> {
        let slot = self.slots.iter().find(|s| s.id == id.slot)?;
        let room = self.rooms.iter().find(|r| r.id == id.room)?;
        Some(Session { id, slot, room })
    }

    pub fn is_locked(&self, id: SessionId) -> bool {
        self.locked.contains(&id)
    }

    pub fn set_locked(&mut self, id: SessionId, locked: bool) {
        self.locked.retain(|&s| s != id);
        if locked {
            self.locked.push(id);
        }
    }

    pub fn has_extra_time(&self, student: &StudentRef) -> bool {
        let key = student.key();
        self.extra_time.iter().any(|s| s.key() == key)
    }

    pub fn set_extra_time(&mut self, student: &StudentRef, on: bool) {
        let key = student.key();
        self.extra_time.retain(|s| s.key() != key);
        if on {
            self.extra_time.push(student.clone());
        }
    }

    /// Moves a student to a session (placing them if they waited); `None` takes them out.
    pub fn place(&mut self, student: &StudentRef, session: Option<SessionId>) {
        let key = student.key();
        self.placements.retain(|p| p.student.key() != key);
        if let Some(session) = session.filter(|&id| self.session(id).is_some()) {
            self.placements.push(Placement {
                student: student.clone(),
                session,
            });
        }
    }

    pub fn invigilator(&self, id: SessionId) -> &str {
        self.invigilators
            .iter()
            .find(|(s, _)| *s == id)
            .map_or("", |(_, name)| name.as_str())
    }

    pub fn set_invigilator(&mut self, id: SessionId, name: &str) {
        self.invigilators.retain(|(s, _)| *s != id);
        if !name.trim().is_empty() {
            self.invigilators.push((id, name.trim().to_owned()));
        }
    }

    /// How many students sit in each session.
    pub fn count(&self, id: SessionId) -> usize {
        self.placements.iter().filter(|p| p.session == id).count()
    }
}
