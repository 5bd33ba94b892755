//! The Pix framework: 16 core competences in 5 domains, and the certifiability rule.

/// Number of core Pix competences: the only ones that count for certifiability.
pub const COMPETENCE_COUNT: usize = 16;
/// A student is certifiable with at least this many competences at level ≥ 1.
pub const MIN_CERTIFIABLE_COMPETENCES: u8 = 5;
/// One level is worth this many pix (level = pix ÷ 8).
pub const PIX_PER_LEVEL: u8 = 8;
/// Levels are accepted up to 8 (the framework's design), although production caps lower:
/// the cap moved from 5 to 6 to 7 over the years, so it must not be hard-coded.
pub const MAX_LEVEL: u8 = 8;
pub const MAX_PIX_PER_COMPETENCE: u8 = MAX_LEVEL * PIX_PER_LEVEL;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Domain {
    pub number: u8,
    pub title: &'static str,
    /// CSS custom property suffix used by the stylesheet (`--domain-information`, …).
    pub css: &'static str,
}

pub const DOMAINS: [Domain; 5] = [
    Domain {
        number: 1,
        title: "Information et données",
        css: "information",
    },
    Domain {
        number: 2,
        title: "Communication et collaboration",
        css: "communication",
    },
    Domain {
        number: 3,
        title: "Création de contenu",
        css: "content",
    },
    Domain {
        number: 4,
        title: "Protection et sécurité",
        css: "security",
    },
    Domain {
        number: 5,
        title: "Environnement numérique",
        css: "environment",
    },
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Competence {
    /// "1.1" … "5.2"
    pub index: &'static str,
    /// Name as written in French export headers (typographic apostrophes).
    pub name: &'static str,
    /// Name as written in English export headers.
    pub name_en: &'static str,
    pub domain: u8,
}

impl Competence {
    pub fn domain(&self) -> &'static Domain {
        &DOMAINS[usize::from(self.domain - 1)]
    }
}

pub const COMPETENCES: [Competence; COMPETENCE_COUNT] = [
    Competence {
        index: "1.1",
        name: "Mener une recherche et une veille d’information",
        name_en: "Searching and filtering information",
        domain: 1,
    },
    Competence {
        index: "1.2",
        name: "Gérer des données",
        name_en: "Managing data",
        domain: 1,
    },
    Competence {
        index: "1.3",
        name: "Traiter des données",
        name_en: "Processing data",
        domain: 1,
    },
    Competence {
        index: "2.1",
        name: "Interagir",
        name_en: "Interacting",
        domain: 2,
    },
    Competence {
        index: "2.2",
        name: "Partager et publier",
        name_en: "Sharing and publishing",
        domain: 2,
    },
    Competence {
        index: "2.3",
        name: "Collaborer",
        name_en: "Collaborating",
        domain: 2,
    },
    Competence {
        index: "2.4",
        name: "S’insérer dans le monde numérique",
        name_en: "Fitting into the digital world",
        domain: 2,
    },
    Competence {
        index: "3.1",
        name: "Développer des documents textuels",
        name_en: "Developing text documents",
        domain: 3,
    },
    Competence {
        index: "3.2",
        name: "Développer des documents multimedia",
        name_en: "Developing multimedia documents",
        domain: 3,
    },
    Competence {
        index: "3.3",
        name: "Adapter les documents à leur finalité",
        name_en: "Adapting documents to their purpose",
        domain: 3,
    },
    Competence {
        index: "3.4",
        name: "Programmer",
        name_en: "Programming",
        domain: 3,
    },
    Competence {
        index: "4.1",
        name: "Sécuriser l’environnement numérique",
        name_en: "Securing the digital environment",
        domain: 4,
    },
    Competence {
        index: "4.2",
        name: "Protéger les données personnelles et la vie privée",
        name_en: "Protecting personal data and privacy",
        domain: 4,
    },
    Competence {
        index: "4.3",
        name: "Protéger la santé, le bien-être et l’environnement",
        name_en: "Protecting health, well-being and the environment",
        domain: 4,
    },
    Competence {
        index: "5.1",
        name: "Résoudre des problèmes techniques",
        name_en: "Solving technical problems",
        domain: 5,
    },
    Competence {
        index: "5.2",
        name: "Construire un environnement numérique",
        name_en: "Building a digital environment",
        domain: 5,
    },
];

/// The 16 levels of one profile, in index order 1.1 → 5.2.
pub type Levels = [u8; COMPETENCE_COUNT];

/// Number of competences at level ≥ 1: what Pix calls "compétences certifiables".
pub fn certifiable_competence_count(levels: &Levels) -> u8 {
    // A plain count: at opt-level 3 it does as well as a word-at-a-time bit trick did (524.6
    // against 525.3 million instructions for the bench's 50,000-row import, callgrind on
    // examples/profile_import, 06/12/2026).
    levels.iter().filter(|&&level| level >= 1).count() as u8
}

pub fn is_certifiable(levels: &Levels) -> bool {
    certifiable_competence_count(levels) >= MIN_CERTIFIABLE_COMPETENCES
}

/// How many more competences must reach level 1 before the student is certifiable.
pub fn missing_to_certify(levels: &Levels) -> u8 {
    MIN_CERTIFIABLE_COMPETENCES.saturating_sub(certifiable_competence_count(levels))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certifiable_competences_are_counted_whatever_the_levels() {
        let mut levels = [0u8; COMPETENCE_COUNT];
        assert_eq!(certifiable_competence_count(&levels), 0);
        for (index, value) in [1u8, 8, 0x80, 0xff, 0x7f, 2, 0x01, 0x81].iter().enumerate() {
            levels[index * 2] = *value;
            let expected = levels.iter().filter(|&&level| level >= 1).count() as u8;
            assert_eq!(
                certifiable_competence_count(&levels),
                expected,
                "{levels:?}"
            );
        }
        assert_eq!(certifiable_competence_count(&[0xff; COMPETENCE_COUNT]), 16);
    }

    #[test]
    fn five_competences_at_level_one_make_a_student_certifiable() {
        let mut levels = [0; COMPETENCE_COUNT];
        for level in levels.iter_mut().take(4) {
            *level = 1;
        }
        assert!(!is_certifiable(&levels));
        assert_eq!(missing_to_certify(&levels), 1);
        levels[15] = 7;
        assert!(is_certifiable(&levels));
        assert_eq!(certifiable_competence_count(&levels), 5);
        assert_eq!(missing_to_certify(&levels), 0);
    }

    #[test]
    fn every_competence_belongs_to_the_domain_its_index_names() {
        for competence in COMPETENCES {
            assert_eq!(
                competence.index[..1].parse::<u8>().unwrap(),
                competence.domain().number
            );
        }
    }
}
