//! The analysis tab of a profiles collection: competence coverage, quickest wins, score and
//! competence-count distributions, certifiable share per class and a class × competence matrix.
//! The numbers come from `domain::views::stats`; here they are only drawn, as SVG in `view!`
//! (see `widgets::charts`), each chart with a table of the same numbers.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::model::competences::{
    COMPETENCES, COMPETENCE_COUNT, DOMAINS, MIN_CERTIFIABLE_COMPETENCES,
};
use crate::domain::model::snapshot::CampaignSnapshot;
use crate::domain::views::stats::{CohortStats, CoverageOrder};
use crate::ui::campaign::profile_rows;
use crate::ui::text::analysis as ta;
use crate::ui::widgets::charts::{DataTable, HBar, HBars, VBar, VBars};

#[component]
pub fn Analysis(snapshot: Arc<CampaignSnapshot>) -> impl IntoView {
    let stats = Arc::new(CohortStats::of(profile_rows(&snapshot)));
    if stats.received == 0 {
        return view! { <p class="empty">{ta::EMPTY}</p> }.into_any();
    }
    let order = RwSignal::new(CoverageOrder::Framework);
    let coverage = {
        let stats = Arc::clone(&stats);
        move || view! { <Coverage stats=Arc::clone(&stats) order=order.get() /> }
    };
    let options = CoverageOrder::ALL
        .into_iter()
        .map(|order| view! { <option value=order.slug()>{order_label(order)}</option> })
        .collect_view();
    view! {
        <section class="analysis" data-testid="analysis" aria-labelledby="coverage-title">
            <div class="panel analysis__coverage">
                <div class="section-head">
                    <h3 id="coverage-title">{ta::COVERAGE_TITLE}</h3>
                    <label class="analysis__order">
                        {ta::ORDER_LABEL}
                        " "
                        <select
                            data-testid="coverage-order"
                            prop:value=move || order.get().slug()
                            on:change=move |event| order.set(CoverageOrder::from_slug(&event_target_value(&event)))
                        >
                            {options}
                        </select>
                    </label>
                    <button
                        type="button"
                        class="button button--secondary analysis__print"
                        data-testid="print-analysis"
                        on:click=|_| {
                            if let Some(window) = web_sys::window() {
                                let _ = window.print();
                            }
                        }
                    >
                        {ta::PRINT}
                    </button>
                </div>
                <p class="analysis__hint">{ta::COVERAGE_HINT}</p>
                {coverage}
            </div>
            <div class="analysis__panels">
                <div class="panel analysis__wins"><Wins stats=Arc::clone(&stats) /></div>
                <div class="panel"><Scores stats=Arc::clone(&stats) /></div>
                <div class="panel"><Counts stats=Arc::clone(&stats) /></div>
                <div class="panel"><Classes stats=Arc::clone(&stats) /></div>
                <div class="panel analysis__matrix"><Matrix stats=stats /></div>
            </div>
        </section>
    }
    .into_any()
}

/// The share as JavaScript prints it, so that `Number(data-share)` in the page gives back the
/// very same double; Rust's own float printer would weigh about 20 KB in the wasm.
fn exact(share: f64) -> String {
    js_sys::Number::from(share)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

fn order_label(order: CoverageOrder) -> &'static str {
    match order {
        CoverageOrder::Framework => ta::ORDER_FRAMEWORK,
        CoverageOrder::ShareAscending => ta::ORDER_SHARE_ASC,
        CoverageOrder::ShareDescending => ta::ORDER_SHARE_DESC,
        CoverageOrder::AverageDescending => ta::ORDER_AVERAGE,
    }
}

fn class_label(label: &str) -> String {
    if label.is_empty() {
        crate::ui::text::campaign::NO_CLASS.to_owned()
    } else {
        label.to_owned()
    }
}

