//! The students view: one line per student across every stored campaign, with the latest
//! certifiability known — the list Pix Orga users otherwise rebuild by hand.

use std::collections::{BTreeMap, HashMap};

use crate::model::snapshot::{CampaignSnapshot, Learner, LocalDateTime, Rows};
use crate::text::{class_key, fold};
use crate::views::cohort::StudentKey;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KnownCertifiability {
    Certifiable,
    NotCertifiable,
    /// Took part in a campaign, never sent a profile.
    NotCommunicated,
    /// In the school list, in no campaign at all: needs a campaign code, not a reminder to send.
    NeverJoined,
}

impl KnownCertifiability {
    /// Value of the `data-certifiability` hook and of the filter.
    pub fn slug(self) -> &'static str {
        match self {
            KnownCertifiability::Certifiable => "certifiable",
            KnownCertifiability::NotCertifiable => "not-certifiable",
            KnownCertifiability::NotCommunicated => "not-communicated",
            KnownCertifiability::NeverJoined => "never-joined",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        [
            Self::Certifiable,
            Self::NotCertifiable,
            Self::NotCommunicated,
            Self::NeverJoined,
        ]
        .into_iter()
        .find(|c| c.slug() == slug)
    }
}

/// The most recent profile a student sent, in any campaign.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
            None if self.campaigns.is_empty() => KnownCertifiability::NeverJoined,
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
                    last: learner.last().to_owned(),
                    first: learner.first().to_owned(),
                    class: learner.class().unwrap_or_default().to_owned(),
                    class_key: learner.class().map(class_key).unwrap_or_default(),
                    latest: None,
                    campaigns: Vec::new(),
                    possible_duplicate: false,
                    search_key: format!("{} {}", fold(learner.last()), fold(learner.first())),
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
                    if let Some(class) = learner.class() {
                        line.class = class.to_owned();
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
    crate::views::sort::sort_by(&mut lines, |a, b| {
        a.search_key
            .cmp(&b.search_key)
            .then_with(|| crate::text::natural_cmp(&a.class, &b.class))
    });
    lines
}

/// The students list as a spreadsheet, with the column titles the interface gives.
/// `labels`: certifiable, not certifiable, never sent, never joined.
pub fn students_csv(lines: &[StudentOverview], headers: [&str; 8], labels: [&str; 4]) -> String {
    let mut csv = crate::export::CsvWriter::new();
    csv.row(headers);
    for line in lines {
        let label = match line.certifiability() {
            KnownCertifiability::Certifiable => labels[0],
            KnownCertifiability::NotCertifiable => labels[1],
            KnownCertifiability::NotCommunicated => labels[2],
            KnownCertifiability::NeverJoined => labels[3],
        };
        let latest = line.latest.as_ref();
        let campaigns: Vec<&str> = line
            .campaigns
            .iter()
            .map(|(_, name)| name.as_str())
            .collect();
        csv.row([
            line.last.clone(),
            line.first.clone(),
            line.class.clone(),
            label.to_owned(),
            latest.map(|p| p.sent_at.french_date()).unwrap_or_default(),
            latest.map(|p| p.score.to_string()).unwrap_or_default(),
            latest
                .map(|p| p.certifiable_count.to_string())
                .unwrap_or_default(),
            campaigns.join(" | "),
        ]);
    }
    csv.finish()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StudentSort {
    #[default]
    Name,
    Class,
    Certifiability,
    LatestProfile,
}

/// Orders the lines; ties fall back to the name so the order stays readable and stable.
pub fn sort_students(lines: &mut [StudentOverview], column: StudentSort, descending: bool) {
    let rank = |line: &StudentOverview| match line.certifiability() {
        KnownCertifiability::Certifiable => 0,
        KnownCertifiability::NotCertifiable => 1,
        KnownCertifiability::NotCommunicated => 2,
        KnownCertifiability::NeverJoined => 3,
    };
    crate::views::sort::sort_by(lines, |a, b| {
        let primary = match column {
            StudentSort::Name => std::cmp::Ordering::Equal,
            StudentSort::Class => crate::text::natural_cmp(&a.class, &b.class),
            StudentSort::Certifiability => rank(a).cmp(&rank(b)),
            StudentSort::LatestProfile => a
                .latest
                .as_ref()
                .map(|p| p.sent_at)
                .cmp(&b.latest.as_ref().map(|p| p.sent_at)),
        };
        let by_name = a.search_key.cmp(&b.search_key);
        match (column, descending) {
            (StudentSort::Name, true) => by_name.reverse(),
            (_, true) => primary.reverse().then(by_name),
            _ => primary.then(by_name),
        }
    });
}
