//! The stored types as JSON, in the layout serde's derives gave them (fields in declaration
//! order, enums by variant name, `None` as `null` or absent, unknown fields ignored), so the
//! index and the version 1 snapshots written by earlier versions still read.

use super::json::{self, Value, Writer};
use super::{Index, SnapshotMeta};
use crate::domain::competences::{Levels, COMPETENCE_COUNT};
use crate::domain::snapshot::{
    AssessmentRow, AssessmentSheet, Campaign, CampaignKind, CampaignSnapshot, Learner,
    LocalDateTime, Mastery, Profile, ProfileRow, Rows,
};

/// A field of an `Option` type: absent and `null` both read as `None`, as with serde.
fn optional<'v, T>(
    field: Option<&Value<'v>>,
    read: fn(&Value<'v>) -> Option<T>,
) -> Option<Option<T>> {
    match field.and_then(Value::non_null) {
        None => Some(None),
        Some(value) => read(value).map(Some),
    }
}

fn list<'v, T>(value: &Value<'v>, read: fn(&Value<'v>) -> Option<T>) -> Option<Vec<T>> {
    value.as_array()?.iter().map(read).collect()
}

fn string(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

fn kind_name(kind: CampaignKind) -> &'static str {
    match kind {
        CampaignKind::ProfilesCollection => "ProfilesCollection",
        CampaignKind::Assessment => "Assessment",
    }
}

fn kind(value: &Value) -> Option<CampaignKind> {
    match value.as_str()? {
        "ProfilesCollection" => Some(CampaignKind::ProfilesCollection),
        "Assessment" => Some(CampaignKind::Assessment),
        _ => None,
    }
}

fn date_time(value: &Value) -> Option<LocalDateTime> {
    Some(LocalDateTime {
        year: value.get("year")?.as_u16()?,
        month: value.get("month")?.as_u8()?,
        day: value.get("day")?.as_u8()?,
        minutes: optional(value.get("minutes"), Value::as_u16)?,
    })
}

fn write_date_time(out: &mut Writer, date: &LocalDateTime) {
    out.begin_object();
    out.key("year");
    out.uint(date.year.into());
    out.key("month");
    out.uint(date.month.into());
    out.key("day");
    out.uint(date.day.into());
    out.key("minutes");
    match date.minutes {
        Some(minutes) => out.uint(minutes.into()),
        None => out.null(),
    }
    out.end_object();
}

fn meta(value: &Value) -> Option<SnapshotMeta> {
    Some(SnapshotMeta {
        id: value.get("id")?.as_u32()?,
        campaign_id: value.get("campaign_id")?.as_u64()?,
        campaign_name: string(value.get("campaign_name")?)?,
        kind: kind(value.get("kind")?)?,
        file_name: string(value.get("file_name")?)?,
        imported_at_ms: value.get("imported_at_ms")?.as_f64()?,
        latest_activity: optional(value.get("latest_activity"), date_time)?,
        content_hash: value.get("content_hash")?.as_u64()?,
        rows: value.get("rows")?.as_usize()?,
        bytes: value.get("bytes")?.as_usize()?,
    })
}

fn write_meta(out: &mut Writer, meta: &SnapshotMeta) {
    out.begin_object();
    out.key("id");
    out.uint(meta.id.into());
    out.key("campaign_id");
    out.uint(meta.campaign_id);
    out.key("campaign_name");
    out.string(&meta.campaign_name);
    out.key("kind");
    out.string(kind_name(meta.kind));
    out.key("file_name");
    out.string(&meta.file_name);
    out.key("imported_at_ms");
    out.milliseconds(meta.imported_at_ms);
    out.key("latest_activity");
    match &meta.latest_activity {
        Some(date) => write_date_time(out, date),
        None => out.null(),
    }
    out.key("content_hash");
    out.uint(meta.content_hash);
    out.key("rows");
    out.uint(meta.rows as u64);
    out.key("bytes");
    out.uint(meta.bytes as u64);
    out.end_object();
}

impl Index {
    pub(super) fn to_json(&self) -> String {
        let mut out = Writer::new();
        out.begin_object();
        out.key("version");
        out.uint(self.version.into());
        out.key("next_id");
        out.uint(self.next_id.into());
        out.key("snapshots");
        out.begin_array();
        for meta in &self.snapshots {
            write_meta(&mut out, meta);
        }
        out.end_array();
        out.end_object();
        out.finish()
    }

    /// `None` when the text is not an index (damaged, cut, hand-edited).
    pub(super) fn from_json(text: &str) -> Option<Index> {
        let value = json::parse(text).ok()?;
        Some(Index {
            version: value.get("version")?.as_u32()?,
            next_id: value.get("next_id")?.as_u32()?,
            snapshots: list(value.get("snapshots")?, meta)?,
        })
    }
}

