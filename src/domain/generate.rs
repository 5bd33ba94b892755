//! Deterministic, realistic Pix Orga exports of any size, for the throughput benchmark and
//! the browser capacity test: current format (UTF-8 BOM, `;`, quoted strings, LF), several
//! classes, students who sent several times (newest row first), some who never sent.
//!
//! `PixWriting` adds what Pix's newest export code also writes (`docs/pix-exports.md`
//! §1.6–§1.7): English headers, names escaped as HTML in headers, header cells unquoted or
//! guarded, rows in no particular order, `-1` stages, participations re-opened after a
//! sending, competence names Cohorte does not know. The default writes exactly what the
//! benchmark has always read.

use crate::model::competences::{COMPETENCES, COMPETENCE_COUNT, DOMAINS};

/// xorshift64*: tiny, deterministic across platforms, good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // A zero state would stay zero forever.
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..bound` (`bound` > 0).
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const LAST_NAMES: [&str; 48] = [
    "ANDRÉ",
    "BEN SAÏD",
    "BERNARD",
    "BERTRAND",
    "BLANC",
    "BONNET",
    "BOYER",
    "CHEVALIER",
    "CLÉMENT",
    "DA SILVA",
    "DAVID",
    "DIALLO",
    "DUBOIS",
    "DUPONT",
    "DURAND",
    "FAURE",
    "FONTAINE",
    "FRANÇOIS",
    "GARCIA",
    "GAUTHIER",
    "GIRARD",
    "GUÉRIN",
    "HADDAD",
    "HENRY",
    "LAMBERT",
    "LE GALL",
    "LEFEBVRE",
    "LEGRAND",
    "LEROY",
    "MARTIN",
    "MATHIEU",
    "MERCIER",
    "MICHEL",
    "MOREAU",
    "MORIN",
    "MULLER",
    "N'DIAYE",
    "NGUYEN",
    "O'BRIEN",
    "PETIT",
    "RICHARD",
    "ROBIN",
    "ROUSSEAU",
    "ROUX",
    "SIMON",
    "THOMAS",
    "TRAORÉ",
    "VINCENT",
];

const FIRST_NAMES: [&str; 48] = [
    "Adam",
    "Alice",
    "Ambre",
    "Aminata",
    "Anna",
    "Arthur",
    "Camille",
    "Chloé",
    "Élodie",
    "Elsa",
    "Emma",
    "Enzo",
    "Ethan",
    "Gabriel",
    "Hugo",
    "Inès",
    "Jade",
    "Jean-Baptiste",
    "Jules",
    "Kylian",
    "Léa",
    "Léo",
    "Lina",
    "Louise",
    "Louis",
    "Lucas",
    "Maël",
    "Maëlys",
    "Manon",
    "Mathis",
    "Mila",
    "Nathan",
    "Noah",
    "Noé",
    "Rayan",
    "Raphaël",
    "Romane",
    "Rose",
    "Sacha",
    "Sarah",
    "Théo",
    "Timéo",
    "Yanis",
    "Zoé",
    "Lou",
    "Nino",
    "Iris",
    "Axel",
];

const CLASSES: [&str; 24] = [
    "6A", "6B", "6C", "6D", "6E", "6F", "5A", "5B", "5C", "5D", "5E", "5F", "4A", "4B", "4C", "4D",
    "4E", "4F", "3A", "3B", "3C", "3D", "3E", "3F",
];

struct Student {
    last: String,
    first: &'static str,
    class: &'static str,
}

/// Distinct students, sorted like Pix sorts them (last name, then first name).
fn students(count: usize) -> Vec<Student> {
    let per_cycle = LAST_NAMES.len() * FIRST_NAMES.len() * CLASSES.len();
    let mut students: Vec<Student> = (0..count)
        .map(|index| {
            let last = LAST_NAMES[index % LAST_NAMES.len()];
            let cycle = index / per_cycle;
            Student {
                // Beyond every combination, a suffix keeps students distinct.
                last: if cycle == 0 {
                    last.to_owned()
                } else {
                    format!("{last} {cycle}")
                },
                first: FIRST_NAMES[(index / LAST_NAMES.len()) % FIRST_NAMES.len()],
                class: CLASSES[(index / (LAST_NAMES.len() * FIRST_NAMES.len())) % CLASSES.len()],
            }
        })
        .collect();
    students.sort_by(|a, b| (&a.last, a.first).cmp(&(&b.last, b.first)));
    students
}

/// How many participations each student gets so that the total is `rows`: about one student
/// in five sent several times.
fn participations(rows: usize, rng: &mut Rng) -> Vec<usize> {
    let mut counts = Vec::with_capacity(rows);
    let mut total = 0;
    while total < rows {
        let count = if rng.chance(20) {
            2 + rng.below(2) as usize
        } else {
            1
        };
        let count = count.min(rows - total);
        counts.push(count);
        total += count;
    }
    counts
}

/// A date in September 2025 as Pix writes it (`DD/MM/YYYY HH:mm`), from minutes since
/// 1 September 00:00.
fn french_date(minutes: u64) -> String {
    let day = (minutes / (24 * 60)).min(29) + 1;
    let time = minutes % (24 * 60);
    format!("{day:02}/09/2025 {:02}:{:02}", time / 60, time % 60)
}

/// A rate in hundredths (or thousandths) as JavaScript prints it, with a decimal comma.
fn js_decimal(value: u64, scale: u64) -> String {
    let whole = value / scale;
    let mut decimals = format!("{:0width$}", value % scale, width = scale.ilog10() as usize);
    while decimals.ends_with('0') {
        decimals.pop();
    }
    if decimals.is_empty() {
        whole.to_string()
    } else {
        format!("{whole},{decimals}")
    }
}

fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('"', "\"\""))
}

/// What varies between real exports, beyond their size.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PixWriting {
    /// Headers and yes/no values of Pix Orga used in English, with the newest date headers
    /// (`Sent on (Europe/Paris)`, …).
    pub english: bool,
    /// The campaign asks for an external id with this label. Header cells go through Pix's
    /// cell writer: `2025` is written unquoted, `=Classe` as `"'=Classe"`.
    pub external_id_label: Option<String>,
    /// Rows in no particular order, as Pix writes them (chunks as queries return).
    pub shuffled: bool,
    /// Assessment: a shared result with no stage reached is written `-1`.
    pub no_stage_as_minus_one: bool,
    /// Profiles: about one student in six who sent has started a new participation since,
    /// not sent yet (a newer row `Non`).
    pub reopened: bool,
    /// Profiles: competence names in the headers that Cohorte does not know (a language or
    /// wording not held), so only their places tell them.
    pub unknown_competence_names: bool,
    /// Assessment: the badge is `Recherche d'information & veille`, escaped in its header by
    /// Pix's i18n as `Recherche d&#39;information &amp; veille`.
    pub escaped_badge: bool,
}

