//! The messages of `UiError`, and the words that stand in for the browser's own message when
//! it gives none.

pub const NO_WINDOW: &str = "pas de fenêtre";
pub const NO_DOCUMENT: &str = "pas de document";

pub fn unreadable(file: &str) -> String {
    format!("« {file} » : le navigateur n’a pas pu lire ce fichier.")
}

pub fn download_refused(file: &str, detail: &str) -> String {
    format!("Le navigateur a refusé de créer le fichier « {file} » à télécharger ({detail}).")
}
