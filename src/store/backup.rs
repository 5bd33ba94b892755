//! The backup file: JSON, versioned, readable enough to recognise (campaign and file names in
//! clear), with each snapshot in the compact form as base64. Reading checks every snapshot
//! before returning anything, so a wrong or damaged file is refused before storage is touched.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::codec::{decode, encode, from_base64, to_base64, CodecError, Entry};
use super::keys::SCHEMA_VERSION;

pub const FORMAT_NAME: &str = "cohorte-sauvegarde";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreMode {
    /// Adds the backup's snapshots to what is stored; those already there are skipped.
    Merge,
    /// Stored snapshots are replaced by the backup's.
    Replace,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    pub added: usize,
    pub already_present: usize,
    /// Snapshots that were stored before a replace.
    pub removed: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Not JSON at all (another kind of file).
    NotJson,
    /// JSON that stops in the middle: the file was cut.
    Truncated,
    /// JSON, but not a Cohorte backup.
    NotABackup,
    /// Made by a newer Cohorte.
    TooNew { version: u32 },
    /// One snapshot in the file does not decode.
    Damaged {
        file_name: String,
        problem: CodecError,
    },
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nothing = "Rien n’a été modifié.";
        match self {
            BackupError::NotJson => write!(
                f,
                "Ce fichier n’est pas une sauvegarde Cohorte (ce n’est pas un fichier JSON). {nothing}"
            ),
            BackupError::Truncated => write!(
                f,
                "Cette sauvegarde est incomplète (fichier coupé pendant une copie ou un téléchargement). {nothing}"
            ),
            BackupError::NotABackup => write!(
                f,
                "Ce fichier JSON n’est pas une sauvegarde Cohorte. {nothing}"
            ),
            BackupError::TooNew { version } => write!(
                f,
                "Cette sauvegarde vient d’une version plus récente de Cohorte (format {version}) : \
                 utilisez la dernière version de Cohorte pour la restaurer. {nothing}"
            ),
            BackupError::Damaged { file_name, problem } => write!(
                f,
                "Cette sauvegarde est abîmée : l’import « {file_name} » est illisible ({problem}). {nothing}"
            ),
        }
    }
}

impl std::error::Error for BackupError {}

/// Any JSON object: the fields a backup must have, if they are there.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u64>,
}

#[derive(Serialize, Deserialize)]
struct BackupFile {
    format: String,
    version: u32,
    created_at_ms: f64,
    snapshots: Vec<BackupSnapshot>,
}

#[derive(Serialize, Deserialize)]
struct BackupSnapshot {
    campaign_id: u64,
    campaign_name: String,
    file_name: String,
    imported_at_ms: f64,
    rows: usize,
    /// The compact form (`codec::encode`), base64.
    data: String,
}

pub(crate) fn write(entries: &[Entry], created_at_ms: f64) -> String {
    let file = BackupFile {
        format: FORMAT_NAME.to_owned(),
        version: SCHEMA_VERSION,
        created_at_ms,
        snapshots: entries
            .iter()
            .map(|entry| BackupSnapshot {
                campaign_id: entry.snapshot.campaign.id,
                campaign_name: entry.snapshot.campaign.name.clone(),
                file_name: entry.snapshot.file_name.clone(),
                imported_at_ms: entry.imported_at_ms,
                rows: entry.snapshot.rows.len(),
                data: to_base64(&encode(&entry.snapshot, entry.imported_at_ms)),
            })
            .collect(),
    };
    // Serialising plain strings and numbers cannot fail.
    serde_json::to_string(&file).unwrap_or_default()
}

/// Every snapshot of a backup file, or why the file is refused.
pub fn read(text: &str) -> Result<Vec<Entry>, BackupError> {
    // Read in two passes, without `serde_json::Value` (it would weigh on the wasm): the
    // header says whether this is a backup at all, and of which version.
    let header: Header = serde_json::from_str(text).map_err(|error| {
        if error.is_eof() {
            BackupError::Truncated
        } else if error.is_syntax() {
            BackupError::NotJson
        } else {
            BackupError::NotABackup
        }
    })?;
    if header.format.as_deref() != Some(FORMAT_NAME) {
        return Err(BackupError::NotABackup);
    }
    match header.version {
        Some(version) if version > u64::from(SCHEMA_VERSION) => {
            return Err(BackupError::TooNew {
                version: u32::try_from(version).unwrap_or(u32::MAX),
            })
        }
        // Version 2 is the first with backups.
        Some(version) if version == u64::from(SCHEMA_VERSION) => {}
        _ => return Err(BackupError::NotABackup),
    }
    let file: BackupFile = serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
    file.snapshots
        .iter()
        .map(|snapshot| {
            let damaged = |problem| BackupError::Damaged {
                file_name: snapshot.file_name.clone(),
                problem,
            };
            let bytes = from_base64(&snapshot.data).map_err(damaged)?;
            decode(&bytes).map_err(damaged)
        })
        .collect()
}
