//! The store on the browser's localStorage, through gloo-storage.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{Backend, CodecError, Loaded, Repository, RosterMeta, SaveOutcome, StoreError};
use crate::domain::model::snapshot::CampaignSnapshot;
use crate::domain::roster::{Roster, RosterFile, RosterSalt};

pub struct WebBackend(web_sys::Storage);

impl WebBackend {
    pub fn open() -> Result<Self, StoreError> {
        // gloo's accessor throws when storage is disabled (private browsing, blocked site
        // data): ask the window first so that case becomes a typed error, not a crash.
        web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .ok_or(StoreError::Unavailable)?;
        Ok(WebBackend(LocalStorage::raw()))
    }
}

fn js_error(error: gloo_utils::errors::JsError) -> StoreError {
    match error.name.as_str() {
        // Chromium and Safari say QuotaExceededError; Firefox has its own name.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "SecurityError" => StoreError::Unavailable,
        _ => StoreError::Browser(format!("{}: {}", error.name, error.message)),
    }
}

fn js_value_error(error: wasm_bindgen::JsValue) -> StoreError {
    match gloo_utils::errors::JsError::try_from(error) {
        Ok(js) => js_error(js),
        Err(other) => StoreError::Browser(other.to_string()),
    }
}

fn storage_error(key: &str, error: StorageError) -> StoreError {
    match error {
        StorageError::JsError(js) => js_error(js),
        // Reading: the stored text is not the JSON of the type asked for.
        StorageError::SerdeError(_) => StoreError::Corrupted {
            key: key.to_owned(),
        },
        StorageError::KeyNotFound(key) => StoreError::Missing { key },
    }
}

impl Backend for WebBackend {
    // Snapshot bodies are already text (body.rs): they go through the raw Storage, as gloo's
    // typed `set` would quote them as a JSON string.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(js_value_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(js_value_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        LocalStorage::delete(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let count = LocalStorage::length();
        let mut keys = Vec::with_capacity(count as usize);
        for index in 0..count {
            if let Some(key) = self.0.key(index).map_err(js_value_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    fn get_json<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StoreError> {
        match LocalStorage::get(key) {
            Ok(value) => Ok(Some(value)),
            Err(StorageError::KeyNotFound(_)) => Ok(None),
            Err(error) => Err(storage_error(key, error)),
        }
    }

    fn set_json<T: Serialize + ?Sized>(&self, key: &str, value: &T) -> Result<(), StoreError> {
        LocalStorage::set(key, value).map_err(|error| match error {
            StorageError::SerdeError(error) => {
                StoreError::Codec(CodecError::Malformed(error.to_string()))
            }
            other => storage_error(key, other),
        })
    }
}

/// The store of this browser.
pub struct Store;

impl Store {
    pub fn open() -> Result<Repository<WebBackend>, StoreError> {
        WebBackend::open().map(Repository::new)
    }

    /// Reads every stored snapshot; entries that do not decode are reported, not fatal.
    pub fn load_all() -> Loaded {
        match Self::open() {
            Ok(store) => store.load_all(),
            Err(problem) => Loaded {
                problems: vec![problem],
                ..Loaded::default()
            },
        }
    }

    /// Stores a new snapshot, unless the same content is already stored.
    pub fn save(
        snapshot: &CampaignSnapshot,
        imported_at_ms: f64,
    ) -> Result<SaveOutcome, StoreError> {
        Self::open()?.save(snapshot, imported_at_ms)
    }
}

/// 16 random bytes for a new salt, from `crypto.getRandomValues` (there on `file://` too: it
/// needs no secure context). Through `js_sys::Reflect` rather than web-sys's `Crypto`
/// binding, which would need one more web-sys feature for a single call; `Math.random` only
/// where the page has no `crypto` at all, the salt being pseudonymisation, not a secret.
pub fn random_salt() -> RosterSalt {
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

impl Store {
    /// The salt of the students' keys, created (from the browser's random source) and stored
    /// the first time.
    pub fn roster_salt() -> Result<RosterSalt, StoreError> {
        Self::open()?.roster_salt(random_salt)
    }

    /// Keys the roster file with the stored salt and stores it in place of the current one;
    /// a refusal leaves the previous roster as it was.
    pub fn save_roster(
        file: RosterFile,
        imported_at_ms: f64,
    ) -> Result<(RosterMeta, Roster), StoreError> {
        Self::open()?.save_roster(file, imported_at_ms, random_salt)
    }
}
