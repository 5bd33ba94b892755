//! How many participant rows fit in Chromium's localStorage. Generated exports are imported,
//! then each is collected again and again (every student's profile moves on a little, as
//! between two collections of the same campaign), each collection stored as a new snapshot,
//! until the quota refuses one. Generating and parsing every collection from CSV would take
//! half a minute in a debug build; the stored snapshots are the same size either way.
#![cfg(target_arch = "wasm32")]

use cohorte::domain::generate::generate_profiles_export;
use cohorte::domain::import::import_file;
use cohorte::domain::model::snapshot::{CampaignSnapshot, Rows};
use cohorte::store::{SaveOutcome, Store, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ROWS_PER_EXPORT: usize = 15_000;

/// The same campaign collected again later: some students earned pix in one competence.
fn next_collection(base: &CampaignSnapshot, round: u64) -> CampaignSnapshot {
    let mut next = base.clone();
    next.content_hash = base.content_hash ^ round.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    next.file_name = format!("collecte-{round}.csv");
    if let Rows::Profiles(rows) = &mut next.rows {
        for (index, row) in rows.iter_mut().enumerate() {
            if let Some(profile) = &mut row.profile {
                if (index as u64 + round).is_multiple_of(3) {
                    let competence = (index + round as usize) % 16;
                    profile.pix[competence] = profile.pix[competence].saturating_add(3).min(63);
                    profile.levels[competence] = profile.pix[competence] / 8;
                    profile.total_pix += 3;
                }
            }
        }
    }
    next
}

/// Lets the test runner talk to the page between two big writes.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn at_least_a_hundred_and_fifty_thousand_participant_rows_fit() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let started = js_sys::Date::now();
    // Even seeds: the generator folds seed and seed + 1 together.
    let bases: Vec<CampaignSnapshot> = [2u64, 4]
        .iter()
        .map(|&seed| {
            let export = generate_profiles_export(ROWS_PER_EXPORT, seed);
            import_file(&format!("export-{seed}.csv"), &export).unwrap()
        })
        .collect();
    let mut stored_rows = 0;
    let mut stored_units = 0;
    let mut snapshots = 0;
    let mut refused = false;
    for round in 0..200u64 {
        let base = &bases[round as usize % bases.len()];
        let snapshot = if round < bases.len() as u64 {
            base.clone()
        } else {
            next_collection(base, round)
        };
        match Store::save(&snapshot, round as f64) {
            Ok(SaveOutcome::Saved(meta)) => {
                stored_rows += meta.rows;
                stored_units += meta.bytes / 2;
                snapshots += 1;
            }
            Ok(SaveOutcome::AlreadyStored(_)) => panic!("round {round}: distinct content expected"),
            Err(StoreError::QuotaExceeded) => {
                refused = true;
                break;
            }
            Err(other) => panic!("{other:?}"),
        }
        yield_to_browser().await;
    }
    assert!(refused, "the quota never refused an import");
    // What was stored before the refusal is all there, and reads back.
    let loaded = Store::load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let loaded_rows: usize = loaded.snapshots.iter().map(|(meta, _)| meta.rows).sum();
    assert_eq!(loaded_rows, stored_rows);
    console_log!(
        "capacité : {stored_rows} lignes de participants stockées ({snapshots} imports, {:.1} unités UTF-16 par ligne, {:.1} s)",
        stored_units as f64 / stored_rows as f64,
        (js_sys::Date::now() - started) / 1000.0
    );
    // The budget of the README's bench table.
    assert!(stored_rows >= 150_000, "{stored_rows}");
    storage.clear().unwrap();
}
