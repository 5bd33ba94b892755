//! The campaign list: one summary per campaign (from its latest import), searched, filtered,
//! sorted and paged.

use std::cmp::Ordering;
use std::collections::HashSet;

use crate::import::assessment::{assessment_students, AssessmentCounts};
use crate::model::snapshot::{CampaignKind, CampaignSnapshot, LocalDateTime, Rows};
use crate::text::{fold, natural_cmp};
use crate::views::cohort::{percent, profile_students, ProfileCounts};

pub const CAMPAIGNS_PER_PAGE: usize = 25;

/// The file name the example export is stored under: it marks the example, which is shown as
/// such, kept out of the students view, and removed in one click.
pub const EXAMPLE_FILE_NAME: &str = "exemple-collecte-3e.csv";

/// Whether an import is the app's example rather than the school's data.
pub fn is_example(snapshot: &CampaignSnapshot) -> bool {
    snapshot.file_name == EXAMPLE_FILE_NAME
}

#[derive(Clone, Debug, PartialEq)]
pub struct CampaignSummary {
    pub id: u64,
    pub name: String,
    pub code: Option<String>,
    pub kind: CampaignKind,
    pub organisation: String,
    pub participants: usize,
    /// Profiles received (collection) or results shared (assessment).
    pub received: usize,
    /// Profiles collection only: certifiable participants.
    pub certifiable: Option<usize>,
    /// Profiles collection with a school list covering it: the promotion's figures, the base
    /// of the share the list shows (as the campaign's header does).
    pub promotion: Option<crate::roster::cohort::CohortShare>,
    /// Latest activity of the latest import.
    pub latest: Option<LocalDateTime>,
    pub snapshots: usize,
    /// The app's example (`is_example`), not the school's data.
    pub example: bool,
    /// Folded name and code, for the search.
    pub search_key: String,
}

impl CampaignSummary {
    pub fn of(snapshot: &CampaignSnapshot, snapshots: usize) -> Self {
        let campaign = &snapshot.campaign;
        let (participants, received, certifiable) = match &snapshot.rows {
            Rows::Profiles(rows) => {
                let counts = ProfileCounts::of(rows, &profile_students(rows));
                (
                    counts.participants,
                    counts.received,
                    Some(counts.certifiable),
                )
            }
            Rows::Assessment { rows, .. } => {
                let counts = AssessmentCounts::of(rows, &assessment_students(rows));
                (counts.participants, counts.shared, None)
            }
        };
        CampaignSummary {
            id: campaign.id,
            name: campaign.name.clone(),
            code: campaign.code.clone(),
            kind: campaign.kind,
            organisation: campaign.organisation.clone(),
            participants,
            received,
            certifiable,
            promotion: None,
            latest: snapshot.latest_activity(),
            snapshots,
            example: is_example(snapshot),
            search_key: fold(&format!(
                "{} {}",
                campaign.name,
                campaign.code.as_deref().unwrap_or("")
            )),
        }
    }

    /// The same summary with the promotion's figures (`roster::cohort::promotion_share`).
    pub fn with_promotion(mut self, promotion: Option<crate::roster::cohort::CohortShare>) -> Self {
        if self.kind == CampaignKind::ProfilesCollection {
            self.promotion = promotion;
        }
        self
    }

    /// Certifiable pupils and the pupils the share is over: the promotion when there is one,
    /// else the participants. `None` for an assessment.
    pub fn certifiable_of(&self) -> Option<(usize, usize)> {
        match self.promotion {
            Some(promotion) => Some((promotion.certifiable, promotion.students)),
            None => self
                .certifiable
                .map(|certifiable| (certifiable, self.participants)),
        }
    }

