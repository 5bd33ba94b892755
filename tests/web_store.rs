//! The store in a real browser (headless Chromium), through gloo-storage: what is written
//! comes back identical, a full localStorage never costs a snapshot, damaged entries are set
//! aside, what earlier releases stored (version 1 JSON, format 2 bodies, their preferences)
//! still loads and is migrated.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use cohorte::domain::import::import_file;
use cohorte::domain::model::snapshot::CampaignSnapshot;
use cohorte::store::body::{encode_text, utf16_len};
use cohorte::store::prefs::{Prefs, PrefsError};
use cohorte::store::{RestoreMode, SaveOutcome, Store, StoreError};
use wasm_bindgen_test::*;

#[path = "common/browser.rs"]
mod browser;

use browser::{clear, dump, leave_free, storage};

wasm_bindgen_test_configure!(run_in_browser);

const EXPORT: &[u8] = include_bytes!("fixtures/collecte-3e-sco-2025.csv");
const OLD_EXPORT: &[u8] = include_bytes!("fixtures/collecte-2020-ancien-format.csv");
const ASSESSMENT: &[u8] = include_bytes!("fixtures/evaluation-rentree-5e.csv");
const GROUPS: &[u8] = include_bytes!("fixtures/collecte-sup-groupes.csv");

fn cohorte_entries() -> BTreeMap<String, String> {
    dump()
        .into_iter()
        .filter(|(key, _)| key.starts_with("cohorte."))
        .collect()
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
    let keys: Vec<String> = dump().into_keys().collect();
    assert_eq!(keys, ["cohorte.v2.index", "cohorte.v2.snapshot.1"]);
}

#[wasm_bindgen_test]
fn the_same_content_twice_is_recognised_and_stored_once() {
    clear();
    let snapshot = import_file("a.csv", EXPORT).unwrap();
    assert!(matches!(
        Store::save(&snapshot, 1.0).unwrap(),
        SaveOutcome::Saved(_)
    ));
    let before = dump();
    let again = import_file("renamed-copy.csv", EXPORT).unwrap();
    match Store::save(&again, 2.0).unwrap() {
        SaveOutcome::AlreadyStored(meta) => {
            assert_eq!(meta.file_name, "a.csv");
            assert_eq!(meta.imported_at_ms, 1.0);
        }
        SaveOutcome::Saved(_) => panic!("the same bytes were stored twice"),
    }
    assert_eq!(dump(), before, "nothing written for a duplicate");
    let other = import_file("old.csv", OLD_EXPORT).unwrap();
    assert!(matches!(
        Store::save(&other, 3.0).unwrap(),
        SaveOutcome::Saved(_)
    ));
    assert_eq!(Store::load_all().snapshots.len(), 2);
}

fn store_two() -> Vec<cohorte::domain::model::snapshot::CampaignSnapshot> {
    clear();
    let first = import_file("a.csv", EXPORT).unwrap();
    let second = import_file("e.csv", ASSESSMENT).unwrap();
    Store::save(&first, 1.0).unwrap();
    Store::save(&second, 2.0).unwrap();
    vec![first, second]
}

#[wasm_bindgen_test]
fn a_full_storage_refusing_the_snapshot_changes_nothing() {
    let stored = store_two();
    leave_free(100);
    let before = dump();
    let third = import_file("g.csv", GROUPS).unwrap();
    assert!(matches!(
        Store::save(&third, 3.0),
        Err(StoreError::QuotaExceeded)
    ));
    assert_eq!(dump(), before, "previous state byte-identical");
    let loaded = Store::load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let snapshots: Vec<_> = loaded.snapshots.into_iter().map(|(_, s)| s).collect();
    assert_eq!(snapshots, stored);
    clear();
}

#[wasm_bindgen_test]
fn a_full_storage_refusing_the_index_after_the_snapshot_changes_nothing() {
    let stored = store_two();
    let third = import_file("g.csv", GROUPS).unwrap();
    // Room for the snapshot entry, not for the longer index written after it.
    let entry = utf16_len("cohorte.v2.snapshot.3") + utf16_len(&encode_text(&third, 3.0));
    leave_free(entry + 20);
    let before = dump();
    assert!(matches!(
        Store::save(&third, 3.0),
        Err(StoreError::QuotaExceeded)
    ));
    assert_eq!(dump(), before, "the half-written snapshot was removed");
    let snapshots: Vec<_> = Store::load_all()
        .snapshots
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    assert_eq!(snapshots, stored);

    // Once there is room again, the same import goes through.
    storage().remove_item("junk-fill").unwrap();
    assert!(matches!(
        Store::save(&third, 3.0).unwrap(),
        SaveOutcome::Saved(_)
    ));
    clear();
}

