//! Certification sessions (src/domain/sessions/): the candidates built from the 3e fixture,
//! the proposal checked by hand on small plans and by property over random ones, the checks,
//! what a newer collecte changes, and the outputs (lists, convocations, grid, CSV).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};

use cohorte::domain::sessions::outputs::{
    convocations, grid, plan_csv, session_lists, PlanCsvLabels,
};
use cohorte::domain::sessions::{
    candidates, changes, check, parse_time, propose, unplaced, Candidate, CandidateStatus, Plan,
    PlanDate, ProblemKind, SessionId, StudentRef, UnplacedReason,
};
use cohorte::domain::text::class_key;
use cohorte::domain::views::cohort::participant_lines;
use proptest::prelude::*;

mod common;
use common::{fixture, profile_rows};

fn date(text: &str) -> PlanDate {
    PlanDate::parse_iso(text).unwrap()
}

fn certifiable(last: &str, first: &str, class: &str) -> Candidate {
    Candidate {
        student: StudentRef::new(last, first, class),
        status: CandidateStatus::Certifiable,
    }
}

/// `sizes[i]` certifiable students in class `C{i}`.
fn classes(sizes: &[usize]) -> Vec<Candidate> {
    sizes
        .iter()
        .enumerate()
        .flat_map(|(class, &size)| {
            (0..size)
                .map(move |n| certifiable(&format!("NOM{n:04}"), "Prénom", &format!("C{class}")))
        })
        .collect()
}

/// A plan with rooms of `computers` (one spare each) and `slots` slots, two a day.
fn plan_with(computers: &[u16], slots: usize) -> Plan {
    let mut plan = Plan::new("Plan", date("2026-01-05"), 1);
    for (at, &n) in computers.iter().enumerate() {
        plan.add_room(&format!("Salle {at}"), n);
    }
    for at in 0..slots {
        let day = 5 + (at / 2) as u8;
        let start = if at % 2 == 0 {
            8 * 60 + 30
        } else {
            13 * 60 + 30
        };
        plan.add_slot(
            PlanDate {
                year: 2026,
                month: 1,
                day,
            },
            start,
        );
    }
    plan
}

fn sessions_of_class(plan: &Plan, class: &str) -> HashSet<SessionId> {
    plan.placements
        .iter()
        .filter(|p| class_key(&p.student.class) == class_key(class))
        .map(|p| p.session)
        .collect()
}

#[test]
fn dates_times_and_ids_read_and_print_back() {
    assert_eq!(date("2026-01-12").iso(), "2026-01-12");
    assert_eq!(date("2026-01-12").french(), "12/01/2026");
    assert_eq!(date("2026-01-12").weekday(), 0, "a Monday");
    assert_eq!(date("2026-03-08").weekday(), 6, "a Sunday");
    assert_eq!(PlanDate::parse_iso("2026-02-30"), None);
    assert_eq!(PlanDate::parse_iso(""), None);
    assert_eq!(parse_time("08:30"), Some(510));
    assert_eq!(parse_time("8:05"), Some(485));
    assert_eq!(parse_time("24:00"), None);
    let id = SessionId { slot: 3, room: 12 };
    assert_eq!(SessionId::parse(&id.to_string()), Some(id));
}

#[test]
fn candidates_come_from_the_collecte_with_what_they_lack() {
    let (snapshot, expected) = fixture("collecte-3e-sco-2025");
    let rows = profile_rows(&snapshot);
    let lines = participant_lines(rows);
    let all = candidates(rows, &lines, &[]);
    assert_eq!(all.len(), lines.len());
    let students = expected["students"].as_array().unwrap();
    let certifiable_expected = students
        .iter()
        .filter(|s| s["certifiable"].as_bool() == Some(true))
        .count();
    assert_eq!(
        all.iter().filter(|c| c.is_certifiable()).count(),
        certifiable_expected
    );
    // Every not-certifiable one says how many competences it lacks, as « À faire » does.
    for candidate in &all {
        if let CandidateStatus::NotCertifiable { missing, .. } = candidate.status {
            assert!((1..=5).contains(&missing), "{candidate:?}");
        }
    }
    // Enrolment order: classes in natural order, then names.
    let classes: Vec<&str> = all.iter().map(|c| c.student.class.as_str()).collect();
    let mut sorted = classes.clone();
    sorted.sort_by(|a, b| cohorte::domain::text::natural_cmp(a, b));
    assert_eq!(classes, sorted);
}

