//! The store's logic over a map that behaves like localStorage (quota in UTF-16 units);
//! the same situations are checked in Chromium by tests/web_store.rs.

use super::*;
use crate::domain::import::import_file;

const EXPORT: &[u8] = include_bytes!("../../tests/fixtures/collecte-3e-sco-2025.csv");
const OLD_EXPORT: &[u8] = include_bytes!("../../tests/fixtures/collecte-2020-ancien-format.csv");
const ASSESSMENT: &[u8] = include_bytes!("../../tests/fixtures/evaluation-rentree-5e.csv");

fn snapshot(name: &str, bytes: &[u8]) -> CampaignSnapshot {
    import_file(name, bytes).unwrap()
}

fn saved(store: &Repository<MemoryBackend>, snapshot: &CampaignSnapshot, at: f64) -> SnapshotMeta {
    match store.save(snapshot, at).unwrap() {
        SaveOutcome::Saved(meta) => meta,
        SaveOutcome::AlreadyStored(_) => panic!("expected a new snapshot"),
    }
}

fn store_with_three() -> Repository<MemoryBackend> {
    let store = Repository::new(MemoryBackend::default());
    saved(&store, &snapshot("a.csv", EXPORT), 1.0);
    saved(&store, &snapshot("b.csv", OLD_EXPORT), 2.0);
    saved(&store, &snapshot("c.csv", ASSESSMENT), 3.0);
    store
}

#[test]
fn saved_snapshots_load_back_identical_with_their_metadata() {
    let store = store_with_three();
    let loaded = store.load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let names: Vec<_> = loaded
        .snapshots
        .iter()
        .map(|(m, _)| m.file_name.as_str())
        .collect();
    assert_eq!(names, ["a.csv", "b.csv", "c.csv"]);
    assert_eq!(loaded.snapshots[2].1, snapshot("c.csv", ASSESSMENT));
    assert_eq!(loaded.snapshots[0].0.imported_at_ms, 1.0);
    assert!(loaded.snapshots.iter().all(|(m, _)| m.bytes > 0));
}

#[test]
fn a_write_refused_at_any_point_leaves_storage_exactly_as_it_was() {
    let reference = store_with_three();
    let used = reference.backend().used_units();
    let extra = snapshot(
        "d.csv",
        include_bytes!("../../tests/fixtures/collecte-sup-groupes.csv"),
    );
    // Every quota between "nothing fits" and "only the index write is refused".
    let entry_units = utf16_len(&encode_text(&extra, 4.0)) + 24;
    for spare in [0, 10, entry_units / 2, entry_units, entry_units + 100] {
        let store = Repository::new(MemoryBackend::with_quota(used + spare));
        for (name, bytes, at) in [
            ("a.csv", EXPORT, 1.0),
            ("b.csv", OLD_EXPORT, 2.0),
            ("c.csv", ASSESSMENT, 3.0),
        ] {
            saved(&store, &snapshot(name, bytes), at);
        }
        let before = store.backend().dump();
        assert!(
            matches!(store.save(&extra, 4.0), Err(StoreError::QuotaExceeded)),
            "spare {spare}"
        );
        assert_eq!(store.backend().dump(), before, "spare {spare}");
    }
}

#[test]
fn the_same_content_is_recognised_whatever_the_file_name() {
    let store = store_with_three();
    let before = store.backend().dump();
    match store.save(&snapshot("copie.csv", EXPORT), 9.0).unwrap() {
        SaveOutcome::AlreadyStored(meta) => {
            assert_eq!(meta.file_name, "a.csv");
            assert_eq!(meta.imported_at_ms, 1.0);
        }
        SaveOutcome::Saved(_) => panic!("stored twice"),
    }
    assert_eq!(store.backend().dump(), before);
}

#[test]
fn a_damaged_entry_is_set_aside_and_the_others_load() {
    let store = store_with_three();
    let key = keys::snapshot_key(2);
    let text = store.backend().get(&key).unwrap().unwrap();
    // Cut in the middle, as an interrupted copy would.
    let cut: String = text.chars().take(text.chars().count() / 2).collect();
    store.backend().set(&key, &cut).unwrap();
    let loaded = store.load_all();
    assert_eq!(loaded.snapshots.len(), 2);
    assert!(matches!(&loaded.problems[..], [StoreError::Corrupted { key: k }] if *k == key));
    assert_eq!(loaded.damaged.len(), 1);
    // Still there, still listed: the user decides.
    assert_eq!(
        store.backend().get(&key).unwrap().as_deref(),
        Some(cut.as_str())
    );
    store.remove_damaged(&key).unwrap();
    let loaded = store.load_all();
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.snapshots.len(), 2);
}

