//! Matching the roster to the export (spec §6) and the views built on it: never-joined
//! students, out-of-roster participants, class changes, homonyms, remembered decisions.

use cohorte::domain::model::snapshot::{Learner, LocalDateTime, Profile, ProfileRow};
use cohorte::domain::roster::cohort::{
    campaign_roster, default_cohort_classes, joined_since, never_joined_todo, roster_students_view,
    CohortClass, NEVER_JOINED_ADVICE,
};
use cohorte::domain::roster::matching::{
    decision_key, match_roster, name_key, CheckReason, Decision, ExportName, MatchDecisions,
    MatchHow, NameMatch,
};
use cohorte::domain::roster::{read_roster, Roster, RosterSalt};
use cohorte::domain::views::cohort::{participant_lines, Certifiability, ParticipantLine};
use cohorte::domain::views::students::{KnownCertifiability, LatestProfile, StudentOverview};

/// One roster student: INE, family name, usage name, first names, class.
struct Student<'a>(&'a str, &'a str, &'a str, &'a [&'a str], &'a str);

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('\'', "&apos;")
}

/// A SIECLE file of these students, read and keyed with a fixed salt.
fn roster_of(students: &[Student<'_>]) -> Roster {
    let mut eleves = String::new();
    let mut structures = String::new();
    for (at, Student(ine, last, usage, firsts, class)) in students.iter().enumerate() {
        let extra: String = firsts
            .iter()
            .skip(1)
            .enumerate()
            .map(|(n, name)| format!("<PRENOM{}>{}</PRENOM{}>", n + 2, xml_escape(name), n + 2))
            .collect();
        eleves.push_str(&format!(
            "<ELEVE ELEVE_ID=\"{at}\"><ID_NATIONAL>{ine}</ID_NATIONAL>\
             <NOM_DE_FAMILLE>{}</NOM_DE_FAMILLE><NOM_USAGE>{}</NOM_USAGE>\
             <PRENOM>{}</PRENOM>{extra}</ELEVE>\n",
            xml_escape(last),
            xml_escape(usage),
            xml_escape(firsts[0]),
        ));
        structures.push_str(&format!(
            "<STRUCTURES_ELEVE ELEVE_ID=\"{at}\"><STRUCTURE><CODE_STRUCTURE>{class}\
             </CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>\n"
        ));
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BEE_ELEVES VERSION=\"3.0\">\
         <PARAMETRES><UAJ>9999999Z</UAJ><DATE_EXPORT>15/09/2025</DATE_EXPORT></PARAMETRES>\
         <DONNEES><ELEVES>\n{eleves}</ELEVES><STRUCTURES>\n{structures}</STRUCTURES></DONNEES>\
         </BEE_ELEVES>"
    );
    read_roster("ElevesSansAdresses.xml", xml.as_bytes())
        .unwrap_or_else(|error| panic!("{error}"))
        .into_roster(&RosterSalt::from_random_bytes([42; 16]))
}

/// One participation: `c` certifiable, `n` sent but not certifiable, `s` not sent.
fn row(last: &str, first: &str, class: &str, status: char) -> ProfileRow {
    let levels = [if status == 'c' { 2 } else { 0 }; 16];
    ProfileRow {
        line: 2,
        learner: Learner::new(last, first, Some(class), None, None),
        profile: (status != 's').then_some(Profile {
            sent_at: LocalDateTime {
                year: 2025,
                month: 10,
                day: 1,
                minutes: Some(600),
            },
            total_pix: if status == 'c' { 160 } else { 20 },
            levels,
            pix: [10; 16],
            file_certifiable: None,
            file_certifiable_count: None,
        }),
    }
}

fn names_of(lines: &[ParticipantLine]) -> Vec<ExportName<'_>> {
    lines.iter().map(ExportName::of_line).collect()
}

fn line_named(lines: &[ParticipantLine], last: &str) -> usize {
    lines
        .iter()
        .position(|line| line.last() == last)
        .unwrap_or_else(|| panic!("a line for {last}"))
}

