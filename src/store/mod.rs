//! The only code that touches localStorage.
//!
//! Layout (schema 2, see `keys`): `cohorte.v2.index` lists the stored snapshots (serde_json,
//! their metadata); `cohorte.v2.snapshot.<id>` holds one snapshot in the compact form of
//! `body` (format 3: postcard, deflated, as text), import time included, so the index can be
//! rebuilt from the entries if it is ever damaged. Bodies of format 2 (the custom codec of
//! earlier releases, `legacy`) still read, and are rewritten in format 3 when loaded.
//! The school roster is apart (`roster`): `cohorte.v2.roster` holds the current one, and
//! `cohorte.v2.roster-choices` (serde_json) the salt of its students' keys, the matching
//! decisions and each campaign's cohort classes, which outlive a replaced or deleted roster.
//! Every write puts the snapshot first and the index last, and undoes what it wrote when the
//! browser refuses, so what was stored before stays exactly as it was.
//!
//! The logic is written against [`Backend`], so it is also tested natively with a map that
//! mimics the browser's quota; `web` plugs it into the real localStorage.

pub mod backend;
pub mod backup;
pub mod body;
pub mod keys;
pub mod legacy;
pub mod model;
pub mod prefs;
pub mod results;
pub mod roster;
pub mod sessions;
#[cfg(target_arch = "wasm32")]
mod web;

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::model::snapshot::{CampaignKind, CampaignSnapshot, LocalDateTime};
pub use backend::{Backend, MemoryBackend, CHROMIUM_QUOTA_UNITS};
pub use backup::{BackupError, CheckedBackup, RestoreMode, RestoreReport};
pub use body::CodecError;
use body::{encode_text, utf16_len};
pub use keys::SCHEMA_VERSION;
use keys::{
    snapshot_id, snapshot_key, v1_snapshot_key, APP_PREFIX, INDEX_KEY, RESULTS_KEY,
    ROSTER_CHOICES_KEY, ROSTER_KEY, SESSIONS_KEY, V1_INDEX_KEY, V1_SNAPSHOT_PREFIX,
};
pub use model::Entry;
pub use results::{StoredClassResults, StoredResults};
pub use roster::{RosterChoices, RosterMeta, StoredRoster};
#[cfg(target_arch = "wasm32")]
pub use web::{random_salt, Store, WebBackend};

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// localStorage is missing or refused (private browsing, disabled site data).
    Unavailable,
    /// The browser's quota refused the write; nothing was changed.
    QuotaExceeded,
    /// A stored entry does not decode (hand-edited, truncated, written by another app).
    Corrupted { key: String },
    /// The index names an entry that is no longer there (removed by hand, by another tool).
    Missing { key: String },
    /// A snapshot could not be turned into its stored form.
    Codec(CodecError),
    /// A backup file that cannot be restored; nothing was changed.
    InvalidBackup(BackupError),
    /// Any other refusal from the browser.
    Browser(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => write!(
                f,
                "Le stockage local de ce navigateur n’est pas disponible (navigation privée ou données de site \
                 désactivées) : les imports ne seront pas conservés après fermeture de la page."
            ),
            StoreError::QuotaExceeded => write!(
                f,
                "L’espace de stockage du navigateur est plein : rien n’a été enregistré, et rien de ce qui était \
                 déjà conservé n’a été modifié. Pour faire de la place, téléchargez une sauvegarde puis supprimez \
                 d’anciens imports (rubrique « Stockage dans ce navigateur », en bas de la page d’accueil)."
            ),
            StoreError::Corrupted { key } => write!(
                f,
                "Une donnée enregistrée est illisible (« {key} ») : elle a été mise de côté, le reste est disponible. \
                 Vous pouvez la supprimer dans la rubrique « Stockage dans ce navigateur »."
            ),
            StoreError::Missing { key } => write!(
                f,
                "Un import enregistré a disparu du stockage (« {key} ») : il a été retiré de la liste, le reste est \
                 disponible."
            ),
            StoreError::Codec(error) => {
                write!(f, "Cet import n’a pas pu être mis en forme pour le stockage : {error}.")
            }
            StoreError::InvalidBackup(error) => write!(f, "{error}"),
            StoreError::Browser(detail) => {
                write!(f, "Le navigateur a refusé l’opération sur le stockage : {detail}")
            }
        }
    }
}

