//! The filters above the participants tables: a searchable multi-select of classes (a lycée
//! has 50 of them), certifiability, name search.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::cohort::Certifiability;
use crate::domain::html::Html;
use crate::domain::route::TableView;
use crate::domain::text::fold;
use crate::ui::participants::update_view;
use crate::ui::state::clicked_data;
use crate::ui::text;
use crate::ui::text::campaign as tc;

/// A native `<select multiple>` (keyboard and screen readers know it) with a search box that
/// hides the classes that do not match, and a plain click that toggles one class instead of
/// replacing the selection.
#[component]
pub fn ClassPicker(
    classes: Vec<(String, String)>,
    #[prop(into)] selected: Signal<Vec<String>>,
    #[prop(into)] on_change: Callback<Vec<String>>,
) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let size = classes.len().clamp(2, 6);
    let labels = classes.clone();
    let label_of = move |key: &str| {
        labels
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, label)| label.clone())
            .unwrap_or_else(|| key.to_owned())
    };
    // The options are markup (see `domain::html`); which are chosen and which the search
    // hides is set on them in place.
    let select = NodeRef::<leptos::html::Select>::new();
    let folded: Vec<String> = classes.iter().map(|(_, label)| fold(label)).collect();
    Effect::new(move |_| {
        let query = fold(&search.get());
        selected.with(|chosen| {
            let Some(select) = select.get() else {
                return;
            };
            let options = select.children();
            for (index, folded) in folded.iter().enumerate() {
                let Some(option) = options
                    .item(index as u32)
                    .and_then(|option| option.dyn_into::<web_sys::HtmlOptionElement>().ok())
                else {
                    continue;
                };
                let is_selected = chosen.contains(&option.value());
                option.set_selected(is_selected);
                option.set_hidden(!query.is_empty() && !folded.contains(&query) && !is_selected);
            }
        })
    });
    view! {
        <div class="field class-picker">
            <span class="field__label" id="class-picker-label">{text::FILTER_CLASS}</span>
            <input
                type="search"
                class="class-picker__search"
                data-testid="filter-class-search"
                aria-label=tc::CLASS_PICKER_SEARCH
                placeholder=tc::CLASS_PICKER_SEARCH
                prop:value=move || search.get()
                on:input=move |event| search.set(event_target_value(&event))
            />
            <select
                multiple
                size=size
                node_ref=select
                inner_html=options_html(&classes)
                on:mousedown=move |event| {
                    let Some(key) = event
                        .target()
                        .and_then(|target| target.dyn_into::<web_sys::HtmlOptionElement>().ok())
                        .map(|option| option.value())
                    else {
                        return;
                    };
                    // Without this a click would drop every other chosen class.
                    event.prevent_default();
                    let mut keys = selected.get_untracked();
                    if let Some(at) = keys.iter().position(|k| *k == key) {
                        keys.remove(at);
                    } else {
                        keys.push(key);
                    }
                    on_change.run(keys);
                }
                data-testid="filter-class"
                aria-labelledby="class-picker-label"
                aria-describedby="class-picker-hint"
                on:change=move |event| {
                    let Some(select) = event
                        .target()
                        .and_then(|target| target.dyn_into::<web_sys::HtmlSelectElement>().ok())
                    else {
                        return;
                    };
                    let options = select.selected_options();
                    let keys = (0..options.length())
                        .filter_map(|index| options.item(index))
                        .filter_map(|option| option.dyn_into::<web_sys::HtmlOptionElement>().ok())
                        .map(|option| option.value())
                        .collect();
                    on_change.run(keys);
                }
            >
            </select>
            <span class="field__hint" id="class-picker-hint">{tc::CLASS_PICKER_HINT}</span>
            <ul
                class="chips"
                aria-label=text::FILTER_CLASS
                inner_html=move || selected.with(|keys| chips_html(keys, &label_of))
                on:click=move |event| {
                    if let Some(remove) = clicked_data(&event, "data-remove-class") {
                        let keys = selected.get_untracked().into_iter().filter(|k| *k != remove).collect();
                        on_change.run(keys);
                    }
                }
            ></ul>
        </div>
    }
}

