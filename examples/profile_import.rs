//! Runs the benchmarked work (`cohorte::benchmark_work`: import, then participant lines) on
//! one file, for a profiler: `cargo build --release --example profile_import`, then
//! `valgrind --tool=callgrind target/release/examples/profile_import <file.csv> [runs]`
//! or `perf record`. The instruction counts are steady where timings on a shared machine
//! are not; `./scripts/bench` gives the figures.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: profile_import <file.csv> [runs]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let runs: usize = args.next().and_then(|runs| runs.parse().ok()).unwrap_or(1);
    for _ in 0..runs {
        if let Err(error) = std::hint::black_box(cohorte::benchmark_work(&bytes)) {
            panic!("{error}");
        }
    }
}
