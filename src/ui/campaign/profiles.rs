//! A profiles-collection campaign: header cards and the cohort bar above the tabs, then
//! Participants, À faire, Par classe, Analyse and Historique. The lines are computed once per
//! snapshot; derived views are Memos over `domain`, so a filter change filters and sorts
//! once, and paging only slices.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::cohort::{
    class_summaries, classes_of, compare_with_earlier_snapshot, filter_and_sort, participant_lines,
    profile_students, ProfileCounts,
};
use crate::domain::route::CampaignTab;
use crate::domain::snapshot::CampaignSnapshot;
use crate::ui::campaign::analysis::Analysis;
use crate::ui::campaign::classes::ClassSummaryTable;
use crate::ui::campaign::detail::StudentDetail;
use crate::ui::campaign::history::Timeline;
use crate::ui::campaign::participants::{ParticipantFilters, ParticipantsTable, Selection};
use crate::ui::campaign::tabs::{selected_tab, TabPanel, Tabs};
use crate::ui::campaign::todo::TodoList;
use crate::ui::campaign::{profile_rows, CampaignRoute};
use crate::ui::state::Shared;
use crate::ui::text;
use crate::ui::text::campaign as tc;
use crate::ui::widgets::cards::Card;

#[component]
pub fn ProfilesPage(
    route: CampaignRoute,
    campaign: String,
    snapshot: Arc<CampaignSnapshot>,
    earlier: Option<Arc<CampaignSnapshot>>,
) -> impl IntoView {
    let rows = profile_rows(&snapshot);
    let counts = ProfileCounts::of(rows, &profile_students(rows));
    let mut lines = participant_lines(rows);
    if let Some(earlier) = &earlier {
        compare_with_earlier_snapshot(&mut lines, profile_rows(earlier));
    }
    let classes = classes_of(&lines);
    let summaries = class_summaries(&lines);
    let lines = Shared(Arc::new(lines));

    let table_view = route.view;
    // Filtering and sorting run again only when the filter or the sort changes, not on paging,
    // a change of tab or when the detail opens: an unchanged selection is handed back as is.
    let selected = {
        let lines = lines.clone();
        Memo::new(move |previous: Option<&Shared<Selection>>| {
            table_view.with(|view| match previous {
                Some(previous) if previous.filter == view.filter && previous.sort == view.sort => {
                    previous.clone()
                }
                _ => Shared(Arc::new(Selection {
                    filter: view.filter.clone(),
                    sort: view.sort,
                    indices: filter_and_sort(&lines, &view.filter, view.sort),
                })),
            })
        })
    };
    let chosen_classes = Memo::new(move |_| table_view.with(|v| v.filter.classes.clone()));
    let detail = Memo::new(move |_| table_view.with(|v| v.detail));
    let share = counts.certifiable_percent();
    let tab = selected_tab(route, &CampaignTab::PROFILES);

    let panel = {
        let snapshot = Arc::clone(&snapshot);
        move || {
            let current = tab.get();
            let content = match current {
                CampaignTab::Participants => view! {
                    <section class="participants" aria-labelledby="participants-title">
                        <h3 id="participants-title" class="visually-hidden">{text::COL_PARTICIPANTS}</h3>
                        <ParticipantFilters classes=classes.clone() route=route selected=selected />
                        <ParticipantsTable route=route campaign=campaign.clone() lines=lines.clone() selected=selected />
                    </section>
                }
                .into_any(),
                CampaignTab::Todo => view! {
                    <TodoList
                        route=route
                        classes=classes.clone()
                        snapshot=Arc::clone(&snapshot)
                        lines=lines.clone()
                        chosen=chosen_classes
                    />
                }
                .into_any(),
                CampaignTab::Classes => view! {
                    <ClassSummaryTable route=route summaries=summaries.clone() />
                }
                .into_any(),
                CampaignTab::Analysis => view! { <Analysis snapshot=Arc::clone(&snapshot) /> }.into_any(),
                CampaignTab::History | CampaignTab::Averages => view! {
                    <Timeline route=route />
                }
                .into_any(),
            };
            view! { <TabPanel tab=current>{content}</TabPanel> }
        }
    };

    view! {
        // The analysis tab prints as a one-page report (style/print.css).
        <div class="profiles" class:profiles--analysis=move || tab.get() == CampaignTab::Analysis>
            <div class="cards">
                <Card label=text::CARD_PARTICIPANTS value=counts.participants.to_string() testid="count-participants" tone="neutral" />
                <Card label=text::CARD_RECEIVED value=counts.received.to_string() testid="count-received" tone="neutral" />
                <Card label=text::CARD_CERTIFIABLE value=counts.certifiable.to_string() testid="count-certifiable" tone="ok" />
                <Card label=text::CARD_NOT_CERTIFIABLE value=counts.not_certifiable.to_string() testid="count-not-certifiable" tone="warn" />
                <Card label=text::CARD_NOT_SENT value=counts.not_sent.to_string() testid="count-not-sent" tone="muted" />
            </div>
            <div class="share" data-testid="cohort-share">
                <p class="share__text">
                    <strong>{text::certifiable_share(share)}</strong>
                    " — "
                    {text::CERTIFIABLE_RULE}
                </p>
                <div class="meter meter--wide" role="img" aria-label=format!("{} : {share} %", tc::SHARE_LABEL)>
                    <span class="meter__fill" style:width=format!("{share}%")></span>
                </div>
            </div>
            <div class="notice">
                <p>
                    <strong>{tc::FROZEN_TITLE}</strong>
                    " — "
                    {text::FROZEN_NOTICE}
                </p>
            </div>
            <details class="notice notice--quiet" data-testid="certification-length">
                <summary>{tc::LENGTH_TITLE}</summary>
                <p>{tc::length_rule()}</p>
            </details>
            <Tabs route=route tabs=&CampaignTab::PROFILES selected=tab />
            {panel}
            {move || detail.get().map(|row| view! {
                <StudentDetail route=route snapshot=Arc::clone(&snapshot) row=row />
            })}
        </div>
    }
}