fn student_named(roster: &Roster, last: &str, first: &str) -> usize {
    roster
        .students
        .iter()
        .position(|student| student.last == last && student.first == first)
        .unwrap_or_else(|| panic!("{last} {first} in the roster"))
}

fn school() -> Roster {
    roster_of(&[
        Student("1A", "EXEMPLE", "", &["Zoé", "Alpha"], "3A"),
        Student("2A", "FICTIF-TEST", "FICTIF", &["Jean-Éloi"], "3B"),
        Student("3A", "ABSENT", "", &["Jamais"], "3A"),
        Student("4A", "DUPONT", "", &["Léa"], "3B"),
        Student("5A", "LOIN", "", &["Toujours"], "3C"),
        Student("6A", "O'NEIL", "", &["Siân"], "3A"),
        Student("7A", "QUATRIEME", "", &["Hors"], "4A"),
    ])
}

#[test]
fn the_campaign_page_counts_the_whole_cohort() {
    let roster = school();
    let rows = vec![
        row("EXEMPLE", "Zoé", "3A", 'c'),
        row("FICTIF-TEST", "Jean-Éloi", "3B", 'n'),
        // Pix still exports a student who left (disabled learners are kept).
        row("PARTI", "Ancien", "3A", 's'),
        // The export is older than the roster: Léa moved from 3A to 3B since.
        row("DUPONT", "Léa", "3A", 'c'),
        // Typed differently: curly apostrophe, no accent, class `3 A`.
        row("O’NEIL", "Sian", "3 A", 's'),
    ];
    let lines = participant_lines(&rows);
    let cohort = default_cohort_classes(&roster, &lines);
    assert_eq!(
        cohort,
        ["3a", "3b"],
        "3C and 4A are in no line of the export"
    );

    let view = campaign_roster(&roster, &lines, &cohort, &MatchDecisions::default());
    let never: Vec<&str> = view
        .never_joined
        .iter()
        .map(|&at| roster.students[at].last.as_str())
        .collect();
    assert_eq!(never, ["ABSENT"], "only the cohort's classes count");
    assert_eq!(view.out_of_roster, [line_named(&lines, "PARTI")]);
    assert_eq!(view.class_changed, [line_named(&lines, "DUPONT")]);
    assert!(view.to_check.is_empty());
    assert_eq!(view.line_hook(line_named(&lines, "PARTI")), Some("out"));
    assert_eq!(
        view.line_hook(line_named(&lines, "DUPONT")),
        Some("class-changed")
    );
    assert_eq!(view.line_hook(line_named(&lines, "O’NEIL")), None);
    assert_eq!(
        view.matching.names[line_named(&lines, "O’NEIL")],
        NameMatch::Found {
            student: student_named(&roster, "O'NEIL", "Siân"),
            how: MatchHow::Strict
        }
    );

    // Cohort: EXEMPLE, ABSENT, O'NEIL (3A), FICTIF-TEST, DUPONT (3B). Certifiable: EXEMPLE
    // and DUPONT (counted in the roster's class, 3B).
    assert_eq!(view.share.students, 5);
    assert_eq!(view.share.certifiable, 2);
    assert_eq!(view.share.percent(), 40);

    assert_eq!(
        view.classes,
        [
            CohortClass {
                key: "3a".into(),
                label: "3A".into(),
                roster_students: 3,
                joined: 2,
                certifiable: 1,
                not_certifiable: 0,
                not_sent: 1,
                never_joined: 1,
                to_check: 0,
                out_of_roster: 1,
            },
            CohortClass {
                key: "3b".into(),
                label: "3B".into(),
                roster_students: 2,
                joined: 2,
                certifiable: 1,
                not_certifiable: 1,
                not_sent: 0,
                never_joined: 0,
                to_check: 0,
                out_of_roster: 0,
            },
        ]
    );
    assert_eq!(
        view.status[student_named(&roster, "FICTIF-TEST", "Jean-Éloi")],
        Some(Certifiability::NotCertifiable)
    );
    assert_eq!(
        view.status[student_named(&roster, "LOIN", "Toujours")],
        None
    );
    assert!(!view.in_cohort[student_named(&roster, "LOIN", "Toujours")]);

    let todo = never_joined_todo(&roster, &view, &[]);
    assert_eq!(todo.len(), 1);
    assert_eq!(todo[0].label, "3A");
    assert_eq!(todo[0].students[0].last, "ABSENT");
    assert_eq!(NEVER_JOINED_ADVICE, "lui donner le code de la campagne");
    assert!(never_joined_todo(&roster, &view, &["3b".to_owned()]).is_empty());

    // The user widens the cohort to 3C: LOIN never joined.
    let wider: Vec<String> = ["3a", "3b", "3c"].map(String::from).to_vec();
    let view = campaign_roster(&roster, &lines, &wider, &MatchDecisions::default());
    assert_eq!(view.never_joined.len(), 2);
    assert_eq!(view.share.students, 6);
    assert_eq!(view.share.percent(), 33);
}

