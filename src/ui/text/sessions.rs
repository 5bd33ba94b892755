//! The words of the certification sessions page: planning, convocations, invigilators' lists.

use crate::domain::sessions::{format_time, PlanDate, ProblemKind, UnplacedReason};

pub const NAV: &str = "Sessions";
pub const TITLE: &str = "Sessions de certification";
pub const INTRO: &str = "Préparez les sessions à créer dans Pix Certif : salles, créneaux, élèves placés classe par classe, temps majorés, listes d’émargement et convocations. Rien ne quitte cet ordinateur.";
pub const NO_COLLECTE: &str =
    "Importez d’abord l’export d’une collecte de profils : les élèves du plan en viennent.";
pub const SOURCE_LABEL: &str = "Collecte de profils d’où viennent les élèves";
pub const PLAN_NAME: &str = "Nom du plan";
pub fn created_on(date: &str) -> String {
    format!("Plan créé le {date}.")
}
pub fn source_state(date: &str, students: usize) -> String {
    format!("Élèves de la dernière collecte importée (état au {date}) : {students}, avec la liste des élèves quand elle est importée.")
}

pub const SETUP_TITLE: &str = "Salles, créneaux et durée";
pub const ROOMS_TITLE: &str = "Salles";
pub const ROOM_NAME: &str = "Nom de la salle";
pub const ROOM_SEATS: &str = "Ordinateurs disponibles";
pub const ROOM_ADD: &str = "Ajouter la salle";
pub const ROOM_SPARES: &str = "Ordinateurs de secours";
pub const ROOMS_CAPTION: &str = "Salles du plan";
pub const COL_ROOM: &str = "Salle";
pub const COL_COMPUTERS: &str = "Ordinateurs";
pub const COL_SPARES: &str = "De secours";
pub const COL_SEATS: &str = "Places";
pub const COL_ACTIONS: &str = "Action";
pub const REMOVE: &str = "Retirer";
pub fn remove_room(name: &str) -> String {
    format!("Retirer la salle {name}")
}
pub fn spares_of(name: &str) -> String {
    format!("Ordinateurs de secours de la salle {name}")
}
pub const NO_ROOM: &str = "Aucune salle pour l’instant.";
pub const ROOM_INVALID: &str =
    "Indiquez le nom de la salle et son nombre d’ordinateurs (au moins 1).";

pub const SLOTS_TITLE: &str = "Créneaux";
pub const SLOT_DATE: &str = "Date";
pub const SLOT_TIME: &str = "Heure de début";
pub const SLOT_ADD: &str = "Ajouter le créneau";
pub const SLOTS_CAPTION: &str = "Créneaux du plan";
pub const COL_DATE: &str = "Date";
pub const COL_START: &str = "Début";
pub const COL_END: &str = "Fin";
pub const NO_SLOT: &str = "Aucun créneau pour l’instant.";
pub const SLOT_INVALID: &str = "Indiquez la date et l’heure de début du créneau.";
pub fn remove_slot(when: &str) -> String {
    format!("Retirer le créneau du {when}")
}

pub const TIMING_TITLE: &str = "Durée";
pub const LENGTH: &str = "Durée de l’épreuve (minutes)";
pub const SETUP: &str = "Marge d’installation entre deux sessions (minutes)";
pub const EXTRA: &str = "Temps majoré (minutes en plus)";
pub const EXTRA_HINT: &str = "Par défaut, un tiers de la durée en plus.";

pub const WINDOW_TITLE: &str = "Période nationale de la cohorte";
pub const WINDOW_START: &str = "Début de la période";
pub const WINDOW_END: &str = "Fin de la période";
pub fn window_hint(terminale: (PlanDate, PlanDate), troisieme: (PlanDate, PlanDate)) -> String {
    format!(
        "Dates de l’an dernier, pour repère : Terminale du {} au {} ; 3e du {} au {}. Saisissez celles de cette année.",
        terminale.0.french(),
        terminale.1.french(),
        troisieme.0.french(),
        troisieme.1.french()
    )
}

pub const PROPOSE: &str = "Proposer la répartition";
pub const PROPOSE_AGAIN: &str = "Recalculer (les sessions gardées restent telles quelles)";
pub const PROPOSE_HINT: &str = "Chaque élève certifiable est placé une fois ; les salles sont remplies jusqu’à leurs ordinateurs moins ceux de secours ; chaque classe dans le moins de sessions possible.";
pub const NEED_ROOMS_AND_SLOTS: &str =
    "Ajoutez au moins une salle et un créneau pour proposer une répartition.";

