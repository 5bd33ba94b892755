//! What earlier releases stored, read only, so that it keeps loading after an upgrade:
//! format 2 snapshot bodies (`v2`) and format 2 backups. Version 1 (serde's JSON of the
//! model) needs no code of its own: the model's derives read it as it is.

pub mod v2;

use base64::Engine;
use serde::Deserialize;

use super::backup::BackupError;
use super::model::Entry;

/// A format 2 backup: a summary of each snapshot in clear, its data the format 2 bytes as
/// base64. Every field is required, as the reader of that release required them.
#[derive(Deserialize)]
struct BackupV2 {
    #[serde(rename = "created_at_ms")]
    _created_at_ms: f64,
    snapshots: Vec<SnapshotV2>,
}

#[derive(Deserialize)]
struct SnapshotV2 {
    #[serde(rename = "campaign_id")]
    _campaign_id: u64,
    #[serde(rename = "campaign_name")]
    _campaign_name: String,
    file_name: String,
    #[serde(rename = "imported_at_ms")]
    _imported_at_ms: f64,
    #[serde(rename = "rows")]
    _rows: usize,
    data: String,
}

pub(crate) fn read_v2_backup(text: &str) -> Result<Vec<Entry>, BackupError> {
    let file: BackupV2 = serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
    file.snapshots
        .into_iter()
        .map(|snapshot| {
            let damaged = |problem| BackupError::Damaged {
                file_name: snapshot.file_name.clone(),
                problem,
            };
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(&snapshot.data)
                .map_err(|_| damaged(super::body::CodecError::NotOurs))?;
            v2::decode(&bytes).map_err(damaged)
        })
        .collect()
}
