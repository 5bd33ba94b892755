//! The views computed from the fixtures: per-class summary, action list, CSV exports,
//! campaign list, assessment aggregates. Expected values come from the fixtures' JSON.

use std::collections::{BTreeMap, HashSet};
use std::fs;

use cohorte::domain::export::{participants_csv, ParticipantsCsvLabels};
use cohorte::domain::import::assessment::{
    assessment_lines, filter_assessment, mastery_averages, AssessmentFilter, AssessmentStatus,
};
use cohorte::domain::import::import_file;
use cohorte::domain::model::snapshot::{CampaignKind, CampaignSnapshot, Learner, ProfileRow, Rows};
use cohorte::domain::text::class_key;
use cohorte::domain::views::campaigns::{
    page_bounds, select_campaigns, ArchiveFilter, CampaignColumn, CampaignQuery, CampaignSummary,
};
use cohorte::domain::views::cohort::{
    class_summaries, classes_of, compare_with_earlier_snapshot, filter_and_sort, participant_lines,
    student_at, Certifiability, ParticipantFilter, Sort, SortColumn,
};
use cohorte::domain::views::todo::{todo_csv, todo_list, TodoCsvLabels};
use serde_json::Value;

mod common;
use common::{fixture, profile_fixtures, profile_rows};

#[derive(Default, Debug, PartialEq, Eq)]
struct Tally {
    participants: usize,
    certifiable: usize,
    not_certifiable: usize,
    not_sent: usize,
}

/// Per class key, what the expected JSON says.
fn expected_by_class(expected: &Value) -> BTreeMap<String, Tally> {
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for student in expected["students"].as_array().unwrap() {
        let tally = out
            .entry(class_key(student["class"].as_str().unwrap()))
            .or_default();
        tally.participants += 1;
        match (
            student["sent"].as_bool().unwrap(),
            student["certifiable"].as_bool(),
        ) {
            (false, _) => tally.not_sent += 1,
            (true, Some(true)) => tally.certifiable += 1,
            (true, _) => tally.not_certifiable += 1,
        }
    }
    out
}

#[test]
fn the_class_summary_matches_the_expected_students_of_every_fixture() {
    for name in profile_fixtures() {
        let name = name.as_str();
        let (snapshot, expected) = fixture(name);
        let lines = participant_lines(profile_rows(&snapshot));
        let summaries = class_summaries(&lines);
        let want = expected_by_class(&expected);
        assert_eq!(summaries.len(), want.len(), "{name}: one line per class");
        for summary in &summaries {
            let tally = &want[&summary.key];
            assert_eq!(
                (
                    summary.participants,
                    summary.certifiable,
                    summary.not_certifiable,
                    summary.not_sent
                ),
                (
                    tally.participants,
                    tally.certifiable,
                    tally.not_certifiable,
                    tally.not_sent
                ),
                "{name}: class {}",
                summary.label
            );
            assert_eq!(
                summary.received,
                summary.certifiable + summary.not_certifiable
            );
            assert_eq!(
                summary.all_certifiable(),
                tally.certifiable == tally.participants
            );
        }
        let total: usize = summaries.iter().map(|s| s.participants).sum();
        assert_eq!(total as u64, expected["participants"].as_u64().unwrap());
    }
}

#[test]
fn classes_come_in_natural_order() {
    let (snapshot, _) = fixture("collecte-reenregistre-virgules");
    let labels: Vec<String> = class_summaries(&participant_lines(profile_rows(&snapshot)))
        .into_iter()
        .map(|s| s.label)
        .collect();
    let position = |label: &str| labels.iter().position(|l| l == label).unwrap();
    assert!(position("2nde 2") < position("2nde 10"), "{labels:?}");
    assert!(position("2nde 1") < position("2nde 2"), "{labels:?}");
}

#[test]
fn class_ranks_follow_the_natural_order_of_classes_of() {
    for name in profile_fixtures() {
        let (snapshot, _) = fixture(&name);
        let lines = participant_lines(profile_rows(&snapshot));
        let classes = classes_of(&lines);
        for line in &lines {
            let expected = classes
                .iter()
                .position(|(key, _)| *key == line.class_key())
                .map_or(0, |position| position as u32 + 1);
            assert_eq!(line.class_rank, expected, "{name}: {:?}", line.class());
        }
    }
}

