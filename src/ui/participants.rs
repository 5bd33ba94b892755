//! The participants table of a profiles-collection campaign: sortable headers, one page of
//! rows, pagination. Filtering and sorting happen in `domain::cohort`, once per change.

use leptos::prelude::*;

use crate::domain::cohort::{Certifiability, ParticipantFilter, ParticipantLine, Sort, SortColumn};
use crate::domain::export_csv::{participants_csv, ParticipantsCsvLabels};
use crate::domain::html::Html;
use crate::domain::route::{Route, TableView, PAGE_SIZES};
use crate::ui::download::download_csv;
use crate::ui::pagination::Pagination;
use crate::ui::sort_header::{head_cells_html, show_sort};
use crate::ui::state::{clicked_data, use_state, AppState, Shared};
use crate::ui::text;
use crate::ui::text::campaign as tc;

/// Applies a change to the campaign's table view and records it in the URL.
pub fn update_view(
    state: AppState,
    id: u64,
    table_view: Memo<TableView>,
    change: impl Fn(&mut TableView),
) {
    let mut view = table_view.get_untracked();
    change(&mut view);
    state.navigate(Route::Campaign { id, view });
}

/// The lines the filters keep, in the sort order, with the criteria that produced them.
pub struct Selection {
    pub filter: ParticipantFilter,
    pub sort: Sort,
    /// Indices into the campaign's lines.
    pub indices: Vec<usize>,
}

#[component]
pub fn ParticipantsTable(
    id: u64,
    campaign: String,
    lines: Shared<Vec<ParticipantLine>>,
    table_view: Memo<TableView>,
    selected: Memo<Shared<Selection>>,
    total: Signal<usize>,
) -> impl IntoView {
    let state = use_state();
    let table = NodeRef::<leptos::html::Table>::new();
    // The headers are plain markup; only their sort state changes, in place, so the button
    // that was clicked keeps the focus.
    Effect::new(move |shown: Option<Sort>| {
        let sort = selected.with(|s| s.sort);
        if let (Some(table), true) = (table.get(), shown != Some(sort)) {
            show_sort(&table, sort.column.slug(), sort.descending);
        }
        sort
    });
    let body = NodeRef::<leptos::html::Tbody>::new();
    let page_rows = move || -> Vec<usize> {
        let (size, page) = table_view.with(|v| (v.page_size, v.page));
        selected.with(|selected| {
            let indices = &selected.indices;
            let (start, end, _, _) =
                crate::domain::campaigns::page_bounds(indices.len(), size, page);
            indices[start..end].to_vec()
        })
    };
    // The first page is in the markup the table is built with; later pages are written by
    // the effect. When a new page begins with the rows already shown (page size 50 → 100,
    // or back), only the difference is added or removed.
    let first_rows = untrack(page_rows);
    let first_html = rows_html(&lines, &first_rows);
    Effect::new({
        let lines = lines.clone();
        move |shown: Option<Vec<usize>>| {
            let rows = page_rows();
            let shown = shown.unwrap_or_else(|| first_rows.clone());
            let Some(body) = body.get() else {
                return shown;
            };
            let kept = shown.iter().zip(&rows).take_while(|(a, b)| a == b).count();
            if kept == 0 {
                body.set_inner_html(&rows_html(&lines, &rows));
            } else {
                while body.child_element_count() as usize > kept {
                    if let Some(last) = body.last_element_child() {
                        last.remove();
                    }
                }
                if rows.len() > kept {
                    let _ =
                        body.insert_adjacent_html("beforeend", &rows_html(&lines, &rows[kept..]));
                }
            }
            rows
        }
    });
    let on_click = move |event: web_sys::MouseEvent| {
        if let Some(row) = clicked_data(&event, "data-open-row").and_then(|r| r.parse().ok()) {
            update_view(state, id, table_view, |view| view.detail = Some(row));
        } else if let Some(column) =
            clicked_data(&event, "data-sort-by").and_then(|slug| SortColumn::from_slug(&slug))
        {
            update_view(state, id, table_view, |view| {
                let descending = view.sort.column == column && !view.sort.descending;
                view.sort = Sort { column, descending };
                view.page = 1;
            })
        }
    };

    let export = move |_| {
        let labels = ParticipantsCsvLabels {
            header: tc::PARTICIPANTS_CSV_HEADER,
            certifiable: text::TAG_CERTIFIABLE,
            not_certifiable: text::TAG_NOT_CERTIFIABLE,
            not_sent: text::TAG_NOT_SENT,
        };
        let csv = selected.with_untracked(|s| participants_csv(&lines, &s.indices, &labels));
        if download_csv(&tc::participants_file_name(id), &csv).is_err() {
            state
                .app_errors
                .update(|errors| errors.push(tc::DOWNLOAD_FAILED.to_owned()));
        }
    };

    view! {
        <div class="table-tools">
            <button type="button" class="button button--secondary" data-testid="export-participants" on:click=export>
                {tc::EXPORT_PARTICIPANTS}
            </button>
        </div>
        <div class="table-scroll">
            <table class="table table--stack participants-table" data-testid="participants-table" node_ref=table on:click=on_click>
                <caption>{text::table_caption(&campaign)}</caption>
                <thead inner_html=head_html(selected.with_untracked(|s| s.sort))></thead>
                <tbody node_ref=body inner_html=first_html></tbody>
            </table>
        </div>
        {move || (total.get() == 0).then(|| view! { <p class="empty">{text::NO_MATCH}</p> })}
        <Pagination
            total=total
            page=Signal::derive(move || table_view.with(|v| v.page))
            page_size=Signal::derive(move || table_view.with(|v| v.page_size))
            sizes=&PAGE_SIZES
            on_page={move |page: usize| update_view(state, id, table_view, |view| view.page = page)}
            on_size={move |size: usize| update_view(state, id, table_view, |view| {
                view.page_size = size;
                view.page = 1;
            })}
        />
    }
}

