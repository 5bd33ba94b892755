//! The school roster in storage: one current roster under its own key, and, under another,
//! what the user chose about it (the salt of the students' keys, the matching decisions, the
//! classes that make each campaign's cohort). Kept apart so that replacing or deleting the
//! roster never loses a choice: the salt is reused for the next roster, so the same INE gives
//! the same key and remembered decisions stay attached to the same student.
//!
//! The roster body is serde_json, deflated, in the 15-bit text of `body`. JSON rather than
//! postcard (as snapshot bodies are): postcard is not self-describing, so a field added to
//! `Roster` later (with `#[serde(default)]`) would make every stored roster unreadable,
//! where JSON reads it as it is. Deflate wins back what JSON spends: 2,000 generated students
//! take 73 KB of quota this way against 584 KB as plain JSON (`tests/store_roster.rs`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::body::{deflate_to_text, inflate_from_text, CodecError};
use super::keys::{ROSTER_CHOICES_KEY, ROSTER_KEY};
use super::{entry_bytes, Backend, Repository, StoreError};
use crate::domain::roster::matching::{Decision, MatchDecisions};
use crate::domain::roster::{Roster, RosterDate, RosterFile, RosterSalt, RosterSource};

/// Start of a stored roster body: tells it from a snapshot body and from anything else.
pub(crate) const ROSTER_MAGIC: &str = "R1";

/// The stored roster and when it was imported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredRoster {
    /// Milliseconds since the epoch, from the browser clock.
    pub imported_at_ms: f64,
    pub roster: Roster,
}

/// What the storage panel and the views show about the stored roster without its students.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterMeta {
    pub file_name: String,
    pub source: RosterSource,
    /// `DATE_EXPORT` of the file, when it has one.
    pub exported_on: Option<RosterDate>,
    pub school_year: Option<String>,
    pub imported_at_ms: f64,
    pub students: usize,
    pub classes: usize,
    /// What the roster takes in localStorage (key and value, 2 bytes per UTF-16 code unit).
    pub bytes: usize,
}

impl RosterMeta {
    pub(crate) fn of(stored: &StoredRoster, bytes: usize) -> Self {
        let report = stored.roster.report();
        RosterMeta {
            file_name: report.file_name,
            source: report.source,
            exported_on: report.exported_on,
            school_year: report.school_year,
            imported_at_ms: stored.imported_at_ms,
            students: report.students,
            classes: report.classes,
            bytes,
        }
    }
}

/// Version of the choices' JSON.
pub const ROSTER_CHOICES_VERSION: u32 = 1;

/// What the user chose about rosters, kept whatever roster is stored. Every field has a
/// default, so that a later version adding a choice still reads this one, and the reverse.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterChoices {
    #[serde(default)]
    pub version: u32,
    /// Created once, at the first roster, then reused (see `RosterSalt`).
    #[serde(default)]
    pub salt: Option<RosterSalt>,
    #[serde(default)]
    pub decisions: MatchDecisions,
    /// Class keys (`text::class_key`) making each campaign's cohort, by campaign id; a
    /// campaign not listed has the default cohort (`cohort::default_cohort_classes`).
    #[serde(default)]
    pub cohort_classes: BTreeMap<u64, Vec<String>>,
}

impl RosterChoices {
    pub(crate) fn is_empty(&self) -> bool {
        self.salt.is_none() && self.decisions.decisions.is_empty() && self.cohort_classes.is_empty()
    }

    /// `self` with what `other` adds: on a key both have, `self` wins.
    pub(crate) fn merged_with(&self, other: &RosterChoices) -> RosterChoices {
        let mut merged = self.clone();
        merged.version = ROSTER_CHOICES_VERSION;
        if merged.salt.is_none() {
            merged.salt = other.salt.clone();
        }
        for (key, decision) in &other.decisions.decisions {
            merged
                .decisions
                .decisions
                .entry(key.clone())
                .or_insert_with(|| decision.clone());
        }
        for (campaign, classes) in &other.cohort_classes {
            merged
                .cohort_classes
                .entry(*campaign)
                .or_insert_with(|| classes.clone());
        }
        merged
    }

    pub(crate) fn set_decision(&mut self, key: String, decision: Option<Decision>) {
        match decision {
            Some(decision) => self.decisions.decide(key, decision),
            None => self.decisions.forget(&key),
        }
    }
}

pub(crate) fn encode_roster(stored: &StoredRoster) -> String {
    // Plain data to a Vec: serde_json only fails on maps with non-string keys (none here).
    let json = serde_json::to_vec(stored).unwrap_or_default();
    deflate_to_text(ROSTER_MAGIC, &json)
}

/// What [`encode_roster`] wrote; never panics, whatever the text.
pub(crate) fn decode_roster(text: &str) -> Result<StoredRoster, CodecError> {
    let json = inflate_from_text(ROSTER_MAGIC, text)?;
    serde_json::from_slice(&json).map_err(|error| CodecError::Malformed(error.to_string()))
}

