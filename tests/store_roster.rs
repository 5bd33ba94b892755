//! The roster in storage, natively (MemoryBackend and its quota): stored, replaced, deleted,
//! in backups; a refused write never costs the previous roster; choices outlive the roster;
//! no INE is ever stored or backed up.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cohorte::domain::roster::generate::siecle_xml;
use cohorte::domain::roster::matching::{decision_key, Decision};
use cohorte::domain::roster::{read_roster, Roster, RosterDate, RosterFile, RosterSalt};
use cohorte::store::{
    read_backup, Backend, MemoryBackend, Repository, RestoreMode, StoreError, StoredRoster,
};
use proptest::prelude::*;

const LATIN9: &str = "siecle-latin9.xml";
const UTF8: &str = "siecle-utf8-bom.xml";

fn fixture(name: &str) -> Vec<u8> {
    common::read(&format!("roster/{name}"))
}

fn roster_file(name: &str) -> RosterFile {
    read_roster(name, &fixture(name)).unwrap()
}

fn seed(byte: u8) -> impl FnOnce() -> RosterSalt {
    move || RosterSalt::from_random_bytes([byte; 16])
}

fn no_salt() -> RosterSalt {
    panic!("the stored salt must be reused")
}

fn store() -> Repository<MemoryBackend> {
    Repository::new(MemoryBackend::default())
}

#[test]
fn a_saved_roster_loads_back_identical_and_is_dated() {
    let store = store();
    assert_eq!(store.roster().unwrap(), None);
    assert_eq!(store.roster_meta().unwrap(), None);
    let file = roster_file(LATIN9);
    let expected = file
        .clone()
        .into_roster(&RosterSalt::from_random_bytes([7; 16]));
    let (meta, roster) = store
        .save_roster(file, 1_764_355_200_000.0, seed(7))
        .unwrap();
    assert_eq!(roster, expected);
    assert_eq!(store.roster().unwrap(), Some(expected.clone()));
    assert_eq!(store.roster_meta().unwrap(), Some(meta.clone()));
    assert_eq!(meta.file_name, LATIN9);
    assert_eq!(meta.imported_at_ms, 1_764_355_200_000.0);
    assert_eq!(meta.students, expected.students.len());
    assert_eq!(meta.classes, expected.report().classes);
    assert_eq!(meta.exported_on, expected.exported_on);
    assert!(meta.exported_on.is_some(), "the fixture has a DATE_EXPORT");
    let units: usize = store
        .backend()
        .dump()
        .iter()
        .filter(|(key, _)| key.as_str() == "cohorte.v2.roster")
        .map(|(key, value)| key.encode_utf16().count() + value.encode_utf16().count())
        .sum();
    assert_eq!(meta.bytes, 2 * units);
}

#[test]
fn a_newer_roster_replaces_the_old_one_and_keeps_the_salt() {
    let store = store();
    let (_, first) = store
        .save_roster(roster_file(LATIN9), 1.0, seed(1))
        .unwrap();
    let (meta, second) = store.save_roster(roster_file(UTF8), 2.0, no_salt).unwrap();
    assert_eq!(meta.file_name, UTF8);
    assert_eq!(second.salt, first.salt);
    assert_eq!(store.roster().unwrap(), Some(second));
    assert_eq!(store.roster_salt(no_salt).unwrap(), first.salt);
}

#[test]
fn a_replacement_refused_by_the_quota_keeps_the_old_roster_byte_for_byte() {
    let first = roster_file(LATIN9);
    let probe = Repository::new(MemoryBackend::default());
    probe.save_roster(first.clone(), 1.0, seed(3)).unwrap();
    let used = probe.backend().used_units();

    // Room for the first roster and its choices, not for a larger one beside nothing else.
    let store = Repository::new(MemoryBackend::with_quota(used + 10));
    store.save_roster(first, 1.0, seed(3)).unwrap();
    let before = store.backend().dump();
    let students: Vec<(String, String, String)> = (0..200)
        .map(|at| (format!("FICTIF{at}"), "Élève".to_owned(), "3E1".to_owned()))
        .collect();
    let bigger = read_roster("grand.xml", &siecle_xml(&students)).unwrap();
    assert_eq!(
        store.save_roster(bigger, 2.0, no_salt).unwrap_err(),
        StoreError::QuotaExceeded
    );
    assert_eq!(store.backend().dump(), before);
}

