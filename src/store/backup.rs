//! The backup file: JSON (serde_json) that a person can open in a text editor and another
//! tool can read: a header naming the format and its version, then every stored snapshot in
//! the serde form of the model. Reading checks the header, then every snapshot, before
//! returning anything, so a wrong or damaged file is refused before storage is touched.
//! Format 2 backups (the snapshots as base64 of the custom codec) are read by `legacy`.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use serde_json::value::RawValue;

use super::body::CodecError;
use super::legacy;
use super::model::Entry;
use super::results::StoredResults;
use super::roster::{RosterChoices, StoredRoster};
use crate::domain::model::snapshot::CampaignSnapshot;
use crate::domain::sessions::Plan;

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
    /// The backup's roster is now the stored one (merge keeps a newer stored roster, or one
    /// keyed with another salt).
    pub roster_restored: bool,
    /// Classes whose certification results the backup gave (merge keeps a class's results
    /// imported later than the backup's).
    pub result_classes: usize,
    /// Plans of certification sessions now stored from the backup (merge adds only those
    /// of a collecte with no stored plan).
    pub plans_restored: usize,
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

/// Version of the backup file. 2 (first with backups): snapshots as base64 of the custom
/// codec; 3: snapshots as plain JSON, then (same version: the fields are optional, and an
/// earlier release reading such a file restores its snapshots and skips them) the roster and
/// the choices about it, then the certification results and, the same way, the plans of
/// certification sessions.
pub const BACKUP_VERSION: u32 = 3;

#[derive(Serialize)]
struct BackupRef<'a> {
    format: &'a str,
    version: u32,
    created_at_ms: f64,
    snapshots: Vec<SnapshotRef<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roster: Option<&'a StoredRoster>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roster_choices: Option<&'a RosterChoices>,
    #[serde(skip_serializing_if = "Option::is_none")]
    results: Option<&'a StoredResults>,
    #[serde(skip_serializing_if = "<[Plan]>::is_empty")]
    session_plans: &'a [Plan],
}

/// One import: a summary first, so that a person scrolling the file sees what each one is
/// before its rows (restoring reads `imported_at_ms` and `snapshot` only), then the snapshot.
#[derive(Serialize)]
struct SnapshotRef<'a> {
    campaign_id: u64,
    campaign_name: &'a str,
    file_name: &'a str,
    rows: usize,
    imported_at_ms: f64,
    snapshot: &'a CampaignSnapshot,
}

pub(crate) fn write(
    entries: &[Entry],
    roster: Option<&StoredRoster>,
    roster_choices: Option<&RosterChoices>,
    results: Option<&StoredResults>,
    session_plans: &[Plan],
    created_at_ms: f64,
) -> String {
    // Compact rather than pretty: a pretty file is 2.5 times larger, and a backup of a full
    // store already weighs about 300 bytes per participant row.
    serde_json::to_string(&BackupRef {
        format: FORMAT_NAME,
        version: BACKUP_VERSION,
        created_at_ms,
        snapshots: entries
            .iter()
            .map(|entry| SnapshotRef {
                campaign_id: entry.snapshot.campaign.id,
                campaign_name: &entry.snapshot.campaign.name,
                file_name: &entry.snapshot.file_name,
                rows: entry.snapshot.rows.len(),
                imported_at_ms: entry.imported_at_ms,
                snapshot: &entry.snapshot,
            })
            .collect(),
        roster,
        roster_choices,
        results,
        session_plans,
    })
    // Plain data to a String: serde_json only fails on maps with non-string keys.
    .unwrap_or_default()
}

/// A backup file read and checked entirely, not applied yet (`store::read_backup`).
pub struct CheckedBackup {
    pub(super) entries: Vec<Entry>,
    pub(super) roster: Option<StoredRoster>,
    pub(super) roster_choices: Option<RosterChoices>,
    pub(super) results: Option<StoredResults>,
    /// Empty in backups made before plans.
    pub(super) plans: Vec<Plan>,
}

impl CheckedBackup {
    /// The roster the file holds, if any, to say so before restoring.
    pub fn roster(&self) -> Option<&StoredRoster> {
        self.roster.as_ref()
    }

    /// How many classes' certification results the file holds.
    pub fn result_classes(&self) -> usize {
        self.results
            .as_ref()
            .map_or(0, |results| results.classes.len())
    }

    /// How many plans of sessions the file holds.
    pub fn plans(&self) -> usize {
        self.plans.len()
    }

    /// How many imports the file holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// What tells a backup from any other JSON; the rest of the file is skipped at this step.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u64>,
}

