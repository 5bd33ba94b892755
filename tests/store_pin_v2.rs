//! One-off: writes, with the store of commit 3d0b4a6 (format 2, the custom codec), the exact
//! localStorage content that release writes for some fixtures, and what it must read back as.
//! Run once with `cargo test --test store_pin_v2 -- --ignored`; removed with the codec.

use std::collections::BTreeMap;

use cohorte::domain::import::import_file;
use cohorte::domain::snapshot::{CampaignSnapshot, Learner, Rows};
use cohorte::store::{MemoryBackend, Repository, SaveOutcome};
use serde::Serialize;

fn fixture(name: &str) -> CampaignSnapshot {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    import_file(name, &std::fs::read(path).unwrap()).unwrap()
}

fn odd() -> CampaignSnapshot {
    let mut odd = fixture("evaluation-rentree-5e.csv");
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

#[derive(Serialize)]
struct Expected<'a> {
    id: u32,
    imported_at_ms: f64,
    snapshot: &'a CampaignSnapshot,
}

#[test]
#[ignore]
fn pin_what_format_2_writes() {
    let snapshots = [
        (fixture("collecte-3e-sco-2025.csv"), 1_764_355_200_000.0),
        (fixture("collecte-2020-ancien-format.csv"), 1_764_355_260_123.0),
        (fixture("evaluation-rentree-5e.csv"), 1_764_441_600_000.5),
        (fixture("evaluation-exam.csv"), 1_764_528_000_000.0),
        (fixture("collecte-sup-groupes.csv"), 1_764_614_400_000.0),
        (odd(), 0.5),
    ];
    let store = Repository::new(MemoryBackend::default());
    let mut expected = Vec::new();
    for (snapshot, at) in &snapshots {
        let SaveOutcome::Saved(meta) = store.save(snapshot, *at).unwrap() else {
            panic!("distinct fixtures");
        };
        expected.push(Expected {
            id: meta.id,
            imported_at_ms: *at,
            snapshot,
        });
    }
    // One deleted, so that ids have a gap and next_id is not the count plus one.
    store.delete(&[4]).unwrap();
    expected.retain(|entry| entry.id != 4);
    let dump: BTreeMap<String, String> = store.backend().dump();
    let dir = format!("{}/tests/fixtures/store", env!("CARGO_MANIFEST_DIR"));
    std::fs::write(
        format!("{dir}/v2-storage.json"),
        serde_json::to_string_pretty(&dump).unwrap(),
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/v2-expected.json"),
        serde_json::to_string(&expected).unwrap(),
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/v2-backup.json"),
        store.backup(1_764_700_000_000.0).unwrap(),
    )
    .unwrap();
}
