//! The certification results file (docs/certification.md §3) over the fixtures of
//! tests/fixtures/certification (made by its make.py): both formats and the one-month
//! `Résultat` shape, French and English, every status, homonyms, a student renamed since
//! enrolment, a class split over two sessions, a multi-line jury comment; then the class
//! views, the cohort figures and the catch-up CSV.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cohorte::domain::results::catch_up::{catch_up_csv, catch_up_lines, CatchUpCsvLabels};
use cohorte::domain::results::matching::{
    class_views, members_from_roster, propose_class, ClassView, LineNote, Member, ResultLine,
};
use cohorte::domain::results::stats::{cohort_stats, CollecteStudent};
use cohorte::domain::results::{
    looks_like_results, read_results, ClassResults, PixLevel, ResultStatus, ResultsErrorKind,
    ResultsFormat, ResultsLanguage,
};
use cohorte::domain::roster::{looks_like_roster, read_roster, RosterSalt};
use proptest::prelude::*;

const FILE_3A: &str = "20260316_resultats_3A.csv";
const FILE_3B: &str = "20260121_resultats_3B.csv";
const FILE_3C: &str = "20260311_results_3C.csv";
const FILE_SINGLE: &str = "export-session-resultat.csv";
const FILE_2021: &str = "20210611_resultats_TermA.csv";

fn bytes(name: &str) -> Vec<u8> {
    common::read(&format!("certification/{name}"))
}

fn class_results(name: &str) -> ClassResults {
    let file = read_results(name, &bytes(name)).unwrap_or_else(|e| panic!("{e}"));
    let class = file
        .class_from_name
        .clone()
        .unwrap_or_else(|| "?".to_owned());
    file.into_class_results(&class)
}

fn members() -> Vec<Member> {
    let roster = read_roster("liste-eleves-sco.csv", &bytes("liste-eleves-sco.csv"))
        .unwrap()
        .into_roster(&RosterSalt::from_random_bytes([1; 16]));
    members_from_roster(&roster)
}

fn views() -> Vec<ClassView> {
    let sets = [FILE_3A, FILE_3B, FILE_3C].map(class_results);
    class_views(&members(), &sets)
}

fn line<'a>(view: &'a ClassView, last: &str, first: &str) -> &'a ResultLine {
    view.lines
        .iter()
        .find(|line| line.last == last && line.first == first)
        .unwrap_or_else(|| panic!("{last} {first} in {}", view.class))
}

#[test]
fn every_fixture_is_recognised_by_its_header_and_never_as_a_roster_or_export() {
    for name in [FILE_3A, FILE_3B, FILE_3C, FILE_SINGLE, FILE_2021] {
        let data = bytes(name);
        assert!(looks_like_results(&data), "{name}");
        assert!(!looks_like_roster(&data), "{name}");
    }
    assert!(!looks_like_results(&bytes("liste-eleves-sco.csv")));
    assert!(!looks_like_results(&common::read(
        "collecte-3e-sco-2025.csv"
    )));
    assert!(!looks_like_results(&common::read(
        "evaluation-rentree-5e.csv"
    )));
}

#[test]
fn the_current_french_format_reads_every_status_level_and_score() {
    let file = read_results(FILE_3A, &bytes(FILE_3A)).unwrap();
    assert_eq!(file.format, ResultsFormat::Current);
    assert_eq!(file.language, ResultsLanguage::French);
    assert_eq!(file.class_from_name.as_deref(), Some("3A"));
    assert_eq!(file.rows.len(), 9);
    let statuses: Vec<ResultStatus> = file.rows.iter().map(|r| r.row.status).collect();
    for status in ResultStatus::ALL {
        assert!(statuses.contains(&status), "{status:?}");
    }
    let martin = &file.rows[0].row;
    assert_eq!(
        (martin.last.as_str(), martin.first.as_str()),
        ("MARTIN", "Inès")
    );
    assert_eq!(martin.level, Some(PixLevel::Independent1));
    assert_eq!(martin.score, Some(301));
    assert_eq!(martin.competences[0], Some(3));
    assert_eq!(martin.competences[15], Some(4));
    assert_eq!(martin.session, Some(81250));
    assert_eq!(martin.exam_date.unwrap().to_string(), "12/03/2026");
    let petit = &file.rows[1].row;
    assert_eq!(petit.status, ResultStatus::NotObtained);
    assert_eq!((petit.level, petit.score), (None, Some(0)));
    assert!(petit.competences.iter().all(Option::is_none));
    let robin = &file.rows[2].row;
    assert_eq!((robin.status, robin.score), (ResultStatus::Cancelled, None));
    let faure = &file.rows[4].row;
    assert_eq!((faure.status, faure.score), (ResultStatus::Started, None));
}

