//! Column roles found by header name, never by position, and the typed reading of cells.
//!
//! Headers are compared after `text::fold` (case, accents, `’`/`'`, spacing), with the
//! aliases of every export version since 2020 and the English headers of Pix Orga used in
//! English. Competence columns are found by their prefix and the competence name, else by
//! their place: Pix always writes the 16 pairs in the framework's order.
//!
//! Header cells go through the same cell writer as data (formula guard, unquoted digits) and
//! the names inside them through Pix's i18n, which escapes them as HTML: both are undone
//! before a header is matched or shown.

use std::borrow::Cow;

use crate::import::dialect::{strip_formula_guard, Record};
use crate::model::competences::{COMPETENCES, COMPETENCE_COUNT};
use crate::model::snapshot::{CampaignKind, Learner, LocalDateTime};
use crate::text::fold;

/// A fixed column of the exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Organisation,
    CampaignId,
    Code,
    CampaignName,
    TargetProfile,
    Last,
    First,
    Class,
    Group,
    StudentNumber,
    Sent,
    SentAt,
    TotalPix,
    Certifiable,
    CertifiableCount,
    Progress,
    StartedAt,
    Shared,
    SharedAt,
    Mastery,
}

const ROLES: [Role; 20] = [
    Role::Organisation,
    Role::CampaignId,
    Role::Code,
    Role::CampaignName,
    Role::TargetProfile,
    Role::Last,
    Role::First,
    Role::Class,
    Role::Group,
    Role::StudentNumber,
    Role::Sent,
    Role::SentAt,
    Role::TotalPix,
    Role::Certifiable,
    Role::CertifiableCount,
    Role::Progress,
    Role::StartedAt,
    Role::Shared,
    Role::SharedAt,
    Role::Mastery,
];

impl Role {
    /// The header as the current French export writes it, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Role::Organisation => "Nom de l'organisation",
            Role::CampaignId => "ID Campagne",
            Role::Code => "Code",
            Role::CampaignName => "Nom de la campagne",
            Role::TargetProfile => "Parcours",
            Role::Last => "Nom du Participant",
            Role::First => "Prénom du Participant",
            Role::Class => "Classe",
            Role::Group => "Groupe",
            Role::StudentNumber => "Numéro Étudiant",
            Role::Sent => "Envoi (O/N)",
            Role::SentAt => "Date et heure de l'envoi (Europe/Paris)",
            Role::TotalPix => "Nombre de pix total",
            Role::Certifiable => "Certifiable (O/N)",
            Role::CertifiableCount => "Nombre de compétences certifiables",
            Role::Progress => "% de progression",
            Role::StartedAt => "Date et heure de début (Europe/Paris)",
            Role::Shared => "Partage (O/N)",
            Role::SharedAt => "Date et heure du partage (Europe/Paris)",
            Role::Mastery => "% maitrise de l'ensemble des acquis du profil",
        }
    }

    /// Folded headers of every known version and language.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Role::Organisation => &[
                "nom de l'organisation",
                "organisation's name",
                "organization's name",
                "organisation name",
                "organization name",
            ],
            Role::CampaignId => &["id campagne", "campaign id", "identifiant de la campagne"],
            Role::Code => &["code", "code de la campagne", "campaign code"],
            Role::CampaignName => &["nom de la campagne", "campaign's name", "campaign name"],
            Role::TargetProfile => &[
                "parcours",
                "nom du profil cible",
                "customised test",
                "customized test",
                "target profile",
                "target profile name",
                "target profile's name",
            ],
            Role::Last => &["nom du participant", "participant's last name"],
            Role::First => &["prenom du participant", "participant's first name"],
            Role::Class => &["classe", "class"],
            Role::Group => &["groupe", "group"],
            Role::StudentNumber => &["numero etudiant", "numero d'etudiant", "student number"],
            Role::Sent => &["envoi (o/n)", "sent (y/n)"],
            Role::SentAt => &["date de l'envoi", "sent on"],
            Role::TotalPix => &["nombre de pix total", "total pix score", "total pix"],
            Role::Certifiable => &[
                "certifiable (o/n)",
                "eligible for certification (y/n)",
                "certifiable (y/n)",
            ],
            Role::CertifiableCount => &[
                "nombre de competences certifiables",
                "number of competences eligible for certification",
                "number of certifiable competences",
            ],
            Role::Progress => &["% de progression", "% of progression", "% progression"],
            Role::StartedAt => &["date de debut", "started on"],
            Role::Shared => &["partage (o/n)", "shared (y/n)"],
            Role::SharedAt => &["date du partage", "shared on"],
            Role::Mastery => &[
                "% maitrise de l'ensemble des acquis du profil",
                "% de maitrise de l'ensemble des acquis du profil",
                "% of items successfully completed in the target profile",
                "% mastery of the target profile's skills",
            ],
        }
    }

    /// Headers that carry a time zone or a format in parentheses, matched by their start:
    /// the short-lived UTC version of December 2024 used a wording nobody recorded.
    fn prefixes(self) -> &'static [&'static str] {
        match self {
            // `Sent on (Europe/Paris)`: the English wording since the time of day came in.
            Role::SentAt => &[
                "date et heure de l'envoi",
                "date and time of sending",
                "sent on (",
            ],
            Role::StartedAt => &[
                "date et heure de debut",
                "date and time of start",
                "started on (",
            ],
            Role::SharedAt => &[
                "date et heure du partage",
                "date and time of sharing",
                "shared on (",
            ],
            _ => &[],
        }
    }

    fn of(folded: &str) -> Option<Role> {
        ROLES.into_iter().find(|role| {
            role.aliases().contains(&folded)
                || role
                    .prefixes()
                    .iter()
                    .any(|prefix| folded.starts_with(prefix))
        })
    }

    fn is_campaign_level(self) -> bool {
        matches!(
            self,
            Role::Organisation
                | Role::CampaignId
                | Role::Code
                | Role::CampaignName
                | Role::TargetProfile
        )
    }
}

const LEVEL_PREFIXES: [&str; 2] = [
    "niveau pour la competence ",
    "level reached in the competence ",
];
const PIX_PREFIXES: [&str; 2] = [
    "nombre de pix pour la competence ",
    "pix score for the competence ",
];
/// Assessment results per competence or domain: prefix, is a domain, which of the three
/// values. English prefixes of a domain start with the competence's: domains come first.
const MASTERY_PREFIXES: [(&str, bool, usize); 12] = [
    ("% de maitrise des acquis du domaine ", true, 0),
    ("nombre d'acquis du profil cible du domaine ", true, 1),
    ("acquis maitrises du domaine ", true, 2),
    ("% de maitrise des acquis de la competence ", false, 0),
    (
        "nombre d'acquis du profil cible dans la competence ",
        false,
        1,
    ),
    ("acquis maitrises dans la competence ", false, 2),
    (
        "% of items successfully completed in the competence area ",
        true,
        0,
    ),
    (
        "number of items of the target profile in the competence area ",
        true,
        1,
    ),
    (
        "items of the target profile successfully completed in the competence area ",
        true,
        2,
    ),
    (
        "% of items successfully completed in the competence ",
        false,
        0,
    ),
    (
        "number of items of the target profile in the competence ",
        false,
        1,
    ),
    (
        "items of the target profile successfully completed in the competence ",
        false,
        2,
    ),
];
const STAGE_PREFIXES: [&str; 2] = ["palier obtenu (/", "success rate (/"];
const BADGE_SUFFIX: &str = " obtenu (o/n)";
const BADGE_SUFFIX_EN: &str = " (y/n)";

