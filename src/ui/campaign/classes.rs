//! "Par classe": certifiability class by class, with the classes that are done marked in
//! words. A class's name opens the participants tab filtered on it.

use leptos::prelude::*;

use crate::domain::roster::cohort::CohortClass;
use crate::domain::views::cohort::ClassSummary;
use crate::domain::views::route::CampaignTab;
use crate::ui::campaign::CampaignRoute;
use crate::ui::roster::RosterJoin;
use crate::ui::state::Shared;
use crate::ui::text;
use crate::ui::text::campaign as tc;
use crate::ui::text::roster as tr;
use crate::ui::widgets::cards::Meter;

#[component]
pub fn ClassSummaryTable(
    route: CampaignRoute,
    summaries: Vec<ClassSummary>,
    join: Memo<Option<Shared<RosterJoin>>>,
) -> impl IntoView {
    if summaries.is_empty() {
        return view! { <p class="empty">{tc::NO_CLASSES}</p> }.into_any();
    }
    let with_roster = move || join.with(Option::is_some);
    let rows = move || {
        let join = join.get();
        // Cohort classes the export does not name (chosen by hand) have only never-joined
        // students: they get a row too.
        let without_participants = join.iter().flat_map(|join| {
            join.joined
                .classes
                .iter()
                .filter(|class| !summaries.iter().any(|summary| summary.key == class.key))
                .map(|class| ClassSummary {
                    key: class.key.clone(),
                    label: class.label.clone(),
                    ..ClassSummary::default()
                })
                .collect::<Vec<_>>()
        });
        summaries
            .iter()
            .cloned()
            .chain(without_participants)
            .map(|summary| {
                let cohort = join.as_ref().map(|join| {
                    join.joined
                        .classes
                        .iter()
                        .find(|class| class.key == summary.key)
                        .cloned()
                        .unwrap_or_default()
                });
                view! { <ClassRow route=route summary=summary cohort=cohort /> }
            })
            .collect_view()
    };
    view! {
        <section class="panel class-summary" aria-labelledby="classes-title">
            <h3 id="classes-title">{tc::CLASSES_TITLE}</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label=tc::CLASSES_CAPTION>
                <table class="table table--stack" data-testid="class-summary">
                    <caption>{tc::CLASSES_CAPTION}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text::COL_CLASS}</th>
                            <th scope="col" class="num">{text::COL_PARTICIPANTS}</th>
                            <th scope="col" class="num">{text::COL_RECEIVED}</th>
                            <th scope="col" class="num">{text::COL_CERTIFIABLE_COUNT}</th>
                            <th scope="col" class="num">{tc::COL_PERCENT}</th>
                            <th scope="col" class="num">{text::CARD_NOT_CERTIFIABLE}</th>
                            <th scope="col" class="num">{text::CARD_NOT_SENT}</th>
                            <Show when=with_roster>
                                <th scope="col" class="num">{tr::COL_ROSTER_STUDENTS}</th>
                                <th scope="col" class="num">{tr::COL_NEVER_JOINED}</th>
                            </Show>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn ClassRow(
    route: CampaignRoute,
    summary: ClassSummary,
    /// The class in the roster's cohort, when a roster is stored.
    cohort: Option<CohortClass>,
) -> impl IntoView {
    let never_joined_attr = cohort.as_ref().map(|c| c.never_joined.to_string());
    let percent = summary.certifiable_percent();
    // With a roster, a class is done only when nobody of it is left who never joined.
    let done = summary.all_certifiable()
        && cohort
            .as_ref()
            .is_none_or(|class| class.never_joined == 0 && class.to_check == 0);
    let label = if summary.label.is_empty() {
        tc::NO_CLASS.to_owned()
    } else {
        summary.label.clone()
    };
    let name = if summary.key.is_empty() {
        view! { {label.clone()} }.into_any()
    } else {
        let key = summary.key.clone();
        view! {
            <button
                type="button"
                class="link-button"
                title=tc::filter_on_class(&label)
                data-filter-class=key.clone()
                on:click=move |_| {
                    let key = key.clone();
                    route.open_tab(CampaignTab::Participants, move |view| {
                        view.filter.classes = vec![key];
                        view.page = 1;
                    })
                }
            >
                {label.clone()}
            </button>
        }
        .into_any()
    };
    view! {
        <tr
            class:class-row--done=done
            data-testid="class-row"
            data-class=summary.label.clone()
            data-participants=summary.participants.to_string()
            data-received=summary.received.to_string()
            data-certifiable=summary.certifiable.to_string()
            data-all-certifiable=done.to_string()
            data-never-joined=never_joined_attr
        >
            <th scope="row">
                {name}
                {done.then(|| view! { " " <span class="tag tag--ok">{tc::CLASS_DONE}</span> })}
            </th>
            <td class="num" data-label=text::COL_PARTICIPANTS>{summary.participants}</td>
            <td class="num" data-label=text::COL_RECEIVED>{summary.received}</td>
            <td class="num" data-label=text::COL_CERTIFIABLE_COUNT>{summary.certifiable}</td>
            <td class="num" data-label=tc::COL_PERCENT>
                <Meter percent=percent />
                {format!("{percent} %")}
            </td>
            <td class="num" data-label=text::CARD_NOT_CERTIFIABLE>{summary.not_certifiable}</td>
            <td class="num" data-label=text::CARD_NOT_SENT>{summary.not_sent}</td>
            {cohort.map(|cohort| view! {
                <td class="num" data-label=tr::COL_ROSTER_STUDENTS>{cohort.roster_students}</td>
                <td class="num" data-label=tr::COL_NEVER_JOINED data-testid="class-never-joined">{cohort.never_joined}</td>
            })}
        </tr>
    }
}