/// Whatever is under `key` now, to put back byte for byte if a later write is refused.
fn put_back<B: Backend>(backend: &B, key: &str, previous: &Option<String>) {
    let _ = match previous {
        Some(value) => backend.set(key, value),
        None => backend.remove(key),
    };
}

impl<B: Backend> Repository<B> {
    /// The stored choices; none stored gives the defaults.
    pub fn roster_choices(&self) -> Result<RosterChoices, StoreError> {
        Ok(self
            .backend
            .get_json(ROSTER_CHOICES_KEY)?
            .unwrap_or_default())
    }

    fn write_choices(&self, choices: &RosterChoices) -> Result<(), StoreError> {
        let mut choices = choices.clone();
        choices.version = ROSTER_CHOICES_VERSION;
        self.backend.set_json(ROSTER_CHOICES_KEY, &choices)
    }

    /// The salt of the students' keys: the stored one, or `fresh()` stored now (once).
    pub fn roster_salt(
        &self,
        fresh: impl FnOnce() -> RosterSalt,
    ) -> Result<RosterSalt, StoreError> {
        let mut choices = self.roster_choices()?;
        if let Some(salt) = choices.salt {
            return Ok(salt);
        }
        // Choices removed (by hand, or as damaged) under a stored roster: its salt keeps
        // the next roster's keys equal to this one's.
        let salt = match self.stored_roster() {
            Ok(Some((_, stored))) => stored.roster.salt,
            _ => fresh(),
        };
        choices.salt = Some(salt.clone());
        self.write_choices(&choices)?;
        Ok(salt)
    }

    /// Keys a roster file with the stored salt (created from `fresh` at the first roster) and
    /// stores it in place of the current one. localStorage replaces a value whole or not at
    /// all, so a refusal (storage full) leaves the previous roster exactly as it was, and a
    /// salt created for this roster is taken back.
    pub fn save_roster(
        &self,
        file: RosterFile,
        imported_at_ms: f64,
        fresh: impl FnOnce() -> RosterSalt,
    ) -> Result<(RosterMeta, Roster), StoreError> {
        let choices_before = self.backend.get(ROSTER_CHOICES_KEY)?;
        let salt = self.roster_salt(fresh)?;
        let stored = StoredRoster {
            imported_at_ms,
            roster: file.into_roster(&salt),
        };
        match self.write_roster(&stored) {
            Ok(meta) => Ok((meta, stored.roster)),
            Err(error) => {
                if choices_before.is_none() {
                    let _ = self.backend.remove(ROSTER_CHOICES_KEY);
                }
                Err(error)
            }
        }
    }

    fn write_roster(&self, stored: &StoredRoster) -> Result<RosterMeta, StoreError> {
        let text = encode_roster(stored);
        self.backend.set(ROSTER_KEY, &text)?;
        Ok(RosterMeta::of(stored, entry_bytes(ROSTER_KEY, &text)))
    }

    /// The stored roster with its import time; `None` when there is none.
    pub fn stored_roster(&self) -> Result<Option<(RosterMeta, StoredRoster)>, StoreError> {
        let Some(text) = self.backend.get(ROSTER_KEY)? else {
            return Ok(None);
        };
        let stored = decode_roster(&text).map_err(|_| StoreError::Corrupted {
            key: ROSTER_KEY.to_owned(),
        })?;
        Ok(Some((
            RosterMeta::of(&stored, entry_bytes(ROSTER_KEY, &text)),
            stored,
        )))
    }

    /// The stored roster; `None` when there is none.
    pub fn roster(&self) -> Result<Option<Roster>, StoreError> {
        Ok(self.stored_roster()?.map(|(_, stored)| stored.roster))
    }

    /// What the storage panel lists about the stored roster.
    pub fn roster_meta(&self) -> Result<Option<RosterMeta>, StoreError> {
        Ok(self.stored_roster()?.map(|(meta, _)| meta))
    }

    /// Removes the roster; the choices (salt, decisions, cohort classes) stay, for the next.
    pub fn delete_roster(&self) -> Result<(), StoreError> {
        self.backend.remove(ROSTER_KEY)
    }

    pub fn decisions(&self) -> Result<MatchDecisions, StoreError> {
        Ok(self.roster_choices()?.decisions)
    }

    /// Remembers (`Some`) or forgets (`None`) the decision for one export identity, keyed by
    /// `matching::decision_key`. Returns every decision as stored now.
    pub fn set_decision(
        &self,
        key: String,
        decision: Option<Decision>,
    ) -> Result<MatchDecisions, StoreError> {
        let mut choices = self.roster_choices()?;
        choices.set_decision(key, decision);
        self.write_choices(&choices)?;
        Ok(choices.decisions)
    }

    /// The class keys the user chose for a campaign's cohort; `None`: the default cohort.
    pub fn cohort_classes(&self, campaign_id: u64) -> Result<Option<Vec<String>>, StoreError> {
        Ok(self.roster_choices()?.cohort_classes.remove(&campaign_id))
    }

