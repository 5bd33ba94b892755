//! Deterministic, realistic Pix Orga exports of any size, for the throughput benchmark and
//! the browser capacity test: current format (UTF-8 BOM, `;`, quoted strings, LF), several
//! classes, students who sent several times (newest row first), some who never sent.

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

/// The header of a current profiles-collection export, as Pix writes it (tests write their own
/// exports under it too).
pub fn profiles_header() -> Vec<String> {
    let mut header: Vec<String> = [
        "Nom de l'organisation",
        "ID Campagne",
        "Code",
        "Nom de la campagne",
        "Nom du Participant",
        "Prénom du Participant",
        "Classe",
        "Envoi (O/N)",
        "Date et heure de l'envoi (Europe/Paris)",
        "Nombre de pix total",
        "Certifiable (O/N)",
        "Nombre de compétences certifiables",
    ]
    .map(String::from)
    .to_vec();
    for competence in COMPETENCES {
        header.push(format!("Niveau pour la compétence {}", competence.name));
        header.push(format!(
            "Nombre de pix pour la compétence {}",
            competence.name
        ));
    }
    header
}

/// A profiles-collection export of exactly `rows` data rows.
pub fn generate_profiles_export(rows: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let counts = participations(rows, &mut rng);
    let students = students(counts.len());
    let mut out = String::with_capacity(rows * 260 + 4096);
    out.push('\u{feff}');
    push_line(
        &mut out,
        profiles_header().iter().map(|label| quoted(label)),
    );

    let prefix = [
        quoted("Collège Jean Moulin"),
        "348127".to_owned(),
        quoted("PXQTRB417"),
        quoted("Collecte de profils - 2025-2026"),
    ]
    .join(";");
    for (student, &count) in students.iter().zip(&counts) {
        // The last sending first, as Pix writes them; a student who never sent has one row.
        let never_sent = count == 1 && rng.chance(12);
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
            let mut cells = vec![
                prefix.clone(),
                quoted(&student.last),
                quoted(student.first),
                quoted(student.class),
            ];
            if never_sent {
                cells.push(quoted("Non"));
                cells.extend(std::iter::repeat_n(quoted("NA"), 4 + 2 * COMPETENCE_COUNT));
            } else {
                let levels = pix.map(|value| (value / 8).min(7));
                let certifiable = levels.iter().filter(|&&level| level >= 1).count();
                cells.push(quoted("Oui"));
                cells.push(quoted(&french_date(sent_at)));
                cells.push(pix.iter().sum::<u64>().to_string());
                cells.push(quoted(if certifiable >= 5 { "Oui" } else { "Non" }));
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
    out.into_bytes()
}

/// An assessment export of exactly `rows` data rows: stages, a badge, six competences and
/// their three domains; shared, in progress and finished-but-not-shared participations.
pub fn generate_assessment_export(rows: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let counts = participations(rows, &mut rng);
    let students = students(counts.len());
    let competences = [0usize, 1, 3, 4, 11, 12];
    let domains = [0usize, 1, 3];
    let badge = "Bases de la sécurité numérique";
    let mut out = String::with_capacity(rows * 200 + 4096);
    out.push('\u{feff}');
    let mut header: Vec<String> = [
        "Nom de l'organisation",
        "ID Campagne",
        "Code",
        "Nom de la campagne",
        "Parcours",
        "Nom du Participant",
        "Prénom du Participant",
        "Classe",
        "% de progression",
        "Date et heure de début (Europe/Paris)",
        "Partage (O/N)",
        "Date et heure du partage (Europe/Paris)",
        "Palier obtenu (/3)",
    ]
    .map(String::from)
    .to_vec();
    header.push(format!("{badge} obtenu (O/N)"));
    header.push("% maitrise de l'ensemble des acquis du profil".into());
    for &index in &competences {
        let name = COMPETENCES[index].name;
        header.push(format!("% de maitrise des acquis de la compétence {name}"));
        header.push(format!(
            "Nombre d'acquis du profil cible dans la compétence {name}"
        ));
        header.push(format!("Acquis maitrisés dans la compétence {name}"));
    }
    for &index in &domains {
        let title = DOMAINS[index].title;
        header.push(format!("% de maitrise des acquis du domaine {title}"));
        header.push(format!(
            "Nombre d'acquis du profil cible du domaine {title}"
        ));
        header.push(format!("Acquis maitrisés du domaine {title}"));
    }
    push_line(&mut out, header.iter().map(|label| quoted(label)));

    let prefix = [
        quoted("Collège Jean Moulin"),
        "351923".to_owned(),
        quoted("HVMLQE621"),
        quoted("Évaluation rentrée"),
        quoted("Parcours de rentrée 2025"),
    ]
    .join(";");
    let targeted: Vec<u64> = competences.iter().map(|_| 5 + rng.below(10)).collect();
    for (student, &count) in students.iter().zip(&counts) {
        let mut started = 20 * 24 * 60 + rng.below(9 * 24 * 60);
        for participation in 0..count {
            let mut cells = vec![
                prefix.clone(),
                quoted(&student.last),
                quoted(student.first),
                quoted(student.class),
            ];
            // Only the newest participation may still be in progress.
            let shared = participation > 0 || rng.chance(75);
            let finished = shared || rng.chance(40);
            cells.push(if finished {
                "1".to_owned()
            } else {
                js_decimal(rng.below(1000), 1000)
            });
            cells.push(quoted(&french_date(started)));
            cells.push(quoted(if shared { "Oui" } else { "Non" }));
            if shared {
                let validated: Vec<u64> = targeted.iter().map(|&t| rng.below(t + 1)).collect();
                let total_targeted: u64 = targeted.iter().sum();
                let total_validated: u64 = validated.iter().sum();
                let mastery = total_validated * 100 / total_targeted.max(1);
                cells.push(quoted(&french_date(started + 30 + rng.below(90))));
                cells.push((mastery * 4 / 101).to_string());
                cells.push(quoted(if rng.chance(50) { "Oui" } else { "Non" }));
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
    use crate::import::import_file;

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