#[test]
fn a_first_roster_refused_by_the_quota_stores_nothing_not_even_the_salt() {
    let store = Repository::new(MemoryBackend::with_quota(300));
    assert_eq!(
        store
            .save_roster(roster_file(LATIN9), 1.0, seed(4))
            .unwrap_err(),
        StoreError::QuotaExceeded
    );
    assert!(store.backend().dump().is_empty());
}

#[test]
fn deleting_the_roster_keeps_the_choices_for_the_next_one() {
    let store = store();
    let (_, roster) = store
        .save_roster(roster_file(LATIN9), 1.0, seed(5))
        .unwrap();
    let key = decision_key("FICTIF", "Élève", "3E1");
    let student = roster.students[0].key.clone();
    store
        .set_decision(key.clone(), Some(Decision::Student(student.clone())))
        .unwrap();
    store
        .set_cohort_classes(42, Some(vec!["3e1".to_owned()]))
        .unwrap();

    store.delete_roster().unwrap();
    assert_eq!(store.roster().unwrap(), None);
    assert_eq!(store.roster_meta().unwrap(), None);
    assert_eq!(
        store.decisions().unwrap().decisions.get(&key),
        Some(&Decision::Student(student.clone()))
    );
    assert_eq!(
        store.cohort_classes(42).unwrap(),
        Some(vec!["3e1".to_owned()])
    );

    // The same file again: the same salt, so the same student key the decision names.
    let (_, again) = store
        .save_roster(roster_file(LATIN9), 2.0, no_salt)
        .unwrap();
    assert_eq!(again.students[0].key, student);
}

#[test]
fn decisions_and_cohort_classes_are_set_and_forgotten() {
    let store = store();
    assert!(store.decisions().unwrap().decisions.is_empty());
    assert_eq!(store.cohort_classes(7).unwrap(), None);
    let key = decision_key("FICTIF", "Test", "3E2");
    let all = store
        .set_decision(key.clone(), Some(Decision::OutOfRoster))
        .unwrap();
    assert_eq!(all.decisions.get(&key), Some(&Decision::OutOfRoster));
    assert_eq!(store.decisions().unwrap(), all);
    assert!(store.set_decision(key, None).unwrap().decisions.is_empty());
    store
        .set_cohort_classes(7, Some(vec!["3e1".into(), "3e2".into()]))
        .unwrap();
    store.set_cohort_classes(8, Some(vec![])).unwrap();
    assert_eq!(
        store.cohort_classes(7).unwrap(),
        Some(vec!["3e1".to_owned(), "3e2".to_owned()])
    );
    assert_eq!(store.cohort_classes(8).unwrap(), Some(vec![]));
    store.set_cohort_classes(7, None).unwrap();
    assert_eq!(store.cohort_classes(7).unwrap(), None);
}

#[test]
fn a_refused_choice_leaves_the_stored_choices_as_they_were() {
    let probe = store();
    probe
        .set_cohort_classes(1, Some(vec!["3e1".into()]))
        .unwrap();
    let store = Repository::new(MemoryBackend::with_quota(probe.backend().used_units() + 5));
    store
        .set_cohort_classes(1, Some(vec!["3e1".into()]))
        .unwrap();
    let before = store.backend().dump();
    let many: Vec<String> = (0..50).map(|at| format!("3e{at}")).collect();
    assert_eq!(
        store.set_cohort_classes(2, Some(many)).unwrap_err(),
        StoreError::QuotaExceeded
    );
    assert_eq!(store.backend().dump(), before);
}

#[test]
fn usage_counts_the_roster() {
    let store = store();
    let empty = store.usage().unwrap().cohorte_bytes;
    let (meta, _) = store
        .save_roster(roster_file(LATIN9), 1.0, seed(6))
        .unwrap();
    let after = store.usage().unwrap().cohorte_bytes;
    assert!(
        after >= empty + meta.bytes,
        "{after} < {empty} + {}",
        meta.bytes
    );
}

