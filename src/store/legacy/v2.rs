//! Format 2 of a snapshot body (the custom byte codec of earlier releases, `C2` text): read
//! only, so that what they stored keeps loading and is rewritten in format 3. serde cannot
//! read it: it is a hand-made layout (a string table, flags, varints, an FNV-1a checksum).
//! Nothing here writes; `tests/fixtures/store/v2-*.json` pins what that release wrote.

use crate::domain::model::competences::{Levels, COMPETENCE_COUNT};
use crate::domain::model::snapshot::{
    AssessmentRow, AssessmentSheet, Campaign, CampaignKind, CampaignSnapshot, Learner,
    LocalDateTime, Mastery, Profile, ProfileRow, Rows,
};
use crate::store::body::{from_text, CodecError};
use crate::store::model::Entry;

const FORMAT: u8 = 2;
pub(crate) const MAGIC: &str = "C2";

/// A format 2 body as stored in localStorage.
pub fn decode_text(text: &str) -> Result<Entry, CodecError> {
    decode(&from_text(MAGIC, text)?)
}

/// The bytes of a format 2 body (also the `data` of a format 2 backup, as base64); never
/// panics, whatever the bytes.
pub fn decode(bytes: &[u8]) -> Result<Entry, CodecError> {
    let (&format, _) = bytes.split_first().ok_or(CodecError::Truncated)?;
    if format != FORMAT {
        return Err(if format > FORMAT && format < 32 {
            CodecError::UnknownFormat(format)
        } else {
            CodecError::NotOurs
        });
    }
    if bytes.len() < 1 + 8 + 1 + 4 {
        return Err(CodecError::Truncated);
    }
    let (content, sum) = bytes.split_at(bytes.len() - 4);
    if checksum(content) != u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]) {
        return Err(CodecError::Checksum);
    }
    let mut reader = Reader {
        bytes: content,
        at: 1,
        strings: Vec::new(),
    };
    let imported_at_ms = f64::from_le_bytes(reader.array()?);
    let count = reader.len()?;
    let mut strings = Vec::with_capacity(count);
    for _ in 0..count {
        let len = reader.len()?;
        let raw = reader.take(len)?;
        let text = std::str::from_utf8(raw).map_err(|_| CodecError::Invalid("texte"))?;
        strings.push(text.to_owned());
    }
    reader.strings = strings;
    let snapshot = reader.snapshot()?;
    if reader.at != content.len() {
        return Err(CodecError::Invalid("données en trop"));
    }
    Ok(Entry {
        imported_at_ms,
        snapshot,
    })
}