#[test]
fn class_ranks_group_the_ways_a_class_is_typed() {
    let classes = [
        Some("4 B"),
        Some("3E10"),
        None,
        Some("4b"),
        Some(""),
        Some("3E2"),
        Some("4ème B"),
        Some(" "),
        Some("3E10"),
        Some("2nde 2"),
    ];
    let rows: Vec<ProfileRow> = classes
        .iter()
        .enumerate()
        .map(|(index, class)| ProfileRow {
            line: index as u32 + 2,
            learner: Learner::new(&format!("NOM{index}"), "Léa", *class, None, None),
            profile: None,
        })
        .collect();
    let lines = participant_lines(&rows);
    let ranks: Vec<(String, u32)> = lines
        .iter()
        .map(|line| (line.class().to_owned(), line.class_rank))
        .collect();
    let rank = |class: &str| ranks.iter().find(|(typed, _)| typed == class).unwrap().1;
    assert_eq!(rank(""), 0);
    assert_eq!(rank(" "), 0);
    assert_eq!(rank("2nde 2"), 1);
    assert_eq!(rank("3E2"), 2);
    assert_eq!(rank("3E10"), 3);
    assert_eq!((rank("4 B"), rank("4b"), rank("4ème B")), (4, 4, 4));
    let keys = classes_of(&lines);
    for line in &lines {
        let expected = keys
            .iter()
            .position(|(key, _)| *key == line.class_key())
            .map_or(0, |position| position as u32 + 1);
        assert_eq!(line.class_rank, expected, "{:?}", line.class());
    }
}

#[test]
fn the_action_list_names_every_student_still_to_help_with_what_they_lack() {
    for name in profile_fixtures() {
        let name = name.as_str();
        let (snapshot, expected) = fixture(name);
        let rows = profile_rows(&snapshot);
        let lines = participant_lines(rows);
        let todo = todo_list(rows, &lines, &[]);
        let want = expected_by_class(&expected);
        assert_eq!(todo.len(), want.len(), "{name}");
        for class in &todo {
            let tally = &want[&class.key];
            assert_eq!(
                class.not_certifiable, tally.not_certifiable,
                "{name} {}",
                class.label
            );
            assert_eq!(class.not_sent, tally.not_sent, "{name} {}", class.label);
            assert_eq!(class.students.len(), class.to_do());
            for student in &class.students {
                let json = expected["students"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|s| {
                        s["last"] == student.last.as_str() && s["first"] == student.first.as_str()
                    })
                    .unwrap_or_else(|| panic!("{name}: {} expected", student.last));
                if json["sent"].as_bool().unwrap() {
                    assert_eq!(student.status, Certifiability::NotCertifiable);
                    assert_eq!(
                        u64::from(student.missing),
                        json["missing_to_certify"].as_u64().unwrap()
                    );
                    let zero: Vec<usize> = json["levels"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .enumerate()
                        .filter(|(_, level)| level.as_u64() == Some(0))
                        .map(|(index, _)| index)
                        .collect();
                    let listed: Vec<usize> = student
                        .at_level_zero
                        .iter()
                        .flat_map(|group| group.competences.iter().copied())
                        .collect();
                    assert_eq!(listed, zero, "{name}: {} level-0 competences", student.last);
                    assert!(student.closest.iter().all(|index| zero.contains(index)));
                } else {
                    assert_eq!(student.status, Certifiability::NotSent);
                    assert_eq!(student.missing, 5);
                    assert!(student.at_level_zero.is_empty());
                }
            }
            // Not certifiable before not sent, the closest to 5 first.
            let order: Vec<(bool, u8)> = class
                .students
                .iter()
                .map(|s| (s.status == Certifiability::NotSent, s.missing))
                .collect();
            let mut sorted = order.clone();
            sorted.sort();
            assert_eq!(order, sorted);
        }
    }
}

#[test]
fn the_action_list_follows_the_class_filter() {
    let (snapshot, expected) = fixture("collecte-3e-sco-2025");
    let rows = profile_rows(&snapshot);
    let lines = participant_lines(rows);
    let want = expected_by_class(&expected);
    let todo = todo_list(rows, &lines, &["3b".to_owned(), "3d".to_owned()]);
    assert_eq!(
        todo.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(),
        ["3b", "3d"]
    );
    assert_eq!(
        todo[0].to_do(),
        want["3b"].not_certifiable + want["3b"].not_sent
    );
}

const TODO_LABELS: TodoCsvLabels<'static> = TodoCsvLabels {
    header: [
        "Classe", "Nom", "Prénom", "Statut", "Comp", "Manque", "Zéro", "Proches",
    ],
    not_certifiable: "Non certifiable",
    not_sent: "Non envoyé",
    no_class: "Sans classe",
};

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("UTF-8 BOM first");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_action_list_csv_has_one_line_per_student_to_help() {
    let (snapshot, expected) = fixture("collecte-3e-sco-2025");
    let rows = profile_rows(&snapshot);
    let lines = participant_lines(rows);
    let text = todo_csv(&todo_list(rows, &lines, &[]), &TODO_LABELS);
    assert!(text.contains("\r\n"));
    let records = read_csv(&text);
    assert_eq!(records[0], TODO_LABELS.header);
    let to_do =
        expected["not_certifiable"].as_u64().unwrap() + expected["not_sent"].as_u64().unwrap();
    assert_eq!(records.len() as u64 - 1, to_do);
    let ben_said = records.iter().find(|r| r[1] == "BEN SAÏD").unwrap();
    assert_eq!(ben_said[0], "3B");
    assert_eq!(ben_said[3], "Non certifiable");
    assert_eq!(ben_said[4], "3");
    assert_eq!(ben_said[5], "2");
    assert!(
        ben_said[6].starts_with("Information et données : 1.1, 1.3"),
        "{}",
        ben_said[6]
    );
}