#[test]
fn normalisation_ignores_case_accents_apostrophes_hyphens_spaces_and_the_formula_guard() {
    for (a, b) in [
        ("FICTIF-TEST", "fictif test"),
        ("FICTIF-TEST", "FictifTest"),
        ("FICTIF‐TEST", "FICTIF–TEST"),
        ("O'NEIL", "O’Neil"),
        ("Jean-Éloi", "JEAN ELOI"),
        ("Ce\u{301}line", "Céline"),
        ("'-MOINS", "-moins"),
        ("  Zoé   ", "zoe"),
    ] {
        assert_eq!(name_key(a), name_key(b), "{a} ≈ {b}");
    }
    assert_ne!(name_key("Léa"), name_key("Léo"));
    assert_eq!(
        decision_key("DUPONT", "Léa", "3e B"),
        decision_key("Dupont", "lea", "3B")
    );
}

#[test]
fn homonyms_are_never_assigned_automatically() {
    let roster = roster_of(&[
        Student("1B", "MARTIN", "", &["Léo"], "3A"),
        Student("2B", "MARTIN", "", &["Léo"], "3A"),
        Student("3B", "MARTIN", "", &["Léo"], "3C"),
    ]);
    let rows = vec![row("MARTIN", "Léo", "3A", 'c')];
    let lines = participant_lines(&rows);
    let cohort = vec!["3a".to_owned()];
    let view = campaign_roster(&roster, &lines, &cohort, &MatchDecisions::default());
    assert_eq!(
        view.matching.names[0],
        NameMatch::ToCheck {
            candidates: vec![0, 1],
            reason: CheckReason::Homonyms
        }
    );
    assert_eq!(view.to_check, [0]);
    assert!(
        view.never_joined.is_empty(),
        "either may have joined: neither is counted as never joined"
    );
    assert_eq!(view.classes[0].to_check, 2);
    assert_eq!(view.share.certifiable, 0);

    // The user picks the second one; the first is then a never-joined student.
    let mut decisions = MatchDecisions::default();
    decisions.decide(
        lines[0].key.as_str().to_owned(),
        Decision::Student(roster.students[1].key.clone()),
    );
    assert_eq!(
        lines[0].key.as_str(),
        ExportName::of_line(&lines[0]).decision_key(),
        "a line's key is its decision key"
    );
    let view = campaign_roster(&roster, &lines, &cohort, &decisions);
    assert_eq!(
        view.matching.names[0],
        NameMatch::Found {
            student: 1,
            how: MatchHow::Decided
        }
    );
    assert_eq!(view.never_joined, [0]);
    assert_eq!(view.share.certifiable, 1);
}

