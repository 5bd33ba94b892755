//! An assessment campaign: who has shared, progress, mastery, stage and badges, with filters,
//! and the mean mastery per competence and per domain of the students shown.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::assessment::{
    assessment_lines, filter_assessment, mastery_averages, AssessmentFilter, AssessmentLine,
    AssessmentStatus, MasteryAverage,
};
use crate::domain::campaigns::page_bounds;
use crate::domain::route::{DEFAULT_PAGE_SIZE, PAGE_SIZES};
use crate::domain::snapshot::{AssessmentRow, AssessmentSheet, CampaignSnapshot, Rows};
use crate::ui::filters::ClassPicker;
use crate::ui::pagination::Pagination;
use crate::ui::state::Shared;
use crate::ui::text;
use crate::ui::text::campaign as tc;

fn parts(snapshot: &CampaignSnapshot) -> (&AssessmentSheet, &[AssessmentRow]) {
    static EMPTY: AssessmentSheet = AssessmentSheet {
        stage_max: None,
        badges: Vec::new(),
        competences: Vec::new(),
        domains: Vec::new(),
    };
    match &snapshot.rows {
        Rows::Assessment { sheet, rows } => (sheet, rows),
        Rows::Profiles(_) => (&EMPTY, &[]),
    }
}

fn status_label(status: AssessmentStatus) -> &'static str {
    match status {
        AssessmentStatus::Shared => tc::STATUS_SHARED,
        AssessmentStatus::Completed => tc::STATUS_COMPLETED,
        AssessmentStatus::Started => tc::STATUS_STARTED,
    }
}