pub const BOARD_TITLE: &str = "Répartition";
pub const PROBLEMS_TITLE: &str = "À corriger ou à vérifier";
pub const NO_PROBLEM: &str = "Aucun problème dans ce plan.";
pub fn session_title(day: &str, start: &str, end: &str, room: &str) -> String {
    format!("{day}, {start}–{end} — {room}")
}
/// The short label of a session in the move and place lists: `12/05 08:30 — Salle 102`.
pub fn session_option(date: PlanDate, start: &str, room: &str) -> String {
    format!("{:02}/{:02} {start} — {room}", date.day, date.month)
}
pub fn session_count(placed: usize, seats: usize) -> String {
    format!("{placed} / {seats} places")
}
pub const LOCK: &str = "Garder cette session telle quelle";
pub const INVIGILATOR: &str = "Surveillant(s)";
pub const MOVE: &str = "Déplacer vers";
pub const PLACE: &str = "Placer dans";
pub const NOT_PLACED: &str = "Non placé";
pub const EXTRA_TIME: &str = "Temps majoré";
pub fn extra_time_of(first: &str, last: &str) -> String {
    format!("Temps majoré pour {first} {last}")
}
pub fn move_of(first: &str, last: &str) -> String {
    format!("Déplacer {first} {last} vers une autre session")
}
pub fn place_of(first: &str, last: &str) -> String {
    format!("Placer {first} {last} dans une session")
}
pub const SESSION_EMPTY: &str = "Personne dans cette session.";
pub fn show_students(count: usize) -> String {
    format!("Voir les élèves ({count})")
}
pub const COL_CLASS: &str = "Classe";
pub const COL_LAST: &str = "Nom";
pub const COL_FIRST: &str = "Prénom";
pub const COL_STATUS: &str = "Situation";
pub const COL_TICK: &str = "Présent";
pub const UNPLACED_TITLE: &str = "Élèves non placés";
pub const UNPLACED_NONE: &str = "Tous les élèves de la collecte et de la liste sont placés.";
pub const UNPLACED_CAPTION: &str = "Élèves non placés et raison";

pub fn reason(reason: UnplacedReason) -> &'static str {
    match reason {
        UnplacedReason::NotCertifiable => "Non certifiable à la dernière collecte",
        UnplacedReason::NotSent => "Profil jamais envoyé",
        UnplacedReason::NeverJoined => "N’a jamais rejoint la campagne (liste des élèves)",
        UnplacedReason::NoSeat => "Plus de place",
    }
}

pub fn lacks(missing: u8, closest: &str) -> String {
    let count = if missing <= 1 {
        format!("manque {missing} compétence")
    } else {
        format!("manque {missing} compétences")
    };
    if closest.is_empty() {
        count
    } else {
        format!("{count} ; les plus proches : {closest}")
    }
}

pub fn problem_kind(kind: ProblemKind) -> &'static str {
    match kind {
        ProblemKind::OverCapacity => "Session trop pleine",
        ProblemKind::OutsideWindow => "Hors de la période nationale",
        ProblemKind::NotCertifiablePlaced => "Élève non certifiable placé",
        ProblemKind::ExtraTimeOverlap => "Temps majoré qui déborde",
    }
}
pub fn over_capacity(session: &str, placed: usize, seats: usize) -> String {
    format!("{session} : {placed} élèves pour {seats} places.")
}
pub fn outside_window(session: &str) -> String {
    format!("{session} : en dehors de la période saisie.")
}
pub fn not_certifiable_placed(session: &str, who: &str, gone: bool) -> String {
    if gone {
        format!("{session} : {who} n’est plus dans la dernière collecte.")
    } else {
        format!("{session} : {who} n’était pas certifiable à la dernière collecte (Pix le vérifie le jour même, au moment où l’élève rejoint la session).")
    }
}
pub fn extra_time_overlap(session: &str, who: &str, next: &str) -> String {
    format!("{session} : {who} a un temps majoré et finit après le début de la session suivante dans la salle ({next}).")
}

pub const CHANGES_TITLE: &str = "Depuis la proposition, une nouvelle collecte a été importée";
pub fn no_longer_certifiable(names: &str) -> String {
    format!("Placés mais plus certifiables : {names}.")
}
pub fn now_certifiable(names: &str) -> String {
    format!("Devenus certifiables, encore à placer : {names}.")
}

