//! An assessment campaign: who has shared, progress, mastery, stage and badges, with filters,
//! and the mean mastery per competence and per domain of the students shown.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::assessment::{
    assessment_lines, filter_assessment, mastery_averages, AssessmentFilter, AssessmentLine,
    AssessmentStatus, MasteryAverage,
};
use crate::domain::campaigns::page_bounds;
use crate::domain::html::Html;
use crate::domain::route::{DEFAULT_PAGE_SIZE, PAGE_SIZES};
use crate::domain::snapshot::{AssessmentRow, AssessmentSheet, CampaignSnapshot, Rows};
use crate::ui::filters::ClassPicker;
use crate::ui::pagination::Pagination;
use crate::ui::profiles_page::cards_html;
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
        crate::domain::sort::sort_by(&mut classes, |a, b| {
            crate::domain::text::natural_cmp(&a.1, &b.1)
        });
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
        // A plain closure, not a memo: one reader, which runs when the selection changes.
        move || {
            let (sheet, rows) = parts(&snapshot);
            selected.with(|selected| mastery_averages(rows, sheet, &lines, selected))
        }
    };
    let overall = untrack(&averages).overall;
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
        <div class="cards" inner_html=cards_html(&[
            (text::CARD_PARTICIPANTS, participants.to_string(), "count-participants", "neutral"),
            (text::CARD_SHARED, shared.to_string(), "count-received", "ok"),
            (tc::CARD_COMPLETED, completed.to_string(), "count-completed", "warn"),
            (tc::CARD_STARTED, started.to_string(), "count-started", "muted"),
            (tc::CARD_AVERAGE, overall.map(tc::percent).unwrap_or_else(|| "—".to_owned()), "count-average", "neutral"),
        ])></div>
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
                        inner_html=status_options_html()
                        prop:value=move || filter.with(|f| f.status.map(AssessmentStatus::slug).unwrap_or("all"))
                        on:change=move |event| {
                            let status = AssessmentStatus::from_slug(&event_target_value(&event));
                            set_filter(&|f| f.status = status);
                        }
                    ></select>
                </label>
                {stage_max.map(|max| view! {
                    <label class="field">
                        <span class="field__label">{tc::FILTER_STAGE}</span>
                        <select
                            data-testid="filter-stage"
                            inner_html=stage_options_html(max)
                            prop:value=move || filter.with(|f| f.stage.map(|s| s.to_string()).unwrap_or_default())
                            on:change=move |event| {
                                let stage = event_target_value(&event).parse().ok();
                                set_filter(&|f| f.stage = stage);
                            }
                        ></select>
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
                    <thead inner_html=head_html(stage_max, &badges)></thead>
                    <tbody inner_html={
                        let badges = badges.clone();
                        move || assessment_rows_html(&page_lines(), stage_max, &badges)
                    }></tbody>
                </table>
            </div>
            {move || (total.get() == 0).then(|| view! { <p class="empty">{text::NO_MATCH}</p> })}
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
            <div class="table-scroll" inner_html=move || {
                let averages = averages();
                averages_html(tc::AVERAGES_DOMAINS, tc::COL_NAME_DOMAIN, "domain", &averages.domains)
                    + &averages_html(tc::AVERAGES_COMPETENCES, tc::COL_NAME_COMPETENCE, "competence", &averages.competences)
            }></div>
        </section>
    }
}

/// The header row: fixed columns, then the stage and one column per badge when the export
/// has them.
fn head_html(stage_max: Option<u8>, badges: &[String]) -> String {
    let mut html = Html::new();
    html.open("tr", &[]);
    let mut columns: Vec<(&str, bool)> = vec![
        (text::COL_LAST, false),
        (text::COL_FIRST, false),
        (text::COL_CLASS, false),
        (tc::COL_STATUS, false),
        (text::COL_PROGRESS, true),
        (text::COL_MASTERY, true),
    ];
    if stage_max.is_some() {
        columns.push((text::COL_STAGE, true));
    }
    columns.extend(badges.iter().map(|badge| (badge.as_str(), false)));
    columns.push((tc::COL_SENDINGS, true));
    for (label, numeric) in columns {
        html.element(
            "th",
            &[
                ("scope", "col"),
                if numeric { ("class", "num") } else { ("", "") },
            ],
            label,
        );
    }
    html.close("tr");
    html.finish()
}

fn status_options_html() -> String {
    let mut html = Html::new();
    html.element("option", &[("value", "all")], text::FILTER_STATUS_ALL);
    for status in AssessmentStatus::ALL {
        html.element("option", &[("value", status.slug())], status_label(status));
    }
    html.finish()
}

fn stage_options_html(max: u8) -> String {
    let mut html = Html::new();
    html.element("option", &[("value", "")], tc::FILTER_STAGE_ALL);
    for stage in 0..=max {
        html.element(
            "option",
            &[("value", &stage.to_string())],
            &tc::stage_option(stage, max),
        );
    }
    html.finish()
}

/// One page of participants, as one HTML string (see `domain::html`).
fn assessment_rows_html(
    lines: &[AssessmentLine],
    stage_max: Option<u8>,
    badges: &[String],
) -> String {
    let mut html = Html::new();
    let dash = || "—".to_owned();
    for line in lines {
        let (tag, label) = match line.status {
            AssessmentStatus::Shared => ("tag tag--ok", tc::STATUS_SHARED),
            AssessmentStatus::Completed => ("tag tag--warn", tc::STATUS_COMPLETED),
            AssessmentStatus::Started => ("tag tag--muted", tc::STATUS_STARTED),
        };
        let mastery = line.mastery.map(decimal).unwrap_or_default();
        let stage = line.stage.map(|s| s.to_string()).unwrap_or_default();
        html.open(
            "tr",
            &[
                ("data-testid", "assessment-row"),
                ("data-last", &line.last),
                ("data-first", &line.first),
                ("data-class", &line.class),
                ("data-status", line.status.slug()),
                if line.mastery.is_some() {
                    ("data-mastery", &mastery)
                } else {
                    ("", "")
                },
                if line.stage.is_some() {
                    ("data-stage", &stage)
                } else {
                    ("", "")
                },
            ],
        )
        .open("th", &[("scope", "row")])
        .text(&line.last)
        .element(
            "span",
            &[("class", "only-narrow")],
            &format!(" {}", line.first),
        )
        .close("th")
        .element(
            "td",
            &[("class", "not-narrow"), ("data-label", text::COL_FIRST)],
            &line.first,
        )
        .element("td", &[("data-label", text::COL_CLASS)], &line.class)
        .open("td", &[("data-label", tc::COL_STATUS)])
        .element("span", &[("class", tag)], label)
        .close("td")
        .element(
            "td",
            &[("class", "num"), ("data-label", text::COL_PROGRESS)],
            &line.progress.map(tc::percent).unwrap_or_else(dash),
        )
        .element(
            "td",
            &[("class", "num"), ("data-label", text::COL_MASTERY)],
            &line.mastery.map(tc::percent).unwrap_or_else(dash),
        );
        if let Some(max) = stage_max {
            html.element(
                "td",
                &[("class", "num"), ("data-label", text::COL_STAGE)],
                &line
                    .stage
                    .map(|s| format!("{s} / {max}"))
                    .unwrap_or_else(dash),
            );
        }
        for (index, title) in badges.iter().enumerate() {
            html.open("td", &[("data-label", title)]);
            match line.badges.get(index).copied().flatten() {
                Some(true) => html.element("span", &[("class", "tag tag--ok")], text::YES),
                Some(false) => html.element("span", &[("class", "tag tag--muted")], text::NO),
                None => html.element("span", &[("class", "faint")], "—"),
            };
            html.close("td");
        }
        html.element(
            "td",
            &[("class", "num"), ("data-label", tc::COL_SENDINGS)],
            &line.shared_count.to_string(),
        )
        .close("tr");
    }
    html.finish()
}

/// Mean mastery per competence or domain, as one HTML string.
fn averages_html(caption: &str, head: &str, kind: &str, averages: &[MasteryAverage]) -> String {
    if averages.is_empty() {
        return String::new();
    }
    let mut html = Html::new();
    html.open("table", &[("class", "table averages-table")])
        .element("caption", &[], caption)
        .open("thead", &[])
        .open("tr", &[])
        .element("th", &[("scope", "col")], head)
        .element("th", &[("scope", "col"), ("class", "num")], tc::COL_AVERAGE)
        .element("th", &[("scope", "col"), ("class", "num")], tc::COL_RESULTS)
        .close("tr")
        .close("thead")
        .open("tbody", &[]);
    for average in averages {
        let value = average.average.map(decimal).unwrap_or_default();
        // A <meter> shows the share without an inline style, which the CSP forbids.
        let share = decimal(average.average.unwrap_or(0.0));
        html.open(
            "tr",
            &[
                ("data-testid", "mastery-average"),
                ("data-kind", kind),
                ("data-name", &average.name),
                if average.average.is_some() {
                    ("data-average", &value)
                } else {
                    ("", "")
                },
            ],
        )
        .element("th", &[("scope", "row")], &average.name)
        .open("td", &[("class", "num")])
        .element(
            "meter",
            &[
                ("class", "mastery-meter"),
                ("min", "0"),
                ("max", "1"),
                ("value", &share),
                ("aria-hidden", "true"),
            ],
            "",
        )
        .text(&format!(
            " {}",
            average
                .average
                .map(tc::percent)
                .unwrap_or_else(|| "—".to_owned())
        ))
        .close("td")
        .element("td", &[("class", "num")], &average.results.to_string())
        .close("tr");
    }
    html.close("tbody").close("table");
    html.finish()
}

/// A fraction for data attributes, to six decimals without trailing zeros (`0.37`), written
/// through integers: float formatting costs ~20 KB of wasm. To be replaced by the shared
/// decimal helper (`domain::decimal`) once both branches are merged.
fn decimal(value: f32) -> String {
    let millionths = (f64::from(value) * 1_000_000.0).round() as i64;
    let sign = if millionths < 0 { "-" } else { "" };
    let (whole, fraction) = (millionths.abs() / 1_000_000, millionths.abs() % 1_000_000);
    let fraction = format!("{fraction:06}");
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}