#[component]
pub fn AssessmentPage(campaign: String, snapshot: Arc<CampaignSnapshot>) -> impl IntoView {
    let (sheet, rows) = parts(&snapshot);
    let sheet = sheet.clone();
    let lines = Shared(Arc::new(assessment_lines(rows)));
    let classes = {
        let mut seen = std::collections::HashSet::new();
        let mut classes: Vec<(String, String)> = lines
            .iter()
            .filter(|line| !line.class_key.is_empty() && seen.insert(line.class_key.clone()))
            .map(|line| (line.class_key.clone(), line.class.clone()))
            .collect();
        classes.sort_by(|a, b| crate::domain::text::natural_cmp(&a.1, &b.1));
        classes
    };
    let count = |status| lines.iter().filter(|line| line.status == status).count();
    let (shared, completed, started) = (
        count(AssessmentStatus::Shared),
        count(AssessmentStatus::Completed),
        count(AssessmentStatus::Started),
    );
    let participants = lines.len();

    let filter = RwSignal::new(AssessmentFilter::default());
    let page = RwSignal::new(1usize);
    let page_size = RwSignal::new(DEFAULT_PAGE_SIZE);
    let selected = {
        let lines = lines.clone();
        Memo::new(move |_| filter.with(|filter| filter_assessment(&lines, filter)))
    };
    let averages = {
        let lines = lines.clone();
        let snapshot = Arc::clone(&snapshot);
        Memo::new(move |_| {
            let (sheet, rows) = parts(&snapshot);
            selected.with(|selected| mastery_averages(rows, sheet, &lines, selected))
        })
    };
    let overall = averages.with_untracked(|a| a.overall);
    let total = Signal::derive(move || selected.with(Vec::len));
    let page_lines = {
        let lines = lines.clone();
        move || {
            let (start, end, _, _) = page_bounds(total.get(), page_size.get(), page.get());
            selected.with(|selected| {
                selected[start..end]
                    .iter()
                    .map(|&i| lines[i].clone())
                    .collect::<Vec<_>>()
            })
        }
    };
    let set_filter = move |change: &dyn Fn(&mut AssessmentFilter)| {
        filter.update(|filter| change(filter));
        page.set(1);
    };
    let stage_max = sheet.stage_max;
    let badges = sheet.badges.clone();

    view! {
        <div class="cards">
            <Card label=text::CARD_PARTICIPANTS value=participants.to_string() testid="count-participants" tone="neutral" />
            <Card label=text::CARD_SHARED value=shared.to_string() testid="count-received" tone="ok" />
            <Card label=tc::CARD_COMPLETED value=completed.to_string() testid="count-completed" tone="warn" />
            <Card label=tc::CARD_STARTED value=started.to_string() testid="count-started" tone="muted" />
            <Card label=tc::CARD_AVERAGE value=overall.map(tc::percent).unwrap_or_else(|| "—".to_owned()) testid="count-average" tone="neutral" />
        </div>
        <section class="participants" aria-labelledby="assessment-title">
            <h3 id="assessment-title" class="visually-hidden">{tc::assessment_caption(&campaign)}</h3>
            <form class="filters" role="search" aria-label=text::FILTERS on:submit=|event| event.prevent_default()>
                <label class="field">
                    <span class="field__label">{text::FILTER_SEARCH}</span>
                    <input
                        type="search"
                        data-testid="filter-search"
                        placeholder=text::FILTER_SEARCH_PLACEHOLDER
                        prop:value=move || filter.with(|f| f.search.clone())
                        on:input=move |event| {
                            let search = event_target_value(&event);
                            set_filter(&|f| f.search = search.clone());
                        }
                    />
                </label>
                {(!classes.is_empty()).then(|| view! {
                    <ClassPicker
                        classes=classes
                        selected=Signal::derive(move || filter.with(|f| f.classes.clone()))
                        on_change={move |keys: Vec<String>| set_filter(&|f| f.classes = keys.clone())}
                    />
                })}
                <label class="field">
                    <span class="field__label">{tc::FILTER_ASSESSMENT_STATUS}</span>
                    <select
                        data-testid="filter-assessment-status"
                        prop:value=move || filter.with(|f| f.status.map(AssessmentStatus::slug).unwrap_or("all"))
                        on:change=move |event| {
                            let status = AssessmentStatus::from_slug(&event_target_value(&event));
                            set_filter(&|f| f.status = status);
                        }
                    >
                        <option value="all">{text::FILTER_STATUS_ALL}</option>
                        {AssessmentStatus::ALL.iter().map(|status| view! {
                            <option value=status.slug()>{status_label(*status)}</option>
                        }).collect_view()}
                    </select>
                </label>
                {stage_max.map(|max| view! {
                    <label class="field">
                        <span class="field__label">{tc::FILTER_STAGE}</span>
                        <select
                            data-testid="filter-stage"
                            prop:value=move || filter.with(|f| f.stage.map(|s| s.to_string()).unwrap_or_default())
                            on:change=move |event| {
                                let stage = event_target_value(&event).parse().ok();
                                set_filter(&|f| f.stage = stage);
                            }
                        >
                            <option value="">{tc::FILTER_STAGE_ALL}</option>
                            {(0..=max).map(|stage| view! { <option value=stage.to_string()>{tc::stage_option(stage, max)}</option> }).collect_view()}
                        </select>
                    </label>
                })}
                <button type="button" class="button button--link" data-testid="filter-clear" on:click=move |_| set_filter(&|f| *f = AssessmentFilter::default())>
                    {text::FILTER_CLEAR}
                </button>
                <p class="filters__count" aria-live="polite" data-testid="participants-count">
                    {move || text::participants_counter(total.get())}
                </p>
            </form>
            <div class="table-scroll">
                <table class="table table--stack" data-testid="assessment-table">
                    <caption>{tc::assessment_caption(&campaign)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text::COL_LAST}</th>
                            <th scope="col">{text::COL_FIRST}</th>
                            <th scope="col">{text::COL_CLASS}</th>
                            <th scope="col">{tc::COL_STATUS}</th>
                            <th scope="col" class="num">{text::COL_PROGRESS}</th>
                            <th scope="col" class="num">{text::COL_MASTERY}</th>
                            {stage_max.map(|_| view! { <th scope="col" class="num">{text::COL_STAGE}</th> })}
                            {badges.iter().map(|badge| view! { <th scope="col">{badge.clone()}</th> }).collect_view()}
                            <th scope="col" class="num">{tc::COL_SENDINGS}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=page_lines key=|line| line.row let(line)>
                            <AssessmentLineRow line=line stage_max=stage_max badges=badges.clone() />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || total.get() == 0>
                <p class="empty">{text::NO_MATCH}</p>
            </Show>
            <Pagination
                total=total
                page=page
                page_size=page_size
                sizes=&PAGE_SIZES
                on_page={move |p: usize| page.set(p)}
                on_size={move |size: usize| { page_size.set(size); page.set(1); }}
            />
        </section>
        <section class="panel averages" aria-labelledby="averages-title">
            <h3 id="averages-title">{tc::AVERAGES_TITLE}</h3>
            {move || {
                let averages = averages.get();
                view! {
                    <AveragesTable caption=tc::AVERAGES_DOMAINS head=tc::COL_NAME_DOMAIN kind="domain" averages=averages.domains.clone() />
                    <AveragesTable caption=tc::AVERAGES_COMPETENCES head=tc::COL_NAME_COMPETENCE kind="competence" averages=averages.competences.clone() />
                }
            }}
        </section>
    }
}

