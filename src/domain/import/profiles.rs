//! Rows of a profiles-collection export ("collecte de profils").

use crate::import::headers::{CellError, ProfileColumns, Row};
use crate::model::competences::{COMPETENCE_COUNT, MAX_LEVEL, MAX_PIX_PER_COMPETENCE};
use crate::model::snapshot::{Profile, ProfileRow};

/// Reads one participation. A row whose `Envoi (O/N)` is `Non` has `NA` everywhere after,
/// so only its learner is read. Levels up to 8 and pix up to 64 are accepted: the
/// production cap moved from 5 to 7 over the years and the framework is designed for 8.
pub fn parse_row(row: &Row<'_>, columns: &ProfileColumns) -> Result<ProfileRow, CellError> {
    let learner = row.learner();
    let sent = row
        .yes_no(columns.sent)?
        .ok_or_else(|| row.error(columns.sent))?;
    if !sent {
        return Ok(ProfileRow {
            line: row.line,
            learner,
            profile: None,
        });
    }
    let sent_at = row
        .date(columns.sent_at)?
        .ok_or_else(|| row.error(columns.sent_at))?;
    let total_pix = row.required_integer(columns.total_pix, u64::from(u32::MAX))? as u32;
    let file_certifiable = match columns.certifiable {
        Some(column) => row.yes_no(column)?,
        None => None,
    };
    let file_certifiable_count = match columns.certifiable_count {
        Some(column) => row
            .integer(column, COMPETENCE_COUNT as u64)?
            .map(|count| count as u8),
        None => None,
    };
    let mut levels = [0u8; COMPETENCE_COUNT];
    let mut pix = [0u8; COMPETENCE_COUNT];
    for competence in 0..COMPETENCE_COUNT {
        let (level_column, pix_column) = (columns.levels[competence], columns.pix[competence]);
        levels[competence] = row.required_integer(level_column, u64::from(MAX_LEVEL))? as u8;
        pix[competence] =
            row.required_integer(pix_column, u64::from(MAX_PIX_PER_COMPETENCE))? as u8;
    }
    Ok(ProfileRow {
        line: row.line,
        learner,
        profile: Some(Profile {
            sent_at,
            total_pix,
            levels,
            pix,
            file_certifiable,
            file_certifiable_count,
        }),
    })
}