#[test]
fn a_multi_line_jury_comment_is_one_cell_and_the_next_row_names_its_own_line() {
    let file = read_results(FILE_3A, &bytes(FILE_3A)).unwrap();
    let petit = &file.rows[1].row;
    assert_eq!(
        petit.jury_comment.as_deref(),
        Some(
            "Le nombre de questions répondues est insuffisant pour établir un résultat.\n\
             Voir le procès-verbal ; question 12 sans réponse."
        )
    );
    assert_eq!(petit.line, 3);
    // The comment took two lines of the file.
    assert_eq!(file.rows[2].row.line, 5);
}

#[test]
fn the_previous_format_reads_rejected_and_the_quoted_zero() {
    let file = read_results(FILE_3B, &bytes(FILE_3B)).unwrap();
    assert_eq!(file.format, ResultsFormat::Previous);
    let morel = &file.rows[1].row;
    assert_eq!(morel.status, ResultStatus::NotObtained);
    assert_eq!(morel.score, Some(0));
    assert_eq!(file.rows[0].row.score, Some(412));
    assert_eq!(file.rows[0].row.level, None);
}

#[test]
fn the_english_file_reads_like_the_french_one() {
    let file = read_results(FILE_3C, &bytes(FILE_3C)).unwrap();
    assert_eq!(file.language, ResultsLanguage::English);
    assert_eq!(file.format, ResultsFormat::Current);
    assert_eq!(file.class_from_name.as_deref(), Some("3C"));
    let statuses: Vec<_> = file.rows.iter().map(|r| r.row.status).collect();
    assert_eq!(
        statuses,
        [
            ResultStatus::Validated,
            ResultStatus::NotObtained,
            ResultStatus::Cancelled,
            ResultStatus::Error,
            ResultStatus::Started
        ]
    );
    assert_eq!(file.rows[0].row.level, Some(PixLevel::Independent2));
    assert_eq!(
        file.rows[1].row.jury_comment.as_deref(),
        Some("Too few answers.")
    );
}

#[test]
fn the_single_result_column_and_the_early_2021_file_read_too() {
    let single = read_results(FILE_SINGLE, &bytes(FILE_SINGLE)).unwrap();
    assert_eq!(single.format, ResultsFormat::SingleResult);
    assert_eq!(single.class_from_name, None);
    assert_eq!(
        (single.rows[0].row.level, single.rows[0].row.score),
        (Some(PixLevel::Novice2), Some(212))
    );
    assert_eq!(
        (single.rows[1].row.level, single.rows[1].row.score),
        (None, Some(52))
    );
    let early = read_results(FILE_2021, &bytes(FILE_2021)).unwrap();
    assert_eq!(early.format, ResultsFormat::Previous);
    assert_eq!(early.class_from_name.as_deref(), Some("TermA"));
    // No `Statut`: the score tells.
    assert_eq!(early.rows[0].row.status, ResultStatus::Validated);
    assert_eq!(early.rows[1].row.status, ResultStatus::NotObtained);
    assert_eq!(early.rows[1].row.jury_comment, None);
}

#[test]
fn a_file_without_a_final_newline_or_with_crlf_or_windows_1252_reads_the_same() {
    let original = read_results(FILE_3B, &bytes(FILE_3B)).unwrap();
    let text = String::from_utf8(bytes(FILE_3B)).unwrap();
    assert!(!text.ends_with('\n'));
    let with_newline = format!("{text}\r\n")
        .replace('\n', "\r\n")
        .replace("\r\r\n", "\r\n");
    let crlf = read_results(FILE_3B, with_newline.as_bytes()).unwrap();
    assert_eq!(
        crlf.rows.iter().map(|r| &r.row.last).collect::<Vec<_>>(),
        original
            .rows
            .iter()
            .map(|r| &r.row.last)
            .collect::<Vec<_>>()
    );
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(text.trim_start_matches('\u{feff}'));
    let resaved = read_results(FILE_3B, &latin).unwrap();
    assert_eq!(resaved.rows[0].row.first, "Léa");
}

