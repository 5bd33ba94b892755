//! Writes a generated export to stdout, for the benchmark and for trying Cohorte at scale:
//! `cargo run --release --example generate -- profiles 20000 [seed] > big.csv`
//! (`assessment` for an assessment export; `roster` for a SIECLE zip of `rows` students whose
//! first ones are the participants of the profiles export of the same size and seed).

use std::io::Write;

use cohorte::domain::generate::{generate_assessment_export, generate_profiles_export};
use cohorte::domain::roster::generate::roster_zip_for_export;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: generate <profiles|assessment|roster> <rows> [seed]";
    let kind = args.first().expect(usage);
    let rows: usize = args.get(1).and_then(|rows| rows.parse().ok()).expect(usage);
    let seed: u64 = args
        .get(2)
        .and_then(|seed| seed.parse().ok())
        .unwrap_or(2025);
    let bytes = match kind.as_str() {
        "profiles" => generate_profiles_export(rows, seed),
        "assessment" => generate_assessment_export(rows, seed),
        "roster" => {
            roster_zip_for_export(&generate_profiles_export(rows, seed), rows)
                .expect("a generated profiles export imports")
                .0
        }
        _ => panic!("{usage}"),
    };
    std::io::stdout().write_all(&bytes).expect("stdout");
}
