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

/// A card that filters the participants on what it counts: a button, pressed while its
/// filter is on, whose label says what a click does.
#[component]
pub fn FilterCard(
    label: &'static str,
    #[prop(into)] value: String,
    testid: &'static str,
    tone: &'static str,
    #[prop(into)] pressed: Signal<bool>,
    #[prop(into)] on_click: Callback<()>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=format!("card card--{tone} card--link")
            data-testid=testid
            aria-pressed=move || pressed.get().to_string()
            title=crate::ui::text::roster::filter_card_title(label)
            on:click=move |_| on_click.run(())
        >
            <span class="card__value">{value}</span>
            <span class="card__label">{label}</span>
        </button>
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
