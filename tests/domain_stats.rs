//! The analysis aggregates (src/domain/views/stats.rs) on every profiles fixture, checked against
//! values recomputed here from the fixtures' expected JSON (`levels`, `score`, `certifiable`,
//! `class`), and a few figures of the 44-student campaign counted by hand.

use std::collections::HashMap;

use cohorte::domain::text::class_key;
use cohorte::domain::views::stats::{CohortStats, CoverageOrder};
use serde_json::Value;

mod common;
use common::{fixture, profile_fixtures, profile_rows};

fn stats_and_expected(name: &str) -> (CohortStats, Value) {
    let (snapshot, expected) = fixture(name);
    (CohortStats::of(profile_rows(&snapshot)), expected)
}

/// A sent student of the expected JSON.
struct Sent {
    score: u32,
    certifiable: bool,
    levels: Vec<u8>,
}

fn sent_students(expected: &Value) -> Vec<Sent> {
    expected["students"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|student| student["sent"].as_bool().unwrap())
        .map(|student| Sent {
            score: student["score"].as_u64().unwrap() as u32,
            certifiable: student["certifiable"].as_bool().unwrap(),
            levels: student["levels"]
                .as_array()
                .unwrap()
                .iter()
                .map(|level| level.as_u64().unwrap() as u8)
                .collect(),
        })
        .collect()
}

#[test]
fn competence_coverage_matches_the_expected_levels() {
    for name in profile_fixtures() {
        let name = name.as_str();
        let (stats, expected) = stats_and_expected(name);
        let sent = sent_students(&expected);
        assert_eq!(
            stats.participants as u64,
            expected["participants"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            stats.received as u64,
            expected["profiles_received"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            stats.certifiable as u64,
            expected["certifiable"].as_u64().unwrap(),
            "{name}"
        );
        for index in 0..16 {
            let reached = sent.iter().filter(|s| s.levels[index] >= 1).count();
            let level_sum: u32 = sent.iter().map(|s| u32::from(s.levels[index])).sum();
            let zeros = sent
                .iter()
                .filter(|s| !s.certifiable && s.levels[index] == 0)
                .count();
            let competence = stats.competences[index];
            assert_eq!(competence.reached, reached, "{name} competence {index}");
            assert_eq!(competence.level_sum, level_sum, "{name} competence {index}");
            assert_eq!(
                competence.zero_among_not_certifiable, zeros,
                "{name} competence {index}"
            );
            let share = reached as f64 / sent.len() as f64;
            assert!(
                (stats.coverage(index) - share).abs() < 1e-12,
                "{name} {index}"
            );
            assert!((0.0..=1.0).contains(&stats.coverage(index)));
        }
    }
}

#[test]
fn distributions_match_the_expected_scores_and_counts() {
    for name in profile_fixtures() {
        let name = name.as_str();
        let (stats, expected) = stats_and_expected(name);
        let sent = sent_students(&expected);
        let width = stats.score_bin_width;
        assert!(
            stats.score_bins.len() <= 12,
            "{name}: {} bins",
            stats.score_bins.len()
        );
        let mut bins = vec![0; stats.score_bins.len()];
        for student in &sent {
            bins[(student.score / width) as usize] += 1;
        }
        assert_eq!(stats.score_bins, bins, "{name}");
        assert_ne!(
            stats.score_bins.last(),
            Some(&0),
            "{name}: the last bin holds the top score"
        );

        let mut counts = [0usize; 17];
        for student in &sent {
            counts[student.levels.iter().filter(|&&level| level >= 1).count()] += 1;
        }
        assert_eq!(stats.competence_counts, counts, "{name}");
        assert_eq!(stats.at_or_above_threshold(), stats.certifiable, "{name}");
    }
}

#[test]
fn classes_match_the_expected_students() {
    for name in profile_fixtures() {
        let name = name.as_str();
        let (stats, expected) = stats_and_expected(name);
        // (participants, received, certifiable, reached per competence) by class key.
        let mut by_class: HashMap<String, (usize, usize, usize, [usize; 16])> = HashMap::new();
        for student in expected["students"].as_array().unwrap() {
            let key = class_key(student["class"].as_str().unwrap_or_default());
            let entry = by_class.entry(key).or_default();
            entry.0 += 1;
            if student["sent"].as_bool().unwrap() {
                entry.1 += 1;
                entry.2 += usize::from(student["certifiable"].as_bool().unwrap());
                for (index, level) in student["levels"].as_array().unwrap().iter().enumerate() {
                    entry.3[index] += usize::from(level.as_u64().unwrap() >= 1);
                }
            }
        }
        assert_eq!(stats.classes.len(), by_class.len(), "{name}");
        for class in &stats.classes {
            let (participants, received, certifiable, reached) = by_class[&class.key];
            assert_eq!(
                (
                    class.participants,
                    class.received,
                    class.certifiable,
                    class.reached
                ),
                (participants, received, certifiable, reached),
                "{name} class {}",
                class.label
            );
        }
    }
}

#[test]
fn the_44_student_campaign_by_hand() {
    let (stats, _) = stats_and_expected("collecte-3e-sco-2025");
    assert_eq!(
        (stats.participants, stats.received, stats.certifiable),
        (44, 36, 19)
    );
    assert_eq!(stats.not_certifiable(), 17);
    // 1.1: 14 of the 36 received profiles at level ≥ 1.
    assert!((stats.coverage(0) - 14.0 / 36.0).abs() < 1e-12);
    // 3.1: levels add up to 45, so 1.25 on average.
    assert!((stats.average_level(7) - 1.25).abs() < 1e-12);
    // Least covered: 2.4 (9 profiles); most covered: 3.3 (17).
    let ascending = stats.coverage_order(CoverageOrder::ShareAscending);
    assert_eq!(ascending[0], 6);
    assert_eq!(stats.coverage_order(CoverageOrder::ShareDescending)[0], 9);
    assert_eq!(
        stats.coverage_order(CoverageOrder::Framework),
        (0..16).collect::<Vec<_>>()
    );
    // Every one of the 17 non-certifiable students lacks 2.3 (Collaborer).
    assert_eq!(stats.quick_wins(3)[0], 5);
    assert_eq!(stats.competences[5].zero_among_not_certifiable, 17);
    // Top score 324 → 50-pix bins, 7 of them; 24, 36 and 42 fall in the first.
    assert_eq!(stats.score_bin_width, 50);
    assert_eq!(stats.score_bins, vec![3, 12, 6, 3, 7, 3, 2]);
    // Natural order 3A, 3B, 3C, 3D; 3A: 7 certifiable of 13 participants.
    let labels: Vec<&str> = stats.classes.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["3A", "3B", "3C", "3D"]);
    assert_eq!(
        (stats.classes[0].certifiable, stats.classes[0].participants),
        (7, 13)
    );
    assert!((stats.classes[0].certifiable_share() - 7.0 / 13.0).abs() < 1e-12);
}

#[test]
fn an_empty_campaign_gives_zeros_not_nan() {
    let stats = CohortStats::of(&[]);
    assert_eq!(stats.received, 0);
    assert!(stats.score_bins.is_empty());
    assert_eq!(stats.coverage(0), 0.0);
    assert_eq!(stats.average_level(0), 0.0);
    assert!(stats.quick_wins(5).is_empty());
}