impl std::error::Error for StoreError {}

/// What the campaign list and the timeline need without loading the rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SnapshotMeta {
    pub id: u32,
    pub campaign_id: u64,
    pub campaign_name: String,
    pub kind: CampaignKind,
    pub file_name: String,
    /// Milliseconds since the epoch, from the browser clock.
    pub imported_at_ms: f64,
    pub latest_activity: Option<LocalDateTime>,
    pub content_hash: u64,
    pub rows: usize,
    /// What the entry takes in localStorage (key and value, 2 bytes per UTF-16 code unit).
    pub bytes: usize,
}

impl SnapshotMeta {
    fn of(id: u32, snapshot: &CampaignSnapshot, imported_at_ms: f64, bytes: usize) -> Self {
        SnapshotMeta {
            id,
            campaign_id: snapshot.campaign.id,
            campaign_name: snapshot.campaign.name.clone(),
            kind: snapshot.campaign.kind,
            file_name: snapshot.file_name.clone(),
            imported_at_ms,
            latest_activity: snapshot.latest_activity(),
            content_hash: snapshot.content_hash,
            rows: snapshot.rows.len(),
            bytes,
        }
    }
}

/// A stored body of either format; `true` when it is of format 2, to be rewritten.
fn decode_body(text: &str) -> Result<(Entry, bool), CodecError> {
    if text.starts_with(legacy::v2::MAGIC) {
        legacy::v2::decode_text(text).map(|entry| (entry, true))
    } else {
        body::decode_text(text).map(|entry| (entry, false))
    }
}

fn decode_text(text: &str) -> Result<Entry, CodecError> {
    decode_body(text).map(|(entry, _)| entry)
}

/// A snapshot as the version 1 store kept it: serde's JSON of the model, which the model's
/// derives still read. `None` when the text is not one.
fn v1_snapshot(text: &str) -> Option<CampaignSnapshot> {
    serde_json::from_str(text).ok()
}

fn entry_bytes(key: &str, value: &str) -> usize {
    2 * (utf16_len(key) + utf16_len(value))
}

/// The index's JSON is what serde derived from this type since version 1; `version` is the
/// key layout's (`SCHEMA_VERSION`), each body telling its own format.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Index {
    version: u32,
    next_id: u32,
    snapshots: Vec<SnapshotMeta>,
}

impl Index {
    fn empty() -> Self {
        Index {
            version: SCHEMA_VERSION,
            next_id: 1,
            snapshots: Vec::new(),
        }
    }
}

pub enum SaveOutcome {
    Saved(SnapshotMeta),
    /// The same bytes were imported before; nothing was written.
    AlreadyStored(SnapshotMeta),
}

/// A stored entry that could not be read: kept aside, shown, deletable.
#[derive(Clone, Debug, PartialEq)]
pub struct DamagedEntry {
    pub key: String,
    pub bytes: usize,
    pub problem: StoreError,
}

/// Everything stored, and what could not be read (isolated, not fatal).
#[derive(Debug, Default)]
pub struct Loaded {
    pub snapshots: Vec<(SnapshotMeta, CampaignSnapshot)>,
    pub problems: Vec<StoreError>,
    pub damaged: Vec<DamagedEntry>,
}

/// How full localStorage is, in bytes (2 per UTF-16 code unit, as the quota counts them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub cohorte_bytes: usize,
    /// Other keys of the same origin (another app served from the same place, or file://).
    pub other_bytes: usize,
    /// Chromium's measured limit; other browsers are close to it.
    pub quota_bytes: usize,
}

impl Usage {
    pub fn left_bytes(&self) -> usize {
        self.quota_bytes
            .saturating_sub(self.cohorte_bytes + self.other_bytes)
    }
}

/// The store's logic over any [`Backend`].
pub struct Repository<B: Backend> {
    backend: B,
}

