//! The store in a real browser (headless Chromium): what is written comes back identical.
#![cfg(target_arch = "wasm32")]

use cohorte::domain::import::import_file;
use cohorte::store::{SaveOutcome, Store, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXPORT: &[u8] = include_bytes!("fixtures/collecte-3e-sco-2025.csv");
const OLD_EXPORT: &[u8] = include_bytes!("fixtures/collecte-2020-ancien-format.csv");

fn clear() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
fn a_saved_snapshot_comes_back_identical_after_a_reload() {
    clear();
    let snapshot = import_file("collecte-3e-sco-2025.csv", EXPORT).unwrap();
    let meta = match Store::save(&snapshot, 1_764_355_200_000.0).unwrap() {
        SaveOutcome::Saved(meta) => meta,
        SaveOutcome::AlreadyStored(_) => panic!("an empty store cannot already hold the file"),
    };
    assert_eq!(meta.campaign_id, 348127);
    assert_eq!(meta.rows, 44);

    // load_all reads localStorage afresh, as a reload does.
    let loaded = Store::load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.snapshots.len(), 1);
    assert_eq!(loaded.snapshots[0].0, meta);
    assert_eq!(loaded.snapshots[0].1, snapshot);
}

#[wasm_bindgen_test]
fn the_same_content_twice_is_recognised_and_stored_once() {
    clear();
    let snapshot = import_file("a.csv", EXPORT).unwrap();
    assert!(matches!(
        Store::save(&snapshot, 1.0).unwrap(),
        SaveOutcome::Saved(_)
    ));
    let again = import_file("renamed-copy.csv", EXPORT).unwrap();
    match Store::save(&again, 2.0).unwrap() {
        SaveOutcome::AlreadyStored(meta) => assert_eq!(meta.file_name, "a.csv"),
        SaveOutcome::Saved(_) => panic!("the same bytes were stored twice"),
    }
    let other = import_file("old.csv", OLD_EXPORT).unwrap();
    assert!(matches!(
        Store::save(&other, 3.0).unwrap(),
        SaveOutcome::Saved(_)
    ));
    assert_eq!(Store::load_all().snapshots.len(), 2);
}

#[wasm_bindgen_test]
fn a_corrupted_entry_is_reported_and_the_others_still_load() {
    clear();
    let first = import_file("a.csv", EXPORT).unwrap();
    let second = import_file("b.csv", OLD_EXPORT).unwrap();
    let SaveOutcome::Saved(first_meta) = Store::save(&first, 1.0).unwrap() else {
        panic!("not saved")
    };
    Store::save(&second, 2.0).unwrap();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item(
            &format!("cohorte.v1.snapshot.{}", first_meta.id),
            "{tronqué",
        )
        .unwrap();

    let loaded = Store::load_all();
    assert_eq!(loaded.snapshots.len(), 1);
    assert_eq!(loaded.snapshots[0].1, second);
    assert!(
        matches!(&loaded.problems[..], [StoreError::Corrupted { .. }]),
        "{:?}",
        loaded.problems
    );
}