/// What one header cell is.
#[derive(Clone, Debug, PartialEq)]
enum Slot {
    Role(Role),
    Level(usize),
    Pix(usize),
    /// A level or pix column whose competence name is not one we know (another wording,
    /// another language): its place tells which competence it is.
    UnnamedLevel,
    UnnamedPix,
    /// Assessment result of a competence or domain: which of the three values, and the name.
    Mastery {
        domain: bool,
        part: usize,
        name: String,
    },
    Stage(u8),
    Badge(String),
    Unknown,
}

/// Letters and digits only: the last resort against punctuation drift in competence names.
fn squash(folded: &str) -> String {
    folded.chars().filter(|ch| ch.is_alphanumeric()).collect()
}

/// The 16 competence names, folded and squashed once per import rather than once per header.
struct CompetenceKeys([(String, String); COMPETENCE_COUNT]);

impl CompetenceKeys {
    fn new() -> Self {
        CompetenceKeys(COMPETENCES.map(|competence| {
            (
                squash(&fold(competence.name)),
                squash(&fold(competence.name_en)),
            )
        }))
    }

    /// The competence a header names, in French, English, or an older wording.
    fn find(&self, name_folded: &str) -> Option<usize> {
        let key = squash(name_folded);
        self.0
            .iter()
            .position(|(french, english)| *french == key || *english == key)
            // The CRCN wording of 5.2 before the 2019 framework.
            .or_else(|| (key == "evoluerdansunenvironnementnumerique").then_some(15))
    }
}

/// The header's words after the first `skip` ones, as typed (spacing normalised).
fn words_after(label: &str, skip: usize) -> String {
    label
        .split_whitespace()
        .skip(skip)
        .collect::<Vec<_>>()
        .join(" ")
}

fn words_before_last(label: &str, drop: usize) -> String {
    let words: Vec<&str> = label.split_whitespace().collect();
    words[..words.len().saturating_sub(drop)].join(" ")
}

fn classify(label: &str, folded: &str, competences: &CompetenceKeys) -> Slot {
    if let Some(role) = Role::of(folded) {
        return Slot::Role(role);
    }
    for prefix in LEVEL_PREFIXES {
        if let Some(name) = folded.strip_prefix(prefix) {
            return competences
                .find(name)
                .map_or(Slot::UnnamedLevel, Slot::Level);
        }
    }
    for prefix in PIX_PREFIXES {
        if let Some(name) = folded.strip_prefix(prefix) {
            return competences.find(name).map_or(Slot::UnnamedPix, Slot::Pix);
        }
    }
    for (prefix, domain, part) in MASTERY_PREFIXES {
        if folded.starts_with(prefix) {
            let skip = prefix.split_whitespace().count();
            return Slot::Mastery {
                domain,
                part,
                name: words_after(label, skip),
            };
        }
    }
    for prefix in STAGE_PREFIXES {
        if let Some(rest) = folded.strip_prefix(prefix) {
            if let Some(max) = rest.strip_suffix(')').and_then(|n| n.trim().parse().ok()) {
                return Slot::Stage(max);
            }
        }
    }
    if folded.ends_with(BADGE_SUFFIX) && folded.len() > BADGE_SUFFIX.len() {
        return Slot::Badge(words_before_last(label, 2));
    }
    if folded.ends_with(BADGE_SUFFIX_EN) && folded.len() > BADGE_SUFFIX_EN.len() {
        return Slot::Badge(words_before_last(label, 1));
    }
    Slot::Unknown
}

/// The columns of a profiles-collection export beyond the common ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileColumns {
    pub sent: usize,
    pub sent_at: usize,
    pub total_pix: usize,
    pub certifiable: Option<usize>,
    pub certifiable_count: Option<usize>,
    pub levels: [usize; COMPETENCE_COUNT],
    pub pix: [usize; COMPETENCE_COUNT],
}

/// A competence or domain result: the rate, targeted and validated columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MasteryColumns {
    pub name: String,
    pub rate: Option<usize>,
    pub targeted: Option<usize>,
    pub validated: Option<usize>,
}

/// The columns of an assessment export beyond the common ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssessmentColumns {
    pub progress: Option<usize>,
    pub started_at: Option<usize>,
    pub shared: usize,
    pub shared_at: Option<usize>,
    pub stage: Option<(usize, u8)>,
    /// Badge title and column.
    pub badges: Vec<(String, usize)>,
    pub mastery: usize,
    pub competences: Vec<MasteryColumns>,
    pub domains: Vec<MasteryColumns>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    Profiles(ProfileColumns),
    Assessment(AssessmentColumns),
}

/// Every column role of one export, found from its header line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// The header cells as typed (trimmed), for messages.
    pub labels: Vec<String>,
    pub organisation: usize,
    pub campaign_id: usize,
    pub code: Option<usize>,
    pub campaign_name: usize,
    pub target_profile: Option<usize>,
    pub last: usize,
    pub first: usize,
    pub class: Option<usize>,
    pub group: Option<usize>,
    pub student_number: Option<usize>,
    pub external_id: Option<usize>,
    /// The external id's label says it holds the class (`Classe`, `Division`…).
    pub external_id_is_class: bool,
    pub layout: Layout,
    /// Competences (0 = 1.1 … 15 = 5.2) whose columns were identified by their place, their
    /// name in the header not being one Cohorte knows.
    pub competences_by_position: Vec<usize>,
    /// Headers among the results that Cohorte does not read (a badge or a column of a newer
    /// export, say): the import says so rather than dropping them silently.
    pub unread: Vec<String>,
}

impl Columns {
    pub fn kind(&self) -> CampaignKind {
        match self.layout {
            Layout::Profiles(_) => CampaignKind::ProfilesCollection,
            Layout::Assessment(_) => CampaignKind::Assessment,
        }
    }

    pub fn external_id_label(&self) -> Option<&str> {
        self.external_id
            .and_then(|column| self.labels.get(column))
            .map(String::as_str)
    }

