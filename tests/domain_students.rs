//! The students view across campaigns, checked against the fixtures' expected JSON.

use cohorte::domain::model::snapshot::Learner;
use cohorte::domain::views::students::{students_overview, KnownCertifiability};
use serde_json::Value;

mod common;
use common::fixture;

#[test]
fn two_campaigns_give_the_union_of_their_students_with_each_ones_latest_status() {
    let (third, third_expected) = fixture("collecte-3e-sco-2025");
    let (fourth, fourth_expected) = fixture("collecte-4e-envoi-multiple");
    let lines = students_overview([&third, &fourth]);

    let expected_students: Vec<&Value> = third_expected["students"]
        .as_array()
        .unwrap()
        .iter()
        .chain(fourth_expected["students"].as_array().unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        expected_students.len(),
        "no student merged or lost"
    );
    for student in expected_students {
        let (last, first, class) = (
            student["last"].as_str().unwrap(),
            student["first"].as_str().unwrap(),
            student["class"].as_str().unwrap(),
        );
        let line = lines
            .iter()
            .find(|line| line.last == last && line.first == first && line.class == class)
            .unwrap_or_else(|| panic!("{last} {first} ({class}) listed"));
        let want = match (
            student["sent"].as_bool().unwrap(),
            student["certifiable"].as_bool(),
        ) {
            (false, _) => KnownCertifiability::NotCommunicated,
            (true, Some(true)) => KnownCertifiability::Certifiable,
            (true, _) => KnownCertifiability::NotCertifiable,
        };
        assert_eq!(line.certifiability(), want, "{last} {first}");
        if let Some(latest) = &line.latest {
            assert_eq!(
                latest.sent_at.iso(),
                student["sent_at"].as_str().unwrap(),
                "{last} {first}: latest sending"
            );
            assert_eq!(u64::from(latest.score), student["score"].as_u64().unwrap());
        }
        assert_eq!(line.campaigns.len(), 1);
    }
}

#[test]
fn a_later_collection_of_the_same_campaign_updates_the_status_and_keeps_one_line() {
    let (september, _) = fixture("collecte-3e-sco-2025");
    let october = common::import("series/collecte-3e-sco-2025-octobre.csv");
    let lines = students_overview([&october, &september]);
    // 44 in September, plus AUBERT Lou who joined in October.
    assert_eq!(lines.len(), 45);
    let find = |last: &str, first: &str| {
        lines
            .iter()
            .find(|l| l.last == last && l.first == first)
            .unwrap()
    };
    assert_eq!(
        find("BEN SAÏD", "Noé").certifiability(),
        KnownCertifiability::Certifiable
    );
    assert_eq!(
        find("BERTRAND", "Adam").certifiability(),
        KnownCertifiability::NotCertifiable
    );
    // Gone from October, but September's profile is still the latest known.
    assert_eq!(
        find("VINCENT", "Sarah").certifiability(),
        KnownCertifiability::Certifiable
    );
    assert_eq!(
        find("AUBERT", "Lou").certifiability(),
        KnownCertifiability::NotCommunicated
    );
    assert!(lines.iter().all(|line| !line.possible_duplicate));
}

#[test]
fn the_same_name_in_two_classes_is_shown_twice_and_flagged() {
    let (third, _) = fixture("collecte-3e-sco-2025");
    let mut other = third.clone();
    other.campaign.id = 1;
    if let cohorte::domain::model::snapshot::Rows::Profiles(rows) = &mut other.rows {
        rows.truncate(1);
        let learner = &rows[0].learner;
        rows[0].learner = Learner::new(
            learner.last(),
            learner.first(),
            Some("4A"),
            learner.student_number.clone(),
            learner.external_id.clone(),
        );
    }
    let lines = students_overview([&third, &other]);
    let homonyms: Vec<_> = lines
        .iter()
        .filter(|line| line.last == "BEN SAÏD" && line.first == "Noé")
        .collect();
    assert_eq!(homonyms.len(), 2, "never merged silently");
    assert!(homonyms.iter().all(|line| line.possible_duplicate));
}

#[test]
fn students_sort_by_class_naturally_and_by_status_with_names_breaking_ties() {
    use cohorte::domain::views::students::{sort_students, StudentSort};
    let (third, _) = fixture("collecte-3e-sco-2025");
    let (fourth, _) = fixture("collecte-4e-envoi-multiple");
    let mut lines = students_overview([&third, &fourth]);

    sort_students(&mut lines, StudentSort::Class, false);
    let keys: Vec<&str> = lines.iter().map(|line| line.class_key.as_str()).collect();
    assert!(
        keys.first().unwrap().starts_with('3') && keys.last().unwrap().starts_with('4'),
        "{keys:?}"
    );

    sort_students(&mut lines, StudentSort::Certifiability, true);
    assert_eq!(
        lines[0].certifiability(),
        KnownCertifiability::NotCommunicated
    );
    let statuses: Vec<KnownCertifiability> =
        lines.iter().map(|line| line.certifiability()).collect();
    let first_certifiable = statuses
        .iter()
        .position(|s| *s == KnownCertifiability::Certifiable)
        .unwrap();
    assert!(statuses[first_certifiable..]
        .iter()
        .all(|s| *s == KnownCertifiability::Certifiable));
    let names: Vec<&str> = lines[first_certifiable..]
        .iter()
        .map(|line| line.search_key.as_str())
        .collect();
    assert!(
        names.windows(2).all(|pair| pair[0] <= pair[1]),
        "ties by name, ascending"
    );
}

/// Issue 26 point 7: a pupil of the list who joined no campaign needs the campaign's code;
/// one who joined and never sent needs a reminder. The view and its CSV tell them apart.
#[test]
fn never_joined_and_never_sent_are_two_situations_with_two_names() {
    use cohorte::domain::views::students::{students_csv, StudentOverview};
    let line = |last: &str, campaigns: Vec<(u64, String)>| StudentOverview {
        last: last.to_owned(),
        first: "Zoé".to_owned(),
        class: "3A".to_owned(),
        class_key: "3a".to_owned(),
        latest: None,
        campaigns,
        possible_duplicate: false,
        search_key: format!("{} zoe", last.to_lowercase()),
    };
    let never_joined = line("ABSENTE", Vec::new());
    let never_sent = line("MUETTE", vec![(7, "Collecte 3e".to_owned())]);
    assert_eq!(
        never_joined.certifiability(),
        KnownCertifiability::NeverJoined
    );
    assert_eq!(
        never_sent.certifiability(),
        KnownCertifiability::NotCommunicated
    );
    assert_ne!(
        KnownCertifiability::NeverJoined.slug(),
        KnownCertifiability::NotCommunicated.slug()
    );
    assert_eq!(
        KnownCertifiability::from_slug("never-joined"),
        Some(KnownCertifiability::NeverJoined)
    );
    let headers = [
        "Nom",
        "Prénom",
        "Classe",
        "Situation",
        "Date",
        "Score",
        "Comp.",
        "Campagnes",
    ];
    let labels = [
        "Certifiable",
        "Non certifiable",
        "Profil non envoyé",
        "Jamais participé",
    ];
    let csv = students_csv(&[never_joined, never_sent], headers, labels);
    assert!(csv.contains("ABSENTE;Zoé;3A;Jamais participé;"), "{csv}");
    assert!(csv.contains("MUETTE;Zoé;3A;Profil non envoyé;"), "{csv}");
}
