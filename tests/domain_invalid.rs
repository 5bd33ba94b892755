//! Every file of `tests/fixtures/invalid/` is refused with its own error variant, a message
//! naming the file, and the right line where a line matters.

use std::fs;
use std::path::{Path, PathBuf};

use cohorte::domain::import::{import_file, ImportError, ImportErrorKind};
use cohorte::domain::model::snapshot::CampaignKind;

fn invalid_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid")
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn import(dir: &Path, name: &str) -> ImportError {
    let bytes = fs::read(dir.join(name)).expect("fixture readable");
    match import_file(name, &bytes) {
        Ok(snapshot) => panic!("{name} was imported ({} rows)", snapshot.rows.len()),
        Err(error) => error,
    }
}

/// What each invalid file is, checked against the kind's fields.
fn check(name: &str, error: &ImportError) {
    match (name, error.kind()) {
        ("vide.csv", ImportErrorKind::Empty) => {}
        ("classeur.xlsx", ImportErrorKind::NotText { detected }) => {
            assert!(detected.contains("Excel"), "{detected}");
        }
        ("image.png", ImportErrorKind::NotText { detected }) => {
            assert!(detected.contains("PNG"), "{detected}");
        }
        ("autre-tableau.csv" | "notes.txt", ImportErrorKind::NotPixExport { missing }) => {
            assert!(missing.iter().any(|column| column == "Nom du Participant"));
        }
        (
            "colonne-manquante.csv",
            ImportErrorKind::MissingColumns {
                kind: CampaignKind::ProfilesCollection,
                missing,
            },
        ) => assert_eq!(missing, &["Nombre de pix total"]),
        ("entete-seule.csv", ImportErrorKind::HeaderOnly) => {}
        // A Pix Orga export in Dutch: said plainly, not called a broken file.
        ("export-neerlandais.csv", ImportErrorKind::UnknownLanguage) => {}
        (
            "lignes-inegales.csv",
            ImportErrorKind::WrongFieldCount {
                line: 4,
                expected: 44,
                found: 45,
            },
        ) => {}
        // 18 complete lines, the 19th cut short without a final line break.
        ("tronque.csv", ImportErrorKind::Truncated { line: 19 }) => {}
        (
            "valeurs-invalides.csv",
            ImportErrorKind::InvalidValue {
                line: 3,
                column,
                value,
            },
        ) => {
            assert_eq!(
                column,
                "Niveau pour la compétence S’insérer dans le monde numérique"
            );
            assert_eq!(value, "douze");
        }
        _ => panic!("{name}: unexpected {:?} ({error:?})", error.kind().slug()),
    }
}

#[test]
fn every_invalid_file_gets_its_own_error() {
    let dir = invalid_dir();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("tests/fixtures/invalid exists")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "only {} invalid files", names.len());
    for name in &names {
        let error = import(&dir, name);
        check(name, &error);
        let message = error.to_string();
        assert_eq!(error.file(), name);
        assert!(message.contains(name.as_str()), "{name}: {message}");
        if let Some(line) = error.line() {
            assert!(
                message.contains(&format!("ligne {line}")),
                "{name}: {message}"
            );
        }
        println!("{name}: [{}] {message}", error.kind().slug());
    }
}

/// Issue #26: a refusal says what to do and never suggests the user broke the file (a file
/// in a language Cohorte does not read is untouched).
#[test]
fn refusals_say_what_to_do_without_blaming() {
    let dir = invalid_dir();
    for entry in fs::read_dir(&dir).expect("invalid dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let message = import(&dir, &name).to_string();
        for blame in [
            "tableur ?",
            "modifié dans un tableur",
            "abîmé",
            "sans le modifier",
        ] {
            assert!(!message.contains(blame), "{name}: {message}");
        }
        assert!(
            message.contains("Exporter les résultats") || message.contains("Pix Orga"),
            "{name}: no next step in {message}"
        );
    }
    let message = import(&dir, "export-neerlandais.csv").to_string();
    assert!(message.contains("langue"), "{message}");
    assert!(message.contains("français ou l'anglais"), "{message}");
}

#[test]
fn messages_give_advice_in_french() {
    let dir = invalid_dir();
    let error = import(&dir, "classeur.xlsx");
    assert!(error.to_string().contains("Exporter les résultats"));
    let error = import(&dir, "valeurs-invalides.csv");
    let message = error.to_string();
    assert!(message.contains("« douze »"), "{message}");
    assert!(
        message.contains("S’insérer dans le monde numérique"),
        "{message}"
    );
}

/// A real export, re-saved without quotes, where one value of line 6 starts with a quote
/// that is never closed: everything after it would be swallowed into one value.
#[test]
fn an_unclosed_quote_names_the_line_it_opens_on() {
    let bytes = fs::read(fixtures_dir().join("collecte-3e-sco-2025.csv")).expect("fixture");
    let text = String::from_utf8(bytes)
        .expect("UTF-8 fixture")
        .replace('"', "");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[5] = lines[5].replacen(';', ";\"", 1);
    let broken = lines.join("\n") + "\n";
    let error = import_file("guillemet.csv", broken.as_bytes()).unwrap_err();
    assert!(
        matches!(error.kind(), ImportErrorKind::UnterminatedQuote { line: 6 }),
        "{error:?}"
    );
    assert!(error.to_string().contains("ligne 6"));
}

#[test]
fn a_bom_with_broken_utf8_is_an_encoding_error() {
    let mut bytes = fs::read(fixtures_dir().join("collecte-3e-sco-2025.csv")).expect("fixture");
    // Somewhere in line 2, a lone byte that is not UTF-8.
    let second_line = bytes.iter().position(|&b| b == b'\n').expect("two lines") + 5;
    bytes[second_line] = 0xE9;
    let error = import_file("abime.csv", &bytes).unwrap_err();
    assert!(
        matches!(error.kind(), ImportErrorKind::Encoding { line: 2 }),
        "{error:?}"
    );
}

#[test]
fn kinds_are_distinct() {
    let dir = invalid_dir();
    let mut kinds: Vec<&'static str> = fs::read_dir(&dir)
        .expect("invalid dir")
        .flatten()
        .map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            import(&dir, &name).kind().slug()
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    // Eleven files, two pairs of the same kind (two binaries, two foreign tables).
    assert_eq!(kinds.len(), 9, "{kinds:?}");
}