#[test]
fn a_changed_character_is_noticed() {
    let store = store_with_three();
    let key = keys::snapshot_key(1);
    let text = store.backend().get(&key).unwrap().unwrap();
    let mut chars: Vec<char> = text.chars().collect();
    let middle = chars.len() / 2;
    chars[middle] = char::from_u32(u32::from(chars[middle]) ^ 1).unwrap();
    store
        .backend()
        .set(&key, &chars.into_iter().collect::<String>())
        .unwrap();
    assert!(matches!(
        &store.load_all().problems[..],
        [StoreError::Corrupted { .. }]
    ));
}

#[test]
fn a_damaged_index_is_rebuilt_from_the_entries() {
    let store = store_with_three();
    store
        .backend()
        .set(keys::INDEX_KEY, "{\"version\":2,")
        .unwrap();
    let loaded = store.load_all();
    assert!(
        matches!(&loaded.problems[..], [StoreError::Corrupted { key }] if key == keys::INDEX_KEY)
    );
    assert_eq!(loaded.snapshots.len(), 3);
    let again = store.load_all();
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.snapshots.len(), 3);
}

#[test]
fn an_entry_without_index_line_is_a_leftover_and_is_cleaned() {
    let store = store_with_three();
    store
        .backend()
        .set(
            &keys::snapshot_key(42),
            &encode_text(&snapshot("x.csv", EXPORT), 0.0),
        )
        .unwrap();
    let loaded = store.load_all();
    assert_eq!(loaded.snapshots.len(), 3);
    assert_eq!(store.backend().get(&keys::snapshot_key(42)).unwrap(), None);
}

/// What today's main writes: the version 1 layout, JSON.
fn write_v1(backend: &MemoryBackend, snapshots: &[(u32, &CampaignSnapshot, f64)]) {
    let metas: Vec<SnapshotMeta> = snapshots
        .iter()
        .map(|(id, snapshot, at)| SnapshotMeta::of(*id, snapshot, *at, 0))
        .collect();
    for (id, snapshot, _) in snapshots {
        backend
            .set(
                &keys::v1_snapshot_key(*id),
                &serde_json::to_string(snapshot).unwrap(),
            )
            .unwrap();
    }
    let index = serde_json::json!({ "version": 1, "next_id": 3, "snapshots": metas });
    backend.set(keys::V1_INDEX_KEY, &index.to_string()).unwrap();
}

#[test]
fn version_1_is_migrated_and_removed_and_ids_are_kept() {
    let backend = MemoryBackend::default();
    let first = snapshot("a.csv", EXPORT);
    let second = snapshot("c.csv", ASSESSMENT);
    write_v1(&backend, &[(1, &first, 10.0), (2, &second, 20.0)]);
    let store = Repository::new(backend);
    let loaded = store.load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.snapshots.len(), 2);
    assert_eq!(loaded.snapshots[0].1, first);
    assert_eq!(loaded.snapshots[1].1, second);
    assert_eq!(loaded.snapshots[1].0.id, 2);
    assert_eq!(loaded.snapshots[1].0.imported_at_ms, 20.0);
    let keys: Vec<String> = store.backend().dump().into_keys().collect();
    assert_eq!(
        keys,
        [
            "cohorte.v2.index",
            "cohorte.v2.snapshot.1",
            "cohorte.v2.snapshot.2"
        ]
    );
    let meta = saved(&store, &snapshot("b.csv", OLD_EXPORT), 30.0);
    assert_eq!(meta.id, 3);
}

#[test]
fn a_migration_that_does_not_fit_keeps_the_old_entry_and_shows_it() {
    let first = snapshot("a.csv", EXPORT);
    let probe = MemoryBackend::default();
    write_v1(&probe, &[(1, &first, 10.0)]);
    // Full: not even the compact copy fits beside the JSON one.
    let backend = MemoryBackend::with_quota(probe.used_units() + 50);
    write_v1(&backend, &[(1, &first, 10.0)]);
    let before = backend.dump();
    let store = Repository::new(backend);
    let loaded = store.load_all();
    assert!(matches!(&loaded.problems[..], [StoreError::QuotaExceeded]));
    assert_eq!(loaded.snapshots.len(), 1);
    assert_eq!(loaded.snapshots[0].1, first);
    assert_eq!(store.backend().dump(), before);
    // It can still be deleted from there.
    store.delete(&[1]).unwrap();
    assert!(store.load_all().snapshots.is_empty());
}