#[test]
fn a_student_claimed_twice_goes_to_the_best_claim_and_the_others_are_checked() {
    let roster = roster_of(&[
        Student("1C", "DUPONT", "", &["Léa"], "3A"),
        Student("2C", "BERNARD", "", &["Tom"], "3A"),
    ]);
    let rows = vec![
        row("DUPONT", "Léa", "3C", 'c'),
        row("DUPONT", "Léa", "3A", 'n'),
        row("BERNARD", "Tom", "3B", 'c'),
        row("BERNARD", "Tom", "3C", 'c'),
    ];
    let lines = participant_lines(&rows);
    let result = match_roster(&roster, &names_of(&lines), &MatchDecisions::default());
    assert_eq!(
        result.names,
        [
            NameMatch::ToCheck {
                candidates: vec![0],
                reason: CheckReason::SharedStudent
            },
            NameMatch::Found {
                student: 0,
                how: MatchHow::Strict
            },
            NameMatch::ToCheck {
                candidates: vec![1],
                reason: CheckReason::SharedStudent
            },
            NameMatch::ToCheck {
                candidates: vec![1],
                reason: CheckReason::SharedStudent
            },
        ]
    );
    assert_eq!(result.identities_of_student, [vec![1], vec![]]);
}

#[test]
fn usage_names_and_several_first_names_match_with_a_flag() {
    let roster = roster_of(&[
        Student("1D", "FICTIF-TEST", "FICTIF", &["Jean-Éloi"], "3B"),
        // A roster from a spreadsheet, all first names in one cell.
        Student("2D", "EXEMPLE", "", &["Marie Claire"], "3A"),
        Student("3D", "TESTEUR", "", &["Zoé", "Alpha"], "3A"),
        // A compound first name is one name: `Jean` is not `Jean-Éloi`.
        Student("4D", "COMPOSE", "", &["Jean-Éloi"], "3A"),
    ]);
    let rows = vec![
        row("FICTIF", "Jean-Éloi", "3B", 'c'),
        row("EXEMPLE", "Marie", "3A", 'c'),
        row("TESTEUR", "Zoé Alpha", "3A", 'c'),
        row("COMPOSE", "Jean", "3A", 'c'),
    ];
    let lines = participant_lines(&rows);
    let result = match_roster(&roster, &names_of(&lines), &MatchDecisions::default());
    let how = |last: &str| result.names[line_named(&lines, last)].clone();
    assert_eq!(
        how("FICTIF"),
        NameMatch::Found {
            student: 0,
            how: MatchHow::UsageName
        }
    );
    assert_eq!(
        how("EXEMPLE"),
        NameMatch::Found {
            student: 1,
            how: MatchHow::FirstOfSeveral
        }
    );
    assert_eq!(
        how("TESTEUR"),
        NameMatch::Found {
            student: 2,
            how: MatchHow::FirstOfSeveral
        }
    );
    assert_eq!(how("COMPOSE"), NameMatch::OutOfRoster { decided: false });
    assert_eq!(MatchHow::UsageName.flag(), Some("nom d'usage"));
    assert_eq!(MatchHow::ClassChanged.flag(), Some("classe différente"));
    assert_eq!(MatchHow::Strict.flag(), None);
}

