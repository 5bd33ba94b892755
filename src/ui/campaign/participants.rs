//! The participants tab of a profiles collection: filters, sortable headers, one page of
//! rows, pagination. Filtering and sorting happen in `domain::views::cohort`, once per change; the
//! rows are a keyed `<For>` over line indices, so a page change only builds the new rows.
//!
//! `leptos-struct-table` was weighed for this table: it renders its own header cells and
//! row markup, and gives no hook for `th scope="row"` on the name cell, the `data-*`
//! attributes of the UI contract on each `<tr>`, or a sort driven by the URL; the table is
//! written here with `<For>` instead.

use leptos::prelude::*;

use crate::domain::export::{participants_csv, ParticipantsCsvLabels};
use crate::domain::roster::cohort::{NEVER_JOINED_SLUG, OUT_OF_LIST_SLUG};
use crate::domain::views::campaigns::page_bounds;
use crate::domain::views::cohort::{
    Certifiability, ParticipantFilter, ParticipantLine, Sort, SortColumn,
};
use crate::ui::campaign::{CampaignClassFilter, CampaignRoute, NameSearch, TablePager};
use crate::ui::roster::RosterJoin;
use crate::ui::state::Shared;
use crate::ui::text;
use crate::ui::text::campaign as tc;
use crate::ui::text::glossary;
use crate::ui::text::roster as tr;
use crate::ui::widgets::download::download_csv;
use crate::ui::widgets::sort_header::SortHeader;

/// The lines the filters keep, in the sort order, with the criteria that produced them.
pub struct Selection {
    pub filter: ParticipantFilter,
    pub sort: Sort,
    pub never_joined_only: bool,
    pub out_of_list_only: bool,
    pub join: Option<Shared<RosterJoin>>,
    /// Indices into the campaign's lines; `lines.len() + s` is the never-joined roster
    /// student `s`. They come last.
    pub indices: Vec<usize>,
    /// How many of `indices` are never-joined students: the counter tells them apart.
    pub never_joined: usize,
}

