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

/// The JSON the version 1 store wrote for these fixtures, as serde wrote it (pinned).
fn v1_json(snapshot: &CampaignSnapshot) -> &'static str {
    match snapshot.file_name.as_str() {
        "collecte-3e-sco-2025.csv" => V1_EXPORT,
        "evaluation-rentree-5e.csv" => V1_ASSESSMENT,
        other => panic!("no version 1 sample of {other}"),
    }
}

const V1_EXPORT: &str =
    include_str!("../../tests/fixtures/store/v1-snapshot-collecte-3e-sco-2025.json");
const V1_ASSESSMENT: &str =
    include_str!("../../tests/fixtures/store/v1-snapshot-evaluation-rentree-5e.json");

/// The version 1 layout, as the previous release left it.
fn write_v1(backend: &MemoryBackend, snapshots: &[(u32, &CampaignSnapshot, f64)]) {
    for (id, snapshot, _) in snapshots {
        backend
            .set(&keys::v1_snapshot_key(*id), v1_json(snapshot))
            .unwrap();
    }
    let index = Index {
        version: 1,
        next_id: 3,
        snapshots: snapshots
            .iter()
            .map(|(id, snapshot, at)| SnapshotMeta::of(*id, snapshot, *at, 0))
            .collect(),
    };
    backend.set_json(keys::V1_INDEX_KEY, &index).unwrap();
}

