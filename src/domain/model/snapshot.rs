//! What one imported export becomes: a campaign snapshot, with typed rows.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::competences::{self, Levels, COMPETENCE_COUNT};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CampaignKind {
    ProfilesCollection,
    Assessment,
}

impl CampaignKind {
    /// Value of the `data-kind` hook and of the URL.
    pub fn slug(self) -> &'static str {
        match self {
            CampaignKind::ProfilesCollection => "profiles-collection",
            CampaignKind::Assessment => "assessment",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    /// `ID Campagne`: the identity of a campaign across snapshots.
    pub id: u64,
    /// `Code`: absent from exports made before June 2023.
    pub code: Option<String>,
    pub name: String,
    pub organisation: String,
    pub kind: CampaignKind,
    /// `Parcours` / `Nom du Profil Cible`, assessments only.
    pub target_profile: Option<String>,
}

/// A local (Europe/Paris) date, with the time when the export gives one
/// (exports before December 2024 carry the date only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LocalDateTime {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    /// Minutes since midnight, `None` for date-only values.
    pub minutes: Option<u16>,
}

impl LocalDateTime {
    /// `2025-09-01T16:00`, or `2020-09-15` for date-only values.
    pub fn iso(&self) -> String {
        let date = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        match self.minutes {
            Some(minutes) => format!("{date}T{:02}:{:02}", minutes / 60, minutes % 60),
            None => date,
        }
    }

    /// `01/09/2025`, as Pix Orga shows dates.
    pub fn french_date(&self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// `01/09/2025 16:00`, or the date alone when the time is unknown.
    pub fn french(&self) -> String {
        match self.minutes {
            Some(minutes) => format!(
                "{} {:02}:{:02}",
                self.french_date(),
                minutes / 60,
                minutes % 60
            ),
            None => self.french_date(),
        }
    }
}

/// Who a row is about. Every field is shown as typed in the export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Learner {
    /// Last name, first name and class in one allocation (see `last`, `first`, `class`): an
    /// import builds a learner per row (three strings each: 5 % more instructions per
    /// import, measured natively).
    names: String,
    parts: Parts,
    pub student_number: Option<String>,
    pub external_id: Option<String>,
}

/// A learner is stored as its five fields, as the first stored format (serde's JSON of the
/// model, version 1) had them, not as the joined text it keeps in memory for speed: the
/// stored form then does not depend on that layout, and version 1 snapshots read as they are.
#[derive(Serialize)]
#[serde(rename = "Learner")]
struct LearnerFieldsRef<'a> {
    last: &'a str,
    first: &'a str,
    class: Option<&'a str>,
    student_number: &'a Option<String>,
    external_id: &'a Option<String>,
}

/// Borrowed where the format allows (postcard, JSON without escapes): the names are joined
/// into the learner's own text anyway, so each row saves three allocations when loading.
#[derive(Deserialize)]
#[serde(rename = "Learner")]
struct LearnerFields<'a> {
    #[serde(borrow)]
    last: Cow<'a, str>,
    #[serde(borrow)]
    first: Cow<'a, str>,
    #[serde(borrow)]
    class: Option<Cow<'a, str>>,
    student_number: Option<String>,
    external_id: Option<String>,
}

impl Serialize for Learner {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LearnerFieldsRef {
            last: self.last(),
            first: self.first(),
            class: self.class(),
            student_number: &self.student_number,
            external_id: &self.external_id,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Learner {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = LearnerFields::<'de>::deserialize(deserializer)?;
        Ok(Learner::new(
            &fields.last,
            &fields.first,
            fields.class.as_deref(),
            fields.student_number,
            fields.external_id,
        ))
    }
}

impl Learner {
    /// `class`: from `Classe`, else `Groupe`, else an external id whose label says class;
    /// as typed, an empty one being no class.
    pub fn new(
        last: &str,
        first: &str,
        class: Option<&str>,
        student_number: Option<String>,
        external_id: Option<String>,
    ) -> Self {
        let (names, parts) = Parts::join([last, first, class.unwrap_or_default()]);
        Learner {
            names,
            parts,
            student_number,
            external_id,
        }
    }

    pub fn last(&self) -> &str {
        self.parts.last(&self.names)
    }

    pub fn first(&self) -> &str {
        self.parts.first(&self.names)
    }

    pub fn class(&self) -> Option<&str> {
        Some(self.parts.class(&self.names)).filter(|class| !class.is_empty())
    }

    /// A copy of the joined last name, first name and class, with their places: a copy of
    /// one string costs less than joining the three again.
    pub fn joined_names(&self) -> (String, Parts) {
        (self.names.clone(), self.parts)
    }
}

/// Where the second and third of three texts joined by U+001F start: last name, first name,
/// class. The texts may hold U+001F themselves: the places, not the separators, tell them
/// apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    first_start: u32,
    class_start: u32,
}

