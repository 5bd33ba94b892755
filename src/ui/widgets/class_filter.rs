//! The class filter, as Pix Orga has it: a searchable list of checkboxes (a lycée has 50
//! classes), in natural order, with "Toutes" / "Aucune". Native checkboxes in a fieldset:
//! the keyboard (Tab, Space) and screen readers know them without any script of ours.

use leptos::prelude::*;

use crate::domain::text::fold;
use crate::ui::text;
use crate::ui::text::campaign as tc;

/// `classes` are `(key, label)` in display order; `selected` holds keys. No class checked
/// means no filter: everyone is shown.
#[component]
pub fn ClassFilter(
    classes: Vec<(String, String)>,
    #[prop(into)] selected: Signal<Vec<String>>,
    #[prop(into)] on_change: Callback<Vec<String>>,
) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let classes: Vec<(String, String, String)> = classes
        .into_iter()
        .map(|(key, label)| {
            let folded = fold(&label);
            (key, label, folded)
        })
        .collect();
    let all_keys: Vec<String> = classes.iter().map(|(key, _, _)| key.clone()).collect();
    // The classes the search leaves visible; checked ones stay visible so that none is
    // filtered on unseen.
    let shown_keys = {
        let classes = classes.clone();
        Memo::new(move |_| {
            let query = fold(&search.get());
            selected.with(|chosen| {
                classes
                    .iter()
                    .filter(|(key, _, folded)| {
                        query.is_empty() || folded.contains(&query) || chosen.contains(key)
                    })
                    .map(|(key, _, _)| key.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let toggle = Callback::new(move |(key, checked): (String, bool)| {
        let mut keys = selected.get_untracked();
        keys.retain(|known| *known != key);
        if checked {
            keys.push(key);
        }
        // Kept in the list's order, so the URL does not depend on the order of the clicks.
        keys.sort_by_key(|key| all_keys.iter().position(|known| known == key));
        on_change.run(keys);
    });
    let check_all = move |_| on_change.run(shown_keys.get_untracked());
    let summary = move || {
        let count = selected.with(Vec::len);
        tc::classes_chosen(count)
    };
    let boxes = classes
        .into_iter()
        .map(|(key, label, _)| {
            let checked_key = key.clone();
            let shown_key = key.clone();
            let change_key = key.clone();
            view! {
                <li hidden=move || shown_keys.with(|shown| !shown.contains(&shown_key))>
                    <label class="class-filter__option">
                        <input
                            type="checkbox"
                            value=key.clone()
                            prop:checked=move || selected.with(|chosen| chosen.contains(&checked_key))
                            on:change=move |event| toggle.run((change_key.clone(), event_target_checked(&event)))
                        />
                        <span>{label}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field class-filter" data-testid="filter-class">
            <legend class="field__label">
                {text::FILTER_CLASS}
                " "
                <span class="class-filter__summary" aria-live="polite">{summary}</span>
            </legend>
            <div class="class-filter__tools">
                <input
                    type="search"
                    class="class-filter__search"
                    data-testid="filter-class-search"
                    aria-label=tc::CLASS_PICKER_SEARCH
                    placeholder=tc::CLASS_PICKER_SEARCH
                    prop:value=move || search.get()
                    on:input=move |event| search.set(event_target_value(&event))
                />
                <button type="button" class="button button--link" data-testid="filter-class-all" on:click=check_all>
                    {tc::CLASS_PICKER_ALL}
                </button>
                <button
                    type="button"
                    class="button button--link"
                    data-testid="filter-class-none"
                    on:click=move |_| on_change.run(Vec::new())
                >
                    {tc::CLASS_PICKER_NONE}
                </button>
            </div>
            <ul class="class-filter__list">{boxes}</ul>
            <p class="field__hint">{tc::CLASS_PICKER_HINT}</p>
        </fieldset>
    }
}
