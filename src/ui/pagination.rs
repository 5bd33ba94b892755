//! Page size and previous/next, shared by the tables. The parent owns the state (URL or
//! local signal); this only shows it and reports changes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::campaigns::page_bounds;
use crate::domain::html::Html;
use crate::ui::state::clicked_data;
use crate::ui::text;

#[component]
pub fn Pagination(
    #[prop(into)] total: Signal<usize>,
    #[prop(into)] page: Signal<usize>,
    #[prop(into)] page_size: Signal<usize>,
    /// Offered page sizes; empty for a fixed size.
    #[prop(default = &[])]
    sizes: &'static [usize],
    /// Prefix of the test hooks: `page-next` becomes `{prefix}page-next`.
    #[prop(default = "")]
    testid_prefix: &'static str,
    #[prop(into)] on_page: Callback<usize>,
    #[prop(optional, into)] on_size: Option<Callback<usize>>,
) -> impl IntoView {
    let nav = NodeRef::<leptos::html::Nav>::new();
    // The bar is plain markup; one effect writes its five changing values in place.
    Effect::new(move |_| {
        let total = total.get();
        let size = page_size.get();
        let (start, end, page, pages) = page_bounds(total, size, page.get());
        let Some(nav) = nav.get() else {
            return;
        };
        let first = if end == 0 { 0 } else { start + 1 };
        let set_text = |selector: &str, text: &str| {
            if let Some(element) = nav.query_selector(selector).ok().flatten() {
                element.set_text_content(Some(text));
            }
        };
        set_text(".pagination__range", &text::page_range(first, end, total));
        set_text(".pagination__page", &text::page_of(page, pages));
        for (selector, disabled) in [
            ("[data-page=\"prev\"]", page <= 1),
            ("[data-page=\"next\"]", page >= pages),
        ] {
            if let Some(button) = nav.query_selector(selector).ok().flatten() {
                let _ = button.toggle_attribute_with_force("disabled", disabled);
            }
        }
        if let Some(select) = nav
            .query_selector("select")
            .ok()
            .flatten()
            .and_then(|select| select.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            select.set_value(&size.to_string());
        }
    });
    let on_click = move |event: web_sys::MouseEvent| {
        let current = page_bounds(
            total.get_untracked(),
            page_size.get_untracked(),
            page.get_untracked(),
        )
        .2;
        match clicked_data(&event, "data-page").as_deref() {
            Some("prev") => on_page.run(current.saturating_sub(1).max(1)),
            Some("next") => on_page.run(current + 1),
            _ => {}
        }
    };
    let on_change = move |event: web_sys::Event| {
        if let (Ok(size), Some(on_size)) = (event_target_value(&event).parse(), on_size) {
            on_size.run(size);
        }
    };
    view! {
        <nav
            class="pagination"
            aria-label=text::PAGINATION
            node_ref=nav
            inner_html=bar_html(sizes, testid_prefix)
            on:click=on_click
            on:change=on_change
        ></nav>
    }
}

fn bar_html(sizes: &[usize], prefix: &str) -> String {
    let mut html = Html::new();
    if !sizes.is_empty() {
        html.open("label", &[("class", "field field--inline")])
            .element("span", &[("class", "field__label")], text::PAGE_SIZE)
            .open("select", &[("data-testid", &format!("{prefix}page-size"))]);
        for size in sizes {
            let size = size.to_string();
            html.element("option", &[("value", &size)], &size);
        }
        html.close("select").close("label");
    }
    html.element(
        "span",
        &[("class", "pagination__range"), ("aria-live", "polite")],
        "",
    )
    .open(
        "button",
        &[
            ("type", "button"),
            ("class", "button button--secondary"),
            ("data-testid", &format!("{prefix}page-prev")),
            ("data-page", "prev"),
        ],
    )
    .element("span", &[("aria-hidden", "true")], "‹ ")
    .text(text::PAGE_PREV)
    .close("button")
    .element(
        "span",
        &[
            ("class", "pagination__page"),
            ("data-testid", &format!("{prefix}page-current")),
        ],
        "",
    )
    .open(
        "button",
        &[
            ("type", "button"),
            ("class", "button button--secondary"),
            ("data-testid", &format!("{prefix}page-next")),
            ("data-page", "next"),
        ],
    )
    .text(text::PAGE_NEXT)
    .element("span", &[("aria-hidden", "true")], " ›")
    .close("button");
    html.finish()
}
