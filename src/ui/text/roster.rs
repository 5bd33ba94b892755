//! The school roster's words: cards, cohort picker, "À vérifier", storage panel.

pub const CARD_NEVER_JOINED: &str = "Jamais participé";
pub const CARD_OUT_OF_ROSTER: &str = "Hors liste";
pub const TAG_NEVER_JOINED: &str = "Jamais participé";
pub const TAG_OUT: &str = "hors liste";
pub const TAG_CLASS_CHANGED: &str = "classe différente";
pub const FILTER_NEVER_JOINED: &str = "Jamais participé (liste des élèves)";
pub const COHORT_PICKER_LEGEND: &str =
    "Classes de la liste des élèves qui forment la cohorte de cette campagne";
pub const TO_CHECK_TITLE: &str = "À vérifier";
pub const TO_CHECK_HELP: &str = "Ces participants peuvent correspondre à plusieurs élèves de la liste : choisissez lequel. Votre choix est retenu.";
pub const CANDIDATES: &str = "Élèves possibles";
pub const NOT_IN_ROSTER: &str = "Aucun de ces élèves";
pub const NO_CLASS: &str = "sans classe";
pub const COL_ROSTER_STUDENTS: &str = "Élèves (liste)";
pub const COL_NEVER_JOINED: &str = "Jamais participé";
pub const STORAGE_TITLE: &str = "Liste des élèves";
pub const STORAGE_NONE: &str = "Aucune liste des élèves importée.";
pub const DELETE_ROSTER: &str = "Supprimer la liste des élèves";
pub const CONFIRM_DELETE: &str =
    "Supprimer la liste des élèves de ce navigateur ? Les exports restent.";
pub const NOT_COMMUNICATED: &str = "Non communiqué";

pub fn cohort_share(percent: u32, certifiable: usize, students: usize) -> String {
    format!(
        "{percent} % de la cohorte est certifiable : {certifiable} élève{} sur {students} de la liste des élèves (classes de la cohorte), participants ou non",
        if certifiable > 1 { "s" } else { "" }
    )
}

pub fn cohort_picker_summary(classes: usize) -> String {
    format!(
        "Cohorte : {classes} classe{} de la liste des élèves — modifier",
        if classes > 1 { "s" } else { "" }
    )
}

pub fn class_or_none(class: &str) -> &str {
    if class.is_empty() {
        NO_CLASS
    } else {
        class
    }
}

pub fn candidate(last: &str, first: &str, class: &str) -> String {
    format!("{last} {first} ({})", class_or_none(class))
}

pub fn never_joined_class_title(class: &str) -> String {
    format!("Jamais participé — {}", class_or_none(class))
}

pub fn never_joined_counts(count: usize) -> String {
    format!(
        "{count} élève{} de la liste n’{} jamais rejoint la campagne.",
        if count > 1 { "s" } else { "" },
        if count > 1 { "ont" } else { "a" }
    )
}

pub fn storage_line(file: &str, date: Option<String>, students: usize, classes: usize) -> String {
    let date = date.map_or_else(
        || "date d’export inconnue".to_owned(),
        |d| format!("exportée le {d}"),
    );
    format!(
        "« {file} » : {students} élève{} dans {classes} classe{}, {date}",
        if students > 1 { "s" } else { "" },
        if classes > 1 { "s" } else { "" }
    )
}

pub fn joined_since(count: usize) -> String {
    format!(
        "{count} élève{} de la liste {} rejoint la campagne depuis la collecte précédente.",
        if count > 1 { "s" } else { "" },
        if count > 1 { "ont" } else { "a" }
    )
}
pub const COL_ADVICE: &str = "Conseil";

pub fn imported_on(when: &str) -> String {
    format!("importée le {when}")
}

pub fn newest_export(date: &str) -> String {
    format!("(export Pix Orga le plus récent : {date})")
}
pub const DELETED: &str = "Liste des élèves supprimée. Les exports et vos choix restent.";
pub const STUDENTS_WITH_ROSTER: &str = "Avec la liste des élèves : chaque élève de la liste y figure, même sans participation (« Non communiqué », comme sur la page Élèves de Pix Orga), puis les participants absents de la liste.";

/// The participants table's counter, when the roster adds its never-joined students.
pub fn participants_and_never_joined(participants: usize, never_joined: usize) -> String {
    let participants_text = super::participants_counter(participants);
    match never_joined {
        0 => participants_text,
        1 => format!("{participants_text} et 1 élève qui n’a jamais participé"),
        n => format!("{participants_text} et {n} élèves qui n’ont jamais participé"),
    }
}
