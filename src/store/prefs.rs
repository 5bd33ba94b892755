//! Small user choices that are not data: which campaigns are archived. Kept under their own
//! key so that they never touch the snapshots, and so that losing them loses nothing else.

use std::collections::HashSet;
use std::fmt;

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

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

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Prefs {
    #[serde(default)]
    pub archived: Vec<u64>,
}

impl Prefs {
    pub fn load() -> Result<Prefs, PrefsError> {
        match LocalStorage::get::<Prefs>(PREFS_KEY) {
            Ok(prefs) => Ok(prefs),
            Err(StorageError::KeyNotFound(_)) => Ok(Prefs::default()),
            Err(StorageError::SerdeError(_)) => Err(PrefsError::Corrupted),
            Err(StorageError::JsError(js)) => Err(PrefsError::WriteRefused(js.message)),
        }
    }

    pub fn archived_set(&self) -> HashSet<u64> {
        self.archived.iter().copied().collect()
    }

    /// Archives or unarchives one campaign and writes the result.
    pub fn set_archived(id: u64, archived: bool) -> Result<Prefs, PrefsError> {
        let mut prefs = Prefs::load().unwrap_or_default();
        prefs.archived.retain(|&other| other != id);
        if archived {
            prefs.archived.push(id);
        }
        crate::domain::sort::sort_by(&mut prefs.archived, u64::cmp);
        LocalStorage::set(PREFS_KEY, &prefs).map_err(|error| match error {
            StorageError::JsError(js) => {
                PrefsError::WriteRefused(format!("{}: {}", js.name, js.message))
            }
            other => PrefsError::WriteRefused(other.to_string()),
        })?;
        Ok(prefs)
    }
}