/// The badge title the assessment export carries.
pub fn badge_title(writing: &PixWriting) -> &'static str {
    if writing.escaped_badge {
        "Recherche d'information & veille"
    } else {
        "Bases de la sécurité numérique"
    }
}

/// What Pix's i18n template engine does to a name placed in a header.
pub fn html_escaped(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in name.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '/' => out.push_str("&#x2F;"),
            '`' => out.push_str("&#x60;"),
            '=' => out.push_str("&#x3D;"),
            _ => out.push(ch),
        }
    }
    out
}

/// A string cell as Pix's `serializeLine` writes it: digits and dashes unquoted, a value
/// starting with `= + - @` guarded by a `'` inside the quotes.
pub fn pix_cell(value: &str) -> String {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        value.to_owned()
    } else if value.starts_with(['=', '+', '-', '@']) {
        quoted(&format!("'{value}"))
    } else {
        quoted(value)
    }
}

/// English area titles, in the order of `DOMAINS`.
const DOMAIN_TITLES_EN: [&str; 5] = [
    "Information and data",
    "Communication and collaboration",
    "Content creation",
    "Protection and security",
    "Digital environment",
];

/// The rows after the header, shuffled in place (Fisher–Yates on the data lines).
fn shuffle_rows(out: String, seed: u64) -> String {
    let Some(header_end) = out.find('\n') else {
        return out;
    };
    let (header, body) = out.split_at(header_end + 1);
    let mut lines: Vec<&str> = body.lines().collect();
    let mut rng = Rng::new(seed ^ 0x5348_5546_464c_4500);
    for index in (1..lines.len()).rev() {
        let other = rng.below(index as u64 + 1) as usize;
        lines.swap(index, other);
    }
    let mut shuffled = String::with_capacity(out.len());
    shuffled.push_str(header);
    for line in lines {
        shuffled.push_str(line);
        shuffled.push('\n');
    }
    shuffled
}