impl<B: Backend> Repository<B> {
    pub fn new(backend: B) -> Self {
        Repository { backend }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    fn read_index_at(&self, key: &str) -> Result<Option<Index>, StoreError> {
        self.backend.get_json(key)
    }

    fn read_index(&self) -> Result<Index, StoreError> {
        Ok(self.read_index_at(INDEX_KEY)?.unwrap_or_else(Index::empty))
    }

    /// Snapshots still in the version 1 layout (their migration has not happened yet).
    fn read_v1_index(&self) -> Index {
        self.read_index_at(V1_INDEX_KEY)
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    fn write_index_at(&self, key: &str, index: &Index) -> Result<(), StoreError> {
        self.backend.set_json(key, index)
    }

    fn write_index(&self, index: &Index) -> Result<(), StoreError> {
        self.write_index_at(INDEX_KEY, index)
    }

    /// An id that neither layout uses.
    fn fresh_id(&self, index: &Index) -> u32 {
        let v1 = self.read_v1_index();
        let highest = index
            .snapshots
            .iter()
            .chain(&v1.snapshots)
            .map(|meta| meta.id.saturating_add(1))
            .max()
            .unwrap_or(1);
        index.next_id.max(v1.next_id).max(highest).max(1)
    }

    /// Writes one snapshot, then the index naming it; on refusal, undoes its own writes.
    fn insert(
        &self,
        index: &mut Index,
        id: u32,
        snapshot: &CampaignSnapshot,
        imported_at_ms: f64,
    ) -> Result<SnapshotMeta, StoreError> {
        let text = encode_text(snapshot, imported_at_ms);
        let key = snapshot_key(id);
        let meta = SnapshotMeta::of(id, snapshot, imported_at_ms, entry_bytes(&key, &text));
        if let Err(error) = self.backend.set(&key, &text) {
            let _ = self.backend.remove(&key);
            return Err(error);
        }
        let mut next = index.clone();
        next.version = SCHEMA_VERSION;
        next.next_id = next.next_id.max(id.saturating_add(1));
        next.snapshots.push(meta.clone());
        if let Err(error) = self.write_index(&next) {
            let _ = self.backend.remove(&key);
            return Err(error);
        }
        *index = next;
        Ok(meta)
    }

    /// Reads every stored snapshot, migrating the version 1 layout; what does not decode is
    /// reported and set aside, never fatal, never deleted.
    pub fn load_all(&self) -> Loaded {
        let mut loaded = Loaded::default();
        let keys = match self.backend.keys() {
            Ok(keys) => keys,
            Err(problem) => {
                loaded.problems.push(problem);
                return loaded;
            }
        };
        let mut index = match self.read_index() {
            Ok(index) => index,
            Err(problem) => {
                // The index only lists what the entries say about themselves: rebuild it,
                // so one damaged key does not hide every import.
                loaded.problems.push(problem);
                let rebuilt = self.rebuild_index(&keys);
                if let Err(problem) = self.write_index(&rebuilt) {
                    loaded.problems.push(problem);
                }
                rebuilt
            }
        };

        let mut listed = Vec::with_capacity(index.snapshots.len());
        let mut dropped = false;
        let mut rewritten = false;
        for meta in &index.snapshots {
            let key = snapshot_key(meta.id);
            match self.backend.get(&key) {
                Ok(Some(text)) => match decode_body(&text) {
                    Ok((entry, old_format)) => {
                        let mut bytes = entry_bytes(&key, &text);
                        if old_format {
                            // Rewritten in place: localStorage replaces a value whole or not
                            // at all, so a refusal (storage full) leaves the format 2 body,
                            // which reads again at the next start.
                            let text = encode_text(&entry.snapshot, entry.imported_at_ms);
                            if self.backend.set(&key, &text).is_ok() {
                                bytes = entry_bytes(&key, &text);
                                rewritten = true;
                            }
                        }
                        let meta =
                            SnapshotMeta::of(meta.id, &entry.snapshot, entry.imported_at_ms, bytes);
                        listed.push(meta.clone());
                        loaded.snapshots.push((meta, entry.snapshot));
                    }
                    Err(_) => {
                        let problem = StoreError::Corrupted { key: key.clone() };
                        loaded.problems.push(problem.clone());
                        loaded.damaged.push(DamagedEntry {
                            bytes: entry_bytes(&key, &text),
                            key,
                            problem,
                        });
                        listed.push(meta.clone());
                    }
                },
                Ok(None) => {
                    loaded.problems.push(StoreError::Missing { key });
                    dropped = true;
                }
                Err(problem) => {
                    loaded.problems.push(problem);
                    listed.push(meta.clone());
                }
            }
        }
        // The sizes of rewritten bodies changed: the index says so (a refusal here costs
        // nothing, sizes being measured again at each load).
        if dropped || rewritten {
            let mut next = index.clone();
            next.snapshots = listed.clone();
            if self.write_index(&next).is_ok() {
                index = next;
            }
        }

        // An entry the index does not name was cut off before its index write (tab closed,
        // crash): it was never part of the store.
        let named: HashSet<u32> = index.snapshots.iter().map(|meta| meta.id).collect();
        for key in &keys {
            if snapshot_id(key).is_some_and(|id| !named.contains(&id)) {
                let _ = self.backend.remove(key);
            }
        }

        self.migrate_v1(&mut index, &mut loaded);
        loaded
    }

    fn rebuild_index(&self, keys: &[String]) -> Index {
        let mut index = Index::empty();
        for key in keys {
            let Some(id) = snapshot_id(key) else { continue };
            let Ok(Some(text)) = self.backend.get(key) else {
                continue;
            };
            if let Ok(entry) = decode_text(&text) {
                index.snapshots.push(SnapshotMeta::of(
                    id,
                    &entry.snapshot,
                    entry.imported_at_ms,
                    entry_bytes(key, &text),
                ));
                index.next_id = index.next_id.max(id.saturating_add(1));
            }
        }
        crate::domain::views::sort::sort_by_key(&mut index.snapshots, |meta| meta.id);
        index
    }

    /// Moves version 1 snapshots (JSON) to the compact layout, one at a time: the compact
    /// entry and the index are written before the old entry is removed, so an interruption
    /// at any point leaves every snapshot in one layout or the other, and the next start
    /// carries on. A snapshot that cannot be moved (storage full) is still shown, from v1.
    fn migrate_v1(&self, index: &mut Index, loaded: &mut Loaded) {
        let v1 = match self.read_index_at(V1_INDEX_KEY) {
            Ok(Some(v1)) => v1,
            Ok(None) => return,
            Err(problem) => {
                self.set_aside(V1_INDEX_KEY, problem, loaded);
                return;
            }
        };
        let mut remaining = Vec::new();
        for meta in &v1.snapshots {
            let old_key = v1_snapshot_key(meta.id);
            let json = match self.backend.get(&old_key) {
                Ok(Some(json)) => json,
                Ok(None) => {
                    loaded.problems.push(StoreError::Missing { key: old_key });
                    continue;
                }
                Err(problem) => {
                    loaded.problems.push(problem);
                    remaining.push(meta.clone());
                    continue;
                }
            };
            let snapshot = match v1_snapshot(&json) {
                Some(snapshot) => snapshot,
                None => {
                    let problem = StoreError::Corrupted {
                        key: old_key.clone(),
                    };
                    self.set_aside(&old_key, problem, loaded);
                    remaining.push(meta.clone());
                    continue;
                }
            };
            if index
                .snapshots
                .iter()
                .any(|stored| stored.content_hash == snapshot.content_hash)
            {
                // Moved already, by a start that was interrupted before this removal.
                let _ = self.backend.remove(&old_key);
                continue;
            }
            let taken = index.snapshots.iter().any(|stored| stored.id == meta.id);
            let id = if taken { self.fresh_id(index) } else { meta.id };
            match self.insert(index, id, &snapshot, meta.imported_at_ms) {
                Ok(new_meta) => {
                    let _ = self.backend.remove(&old_key);
                    loaded.snapshots.push((new_meta, snapshot));
                }
                Err(problem) => {
                    loaded.problems.push(problem);
                    let mut shown = meta.clone();
                    shown.bytes = entry_bytes(&old_key, &json);
                    loaded.snapshots.push((shown, snapshot));
                    remaining.push(meta.clone());
                }
            }
        }
        let _ = if remaining.is_empty() {
            self.backend.remove(V1_INDEX_KEY)
        } else if remaining.len() == v1.snapshots.len() {
            // Nothing moved: the old index stays as it was, byte for byte.
            Ok(())
        } else {
            self.write_index_at(
                V1_INDEX_KEY,
                &Index {
                    snapshots: remaining,
                    ..v1
                },
            )
        };
    }

    fn set_aside(&self, key: &str, problem: StoreError, loaded: &mut Loaded) {
        let bytes = self
            .backend
            .get(key)
            .ok()
            .flatten()
            .map_or(0, |value| entry_bytes(key, &value));
        loaded.problems.push(problem.clone());
        loaded.damaged.push(DamagedEntry {
            key: key.to_owned(),
            bytes,
            problem,
        });
    }

    fn find_stored(&self, index: &Index, content_hash: u64) -> Option<SnapshotMeta> {
        index
            .snapshots
            .iter()
            .chain(&self.read_v1_index().snapshots)
            .find(|meta| meta.content_hash == content_hash)
            .cloned()
    }

    /// Stores a new snapshot, unless the same content is already stored.
    pub fn save(
        &self,
        snapshot: &CampaignSnapshot,
        imported_at_ms: f64,
    ) -> Result<SaveOutcome, StoreError> {
        let mut index = self.read_index()?;
        if let Some(existing) = self.find_stored(&index, snapshot.content_hash) {
            return Ok(SaveOutcome::AlreadyStored(existing));
        }
        let id = self.fresh_id(&index);
        self.insert(&mut index, id, snapshot, imported_at_ms)
            .map(SaveOutcome::Saved)
    }

    /// Removes snapshots: the index first, so an interruption leaves unnamed entries (cleaned
    /// at the next start), never an index naming what is gone.
    pub fn delete(&self, ids: &[u32]) -> Result<(), StoreError> {
        let mut index = self.read_index()?;
        let before = index.snapshots.len();
        index.snapshots.retain(|meta| !ids.contains(&meta.id));
        if index.snapshots.len() != before {
            self.write_index(&index)?;
        }
        for &id in ids {
            self.backend.remove(&snapshot_key(id))?;
        }
        if let Ok(Some(mut v1)) = self.read_index_at(V1_INDEX_KEY) {
            let before = v1.snapshots.len();
            v1.snapshots.retain(|meta| !ids.contains(&meta.id));
            if v1.snapshots.len() != before {
                self.write_index_at(V1_INDEX_KEY, &v1)?;
                for &id in ids {
                    self.backend.remove(&v1_snapshot_key(id))?;
                }
            }
        }
        Ok(())
    }

    /// Removes every snapshot of one campaign; returns how many.
    pub fn delete_campaign(&self, campaign_id: u64) -> Result<usize, StoreError> {
        let ids: Vec<u32> = self
            .read_index()?
            .snapshots
            .iter()
            .chain(&self.read_v1_index().snapshots)
            .filter(|meta| meta.campaign_id == campaign_id)
            .map(|meta| meta.id)
            .collect();
        self.delete(&ids)?;
        Ok(ids.len())
    }

    /// Removes an entry set aside as unreadable (and its line in the index, if any).
    pub fn remove_damaged(&self, key: &str) -> Result<(), StoreError> {
        if [
            INDEX_KEY,
            V1_INDEX_KEY,
            ROSTER_KEY,
            ROSTER_CHOICES_KEY,
            RESULTS_KEY,
            SESSIONS_KEY,
        ]
        .contains(&key)
        {
            return self.backend.remove(key);
        }
        if let Some(id) = snapshot_id(key).or_else(|| {
            key.strip_prefix(V1_SNAPSHOT_PREFIX)
                .and_then(|id| id.parse().ok())
        }) {
            return self.delete(&[id]);
        }
        Ok(())
    }

    /// Every key this app wrote, in any version.
    fn app_keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self
            .backend
            .keys()?
            .into_iter()
            .filter(|key| key.starts_with(APP_PREFIX))
            .collect())
    }

