//! Comparing two collections of one campaign (tests/fixtures/series/README.md says what
//! changed between September and October), and one export with multiple sendings with itself.

use std::collections::HashSet;

use cohorte::domain::model::snapshot::{LocalDateTime, ProfileRow};
use cohorte::domain::views::cohort::{profile_students, StudentKey};
use cohorte::domain::views::diff::{as_of, compare, send_dates, ChangeCategory, Comparison};

mod common;

fn rows(path: &str) -> Vec<ProfileRow> {
    common::profile_rows(&common::import(path)).to_vec()
}

fn names(comparison: &Comparison, category: ChangeCategory) -> Vec<String> {
    let mut names: Vec<String> = comparison
        .in_category(category)
        .map(|change| format!("{} {}", change.last, change.first))
        .collect();
    names.sort();
    names
}

#[test]
fn september_to_october_puts_each_student_in_the_right_category() {
    let september = rows("collecte-3e-sco-2025.csv");
    let october = rows("series/collecte-3e-sco-2025-octobre.csv");
    let comparison = compare(&september, &october);

    assert_eq!(
        names(&comparison, ChangeCategory::BecameCertifiable),
        ["BEN SAÏD Noé", "CHEVALIER Anaïs"]
    );
    assert_eq!(
        names(&comparison, ChangeCategory::NoLongerCertifiable),
        ["BERTRAND Adam"]
    );
    assert_eq!(names(&comparison, ChangeCategory::Gone), ["VINCENT Sarah"]);
    assert_eq!(names(&comparison, ChangeCategory::Joined), ["AUBERT Lou"]);
    let newly_sent: Vec<String> = comparison
        .changes
        .iter()
        .filter(|change| change.newly_sent())
        .map(|change| format!("{} {}", change.last, change.first))
        .collect();
    assert_eq!(newly_sent, ["CHEVALIER Anaïs", "LEGRAND Jean-Baptiste"]);

    let counts = comparison.counts;
    assert_eq!(counts.still_not_certifiable, 17);
    assert_eq!(counts.still_certifiable, 17);
    assert_eq!(counts.still_not_sent, 6);
    assert_eq!(
        (counts.participants_before, counts.certifiable_before),
        (44, 19)
    );
    assert_eq!(
        (counts.participants_after, counts.certifiable_after),
        (44, 19)
    );
    // Every student of either collection is in exactly one category.
    assert_eq!(comparison.changes.len(), 45);

    let noe = comparison
        .changes
        .iter()
        .find(|change| change.first == "Noé")
        .unwrap();
    assert_eq!(noe.competence_change(), Some(2));
    assert_eq!(noe.score_change(), Some(7));
}

#[test]
fn comparing_a_collection_with_itself_changes_nothing() {
    let september = rows("collecte-3e-sco-2025.csv");
    let comparison = compare(&september, &september);
    let counts = comparison.counts;
    assert_eq!(
        counts.became_certifiable + counts.no_longer_certifiable + counts.gone + counts.joined,
        0
    );
    assert_eq!(counts.newly_sent, 0);
    assert_eq!(
        (
            counts.still_certifiable,
            counts.still_not_certifiable,
            counts.still_not_sent
        ),
        (19, 17, 8)
    );
    assert!(comparison
        .changes
        .iter()
        .all(|change| change.score_change().unwrap_or(0) == 0));
}