/// The header of a current profiles-collection export, as Pix writes it (tests write their own
/// exports under it too).
pub fn profiles_header() -> Vec<String> {
    profiles_header_as(&PixWriting::default())
}

/// `profiles_header`, written as `writing` says (labels as Pix means them, before the cell
/// writer).
pub fn profiles_header_as(writing: &PixWriting) -> Vec<String> {
    if writing.english {
        let mut header: Vec<String> = [
            "Organisation’s name",
            "Campaign ID",
            "Code",
            "Campaign's name",
            "Participant's last name",
            "Participant's first name",
            "Class",
        ]
        .map(String::from)
        .to_vec();
        header.extend(writing.external_id_label.clone());
        header.extend(
            [
                "Sent (Y/N)",
                "Sent on (Europe/Paris)",
                "Total pix score",
                "Eligible for certification (Y/N)",
                "Number of competences eligible for certification",
            ]
            .map(String::from),
        );
        for (index, competence) in COMPETENCES.iter().enumerate() {
            let name = competence_header_name(writing, index, competence.name_en);
            header.push(format!("Level reached in the competence {name}"));
            header.push(format!("Pix score for the competence {name}"));
        }
        return header;
    }
    let mut header: Vec<String> = [
        "Nom de l'organisation",
        "ID Campagne",
        "Code",
        "Nom de la campagne",
        "Nom du Participant",
        "Prénom du Participant",
        "Classe",
    ]
    .map(String::from)
    .to_vec();
    header.extend(writing.external_id_label.clone());
    header.extend(
        [
            "Envoi (O/N)",
            "Date et heure de l'envoi (Europe/Paris)",
            "Nombre de pix total",
            "Certifiable (O/N)",
            "Nombre de compétences certifiables",
        ]
        .map(String::from),
    );
    for (index, competence) in COMPETENCES.iter().enumerate() {
        let name = competence_header_name(writing, index, competence.name);
        header.push(format!("Niveau pour la compétence {name}"));
        header.push(format!("Nombre de pix pour la compétence {name}"));
    }
    header
}

/// The competence's name in a header: as given, or one Cohorte cannot know.
fn competence_header_name(writing: &PixWriting, index: usize, name: &str) -> String {
    if writing.unknown_competence_names {
        format!("Vaardigheid {}", COMPETENCES[index].index)
    } else {
        name.to_owned()
    }
}

fn yes_no(writing: &PixWriting, yes: bool) -> String {
    quoted(match (writing.english, yes) {
        (false, true) => "Oui",
        (false, false) => "Non",
        (true, true) => "Yes",
        (true, false) => "No",
    })
}

/// The external id a student typed, when the campaign asks for one.
fn external_id_cell(writing: &PixWriting, index: usize) -> Option<String> {
    writing
        .external_id_label
        .as_ref()
        .map(|_| pix_cell(&format!("{}", 20_250_000 + index)))
}

