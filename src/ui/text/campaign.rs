//! Strings of the campaign list, the campaign pages, the action list and the student detail.

use crate::domain::model::certification::{
    format_minutes, MINUTES_SINCE_2024, QUESTIONS_SINCE_2024,
};

// Campaign list
pub const LIST_SEARCH: &str = "Rechercher une campagne";
pub const LIST_SEARCH_PLACEHOLDER: &str = "Nom ou code";
pub const LIST_KIND: &str = "Type";
pub const LIST_KIND_ALL: &str = "Tous les types";
pub const LIST_ARCHIVE: &str = "Afficher";
pub const LIST_ARCHIVE_ACTIVE: &str = "Campagnes actives";
pub const LIST_ARCHIVE_ARCHIVED: &str = "Campagnes archivées";
pub const LIST_ARCHIVE_ALL: &str = "Toutes les campagnes";
pub const LIST_CAPTION: &str = "Campagnes importées. « Certifiables » : nombre et part des participants. Cliquez sur un en-tête de colonne pour trier.";
pub const LIST_CAPTION_PROMOTION: &str = "Campagnes importées. « Certifiables » : élèves certifiables sur les élèves de la promotion (liste des élèves, classes de la campagne), participants ou non — le même chiffre qu’en tête de chaque campagne ; sans liste correspondante, sur les participants. Cliquez sur un en-tête de colonne pour trier.";
pub const CERTIFIABLE_NOT_APPLICABLE: &str = "sans objet (évaluation)";

/// The campaign list's share over the promotion.
pub fn promotion_cell(certifiable: usize, students: usize, percent: u32) -> String {
    format!("{certifiable} / {students} de la promotion ({percent}\u{a0}%)")
}
pub const LIST_NO_MATCH: &str = "Aucune campagne ne correspond à ces critères.";
pub const COL_LATEST: &str = "Dernier état";
pub const COL_SNAPSHOTS: &str = "Imports";
pub const COL_ACTIONS: &str = "Actions";
pub const COL_RECEIVED_BOTH: &str = "Profils / résultats reçus";
pub const ARCHIVE: &str = "Archiver";
pub const UNARCHIVE: &str = "Désarchiver";
pub const ARCHIVED_TAG: &str = "Archivée";
pub const ARCHIVE_UNDO: &str = "Annuler";

pub fn archived_message(campaign: &str, archived: bool) -> String {
    if archived {
        format!("Campagne « {campaign} » archivée : elle est masquée de la liste (choisissez « Campagnes archivées » dans « Afficher » pour la revoir). Ses imports restent enregistrés.")
    } else {
        format!(
            "Campagne « {campaign} » désarchivée : elle est de nouveau dans les campagnes actives."
        )
    }
}

pub fn campaigns_counter(count: usize) -> String {
    if count == 1 {
        "1 campagne".to_owned()
    } else {
        format!("{count} campagnes")
    }
}

pub fn snapshots_count(count: usize) -> String {
    if count == 1 {
        "1 import".to_owned()
    } else {
        format!("{count} imports")
    }
}

pub fn archive_label(archived: bool, campaign: &str) -> String {
    if archived {
        format!("Désarchiver la campagne « {campaign} »")
    } else {
        format!("Archiver la campagne « {campaign} »")
    }
}

// Campaign page
pub const CAMPAIGN_MISSING: &str =
    "Cette campagne n’est pas (ou plus) enregistrée dans ce navigateur.";
pub const SHARE_LABEL: &str = "Part certifiable";
pub const FROZEN_TITLE: &str = "Un profil est une photo";
pub const EXPORT_PARTICIPANTS: &str = "Exporter ce tableau (.csv)";
pub const COL_EVOLUTION: &str = "Évolution";
pub const EVOLUTION_NONE: &str = "—";
pub const OPEN_DETAIL_HINT: &str = "Voir le profil détaillé de";

pub fn earlier_snapshots(count: usize) -> String {
    match count {
        0 => String::new(),
        1 => "Un import plus ancien de cette campagne sert à calculer l’évolution.".to_owned(),
        n => format!("{n} imports plus anciens de cette campagne ; le précédent sert à calculer l’évolution."),
    }
}

pub fn evolution_text(delta: i64) -> String {
    match delta {
        d if d > 0 => format!("+{d}"),
        d => d.to_string(),
    }
}

pub fn evolution_title(
    previous_score: u32,
    previous_count: u8,
    date: &str,
    earlier_import: bool,
) -> String {
    let source = if earlier_import {
        "import précédent"
    } else {
        "envoi précédent"
    };
    format!("{source} ({date}) : {previous_score} pix, {previous_count} comp. certifiables")
}

// Certification length (pix-exports.md §4.1)
pub const LENGTH_TITLE: &str = "Durée de la certification";