#[test]
fn decisions_are_applied_first_survive_a_newer_roster_and_ignore_unknown_students() {
    let roster = school();
    let rows = vec![
        row("INCONNU", "Paul", "3A", 's'),
        row("EXEMPLE", "Zoé", "3A", 'c'),
    ];
    let lines = participant_lines(&rows);
    let mut decisions = MatchDecisions::default();
    // "INCONNU Paul" is Zoé's Pix name (say, a typo in an old import).
    let zoe = student_named(&roster, "EXEMPLE", "Zoé");
    decisions.decide(
        decision_key("INCONNU", "Paul", "3A"),
        Decision::Student(roster.students[zoe].key.clone()),
    );
    // And the real "EXEMPLE Zoé" line is declared out of the roster.
    decisions.decide(decision_key("EXEMPLE", "Zoé", "3A"), Decision::OutOfRoster);
    let result = match_roster(&roster, &names_of(&lines), &decisions);
    assert_eq!(
        result.names[line_named(&lines, "INCONNU")],
        NameMatch::Found {
            student: zoe,
            how: MatchHow::Decided
        }
    );
    assert_eq!(
        result.names[line_named(&lines, "EXEMPLE")],
        NameMatch::OutOfRoster { decided: true }
    );

    // Stored and read back, then applied to a newer roster (same salt, Zoé now in 3B and
    // listed first): the decision follows her INE.
    let json = serde_json::to_string(&decisions).unwrap();
    let decisions: MatchDecisions = serde_json::from_str(&json).unwrap();
    let newer = roster_of(&[
        Student("9Z", "NOUVEAU", "", &["Élève"], "3A"),
        Student("1A", "EXEMPLE", "", &["Zoé"], "3B"),
    ]);
    let result = match_roster(&newer, &names_of(&lines), &decisions);
    assert_eq!(
        result.names[line_named(&lines, "INCONNU")],
        NameMatch::Found {
            student: 1,
            how: MatchHow::Decided
        }
    );

    // A roster without her: the decision is not applied, the line is out of the roster.
    let without = roster_of(&[Student("9Z", "NOUVEAU", "", &["Élève"], "3A")]);
    let result = match_roster(&without, &names_of(&lines), &decisions);
    assert_eq!(
        result.names[line_named(&lines, "INCONNU")],
        NameMatch::OutOfRoster { decided: false }
    );
}

#[test]
fn the_students_view_lists_every_roster_student() {
    let roster = school();
    let overview_line =
        |last: &str, first: &str, class: &str, certifiable: Option<bool>| StudentOverview {
            last: last.into(),
            first: first.into(),
            class: class.into(),
            class_key: String::new(),
            latest: certifiable.map(|certifiable| LatestProfile {
                sent_at: LocalDateTime {
                    year: 2025,
                    month: 10,
                    day: 1,
                    minutes: None,
                },
                campaign_id: 1,
                campaign_name: "Collecte".into(),
                score: 100,
                certifiable_count: 5,
                certifiable,
            }),
            campaigns: vec![(1, "Collecte".into())],
            possible_duplicate: false,
            search_key: String::new(),
        };
    let overview = vec![
        overview_line("EXEMPLE", "Zoé", "3A", Some(true)),
        overview_line("DUPONT", "Léa", "3B", Some(false)),
        overview_line("FICTIF-TEST", "Jean-Éloi", "3B", None),
        overview_line("PARTI", "Ancien", "3A", Some(true)),
    ];
    let view = roster_students_view(&roster, &overview, &MatchDecisions::default());
    assert_eq!(view.lines.len(), roster.students.len());
    assert_eq!(view.out_of_roster, [3]);
    let status = |last: &str| {
        view.lines
            .iter()
            .find(|line| roster.students[line.student].last == last)
            .map(|line| line.certifiability)
            .unwrap()
    };
    assert_eq!(status("EXEMPLE"), KnownCertifiability::Certifiable);
    assert_eq!(status("DUPONT"), KnownCertifiability::NotCertifiable);
    assert_eq!(status("FICTIF-TEST"), KnownCertifiability::NotCommunicated);
    assert_eq!(
        status("ABSENT"),
        KnownCertifiability::NeverJoined,
        "no participation anywhere: never joined, not « never sent »"
    );
    // By class, then name: 3A first.
    let first_classes: Vec<&str> = view
        .lines
        .iter()
        .map(|line| roster.students[line.student].class.as_str())
        .collect();
    assert_eq!(first_classes, ["3A", "3A", "3A", "3B", "3B", "3C", "4A"]);
}

#[test]
fn the_comparison_counts_the_roster_students_who_joined_since() {
    let roster = school();
    let earlier_rows = vec![row("EXEMPLE", "Zoé", "3A", 's')];
    let later_rows = vec![
        row("EXEMPLE", "Zoé", "3A", 'c'),
        row("ABSENT", "Jamais", "3A", 's'),
        row("LOIN", "Toujours", "3C", 's'),
        row("PARTI", "Ancien", "3A", 's'),
    ];
    let (earlier, later) = (
        participant_lines(&earlier_rows),
        participant_lines(&later_rows),
    );
    let cohort = vec!["3a".to_owned(), "3b".to_owned()];
    let joined = joined_since(
        &roster,
        &cohort,
        &earlier,
        &later,
        &MatchDecisions::default(),
    );
    let joined: Vec<&str> = joined
        .iter()
        .map(|&at| roster.students[at].last.as_str())
        .collect();
    assert_eq!(
        joined,
        ["ABSENT"],
        "LOIN is outside the cohort, PARTI outside the roster"
    );
}

