//! The certification results in storage: one key, `cohorte.v2.results`, holding one result
//! set per class (a newer import of the same class replaces it), as serde_json deflated into
//! the 15-bit text of `body`, as the roster is (JSON so that a field added later with
//! `#[serde(default)]` still reads what earlier versions stored). localStorage replaces a
//! value whole or not at all: a refused write leaves every stored class as it was.
//!
//! What is stored is `ClassResults`: names, statuses, levels, scores, competence levels,
//! the jury comment, the session number and date. The birth date, birth place and
//! certification number are dropped when the file is read (`domain::results`).

use serde::{Deserialize, Serialize};

use super::body::{deflate_to_text, inflate_from_text, CodecError};
use super::keys::RESULTS_KEY;
use super::{Backend, Repository, StoreError};
use crate::domain::results::ClassResults;
use crate::domain::text::class_key;

/// Start of the stored text: tells it from a snapshot or roster body.
pub(crate) const RESULTS_MAGIC: &str = "C1";

/// Version of the stored results' JSON.
pub const RESULTS_VERSION: u32 = 1;

/// One class's results and when they were imported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredClassResults {
    /// Milliseconds since the epoch, from the browser clock.
    pub imported_at_ms: f64,
    pub results: ClassResults,
}

/// Every stored class, in import order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredResults {
    #[serde(default)]
    pub version: u32,
    #[serde(default)]
    pub classes: Vec<StoredClassResults>,
}

impl StoredResults {
    /// `self` with `incoming` in place of the stored set of the same class (or added).
    fn with_class(mut self, incoming: StoredClassResults) -> Self {
        let key = class_key(&incoming.results.class);
        match self
            .classes
            .iter_mut()
            .find(|stored| class_key(&stored.results.class) == key)
        {
            Some(stored) => *stored = incoming,
            None => self.classes.push(incoming),
        }
        self
    }

    /// The sets alone, for the views.
    pub fn sets(&self) -> Vec<ClassResults> {
        self.classes
            .iter()
            .map(|stored| stored.results.clone())
            .collect()
    }
}

pub(crate) fn encode_results(stored: &StoredResults) -> String {
    let mut stored = stored.clone();
    stored.version = RESULTS_VERSION;
    // Plain data to a Vec: serde_json only fails on maps with non-string keys (none here).
    let json = serde_json::to_vec(&stored).unwrap_or_default();
    deflate_to_text(RESULTS_MAGIC, &json)
}

/// What [`encode_results`] wrote; never panics, whatever the text.
pub(crate) fn decode_results(text: &str) -> Result<StoredResults, CodecError> {
    let json = inflate_from_text(RESULTS_MAGIC, text)?;
    serde_json::from_slice(&json).map_err(|error| CodecError::Malformed(error.to_string()))
}

impl<B: Backend> Repository<B> {
    /// Every stored class's results; none stored gives none.
    pub fn results(&self) -> Result<StoredResults, StoreError> {
        let Some(text) = self.backend.get(RESULTS_KEY)? else {
            return Ok(StoredResults::default());
        };
        decode_results(&text).map_err(|_| StoreError::Corrupted {
            key: RESULTS_KEY.to_owned(),
        })
    }

    fn write_results(&self, results: &StoredResults) -> Result<(), StoreError> {
        if results.classes.is_empty() {
            return self.backend.remove(RESULTS_KEY);
        }
        self.backend.set(RESULTS_KEY, &encode_results(results))
    }

    /// Stores a class's results in place of that class's earlier ones. Returns every class
    /// as stored now; on refusal, nothing stored changed.
    pub fn save_class_results(
        &self,
        results: ClassResults,
        imported_at_ms: f64,
    ) -> Result<StoredResults, StoreError> {
        let next = self.results()?.with_class(StoredClassResults {
            imported_at_ms,
            results,
        });
        self.write_results(&next)?;
        Ok(next)
    }

    /// Removes one class's results.
    pub fn delete_class_results(&self, class: &str) -> Result<StoredResults, StoreError> {
        let key = class_key(class);
        let mut next = self.results()?;
        next.classes
            .retain(|stored| class_key(&stored.results.class) != key);
        self.write_results(&next)?;
        Ok(next)
    }

    /// Says (or takes back) that a session of the class is not published yet.
    pub fn set_awaiting_publication(
        &self,
        class: &str,
        awaiting: bool,
    ) -> Result<StoredResults, StoreError> {
        let key = class_key(class);
        let mut next = self.results()?;
        for stored in &mut next.classes {
            if class_key(&stored.results.class) == key {
                stored.results.awaiting_publication = awaiting;
            }
        }
        self.write_results(&next)?;
        Ok(next)
    }

    /// What a backup carries: the stored results if they read (unreadable ones are set
    /// aside, the backup carries the rest).
    pub(crate) fn results_for_backup(&self) -> Result<Option<StoredResults>, StoreError> {
        match self.results() {
            Ok(results) => Ok(Some(results).filter(|results| !results.classes.is_empty())),
            Err(StoreError::Corrupted { .. }) => Ok(None),
            Err(other) => Err(other),
        }
    }

    /// Restore, replace mode: the backup's results (or none) in place of what is stored.
    pub(crate) fn write_results_part(
        &self,
        results: Option<&StoredResults>,
    ) -> Result<usize, StoreError> {
        match results {
            Some(results) => {
                self.write_results(results)?;
                Ok(results.classes.len())
            }
            None => Ok(0),
        }
    }

    /// Restore, merge mode: each class of the backup is taken when none is stored for it or
    /// the backup's was imported later. Returns how many classes were taken and what to put
    /// back on a later refusal.
    pub(crate) fn merge_results_part(
        &self,
        results: Option<&StoredResults>,
    ) -> Result<(usize, Option<String>), StoreError> {
        let before = self.backend.get(RESULTS_KEY)?;
        let Some(results) = results else {
            return Ok((0, before));
        };
        let stored = self.results().unwrap_or_default();
        let mut next = stored.clone();
        let mut taken = 0;
        for incoming in &results.classes {
            let key = class_key(&incoming.results.class);
            let newer = stored
                .classes
                .iter()
                .find(|stored| class_key(&stored.results.class) == key)
                .is_none_or(|stored| incoming.imported_at_ms > stored.imported_at_ms);
            if newer {
                next = next.with_class(incoming.clone());
                taken += 1;
            }
        }
        if taken > 0 {
            self.write_results(&next)?;
        }
        Ok((taken, before))
    }

    /// Puts the results key back as it was before a restore touched it.
    pub(crate) fn undo_results(&self, before: &Option<String>) {
        let _ = match before {
            Some(value) => self.backend.set(RESULTS_KEY, value),
            None => self.backend.remove(RESULTS_KEY),
        };
    }
}