#[test]
fn a_class_goes_whole_into_the_room_that_fits_it_best() {
    // Rooms of 15 and 30 seats (16 and 31 computers, one spare each), one slot.
    let mut plan = plan_with(&[16, 31], 1);
    let students = classes(&[28, 14]);
    plan.placements = propose(&plan, &students);
    let sessions = plan.sessions();
    assert_eq!(
        sessions_of_class(&plan, "C0"),
        HashSet::from([sessions[1].id])
    );
    assert_eq!(
        sessions_of_class(&plan, "C1"),
        HashSet::from([sessions[0].id])
    );
    assert!(check(&plan, &students).is_empty());
    assert!(unplaced(&plan, &students).is_empty());
}

#[test]
fn a_class_too_large_for_any_room_is_cut_in_as_few_parts_as_possible() {
    let mut plan = plan_with(&[11, 21, 6], 1);
    let students = classes(&[27]);
    plan.placements = propose(&plan, &students);
    // 20 + 10 seats cover 27: two sessions, not three.
    assert_eq!(sessions_of_class(&plan, "C0").len(), 2);
    assert_eq!(plan.placements.len(), 27);
}

#[test]
fn without_enough_seats_the_rest_waits_with_no_seat_and_the_others_their_reason() {
    let mut plan = plan_with(&[11], 1);
    let mut students = classes(&[12]);
    students.push(Candidate {
        student: StudentRef::new("ZOLA", "Émile", "C0"),
        status: CandidateStatus::NotCertifiable {
            missing: 2,
            closest: vec![],
        },
    });
    students.push(Candidate {
        student: StudentRef::new("YOURCENAR", "Marguerite", "C0"),
        status: CandidateStatus::NotSent,
    });
    students.push(Candidate {
        student: StudentRef::new("WEIL", "Simone", "C0"),
        status: CandidateStatus::NeverJoined,
    });
    plan.placements = propose(&plan, &students);
    assert_eq!(plan.placements.len(), 10);
    let waiting = unplaced(&plan, &students);
    let reasons: HashMap<&str, UnplacedReason> = waiting
        .iter()
        .map(|u| (u.candidate.student.last.as_str(), u.reason))
        .collect();
    assert_eq!(reasons["ZOLA"], UnplacedReason::NotCertifiable);
    assert_eq!(reasons["YOURCENAR"], UnplacedReason::NotSent);
    assert_eq!(reasons["WEIL"], UnplacedReason::NeverJoined);
    assert_eq!(
        waiting
            .iter()
            .filter(|u| u.reason == UnplacedReason::NoSeat)
            .count(),
        2
    );
    assert_eq!(UnplacedReason::NoSeat.slug(), "no-seat");
}

#[test]
fn locked_sessions_keep_their_students_when_the_rest_is_proposed_again() {
    let mut plan = plan_with(&[31, 31], 1);
    let students = classes(&[10, 10]);
    plan.placements = propose(&plan, &students);
    let sessions: Vec<SessionId> = plan.sessions().iter().map(|s| s.id).collect();
    // By hand: one C1 student to the other session, which is then kept as it is.
    let moved = plan
        .placements
        .iter()
        .find(|p| p.student.class == "C1")
        .unwrap()
        .clone();
    let target = sessions
        .iter()
        .copied()
        .find(|&s| s != moved.session)
        .unwrap();
    plan.place(&moved.student, Some(target));
    plan.set_locked(target, true);
    let locked_before: Vec<_> = plan
        .placements
        .iter()
        .filter(|p| p.session == target)
        .cloned()
        .collect();
    plan.placements = propose(&plan, &students);
    let locked_after: Vec<_> = plan
        .placements
        .iter()
        .filter(|p| p.session == target)
        .cloned()
        .collect();
    assert_eq!(locked_before.len(), locked_after.len());
    for p in &locked_before {
        assert!(locked_after.contains(p));
    }
    assert_eq!(plan.placements.len(), 20, "everyone still placed once");
}

