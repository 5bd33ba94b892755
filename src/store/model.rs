//! What a stored entry holds. (The learner's stored form is beside its type, in `domain::model::snapshot`.)

use serde::{Deserialize, Serialize};

use crate::domain::model::snapshot::CampaignSnapshot;

/// What a stored entry holds: the snapshot and when it was imported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub imported_at_ms: f64,
    pub snapshot: CampaignSnapshot,
}
