//! The URL hash holds the page, the campaign's tab and its filters, so reload, back/forward
//! and bookmarks work, from `file://` too: `#/`, `#/campagne/348127/a-faire?classe=3a`.
//!
//! The router is our own, not leptos_router: leptos_router reads the path, and has no hash
//! mode (leptos issue #2184), while the single file opened from `file://` (a USB stick) can
//! only change the part after `#`. Parsing and printing the hash is plain Rust here, tested
//! natively; the UI listens to `popstate` and `hashchange` and calls `Route::parse`.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::import::assessment::{AssessmentFilter, AssessmentStatus};
use crate::roster::cohort::{NEVER_JOINED_SLUG, OUT_OF_LIST_SLUG};
use crate::views::cohort::{Certifiability, ParticipantFilter, Sort, SortColumn};

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Campaigns,
    Campaign {
        id: u64,
        tab: CampaignTab,
        view: TableView,
    },
    /// Every student across the stored campaigns.
    Students,
    /// The certification results per class (`#/resultats`).
    Results,
    /// The plan of certification sessions.
    Sessions,
}

/// The tabs of a campaign page, each with its own address. A profiles collection has the
/// first five; an assessment has `Participants` and `Averages`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum CampaignTab {
    #[default]
    Participants,
    Todo,
    Classes,
    Analysis,
    History,
    Averages,
}

impl CampaignTab {
    pub const PROFILES: [CampaignTab; 5] = [
        CampaignTab::Participants,
        CampaignTab::Todo,
        CampaignTab::Classes,
        CampaignTab::Analysis,
        CampaignTab::History,
    ];
    pub const ASSESSMENT: [CampaignTab; 2] = [CampaignTab::Participants, CampaignTab::Averages];

    /// The path segment after the campaign's id (also the tab's test hook suffix).
    pub fn slug(self) -> &'static str {
        match self {
            CampaignTab::Participants => "participants",
            CampaignTab::Todo => "a-faire",
            CampaignTab::Classes => "classes",
            CampaignTab::Analysis => "analyse",
            CampaignTab::History => "historique",
            CampaignTab::Averages => "moyennes",
        }
    }

    pub fn from_slug(slug: &str) -> Option<CampaignTab> {
        Self::PROFILES
            .into_iter()
            .chain([CampaignTab::Averages])
            .find(|tab| tab.slug() == slug)
    }
}

/// Filters, sort and pagination of a participants table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableView {
    pub filter: ParticipantFilter,
    /// Only the roster's students who never joined the campaign: they are no line of the
    /// export, so this is not a `Certifiability`, but it shares the status filter's place.
    pub never_joined_only: bool,
    /// Only the participants the school list does not have (`statut=hors-liste`).
    pub out_of_list_only: bool,
    pub sort: Sort,
    pub page_size: usize,
    /// 1-based.
    pub page: usize,
    /// Row of the student whose detail is open (index of their current participation).
    pub detail: Option<usize>,
    /// An assessment's own filters; its search and classes are those of `filter`.
    pub assessment_status: Option<AssessmentStatus>,
    pub stage: Option<u8>,
}

pub const PAGE_SIZES: [usize; 4] = [10, 25, 50, 100];
pub const DEFAULT_PAGE_SIZE: usize = 50;

impl Default for TableView {
    fn default() -> Self {
        TableView {
            filter: ParticipantFilter::default(),
            never_joined_only: false,
            out_of_list_only: false,
            sort: Sort::default(),
            page_size: DEFAULT_PAGE_SIZE,
            page: 1,
            detail: None,
            assessment_status: None,
            stage: None,
        }
    }
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path_and_query = hash.trim_start_matches('#');
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((path_and_query, ""));
        let segments: Vec<&str> = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .collect();
        match segments.as_slice() {
            ["eleves"] => Route::Students,
            ["resultats"] => Route::Results,
            ["sessions"] => Route::Sessions,
            ["campagne", id, rest @ ..] => match (id.parse(), rest) {
                (Ok(id), []) => Route::Campaign {
                    id,
                    tab: CampaignTab::default(),
                    view: TableView::parse(query),
                },
                (Ok(id), [tab]) => Route::Campaign {
                    id,
                    // An unknown tab (an old bookmark, a typo) opens the first one.
                    tab: CampaignTab::from_slug(tab).unwrap_or_default(),
                    view: TableView::parse(query),
                },
                _ => Route::Campaigns,
            },
            _ => Route::Campaigns,
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::Campaigns => "#/".to_owned(),
            Route::Students => "#/eleves".to_owned(),
            Route::Results => "#/resultats".to_owned(),
            Route::Sessions => "#/sessions".to_owned(),
            Route::Campaign { id, tab, view } => {
                let path = match tab {
                    CampaignTab::Participants => format!("#/campagne/{id}"),
                    tab => format!("#/campagne/{id}/{}", tab.slug()),
                };
                let query = view.to_query();
                if query.is_empty() {
                    path
                } else {
                    format!("{path}?{query}")
                }
            }
        }
    }
}