/// A profiles-collection export of exactly `rows` data rows.
pub fn generate_profiles_export(rows: usize, seed: u64) -> Vec<u8> {
    generate_profiles_export_as(rows, seed, &PixWriting::default())
}

/// `generate_profiles_export`, written as `writing` says (with `reopened`, the rows added
/// for new participations come on top of `rows`).
pub fn generate_profiles_export_as(rows: usize, seed: u64, writing: &PixWriting) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let counts = participations(rows, &mut rng);
    let students = students(counts.len());
    // Its own generator, so that the default export stays the same byte for byte.
    let mut reopen_rng = Rng::new(seed ^ 0x5245_4f50_454e);
    let mut out = String::with_capacity(rows * 260 + 4096);
    out.push('\u{feff}');
    push_line(
        &mut out,
        profiles_header_as(writing)
            .iter()
            .map(|label| pix_cell(label)),
    );

    let prefix = [
        quoted("Collège Jean Moulin"),
        "348127".to_owned(),
        quoted("PXQTRB417"),
        quoted("Collecte de profils - 2025-2026"),
    ]
    .join(";");
    for (student_index, (student, &count)) in students.iter().zip(&counts).enumerate() {
        // The last sending first, as Pix writes them; a student who never sent has one row.
        let never_sent = count == 1 && rng.chance(12);
        let identity = |cells: &mut Vec<String>| {
            cells.push(quoted(&student.last));
            cells.push(quoted(student.first));
            cells.push(quoted(student.class));
            cells.extend(external_id_cell(writing, student_index));
        };
        if writing.reopened && !never_sent && reopen_rng.chance(17) {
            let mut cells = vec![prefix.clone()];
            identity(&mut cells);
            cells.push(yes_no(writing, false));
            cells.extend(std::iter::repeat_n(quoted("NA"), 4 + 2 * COMPETENCE_COUNT));
            push_line(&mut out, cells.into_iter());
        }
        let mut sent_at = 20 * 24 * 60 + rng.below(9 * 24 * 60);
        let mut pix: [u64; COMPETENCE_COUNT] = [0; COMPETENCE_COUNT];
        for value in &mut pix {
            *value = if rng.chance(55) {
                rng.below(48)
            } else {
                rng.below(8)
            };
        }
        for _ in 0..count {
            let mut cells = vec![prefix.clone()];
            identity(&mut cells);
            if never_sent {
                cells.push(yes_no(writing, false));
                cells.extend(std::iter::repeat_n(quoted("NA"), 4 + 2 * COMPETENCE_COUNT));
            } else {
                let levels = pix.map(|value| (value / 8).min(7));
                let certifiable = levels.iter().filter(|&&level| level >= 1).count();
                cells.push(yes_no(writing, true));
                cells.push(quoted(&french_date(sent_at)));
                cells.push(pix.iter().sum::<u64>().to_string());
                cells.push(yes_no(writing, certifiable >= 5));
                cells.push(certifiable.to_string());
                for (level, value) in levels.iter().zip(&pix) {
                    cells.push(level.to_string());
                    cells.push(value.to_string());
                }
            }
            push_line(&mut out, cells.into_iter());
            // The previous sending: earlier, with a smaller profile.
            sent_at = sent_at.saturating_sub(24 * 60 + rng.below(10 * 24 * 60));
            for value in &mut pix {
                *value = value.saturating_sub(rng.below(6));
            }
        }
    }
    if writing.shuffled {
        out = shuffle_rows(out, seed);
    }
    out.into_bytes()
}

/// An assessment export of exactly `rows` data rows: stages, a badge, six competences and
/// their three domains; shared, in progress and finished-but-not-shared participations.
pub fn generate_assessment_export(rows: usize, seed: u64) -> Vec<u8> {
    generate_assessment_export_as(rows, seed, &PixWriting::default())
}