#[wasm_bindgen_test]
fn a_corrupted_entry_is_reported_and_the_others_still_load() {
    let stored = store_two();
    let storage = storage();
    let key = "cohorte.v2.snapshot.1";
    let text = storage.get_item(key).unwrap().unwrap();
    let truncated: String = text.chars().take(text.chars().count() - 3).collect();
    for damaged in [truncated.as_str(), "{\"written\": \"by another app\"}", ""] {
        storage.set_item(key, damaged).unwrap();
        let loaded = Store::load_all();
        assert_eq!(loaded.snapshots.len(), 1);
        assert_eq!(loaded.snapshots[0].1, stored[1]);
        assert!(
            matches!(&loaded.problems[..], [StoreError::Corrupted { key: k }] if k == key),
            "{:?}",
            loaded.problems
        );
        assert_eq!(loaded.damaged.len(), 1);
        // Set aside, not deleted: still there for the user to decide.
        assert_eq!(storage.get_item(key).unwrap().as_deref(), Some(damaged));
    }
    Store::open().unwrap().remove_damaged(key).unwrap();
    let loaded = Store::load_all();
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.snapshots.len(), 1);
}

#[wasm_bindgen_test]
fn version_1_json_written_by_the_previous_release_is_migrated() {
    clear();
    let first = import_file("collecte-3e-sco-2025.csv", EXPORT).unwrap();
    let second = import_file("evaluation-rentree-5e.csv", ASSESSMENT).unwrap();
    let storage = storage();
    // Exactly what the version 1 store wrote: serde's JSON of the model (pinned when serde
    // was still in the app), and this index.
    for (id, json) in [
        (
            1,
            include_str!("fixtures/store/v1-snapshot-collecte-3e-sco-2025.json"),
        ),
        (
            2,
            include_str!("fixtures/store/v1-snapshot-evaluation-rentree-5e.json"),
        ),
    ] {
        storage
            .set_item(&format!("cohorte.v1.snapshot.{id}"), json)
            .unwrap();
    }
    let index = format!(
        r#"{{"version":1,"next_id":3,"snapshots":[
        {{"id":1,"campaign_id":348127,"campaign_name":"{}","kind":"ProfilesCollection","file_name":"collecte-3e-sco-2025.csv","imported_at_ms":1764355200000.0,"latest_activity":null,"content_hash":{},"rows":44,"bytes":1}},
        {{"id":2,"campaign_id":{},"campaign_name":"x","kind":"Assessment","file_name":"evaluation-rentree-5e.csv","imported_at_ms":1764441600000.0,"latest_activity":null,"content_hash":{},"rows":{},"bytes":1}}]}}"#,
        first.campaign.name,
        first.content_hash,
        second.campaign.id,
        second.content_hash,
        second.rows.len()
    );
    storage.set_item("cohorte.v1.index", &index).unwrap();
    let v1_units: usize = cohorte_entries()
        .iter()
        .map(|(k, v)| utf16_len(k) + utf16_len(v))
        .sum();

    let loaded = Store::load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.snapshots.len(), 2);
    assert_eq!(loaded.snapshots[0].1, first);
    assert_eq!(loaded.snapshots[1].1, second);
    assert_eq!(loaded.snapshots[0].0.id, 1);
    assert_eq!(loaded.snapshots[1].0.imported_at_ms, 1_764_441_600_000.0);
    let after = cohorte_entries();
    let keys: Vec<&String> = after.keys().collect();
    assert_eq!(
        keys,
        [
            "cohorte.v2.index",
            "cohorte.v2.snapshot.1",
            "cohorte.v2.snapshot.2"
        ]
    );
    let v2_units: usize = after.iter().map(|(k, v)| utf16_len(k) + utf16_len(v)).sum();
    assert!(v2_units * 4 < v1_units, "v2 {v2_units} vs v1 {v1_units}");

    // The next start has nothing left to migrate, and a new import takes a fresh id.
    assert_eq!(Store::load_all().snapshots.len(), 2);
    let third = import_file("old.csv", OLD_EXPORT).unwrap();
    match Store::save(&third, 5.0).unwrap() {
        SaveOutcome::Saved(meta) => assert_eq!(meta.id, 3),
        SaveOutcome::AlreadyStored(_) => panic!("not stored before"),
    }
    clear();
}

#[wasm_bindgen_test]
fn a_backup_restores_the_same_snapshots_and_a_wrong_one_changes_nothing() {
    let stored = store_two();
    let store = Store::open().unwrap();
    let file = store.backup(10.0).unwrap();
    store.erase_all().unwrap();
    assert!(cohorte_entries().is_empty());
    let report = store.restore(&file, RestoreMode::Merge).unwrap();
    assert_eq!(report.added, 2);
    let before = dump();
    for wrong in [&file[..file.len() - 40], "{\"other\": true}", "not json"] {
        let error = store.restore(wrong, RestoreMode::Replace).unwrap_err();
        assert!(matches!(error, StoreError::InvalidBackup(_)), "{error:?}");
        assert_eq!(dump(), before);
    }
    let snapshots: Vec<_> = Store::load_all()
        .snapshots
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    assert_eq!(snapshots, stored);
    clear();
}