    /// Sets (`Some`) or resets to the default (`None`) the classes of a campaign's cohort.
    pub fn set_cohort_classes(
        &self,
        campaign_id: u64,
        classes: Option<Vec<String>>,
    ) -> Result<(), StoreError> {
        let mut choices = self.roster_choices()?;
        match classes {
            Some(classes) => choices.cohort_classes.insert(campaign_id, classes),
            None => choices.cohort_classes.remove(&campaign_id),
        };
        self.write_choices(&choices)
    }

    /// What a backup carries about rosters: the roster if it reads, and the choices if any.
    pub(crate) fn roster_for_backup(
        &self,
    ) -> Result<(Option<StoredRoster>, Option<RosterChoices>), StoreError> {
        let roster = match self.stored_roster() {
            Ok(stored) => stored.map(|(_, stored)| stored),
            // Unreadable: it is set aside in the panel; the backup carries the rest.
            Err(StoreError::Corrupted { .. }) => None,
            Err(other) => return Err(other),
        };
        let choices = match self.roster_choices() {
            Ok(choices) => Some(choices).filter(|choices| !choices.is_empty()),
            Err(StoreError::Corrupted { .. }) => None,
            Err(other) => return Err(other),
        };
        Ok((roster, choices))
    }

    /// Writes a backup's roster and choices (restore, replace mode: nothing of either is
    /// stored any more). On refusal, both keys are put back as they were.
    pub(crate) fn write_roster_part(
        &self,
        roster: Option<&StoredRoster>,
        choices: Option<&RosterChoices>,
    ) -> Result<bool, StoreError> {
        let roster_before = self.backend.get(ROSTER_KEY)?;
        let choices_before = self.backend.get(ROSTER_CHOICES_KEY)?;
        let undo = |this: &Self| {
            put_back(&this.backend, ROSTER_KEY, &roster_before);
            put_back(&this.backend, ROSTER_CHOICES_KEY, &choices_before);
        };
        if let Some(choices) = choices {
            if let Err(error) = self.write_choices(choices) {
                undo(self);
                return Err(error);
            }
        }
        if let Some(roster) = roster {
            if let Err(error) = self.write_roster(roster) {
                undo(self);
                return Err(error);
            }
        }
        Ok(roster.is_some())
    }

    /// Merges a backup's roster part into what is stored: the backup's roster is taken when
    /// none is stored or it was imported later, and its choices are added (stored ones win),
    /// but only when both were keyed with the same salt, or nothing is stored yet: a roster
    /// of another salt would orphan the stored decisions. Returns whether the roster was
    /// taken, and how to undo.
    pub(crate) fn merge_roster_part(
        &self,
        roster: Option<&StoredRoster>,
        choices: Option<&RosterChoices>,
    ) -> Result<(bool, RosterUndo), StoreError> {
        let undo = RosterUndo {
            roster: self.backend.get(ROSTER_KEY)?,
            choices: self.backend.get(ROSTER_CHOICES_KEY)?,
        };
        if roster.is_none() && choices.is_none() {
            return Ok((false, undo));
        }
        let stored_choices = self.roster_choices().unwrap_or_default();
        let stored_roster = self.stored_roster().ok().flatten();
        let stored_salt = stored_choices.salt.clone().or_else(|| {
            stored_roster
                .as_ref()
                .map(|(_, stored)| stored.roster.salt.clone())
        });
        let backup_salt = choices
            .and_then(|choices| choices.salt.clone())
            .or_else(|| roster.map(|stored| stored.roster.salt.clone()));
        // Without a salt on one side, that side never keyed a student: nothing to orphan.
        let compatible = match (&stored_salt, &backup_salt) {
            (Some(stored), Some(backup)) => stored == backup,
            _ => true,
        };
        if !compatible {
            return Ok((false, undo));
        }
        let mut merged = stored_choices.merged_with(&choices.cloned().unwrap_or_default());
        if merged.salt.is_none() {
            merged.salt = stored_salt.or(backup_salt);
        }
        let take_roster = roster.filter(|backup| {
            stored_roster
                .as_ref()
                .is_none_or(|(meta, _)| backup.imported_at_ms > meta.imported_at_ms)
        });
        let result = self.write_choices(&merged).and_then(|()| {
            take_roster
                .map(|roster| self.write_roster(roster))
                .transpose()
        });
        match result {
            Ok(_) => Ok((take_roster.is_some(), undo)),
            Err(error) => {
                self.undo_roster(&undo);
                Err(error)
            }
        }
    }

    pub(crate) fn undo_roster(&self, undo: &RosterUndo) {
        put_back(&self.backend, ROSTER_KEY, &undo.roster);
        put_back(&self.backend, ROSTER_CHOICES_KEY, &undo.choices);
    }
}

/// The roster keys as they were before a restore touched them.
pub(crate) struct RosterUndo {
    roster: Option<String>,
    choices: Option<String>,
}
