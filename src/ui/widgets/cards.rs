//! The count cards at the top of a campaign page.

use leptos::prelude::*;

/// One figure with its label; `tone` picks the colour, the label says it in words.
#[component]
pub fn Card(
    label: &'static str,
    #[prop(into)] value: String,
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

/// A bar showing a share in percent; the CSP forbids `style` attributes, not style
/// properties set from script, which is what `style:width` does.
#[component]
pub fn Meter(percent: u32) -> impl IntoView {
    view! {
        <span class="meter" aria-hidden="true">
            <span class="meter__fill" style:width=format!("{percent}%")></span>
        </span>
    }
}