    /// Header of a column as the file writes it.
    pub fn label(&self, column: usize) -> &str {
        self.labels.get(column).map_or("", String::as_str)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderError {
    /// Hardly any Pix column: another table altogether.
    NotPixExport { missing: Vec<String> },
    /// A Pix export that lacks columns the import needs.
    MissingColumns {
        kind: CampaignKind,
        missing: Vec<String>,
    },
    /// Shaped like a Pix export, with headers in a language Cohorte does not read (Pix Orga
    /// also exports in Dutch, Spanish, German, Italian…).
    UnknownLanguage,
}

/// Columns required whatever the export type.
const COMMON_REQUIRED: [Role; 5] = [
    Role::Organisation,
    Role::CampaignId,
    Role::CampaignName,
    Role::Last,
    Role::First,
];
const PROFILE_REQUIRED: [Role; 3] = [Role::Sent, Role::SentAt, Role::TotalPix];
const ASSESSMENT_REQUIRED: [Role; 2] = [Role::Shared, Role::Mastery];

/// Below this many recognised columns the file is not taken for a Pix export.
const MIN_RECOGNISED: usize = 3;

/// Finds every column role from the header cells.
pub fn map_columns<S: AsRef<str>>(header: &[S]) -> Result<Columns, HeaderError> {
    let labels: Vec<String> = header
        .iter()
        .map(|label| {
            let label = label.as_ref().trim_start_matches('\u{feff}').trim();
            let label = strip_formula_guard(label);
            decode_html_entities(label).trim().to_owned()
        })
        .collect();
    let competence_keys = CompetenceKeys::new();
    let mut slots: Vec<Slot> = labels
        .iter()
        .map(|label| classify(label, &fold(label), &competence_keys))
        .collect();

    // Only the first column of a role counts; a later one with the same header (an external
    // id labelled `Code` or `Classe`, say) stays unknown so it can be the external id.
    let mut role_at: Vec<(Role, usize)> = Vec::new();
    for (index, slot) in slots.iter_mut().enumerate() {
        if let Slot::Role(role) = *slot {
            if role_at.iter().any(|&(seen, _)| seen == role) {
                *slot = Slot::Unknown;
            } else {
                role_at.push((role, index));
            }
        }
    }
    let find = |role: Role| {
        role_at
            .iter()
            .find(|&&(seen, _)| seen == role)
            .map(|&(_, index)| index)
    };
    // Campaign columns come before the participant's name; one found after it is an
    // external id that happens to share its label.
    if let Some(last) = find(Role::Last) {
        for (role, index) in &role_at {
            if role.is_campaign_level() && *index > last {
                slots[*index] = Slot::Unknown;
            }
        }
        role_at.retain(|(role, index)| !(role.is_campaign_level() && *index > last));
    }
    let find = |role: Role| {
        role_at
            .iter()
            .find(|&&(seen, _)| seen == role)
            .map(|&(_, index)| index)
    };

    let mut levels = [None; COMPETENCE_COUNT];
    let mut pix = [None; COMPETENCE_COUNT];
    let mut stage = None;
    let mut badges = Vec::new();
    let mut competences: Vec<MasteryColumns> = Vec::new();
    let mut domains: Vec<MasteryColumns> = Vec::new();
    for (index, slot) in slots.iter().enumerate() {
        match slot {
            Slot::Level(competence) => {
                levels[*competence].get_or_insert(index);
            }
            Slot::Pix(competence) => {
                pix[*competence].get_or_insert(index);
            }
            Slot::Stage(max) => {
                stage.get_or_insert((index, *max));
            }
            Slot::Badge(title) => badges.push((title.clone(), index)),
            Slot::Mastery { domain, part, name } => {
                let list = if *domain {
                    &mut domains
                } else {
                    &mut competences
                };
                let key = squash(&fold(name));
                let entry = match list.iter().position(|m| squash(&fold(&m.name)) == key) {
                    Some(position) => &mut list[position],
                    None => {
                        list.push(MasteryColumns {
                            name: name.clone(),
                            rate: None,
                            targeted: None,
                            validated: None,
                        });
                        let last = list.len() - 1;
                        &mut list[last]
                    }
                };
                let target = match part {
                    0 => &mut entry.rate,
                    1 => &mut entry.targeted,
                    _ => &mut entry.validated,
                };
                target.get_or_insert(index);
            }
            Slot::Role(_) | Slot::Unknown | Slot::UnnamedLevel | Slot::UnnamedPix => {}
        }
    }

    let competences_by_position = fill_competences_by_position(&slots, &mut levels, &mut pix);

    let competence_columns = levels.iter().chain(&pix).flatten().count();
    let recognised = role_at.len() + competence_columns + competences.len() + domains.len();
    let profile_signals = [
        Role::Sent,
        Role::SentAt,
        Role::TotalPix,
        Role::Certifiable,
        Role::CertifiableCount,
    ]
    .into_iter()
    .filter(|&role| find(role).is_some())
    .count()
        + competence_columns.min(1) * 2;
    let assessment_signals = [
        Role::TargetProfile,
        Role::Progress,
        Role::StartedAt,
        Role::Shared,
        Role::SharedAt,
        Role::Mastery,
    ]
    .into_iter()
    .filter(|&role| find(role).is_some())
    .count()
        + (!competences.is_empty() || !domains.is_empty()) as usize * 2
        + stage.is_some() as usize;

    let missing_roles = |required: &[Role]| -> Vec<String> {
        required
            .iter()
            .filter(|&&role| find(role).is_none())
            .map(|role| role.label().to_owned())
            .collect()
    };

    let names_missing = find(Role::Last).is_none() && find(Role::First).is_none();
    if names_missing && looks_like_a_pix_export(&labels, &slots) {
        return Err(HeaderError::UnknownLanguage);
    }
    if recognised < MIN_RECOGNISED || (profile_signals == 0 && assessment_signals == 0) {
        let mut missing = missing_roles(&COMMON_REQUIRED);
        missing.extend(missing_roles(&PROFILE_REQUIRED));
        return Err(HeaderError::NotPixExport { missing });
    }

    let kind = if assessment_signals > profile_signals {
        CampaignKind::Assessment
    } else {
        CampaignKind::ProfilesCollection
    };
    let mut missing = missing_roles(&COMMON_REQUIRED);
    let layout = match kind {
        CampaignKind::ProfilesCollection => {
            missing.extend(missing_roles(&PROFILE_REQUIRED));
            for (competence, (level, pix)) in COMPETENCES.iter().zip(levels.iter().zip(&pix)) {
                if level.is_none() {
                    missing.push(format!("Niveau pour la compétence {}", competence.name));
                }
                if pix.is_none() {
                    missing.push(format!(
                        "Nombre de pix pour la compétence {}",
                        competence.name
                    ));
                }
            }
            match (find(Role::Sent), find(Role::SentAt), find(Role::TotalPix)) {
                (Some(sent), Some(sent_at), Some(total_pix)) if missing.is_empty() => {
                    let levels = levels.map(Option::unwrap_or_default);
                    let pix = pix.map(Option::unwrap_or_default);
                    Layout::Profiles(ProfileColumns {
                        sent,
                        sent_at,
                        total_pix,
                        certifiable: find(Role::Certifiable),
                        certifiable_count: find(Role::CertifiableCount),
                        levels,
                        pix,
                    })
                }
                _ => return Err(HeaderError::MissingColumns { kind, missing }),
            }
        }
        CampaignKind::Assessment => {
            missing.extend(missing_roles(&ASSESSMENT_REQUIRED));
            match (find(Role::Shared), find(Role::Mastery)) {
                (Some(shared), Some(mastery)) if missing.is_empty() => {
                    Layout::Assessment(AssessmentColumns {
                        progress: find(Role::Progress),
                        started_at: find(Role::StartedAt),
                        shared,
                        shared_at: find(Role::SharedAt),
                        stage,
                        badges,
                        mastery,
                        competences,
                        domains,
                    })
                }
                _ => return Err(HeaderError::MissingColumns { kind, missing }),
            }
        }
    };

    // Checked above: every common role is present when `missing` is empty.
    let required = |role: Role| find(role).unwrap_or_default();
    let external_id = external_id_column(&slots, &find);
    let external_id_is_class = external_id
        .and_then(|column| labels.get(column))
        .is_some_and(|label| label_says_class(label));
    let unread = unread_result_columns(&slots, &find, external_id)
        .map(|column| labels[column].clone())
        .collect();
    Ok(Columns {
        organisation: required(Role::Organisation),
        campaign_id: required(Role::CampaignId),
        code: find(Role::Code),
        campaign_name: required(Role::CampaignName),
        target_profile: find(Role::TargetProfile),
        last: required(Role::Last),
        first: required(Role::First),
        class: find(Role::Class),
        group: find(Role::Group),
        student_number: find(Role::StudentNumber),
        external_id,
        external_id_is_class,
        layout,
        competences_by_position,
        unread,
        labels,
    })
}

/// `&#39;`, `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#x2F;`, `&#x60;`, `&#x3D;` (what Pix's i18n
/// writes), and any other numeric reference, decoded; anything else left as typed.
pub fn decode_html_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let ch = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let number = entity.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((ch, end + 1))
        });
        match decoded {
            Some((ch, length)) => {
                out.push(ch);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Pix writes the 16 level/pix pairs in the framework's order (1.1 … 5.2) whatever the
/// language: when names are not recognised, the pairs' places identify them. Only when the
/// 32 columns are all there, alternate level and pix, and every recognised name sits at its
/// own place; otherwise nothing is guessed and the missing columns are named.
fn fill_competences_by_position(
    slots: &[Slot],
    levels: &mut [Option<usize>; COMPETENCE_COUNT],
    pix: &mut [Option<usize>; COMPETENCE_COUNT],
) -> Vec<usize> {
    if levels.iter().chain(pix.iter()).all(Option::is_some) {
        return Vec::new();
    }
    let is_competence = |slot: &Slot| {
        matches!(
            slot,
            Slot::Level(_) | Slot::Pix(_) | Slot::UnnamedLevel | Slot::UnnamedPix
        )
    };
    let mut columns: Vec<usize> = (0..slots.len())
        .filter(|&index| is_competence(&slots[index]))
        .collect();
    if columns.is_empty() {
        // Not even the prefixes are known: the 32 columns after the last profile column.
        let last_role = slots.iter().rposition(|slot| {
            matches!(
                slot,
                Slot::Role(
                    Role::Sent
                        | Role::SentAt
                        | Role::TotalPix
                        | Role::Certifiable
                        | Role::CertifiableCount
                )
            )
        });
        if let Some(last_role) = last_role {
            columns = (last_role + 1..slots.len()).collect();
            if columns.iter().any(|&index| slots[index] != Slot::Unknown) {
                return Vec::new();
            }
        }
    }
    if columns.len() != 2 * COMPETENCE_COUNT {
        return Vec::new();
    }
    let in_place = columns.iter().enumerate().all(|(place, &index)| {
        let competence = place / 2;
        match (&slots[index], place % 2) {
            (Slot::Level(named), 0) | (Slot::Pix(named), 1) => *named == competence,
            (Slot::UnnamedLevel, 0) | (Slot::UnnamedPix, 1) | (Slot::Unknown, _) => true,
            _ => false,
        }
    });
    if !in_place {
        return Vec::new();
    }
    let mut by_position = Vec::new();
    for competence in 0..COMPETENCE_COUNT {
        let (level, points) = (columns[2 * competence], columns[2 * competence + 1]);
        let named = levels[competence] == Some(level) && pix[competence] == Some(points);
        if !named {
            levels[competence] = Some(level);
            pix[competence] = Some(points);
            by_position.push(competence);
        }
    }
    by_position
}

/// A header without the participants' name columns that still has a Pix export's shape:
/// `ID Campagne` (which the Dutch and Spanish exports keep in French), or 16 pairs of
/// columns at the end whose headers alternate between two shared beginnings (the levels and
/// pix of the 16 competences, in any language).
fn looks_like_a_pix_export(labels: &[String], slots: &[Slot]) -> bool {
    if slots.contains(&Slot::Role(Role::CampaignId)) {
        return true;
    }
    let pairs = 2 * COMPETENCE_COUNT;
    if labels.len() < pairs + 4 {
        return false;
    }
    let tail = &labels[labels.len() - pairs..];
    let first_words = |label: &str| -> String {
        fold(label)
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (even, odd) = (first_words(&tail[0]), first_words(&tail[1]));
    even != odd
        && tail.iter().enumerate().all(|(place, label)| {
            first_words(label)
                == if place % 2 == 0 {
                    even.as_str()
                } else {
                    odd.as_str()
                }
        })
}

/// Unknown columns after the first result column (the external id excluded).
fn unread_result_columns<'s>(
    slots: &'s [Slot],
    find: &dyn Fn(Role) -> Option<usize>,
    external_id: Option<usize>,
) -> impl Iterator<Item = usize> + 's {
    let start = RESULT_ROLES
        .into_iter()
        .filter_map(find)
        .min()
        .unwrap_or(slots.len());
    (start..slots.len())
        .filter(move |&index| slots[index] == Slot::Unknown && Some(index) != external_id)
}

/// The first columns of the results, after the participant's.
const RESULT_ROLES: [Role; 7] = [
    Role::Sent,
    Role::SentAt,
    Role::TotalPix,
    Role::Progress,
    Role::StartedAt,
    Role::Shared,
    Role::SharedAt,
];

/// The campaign's external id has a free label, so it is found by position: the last
/// unknown column between the participant's columns and the first result column.
/// (Extra import columns sit there too, but before `Classe`/`Groupe`/`Numéro Étudiant`.)
fn external_id_column(slots: &[Slot], find: &dyn Fn(Role) -> Option<usize>) -> Option<usize> {
    let start = [Role::First, Role::Class, Role::Group, Role::StudentNumber]
        .into_iter()
        .filter_map(find)
        .max()?
        + 1;
    let end = RESULT_ROLES
        .into_iter()
        .filter_map(find)
        .min()
        .unwrap_or(slots.len());
    (start..end.min(slots.len()))
        .rev()
        .find(|&index| slots[index] == Slot::Unknown)
}

/// Labels schools give an external id that holds the class.
fn label_says_class(label: &str) -> bool {
    fold(label)
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|word| matches!(word, "classe" | "class" | "classes" | "division" | "div"))
}