/// The header of the generated assessment export, labels as Pix means them.
fn assessment_header(
    writing: &PixWriting,
    competences: &[usize],
    domains: &[usize],
) -> Vec<String> {
    let badge = html_escaped(badge_title(writing));
    let english = writing.english;
    let mut header: Vec<String> = if english {
        [
            "Organisation’s name",
            "Campaign ID",
            "Code",
            "Campaign's name",
            "Target profile’s name",
            "Participant's last name",
            "Participant's first name",
            "Class",
        ]
    } else {
        [
            "Nom de l'organisation",
            "ID Campagne",
            "Code",
            "Nom de la campagne",
            "Parcours",
            "Nom du Participant",
            "Prénom du Participant",
            "Classe",
        ]
    }
    .map(String::from)
    .to_vec();
    header.extend(writing.external_id_label.clone());
    if english {
        header.extend(
            [
                "% of progression",
                "Started on (Europe/Paris)",
                "Shared (Y/N)",
                "Shared on (Europe/Paris)",
                "Success rate (/3)",
            ]
            .map(String::from),
        );
        header.push(format!("{badge} (Y/N)"));
        header.push("% of items successfully completed in the target profile".into());
        for &index in competences {
            let name = html_escaped(COMPETENCES[index].name_en);
            header.push(format!(
                "% of items successfully completed in the competence {name}"
            ));
            header.push(format!(
                "Number of items of the target profile in the competence {name}"
            ));
            header.push(format!(
                "Items of the target profile successfully completed in the competence {name}"
            ));
        }
        for &index in domains {
            let title = html_escaped(DOMAIN_TITLES_EN[index]);
            header.push(format!(
                "% of items successfully completed in the competence area {title}"
            ));
            header.push(format!(
                "Number of items of the target profile in the competence area {title}"
            ));
            header.push(format!(
                "Items of the target profile successfully completed in the competence area {title}"
            ));
        }
        return header;
    }
    header.extend(
        [
            "% de progression",
            "Date et heure de début (Europe/Paris)",
            "Partage (O/N)",
            "Date et heure du partage (Europe/Paris)",
            "Palier obtenu (/3)",
        ]
        .map(String::from),
    );
    header.push(format!("{badge} obtenu (O/N)"));
    header.push("% maitrise de l'ensemble des acquis du profil".into());
    for &index in competences {
        let name = html_escaped(COMPETENCES[index].name);
        header.push(format!("% de maitrise des acquis de la compétence {name}"));
        header.push(format!(
            "Nombre d'acquis du profil cible dans la compétence {name}"
        ));
        header.push(format!("Acquis maitrisés dans la compétence {name}"));
    }
    for &index in domains {
        let title = html_escaped(DOMAINS[index].title);
        header.push(format!("% de maitrise des acquis du domaine {title}"));
        header.push(format!(
            "Nombre d'acquis du profil cible du domaine {title}"
        ));
        header.push(format!("Acquis maitrisés du domaine {title}"));
    }
    header
}

