//! Certifiability class by class, with the classes that are done marked in words.

use leptos::prelude::*;

use crate::domain::cohort::ClassSummary;
use crate::domain::html::Html;
use crate::domain::route::TableView;
use crate::ui::participants::update_view;
use crate::ui::state::{clicked_data, fill_meters};
use crate::ui::text;
use crate::ui::text::campaign as tc;

/// Read-only once built: one HTML string and one click listener (the class buttons filter
/// the table) instead of a typed view per cell.
#[component]
pub fn ClassSummaryTable(
    id: u64,
    summaries: Vec<ClassSummary>,
    table_view: Memo<TableView>,
) -> impl IntoView {
    let state = crate::ui::state::use_state();
    let panel = NodeRef::<leptos::html::Section>::new();
    panel.on_load(|panel| fill_meters(&panel));
    view! {
        <section
            class="panel class-summary"
            aria-labelledby="classes-title"
            node_ref=panel
            inner_html=summary_html(&summaries)
            on:click=move |event| {
                if let Some(key) = clicked_data(&event, "data-filter-class") {
                    update_view(state, id, table_view, |view| {
                        view.filter.classes = vec![key.clone()];
                        view.page = 1;
                    })
                }
            }
        ></section>
    }
}

fn summary_html(summaries: &[ClassSummary]) -> String {
    let mut html = Html::new();
    html.element("h3", &[("id", "classes-title")], tc::CLASSES_TITLE)
        .open("div", &[("class", "table-scroll")])
        .open(
            "table",
            &[
                ("class", "table table--stack"),
                ("data-testid", "class-summary"),
            ],
        )
        .element("caption", &[], tc::CLASSES_CAPTION)
        .open("thead", &[])
        .open("tr", &[])
        .element("th", &[("scope", "col")], text::COL_CLASS);
    let numeric = [
        text::COL_PARTICIPANTS,
        text::COL_RECEIVED,
        text::COL_CERTIFIABLE_COUNT,
        tc::COL_PERCENT,
        text::CARD_NOT_CERTIFIABLE,
        text::CARD_NOT_SENT,
    ];
    for heading in numeric {
        html.element("th", &[("scope", "col"), ("class", "num")], heading);
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for summary in summaries {
        let percent = summary.certifiable_percent().to_string();
        let done = summary.all_certifiable();
        let label = if summary.label.is_empty() {
            tc::NO_CLASS
        } else {
            &summary.label
        };
        let counts = [summary.participants, summary.received, summary.certifiable]
            .map(|count| count.to_string());
        html.open(
            "tr",
            &[
                if done {
                    ("class", "class-row--done")
                } else {
                    ("", "")
                },
                ("data-testid", "class-row"),
                ("data-class", &summary.label),
                ("data-participants", &counts[0]),
                ("data-received", &counts[1]),
                ("data-certifiable", &counts[2]),
                ("data-all-certifiable", if done { "true" } else { "false" }),
            ],
        )
        .open("th", &[("scope", "row")]);
        if summary.key.is_empty() {
            html.text(label);
        } else {
            html.element(
                "button",
                &[
                    ("type", "button"),
                    ("class", "link-button"),
                    ("title", &tc::filter_on_class(label)),
                    ("data-filter-class", &summary.key),
                ],
                label,
            );
        }
        if done {
            html.text(" ")
                .element("span", &[("class", "tag tag--ok")], tc::CLASS_DONE);
        }
        html.close("th");
        for (value, heading) in counts.iter().zip(numeric) {
            html.element("td", &[("class", "num"), ("data-label", heading)], value);
        }
        html.open("td", &[("class", "num"), ("data-label", tc::COL_PERCENT)])
            .open("span", &[("class", "meter"), ("aria-hidden", "true")])
            .element(
                "span",
                &[("class", "meter__fill"), ("data-width", &percent)],
                "",
            )
            .close("span")
            .text(&percent)
            .text(" %")
            .close("td")
            .element(
                "td",
                &[("class", "num"), ("data-label", text::CARD_NOT_CERTIFIABLE)],
                &summary.not_certifiable.to_string(),
            )
            .element(
                "td",
                &[("class", "num"), ("data-label", text::CARD_NOT_SENT)],
                &summary.not_sent.to_string(),
            )
            .close("tr");
    }
    html.close("tbody").close("table").close("div");
    html.finish()
}
