//! Every export in `tests/fixtures/` imports to what its `.expected.json` says Cohorte must
//! show. The directory is walked, so a new fixture is covered as soon as it is added.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use cohorte::domain::import::assessment::{assessment_students, AssessmentCounts};
use cohorte::domain::import::{import_export, import_file, Imported};
use cohorte::domain::model::snapshot::{CampaignSnapshot, Learner, Rows};
use cohorte::domain::views::cohort::{profile_students, ProfileCounts};
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Collects mismatches so one run reports all of them, not only the first.
#[derive(Default)]
struct Report {
    problems: Vec<String>,
}

impl Report {
    fn check<T: PartialEq + std::fmt::Debug>(&mut self, what: String, got: T, expected: T) {
        if got != expected {
            self.problems
                .push(format!("{what}: got {got:?}, expected {expected:?}"));
        }
    }

    fn fail(&mut self, what: String) {
        self.problems.push(what);
    }
}

fn as_opt_str(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

fn as_u64(value: &Value) -> Option<u64> {
    value.as_u64()
}

fn close(a: Option<f32>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (f64::from(a) - b).abs() < 1e-4,
        _ => false,
    }
}

/// The expected files write a missing class as `""`.
fn identity(learner: &Learner) -> (String, String, String) {
    (
        learner.last().to_owned(),
        learner.first().to_owned(),
        learner.class().unwrap_or_default().to_owned(),
    )
}

fn expected_identity(student: &Value) -> (String, String, String) {
    let text = |key: &str| student[key].as_str().unwrap_or_default().to_owned();
    (text("last"), text("first"), text("class"))
}

fn check_campaign(report: &mut Report, name: &str, snapshot: &CampaignSnapshot, expected: &Value) {
    let campaign = &snapshot.campaign;
    report.check(
        format!("{name} kind"),
        Some(campaign.kind.slug().to_owned()),
        as_opt_str(&expected["kind"]),
    );
    report.check(
        format!("{name} organisation"),
        Some(campaign.organisation.clone()),
        as_opt_str(&expected["organisation"]),
    );
    report.check(
        format!("{name} campaign_id"),
        Some(campaign.id),
        as_u64(&expected["campaign_id"]),
    );
    report.check(
        format!("{name} code"),
        campaign.code.clone(),
        as_opt_str(&expected["code"]),
    );
    report.check(
        format!("{name} campaign_name"),
        Some(campaign.name.clone()),
        as_opt_str(&expected["campaign_name"]),
    );
    if let Some(target) = expected.get("target_profile") {
        report.check(
            format!("{name} target_profile"),
            campaign.target_profile.clone(),
            as_opt_str(target),
        );
    }
    report.check(
        format!("{name} file_name"),
        snapshot.file_name.clone(),
        name.to_owned(),
    );
}

fn check_profiles(report: &mut Report, name: &str, snapshot: &CampaignSnapshot, expected: &Value) {
    let Rows::Profiles(rows) = &snapshot.rows else {
        report.fail(format!("{name}: not read as a profiles collection"));
        return;
    };
    let students = profile_students(rows);
    let counts = ProfileCounts::of(rows, &students);
    let count_checks = [
        ("rows", counts.rows),
        ("participants", counts.participants),
        ("profiles_received", counts.received),
        ("certifiable", counts.certifiable),
        ("not_certifiable", counts.not_certifiable),
        ("not_sent", counts.not_sent),
        ("inconsistent_rows", counts.inconsistent_rows),
    ];
    for (key, got) in count_checks {
        report.check(
            format!("{name} {key}"),
            Some(got as u64),
            as_u64(&expected[key]),
        );
    }
    let expected_students = expected["students"].as_array().cloned().unwrap_or_default();
    report.check(
        format!("{name} number of students"),
        students.len(),
        expected_students.len(),
    );
    for expected_student in &expected_students {
        let id = expected_identity(expected_student);
        let who = format!("{name} {id:?}");
        let Some(student) = students.iter().find(|s| identity(s.learner()) == id) else {
            report.fail(format!("{who}: student not found"));
            continue;
        };
        let profile = student.profile();
        report.check(
            format!("{who} sent"),
            Some(profile.is_some()),
            expected_student["sent"].as_bool(),
        );
        // Sent, then started a participation not sent yet: received, and marked.
        report.check(
            format!("{who} new_sending_under_way"),
            student.new_sending_under_way(),
            expected_student["new_sending_under_way"]
                .as_bool()
                .unwrap_or(false),
        );
        let Some(profile) = profile else {
            continue;
        };
        report.check(
            format!("{who} score"),
            Some(u64::from(profile.total_pix)),
            as_u64(&expected_student["score"]),
        );
        report.check(
            format!("{who} certifiable"),
            Some(profile.is_certifiable()),
            expected_student["certifiable"].as_bool(),
        );
        report.check(
            format!("{who} certifiable_competences"),
            Some(u64::from(profile.certifiable_count())),
            as_u64(&expected_student["certifiable_competences"]),
        );
        report.check(
            format!("{who} missing_to_certify"),
            Some(u64::from(profile.missing_to_certify())),
            as_u64(&expected_student["missing_to_certify"]),
        );
        report.check(
            format!("{who} inconsistent"),
            Some(profile.is_inconsistent()),
            expected_student["inconsistent"].as_bool(),
        );
        let levels: Option<Vec<u64>> = expected_student["levels"]
            .as_array()
            .map(|levels| levels.iter().filter_map(Value::as_u64).collect());
        report.check(
            format!("{who} levels"),
            Some(profile.levels.iter().map(|&l| u64::from(l)).collect()),
            levels,
        );
        report.check(
            format!("{who} sent_at"),
            Some(profile.sent_at.iso()),
            as_opt_str(&expected_student["sent_at"]),
        );
    }
}

