//! Plans of certification sessions in storage, natively (MemoryBackend and its quota): saved
//! and read back, one per collecte, untouched by a refused write, kept when the collecte is
//! replaced by a newer import, in backups (merge and replace), gone with « Tout effacer »;
//! backups made before plans still restore; nothing but names, classes and the extra-time
//! flag of the students is stored.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cohorte::domain::sessions::{propose, Candidate, CandidateStatus, Plan, PlanDate, StudentRef};
use cohorte::store::{Backend, MemoryBackend, Repository, RestoreMode, StoreError};

const CAMPAIGN: u64 = 348_127;

fn store() -> Repository<MemoryBackend> {
    Repository::new(MemoryBackend::default())
}

fn plan(campaign_id: u64) -> Plan {
    let mut plan = Plan::new(
        "3e — juin",
        PlanDate::parse_iso("2026-03-02").unwrap(),
        campaign_id,
    );
    plan.add_room("Salle 101", 16);
    plan.add_slot(PlanDate::parse_iso("2026-05-12").unwrap(), 8 * 60 + 30);
    let students: Vec<Candidate> = ["ARNAUD", "BERNARD", "CHEVALIER"]
        .iter()
        .map(|last| Candidate {
            student: StudentRef::new(last, "Lou", "3A"),
            status: CandidateStatus::Certifiable,
        })
        .collect();
    plan.set_extra_time(&students[1].student, true);
    plan.placements = propose(&plan, &students);
    plan
}

#[test]
fn a_plan_is_stored_read_back_and_replaced_per_collecte() {
    let store = store();
    assert_eq!(store.plans().unwrap(), vec![]);
    let first = plan(CAMPAIGN);
    assert_eq!(first.placements.len(), 3);
    store.save_plan(&first).unwrap();
    assert_eq!(store.plans().unwrap(), vec![first.clone()]);
    let mut changed = first.clone();
    changed.name = "3e — mai".into();
    let other = plan(1);
    store.save_plan(&other).unwrap();
    store.save_plan(&changed).unwrap();
    assert_eq!(store.plans().unwrap(), vec![changed, other.clone()]);
    store.delete_plan(CAMPAIGN).unwrap();
    assert_eq!(store.plans().unwrap(), vec![other]);
}

#[test]
fn a_refused_write_leaves_the_stored_plans_byte_for_byte() {
    let probe = store();
    probe.save_plan(&plan(CAMPAIGN)).unwrap();
    let store = Repository::new(MemoryBackend::with_quota(probe.backend().used_units() + 5));
    store.save_plan(&plan(CAMPAIGN)).unwrap();
    let before = store.backend().dump();
    let mut bigger = plan(CAMPAIGN);
    bigger.convocation_text = Some("x".repeat(1000));
    assert_eq!(store.save_plan(&bigger), Err(StoreError::QuotaExceeded));
    assert_eq!(store.backend().dump(), before);
}

#[test]
fn a_newer_import_of_the_collecte_keeps_the_plan() {
    let store = store();
    let snapshot = common::import("collecte-3e-sco-2025.csv");
    store.save(&snapshot, 10.0).unwrap();
    store.save_plan(&plan(snapshot.campaign.id)).unwrap();
    let mut newer = snapshot.clone();
    newer.content_hash ^= 1;
    store.save(&newer, 20.0).unwrap();
    // The older import deleted: the plan stays.
    let older = store.load_all().snapshots[0].0.id;
    store.delete(&[older]).unwrap();
    assert_eq!(store.plans().unwrap(), vec![plan(snapshot.campaign.id)]);
}

#[test]
fn plans_go_through_backups_and_erase_all_removes_them() {
    let store = store();
    store
        .save(&common::import("collecte-3e-sco-2025.csv"), 10.0)
        .unwrap();
    store.save_plan(&plan(CAMPAIGN)).unwrap();
    let text = store.backup(30.0).unwrap();
    assert!(text.contains("\"session_plans\""));

    store.erase_all().unwrap();
    assert_eq!(store.plans().unwrap(), vec![]);
    assert!(store.backend().dump().is_empty());

    let report = store.restore(&text, RestoreMode::Replace).unwrap();
    assert_eq!(report.plans_restored, 1);
    assert_eq!(store.plans().unwrap(), vec![plan(CAMPAIGN)]);

    // Merged: a stored plan of the same collecte wins, another collecte's plan is added.
    let target = self::store();
    let mut mine = plan(CAMPAIGN);
    mine.name = "le mien".into();
    target.save_plan(&mine).unwrap();
    target.save_plan(&plan(7)).unwrap();
    let report = target.restore(&text, RestoreMode::Merge).unwrap();
    assert_eq!(report.plans_restored, 0);
    assert_eq!(target.plans().unwrap(), vec![mine, plan(7)]);
    let empty = self::store();
    assert_eq!(
        empty
            .restore(&text, RestoreMode::Merge)
            .unwrap()
            .plans_restored,
        1
    );
    assert_eq!(empty.plans().unwrap(), vec![plan(CAMPAIGN)]);
}

#[test]
fn a_backup_made_before_plans_still_restores_and_merging_it_keeps_the_plans() {
    let text = common::read_text("store/backup-v3-liste.json");
    assert!(!text.contains("session_plans"));
    let store = store();
    store.save_plan(&plan(CAMPAIGN)).unwrap();
    let report = store.restore(&text, RestoreMode::Merge).unwrap();
    assert!(report.added > 0);
    assert_eq!(store.plans().unwrap(), vec![plan(CAMPAIGN)]);
    let report = store.restore(&text, RestoreMode::Replace).unwrap();
    assert_eq!(report.plans_restored, 0);
    assert_eq!(store.plans().unwrap(), vec![]);
}

#[test]
fn a_replace_refused_by_the_quota_puts_the_plans_back() {
    let source = store();
    source
        .save(&common::import("collecte-3e-sco-2025.csv"), 10.0)
        .unwrap();
    source.save_plan(&plan(CAMPAIGN)).unwrap();
    let text = source.backup(30.0).unwrap();
    // Room for what is stored, not for the backup's snapshot and plan as well.
    let small = Repository::new(MemoryBackend::with_quota(
        source.backend().used_units() - 10,
    ));
    small.save_plan(&plan(9)).unwrap();
    let before = small.backend().dump();
    assert!(small.restore(&text, RestoreMode::Replace).is_err());
    assert_eq!(small.backend().dump(), before);
}

#[test]
fn only_names_classes_and_the_extra_time_flag_are_stored() {
    let store = store();
    store.save_plan(&plan(CAMPAIGN)).unwrap();
    let text = store.backend().get("cohorte.v2.sessions").unwrap().unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let student = &json["plans"][0]["placements"][0]["student"];
    let mut fields: Vec<&str> = student
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort();
    assert_eq!(fields, ["class", "first", "last"]);
    let extra = &json["plans"][0]["extra_time"][0];
    assert_eq!(extra["last"], "BERNARD");
    assert_eq!(extra.as_object().unwrap().len(), 3);
}

#[test]
fn an_unreadable_entry_is_an_error_and_removable() {
    let store = store();
    store.backend().set("cohorte.v2.sessions", "{oops").unwrap();
    assert!(matches!(store.plans(), Err(StoreError::Corrupted { .. })));
    // A backup still carries the rest.
    assert!(store.backup(1.0).is_ok());
    store.remove_damaged("cohorte.v2.sessions").unwrap();
    assert_eq!(store.plans().unwrap(), vec![]);
}