#[test]
fn without_a_class_in_the_export_names_alone_are_only_suggestions() {
    let roster = roster_of(&[
        Student("1E", "EXEMPLE", "", &["Zoé"], "3A"),
        Student("2E", "FICTIF-TEST", "FICTIF", &["Jean-Éloi"], "3B"),
    ]);
    let rows = vec![
        ProfileRow {
            line: 2,
            learner: Learner::new("Exemple", "zoe", None, None, None),
            profile: None,
        },
        ProfileRow {
            line: 3,
            learner: Learner::new("Personne", "Inconnue", None, None, None),
            profile: None,
        },
    ];
    let lines = participant_lines(&rows);
    let result = match_roster(&roster, &names_of(&lines), &MatchDecisions::default());
    assert_eq!(
        result.names[line_named(&lines, "Exemple")],
        NameMatch::ToCheck {
            candidates: vec![0],
            reason: CheckReason::NoClassInExport
        }
    );
    assert_eq!(
        result.names[line_named(&lines, "Personne")],
        NameMatch::OutOfRoster { decided: false }
    );
    assert_eq!(result.pending, [true, false]);
}

/// One base for every share (issue 26 point 1): with a list, the header, the cards, the
/// campaign list and "Par classe" all count the promotion, and the participants the
/// promotion leaves out are counted apart, so that the two figures shown side by side add up.
#[test]
fn every_share_is_over_the_promotion_and_the_gap_is_counted() {
    use cohorte::domain::model::snapshot::CampaignKind;
    use cohorte::domain::roster::cohort::{
        class_figures, headline_share, promotion_share, ShareBase,
    };
    use cohorte::domain::views::campaigns::CampaignSummary;
    use cohorte::domain::views::cohort::{class_summaries, profile_students, ProfileCounts};

    let roster = school();
    let rows = vec![
        row("EXEMPLE", "Zoé", "3A", 'c'),
        row("FICTIF-TEST", "Jean-Éloi", "3B", 'n'),
        // Not in the list, certifiable: counted by the export, not by the promotion.
        row("PARTI", "Ancien", "3A", 'c'),
        row("DUPONT", "Léa", "3A", 'c'),
        row("O’NEIL", "Sian", "3 A", 's'),
        // In the list, in 4A: a class the export does not name, so not the promotion's.
        row("QUATRIEME", "Hors", "4A", 'c'),
    ];
    let lines = participant_lines(&rows);
    let counts = ProfileCounts::of(&rows, &profile_students(&rows));
    assert_eq!((counts.participants, counts.certifiable), (6, 4));
    let cohort = vec!["3a".to_owned(), "3b".to_owned()];
    let decisions = MatchDecisions::default();
    let joined = campaign_roster(&roster, &lines, &cohort, &decisions);

    // The promotion: 3A and 3B of the list, five pupils, each in one situation.
    let promotion = joined.share;
    assert_eq!(promotion.students, 5);
    assert_eq!(
        promotion.certifiable
            + promotion.not_certifiable
            + promotion.never_sent
            + promotion.never_joined
            + promotion.to_check,
        promotion.students
    );
    assert_eq!(
        (
            promotion.certifiable,
            promotion.not_certifiable,
            promotion.never_sent,
            promotion.never_joined
        ),
        (2, 1, 1, 1)
    );

    let headline = headline_share(counts.participants, counts.certifiable, Some(&joined));
    assert_eq!(headline.base, ShareBase::Promotion);
    assert_eq!(
        (headline.certifiable, headline.whole, headline.percent()),
        (2, 5, 40)
    );
    assert_eq!(
        (headline.participants_certifiable, headline.participants),
        (4, 6)
    );
    // The gap between 4 certifiable participants and 2 certifiable pupils of the promotion.
    assert_eq!(headline.outside.out_of_list, 1);
    assert_eq!(headline.outside.other_class, 1);
    assert_eq!(headline.outside.participants(), 2);
    assert_eq!(
        headline.participants_certifiable - headline.outside.certifiable,
        headline.certifiable
    );

    // "Par classe" counts each class's pupils and adds up to the headline.
    let classes = class_figures(&class_summaries(&lines), Some(&joined));
    let labels: Vec<&str> = classes.iter().map(|class| class.label.as_str()).collect();
    assert_eq!(labels, ["3A", "3B"]);
    assert_eq!(
        classes.iter().map(|class| class.students).sum::<usize>(),
        headline.whole
    );
    assert_eq!(
        classes.iter().map(|class| class.certifiable).sum::<usize>(),
        headline.certifiable
    );
    assert_eq!(
        classes[0].students, 3,
        "EXEMPLE, ABSENT and O'NEIL: 3A's pupils"
    );
    assert_eq!(classes[0].out_of_list, Some(1), "PARTI, written in 3A");
    assert_eq!(classes[0].certifiable_percent(), 33);

    // The campaign list shows the same share.
    let share = promotion_share(&roster, &lines, Some(&cohort), &decisions);
    assert_eq!(share, Some(promotion));
    let summary = CampaignSummary {
        id: 1,
        name: "Collecte".into(),
        code: None,
        kind: CampaignKind::ProfilesCollection,
        organisation: String::new(),
        participants: counts.participants,
        received: counts.received,
        certifiable: Some(counts.certifiable),
        promotion: None,
        latest: None,
        snapshots: 1,
        example: false,
        search_key: String::new(),
    };
    assert_eq!(
        summary.certifiable_percent(),
        Some(67),
        "without a list: the participants"
    );
    let summary = summary.with_promotion(share);
    assert_eq!(summary.certifiable_of(), Some((2, 5)));
    assert_eq!(summary.certifiable_percent(), Some(headline.percent()));
}

