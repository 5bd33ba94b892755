use leptos::prelude::*;

/// A column header that sorts its table: the state is announced through `aria-sort` and
/// shown by an arrow, the button makes it reachable with the keyboard.
#[component]
pub fn SortHeader(
    label: &'static str,
    /// `"ascending"`, `"descending"` or `"none"`, as `aria-sort` wants it.
    #[prop(into)]
    state: Signal<&'static str>,
    on_sort: Callback<()>,
    #[prop(optional)] numeric: bool,
    #[prop(optional, into)] testid: Option<String>,
    /// Names the column for tests (`th[data-sort=…]`).
    #[prop(optional)]
    data_sort: Option<&'static str>,
) -> impl IntoView {
    view! {
        <th scope="col" class:num=numeric aria-sort=move || state.get() data-sort=data_sort>
            <button type="button" class="sort" data-testid=testid on:click=move |_| on_sort.run(())>
                {label}
                <span class="sort__icon" aria-hidden="true">
                    {move || match state.get() {
                        "ascending" => "▲",
                        "descending" => "▼",
                        _ => "↕",
                    }}
                </span>
            </button>
        </th>
    }
}

/// The `aria-sort` value of a column, from whether it is the sorted one and in which order.
pub fn aria_sort(is_sorted_column: bool, descending: bool) -> &'static str {
    match (is_sorted_column, descending) {
        (false, _) => "none",
        (true, true) => "descending",
        (true, false) => "ascending",
    }
}
