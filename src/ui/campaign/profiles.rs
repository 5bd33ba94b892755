//! A profiles-collection campaign: header cards and the cohort bar above the tabs, then
//! Participants, À faire, Par classe, Analyse and Historique. The lines are computed once per
//! snapshot; derived views are Memos over `domain`, so a filter change filters and sorts
//! once, and paging only slices.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::model::snapshot::CampaignSnapshot;
use crate::domain::roster::cohort::{headline_share, CohortShare, HeadlineShare, ShareBase};
use crate::domain::views::cohort::Certifiability;
use crate::domain::views::cohort::{
    class_summaries, classes_of, compare_with_earlier_snapshot, filter_and_sort, participant_lines,
    profile_students, ProfileCounts,
};
use crate::domain::views::route::CampaignTab;
use crate::domain::views::route::TableView;
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
use crate::ui::widgets::cards::{Card, FilterCard};

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
    let (join, any_join) = campaign_join(route.id, lines.clone());
    let selected = {
        let lines = lines.clone();
        Memo::new(move |previous: Option<&Shared<Selection>>| {
            let join = join.get();
            table_view.with(|view| match previous {
                Some(previous)
                    if previous.filter == view.filter
                        && previous.sort == view.sort
                        && previous.never_joined_only == view.never_joined_only
                        && previous.out_of_list_only == view.out_of_list_only
                        && previous.join == join =>
                {
                    previous.clone()
                }
                _ => {
                    let never = view.never_joined_only;
                    let out_only = view.out_of_list_only;
                    let mut indices = if never {
                        Vec::new()
                    } else {
                        filter_and_sort(&lines, &view.filter, view.sort)
                    };
                    if out_only {
                        match &join {
                            Some(join) => join.joined.keep_out_of_list(&mut indices),
                            None => indices.clear(),
                        }
                    }
                    // Never-joined students after the participants, in class then name
                    // order: they have no score or date to sort by.
                    let participants = indices.len();
                    if let Some(join) = &join {
                        if never || (view.filter.status.is_none() && !out_only) {
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
                        out_of_list_only: out_only,
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
    // One base for every share on the page (issue 26): the promotion with a list covering the
    // campaign, else the participants.
    let headline = Memo::new(move |_| {
        let join = any_join.get();
        let joined = join.as_ref().map(|join| &join.joined);
        let headline = headline_share(counts.participants, counts.certifiable, joined);
        (headline, joined.map(|joined| joined.share))
    });
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
            // The full head on the participants tab; the other tabs keep the share only, so
            // that they start near the top of the page.
            <HeadlineCards route=route counts=counts headline=headline compact=Signal::derive(move || tab.get() != CampaignTab::Participants) />
            <Show when=move || tab.get() == CampaignTab::Participants>
                <CohortPicker campaign_id=route.id join=join />
                <ToCheckPanel lines=check_lines.clone() join=join />
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
            </Show>
            <Tabs route=route tabs=&CampaignTab::PROFILES selected=tab />
            {panel}
            {move || detail.get().map(|row| view! {
                <StudentDetail route=route snapshot=Arc::clone(&snapshot) row=row />
            })}
        </div>
    }
}

/// The campaign's figures on one base: with a list covering the campaign, cards over the
/// promotion and the export's own figures in one named line, with what separates them;
/// without, cards over the participants. The share sentence follows the same base.
/// What a card filters the participants on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CardFilter {
    Status(Certifiability),
    NeverJoined,
    OutOfList,
}

impl CardFilter {
    fn is_on(self, view: &TableView) -> bool {
        match self {
            CardFilter::Status(status) => view.filter.status == Some(status),
            CardFilter::NeverJoined => view.never_joined_only,
            CardFilter::OutOfList => view.out_of_list_only,
        }
    }

    /// Opens the participants on this filter, or clears it when it is on.
    fn apply(self, route: CampaignRoute) {
        let on = route.view.with_untracked(|view| self.is_on(view));
        route.open_tab(CampaignTab::Participants, move |view| {
            view.filter.status = None;
            view.never_joined_only = false;
            view.out_of_list_only = false;
            view.page = 1;
            if !on {
                match self {
                    CardFilter::Status(status) => view.filter.status = Some(status),
                    CardFilter::NeverJoined => view.never_joined_only = true,
                    CardFilter::OutOfList => view.out_of_list_only = true,
                }
            }
        });
    }
}

/// The campaign's figures on one base: with a list covering the campaign, cards over the
/// promotion and the export's own figures in one named line, with what separates them;
/// without, cards over the participants. The share sentence follows the same base. The
/// cards of a situation open the participants filtered on it.
#[component]
fn HeadlineCards(
    route: CampaignRoute,
    counts: ProfileCounts,
    headline: Memo<(HeadlineShare, Option<CohortShare>)>,
    /// Only the share sentence, without the cards and the notes.
    #[prop(into)]
    compact: Signal<bool>,
) -> impl IntoView {
    let card = move |filter: CardFilter,
                     label: &'static str,
                     value: usize,
                     testid: &'static str,
                     tone: &'static str| {
        view! {
            <FilterCard
                label=label
                value=value.to_string()
                testid=testid
                tone=tone
                pressed=Signal::derive(move || route.view.with(|view| filter.is_on(view)))
                on_click=move |()| filter.apply(route)
            />
        }
    };
    let certifiable = CardFilter::Status(Certifiability::Certifiable);
    let not_certifiable = CardFilter::Status(Certifiability::NotCertifiable);
    let not_sent = CardFilter::Status(Certifiability::NotSent);
    let cards = move || {
        if compact.get() {
            return ().into_any();
        }
        let (headline, promotion) = headline.get();
        match (headline.base, promotion) {
            (ShareBase::Promotion, Some(promotion)) => view! {
                <div class="cards">
                    <Card label=tr::CARD_PROMOTION value=promotion.students.to_string() testid="count-promotion" tone="neutral" />
                    {card(certifiable, text::CARD_CERTIFIABLE, promotion.certifiable, "count-promotion-certifiable", "ok")}
                    {card(not_certifiable, text::CARD_NOT_CERTIFIABLE, promotion.not_certifiable, "count-promotion-not-certifiable", "warn")}
                    {card(not_sent, text::CARD_NOT_SENT, promotion.never_sent, "count-promotion-never-sent", "muted")}
                    {card(CardFilter::NeverJoined, tr::CARD_NEVER_JOINED, promotion.never_joined, "count-never-joined", "muted")}
                    {(promotion.to_check > 0).then(|| view! {
                        <Card label=tr::CARD_TO_CHECK value=promotion.to_check.to_string() testid="count-promotion-to-check" tone="neutral" />
                    })}
                    {card(CardFilter::OutOfList, tr::CARD_OUT_OF_ROSTER, headline.outside.out_of_list, "count-out-of-roster", "neutral")}
                </div>
                <p class="share__participants" data-testid="participants-figures">
                    {tr::PARTICIPANTS_OF_EXPORT}
                    <span data-testid="count-participants">{counts.participants}</span>
                    {tr::PARTICIPANTS_RECEIVED}
                    <span data-testid="count-received">{counts.received}</span>
                    " ("
                    <span data-testid="count-certifiable">{counts.certifiable}</span>
                    {format!(" {}, ", text::CARD_CERTIFIABLE.to_lowercase())}
                    <span data-testid="count-not-certifiable">{counts.not_certifiable}</span>
                    {format!(" {}), ", text::CARD_NOT_CERTIFIABLE.to_lowercase())}
                    <span data-testid="count-not-sent">{counts.not_sent}</span>
                    {format!(" {}.", text::CARD_NOT_SENT.to_lowercase())}
                </p>
            }
            .into_any(),
            _ => view! {
                <div class="cards">
                    <Card label=text::CARD_PARTICIPANTS value=counts.participants.to_string() testid="count-participants" tone="neutral" />
                    <Card label=text::CARD_RECEIVED value=counts.received.to_string() testid="count-received" tone="neutral" />
                    {card(certifiable, text::CARD_CERTIFIABLE, counts.certifiable, "count-certifiable", "ok")}
                    {card(not_certifiable, text::CARD_NOT_CERTIFIABLE, counts.not_certifiable, "count-not-certifiable", "warn")}
                    {card(not_sent, text::CARD_NOT_SENT, counts.not_sent, "count-not-sent", "muted")}
                </div>
            }
            .into_any(),
        }
    };
    let share = move || {
        let (headline, _) = headline.get();
        let percent = headline.percent();
        let (sentence, details) = match headline.base {
            ShareBase::Promotion => (
                tr::promotion_share(percent, headline.certifiable, headline.whole),
                Some(view! {
                    <p class="share__base">{tr::PROMOTION_DEFINITION}</p>
                    <p class="share__base" data-testid="participants-only-share">
                        {tr::participants_only(
                            headline.participants_certifiable,
                            headline.participants,
                            headline.participants_percent(),
                        )}
                        " "
                        {tr::outside_promotion(
                            headline.outside.out_of_list,
                            headline.outside.other_class,
                            headline.outside.to_check,
                            headline.outside.certifiable,
                        )}
                    </p>
                }),
            ),
            ShareBase::Participants | ShareBase::ListNotCovering => (
                text::participants_share(percent, headline.certifiable, headline.whole),
                None,
            ),
        };
        view! {
            <p class="share__text">
                <strong>{sentence}</strong>
                " "
                {text::CERTIFIABLE_RULE}
            </p>
            <div class="meter meter--wide" role="img" aria-label=format!("{} : {percent} %", tc::SHARE_LABEL)>
                <span class="meter__fill" style:width=format!("{percent}%")></span>
            </div>
            {(!compact.get()).then_some(details)}
        }
    };
    view! {
        <Show when=move || headline.with(|(h, _)| h.base == ShareBase::ListNotCovering)>
            <p class="notice notice--warn" data-testid="roster-not-covering">{tr::LIST_NOT_COVERING}</p>
        </Show>
        {cards}
        <div class="share" data-testid="cohort-share" data-base=move || headline.with(|(h, _)| h.base.slug())>
            {share}
        </div>
    }
}
