//! The analysis tab of a profiles collection: competence coverage, quickest wins, score and
//! competence-count distributions, certifiable share per class and a class × competence matrix.
//! The numbers come from `domain::stats`; here they are only drawn. Charts are inline SVG
//! written as strings with `domain::html::Html` (two generic drawers, horizontal and vertical
//! bars) rather than typed views: it keeps the wasm small and a 50-class matrix fast. Each
//! chart has an SVG `<title>` per bar (tooltip) and a table of the same numbers.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::competences::{
    COMPETENCES, COMPETENCE_COUNT, DOMAINS, MIN_CERTIFIABLE_COMPETENCES,
};
use crate::domain::decimal::{round, short};
use crate::domain::html::Html;
use crate::domain::snapshot::CampaignSnapshot;
use crate::domain::stats::{CohortStats, CoverageOrder};
use crate::ui::campaign_page::profile_rows;
use crate::ui::delegate;
use crate::ui::text::analysis as ta;

#[component]
pub fn Analysis(snapshot: Arc<CampaignSnapshot>) -> impl IntoView {
    let stats = Arc::new(CohortStats::of(profile_rows(&snapshot)));
    if stats.received == 0 {
        return view! { <p class="empty">{ta::EMPTY}</p> }.into_any();
    }
    let order = RwSignal::new(CoverageOrder::Framework);
    let coverage = {
        let stats = Arc::clone(&stats);
        move || coverage_html(&stats, order.get())
    };
    // The tab's two controls are written with its HTML; these listeners serve them.
    let on_change = move |event: leptos::ev::Event| {
        if delegate::action(&event).is_some_and(|(action, _)| action == "coverage-order") {
            order.set(CoverageOrder::from_slug(&event_target_value(&event)));
        }
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        if delegate::action(&event).is_some_and(|(action, _)| action == "print") {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        }
    };
    view! {
        <section class="analysis" data-testid="analysis" aria-labelledby="coverage-title" on:change=on_change on:click=on_click>
            <div class="panel analysis__coverage">
                <div class="section-head" inner_html=coverage_head_html()></div>
                <p class="analysis__hint">{ta::COVERAGE_HINT}</p>
                <div inner_html=coverage></div>
            </div>
            <div class="analysis__panels" inner_html=panels_html(&stats)></div>
        </section>
    }
    .into_any()
}

/// The title, the order picker and the print button of the coverage panel.
fn coverage_head_html() -> String {
    let mut html = Html::new();
    html.element("h3", &[("id", "coverage-title")], ta::COVERAGE_TITLE)
        .open("label", &[("class", "analysis__order")])
        .text(ta::ORDER_LABEL)
        .text(" ")
        .open(
            "select",
            &[
                ("data-testid", "coverage-order"),
                ("data-action", "coverage-order"),
            ],
        );
    for order in CoverageOrder::ALL {
        html.element("option", &[("value", order.slug())], order_label(order));
    }
    html.close("select").close("label").element(
        "button",
        &[
            ("type", "button"),
            ("class", "button button--secondary analysis__print"),
            ("data-testid", "print-analysis"),
            ("data-action", "print"),
        ],
        ta::PRINT,
    );
    html.finish()
}