pub fn length_rule() -> String {
    format!(
        "Règle appliquée : celle en vigueur depuis l’année 2024-2025 — un test adaptatif sur les 16 compétences, \
         {QUESTIONS_SINCE_2024} questions et {} pour chaque candidat, quel que soit son profil. Avant 2024-2025, \
         le test comptait 3 questions par compétence certifiable : le nombre de compétences certifiables reste \
         un bon indicateur de préparation, mais ne change plus la durée.",
        format_minutes(MINUTES_SINCE_2024)
    )
}

pub fn length_for_student(certifiable_count: u8) -> String {
    if certifiable_count < 5 {
        format!(
            "{} : il faut le niveau 1 dans au moins 5 compétences ; il en a {certifiable_count}, il lui en manque {}. Les compétences ci-dessous sont les plus proches du niveau 1.",
            super::glossary::NOT_CERTIFIABLE,
            5 - certifiable_count
        )
    } else {
        format!(
            "Durée estimée : {QUESTIONS_SINCE_2024} questions, {} (règle 2024-2025). Avec l’ancienne règle : {} questions.",
            format_minutes(MINUTES_SINCE_2024),
            3 * u32::from(certifiable_count)
        )
    }
}

// Per-class summary
pub const CLASSES_TITLE: &str = "Par classe";
pub const CLASSES_CAPTION: &str = "Certificabilité par classe. Une classe entièrement certifiable est marquée « Toute la classe ». Cliquez sur une classe pour filtrer le tableau.";
pub const COL_PERCENT: &str = "% certifiables";
pub const CLASSES_BASE_PARTICIPANTS: &str = "Sans liste des élèves, chaque classe compte ses participants de l’export. Importez la liste des élèves (SIECLE) pour compter aussi ceux qui n’ont jamais participé.";
pub const NO_CLASSES: &str = "Cet export n’indique pas de classes.";
pub const CLASS_DONE: &str = "Toute la classe";
pub const NO_CLASS: &str = "Sans classe";

pub fn filter_on_class(class: &str) -> String {
    format!("Afficher seulement la classe {class}")
}

// Filters
pub const CLASS_PICKER_SEARCH: &str = "Chercher une classe";
pub const CLASS_PICKER_HINT: &str = "Aucune case cochée : toutes les classes sont affichées.";
pub const CLASS_PICKER_ALL: &str = "Toutes";
pub const CLASS_PICKER_NONE: &str = "Aucune";

pub fn classes_chosen(count: usize) -> String {
    match count {
        0 => "(toutes)".to_owned(),
        1 => "(1 cochée)".to_owned(),
        n => format!("({n} cochées)"),
    }
}

// Action list
pub const TODO_TITLE: &str = "À faire avant la certification";
pub const TODO_ADVICE: &str = "Pour chaque élève non certifiable : faire travailler les compétences indiquées (celles « les plus proches du niveau 1 » demandent le moins d’effort), en commençant par se positionner sur quelques compétences dans Pix, puis relancer une collecte de profils et importer le nouvel export. Les élèves « Profil non envoyé » ont rejoint la campagne : leur demander d’envoyer leur profil. Les élèves « Jamais participé » doivent d’abord la rejoindre avec son code.";
pub const TODO_EXPORT: &str = "Exporter la liste (.csv)";
pub const TODO_PRINT: &str = "Imprimer (une page par classe)";
pub const TODO_NOTHING: &str = "Toute la classe est certifiable : rien à faire.";
pub const TODO_ALL_DONE: &str = "Tous les participants sont certifiables.";
pub const TODO_SHOW: &str = "Voir les élèves";
pub const TODO_COL_STATUS: &str = "Situation";
pub const TODO_COL_MISSING: &str = "Manque pour 5";
pub const TODO_COL_ZERO: &str = "Compétences au niveau 0";
pub const TODO_COL_CLOSEST: &str = "À travailler d’abord (les plus proches du niveau 1)";
pub const TODO_NOT_SENT_DETAIL: &str =
    "Profil non envoyé : il a rejoint la campagne, lui demander d’envoyer son profil.";
pub const TODO_CSV_HEADER: [&str; 8] = [
    "Classe",
    "Nom",
    "Prénom",
    "Situation",
    "Compétences certifiables",
    "Compétences manquantes pour être certifiable",
    "Compétences au niveau 0 (par domaine)",
    "Compétences les plus proches du niveau 1",
];

pub fn todo_filtered(classes: &str) -> String {
    format!("Classes retenues par le filtre du tableau : {classes}.")
}

pub fn todo_class_title(class: &str) -> String {
    format!("Classe {class}")
}

/// The head of every printed sheet: campaign, code and date, so that a sheet handed out alone
/// says which campaign's code to give.
pub fn todo_sheet_head(campaign: &str, code: Option<&str>, date: &str) -> String {
    let code = code.map_or_else(String::new, |code| {
        format!(" — code de la campagne : {code}")
    });
    format!("Campagne « {campaign} »{code} — état au {date}")
}

