//! Cohorte: offline follow-up of Pix certifiability from Pix Orga exports.

pub use cohorte_domain as domain;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// What the benchmark times (scripts/bench), in the browser and natively alike: the app's
/// real import of a file (decode, parse, model), then the participant lines its campaign page
/// shows, with each student's certifiability. Nothing is stored or rendered. Returns the
/// number of rows read.
pub fn benchmark_work(bytes: &[u8]) -> Result<u32, domain::import::ImportError> {
    use domain::model::snapshot::Rows;
    let snapshot = domain::import::import_file("benchmark.csv", bytes)?;
    let certifiable = match &snapshot.rows {
        Rows::Profiles(rows) => domain::views::cohort::participant_lines(rows)
            .iter()
            .filter(|line| line.status == domain::views::cohort::Certifiability::Certifiable)
            .count(),
        Rows::Assessment { rows, .. } => rows.len(),
    };
    std::hint::black_box(certifiable);
    Ok(snapshot.rows.len() as u32)
}

/// The import alone (decode, parse, model), without the participant lines: printed beside
/// `benchmark_work` so that the bench shows what the campaign page's lines cost on top.
pub fn benchmark_import_only(bytes: &[u8]) -> Result<u32, domain::import::ImportError> {
    let snapshot = domain::import::import_file("benchmark.csv", bytes)?;
    Ok(snapshot.rows.len() as u32)
}

/// `benchmark_work`, callable from the page.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchmarkImport)]
pub fn benchmark_import(bytes: &[u8]) -> Result<u32, String> {
    benchmark_work(bytes).map_err(|error| error.to_string())
}

/// `benchmark_import_only`, callable from the page.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchmarkImportOnly)]
pub fn benchmark_import_only_in_page(bytes: &[u8]) -> Result<u32, String> {
    benchmark_import_only(bytes).map_err(|error| error.to_string())
}

/// `domain::roster::generate::benchmark_work` (read a SIECLE zip, import an export, join
/// them for the campaign page), callable from the page for the roster's speed budget.
/// Returns the number of never-joined students, so the work cannot be optimised away.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchmarkRoster)]
pub fn benchmark_roster(zip: &[u8], export: &[u8]) -> Result<u32, String> {
    domain::roster::generate::benchmark_work(zip, export)
        .map(|joined| joined.never_joined.len() as u32)
}

/// The sessions' proposal for a lycée (`domain::sessions::propose`): `students` certifiable
/// students in classes of 30, `rooms` rooms of 31 computers (one spare), `slots` slots two a
/// day. Building that input is part of the time (about a tenth of it natively). Returns the
/// number of students placed.
pub fn benchmark_sessions_work(students: u32, rooms: u32, slots: u32) -> u32 {
    use domain::sessions::{propose, Candidate, CandidateStatus, Plan, PlanDate, StudentRef};
    let start = PlanDate {
        year: 2026,
        month: 1,
        day: 5,
    };
    let mut plan = Plan::new("Banc d’essai", start, 1);
    for room in 0..rooms {
        plan.add_room(&format!("Salle {room}"), 31);
    }
    for slot in 0..slots {
        let date = PlanDate {
            day: 1 + (slot / 2 % 28) as u8,
            month: 1 + (slot / 56 % 12) as u8,
            ..start
        };
        plan.add_slot(date, if slot % 2 == 0 { 510 } else { 810 });
    }
    let candidates: Vec<Candidate> = (0..students)
        .map(|n| Candidate {
            student: StudentRef::new(&format!("NOM{n:05}"), "Prénom", &format!("T{}", n / 30 + 1)),
            status: CandidateStatus::Certifiable,
        })
        .collect();
    // A few students with extra time, as in a real lycée.
    for candidate in candidates.iter().step_by(40) {
        plan.set_extra_time(&candidate.student, true);
    }
    let placed = propose(&plan, &candidates).len() as u32;
    std::hint::black_box(placed)
}

/// `benchmark_sessions_work`, callable from the page.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchmarkSessions)]
pub fn benchmark_sessions(students: u32, rooms: u32, slots: u32) -> u32 {
    benchmark_sessions_work(students, rooms, slots)
}
