//! Strings of the timeline, the comparison and the students view.

pub const TIMELINE_TITLE: &str = "Historique des imports";
pub const TIMELINE_CAPTION: &str = "Imports de cette campagne, du plus ancien au plus récent";
pub const COL_FILE: &str = "Fichier";
pub const COL_IMPORTED_AT: &str = "Importé le";
pub const COL_STATE_AT: &str = "État au";
pub const COL_PARTICIPANTS: &str = "Participants";
pub const COL_CERTIFIABLE: &str = super::glossary::CERTIFIABLE_PLURAL;
pub const COMPARE_TITLE: &str = "Progrès entre deux imports";
pub const IMPORTS_TITLE: &str = "Imports de cette campagne";
pub const COL_PROGRESS: &str = "Progrès";
pub const EXPORT_COMPARISON: &str = "Exporter la comparaison (.csv)";
pub const PRINT_COMPARISON: &str = "Imprimer la comparaison";
pub const COMPARISON_FILE_NAME: &str = "cohorte-progres.csv";
pub const COMPARISON_CSV_HEADER: [&str; 8] = [
    "Classe",
    "Nom",
    "Prénom",
    "Catégorie",
    "Avant",
    "Après",
    "Compétences gagnées",
    "Pix gagnés",
];

/// The comparison's lead: who moved, by how much.
pub fn progress_summary(up: usize, gained: u32, down: usize) -> String {
    let mut text = match up {
        0 => "Aucun élève n’a gagné de compétence au niveau 1".to_owned(),
        1 => format!(
            "1 élève a gagné {gained} compétence{} au niveau 1",
            if gained > 1 { "s" } else { "" }
        ),
        n => format!(
            "{n} élèves ont gagné {gained} compétence{} au niveau 1 en tout",
            if gained > 1 { "s" } else { "" }
        ),
    };
    if down > 0 {
        text.push_str(&format!(
            " ; {down} en {} perdu",
            if down > 1 { "ont" } else { "a" }
        ));
    }
    text.push('.');
    text
}

/// « +2 comp., +40 pix »; empty when the student has no profile on one side.
pub fn progress_cell(competences: Option<i16>, pix: Option<i64>) -> String {
    let signed = |v: i64| {
        if v > 0 {
            format!("+{v}")
        } else {
            v.to_string()
        }
    };
    match (competences, pix) {
        (Some(c), Some(p)) => format!("{} comp., {} pix", signed(i64::from(c)), signed(p)),
        _ => String::new(),
    }
}
pub const COMPARE_FROM: &str = "Avant";
pub const COMPARE_TO: &str = "Après";
pub const COMPARE_HINT: &str = "Importez un nouvel export de la même campagne après que les élèves ont progressé : Cohorte montre qui est devenu certifiable.";
pub const SAME_SNAPSHOT: &str = "Choisissez deux imports différents.";

pub const BECAME_CERTIFIABLE: &str = "Devenus certifiables";
pub const NO_LONGER_CERTIFIABLE: &str = "Ne sont plus certifiables";
pub const STILL_NOT_CERTIFIABLE: &str = "Toujours non certifiables";
pub const NEWLY_SENT: &str = "Nouveaux profils reçus";
pub const GONE: &str = "Ne figurent plus dans l’export";
pub const STILL_CERTIFIABLE: &str = "Toujours certifiables";
pub const STILL_NOT_SENT: &str = "Profil toujours non envoyé";
pub const JOINED: &str = "Nouveaux participants, profil non envoyé";

pub fn partition_hint(students: usize) -> String {
    format!("Chaque élève présent dans l’un ou l’autre import est dans une seule de ces catégories (hors « Nouveaux profils reçus ») : {students} élèves en tout. Choisissez une catégorie pour voir ses élèves.")
}

pub const ACROSS_CATEGORIES: &str = "Parmi tous ces élèves, quelle que soit leur catégorie :";

pub const COL_STUDENT: &str = "Élève";
pub const COL_CLASS: &str = "Classe";
pub const COL_BEFORE: &str = "Avant";
pub const COL_AFTER: &str = "Après";
pub const NOT_SENT: &str = "profil non envoyé";
pub const ABSENT: &str = "absent";

