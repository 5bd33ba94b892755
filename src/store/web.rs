//! The store on the browser's localStorage.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use super::{Backend, Loaded, Repository, SaveOutcome, StoreError};
use crate::domain::snapshot::CampaignSnapshot;

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

fn js_error(error: JsValue) -> StoreError {
    match gloo_utils::errors::JsError::try_from(error) {
        // Chromium and Safari say QuotaExceededError; Firefox has its own name.
        Ok(js) if js.name == "QuotaExceededError" || js.name == "NS_ERROR_DOM_QUOTA_REACHED" => {
            StoreError::QuotaExceeded
        }
        Ok(js) if js.name == "SecurityError" => StoreError::Unavailable,
        Ok(js) => StoreError::Browser(format!("{}: {}", js.name, js.message)),
        Err(other) => StoreError::Browser(other.to_string()),
    }
}

impl Backend for WebBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(js_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(js_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        LocalStorage::delete(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let count = LocalStorage::length();
        let mut keys = Vec::with_capacity(count as usize);
        for index in 0..count {
            if let Some(key) = self.0.key(index).map_err(js_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
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
