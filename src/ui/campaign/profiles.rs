//! A profiles-collection campaign: header cards and the cohort bar above the tabs, then
//! Participants, À faire, Par classe, Analyse and Historique. The lines are computed once per
//! snapshot; derived views are Memos over `domain`, so a filter change filters and sorts
//! once, and paging only slices.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::model::snapshot::CampaignSnapshot;
use crate::domain::views::cohort::{
    class_summaries, classes_of, compare_with_earlier_snapshot, filter_and_sort, participant_lines,
    profile_students, ProfileCounts,
};
use crate::domain::views::route::CampaignTab;
use crate::ui::campaign::analysis::Analysis;
use crate::ui::campaign::classes::ClassSummaryTable;
use crate::ui::campaign::detail::StudentDetail;
use crate::ui::campaign::history::Timeline;
use crate::ui::campaign::participants::{ParticipantFilters, ParticipantsTable, Selection};
use crate::ui::campaign::tabs::{selected_tab, TabPanel, Tabs};
use crate::ui::campaign::todo::TodoList;
use crate::ui::campaign::{profile_rows, CampaignRoute};
use crate::ui::roster::{campaign_join, never_joined_matches, CohortPicker, ToCheckPanel};
use crate::ui::state::Shared;
use crate::ui::text;
use crate::ui::text::campaign as tc;
use crate::ui::text::roster as tr;
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
    let join = campaign_join(route.id, lines.clone());
    let selected = {
        let lines = lines.clone();
        Memo::new(move |previous: Option<&Shared<Selection>>| {
            let join = join.get();
            table_view.with(|view| match previous {
                Some(previous)
                    if previous.filter == view.filter
                        && previous.sort == view.sort
                        && previous.never_joined_only == view.never_joined_only
                        && previous.join == join =>
                {
                    previous.clone()
                }
                _ => {
                    let never = view.never_joined_only;
                    let mut indices = if never {
                        Vec::new()
                    } else {
                        filter_and_sort(&lines, &view.filter, view.sort)
                    };
                    // Never-joined students after the participants, in class then name
                    // order: they have no score or date to sort by.
                    let participants = indices.len();
                    if let Some(join) = &join {
                        if never || view.filter.status.is_none() {
                            let search = crate::domain::text::fold(view.filter.search.trim());
                            indices.extend(
                                join.joined
                                    .never_joined
                                    .iter()
                                    .filter(|&&student| {
                                        never_joined_matches(
                                            &join.roster,
                                            student,
                                            &view.filter.classes,
                                            &search,
                                        )
                                    })
                                    .map(|&student| lines.len() + student),
                            );
                        }
                    }
                    Shared(Arc::new(Selection {
                        filter: view.filter.clone(),
                        sort: view.sort,
                        never_joined_only: never,
                        join,
                        never_joined: indices.len() - participants,
                        indices,
                    }))
                }
            })
        })
    };
    let chosen_classes = Memo::new(move |_| table_view.with(|v| v.filter.classes.clone()));
    let detail = Memo::new(move |_| table_view.with(|v| v.detail));
    let share = counts.certifiable_percent();
    let tab = selected_tab(route, &CampaignTab::PROFILES);

    let check_lines = lines.clone();
    let panel = {
        let snapshot = Arc::clone(&snapshot);
        move || {
            let current = tab.get();
            let content = match current {
                CampaignTab::Participants => view! {
                    <section class="participants" aria-labelledby="participants-title">
                        <h3 id="participants-title" class="visually-hidden">{text::COL_PARTICIPANTS}</h3>
                        <ParticipantFilters classes=classes.clone() route=route selected=selected join=join />
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
                        join=join
                    />
                }
                .into_any(),
                CampaignTab::Classes => view! {
                    <ClassSummaryTable route=route summaries=summaries.clone() join=join />
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
                {move || join.get().map(|join| view! {
                    <Card label=tr::CARD_NEVER_JOINED value=join.joined.never_joined.len().to_string() testid="count-never-joined" tone="muted" />
                    <Card label=tr::CARD_OUT_OF_ROSTER value=join.joined.out_of_roster.len().to_string() testid="count-out-of-roster" tone="neutral" />
                })}
            </div>
            <div class="share" data-testid="cohort-share">
                {move || {
                    let (percent, text) = match join.get() {
                        Some(join) => {
                            let share = join.joined.share;
                            (share.percent(), tr::cohort_share(share.percent(), share.certifiable, share.students))
                        }
                        None => (share, text::certifiable_share(share)),
                    };
                    view! {
                        <p class="share__text">
                            <strong>{text}</strong>
                            " — "
                            {text::CERTIFIABLE_RULE}
                        </p>
                        <div class="meter meter--wide" role="img" aria-label=format!("{} : {percent} %", tc::SHARE_LABEL)>
                            <span class="meter__fill" style:width=format!("{percent}%")></span>
                        </div>
                    }
                }}
            </div>
            <CohortPicker campaign_id=route.id join=join />
            <ToCheckPanel lines=check_lines join=join />
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