/// The panels that never change while the tab is open, as one string.
fn panels_html(stats: &CohortStats) -> String {
    let mut out = String::new();
    for (class, content) in [
        ("panel analysis__wins", wins_html(stats)),
        ("panel", scores_html(stats)),
        ("panel", counts_html(stats)),
        ("panel", classes_html(stats)),
        ("panel analysis__matrix", matrix_html(stats)),
    ] {
        out.push_str("<div class=\"");
        out.push_str(class);
        out.push_str("\">");
        out.push_str(&content);
        out.push_str("</div>");
    }
    out
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

/// One horizontal bar: `value` between 0 and 1.
struct HBar {
    label: String,
    value: f64,
    text: String,
    tooltip: String,
    /// CSS class of the bar's fill (`fill--information`, `fill--ok`…).
    fill: String,
    /// Test hooks on the bar's group.
    hooks: Vec<(&'static str, String)>,
}

/// Horizontal bars, one row each, label left, value text right. Horizontal positions are
/// percentages and vertical ones pixels, without a viewBox: bars stretch with the box while
/// text keeps its CSS size, so the chart stays legible from 390 px to print.
fn hbars(html: &mut Html, label: &str, label_percent: f64, bars: &[HBar]) {
    const ROW: f64 = 18.0;
    const TEXT_PERCENT: f64 = 24.0;
    let room = 100.0 - label_percent - TEXT_PERCENT;
    svg_open(html, label, &short(ROW * bars.len() as f64 + 2.0, 2));
    let x = format!("{}%", short(label_percent, 2));
    let track = format!("{}%", short(room, 2));
    let value_x = format!("{}%", short(label_percent + room + 1.5, 2));
    for (row, bar) in bars.iter().enumerate() {
        let y = ROW * row as f64 + 1.0;
        html.fill("<g", &[]);
        for (name, value) in &bar.hooks {
            html.fill(" ", &[])
                .fill(name, &[])
                .fill("=\"{}\"", &[value]);
        }
        let top = short(y + 2.0, 2);
        let text_y = round(y + 12.0, 1, '.');
        html.fill(
            " class=\"bar\"><title>{}</title><text x=\"0\" y=\"{}\">{}</text><rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\"></rect><rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}%\" height=\"12\"></rect><text x=\"{}\" y=\"{}\">{}</text></g>",
            &[
                &bar.tooltip,
                &text_y,
                &bar.label,
                &x,
                &top,
                &track,
                &bar.fill,
                &x,
                &top,
                &round(room * bar.value.clamp(0.0, 1.0), 2, '.'),
                &value_x,
                &text_y,
                &bar.text,
            ],
        );
    }
    html.close("svg");
}

/// Vertical bars with their count on top and their label below; a dashed line before bar
/// `threshold` when given. Same percent-and-pixel scheme as `hbars`.
fn vbars(
    html: &mut Html,
    label: &str,
    bars: &[(String, usize, String, &str)],
    threshold: Option<usize>,
) {
    const HEIGHT: f64 = 130.0;
    const BOTTOM: f64 = 18.0;
    const TOP: f64 = 16.0;
    let max = bars.iter().map(|bar| bar.1).max().unwrap_or(0).max(1) as f64;
    let step = 100.0 / bars.len().max(1) as f64;
    svg_open(html, label, &short(HEIGHT, 2));
    let base = HEIGHT - BOTTOM;
    let base_text = short(base, 2);
    html.element(
        "line",
        &[
            ("class", "axis"),
            ("x1", "0"),
            ("x2", "100%"),
            ("y1", &base_text),
            ("y2", &base_text),
        ],
        "",
    );
    let width = format!("{}%", round(step * 0.8, 2, '.'));
    let label_y = round(HEIGHT - 4.0, 1, '.');
    for (index, (name, count, tooltip, fill)) in bars.iter().enumerate() {
        let x = step * index as f64;
        let height = (base - TOP) * *count as f64 / max;
        let middle = format!("{}%", round(x + step / 2.0, 2, '.'));
        html.fill(
            "<g class=\"bar\"><title>{}</title><rect class=\"{}\" x=\"{}%\" y=\"{}\" width=\"{}\" height=\"{}\"></rect>",
            &[
                tooltip,
                fill,
                &round(x + step * 0.1, 2, '.'),
                &round(base - height, 1, '.'),
                &width,
                &round(height, 1, '.'),
            ],
        );
        if *count > 0 {
            html.fill(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                &[
                    &middle,
                    &round(base - height - 3.0, 1, '.'),
                    &count.to_string(),
                ],
            );
        }
        html.fill(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            &[&middle, &label_y, name],
        );
    }
    if let Some(threshold) = threshold {
        let x = format!("{}%", round(step * threshold as f64, 2, '.'));
        html.element(
            "line",
            &[
                ("class", "threshold"),
                ("x1", &x),
                ("x2", &x),
                ("y1", "0"),
                ("y2", &base_text),
            ],
            "",
        );
        html.element(
            "text",
            &[("x", &x), ("dx", "4"), ("y", "11")],
            ta::THRESHOLD,
        );
    }
    html.close("svg");
}

fn svg_open(html: &mut Html, label: &str, height: &str) {
    html.open(
        "svg",
        &[
            ("class", "chart"),
            ("width", "100%"),
            ("height", height),
            ("role", "img"),
            ("aria-label", label),
            ("xmlns", "http://www.w3.org/2000/svg"),
        ],
    );
}

/// A table of the chart's numbers, folded under the chart: screen readers and anyone who
/// wants the exact values read it; print leaves it out to fit one page.
fn data_table(html: &mut Html, caption: &str, head: &[&str], rows: &[Vec<String>]) {
    html.fill(
        "<details class=\"chart__data\"><summary>{}</summary><div class=\"table-scroll\"><table class=\"table\"><caption>{}</caption><thead><tr>",
        &[ta::SHOW_DATA, caption],
    );
    for (index, cell) in head.iter().enumerate() {
        html.fill(
            if index == 0 {
                "<th scope=\"col\" class=\"\">{}</th>"
            } else {
                "<th scope=\"col\" class=\"num\">{}</th>"
            },
            &[cell],
        );
    }
    html.fill("</tr></thead><tbody>", &[]);
    for row in rows {
        html.fill("<tr>", &[]);
        for (index, cell) in row.iter().enumerate() {
            html.fill(
                if index == 0 {
                    "<th scope=\"row\">{}</th>"
                } else {
                    "<td class=\"num\">{}</td>"
                },
                &[cell],
            );
        }
        html.fill("</tr>", &[]);
    }
    html.fill("</tbody></table></div></details>", &[]);
}

fn coverage_html(stats: &CohortStats, order: CoverageOrder) -> String {
    let mut html = Html::new();
    let indices = stats.coverage_order(order);
    html.open("ul", &[("class", "legend")]);
    for domain in DOMAINS {
        html.open("li", &[]).element(
            "span",
            &[
                ("class", &format!("swatch fill--{}", domain.css)),
                ("aria-hidden", "true"),
            ],
            "",
        );
        html.text(&format!("{} {}", domain.number, domain.title))
            .close("li");
    }
    html.close("ul");
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
                hooks: vec![
                    ("data-testid", "coverage-bar".to_owned()),
                    ("data-competence", competence.index.to_owned()),
                    ("data-share", exact(share)),
                ],
            }
        })
        .collect();
    html.open(
        "div",
        &[
            ("data-testid", "competence-coverage"),
            ("class", "chart-box"),
        ],
    );
    hbars(
        &mut html,
        &ta::chart_label(ta::COVERAGE_CAPTION, stats.received),
        8.0,
        &bars,
    );
    html.close("div");
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
    data_table(
        &mut html,
        ta::COVERAGE_CAPTION,
        &[
            ta::COL_COMPETENCE,
            ta::COL_DOMAIN,
            ta::COL_REACHED,
            ta::COL_SHARE,
            ta::COL_AVERAGE,
        ],
        &rows,
    );
    html.finish()
}

