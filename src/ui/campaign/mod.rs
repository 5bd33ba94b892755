//! A campaign: its header, then the profiles-collection or the assessment page, each as
//! tabs with their own address (`#/campagne/ID/a-faire?classe=T1`).

mod analysis;
mod assessment;
mod classes;
mod detail;
mod history;
mod participants;
mod profiles;
mod tabs;
mod todo;

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::model::snapshot::{CampaignKind, CampaignSnapshot, ProfileRow, Rows};
use crate::domain::views::route::{CampaignTab, Route, TableView, PAGE_SIZES};
use crate::ui::state::{latest_snapshot, use_state, AppState, Shared, StoredSnapshot};
use crate::ui::text;
use crate::ui::text::campaign as tc;
use crate::ui::widgets::class_filter::ClassFilter;
use crate::ui::widgets::pagination::Pagination;
use assessment::AssessmentPage;
use profiles::ProfilesPage;

/// The part of the app state a campaign page needs: its place in the URL. Tabs and filters
/// change the URL through it, and read it back as memos, so reload and back/forward work.
#[derive(Clone, Copy)]
pub struct CampaignRoute {
    state: AppState,
    pub id: u64,
    pub tab: Memo<CampaignTab>,
    pub view: Memo<TableView>,
}

impl CampaignRoute {
    fn new(state: AppState, id: u64) -> Self {
        let tab = Memo::new(move |_| match state.route().get() {
            Route::Campaign { tab, .. } => tab,
            _ => CampaignTab::default(),
        });
        let view = Memo::new(move |_| match state.route().get() {
            Route::Campaign { view, .. } => view,
            _ => TableView::default(),
        });
        CampaignRoute {
            state,
            id,
            tab,
            view,
        }
    }

    /// Applies a change to the table view (filters, sort, page, detail) of this tab.
    pub fn update(&self, change: impl FnOnce(&mut TableView)) {
        let mut view = self.view.get_untracked();
        change(&mut view);
        self.state.navigate(Route::Campaign {
            id: self.id,
            tab: self.tab.get_untracked(),
            view,
        });
    }

    /// Opens another tab; the filters go along, the open detail does not.
    pub fn open_tab(&self, tab: CampaignTab, change: impl FnOnce(&mut TableView)) {
        let mut view = self.view.get_untracked();
        view.detail = None;
        change(&mut view);
        self.state.navigate(Route::Campaign {
            id: self.id,
            tab,
            view,
        });
    }

    /// The address of a tab with the current filters, for its link.
    pub fn tab_hash(&self, tab: CampaignTab) -> String {
        let mut view = self.view.get();
        view.detail = None;
        Route::Campaign {
            id: self.id,
            tab,
            view,
        }
        .to_hash()
    }

    pub fn report(&self, message: String) {
        self.state.report_once(message);
    }

    /// Every stored import of this campaign, for a student's history.
    pub fn imports(&self) -> Vec<Arc<CampaignSnapshot>> {
        self.state.snapshots().with_untracked(|all| {
            all.iter()
                .filter(|s| s.meta.campaign_id == self.id)
                .map(|s| Arc::clone(&s.data))
                .collect()
        })
    }
}

/// The rows of a profiles collection (none for an assessment).
pub fn profile_rows(snapshot: &CampaignSnapshot) -> &[ProfileRow] {
    match &snapshot.rows {
        Rows::Profiles(rows) => rows,
        Rows::Assessment { .. } => &[],
    }
}