fn snapshot() -> cohorte::domain::model::snapshot::CampaignSnapshot {
    common::import("collecte-3e-sco-2025.csv")
}

fn store_with_everything() -> (Repository<MemoryBackend>, Roster) {
    let store = store();
    store.save(&snapshot(), 10.0).unwrap();
    let (_, roster) = store
        .save_roster(roster_file(LATIN9), 20.0, seed(8))
        .unwrap();
    store
        .set_decision(
            decision_key("FICTIF", "Élève", "3E1"),
            Some(Decision::OutOfRoster),
        )
        .unwrap();
    store
        .set_cohort_classes(348_127, Some(vec!["3e1".into()]))
        .unwrap();
    (store, roster)
}

#[test]
fn a_backup_carries_the_roster_and_the_choices_back() {
    let (store, roster) = store_with_everything();
    let choices = store.roster_choices().unwrap();
    let text = store.backup(30.0).unwrap();
    let checked = read_backup(&text).unwrap();
    assert_eq!(
        checked.roster(),
        Some(&StoredRoster {
            imported_at_ms: 20.0,
            roster: roster.clone()
        })
    );

    store.erase_all().unwrap();
    assert_eq!(store.roster().unwrap(), None);
    let report = store.restore(&text, RestoreMode::Replace).unwrap();
    assert!(report.roster_restored);
    assert_eq!(report.added, 1);
    assert_eq!(store.roster().unwrap(), Some(roster.clone()));
    assert_eq!(store.roster_meta().unwrap().unwrap().imported_at_ms, 20.0);
    assert_eq!(store.roster_choices().unwrap(), choices);

    // Into an empty store by merging: the same.
    let other = self::store();
    let report = other.restore(&text, RestoreMode::Merge).unwrap();
    assert!(report.roster_restored);
    assert_eq!(other.roster().unwrap(), Some(roster));
    assert_eq!(other.roster_choices().unwrap(), choices);
}

#[test]
fn a_backup_without_roster_still_restores_its_snapshots() {
    let store = store();
    store.save(&snapshot(), 10.0).unwrap();
    let text = store.backup(30.0).unwrap();
    // What every version 3 backup before rosters looked like.
    assert!(!text.contains("roster"), "{text:.200}");

    let target = self::store();
    let report = target.restore(&text, RestoreMode::Replace).unwrap();
    assert_eq!(report.added, 1);
    assert!(!report.roster_restored);
    assert_eq!(target.load_all().snapshots.len(), 1);

    // Merged into a store with a roster: the roster and its choices stay.
    let (with_roster, roster) = store_with_everything();
    let choices = with_roster.roster_choices().unwrap();
    let report = with_roster.restore(&text, RestoreMode::Merge).unwrap();
    assert!(!report.roster_restored);
    assert_eq!(report.already_present, 1);
    assert_eq!(with_roster.roster().unwrap(), Some(roster));
    assert_eq!(with_roster.roster_choices().unwrap(), choices);
}

#[test]
fn the_pinned_format_2_backup_still_restores() {
    let text = common::read_text("store/backup.json");
    let store = store();
    let report = store.restore(&text, RestoreMode::Merge).unwrap();
    assert!(report.added > 0);
    assert!(!report.roster_restored);
}

#[test]
fn merging_keeps_a_newer_stored_roster_and_refuses_another_salt() {
    let (store, roster) = store_with_everything();
    let text = store.backup(30.0).unwrap();
    let (_, newer) = store.save_roster(roster_file(UTF8), 40.0, no_salt).unwrap();
    let report = store.restore(&text, RestoreMode::Merge).unwrap();
    assert!(!report.roster_restored, "the stored roster is newer");
    assert_eq!(store.roster().unwrap(), Some(newer));

    // Another browser, another salt, its own decisions: merging would orphan them.
    let other = self::store();
    other.save_roster(roster_file(UTF8), 50.0, seed(9)).unwrap();
    other
        .set_decision("x".into(), Some(Decision::OutOfRoster))
        .unwrap();
    let before = other.backend().dump();
    let report = other.restore(&text, RestoreMode::Merge).unwrap();
    assert!(!report.roster_restored);
    assert_ne!(other.roster().unwrap(), Some(roster));
    let after = other.backend().dump();
    for key in ["cohorte.v2.roster", "cohorte.v2.roster-choices"] {
        assert_eq!(after.get(key), before.get(key), "{key}");
    }
}

