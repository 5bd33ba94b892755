//! How long the certification test lasts (pix-exports.md §4.1). The rule changed in
//! 2024-2025, so every estimate names the rule it applies.

/// Which rules of the certification test an estimate follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LengthRule {
    /// Since the 2024-2025 school year: adaptive test on all 16 competences, the same length
    /// for every candidate. This is the rule Cohorte applies.
    Since2024,
    /// Until 2023-2024: 3 questions per certifiable competence.
    Before2024,
}

pub const QUESTIONS_SINCE_2024: u32 = 32;
pub const MINUTES_SINCE_2024: u32 = 105;
pub const QUESTIONS_PER_COMPETENCE_BEFORE_2024: u32 = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CertificationLength {
    pub questions: u32,
    /// Known only for the current rule.
    pub minutes: Option<u32>,
}

/// The estimated length for a candidate with `certifiable_count` competences at level ≥ 1.
/// `None` when the candidate cannot sit the test (fewer than 5).
pub fn estimated_length(certifiable_count: u8, rule: LengthRule) -> Option<CertificationLength> {
    if certifiable_count < crate::model::competences::MIN_CERTIFIABLE_COMPETENCES {
        return None;
    }
    Some(match rule {
        LengthRule::Since2024 => CertificationLength {
            questions: QUESTIONS_SINCE_2024,
            minutes: Some(MINUTES_SINCE_2024),
        },
        LengthRule::Before2024 => CertificationLength {
            questions: QUESTIONS_PER_COMPETENCE_BEFORE_2024 * u32::from(certifiable_count),
            minutes: None,
        },
    })
}

/// `1 h 45`.
pub fn format_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_rule_ignores_the_profile_the_former_one_counted_competences() {
        for count in 5..=16 {
            assert_eq!(
                estimated_length(count, LengthRule::Since2024),
                Some(CertificationLength {
                    questions: 32,
                    minutes: Some(105)
                })
            );
        }
        assert_eq!(
            estimated_length(7, LengthRule::Before2024)
                .unwrap()
                .questions,
            21
        );
        assert_eq!(estimated_length(4, LengthRule::Since2024), None);
        assert_eq!(format_minutes(105), "1 h 45");
        assert_eq!(format_minutes(60), "1 h");
    }
}
