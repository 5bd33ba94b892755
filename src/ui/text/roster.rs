//! The school roster's words: cards, cohort picker, "À vérifier", storage panel.

use super::glossary as g;

pub const CARD_NEVER_JOINED: &str = g::NEVER_JOINED;
pub const CARD_OUT_OF_ROSTER: &str = g::OUT_OF_LIST;
pub const CARD_PROMOTION: &str = "Élèves de la promotion";
pub const CARD_TO_CHECK: &str = "À vérifier";
pub const TAG_NEVER_JOINED: &str = g::NEVER_JOINED;
pub const TAG_OUT: &str = g::OUT_OF_LIST;
pub const FILTER_NEVER_JOINED: &str = "Jamais participé (liste des élèves)";
pub const FILTER_OUT_OF_LIST: &str = "Hors liste (participants absents de la liste)";
pub const COHORT_PICKER_LEGEND: &str =
    "Classes de la liste des élèves qui forment la promotion de cette campagne";
pub const TAG_CLASS_CHANGED_TITLE: &str = "L’élève est dans la liste des élèves sous une autre classe que celle de l’export (changement de classe depuis la participation) : il est compté dans la classe de la liste.";
pub const TAG_OUT_TITLE: &str = "Participant de l’export absent de la liste des élèves : il n’est compté ni dans la promotion ni dans sa classe. Vérifiez l’orthographe du nom, ou s’il a quitté l’établissement.";
pub const TO_CHECK_TITLE: &str = "À vérifier";
pub const TO_CHECK_HELP: &str = "Ces participants peuvent correspondre à plusieurs élèves de la liste : choisissez lequel. Votre choix est retenu.";
pub const CANDIDATES: &str = "Élèves possibles";
pub const NOT_IN_ROSTER: &str = "Aucun de ces élèves";
pub const NO_CLASS: &str = "sans classe";
pub const COL_ROSTER_STUDENTS: &str = "Élèves de la promotion";
pub const COL_NEVER_JOINED: &str = g::NEVER_JOINED;
pub const COL_OUT_OF_LIST: &str = "Hors liste (non comptés)";
pub const CLASSES_BASE_PROMOTION: &str = "Chaque classe compte ses élèves de la promotion (liste des élèves), qu’ils aient participé ou non : le pourcentage porte sur eux, et les classes s’additionnent pour donner la part de la promotion. « Hors liste » : participants de l’export inscrits dans cette classe mais absents de la liste, comptés nulle part.";

/// Under "Par classe": the participants no class counts.
pub fn classes_outside(out_of_list: usize, other_class: usize, to_check: usize) -> Option<String> {
    let total = out_of_list + other_class + to_check;
    (total > 0).then(|| {
        format!(
            "{total} participant{} de l’export {} compté{} dans aucune classe : {out_of_list} hors liste, {other_class} dans une classe de la liste hors promotion, {to_check} à vérifier.",
            if total > 1 { "s" } else { "" },
            if total > 1 { "ne sont" } else { "n’est" },
            if total > 1 { "s" } else { "" },
        )
    })
}
pub const STORAGE_TITLE: &str = "Liste des élèves";
pub const STORAGE_NONE: &str = "Aucune liste des élèves importée.";
pub const DELETE_ROSTER: &str = "Supprimer la liste des élèves";
pub const CONFIRM_DELETE: &str =
    "Supprimer la liste des élèves de ce navigateur ? Les exports restent.";

pub fn promotion_share(percent: u32, certifiable: usize, students: usize) -> String {
    format!(
        "{percent} % de la promotion est certifiable : {certifiable} élève{} sur {students}.",
        if certifiable > 1 { "s" } else { "" }
    )
}

pub const PARTICIPANTS_OF_EXPORT: &str = "Participants de l’export : ";
pub const PARTICIPANTS_RECEIVED: &str = ", dont profils reçus : ";
pub const PROMOTION_DEFINITION: &str = "La promotion : les élèves de la liste des élèves dans les classes de cette campagne, qu’ils aient participé ou non. Tous les pourcentages de cette page, de la liste des campagnes et de l’historique portent sur elle.";

/// The participants-only figure, named as such, beside the promotion's.
pub fn participants_only(certifiable: usize, participants: usize, percent: u32) -> String {
    format!(
        "Participants de l’export seuls : {certifiable} certifiable{} sur {participants} ({percent} %).",
        if certifiable > 1 { "s" } else { "" }
    )
}

/// Why the export's figures and the promotion's differ: the participants it leaves out.
pub fn outside_promotion(
    out_of_list: usize,
    other_class: usize,
    to_check: usize,
    certifiable: usize,
) -> String {
    let total = out_of_list + other_class + to_check;
    if total == 0 {
        return "Tous les participants de l’export sont des élèves de la promotion.".to_owned();
    }
    let mut parts = Vec::new();
    if out_of_list > 0 {
        parts.push(format!(
            "{out_of_list} hors liste (absents de la liste des élèves)"
        ));
    }
    if other_class > 0 {
        parts.push(format!(
            "{other_class} dans une classe de la liste qui n’est pas celle de la promotion"
        ));
    }
    if to_check > 0 {
        parts.push(format!("{to_check} à vérifier (voir plus bas)"));
    }
    format!(
        "Écart : {total} participant{} de l’export {} pas compté{} dans la promotion — {} ; dont {certifiable} certifiable{}.",
        if total > 1 { "s" } else { "" },
        if total > 1 { "ne sont" } else { "n’est" },
        if total > 1 { "s" } else { "" },
        parts.join(", "),
        if certifiable > 1 { "s" } else { "" },
    )
}

/// Issue 25 point 11: a list that places none of the campaign's participants.
pub const LIST_NOT_COVERING: &str = "La liste des élèves importée ne correspond à aucune classe ni à aucun participant de cette campagne (liste d’un autre établissement, d’une autre année ?). Les chiffres ci-dessous portent donc sur les participants de l’export, comme sans liste. Importez la liste des élèves de l’établissement et de l’année de cette campagne pour voir qui n’a jamais participé.";

pub fn filter_card_title(label: &str) -> String {
    format!("Afficher seulement : {label}")
}

pub fn cohort_picker_summary(classes: usize) -> String {
    format!(
        "Promotion : {classes} classe{} de la liste des élèves — modifier",
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
pub const STUDENTS_WITH_ROSTER: &str = "Avec la liste des élèves : chaque élève de la liste y figure, même sans participation (« Jamais participé » : lui donner le code d’une campagne ; « Profil non envoyé » : il a rejoint une campagne sans envoyer son profil), puis les participants absents de la liste.";

/// The participants table's counter, when the roster adds its never-joined students.
pub fn participants_and_never_joined(participants: usize, never_joined: usize) -> String {
    let participants_text = super::participants_counter(participants);
    match never_joined {
        0 => participants_text,
        1 => format!("{participants_text} et 1 élève qui n’a jamais participé"),
        n => format!("{participants_text} et {n} élèves qui n’ont jamais participé"),
    }
}
