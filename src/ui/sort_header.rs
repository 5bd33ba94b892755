//! Sortable column headers, written as markup (see `domain::html`): a typed view per header
//! cost wasm for each table. The table listens once (`data-sort-by` names the column) and
//! `show_sort` updates the state in place, so the button that was clicked keeps the focus.

use crate::domain::html::Html;
use crate::ui::delegate;

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

/// Header cells `(key, label, numeric)`: `aria-sort` on the `<th>`, a real button for the
/// keyboard, an arrow for the eye. An empty key is a column that does not sort. Buttons get
/// `data-testid` `{testid_prefix}{key}` when there is a prefix.
pub fn head_cells_html(
    cells: &[(&str, &str, bool)],
    testid_prefix: &str,
    sorted: &str,
    descending: bool,
) -> String {
    let mut html = Html::new();
    for &(key, label, numeric) in cells {
        let num = if numeric { ("class", "num") } else { ("", "") };
        if key.is_empty() {
            html.element("th", &[("scope", "col"), num], label);
            continue;
        }
        let state = aria_sort(key == sorted, descending);
        let testid = format!("{testid_prefix}{key}");
        html.open(
            "th",
            &[
                ("scope", "col"),
                num,
                ("aria-sort", state),
                ("data-sort", key),
            ],
        )
        .open(
            "button",
            &[
                ("type", "button"),
                ("class", "sort"),
                if testid_prefix.is_empty() {
                    ("", "")
                } else {
                    ("data-testid", &testid)
                },
                ("data-sort-by", key),
            ],
        )
        .text(label)
        .element(
            "span",
            &[("class", "sort__icon"), ("aria-hidden", "true")],
            sort_icon(state),
        )
        .close("button")
        .close("th");
    }
    html.finish()
}

/// Updates the `aria-sort` and arrows of the headers under `root` to the column `sorted`.
pub fn show_sort(root: &web_sys::Element, sorted: &str, descending: bool) {
    delegate::each(root, "th[data-sort]", &mut |th| {
        let state = aria_sort(
            th.get_attribute("data-sort").as_deref() == Some(sorted),
            descending,
        );
        let _ = th.set_attribute("aria-sort", state);
        if let Some(icon) = th.query_selector(".sort__icon").ok().flatten() {
            icon.set_text_content(Some(sort_icon(state)));
        }
    });
}
