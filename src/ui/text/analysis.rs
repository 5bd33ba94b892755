//! The analysis tab (src/ui/analysis.rs).

pub const TAB_PARTICIPANTS: &str = "Participants";
pub const TAB_ANALYSIS: &str = "Analyse";
pub const TAB_TODO: &str = "À faire";
pub const TAB_CLASSES: &str = "Par classe";
pub const TAB_HISTORY: &str = "Historique";
pub const TAB_AVERAGES: &str = "Résultats par compétence";
pub const TABS_HINT: &str = "Clavier : flèches ← → (ou Début, Fin) pour changer d’onglet.";
pub const TABS_LABEL: &str = "Vues de la campagne";
pub const PRINT: &str = "Imprimer le rapport";
pub const EMPTY: &str = "Aucun profil reçu : rien à analyser pour l’instant.";
pub const SHOW_DATA: &str = "Voir les chiffres en tableau";

pub const COVERAGE_TITLE: &str = "Couverture des compétences";
pub const COVERAGE_HINT: &str = "Part des profils reçus au niveau 1 ou plus dans chaque compétence, et niveau moyen. Les compétences les moins couvertes sont celles sur lesquelles organiser une séance.";
pub const COVERAGE_CAPTION: &str = "Couverture des compétences, sur les profils reçus";
pub const ORDER_LABEL: &str = "Trier";
pub const ORDER_FRAMEWORK: &str = "Ordre du référentiel (par domaine)";
pub const ORDER_SHARE_ASC: &str = "Les moins couvertes d’abord";
pub const ORDER_SHARE_DESC: &str = "Les plus couvertes d’abord";
pub const ORDER_AVERAGE: &str = "Niveau moyen décroissant";
pub const COL_COMPETENCE: &str = "Compétence";
pub const COL_DOMAIN: &str = "Domaine";
pub const COL_REACHED: &str = "Profils au niveau 1 ou plus";
pub const COL_SHARE: &str = "Part";
pub const COL_AVERAGE: &str = "Niveau moyen";

pub const WINS_TITLE: &str = "Les gains les plus rapides";
pub const WINS_EMPTY: &str = "Tous les profils reçus sont certifiables.";

pub const SCORES_TITLE: &str = "Répartition des scores Pix";
pub const SCORES_CAPTION: &str = "Nombre de profils reçus par tranche de score Pix";
pub const COL_SCORE_RANGE: &str = "Score Pix";
pub const COL_PROFILES: &str = "Profils";

pub const COUNTS_TITLE: &str = "Compétences au niveau 1 ou plus, par élève";
pub const COUNTS_CAPTION: &str =
    "Nombre de profils reçus selon le nombre de compétences au niveau 1 ou plus (0 à 16)";
pub const COUNTS_HINT: &str =
    "À partir de 5 compétences (trait pointillé), l’élève est certifiable.";
pub const COL_COMPETENCE_COUNT: &str = "Compétences au niveau 1 ou plus";
pub const THRESHOLD: &str = "seuil : 5";

pub const CLASSES_TITLE: &str = "Certifiables par classe";
pub const CLASSES_CAPTION: &str = "Part des participants certifiables, par classe";
pub const COL_CLASS: &str = "Classe";
pub const COL_CERTIFIABLE: &str = "Certifiables";
pub const COL_PARTICIPANTS: &str = "Participants";

pub const MATRIX_TITLE: &str = "Couverture par classe et par compétence";
pub const MATRIX_CAPTION: &str = "Part des profils reçus de chaque classe au niveau 1 ou plus, en %. Plus la case est foncée, plus la compétence est couverte ; « — » : aucun profil reçu.";

pub fn wins_hint(not_certifiable: usize) -> String {
    format!("Compétences le plus souvent au niveau 0 chez les {not_certifiable} élèves non certifiables : une séance sur l’une d’elles rapproche le plus d’élèves de la certification.")
}

pub fn wins_item(name: &str, zeros: usize, not_certifiable: usize) -> String {
    format!("{name} — {zeros} sur {not_certifiable} au niveau 0")
}

pub fn profiles_of(count: usize, received: usize) -> String {
    format!("{count} profils sur {received}")
}

pub fn score_range(from: u32, width: u32) -> String {
    format!("{from} à {}", from + width - 1)
}

pub fn bar_title(label: &str, count: usize) -> String {
    format!(
        "{label} : {count} profil{}",
        if count > 1 { "s" } else { "" }
    )
}

pub fn chart_label(title: &str, received: usize) -> String {
    format!("{title}, sur {received} profils reçus")
}

/// `0,4` → "40 %".
pub fn percent(share: f64) -> String {
    format!("{} %", crate::domain::views::decimal::percent(share))
}

/// One decimal, French comma: 1.26 → "1,3".
pub fn decimal(value: f64) -> String {
    crate::domain::views::decimal::round(value, 1, ',')
}