impl TableView {
    /// The filter of an assessment's participants, from the same URL.
    pub fn assessment_filter(&self) -> AssessmentFilter {
        AssessmentFilter {
            classes: self.filter.classes.clone(),
            status: self.assessment_status,
            stage: self.stage,
            search: self.filter.search.clone(),
        }
    }

    fn parse(query: &str) -> TableView {
        let mut view = TableView::default();
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode_component(value);
            match key {
                "classe" => {
                    view.filter.classes = value
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned)
                        .collect()
                }
                "statut" if value == NEVER_JOINED_SLUG => view.never_joined_only = true,
                "statut" if value == OUT_OF_LIST_SLUG => view.out_of_list_only = true,
                "statut" => view.filter.status = Certifiability::from_slug(&value),
                "q" => view.filter.search = value,
                "tri" => {
                    let (column, descending) = match value.strip_prefix('-') {
                        Some(column) => (column, true),
                        None => (value.as_str(), false),
                    };
                    if let Some(column) = SortColumn::from_slug(column) {
                        view.sort = Sort { column, descending };
                    }
                }
                "taille" => {
                    if let Some(size) = value.parse().ok().filter(|size| PAGE_SIZES.contains(size))
                    {
                        view.page_size = size;
                    }
                }
                "page" => view.page = value.parse().unwrap_or(1).max(1),
                "eleve" => view.detail = value.parse().ok(),
                "etat" => view.assessment_status = AssessmentStatus::from_slug(&value),
                "palier" => view.stage = value.parse().ok(),
                _ => {}
            }
        }
        view
    }

    fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.filter.classes.is_empty() {
            parts.push(format!(
                "classe={}",
                encode_component(&self.filter.classes.join(","))
            ));
        }
        if let Some(status) = self.filter.status {
            parts.push(format!("statut={}", status.slug()));
        } else if self.never_joined_only {
            parts.push(format!("statut={NEVER_JOINED_SLUG}"));
        } else if self.out_of_list_only {
            parts.push(format!("statut={OUT_OF_LIST_SLUG}"));
        }
        if !self.filter.search.is_empty() {
            parts.push(format!("q={}", encode_component(&self.filter.search)));
        }
        if self.sort != Sort::default() {
            let sign = if self.sort.descending { "-" } else { "" };
            parts.push(format!("tri={sign}{}", self.sort.column.slug()));
        }
        if self.page_size != DEFAULT_PAGE_SIZE {
            parts.push(format!("taille={}", self.page_size));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if let Some(row) = self.detail {
            parts.push(format!("eleve={row}"));
        }
        if let Some(status) = self.assessment_status {
            parts.push(format!("etat={}", status.slug()));
        }
        if let Some(stage) = self.stage {
            parts.push(format!("palier={stage}"));
        }
        parts.join("&")
    }
}

/// What a query value keeps unescaped: unreserved ASCII (RFC 3986), so any name survives the
/// hash.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn encode_component(text: &str) -> String {
    utf8_percent_encode(text, QUERY_VALUE).to_string()
}