#[test]
fn version_1_is_migrated_and_removed_and_ids_are_kept() {
    let backend = MemoryBackend::default();
    let first = snapshot("collecte-3e-sco-2025.csv", EXPORT);
    let second = snapshot("evaluation-rentree-5e.csv", ASSESSMENT);
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
    let first = snapshot("collecte-3e-sco-2025.csv", EXPORT);
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

// The interface reads a backup before asking whether to replace what is stored: reading must
// count the file's imports and leave storage alone, so that "cancel" really changes nothing.
#[test]
fn a_backup_is_read_and_counted_before_anything_is_replaced() {
    let store = store_with_three();
    let file = store.backup(100.0).unwrap();
    let other = Repository::new(MemoryBackend::default());
    saved(&other, &snapshot("d.csv", EXPORT), 5.0);
    let before = other.backend().dump();
    let checked = read_backup(&file).unwrap();
    assert_eq!(checked.len(), 3);
    assert_eq!(other.backend().dump(), before, "reading changes nothing");
    let report = other
        .restore_checked(checked, RestoreMode::Replace)
        .unwrap();
    assert_eq!((report.added, report.removed), (3, 1));
    assert!(matches!(
        read_backup("{\"a\":1}"),
        Err(StoreError::InvalidBackup(BackupError::NotABackup))
    ));
}

#[test]
fn a_wrong_backup_file_is_refused_and_nothing_changes() {
    let store = store_with_three();
    let file = store.backup(100.0).unwrap();
    let before = store.backend().dump();
    // A level no competence can have: the file reads as JSON, the snapshot does not.
    let tampered = file.replacen("\"levels\":[", "\"levels\":[300,", 1);
    assert_ne!(tampered, file);
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

/// What earlier releases wrote, pinned in tests/fixtures/store: serde's JSON of version 1,
/// the hand-written JSON and custom codec of format 2. It all still reads.
mod written_by_serde {
    use super::*;
    use crate::domain::model::snapshot::{Learner, Rows};
    use crate::store::prefs::Prefs;

    fn pinned(name: &str) -> String {
        let path = format!("{}/tests/fixtures/store/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    /// The snapshot of `v1-snapshot-escapes.json`: every escape, the extreme numbers.
    fn escapes_snapshot() -> CampaignSnapshot {
        let mut odd = snapshot("c.csv", ASSESSMENT);
        let tricky = "q\"b\\s/n\nt\tr\rf\u{c}b\u{8}c\u{1}\u{1f}\u{7f}é€😀\u{2028}";
        odd.file_name = format!("{tricky}.csv");
        odd.campaign.name = tricky.to_owned();
        odd.campaign.id = u64::MAX;
        odd.content_hash = u64::MAX - 1;
        odd.external_id_label = Some(String::new());
        let Rows::Assessment { sheet, rows } = &mut odd.rows else {
            panic!("an assessment fixture");
        };
        sheet.badges.push(tricky.to_owned());
        let learner = &rows[0].learner;
        rows[0].learner = Learner::new(
            tricky,
            learner.first(),
            learner.class(),
            learner.student_number.clone(),
            learner.external_id.clone(),
        );
        rows[0].progress = Some(0.333_333_34);
        rows[0].mastery = Some(1e-7);
        for row in rows.iter_mut() {
            row.badges.push(Some(false));
        }
        odd
    }

    /// The store the samples were taken from, rebuilt the same way.
    fn sampled_store() -> Repository<MemoryBackend> {
        let store = Repository::new(MemoryBackend::default());
        saved(
            &store,
            &snapshot("collecte-3e-sco-2025.csv", EXPORT),
            1_764_355_200_000.0,
        );
        saved(
            &store,
            &snapshot("ancien.csv", OLD_EXPORT),
            1_764_355_260_123.0,
        );
        saved(&store, &escapes_snapshot(), 0.5);
        store
    }

    #[test]
    fn version_1_snapshots_read_back_identical() {
        for name in [
            "collecte-3e-sco-2025",
            "collecte-2020-ancien-format",
            "evaluation-rentree-5e",
            "evaluation-exam",
        ] {
            let bytes = std::fs::read(format!(
                "{}/tests/fixtures/{name}.csv",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap();
            let expected = import_file(&format!("{name}.csv"), &bytes).unwrap();
            let read = v1_snapshot(&pinned(&format!("v1-snapshot-{name}.json")));
            assert_eq!(read, Some(expected), "{name}");
        }
        assert_eq!(
            v1_snapshot(&pinned("v1-snapshot-escapes.json")),
            Some(escapes_snapshot())
        );
    }

    #[test]
    fn a_damaged_version_1_snapshot_is_set_aside_and_the_other_migrates() {
        let first = snapshot("collecte-3e-sco-2025.csv", EXPORT);
        let second = snapshot("evaluation-rentree-5e.csv", ASSESSMENT);
        let key = keys::v1_snapshot_key(1);
        for damaged in [
            V1_EXPORT[..V1_EXPORT.len() / 2].to_owned(),
            V1_EXPORT.replacen("\"levels\":[", "\"levels\":[9,", 1),
            V1_EXPORT.replacen("\"ProfilesCollection\"", "\"Autre\"", 1),
            V1_EXPORT.replacen("\"line\":2,", "\"line\":-2,", 1),
            V1_EXPORT.replacen("{\"Profiles\":", "{\"Lignes\":", 1),
        ] {
            assert_ne!(damaged, V1_EXPORT);
            let backend = MemoryBackend::default();
            write_v1(&backend, &[(1, &first, 10.0), (2, &second, 20.0)]);
            backend.set(&key, &damaged).unwrap();
            let store = Repository::new(backend);
            let loaded = store.load_all();
            assert!(
                matches!(&loaded.problems[..], [StoreError::Corrupted { key: k }] if *k == key),
                "{:?}",
                loaded.problems
            );
            assert_eq!(loaded.damaged.len(), 1);
            assert_eq!(loaded.snapshots.len(), 1);
            assert_eq!(loaded.snapshots[0].1, second);
            // Kept as it was, for the user to decide.
            assert_eq!(store.backend().get(&key).unwrap(), Some(damaged));
        }
    }

    #[test]
    fn the_index_is_written_as_before() {
        // The same JSON, field for field; only the sizes differ, bodies being of format 3.
        let store = sampled_store();
        let written = store.backend().get(keys::INDEX_KEY).unwrap().unwrap();
        let mut pinned_index: Index = serde_json::from_str(&pinned("v2-index.json")).unwrap();
        let current: Index = serde_json::from_str(&written).unwrap();
        for (pinned_meta, meta) in pinned_index.snapshots.iter_mut().zip(&current.snapshots) {
            pinned_meta.bytes = meta.bytes;
        }
        assert_eq!(serde_json::to_string(&pinned_index).unwrap(), written);
        let v1 = pinned("v1-index.json");
        let index: Index = serde_json::from_str(&v1).unwrap();
        assert_eq!(index.version, 1);
        assert_eq!(index.snapshots.len(), 3);
        assert_eq!(index.snapshots[2].content_hash, u64::MAX - 1);
        assert_eq!(
            index.snapshots[2].latest_activity,
            escapes_snapshot().latest_activity()
        );
        assert_eq!(serde_json::to_string(&index).unwrap(), v1);
    }

    #[test]
    fn a_malformed_index_is_corrupted_then_rebuilt() {
        for text in [
            "",
            "[]",
            "{\"version\":2,\"next_id\":\"4\",\"snapshots\":[]}",
            "{\"version\":2,\"next_id\":4}",
            "{\"version\":2,\"next_id\":4,\"snapshots\":[{\"id\":1}]}",
            "{\"version\":2,\"next_id\":4,\"snapshots\":[]} trailing",
        ] {
            let store = sampled_store();
            store.backend().set(keys::INDEX_KEY, text).unwrap();
            let loaded = store.load_all();
            assert!(
                matches!(&loaded.problems[..], [StoreError::Corrupted { key }] if key == keys::INDEX_KEY),
                "{text:?}: {:?}",
                loaded.problems
            );
            assert_eq!(loaded.snapshots.len(), 3, "{text:?}");
        }
    }

    #[test]
    fn a_format_2_backup_restores_the_same_snapshots() {
        let store = sampled_store();
        let file = pinned("backup.json");
        let expected: Vec<CampaignSnapshot> = store
            .load_all()
            .snapshots
            .into_iter()
            .map(|(_, s)| s)
            .collect();

        let empty = Repository::new(MemoryBackend::default());
        let report = empty.restore(&file, RestoreMode::Merge).unwrap();
        assert_eq!(report.added, 3);
        let restored = empty.load_all().snapshots;
        let times: Vec<f64> = restored
            .iter()
            .map(|(meta, _)| meta.imported_at_ms)
            .collect();
        assert_eq!(times, [1_764_355_200_000.0, 1_764_355_260_123.0, 0.5]);
        let snapshots: Vec<CampaignSnapshot> = restored.into_iter().map(|(_, s)| s).collect();
        assert_eq!(snapshots, expected);
    }

    #[test]
    fn each_kind_of_wrong_backup_gets_its_own_error() {
        let file = pinned("backup.json");
        let damaged_data = {
            let at = file.find("\"data\":\"").unwrap() + 30;
            let mut bytes = file.clone().into_bytes();
            bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
            String::from_utf8(bytes).unwrap()
        };
        let rows_as_text = file.replacen("\"rows\":44", "\"rows\":\"44\"", 1);
        assert_ne!(rows_as_text, file);
        let without_fields = "{\"format\":\"cohorte-sauvegarde\",\"version\":2,\"created_at_ms\":1,\"snapshots\":[{\"file_name\":\"a\"}]}";
        for (text, expected) in [
            ("Nom;Prénom\nA;B\n", BackupError::NotJson),
            (
                "{\"format\":\"cohorte-sauvegarde\"} x",
                BackupError::NotJson,
            ),
            (&file[..file.len() - 3], BackupError::Truncated),
            ("[1,2]", BackupError::NotABackup),
            (
                "{\"format\":\"cohorte-sauvegarde\"}",
                BackupError::NotABackup,
            ),
            (
                "{\"format\":\"cohorte-sauvegarde\",\"version\":7,\"snapshots\":[]}",
                BackupError::TooNew { version: 7 },
            ),
            (without_fields, BackupError::NotABackup),
            (&rows_as_text, BackupError::NotABackup),
        ] {
            assert_eq!(backup::read(text), Err(expected), "{text:.80}");
        }
        assert!(matches!(
            backup::read(&damaged_data),
            Err(BackupError::Damaged { file_name, .. }) if file_name == "collecte-3e-sco-2025.csv"
        ));
        let empty = "{\"format\":\"cohorte-sauvegarde\",\"version\":2,\"created_at_ms\":1,\"snapshots\":[]}";
        assert_eq!(backup::read(empty), Ok(Vec::new()));
    }

    #[test]
    fn preferences_read_and_write_as_before() {
        let text = pinned("prefs.json");
        let prefs = Prefs::from_json(&text).unwrap();
        assert_eq!(prefs.archived, [12, 348127, u64::MAX]);
        assert_eq!(
            prefs.to_json(),
            "{\"version\":2,\"archived\":[12,348127,18446744073709551615]}"
        );
        assert_eq!(Prefs::from_json(&prefs.to_json()), Some(prefs));
        assert_eq!(Prefs::from_json("{}"), Some(Prefs::default()));
        assert_eq!(
            Prefs::from_json(" { \"other\" : 1 } "),
            Some(Prefs::default())
        );
        for wrong in [
            "",
            "[]",
            "null",
            "{\"archived\":null}",
            "{\"archived\":[-1]}",
            "{\"archived\":[1",
        ] {
            assert_eq!(Prefs::from_json(wrong), None, "{wrong:?}");
        }
    }
}

/// What the release of format 2 (the custom codec) left in localStorage for six fixtures
/// (tests/fixtures/store/v2-storage.json, written by that release's store), and what it
/// must read back as (v2-expected.json).
mod written_by_format_2 {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Expected {
        id: u32,
        imported_at_ms: f64,
        snapshot: CampaignSnapshot,
    }

    fn pinned(name: &str) -> String {
        let path = format!("{}/tests/fixtures/store/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
    }

    fn expected() -> Vec<Expected> {
        serde_json::from_str(&pinned("v2-expected.json")).unwrap()
    }

    fn format_2_store() -> Repository<MemoryBackend> {
        let stored: BTreeMap<String, String> =
            serde_json::from_str(&pinned("v2-storage.json")).unwrap();
        let backend = MemoryBackend::default();
        for (key, value) in &stored {
            backend.set(key, value).unwrap();
        }
        Repository::new(backend)
    }

    fn assert_loads_as_expected(loaded: &Loaded) {
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let expected = expected();
        assert_eq!(loaded.snapshots.len(), expected.len());
        for ((meta, snapshot), expected) in loaded.snapshots.iter().zip(&expected) {
            assert_eq!(meta.id, expected.id);
            assert_eq!(
                meta.imported_at_ms.to_bits(),
                expected.imported_at_ms.to_bits()
            );
            assert_eq!(snapshot, &expected.snapshot, "{}", meta.file_name);
            assert_eq!(meta.rows, expected.snapshot.rows.len());
        }
    }

    #[test]
    fn format_2_entries_load_identical_and_are_rewritten_in_format_3() {
        let store = format_2_store();
        let before = store.backend().dump();
        assert!(before
            .iter()
            .filter(|(key, _)| keys::snapshot_id(key).is_some())
            .all(|(_, value)| value.starts_with("C2")));
        assert_loads_as_expected(&store.load_all());

        let after = store.backend().dump();
        assert_eq!(
            after.keys().collect::<Vec<_>>(),
            before.keys().collect::<Vec<_>>()
        );
        for (key, value) in &after {
            if keys::snapshot_id(key).is_some() {
                assert!(value.starts_with(body::MAGIC), "{key}");
                assert_eq!(
                    decode_text(value).unwrap(),
                    decode_text(&before[key]).unwrap()
                );
            }
        }
        // The index now gives the rewritten sizes, and everything reads again the same.
        let index: Index = serde_json::from_str(&after[keys::INDEX_KEY]).unwrap();
        let loaded = store.load_all();
        for (meta, (listed, _)) in index.snapshots.iter().zip(&loaded.snapshots) {
            assert_eq!(meta, listed);
        }
        assert_loads_as_expected(&loaded);
        assert_eq!(store.backend().dump(), after);
    }

    #[test]
    fn new_imports_go_beside_format_2_entries_with_fresh_ids() {
        let store = format_2_store();
        let fresh = snapshot(
            "collecte-reenregistre-virgules.csv",
            include_bytes!("../../tests/fixtures/collecte-reenregistre-virgules.csv"),
        );
        let meta = saved(&store, &fresh, 9.0);
        // Id 4 was deleted by that release: next_id (7) is kept, no id is reused.
        assert_eq!(meta.id, 7);
        let loaded = store.load_all();
        assert_eq!(loaded.snapshots.len(), expected().len() + 1);
        assert_eq!(loaded.snapshots.last().unwrap().1, fresh);
    }

    #[test]
    fn a_format_2_backup_of_that_store_restores_identical() {
        let store = Repository::new(MemoryBackend::default());
        let report = store
            .restore(&pinned("v2-backup.json"), RestoreMode::Replace)
            .unwrap();
        assert_eq!(report.added, expected().len());
        let loaded = store.load_all();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        for ((meta, snapshot), expected) in loaded.snapshots.iter().zip(expected()) {
            assert_eq!(snapshot, &expected.snapshot);
            assert_eq!(
                meta.imported_at_ms.to_bits(),
                expected.imported_at_ms.to_bits()
            );
        }
    }
}

mod backups_of_format_3 {
    use super::*;

    #[test]
    fn a_backup_is_json_a_person_can_read() {
        let store = store_with_three();
        let file = store.backup(1_764_355_300_000.0).unwrap();
        let json: serde_json::Value = serde_json::from_str(&file).unwrap();
        assert_eq!(json["format"], "cohorte-sauvegarde");
        assert_eq!(json["version"], 3);
        assert_eq!(json["created_at_ms"], 1_764_355_300_000.0);
        let snapshots = json["snapshots"].as_array().unwrap();
        assert_eq!(snapshots.len(), 3);
        assert_eq!(snapshots[0]["imported_at_ms"], 1.0);
        assert_eq!(snapshots[0]["file_name"], "a.csv");
        assert_eq!(snapshots[0]["rows"], 44);
        assert_eq!(
            snapshots[0]["campaign_name"],
            "Collecte de profils 3e - 2025-2026"
        );
        assert_eq!(snapshots[0]["snapshot"]["file_name"], "a.csv");
        assert_eq!(
            snapshots[0]["snapshot"]["rows"]["Profiles"][0]["learner"]["last"],
            "BEN SAÏD"
        );
        assert_eq!(snapshots[2]["snapshot"]["campaign"]["kind"], "Assessment");
    }

    #[test]
    fn a_damaged_snapshot_is_named_and_a_newer_file_refused() {
        let file = store_with_three().backup(5.0).unwrap();
        let damaged = file.replacen("\"total_pix\":", "\"total_pix\":-", 1);
        assert_ne!(damaged, file);
        assert!(matches!(
            backup::read(&damaged),
            Err(BackupError::Damaged { file_name, problem: CodecError::Malformed(_) }) if file_name == "a.csv"
        ));
        let newer = file.replacen("\"version\":3", "\"version\":4", 1);
        assert_eq!(
            backup::read(&newer),
            Err(BackupError::TooNew { version: 4 })
        );
        let cut = &file[..file.len() / 2];
        assert_eq!(backup::read(cut), Err(BackupError::Truncated));
        let no_snapshots = "{\"format\":\"cohorte-sauvegarde\",\"version\":3,\"created_at_ms\":1}";
        assert_eq!(backup::read(no_snapshots), Err(BackupError::NotABackup));
        let other_app = file.replacen("cohorte-sauvegarde", "autre-sauvegarde", 1);
        assert_eq!(backup::read(&other_app), Err(BackupError::NotABackup));
    }
}