#[test]
fn the_participants_csv_defuses_formula_looking_names() {
    let (snapshot, expected) = fixture("collecte-noms-speciaux");
    let lines = participant_lines(profile_rows(&snapshot));
    let selected = filter_and_sort(&lines, &ParticipantFilter::default(), Sort::default());
    let labels = ParticipantsCsvLabels {
        header: [
            "Nom",
            "Prénom",
            "Classe",
            "Date",
            "Score",
            "Certifiable",
            "Comp",
        ],
        certifiable: "Certifiable",
        not_certifiable: "Non certifiable",
        not_sent: "Non envoyé",
    };
    let records = read_csv(&participants_csv(&lines, &selected, &labels));
    assert_eq!(
        records.len() - 1,
        expected["students"].as_array().unwrap().len()
    );
    for record in &records[1..] {
        for cell in record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "unguarded cell {cell:?}"
            );
        }
    }
    for student in expected["students"].as_array().unwrap() {
        let last = student["last"].as_str().unwrap();
        let shown = if last.starts_with(['=', '+', '-', '@']) {
            format!("'{last}")
        } else {
            last.to_owned()
        };
        let record = records
            .iter()
            .find(|r| r[0] == shown)
            .unwrap_or_else(|| panic!("{shown}"));
        assert_eq!(
            record[1],
            student["first"].as_str().unwrap(),
            "{last}: ; and quotes survive"
        );
        assert_eq!(record[4], student["score"].to_string());
    }
}

#[test]
fn sorting_is_total_and_every_column_orders_the_lines() {
    let (snapshot, _) = fixture("collecte-3e-sco-2025");
    let lines = participant_lines(profile_rows(&snapshot));
    for column in SortColumn::ALL {
        for descending in [false, true] {
            let order = filter_and_sort(
                &lines,
                &ParticipantFilter::default(),
                Sort { column, descending },
            );
            assert_eq!(order.len(), lines.len());
            let key = |index: usize| -> i64 {
                let line = &lines[index];
                match column {
                    SortColumn::Score => line.score.map_or(-1, i64::from),
                    SortColumn::Competences => line.certifiable_count.map_or(-1, i64::from),
                    SortColumn::Class => i64::from(line.class_rank),
                    _ => 0,
                }
            };
            for pair in order.windows(2) {
                let (a, b) = (key(pair[0]), key(pair[1]));
                assert!(
                    if descending { a >= b } else { a <= b },
                    "{column:?} {descending}"
                );
            }
        }
    }
}