pub const OUTPUTS_TITLE: &str = "Documents";
pub const EXPORT: &str = "Télécharger le plan (CSV)";
pub const PRINT_LISTS: &str = "Imprimer les listes des sessions";
pub const PRINT_CONVOCATIONS: &str = "Imprimer les convocations";
pub const PRINT_GRID: &str = "Imprimer le planning";
pub const DOWNLOAD_FAILED: &str = "Le navigateur n’a pas pu enregistrer le fichier.";
pub const CSV_HEADER: [&str; 9] = [
    "Date",
    "Heure de début",
    "Heure de fin",
    "Salle",
    "Classe",
    "Nom",
    "Prénom",
    "Temps majoré",
    "Surveillant(s)",
];
pub fn csv_file_name(campaign_id: u64, today: &str) -> String {
    format!("sessions-{campaign_id}-{today}.csv")
}

pub const LISTS_TITLE: &str = "Listes des sessions (ordre d’inscription Pix Certif)";
pub fn list_title(day: &str, start: &str, end: &str, room: &str) -> String {
    format!("Session du {day}, {start}–{end} — {room}")
}
pub fn list_invigilator(name: &str) -> String {
    if name.is_empty() {
        "Surveillant(s) : ……………………………………".to_owned()
    } else {
        format!("Surveillant(s) : {name}")
    }
}
pub const COL_EXTRA: &str = "Temps majoré";
pub fn extra_until(end: u32) -> String {
    format!("oui, fin à {}", format_time(end))
}
pub const REMINDERS_TITLE: &str = "Rappels du jour";
pub const REMINDERS: [&str; 4] = [
    "Vérifier avant l’arrivée des élèves que l’extension Pix Companion est installée et active sur chaque ordinateur.",
    "Chaque élève se connecte avec son propre compte Pix (identifiant ou adresse e-mail et mot de passe) : prévoir la procédure de récupération de mot de passe.",
    "Cocher la présence de chaque élève, ici et dans Pix Certif ; signaler les incidents au moment où ils arrivent.",
    "Pour les élèves en temps majoré, vérifier que la case est cochée dans Pix Certif avant le début de la session.",
];

pub const CONVOCATIONS_TITLE: &str = "Convocations";
pub const CONVOCATION_TEXT: &str = "Texte des convocations (le même pour tout le plan)";
pub const CONVOCATION_DEFAULT: &str = "Vous passerez la certification Pix dans l’établissement. Apportez vos identifiants de connexion Pix (adresse e-mail ou identifiant, et mot de passe) — vérifiez-les avant le jour J —, un stylo, et des écouteurs si vous en avez. Présentez-vous dix minutes avant le début.";
pub const CONVOCATION_RESET: &str = "Revenir au texte par défaut";
pub const CONVOCATION_HEADING: &str = "Convocation à la certification Pix";
pub fn convocation_who(first: &str, last: &str, class: &str) -> String {
    format!("{first} {last} — classe {class}")
}
pub fn convocation_when(day: &str, start: &str, end: &str) -> String {
    format!("Le {day}, de {start} à {end}")
}
pub fn convocation_room(room: &str) -> String {
    format!("Lieu : {room}")
}
pub const CONVOCATION_EXTRA: &str = "Temps majoré compris.";
pub const NO_CONVOCATION: &str = "Aucun élève placé : proposez d’abord une répartition.";

pub const GRID_TITLE: &str = "Planning (jours × salles)";
pub const GRID_CAPTION: &str = "Planning des sessions par jour et par salle";
pub const COL_DAY: &str = "Jour";
pub fn grid_cell(start: &str, end: &str, placed: usize, classes: &str) -> String {
    format!(
        "{start}–{end} : {placed} élève{} ({classes})",
        if placed > 1 { "s" } else { "" }
    )
}

const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `lundi 12 janvier 2026`.
pub fn long_date(date: PlanDate) -> String {
    format!(
        "{} {} {} {}",
        WEEKDAYS[usize::from(date.weekday())],
        date.day,
        MONTHS[usize::from(date.month.clamp(1, 12) - 1)],
        date.year
    )
}

pub fn default_plan_name(campaign: &str) -> String {
    format!("Sessions — {campaign}")
}

pub const SAVE_FAILED: &str = "Le plan n’a pas pu être enregistré : ";

/// Appended to the restore message when the backup brought plans of sessions.
pub fn restored_plans(plans: usize) -> String {
    match plans {
        0 => String::new(),
        1 => " Un plan de sessions restauré.".to_owned(),
        n => format!(" {n} plans de sessions restaurés."),
    }
}