/// What the release of format 2 stored for six fixtures, key by key, exactly (written by its
/// own store: tests/fixtures/store/README.md), and what it must read back as.
const FORMAT_2_STORAGE: &str = include_str!("fixtures/store/v2-storage.json");
const FORMAT_2_EXPECTED: &str = include_str!("fixtures/store/v2-expected.json");

#[derive(serde::Deserialize)]
struct Expected {
    id: u32,
    imported_at_ms: f64,
    snapshot: CampaignSnapshot,
}

fn assert_format_2_content(loaded: &cohorte::store::Loaded) {
    let expected: Vec<Expected> = serde_json::from_str(FORMAT_2_EXPECTED).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.snapshots.len(), expected.len());
    for ((meta, snapshot), expected) in loaded.snapshots.iter().zip(&expected) {
        assert_eq!(meta.id, expected.id);
        assert_eq!(meta.imported_at_ms, expected.imported_at_ms);
        assert_eq!(snapshot, &expected.snapshot, "{}", meta.file_name);
    }
}

#[wasm_bindgen_test]
fn format_2_storage_of_the_previous_release_loads_and_is_rewritten_in_place() {
    clear();
    let storage = storage();
    storage.set_item("autre-app", "garde").unwrap();
    let pinned: BTreeMap<String, String> = serde_json::from_str(FORMAT_2_STORAGE).unwrap();
    for (key, value) in &pinned {
        storage.set_item(key, value).unwrap();
    }
    assert_eq!(cohorte_entries(), pinned);

    assert_format_2_content(&Store::load_all());
    let after = cohorte_entries();
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        pinned.keys().collect::<Vec<_>>(),
        "same keys: rewritten in place"
    );
    for (key, value) in &after {
        if key.starts_with("cohorte.v2.snapshot.") {
            assert!(value.starts_with("C3"), "{key} rewritten in format 3");
            assert!(pinned[key].starts_with("C2"));
        }
    }
    // The next start reads format 3 only, the same content, and writes nothing.
    assert_format_2_content(&Store::load_all());
    assert_eq!(cohorte_entries(), after);

    // Imports go on beside them, without reusing the id the old release had deleted (4).
    let fresh = import_file(
        "v.csv",
        include_bytes!("fixtures/collecte-reenregistre-virgules.csv"),
    )
    .unwrap();
    match Store::save(&fresh, 7.0).unwrap() {
        SaveOutcome::Saved(meta) => assert_eq!(meta.id, 7),
        SaveOutcome::AlreadyStored(_) => panic!("not stored before"),
    }
    assert_eq!(
        storage.get_item("autre-app").unwrap().as_deref(),
        Some("garde")
    );
    clear();
}

#[wasm_bindgen_test]
fn format_2_storage_loads_even_when_the_rewrite_does_not_fit() {
    clear();
    let storage = storage();
    let pinned: BTreeMap<String, String> = serde_json::from_str(FORMAT_2_STORAGE).unwrap();
    for (key, value) in &pinned {
        storage.set_item(key, value).unwrap();
    }
    leave_free(0);
    let before = dump();
    // Where a format 3 body is larger than its format 2 one, the rewrite is refused and the
    // old body stays; where it is smaller it goes through. Either way everything reads.
    assert_format_2_content(&Store::load_all());
    for (key, value) in cohorte_entries() {
        if key.starts_with("cohorte.v2.snapshot.") && value.starts_with("C2") {
            assert_eq!(before[&key], value);
        }
    }
    assert_format_2_content(&Store::load_all());
    clear();
}

#[wasm_bindgen_test]
fn preferences_of_the_previous_release_load_and_a_damaged_index_is_rebuilt() {
    clear();
    let storage = storage();
    storage
        .set_item(
            "cohorte.v1.prefs",
            include_str!("fixtures/store/prefs.json"),
        )
        .unwrap();
    assert_eq!(Prefs::load().unwrap().archived, [12, 348127, u64::MAX]);
    let prefs = Prefs::set_archived(5, true).unwrap();
    assert_eq!(prefs.archived, [5, 12, 348127, u64::MAX]);
    assert_eq!(Prefs::load().unwrap(), prefs);
    storage
        .set_item("cohorte.v1.prefs", "{\"archived\":")
        .unwrap();
    assert_eq!(Prefs::load(), Err(PrefsError::Corrupted));

    let stored = store_two();
    storage
        .set_item("cohorte.v2.index", "[\"pas un index\"]")
        .unwrap();
    let loaded = Store::load_all();
    assert!(
        matches!(&loaded.problems[..], [StoreError::Corrupted { key }] if key == "cohorte.v2.index"),
        "{:?}",
        loaded.problems
    );
    let snapshots: Vec<_> = loaded.snapshots.into_iter().map(|(_, s)| s).collect();
    assert_eq!(snapshots, stored);
    assert!(Store::load_all().problems.is_empty());
    clear();
}