#[test]
fn an_earlier_import_gives_the_evolution_of_students_who_sent_once() {
    let (snapshot, _) = fixture("collecte-3e-sco-2025");
    let rows = profile_rows(&snapshot);
    let mut earlier: Vec<ProfileRow> = rows.to_vec();
    for row in &mut earlier {
        if let Some(profile) = row.profile.as_mut() {
            profile.sent_at.year -= 1;
            profile.total_pix = profile.total_pix.saturating_sub(10);
        }
    }
    let mut lines = participant_lines(rows);
    compare_with_earlier_snapshot(&mut lines, &earlier);
    let sent: Vec<_> = lines.iter().filter(|l| l.score.is_some()).collect();
    assert!(!sent.is_empty());
    for line in sent {
        let previous = line.previous.expect("compared with the earlier import");
        assert!(previous.from_earlier_snapshot);
        assert_eq!(
            line.evolution(),
            Some(i64::from(line.score.unwrap()) - i64::from(previous.score))
        );
    }
    // A later file is no "earlier" profile.
    let mut lines = participant_lines(rows);
    compare_with_earlier_snapshot(&mut lines, rows);
    assert!(lines.iter().all(|l| l.previous.is_none()));
}

#[test]
fn the_detail_finds_every_sending_of_a_student() {
    let (snapshot, expected) = fixture("collecte-4e-envoi-multiple");
    let rows = profile_rows(&snapshot);
    let lines = participant_lines(rows);
    let with_history = lines
        .iter()
        .find(|l| l.sendings > 1)
        .expect("a student sent twice");
    let student = student_at(rows, with_history.row).unwrap();
    assert_eq!(student.current_row, with_history.row);
    assert_eq!(
        student
            .history
            .iter()
            .filter(|r| r.profile.is_some())
            .count(),
        with_history.sendings
    );
    let json = expected["students"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["last"] == with_history.last() && s["first"] == with_history.first())
        .unwrap();
    let levels: Vec<u64> = student
        .profile()
        .unwrap()
        .levels
        .iter()
        .map(|&l| u64::from(l))
        .collect();
    let want: Vec<u64> = json["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_u64().unwrap())
        .collect();
    assert_eq!(levels, want);
}

fn all_summaries() -> Vec<CampaignSummary> {
    let mut names: Vec<String> = fs::read_dir(common::fixtures_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    names.sort();
    let mut by_id: BTreeMap<u64, (CampaignSnapshot, usize)> = BTreeMap::new();
    for name in names {
        let snapshot = common::import(&name);
        let entry = by_id
            .entry(snapshot.campaign.id)
            .or_insert((snapshot.clone(), 0));
        entry.1 += 1;
    }
    by_id
        .values()
        .map(|(snapshot, count)| CampaignSummary::of(snapshot, *count))
        .collect()
}

#[test]
fn the_campaign_list_searches_filters_archives_and_sorts_every_column() {
    let all = all_summaries();
    let none = HashSet::new();
    let everything = select_campaigns(&all, &CampaignQuery::default(), &none);
    assert_eq!(everything.len(), all.len());

    let query = CampaignQuery {
        search: "EVALUATION".into(),
        ..CampaignQuery::default()
    };
    let found = select_campaigns(&all, &query, &none);
    assert!(!found.is_empty());
    assert!(found
        .iter()
        .all(|&i| all[i].search_key.contains("evaluation")));

    let code = all.iter().find_map(|s| s.code.clone()).unwrap();
    let query = CampaignQuery {
        search: code.to_lowercase(),
        ..CampaignQuery::default()
    };
    assert!(!select_campaigns(&all, &query, &none).is_empty());

    let query = CampaignQuery {
        kind: Some(CampaignKind::Assessment),
        ..CampaignQuery::default()
    };
    let assessments = select_campaigns(&all, &query, &none);
    assert_eq!(
        assessments.len(),
        all.iter()
            .filter(|s| s.kind == CampaignKind::Assessment)
            .count()
    );

    let archived: HashSet<u64> = [all[0].id].into();
    assert_eq!(
        select_campaigns(&all, &CampaignQuery::default(), &archived).len(),
        all.len() - 1
    );
    let query = CampaignQuery {
        archive: ArchiveFilter::Archived,
        ..CampaignQuery::default()
    };
    assert_eq!(select_campaigns(&all, &query, &archived), vec![0]);

    for column in [
        CampaignColumn::Participants,
        CampaignColumn::Received,
        CampaignColumn::Snapshots,
        CampaignColumn::Latest,
        CampaignColumn::Certifiable,
        CampaignColumn::Name,
        CampaignColumn::Code,
        CampaignColumn::Kind,
        CampaignColumn::Organisation,
    ] {
        let ascending = select_campaigns(
            &all,
            &CampaignQuery {
                column,
                descending: false,
                ..CampaignQuery::default()
            },
            &none,
        );
        let descending = select_campaigns(
            &all,
            &CampaignQuery {
                column,
                descending: true,
                ..CampaignQuery::default()
            },
            &none,
        );
        assert_eq!(ascending.len(), all.len());
        if column == CampaignColumn::Participants {
            for pair in ascending.windows(2) {
                assert!(all[pair[0]].participants <= all[pair[1]].participants);
            }
            assert!(all[descending[0]].participants >= all[descending[1]].participants);
        }
        assert_ne!(ascending, descending, "{column:?} changes the order");
    }
    assert_eq!(page_bounds(60, 25, 3), (50, 60, 3, 3));
    assert_eq!(page_bounds(0, 25, 9), (0, 0, 1, 1));
}

#[test]
fn assessment_lines_filters_and_averages_match_the_expected_students() {
    for name in [
        "evaluation-rentree-5e",
        "evaluation-2022-ancien-format",
        "evaluation-exam",
    ] {
        let (snapshot, expected) = fixture(name);
        let Rows::Assessment { sheet, rows } = &snapshot.rows else {
            panic!("{name}: assessment expected");
        };
        let lines = assessment_lines(rows);
        assert_eq!(
            lines.len() as u64,
            expected["participants"].as_u64().unwrap(),
            "{name}"
        );
        let shared = filter_assessment(
            &lines,
            &AssessmentFilter {
                status: Some(AssessmentStatus::Shared),
                ..AssessmentFilter::default()
            },
        );
        assert_eq!(
            shared.len() as u64,
            expected["shared"].as_u64().unwrap(),
            "{name}"
        );
        let all: Vec<usize> = (0..lines.len()).collect();
        let averages = mastery_averages(rows, sheet, &lines, &all);
        let masteries: Vec<f64> = expected["students"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["mastery"].as_f64())
            .collect();
        let mean = masteries.iter().sum::<f64>() / masteries.len() as f64;
        assert!(
            (f64::from(averages.overall.unwrap()) - mean).abs() < 1e-3,
            "{name}"
        );
        assert_eq!(averages.shared, shared.len());
        assert_eq!(averages.competences.len(), sheet.competences.len());
        assert_eq!(averages.domains.len(), sheet.domains.len());
        for average in averages.competences.iter().chain(&averages.domains) {
            let value = average
                .average
                .expect("every shared result has each competence");
            assert!((0.0..=1.0).contains(&value));
        }
        if sheet.stage_max.is_some() {
            let stage_one = filter_assessment(
                &lines,
                &AssessmentFilter {
                    stage: Some(1),
                    ..AssessmentFilter::default()
                },
            );
            let want = expected["students"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["stage"].as_u64() == Some(1))
                .count();
            assert_eq!(stage_one.len(), want, "{name}: stage 1");
        }
        let class = lines[0].class_key.clone();
        let by_class = filter_assessment(
            &lines,
            &AssessmentFilter {
                classes: vec![class.clone()],
                ..AssessmentFilter::default()
            },
        );
        assert!(by_class.iter().all(|&i| lines[i].class_key == class));
    }
}

#[test]
fn a_20000_row_campaign_filters_sorts_and_lists_what_to_do() {
    use cohorte::domain::generate::generate_profiles_export;
    let bytes = generate_profiles_export(20_000, 7);
    let snapshot = import_file("grand.csv", &bytes).unwrap();
    let rows = profile_rows(&snapshot);
    let lines = participant_lines(rows);
    let started = std::time::Instant::now();
    let mut total = 0;
    for column in SortColumn::ALL {
        let filter = ParticipantFilter {
            status: Some(Certifiability::NotCertifiable),
            search: "ma".into(),
            ..ParticipantFilter::default()
        };
        let order = filter_and_sort(
            &lines,
            &filter,
            Sort {
                column,
                descending: true,
            },
        );
        assert!(order
            .iter()
            .all(|&i| lines[i].status == Certifiability::NotCertifiable));
        total += order.len();
    }
    let todo = todo_list(rows, &lines, &[]);
    let summaries = class_summaries(&lines);
    eprintln!(
        "20,000 rows: 8 sorts + action list in {:?}",
        started.elapsed()
    );
    assert!(total > 0);
    let to_do: usize = todo.iter().map(|c| c.to_do()).sum();
    let not_done: usize = summaries
        .iter()
        .map(|s| s.not_certifiable + s.not_sent)
        .sum();
    assert_eq!(to_do, not_done);
}

/// Issue 26 point 4: what a pupil must work on first is always enough to reach 5 — the five
/// closest to level 1 for a pupil at 0 pix — and the to-do list, its CSV and the pupil's
/// detail (all through `work_first`) give the same competences.
#[test]
fn work_first_always_reaches_five_and_is_the_same_everywhere() {
    use cohorte::domain::model::snapshot::{LocalDateTime, Profile};
    use cohorte::domain::views::todo::{competence_list, work_first};
    let profile = |levels: [u8; 16], pix: [u8; 16]| Profile {
        sent_at: LocalDateTime {
            year: 2025,
            month: 10,
            day: 1,
            minutes: Some(600),
        },
        total_pix: pix.iter().map(|&p| u32::from(p)).sum(),
        levels,
        pix,
        file_certifiable: None,
        file_certifiable_count: None,
    };
    // At 0 pix: five competences, the framework's first five.
    let zero = profile([0; 16], [0; 16]);
    assert_eq!(work_first(&zero), [0, 1, 2, 3, 4]);
    // Three at level 1, pix on two others: the two closest (most pix) first, then nothing
    // more than the two missing.
    let mut levels = [0; 16];
    levels[0] = 1;
    levels[5] = 1;
    levels[9] = 1;
    let mut pix = [0; 16];
    pix[0] = 8;
    pix[5] = 8;
    pix[9] = 8;
    pix[12] = 6;
    pix[3] = 7;
    let close = profile(levels, pix);
    assert_eq!(close.missing_to_certify(), 2);
    assert_eq!(work_first(&close), [3, 12]);
    // One with pix, the rest at 0: that one, then the framework's order.
    let mut pix = [0; 16];
    pix[10] = 3;
    assert_eq!(work_first(&profile([0; 16], pix)), [10, 0, 1, 2, 3]);
    // A certifiable pupil has nothing to work on first.
    assert!(work_first(&profile([1; 16], [8; 16])).is_empty());

    // In the to-do list and its CSV: the same list, for every pupil of every fixture.
    for name in profile_fixtures() {
        let (snapshot, _) = fixture(&name);
        let rows = profile_rows(&snapshot);
        let lines = participant_lines(rows);
        let classes = todo_list(rows, &lines, &[]);
        let labels = TodoCsvLabels {
            header: ["a", "b", "c", "d", "e", "f", "g", "h"],
            not_certifiable: "Non certifiable",
            not_sent: "Profil non envoyé",
            no_class: "Sans classe",
        };
        let csv = todo_csv(&classes, &labels);
        for student in classes.iter().flat_map(|class| &class.students) {
            match rows[student.row].profile.as_ref() {
                Some(profile) => {
                    assert_eq!(student.closest, work_first(profile), "{name}");
                    assert_eq!(
                        student.closest.len(),
                        usize::from(student.missing),
                        "{name}"
                    );
                    let listed = competence_list(&student.closest);
                    assert!(csv.contains(&listed), "{name}: {listed} in the CSV");
                }
                None => assert!(student.closest.is_empty()),
            }
        }
    }
}

/// Issue 26 point 3: the example export is marked as such, so the list shows « Exemple » and
/// the students view leaves its invented students out.
#[test]
fn the_example_is_told_from_the_schools_data() {
    use cohorte::domain::views::campaigns::{is_example, EXAMPLE_FILE_NAME};
    use cohorte::domain::views::students::students_overview;
    let (real, _) = fixture("collecte-3e-sco-2025");
    let mut example = real.clone();
    example.file_name = EXAMPLE_FILE_NAME.to_owned();
    assert!(is_example(&example));
    assert!(!is_example(&real));
    assert!(CampaignSummary::of(&example, 1).example);
    assert!(!CampaignSummary::of(&real, 1).example);
    let (fourth, _) = fixture("collecte-4e-envoi-multiple");
    let school: Vec<_> = [&example, &fourth]
        .into_iter()
        .filter(|snapshot| !is_example(snapshot))
        .collect();
    assert_eq!(
        students_overview(school).len(),
        students_overview([&fourth]).len()
    );
}
