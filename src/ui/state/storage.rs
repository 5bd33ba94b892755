//! What the storage panel asks of the app state: delete, erase, back up, restore. Each
//! action goes through the store first and changes the signals only once storage agrees.

use std::sync::Arc;

use leptos::prelude::*;

use super::{AppState, StoredSnapshot};
use crate::domain::views::route::Route;
use crate::store::{
    read_backup, CheckedBackup, Loaded, RestoreMode, RestoreReport, Store, StoreError, Usage,
};

impl AppState {
    /// Re-reads everything from storage (after a restore).
    fn reload_from_store(&self) -> Loaded {
        let mut loaded = Store::load_all();
        let snapshots = std::mem::take(&mut loaded.snapshots)
            .into_iter()
            .map(|(meta, data)| StoredSnapshot {
                meta,
                data: Arc::new(data),
            })
            .collect();
        self.snapshots.set(snapshots);
        self.damaged.set(loaded.damaged.clone());
        loaded.problems.extend(self.roster.reload());
        loaded.problems.extend(self.results.reload());
        loaded.problems.extend(self.sessions.reload());
        loaded
    }

    pub fn delete_snapshot(&self, id: u32) -> Result<(), StoreError> {
        Store::open()?.delete(&[id])?;
        self.snapshots.update(|all| all.retain(|s| s.meta.id != id));
        self.leave_missing_campaign();
        Ok(())
    }

    pub fn delete_campaign(&self, campaign_id: u64) -> Result<usize, StoreError> {
        let removed = Store::open()?.delete_campaign(campaign_id)?;
        self.snapshots
            .update(|all| all.retain(|s| s.meta.campaign_id != campaign_id));
        self.leave_missing_campaign();
        Ok(removed)
    }

    /// For shared computers: nothing of Cohorte stays in this browser.
    pub fn erase_all(&self) -> Result<(), StoreError> {
        Store::open()?.erase_all()?;
        self.snapshots.set(Vec::new());
        self.damaged.set(Vec::new());
        self.roster.reload();
        self.results.reload();
        self.sessions.reload();
        self.import_lines.set(Vec::new());
        self.app_errors.set(Vec::new());
        self.leave_missing_campaign();
        Ok(())
    }

    pub fn remove_damaged(&self, key: &str) -> Result<(), StoreError> {
        Store::open()?.remove_damaged(key)?;
        self.damaged.update(|all| all.retain(|d| d.key != key));
        Ok(())
    }

    pub fn storage_usage(&self) -> Option<Usage> {
        Store::open().and_then(|store| store.usage()).ok()
    }

    /// The backup file's text, with every stored snapshot.
    pub fn backup_text(&self) -> Result<String, StoreError> {
        Store::open()?.backup(js_sys::Date::now())
    }

    /// Checks the whole file first: a wrong one changes nothing.
    /// Restores a backup file. A file that is not a good backup is refused first; then
    /// `proceed` sees it (how many imports) and may still cancel: `Ok(None)`.
    pub fn restore_backup(
        &self,
        text: &str,
        mode: RestoreMode,
        proceed: impl FnOnce(&CheckedBackup) -> bool,
    ) -> Result<Option<RestoreReport>, StoreError> {
        let backup = read_backup(text)?;
        if !proceed(&backup) {
            return Ok(None);
        }
        let report = Store::open()?.restore_checked(backup, mode)?;
        let loaded = self.reload_from_store();
        self.app_errors
            .set(loaded.problems.iter().map(ToString::to_string).collect());
        Ok(Some(report))
    }

    /// A campaign page whose snapshots were all deleted has nothing left to show.
    fn leave_missing_campaign(&self) {
        if let Route::Campaign { id, .. } = self.route.get_untracked() {
            let exists = self
                .snapshots
                .with_untracked(|all| all.iter().any(|s| s.meta.campaign_id == id));
            if !exists {
                self.navigate(Route::Campaigns);
            }
        }
    }
}