#[component]
fn Coverage(stats: Arc<CohortStats>, order: CoverageOrder) -> impl IntoView {
    let indices = stats.coverage_order(order);
    let legend = DOMAINS
        .iter()
        .map(|domain| {
            view! {
                <li>
                    <span class=format!("swatch fill--{}", domain.css) aria-hidden="true"></span>
                    {format!("{} {}", domain.number, domain.title)}
                </li>
            }
        })
        .collect_view();
    let bars: Vec<HBar> = indices
        .iter()
        .map(|&index| {
            let competence = &COMPETENCES[index];
            let share = stats.coverage(index);
            let average = ta::decimal(stats.average_level(index));
            HBar {
                label: competence.index.to_owned(),
                value: share,
                text: format!("{} · {average}", ta::percent(share)),
                tooltip: format!(
                    "{} {} : {} ({}), {} {average}",
                    competence.index,
                    competence.name,
                    ta::percent(share),
                    ta::profiles_of(stats.competences[index].reached, stats.received),
                    ta::COL_AVERAGE.to_lowercase()
                ),
                fill: format!("fill--{}", competence.domain().css),
                testid: "coverage-bar",
                competence: Some(competence.index.to_owned()),
                share: Some(exact(share)),
            }
        })
        .collect();
    let rows: Vec<Vec<String>> = indices
        .iter()
        .map(|&index| {
            let competence = &COMPETENCES[index];
            vec![
                format!("{} {}", competence.index, competence.name),
                competence.domain().title.to_owned(),
                ta::profiles_of(stats.competences[index].reached, stats.received),
                ta::percent(stats.coverage(index)),
                ta::decimal(stats.average_level(index)),
            ]
        })
        .collect();
    view! {
        <ul class="legend">{legend}</ul>
        <div data-testid="competence-coverage" class="chart-box">
            <HBars label=ta::chart_label(ta::COVERAGE_CAPTION, stats.received) label_percent=8.0 bars=bars />
        </div>
        <DataTable
            caption=ta::COVERAGE_CAPTION
            head=vec![ta::COL_COMPETENCE, ta::COL_DOMAIN, ta::COL_REACHED, ta::COL_SHARE, ta::COL_AVERAGE]
            rows=rows
        />
    }
}

