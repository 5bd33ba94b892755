//! Native throughput of `import_file` on a realistic 50,000-row profiles-collection export
//! (and a 50,000-row assessment export), in MB/s. Run with `cargo bench --bench import`.
//! The release profile optimises for size (`opt-level = "z"`, like the shipped wasm); set
//! `CARGO_PROFILE_BENCH_OPT_LEVEL=3` to see the speed-optimised figure.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cohorte::domain::generate::{generate_assessment_export, generate_profiles_export};
use cohorte::domain::import::import_file;

const ROWS: usize = 50_000;

fn measure(label: &str, bytes: &[u8]) {
    let megabytes = bytes.len() as f64 / 1e6;
    // Warm-up, and a check that the generated file really imports.
    let rows = import_file("bench.csv", bytes)
        .map(|snapshot| snapshot.rows.len())
        .unwrap_or_else(|error| panic!("{label}: {error}"));
    assert_eq!(rows, ROWS, "{label}");

    let mut runs = Vec::new();
    let started = Instant::now();
    while runs.len() < 5 || (started.elapsed() < Duration::from_secs(3) && runs.len() < 50) {
        let run = Instant::now();
        black_box(import_file("bench.csv", black_box(bytes)).is_ok());
        runs.push(run.elapsed());
    }
    runs.sort();
    let best = runs[0].as_secs_f64();
    let median = runs[runs.len() / 2].as_secs_f64();
    println!(
        "{label}: {ROWS} rows, {megabytes:.1} MB, median {:.1} ms ({:.0} MB/s), best {:.1} ms \
         ({:.0} MB/s), {} runs",
        median * 1e3,
        megabytes / median,
        best * 1e3,
        megabytes / best,
        runs.len()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; there is nothing to filter.
    measure("profiles collection", &generate_profiles_export(ROWS, 2025));
    measure("assessment", &generate_assessment_export(ROWS, 2025));
}
