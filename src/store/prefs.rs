//! Small user choices that are not data: which campaigns are archived. Kept under their own
//! key so that they never touch the snapshots, and so that losing them loses nothing else.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

#[cfg(target_arch = "wasm32")]
use super::{Backend, StoreError, WebBackend};

#[cfg(target_arch = "wasm32")]
const PREFS_KEY: &str = "cohorte.v1.prefs";

#[derive(Clone, Debug, PartialEq)]
pub enum PrefsError {
    /// The stored preferences do not decode; they are ignored (defaults apply).
    Corrupted,
    /// The browser refused the write (storage full or disabled).
    WriteRefused(String),
}

impl fmt::Display for PrefsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrefsError::Corrupted => write!(
                f,
                "Les préférences enregistrées (campagnes archivées) sont illisibles : elles ont été ignorées."
            ),
            PrefsError::WriteRefused(detail) => write!(
                f,
                "Le navigateur a refusé d’enregistrer l’archivage de la campagne : {detail}"
            ),
        }
    }
}

impl std::error::Error for PrefsError {}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prefs {
    pub archived: Vec<u64>,
}

/// Version of the preferences' JSON. The first one (no version field) reads the same.
pub const PREFS_VERSION: u32 = 2;

/// The stored form: every field optional, so that the first version (`{"archived":[…]}`)
/// and a version that adds a choice both read.
#[derive(Serialize, Deserialize)]
struct PrefsFile {
    #[serde(default)]
    version: u32,
    #[serde(default)]
    archived: Vec<u64>,
}

impl Prefs {
    /// `None` when the text is not preferences. Without `archived`, nothing is archived.
    pub fn from_json(text: &str) -> Option<Prefs> {
        match serde_json::from_str::<serde_json::Value>(text).ok()? {
            // Only an object: serde would also read a struct from an array of its fields.
            serde_json::Value::Object(fields) => {
                let file: PrefsFile = serde_json::from_value(fields.into()).ok()?;
                Some(file.into())
            }
            _ => None,
        }
    }

    pub fn to_json(&self) -> String {
        // A struct of numbers to a String: serde_json cannot fail here.
        serde_json::to_string(&PrefsFile::from(self)).unwrap_or_default()
    }

    pub fn archived_set(&self) -> HashSet<u64> {
        self.archived.iter().copied().collect()
    }
}

impl From<PrefsFile> for Prefs {
    fn from(file: PrefsFile) -> Self {
        Prefs {
            archived: file.archived,
        }
    }
}

impl From<&Prefs> for PrefsFile {
    fn from(prefs: &Prefs) -> Self {
        PrefsFile {
            version: PREFS_VERSION,
            archived: prefs.archived.clone(),
        }
    }
}

/// Through the store's backend: the same typed errors, and no panic where localStorage is
/// disabled.
#[cfg(target_arch = "wasm32")]
impl Prefs {
    pub fn load() -> Result<Prefs, PrefsError> {
        match WebBackend::open().and_then(|storage| storage.get_json::<PrefsFile>(PREFS_KEY)) {
            Ok(prefs) => Ok(prefs.map(Prefs::from).unwrap_or_default()),
            Err(StoreError::Corrupted { .. }) => Err(PrefsError::Corrupted),
            Err(other) => Err(refused(other)),
        }
    }

    /// Archives or unarchives one campaign and writes the result.
    pub fn set_archived(id: u64, archived: bool) -> Result<Prefs, PrefsError> {
        let mut prefs = Prefs::load().unwrap_or_default();
        prefs.archived.retain(|&other| other != id);
        if archived {
            prefs.archived.push(id);
        }
        crate::domain::views::sort::sort_by(&mut prefs.archived, u64::cmp);
        WebBackend::open()
            .and_then(|storage| storage.set_json(PREFS_KEY, &PrefsFile::from(&prefs)))
            .map_err(refused)?;
        Ok(prefs)
    }
}

#[cfg(target_arch = "wasm32")]
fn refused(error: StoreError) -> PrefsError {
    PrefsError::WriteRefused(match error {
        StoreError::Browser(detail) => detail,
        other => other.to_string(),
    })
}