#[component]
fn Card(
    label: &'static str,
    value: String,
    testid: &'static str,
    tone: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("card card--{tone}") data-testid=testid>
            <span class="card__value">{value}</span>
            <span class="card__label">{label}</span>
        </div>
    }
}

#[component]
fn AssessmentLineRow(
    line: AssessmentLine,
    stage_max: Option<u8>,
    badges: Vec<String>,
) -> impl IntoView {
    let (tag, label) = match line.status {
        AssessmentStatus::Shared => ("tag tag--ok", tc::STATUS_SHARED),
        AssessmentStatus::Completed => ("tag tag--warn", tc::STATUS_COMPLETED),
        AssessmentStatus::Started => ("tag tag--muted", tc::STATUS_STARTED),
    };
    let dash = || "—".to_owned();
    view! {
        <tr
            data-testid="assessment-row"
            data-last=line.last.clone()
            data-first=line.first.clone()
            data-class=line.class.clone()
            data-status=line.status.slug()
            data-mastery=line.mastery.map(|m| m.to_string())
            data-stage=line.stage.map(|s| s.to_string())
        >
            <th scope="row">{line.last.clone()}<span class="only-narrow">" "{line.first.clone()}</span></th>
            <td class="not-narrow" data-label=text::COL_FIRST>{line.first.clone()}</td>
            <td data-label=text::COL_CLASS>{line.class.clone()}</td>
            <td data-label=tc::COL_STATUS><span class=tag>{label}</span></td>
            <td class="num" data-label=text::COL_PROGRESS>{line.progress.map(tc::percent).unwrap_or_else(dash)}</td>
            <td class="num" data-label=text::COL_MASTERY>{line.mastery.map(tc::percent).unwrap_or_else(dash)}</td>
            {stage_max.map(|max| view! {
                <td class="num" data-label=text::COL_STAGE>{line.stage.map(|s| format!("{s} / {max}")).unwrap_or_else(dash)}</td>
            })}
            {badges.into_iter().enumerate().map(|(index, title)| {
                let value = line.badges.get(index).copied().flatten();
                view! {
                    <td data-label=title>{match value {
                        Some(true) => view! { <span class="tag tag--ok">{text::YES}</span> }.into_any(),
                        Some(false) => view! { <span class="tag tag--muted">{text::NO}</span> }.into_any(),
                        None => view! { <span class="faint">"—"</span> }.into_any(),
                    }}</td>
                }
            }).collect_view()}
            <td class="num" data-label=tc::COL_SENDINGS>{line.shared_count}</td>
        </tr>
    }
}

#[component]
fn AveragesTable(
    caption: &'static str,
    head: &'static str,
    kind: &'static str,
    averages: Vec<MasteryAverage>,
) -> impl IntoView {
    (!averages.is_empty()).then(|| view! {
        <div class="table-scroll">
            <table class="table averages-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{head}</th>
                        <th scope="col" class="num">{tc::COL_AVERAGE}</th>
                        <th scope="col" class="num">{tc::COL_RESULTS}</th>
                    </tr>
                </thead>
                <tbody>
                    {averages.into_iter().map(|average| {
                        let share = average.average.unwrap_or(0.0);
                        view! {
                            <tr data-testid="mastery-average" data-kind=kind data-name=average.name.clone() data-average=average.average.map(|a| a.to_string())>
                                <th scope="row">{average.name.clone()}</th>
                                <td class="num">
                                    <span class="meter" aria-hidden="true"><span class="meter__fill" style:width=format!("{}%", (share * 100.0).round())></span></span>
                                    {average.average.map(tc::percent).unwrap_or_else(|| "—".to_owned())}
                                </td>
                                <td class="num">{average.results}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    })
}
