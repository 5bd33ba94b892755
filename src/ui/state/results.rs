//! The certification results in the app state: every stored class, and the files read
//! whose class is still to be chosen. Every change goes through an action here, which asks
//! the store first (`store::results`) and changes the signals only once storage agrees.

use std::sync::Arc;

use leptos::prelude::*;

use super::{AppState, ImportKind, ImportLine, ImportStatus, Shared};
use crate::domain::model::snapshot::Rows;
use crate::domain::results::matching::{
    members_from_collecte, members_from_roster, propose_class, Member, MembersSource,
};
use crate::domain::results::stats::{collecte_students, CollecteStudent};
use crate::domain::results::{read_results, ResultsFile};
use crate::store::{Store, StoreError, StoredResults};
use crate::ui::text::results as tr;

/// A file read whose name does not give the class: kept in memory (birth data included,
/// never stored) until the user says which class it is.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingResults {
    pub file: Shared<ResultsFile>,
    /// The class whose students the rows name most, if any.
    pub proposed: Option<String>,
}

#[derive(Clone, Copy)]
pub struct ResultsSignals {
    stored: RwSignal<Shared<StoredResults>>,
    pending: RwSignal<Vec<PendingResults>>,
}

fn load() -> (StoredResults, Option<StoreError>) {
    match Store::open().and_then(|store| store.results()) {
        Ok(results) => (results, None),
        Err(error) => (StoredResults::default(), Some(error)),
    }
}

impl ResultsSignals {
    pub(super) fn restore() -> (Self, Vec<StoreError>) {
        let (stored, problem) = load();
        let signals = ResultsSignals {
            stored: RwSignal::new(Shared(Arc::new(stored))),
            pending: RwSignal::new(Vec::new()),
        };
        (signals, problem.into_iter().collect())
    }

    /// Re-reads the results from storage (after a restore or an erase).
    pub(super) fn reload(&self) -> Vec<StoreError> {
        let (stored, problem) = load();
        self.stored.set(Shared(Arc::new(stored)));
        self.pending.set(Vec::new());
        problem.into_iter().collect()
    }
}

/// The class lists the results are matched against: the school list, else the last
/// collecte's participants.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassLists {
    pub members: Shared<Vec<Member>>,
    pub source: MembersSource,
    /// The last profiles collection's participants, for the comparison.
    pub collecte: Option<Shared<Vec<CollecteStudent>>>,
}

impl AppState {
    /// Every stored class's results.
    pub fn stored_results(&self) -> Signal<Shared<StoredResults>> {
        self.results.stored.into()
    }

    pub fn pending_results(&self) -> Signal<Vec<PendingResults>> {
        self.results.pending.into()
    }

    /// The school list's students (else the last collecte's participants), and the last
    /// collecte, recomputed when either changes.
    pub fn class_lists(&self) -> Memo<ClassLists> {
        let state = *self;
        Memo::new(move |_| {
            let last_collecte = state.snapshots().with(|all| {
                all.iter()
                    .filter(|s| matches!(s.data.rows, Rows::Profiles(_)))
                    .max_by(|a, b| {
                        (a.meta.latest_activity, a.meta.imported_at_ms)
                            .partial_cmp(&(b.meta.latest_activity, b.meta.imported_at_ms))
                            .unwrap_or(std::cmp::Ordering::Equal)
                    })
                    .map(|s| s.data.clone())
            });
            let rows = last_collecte.as_ref().and_then(|data| match &data.rows {
                Rows::Profiles(rows) => Some(rows),
                Rows::Assessment { .. } => None,
            });
            let (members, source) = match (state.roster().get(), rows) {
                (Some(held), _) => (members_from_roster(&held.roster), MembersSource::Roster),
                (None, Some(rows)) => (members_from_collecte(rows), MembersSource::Collecte),
                (None, None) => (Vec::new(), MembersSource::None),
            };
            ClassLists {
                members: Shared(Arc::new(members)),
                source,
                collecte: rows.map(|rows| Shared(Arc::new(collecte_students(rows)))),
            }
        })
    }

