//! Cohorte: offline follow-up of Pix certifiability from Pix Orga exports.

pub mod domain;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The app's real import, callable from the page for the benchmark (scripts/bench): decode,
/// parse, model and certifiability of every row, without storing or rendering.
/// Returns the number of rows read.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchmarkImport)]
pub fn benchmark_import(bytes: &[u8]) -> Result<u32, String> {
    use domain::snapshot::Rows;
    let snapshot =
        domain::import::import_file("benchmark.csv", bytes).map_err(|error| error.to_string())?;
    let certifiable = match &snapshot.rows {
        Rows::Profiles(rows) => domain::cohort::participant_lines(rows)
            .iter()
            .filter(|line| line.status == domain::cohort::Certifiability::Certifiable)
            .count(),
        Rows::Assessment { rows, .. } => rows.len(),
    };
    std::hint::black_box(certifiable);
    Ok(snapshot.rows.len() as u32)
}