    /// Erases everything Cohorte stored in this browser (for shared computers).
    pub fn erase_all(&self) -> Result<(), StoreError> {
        for key in [INDEX_KEY, V1_INDEX_KEY] {
            self.backend.remove(key)?;
        }
        for key in self.app_keys()? {
            self.backend.remove(&key)?;
        }
        Ok(())
    }

    pub fn usage(&self) -> Result<Usage, StoreError> {
        let mut usage = Usage {
            cohorte_bytes: 0,
            other_bytes: 0,
            quota_bytes: 2 * CHROMIUM_QUOTA_UNITS,
        };
        for key in self.backend.keys()? {
            let bytes = self
                .backend
                .get(&key)?
                .map_or(0, |value| entry_bytes(&key, &value));
            if key.starts_with(APP_PREFIX) {
                usage.cohorte_bytes += bytes;
            } else {
                usage.other_bytes += bytes;
            }
        }
        Ok(usage)
    }

    /// Every readable snapshot with its import time, in id order.
    fn entries(&self) -> Result<Vec<Entry>, StoreError> {
        let mut entries: BTreeMap<u32, Entry> = BTreeMap::new();
        for meta in self.read_index()?.snapshots {
            if let Some(Ok(entry)) = self
                .backend
                .get(&snapshot_key(meta.id))?
                .map(|text| decode_text(&text))
            {
                entries.insert(meta.id, entry);
            }
        }
        for meta in self.read_v1_index().snapshots {
            if let Some(Some(snapshot)) = self
                .backend
                .get(&v1_snapshot_key(meta.id))?
                .map(|json| v1_snapshot(&json))
            {
                entries.entry(meta.id).or_insert(Entry {
                    imported_at_ms: meta.imported_at_ms,
                    snapshot,
                });
            }
        }
        Ok(entries.into_values().collect())
    }

