//! Plans of certification sessions in a real browser's localStorage: stored and read back as
//! a reload does, a full storage never costing the stored plan, backed up, erased, restored.
#![cfg(target_arch = "wasm32")]

use cohorte::domain::sessions::{Plan, PlanDate, StudentRef};
use cohorte::store::{RestoreMode, Store, StoreError};
use wasm_bindgen_test::*;

#[path = "common/browser.rs"]
mod browser;

use browser::{clear, dump, leave_free, storage};

wasm_bindgen_test_configure!(run_in_browser);

fn plan() -> Plan {
    let mut plan = Plan::new("3e", PlanDate::parse_iso("2026-03-02").unwrap(), 348_127);
    plan.add_room("Salle 101", 16);
    plan.add_slot(PlanDate::parse_iso("2026-05-12").unwrap(), 510);
    let student = StudentRef::new("BONNET", "Sarah", "3A");
    plan.set_extra_time(&student, true);
    let session = plan.sessions()[0].id;
    plan.place(&student, Some(session));
    plan
}

#[wasm_bindgen_test]
fn a_plan_round_trips_through_local_storage_and_a_backup() {
    clear();
    Store::open().unwrap().save_plan(&plan()).unwrap();
    // A new Repository over localStorage reads it afresh, as a reload does.
    let store = Store::open().unwrap();
    assert_eq!(store.plans().unwrap(), vec![plan()]);
    let keys: Vec<String> = dump().into_keys().collect();
    assert_eq!(keys, ["cohorte.v2.sessions"]);
    let text = store.backup(1.0).unwrap();
    store.erase_all().unwrap();
    assert_eq!(store.plans().unwrap(), vec![]);
    assert!(dump().is_empty());
    let report = store.restore(&text, RestoreMode::Replace).unwrap();
    assert_eq!(report.plans_restored, 1);
    assert_eq!(store.plans().unwrap(), vec![plan()]);
}

#[wasm_bindgen_test]
fn a_full_storage_keeps_the_stored_plan() {
    clear();
    let store = Store::open().unwrap();
    store.save_plan(&plan()).unwrap();
    leave_free(0);
    let before = dump();
    let mut bigger = plan();
    bigger.convocation_text = Some("x".repeat(5_000));
    assert_eq!(store.save_plan(&bigger), Err(StoreError::QuotaExceeded));
    assert_eq!(dump(), before);
    storage().remove_item("junk-fill").unwrap();
    assert_eq!(store.plans().unwrap(), vec![plan()]);
}
