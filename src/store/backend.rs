//! Where the store writes: localStorage in the browser, a map with a quota in native tests.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::body::{utf16_len, CodecError};
use super::StoreError;

/// The few localStorage operations the store needs. Errors are already typed.
pub trait Backend {
    /// The text stored under `key`, as it is (snapshot bodies, sizes, byte-for-byte copies).
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value`; when refused, what was under `key` is unchanged.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;

    /// A value stored as JSON (index, preferences); text that does not read as `T` is
    /// [`StoreError::Corrupted`].
    fn get_json<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StoreError> {
        match self.get(key)? {
            None => Ok(None),
            Some(text) => {
                serde_json::from_str(&text)
                    .map(Some)
                    .map_err(|_| StoreError::Corrupted {
                        key: key.to_owned(),
                    })
            }
        }
    }

    /// Stores `value` as JSON; when refused, what was under `key` is unchanged.
    fn set_json<T: Serialize + ?Sized>(&self, key: &str, value: &T) -> Result<(), StoreError> {
        let text = serde_json::to_string(value)
            .map_err(|error| StoreError::Codec(CodecError::Malformed(error.to_string())))?;
        self.set(key, &text)
    }
}

/// localStorage's behaviour without a browser: the quota counts UTF-16 code units of keys
/// and values, as Chromium does (5 Mi units), and a refused write changes nothing.
#[derive(Debug)]
pub struct MemoryBackend {
    items: RefCell<BTreeMap<String, String>>,
    quota_units: usize,
}

/// Chromium's localStorage limit per origin, in UTF-16 code units (keys included), measured.
pub const CHROMIUM_QUOTA_UNITS: usize = 5 * 1024 * 1024;

impl Default for MemoryBackend {
    fn default() -> Self {
        MemoryBackend::with_quota(CHROMIUM_QUOTA_UNITS)
    }
}

impl MemoryBackend {
    pub fn with_quota(quota_units: usize) -> Self {
        MemoryBackend {
            items: RefCell::new(BTreeMap::new()),
            quota_units,
        }
    }

    pub fn used_units(&self) -> usize {
        self.items
            .borrow()
            .iter()
            .map(|(k, v)| utf16_len(k) + utf16_len(v))
            .sum()
    }

    /// Everything stored, to compare states in tests.
    pub fn dump(&self) -> BTreeMap<String, String> {
        self.items.borrow().clone()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let old = self
            .items
            .borrow()
            .get(key)
            .map_or(0, |v| utf16_len(key) + utf16_len(v));
        if self.used_units() - old + utf16_len(key) + utf16_len(value) > self.quota_units {
            return Err(StoreError::QuotaExceeded);
        }
        self.items
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
}
