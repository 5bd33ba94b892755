//! The plans of certification sessions in the app state. Every change goes through
//! `save_plan`, which asks the store first and changes the signal only once storage agrees:
//! a refused write shows its banner and the page keeps showing what is stored.

use leptos::prelude::*;

use super::AppState;
use crate::domain::sessions::Plan;
use crate::store::{Store, StoreError};

/// Every stored plan, one per profiles collection.
#[derive(Clone, Copy)]
pub struct SessionSignals {
    pub(super) plans: RwSignal<Vec<Plan>>,
}

fn load_plans() -> (Vec<Plan>, Option<StoreError>) {
    match Store::open().and_then(|store| store.plans()) {
        Ok(plans) => (plans, None),
        Err(error) => (Vec::new(), Some(error)),
    }
}

impl SessionSignals {
    pub(super) fn restore() -> (Self, Option<StoreError>) {
        let (plans, problem) = load_plans();
        (
            SessionSignals {
                plans: RwSignal::new(plans),
            },
            problem,
        )
    }

    /// Re-reads the plans (after a restore or an erase).
    pub(super) fn reload(&self) -> Option<StoreError> {
        let (plans, problem) = load_plans();
        self.plans.set(plans);
        problem
    }
}

impl AppState {
    pub fn plans(&self) -> ReadSignal<Vec<Plan>> {
        self.sessions.plans.read_only()
    }

    /// Stores the plan (in place of the plan of the same collecte), then shows it.
    pub fn save_plan(&self, plan: Plan) {
        match Store::open().and_then(|store| store.save_plan(&plan)) {
            Ok(plans) => self.sessions.plans.set(plans),
            Err(error) => {
                self.report_once(format!("{}{error}", crate::ui::text::sessions::SAVE_FAILED))
            }
        }
    }
}