#[test]
fn a_replace_with_a_roster_that_does_not_fit_puts_everything_back() {
    let (source, _) = store_with_everything();
    let text = source.backup(30.0).unwrap();
    let small = Repository::new(MemoryBackend::with_quota(
        source.backend().used_units() - 50,
    ));
    small.save(&snapshot(), 1.0).unwrap();
    small.set_cohort_classes(5, Some(vec!["x".into()])).unwrap();
    let before = small.backend().dump();
    assert_eq!(
        small.restore(&text, RestoreMode::Replace).unwrap_err(),
        StoreError::QuotaExceeded
    );
    assert_eq!(small.backend().dump(), before);
    assert_eq!(
        small.restore(&text, RestoreMode::Merge).unwrap_err(),
        StoreError::QuotaExceeded
    );
    assert_eq!(small.backend().dump(), before);
}

#[test]
fn a_damaged_roster_is_an_error_and_removable() {
    let store = store();
    store
        .save_roster(roster_file(LATIN9), 1.0, seed(2))
        .unwrap();
    let text = store.backend().get("cohorte.v2.roster").unwrap().unwrap();
    let cut: String = text.chars().take(text.chars().count() / 2).collect();
    store.backend().set("cohorte.v2.roster", &cut).unwrap();
    assert_eq!(
        store.roster().unwrap_err(),
        StoreError::Corrupted {
            key: "cohorte.v2.roster".into()
        }
    );
    // The backup goes on without it.
    assert!(read_backup(&store.backup(1.0).unwrap())
        .unwrap()
        .roster()
        .is_none());
    store.remove_damaged("cohorte.v2.roster").unwrap();
    assert_eq!(store.roster().unwrap(), None);
    assert!(store.roster_salt(no_salt).is_ok(), "the salt stays");
}

#[test]
fn loading_snapshots_leaves_the_roster_alone() {
    let (store, roster) = store_with_everything();
    let loaded = store.load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.snapshots.len(), 1);
    assert_eq!(store.roster().unwrap(), Some(roster));
}

/// Every INE of the file, as written in it.
fn national_ids(file: &RosterFile) -> Vec<String> {
    file.entries
        .iter()
        .map(|entry| entry.national_id.clone())
        .collect()
}

#[test]
fn no_ine_is_stored_or_backed_up() {
    let store = store();
    let mut ines = Vec::new();
    for name in [LATIN9, UTF8, "siecle-ignores.xml"] {
        let file = roster_file(name);
        ines.extend(national_ids(&file));
        store.save_roster(file, 1.0, seed(1)).unwrap();
    }
    let file = roster_file(LATIN9);
    ines.extend(national_ids(&file));
    let (_, roster) = store.save_roster(file, 2.0, no_salt).unwrap();
    assert!(!ines.is_empty());

    // The stored text is deflated: what it holds is the roster's JSON, read back.
    let stored_json = serde_json::to_string(&store.roster().unwrap().unwrap()).unwrap();
    let backup = store.backup(3.0).unwrap();
    let raw: String = store.backend().dump().into_values().collect();
    for ine in &ines {
        for text in [&stored_json, &backup, &raw] {
            assert!(!text.contains(ine.as_str()), "{ine} is stored");
            assert!(
                !text.to_lowercase().contains(&ine.to_lowercase()),
                "{ine} is stored"
            );
        }
    }
    assert!(backup.contains(&roster.students[0].key.as_str().to_owned()));
}

