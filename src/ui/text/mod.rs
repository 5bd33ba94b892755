//! Every French string the interface shows, in one place: this module. Each area of the app
//! has its own file below (one writer per file); shared words live here.

pub mod analysis;
pub mod campaign;
pub mod error;
pub mod glossary;
pub mod history;
pub mod storage;

pub const APP_NAME: &str = "Cohorte";
pub const MAIN_NAV: &str = "Navigation principale";
pub const SKIP_LINK: &str = "Aller au contenu";
pub const HOME_TITLE: &str = "Vos campagnes Pix Orga";
pub const TAGLINE: &str = "Suivi de la certificabilité Pix, à partir de vos exports Pix Orga";
pub const PRIVACY: &str = "Vos fichiers sont lus dans ce navigateur et n’en sortent jamais : aucune donnée n’est envoyée sur Internet.";
pub const NOT_OFFICIAL: &str = "Outil indépendant, non affilié à Pix.";

pub const DROP_TITLE: &str = "Importer des exports Pix Orga";
pub const DROP_HINT: &str = "Importez un ou plusieurs exports CSV de Pix Orga (onglet « Résultats » d’une campagne, bouton « Exporter les résultats ») : choisissez les fichiers, ou faites-les glisser ici depuis un ordinateur.";
pub const DROP_ROSTER_HINT: &str = "Vous pouvez aussi déposer la liste des élèves de l’établissement (SIECLE : ElevesSansAdresses.zip ou .xml ; lycées agricoles : le CSV SCO) pour voir les élèves qui n’ont jamais participé. Elle reste sur cet ordinateur.";
pub const DROP_PICK: &str = "Choisir des fichiers";
pub const IMPORT_OPEN: &str = "Ouvrir la campagne";
pub const IMPORT_CHANGES: &str = "Voir ce qui a changé";

/// Why an export has more lines than participants.
pub fn rows_and_participants(rows: usize, participants: usize) -> String {
    format!("{rows} lignes pour {participants} participants : un élève qui a envoyé son profil plusieurs fois a une ligne par envoi ; Cohorte garde le plus récent.")
}
pub const DROP_ACTIVE: &str = "Relâchez pour importer";
pub const DEMO_BUTTON: &str = "Essayer avec un exemple";
pub const DEMO_FILE_NAME: &str = crate::domain::views::campaigns::EXAMPLE_FILE_NAME;
pub const EXAMPLE_TAG: &str = "Exemple";
pub const EXAMPLE_REMOVE: &str = "Retirer l’exemple";
pub const EXAMPLE_REMOVED: &str = "Exemple retiré.";
pub const EXAMPLE_NOTE: &str = "Exemple : élèves inventés, pour découvrir Cohorte. Ils ne sont pas comptés dans la page Élèves.";
pub const IMPORT_RESULTS: &str = "Résultat des imports";

pub const CAMPAIGNS_TITLE: &str = "Campagnes";
pub const CAMPAIGNS_EMPTY: &str =
    "Aucune campagne pour l’instant : importez un export ci-dessus, ou essayez avec un exemple.";
pub const COL_CAMPAIGN: &str = "Campagne";
pub const COL_CODE: &str = "Code";
pub const COL_TYPE: &str = "Type";
pub const COL_ORGANISATION: &str = "Organisation";
pub const COL_PARTICIPANTS: &str = "Participants";
pub const COL_RECEIVED: &str = "Profils reçus";
pub const COL_RESULTS_RECEIVED: &str = "Résultats reçus";
pub const COL_CERTIFIABLE_COUNT: &str = "Certifiables";
pub const KIND_PROFILES: &str = "Collecte de profils";
pub const KIND_ASSESSMENT: &str = "Évaluation";
pub const NO_CODE: &str = "—";

pub const BACK: &str = "← Toutes les campagnes";
pub const CARD_PARTICIPANTS: &str = "Participants";
pub const CARD_RECEIVED: &str = "Profils reçus";
pub const CARD_CERTIFIABLE: &str = glossary::CERTIFIABLE_PLURAL;
pub const CARD_NOT_CERTIFIABLE: &str = glossary::NOT_CERTIFIABLE_PLURAL;
pub const CARD_NOT_SENT: &str = glossary::NEVER_SENT_PLURAL;
pub const CARD_SHARED: &str = "Résultats reçus";
pub const FROZEN_NOTICE: &str = "Un profil est figé au moment où l’élève l’envoie : les progrès faits depuis n’apparaissent pas ici. Après que les élèves ont travaillé de nouvelles compétences, relancez une collecte de profils (envoi multiple) et importez le nouvel export.";
pub const CERTIFIABLE_RULE: &str =
    "Certifiable : niveau 1 atteint dans au moins 5 des 16 compétences.";

