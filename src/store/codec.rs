//! The compact form of a stored snapshot, pure Rust so that it is tested natively.
//!
//! A snapshot becomes bytes (the model, with every string written once in a table and
//! referred to by number, levels folded into the pix when they follow from them, small
//! numbers as varints, a checksum at the end), then text that localStorage keeps exactly:
//! 15 bits per UTF-16 code unit, all in U+4000–U+BFFF, so no surrogate, no control
//! character, and Chromium's quota (counted in code units) holds 2.5 times more than base64.
//! Backups carry the same bytes as base64, the densest safe form for a UTF-8 file.

use std::collections::HashMap;
use std::fmt;

use crate::domain::competences::{Levels, COMPETENCE_COUNT};
use crate::domain::snapshot::{
    AssessmentRow, AssessmentSheet, Campaign, CampaignKind, CampaignSnapshot, Learner,
    LocalDateTime, Mastery, Profile, ProfileRow, Rows,
};

/// Version of the byte layout below; bump it (and keep a reader for the old one) on change.
pub const FORMAT: u8 = 2;
/// Start of every stored entry: tells our entries from anything else at a glance.
const TEXT_MAGIC: &str = "C2";
const TEXT_BASE: u32 = 0x4000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecError {
    /// Not text written by this codec (other app, hand-edited, wrong file).
    NotOurs,
    /// Written by a newer Cohorte.
    UnknownFormat(u8),
    /// Ends too early: cut during a copy or an edit.
    Truncated,
    /// The checksum does not match: some characters were changed.
    Checksum,
    /// Decodes, but says something impossible (a string number beyond the table, …).
    Invalid(&'static str),
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodecError::NotOurs => write!(f, "ce contenu n’a pas été écrit par Cohorte"),
            CodecError::UnknownFormat(version) => write!(
                f,
                "format {version}, écrit par une version plus récente de Cohorte"
            ),
            CodecError::Truncated => write!(f, "contenu incomplet (coupé)"),
            CodecError::Checksum => write!(f, "contenu modifié ou abîmé"),
            CodecError::Invalid(what) => write!(f, "contenu incohérent ({what})"),
        }
    }
}

impl std::error::Error for CodecError {}

/// What a stored entry holds: the snapshot and when it was imported.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub imported_at_ms: f64,
    pub snapshot: CampaignSnapshot,
}

// ---------------------------------------------------------------------------------------------
// Bytes