/// `generate_assessment_export`, written as `writing` says.
pub fn generate_assessment_export_as(rows: usize, seed: u64, writing: &PixWriting) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let counts = participations(rows, &mut rng);
    let students = students(counts.len());
    let competences = [0usize, 1, 3, 4, 11, 12];
    let domains = [0usize, 1, 3];
    let mut out = String::with_capacity(rows * 200 + 4096);
    out.push('\u{feff}');
    let header = assessment_header(writing, &competences, &domains);
    push_line(&mut out, header.iter().map(|label| pix_cell(label)));

    let prefix = [
        quoted("Collège Jean Moulin"),
        "351923".to_owned(),
        quoted("HVMLQE621"),
        quoted("Évaluation rentrée"),
        quoted("Parcours de rentrée 2025"),
    ]
    .join(";");
    let targeted: Vec<u64> = competences.iter().map(|_| 5 + rng.below(10)).collect();
    for (student_index, (student, &count)) in students.iter().zip(&counts).enumerate() {
        let mut started = 20 * 24 * 60 + rng.below(9 * 24 * 60);
        for participation in 0..count {
            let mut cells = vec![
                prefix.clone(),
                quoted(&student.last),
                quoted(student.first),
                quoted(student.class),
            ];
            cells.extend(external_id_cell(writing, student_index));
            // Only the newest participation may still be in progress.
            let shared = participation > 0 || rng.chance(75);
            let finished = shared || rng.chance(40);
            cells.push(if finished {
                "1".to_owned()
            } else {
                js_decimal(rng.below(1000), 1000)
            });
            cells.push(quoted(&french_date(started)));
            cells.push(yes_no(writing, shared));
            if shared {
                let validated: Vec<u64> = targeted.iter().map(|&t| rng.below(t + 1)).collect();
                let total_targeted: u64 = targeted.iter().sum();
                let total_validated: u64 = validated.iter().sum();
                let mastery = total_validated * 100 / total_targeted.max(1);
                cells.push(quoted(&french_date(started + 30 + rng.below(90))));
                let stage = mastery * 4 / 101;
                cells.push(if stage == 0 && writing.no_stage_as_minus_one {
                    "-1".to_owned()
                } else {
                    stage.to_string()
                });
                cells.push(yes_no(writing, rng.chance(50)));
                cells.push(js_decimal(mastery, 100));
                for (&t, &v) in targeted.iter().zip(&validated) {
                    cells.push(js_decimal(v * 100 / t.max(1), 100));
                    cells.push(t.to_string());
                    cells.push(v.to_string());
                }
                for &domain in &domains {
                    let (t, v) = competences
                        .iter()
                        .zip(targeted.iter().zip(&validated))
                        .filter(|(&c, _)| usize::from(COMPETENCES[c].domain) == domain + 1)
                        .fold((0, 0), |(t, v), (_, (&ct, &cv))| (t + ct, v + cv));
                    cells.push(js_decimal(v * 100 / t.max(1), 100));
                    cells.push(t.to_string());
                    cells.push(v.to_string());
                }
            } else {
                let na = 4 + 3 * (competences.len() + domains.len());
                cells.extend(std::iter::repeat_n(quoted("NA"), na));
            }
            push_line(&mut out, cells.into_iter());
            started = started.saturating_sub(24 * 60 + rng.below(10 * 24 * 60));
        }
    }
    if writing.shuffled {
        out = shuffle_rows(out, seed);
    }
    out.into_bytes()
}

