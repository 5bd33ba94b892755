//! The participants table of a profiles-collection campaign: sortable headers, one page of
//! rows, pagination. Filtering and sorting happen in `domain::cohort`, once per change.

use leptos::prelude::*;

use crate::domain::cohort::{Certifiability, ParticipantLine, Sort, SortColumn};
use crate::domain::export_csv::{participants_csv, ParticipantsCsvLabels};
use crate::domain::route::{Route, TableView, PAGE_SIZES};
use crate::ui::download::download_csv;
use crate::ui::pagination::Pagination;
use crate::ui::state::{use_state, AppState, Shared};
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

#[component]
pub fn ParticipantsTable(
    id: u64,
    campaign: String,
    lines: Shared<Vec<ParticipantLine>>,
    table_view: Memo<TableView>,
    selected: Memo<Shared<Vec<usize>>>,
) -> impl IntoView {
    let state = use_state();
    let total = Signal::derive(move || selected.with(|s| s.len()));
    let page_lines = {
        let lines = lines.clone();
        move || {
            let (size, page) = table_view.with(|v| (v.page_size, v.page));
            let (start, end, _, _) = crate::domain::campaigns::page_bounds(total.get(), size, page);
            selected.with(|selected| {
                selected[start..end]
                    .iter()
                    .map(|&index| lines[index].clone())
                    .collect::<Vec<_>>()
            })
        }
    };

    let sort_header = move |column: SortColumn, label: &'static str, numeric: bool| {
        let aria_sort = move || {
            let sort = table_view.with(|v| v.sort);
            if sort.column != column {
                "none"
            } else if sort.descending {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=aria_sort data-sort=column.slug()>
                <button
                    type="button"
                    class="sort"
                    data-testid=format!("sort-{}", column.slug())
                    on:click=move |_| {
                        update_view(state, id, table_view, |view| {
                            let descending = view.sort.column == column && !view.sort.descending;
                            view.sort = Sort { column, descending };
                            view.page = 1;
                        })
                    }
                >
                    {label}
                    <span class="sort__icon" aria-hidden="true">
                        {move || match aria_sort() {
                            "ascending" => "▲",
                            "descending" => "▼",
                            _ => "↕",
                        }}
                    </span>
                </button>
            </th>
        }
    };

    let export = {
        let lines = lines.clone();
        move |_| {
            let labels = ParticipantsCsvLabels {
                header: tc::PARTICIPANTS_CSV_HEADER,
                certifiable: text::TAG_CERTIFIABLE,
                not_certifiable: text::TAG_NOT_CERTIFIABLE,
                not_sent: text::TAG_NOT_SENT,
            };
            let csv =
                selected.with_untracked(|selected| participants_csv(&lines, selected, &labels));
            if download_csv(&tc::participants_file_name(id), &csv).is_err() {
                state
                    .app_errors
                    .update(|errors| errors.push(tc::DOWNLOAD_FAILED.to_owned()));
            }
        }
    };

    view! {
        <div class="table-tools">
            <button type="button" class="button button--secondary" data-testid="export-participants" on:click=export>
                {tc::EXPORT_PARTICIPANTS}
            </button>
        </div>
        <div class="table-scroll">
            <table class="table table--stack participants-table" data-testid="participants-table">
                <caption>{text::table_caption(&campaign)}</caption>
                <thead>
                    <tr>
                        {sort_header(SortColumn::Name, text::COL_LAST, false)}
                        {sort_header(SortColumn::First, text::COL_FIRST, false)}
                        {sort_header(SortColumn::Class, text::COL_CLASS, false)}
                        {sort_header(SortColumn::SentAt, text::COL_SENT_AT, false)}
                        {sort_header(SortColumn::Score, text::COL_SCORE, true)}
                        {sort_header(SortColumn::Evolution, tc::COL_EVOLUTION, true)}
                        {sort_header(SortColumn::Certifiable, text::COL_CERTIFIABLE, false)}
                        {sort_header(SortColumn::Competences, text::COL_COMPETENCES, true)}
                    </tr>
                </thead>
                <tbody>
                    <For each=page_lines key=|line| line.row let(line)>
                        <ParticipantRow id=id line=line table_view=table_view />
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || total.get() == 0>
            <p class="empty">{text::NO_MATCH}</p>
        </Show>
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

#[component]
fn ParticipantRow(id: u64, line: ParticipantLine, table_view: Memo<TableView>) -> impl IntoView {
    let state = use_state();
    let sent = line.status != Certifiability::NotSent;
    let certifiable = match line.status {
        Certifiability::Certifiable => Some("true"),
        Certifiability::NotCertifiable => Some("false"),
        Certifiability::NotSent => None,
    };
    let (tag_class, tag_text) = match line.status {
        Certifiability::Certifiable => ("tag tag--ok", text::TAG_CERTIFIABLE),
        Certifiability::NotCertifiable => ("tag tag--warn", text::TAG_NOT_CERTIFIABLE),
        Certifiability::NotSent => ("tag tag--muted", text::TAG_NOT_SENT),
    };
    let evolution = match (line.evolution(), line.previous) {
        (Some(delta), Some(previous)) => {
            let title = tc::evolution_title(
                previous.score,
                previous.certifiable_count,
                &previous.sent_at.french_date(),
                previous.from_earlier_snapshot,
            );
            let (symbol, tone) = match delta.signum() {
                1 => ("↑", "up"),
                -1 => ("↓", "down"),
                _ => ("=", "same"),
            };
            view! {
                <span class=format!("evolution evolution--{tone}") title=title.clone()>
                    <span aria-hidden="true">{symbol}" "</span>{tc::evolution_text(delta)}
                    <span class="visually-hidden">{format!(" ; {title}")}</span>
                </span>
            }
            .into_any()
        }
        _ => view! { <span class="faint">{tc::EVOLUTION_NONE}</span> }.into_any(),
    };
    let row = line.row;
    let open = move |_| update_view(state, id, table_view, |view| view.detail = Some(row));
    view! {
        <tr
            data-testid="participant-row"
            data-row=row.to_string()
            data-last=line.last.clone()
            data-first=line.first.clone()
            data-class=line.class.clone()
            data-sent=sent.to_string()
            data-certifiable=certifiable
            data-score=line.score.map(|s| s.to_string())
            data-competences=line.certifiable_count.map(|c| c.to_string())
            data-evolution=line.evolution().map(|d| d.to_string())
            data-mismatch=line.inconsistent.then_some("true")
        >
            <th scope="row">
                <button
                    type="button"
                    class="link-button"
                    id=format!("detail-open-{row}")
                    data-testid="open-detail"
                    aria-haspopup="dialog"
                    on:click=open
                >
                    <span class="visually-hidden">{tc::OPEN_DETAIL_HINT}" "{line.first.clone()}" "</span>
                    {line.last.clone()}
                    <span class="only-narrow">" "{line.first.clone()}</span>
                </button>
            </th>
            <td class="not-narrow" data-label=text::COL_FIRST>{line.first.clone()}</td>
            <td data-label=text::COL_CLASS>{line.class.clone()}</td>
            <td data-label=text::COL_SENT_AT>{line.sent_at.map(|d| d.french_date()).unwrap_or_default()}</td>
            <td class="num" data-label=text::COL_SCORE>
                {line.score.map(|score| view! { <span class="score">{score}</span> })}
            </td>
            <td class="num" data-label=tc::COL_EVOLUTION>{evolution}</td>
            <td data-label=text::COL_CERTIFIABLE>
                <span class=tag_class>{tag_text}</span>
                {line.inconsistent.then(|| view! {
                    <span class="mismatch" title=text::MISMATCH>
                        <span aria-hidden="true">" ⚠"</span>
                        <span class="visually-hidden">{text::MISMATCH}</span>
                    </span>
                })}
            </td>
            <td class="num" data-label=text::COL_COMPETENCES>
                {line.certifiable_count}
                {line.missing_to_certify.filter(|&m| m > 0).map(|m| view! { <span class="missing">{format!(" ({})", text::missing(m))}</span> })}
            </td>
        </tr>
    }
}