/// One record seen through its columns, with typed accessors that report the cell at fault.
#[derive(Clone, Copy, Debug)]
pub struct Row<'r> {
    pub record: &'r Record,
    pub line: u32,
    pub columns: &'r Columns,
}

/// A cell that does not hold what its column should.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    pub line: u32,
    pub column: String,
    pub value: String,
}

impl<'r> Row<'r> {
    /// The cell trimmed, `""` when the record is shorter.
    #[inline]
    pub fn raw(&self, column: usize) -> &'r str {
        self.record.get(column).map_or("", trim_cell)
    }

    /// A text value as typed, without Pix's formula guard.
    #[inline]
    pub fn text(&self, column: usize) -> &'r str {
        strip_formula_guard(self.raw(column))
    }

    /// A text value, `None` when empty.
    pub fn optional_text(&self, column: Option<usize>) -> Option<String> {
        self.optional(column).map(str::to_owned)
    }

    /// `optional_text`, borrowed from the record.
    fn optional(&self, column: Option<usize>) -> Option<&'r str> {
        column
            .map(|column| self.text(column))
            .filter(|text| !text.is_empty())
    }

    /// Who the row is about. The class comes from `Classe`, else `Groupe`, else an external
    /// id whose label says class, kept as typed.
    pub fn learner(&self) -> Learner {
        let columns = self.columns;
        let external_id = self.optional(columns.external_id);
        let class = self
            .optional(columns.class)
            .or_else(|| self.optional(columns.group))
            .or_else(|| external_id.filter(|_| columns.external_id_is_class));
        Learner::new(
            self.text(columns.last),
            self.text(columns.first),
            class,
            self.optional_text(columns.student_number),
            external_id.map(str::to_owned),
        )
    }

    pub fn error(&self, column: usize) -> CellError {
        CellError {
            line: self.line,
            column: self.columns.label(column).to_owned(),
            value: self.raw(column).to_owned(),
        }
    }

    /// `None` for `NA` or an empty cell, an error for anything else that is not an integer
    /// up to `max`. Most cells are a few bare digits, decided inline with no trimming nor
    /// `NA` check; anything else goes out of line to `integer_in_full`, which reads spaces
    /// and reports the error.
    #[inline(always)]
    pub fn integer(&self, column: usize, max: u64) -> Result<Option<u64>, CellError> {
        match small_integer(self.record.bytes(column)) {
            Some(value) if value <= max => Ok(Some(value)),
            _ => self.integer_in_full(column, max),
        }
    }

    /// Like `integer`, but the value must be there. The 32 level and pix cells of a profile
    /// row come this way, most of its cells. Counted with callgrind on the 50,000-row bench
    /// export: 56 instructions a cell when the whole function was one call, a sixth of the
    /// import.
    #[inline(always)]
    pub fn required_integer(&self, column: usize, max: u64) -> Result<u64, CellError> {
        match small_integer(self.record.bytes(column)) {
            Some(value) if value <= max => Ok(value),
            _ => self.required_integer_out_of_line(column, max),
        }
    }

    #[cold]
    #[inline(never)]
    fn required_integer_out_of_line(&self, column: usize, max: u64) -> Result<u64, CellError> {
        self.integer_in_full(column, max)?
            .ok_or_else(|| self.error(column))
    }

    #[inline(never)]
    fn integer_in_full(&self, column: usize, max: u64) -> Result<Option<u64>, CellError> {
        let raw = self.raw(column);
        if is_not_available(raw) {
            return Ok(None);
        }
        match parse_integer(raw) {
            Some(value) if value <= max => Ok(Some(value)),
            _ => Err(self.error(column)),
        }
    }

    pub fn yes_no(&self, column: usize) -> Result<Option<bool>, CellError> {
        // What Pix writes, decided without trimming nor case folding.
        match self.record.bytes(column) {
            b"Oui" => return Ok(Some(true)),
            b"Non" => return Ok(Some(false)),
            _ => {}
        }
        let raw = self.raw(column);
        if is_not_available(raw) {
            return Ok(None);
        }
        parse_yes_no(raw)
            .map(Some)
            .ok_or_else(|| self.error(column))
    }

    pub fn date(&self, column: usize) -> Result<Option<LocalDateTime>, CellError> {
        if let Some(date) = parse_pix_date(self.record.bytes(column)) {
            return Ok(Some(date));
        }
        let raw = self.raw(column);
        if is_not_available(raw) {
            return Ok(None);
        }
        parse_date(raw).map(Some).ok_or_else(|| self.error(column))
    }

    /// A rate between 0 and 1 (`0,67`, `0.67`, or `67 %` from a spreadsheet).
    pub fn fraction(&self, column: usize) -> Result<Option<f32>, CellError> {
        let raw = self.raw(column);
        if is_not_available(raw) {
            return Ok(None);
        }
        parse_fraction(raw)
            .map(Some)
            .ok_or_else(|| self.error(column))
    }
}

