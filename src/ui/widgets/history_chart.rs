//! A student's score and certifiable competences over time, as a small inline SVG. The same
//! numbers stand in the sendings table next to it; each point has a `<title>` for mouse users.

use leptos::prelude::*;

use crate::domain::model::competences::MIN_CERTIFIABLE_COMPETENCES;
use crate::domain::views::cohort::Sending;
use crate::domain::views::decimal::{round, short};
use crate::ui::text::history as text;

const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 160.0;
const PAD_X: f64 = 36.0;
const PAD_Y: f64 = 18.0;

#[component]
pub fn HistoryChart(sendings: Vec<Sending>) -> impl IntoView {
    let count = sendings.len();
    let max_score = sendings.iter().map(|s| s.score).max().unwrap_or(0).max(1) as f64;
    let x = move |index: usize| {
        if count <= 1 {
            WIDTH / 2.0
        } else {
            PAD_X + (WIDTH - 2.0 * PAD_X) * index as f64 / (count - 1) as f64
        }
    };
    let plot = HEIGHT - 2.0 * PAD_Y;
    let y_score = move |score: u32| HEIGHT - PAD_Y - plot * f64::from(score) / max_score;
    let y_count = move |competences: u8| HEIGHT - PAD_Y - plot * f64::from(competences) / 16.0;
    let points = |y: &dyn Fn(&Sending) -> f64| {
        sendings
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{},{}", round(x(i), 1, '.'), round(y(s), 1, '.')))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let count_points = points(&|s| y_count(s.certifiable_count));
    let score_points = points(&|s| y_score(s.score));
    let threshold = short(y_count(MIN_CERTIFIABLE_COMPETENCES), 2);
    let right = short(WIDTH - PAD_X / 2.0, 2);
    let dots = sendings
        .iter()
        .enumerate()
        .map(|(i, sending)| {
            let (cx, date) = (short(x(i), 2), sending.sent_at.french_date());
            view! {
                <g>
                    <title>{text::history_point(&date, sending.score, sending.certifiable_count)}</title>
                    <circle
                        class="history-chart__score-dot"
                        cx=cx.clone()
                        cy=short(y_score(sending.score), 2)
                        r="4"
                    ></circle>
                    <circle
                        class="history-chart__count-dot"
                        cx=cx.clone()
                        cy=short(y_count(sending.certifiable_count), 2)
                        r="3"
                    ></circle>
                    <text class="history-chart__label" x=cx y=short(HEIGHT - 2.0, 2) text-anchor="middle">
                        {date}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="history-chart" data-testid="history-chart">
            <svg
                viewBox=format!("0 0 {} {}", short(WIDTH, 0), short(HEIGHT, 0))
                role="img"
                aria-label=text::HISTORY_CHART_LABEL
            >
                <line
                    class="history-chart__threshold"
                    x1=short(PAD_X / 2.0, 2)
                    x2=right.clone()
                    y1=threshold.clone()
                    y2=threshold
                ></line>
                <text
                    class="history-chart__note"
                    x=right
                    y=short(y_count(MIN_CERTIFIABLE_COMPETENCES) - 4.0, 2)
                    text-anchor="end"
                >
                    {text::HISTORY_THRESHOLD}
                </text>
                <polyline class="history-chart__count" points=count_points></polyline>
                <polyline class="history-chart__score" points=score_points></polyline>
                {dots}
            </svg>
            <figcaption>
                <span class="history-chart__key history-chart__key--score">{text::HISTORY_SCORE}</span>
                " "
                <span class="history-chart__key history-chart__key--count">{text::HISTORY_COUNT}</span>
            </figcaption>
        </figure>
    }
}