pub fn share_change(before: u32, after: u32) -> String {
    format!("Part certifiable des participants : {before}\u{a0}% → {after}\u{a0}%")
}

pub fn promotion_share_change(before: u32, after: u32) -> String {
    format!("Part certifiable de la promotion : {before}\u{a0}% → {after}\u{a0}%")
}

pub fn promotion_share_cell(certifiable: usize, students: usize, percent: u32) -> String {
    format!("{certifiable} / {students} de la promotion ({percent}\u{a0}%)")
}

pub fn state(score: Option<u32>, count: Option<u8>) -> String {
    match (score, count) {
        (Some(score), Some(count)) => format!("{score} pix, {count} comp."),
        _ => NOT_SENT.to_owned(),
    }
}

pub fn change_caption(category: &str, count: usize) -> String {
    format!("{category} ({count})")
}

pub const STUDENTS_NAV: &str = "Élèves";
pub const STUDENTS_TITLE: &str = "Élèves, toutes campagnes confondues";
pub const STUDENTS_INTRO: &str = "Une ligne par élève, avec la dernière certificabilité connue : celle du profil le plus récent envoyé, quelle que soit la campagne.";
pub const STUDENTS_CAPTION: &str =
    "Élèves de toutes les campagnes importées, dernière certificabilité connue";
pub const COL_LAST: &str = "Nom";
pub const COL_FIRST: &str = "Prénom";
pub const COL_CERTIFIABILITY: &str = "Certificabilité";
pub const COL_LATEST: &str = "Dernier profil";
pub const COL_CAMPAIGNS: &str = "Campagnes";
pub const NOT_COMMUNICATED: &str = super::glossary::NEVER_SENT;
pub const NEVER_JOINED: &str = super::glossary::NEVER_JOINED;
pub const CERTIFIABLE: &str = super::glossary::CERTIFIABLE;
pub const NOT_CERTIFIABLE: &str = super::glossary::NOT_CERTIFIABLE;
pub const ALL: &str = "Tous";
pub const ALL_CLASSES: &str = "Toutes les classes";
pub const SEARCH: &str = "Nom, prénom";
pub const POSSIBLE_DUPLICATE: &str =
    "Même nom dans une autre classe : un seul élève ou deux ? Cohorte ne les fusionne pas.";
pub const EXPORT_STUDENTS: &str = "Exporter la liste (CSV)";
pub const STUDENTS_EMPTY: &str = "Aucun élève : importez d’abord un export de collecte de profils.";

pub fn latest_profile(date: &str, campaign: &str, score: u32, count: u8) -> String {
    format!("{date} · {campaign} · {score} pix, {count} comp.")
}

pub fn students_counter(count: usize) -> String {
    if count == 1 {
        "1 élève".to_owned()
    } else {
        format!("{count} élèves")
    }
}

pub const CSV_FILE_NAME: &str = "eleves-certificabilite.csv";
pub const CSV_HEADERS: [&str; 8] = [
    "Nom",
    "Prénom",
    "Classe",
    "Certificabilité",
    "Date du dernier profil",
    "Score Pix",
    "Compétences certifiables",
    "Campagnes",
];
pub const CSV_LABELS: [&str; 4] = [CERTIFIABLE, NOT_CERTIFIABLE, NOT_COMMUNICATED, NEVER_JOINED];
pub const EXPORT_FAILED: &str = "Le navigateur a refusé de créer le fichier à télécharger.";

pub const HISTORY_CHART_LABEL: &str = "Évolution du score Pix et des compétences certifiables à chaque envoi (mêmes chiffres dans le tableau des envois)";
pub const HISTORY_THRESHOLD: &str = "seuil : 5 compétences";
pub const HISTORY_SCORE: &str = "Score Pix";
pub const HISTORY_COUNT: &str = "Compétences certifiables (sur 16)";

pub fn history_point(date: &str, score: u32, count: u8) -> String {
    format!("{date} : {score} pix, {count} compétences certifiables")
}

pub const SINCE_TITLE: &str = "Progrès depuis une date";
pub const SINCE_HINT: &str = "Les profils de ce dernier export ont été envoyés à des dates différentes (et plusieurs fois par élève en envoi multiple) : choisissez une date pour voir ce qui a changé depuis, sans attendre un nouvel import.";
pub const SINCE_DATE: &str = "État au";
