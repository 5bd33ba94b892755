//! The stored forms, natively: every fixture, generated exports of many shapes and arbitrary
//! snapshots (proptest) come back identical through a body, through the store and through a
//! backup; damaged or foreign text never panics and is never taken for a snapshot.
//!
//! `PROPTEST_CASES` sets the number of cases per property (256 by default; CI's figure is in
//! the README); e.g. `PROPTEST_CASES=100000 cargo test --release --test store_codec`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;

use cohorte::domain::generate::{generate_assessment_export, generate_profiles_export};
use cohorte::domain::import::import_file;
use cohorte::domain::model::competences::COMPETENCE_COUNT;
use cohorte::domain::model::snapshot::{
    AssessmentRow, AssessmentSheet, Campaign, CampaignKind, CampaignSnapshot, Learner,
    LocalDateTime, Mastery, Profile, ProfileRow, Rows,
};
use cohorte::store::body::{decode_text, encode_text, utf16_len};
use cohorte::store::{
    read_backup, Backend, CodecError, MemoryBackend, Repository, RestoreMode, SaveOutcome,
};
use proptest::prelude::*;

fn fixtures() -> Vec<(String, CampaignSnapshot)> {
    let mut out: Vec<_> = fs::read_dir(common::fixtures_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let snapshot = common::import(&name);
            (name, snapshot)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn assert_round_trip(name: &str, snapshot: &CampaignSnapshot, at: f64) -> usize {
    let text = encode_text(snapshot, at);
    let entry = decode_text(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(&entry.snapshot, snapshot, "{name}");
    assert_eq!(entry.imported_at_ms.to_bits(), at.to_bits(), "{name}");
    utf16_len(&text)
}

#[test]
fn every_fixture_comes_back_identical() {
    let all = fixtures();
    assert!(all.len() >= 12, "fixtures found: {}", all.len());
    for (index, (name, snapshot)) in all.iter().enumerate() {
        assert_round_trip(name, snapshot, 1_764_355_200_000.0 + index as f64);
    }
}

#[test]
fn generated_exports_of_every_size_come_back_identical() {
    let mut seed = 0;
    for rows in [1, 2, 7, 63, 64, 65, 500, 4000] {
        seed += 2;
        let profiles = import_file("p.csv", &generate_profiles_export(rows, seed)).unwrap();
        assert_round_trip(&format!("profiles {rows}"), &profiles, seed as f64);
        let assessment = import_file("e.csv", &generate_assessment_export(rows, seed)).unwrap();
        assert_round_trip(&format!("assessment {rows}"), &assessment, -1.5);
    }
}

#[test]
fn fifty_thousand_profile_rows_take_well_under_the_quota() {
    let snapshot = import_file("big.csv", &generate_profiles_export(50_000, 4)).unwrap();
    let units = assert_round_trip("50 000", &snapshot, 0.0);
    println!(
        "50 000 lignes : {units} unités UTF-16 ({:.1} par ligne)",
        units as f64 / 50_000.0
    );
    // Chromium's localStorage holds 5 Mi UTF-16 units per origin: 150,000 rows must fit.
    assert!(units * 3 < 5 * 1024 * 1024, "{units}");
}

/// xorshift, so that the mutations are the same on every run.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// One of the 15 bits a character of a body carries (U+4000 + 15 bits), changed.
fn flip_bit(unit: char, bit: u32) -> char {
    char::from_u32(0x4000 + ((u32::from(unit) - 0x4000) ^ (1 << bit))).unwrap()
}

#[test]
fn damaged_bodies_are_refused_without_panicking() {
    let mut state = 0x5eed_u64;
    for (name, snapshot) in fixtures() {
        let text = encode_text(&snapshot, 3.0);
        let chars: Vec<char> = text.chars().collect();
        for _ in 0..50 {
            let cut = (next(&mut state) as usize) % chars.len();
            let truncated: String = chars[..cut].iter().collect();
            assert!(decode_text(&truncated).is_err(), "{name}: cut at {cut}");
        }
        let mut noticed = 0;
        for _ in 0..100 {
            // One bit of one character changed, staying in the text's alphabet: zlib's
            // checksum of the content (or the deflate stream itself) notices, unless the bit
            // was one of the few the stream ignores (padding after its last block).
            let mut damaged = chars.clone();
            let at = 3 + (next(&mut state) as usize) % (damaged.len() - 4);
            let bit = next(&mut state) % 15;
            damaged[at] = flip_bit(damaged[at], bit as u32);
            let damaged: String = damaged.into_iter().collect();
            match decode_text(&damaged) {
                Err(_) => noticed += 1,
                Ok(entry) => assert_eq!(entry.snapshot, snapshot, "{name}: bit {bit} of {at}"),
            }
        }
        assert!(noticed >= 95, "{name}: {noticed} of 100 changes noticed");
    }
}

#[test]
fn the_empty_and_foreign_texts_are_not_snapshots() {
    for text in ["", "C", "C3", "{\"a\":1}", "C2\u{4000}", "C9"] {
        assert!(decode_text(text).is_err(), "{text:?}");
    }
    assert_eq!(decode_text("C5\u{4000}"), Err(CodecError::UnknownFormat(5)));
}

// ---------------------------------------------------------------------------------------------
// Arbitrary snapshots

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter)
}

fn date() -> impl Strategy<Value = LocalDateTime> {
    (any::<u16>(), any::<u8>(), any::<u8>(), any::<Option<u16>>()).prop_map(
        |(year, month, day, minutes)| LocalDateTime {
            year,
            month,
            day,
            minutes,
        },
    )
}

/// Every finite value, the extremes and the subnormals included (JSON has no NaN).
fn finite_f32() -> impl Strategy<Value = f32> {
    any::<f32>().prop_filter("finite", |value| value.is_finite())
}

fn finite_f64() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("finite", |value| value.is_finite())
}