/// `+` is a space, as in a form-encoded query (URLSearchParams writes one so); a bad escape
/// is kept as it is, and bytes that are not UTF-8 become U+FFFD.
fn decode_component(text: &str) -> String {
    percent_decode_str(&text.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_percent_coded_as_before() {
        assert_eq!(
            encode_component("Zoé d'Arc & co+1"),
            "Zo%C3%A9%20d%27Arc%20%26%20co%2B1"
        );
        assert_eq!(encode_component("3e-10_a.b~c"), "3e-10_a.b~c");
        assert_eq!(
            decode_component("Zo%C3%A9+d%27Arc%20%26%20co%2B1"),
            "Zoé d'Arc & co+1"
        );
        assert_eq!(decode_component("100%"), "100%", "a bad escape is kept");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%FF"), "\u{FFFD}", "not UTF-8");
    }

    #[test]
    fn a_campaign_view_survives_the_round_trip_through_the_url() {
        let route = Route::Campaign {
            id: 348127,
            tab: CampaignTab::Todo,
            view: TableView {
                filter: ParticipantFilter {
                    classes: vec!["3a".into(), "3e10".into()],
                    status: Some(Certifiability::NotCertifiable),
                    search: "Zoé d'Arc & co".into(),
                },
                never_joined_only: false,
                out_of_list_only: false,
                sort: Sort {
                    column: SortColumn::Score,
                    descending: true,
                },
                page_size: 25,
                page: 3,
                detail: Some(17),
                assessment_status: None,
                stage: None,
            },
        };
        let hash = route.to_hash();
        assert!(hash.starts_with("#/campagne/348127/a-faire?"), "{hash}");
        assert_eq!(Route::parse(&hash), route);
    }

    #[test]
    fn the_never_joined_filter_lives_in_the_url_like_the_statuses() {
        let route = Route::Campaign {
            id: 7,
            tab: CampaignTab::Participants,
            view: TableView {
                never_joined_only: true,
                filter: ParticipantFilter {
                    classes: vec!["t1".into()],
                    ..ParticipantFilter::default()
                },
                ..TableView::default()
            },
        };
        assert_eq!(
            route.to_hash(),
            "#/campagne/7?classe=t1&statut=never-joined"
        );
        assert_eq!(Route::parse(&route.to_hash()), route);
    }

    #[test]
    fn the_default_view_has_a_clean_url_and_junk_falls_back_to_defaults() {
        let route = Route::Campaign {
            id: 1,
            tab: CampaignTab::Participants,
            view: TableView::default(),
        };
        assert_eq!(route.to_hash(), "#/campagne/1");
        assert_eq!(
            Route::parse("#/campagne/1?taille=7&page=zero&statut=peut-etre&tri=-inconnu"),
            route
        );
        assert_eq!(Route::parse("#/campagne/1/onglet-inconnu"), route);
        assert_eq!(Route::parse("#/campagne/pas-un-nombre"), Route::Campaigns);
        assert_eq!(Route::parse(""), Route::Campaigns);
    }

    #[test]
    fn an_assessment_view_survives_the_round_trip_through_the_url() {
        let route = Route::Campaign {
            id: 9,
            tab: CampaignTab::Averages,
            view: TableView {
                filter: ParticipantFilter {
                    classes: vec!["5a".into()],
                    search: "lea".into(),
                    ..ParticipantFilter::default()
                },
                assessment_status: Some(AssessmentStatus::Shared),
                stage: Some(0),
                ..TableView::default()
            },
        };
        let hash = route.to_hash();
        assert_eq!(
            hash,
            "#/campagne/9/moyennes?classe=5a&q=lea&etat=shared&palier=0"
        );
        assert_eq!(Route::parse(&hash), route);
        let Route::Campaign { view, .. } = route else {
            unreachable!()
        };
        let filter = view.assessment_filter();
        assert_eq!(filter.classes, ["5a"]);
        assert_eq!(filter.search, "lea");
        assert_eq!(filter.status, Some(AssessmentStatus::Shared));
        assert_eq!(filter.stage, Some(0));
    }

    #[test]
    fn every_tab_has_its_own_address() {
        for tab in CampaignTab::PROFILES
            .into_iter()
            .chain(CampaignTab::ASSESSMENT)
        {
            let route = Route::Campaign {
                id: 7,
                tab,
                view: TableView {
                    filter: ParticipantFilter {
                        classes: vec!["T1".into()],
                        ..ParticipantFilter::default()
                    },
                    ..TableView::default()
                },
            };
            let hash = route.to_hash();
            assert_eq!(Route::parse(&hash), route, "{hash}");
        }
        assert_eq!(
            Route::Campaign {
                id: 7,
                tab: CampaignTab::Todo,
                view: TableView::default()
            }
            .to_hash(),
            "#/campagne/7/a-faire"
        );
    }

    #[test]
    fn the_results_page_has_its_own_address() {
        assert_eq!(Route::Results.to_hash(), "#/resultats");
        assert_eq!(Route::parse("#/resultats"), Route::Results);
        assert_eq!(Route::parse("#/resultats/"), Route::Results);
    }

    #[test]
    fn the_out_of_list_filter_lives_in_the_url() {
        let route = Route::Campaign {
            id: 7,
            tab: CampaignTab::Participants,
            view: TableView {
                out_of_list_only: true,
                ..TableView::default()
            },
        };
        assert_eq!(route.to_hash(), "#/campagne/7?statut=hors-liste");
        assert_eq!(Route::parse(&route.to_hash()), route);
    }
}
