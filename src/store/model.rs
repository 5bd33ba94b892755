//! The serde form of what the store keeps, where it is not a plain derive on the model.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::snapshot::{CampaignSnapshot, Learner};

/// What a stored entry holds: the snapshot and when it was imported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub imported_at_ms: f64,
    pub snapshot: CampaignSnapshot,
}

/// A learner is stored as its five fields, as the first stored format (serde's JSON of the
/// model, version 1) had them, not as the joined text it keeps in memory for speed: the
/// stored form then does not depend on that layout, and version 1 snapshots read as they are.
#[derive(Serialize)]
#[serde(rename = "Learner")]
struct LearnerFieldsRef<'a> {
    last: &'a str,
    first: &'a str,
    class: Option<&'a str>,
    student_number: &'a Option<String>,
    external_id: &'a Option<String>,
}

/// Borrowed where the format allows (postcard, JSON without escapes): the names are joined
/// into the learner's own text anyway, so each row saves three allocations when loading.
#[derive(Deserialize)]
#[serde(rename = "Learner")]
struct LearnerFields<'a> {
    #[serde(borrow)]
    last: Cow<'a, str>,
    #[serde(borrow)]
    first: Cow<'a, str>,
    #[serde(borrow)]
    class: Option<Cow<'a, str>>,
    student_number: Option<String>,
    external_id: Option<String>,
}

impl Serialize for Learner {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LearnerFieldsRef {
            last: self.last(),
            first: self.first(),
            class: self.class(),
            student_number: &self.student_number,
            external_id: &self.external_id,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Learner {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = LearnerFields::<'de>::deserialize(deserializer)?;
        Ok(Learner::new(
            &fields.last,
            &fields.first,
            fields.class.as_deref(),
            fields.student_number,
            fields.external_id,
        ))
    }
}