#[test]
fn extra_time_goes_where_the_room_is_free_after_else_it_is_flagged() {
    // Two slots the same morning, two hours apart: the first leaves no time for extra time.
    let mut plan = Plan::new("Plan", date("2026-01-05"), 1);
    plan.add_room("A", 31);
    plan.add_slot(date("2026-01-05"), parse_time("08:00").unwrap());
    plan.add_slot(date("2026-01-05"), parse_time("10:00").unwrap());
    let students = classes(&[30, 30]);
    let flagged = students[0].student.clone();
    plan.set_extra_time(&flagged, true);
    plan.placements = propose(&plan, &students);
    let late = plan.sessions()[1].id;
    let where_is = |plan: &Plan| {
        plan.placements
            .iter()
            .find(|p| p.student == flagged)
            .map(|p| p.session)
    };
    assert_eq!(
        where_is(&plan),
        Some(late),
        "moved to the last slot of the day"
    );
    assert!(
        check(&plan, &students).is_empty(),
        "{:?}",
        check(&plan, &students)
    );
    // Put back by hand in the first slot: the overlap with the next session is reported.
    let early = plan.sessions()[0].id;
    plan.place(&flagged, Some(early));
    let kinds: Vec<ProblemKind> = check(&plan, &students).iter().map(|p| p.kind()).collect();
    assert!(kinds.contains(&ProblemKind::ExtraTimeOverlap), "{kinds:?}");
    assert!(kinds.contains(&ProblemKind::OverCapacity), "{kinds:?}");
    // Its end: 08:00 + 1 h 45 + 35 min.
    let list = &session_lists(&plan, false)[0];
    let entry = list.students.iter().find(|s| s.student == flagged).unwrap();
    assert!(entry.extra_time);
    assert_eq!(entry.end, 8 * 60 + 105 + 35);
}

#[test]
fn the_window_and_not_certifiable_students_placed_by_hand_are_flagged() {
    let mut plan = plan_with(&[31], 1);
    plan.window.start = Some(date("2026-03-16"));
    plan.window.end = Some(date("2026-06-13"));
    let mut students = classes(&[3]);
    let weak = Candidate {
        student: StudentRef::new("ZOLA", "Émile", "C0"),
        status: CandidateStatus::NotCertifiable {
            missing: 1,
            closest: vec![],
        },
    };
    students.push(weak.clone());
    plan.placements = propose(&plan, &students);
    let session = plan.sessions()[0].id;
    plan.place(&weak.student, Some(session));
    let kinds: Vec<&str> = check(&plan, &students)
        .iter()
        .map(|p| p.kind().slug())
        .collect();
    assert_eq!(kinds, ["outside-window", "not-certifiable-placed"]);
}

#[test]
fn a_newer_collecte_says_who_is_no_longer_certifiable_and_who_now_is() {
    let mut plan = plan_with(&[31], 1);
    let before = classes(&[3]);
    plan.placements = propose(&plan, &before);
    plan.proposed_from = Some("2026-01-04T10:00".to_owned());
    assert_eq!(changes(&plan, &before, Some("2026-01-04T10:00")), None);
    let mut after = before.clone();
    after[0].status = CandidateStatus::NotSent;
    after.push(certifiable("NOUVEAU", "Léa", "C0"));
    let changed = changes(&plan, &after, Some("2026-02-01T09:00")).unwrap();
    assert_eq!(
        changed.no_longer_certifiable,
        vec![before[0].student.clone()]
    );
    assert_eq!(
        changed.now_certifiable,
        vec![StudentRef::new("NOUVEAU", "Léa", "C0")]
    );
}

#[test]
fn the_outputs_follow_the_enrolment_order_and_the_csv_is_guarded() {
    let mut plan = plan_with(&[31, 31], 2);
    let students = vec![
        certifiable("MARTIN", "Inès", "3B"),
        certifiable("=SOMME(A1)", "Hugo", "3A"),
        certifiable("ARNAUD", "Lou", "3B"),
    ];
    plan.set_extra_time(&students[2].student, true);
    plan.placements = propose(&plan, &students);
    let first = plan.sessions()[0].id;
    plan.set_invigilator(first, "M. Dupont");
    let lists = session_lists(&plan, false);
    assert_eq!(lists.len(), 1, "both classes fit in the first session");
    let convocations = convocations(&plan);
    let order: Vec<&str> = convocations
        .iter()
        .map(|c| c.student.last.as_str())
        .collect();
    assert_eq!(order, ["=SOMME(A1)", "ARNAUD", "MARTIN"]);
    let grid = grid(&plan);
    assert_eq!(grid.rooms.len(), 2);
    assert_eq!(grid.days.len(), 1);
    let csv = plan_csv(
        &plan,
        &PlanCsvLabels {
            header: [
                "Date",
                "Début",
                "Fin",
                "Salle",
                "Classe",
                "Nom",
                "Prénom",
                "Tiers-temps",
                "Surveillant",
            ],
            yes: "oui",
            no: "non",
        },
    );
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Date;Début;Fin;Salle;Classe;Nom;Prénom;Tiers-temps;Surveillant"
    );
    assert_eq!(lines.len(), 5, "{csv}");
    assert!(
        lines[1..].iter().any(|l| l.contains(";'=SOMME(A1);")),
        "{csv}"
    );
    assert!(
        lines[1..]
            .iter()
            .any(|l| l.ends_with(";ARNAUD;Lou;oui;M. Dupont") || l.contains(";ARNAUD;Lou;oui;")),
        "{csv}"
    );
}