/// FNV-1a, 32 bits: enough to notice a changed character, cheap to compute.
fn checksum(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &byte in bytes {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

fn unzigzag(value: u64) -> i64 {
    ((value >> 1) as i64) ^ -((value & 1) as i64)
}

// Row flags, one byte per row.
const HAS_PROFILE: u8 = 1;
const FILE_CERTIFIABLE_SOME: u8 = 1 << 1;
const FILE_CERTIFIABLE_YES: u8 = 1 << 2;
const FILE_COUNT_SOME: u8 = 1 << 3;
/// Every level is pix ÷ 8, as Pix computes it: the levels need not be stored.
const LEVELS_FROM_PIX: u8 = 1 << 4;
const HAS_CLASS: u8 = 1 << 5;
const HAS_STUDENT_NUMBER: u8 = 1 << 6;
const HAS_EXTERNAL_ID: u8 = 1 << 7;

const PROGRESS_SOME: u8 = 1;
const STARTED_SOME: u8 = 1 << 1;
const SHARED: u8 = 1 << 2;
const SHARED_AT_SOME: u8 = 1 << 3;
const STAGE_SOME: u8 = 1 << 4;
const MASTERY_SOME: u8 = 1 << 5;

fn levels_from_pix(pix: &[u8; COMPETENCE_COUNT]) -> Levels {
    pix.map(|value| value / crate::domain::model::competences::PIX_PER_LEVEL)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    strings: Vec<String>,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Result<&'a [u8], CodecError> {
        let end = self.at.checked_add(count).ok_or(CodecError::Truncated)?;
        let slice = self.bytes.get(self.at..end).ok_or(CodecError::Truncated)?;
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], CodecError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8, CodecError> {
        Ok(self.take(1)?[0])
    }

    fn varint(&mut self) -> Result<u64, CodecError> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(CodecError::Invalid("nombre trop long"))
    }

    fn narrow<T: TryFrom<u64>>(&mut self, what: &'static str) -> Result<T, CodecError> {
        T::try_from(self.varint()?).map_err(|_| CodecError::Invalid(what))
    }

    /// A count of items that each take at least one byte: never more than what is left,
    /// so a damaged count cannot make us reserve gigabytes.
    fn len(&mut self) -> Result<usize, CodecError> {
        let len = self.narrow::<usize>("longueur")?;
        if len > self.bytes.len() - self.at {
            return Err(CodecError::Truncated);
        }
        Ok(len)
    }

    fn f32(&mut self) -> Result<f32, CodecError> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    fn string(&mut self) -> Result<String, CodecError> {
        let number = self.narrow::<usize>("texte")?;
        self.strings
            .get(number)
            .cloned()
            .ok_or(CodecError::Invalid("numéro de texte"))
    }

    fn opt_string(&mut self) -> Result<Option<String>, CodecError> {
        match self.narrow::<usize>("texte")? {
            0 => Ok(None),
            number => self
                .strings
                .get(number - 1)
                .cloned()
                .map(Some)
                .ok_or(CodecError::Invalid("numéro de texte")),
        }
    }

    /// A value the body holds only when `bit` of `flags` says there is one.
    fn flagged<T>(
        &mut self,
        flags: u8,
        bit: u8,
        read: fn(&mut Self) -> Result<T, CodecError>,
    ) -> Result<Option<T>, CodecError> {
        if flags & bit == 0 {
            Ok(None)
        } else {
            read(self).map(Some)
        }
    }

    fn date(&mut self) -> Result<LocalDateTime, CodecError> {
        let year = self.narrow("année")?;
        let month = self.u8()?;
        let day = self.u8()?;
        let minutes = match self.narrow::<u32>("heure")? {
            0 => None,
            m => Some(u16::try_from(m - 1).map_err(|_| CodecError::Invalid("heure"))?),
        };
        Ok(LocalDateTime {
            year,
            month,
            day,
            minutes,
        })
    }

    fn line(&mut self, previous: &mut u32) -> Result<u32, CodecError> {
        let delta = unzigzag(self.varint()?);
        let line = i64::from(*previous)
            .checked_add(1)
            .and_then(|next| next.checked_add(delta))
            .and_then(|line| u32::try_from(line).ok())
            .ok_or(CodecError::Invalid("numéro de ligne"))?;
        *previous = line;
        Ok(line)
    }

    fn snapshot(&mut self) -> Result<CampaignSnapshot, CodecError> {
        let content_hash = u64::from_le_bytes(self.array()?);
        let id = self.varint()?;
        let code = self.opt_string()?;
        let name = self.string()?;
        let organisation = self.string()?;
        let kind = match self.u8()? {
            0 => CampaignKind::ProfilesCollection,
            1 => CampaignKind::Assessment,
            _ => return Err(CodecError::Invalid("type de campagne")),
        };
        let target_profile = self.opt_string()?;
        let file_name = self.string()?;
        let external_id_label = self.opt_string()?;
        let rows = match self.u8()? {
            0 => {
                let count = self.len()?;
                let mut rows = Vec::with_capacity(count);
                let mut previous = 1;
                for _ in 0..count {
                    rows.push(self.profile_row(&mut previous)?);
                }
                Rows::Profiles(rows)
            }
            1 => {
                let sheet = self.sheet()?;
                let count = self.len()?;
                let mut rows = Vec::with_capacity(count);
                let mut previous = 1;
                for _ in 0..count {
                    rows.push(self.assessment_row(&mut previous)?);
                }
                Rows::Assessment { sheet, rows }
            }
            _ => return Err(CodecError::Invalid("type de lignes")),
        };
        Ok(CampaignSnapshot {
            campaign: Campaign {
                id,
                code,
                name,
                organisation,
                kind,
                target_profile,
            },
            file_name,
            content_hash,
            external_id_label,
            rows,
        })
    }

    fn learner(&mut self, flags: u8) -> Result<Learner, CodecError> {
        let last = self.string()?;
        let first = self.string()?;
        let class = self.flagged(flags, HAS_CLASS, Self::string)?;
        Ok(Learner::new(
            &last,
            &first,
            class.as_deref(),
            self.flagged(flags, HAS_STUDENT_NUMBER, Self::string)?,
            self.flagged(flags, HAS_EXTERNAL_ID, Self::string)?,
        ))
    }

    fn profile_row(&mut self, previous: &mut u32) -> Result<ProfileRow, CodecError> {
        let flags = self.u8()?;
        let line = self.line(previous)?;
        let learner = self.learner(flags)?;
        let profile = if flags & HAS_PROFILE == 0 {
            None
        } else {
            let sent_at = self.date()?;
            let total_pix = self.narrow("pix")?;
            let pix: [u8; COMPETENCE_COUNT] = self.array()?;
            let levels = if flags & LEVELS_FROM_PIX != 0 {
                levels_from_pix(&pix)
            } else {
                self.array()?
            };
            let file_certifiable =
                (flags & FILE_CERTIFIABLE_SOME != 0).then_some(flags & FILE_CERTIFIABLE_YES != 0);
            let file_certifiable_count = self.flagged(flags, FILE_COUNT_SOME, Self::u8)?;
            Some(Profile {
                sent_at,
                total_pix,
                levels,
                pix,
                file_certifiable,
                file_certifiable_count,
            })
        };
        Ok(ProfileRow {
            line,
            learner,
            profile,
        })
    }

    fn strings(&mut self) -> Result<Vec<String>, CodecError> {
        let count = self.len()?;
        (0..count).map(|_| self.string()).collect()
    }

    fn sheet(&mut self) -> Result<AssessmentSheet, CodecError> {
        let stage_max = match self.narrow::<u16>("palier")? {
            0 => None,
            m => Some(u8::try_from(m - 1).map_err(|_| CodecError::Invalid("palier"))?),
        };
        Ok(AssessmentSheet {
            stage_max,
            badges: self.strings()?,
            competences: self.strings()?,
            domains: self.strings()?,
        })
    }

    fn masteries(&mut self) -> Result<Vec<Option<Mastery>>, CodecError> {
        let count = self.len()?;
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            out.push(match self.u8()? {
                0 => None,
                1 => Some(Mastery {
                    rate: self.f32()?,
                    targeted: self.narrow("acquis")?,
                    validated: self.narrow("acquis")?,
                }),
                _ => return Err(CodecError::Invalid("maîtrise")),
            });
        }
        Ok(out)
    }

    fn assessment_row(&mut self, previous: &mut u32) -> Result<AssessmentRow, CodecError> {
        let learner_flags = self.u8()?;
        let flags = self.u8()?;
        let line = self.line(previous)?;
        let learner = self.learner(learner_flags)?;
        let progress = self.flagged(flags, PROGRESS_SOME, Self::f32)?;
        let started_at = self.flagged(flags, STARTED_SOME, Self::date)?;
        let shared_at = self.flagged(flags, SHARED_AT_SOME, Self::date)?;
        let stage = self.flagged(flags, STAGE_SOME, Self::u8)?;
        let mastery = self.flagged(flags, MASTERY_SOME, Self::f32)?;
        let badge_count = self.len()?;
        let mut badges = Vec::with_capacity(badge_count);
        for _ in 0..badge_count {
            badges.push(match self.u8()? {
                0 => None,
                1 => Some(false),
                2 => Some(true),
                _ => return Err(CodecError::Invalid("badge")),
            });
        }
        Ok(AssessmentRow {
            line,
            learner,
            progress,
            started_at,
            shared: flags & SHARED != 0,
            shared_at,
            stage,
            mastery,
            badges,
            competences: self.masteries()?,
            domains: self.masteries()?,
        })
    }
}
