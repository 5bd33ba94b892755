//! One student's profile: the 16 competences by domain, which ones count for the
//! certification, and every sending. A dialog over the table, opened from the student's
//! name and closed with Escape or the close button; focus goes back to the name.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::domain::views::todo::{competence_list, work_first};
use wasm_bindgen::JsCast;

use crate::domain::model::competences::{COMPETENCES, COMPETENCE_COUNT, DOMAINS};
use crate::domain::model::snapshot::{CampaignSnapshot, LocalDateTime, Profile, ProfileRow};
use crate::domain::views::cohort::{student_at, student_history, StudentKey};
use crate::ui::campaign::{profile_rows, CampaignRoute};
use crate::ui::text;
use crate::ui::text::campaign as tc;
use crate::ui::widgets::history_chart::HistoryChart;

/// A modal dialog keeps Tab and Shift+Tab among its own controls (WCAG 2.4.3): past the last
/// one, focus comes back to the first, and the other way round.
fn keep_focus_inside(dialog: &web_sys::HtmlDivElement, event: &web_sys::KeyboardEvent) {
    let Ok(nodes) = dialog.query_selector_all(
        "button, a[href], input, select, textarea, [tabindex]:not([tabindex='-1'])",
    ) else {
        return;
    };
    let focusable: Vec<web_sys::HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.get(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let is = |element: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == element.as_ref() as &web_sys::Element)
    };
    let leaving_backwards = event.shift_key()
        && (is(first)
            || active
                .as_ref()
                .is_some_and(|a| a == dialog.as_ref() as &web_sys::Element));
    if leaving_backwards {
        event.prevent_default();
        let _ = last.focus();
    } else if !event.shift_key() && is(last) {
        event.prevent_default();
        let _ = first.focus();
    }
}

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
    route: CampaignRoute,
    snapshot: Arc<CampaignSnapshot>,
    row: usize,
) -> impl IntoView {
    let close = move || {
        route.update(|view| view.detail = None);
        let opener = format!("detail-open-{row}");
        request_animation_frame(move || focus_by_id(&opener));
    };
    let dialog_ref = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog_ref.get() {
            let _ = dialog.focus();
        }
    });
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
                // Clicks inside the dialog must not reach the overlay, which closes it.
                on:click=|event| event.stop_propagation()
                on:keydown=move |event: web_sys::KeyboardEvent| {
                    if event.key() == "Escape" {
                        event.prevent_default();
                        close();
                    } else if event.key() == "Tab" {
                        if let Some(dialog) = dialog_ref.get_untracked() {
                            keep_focus_inside(&dialog, &event);
                        }
                    }
                }
            >
                <button
                    type="button"
                    class="button button--secondary dialog__close"
                    data-testid="detail-close"
                    on:click=move |_| close()
                >
                    {tc::DETAIL_CLOSE}
                    <span aria-hidden="true">" ×"</span>
                </button>
                <DetailBody route=route snapshot=snapshot row=row />
            </div>
        </div>
    }
}

#[component]
fn DetailBody(route: CampaignRoute, snapshot: Arc<CampaignSnapshot>, row: usize) -> impl IntoView {
    let rows = profile_rows(&snapshot);
    let Some(student) = student_at(rows, row) else {
        return view! { <p>{tc::DETAIL_NOT_FOUND}</p> }.into_any();
    };
    let learner = student.learner().clone();
    let profile = student.profile().cloned();
    // Every import of the campaign, not only this one: older collections are history too.
    let key = StudentKey::of(&learner);
    let imports = route.imports();
    let history = student_history(
        imports
            .iter()
            .map(|import| profile_rows(import))
            .chain([rows as &[ProfileRow]]),
        &key,
    );
    let sendings: Vec<(LocalDateTime, u32, u8)> = history
        .iter()
        .rev()
        .map(|s| (s.sent_at, s.score, s.certifiable_count))
        .collect();
    let current = profile.as_ref().map(|p| p.sent_at);
    let new_sending = student.new_sending_under_way().then(|| {
        view! { <p class="detail__note" data-testid="detail-new-sending">{text::exports::DETAIL_NEW_SENDING}</p> }
    });
    let chart = (history.len() > 1).then(|| view! { <HistoryChart sendings=history.clone() /> });
    view! {
        <h3 id="detail-title" data-testid="detail-title">
            {tc::detail_title(learner.first(), learner.last())}
        </h3>
        <p class="detail__class">{tc::detail_class(learner.class().unwrap_or(""))}</p>
        {new_sending}
        {match profile {
            None => view! { <p>{tc::DETAIL_NOT_SENT}</p> }.into_any(),
            Some(profile) => view! {
                <Figures profile=profile.clone() />
                <div class="table-scroll" tabindex="0" role="region" aria-label=tc::DETAIL_COMPETENCES>
                    <CompetencesTable profile=profile />
                </div>
            }
            .into_any(),
        }}
        {chart}
        {(!sendings.is_empty()).then(|| view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label=tc::DETAIL_SENDINGS_CAPTION>
                <SendingsTable sendings=sendings current=current />
            </div>
        })}
    }
    .into_any()
}