/// Issue 25 point 11: a list whose classes (or pupils) are none of the campaign's is said
/// plainly, and the campaign is counted on its participants, as without a list.
#[test]
fn a_list_that_covers_none_of_the_campaign_counts_the_participants() {
    use cohorte::domain::roster::cohort::{
        class_figures, headline_share, promotion_share, ShareBase,
    };
    use cohorte::domain::views::cohort::{class_summaries, profile_students, ProfileCounts};

    let other_school = roster_of(&[
        Student("1B", "AILLEURS", "", &["Léo"], "5A"),
        Student("2B", "LOINTAIN", "", &["Ana"], "5B"),
    ]);
    let rows = vec![
        row("EXEMPLE", "Zoé", "3A", 'c'),
        row("FICTIF-TEST", "Jean-Éloi", "3B", 'n'),
        row("DUPONT", "Léa", "3A", 'c'),
    ];
    let lines = participant_lines(&rows);
    let counts = ProfileCounts::of(&rows, &profile_students(&rows));
    let decisions = MatchDecisions::default();
    let cohort = default_cohort_classes(&other_school, &lines);
    assert!(cohort.is_empty(), "no class of the list is the campaign's");
    let joined = campaign_roster(&other_school, &lines, &cohort, &decisions);
    assert!(!joined.covers_campaign());
    let headline = headline_share(counts.participants, counts.certifiable, Some(&joined));
    assert_eq!(headline.base, ShareBase::ListNotCovering);
    assert_eq!(
        (headline.certifiable, headline.whole, headline.percent()),
        (2, 3, 67)
    );
    assert_eq!(
        headline.outside.participants(),
        0,
        "nobody is said to be out of the list"
    );
    let classes = class_figures(&class_summaries(&lines), Some(&joined));
    assert_eq!(classes.iter().map(|class| class.students).sum::<usize>(), 3);
    assert!(classes.iter().all(|class| class.never_joined.is_none()));
    assert_eq!(
        promotion_share(&other_school, &lines, None, &decisions),
        None
    );

    // Same class names, other pupils (another year of the same school): not covered either.
    let last_year = roster_of(&[
        Student("1C", "ANCIEN", "", &["Tom"], "3A"),
        Student("2C", "PASSÉ", "", &["Eva"], "3B"),
    ]);
    let cohort = default_cohort_classes(&last_year, &lines);
    assert_eq!(cohort, ["3a", "3b"]);
    let joined = campaign_roster(&last_year, &lines, &cohort, &decisions);
    assert!(!joined.covers_campaign());
    assert_eq!(
        headline_share(counts.participants, counts.certifiable, Some(&joined)).base,
        ShareBase::ListNotCovering
    );

    // Without any list: the participants, said as such.
    let headline = headline_share(counts.participants, counts.certifiable, None);
    assert_eq!(headline.base, ShareBase::Participants);
    assert_eq!(headline.percent(), 67);
}