fn check_assessment(
    report: &mut Report,
    name: &str,
    snapshot: &CampaignSnapshot,
    expected: &Value,
) {
    let Rows::Assessment { sheet, rows } = &snapshot.rows else {
        report.fail(format!("{name}: not read as an assessment"));
        return;
    };
    let students = assessment_students(rows);
    let counts = AssessmentCounts::of(rows, &students);
    report.check(
        format!("{name} participants"),
        Some(counts.participants as u64),
        as_u64(&expected["participants"]),
    );
    report.check(
        format!("{name} shared"),
        Some(counts.shared as u64),
        as_u64(&expected["shared"]),
    );
    let expected_students = expected["students"].as_array().cloned().unwrap_or_default();
    report.check(
        format!("{name} number of students"),
        students.len(),
        expected_students.len(),
    );
    for expected_student in &expected_students {
        let id = expected_identity(expected_student);
        let who = format!("{name} {id:?}");
        let Some(student) = students.iter().find(|s| identity(&s.current.learner) == id) else {
            report.fail(format!("{who}: student not found"));
            continue;
        };
        let row = student.current;
        report.check(
            format!("{who} shared"),
            Some(row.shared),
            expected_student["shared"].as_bool(),
        );
        if let Some(progress) = expected_student.get("progress") {
            if !close(row.progress, progress.as_f64()) {
                report.fail(format!(
                    "{who} progress: got {:?}, expected {progress}",
                    row.progress
                ));
            }
        }
        if let Some(mastery) = expected_student.get("mastery") {
            if !close(row.mastery, mastery.as_f64()) {
                report.fail(format!(
                    "{who} mastery: got {:?}, expected {mastery}",
                    row.mastery
                ));
            }
        }
        if let Some(stage) = expected_student.get("stage") {
            report.check(
                format!("{who} stage"),
                row.stage.map(u64::from),
                stage.as_u64(),
            );
        }
        if let Some(badges) = expected_student.get("badges") {
            let expected_badges: BTreeMap<String, Option<bool>> = badges
                .as_object()
                .map(|badges| {
                    badges
                        .iter()
                        .map(|(title, value)| (title.clone(), value.as_bool()))
                        .collect()
                })
                .unwrap_or_default();
            let got: BTreeMap<String, Option<bool>> = sheet
                .badges
                .iter()
                .cloned()
                .zip(row.badges.iter().copied())
                .collect();
            report.check(format!("{who} badges"), got, expected_badges);
        }
    }
}