/// A snapshot as the version 1 store kept it (serde's JSON of the model); `None` when the
/// text is not one.
pub(super) fn v1_snapshot(text: &str) -> Option<CampaignSnapshot> {
    let value = json::parse(text).ok()?;
    Some(CampaignSnapshot {
        campaign: campaign(value.get("campaign")?)?,
        file_name: string(value.get("file_name")?)?,
        content_hash: value.get("content_hash")?.as_u64()?,
        external_id_label: optional(value.get("external_id_label"), string)?,
        rows: rows(value.get("rows")?)?,
    })
}

fn campaign(value: &Value) -> Option<Campaign> {
    Some(Campaign {
        id: value.get("id")?.as_u64()?,
        code: optional(value.get("code"), string)?,
        name: string(value.get("name")?)?,
        organisation: string(value.get("organisation")?)?,
        kind: kind(value.get("kind")?)?,
        target_profile: optional(value.get("target_profile"), string)?,
    })
}

/// Externally tagged, as serde writes enums: `{"Profiles":[…]}` or `{"Assessment":{…}}`.
fn rows(value: &Value) -> Option<Rows> {
    let Value::Object(fields) = value else {
        return None;
    };
    let [(variant, content)] = fields.as_slice() else {
        return None;
    };
    match variant.as_ref() {
        "Profiles" => list(content, profile_row).map(Rows::Profiles),
        "Assessment" => Some(Rows::Assessment {
            sheet: sheet(content.get("sheet")?)?,
            rows: list(content.get("rows")?, assessment_row)?,
        }),
        _ => None,
    }
}

fn learner(value: &Value) -> Option<Learner> {
    let class: Option<String> = optional(value.get("class"), string)?;
    Some(Learner::new(
        &string(value.get("last")?)?,
        &string(value.get("first")?)?,
        class.as_deref(),
        optional(value.get("student_number"), string)?,
        optional(value.get("external_id"), string)?,
    ))
}

fn profile_row(value: &Value) -> Option<ProfileRow> {
    Some(ProfileRow {
        line: value.get("line")?.as_u32()?,
        learner: learner(value.get("learner")?)?,
        profile: optional(value.get("profile"), profile)?,
    })
}

/// Exactly 16 small numbers, as serde reads a `[u8; 16]`.
fn levels(value: &Value) -> Option<Levels> {
    let items = value.as_array()?;
    let mut levels = [0; COMPETENCE_COUNT];
    if items.len() != COMPETENCE_COUNT {
        return None;
    }
    for (level, item) in levels.iter_mut().zip(items) {
        *level = item.as_u8()?;
    }
    Some(levels)
}

fn profile(value: &Value) -> Option<Profile> {
    Some(Profile {
        sent_at: date_time(value.get("sent_at")?)?,
        total_pix: value.get("total_pix")?.as_u32()?,
        levels: levels(value.get("levels")?)?,
        pix: levels(value.get("pix")?)?,
        file_certifiable: optional(value.get("file_certifiable"), Value::as_bool)?,
        file_certifiable_count: optional(value.get("file_certifiable_count"), Value::as_u8)?,
    })
}

fn mastery(value: &Value) -> Option<Mastery> {
    Some(Mastery {
        rate: value.get("rate")?.as_f32()?,
        targeted: value.get("targeted")?.as_u16()?,
        validated: value.get("validated")?.as_u16()?,
    })
}

fn assessment_row(value: &Value) -> Option<AssessmentRow> {
    Some(AssessmentRow {
        line: value.get("line")?.as_u32()?,
        learner: learner(value.get("learner")?)?,
        progress: optional(value.get("progress"), Value::as_f32)?,
        started_at: optional(value.get("started_at"), date_time)?,
        shared: value.get("shared")?.as_bool()?,
        shared_at: optional(value.get("shared_at"), date_time)?,
        stage: optional(value.get("stage"), Value::as_u8)?,
        mastery: optional(value.get("mastery"), Value::as_f32)?,
        badges: list(value.get("badges")?, |badge| {
            optional(Some(badge), Value::as_bool)
        })?,
        competences: list(value.get("competences")?, |item| {
            optional(Some(item), mastery)
        })?,
        domains: list(value.get("domains")?, |item| optional(Some(item), mastery))?,
    })
}

fn sheet(value: &Value) -> Option<AssessmentSheet> {
    Some(AssessmentSheet {
        stage_max: optional(value.get("stage_max"), Value::as_u8)?,
        badges: list(value.get("badges")?, string)?,
        competences: list(value.get("competences")?, string)?,
        domains: list(value.get("domains")?, string)?,
    })
}
