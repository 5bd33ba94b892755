//! A profiles-collection campaign: header cards, per-class summary, participants table,
//! action list and student detail. Derived views are Memos over `domain`, so a filter change
//! filters and sorts once, and paging only slices.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::cohort::{
    class_summaries, classes_of, compare_with_earlier_snapshot, filter_and_sort, participant_lines,
    profile_students, ProfileCounts,
};
use crate::domain::route::{Route, TableView};
use crate::domain::snapshot::CampaignSnapshot;
use crate::ui::analysis::Analysis;
use crate::ui::campaign_page::profile_rows;
use crate::ui::class_summary::ClassSummaryTable;
use crate::ui::filters::ParticipantFilters;
use crate::ui::participants::ParticipantsTable;
use crate::ui::state::{use_state, Shared};
use crate::ui::student_detail::StudentDetail;
use crate::ui::text;
use crate::ui::text::analysis as ta;
use crate::ui::text::campaign as tc;
use crate::ui::todo_list::TodoList;

#[component]
pub fn ProfilesPage(
    id: u64,
    campaign: String,
    snapshot: Arc<CampaignSnapshot>,
    earlier: Option<Arc<CampaignSnapshot>>,
) -> impl IntoView {
    let state = use_state();
    let rows = profile_rows(&snapshot);
    let counts = ProfileCounts::of(rows, &profile_students(rows));
    let mut lines = participant_lines(rows);
    if let Some(earlier) = &earlier {
        compare_with_earlier_snapshot(&mut lines, profile_rows(earlier));
    }
    let classes = classes_of(&lines);
    let summaries = class_summaries(&lines);
    let lines = Shared(Arc::new(lines));

    let table_view = Memo::new(move |_| match state.route.get() {
        Route::Campaign { view, .. } => view,
        Route::Campaigns | Route::Students => TableView::default(),
    });
    // Filtering and sorting run again only when the filter or the sort changes, not on paging
    // or when the detail opens.
    let criteria = Memo::new(move |_| table_view.with(|view| (view.filter.clone(), view.sort)));
    let selected = {
        let lines = lines.clone();
        Memo::new(move |_| {
            criteria.with(|(filter, sort)| Shared(Arc::new(filter_and_sort(&lines, filter, *sort))))
        })
    };
    let total = Signal::derive(move || selected.with(|s| s.len()));
    let detail = Memo::new(move |_| table_view.with(|v| v.detail));
    let share = counts.certifiable_percent();
    // The tab lives in the page, not the URL: the participants' filters keep their own URL.
    let analysis = RwSignal::new(false);
    let analysis_snapshot = Arc::clone(&snapshot);
    let tab = move |is_analysis: bool, label: &'static str, testid: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                class="tab"
                data-testid=testid
                aria-selected=move || (analysis.get() == is_analysis).to_string()
                on:click=move |_| analysis.set(is_analysis)
            >
                {label}
            </button>
        }
    };

    view! {
        <div class="profiles" class:profiles--analysis=move || analysis.get()>
        <div class="cards">
            <Card label=text::CARD_PARTICIPANTS value=counts.participants testid="count-participants" tone="neutral" />
            <Card label=text::CARD_RECEIVED value=counts.received testid="count-received" tone="neutral" />
            <Card label=text::CARD_CERTIFIABLE value=counts.certifiable testid="count-certifiable" tone="ok" />
            <Card label=text::CARD_NOT_CERTIFIABLE value=counts.not_certifiable testid="count-not-certifiable" tone="warn" />
            <Card label=text::CARD_NOT_SENT value=counts.not_sent testid="count-not-sent" tone="muted" />
        </div>
        <div class="share" data-testid="certifiable-share">
            <p class="share__text">
                <strong>{text::certifiable_share(share)}</strong>
                " — "{text::CERTIFIABLE_RULE}
            </p>
            <div class="meter meter--wide" role="img" aria-label=format!("{} : {share} %", tc::SHARE_LABEL)>
                <span class="meter__fill" style:width=format!("{share}%")></span>
            </div>
        </div>
        <div class="notice">
            <p><strong>{tc::FROZEN_TITLE}</strong>" — "{text::FROZEN_NOTICE}</p>
        </div>
        <details class="notice notice--quiet" data-testid="certification-length">
            <summary>{tc::LENGTH_TITLE}</summary>
            <p>{tc::length_rule()}</p>
        </details>
        <div class="tabs" role="tablist" aria-label=ta::TABS_LABEL>
            {tab(false, ta::TAB_PARTICIPANTS, "tab-participants")}
            {tab(true, ta::TAB_ANALYSIS, "tab-analysis")}
        </div>
        {move || analysis.get().then(|| view! { <Analysis snapshot=Arc::clone(&analysis_snapshot) /> })}
        <div class="profiles__participants" hidden=move || analysis.get()>
        {(!classes.is_empty()).then(|| view! { <ClassSummaryTable id=id summaries=summaries table_view=table_view /> })}
        <section class="participants" aria-labelledby="participants-title">
            <h3 id="participants-title">{text::COL_PARTICIPANTS}</h3>
            <ParticipantFilters classes=classes id=id table_view=table_view total=total />
            <ParticipantsTable id=id campaign=campaign lines=lines.clone() table_view=table_view selected=selected />
        </section>
        <TodoList id=id snapshot=Arc::clone(&snapshot) lines=lines table_view=table_view />
        </div>
        {move || detail.get().map(|row| view! {
            <StudentDetail id=id snapshot=Arc::clone(&snapshot) row=row table_view=table_view />
        })}
        </div>
    }
}

#[component]
fn Card(
    label: &'static str,
    value: usize,
    testid: &'static str,
    tone: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("card card--{tone}") data-testid=testid>
            <span class="card__value">{value}</span>
            <span class="card__label">{label}</span>
        </div>
    }
}
