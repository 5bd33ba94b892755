//! Small user choices that are not data: which campaigns are archived. Kept under their own
//! key so that they never touch the snapshots, and so that losing them loses nothing else.

use std::collections::HashSet;
use std::fmt;

use super::json::{self, Value, Writer};
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

impl Prefs {
    /// `None` when the text is not preferences. Without `archived`, nothing is archived.
    pub fn from_json(text: &str) -> Option<Prefs> {
        let value = json::parse(text).ok()?;
        if !matches!(value, Value::Object(_)) {
            return None;
        }
        let archived = match value.get("archived") {
            None => Vec::new(),
            Some(ids) => ids
                .as_array()?
                .iter()
                .map(Value::as_u64)
                .collect::<Option<_>>()?,
        };
        Some(Prefs { archived })
    }

    pub fn to_json(&self) -> String {
        let mut out = Writer::new();
        out.begin_object();
        out.key("archived");
        out.begin_array();
        for &id in &self.archived {
            out.uint(id);
        }
        out.end_array();
        out.end_object();
        out.finish()
    }

    pub fn archived_set(&self) -> HashSet<u64> {
        self.archived.iter().copied().collect()
    }
}

/// Through the store's backend: the same typed errors, and no panic where localStorage is
/// disabled.
#[cfg(target_arch = "wasm32")]
impl Prefs {
    pub fn load() -> Result<Prefs, PrefsError> {
        match WebBackend::open()
            .and_then(|storage| storage.get(PREFS_KEY))
            .map_err(refused)?
        {
            None => Ok(Prefs::default()),
            Some(text) => Prefs::from_json(&text).ok_or(PrefsError::Corrupted),
        }
    }

    /// Archives or unarchives one campaign and writes the result.
    pub fn set_archived(id: u64, archived: bool) -> Result<Prefs, PrefsError> {
        let mut prefs = Prefs::load().unwrap_or_default();
        prefs.archived.retain(|&other| other != id);
        if archived {
            prefs.archived.push(id);
        }
        crate::domain::sort::sort_by(&mut prefs.archived, u64::cmp);
        WebBackend::open()
            .and_then(|storage| storage.set(PREFS_KEY, &prefs.to_json()))
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