/// Issue 26 point 2: "À faire" is one sheet per class with the never-joined pupils inside
/// their class, the class's count over all its pupils of the promotion, and the CSV in the
/// same order.
#[test]
fn the_to_do_sheets_keep_never_joined_pupils_in_their_class() {
    use cohorte::domain::roster::cohort::{todo_sheets, todo_sheets_csv};
    use cohorte::domain::views::todo::{todo_list, TodoCsvLabels};

    let roster = school();
    let rows = vec![
        row("EXEMPLE", "Zoé", "3A", 'c'),
        row("FICTIF-TEST", "Jean-Éloi", "3B", 'n'),
        row("DUPONT", "Léa", "3B", 's'),
        row("O’NEIL", "Sian", "3 A", 'n'),
    ];
    let lines = participant_lines(&rows);
    // 3C chosen by hand: its only pupil never joined and it has no participant.
    let cohort = vec!["3a".to_owned(), "3b".to_owned(), "3c".to_owned()];
    let decisions = MatchDecisions::default();
    let joined = campaign_roster(&roster, &lines, &cohort, &decisions);
    let never = never_joined_todo(&roster, &joined, &[]);
    let sheets = todo_sheets(todo_list(&rows, &lines, &[]), never, Some(&joined));
    let summary: Vec<(&str, usize, usize, usize)> = sheets
        .iter()
        .map(|s| (s.label.as_str(), s.pupils, s.to_do(), s.never_joined.len()))
        .collect();
    // 3A: EXEMPLE (certifiable), O'NEIL (not certifiable), ABSENT (never joined) → 2 of 3.
    // 3B: FICTIF-TEST (not certifiable), DUPONT (never sent) → 2 of 2. 3C: LOIN → 1 of 1.
    assert_eq!(summary, [("3A", 3, 2, 1), ("3B", 2, 2, 0), ("3C", 1, 1, 1)]);
    assert!(sheets[2].participants.is_none());

    let labels = TodoCsvLabels {
        header: ["Classe", "Nom", "Prénom", "Situation", "e", "f", "g", "h"],
        not_certifiable: "Non certifiable",
        not_sent: "Profil non envoyé",
        no_class: "Sans classe",
    };
    let csv = todo_sheets_csv(&sheets, &labels, "Jamais participé");
    let firsts: Vec<String> = csv
        .lines()
        .skip(1)
        .map(|line| line.split(';').take(4).collect::<Vec<_>>().join(";"))
        .collect();
    assert_eq!(
        firsts,
        [
            "3A;O’NEIL;Sian;Non certifiable",
            "3A;ABSENT;Jamais;Jamais participé",
            "3B;FICTIF-TEST;Jean-Éloi;Non certifiable",
            "3B;DUPONT;Léa;Profil non envoyé",
            "3C;LOIN;Toujours;Jamais participé",
        ]
    );
    assert!(csv.contains(&format!("Jamais participé;;;;{NEVER_JOINED_ADVICE}")));
}