    pub fn certifiable_percent(&self) -> Option<u32> {
        self.certifiable_of()
            .map(|(certifiable, whole)| percent(certifiable, whole))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CampaignColumn {
    Name,
    Code,
    Kind,
    Organisation,
    Participants,
    Received,
    Certifiable,
    #[default]
    Latest,
    Snapshots,
}

/// Which campaigns the archive filter shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ArchiveFilter {
    #[default]
    Active,
    Archived,
    All,
}

impl ArchiveFilter {
    pub fn slug(self) -> &'static str {
        match self {
            ArchiveFilter::Active => "active",
            ArchiveFilter::Archived => "archived",
            ArchiveFilter::All => "all",
        }
    }

    pub fn from_slug(slug: &str) -> Self {
        match slug {
            "archived" => ArchiveFilter::Archived,
            "all" => ArchiveFilter::All,
            _ => ArchiveFilter::Active,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampaignQuery {
    pub search: String,
    pub kind: Option<CampaignKind>,
    pub archive: ArchiveFilter,
    pub column: CampaignColumn,
    pub descending: bool,
}

impl Default for CampaignQuery {
    fn default() -> Self {
        // Most recent first, as the list has always opened.
        CampaignQuery {
            search: String::new(),
            kind: None,
            archive: ArchiveFilter::Active,
            column: CampaignColumn::Latest,
            descending: true,
        }
    }
}

/// Indices into `all` of the campaigns the query shows, in its order.
pub fn select_campaigns(
    all: &[CampaignSummary],
    query: &CampaignQuery,
    archived: &HashSet<u64>,
) -> Vec<usize> {
    let search = fold(&query.search);
    let mut selected: Vec<usize> = (0..all.len())
        .filter(|&index| {
            let summary = &all[index];
            let is_archived = archived.contains(&summary.id);
            let archive_ok = match query.archive {
                ArchiveFilter::Active => !is_archived,
                ArchiveFilter::Archived => is_archived,
                ArchiveFilter::All => true,
            };
            archive_ok
                && query.kind.is_none_or(|kind| kind == summary.kind)
                && search
                    .split(' ')
                    .all(|word| summary.search_key.contains(word))
        })
        .collect();
    crate::views::sort::sort_by(&mut selected, |&a, &b| {
        let (a, b) = (&all[a], &all[b]);
        let primary = compare(a, b, query.column);
        let primary = if query.descending {
            primary.reverse()
        } else {
            primary
        };
        primary
            .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
            .then_with(|| a.id.cmp(&b.id))
    });
    selected
}

fn compare(a: &CampaignSummary, b: &CampaignSummary, column: CampaignColumn) -> Ordering {
    match column {
        CampaignColumn::Name => fold(&a.name).cmp(&fold(&b.name)),
        CampaignColumn::Code => natural_cmp(
            a.code.as_deref().unwrap_or(""),
            b.code.as_deref().unwrap_or(""),
        ),
        CampaignColumn::Kind => a.kind.slug().cmp(b.kind.slug()),
        CampaignColumn::Organisation => fold(&a.organisation).cmp(&fold(&b.organisation)),
        CampaignColumn::Participants => a.participants.cmp(&b.participants),
        CampaignColumn::Received => a.received.cmp(&b.received),
        // By share, then by number; assessments (no certifiability) below every collection.
        CampaignColumn::Certifiable => {
            let number =
                |s: &CampaignSummary| s.certifiable_of().map(|(certifiable, _)| certifiable);
            (a.certifiable_percent(), number(a)).cmp(&(b.certifiable_percent(), number(b)))
        }
        CampaignColumn::Latest => a.latest.cmp(&b.latest),
        CampaignColumn::Snapshots => a.snapshots.cmp(&b.snapshots),
    }
}

/// The page `page` (1-based, clamped) of `total` items: (first index, end index, page, pages).
pub fn page_bounds(total: usize, page_size: usize, page: usize) -> (usize, usize, usize, usize) {
    let pages = total.div_ceil(page_size.max(1)).max(1);
    let page = page.clamp(1, pages);
    let start = ((page - 1) * page_size).min(total);
    let end = (start + page_size).min(total);
    (start, end, page, pages)
}
