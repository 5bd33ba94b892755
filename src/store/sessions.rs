//! The plans of certification sessions in storage: one JSON entry holding every plan (one
//! per profiles collection), beside the snapshots and never inside them, so that a newer
//! import of the collecte, or deleting an old one, leaves the plan as it is. A plan holds
//! names, classes and the extra-time flag of its students, nothing else about them.
//!
//! JSON (serde_json) rather than the snapshots' postcard: a plan is small (1,500 students
//! take about 100 KB), and every field of `Plan` has a default, so a field added later still
//! reads the plans stored today.

use serde::{Deserialize, Serialize};

use super::keys::SESSIONS_KEY;
use super::{Backend, Repository, StoreError};
use crate::domain::sessions::Plan;

/// Version of the plans' JSON.
pub const PLANS_VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredPlans {
    #[serde(default)]
    pub version: u32,
    #[serde(default)]
    pub plans: Vec<Plan>,
}

/// Whatever is under `key` now, to put back byte for byte if a later write is refused.
fn put_back<B: Backend>(backend: &B, key: &str, previous: &Option<String>) {
    let _ = match previous {
        Some(value) => backend.set(key, value),
        None => backend.remove(key),
    };
}

impl<B: Backend> Repository<B> {
    /// Every stored plan; none stored gives none.
    pub fn plans(&self) -> Result<Vec<Plan>, StoreError> {
        Ok(self
            .backend
            .get_json::<StoredPlans>(SESSIONS_KEY)?
            .map(|stored| stored.plans)
            .unwrap_or_default())
    }

    fn write_plans(&self, plans: &[Plan]) -> Result<(), StoreError> {
        if plans.is_empty() {
            return self.backend.remove(SESSIONS_KEY);
        }
        self.backend.set_json(
            SESSIONS_KEY,
            &StoredPlans {
                version: PLANS_VERSION,
                plans: plans.to_vec(),
            },
        )
    }

    /// Stores `plan` in place of the plan of the same collecte (or beside the others).
    /// localStorage replaces a value whole or not at all: a refusal leaves every stored
    /// plan as it was. Returns every plan as stored now.
    pub fn save_plan(&self, plan: &Plan) -> Result<Vec<Plan>, StoreError> {
        let mut plans = self.plans()?;
        match plans.iter_mut().find(|p| p.campaign_id == plan.campaign_id) {
            Some(stored) => *stored = plan.clone(),
            None => plans.push(plan.clone()),
        }
        self.write_plans(&plans)?;
        Ok(plans)
    }

    /// Removes the plan of one collecte; returns the plans left.
    pub fn delete_plan(&self, campaign_id: u64) -> Result<Vec<Plan>, StoreError> {
        let mut plans = self.plans()?;
        plans.retain(|p| p.campaign_id != campaign_id);
        self.write_plans(&plans)?;
        Ok(plans)
    }

    /// What a backup carries: the plans if they read (an unreadable entry is reported at
    /// start-up; the backup carries the rest).
    pub(crate) fn plans_for_backup(&self) -> Result<Vec<Plan>, StoreError> {
        match self.plans() {
            Ok(plans) => Ok(plans),
            Err(StoreError::Corrupted { .. }) => Ok(Vec::new()),
            Err(other) => Err(other),
        }
    }

    /// Merges a backup's plans: those of a collecte with no stored plan are added, stored
    /// ones win. Returns how many were added, and what to put back to undo.
    pub(crate) fn merge_plans_part(
        &self,
        backup: &[Plan],
    ) -> Result<(usize, Option<String>), StoreError> {
        let before = self.backend.get(SESSIONS_KEY)?;
        let mut plans = self.plans().unwrap_or_default();
        let mut added = 0;
        for plan in backup {
            if !plans.iter().any(|p| p.campaign_id == plan.campaign_id) {
                plans.push(plan.clone());
                added += 1;
            }
        }
        if added > 0 {
            if let Err(error) = self.write_plans(&plans) {
                put_back(&self.backend, SESSIONS_KEY, &before);
                return Err(error);
            }
        }
        Ok((added, before))
    }

    pub(crate) fn undo_plans(&self, before: &Option<String>) {
        put_back(&self.backend, SESSIONS_KEY, before);
    }

    /// Writes a backup's plans in place of whatever was stored (restore, replace mode).
    pub(crate) fn write_plans_part(&self, plans: &[Plan]) -> Result<(), StoreError> {
        self.write_plans(plans)
    }
}