/// `str::trim`, with a shortcut for the usual cell that starts and ends with a visible ASCII
/// character: Unicode-aware trimming of every cell was a tenth of the import time.
#[inline]
fn trim_cell(cell: &str) -> &str {
    match (cell.as_bytes().first(), cell.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        _ => cell.trim(),
    }
}

/// Pix writes `NA` where a value does not apply; spreadsheets may leave the cell empty.
pub fn is_not_available(value: &str) -> bool {
    value.is_empty() || value.eq_ignore_ascii_case("na") || value.eq_ignore_ascii_case("n/a")
}

/// One to four ASCII digits, nothing else.
#[inline(always)]
fn small_integer(cell: &[u8]) -> Option<u64> {
    if cell.is_empty() || cell.len() > 4 {
        return None;
    }
    let mut value = 0u64;
    for &byte in cell {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value = value * 10 + u64::from(digit);
    }
    Some(value)
}

/// A non-negative integer; spaces used as thousands separators by spreadsheets are allowed.
pub fn parse_integer(value: &str) -> Option<u64> {
    // The usual cell: a few ASCII digits and nothing else.
    if !value.is_empty() && value.len() <= 19 && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .bytes()
                .fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0')),
        );
    }
    let mut result: u64 = 0;
    let mut digits = 0;
    for ch in value.trim().chars() {
        match ch {
            '0'..='9' => {
                result = result
                    .checked_mul(10)?
                    .checked_add(u64::from(ch as u8 - b'0'))?;
                digits += 1;
            }
            ' ' | '\u{a0}' | '\u{202f}' if digits > 0 => {}
            _ => return None,
        }
    }
    (digits > 0).then_some(result)
}