fn wins_html(stats: &CohortStats) -> String {
    let mut html = Html::new();
    html.element("h3", &[], ta::WINS_TITLE);
    let wins = stats.quick_wins(5);
    if wins.is_empty() {
        html.element("p", &[], ta::WINS_EMPTY);
        return html.finish();
    }
    let total = stats.not_certifiable();
    html.element("p", &[("class", "analysis__hint")], &ta::wins_hint(total));
    html.open("ol", &[("class", "wins"), ("data-testid", "quick-wins")]);
    for index in wins {
        let competence = &COMPETENCES[index];
        let zeros = stats.competences[index].zero_among_not_certifiable;
        html.open(
            "li",
            &[
                ("data-competence", competence.index),
                (
                    "class",
                    &format!("domain-chip domain-chip--{}", competence.domain().css),
                ),
            ],
        );
        html.text(&ta::wins_item(
            &format!("{} {}", competence.index, competence.name),
            zeros,
            total,
        ));
        html.close("li");
    }
    html.close("ol");
    html.finish()
}

fn scores_html(stats: &CohortStats) -> String {
    let mut html = Html::new();
    html.element("h3", &[], ta::SCORES_TITLE);
    let width = stats.score_bin_width;
    let bars: Vec<(String, usize, String, &str)> = stats
        .score_bins
        .iter()
        .enumerate()
        .map(|(bin, &count)| {
            let from = bin as u32 * width;
            (
                from.to_string(),
                count,
                ta::bar_title(&ta::score_range(from, width), count),
                "fill--accent",
            )
        })
        .collect();
    html.open(
        "div",
        &[("class", "chart-box"), ("data-testid", "score-histogram")],
    );
    vbars(
        &mut html,
        &ta::chart_label(ta::SCORES_CAPTION, stats.received),
        &bars,
        None,
    );
    html.close("div");
    let rows: Vec<Vec<String>> = bars
        .iter()
        .enumerate()
        .map(|(bin, bar)| {
            vec![
                ta::score_range(bin as u32 * width, width),
                bar.1.to_string(),
            ]
        })
        .collect();
    data_table(
        &mut html,
        ta::SCORES_CAPTION,
        &[ta::COL_SCORE_RANGE, ta::COL_PROFILES],
        &rows,
    );
    html.finish()
}

