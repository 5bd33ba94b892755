//! The roster in a real browser's localStorage (headless Chromium): stored and read back as
//! a reload does, replaced, deleted with its choices kept, a full storage never costing the
//! stored roster, the salt drawn from the browser's random source once.
#![cfg(target_arch = "wasm32")]

use cohorte::domain::roster::matching::{decision_key, Decision};
use cohorte::domain::roster::{read_roster, RosterFile};
use cohorte::store::{random_salt, RestoreMode, Store, StoreError};
use wasm_bindgen_test::*;

#[path = "common/browser.rs"]
mod browser;

use browser::{clear, dump, leave_free, storage};

wasm_bindgen_test_configure!(run_in_browser);

const LATIN9: &[u8] = include_bytes!("fixtures/roster/siecle-latin9.xml");
const UTF8: &[u8] = include_bytes!("fixtures/roster/siecle-utf8-bom.xml");

fn latin9() -> RosterFile {
    read_roster("ElevesSansAdresses.xml", LATIN9).unwrap()
}

#[wasm_bindgen_test]
fn a_roster_round_trips_through_local_storage() {
    clear();
    let (meta, roster) = Store::save_roster(latin9(), 1_764_355_200_000.0).unwrap();
    // A new Repository over localStorage reads it afresh, as a reload does.
    let store = Store::open().unwrap();
    assert_eq!(store.roster().unwrap(), Some(roster.clone()));
    assert_eq!(store.roster_meta().unwrap(), Some(meta.clone()));
    assert_eq!(meta.students, roster.students.len());
    let keys: Vec<String> = dump().into_keys().collect();
    assert_eq!(keys, ["cohorte.v2.roster", "cohorte.v2.roster-choices"]);
    assert_eq!(Store::roster_salt().unwrap(), roster.salt);
}

#[wasm_bindgen_test]
fn the_browser_salt_is_random_and_kept() {
    clear();
    assert_ne!(random_salt(), random_salt());
    let salt = Store::roster_salt().unwrap();
    assert_eq!(salt.as_str().len(), 32);
    assert_eq!(Store::roster_salt().unwrap(), salt);
    let (_, roster) = Store::save_roster(latin9(), 1.0).unwrap();
    assert_eq!(roster.salt, salt);
}

#[wasm_bindgen_test]
fn replacing_and_deleting_keep_the_choices() {
    clear();
    let (_, first) = Store::save_roster(latin9(), 1.0).unwrap();
    let store = Store::open().unwrap();
    let key = decision_key("FICTIF", "Élève", "3E1");
    store
        .set_decision(
            key.clone(),
            Some(Decision::Student(first.students[0].key.clone())),
        )
        .unwrap();
    store
        .set_cohort_classes(9, Some(vec!["3e1".into()]))
        .unwrap();
    let utf8 = read_roster("autre.xml", UTF8).unwrap();
    let (meta, second) = Store::save_roster(utf8, 2.0).unwrap();
    assert_eq!(meta.file_name, "autre.xml");
    assert_eq!(second.salt, first.salt);
    assert_eq!(store.roster().unwrap(), Some(second));
    store.delete_roster().unwrap();
    assert_eq!(store.roster().unwrap(), None);
    assert!(store.decisions().unwrap().decisions.contains_key(&key));
    assert_eq!(
        store.cohort_classes(9).unwrap(),
        Some(vec!["3e1".to_owned()])
    );
}

#[wasm_bindgen_test]
fn a_full_storage_keeps_the_stored_roster() {
    clear();
    Store::save_roster(latin9(), 1.0).unwrap();
    let store = Store::open().unwrap();
    let text = store.backup(2.0).unwrap();
    // Fill what is left, so that any larger write is refused.
    leave_free(0);
    let before = dump();
    let utf8 = read_roster("autre.xml", UTF8).unwrap();
    let bigger: RosterFile = RosterFile {
        entries: utf8
            .entries
            .iter()
            .cycle()
            .take(200)
            .enumerate()
            .map(|(at, entry)| {
                let mut entry = entry.clone();
                entry.national_id = format!("{at:09}ZZ");
                entry
            })
            .collect(),
        ..utf8
    };
    assert_eq!(
        Store::save_roster(bigger, 3.0).unwrap_err(),
        StoreError::QuotaExceeded
    );
    assert_eq!(dump(), before);
    storage().remove_item("junk-fill").unwrap();

    // The backup brings it back after erasing.
    store.erase_all().unwrap();
    let report = store.restore(&text, RestoreMode::Replace).unwrap();
    assert!(report.roster_restored);
    assert_eq!(
        store.roster().unwrap().map(|roster| roster.file_name),
        Some("ElevesSansAdresses.xml".to_owned())
    );
}
