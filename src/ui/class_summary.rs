//! Certifiability class by class, with the classes that are done marked in words.

use leptos::prelude::*;

use crate::domain::cohort::ClassSummary;
use crate::domain::route::TableView;
use crate::ui::participants::update_view;
use crate::ui::text;
use crate::ui::text::campaign as tc;

#[component]
pub fn ClassSummaryTable(
    id: u64,
    summaries: Vec<ClassSummary>,
    table_view: Memo<TableView>,
) -> impl IntoView {
    let state = crate::ui::state::use_state();
    view! {
        <section class="panel class-summary" aria-labelledby="classes-title">
            <h3 id="classes-title">{tc::CLASSES_TITLE}</h3>
            <div class="table-scroll">
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
                        </tr>
                    </thead>
                    <tbody>
                        {summaries.into_iter().map(|summary| {
                            let percent = summary.certifiable_percent();
                            let done = summary.all_certifiable();
                            let label = if summary.label.is_empty() { tc::NO_CLASS.to_owned() } else { summary.label.clone() };
                            let key = summary.key.clone();
                            let filter_button = (!key.is_empty()).then(|| {
                                let key = key.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="link-button"
                                        title=tc::filter_on_class(&label)
                                        on:click=move |_| update_view(state, id, table_view, |view| {
                                            view.filter.classes = vec![key.clone()];
                                            view.page = 1;
                                        })
                                    >
                                        {label.clone()}
                                    </button>
                                }
                            });
                            view! {
                                <tr
                                    class:class-row--done=done
                                    data-testid="class-row"
                                    data-class=summary.label.clone()
                                    data-participants=summary.participants.to_string()
                                    data-received=summary.received.to_string()
                                    data-certifiable=summary.certifiable.to_string()
                                    data-all-certifiable=done.to_string()
                                >
                                    <th scope="row">
                                        {filter_button.map(IntoAny::into_any).unwrap_or_else(|| label.clone().into_any())}
                                        {done.then(|| view! { " "<span class="tag tag--ok">{tc::CLASS_DONE}</span> })}
                                    </th>
                                    <td class="num" data-label=text::COL_PARTICIPANTS>{summary.participants}</td>
                                    <td class="num" data-label=text::COL_RECEIVED>{summary.received}</td>
                                    <td class="num" data-label=text::COL_CERTIFIABLE_COUNT>{summary.certifiable}</td>
                                    <td class="num" data-label=tc::COL_PERCENT>
                                        <span class="meter" aria-hidden="true"><span class="meter__fill" style:width=format!("{percent}%")></span></span>
                                        {format!("{percent} %")}
                                    </td>
                                    <td class="num" data-label=text::CARD_NOT_CERTIFIABLE>{summary.not_certifiable}</td>
                                    <td class="num" data-label=text::CARD_NOT_SENT>{summary.not_sent}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