/// A decimal with a comma or a point, optionally a percentage; must lie between 0 and 1.
pub fn parse_fraction(value: &str) -> Option<f32> {
    let value = value.trim();
    let (number, percent) = match value.strip_suffix('%') {
        Some(number) => (number.trim_end(), true),
        None => (value, false),
    };
    let (whole, decimals) = match number.find([',', '.']) {
        Some(at) => (&number[..at], &number[at + 1..]),
        None => (number, ""),
    };
    if whole.is_empty() && decimals.is_empty() {
        return None;
    }
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !all_digits(decimals) || whole.len() > 6 || decimals.len() > 9 {
        return None;
    }
    let mut result = whole
        .bytes()
        .fold(0.0f64, |acc, b| acc * 10.0 + f64::from(b - b'0'));
    let mut scale = 0.1;
    for digit in decimals.bytes() {
        result += f64::from(digit - b'0') * scale;
        scale /= 10.0;
    }
    if percent {
        result /= 100.0;
    }
    (0.0..=1.0 + 1e-9)
        .contains(&result)
        .then_some(result.min(1.0) as f32)
}

pub fn parse_yes_no(value: &str) -> Option<bool> {
    let value = value.trim();
    const YES: [&str; 4] = ["oui", "o", "yes", "y"];
    const NO: [&str; 4] = ["non", "n", "no", "n"];
    if YES.iter().any(|yes| value.eq_ignore_ascii_case(yes)) {
        Some(true)
    } else if NO.iter().any(|no| value.eq_ignore_ascii_case(no)) {
        Some(false)
    } else {
        None
    }
}

/// `DD/MM/YYYY HH:mm` (current exports; a spreadsheet re-save may drop leading zeros or
/// add seconds) or `YYYY-MM-DD` (before December 2024), optionally with a time.
pub fn parse_date(value: &str) -> Option<LocalDateTime> {
    let value = value.trim();
    if let Some(date) = parse_pix_date(value.as_bytes()) {
        return Some(date);
    }
    let (date, time) = match value.find([' ', 'T']) {
        Some(at) => (&value[..at], Some(value[at + 1..].trim())),
        None => (value, None),
    };
    let numbers = |text: &str, separator: char| -> Option<[u32; 3]> {
        let mut parts = text.split(separator);
        let mut out = [0u32; 3];
        for slot in &mut out {
            let part = parts.next()?;
            if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            *slot = part.parse().ok()?;
        }
        parts.next().is_none().then_some(out)
    };
    let (year, month, day) = if date.contains('/') {
        let [day, month, year] = numbers(date, '/')?;
        let year = if year < 100 { 2000 + year } else { year };
        (year, month, day)
    } else {
        let [year, month, day] = numbers(date, '-')?;
        (year, month, day)
    };
    if !(1970..=2200).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let minutes = match time.filter(|time| !time.is_empty()) {
        None => None,
        Some(time) => Some(parse_time(time)?),
    };
    Some(LocalDateTime {
        year: u16::try_from(year).ok()?,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
        minutes,
    })
}

/// The exact shape Pix writes, `DD/MM/YYYY HH:mm`, without splitting strings.
fn parse_pix_date(bytes: &[u8]) -> Option<LocalDateTime> {
    let [d1, d2, b'/', m1, m2, b'/', y1, y2, y3, y4, b' ', h1, h2, b':', n1, n2] = *bytes else {
        return None;
    };
    let digits = [d1, d2, m1, m2, y1, y2, y3, y4, h1, h2, n1, n2].map(|b| b.wrapping_sub(b'0'));
    if digits.iter().any(|&digit| digit > 9) {
        return None;
    }
    let pair = |at: usize| u32::from(digits[at]) * 10 + u32::from(digits[at + 1]);
    let (day, month, year) = (pair(0), pair(2), pair(4) * 100 + pair(6));
    let (hours, minutes) = (pair(8), pair(10));
    let valid = (1970..=2200).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
        && hours < 24
        && minutes < 60;
    valid.then_some(LocalDateTime {
        year: year as u16,
        month: month as u8,
        day: day as u8,
        minutes: Some((hours * 60 + minutes) as u16),
    })
}