/// The import of the campaign just before `current`, for the evolution column.
fn earlier_snapshot(
    all: &[StoredSnapshot],
    current: &StoredSnapshot,
) -> (Option<Arc<CampaignSnapshot>>, usize) {
    let order = |s: &StoredSnapshot| (s.meta.latest_activity, s.meta.imported_at_ms);
    let earlier: Vec<&StoredSnapshot> = all
        .iter()
        .filter(|s| s.meta.campaign_id == current.meta.campaign_id && s.meta.id != current.meta.id)
        .filter(|s| {
            order(s)
                .partial_cmp(&order(current))
                .is_some_and(|o| o.is_lt())
        })
        .collect();
    let previous = earlier
        .iter()
        .max_by(|a, b| {
            order(a)
                .partial_cmp(&order(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|s| Arc::clone(&s.data));
    (previous, earlier.len())
}

#[component]
pub fn CampaignPage(id: u64) -> impl IntoView {
    let state = use_state();
    let route = CampaignRoute::new(state, id);
    let snapshot = Memo::new(move |_| {
        state.snapshots().with(|all| {
            latest_snapshot(all, id).map(|current| {
                let (earlier, count) = earlier_snapshot(all, current);
                (current.clone(), earlier.map(Shared), count)
            })
        })
    });

    view! {
        <nav class="crumbs">
            <button
                type="button"
                class="button button--link"
                data-testid="back-to-campaigns"
                on:click=move |_| state.navigate(Route::Campaigns)
            >
                {text::BACK}
            </button>
        </nav>
        {move || match snapshot.get() {
            None => view! { <p class="empty">{tc::CAMPAIGN_MISSING}</p> }.into_any(),
            Some((stored, earlier, earlier_count)) => {
                let campaign = &stored.data.campaign;
                let body = match campaign.kind {
                    CampaignKind::ProfilesCollection => view! {
                        <ProfilesPage
                            route=route
                            campaign=campaign.name.clone()
                            snapshot=Arc::clone(&stored.data)
                            earlier=earlier.map(|e| Arc::clone(&e.0))
                        />
                    }.into_any(),
                    CampaignKind::Assessment => view! {
                        <AssessmentPage route=route campaign=campaign.name.clone() snapshot=Arc::clone(&stored.data) />
                    }.into_any(),
                };
                view! {
                    <CampaignHead stored=stored.clone() earlier_count=earlier_count />
                    {body}
                }.into_any()
            }
        }}
    }
}

#[component]
fn CampaignHead(stored: StoredSnapshot, earlier_count: usize) -> impl IntoView {
    let campaign = &stored.data.campaign;
    let date = stored
        .meta
        .latest_activity
        .map(|d| d.french())
        .unwrap_or_else(|| "—".to_owned());
    view! {
        <header class="campaign-head">
            <p class="campaign-head__kind">
                <span class=format!("kind kind--{}", campaign.kind.slug())>{text::kind_label(campaign.kind)}</span>
                {campaign.code.clone().map(|code| view! { <span class="mono">{format!(" · {code}")}</span> })}
                {campaign.target_profile.clone().map(|target| view! { <span>{format!(" · {target}")}</span> })}
            </p>
            <h1 data-testid="campaign-title" id=crate::ui::app::PAGE_HEADING_ID tabindex="-1">{campaign.name.clone()}</h1>
            {crate::domain::views::campaigns::is_example(&stored.data).then(|| view! {
                <p class="notice notice--quiet" data-testid="example-note">
                    <span class="tag tag--note">{text::EXAMPLE_TAG}</span>
                    " "
                    {text::EXAMPLE_NOTE}
                </p>
            })}
            <p class="campaign-head__org">{campaign.organisation.clone()}</p>
            <p class="campaign-head__snapshot" data-testid="snapshot-date">
                {text::snapshot_line(&stored.meta.file_name, &date)}
            </p>
            {(earlier_count > 0).then(|| view! {
                <p class="campaign-head__snapshot">{tc::earlier_snapshots(earlier_count)}</p>
            })}
        </header>
    }
}

/// Under a campaign's table: the message when the filters keep nobody, and the pagination,
/// whose page and page size live in the URL.
#[component]
fn TablePager(route: CampaignRoute, #[prop(into)] total: Signal<usize>) -> impl IntoView {
    let page = Memo::new(move |_| route.view.with(|view| view.page));
    let page_size = Memo::new(move |_| route.view.with(|view| view.page_size));
    view! {
        <Show when=move || total.get() == 0>
            <p class="empty">{text::NO_MATCH}</p>
        </Show>
        <Pagination
            total=total
            page=page
            page_size=page_size
            sizes=&PAGE_SIZES
            on_page=move |page: usize| route.update(|view| view.page = page)
            on_size=move |size: usize| route.update(|view| {
                view.page_size = size;
                view.page = 1;
            })
        />
    }
}

/// The name search of a campaign's participants, kept in the URL.
#[component]
fn NameSearch(route: CampaignRoute) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field__label">{text::FILTER_SEARCH}</span>
            <input
                type="search"
                data-testid="filter-search"
                placeholder=text::FILTER_SEARCH_PLACEHOLDER
                prop:value=move || route.view.with(|v| v.filter.search.clone())
                on:input=move |event| {
                    let search = event_target_value(&event);
                    route.update(|view| {
                        view.filter.search = search;
                        view.page = 1;
                    })
                }
            />
        </label>
    }
}

/// The class filter of a campaign, kept in the URL: every tab that shows students follows it.
/// Nothing when the export names no class.
#[component]
fn CampaignClassFilter(route: CampaignRoute, classes: Vec<(String, String)>) -> impl IntoView {
    (!classes.is_empty()).then(|| {
        view! {
            <ClassFilter
                classes=classes
                selected=Signal::derive(move || route.view.with(|v| v.filter.classes.clone()))
                on_change={move |keys: Vec<String>| route.update(|view| {
                    view.filter.classes = keys;
                    view.page = 1;
                })}
            />
        }
    })
}