const COLUMNS: [(SortColumn, &str, bool); 8] = [
    (SortColumn::Name, text::COL_LAST, false),
    (SortColumn::First, text::COL_FIRST, false),
    (SortColumn::Class, text::COL_CLASS, false),
    (SortColumn::SentAt, text::COL_SENT_AT, false),
    (SortColumn::Score, text::COL_SCORE, true),
    (SortColumn::Evolution, tc::COL_EVOLUTION, true),
    (SortColumn::Certifiable, text::COL_CERTIFIABLE, false),
    (SortColumn::Competences, text::COL_COMPETENCES, true),
];

/// The header row: `aria-sort` on each `<th>`, a real button (see `sort_header`).
fn head_html(sort: Sort) -> String {
    let cells = COLUMNS.map(|(column, label, numeric)| (column.slug(), label, numeric));
    format!(
        "<tr>{}</tr>",
        head_cells_html(&cells, "sort-", sort.column.slug(), sort.descending)
    )
}

/// One page of participants, as one HTML string (see `domain::html`).
fn rows_html(lines: &[ParticipantLine], page: &[usize]) -> String {
    let mut html = Html::new();
    for line in page.iter().map(|&index| &lines[index]) {
        let sent = line.status != Certifiability::NotSent;
        let certifiable = match line.status {
            Certifiability::Certifiable => ("data-certifiable", "true"),
            Certifiability::NotCertifiable => ("data-certifiable", "false"),
            Certifiability::NotSent => ("", ""),
        };
        let (tag_class, tag_text) = match line.status {
            Certifiability::Certifiable => ("tag tag--ok", text::TAG_CERTIFIABLE),
            Certifiability::NotCertifiable => ("tag tag--warn", text::TAG_NOT_CERTIFIABLE),
            Certifiability::NotSent => ("tag tag--muted", text::TAG_NOT_SENT),
        };
        let row = line.row.to_string();
        let score = line.score.map(|s| s.to_string());
        let competences = line.certifiable_count.map(|c| c.to_string());
        let evolution = line.evolution().map(|d| d.to_string());
        let optional = |name: &'static str, value: &Option<String>| -> (&'static str, String) {
            match value {
                Some(value) => (name, value.clone()),
                None => ("", String::new()),
            }
        };
        let score_attr = optional("data-score", &score);
        let competences_attr = optional("data-competences", &competences);
        let evolution_attr = optional("data-evolution", &evolution);
        html.open(
            "tr",
            &[
                ("data-testid", "participant-row"),
                ("data-row", &row),
                ("data-last", line.last()),
                ("data-first", line.first()),
                ("data-class", line.class()),
                ("data-sent", if sent { "true" } else { "false" }),
                certifiable,
                (score_attr.0, &score_attr.1),
                (competences_attr.0, &competences_attr.1),
                (evolution_attr.0, &evolution_attr.1),
                if line.inconsistent {
                    ("data-mismatch", "true")
                } else {
                    ("", "")
                },
            ],
        )
        .open("th", &[("scope", "row")])
        .open(
            "button",
            &[
                ("type", "button"),
                ("class", "link-button"),
                ("id", &format!("detail-open-{row}")),
                ("data-testid", "open-detail"),
                ("data-open-row", &row),
                ("aria-haspopup", "dialog"),
            ],
        )
        .element(
            "span",
            &[("class", "visually-hidden")],
            &format!("{} {} ", tc::OPEN_DETAIL_HINT, line.first()),
        )
        .text(line.last())
        .element(
            "span",
            &[("class", "only-narrow")],
            &format!(" {}", line.first()),
        )
        .close("button")
        .close("th")
        .element(
            "td",
            &[("class", "not-narrow"), ("data-label", text::COL_FIRST)],
            line.first(),
        )
        .element("td", &[("data-label", text::COL_CLASS)], line.class())
        .element(
            "td",
            &[("data-label", text::COL_SENT_AT)],
            &line.sent_at.map(|d| d.french_date()).unwrap_or_default(),
        )
        .open("td", &[("class", "num"), ("data-label", text::COL_SCORE)]);
        if let Some(score) = &score {
            html.element("span", &[("class", "score")], score);
        }
        html.close("td")
            .open("td", &[("class", "num"), ("data-label", tc::COL_EVOLUTION)]);
        match (line.evolution(), line.previous) {
            (Some(delta), Some(previous)) => {
                let title = tc::evolution_title(
                    previous.score,
                    previous.certifiable_count,
                    &previous.sent_at.french_date(),
                    previous.from_earlier_snapshot,
                );
                let (symbol, tone) = match delta.signum() {
                    1 => ("↑ ", "up"),
                    -1 => ("↓ ", "down"),
                    _ => ("= ", "same"),
                };
                html.open(
                    "span",
                    &[
                        ("class", &format!("evolution evolution--{tone}")),
                        ("title", &title),
                    ],
                )
                .element("span", &[("aria-hidden", "true")], symbol)
                .text(&tc::evolution_text(delta))
                .element(
                    "span",
                    &[("class", "visually-hidden")],
                    &format!(" ; {title}"),
                )
                .close("span");
            }
            _ => {
                html.element("span", &[("class", "faint")], tc::EVOLUTION_NONE);
            }
        }
        html.close("td")
            .open("td", &[("data-label", text::COL_CERTIFIABLE)])
            .element("span", &[("class", tag_class)], tag_text);
        if line.inconsistent {
            html.open("span", &[("class", "mismatch"), ("title", text::MISMATCH)])
                .element("span", &[("aria-hidden", "true")], " ⚠")
                .element("span", &[("class", "visually-hidden")], text::MISMATCH)
                .close("span");
        }
        html.close("td")
            .open(
                "td",
                &[("class", "num"), ("data-label", text::COL_COMPETENCES)],
            )
            .text(competences.as_deref().unwrap_or(""));
        if let Some(missing) = line.missing_to_certify.filter(|&m| m > 0) {
            html.element(
                "span",
                &[("class", "missing")],
                &format!(" ({})", text::missing(missing)),
            );
        }
        html.close("td").close("tr");
    }
    html.finish()
}