/// `HH:mm`, `H:mm` or `HH:mm:ss` (seconds ignored), minutes since midnight.
fn parse_time(time: &str) -> Option<u16> {
    let time = time.trim_end_matches('Z');
    let time = time.split('.').next().unwrap_or(time);
    let mut parts = time.split(':');
    let mut field = |max: u16| -> Option<u16> {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value: u16 = part.parse().ok()?;
        (value <= max).then_some(value)
    };
    let hours = field(23)?;
    let minutes = field(59)?;
    if let Some(seconds) = parts.next() {
        if seconds.len() != 2 || !seconds.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    if parts.next().is_some() {
        return None;
    }
    Some(hours * 60 + minutes)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|label| label.to_string()).collect()
    }

    fn profile_header(extra: &[&str]) -> Vec<String> {
        let mut labels: Vec<String> = [
            "Nom de l'organisation",
            "ID Campagne",
            "Nom de la campagne",
            "Nom du Participant",
            "Prénom du Participant",
        ]
        .map(String::from)
        .to_vec();
        labels.extend(extra.iter().map(|label| label.to_string()));
        labels.extend(
            [
                "Envoi (O/N)",
                "Date de l'envoi",
                "Nombre de pix total",
                "Certifiable (O/N)",
                "Nombre de compétences certifiables",
            ]
            .map(String::from),
        );
        for competence in COMPETENCES {
            labels.push(format!("Niveau pour la compétence {}", competence.name));
            labels.push(format!(
                "Nombre de pix pour la compétence {}",
                competence.name
            ));
        }
        labels
    }

    fn map(labels: &[String]) -> Result<Columns, HeaderError> {
        map_columns(labels)
    }

    #[test]
    fn competence_names_match_whatever_the_apostrophes_and_accents() {
        let keys = CompetenceKeys::new();
        let competence_of = |name: &str| keys.find(name);
        assert_eq!(
            competence_of(&fold("Mener une recherche et une veille d'information")),
            Some(0)
        );
        assert_eq!(
            competence_of(&fold("PROTEGER LA SANTE, LE BIEN-ETRE ET L’ENVIRONNEMENT")),
            Some(13)
        );
        assert_eq!(
            competence_of(&fold("Développer des documents multimédia")),
            Some(8)
        );
        assert_eq!(
            competence_of(&fold("Building a digital environment")),
            Some(15)
        );
    }

    #[test]
    fn html_entities_are_decoded_before_matching_and_showing() {
        assert_eq!(
            decode_html_entities("Recherche d&#39;information &amp; veille"),
            "Recherche d'information & veille"
        );
        assert_eq!(
            decode_html_entities("&lt;a&gt; &quot;b&quot; &#x2F; &#x60; &#x3D; &#X41;"),
            "<a> \"b\" / ` = A"
        );
        // Not an entity: left as typed.
        assert_eq!(
            decode_html_entities("R&D; A & B &#xZZ; &"),
            "R&D; A & B &#xZZ; &"
        );
        let assessment = header(&[
            "Nom de l&#39;organisation",
            "ID Campagne",
            "Nom de la campagne",
            "Parcours",
            "Nom du Participant",
            "Prénom du Participant",
            "Partage (O/N)",
            "Recherche d&#39;information &amp; veille obtenu (O/N)",
            "% maitrise de l&#39;ensemble des acquis du profil",
            "% de maitrise des acquis du domaine Information &amp; donn&#xE9;es",
        ]);
        let columns = map_columns(&assessment).unwrap();
        let Layout::Assessment(layout) = &columns.layout else {
            panic!("an assessment");
        };
        assert_eq!(
            layout.badges,
            [("Recherche d'information & veille".to_owned(), 7)]
        );
        assert_eq!(layout.domains[0].name, "Information & données");
        assert_eq!(columns.label(0), "Nom de l'organisation");
    }

    #[test]
    fn guarded_and_unquoted_header_cells_are_read_like_data() {
        // The reader gives `'=Classe ENT` for `"'=Classe ENT"` and `2025-2026` unquoted.
        let columns = map(&profile_header(&["Classe", "'=Classe ENT"])).unwrap();
        assert_eq!(columns.external_id_label(), Some("=Classe ENT"));
        let columns = map(&profile_header(&["2025-2026"])).unwrap();
        assert_eq!(columns.external_id_label(), Some("2025-2026"));
        // A `'` before anything else is part of the label.
        let columns = map(&profile_header(&["'Classe"])).unwrap();
        assert_eq!(columns.external_id_label(), Some("'Classe"));
    }

    #[test]
    fn newest_english_date_headers() {
        let labels = header(&[
            "Organisation’s name",
            "Campaign ID",
            "Campaign's name",
            "Target profile’s name",
            "Participant's last name",
            "Participant's first name",
            "% of progression",
            "Started on (Europe/Paris)",
            "Shared (Y/N)",
            "Shared on (Europe/Paris)",
            "% of items successfully completed in the target profile",
            "% of items successfully completed in the competence area Information and data",
            "% of items successfully completed in the competence Managing data",
        ]);
        let columns = map_columns(&labels).unwrap();
        let Layout::Assessment(layout) = &columns.layout else {
            panic!("an assessment");
        };
        assert_eq!(
            (layout.started_at, layout.shared_at, columns.target_profile),
            (Some(7), Some(9), Some(3))
        );
        assert_eq!(layout.domains[0].name, "Information and data");
        assert_eq!(layout.competences[0].name, "Managing data");
        let mut labels = profile_header(&[]);
        labels[6] = "Sent on (Europe/Paris)".into();
        let Layout::Profiles(profile) = map(&labels).unwrap().layout else {
            panic!("profiles");
        };
        assert_eq!(profile.sent_at, 6);
    }

    #[test]
    fn competences_are_identified_by_their_place_when_their_names_are_unknown() {
        // Known prefixes, unknown names: one renamed competence, or all sixteen.
        let mut labels = profile_header(&[]);
        let first = labels.len() - 32;
        labels[first + 2 * 10] = "Niveau pour la compétence Coder".into();
        labels[first + 2 * 10 + 1] = "Nombre de pix pour la compétence Coder".into();
        let columns = map(&labels).unwrap();
        assert_eq!(columns.competences_by_position, [10]);
        let Layout::Profiles(profile) = &columns.layout else {
            panic!("profiles");
        };
        assert_eq!(profile.levels[10], first + 20);
        assert_eq!(profile.pix[10], first + 21);
        // Unknown prefixes too: the 32 columns after the last profile column.
        let mut labels = profile_header(&[]);
        for (place, label) in labels[first..].iter_mut().enumerate() {
            *label = format!(
                "{} {}",
                if place % 2 == 0 { "Stufe" } else { "Punkte" },
                place / 2
            );
        }
        let columns = map(&labels).unwrap();
        assert_eq!(columns.competences_by_position, (0..16).collect::<Vec<_>>());
        // A recognised name out of its place: nothing is guessed, the columns are named.
        let mut labels = profile_header(&[]);
        labels[first + 2 * 10] = "Niveau pour la compétence Interagir".into();
        assert!(matches!(
            map(&labels),
            Err(HeaderError::MissingColumns { .. })
        ));
        // 31 columns: nothing is guessed either.
        let mut labels = profile_header(&[]);
        labels[first] = "Niveau pour la compétence Chercher".into();
        labels.pop();
        assert!(matches!(
            map(&labels),
            Err(HeaderError::MissingColumns { .. })
        ));
    }

    #[test]
    fn a_header_in_another_language_is_said_to_be_one() {
        // Spanish keeps `ID Campagne`; German-like headers keep the 16 pairs' shape.
        let spanish = header(&[
            "Nombre de la organización",
            "ID Campagne",
            "Código",
            "Nombre del participante",
            "Enviar (sí/no)",
        ]);
        assert_eq!(map(&spanish), Err(HeaderError::UnknownLanguage));
        let mut other: Vec<String> = ["Organisation", "Kampagne", "Name", "Vorname", "Gesendet"]
            .map(String::from)
            .to_vec();
        for competence in 0..16 {
            other.push(format!("Stufe der Kompetenz {competence}"));
            other.push(format!("Pix der Kompetenz {competence}"));
        }
        assert_eq!(map(&other), Err(HeaderError::UnknownLanguage));
        // Another table stays another table.
        assert!(matches!(
            map(&header(&["Nom", "Prénom", "Moyenne"])),
            Err(HeaderError::NotPixExport { .. })
        ));
    }

    #[test]
    fn unknown_result_columns_are_listed_not_dropped() {
        let labels = header(&[
            "Nom de l'organisation",
            "ID Campagne",
            "Nom de la campagne",
            "Parcours",
            "Nom du Participant",
            "Prénom du Participant",
            "Adresse e-mail",
            "Partage (O/N)",
            "Palier obtenu (/3)",
            "Veille verkregen (J/N)",
            "% maitrise de l'ensemble des acquis du profil",
        ]);
        let columns = map_columns(&labels).unwrap();
        assert_eq!(columns.external_id_label(), Some("Adresse e-mail"));
        assert_eq!(columns.unread, ["Veille verkregen (J/N)"]);
    }

    #[test]
    fn old_profile_header_without_code_nor_class() {
        let columns = map(&profile_header(&[])).unwrap();
        assert_eq!(columns.kind(), CampaignKind::ProfilesCollection);
        assert_eq!(columns.code, None);
        assert_eq!(columns.class, None);
        assert_eq!(columns.external_id, None);
    }

    #[test]
    fn external_id_is_the_unknown_column_before_the_results() {
        let columns = map(&profile_header(&["Classe", "Adresse e-mail"])).unwrap();
        assert_eq!(columns.class, Some(5));
        assert_eq!(columns.external_id_label(), Some("Adresse e-mail"));
        assert!(!columns.external_id_is_class);
        let columns = map(&profile_header(&["Division de l'élève"])).unwrap();
        assert_eq!(columns.class, None);
        assert!(columns.external_id_is_class);
    }

    #[test]
    fn a_second_classe_column_is_the_external_id() {
        let columns = map(&profile_header(&["Classe", "Classe"])).unwrap();
        assert_eq!(columns.class, Some(5));
        assert_eq!(columns.external_id, Some(6));
        assert!(columns.external_id_is_class);
    }

    #[test]
    fn another_table_is_not_a_pix_export() {
        let error = map_columns(&header(&["Nom", "Prénom", "Moyenne"])).unwrap_err();
        assert!(matches!(error, HeaderError::NotPixExport { .. }));
    }

    #[test]
    fn a_missing_competence_column_is_named() {
        let mut labels = profile_header(&[]);
        labels.retain(|label| !label.starts_with("Nombre de pix pour la compétence Programmer"));
        match map(&labels).unwrap_err() {
            HeaderError::MissingColumns { kind, missing } => {
                assert_eq!(kind, CampaignKind::ProfilesCollection);
                assert_eq!(missing, ["Nombre de pix pour la compétence Programmer"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn assessment_columns_stage_badges_and_masteries() {
        let labels = header(&[
            "Nom de l'organisation",
            "ID Campagne",
            "Nom de la campagne",
            "Nom du Profil Cible",
            "Nom du Participant",
            "Prénom du Participant",
            "% de progression",
            "Date de début",
            "Partage (O/N)",
            "Date du partage",
            "Palier obtenu (/3)",
            "Bases de la sécurité numérique obtenu (O/N)",
            "% maitrise de l'ensemble des acquis du profil",
            "% de maitrise des acquis de la compétence Interagir",
            "Nombre d'acquis du profil cible dans la compétence Interagir",
            "Acquis maitrisés dans la compétence Interagir",
            "% de maitrise des acquis du domaine Communication et collaboration",
            "Nombre d'acquis du profil cible du domaine Communication et collaboration",
            "Acquis maitrisés du domaine Communication et collaboration",
        ]);
        let columns = map_columns(&labels).unwrap();
        let Layout::Assessment(assessment) = &columns.layout else {
            panic!("not an assessment");
        };
        assert_eq!(columns.target_profile, Some(3));
        assert_eq!(assessment.stage, Some((10, 3)));
        assert_eq!(
            assessment.badges,
            [("Bases de la sécurité numérique".to_string(), 11)]
        );
        assert_eq!(assessment.competences[0].name, "Interagir");
        assert_eq!(
            (
                assessment.competences[0].rate,
                assessment.competences[0].targeted,
                assessment.competences[0].validated
            ),
            (Some(13), Some(14), Some(15))
        );
        assert_eq!(assessment.domains[0].name, "Communication et collaboration");
        assert_eq!(columns.external_id, None);
    }

    /// Why: a number cell is read inline when it is a few bare digits, and anything else
    /// must still get the general path's reading and its error.
    #[test]
    fn level_cells_inline_and_out_of_line_agree() {
        let columns = map(&profile_header(&[])).unwrap();
        let Layout::Profiles(profile) = &columns.layout else {
            panic!("a profiles header");
        };
        let level = profile.levels[0];
        let read = |cell: &str| {
            let mut cells = vec!["x"; columns.labels.len()];
            cells[level] = cell;
            let line = cells.join(";");
            let mut reader = crate::import::dialect::Reader::new(&line, b';');
            let mut record = Record::new();
            reader.next_record(&mut record).unwrap();
            let row = Row {
                record: &record,
                line: 7,
                columns: &columns,
            };
            (row.required_integer(level, 8), row.integer(level, 8))
        };
        for (cell, value) in [("3", 3), ("08", 8), (" 5 ", 5), ("0008", 8)] {
            assert_eq!(read(cell), (Ok(value), Ok(Some(value))), "{cell:?}");
        }
        // An optional cell may say that it does not apply; a required one may not.
        for not_available in ["", "NA", " n/a "] {
            let (required, optional) = read(not_available);
            assert_eq!(required.unwrap_err().value, not_available.trim());
            assert_eq!(optional, Ok(None), "{not_available:?}");
        }
        for refused in ["9", "12", "douze", "-1", "10000"] {
            let (required, optional) = read(refused);
            assert_eq!(required, optional.map(Option::unwrap), "{refused:?}");
            let error = required.unwrap_err();
            assert_eq!(error.line, 7, "{refused:?}");
            assert_eq!(error.value, refused, "{refused:?}");
            assert_eq!(error.column, columns.labels[level], "{refused:?}");
        }
    }

    #[test]
    fn numbers_dates_and_answers() {
        assert_eq!(parse_integer("1 024"), Some(1024));
        assert_eq!(parse_integer("douze"), None);
        assert_eq!(parse_integer("-1"), None);
        assert_eq!(parse_fraction("0,67"), Some(0.67));
        assert_eq!(parse_fraction("0.5"), Some(0.5));
        assert_eq!(parse_fraction("1"), Some(1.0));
        assert_eq!(parse_fraction("67 %"), Some(0.67));
        assert_eq!(parse_fraction("1,5"), None);
        assert_eq!(parse_fraction(","), None);
        assert_eq!(parse_yes_no("Oui"), Some(true));
        assert_eq!(parse_yes_no("No"), Some(false));
        assert_eq!(parse_yes_no("peut-être"), None);
        let iso = |value: &str| parse_date(value).map(|date| date.iso());
        assert_eq!(iso("02/03/2019 00:04").as_deref(), Some("2019-03-02T00:04"));
        assert_eq!(iso("3/09/2025 15:00").as_deref(), Some("2025-09-03T15:00"));
        assert_eq!(iso("3/9/2025 8:05:59").as_deref(), Some("2025-09-03T08:05"));
        assert_eq!(iso("2020-09-15").as_deref(), Some("2020-09-15"));
        assert_eq!(
            iso("2020-09-15T10:30:00.000Z").as_deref(),
            Some("2020-09-15T10:30")
        );
        assert_eq!(iso("31/02/2025 10:00"), None);
        assert_eq!(iso("15/09/2025 24:00"), None);
        assert_eq!(iso("hier"), None);
        assert_eq!(iso("01/09/2025 16:0a"), None);
        assert_eq!(iso("29/02/2024 23:59").as_deref(), Some("2024-02-29T23:59"));
        assert_eq!(iso("29/02/2025 10:00"), None);
    }
}
