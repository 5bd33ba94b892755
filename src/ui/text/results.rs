//! The words of the certification results page.

use crate::domain::results::matching::{ClassView, LineNote, ResultLine};
use crate::domain::results::{ResultStatus, ResultsFormat};

pub const NAV: &str = "Résultats";
pub const TITLE: &str = "Résultats de la certification";
pub const INTRO: &str = "Quand Pix a publié une session, téléchargez dans Pix Orga (onglet « Certifications ») le fichier CSV de chaque classe, puis déposez-le ici ou sur la page d’accueil. Cohorte le croise avec la liste des élèves : qui est certifié, qui doit repasser la certification, et qui est absent.";
pub const EMPTY: &str = "Aucun résultat de certification importé pour l’instant.";
pub const PICK_FILES: &str = "Importer des fichiers de résultats";
pub const PRIVACY: &str = "La date et le lieu de naissance et le numéro de certification servent seulement à lire le fichier : ils ne sont jamais enregistrés.";
pub const SOURCE_ROSTER: &str =
    "Les élèves de chaque classe viennent de la liste des élèves importée.";
pub const SOURCE_COLLECTE: &str = "Sans liste des élèves, les élèves de chaque classe sont les participants de la dernière collecte de profils : un élève qui n’y a jamais participé n’apparaît pas comme absent. Importez la liste des élèves (SIECLE) pour le voir.";
pub const SOURCE_NONE: &str = "Sans liste des élèves ni collecte de profils, seuls les élèves présents dans les fichiers sont connus : les absents ne peuvent pas être comptés.";

pub const PENDING_TITLE: &str = "Classe à préciser";
pub const PENDING_SAVE: &str = "Enregistrer";
pub const PENDING_PROPOSED: &str = "proposée d’après les noms des élèves";

pub const CLASS_LABEL: &str = "Classe affichée";
pub const CARD_VALIDATED: &str = "Certifiés";
pub const CARD_NOT_OBTAINED: &str = "Non obtenue";
pub const CARD_CANCELLED: &str = "Annulées";
pub const CARD_ERROR: &str = "En erreur";
pub const CARD_STARTED: &str = "Démarrées";
pub const CARD_ABSENT: &str = "Sans résultat (absents)";

pub const COL_LAST: &str = "Nom";
pub const COL_FIRST: &str = "Prénom";
pub const COL_CLASS: &str = "Classe";
pub const COL_STATUS: &str = "Statut";
pub const COL_LEVEL: &str = "Niveau";
pub const COL_SCORE: &str = "Score (pix)";
pub const COL_SESSION: &str = "Session";
pub const COL_DATE: &str = "Date de passage";
pub const COL_COMMENT: &str = "Commentaire du jury, remarque";

pub const AWAITING_LABEL: &str = "Une session de cette classe n’est pas encore publiée par Pix : les élèves sans résultat attendent leur résultat (ils ne sont pas mis dans la liste de rattrapage).";
pub const TERMINALE_NOTE: &str = "Terminale : les résultats de la certification remontent dans Parcoursup. Finalisez les sessions dans Pix Certif sans attendre, pour que Pix publie les résultats avant la date fixée par Parcoursup.";
pub const DELETE_CLASS: &str = "Retirer les résultats de cette classe";

pub const CATCH_UP_TITLE: &str = "À faire passer ou repasser (rattrapage)";
pub const CATCH_UP_INTRO: &str =
    "Élèves absents, certification non obtenue, annulée ou en erreur, classe par classe.";
pub const CATCH_UP_EMPTY: &str = "Personne à faire passer ou repasser.";
pub const CATCH_UP_CSV: &str = "Télécharger la liste de rattrapage (CSV)";
pub const CATCH_UP_PRINT: &str = "Imprimer la liste de rattrapage";
pub const CATCH_UP_HEADER: [&str; 7] = [
    "Classe",
    "Nom",
    "Prénom",
    "Situation",
    "Commentaire du jury",
    "Session",
    "Date de passage",
];
pub const CATCH_UP_SESSIONS_LATER: &str =
    "Pour organiser le rattrapage, créez les sessions dans Pix Certif et inscrivez-y ces élèves.";
pub const EXPORT_FAILED: &str = "Le téléchargement n’a pas pu démarrer.";

pub const COHORT_TITLE: &str = "Toute la cohorte";
pub const SHARES_CAPTION: &str = "Part des élèves certifiés, par classe";
pub const COL_STUDENTS: &str = "Élèves";
pub const COL_VALIDATED: &str = "Certifiés";
pub const COL_SHARE: &str = "Part certifiée";
pub const LEVELS_CAPTION: &str = "Répartition des niveaux obtenus (certifications validées)";
pub const COL_COUNT: &str = "Élèves";
pub const NO_LEVEL: &str = "Sans niveau (moins de 64 pix, ou fichier de l’ancien format)";
pub const SCORES_CAPTION: &str = "Répartition des scores (certifications validées)";
pub const COL_SCORE_BAND: &str = "Score";
pub const COMPETENCES_CAPTION: &str = "Niveau moyen certifié par compétence et par classe, à côté de la couverture de la dernière collecte (part des profils reçus au niveau 1 ou plus)";
pub const COL_COMPETENCE: &str = "Compétence";
pub const COMPARISON_CAPTION: &str =
    "La certificabilité de la dernière collecte de profils, comparée au résultat";
