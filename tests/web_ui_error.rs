//! `UiError`, the interface's own error: the same `{ file, kind }` shape as the domain's, and
//! the French message the import line shows for a file the browser would not read, word for
//! word as it read before the type existed.
#![cfg(target_arch = "wasm32")]

use cohorte::ui::error::{UiError, UiErrorKind};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn an_unreadable_file_is_named_in_its_message() {
    let error = UiError::new("collecte.csv", UiErrorKind::Unreadable);
    assert_eq!(error.file(), "collecte.csv");
    assert_eq!(error.kind(), &UiErrorKind::Unreadable);
    assert_eq!(
        error.to_string(),
        "« collecte.csv » : le navigateur n’a pas pu lire ce fichier."
    );
}

#[wasm_bindgen_test]
fn a_refused_download_names_the_file_and_keeps_the_browser_message() {
    let kind = UiErrorKind::Download {
        detail: "QuotaExceededError".to_owned(),
    };
    let error = UiError::new("sauvegarde.json", kind.clone());
    assert_eq!(error.kind(), &kind);
    assert_eq!(
        error.to_string(),
        "Le navigateur a refusé de créer le fichier « sauvegarde.json » à télécharger \
         (QuotaExceededError)."
    );
}
