//! Page size and previous/next, shared by the tables. The parent owns the state (URL or
//! local signal); this only shows it and reports changes.

use leptos::prelude::*;

use crate::domain::views::campaigns::page_bounds;
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
    let bounds = Memo::new(move |_| page_bounds(total.get(), page_size.get(), page.get()));
    let size_picker = (!sizes.is_empty()).then(|| {
        view! {
            <label class="field field--inline">
                <span class="field__label">{text::PAGE_SIZE}</span>
                <select
                    data-testid=format!("{testid_prefix}page-size")
                    prop:value=move || page_size.get().to_string()
                    on:change=move |event| {
                        if let (Ok(size), Some(on_size)) = (event_target_value(&event).parse(), on_size) {
                            on_size.run(size);
                        }
                    }
                >
                    {sizes
                        .iter()
                        .map(|size| {
                            let size = size.to_string();
                            view! { <option value=size.clone()>{size.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        }
    });
    view! {
        <nav class="pagination" aria-label=text::PAGINATION>
            {size_picker}
            <span class="pagination__range" aria-live="polite">
                {move || {
                    let (start, end, _, _) = bounds.get();
                    let first = if end == 0 { 0 } else { start + 1 };
                    text::page_range(first, end, total.get())
                }}
            </span>
            <button
                type="button"
                class="button button--secondary"
                data-testid=format!("{testid_prefix}page-prev")
                disabled=move || bounds.get().2 <= 1
                on:click=move |_| on_page.run(bounds.get_untracked().2.saturating_sub(1).max(1))
            >
                <span aria-hidden="true">"‹ "</span>
                {text::PAGE_PREV}
            </button>
            <span class="pagination__page" data-testid=format!("{testid_prefix}page-current")>
                {move || {
                    let (_, _, page, pages) = bounds.get();
                    text::page_of(page, pages)
                }}
            </span>
            <button
                type="button"
                class="button button--secondary"
                data-testid=format!("{testid_prefix}page-next")
                disabled=move || {
                    let (_, _, page, pages) = bounds.get();
                    page >= pages
                }
                on:click=move |_| on_page.run(bounds.get_untracked().2 + 1)
            >
                {text::PAGE_NEXT}
                <span aria-hidden="true">" ›"</span>
            </button>
        </nav>
    }
}
