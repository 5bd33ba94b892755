//! Native throughput of `benchmark_work` (the import, then the participant lines) on
//! realistic generated exports, in MB/s: the reference the browser figure is compared with
//! (scripts/bench). `cargo bench --bench import` prints a table; with
//! `COHORTE_BENCH_JSON=<path>` it also writes the figures as JSON.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cohorte::domain::generate::{generate_assessment_export, generate_profiles_export};
use cohorte::{benchmark_import_only, benchmark_work};

const SIZES: [usize; 3] = [5_000, 20_000, 50_000];

struct Figure {
    label: String,
    rows: usize,
    megabytes: f64,
    /// Seconds per run, sorted.
    runs: Vec<f64>,
}

/// The import alone (`benchmarkImportOnly` in the page), printed apart from the full work to
/// see what the lines cost.
fn import(bytes: &[u8]) -> usize {
    benchmark_import_only(bytes).unwrap_or_else(|error| panic!("{error}")) as usize
}

/// Exactly what the browser figure times (`benchmarkImport`): the import, then the
/// participant lines. The wasm/native ratio compares the two.
fn benchmark(bytes: &[u8]) -> usize {
    benchmark_work(bytes).unwrap_or_else(|error| panic!("{error}")) as usize
}

fn measure(label: &str, rows: usize, bytes: &[u8], work: fn(&[u8]) -> usize) -> Figure {
    // Warm-up, and a check that the generated file really imports.
    assert_eq!(work(bytes), rows, "{label}");

    let mut runs = Vec::new();
    let started = Instant::now();
    while runs.len() < 5 || (started.elapsed() < Duration::from_secs(2) && runs.len() < 30) {
        let run = Instant::now();
        black_box(work(black_box(bytes)));
        runs.push(run.elapsed().as_secs_f64());
    }
    runs.sort_by(f64::total_cmp);
    Figure {
        label: label.to_owned(),
        rows,
        megabytes: bytes.len() as f64 / 1e6,
        runs,
    }
}

fn main() {
    let mut figures = Vec::new();
    for rows in SIZES {
        let export = generate_profiles_export(rows, 2025);
        figures.push(measure("profiles", rows, &export, benchmark));
        if rows == SIZES[SIZES.len() - 1] {
            figures.push(measure("import only", rows, &export, import));
        }
    }
    figures.push(measure(
        "assessment",
        50_000,
        &generate_assessment_export(50_000, 2025),
        import,
    ));

    let mut json = Vec::new();
    for figure in &figures {
        let (min, max) = (figure.runs[0], figure.runs[figure.runs.len() - 1]);
        let median = figure.runs[figure.runs.len() / 2];
        println!(
            "native import {:<14} {:>6} rows {:>5.1} MB: median {:>7.1} ms = {:>5.0} MB/s (min {:.1} ms, max {:.1} ms, {} runs)",
            figure.label,
            figure.rows,
            figure.megabytes,
            median * 1e3,
            figure.megabytes / median,
            min * 1e3,
            max * 1e3,
            figure.runs.len()
        );
        json.push(format!(
            r#"{{"kind":"{}","rows":{},"megabytes":{:.3},"median_ms":{:.3},"min_ms":{:.3},"max_ms":{:.3},"mb_per_s":{:.2}}}"#,
            figure.label,
            figure.rows,
            figure.megabytes,
            median * 1e3,
            min * 1e3,
            max * 1e3,
            figure.megabytes / median
        ));
    }
    if let Ok(path) = std::env::var("COHORTE_BENCH_JSON") {
        std::fs::write(&path, format!("[{}]\n", json.join(","))).expect("write the bench JSON");
    }
}