fn name() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ' -]{1,12}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_roster_round_trips_through_the_store_and_a_backup(
        students in prop::collection::vec((name(), name(), "[0-9A-Za-z]{1,5}"), 1..30),
        salt in any::<[u8; 16]>(),
        at in 0.0f64..4e12,
    ) {
        let xml = siecle_xml(&students);
        let file = read_roster("liste.xml", &xml).unwrap();
        let store = store();
        let (meta, roster) = store.save_roster(file, at, move || RosterSalt::from_random_bytes(salt)).unwrap();
        prop_assert_eq!(meta.exported_on, Some(RosterDate { year: 2025, month: 9, day: 15 }));
        prop_assert_eq!(store.roster().unwrap(), Some(roster.clone()));
        let text = store.backup(at).unwrap();
        let other = self::store();
        other.restore(&text, RestoreMode::Replace).unwrap();
        prop_assert_eq!(other.roster().unwrap(), Some(roster));
        prop_assert_eq!(other.roster_meta().unwrap().unwrap().imported_at_ms, at);
    }
}

#[test]
fn choices_lost_under_a_stored_roster_take_its_salt_back() {
    let store = store();
    let (_, roster) = store
        .save_roster(roster_file(LATIN9), 1.0, seed(11))
        .unwrap();
    store
        .backend()
        .set("cohorte.v2.roster-choices", "{")
        .unwrap();
    assert_eq!(
        store.roster_salt(no_salt).unwrap_err(),
        StoreError::Corrupted {
            key: "cohorte.v2.roster-choices".into()
        }
    );
    store.remove_damaged("cohorte.v2.roster-choices").unwrap();
    assert_eq!(store.roster_salt(no_salt).unwrap(), roster.salt);
    let (_, again) = store
        .save_roster(roster_file(LATIN9), 2.0, no_salt)
        .unwrap();
    assert_eq!(again.students, roster.students);
}

#[test]
fn the_pinned_backup_with_a_roster_restores_it_and_its_choices() {
    let text = common::read_text("store/backup-v3-liste.json");
    let store = store();
    let report = store.restore(&text, RestoreMode::Replace).unwrap();
    assert_eq!(report.added, 1);
    assert!(report.roster_restored);
    let salt = RosterSalt::from_random_bytes(*b"cohorte-fixture!");
    let expected = roster_file(LATIN9).into_roster(&salt);
    let meta = store.roster_meta().unwrap().unwrap();
    assert_eq!(meta.imported_at_ms, 1_764_441_600_000.0);
    assert_eq!(meta.file_name, "ElevesSansAdresses.zip");
    let roster = store.roster().unwrap().unwrap();
    assert_eq!(roster.students, expected.students);
    assert_eq!(store.roster_salt(no_salt).unwrap(), salt);
    assert_eq!(
        store
            .decisions()
            .unwrap()
            .decisions
            .get(&decision_key("FICTIF", "Test", "3E2")),
        Some(&Decision::Student(expected.students[1].key.clone()))
    );
    assert_eq!(
        store.cohort_classes(348_127).unwrap(),
        Some(vec!["3e1".to_owned()])
    );
}

#[test]
fn a_school_of_two_thousand_students_takes_little_room() {
    let students: Vec<(String, String, String)> = (0..2000)
        .map(|at| {
            (
                format!("FICTIF-NOM{}", at * 7919 % 10007),
                format!("Prénom{}", at * 104_729 % 9973),
                format!("{}E{}", 3 + at % 4, at % 9),
            )
        })
        .collect();
    let file = read_roster("ElevesSansAdresses.xml", &siecle_xml(&students)).unwrap();
    let store = store();
    let (meta, _) = store.save_roster(file, 1.0, seed(12)).unwrap();
    let json = serde_json::to_string(&store.roster().unwrap().unwrap()).unwrap();
    println!(
        "2,000 students: {} bytes stored, {} bytes of JSON",
        meta.bytes,
        json.len()
    );
    // Under 2 % of Chromium's 10 MB quota, and well under the JSON it deflates.
    assert!(meta.bytes < 200_000, "{}", meta.bytes);
    assert!(meta.bytes < json.len(), "{} >= {}", meta.bytes, json.len());
}
