//! The school roster in the app state: the roster itself, the remembered "À vérifier"
//! choices and the classes that make each campaign's cohort. Every change goes through an
//! action here, which asks the store first.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::{AppState, ImportKind, ImportLine, ImportStatus, Shared};
use crate::domain::roster::matching::{Decision, MatchDecisions};
use crate::domain::roster::{read_roster, Roster, RosterSalt};

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
    pub(super) salt: RwSignal<Option<RosterSalt>>,
}

impl RosterSignals {
    pub(super) fn empty() -> Self {
        RosterSignals {
            roster: RwSignal::new(None),
            decisions: RwSignal::new(MatchDecisions::default()),
            cohort_classes: RwSignal::new(BTreeMap::new()),
            salt: RwSignal::new(None),
        }
    }
}

/// 16 random bytes from `crypto.getRandomValues`, through `js_sys::Reflect` so that no more
/// web-sys features are needed for one call.
fn random_salt() -> RosterSalt {
    let mut bytes = [0u8; 16];
    let array = js_sys::Uint8Array::new_with_length(16);
    let filled = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
        .ok()
        .filter(|crypto| crypto.is_object())
        .and_then(|crypto| {
            let fill = js_sys::Reflect::get(&crypto, &"getRandomValues".into()).ok()?;
            let fill: js_sys::Function = wasm_bindgen::JsCast::dyn_into(fill).ok()?;
            fill.call1(&crypto, &array).ok()
        })
        .is_some();
    if filled {
        array.copy_to(&mut bytes);
    } else {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    RosterSalt::from_random_bytes(bytes)
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
        };
        let file = match read_roster(file_name, bytes) {
            Ok(file) => file,
            Err(error) => return line(ImportStatus::Error, error.to_string()),
        };
        let salt = self.roster.salt.get_untracked().unwrap_or_else(random_salt);
        self.roster.salt.set(Some(salt.clone()));
        let roster = file.into_roster(&salt);
        let message = roster.report().to_string();
        self.roster.roster.set(Some(HeldRoster {
            roster: Shared(Arc::new(roster)),
            imported_at_ms: js_sys::Date::now(),
        }));
        line(ImportStatus::Ok, message)
    }

    /// Removes the roster; the choices stay, for the next roster of the same school.
    pub fn delete_roster(&self) -> Result<(), crate::store::StoreError> {
        self.roster.roster.set(None);
        Ok(())
    }

    /// Remembers which roster student (or nobody) an export name is.
    pub fn decide_match(&self, key: String, decision: Decision) {
        self.roster
            .decisions
            .update(|decisions| decisions.decide(key, decision));
    }

    /// Keeps the classes making a campaign's cohort.
    pub fn set_cohort_classes(&self, campaign_id: u64, classes: Vec<String>) {
        self.roster.cohort_classes.update(|all| {
            all.insert(campaign_id, classes);
        });
    }
}