#[test]
fn columns_are_found_by_label_wherever_they_are() {
    let text = "\u{feff}\"Statut\";\"Nom\";\"Score en Pix\";\"Prénom\";\"Niveau\";\"Numéro de certification\"\n\
                \"Validée\";\"MARTIN\";301;\"Inès\";\"Indépendant 1\";30112";
    let file = read_results("x.csv", text.as_bytes()).unwrap();
    let row = &file.rows[0].row;
    assert_eq!((row.last.as_str(), row.first.as_str()), ("MARTIN", "Inès"));
    assert_eq!(
        (row.status, row.level, row.score),
        (
            ResultStatus::Validated,
            Some(PixLevel::Independent1),
            Some(301)
        )
    );
}

#[test]
fn bad_files_are_refused_naming_the_file_and_the_line() {
    let error = read_results("invalide-statut.csv", &bytes("invalide-statut.csv")).unwrap_err();
    assert_eq!(
        error.kind(),
        &ResultsErrorKind::UnknownStatus {
            line: 3,
            value: "Peut-être".to_owned()
        }
    );
    let message = error.to_string();
    assert!(
        message.contains("« invalide-statut.csv », ligne 3"),
        "{message}"
    );
    let error = read_results("invalide-sans-nom.csv", &bytes("invalide-sans-nom.csv")).unwrap_err();
    assert_eq!(
        error.kind(),
        &ResultsErrorKind::MissingColumns(vec!["Nom".to_owned()])
    );
    assert!(error.to_string().contains("invalide-sans-nom.csv"));
    let header_only = "\"Numéro de certification\";\"Prénom\";\"Nom\";\"Statut\"";
    assert_eq!(
        read_results("vide.csv", header_only.as_bytes())
            .unwrap_err()
            .kind(),
        &ResultsErrorKind::NoRow
    );
    let bad_level = "\"Numéro de certification\";\"Prénom\";\"Nom\";\"Statut\";\"Niveau\";\"Score en Pix\"\n1;\"A\";\"B\";\"Validée\";\"Maître\";300";
    match read_results("niveau.csv", bad_level.as_bytes())
        .unwrap_err()
        .kind()
    {
        ResultsErrorKind::BadValue {
            line,
            column,
            value,
        } => {
            assert_eq!(
                (*line, column.as_str(), value.as_str()),
                (2, "niveau", "Maître")
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        read_results("autre.csv", b"a;b;c\n1;2;3")
            .unwrap_err()
            .kind(),
        &ResultsErrorKind::NotResults
    );
}

#[test]
fn nothing_stored_holds_a_birth_date_a_birth_place_or_a_certification_number() {
    let set = class_results(FILE_3A);
    let json = serde_json::to_string(&set).unwrap();
    for secret in ["02/03/2011", "NANTES", "REZÉ", "30112", "30113", "CHOLET"] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
}

#[test]
fn homonyms_of_one_file_stay_two_rows_and_a_student_twice_is_kept_once() {
    let set = class_results(FILE_3A);
    let bernards = set.rows.iter().filter(|r| r.last == "BERNARD").count();
    assert_eq!(bernards, 2, "different birth data: two students");
    assert_eq!(set.repeated_rows, 0);
    // The same student twice (same birth data): the later exam is kept.
    let text = String::from_utf8(bytes(FILE_3A)).unwrap();
    let martin_again = "\n30199;\"Inès\";\"MARTIN\";\"02/03/2011\";\"NANTES\";;\"Pix\";\"Validée\";\"Avancé 1\";520;5;4;5;4;4;3;4;4;3;4;4;5;4;4;5;5;;81299;\"20/03/2026\"";
    let twice = read_results(FILE_3A, format!("{text}{martin_again}").as_bytes())
        .unwrap()
        .into_class_results("3A");
    assert_eq!(twice.rows.len(), 9);
    assert_eq!(twice.repeated_rows, 1);
    let martin = twice.rows.iter().find(|r| r.last == "MARTIN").unwrap();
    assert_eq!(martin.score, Some(520));
}

#[test]
fn each_class_shows_every_student_with_a_status_and_the_rows_nobody_matched() {
    let views = views();
    assert_eq!(
        views.iter().map(|v| v.class.as_str()).collect::<Vec<_>>(),
        ["3A", "3B", "3C"]
    );
    let a = &views[0];
    let c = a.counts;
    // MARTIN, the two BERNARD rows, DUPONT (renamed) and INCONNU (not in the list).
    assert_eq!(c.validated, 5);
    assert_eq!(
        (c.not_obtained, c.cancelled, c.error, c.started),
        (1, 1, 1, 1)
    );
    // LEROY and ROUSSEL: in the class, no row.
    assert_eq!(c.absent, 2);
    assert_eq!(a.lines.len(), 11);
    assert_eq!(a.members, 10);
    assert_eq!(line(a, "LEROY", "Tom").status_slug(), "absent");
    assert_eq!(line(a, "GARNIER", "Naël").status_slug(), "error");
    assert_eq!(line(a, "FAURE", "Jade").status_slug(), "started");
    // A class split over two sessions.
    assert_eq!(a.sessions, [81250, 81251]);
    assert!(!a.may_be_incomplete);
}

#[test]
fn a_student_renamed_since_enrolment_is_found_under_todays_name() {
    let views = views();
    let chloe = line(&views[0], "DUPONT-MOREAU", "Chloé");
    assert_eq!(chloe.status, Some(ResultStatus::Validated));
    assert_eq!(
        chloe.note,
        Some(LineNote::Renamed {
            enrolled_as: "DUPONT Chloé".to_owned()
        })
    );
}

#[test]
fn homonyms_of_the_list_are_left_to_check_and_neither_is_called_absent() {
    let views = views();
    let bernards: Vec<&ResultLine> = views[0]
        .lines
        .iter()
        .filter(|line| line.last == "BERNARD")
        .collect();
    assert_eq!(bernards.len(), 2);
    for bernard in bernards {
        assert_eq!(bernard.note, Some(LineNote::Homonyms));
        assert_eq!(bernard.status, Some(ResultStatus::Validated));
    }
}

#[test]
fn unmatched_rows_are_shown_and_a_class_change_is_said() {
    let views = views();
    let sam = line(&views[0], "INCONNU", "Sam");
    assert_eq!(sam.note, Some(LineNote::OutOfList));
    // Lina CLEMENT sat with 3B; the list has her in 3C now: shown in 3B, not absent in 3C.
    let lina = line(&views[1], "CLEMENT", "Lina");
    assert_eq!(
        lina.note,
        Some(LineNote::ClassChanged {
            class: "3C".to_owned()
        })
    );
    assert!(views[2].lines.iter().all(|line| line.last != "CLEMENT"));
    assert_eq!(views[1].counts.absent, 1);
    assert_eq!(line(&views[1], "FOURNIER", "Adam").status, None);
}

#[test]
fn without_a_list_the_lines_are_the_rows() {
    let sets = [class_results(FILE_3A)];
    let views = class_views(&[], &sets);
    assert_eq!(views[0].lines.len(), 9);
    assert_eq!(views[0].counts.absent, 0);
    assert!(views[0].lines.iter().all(|line| line.note.is_none()));
}

#[test]
fn a_class_with_few_rows_may_be_incomplete_and_waiting_classes_leave_the_catch_up_list() {
    // Only two of 3A's students have a row: a session is probably not published yet.
    let mut set = class_results(FILE_3A);
    set.rows.truncate(2);
    let members = members();
    let views = class_views(&members, std::slice::from_ref(&set));
    assert!(views[0].may_be_incomplete);
    assert_eq!(views[0].counts.absent, 8);
    set.awaiting_publication = true;
    let views = class_views(&members, std::slice::from_ref(&set));
    let waiting = catch_up_lines(&views);
    // Only PETIT (not obtained): the others are waiting for their result.
    assert_eq!(waiting[0].1.len(), 1);
    assert_eq!(waiting[0].1[0].last, "PETIT");
    assert_eq!(
        line(&views[0], "LEROY", "Tom").note,
        Some(LineNote::AwaitingPublication)
    );
}

fn situation(line: &ResultLine) -> String {
    line.status_slug().to_owned()
}

#[test]
fn the_catch_up_csv_lists_absent_not_obtained_cancelled_and_error_class_by_class() {
    let views = views();
    let labels = CatchUpCsvLabels {
        header: [
            "Classe",
            "Nom",
            "Prénom",
            "Situation",
            "Commentaire du jury",
            "Session",
            "Date",
        ],
        situation: &situation,
    };
    let csv = catch_up_csv(&views, &labels);
    assert!(csv.starts_with('\u{feff}'));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let short: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(
        short,
        [
            ("3A", "GARNIER", "error"),
            ("3A", "LEROY", "absent"),
            ("3A", "PETIT", "not-obtained"),
            ("3A", "ROBIN", "cancelled"),
            ("3A", "ROUSSEL", "absent"),
            ("3B", "FOURNIER", "absent"),
            ("3B", "MOREL", "not-obtained"),
            ("3C", "BONNET", "cancelled"),
            ("3C", "GIRARD", "not-obtained"),
            ("3C", "MERCIER", "error"),
        ]
    );
    let petit = &rows[2];
    assert!(petit[4].contains('\n') && petit[4].contains(';'));
    assert_eq!(
        (petit[5].as_str(), petit[6].as_str()),
        ("81250", "12/03/2026")
    );
    assert!(csv.contains("\r\n"));
}

#[test]
fn formula_looking_names_are_guarded_in_the_catch_up_csv() {
    let text = "\"Numéro de certification\";\"Prénom\";\"Nom\";\"Statut\"\n1;\"=1+1\";\"@SOMME\";\"Annulée\"";
    let set = read_results("f.csv", text.as_bytes())
        .unwrap()
        .into_class_results("3Z");
    let views = class_views(&[], &[set]);
    let labels = CatchUpCsvLabels {
        header: ["C", "N", "P", "S", "J", "Se", "D"],
        situation: &situation,
    };
    let csv = catch_up_csv(&views, &labels);
    assert!(csv.contains("3Z;'@SOMME;'=1+1;cancelled"), "{csv}");
}

#[test]
fn the_class_is_proposed_from_the_names_when_the_file_name_has_none() {
    let file = read_results(FILE_SINGLE, &bytes(FILE_SINGLE)).unwrap();
    let members = members();
    let proposed = propose_class(
        &members,
        file.rows
            .iter()
            .map(|r| (r.row.last.as_str(), r.row.first.as_str())),
    );
    assert_eq!(proposed.as_deref(), Some("3A"));
    assert_eq!(propose_class(&members, [("NOBODY", "X")]), None);
}

#[test]
fn cohort_figures_add_up() {
    let sets = [FILE_3A, FILE_3B, FILE_3C].map(class_results);
    let views = class_views(&members(), &sets);
    let collecte = vec![
        CollecteStudent {
            last: "MARTIN".into(),
            first: "Inès".into(),
            class: "3A".into(),
            levels: Some([1; 16]),
        },
        CollecteStudent {
            last: "PETIT".into(),
            first: "Hugo".into(),
            class: "3A".into(),
            levels: Some([0; 16]),
        },
        CollecteStudent {
            last: "LEROY".into(),
            first: "Tom".into(),
            class: "3A".into(),
            levels: None,
        },
    ];
    let stats = cohort_stats(&views, &sets, Some(&collecte));
    let a = &stats.shares[0];
    assert_eq!((a.class.as_str(), a.validated, a.students), ("3A", 5, 11));
    assert!((a.share - 5.0 / 11.0).abs() < 1e-9);
    let validated: usize = views.iter().map(|v| v.counts.validated).sum();
    assert_eq!(
        stats.levels.iter().sum::<usize>() + stats.validated_without_level,
        validated
    );
    // 3B is in the previous format: no level, only scores.
    assert_eq!(stats.validated_without_level, 3);
    assert_eq!(
        stats.levels[PixLevel::ALL
            .iter()
            .position(|l| *l == PixLevel::Novice2)
            .unwrap()],
        2
    );
    assert_eq!(stats.score_bands.iter().sum::<usize>(), validated);
    // 3A's average for 1.1 over its five validated rows, INCONNU included.
    let average = stats.competences[0].average[0].unwrap();
    assert!(
        (average - (3.0 + 1.0 + 5.0 + 1.0 + 1.0) / 5.0).abs() < 1e-9,
        "{average}"
    );
    assert_eq!(stats.competences[0].coverage[0], Some(0.5));
    assert_eq!(stats.competences[1].coverage[0], None);
    let table = stats.certifiable_vs_outcome.unwrap();
    assert_eq!(table.certifiable.validated, 1);
    assert_eq!(table.not_certifiable.not_validated, 1);
    assert_eq!(table.not_sent.absent, 1);
    let shown: usize = views.iter().map(|v| v.lines.len()).sum();
    let outcome =
        |o: cohorte::domain::results::stats::Outcome| o.validated + o.not_validated + o.absent;
    assert_eq!(
        outcome(table.certifiable)
            + outcome(table.not_certifiable)
            + outcome(table.not_sent)
            + outcome(table.not_in_collecte),
        shown
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_bytes_make_the_results_import_panic(data in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = looks_like_results(&data);
        if let Ok(file) = read_results("x.csv", &data) {
            let set = file.into_class_results("3A");
            let _ = class_views(&members(), &[set]);
        }
    }

    #[test]
    fn mutated_fixtures_never_make_the_results_import_panic(
        which in 0usize..5,
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..8),
    ) {
        let name = [FILE_3A, FILE_3B, FILE_3C, FILE_SINGLE, FILE_2021][which];
        let mut data = bytes(name);
        for (at, byte, how) in edits {
            if data.is_empty() {
                break;
            }
            let at = at % data.len();
            match how {
                0 => data[at] = byte,
                1 => data.insert(at, byte),
                _ => data.truncate(at),
            }
        }
        let _ = looks_like_results(&data);
        if let Ok(file) = read_results(name, &data) {
            let _ = file.class_from_name.clone();
            let set = file.into_class_results("3A");
            let views = class_views(&members(), std::slice::from_ref(&set));
            let _ = cohort_stats(&views, &[set], None);
        }
    }
}

#[test]
fn without_a_school_list_the_last_collecte_gives_the_classes_and_the_comparison() {
    use cohorte::domain::model::snapshot::Rows;
    use cohorte::domain::results::matching::members_from_collecte;
    use cohorte::domain::results::stats::collecte_students;
    let (snapshot, expected) = common::fixture("collecte-3e-sco-2025");
    let Rows::Profiles(rows) = &snapshot.rows else {
        panic!("a profiles collection")
    };
    let members = members_from_collecte(rows);
    let students = expected["students"].as_array().unwrap();
    assert_eq!(members.len(), students.len());
    let collecte = collecte_students(rows);
    let certifiable = collecte
        .iter()
        .filter(|s| s.certifiable() == Some(true))
        .count();
    assert_eq!(
        certifiable as u64,
        expected["certifiable"].as_u64().unwrap()
    );

    // A results file for 3A naming one certifiable participant of the collecte, validated.
    let first_3a = students
        .iter()
        .find(|s| s["class"] == "3A" && s["certifiable"] == true)
        .unwrap();
    let (last, first) = (
        first_3a["last"].as_str().unwrap(),
        first_3a["first"].as_str().unwrap(),
    );
    let text = format!(
        "\"Numéro de certification\";\"Prénom\";\"Nom\";\"Statut\";\"Niveau\";\"Score en Pix\"\n1;\"{first}\";\"{last}\";\"Validée\";\"Novice 2\";150"
    );
    let set = read_results("20260316_resultats_3A.csv", text.as_bytes())
        .unwrap()
        .into_class_results("3A");
    let views = class_views(&members, std::slice::from_ref(&set));
    let in_3a = students.iter().filter(|s| s["class"] == "3A").count();
    assert_eq!(views[0].members, in_3a);
    assert_eq!(views[0].counts.validated, 1);
    assert_eq!(views[0].counts.absent, in_3a - 1);
    let stats = cohort_stats(&views, &[set], Some(&collecte));
    let table = stats.certifiable_vs_outcome.unwrap();
    assert_eq!(table.certifiable.validated, 1);
    assert_eq!(
        table.not_in_collecte.validated + table.not_in_collecte.absent,
        0
    );
    // Coverage of 3A in the last collecte is there beside the certified averages.
    assert!(stats.competences[0].coverage.iter().all(Option::is_some));
}