#[test]
fn an_export_with_multiple_sendings_is_its_own_history() {
    let all = rows("collecte-4e-envoi-multiple.csv");
    let dates = send_dates(&all);
    assert!(dates.windows(2).all(|pair| pair[0] < pair[1]));
    let start_of_october = LocalDateTime {
        year: 2025,
        month: 10,
        day: 1,
        minutes: Some(0),
    };
    let september = as_of(&all, start_of_october);
    let comparison = compare(&september, &all);

    // Rows sent in October are new profiles or second sendings; check them against the raw rows.
    let sent_in_october: Vec<&ProfileRow> = all
        .iter()
        .filter(|row| {
            row.profile
                .as_ref()
                .is_some_and(|p| p.sent_at > start_of_october)
        })
        .collect();
    assert!(!sent_in_october.is_empty());
    for row in sent_in_october {
        let change = comparison
            .changes
            .iter()
            .find(|change| change.last == row.learner.last() && change.first == row.learner.first())
            .unwrap();
        let earlier = all.iter().find(|other| {
            other.learner.last() == row.learner.last()
                && other.learner.first() == row.learner.first()
                && other
                    .profile
                    .as_ref()
                    .is_some_and(|p| p.sent_at <= start_of_october)
        });
        match earlier.and_then(|other| other.profile.as_ref()) {
            Some(previous) => {
                assert!(
                    !change.newly_sent(),
                    "{}: had sent in September",
                    row.learner.last()
                );
                let now = row.profile.as_ref().unwrap();
                assert_eq!(
                    change.score_change(),
                    Some(i64::from(now.total_pix) - i64::from(previous.total_pix))
                );
            }
            None => assert!(
                change.newly_sent(),
                "{} {}: first profile in October",
                row.learner.last(),
                row.learner.first()
            ),
        }
    }
    assert_eq!(
        comparison.counts.gone, 0,
        "as_of never removes a participant"
    );
}

#[test]
fn a_students_history_joins_every_import_once_per_sending() {
    use cohorte::domain::views::cohort::{student_history, StudentKey};
    let september = rows("collecte-3e-sco-2025.csv");
    let october = rows("series/collecte-3e-sco-2025-octobre.csv");
    let noe = september
        .iter()
        .find(|row| row.learner.first() == "Noé")
        .unwrap();
    let key = StudentKey::of(&noe.learner);
    // October's file is given twice: the same sending must not count twice.
    let history = student_history(
        [september.as_slice(), october.as_slice(), october.as_slice()],
        &key,
    );
    let points: Vec<(String, u32, u8)> = history
        .iter()
        .map(|s| (s.sent_at.iso(), s.score, s.certifiable_count))
        .collect();
    assert_eq!(
        points,
        [
            ("2025-09-01T16:00".to_owned(), 110, 3),
            ("2025-10-14T10:12".to_owned(), 117, 5)
        ]
    );
}

/// The students of a collection, as the comparison tells them apart.
fn student_keys(rows: &[ProfileRow]) -> HashSet<StudentKey> {
    profile_students(rows)
        .iter()
        .map(|student| StudentKey::of(student.learner()))
        .collect()
}

const CATEGORIES: [ChangeCategory; 7] = [
    ChangeCategory::BecameCertifiable,
    ChangeCategory::NoLongerCertifiable,
    ChangeCategory::StillNotCertifiable,
    ChangeCategory::StillCertifiable,
    ChangeCategory::StillNotSent,
    ChangeCategory::Joined,
    ChangeCategory::Gone,
];

#[test]
fn the_categories_account_for_every_student_of_both_collections() {
    let files = [
        "collecte-3e-sco-2025.csv",
        "series/collecte-3e-sco-2025-octobre.csv",
        "collecte-4e-envoi-multiple.csv",
        "collecte-incoherences.csv",
        "collecte-noms-speciaux.csv",
    ];
    for before_file in files {
        for after_file in files {
            let (before, after) = (rows(before_file), rows(after_file));
            let comparison = compare(&before, &after);
            let everyone: HashSet<StudentKey> = student_keys(&before)
                .union(&student_keys(&after))
                .cloned()
                .collect();
            let pair = format!("{before_file} → {after_file}");
            assert_eq!(comparison.counts.categorised(), everyone.len(), "{pair}");
            assert_eq!(comparison.changes.len(), everyone.len(), "{pair}");
            let listed: usize = CATEGORIES
                .iter()
                .map(|&category| comparison.in_category(category).count())
                .sum();
            assert_eq!(listed, everyone.len(), "{pair}");
            let named: HashSet<(String, String, String)> = comparison
                .changes
                .iter()
                .map(|c| (c.last.clone(), c.first.clone(), c.class.clone()))
                .collect();
            assert_eq!(named.len(), everyone.len(), "each student once: {pair}");
        }
    }
}