#[derive(Deserialize)]
struct BackupV3<'a> {
    /// Required, as in every backup, though restoring does not use it.
    #[serde(rename = "created_at_ms")]
    _created_at_ms: f64,
    #[serde(borrow)]
    snapshots: Vec<&'a RawValue>,
    /// Absent from backups made before rosters.
    #[serde(default, borrow)]
    roster: Option<&'a RawValue>,
    #[serde(default, borrow)]
    roster_choices: Option<&'a RawValue>,
    /// Absent from backups made before the certification results.
    #[serde(default, borrow)]
    results: Option<&'a RawValue>,
    /// Absent from backups made before plans of sessions.
    #[serde(default, borrow)]
    session_plans: Option<&'a RawValue>,
}

/// Enough of a snapshot to name it when the rest does not read.
#[derive(Deserialize)]
struct Named {
    file_name: String,
}

/// The error of a file that is not, or not entirely, JSON; `None` for JSON of the wrong shape.
fn not_json(error: &serde_json::Error) -> Option<BackupError> {
    match error.classify() {
        Category::Eof => Some(BackupError::Truncated),
        Category::Syntax | Category::Io => Some(BackupError::NotJson),
        Category::Data => None,
    }
}

/// Every snapshot of a backup file, or why the file is refused.
pub fn read(text: &str) -> Result<Vec<Entry>, BackupError> {
    read_checked(text).map(|backup| backup.entries)
}

/// Everything a backup file holds (snapshots, roster, choices), or why the file is refused.
pub fn read_checked(text: &str) -> Result<CheckedBackup, BackupError> {
    // The header first: whether this is a backup at all, and of which version.
    let header: Header = serde_json::from_str(text)
        .map_err(|error| not_json(&error).unwrap_or(BackupError::NotABackup))?;
    if header.format.as_deref() != Some(FORMAT_NAME) {
        return Err(BackupError::NotABackup);
    }
    match header.version {
        Some(version) if version > u64::from(BACKUP_VERSION) => Err(BackupError::TooNew {
            version: u32::try_from(version).unwrap_or(u32::MAX),
        }),
        Some(version) if version == u64::from(BACKUP_VERSION) => read_v3(text),
        Some(2) => legacy::read_v2_backup(text).map(|entries| CheckedBackup {
            entries,
            roster: None,
            roster_choices: None,
            results: None,
            plans: Vec::new(),
        }),
        _ => Err(BackupError::NotABackup),
    }
}

fn read_v3(text: &str) -> Result<CheckedBackup, BackupError> {
    // Each snapshot is kept as its JSON text first, so that one that does not read is named.
    let file: BackupV3 = serde_json::from_str(text)
        .map_err(|error| not_json(&error).unwrap_or(BackupError::NotABackup))?;
    let roster = file
        .roster
        .map(|raw| {
            serde_json::from_str::<StoredRoster>(raw.get()).map_err(|error| BackupError::Damaged {
                file_name: serde_json::from_str::<NamedRoster>(raw.get())
                    .map(|named| named.roster.file_name)
                    .unwrap_or_else(|_| "liste des élèves".to_owned()),
                problem: CodecError::Malformed(error.to_string()),
            })
        })
        .transpose()?;
    let roster_choices = file
        .roster_choices
        .map(|raw| {
            serde_json::from_str::<RosterChoices>(raw.get()).map_err(|error| BackupError::Damaged {
                file_name: "choix sur la liste des élèves".to_owned(),
                problem: CodecError::Malformed(error.to_string()),
            })
        })
        .transpose()?;
    let results = file
        .results
        .map(|raw| {
            serde_json::from_str::<StoredResults>(raw.get()).map_err(|error| BackupError::Damaged {
                file_name: "résultats de certification".to_owned(),
                problem: CodecError::Malformed(error.to_string()),
            })
        })
        .transpose()?;
    let entries = file
        .snapshots
        .iter()
        .enumerate()
        .map(|(index, raw)| {
            serde_json::from_str::<Entry>(raw.get()).map_err(|error| BackupError::Damaged {
                file_name: serde_json::from_str::<Named>(raw.get())
                    .map(|named| named.file_name)
                    .unwrap_or_else(|_| format!("n° {}", index + 1)),
                problem: CodecError::Malformed(error.to_string()),
            })
        })
        .collect::<Result<_, _>>()?;
    let plans = file
        .session_plans
        .map(|raw| {
            serde_json::from_str::<Vec<Plan>>(raw.get()).map_err(|error| BackupError::Damaged {
                file_name: "plans des sessions de certification".to_owned(),
                problem: CodecError::Malformed(error.to_string()),
            })
        })
        .transpose()?
        .unwrap_or_default();
    Ok(CheckedBackup {
        entries,
        roster,
        roster_choices,
        results,
        plans,
    })
}

/// Enough of a stored roster to name it when the rest does not read.
#[derive(Deserialize)]
struct NamedRoster {
    roster: Named,
}
