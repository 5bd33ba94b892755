//! One student's profile: the 16 competences by domain, which ones count for the
//! certification, and every sending. A dialog over the table, opened from the student's
//! name and closed with Escape or the close button; focus goes back to the name.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::cohort::{student_at, student_history, StudentKey};
use crate::domain::competences::{COMPETENCES, COMPETENCE_COUNT, DOMAINS};
use crate::domain::html::Html;
use crate::domain::route::TableView;
use crate::domain::snapshot::{CampaignSnapshot, LocalDateTime, Profile, ProfileRow};
use crate::ui::campaign_page::profile_rows;
use crate::ui::history_chart::history_chart_html;
use crate::ui::participants::update_view;
use crate::ui::text;
use crate::ui::text::campaign as tc;

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
    let body = body_html(state, id, &snapshot, row);
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
                inner_html=body
                // The close button is part of the dialog's HTML: one listener here serves it,
                // and keeps clicks inside the dialog from reaching the overlay.
                on:click=move |event| {
                    event.stop_propagation();
                    if clicked_close(&event) {
                        close();
                    }
                }
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
            ></div>
        </div>
    }
}

fn clicked_close(event: &web_sys::MouseEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| {
            element
                .closest("[data-testid='detail-close']")
                .ok()
                .flatten()
        })
        .is_some()
}

/// The dialog's content, written once as HTML (see `domain::html`): it never changes while
/// the dialog is open.
fn body_html(
    state: crate::ui::state::AppState,
    id: u64,
    snapshot: &CampaignSnapshot,
    row: usize,
) -> String {
    let mut html = Html::new();
    html.open(
        "button",
        &[
            ("type", "button"),
            ("class", "button button--secondary dialog__close"),
            ("data-testid", "detail-close"),
        ],
    )
    .text(tc::DETAIL_CLOSE)
    .element("span", &[("aria-hidden", "true")], " ×")
    .close("button");
    let rows = profile_rows(snapshot);
    let Some(student) = student_at(rows, row) else {
        html.element("p", &[], tc::DETAIL_NOT_FOUND);
        return html.finish();
    };
    let learner = student.learner().clone();
    let profile = student.profile().cloned();
    // Every import of the campaign, not only this one: older collections are history too.
    let key = StudentKey::of(&learner);
    let history = state.snapshots.with_untracked(|all| {
        let imports: Vec<&[ProfileRow]> = all
            .iter()
            .filter(|s| s.meta.campaign_id == id)
            .map(|s| profile_rows(&s.data))
            .collect();
        student_history(imports.into_iter().chain([rows]), &key)
    });
    let sendings: Vec<_> = history
        .iter()
        .rev()
        .map(|s| (s.sent_at, s.score, s.certifiable_count))
        .collect();
    html.element(
        "h3",
        &[("id", "detail-title"), ("data-testid", "detail-title")],
        &tc::detail_title(learner.first(), learner.last()),
    )
    .element(
        "p",
        &[("class", "detail__class")],
        &tc::detail_class(learner.class().unwrap_or("")),
    );
    match &profile {
        None => {
            html.element("p", &[], tc::DETAIL_NOT_SENT);
        }
        Some(profile) => figures_html(&mut html, profile),
    }
    let mut out = html.finish();
    if let Some(profile) = &profile {
        out.push_str("<div class=\"table-scroll\">");
        out.push_str(&competences_html(profile));
        out.push_str("</div>");
    }
    if history.len() > 1 {
        out.push_str(&history_chart_html(&history));
    }
    if !sendings.is_empty() {
        out.push_str("<div class=\"table-scroll\">");
        out.push_str(&sendings_html(
            &sendings,
            profile.as_ref().map(|p| p.sent_at),
        ));
        out.push_str("</div>");
    }
    out
}

