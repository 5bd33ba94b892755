use leptos::prelude::*;

use crate::domain::cohort::Sending;
use crate::domain::competences::MIN_CERTIFIABLE_COMPETENCES;
use crate::ui::text::history as text;

const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 160.0;
const PAD_X: f64 = 36.0;
const PAD_Y: f64 = 18.0;

/// A student's score and certifiable competences over time, as a small inline SVG. The same
/// numbers stand in the sendings table next to it, so the chart is `aria-hidden` decoration
/// for screen readers, with a `<title>` per point for mouse users.
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
            .map(|(i, s)| format!("{:.1},{:.1}", x(i), y(s)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let score_line = points(&|s| y_score(s.score));
    let count_line = points(&|s| y_count(s.certifiable_count));
    let threshold = y_count(MIN_CERTIFIABLE_COMPETENCES);
    view! {
        <figure class="history-chart" data-testid="history-chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=text::HISTORY_CHART_LABEL>
                <line class="history-chart__threshold" x1=PAD_X / 2.0 x2=WIDTH - PAD_X / 2.0 y1=threshold y2=threshold />
                <text class="history-chart__note" x=WIDTH - PAD_X / 2.0 y=threshold - 4.0 text-anchor="end">{text::HISTORY_THRESHOLD}</text>
                <polyline class="history-chart__count" points=count_line />
                <polyline class="history-chart__score" points=score_line />
                {sendings.iter().enumerate().map(|(i, s)| view! {
                    <g>
                        <title>{text::history_point(&s.sent_at.french_date(), s.score, s.certifiable_count)}</title>
                        <circle class="history-chart__score-dot" cx=x(i) cy=y_score(s.score) r="4" />
                        <circle class="history-chart__count-dot" cx=x(i) cy=y_count(s.certifiable_count) r="3" />
                        <text class="history-chart__label" x=x(i) y=HEIGHT - 2.0 text-anchor="middle">{s.sent_at.french_date()}</text>
                    </g>
                }).collect_view()}
            </svg>
            <figcaption>
                <span class="history-chart__key history-chart__key--score">{text::HISTORY_SCORE}</span>
                " "
                <span class="history-chart__key history-chart__key--count">{text::HISTORY_COUNT}</span>
            </figcaption>
        </figure>
    }
}
