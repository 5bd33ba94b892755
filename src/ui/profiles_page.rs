//! A profiles-collection campaign: header cards, per-class summary, participants table,
//! action list and student detail. Derived views are Memos over `domain`, so a filter change
//! filters and sorts once, and paging only slices.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::cohort::{
    class_summaries, classes_of, compare_with_earlier_snapshot, filter_and_sort, participant_lines,
    profile_students, ProfileCounts,
};
use crate::domain::html::Html;
use crate::domain::route::{Route, TableView};
use crate::domain::snapshot::CampaignSnapshot;
use crate::ui::analysis::Analysis;
use crate::ui::campaign_page::profile_rows;
use crate::ui::class_summary::ClassSummaryTable;
use crate::ui::delegate;
use crate::ui::filters::ParticipantFilters;
use crate::ui::participants::{ParticipantsTable, Selection};
use crate::ui::state::{clicked_data, fill_meters, use_state, Shared};
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
    // or when the detail opens: an unchanged selection is handed back as is.
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
    let total = Signal::derive(move || selected.with(|s| s.indices.len()));
    let chosen_classes = Memo::new(move |_| table_view.with(|v| v.filter.classes.clone()));
    let detail = Memo::new(move |_| table_view.with(|v| v.detail));
    let share = counts.certifiable_percent();
    let share_box = NodeRef::<leptos::html::Div>::new();
    share_box.on_load(|share_box| fill_meters(&share_box));
    // The tab lives in the page, not the URL: the participants' filters keep their own URL.
    let analysis = RwSignal::new(false);
    let analysis_snapshot = Arc::clone(&snapshot);
    // The tabs are plain markup; only `aria-selected` follows the chosen one, set in place.
    let tabs = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let chosen = if analysis.get() {
            "analysis"
        } else {
            "participants"
        };
        let Some(tabs) = tabs.get() else {
            return;
        };
        delegate::each(&tabs, "[data-tab]", &mut |button| {
            let selected = button.get_attribute("data-tab").as_deref() == Some(chosen);
            let _ = button.set_attribute("aria-selected", &selected.to_string());
        });
    });
    let on_tab = move |event: web_sys::MouseEvent| {
        if let Some(tab) = clicked_data(&event, "data-tab") {
            analysis.set(tab == "analysis");
        }
    };

    view! {
        <div class="profiles" class:profiles--analysis=move || analysis.get()>
        <div class="cards" inner_html=cards_html(&[
            (text::CARD_PARTICIPANTS, counts.participants.to_string(), "count-participants", "neutral"),
            (text::CARD_RECEIVED, counts.received.to_string(), "count-received", "neutral"),
            (text::CARD_CERTIFIABLE, counts.certifiable.to_string(), "count-certifiable", "ok"),
            (text::CARD_NOT_CERTIFIABLE, counts.not_certifiable.to_string(), "count-not-certifiable", "warn"),
            (text::CARD_NOT_SENT, counts.not_sent.to_string(), "count-not-sent", "muted"),
        ])></div>
        <div class="share" data-testid="certifiable-share" node_ref=share_box inner_html=share_html(share)></div>
        <div class="notice" inner_html=notice_html()></div>
        <details class="notice notice--quiet" data-testid="certification-length" inner_html=length_html()></details>
        <div class="tabs" role="tablist" aria-label=ta::TABS_LABEL node_ref=tabs on:click=on_tab inner_html=tabs_html()></div>
        {move || analysis.get().then(|| view! { <Analysis snapshot=Arc::clone(&analysis_snapshot) /> })}
        <div class="profiles__participants" hidden=move || analysis.get()>
        {(!classes.is_empty()).then(|| view! { <ClassSummaryTable id=id summaries=summaries table_view=table_view /> })}
        <section class="participants" aria-labelledby="participants-title">
            <h3 id="participants-title">{text::COL_PARTICIPANTS}</h3>
            <ParticipantFilters classes=classes chosen=chosen_classes id=id table_view=table_view total=total />
            <ParticipantsTable id=id campaign=campaign lines=lines.clone() table_view=table_view selected=selected total=total />
        </section>
        <TodoList id=id snapshot=Arc::clone(&snapshot) lines=lines chosen=chosen_classes />
        </div>
        {move || detail.get().map(|row| view! {
            <StudentDetail id=id snapshot=Arc::clone(&snapshot) row=row table_view=table_view />
        })}
        </div>
    }
}

/// The count cards, `(label, value, test hook, tone)` each, as one HTML string.
pub fn cards_html(cards: &[(&str, String, &str, &str)]) -> String {
    let mut html = Html::new();
    for (label, value, testid, tone) in cards {
        html.open(
            "div",
            &[
                ("class", &format!("card card--{tone}")),
                ("data-testid", testid),
            ],
        )
        .element("span", &[("class", "card__value")], value)
        .element("span", &[("class", "card__label")], label)
        .close("div");
    }
    html.finish()
}

fn share_html(percent: u32) -> String {
    let share = percent.to_string();
    let mut html = Html::new();
    html.open("p", &[("class", "share__text")])
        .element("strong", &[], &text::certifiable_share(percent))
        .text(" — ")
        .text(text::CERTIFIABLE_RULE)
        .close("p")
        .open(
            "div",
            &[
                ("class", "meter meter--wide"),
                ("role", "img"),
                ("aria-label", &format!("{} : {share} %", tc::SHARE_LABEL)),
            ],
        )
        .element(
            "span",
            &[("class", "meter__fill"), ("data-width", &share)],
            "",
        )
        .close("div");
    html.finish()
}

fn tabs_html() -> String {
    let mut html = Html::new();
    html.fill(
        "<button type=\"button\" role=\"tab\" class=\"tab\" data-testid=\"tab-participants\" data-tab=\"participants\" aria-selected=\"true\">{}</button><button type=\"button\" role=\"tab\" class=\"tab\" data-testid=\"tab-analysis\" data-tab=\"analysis\" aria-selected=\"false\">{}</button>",
        &[ta::TAB_PARTICIPANTS, ta::TAB_ANALYSIS],
    );
    html.finish()
}

fn notice_html() -> String {
    let mut html = Html::new();
    html.open("p", &[])
        .element("strong", &[], tc::FROZEN_TITLE)
        .text(" — ")
        .text(text::FROZEN_NOTICE)
        .close("p");
    html.finish()
}

fn length_html() -> String {
    let mut html = Html::new();
    html.element("summary", &[], tc::LENGTH_TITLE)
        .element("p", &[], &tc::length_rule());
    html.finish()
}