/// A class's count over all its pupils (of the promotion with a school list).
pub fn todo_sheet_counts(
    to_do: usize,
    pupils: usize,
    not_certifiable: usize,
    never_sent: usize,
    never_joined: usize,
) -> String {
    let plural = |n: usize| if n > 1 { "s" } else { "" };
    let mut parts = vec![
        format!(
            "{not_certifiable} non certifiable{}",
            plural(not_certifiable)
        ),
        format!(
            "{never_sent} profil{} non envoyé{}",
            plural(never_sent),
            plural(never_sent)
        ),
    ];
    if never_joined > 0 {
        parts.push(format!("{never_joined} jamais participé"));
    }
    format!(
        "{to_do} élève{} à accompagner sur {pupils} : {}",
        plural(to_do),
        parts.join(", ")
    )
}

pub const TODO_PRINT_LEGEND: &str = "Compétences Pix : ";

pub fn todo_missing(missing: u8) -> String {
    if missing <= 1 {
        format!("{missing} compétence")
    } else {
        format!("{missing} compétences")
    }
}

pub fn todo_file_name(campaign_id: u64) -> String {
    format!("cohorte-a-faire-{campaign_id}.csv")
}

pub fn participants_file_name(campaign_id: u64) -> String {
    format!("cohorte-participants-{campaign_id}.csv")
}

pub const PARTICIPANTS_CSV_HEADER: [&str; 7] = [
    "Nom",
    "Prénom",
    "Classe",
    "Date d'envoi",
    "Score Pix",
    "Certifiable",
    "Compétences certifiables",
];

pub const DOWNLOAD_FAILED: &str = "Le navigateur n’a pas pu préparer le fichier à télécharger.";

// Student detail
pub const DETAIL_CLOSE: &str = "Fermer";
pub const DETAIL_COMPETENCES: &str = "Résultats par compétence";
pub const DETAIL_COL_COMPETENCE: &str = "Compétence";
pub const DETAIL_COL_LEVEL: &str = "Niveau";
pub const DETAIL_COL_PIX: &str = "Pix";
pub const DETAIL_COL_CERTIFIABLE: &str = "Certifiable";
pub const DETAIL_LEVEL_OK: &str = "Oui";
pub const DETAIL_LEVEL_ZERO: &str = "Non";
pub const DETAIL_SENDINGS_CAPTION: &str =
    "Tous les envois de l’élève dans cet export, du plus récent au plus ancien";
pub const DETAIL_NOT_SENT: &str =
    "Cet élève n’a pas encore envoyé son profil : aucun résultat à afficher.";
pub const DETAIL_NOT_FOUND: &str = "Cet élève n’est pas dans l’export affiché.";
pub const DETAIL_CURRENT: &str = "affiché";
pub const DETAIL_SCORE: &str = "Score Pix";

pub fn detail_title(first: &str, last: &str) -> String {
    format!("Profil de {first} {last}")
}

pub fn detail_class(class: &str) -> String {
    if class.is_empty() {
        "Sans classe".to_owned()
    } else {
        format!("Classe {class}")
    }
}

pub fn detail_sent(date: &str) -> String {
    format!("Profil envoyé le {date}")
}

// Assessment page. Since January 2026 Pix shares assessment results automatically: no
// wording here may suggest that students forgot to share.
pub const CARD_STARTED: &str = "En cours";
pub const CARD_COMPLETED: &str = "Terminés, résultats non reçus";
pub const CARD_AVERAGE: &str = "Maîtrise moyenne";
pub const STATUS_SHARED: &str = "Résultats reçus";
pub const STATUS_COMPLETED: &str = "Terminé, résultats non reçus";
pub const STATUS_STARTED: &str = "En cours";
pub const FILTER_ASSESSMENT_STATUS: &str = "Statut";
pub const FILTER_STAGE: &str = "Palier";
pub const FILTER_STAGE_ALL: &str = "Tous les paliers";
pub const COL_STATUS: &str = "Statut";
pub const COL_SENDINGS: &str = "Participations reçues";
pub const AVERAGES_TITLE: &str = "Maîtrise moyenne";
pub const AVERAGES_COMPETENCES: &str =
    "Maîtrise moyenne par compétence (résultats reçus des participants affichés)";
pub const AVERAGES_DOMAINS: &str =
    "Maîtrise moyenne par domaine (résultats reçus des participants affichés)";
pub const COL_AVERAGE: &str = "Moyenne";
pub const COL_RESULTS: &str = "Résultats";
pub const COL_NAME_COMPETENCE: &str = "Compétence";
pub const COL_NAME_DOMAIN: &str = "Domaine";

pub fn assessment_caption(campaign: &str) -> String {
    format!("Participants de la campagne d’évaluation « {campaign} », dernière participation de chaque élève")
}

pub fn stage_option(stage: u8, max: u8) -> String {
    format!("Palier {stage} / {max}")
}

pub fn percent(fraction: f32) -> String {
    // Through an integer: formatting a float pulls ~20 KB of float printing into the wasm.
    format!("{} %", (fraction * 100.0).round() as i32)
}