/// Filters of the participants table; the view lives in the URL.
#[component]
pub fn ParticipantFilters(
    classes: Vec<(String, String)>,
    route: CampaignRoute,
    selected: Memo<Shared<Selection>>,
    join: Memo<Option<Shared<RosterJoin>>>,
) -> impl IntoView {
    let table_view = route.view;
    let counter = move || {
        selected.with(|s| {
            tr::participants_and_never_joined(s.indices.len() - s.never_joined, s.never_joined)
        })
    };
    view! {
        <form class="filters" role="search" aria-label=text::FILTERS on:submit=|event| event.prevent_default()>
            <NameSearch route=route />
            <label class="field">
                <span class="field__label">{text::FILTER_STATUS}</span>
                <select
                    data-testid="filter-certifiability"
                    prop:value=move || table_view.with(|v| if v.never_joined_only {
                        NEVER_JOINED_SLUG
                    } else if v.out_of_list_only {
                        OUT_OF_LIST_SLUG
                    } else {
                        v.filter.status.map(Certifiability::slug).unwrap_or("all")
                    })
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        let status = Certifiability::from_slug(&value);
                        route.update(|view| {
                            view.never_joined_only = value == NEVER_JOINED_SLUG;
                            view.out_of_list_only = value == OUT_OF_LIST_SLUG;
                            view.filter.status = status;
                            view.page = 1;
                        })
                    }
                >
                    <option value="all">{text::FILTER_STATUS_ALL}</option>
                    <option value="certifiable">{text::TAG_CERTIFIABLE}</option>
                    <option value="not-certifiable">{text::TAG_NOT_CERTIFIABLE}</option>
                    <option value="not-sent">{text::TAG_NOT_SENT}</option>
                    {move || join.with(Option::is_some).then(|| view! {
                        <option value=NEVER_JOINED_SLUG>{tr::FILTER_NEVER_JOINED}</option>
                        <option value=OUT_OF_LIST_SLUG>{tr::FILTER_OUT_OF_LIST}</option>
                    })}
                </select>
            </label>
            <button
                type="button"
                class="button button--link"
                data-testid="filter-clear"
                on:click=move |_| {
                    route.update(|view| {
                        view.never_joined_only = false;
                        view.out_of_list_only = false;
                        view.filter = ParticipantFilter::default();
                        view.page = 1;
                    })
                }
            >
                {text::FILTER_CLEAR}
            </button>
            <p class="filters__count" aria-live="polite" data-testid="participants-count">
                {counter}
            </p>
            <CampaignClassFilter route=route classes=classes />
        </form>
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

#[component]
pub fn ParticipantsTable(
    route: CampaignRoute,
    campaign: String,
    lines: Shared<Vec<ParticipantLine>>,
    selected: Memo<Shared<Selection>>,
) -> impl IntoView {
    let table_view = route.view;
    let total = Signal::derive(move || selected.with(|s| s.indices.len()));
    let page_size = Memo::new(move |_| table_view.with(|v| v.page_size));
    let page = Memo::new(move |_| table_view.with(|v| v.page));
    let page_rows = Memo::new(move |_| {
        let (size, page) = (page_size.get(), page.get());
        selected.with(|selected| {
            let (start, end, _, _) = page_bounds(selected.indices.len(), size, page);
            selected.indices[start..end].to_vec()
        })
    });
    let sort = Memo::new(move |_| selected.with(|s| s.sort));
    let headers = COLUMNS
        .into_iter()
        .map(|(column, label, numeric)| {
            view! {
                <SortHeader
                    label=label
                    key=column.slug()
                    numeric=numeric
                    testid_prefix="sort-"
                    sorted=Signal::derive(move || {
                        let sort = sort.get();
                        (sort.column == column).then_some(sort.descending)
                    })
                    on_sort=move |()| route.update(|view| {
                        let descending = view.sort.column == column && !view.sort.descending;
                        view.sort = Sort { column, descending };
                        view.page = 1;
                    })
                />
            }
        })
        .collect_view();
    let export = {
        let lines = lines.clone();
        move |_| {
            let labels = ParticipantsCsvLabels {
                header: tc::PARTICIPANTS_CSV_HEADER,
                certifiable: text::TAG_CERTIFIABLE,
                not_certifiable: text::TAG_NOT_CERTIFIABLE,
                not_sent: text::TAG_NOT_SENT,
            };
            let csv = selected.with_untracked(|s| {
                let participants: Vec<usize> = s
                    .indices
                    .iter()
                    .copied()
                    .filter(|&i| i < lines.len())
                    .collect();
                participants_csv(&lines, &participants, &labels)
            });
            if download_csv(&tc::participants_file_name(route.id), &csv).is_err() {
                route.report(tc::DOWNLOAD_FAILED.to_owned());
            }
        }
    };
    let caption = text::table_caption(&campaign);

    view! {
        <div class="table-tools">
            <button type="button" class="button button--secondary" data-testid="export-participants" on:click=export>
                {tc::EXPORT_PARTICIPANTS}
            </button>
        </div>
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="table table--stack participants-table" data-testid="participants-table">
                <caption>{caption.clone()}</caption>
                <thead>
                    <tr>{headers}</tr>
                </thead>
                <tbody>
                    <For
                        each=move || {
                            let join = selected.with(|s| s.join.clone());
                            page_rows
                                .get()
                                .into_iter()
                                .map(move |index| {
                                    let hook = join.as_ref().and_then(|join| join.joined.line_hook(index));
                                    (index, hook, join.clone())
                                })
                        }
                        key=|(index, hook, _)| (*index, *hook)
                        children=move |(index, hook, join)| {
                            // The class the list gives, for a participant it has in another one.
                            let list_class = join.as_ref().and_then(|join| {
                                let student = join.joined.matching.names.get(index)?.student()?;
                                Some(join.roster.students[student].class.clone())
                            });
                            match (lines.get(index), join) {
                                (Some(line), _) => view! {
                                    <ParticipantRow
                                        line=line.clone()
                                        roster_hook=hook
                                        list_class=list_class
                                        on_open=move |row: usize| route.update(|view| view.detail = Some(row))
                                    />
                                }
                                .into_any(),
                                (None, Some(join)) => view! {
                                    <NeverJoinedRow join=join student=index - lines.len() />
                                }
                                .into_any(),
                                (None, None) => ().into_any(),
                            }
                        }
                    />
                </tbody>
            </table>
        </div>
        <TablePager route=route total=total />
    }
}

/// One student: the name opens the detail; status in words, not only in colour.
#[component]
fn ParticipantRow(
    line: ParticipantLine,
    roster_hook: Option<&'static str>,
    /// The student's class in the school list, when it has one.
    list_class: Option<String>,
    #[prop(into)] on_open: Callback<usize>,
) -> impl IntoView {
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
    let row = line.row;
    let evolution = match (line.evolution(), line.previous) {
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
            view! {
                <span class=format!("evolution evolution--{tone}") title=title.clone()>
                    <span aria-hidden="true">{symbol}</span>
                    {tc::evolution_text(delta)}
                    <span class="visually-hidden">{format!(" ; {title}")}</span>
                </span>
            }
            .into_any()
        }
        _ => view! { <span class="faint">{tc::EVOLUTION_NONE}</span> }.into_any(),
    };
    let mismatch = line.inconsistent.then(|| {
        view! {
            <span class="mismatch" title=text::MISMATCH>
                <span aria-hidden="true">" ⚠"</span>
                <span class="visually-hidden">{text::MISMATCH}</span>
            </span>
        }
    });
    let missing = line.missing_to_certify.filter(|&m| m > 0).map(
        |missing| view! { <span class="missing">{format!(" ({})", text::missing(missing))}</span> },
    );
    let new_sending = line.new_sending_under_way.then(|| {
        view! {
            " "
            <span class="tag tag--note" title=text::exports::TAG_NEW_SENDING_TITLE>
                {text::exports::TAG_NEW_SENDING}
            </span>
        }
    });
    let roster_tag = roster_hook.map(|hook| {
        let (label, title) = if hook == "out" {
            (tr::TAG_OUT.to_owned(), tr::TAG_OUT_TITLE)
        } else {
            (
                glossary::class_changed_to(list_class.as_deref().unwrap_or_default()),
                tr::TAG_CLASS_CHANGED_TITLE,
            )
        };
        view! { " " <span class="tag tag--note" data-testid="roster-tag" title=title>{label}</span> }
    });
    view! {
        <tr
            data-testid="participant-row"
            data-roster=roster_hook
            data-row=row.to_string()
            data-last=line.last().to_owned()
            data-first=line.first().to_owned()
            data-class=line.class().to_owned()
            data-sent=sent.to_string()
            data-certifiable=certifiable
            data-score=line.score.map(|s| s.to_string())
            data-competences=line.certifiable_count.map(|c| c.to_string())
            data-evolution=line.evolution().map(|d| d.to_string())
            data-mismatch=line.inconsistent.then_some("true")
            data-new-sending=line.new_sending_under_way.then_some("true")
        >
            <th scope="row">
                <button
                    type="button"
                    class="link-button"
                    id=format!("detail-open-{row}")
                    data-testid="open-detail"
                    aria-haspopup="dialog"
                    on:click=move |_| on_open.run(row)
                >
                    <span class="visually-hidden">{format!("{} {} ", tc::OPEN_DETAIL_HINT, line.first())}</span>
                    {line.last().to_owned()}
                    <span class="only-narrow">{format!(" {}", line.first())}</span>
                </button>
            </th>
            <td class="not-narrow" data-label=text::COL_FIRST>{line.first().to_owned()}</td>
            <td data-label=text::COL_CLASS>{line.class().to_owned()}{roster_tag}</td>
            <td data-label=text::COL_SENT_AT>
                {line.sent_at.map(|d| d.french_date()).unwrap_or_default()}
                {new_sending}
            </td>
            <td class="num" data-label=text::COL_SCORE>
                {line.score.map(|score| view! { <span class="score">{score}</span> })}
            </td>
            <td class="num" data-label=tc::COL_EVOLUTION>{evolution}</td>
            <td data-label=text::COL_CERTIFIABLE>
                <span class=tag_class>{tag_text}</span>
                {mismatch}
            </td>
            <td class="num" data-label=text::COL_COMPETENCES>
                {line.certifiable_count.map(|c| c.to_string()).unwrap_or_default()}
                {missing}
            </td>
        </tr>
    }
}

/// A roster student of the cohort who is in no row of the export.
#[component]
fn NeverJoinedRow(join: Shared<RosterJoin>, student: usize) -> impl IntoView {
    let student = &join.roster.students[student];
    view! {
        <tr
            data-testid="participant-row"
            data-roster=NEVER_JOINED_SLUG
            data-last=student.last.clone()
            data-first=student.first.clone()
            data-class=student.class.clone()
            data-sent="false"
        >
            <th scope="row">
                {student.last.clone()}
                <span class="only-narrow">{format!(" {}", student.first)}</span>
            </th>
            <td class="not-narrow" data-label=text::COL_FIRST>{student.first.clone()}</td>
            <td data-label=text::COL_CLASS>{student.class.clone()}</td>
            <td data-label=text::COL_SENT_AT></td>
            <td class="num" data-label=text::COL_SCORE></td>
            <td class="num" data-label=tc::COL_EVOLUTION></td>
            <td data-label=text::COL_CERTIFIABLE>
                <span class="tag tag--muted tag--never">{tr::TAG_NEVER_JOINED}</span>
            </td>
            <td class="num" data-label=text::COL_COMPETENCES></td>
        </tr>
    }
}