/// Encodes a snapshot and its import time as bytes.
pub fn encode(snapshot: &CampaignSnapshot, imported_at_ms: f64) -> Vec<u8> {
    let mut body = Writer::default();
    body.snapshot(snapshot);
    let mut out = Vec::with_capacity(body.bytes.len() + body.table_len + 64);
    out.push(FORMAT);
    out.extend_from_slice(&imported_at_ms.to_le_bytes());
    push_varint(&mut out, body.strings.len() as u64);
    for string in &body.strings {
        push_varint(&mut out, string.len() as u64);
        out.extend_from_slice(string.as_bytes());
    }
    out.extend_from_slice(&body.bytes);
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// Decodes what [`encode`] wrote; never panics, whatever the bytes.
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

fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

fn unzigzag(value: u64) -> i64 {
    ((value >> 1) as i64) ^ -((value & 1) as i64)
}

#[derive(Default)]
struct Writer<'a> {
    bytes: Vec<u8>,
    strings: Vec<&'a str>,
    numbers: HashMap<&'a str, u64>,
    table_len: usize,
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

impl<'a> Writer<'a> {
    fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    fn varint(&mut self, value: u64) {
        push_varint(&mut self.bytes, value);
    }

    fn f32(&mut self, value: f32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    fn string_number(&mut self, value: &'a str) -> u64 {
        if let Some(&number) = self.numbers.get(value) {
            return number;
        }
        let number = self.strings.len() as u64;
        self.strings.push(value);
        self.numbers.insert(value, number);
        self.table_len += value.len() + 2;
        number
    }

    fn string(&mut self, value: &'a str) {
        let number = self.string_number(value);
        self.varint(number);
    }

    fn opt_string(&mut self, value: &'a Option<String>) {
        let number = value.as_deref().map_or(0, |v| self.string_number(v) + 1);
        self.varint(number);
    }

    fn date(&mut self, date: &LocalDateTime) {
        self.varint(u64::from(date.year));
        self.u8(date.month);
        self.u8(date.day);
        self.varint(date.minutes.map_or(0, |m| u64::from(m) + 1));
    }

    fn line(&mut self, line: u32, previous: &mut u32) {
        // Rows follow each other: the usual gap of one line costs a single zero byte.
        self.varint(zigzag(i64::from(line) - i64::from(*previous) - 1));
        *previous = line;
    }

    fn snapshot(&mut self, snapshot: &'a CampaignSnapshot) {
        let campaign = &snapshot.campaign;
        self.bytes
            .extend_from_slice(&snapshot.content_hash.to_le_bytes());
        self.varint(campaign.id);
        self.opt_string(&campaign.code);
        self.string(&campaign.name);
        self.string(&campaign.organisation);
        self.u8(match campaign.kind {
            CampaignKind::ProfilesCollection => 0,
            CampaignKind::Assessment => 1,
        });
        self.opt_string(&campaign.target_profile);
        self.string(&snapshot.file_name);
        self.opt_string(&snapshot.external_id_label);
        match &snapshot.rows {
            Rows::Profiles(rows) => {
                self.u8(0);
                self.varint(rows.len() as u64);
                let mut previous = 1;
                for row in rows {
                    self.profile_row(row, &mut previous);
                }
            }
            Rows::Assessment { sheet, rows } => {
                self.u8(1);
                self.sheet(sheet);
                self.varint(rows.len() as u64);
                let mut previous = 1;
                for row in rows {
                    self.assessment_row(row, &mut previous);
                }
            }
        }
    }

    fn learner_flags(learner: &Learner) -> u8 {
        let mut flags = 0;
        if learner.class().is_some() {
            flags |= HAS_CLASS;
        }
        if learner.student_number.is_some() {
            flags |= HAS_STUDENT_NUMBER;
        }
        if learner.external_id.is_some() {
            flags |= HAS_EXTERNAL_ID;
        }
        flags
    }

    fn learner(&mut self, learner: &'a Learner) {
        self.string(learner.last());
        self.string(learner.first());
        for value in [
            learner.class(),
            learner.student_number.as_deref(),
            learner.external_id.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            self.string(value);
        }
    }

    fn profile_row(&mut self, row: &'a ProfileRow, previous: &mut u32) {
        let mut flags = Self::learner_flags(&row.learner);
        if let Some(profile) = &row.profile {
            flags |= HAS_PROFILE;
            if let Some(given) = profile.file_certifiable {
                flags |= FILE_CERTIFIABLE_SOME;
                if given {
                    flags |= FILE_CERTIFIABLE_YES;
                }
            }
            if profile.file_certifiable_count.is_some() {
                flags |= FILE_COUNT_SOME;
            }
            if levels_from_pix(&profile.pix) == profile.levels {
                flags |= LEVELS_FROM_PIX;
            }
        }
        self.u8(flags);
        self.line(row.line, previous);
        self.learner(&row.learner);
        if let Some(profile) = &row.profile {
            self.date(&profile.sent_at);
            self.varint(u64::from(profile.total_pix));
            self.bytes.extend_from_slice(&profile.pix);
            if flags & LEVELS_FROM_PIX == 0 {
                self.bytes.extend_from_slice(&profile.levels);
            }
            if let Some(count) = profile.file_certifiable_count {
                self.u8(count);
            }
        }
    }

    fn strings(&mut self, values: &'a [String]) {
        self.varint(values.len() as u64);
        for value in values {
            self.string(value);
        }
    }

    fn sheet(&mut self, sheet: &'a AssessmentSheet) {
        self.varint(sheet.stage_max.map_or(0, |m| u64::from(m) + 1));
        self.strings(&sheet.badges);
        self.strings(&sheet.competences);
        self.strings(&sheet.domains);
    }

    fn masteries(&mut self, values: &[Option<Mastery>]) {
        self.varint(values.len() as u64);
        for value in values {
            match value {
                None => self.u8(0),
                Some(mastery) => {
                    self.u8(1);
                    self.f32(mastery.rate);
                    self.varint(u64::from(mastery.targeted));
                    self.varint(u64::from(mastery.validated));
                }
            }
        }
    }

    fn assessment_row(&mut self, row: &'a AssessmentRow, previous: &mut u32) {
        let learner_flags = Self::learner_flags(&row.learner);
        let mut flags = 0;
        for (present, bit) in [
            (row.progress.is_some(), PROGRESS_SOME),
            (row.started_at.is_some(), STARTED_SOME),
            (row.shared, SHARED),
            (row.shared_at.is_some(), SHARED_AT_SOME),
            (row.stage.is_some(), STAGE_SOME),
            (row.mastery.is_some(), MASTERY_SOME),
        ] {
            if present {
                flags |= bit;
            }
        }
        self.u8(learner_flags);
        self.u8(flags);
        self.line(row.line, previous);
        self.learner(&row.learner);
        if let Some(progress) = row.progress {
            self.f32(progress);
        }
        if let Some(date) = &row.started_at {
            self.date(date);
        }
        if let Some(date) = &row.shared_at {
            self.date(date);
        }
        if let Some(stage) = row.stage {
            self.u8(stage);
        }
        if let Some(mastery) = row.mastery {
            self.f32(mastery);
        }
        self.varint(row.badges.len() as u64);
        for badge in &row.badges {
            self.u8(match badge {
                None => 0,
                Some(false) => 1,
                Some(true) => 2,
            });
        }
        self.masteries(&row.competences);
        self.masteries(&row.domains);
    }
}

fn levels_from_pix(pix: &[u8; COMPETENCE_COUNT]) -> Levels {
    pix.map(|value| value / crate::domain::competences::PIX_PER_LEVEL)
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

    fn flagged_string(&mut self, flags: u8, bit: u8) -> Result<Option<String>, CodecError> {
        if flags & bit == 0 {
            Ok(None)
        } else {
            self.string().map(Some)
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
        let class = self.flagged_string(flags, HAS_CLASS)?;
        Ok(Learner::new(
            &last,
            &first,
            class.as_deref(),
            self.flagged_string(flags, HAS_STUDENT_NUMBER)?,
            self.flagged_string(flags, HAS_EXTERNAL_ID)?,
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
            let file_certifiable_count = if flags & FILE_COUNT_SOME != 0 {
                Some(self.u8()?)
            } else {
                None
            };
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
        let progress = if flags & PROGRESS_SOME != 0 {
            Some(self.f32()?)
        } else {
            None
        };
        let started_at = if flags & STARTED_SOME != 0 {
            Some(self.date()?)
        } else {
            None
        };
        let shared_at = if flags & SHARED_AT_SOME != 0 {
            Some(self.date()?)
        } else {
            None
        };
        let stage = if flags & STAGE_SOME != 0 {
            Some(self.u8()?)
        } else {
            None
        };
        let mastery = if flags & MASTERY_SOME != 0 {
            Some(self.f32()?)
        } else {
            None
        };
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

// ---------------------------------------------------------------------------------------------
// Text for localStorage: 15 bits per character.

/// Bytes as text that localStorage stores exactly and counts as one unit per 15 bits.
pub fn to_text(bytes: &[u8]) -> String {
    let bits = bytes.len() * 8;
    let chars = bits.div_ceil(15);
    let padding = chars * 15 - bits;
    let mut out = String::with_capacity(TEXT_MAGIC.len() + (chars + 1) * 3);
    out.push_str(TEXT_MAGIC);
    out.push(unit(padding as u32));
    let mut acc: u32 = 0;
    let mut held = 0;
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        held += 8;
        if held >= 15 {
            held -= 15;
            out.push(unit((acc >> held) & 0x7fff));
            acc &= (1 << held) - 1;
        }
    }
    if held > 0 {
        out.push(unit((acc << (15 - held)) & 0x7fff));
    }
    out
}

fn unit(value: u32) -> char {
    // TEXT_BASE + 0x7fff = U+BFFF: below the surrogates, so always a valid char.
    char::from_u32(TEXT_BASE + value).unwrap_or('\u{4000}')
}

/// The bytes [`to_text`] wrote.
pub fn from_text(text: &str) -> Result<Vec<u8>, CodecError> {
    let rest = text.strip_prefix(TEXT_MAGIC).ok_or(CodecError::NotOurs)?;
    let mut chars = rest.chars().map(|c| {
        let value = u32::from(c).wrapping_sub(TEXT_BASE);
        if value <= 0x7fff {
            Ok(value)
        } else {
            Err(CodecError::NotOurs)
        }
    });
    let padding = chars.next().ok_or(CodecError::Truncated)?? as usize;
    if padding >= 15 {
        return Err(CodecError::NotOurs);
    }
    let count = rest.chars().count() - 1;
    let bits = (count * 15)
        .checked_sub(padding)
        .ok_or(CodecError::Truncated)?;
    if bits % 8 != 0 {
        return Err(CodecError::Truncated);
    }
    let mut out = Vec::with_capacity(bits / 8);
    let mut acc: u32 = 0;
    let mut held = 0;
    for value in chars {
        acc = (acc << 15) | value?;
        held += 15;
        while held >= 8 && out.len() < bits / 8 {
            held -= 8;
            out.push((acc >> held) as u8);
            acc &= (1 << held) - 1;
        }
    }
    Ok(out)
}

/// A snapshot as stored in localStorage.
pub fn encode_text(snapshot: &CampaignSnapshot, imported_at_ms: f64) -> String {
    to_text(&encode(snapshot, imported_at_ms))
}

pub fn decode_text(text: &str) -> Result<Entry, CodecError> {
    decode(&from_text(text)?)
}

/// Length as localStorage counts it.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

// ---------------------------------------------------------------------------------------------
// Base64, for backup files.

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn to_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (index, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if index <= chunk.len() {
                out.push(char::from(BASE64[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn from_base64(text: &str) -> Result<Vec<u8>, CodecError> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut held = 0;
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(CodecError::NotOurs),
        };
        acc = (acc << 6) | u32::from(value);
        held += 6;
        if held >= 8 {
            held -= 8;
            out.push((acc >> held) as u8);
            acc &= (1 << held) - 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_every_length_and_every_byte() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 255) as u8).collect();
            assert_eq!(from_text(&to_text(&bytes)).unwrap(), bytes, "length {len}");
            assert_eq!(
                from_base64(&to_base64(&bytes)).unwrap(),
                bytes,
                "length {len}"
            );
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(from_text(&to_text(&all)).unwrap(), all);
        assert_eq!(to_base64(b"Cohorte!"), "Q29ob3J0ZSE=");
    }

    #[test]
    fn text_uses_one_code_unit_per_15_bits_and_no_surrogate() {
        let bytes = vec![0xff; 1500];
        let text = to_text(&bytes);
        assert_eq!(utf16_len(&text), 2 + 1 + 800);
        assert!(text
            .chars()
            .skip(2)
            .all(|c| (0x4000..=0xbfff).contains(&u32::from(c))));
    }

    #[test]
    fn foreign_text_is_not_ours() {
        assert_eq!(from_text("{\"a\":1}"), Err(CodecError::NotOurs));
        assert_eq!(from_text("C2"), Err(CodecError::Truncated));
        assert_eq!(from_text("C2abc"), Err(CodecError::NotOurs));
    }
}
