//! A sortable column header: `aria-sort` on the `<th>`, a real button for the keyboard, an
//! arrow for the eye. The cell is built once; only its attributes follow the sort, so the
//! button that was pressed keeps the focus.

use leptos::prelude::*;

/// The `aria-sort` value of a column, from whether it is the sorted one and in which order.
pub fn aria_sort(is_sorted_column: bool, descending: bool) -> &'static str {
    match (is_sorted_column, descending) {
        (false, _) => "none",
        (true, true) => "descending",
        (true, false) => "ascending",
    }
}

fn sort_icon(state: &str) -> &'static str {
    match state {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "↕",
    }
}

/// `sorted` is `None` when another column is the sorted one, else `Some(descending)`.
/// `key` goes to `data-sort` (and to the button's test hook, after `testid_prefix`).
#[component]
pub fn SortHeader(
    label: &'static str,
    key: &'static str,
    #[prop(into)] sorted: Signal<Option<bool>>,
    #[prop(default = false)] numeric: bool,
    /// When given, the button's `data-testid` is `{testid_prefix}{key}`.
    #[prop(optional)]
    testid_prefix: Option<&'static str>,
    #[prop(into)] on_sort: Callback<()>,
) -> impl IntoView {
    let state = move || match sorted.get() {
        Some(descending) => aria_sort(true, descending),
        None => "none",
    };
    view! {
        <th scope="col" class:num=numeric aria-sort=state data-sort=key>
            <button
                type="button"
                class="sort"
                data-testid=testid_prefix.map(|prefix| format!("{prefix}{key}"))
                on:click=move |_| on_sort.run(())
            >
                {label}
                <span class="sort__icon" aria-hidden="true">{move || sort_icon(state())}</span>
            </button>
        </th>
    }
}

/// A header that does not sort.
#[component]
pub fn PlainHeader(label: &'static str, #[prop(default = false)] numeric: bool) -> impl IntoView {
    view! { <th scope="col" class:num=numeric>{label}</th> }
}