    /// Reads a certification results file. With the class in its name it is stored at once
    /// (in place of that class's earlier results); otherwise it waits for the user to choose
    /// the class on the results page. A refused file changes nothing.
    pub(super) fn import_results(&self, file_name: &str, bytes: &[u8]) -> ImportLine {
        let line = |status, message| ImportLine {
            file: file_name.to_owned(),
            kind: ImportKind::CertificationResults,
            status,
            message,
            campaign_id: None,
        };
        let file = match read_results(file_name, bytes) {
            Ok(file) => file,
            Err(error) => return line(ImportStatus::Error, error.to_string()),
        };
        let rows = file.rows.len();
        match file.class_from_name.clone() {
            Some(class) => match self.save_results(file, &class) {
                Ok(()) => line(ImportStatus::Ok, tr::imported(file_name, &class, rows)),
                Err(error) => line(ImportStatus::Error, error.to_string()),
            },
            None => {
                let members = members_from_state(self);
                let proposed = propose_class(
                    &members,
                    file.rows
                        .iter()
                        .map(|read| (read.row.last.as_str(), read.row.first.as_str())),
                );
                self.results.pending.update(|pending| {
                    pending.retain(|other| other.file.file_name != file_name);
                    pending.push(PendingResults {
                        file: Shared(Arc::new(file)),
                        proposed,
                    });
                });
                line(ImportStatus::Ok, tr::class_to_choose(file_name, rows))
            }
        }
    }

    fn save_results(&self, file: ResultsFile, class: &str) -> Result<(), StoreError> {
        let results = file.into_class_results(class);
        let stored = Store::open()
            .and_then(|store| store.save_class_results(results, js_sys::Date::now()))
            .inspect_err(|error| {
                if *error == StoreError::QuotaExceeded {
                    self.report_once(error.to_string());
                }
            })?;
        self.results.stored.set(Shared(Arc::new(stored)));
        Ok(())
    }

    /// Stores a waiting file under the class the user chose.
    pub fn choose_results_class(&self, file_name: &str, class: &str) {
        let class = class.trim();
        if class.is_empty() {
            return;
        }
        let Some(pending) = self
            .results
            .pending
            .with_untracked(|all| all.iter().find(|p| p.file.file_name == file_name).cloned())
        else {
            return;
        };
        match self.save_results((*pending.file).clone(), class) {
            Ok(()) => self
                .results
                .pending
                .update(|all| all.retain(|p| p.file.file_name != file_name)),
            Err(error) => self.report_once(error.to_string()),
        }
    }

    /// Says (or takes back) that a session of the class is not published yet.
    pub fn set_awaiting_publication(&self, class: &str, awaiting: bool) {
        match Store::open().and_then(|store| store.set_awaiting_publication(class, awaiting)) {
            Ok(stored) => self.results.stored.set(Shared(Arc::new(stored))),
            Err(error) => self.report_once(error.to_string()),
        }
    }

    /// Removes one class's results.
    pub fn delete_class_results(&self, class: &str) {
        match Store::open().and_then(|store| store.delete_class_results(class)) {
            Ok(stored) => self.results.stored.set(Shared(Arc::new(stored))),
            Err(error) => self.report_once(error.to_string()),
        }
    }
}

/// The class lists at import time, without a reactive scope.
fn members_from_state(state: &AppState) -> Vec<Member> {
    if let Some(held) = state.roster().get_untracked() {
        return members_from_roster(&held.roster);
    }
    state.snapshots().with_untracked(|all| {
        all.iter()
            .filter_map(|s| match &s.data.rows {
                Rows::Profiles(rows) => Some(members_from_collecte(rows)),
                Rows::Assessment { .. } => None,
            })
            .next_back()
            .unwrap_or_default()
    })
}