fn push_line(out: &mut String, cells: impl Iterator<Item = String>) {
    for (index, cell) in cells.enumerate() {
        if index > 0 {
            out.push(';');
        }
        out.push_str(&cell);
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::assessment::assessment_students;
    use crate::import::{import_export, import_file, ImportNote};
    use crate::model::snapshot::{AssessmentRow, CampaignSnapshot, ProfileRow, Rows};
    use crate::views::cohort::{participant_lines, StudentKey};

    /// The benchmark compares runs over time: the default export must not change.
    #[test]
    fn the_default_writing_is_what_the_benchmark_always_read() {
        use crate::model::snapshot::content_hash;
        assert_eq!(
            content_hash(&generate_profiles_export(3000, 2025)),
            0x9230_2b81_46ba_02ad
        );
        assert_eq!(
            content_hash(&generate_assessment_export(3000, 2025)),
            0xfc19_b03a_554c_3d1f
        );
    }

    fn profile_rows(snapshot: &CampaignSnapshot) -> &[ProfileRow] {
        match &snapshot.rows {
            Rows::Profiles(rows) => rows,
            Rows::Assessment { .. } => panic!("a profiles collection"),
        }
    }

    fn assessment_rows(snapshot: &CampaignSnapshot) -> &[AssessmentRow] {
        match &snapshot.rows {
            Rows::Assessment { rows, .. } => rows,
            Rows::Profiles(_) => panic!("an assessment"),
        }
    }

    /// What the participants table shows, student by student, whatever the row order.
    fn profile_view(rows: &[ProfileRow]) -> Vec<String> {
        let mut view: Vec<String> = participant_lines(rows)
            .iter()
            .map(|line| {
                let profile = rows[line.row].profile.as_ref();
                format!(
                    "{:?} {:?} {:?} {:?} {:?} {}",
                    line.key,
                    line.status,
                    line.sent_at,
                    line.score,
                    profile.map(|p| p.levels),
                    line.sendings
                )
            })
            .collect();
        view.sort();
        view
    }

    fn assessment_view(rows: &[AssessmentRow]) -> Vec<String> {
        let mut view: Vec<String> = assessment_students(rows)
            .iter()
            .map(|student| {
                let row = student.current;
                format!(
                    "{:?} {} {:?} {:?} {:?} {:?} {:?}",
                    StudentKey::of(&row.learner),
                    row.shared,
                    row.shared_at,
                    row.started_at,
                    row.mastery,
                    row.badges,
                    row.competences
                )
            })
            .collect();
        view.sort();
        view
    }

    fn imported(bytes: &[u8]) -> (CampaignSnapshot, Vec<ImportNote>) {
        let imported = import_export("generated.csv", bytes).expect("imports");
        (imported.snapshot, imported.notes)
    }

    #[test]
    fn english_shuffled_and_guarded_exports_show_what_the_french_one_shows() {
        let french = import_file("fr.csv", &generate_profiles_export(800, 11)).unwrap();
        for external_id_label in [None, Some("2025"), Some("=Classe"), Some("@mail")] {
            let writing = PixWriting {
                english: true,
                shuffled: true,
                external_id_label: external_id_label.map(str::to_owned),
                ..PixWriting::default()
            };
            let bytes = generate_profiles_export_as(800, 11, &writing);
            let text = String::from_utf8(bytes.clone()).unwrap();
            assert!(text.contains("\"Sent on (Europe/Paris)\""));
            if let Some(label) = external_id_label {
                // Unquoted digits, or the formula guard inside the quotes.
                let written = pix_cell(label);
                assert!(text.contains(&format!(";{written};")), "{written}");
            }
            let (english, notes) = imported(&bytes);
            assert_eq!(notes, []);
            assert_eq!(english.campaign, french.campaign);
            assert_eq!(
                english.external_id_label.as_deref(),
                external_id_label.map(|label| label.trim_start_matches('\''))
            );
            assert_ne!(
                profile_rows(&english)[0].learner,
                profile_rows(&french)[0].learner,
                "rows are shuffled"
            );
            assert_eq!(
                profile_view(profile_rows(&english)),
                profile_view(profile_rows(&french))
            );
        }
    }

    #[test]
    fn unknown_competence_names_are_read_by_their_place_and_said() {
        let writing = PixWriting {
            unknown_competence_names: true,
            ..PixWriting::default()
        };
        for english in [false, true] {
            let writing = PixWriting {
                english,
                ..writing.clone()
            };
            let (snapshot, notes) = imported(&generate_profiles_export_as(300, 5, &writing));
            let reference = import_file("ref.csv", &generate_profiles_export(300, 5)).unwrap();
            assert_eq!(
                profile_view(profile_rows(&snapshot)),
                profile_view(profile_rows(&reference))
            );
            let every = COMPETENCES.map(|competence| competence.index).to_vec();
            assert_eq!(notes, [ImportNote::CompetencesByPosition(every)]);
        }
    }

    #[test]
    fn a_reopened_participation_keeps_the_student_received_and_marked() {
        let writing = PixWriting {
            reopened: true,
            shuffled: true,
            ..PixWriting::default()
        };
        let reopened =
            import_file("r.csv", &generate_profiles_export_as(600, 3, &writing)).unwrap();
        let reference = import_file("ref.csv", &generate_profiles_export(600, 3)).unwrap();
        let added = profile_rows(&reopened).len() - 600;
        assert!(added > 10, "{added}");
        let lines = participant_lines(profile_rows(&reopened));
        let marked: Vec<_> = lines
            .iter()
            .filter(|line| line.new_sending_under_way)
            .collect();
        assert_eq!(marked.len(), added);
        assert!(marked.iter().all(|line| line.sent_at.is_some()));
        // Apart from the mark, every student reads as before: received, latest sent profile.
        assert_eq!(
            profile_view(profile_rows(&reopened)),
            profile_view(profile_rows(&reference))
        );
    }

    #[test]
    fn english_assessment_with_escaped_badge_minus_one_stages_and_shuffled_rows() {
        let writing = PixWriting {
            english: true,
            shuffled: true,
            escaped_badge: true,
            no_stage_as_minus_one: true,
            ..PixWriting::default()
        };
        let bytes = generate_assessment_export_as(500, 9, &writing);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("\"Recherche d&#39;information &amp; veille (Y/N)\""));
        assert!(text.contains(";-1;"));
        let (english, notes) = imported(&bytes);
        let reference = import_file("ref.csv", &generate_assessment_export(500, 9)).unwrap();
        let Rows::Assessment { sheet, .. } = &english.rows else {
            panic!("an assessment");
        };
        assert_eq!(sheet.badges, ["Recherche d'information & veille"]);
        assert_eq!(sheet.competences.len(), 6);
        assert_eq!(sheet.domains.len(), 3);
        assert_eq!(english.campaign, reference.campaign);
        assert_eq!(
            assessment_view(assessment_rows(&english)),
            assessment_view(assessment_rows(&reference))
        );
        // Stage 0 in the reference is `-1`, read as no stage, and said once.
        let zero_stages = assessment_rows(&reference)
            .iter()
            .filter(|row| row.stage == Some(0))
            .count();
        assert!(zero_stages > 0);
        assert!(assessment_rows(&english)
            .iter()
            .all(|row| row.stage != Some(0)));
        assert_eq!(notes, [ImportNote::NoStageReached(zero_stages)]);
    }

    #[test]
    fn html_escaping_and_the_cell_writer_follow_pix() {
        assert_eq!(
            html_escaped("a'b&c<d>e\"f/g`h=i"),
            "a&#39;b&amp;c&lt;d&gt;e&quot;f&#x2F;g&#x60;h&#x3D;i"
        );
        assert_eq!(pix_cell("2025-26"), "2025-26");
        assert_eq!(pix_cell("=Classe"), "\"'=Classe\"");
        assert_eq!(pix_cell("-1 an"), "\"'-1 an\"");
        assert_eq!(pix_cell("Classe"), "\"Classe\"");
    }

    #[test]
    fn generated_exports_import_with_the_requested_row_count() {
        let profiles = generate_profiles_export(500, 7);
        assert_eq!(profiles, generate_profiles_export(500, 7), "deterministic");
        let snapshot = import_file("generated.csv", &profiles).unwrap();
        assert_eq!(snapshot.rows.len(), 500);
        let assessment = generate_assessment_export(300, 7);
        let snapshot = import_file("generated-eval.csv", &assessment).unwrap();
        assert_eq!(snapshot.rows.len(), 300);
    }

    #[test]
    fn js_decimals_look_like_pix_numbers() {
        assert_eq!(js_decimal(67, 100), "0,67");
        assert_eq!(js_decimal(50, 100), "0,5");
        assert_eq!(js_decimal(100, 100), "1");
        assert_eq!(js_decimal(0, 100), "0");
        assert_eq!(js_decimal(333, 1000), "0,333");
    }
}
