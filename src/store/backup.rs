//! The backup file: JSON, versioned, readable enough to recognise (campaign and file names in
//! clear), with each snapshot in the compact form as base64. Reading checks every snapshot
//! before returning anything, so a wrong or damaged file is refused before storage is touched.

use std::fmt;

use super::codec::{decode, encode, from_base64, to_base64, CodecError, Entry};
use super::json::{self, JsonError, Value, Writer};
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

pub(crate) fn write(entries: &[Entry], created_at_ms: f64) -> String {
    let mut out = Writer::new();
    out.begin_object();
    out.key("format");
    out.string(FORMAT_NAME);
    out.key("version");
    out.uint(SCHEMA_VERSION.into());
    out.key("created_at_ms");
    out.milliseconds(created_at_ms);
    out.key("snapshots");
    out.begin_array();
    for entry in entries {
        out.begin_object();
        out.key("campaign_id");
        out.uint(entry.snapshot.campaign.id);
        out.key("campaign_name");
        out.string(&entry.snapshot.campaign.name);
        out.key("file_name");
        out.string(&entry.snapshot.file_name);
        out.key("imported_at_ms");
        out.milliseconds(entry.imported_at_ms);
        out.key("rows");
        out.uint(entry.snapshot.rows.len() as u64);
        // The compact form (`codec::encode`), base64.
        out.key("data");
        out.string(&to_base64(&encode(&entry.snapshot, entry.imported_at_ms)));
        out.end_object();
    }
    out.end_array();
    out.end_object();
    out.finish()
}

/// A backup file read and checked entirely, not applied yet (`store::read_backup`).
pub struct CheckedBackup {
    pub(super) entries: Vec<Entry>,
}

impl CheckedBackup {
    /// How many imports the file holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Every snapshot of a backup file, or why the file is refused.
pub fn read(text: &str) -> Result<Vec<Entry>, BackupError> {
    let file = json::parse(text).map_err(|error| match error {
        JsonError::UnexpectedEnd => BackupError::Truncated,
        JsonError::Invalid { .. } | JsonError::TooDeep => BackupError::NotJson,
    })?;
    // The header first: whether this is a backup at all, and of which version.
    if file.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(BackupError::NotABackup);
    }
    match file.get("version").and_then(Value::as_u64) {
        Some(version) if version > u64::from(SCHEMA_VERSION) => {
            return Err(BackupError::TooNew {
                version: u32::try_from(version).unwrap_or(u32::MAX),
            })
        }
        // Version 2 is the first with backups.
        Some(version) if version == u64::from(SCHEMA_VERSION) => {}
        _ => return Err(BackupError::NotABackup),
    }
    // Every field checked before any snapshot is decoded, as the serde version did: a file
    // of the wrong shape is "not a backup", not a damaged one.
    let snapshots = snapshot_fields(&file).ok_or(BackupError::NotABackup)?;
    snapshots
        .into_iter()
        .map(|(file_name, data)| {
            let damaged = |problem| BackupError::Damaged {
                file_name: file_name.to_owned(),
                problem,
            };
            let bytes = from_base64(data).map_err(damaged)?;
            decode(&bytes).map_err(damaged)
        })
        .collect()
}

/// The file name and data of each snapshot, when every field a backup has is there.
fn snapshot_fields<'v>(file: &'v Value) -> Option<Vec<(&'v str, &'v str)>> {
    file.get("created_at_ms")?.as_f64()?;
    file.get("snapshots")?
        .as_array()?
        .iter()
        .map(|snapshot| {
            snapshot.get("campaign_id")?.as_u64()?;
            snapshot.get("campaign_name")?.as_str()?;
            snapshot.get("imported_at_ms")?.as_f64()?;
            snapshot.get("rows")?.as_usize()?;
            Some((
                snapshot.get("file_name")?.as_str()?,
                snapshot.get("data")?.as_str()?,
            ))
        })
        .collect()
}