    /// The backup file of everything stored (JSON text).
    pub fn backup(&self, created_at_ms: f64) -> Result<String, StoreError> {
        let (roster, roster_choices) = self.roster_for_backup()?;
        let results = self.results_for_backup()?;
        let plans = self.plans_for_backup()?;
        Ok(backup::write(
            &self.entries()?,
            roster.as_ref(),
            roster_choices.as_ref(),
            results.as_ref(),
            &plans,
            created_at_ms,
        ))
    }

    /// Restores a backup file. It is checked entirely before anything is touched; a refused
    /// write undoes everything, so storage is either the result or exactly what it was.
    pub fn restore(&self, text: &str, mode: RestoreMode) -> Result<RestoreReport, StoreError> {
        self.restore_checked(read_backup(text)?, mode)
    }

    /// Restores a backup already read with [`read_backup`]: the interface reads it first, so
    /// that a wrong file is refused before anyone is asked to confirm a replacement.
    pub fn restore_checked(
        &self,
        backup: CheckedBackup,
        mode: RestoreMode,
    ) -> Result<RestoreReport, StoreError> {
        match mode {
            RestoreMode::Merge => self.merge(backup),
            RestoreMode::Replace => self.replace(backup),
        }
    }

    fn merge(&self, backup: CheckedBackup) -> Result<RestoreReport, StoreError> {
        let entries = backup.entries;
        let mut report = RestoreReport::default();
        let mut written = Vec::new();
        let mut next = self.read_index()?;
        for entry in &entries {
            if self
                .find_stored(&next, entry.snapshot.content_hash)
                .is_some()
            {
                report.already_present += 1;
                continue;
            }
            let id = self.fresh_id(&next);
            let text = encode_text(&entry.snapshot, entry.imported_at_ms);
            let key = snapshot_key(id);
            let meta = SnapshotMeta::of(
                id,
                &entry.snapshot,
                entry.imported_at_ms,
                entry_bytes(&key, &text),
            );
            written.push(key.clone());
            if let Err(error) = self.backend.set(&key, &text) {
                self.remove_all(&written);
                return Err(error);
            }
            next.next_id = id.saturating_add(1);
            next.snapshots.push(meta);
            report.added += 1;
        }
        // The roster part before the index, so that a refusal of either undoes both.
        let (roster_restored, roster_undo) =
            match self.merge_roster_part(backup.roster.as_ref(), backup.roster_choices.as_ref()) {
                Ok(merged) => merged,
                Err(error) => {
                    self.remove_all(&written);
                    return Err(error);
                }
            };
        report.roster_restored = roster_restored;
        let (result_classes, results_undo) = match self.merge_results_part(backup.results.as_ref())
        {
            Ok(merged) => merged,
            Err(error) => {
                self.undo_roster(&roster_undo);
                self.remove_all(&written);
                return Err(error);
            }
        };
        report.result_classes = result_classes;
        let (plans_added, plans_undo) = match self.merge_plans_part(&backup.plans) {
            Ok(merged) => merged,
            Err(error) => {
                self.undo_results(&results_undo);
                self.undo_roster(&roster_undo);
                self.remove_all(&written);
                return Err(error);
            }
        };
        report.plans_restored = plans_added;
        if report.added > 0 {
            next.version = SCHEMA_VERSION;
            if let Err(error) = self.write_index(&next) {
                self.undo_plans(&plans_undo);
                self.undo_results(&results_undo);
                self.undo_roster(&roster_undo);
                self.remove_all(&written);
                return Err(error);
            }
        }
        Ok(report)
    }

