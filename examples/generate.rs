//! Writes a generated export to stdout, for the benchmark and for trying Cohorte at scale:
//! `cargo run --release --example generate -- profiles 20000 [seed] > big.csv`
//! (`assessment` for an assessment export; `roster` for a SIECLE zip of `rows` students whose
//! first ones are the participants of the profiles export of the same size and seed).
//! Flags after the seed write what Pix's newest exports also write (see `PixWriting`):
//! `--english --shuffled --reopened --minus-one-stages --unknown-competences --escaped-badge
//! --external-id=<label>`.

use std::io::Write;

use cohorte::domain::generate::{
    generate_assessment_export_as, generate_profiles_export, generate_profiles_export_as,
    PixWriting,
};
use cohorte::domain::roster::generate::roster_zip_for_export;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: generate <profiles|assessment|roster> <rows> [seed] [--english] \
                 [--shuffled] [--reopened] [--minus-one-stages] [--unknown-competences] \
                 [--escaped-badge] [--external-id=<label>]";
    let (flags, positional): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|arg| arg.starts_with("--"));
    let kind = positional.first().expect(usage);
    let rows: usize = positional
        .get(1)
        .and_then(|rows| rows.parse().ok())
        .expect(usage);
    let seed: u64 = positional
        .get(2)
        .and_then(|seed| seed.parse().ok())
        .unwrap_or(2025);
    let mut writing = PixWriting::default();
    for flag in flags {
        match flag.as_str() {
            "--english" => writing.english = true,
            "--shuffled" => writing.shuffled = true,
            "--reopened" => writing.reopened = true,
            "--minus-one-stages" => writing.no_stage_as_minus_one = true,
            "--unknown-competences" => writing.unknown_competence_names = true,
            "--escaped-badge" => writing.escaped_badge = true,
            other => match other.strip_prefix("--external-id=") {
                Some(label) => writing.external_id_label = Some(label.to_owned()),
                None => panic!("{usage}"),
            },
        }
    }
    let bytes = match kind.as_str() {
        "profiles" => generate_profiles_export_as(rows, seed, &writing),
        "assessment" => generate_assessment_export_as(rows, seed, &writing),
        "roster" => {
            roster_zip_for_export(&generate_profiles_export(rows, seed), rows)
                .expect("a generated profiles export imports")
                .0
        }
        _ => panic!("{usage}"),
    };
    std::io::stdout().write_all(&bytes).expect("stdout");
}
