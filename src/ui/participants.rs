use leptos::prelude::*;

use crate::domain::cohort::{
    classes_of, filter_and_sort, Certifiability, ParticipantLine, Sort, SortColumn,
};
use crate::domain::route::{Route, TableView, PAGE_SIZES};
use crate::domain::snapshot::{AssessmentRow, AssessmentSheet};
use crate::ui::state::{use_state, Shared};
use crate::ui::text;

#[component]
pub fn ParticipantsTable(
    id: u64,
    campaign: String,
    lines: Shared<Vec<ParticipantLine>>,
) -> impl IntoView {
    let state = use_state();
    let table_view = Memo::new(move |_| match state.route.get() {
        Route::Campaign { view, .. } => view,
        Route::Campaigns => TableView::default(),
    });
    let change_view = move |change: &dyn Fn(&mut TableView)| {
        let mut view = table_view.get_untracked();
        change(&mut view);
        state.navigate(Route::Campaign { id, view });
    };
    let classes = classes_of(&lines);
    let has_classes = !classes.is_empty();

    // Filtering and sorting run again only when the filter or the sort changes, not on paging.
    let criteria = Memo::new(move |_| table_view.with(|view| (view.filter.clone(), view.sort)));
    let selected = {
        let lines = lines.clone();
        Memo::new(move |_| criteria.with(|(filter, sort)| filter_and_sort(&lines, filter, *sort)))
    };
    let total = move || selected.with(Vec::len);
    let page_count = move || total().div_ceil(table_view.with(|v| v.page_size)).max(1);
    let page = move || table_view.with(|v| v.page).min(page_count());
    let page_lines = {
        let lines = lines.clone();
        move || {
            let size = table_view.with(|v| v.page_size);
            let start = (page() - 1) * size;
            selected.with(|selected| {
                selected
                    .iter()
                    .skip(start)
                    .take(size)
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
            <th scope="col" class:num=numeric aria-sort=aria_sort>
                <button
                    type="button"
                    class="sort"
                    on:click=move |_| {
                        change_view(&|view| {
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

    view! {
        <section class="participants" aria-labelledby="participants-title">
            <h3 id="participants-title" class="visually-hidden">{text::table_caption(&campaign)}</h3>
            <form class="filters" role="search" aria-label=text::FILTERS on:submit=|event| event.prevent_default()>
                <label class="field">
                    <span class="field__label">{text::FILTER_SEARCH}</span>
                    <input
                        type="search"
                        data-testid="filter-search"
                        placeholder=text::FILTER_SEARCH_PLACEHOLDER
                        prop:value=move || table_view.with(|v| v.filter.search.clone())
                        on:input=move |event| {
                            let search = event_target_value(&event);
                            change_view(&|view| {
                                view.filter.search = search.clone();
                                view.page = 1;
                            })
                        }
                    />
                </label>
                <Show when=move || has_classes>
                    <label class="field">
                        <span class="field__label">{text::FILTER_CLASS}</span>
                        <select
                            data-testid="filter-class"
                            prop:value=move || table_view.with(|v| v.filter.classes.first().cloned().unwrap_or_default())
                            on:change=move |event| {
                                let class = event_target_value(&event);
                                change_view(&|view| {
                                    view.filter.classes = if class.is_empty() { Vec::new() } else { vec![class.clone()] };
                                    view.page = 1;
                                })
                            }
                        >
                            <option value="">{text::FILTER_CLASS_ALL}</option>
                            {classes.iter().map(|(key, label)| view! { <option value=key.clone()>{label.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
                <label class="field">
                    <span class="field__label">{text::FILTER_STATUS}</span>
                    <select
                        data-testid="filter-certifiability"
                        prop:value=move || table_view.with(|v| v.filter.status.map(Certifiability::slug).unwrap_or("all"))
                        on:change=move |event| {
                            let status = Certifiability::from_slug(&event_target_value(&event));
                            change_view(&|view| {
                                view.filter.status = status;
                                view.page = 1;
                            })
                        }
                    >
                        <option value="all">{text::FILTER_STATUS_ALL}</option>
                        <option value="certifiable">{text::TAG_CERTIFIABLE}</option>
                        <option value="not-certifiable">{text::TAG_NOT_CERTIFIABLE}</option>
                        <option value="not-sent">{text::TAG_NOT_SENT}</option>
                    </select>
                </label>
                <button
                    type="button"
                    class="button button--link"
                    on:click=move |_| change_view(&|view| {
                        view.filter = Default::default();
                        view.page = 1;
                    })
                >
                    {text::FILTER_CLEAR}
                </button>
                <p class="filters__count" aria-live="polite" data-testid="participants-count">
                    {move || text::participants_counter(total())}
                </p>
            </form>
            <div class="table-scroll">
                <table class="table table--stack participants-table">
                    <caption>{text::table_caption(&campaign)}</caption>
                    <thead>
                        <tr>
                            {sort_header(SortColumn::Name, text::COL_LAST, false)}
                            {sort_header(SortColumn::First, text::COL_FIRST, false)}
                            {sort_header(SortColumn::Class, text::COL_CLASS, false)}
                            {sort_header(SortColumn::SentAt, text::COL_SENT_AT, false)}
                            {sort_header(SortColumn::Score, text::COL_SCORE, true)}
                            {sort_header(SortColumn::Certifiable, text::COL_CERTIFIABLE, false)}
                            {sort_header(SortColumn::Competences, text::COL_COMPETENCES, true)}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=page_lines key=|line| line.row let(line)>
                            <ParticipantRow line=line />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || total() == 0>
                <p class="empty">{text::NO_MATCH}</p>
            </Show>
            <nav class="pagination" aria-label="Pagination">
                <label class="field field--inline">
                    <span class="field__label">{text::PAGE_SIZE}</span>
                    <select
                        data-testid="page-size"
                        prop:value=move || table_view.with(|v| v.page_size.to_string())
                        on:change=move |event| {
                            let size = event_target_value(&event).parse().unwrap_or(50);
                            change_view(&|view| {
                                view.page_size = size;
                                view.page = 1;
                            })
                        }
                    >
                        {PAGE_SIZES.iter().map(|size| view! { <option value=size.to_string()>{size.to_string()}</option> }).collect_view()}
                    </select>
                </label>
                <span class="pagination__range">
                    {move || {
                        let size = table_view.with(|v| v.page_size);
                        let start = if total() == 0 { 0 } else { (page() - 1) * size + 1 };
                        text::page_range(start, (page() * size).min(total()), total())
                    }}
                </span>
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="page-prev"
                    disabled=move || { page() <= 1 }
                    on:click=move |_| {
                        let previous = page() - 1;
                        change_view(&|view| view.page = previous.max(1))
                    }
                >
                    <span aria-hidden="true">"‹ "</span>{text::PAGE_PREV}
                </button>
                <span class="pagination__page">{move || text::page_of(page(), page_count())}</span>
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="page-next"
                    disabled=move || { page() >= page_count() }
                    on:click=move |_| {
                        let next = page() + 1;
                        change_view(&|view| view.page = next)
                    }
                >
                    {text::PAGE_NEXT}<span aria-hidden="true">" ›"</span>
                </button>
            </nav>
        </section>
    }
}

#[component]
fn ParticipantRow(line: ParticipantLine) -> impl IntoView {
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
    let evolution = match (line.score, line.previous) {
        (Some(score), Some((previous_score, previous_count))) => {
            let (symbol, label) = match score.cmp(&previous_score) {
                std::cmp::Ordering::Greater => ("↑", "en hausse"),
                std::cmp::Ordering::Less => ("↓", "en baisse"),
                std::cmp::Ordering::Equal => ("=", "stable"),
            };
            let title = text::evolution_title(previous_score, previous_count);
            Some(view! {
                <span class="evolution" title=title.clone()>
                    <span aria-hidden="true">{symbol}</span>
                    <span class="visually-hidden">{format!("{label} ; {title}")}</span>
                </span>
            })
        }
        _ => None,
    };
    view! {
        <tr
            data-testid="participant-row"
            data-last=line.last.clone()
            data-first=line.first.clone()
            data-class=line.class.clone()
            data-sent=sent.to_string()
            data-certifiable=certifiable
            data-score=line.score.map(|s| s.to_string())
            data-competences=line.certifiable_count.map(|c| c.to_string())
            data-mismatch=line.inconsistent.then_some("true")
        >
            <th scope="row">
                {line.last.clone()}
                <span class="only-narrow">" "{line.first.clone()}</span>
            </th>
            <td class="not-narrow" data-label=text::COL_FIRST>{line.first.clone()}</td>
            <td data-label=text::COL_CLASS>{line.class.clone()}</td>
            <td data-label=text::COL_SENT_AT>{line.sent_at.map(|d| d.french_date()).unwrap_or_default()}</td>
            <td class="num" data-label=text::COL_SCORE>
                {line.score.map(|score| view! { <span class="score">{score}</span> })}
                {evolution}
            </td>
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

#[component]
pub fn AssessmentTable(
    campaign: String,
    sheet: AssessmentSheet,
    rows: Vec<AssessmentRow>,
) -> impl IntoView {
    let stage_max = sheet.stage_max;
    view! {
        <div class="table-scroll">
            <table class="table">
                <caption>{format!("Participations à la campagne « {campaign} »")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::COL_LAST}</th>
                        <th scope="col">{text::COL_FIRST}</th>
                        <th scope="col">{text::COL_CLASS}</th>
                        <th scope="col">{text::COL_PROGRESS}</th>
                        <th scope="col">{text::COL_SHARED}</th>
                        <th scope="col" class="num">{text::COL_MASTERY}</th>
                        {stage_max.map(|_| view! { <th scope="col" class="num">{text::COL_STAGE}</th> })}
                        {sheet.badges.iter().map(|badge| view! { <th scope="col">{badge.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let percent = |fraction: f32| format!("{} %", (fraction * 100.0).round());
                        view! {
                            <tr data-testid="assessment-row">
                                <th scope="row">{row.learner.last.clone()}</th>
                                <td>{row.learner.first.clone()}</td>
                                <td>{row.learner.class.clone().unwrap_or_default()}</td>
                                <td>{row.progress.map(percent).unwrap_or_else(|| "—".to_owned())}</td>
                                <td>{if row.shared { text::YES } else { text::NO }}</td>
                                <td class="num">{row.mastery.map(percent).unwrap_or_else(|| "—".to_owned())}</td>
                                {stage_max.map(|max| view! {
                                    <td class="num">{row.stage.map(|s| format!("{s} / {max}")).unwrap_or_else(|| "—".to_owned())}</td>
                                })}
                                {row.badges.iter().map(|badge| view! {
                                    <td>{match badge { Some(true) => text::YES, Some(false) => text::NO, None => "—" }}</td>
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
