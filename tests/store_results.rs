//! The certification results in storage, natively (MemoryBackend and its quota): one set per
//! class, replaced by a newer import of the class; a refused write changes nothing; in
//! backups and restores (merge and replace); erased with everything; earlier backups
//! (without results) still restore; no birth data or certification number stored.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cohorte::domain::results::{read_results, ClassResults};
use cohorte::store::{read_backup, Backend, MemoryBackend, Repository, RestoreMode, StoreError};

fn class_results(name: &str) -> ClassResults {
    let bytes = common::read(&format!("certification/{name}"));
    let file = read_results(name, &bytes).unwrap();
    let class = file.class_from_name.clone().unwrap();
    file.into_class_results(&class)
}

fn store() -> Repository<MemoryBackend> {
    Repository::new(MemoryBackend::default())
}

const FILE_3A: &str = "20260316_resultats_3A.csv";
const FILE_3B: &str = "20260121_resultats_3B.csv";

#[test]
fn saved_classes_load_back_and_a_newer_import_of_a_class_replaces_it() {
    let store = store();
    assert!(store.results().unwrap().classes.is_empty());
    let a = class_results(FILE_3A);
    let b = class_results(FILE_3B);
    store.save_class_results(a.clone(), 1.0).unwrap();
    let stored = store.save_class_results(b.clone(), 2.0).unwrap();
    assert_eq!(stored, store.results().unwrap());
    assert_eq!(stored.sets(), [a.clone(), b.clone()]);

    // The same class typed another way (`3 A`): the newer import replaces it.
    let mut newer = a.clone();
    newer.class = "3 A".to_owned();
    newer.rows.truncate(3);
    let stored = store.save_class_results(newer.clone(), 3.0).unwrap();
    assert_eq!(stored.classes.len(), 2);
    assert_eq!(stored.classes[0].results, newer);
    assert_eq!(stored.classes[0].imported_at_ms, 3.0);

    let stored = store.delete_class_results("3a").unwrap();
    assert_eq!(stored.sets(), [b]);
}

#[test]
fn the_waiting_for_publication_mark_is_kept() {
    let store = store();
    store
        .save_class_results(class_results(FILE_3A), 1.0)
        .unwrap();
    let stored = store.set_awaiting_publication("3A", true).unwrap();
    assert!(stored.classes[0].results.awaiting_publication);
    assert!(
        store.results().unwrap().classes[0]
            .results
            .awaiting_publication
    );
}

#[test]
fn a_refused_write_leaves_every_stored_class_as_it_was() {
    let probe = store();
    probe
        .save_class_results(class_results(FILE_3A), 1.0)
        .unwrap();
    let used = probe.backend().used_units();
    let store = Repository::new(MemoryBackend::with_quota(used + 10));
    store
        .save_class_results(class_results(FILE_3A), 1.0)
        .unwrap();
    let before = store.backend().dump();
    assert_eq!(
        store.save_class_results(class_results(FILE_3B), 2.0),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(store.backend().dump(), before);
}

#[test]
fn results_are_backed_up_restored_and_erased() {
    let store = store();
    store
        .save(&common::import("collecte-3e-sco-2025.csv"), 5.0)
        .unwrap();
    store
        .save_class_results(class_results(FILE_3A), 10.0)
        .unwrap();
    store
        .save_class_results(class_results(FILE_3B), 11.0)
        .unwrap();
    let expected = store.results().unwrap();
    let text = store.backup(20.0).unwrap();
    assert_eq!(read_backup(&text).unwrap().result_classes(), 2);

    store.erase_all().unwrap();
    assert!(store.backend().dump().is_empty());
    assert!(store.results().unwrap().classes.is_empty());

    let report = store.restore(&text, RestoreMode::Replace).unwrap();
    assert_eq!((report.added, report.result_classes), (1, 2));
    assert_eq!(store.results().unwrap().sets(), expected.sets());

    // Merge: a class imported later than the backup's stays; the other comes back.
    let target = self::store();
    let mut later = class_results(FILE_3A);
    later.rows.truncate(1);
    target.save_class_results(later.clone(), 30.0).unwrap();
    let report = target.restore(&text, RestoreMode::Merge).unwrap();
    assert_eq!(report.result_classes, 1);
    let sets = target.results().unwrap().sets();
    assert_eq!(sets, [later, class_results(FILE_3B)]);
}

#[test]
fn a_backup_made_before_results_still_restores_and_keeps_stored_results_on_merge() {
    let text = common::read_text("store/backup-v3-liste.json");
    assert!(!text.contains("\"results\""));
    let store = store();
    store
        .save_class_results(class_results(FILE_3A), 10.0)
        .unwrap();
    let report = store.restore(&text, RestoreMode::Merge).unwrap();
    assert!(report.added > 0);
    assert_eq!(report.result_classes, 0);
    assert_eq!(store.results().unwrap().classes.len(), 1);
    let report = store.restore(&text, RestoreMode::Replace).unwrap();
    assert_eq!(report.result_classes, 0);
    assert!(store.results().unwrap().classes.is_empty());
}

#[test]
fn a_replace_whose_results_do_not_fit_puts_everything_back() {
    let full = store();
    full.save_class_results(class_results(FILE_3A), 10.0)
        .unwrap();
    full.save_class_results(class_results(FILE_3B), 11.0)
        .unwrap();
    let text = full.backup(20.0).unwrap();
    let small = Repository::new(MemoryBackend::with_quota(full.backend().used_units() / 2));
    let mut only_b = class_results(FILE_3B);
    only_b.rows.truncate(1);
    small.save_class_results(only_b, 1.0).unwrap();
    let before = small.backend().dump();
    assert_eq!(
        small.restore(&text, RestoreMode::Replace),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(small.backend().dump(), before);
}

#[test]
fn damaged_results_are_an_error_and_removable() {
    let store = store();
    store
        .backend()
        .set("cohorte.v2.results", "pas du tout")
        .unwrap();
    assert!(matches!(store.results(), Err(StoreError::Corrupted { .. })));
    // The backup carries the rest.
    assert!(store.backup(1.0).is_ok());
    store.remove_damaged("cohorte.v2.results").unwrap();
    assert!(store.results().unwrap().classes.is_empty());
}

#[test]
fn no_birth_data_or_certification_number_is_stored_or_backed_up() {
    let store = store();
    store
        .save_class_results(class_results(FILE_3A), 1.0)
        .unwrap();
    let backup = store.backup(2.0).unwrap();
    for secret in ["02/03/2011", "NANTES", "REZÉ", "CHOLET", "30112", "30119"] {
        assert!(!backup.contains(secret), "{secret}");
    }
    assert!(backup.contains("MARTIN"));
}