fn figures_html(html: &mut Html, profile: &Profile) {
    let (tag, tag_text) = if profile.is_certifiable() {
        ("tag tag--ok", text::TAG_CERTIFIABLE)
    } else {
        ("tag tag--warn", text::TAG_NOT_CERTIFIABLE)
    };
    let count = profile.certifiable_count();
    html.fill(
        "<div class=\"detail__figures\"><div class=\"figure\"><span class=\"figure__value\" data-testid=\"detail-score\">{}</span><span class=\"figure__label\">{}</span></div><div class=\"figure\"><span class=\"figure__value\"><span class=\"{}\" data-testid=\"detail-certifiable\">{}</span></span><span class=\"figure__label\">{}</span></div><div class=\"figure\"><span class=\"figure__value\" data-testid=\"detail-competences\">{}</span><span class=\"figure__label\">{}</span></div></div><p class=\"detail__sent\">{}</p><p class=\"detail__length\" data-testid=\"detail-length\">{}</p>",
        &[
            &profile.total_pix.to_string(),
            tc::DETAIL_SCORE,
            tag,
            tag_text,
            text::COL_CERTIFIABLE,
            &count.to_string(),
            text::COL_COMPETENCES,
            &tc::detail_sent(&profile.sent_at.french()),
            &tc::length_for_student(count),
        ],
    );
}

/// The 16 competences, one `<tbody>` per domain (see `domain::html`).
fn competences_html(profile: &Profile) -> String {
    let mut html = Html::new();
    html.fill(
        "<table class=\"table competence-table\" data-testid=\"detail-competences-table\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th></tr></thead>",
        &[
            tc::DETAIL_COMPETENCES,
            tc::DETAIL_COL_COMPETENCE,
            tc::DETAIL_COL_LEVEL,
            tc::DETAIL_COL_PIX,
            tc::DETAIL_COL_CERTIFIABLE,
        ],
    );
    for domain in &DOMAINS {
        html.fill(
            "<tbody class=\"domain domain--{}\"><tr class=\"domain__head\"><th scope=\"rowgroup\" colspan=\"4\">{}. {}</th></tr>",
            &[domain.css, &domain.number.to_string(), domain.title],
        );
        for index in (0..COMPETENCE_COUNT).filter(|&i| COMPETENCES[i].domain == domain.number) {
            let level = profile.levels[index];
            let (level_text, pix_text) = (level.to_string(), profile.pix[index].to_string());
            let competence = &COMPETENCES[index];
            html.fill(
                if level >= 1 {
                    "<tr class=\"competence--certifiable\" "
                } else {
                    "<tr "
                },
                &[],
            )
            .fill(
                "data-testid=\"competence-row\" data-competence=\"{}\" data-level=\"{}\" data-pix=\"{}\"><th scope=\"row\"><span class=\"competence__index\">{}</span> {}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td>",
                &[
                    competence.index,
                    &level_text,
                    &pix_text,
                    competence.index,
                    competence.name,
                    &level_text,
                    &pix_text,
                ],
            )
            .fill(
                if level >= 1 {
                    "<span class=\"tag tag--ok\">{}</span></td></tr>"
                } else {
                    "<span class=\"faint\">{}</span></td></tr>"
                },
                &[if level >= 1 {
                    tc::DETAIL_LEVEL_OK
                } else {
                    tc::DETAIL_LEVEL_ZERO
                }],
            );
        }
        html.fill("</tbody>", &[]);
    }
    html.fill("</table>", &[]);
    html.finish()
}

/// Every sending of the student, newest first.
fn sendings_html(sendings: &[(LocalDateTime, u32, u8)], current: Option<LocalDateTime>) -> String {
    let mut html = Html::new();
    html.fill(
        "<table class=\"table sendings-table\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead><tbody>",
        &[
            tc::DETAIL_SENDINGS_CAPTION,
            text::COL_SENT_AT,
            text::COL_SCORE,
            text::COL_COMPETENCES,
        ],
    );
    for &(date, score, count) in sendings {
        let score = score.to_string();
        html.fill(
            "<tr data-testid=\"sending-row\" data-score=\"{}\"><th scope=\"row\">{}",
            &[&score, &date.french()],
        );
        if Some(date) == current {
            html.fill("<span class=\"faint\"> ({})</span>", &[tc::DETAIL_CURRENT]);
        }
        html.fill(
            "</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            &[&score, &count.to_string()],
        );
    }
    html.fill("</tbody></table>", &[]);
    html.finish()
}
