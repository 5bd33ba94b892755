//! "Par classe": certifiability class by class, on the headline's base (the class's pupils of
//! the promotion with a school list, else its participants), with the classes that are done
//! marked in words. A class's name opens the participants tab filtered on it.

use leptos::prelude::*;

use crate::domain::roster::cohort::{class_figures, ClassFigures};
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
    let figures = Memo::new(move |_| {
        join.with(|join| class_figures(&summaries, join.as_ref().map(|join| &join.joined)))
    });
    let with_roster = move || join.with(Option::is_some);
    let outside = move || {
        join.with(|join| {
            join.as_ref().map(|join| {
                let outside = join.joined.outside;
                tr::classes_outside(outside.out_of_list, outside.other_class, outside.to_check)
            })
        })
    };
    let rows = move || {
        figures
            .get()
            .into_iter()
            .map(|class| view! { <ClassRow route=route class=class /> })
            .collect_view()
    };
    view! {
        <section class="panel class-summary" aria-labelledby="classes-title">
            <h3 id="classes-title">{tc::CLASSES_TITLE}</h3>
            <Show
                when=move || figures.with(|f| !f.is_empty())
                fallback=|| view! { <p class="empty">{tc::NO_CLASSES}</p> }
            >
                <p class="field__hint" data-testid="classes-base">
                    {move || if with_roster() { tr::CLASSES_BASE_PROMOTION } else { tc::CLASSES_BASE_PARTICIPANTS }}
                </p>
                <div class="table-scroll" tabindex="0" role="region" aria-label=tc::CLASSES_CAPTION>
                    <table class="table table--stack" data-testid="class-summary">
                        <caption>{tc::CLASSES_CAPTION}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{text::COL_CLASS}</th>
                                <th scope="col" class="num">
                                    {move || if with_roster() { tr::COL_ROSTER_STUDENTS } else { text::COL_PARTICIPANTS }}
                                </th>
                                <th scope="col" class="num">{text::COL_CERTIFIABLE_COUNT}</th>
                                <th scope="col" class="num">{tc::COL_PERCENT}</th>
                                <th scope="col" class="num">{text::CARD_NOT_CERTIFIABLE}</th>
                                <th scope="col" class="num">{text::CARD_NOT_SENT}</th>
                                <Show when=with_roster>
                                    <th scope="col" class="num">{tr::COL_NEVER_JOINED}</th>
                                    <th scope="col" class="num">{tr::COL_OUT_OF_LIST}</th>
                                </Show>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {outside}
            </Show>
        </section>
    }
}

#[component]
fn ClassRow(route: CampaignRoute, class: ClassFigures) -> impl IntoView {
    let percent = class.certifiable_percent();
    let done = class.done();
    let label = if class.label.is_empty() {
        tc::NO_CLASS.to_owned()
    } else {
        class.label.clone()
    };
    let name = if class.key.is_empty() {
        view! { {label.clone()} }.into_any()
    } else {
        let key = class.key.clone();
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
    let whole_label = if class.never_joined.is_some() {
        tr::COL_ROSTER_STUDENTS
    } else {
        text::COL_PARTICIPANTS
    };
    view! {
        <tr
            class:class-row--done=done
            data-testid="class-row"
            data-class=class.label.clone()
            data-students=class.students.to_string()
            data-participants=class.participants.to_string()
            data-received=(class.certifiable + class.not_certifiable).to_string()
            data-certifiable=class.certifiable.to_string()
            data-all-certifiable=done.to_string()
            data-never-joined=class.never_joined.map(|n| n.to_string())
            data-out-of-list=class.out_of_list.map(|n| n.to_string())
        >
            <th scope="row">
                {name}
                {done.then(|| view! { " " <span class="tag tag--ok">{tc::CLASS_DONE}</span> })}
            </th>
            <td class="num" data-label=whole_label>{class.students}</td>
            <td class="num" data-label=text::COL_CERTIFIABLE_COUNT>{class.certifiable}</td>
            <td class="num" data-label=tc::COL_PERCENT>
                <Meter percent=percent />
                {format!("{percent}\u{a0}%")}
            </td>
            <td class="num" data-label=text::CARD_NOT_CERTIFIABLE>{class.not_certifiable}</td>
            <td class="num" data-label=text::CARD_NOT_SENT>{class.never_sent}</td>
            {class.never_joined.map(|never| view! {
                <td class="num" data-label=tr::COL_NEVER_JOINED data-testid="class-never-joined">{never}</td>
            })}
            {class.out_of_list.map(|out| view! {
                <td class="num" data-label=tr::COL_OUT_OF_LIST>{out}</td>
            })}
        </tr>
    }
}
