//! The only code that touches localStorage.
//!
//! Layout (version 1): `cohorte.v1.index` lists the stored snapshots (their metadata);
//! `cohorte.v1.snapshot.<id>` holds one snapshot. A snapshot is written before the index
//! that names it, so a failed write never leaves the index pointing at nothing, and what was
//! stored before stays exactly as it was.

pub mod prefs;

use std::fmt;

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::domain::snapshot::{CampaignKind, CampaignSnapshot, LocalDateTime};

pub const SCHEMA_VERSION: u32 = 1;
const INDEX_KEY: &str = "cohorte.v1.index";
const SNAPSHOT_PREFIX: &str = "cohorte.v1.snapshot.";

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// localStorage is missing or refused (private browsing, disabled site data).
    Unavailable,
    /// The browser's quota refused the write; nothing was changed.
    QuotaExceeded,
    /// A stored entry does not decode (hand-edited, truncated, written by another app).
    Corrupted { key: String },
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
                "L’espace de stockage du navigateur est plein : cet import n’a pas été enregistré, et rien de ce \
                 qui était déjà conservé n’a été modifié. Supprimez d’anciens imports pour faire de la place."
            ),
            StoreError::Corrupted { key } => write!(
                f,
                "Une donnée enregistrée est illisible (« {key} ») : elle a été mise de côté, le reste est disponible."
            ),
            StoreError::Browser(detail) => write!(f, "Le navigateur a refusé l’enregistrement : {detail}"),
        }
    }
}

impl std::error::Error for StoreError {}

fn from_storage_error(error: StorageError, key: &str) -> StoreError {
    match error {
        StorageError::SerdeError(_) => StoreError::Corrupted {
            key: key.to_owned(),
        },
        StorageError::KeyNotFound(_) => StoreError::Corrupted {
            key: key.to_owned(),
        },
        StorageError::JsError(js) => from_js_error(&js),
    }
}

fn from_js_error(js: &gloo_utils::errors::JsError) -> StoreError {
    // Chromium and Safari say QuotaExceededError; Firefox has its own name.
    if js.name == "QuotaExceededError" || js.name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StoreError::QuotaExceeded
    } else {
        StoreError::Browser(format!("{}: {}", js.name, js.message))
    }
}

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
    pub bytes: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Index {
    version: u32,
    next_id: u32,
    snapshots: Vec<SnapshotMeta>,
}

pub enum SaveOutcome {
    Saved(SnapshotMeta),
    /// The same bytes were imported before; nothing was written.
    AlreadyStored(SnapshotMeta),
}

/// Everything stored, and what could not be read (isolated, not fatal).
pub struct Loaded {
    pub snapshots: Vec<(SnapshotMeta, CampaignSnapshot)>,
    pub problems: Vec<StoreError>,
}

pub struct Store;

impl Store {
    fn storage() -> Result<web_sys::Storage, StoreError> {
        web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .ok_or(StoreError::Unavailable)
    }

    fn read_index() -> Result<Index, StoreError> {
        Self::storage()?;
        match LocalStorage::get::<Index>(INDEX_KEY) {
            Ok(index) => Ok(index),
            Err(StorageError::KeyNotFound(_)) => Ok(Index {
                version: SCHEMA_VERSION,
                next_id: 1,
                ..Index::default()
            }),
            Err(error) => Err(from_storage_error(error, INDEX_KEY)),
        }
    }

    fn snapshot_key(id: u32) -> String {
        format!("{SNAPSHOT_PREFIX}{id}")
    }

    /// Reads every stored snapshot; entries that do not decode are reported, not fatal.
    pub fn load_all() -> Loaded {
        let mut loaded = Loaded {
            snapshots: Vec::new(),
            problems: Vec::new(),
        };
        let index = match Self::read_index() {
            Ok(index) => index,
            Err(problem) => {
                loaded.problems.push(problem);
                return loaded;
            }
        };
        for meta in index.snapshots {
            let key = Self::snapshot_key(meta.id);
            match LocalStorage::get::<CampaignSnapshot>(&key) {
                Ok(snapshot) => loaded.snapshots.push((meta, snapshot)),
                Err(error) => loaded.problems.push(from_storage_error(error, &key)),
            }
        }
        loaded
    }

    /// Stores a new snapshot, unless the same content is already stored.
    pub fn save(
        snapshot: &CampaignSnapshot,
        imported_at_ms: f64,
    ) -> Result<SaveOutcome, StoreError> {
        let mut index = Self::read_index()?;
        if let Some(existing) = index
            .snapshots
            .iter()
            .find(|meta| meta.content_hash == snapshot.content_hash)
        {
            return Ok(SaveOutcome::AlreadyStored(existing.clone()));
        }
        let encoded = serde_json::to_string(snapshot)
            .map_err(|error| StoreError::Browser(error.to_string()))?;
        let meta = SnapshotMeta {
            id: index.next_id.max(1),
            campaign_id: snapshot.campaign.id,
            campaign_name: snapshot.campaign.name.clone(),
            kind: snapshot.campaign.kind,
            file_name: snapshot.file_name.clone(),
            imported_at_ms,
            latest_activity: snapshot.latest_activity(),
            content_hash: snapshot.content_hash,
            rows: snapshot.rows.len(),
            bytes: encoded.len(),
        };
        let storage = Self::storage()?;
        let key = Self::snapshot_key(meta.id);
        storage.set_item(&key, &encoded).map_err(|error| {
            // A half-written entry must not survive a refused write.
            let _ = storage.remove_item(&key);
            Self::js_error(error)
        })?;
        index.version = SCHEMA_VERSION;
        index.next_id = meta.id + 1;
        index.snapshots.push(meta.clone());
        if let Err(error) = LocalStorage::set(INDEX_KEY, &index) {
            let _ = storage.remove_item(&key);
            return Err(from_storage_error(error, INDEX_KEY));
        }
        Ok(SaveOutcome::Saved(meta))
    }

    fn js_error(error: wasm_bindgen::JsValue) -> StoreError {
        match gloo_utils::errors::JsError::try_from(error) {
            Ok(js) => from_js_error(&js),
            Err(other) => StoreError::Browser(other.to_string()),
        }
    }
}
