//! One student's profile: the 16 competences by domain, which ones count for the
//! certification, and every sending. A dialog over the table, opened from the student's
//! name and closed with Escape or the close button; focus goes back to the name.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::cohort::student_at;
use crate::domain::competences::{COMPETENCES, COMPETENCE_COUNT, DOMAINS};
use crate::domain::route::TableView;
use crate::domain::snapshot::CampaignSnapshot;
use crate::ui::campaign_page::profile_rows;
use crate::ui::participants::update_view;
use crate::ui::text;
use crate::ui::text::campaign as tc;

fn focus_by_id(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

#[component]
pub fn StudentDetail(
    id: u64,
    snapshot: Arc<CampaignSnapshot>,
    row: usize,
    table_view: Memo<TableView>,
) -> impl IntoView {
    let state = crate::ui::state::use_state();
    let close = move || {
        update_view(state, id, table_view, |view| view.detail = None);
        let opener = format!("detail-open-{row}");
        request_animation_frame(move || focus_by_id(&opener));
    };
    let dialog_ref = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog_ref.get() {
            let _ = dialog.focus();
        }
    });
    let rows = profile_rows(&snapshot);
    let body = match student_at(rows, row) {
        None => view! { <p>{tc::DETAIL_NOT_FOUND}</p> }.into_any(),
        Some(student) => {
            let learner = student.learner().clone();
            let title = tc::detail_title(&learner.first, &learner.last);
            let profile = student.profile().cloned();
            let sendings: Vec<_> = student
                .history
                .iter()
                .filter_map(|row| {
                    row.profile
                        .as_ref()
                        .map(|p| (p.sent_at, p.total_pix, p.certifiable_count()))
                })
                .collect();
            let figures = profile.as_ref().map(|profile| {
                let certifiable = profile.is_certifiable();
                view! {
                    <div class="detail__figures">
                        <div class="figure"><span class="figure__value" data-testid="detail-score">{profile.total_pix}</span><span class="figure__label">{tc::DETAIL_SCORE}</span></div>
                        <div class="figure">
                            <span class="figure__value">
                                {if certifiable {
                                    view! { <span class="tag tag--ok" data-testid="detail-certifiable">{text::TAG_CERTIFIABLE}</span> }.into_any()
                                } else {
                                    view! { <span class="tag tag--warn" data-testid="detail-certifiable">{text::TAG_NOT_CERTIFIABLE}</span> }.into_any()
                                }}
                            </span>
                            <span class="figure__label">{text::COL_CERTIFIABLE}</span>
                        </div>
                        <div class="figure"><span class="figure__value" data-testid="detail-competences">{profile.certifiable_count()}</span><span class="figure__label">{text::COL_COMPETENCES}</span></div>
                    </div>
                    <p class="detail__sent">{tc::detail_sent(&profile.sent_at.french())}</p>
                    <p class="detail__length" data-testid="detail-length">{tc::length_for_student(profile.certifiable_count())}</p>
                }
            });
            let competences = profile.clone().map(|profile| view! {
                <table class="table competence-table" data-testid="detail-competences-table">
                    <caption>{tc::DETAIL_COMPETENCES}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tc::DETAIL_COL_COMPETENCE}</th>
                            <th scope="col" class="num">{tc::DETAIL_COL_LEVEL}</th>
                            <th scope="col" class="num">{tc::DETAIL_COL_PIX}</th>
                            <th scope="col">{tc::DETAIL_COL_CERTIFIABLE}</th>
                        </tr>
                    </thead>
                    {DOMAINS.iter().map(|domain| view! {
                        <tbody class=format!("domain domain--{}", domain.css)>
                            <tr class="domain__head">
                                <th scope="rowgroup" colspan="4">{format!("{}. {}", domain.number, domain.title)}</th>
                            </tr>
                            {(0..COMPETENCE_COUNT).filter(|&i| COMPETENCES[i].domain == domain.number).map(|i| {
                                let level = profile.levels[i];
                                let counts = level >= 1;
                                view! {
                                    <tr
                                        class:competence--certifiable=counts
                                        data-testid="competence-row"
                                        data-competence=COMPETENCES[i].index
                                        data-level=level.to_string()
                                        data-pix=profile.pix[i].to_string()
                                    >
                                        <th scope="row"><span class="competence__index">{COMPETENCES[i].index}</span>" "{COMPETENCES[i].name}</th>
                                        <td class="num">{level}</td>
                                        <td class="num">{profile.pix[i]}</td>
                                        <td>{if counts {
                                            view! { <span class="tag tag--ok">{tc::DETAIL_LEVEL_OK}</span> }.into_any()
                                        } else {
                                            view! { <span class="faint">{tc::DETAIL_LEVEL_ZERO}</span> }.into_any()
                                        }}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    }).collect_view()}
                </table>
            });
            let current_sent_at = profile.as_ref().map(|p| p.sent_at);
            view! {
                <h3 id="detail-title" data-testid="detail-title">{title}</h3>
                <p class="detail__class">{tc::detail_class(learner.class.as_deref().unwrap_or(""))}</p>
                {if profile.is_none() { Some(view! { <p>{tc::DETAIL_NOT_SENT}</p> }) } else { None }}
                {figures}
                {competences}
                {(!sendings.is_empty()).then(|| view! {
                    <table class="table sendings-table">
                        <caption>{tc::DETAIL_SENDINGS_CAPTION}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{text::COL_SENT_AT}</th>
                                <th scope="col" class="num">{text::COL_SCORE}</th>
                                <th scope="col" class="num">{text::COL_COMPETENCES}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {sendings.into_iter().map(|(date, score, count)| view! {
                                <tr data-testid="sending-row" data-score=score.to_string()>
                                    <th scope="row">
                                        {date.french()}
                                        {(Some(date) == current_sent_at).then(|| view! { " "<span class="faint">"("{tc::DETAIL_CURRENT}")"</span> })}
                                    </th>
                                    <td class="num">{score}</td>
                                    <td class="num">{count}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
            }
            .into_any()
        }
    };
    view! {
        <div class="overlay" on:click=move |_| close()>
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="detail-title"
                tabindex="-1"
                node_ref=dialog_ref
                data-testid="student-detail"
                on:click=|event| event.stop_propagation()
                on:keydown=move |event: web_sys::KeyboardEvent| {
                    if event.key() == "Escape" {
                        event.prevent_default();
                        close();
                    }
                }
            >
                <button type="button" class="button button--secondary dialog__close" data-testid="detail-close" on:click=move |_| close()>
                    {tc::DETAIL_CLOSE}<span aria-hidden="true">" ×"</span>
                </button>
                {body}
            </div>
        </div>
    }
}