fn learner() -> impl Strategy<Value = Learner> {
    (
        text(),
        text(),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(|(last, first, class, student_number, external_id)| {
            Learner::new(&last, &first, class.as_deref(), student_number, external_id)
        })
}

fn levels() -> impl Strategy<Value = [u8; COMPETENCE_COUNT]> {
    prop::array::uniform16(any::<u8>())
}

fn profile_row() -> impl Strategy<Value = ProfileRow> {
    let profile = (
        date(),
        any::<u32>(),
        levels(),
        levels(),
        any::<Option<bool>>(),
        any::<Option<u8>>(),
    )
        .prop_map(
            |(sent_at, total_pix, levels, pix, file_certifiable, file_certifiable_count)| Profile {
                sent_at,
                total_pix,
                levels,
                pix,
                file_certifiable,
                file_certifiable_count,
            },
        );
    (any::<u32>(), learner(), proptest::option::of(profile)).prop_map(|(line, learner, profile)| {
        ProfileRow {
            line,
            learner,
            profile,
        }
    })
}

fn masteries() -> impl Strategy<Value = Vec<Option<Mastery>>> {
    let mastery =
        (finite_f32(), any::<u16>(), any::<u16>()).prop_map(|(rate, targeted, validated)| {
            Mastery {
                rate,
                targeted,
                validated,
            }
        });
    prop::collection::vec(proptest::option::of(mastery), 0..4)
}

fn assessment_row() -> impl Strategy<Value = AssessmentRow> {
    (
        (any::<u32>(), learner(), proptest::option::of(finite_f32())),
        (
            proptest::option::of(date()),
            any::<bool>(),
            proptest::option::of(date()),
            any::<Option<u8>>(),
            proptest::option::of(finite_f32()),
        ),
        (
            prop::collection::vec(any::<Option<bool>>(), 0..4),
            masteries(),
            masteries(),
        ),
    )
        .prop_map(
            |(
                (line, learner, progress),
                (started_at, shared, shared_at, stage, mastery),
                (badges, competences, domains),
            )| AssessmentRow {
                line,
                learner,
                progress,
                started_at,
                shared,
                shared_at,
                stage,
                mastery,
                badges,
                competences,
                domains,
            },
        )
}

fn rows() -> impl Strategy<Value = Rows> {
    let sheet = (
        any::<Option<u8>>(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(
            |(stage_max, badges, competences, domains)| AssessmentSheet {
                stage_max,
                badges,
                competences,
                domains,
            },
        );
    prop_oneof![
        prop::collection::vec(profile_row(), 0..12).prop_map(Rows::Profiles),
        (sheet, prop::collection::vec(assessment_row(), 0..12))
            .prop_map(|(sheet, rows)| Rows::Assessment { sheet, rows }),
    ]
}

fn snapshot() -> impl Strategy<Value = CampaignSnapshot> {
    let campaign = (
        any::<u64>(),
        proptest::option::of(text()),
        text(),
        text(),
        prop_oneof![
            Just(CampaignKind::ProfilesCollection),
            Just(CampaignKind::Assessment)
        ],
        proptest::option::of(text()),
    )
        .prop_map(
            |(id, code, name, organisation, kind, target_profile)| Campaign {
                id,
                code,
                name,
                organisation,
                kind,
                target_profile,
            },
        );
    (
        campaign,
        text(),
        any::<u64>(),
        proptest::option::of(text()),
        rows(),
    )
        .prop_map(
            |(campaign, file_name, content_hash, external_id_label, rows)| CampaignSnapshot {
                campaign,
                file_name,
                content_hash,
                external_id_label,
                rows,
            },
        )
}

/// A few snapshots of distinct content, each with its import time.
fn snapshots() -> impl Strategy<Value = Vec<(CampaignSnapshot, f64)>> {
    prop::collection::vec((snapshot(), finite_f64()), 1..4).prop_map(|mut all| {
        for (index, (snapshot, _)) in all.iter_mut().enumerate() {
            snapshot.content_hash = snapshot.content_hash.wrapping_add(index as u64);
        }
        all.dedup_by_key(|(snapshot, _)| snapshot.content_hash);
        all
    })
}

fn stored(all: &[(CampaignSnapshot, f64)]) -> Repository<MemoryBackend> {
    let store = Repository::new(MemoryBackend::default());
    for (snapshot, at) in all {
        assert!(matches!(
            store.save(snapshot, *at),
            Ok(SaveOutcome::Saved(_))
        ));
    }
    store
}

fn assert_loads(store: &Repository<MemoryBackend>, all: &[(CampaignSnapshot, f64)]) {
    let loaded = store.load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.snapshots.len(), all.len());
    for ((meta, snapshot), (expected, at)) in loaded.snapshots.iter().zip(all) {
        assert_eq!(snapshot, expected);
        assert_eq!(meta.imported_at_ms.to_bits(), at.to_bits());
        assert_eq!(meta.rows, expected.rows.len());
    }
}

proptest! {
    #[test]
    fn any_snapshot_comes_back_identical_from_its_body(snapshot in snapshot(), at in finite_f64()) {
        let entry = decode_text(&encode_text(&snapshot, at)).unwrap();
        prop_assert_eq!(entry.snapshot, snapshot);
        prop_assert_eq!(entry.imported_at_ms.to_bits(), at.to_bits());
    }

    #[test]
    fn saved_snapshots_load_back_identical(all in snapshots()) {
        assert_loads(&stored(&all), &all);
    }

    #[test]
    fn a_backup_restores_what_was_stored(all in snapshots(), created in finite_f64()) {
        let file = stored(&all).backup(created).unwrap();
        let checked = read_backup(&file).unwrap();
        prop_assert_eq!(checked.len(), all.len());
        let other = Repository::new(MemoryBackend::default());
        let report = other.restore_checked(checked, RestoreMode::Replace).unwrap();
        prop_assert_eq!(report.added, all.len());
        assert_loads(&other, &all);
    }

    #[test]
    fn arbitrary_text_is_never_a_snapshot_nor_a_panic(text in any::<String>()) {
        prop_assert!(decode_text(&text).is_err());
        let ours = format!("C3{text}");
        prop_assert!(decode_text(&ours).is_err());
        let old = format!("C2{text}");
        prop_assert!(cohorte::store::legacy::v2::decode_text(&old).is_err());
        prop_assert!(read_backup(&text).is_err());
    }

    #[test]
    fn a_mutated_body_is_set_aside_or_unchanged_never_a_panic(
        all in snapshots(),
        at in any::<prop::sample::Index>(),
        flip in 0u32..15,
    ) {
        let store = stored(&all);
        let key = store
            .backend()
            .keys()
            .unwrap()
            .into_iter()
            .find(|key| key.starts_with("cohorte.v2.snapshot."))
            .unwrap();
        let text = store.backend().get(&key).unwrap().unwrap();
        let mut chars: Vec<char> = text.chars().collect();
        let position = 3 + at.index(chars.len() - 4);
        chars[position] = flip_bit(chars[position], flip);
        store.backend().set(&key, &chars.into_iter().collect::<String>()).unwrap();
        // Set aside, or (a bit the deflate stream ignores) read as it was: never other data.
        let loaded = store.load_all();
        prop_assert_eq!(loaded.snapshots.len() + loaded.damaged.len(), all.len());
        for (_, snapshot) in &loaded.snapshots {
            prop_assert!(all.iter().any(|(stored, _)| stored == snapshot));
        }
    }
}