#[component]
fn Wins(stats: Arc<CohortStats>) -> impl IntoView {
    let wins = stats.quick_wins(5);
    if wins.is_empty() {
        return view! {
            <h3>{ta::WINS_TITLE}</h3>
            <p>{ta::WINS_EMPTY}</p>
        }
        .into_any();
    }
    let total = stats.not_certifiable();
    let items = wins
        .into_iter()
        .map(|index| {
            let competence = &COMPETENCES[index];
            let zeros = stats.competences[index].zero_among_not_certifiable;
            view! {
                <li
                    data-competence=competence.index
                    class=format!("domain-chip domain-chip--{}", competence.domain().css)
                >
                    {ta::wins_item(&format!("{} {}", competence.index, competence.name), zeros, total)}
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{ta::WINS_TITLE}</h3>
        <p class="analysis__hint">{ta::wins_hint(total)}</p>
        <ol class="wins" data-testid="quick-wins">{items}</ol>
    }
    .into_any()
}

#[component]
fn Scores(stats: Arc<CohortStats>) -> impl IntoView {
    let width = stats.score_bin_width;
    let bars: Vec<VBar> = stats
        .score_bins
        .iter()
        .enumerate()
        .map(|(bin, &count)| {
            let from = bin as u32 * width;
            VBar {
                label: from.to_string(),
                count,
                tooltip: ta::bar_title(&ta::score_range(from, width), count),
                fill: "fill--accent",
            }
        })
        .collect();
    let rows: Vec<Vec<String>> = bars
        .iter()
        .enumerate()
        .map(|(bin, bar)| {
            vec![
                ta::score_range(bin as u32 * width, width),
                bar.count.to_string(),
            ]
        })
        .collect();
    view! {
        <h3>{ta::SCORES_TITLE}</h3>
        <div class="chart-box" data-testid="score-histogram">
            <VBars label=ta::chart_label(ta::SCORES_CAPTION, stats.received) bars=bars threshold=None />
        </div>
        <DataTable caption=ta::SCORES_CAPTION head=vec![ta::COL_SCORE_RANGE, ta::COL_PROFILES] rows=rows />
    }
}

#[component]
fn Counts(stats: Arc<CohortStats>) -> impl IntoView {
    let threshold = usize::from(MIN_CERTIFIABLE_COMPETENCES);
    let bars: Vec<VBar> = stats
        .competence_counts
        .iter()
        .enumerate()
        .map(|(count, &profiles)| VBar {
            label: count.to_string(),
            count: profiles,
            tooltip: ta::bar_title(&format!("{count} / {COMPETENCE_COUNT}"), profiles),
            fill: if count >= threshold {
                "fill--ok"
            } else {
                "fill--warn"
            },
        })
        .collect();
    let rows: Vec<Vec<String>> = bars
        .iter()
        .map(|bar| vec![bar.label.clone(), bar.count.to_string()])
        .collect();
    view! {
        <h3>{ta::COUNTS_TITLE}</h3>
        <p class="analysis__hint">{ta::COUNTS_HINT}</p>
        <div class="chart-box" data-testid="count-histogram">
            <VBars label=ta::chart_label(ta::COUNTS_CAPTION, stats.received) bars=bars threshold=Some(threshold) />
        </div>
        <DataTable caption=ta::COUNTS_CAPTION head=vec![ta::COL_COMPETENCE_COUNT, ta::COL_PROFILES] rows=rows />
    }
}

#[component]
fn Classes(stats: Arc<CohortStats>) -> impl IntoView {
    let bars: Vec<HBar> = stats
        .classes
        .iter()
        .map(|class| {
            let label = class_label(&class.label);
            let share = class.certifiable_share();
            let text = format!(
                "{} ({}/{})",
                ta::percent(share),
                class.certifiable,
                class.participants
            );
            HBar {
                tooltip: format!("{label} : {text}"),
                label,
                value: share,
                text,
                fill: "fill--ok".to_owned(),
                testid: "class-bar",
                competence: None,
                share: Some(exact(share)),
            }
        })
        .collect();
    let rows: Vec<Vec<String>> = stats
        .classes
        .iter()
        .map(|class| {
            vec![
                class_label(&class.label),
                class.certifiable.to_string(),
                class.participants.to_string(),
                ta::percent(class.certifiable_share()),
            ]
        })
        .collect();
    view! {
        <h3>{ta::CLASSES_TITLE}</h3>
        <div class="chart-box" data-testid="class-certifiable">
            <HBars label=ta::CLASSES_CAPTION.to_owned() label_percent=18.0 bars=bars />
        </div>
        <DataTable
            caption=ta::CLASSES_CAPTION
            head=vec![ta::COL_CLASS, ta::COL_CERTIFIABLE, ta::COL_PARTICIPANTS, ta::COL_SHARE]
            rows=rows
        />
    }
}

/// The class × competence matrix is itself the accessible table: numbers in every cell, the
/// shade only repeats them. Sticky first column and header keep it readable with 50 classes.
#[component]
fn Matrix(stats: Arc<CohortStats>) -> impl IntoView {
    let head = COMPETENCES
        .iter()
        .map(|competence| {
            view! {
                <th scope="col" class=format!("matrix__head domain-top--{}", competence.domain().css)>
                    <abbr title=competence.name>{competence.index}</abbr>
                </th>
            }
        })
        .collect_view();
    let rows = stats
        .classes
        .iter()
        .map(|class| {
            let label = class_label(&class.label);
            let cells = COMPETENCES
                .iter()
                .enumerate()
                .map(|(index, competence)| match class.coverage(index) {
                    None => view! { <td class="matrix__cell">"—"</td> }.into_any(),
                    Some(share) => {
                        // Five shades, so neighbouring values stay distinguishable in print.
                        let shade = ((share * 4.0).round() as u8).min(4);
                        let title = format!(
                            "{label} · {} {} : {}",
                            competence.index,
                            competence.name,
                            ta::profiles_of(class.reached[index], class.received)
                        );
                        view! {
                            <td class=format!("matrix__cell shade-{shade}") title=title data-share=exact(share)>
                                {crate::domain::views::decimal::percent(share)}
                            </td>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! {
                <tr data-testid="matrix-row" data-class=class.label.clone()>
                    <th scope="row">{label.clone()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 id="matrix-title">{ta::MATRIX_TITLE}</h3>
        <div class="table-scroll matrix-scroll" tabindex="0" role="region" aria-labelledby="matrix-title">
            <table class="matrix" data-testid="class-matrix">
                <caption>{ta::MATRIX_CAPTION}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ta::COL_CLASS}</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