#[test]
fn removing_a_room_sends_its_students_back_to_wait() {
    let mut plan = plan_with(&[31, 31], 1);
    let students = classes(&[20, 20]);
    plan.placements = propose(&plan, &students);
    let room = plan.rooms[0].id;
    plan.remove_room(room);
    assert_eq!(plan.placements.len(), 20);
    assert_eq!(unplaced(&plan, &students).len(), 20);
}

// ---- Properties

fn arbitrary_input() -> impl Strategy<Value = (Vec<u16>, usize, Vec<usize>)> {
    (
        prop::collection::vec(2u16..40, 1..6),
        1usize..6,
        prop::collection::vec(1usize..45, 1..10),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_session_over_capacity_no_student_twice_and_the_same_result_twice(
        (rooms, slots, sizes) in arbitrary_input(),
        extra in prop::collection::vec(any::<prop::sample::Index>(), 0..5),
    ) {
        let mut plan = plan_with(&rooms, slots);
        let students = classes(&sizes);
        for index in extra {
            plan.set_extra_time(&index.get(&students).student, true);
        }
        let placements = propose(&plan, &students);
        prop_assert_eq!(&placements, &propose(&plan, &students));
        let mut seen = HashSet::new();
        for p in &placements {
            prop_assert!(seen.insert(p.student.key()), "{:?} twice", p.student);
        }
        plan.placements = placements;
        for session in plan.sessions() {
            prop_assert!(plan.count(session.id) <= session.room.capacity());
        }
        let seats: usize = plan.sessions().iter().map(|s| s.room.capacity()).sum();
        let total: usize = sizes.iter().sum();
        // Every certifiable student placed whenever seats suffice; else every seat is used.
        prop_assert_eq!(plan.placements.len(), total.min(seats));
    }

    #[test]
    fn a_class_is_never_split_when_one_session_could_hold_it((rooms, slots, sizes) in arbitrary_input()) {
        let mut plan = plan_with(&rooms, slots);
        let students = classes(&sizes);
        plan.placements = propose(&plan, &students);
        for (class, &size) in sizes.iter().enumerate() {
            let class = format!("C{class}");
            let used = sessions_of_class(&plan, &class);
            if used.len() <= 1 {
                continue;
            }
            // Cut: no session could have taken the whole class, its own part there included.
            for session in plan.sessions() {
                let free = session.room.capacity() - plan.count(session.id);
                let own = plan
                    .placements
                    .iter()
                    .filter(|p| p.session == session.id && p.student.class == class)
                    .count();
                prop_assert!(free + own < size, "{} ({} students) cut though {} could hold it", class, size, session.id);
            }
        }
    }

    #[test]
    fn locked_sessions_are_kept_as_they_are((rooms, slots, sizes) in arbitrary_input(), lock in any::<prop::sample::Index>()) {
        let mut plan = plan_with(&rooms, slots);
        let students = classes(&sizes);
        plan.placements = propose(&plan, &students);
        let sessions: Vec<SessionId> = plan.sessions().iter().map(|s| s.id).collect();
        let locked = *lock.get(&sessions);
        plan.set_locked(locked, true);
        let before: HashSet<String> = plan.placements.iter().filter(|p| p.session == locked).map(|p| p.student.key()).collect();
        plan.placements = propose(&plan, &students);
        let after: HashSet<String> = plan.placements.iter().filter(|p| p.session == locked).map(|p| p.student.key()).collect();
        prop_assert_eq!(before, after);
        let mut seen = HashSet::new();
        for p in &plan.placements {
            prop_assert!(seen.insert(p.student.key()));
        }
    }
}

#[test]
fn a_lycee_of_1500_students_is_proposed_quickly() {
    // The wasm budget (16 ms) is measured by tests/bench/bench.mjs; natively, in a debug
    // build, this only guards against a quadratic slip.
    let rooms = [31u16; 12];
    let plan = plan_with(&rooms, 40);
    let students = classes(&[30; 50]);
    let start = std::time::Instant::now();
    let placements = propose(&plan, &students);
    assert_eq!(placements.len(), 1500);
    assert!(start.elapsed().as_millis() < 2000, "{:?}", start.elapsed());
}

#[test]
fn the_benchmark_places_the_whole_lycee_and_the_route_has_its_address() {
    assert_eq!(cohorte::benchmark_sessions_work(1500, 12, 40), 1500);
    use cohorte::domain::views::route::Route;
    assert_eq!(Route::parse("#/sessions"), Route::Sessions);
    assert_eq!(Route::Sessions.to_hash(), "#/sessions");
}
