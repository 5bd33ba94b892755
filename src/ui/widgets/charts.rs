//! Bar charts as inline SVG, written in `view!` like the rest of the markup. Horizontal
//! positions are percentages and vertical ones pixels, without a viewBox: bars stretch with
//! the box while text keeps its CSS size, so a chart stays legible from 390 px to print.
//! Each bar has an SVG `<title>` (tooltip); the numbers also stand in a table next to it.

use leptos::prelude::*;

use crate::domain::views::decimal::{round, short};
use crate::ui::text::analysis as ta;

/// One horizontal bar: `value` between 0 and 1.
#[derive(Clone, Debug, PartialEq)]
pub struct HBar {
    pub label: String,
    pub value: f64,
    pub text: String,
    pub tooltip: String,
    /// CSS class of the bar's fill (`fill--information`, `fill--ok`…).
    pub fill: String,
    /// Test hooks on the bar's group: `data-testid`, `data-competence`, `data-share`.
    pub testid: &'static str,
    pub competence: Option<String>,
    pub share: Option<String>,
}

/// Horizontal bars, one row each, label left, value text right.
#[component]
pub fn HBars(label: String, label_percent: f64, bars: Vec<HBar>) -> impl IntoView {
    const ROW: f64 = 18.0;
    const TEXT_PERCENT: f64 = 24.0;
    let room = 100.0 - label_percent - TEXT_PERCENT;
    let x = format!("{}%", short(label_percent, 2));
    let track = format!("{}%", short(room, 2));
    let value_x = format!("{}%", short(label_percent + room + 1.5, 2));
    let height = short(ROW * bars.len() as f64 + 2.0, 2);
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(row, bar)| {
            let y = ROW * row as f64 + 1.0;
            let top = short(y + 2.0, 2);
            let text_y = round(y + 12.0, 1, '.');
            let width = format!("{}%", round(room * bar.value.clamp(0.0, 1.0), 2, '.'));
            view! {
                <g
                    class="bar"
                    data-testid=bar.testid
                    data-competence=bar.competence
                    data-share=bar.share
                >
                    <title>{bar.tooltip}</title>
                    <text x="0" y=text_y.clone()>{bar.label}</text>
                    <rect class="track" x=x.clone() y=top.clone() width=track.clone() height="12"></rect>
                    <rect class=bar.fill x=x.clone() y=top width=width height="12"></rect>
                    <text x=value_x.clone() y=text_y>{bar.text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" width="100%" height=height role="img" aria-label=label>
            {rows}
        </svg>
    }
}

/// One vertical bar: its label below, its count on top.
#[derive(Clone, Debug, PartialEq)]
pub struct VBar {
    pub label: String,
    pub count: usize,
    pub tooltip: String,
    pub fill: &'static str,
}

/// Vertical bars; a dashed line before bar `threshold` when given.
#[component]
pub fn VBars(label: String, bars: Vec<VBar>, threshold: Option<usize>) -> impl IntoView {
    const HEIGHT: f64 = 130.0;
    const BOTTOM: f64 = 18.0;
    const TOP: f64 = 16.0;
    let max = bars.iter().map(|bar| bar.count).max().unwrap_or(0).max(1) as f64;
    let step = 100.0 / bars.len().max(1) as f64;
    let base = HEIGHT - BOTTOM;
    let base_text = short(base, 2);
    let width = format!("{}%", round(step * 0.8, 2, '.'));
    let label_y = round(HEIGHT - 4.0, 1, '.');
    let columns = bars
        .into_iter()
        .enumerate()
        .map(|(index, bar)| {
            let x = step * index as f64;
            let height = (base - TOP) * bar.count as f64 / max;
            let middle = format!("{}%", round(x + step / 2.0, 2, '.'));
            let count = (bar.count > 0).then(|| {
                view! {
                    <text x=middle.clone() y=round(base - height - 3.0, 1, '.') text-anchor="middle">
                        {bar.count}
                    </text>
                }
            });
            view! {
                <g class="bar">
                    <title>{bar.tooltip}</title>
                    <rect
                        class=bar.fill
                        x=format!("{}%", round(x + step * 0.1, 2, '.'))
                        y=round(base - height, 1, '.')
                        width=width.clone()
                        height=round(height, 1, '.')
                    ></rect>
                    {count}
                    <text x=middle y=label_y.clone() text-anchor="middle">{bar.label}</text>
                </g>
            }
        })
        .collect_view();
    let threshold = threshold.map(|threshold| {
        let x = format!("{}%", round(step * threshold as f64, 2, '.'));
        view! {
            <line class="threshold" x1=x.clone() x2=x.clone() y1="0" y2=base_text.clone()></line>
            <text x=x dx="4" y="11">{ta::THRESHOLD}</text>
        }
    });
    view! {
        <svg class="chart" width="100%" height=short(HEIGHT, 2) role="img" aria-label=label>
            <line class="axis" x1="0" x2="100%" y1=base_text.clone() y2=base_text.clone()></line>
            {columns}
            {threshold}
        </svg>
    }
}

/// A table of a chart's numbers, folded under the chart: screen readers and anyone who
/// wants the exact values read it; print leaves it out to fit one page. The first cell of
/// each row is its header.
#[component]
pub fn DataTable(
    caption: &'static str,
    head: Vec<&'static str>,
    rows: Vec<Vec<String>>,
) -> impl IntoView {
    let head = head
        .into_iter()
        .enumerate()
        .map(|(index, cell)| view! { <th scope="col" class:num={index > 0}>{cell}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let first = cells.next().unwrap_or_default();
            let rest = cells
                .map(|cell| view! { <td class="num">{cell}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{first}</th>
                    {rest}
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="chart__data">
            <summary>{ta::SHOW_DATA}</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label=caption>
                <table class="table">
                    <caption>{caption}</caption>
                    <thead>
                        <tr>{head}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}