impl Parts {
    /// The three texts joined.
    pub fn join(parts: [&str; 3]) -> (String, Self) {
        Self::join_with(parts, |name, text| text.push_str(name))
    }

    /// `join`, the last and first names written by `write_name` (folded, for a key); the
    /// class is written as given.
    pub fn join_with(
        [last, first, class]: [&str; 3],
        mut write_name: impl FnMut(&str, &mut String),
    ) -> (String, Self) {
        // Sized at creation: an empty string's first `reserve` takes the growth path.
        let mut text = String::with_capacity(last.len() + first.len() + class.len() + 2);
        write_name(last, &mut text);
        text.push('\u{1f}');
        let first_start = text.len() as u32;
        write_name(first, &mut text);
        text.push('\u{1f}');
        let class_start = text.len() as u32;
        text.push_str(class);
        let parts = Parts {
            first_start,
            class_start,
        };
        (text, parts)
    }

    pub fn last<'t>(&self, text: &'t str) -> &'t str {
        text.get(..(self.first_start as usize).saturating_sub(1))
            .unwrap_or_default()
    }

    pub fn first<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.first_start as usize..(self.class_start as usize).saturating_sub(1))
            .unwrap_or_default()
    }

    pub fn class<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.class_start as usize..).unwrap_or_default()
    }

    /// Last and first name with their separator.
    pub fn names<'t>(&self, text: &'t str) -> &'t str {
        text.get(..(self.class_start as usize).saturating_sub(1))
            .unwrap_or_default()
    }
}

/// A sent profile: the 16 levels and pix as they were when the student sent it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub sent_at: LocalDateTime,
    /// `Nombre de pix total` as given: it may differ from the sum of the competences.
    pub total_pix: u32,
    pub levels: Levels,
    pub pix: [u8; COMPETENCE_COUNT],
    /// What the export itself says (`Certifiable (O/N)`, `Nombre de compétences certifiables`),
    /// kept only to flag rows where it disagrees with the levels.
    pub file_certifiable: Option<bool>,
    pub file_certifiable_count: Option<u8>,
}

impl Profile {
    pub fn certifiable_count(&self) -> u8 {
        competences::certifiable_competence_count(&self.levels)
    }

    /// Recomputed from the levels, never copied from the file.
    pub fn is_certifiable(&self) -> bool {
        competences::is_certifiable(&self.levels)
    }

    pub fn missing_to_certify(&self) -> u8 {
        competences::missing_to_certify(&self.levels)
    }

    /// The export's own certifiability columns disagree with its levels.
    pub fn is_inconsistent(&self) -> bool {
        self.file_certifiable
            .is_some_and(|given| given != self.is_certifiable())
            || self
                .file_certifiable_count
                .is_some_and(|given| given != self.certifiable_count())
    }
}

/// One row of a profiles-collection export: one participation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRow {
    /// 1-based line of the row in the file (for messages).
    pub line: u32,
    pub learner: Learner,
    /// `None` when the participant has not sent the profile (`Envoi (O/N)` = `Non`).
    pub profile: Option<Profile>,
}

/// One competence or domain result of an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mastery {
    /// Fraction between 0 and 1.
    pub rate: f32,
    pub targeted: u16,
    pub validated: u16,
}

/// One row of an assessment export: one participation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssessmentRow {
    pub line: u32,
    pub learner: Learner,
    /// `% de progression`, a fraction; absent for EXAM campaigns.
    pub progress: Option<f32>,
    pub started_at: Option<LocalDateTime>,
    pub shared: bool,
    pub shared_at: Option<LocalDateTime>,
    /// `Palier obtenu (/N)`, when the target profile has stages and the result is shared.
    pub stage: Option<u8>,
    /// `% maitrise de l'ensemble des acquis du profil`, when shared.
    pub mastery: Option<f32>,
    /// One per `AssessmentSheet::badges`, `None` when not shared.
    pub badges: Vec<Option<bool>>,
    /// One per `AssessmentSheet::competences`.
    pub competences: Vec<Option<Mastery>>,
    /// One per `AssessmentSheet::domains`.
    pub domains: Vec<Option<Mastery>>,
}

/// The columns an assessment export has beyond the fixed ones.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AssessmentSheet {
    /// N in `Palier obtenu (/N)`.
    pub stage_max: Option<u8>,
    pub badges: Vec<String>,
    /// Competence names as in the headers (the target profile's, not always the 16).
    pub competences: Vec<String>,
    pub domains: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Rows {
    Profiles(Vec<ProfileRow>),
    Assessment {
        sheet: AssessmentSheet,
        rows: Vec<AssessmentRow>,
    },
}