pub const FILTERS: &str = "Filtres";
pub const FILTER_STATUS: &str = "Certificabilité";
pub const FILTER_STATUS_ALL: &str = "Tous";
pub const FILTER_CLASS: &str = "Classe";
pub const FILTER_SEARCH: &str = "Nom, prénom";
pub const FILTER_SEARCH_PLACEHOLDER: &str = "Rechercher un élève";
pub const FILTER_CLEAR: &str = "Effacer les filtres";

pub const COL_LAST: &str = "Nom";
pub const COL_FIRST: &str = "Prénom";
pub const COL_CLASS: &str = "Classe";
pub const COL_SENT_AT: &str = "Date d’envoi";
pub const COL_SCORE: &str = "Score Pix";
pub const COL_CERTIFIABLE: &str = "Certifiable";
pub const COL_COMPETENCES: &str = "Comp. certifiables";
pub const TAG_CERTIFIABLE: &str = glossary::CERTIFIABLE;
pub const TAG_NOT_CERTIFIABLE: &str = glossary::NOT_CERTIFIABLE;
pub const TAG_NOT_SENT: &str = glossary::NEVER_SENT;
pub const MISMATCH: &str =
    "L’export indique une certificabilité différente de celle calculée à partir des niveaux.";
pub const NO_MATCH: &str = "Aucun participant ne correspond à ces filtres.";

pub const PAGE_SIZE: &str = "Voir";
pub const PAGINATION: &str = "Pagination";
pub const PAGE_PREV: &str = "Page précédente";
pub const PAGE_NEXT: &str = "Page suivante";

pub const COL_PROGRESS: &str = "Progression";
pub const COL_MASTERY: &str = "Maîtrise";
pub const COL_STAGE: &str = "Palier";
pub const YES: &str = "Oui";
pub const NO: &str = "Non";

pub fn kind_label(kind: crate::domain::model::snapshot::CampaignKind) -> &'static str {
    match kind {
        crate::domain::model::snapshot::CampaignKind::ProfilesCollection => KIND_PROFILES,
        crate::domain::model::snapshot::CampaignKind::Assessment => KIND_ASSESSMENT,
    }
}

pub fn participants_counter(count: usize) -> String {
    if count == 1 {
        "1 participant".to_owned()
    } else {
        format!("{count} participants")
    }
}

pub fn page_range(start: usize, end: usize, total: usize) -> String {
    format!("{start}–{end} sur {total}")
}

pub fn page_of(page: usize, pages: usize) -> String {
    format!("Page {page} / {pages}")
}

pub fn imported(campaign: &str, rows: usize, date: &str) -> String {
    let rows = if rows == 1 {
        "1 ligne".to_owned()
    } else {
        format!("{rows} lignes")
    };
    format!("Importé : « {campaign} », {rows}, état au {date}.")
}

pub fn already_imported(campaign: &str, when: &str) -> String {
    format!("Déjà importé le {when} (« {campaign} ») : ce fichier n’a pas été enregistré une seconde fois.")
}

pub fn table_caption(campaign: &str) -> String {
    format!("Participants de la campagne « {campaign} », dernière participation de chaque élève")
}

pub fn snapshot_line(file: &str, date: &str) -> String {
    format!("Export « {file} », état au {date}.")
}

/// The headline share without a school list (or with one that covers none of the campaign).
pub fn participants_share(percent: u32, certifiable: usize, participants: usize) -> String {
    format!(
        "{percent} % des participants {} certifiable{} : {certifiable} sur {participants}.",
        if certifiable > 1 { "sont" } else { "est" },
        if certifiable > 1 { "s" } else { "" }
    )
}

pub fn evolution_title(previous_score: u32, previous_count: u8) -> String {
    format!("Envoi précédent : {previous_score} pix, {previous_count} comp. certifiables")
}

pub fn missing(count: u8) -> String {
    if count <= 1 {
        format!("manque {count} compétence")
    } else {
        format!("manque {count} compétences")
    }
}

pub mod exports;
pub mod results;
pub mod roster;
pub mod sessions;
