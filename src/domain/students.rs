//! The students view: one line per student across every stored campaign, with the latest
//! certifiability known — the list Pix Orga users otherwise rebuild by hand.

use std::collections::{BTreeMap, HashMap};

use super::cohort::StudentKey;
use super::snapshot::{CampaignSnapshot, Learner, LocalDateTime, Rows};
use super::text::{class_key, fold};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KnownCertifiability {
    Certifiable,
    NotCertifiable,
    /// No profile was ever sent (Pix Orga's "Non communiqué").
    NotCommunicated,
}

impl KnownCertifiability {
    /// Value of the `data-certifiability` hook and of the filter.
    pub fn slug(self) -> &'static str {
        match self {
            KnownCertifiability::Certifiable => "certifiable",
            KnownCertifiability::NotCertifiable => "not-certifiable",
            KnownCertifiability::NotCommunicated => "not-communicated",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        [
            Self::Certifiable,
            Self::NotCertifiable,
            Self::NotCommunicated,
        ]
        .into_iter()
        .find(|c| c.slug() == slug)
    }
}

/// The most recent profile a student sent, in any campaign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LatestProfile {
    pub sent_at: LocalDateTime,
    pub campaign_id: u64,
    pub campaign_name: String,
    pub score: u32,
    pub certifiable_count: u8,
    pub certifiable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentOverview {
    pub last: String,
    pub first: String,
    /// As typed in the most recent row that names a class.
    pub class: String,
    pub class_key: String,
    pub latest: Option<LatestProfile>,
    /// (campaign id, campaign name), in the order first met.
    pub campaigns: Vec<(u64, String)>,
    /// Another line has the same name with another class (or none): they may be one student,
    /// or two. Never merged silently; the view shows the doubt.
    pub possible_duplicate: bool,
    /// Folded "last first", for search and ordering.
    pub search_key: String,
}

impl StudentOverview {
    pub fn certifiability(&self) -> KnownCertifiability {
        match &self.latest {
            None => KnownCertifiability::NotCommunicated,
            Some(profile) if profile.certifiable => KnownCertifiability::Certifiable,
            Some(_) => KnownCertifiability::NotCertifiable,
        }
    }
}

/// Every student of every given snapshot, one line each, sorted by name then class.
pub fn students_overview<'a>(
    snapshots: impl IntoIterator<Item = &'a CampaignSnapshot>,
) -> Vec<StudentOverview> {
    let mut by_key: HashMap<StudentKey, StudentOverview> = HashMap::new();
    for snapshot in snapshots {
        let campaign = &snapshot.campaign;
        let mut visit = |learner: &Learner, profile: Option<LatestProfile>| {
            let line = by_key
                .entry(StudentKey::of(learner))
                .or_insert_with(|| StudentOverview {
                    last: learner.last.clone(),
                    first: learner.first.clone(),
                    class: learner.class.clone().unwrap_or_default(),
                    class_key: learner.class.as_deref().map(class_key).unwrap_or_default(),
                    latest: None,
                    campaigns: Vec::new(),
                    possible_duplicate: false,
                    search_key: format!("{} {}", fold(&learner.last), fold(&learner.first)),
                });
            if !line.campaigns.iter().any(|(id, _)| *id == campaign.id) {
                line.campaigns.push((campaign.id, campaign.name.clone()));
            }
            if let Some(profile) = profile {
                if line
                    .latest
                    .as_ref()
                    .is_none_or(|latest| profile.sent_at > latest.sent_at)
                {
                    if let Some(class) = learner.class.as_ref().filter(|class| !class.is_empty()) {
                        line.class = class.clone();
                    }
                    line.latest = Some(profile);
                }
            }
        };
        match &snapshot.rows {
            Rows::Profiles(rows) => {
                for row in rows {
                    let profile = row.profile.as_ref().map(|profile| LatestProfile {
                        sent_at: profile.sent_at,
                        campaign_id: campaign.id,
                        campaign_name: campaign.name.clone(),
                        score: profile.total_pix,
                        certifiable_count: profile.certifiable_count(),
                        certifiable: profile.is_certifiable(),
                    });
                    visit(&row.learner, profile);
                }
            }
            // Assessments say nothing of certifiability, but they show where a student appears.
            Rows::Assessment { rows, .. } => rows.iter().for_each(|row| visit(&row.learner, None)),
        }
    }

    let mut lines: Vec<StudentOverview> = by_key.into_values().collect();
    let mut classes_per_name: BTreeMap<String, usize> = BTreeMap::new();
    for line in &lines {
        *classes_per_name.entry(line.search_key.clone()).or_default() += 1;
    }
    for line in &mut lines {
        line.possible_duplicate = classes_per_name[&line.search_key] > 1;
    }
    crate::domain::sort::sort_by(&mut lines, |a, b| {
        a.search_key
            .cmp(&b.search_key)
            .then_with(|| super::text::natural_cmp(&a.class, &b.class))
    });
    lines
}