impl Rows {
    pub fn len(&self) -> usize {
        match self {
            Rows::Profiles(rows) => rows.len(),
            Rows::Assessment { rows, .. } => rows.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One imported file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignSnapshot {
    pub campaign: Campaign,
    pub file_name: String,
    /// Hash of the file's bytes: the same content dropped twice is recognised.
    pub content_hash: u64,
    /// Label of the campaign's external-id column, when the campaign asks for one.
    pub external_id_label: Option<String>,
    pub rows: Rows,
}

impl CampaignSnapshot {
    /// The latest send (or share) date in the file: the moment this snapshot describes.
    pub fn latest_activity(&self) -> Option<LocalDateTime> {
        match &self.rows {
            Rows::Profiles(rows) => rows
                .iter()
                .filter_map(|row| row.profile.as_ref().map(|p| p.sent_at))
                .max(),
            Rows::Assessment { rows, .. } => rows
                .iter()
                .filter_map(|row| row.shared_at.or(row.started_at))
                .max(),
        }
    }
}

/// Identity of a file's bytes, to recognise an export imported before. Stable across builds
/// and platforms, unlike `DefaultHasher` (bytes read as little-endian words, fixed
/// constants), so a hash stored today still recognises the same file next year.
///
/// Eight bytes per step: the byte-at-a-time FNV-1a it replaces cost ~1.5 ns per byte in
/// wasm, a tenth of a 50,000-row import. Each word is mixed in with a multiply and a shift
/// (a multiply alone only carries bits upwards); the length goes in last.
pub fn content_hash(bytes: &[u8]) -> u64 {
    content_hash_and_nul(bytes).0
}

/// `content_hash`, and whether the bytes hold a NUL (text never does): the import needs
/// both, and one pass over a large file costs less than two.
pub fn content_hash_and_nul(bytes: &[u8]) -> (u64, bool) {
    const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;
    const LOW_BITS: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mix = |hash: u64, word: u64| {
        let hash = (hash ^ word).wrapping_mul(MULTIPLIER);
        hash ^ (hash >> 29)
    };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut zero_bytes = 0;
    // `as_chunks` rather than `chunks_exact` + `copy_from_slice`: in wasm the copy was a call
    // per word.
    let (words, remainder) = bytes.as_chunks::<8>();
    for word in words {
        let word = u64::from_le_bytes(*word);
        zero_bytes |= word.wrapping_sub(LOW_BITS) & !word & HIGH_BITS;
        hash = mix(hash, word);
    }
    let mut tail = [0u8; 8];
    tail[..remainder.len()].copy_from_slice(remainder);
    hash = mix(hash, u64::from_le_bytes(tail));
    let has_nul = zero_bytes != 0 || remainder.contains(&0);
    (mix(hash, bytes.len() as u64), has_nul)
}

#[cfg(test)]
mod content_hash_tests {
    use super::{content_hash, content_hash_and_nul};

    #[test]
    fn content_hash_is_pinned() {
        // Stored hashes must keep recognising files: these values may never change.
        assert_eq!(content_hash(b""), PINNED[0]);
        assert_eq!(content_hash(b"Nom;Pr\xc3\xa9nom\n"), PINNED[1]);
        assert_eq!(content_hash(&[7u8; 1000]), PINNED[2]);
    }

    #[test]
    fn content_hash_sees_every_byte_and_the_length() {
        let base = b"0123456789abcdefghij".to_vec();
        let reference = content_hash(&base);
        for index in 0..base.len() {
            let mut changed = base.clone();
            changed[index] ^= 1;
            assert_ne!(content_hash(&changed), reference, "byte {index}");
        }
        assert_ne!(content_hash(b"ab"), content_hash(b"ab\0"));
    }

    #[test]
    fn the_nul_check_sees_every_position() {
        let mut bytes = vec![b'a'; 37];
        assert!(!content_hash_and_nul(&bytes).1);
        for at in 0..bytes.len() {
            bytes[at] = 0;
            assert_eq!(
                content_hash_and_nul(&bytes),
                (content_hash(&bytes), true),
                "{at}"
            );
            bytes[at] = b'a';
        }
        assert!(!content_hash_and_nul(&[0x80, 0x01, 0xff, 0x7f, 0x81, 0x01, 0x01, 0x01, 0xc3]).1);
    }

    const PINNED: [u64; 3] = [
        11076233172823334543,
        6497939718904386844,
        14768198631233289054,
    ];
}