#[test]
fn students_who_sent_in_neither_collection_are_still_not_sent() {
    let september = rows("collecte-3e-sco-2025.csv");
    let october = rows("series/collecte-3e-sco-2025-octobre.csv");
    let comparison = compare(&september, &october);
    let counts = comparison.counts;
    // Every category is told, not only the changes.
    assert!(
        counts.still_not_sent > 0 && counts.still_certifiable > 0,
        "{counts:?}"
    );
    assert_eq!(
        counts.still_not_sent,
        comparison.in_category(ChangeCategory::StillNotSent).count()
    );
    assert_eq!(
        counts.still_certifiable,
        comparison
            .in_category(ChangeCategory::StillCertifiable)
            .count()
    );
    for change in comparison.in_category(ChangeCategory::StillNotSent) {
        assert!(!change.newly_sent());
        assert_eq!(change.before.map(|s| s.sent_at), Some(None), "{change:?}");
        assert_eq!(change.after.map(|s| s.sent_at), Some(None), "{change:?}");
    }
}

/// Issue 26 point 6: the comparison leads with progress — who moved, by how much — and is
/// exported with the students who moved up most first.
#[test]
fn the_comparison_leads_with_progress_and_exports_it() {
    use cohorte::domain::views::diff::{comparison_csv, ComparisonCsvLabels, StudentState};
    let september = rows("collecte-3e-sco-2025.csv");
    let october = rows("series/collecte-3e-sco-2025-octobre.csv");
    let comparison = compare(&september, &october);
    let progress = comparison.progress();
    let ups: Vec<i16> = comparison
        .changes
        .iter()
        .filter_map(|change| change.competence_change())
        .filter(|&gain| gain > 0)
        .collect();
    assert_eq!(progress.students_up, ups.len());
    assert!(progress.students_up > 0);
    assert_eq!(
        progress.competences_gained,
        ups.iter().map(|&gain| gain as u32).sum::<u32>()
    );

    let ordered = comparison.by_progress(None);
    assert_eq!(
        ordered.len(),
        comparison.changes.len(),
        "every student, once"
    );
    let gains: Vec<i16> = ordered
        .iter()
        .map(|change| change.competence_change().unwrap_or(i16::MIN))
        .collect();
    assert!(gains.windows(2).all(|pair| pair[0] >= pair[1]), "{gains:?}");
    // Inside a category too: « Toujours non certifiables » shows who moved first.
    let still = comparison.by_progress(Some(ChangeCategory::StillNotCertifiable));
    assert!(still
        .iter()
        .all(|change| change.category == ChangeCategory::StillNotCertifiable));

    let category = |category: ChangeCategory| category.slug();
    let state = |state: Option<StudentState>| {
        state.map_or("absent".to_owned(), |s| {
            format!("{:?} {:?}", s.score, s.certifiable_count)
        })
    };
    let labels = ComparisonCsvLabels {
        header: [
            "Classe",
            "Nom",
            "Prénom",
            "Catégorie",
            "Avant",
            "Après",
            "Comp.",
            "Pix",
        ],
        category: &category,
        state: &state,
    };
    let csv = comparison_csv(&comparison, &labels);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), comparison.changes.len() + 1);
    let top = ordered[0];
    assert!(
        lines[1].contains(&format!("{};{}", top.last, top.first)),
        "{}",
        lines[1]
    );
    let gain = top.competence_change().unwrap();
    assert!(gain > 0);
    assert!(lines[1].contains(&format!(";{gain};")), "{}", lines[1]);
}