#[test]
fn backup_then_erase_then_restore_gives_back_the_same_snapshots() {
    let store = store_with_three();
    let original = store.load_all().snapshots;
    let file = store.backup(100.0).unwrap();
    store.erase_all().unwrap();
    assert!(store.backend().dump().is_empty());
    let report = store.restore(&file, RestoreMode::Replace).unwrap();
    assert_eq!(report.added, 3);
    let restored = store.load_all().snapshots;
    assert_eq!(restored.len(), 3);
    for ((a, x), (b, y)) in original.iter().zip(&restored) {
        assert_eq!(x, y);
        assert_eq!(a.imported_at_ms, b.imported_at_ms);
        assert_eq!(a.content_hash, b.content_hash);
    }
    let merged = store.restore(&file, RestoreMode::Merge).unwrap();
    assert_eq!((merged.added, merged.already_present), (0, 3));
}

#[test]
fn a_wrong_backup_file_is_refused_and_nothing_changes() {
    let store = store_with_three();
    let file = store.backup(100.0).unwrap();
    let before = store.backend().dump();
    let tampered = {
        let at = file.find("\"data\":\"").unwrap() + 20;
        let mut bytes = file.clone().into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        String::from_utf8(bytes).unwrap()
    };
    for (text, mode) in [
        (
            "{\"name\": \"autre application\", \"items\": []}",
            RestoreMode::Replace,
        ),
        (&file[..file.len() / 2], RestoreMode::Replace),
        ("Nom;Prénom\nA;B\n", RestoreMode::Merge),
        (tampered.as_str(), RestoreMode::Replace),
        (
            "{\"format\": \"cohorte-sauvegarde\", \"version\": 9, \"snapshots\": []}",
            RestoreMode::Merge,
        ),
    ] {
        let error = store.restore(text, mode).unwrap_err();
        assert!(matches!(error, StoreError::InvalidBackup(_)), "{error:?}");
        assert_eq!(store.backend().dump(), before);
    }
    assert!(matches!(
        store.restore(&file[..file.len() / 2], RestoreMode::Merge),
        Err(StoreError::InvalidBackup(BackupError::Truncated))
    ));
    assert!(matches!(
        store.restore("{\"a\":1}", RestoreMode::Merge),
        Err(StoreError::InvalidBackup(BackupError::NotABackup))
    ));
}

#[test]
fn a_replace_that_does_not_fit_puts_everything_back() {
    let big = Repository::new(MemoryBackend::default());
    for seed in [0u64, 2, 4] {
        let bytes = crate::domain::generate::generate_profiles_export(3000, seed);
        saved(&big, &snapshot("g.csv", &bytes), seed as f64);
    }
    let file = big.backup(0.0).unwrap();
    let store = store_with_three();
    let small_quota = store.backend().used_units() + 2000;
    let tight = Repository::new(MemoryBackend::with_quota(small_quota));
    for (name, bytes, at) in [
        ("a.csv", EXPORT, 1.0),
        ("b.csv", OLD_EXPORT, 2.0),
        ("c.csv", ASSESSMENT, 3.0),
    ] {
        saved(&tight, &snapshot(name, bytes), at);
    }
    let before = tight.backend().dump();
    for mode in [RestoreMode::Replace, RestoreMode::Merge] {
        assert!(matches!(
            tight.restore(&file, mode),
            Err(StoreError::QuotaExceeded)
        ));
        assert_eq!(tight.backend().dump(), before);
    }
}

#[test]
fn deleting_a_campaign_and_erasing_everything_leave_other_apps_alone() {
    let store = store_with_three();
    store.backend().set("autre-app", "x").unwrap();
    saved(
        &store,
        &snapshot(
            "a2.csv",
            include_bytes!("../../tests/fixtures/collecte-reenregistre-virgules.csv"),
        ),
        5.0,
    );
    let campaign = snapshot("a.csv", EXPORT).campaign.id;
    let removed = store.delete_campaign(campaign).unwrap();
    assert!(removed >= 1);
    let left = store.load_all().snapshots;
    assert!(left.iter().all(|(m, _)| m.campaign_id != campaign));
    let usage = store.usage().unwrap();
    assert!(usage.cohorte_bytes > 0 && usage.other_bytes == 2 * ("autre-app".len() + 1));
    store.erase_all().unwrap();
    assert_eq!(
        store.backend().dump().into_keys().collect::<Vec<_>>(),
        ["autre-app"]
    );
}