#[test]
fn every_fixture_matches_its_expected_json() {
    let dir = fixtures_dir();
    let mut csv_files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .collect();
    csv_files.sort();
    assert!(
        csv_files.len() >= 12,
        "only {} fixtures found in {}",
        csv_files.len(),
        dir.display()
    );

    // An expected file without its export would be a fixture silently skipped.
    for entry in fs::read_dir(&dir).expect("tests/fixtures exists").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".expected.json") {
            assert!(
                dir.join(format!("{stem}.csv")).exists(),
                "{name} has no {stem}.csv"
            );
        }
    }

    let mut report = Report::default();
    let mut checked = 0;
    for path in &csv_files {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected_path = path.with_extension("expected.json");
        let Ok(expected_text) = fs::read_to_string(&expected_path) else {
            report.fail(format!("{name}: no {}", expected_path.display()));
            continue;
        };
        let expected: Value = serde_json::from_str(&expected_text).expect("valid expected JSON");
        let bytes = fs::read(path).expect("readable fixture");
        let (snapshot, notes) = match import_export(&name, &bytes) {
            Ok(Imported { snapshot, notes }) => (snapshot, notes),
            Err(error) => {
                report.fail(format!("{name}: refused: {error}"));
                continue;
            }
        };
        // What the import line says beyond « Importé » (nothing, for most files).
        let expected_notes: Vec<&str> = expected["notes"]
            .as_array()
            .map(|notes| notes.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        report.check(
            format!("{name} notes"),
            notes.iter().map(|note| note.kind()).collect::<Vec<_>>(),
            expected_notes,
        );
        report.check(
            format!("{name} external_id_label"),
            snapshot.external_id_label.clone(),
            as_opt_str(&expected["external_id_label"]),
        );
        report.check(
            format!("{name} content_hash"),
            snapshot.content_hash,
            cohorte::domain::model::snapshot::content_hash(&bytes),
        );
        check_campaign(&mut report, &name, &snapshot, &expected);
        match expected["kind"].as_str() {
            Some("profiles-collection") => check_profiles(&mut report, &name, &snapshot, &expected),
            Some("assessment") => check_assessment(&mut report, &name, &snapshot, &expected),
            other => report.fail(format!("{name}: unknown expected kind {other:?}")),
        }
        checked += 1;
    }
    assert!(
        report.problems.is_empty(),
        "{} problem(s):\n{}",
        report.problems.len(),
        report.problems.join("\n")
    );
    assert_eq!(checked, csv_files.len(), "every fixture was checked");
    println!("{checked} fixtures checked");
}

#[test]
fn re_saved_and_original_exports_agree() {
    // The cp1252 re-save of the 3e campaign must give the same students as the original
    // wherever both have them: no mojibake in names.
    let dir = fixtures_dir();
    let original = import_file(
        "collecte-3e-sco-2025.csv",
        &fs::read(dir.join("collecte-3e-sco-2025.csv")).expect("fixture"),
    )
    .expect("imports");
    let resaved = import_file(
        "collecte-reenregistre-tableur-cp1252.csv",
        &fs::read(dir.join("collecte-reenregistre-tableur-cp1252.csv")).expect("fixture"),
    )
    .expect("imports");
    assert_eq!(original.campaign, resaved.campaign);
    let Rows::Profiles(rows) = &resaved.rows else {
        panic!("profiles expected");
    };
    assert!(rows.iter().any(|row| row.learner.last() == "BEN SAÏD"));
    assert!(rows.iter().any(|row| row.learner.first() == "Élodie"));
}

/// Two fixtures are the same people as another one, written otherwise (English headers,
/// shuffled rows, a guarded external id; German competence names): they must show the same.
#[test]
fn derived_fixtures_show_what_their_originals_show() {
    use cohorte::domain::views::cohort::participant_lines;
    let dir = fixtures_dir();
    let view = |name: &str| {
        let snapshot =
            import_file(name, &fs::read(dir.join(name)).expect("fixture")).expect("imports");
        let Rows::Profiles(rows) = &snapshot.rows else {
            panic!("{name}: profiles expected");
        };
        let mut lines: Vec<String> = participant_lines(rows)
            .iter()
            .map(|line| {
                let profile = rows[line.row].profile.as_ref();
                format!(
                    "{:?} {:?} {:?} {:?} {:?}",
                    line.key,
                    line.status,
                    line.sent_at,
                    profile.map(|p| p.levels),
                    line.sendings
                )
            })
            .collect();
        lines.sort();
        (snapshot.campaign, lines)
    };
    assert_eq!(
        view("collecte-anglais-2026.csv"),
        view("collecte-3e-sco-2025.csv")
    );
    assert_eq!(
        view("collecte-competences-inconnues.csv"),
        view("collecte-4e-envoi-multiple.csv")
    );
}