fn counts_html(stats: &CohortStats) -> String {
    let mut html = Html::new();
    html.element("h3", &[], ta::COUNTS_TITLE);
    html.element("p", &[("class", "analysis__hint")], ta::COUNTS_HINT);
    let threshold = usize::from(MIN_CERTIFIABLE_COMPETENCES);
    let bars: Vec<(String, usize, String, &str)> = stats
        .competence_counts
        .iter()
        .enumerate()
        .map(|(count, &profiles)| {
            let fill = if count >= threshold {
                "fill--ok"
            } else {
                "fill--warn"
            };
            (
                count.to_string(),
                profiles,
                ta::bar_title(&format!("{count} / {COMPETENCE_COUNT}"), profiles),
                fill,
            )
        })
        .collect();
    html.open(
        "div",
        &[("class", "chart-box"), ("data-testid", "count-histogram")],
    );
    vbars(
        &mut html,
        &ta::chart_label(ta::COUNTS_CAPTION, stats.received),
        &bars,
        Some(threshold),
    );
    html.close("div");
    let rows: Vec<Vec<String>> = bars
        .iter()
        .map(|bar| vec![bar.0.clone(), bar.1.to_string()])
        .collect();
    data_table(
        &mut html,
        ta::COUNTS_CAPTION,
        &[ta::COL_COMPETENCE_COUNT, ta::COL_PROFILES],
        &rows,
    );
    html.finish()
}

fn class_label(label: &str) -> String {
    if label.is_empty() {
        crate::ui::text::campaign::NO_CLASS.to_owned()
    } else {
        label.to_owned()
    }
}

fn classes_html(stats: &CohortStats) -> String {
    let mut html = Html::new();
    html.element("h3", &[], ta::CLASSES_TITLE);
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
                hooks: vec![
                    ("data-testid", "class-bar".to_owned()),
                    ("data-share", exact(share)),
                ],
            }
        })
        .collect();
    html.open(
        "div",
        &[("class", "chart-box"), ("data-testid", "class-certifiable")],
    );
    hbars(&mut html, ta::CLASSES_CAPTION, 18.0, &bars);
    html.close("div");
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
    data_table(
        &mut html,
        ta::CLASSES_CAPTION,
        &[
            ta::COL_CLASS,
            ta::COL_CERTIFIABLE,
            ta::COL_PARTICIPANTS,
            ta::COL_SHARE,
        ],
        &rows,
    );
    html.finish()
}

/// The class × competence matrix is itself the accessible table: numbers in every cell, the
/// shade only repeats them. Sticky first column and header keep it readable with 50 classes.
fn matrix_html(stats: &CohortStats) -> String {
    let mut html = Html::new();
    html.element("h3", &[], ta::MATRIX_TITLE);
    html.open("div", &[("class", "table-scroll matrix-scroll")])
        .open(
            "table",
            &[("class", "matrix"), ("data-testid", "class-matrix")],
        );
    html.element("caption", &[], ta::MATRIX_CAPTION)
        .open("thead", &[])
        .open("tr", &[]);
    html.element("th", &[("scope", "col")], ta::COL_CLASS);
    for competence in COMPETENCES {
        html.open(
            "th",
            &[
                ("scope", "col"),
                (
                    "class",
                    &format!("matrix__head domain-top--{}", competence.domain().css),
                ),
            ],
        );
        html.element("abbr", &[("title", competence.name)], competence.index)
            .close("th");
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for class in &stats.classes {
        let label = class_label(&class.label);
        html.open(
            "tr",
            &[("data-testid", "matrix-row"), ("data-class", &class.label)],
        );
        html.element("th", &[("scope", "row")], &label);
        for (index, competence) in COMPETENCES.iter().enumerate() {
            match class.coverage(index) {
                None => html.element("td", &[("class", "matrix__cell")], "—"),
                Some(share) => {
                    // Five shades, so neighbouring values stay distinguishable in print.
                    let shade = ((share * 4.0).round() as u8).min(4);
                    let title = format!(
                        "{label} · {} {} : {}",
                        competence.index,
                        competence.name,
                        ta::profiles_of(class.reached[index], class.received)
                    );
                    html.element(
                        "td",
                        &[
                            ("class", &format!("matrix__cell shade-{shade}")),
                            ("title", &title),
                            ("data-share", &exact(share)),
                        ],
                        &crate::domain::decimal::percent(share).to_string(),
                    )
                }
            };
        }
        html.close("tr");
    }
    html.close("tbody").close("table").close("div");
    html.finish()
}