fn options_html(classes: &[(String, String)]) -> String {
    let mut html = Html::new();
    for (key, label) in classes {
        html.fill("<option value=\"{}\">{}</option>", &[key, label]);
    }
    html.finish()
}

/// The chosen classes, each a button that removes it.
fn chips_html(keys: &[String], label_of: &dyn Fn(&str) -> String) -> String {
    let mut html = Html::new();
    for key in keys {
        let label = label_of(key);
        html.open("li", &[])
            .open(
                "button",
                &[
                    ("type", "button"),
                    ("class", "chip"),
                    (
                        "aria-label",
                        &format!("{} {label}", tc::CLASS_PICKER_REMOVE),
                    ),
                    ("data-remove-class", key),
                ],
            )
            .text(&label)
            .element("span", &[("aria-hidden", "true")], " ×")
            .close("button")
            .close("li");
    }
    html.finish()
}

/// Filters of the profiles-collection table; the view lives in the URL.
#[component]
pub fn ParticipantFilters(
    classes: Vec<(String, String)>,
    /// The class keys chosen in the view.
    chosen: Memo<Vec<String>>,
    id: u64,
    table_view: Memo<TableView>,
    #[prop(into)] total: Signal<usize>,
) -> impl IntoView {
    let state = crate::ui::state::use_state();
    let has_classes = !classes.is_empty();
    let change =
        move |apply: Box<dyn Fn(&mut TableView)>| update_view(state, id, table_view, apply);
    view! {
        <form class="filters" role="search" aria-label=text::FILTERS on:submit=|event| event.prevent_default()>
            <label class="field">
                <span class="field__label">{text::FILTER_SEARCH}</span>
                <input
                    type="search"
                    data-testid="filter-search"
                    placeholder=text::FILTER_SEARCH_PLACEHOLDER
                    prop:value=move || table_view.with(|v| v.filter.search.clone())
                    on:input=move |event| {
                        let search = event_target_value(&event);
                        change(Box::new(move |view| {
                            view.filter.search = search.clone();
                            view.page = 1;
                        }))
                    }
                />
            </label>
            {has_classes.then(|| view! {
                <ClassPicker
                    classes=classes
                    selected=chosen
                    on_change={move |keys: Vec<String>| change(Box::new(move |view| {
                        view.filter.classes = keys.clone();
                        view.page = 1;
                    }))}
                />
            })}
            <label class="field">
                <span class="field__label">{text::FILTER_STATUS}</span>
                <select
                    data-testid="filter-certifiability"
                    prop:value=move || table_view.with(|v| v.filter.status.map(Certifiability::slug).unwrap_or("all"))
                    on:change=move |event| {
                        let status = Certifiability::from_slug(&event_target_value(&event));
                        change(Box::new(move |view| {
                            view.filter.status = status;
                            view.page = 1;
                        }))
                    }
                >
                    <option value="all">{text::FILTER_STATUS_ALL}</option>
                    <option value="certifiable">{text::TAG_CERTIFIABLE}</option>
                    <option value="not-certifiable">{text::TAG_NOT_CERTIFIABLE}</option>
                    <option value="not-sent">{text::TAG_NOT_SENT}</option>
                </select>
            </label>
            <button
                type="button"
                class="button button--link"
                data-testid="filter-clear"
                on:click=move |_| change(Box::new(|view| {
                    view.filter = Default::default();
                    view.page = 1;
                }))
            >
                {text::FILTER_CLEAR}
            </button>
            <p class="filters__count" aria-live="polite" data-testid="participants-count">
                {move || text::participants_counter(total.get())}
            </p>
        </form>
    }
}