#[component]
fn Figures(profile: Profile) -> impl IntoView {
    let (tag, tag_text) = if profile.is_certifiable() {
        ("tag tag--ok", text::TAG_CERTIFIABLE)
    } else {
        ("tag tag--warn", text::TAG_NOT_CERTIFIABLE)
    };
    let count = profile.certifiable_count();
    view! {
        <div class="detail__figures">
            <div class="figure">
                <span class="figure__value" data-testid="detail-score">{profile.total_pix}</span>
                <span class="figure__label">{tc::DETAIL_SCORE}</span>
            </div>
            <div class="figure">
                <span class="figure__value">
                    <span class=tag data-testid="detail-certifiable">{tag_text}</span>
                </span>
                <span class="figure__label">{text::COL_CERTIFIABLE}</span>
            </div>
            <div class="figure">
                <span class="figure__value" data-testid="detail-competences">{count}</span>
                <span class="figure__label">{text::COL_COMPETENCES}</span>
            </div>
        </div>
        <p class="detail__sent">{tc::detail_sent(&profile.sent_at.french())}</p>
        <p class="detail__length" data-testid="detail-length">{tc::length_for_student(count)}</p>
        <WorkFirst profile=profile />
    }
}

/// What to work on first, the list the to-do list, its CSV and its print give.
#[component]
fn WorkFirst(profile: Profile) -> impl IntoView {
    let first = work_first(&profile);
    (!first.is_empty()).then(|| {
        let items = first
            .iter()
            .map(|&index| view! { <li>{competence_list(&[index])}</li> })
            .collect_view();
        view! {
            <div class="detail__work-first" data-testid="detail-work-first" data-competences=first.len().to_string()>
                <h4>{tc::TODO_COL_CLOSEST}</h4>
                <ol class="closest-list">{items}</ol>
            </div>
        }
    })
}

/// The 16 competences, one `<tbody>` per domain.
#[component]
fn CompetencesTable(profile: Profile) -> impl IntoView {
    let groups = DOMAINS
        .iter()
        .map(|domain| {
            let rows = (0..COMPETENCE_COUNT)
                .filter(|&i| COMPETENCES[i].domain == domain.number)
                .map(|index| {
                    let level = profile.levels[index];
                    let pix = profile.pix[index];
                    let competence = &COMPETENCES[index];
                    let certifiable = level >= 1;
                    view! {
                        <tr
                            class:competence--certifiable=certifiable
                            data-testid="competence-row"
                            data-competence=competence.index
                            data-level=level.to_string()
                            data-pix=pix.to_string()
                        >
                            <th scope="row">
                                <span class="competence__index">{competence.index}</span>
                                " "
                                {competence.name}
                            </th>
                            <td class="num">{level}</td>
                            <td class="num">{pix}</td>
                            <td>
                                {if certifiable {
                                    view! { <span class="tag tag--ok">{tc::DETAIL_LEVEL_OK}</span> }.into_any()
                                } else {
                                    view! { <span class="faint">{tc::DETAIL_LEVEL_ZERO}</span> }.into_any()
                                }}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tbody class=format!("domain domain--{}", domain.css)>
                    <tr class="domain__head">
                        <th scope="rowgroup" colspan="4">{format!("{}. {}", domain.number, domain.title)}</th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
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
            {groups}
        </table>
    }
}

/// Every sending of the student, newest first.
#[component]
fn SendingsTable(
    sendings: Vec<(LocalDateTime, u32, u8)>,
    current: Option<LocalDateTime>,
) -> impl IntoView {
    let rows = sendings
        .into_iter()
        .map(|(date, score, count)| {
            view! {
                <tr data-testid="sending-row" data-score=score.to_string()>
                    <th scope="row">
                        {date.french()}
                        {(Some(date) == current).then(|| view! {
                            <span class="faint">{format!(" ({})", tc::DETAIL_CURRENT)}</span>
                        })}
                    </th>
                    <td class="num">{score}</td>
                    <td class="num">{count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table sendings-table">
            <caption>{tc::DETAIL_SENDINGS_CAPTION}</caption>
            <thead>
                <tr>
                    <th scope="col">{text::COL_SENT_AT}</th>
                    <th scope="col" class="num">{text::COL_SCORE}</th>
                    <th scope="col" class="num">{text::COL_COMPETENCES}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
