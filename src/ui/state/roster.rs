//! The school roster in the app state: the roster itself, the remembered "À vérifier"
//! choices and the classes that make each campaign's cohort. Every change goes through an
//! action here, which asks the store first (`store::roster`) and changes the signals only
//! once storage agrees.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::{AppState, ImportKind, ImportLine, ImportStatus, Shared};
use crate::domain::roster::matching::{Decision, MatchDecisions};
use crate::domain::roster::{read_roster, Roster};
use crate::store::{RosterChoices, Store, StoreError};

/// The stored roster, shared between the views, and when it was imported.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldRoster {
    pub roster: Shared<Roster>,
    pub imported_at_ms: f64,
}

/// The roster part of the app state.
#[derive(Clone, Copy)]
pub struct RosterSignals {
    pub(super) roster: RwSignal<Option<HeldRoster>>,
    pub(super) decisions: RwSignal<MatchDecisions>,
    /// Class keys making each campaign's cohort, by campaign id, once the user chose them.
    pub(super) cohort_classes: RwSignal<BTreeMap<u64, Vec<String>>>,
}

/// What storage holds about rosters, and what could not be read of it.
struct LoadedRoster {
    roster: Option<HeldRoster>,
    choices: RosterChoices,
    problems: Vec<StoreError>,
}

fn load_roster() -> LoadedRoster {
    let mut problems = Vec::new();
    let roster = match Store::open().and_then(|store| store.stored_roster()) {
        Ok(stored) => stored.map(|(_, stored)| HeldRoster {
            roster: Shared(Arc::new(stored.roster)),
            imported_at_ms: stored.imported_at_ms,
        }),
        Err(error) => {
            problems.push(error);
            None
        }
    };
    let choices = match Store::open().and_then(|store| store.roster_choices()) {
        Ok(choices) => choices,
        Err(error) => {
            problems.push(error);
            RosterChoices::default()
        }
    };
    LoadedRoster {
        roster,
        choices,
        problems,
    }
}

impl RosterSignals {
    /// The roster part of the state at start-up, and what could not be read.
    pub(super) fn restore() -> (Self, Vec<StoreError>) {
        let loaded = load_roster();
        let signals = RosterSignals {
            roster: RwSignal::new(loaded.roster),
            decisions: RwSignal::new(loaded.choices.decisions),
            cohort_classes: RwSignal::new(loaded.choices.cohort_classes),
        };
        (signals, loaded.problems)
    }

    /// Re-reads the roster and the choices from storage (after a restore or an erase).
    pub(super) fn reload(&self) -> Vec<StoreError> {
        let loaded = load_roster();
        self.roster.set(loaded.roster);
        self.decisions.set(loaded.choices.decisions);
        self.cohort_classes.set(loaded.choices.cohort_classes);
        loaded.problems
    }
}

impl AppState {
    /// The stored roster, if any.
    pub fn roster(&self) -> Signal<Option<HeldRoster>> {
        self.roster.roster.into()
    }

    /// The user's choices in "À vérifier".
    pub fn match_decisions(&self) -> Signal<MatchDecisions> {
        self.roster.decisions.into()
    }

    /// The classes the user chose as a campaign's cohort (`None`: the default ones).
    pub fn chosen_cohort_classes(&self, campaign_id: u64) -> Option<Vec<String>> {
        self.roster
            .cohort_classes
            .with(|all| all.get(&campaign_id).cloned())
    }

    /// Reads a roster file and keeps it in place of the previous one; a refused file changes
    /// nothing.
    pub(super) fn import_roster(&self, file_name: &str, bytes: &[u8]) -> ImportLine {
        let line = |status, message| ImportLine {
            file: file_name.to_owned(),
            kind: ImportKind::Roster,
            status,
            message,
            campaign_id: None,
        };
        let file = match read_roster(file_name, bytes) {
            Ok(file) => file,
            Err(error) => return line(ImportStatus::Error, error.to_string()),
        };
        let imported_at_ms = js_sys::Date::now();
        match Store::save_roster(file, imported_at_ms) {
            Err(error) => {
                if error == StoreError::QuotaExceeded {
                    self.report_once(error.to_string());
                }
                line(ImportStatus::Error, error.to_string())
            }
            Ok((meta, roster)) => {
                let message = roster.report().to_string();
                self.roster.roster.set(Some(HeldRoster {
                    roster: Shared(Arc::new(roster)),
                    imported_at_ms: meta.imported_at_ms,
                }));
                line(ImportStatus::Ok, message)
            }
        }
    }

    /// Removes the roster; the choices stay, for the next roster of the same school.
    pub fn delete_roster(&self) -> Result<(), StoreError> {
        Store::open()?.delete_roster()?;
        self.roster.roster.set(None);
        Ok(())
    }

    /// Remembers which roster student (or nobody) an export name is. A refused write shows
    /// its banner and changes nothing.
    pub fn decide_match(&self, key: String, decision: Decision) {
        match Store::open().and_then(|store| store.set_decision(key, Some(decision))) {
            Ok(decisions) => self.roster.decisions.set(decisions),
            Err(error) => self.report_once(error.to_string()),
        }
    }

    /// Keeps the classes making a campaign's cohort.
    pub fn set_cohort_classes(&self, campaign_id: u64, classes: Vec<String>) {
        let stored = Store::open()
            .and_then(|store| store.set_cohort_classes(campaign_id, Some(classes.clone())));
        match stored {
            Ok(()) => self.roster.cohort_classes.update(|all| {
                all.insert(campaign_id, classes);
            }),
            Err(error) => self.report_once(error.to_string()),
        }
    }
}