pub const COL_AT_COLLECTE: &str = "À la dernière collecte";
pub const COL_OUTCOME_VALIDATED: &str = "Certifiés";
pub const COL_OUTCOME_NOT: &str = "Non certifiés (non obtenue, annulée, en erreur, démarrée)";
pub const COL_OUTCOME_ABSENT: &str = "Sans résultat";
pub const ROW_CERTIFIABLE: &str = "Certifiables";
pub const ROW_NOT_CERTIFIABLE: &str = "Non certifiables";
pub const ROW_NOT_SENT: &str = "Profil non envoyé";
pub const ROW_NOT_IN_COLLECTE: &str = "Absents de la collecte";
pub const NO_COLLECTE: &str =
    "Importez une collecte de profils pour comparer sa certificabilité aux résultats.";

pub fn status_label(status: Option<ResultStatus>) -> &'static str {
    match status {
        Some(ResultStatus::Validated) => "Certifié",
        Some(ResultStatus::NotObtained) => "Non obtenue",
        Some(ResultStatus::Cancelled) => "Annulée",
        Some(ResultStatus::Error) => "En erreur",
        Some(ResultStatus::Started) => "Démarrée, sans résultat",
        None => "Absent (aucun résultat)",
    }
}

/// The status of a line in words, with the waiting-for-publication case.
pub fn situation(line: &ResultLine) -> String {
    match (&line.status, &line.note) {
        (None, Some(LineNote::AwaitingPublication)) => {
            "Résultat attendu (session non publiée)".to_owned()
        }
        (status, _) => status_label(*status).to_owned(),
    }
}

pub fn note(note: &LineNote) -> String {
    match note {
        LineNote::UsageName => "trouvé sous son nom d’usage".to_owned(),
        LineNote::Renamed { enrolled_as } => format!("inscrit sous le nom « {enrolled_as} »"),
        LineNote::ClassChanged { class } => format!("en {class} dans la liste des élèves"),
        LineNote::OutOfList => "absent de la liste des élèves".to_owned(),
        LineNote::Homonyms => "homonymes dans la classe : à vérifier".to_owned(),
        LineNote::AwaitingPublication => "session non publiée".to_owned(),
    }
}

pub fn imported(file: &str, class: &str, rows: usize) -> String {
    format!(
        "Résultats de certification « {file} » : classe {class}, {rows} résultat{}. Voir la page Résultats.",
        if rows > 1 { "s" } else { "" }
    )
}

pub fn class_to_choose(file: &str, rows: usize) -> String {
    format!(
        "Résultats de certification « {file} » : {rows} résultat{}. Le nom du fichier n’indique pas la classe : choisissez-la sur la page Résultats.",
        if rows > 1 { "s" } else { "" }
    )
}

pub fn pending_label(file: &str) -> String {
    format!("Classe du fichier « {file} »")
}

pub fn class_caption(class: &str) -> String {
    format!("Résultats de la classe {class}, un élève par ligne")
}

pub fn class_file(view: &ClassView) -> String {
    let file = &view.file_name;
    let sessions: Vec<String> = view.sessions.iter().map(u64::to_string).collect();
    let mut text = match sessions.len() {
        0 => format!("Fichier « {file} »"),
        1 => format!("Fichier « {file} », session {}", sessions[0]),
        _ => format!("Fichier « {file} », sessions {}", sessions.join(", ")),
    };
    text.push_str(match view.format {
        ResultsFormat::Current => ".",
        ResultsFormat::Previous => " (ancien format : un nombre de pix, sans niveau).",
        ResultsFormat::SingleResult => " (colonne « Résultat » unique).",
    });
    match view.repeated_rows {
        0 => {}
        1 => text.push_str(" Un élève y figurait deux fois : sa dernière certification est gardée."),
        n => text.push_str(&format!(
            " {n} lignes répétaient un élève déjà présent : la dernière certification de chacun est gardée."
        )),
    }
    text
}

pub fn confirm_delete_class(class: &str) -> String {
    format!("Retirer de ce navigateur les résultats de certification de la classe {class} ?")
}

pub fn may_be_incomplete(absent: usize, members: usize) -> String {
    format!(
        "{absent} élève{s} sur {members} n’{a} aucun résultat : une session de cette classe n’est peut-être pas encore publiée par Pix. Les résultats manquent peut-être : vérifiez dans Pix Certif avant de parler d’absence.",
        s = if absent > 1 { "s" } else { "" },
        a = if absent > 1 { "ont" } else { "a" },
    )
}

pub fn catch_up_class(class: &str, count: usize) -> String {
    format!(
        "{class} : {count} élève{}",
        if count > 1 { "s" } else { "" }
    )
}

pub fn catch_up_file_name(date: &str) -> String {
    format!("rattrapage-certification-{date}.csv")
}

pub fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round() as u32)
}

pub fn score_band(band: usize, last: bool) -> String {
    if last {
        format!("{} pix et plus", band * 100)
    } else {
        format!("{} à {} pix", band * 100, band * 100 + 99)
    }
}

pub fn decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}").replace('.', ","))
}

/// Appended to the restore message when the backup gave certification results.
pub fn restored_classes(classes: usize) -> String {
    match classes {
        0 => String::new(),
        1 => " Résultats de certification d’une classe restaurés.".to_owned(),
        n => format!(" Résultats de certification de {n} classes restaurés."),
    }
}