    fn replace(&self, backup: CheckedBackup) -> Result<RestoreReport, StoreError> {
        let entries = backup.entries;
        // Kept in memory, byte for byte, to put back if the new content does not fit.
        let mut previous = Vec::new();
        for key in self.app_keys()? {
            if let Some(value) = self.backend.get(&key)? {
                previous.push((key, value));
            }
        }
        let removed = self.read_index()?.snapshots.len() + self.read_v1_index().snapshots.len();
        let put_back = |this: &Self, written: &[String]| {
            this.remove_all(written);
            for (key, _) in &previous {
                let _ = this.backend.remove(key);
            }
            for (key, value) in &previous {
                let _ = this.backend.set(key, value);
            }
        };
        for (key, _) in &previous {
            if let Err(error) = self.backend.remove(key) {
                put_back(self, &[]);
                return Err(error);
            }
        }
        let mut index = Index::empty();
        let mut written = Vec::new();
        let mut seen = HashSet::new();
        let mut report = RestoreReport {
            removed,
            ..RestoreReport::default()
        };
        for entry in &entries {
            if !seen.insert(entry.snapshot.content_hash) {
                report.already_present += 1;
                continue;
            }
            let id = index.next_id;
            let text = encode_text(&entry.snapshot, entry.imported_at_ms);
            let key = snapshot_key(id);
            index.snapshots.push(SnapshotMeta::of(
                id,
                &entry.snapshot,
                entry.imported_at_ms,
                entry_bytes(&key, &text),
            ));
            index.next_id = id + 1;
            written.push(key.clone());
            if let Err(error) = self.backend.set(&key, &text) {
                put_back(self, &written);
                return Err(error);
            }
            report.added += 1;
        }
        match self.write_roster_part(backup.roster.as_ref(), backup.roster_choices.as_ref()) {
            Ok(restored) => report.roster_restored = restored,
            Err(error) => {
                put_back(self, &written);
                return Err(error);
            }
        }
        written.extend([ROSTER_KEY.to_owned(), ROSTER_CHOICES_KEY.to_owned()]);
        match self.write_results_part(backup.results.as_ref()) {
            Ok(classes) => report.result_classes = classes,
            Err(error) => {
                put_back(self, &written);
                return Err(error);
            }
        }
        written.extend([
            RESULTS_KEY.to_owned(),
            SESSIONS_KEY.to_owned(),
            INDEX_KEY.to_owned(),
        ]);
        if let Err(error) = self.write_plans_part(&backup.plans) {
            put_back(self, &written);
            return Err(error);
        }
        report.plans_restored = backup.plans.len();
        if let Err(error) = self.write_index(&index) {
            put_back(self, &written);
            return Err(error);
        }
        Ok(report)
    }

    fn remove_all(&self, keys: &[String]) {
        for key in keys {
            let _ = self.backend.remove(key);
        }
    }
}

/// Reads and checks a backup file without touching storage.
pub fn read_backup(text: &str) -> Result<CheckedBackup, StoreError> {
    backup::read_checked(text).map_err(StoreError::InvalidBackup)
}

#[cfg(test)]
mod tests;
