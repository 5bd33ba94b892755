//! Component tests, after Leptos' counters example: a widget is mounted in the browser, clicked
//! and typed into as a user would, and the DOM is read back — buttons enabled or not, what the
//! page says, the aria attributes. They pin a widget's behaviour below the e2e tier: the
//! pagination, the class filter, and the campaign page's tabs (mounted within the app, which
//! gives them their route).
#![cfg(target_arch = "wasm32")]

use cohorte::domain::import::import_file;
use cohorte::store::{SaveOutcome, Store};
use cohorte::ui::widgets::class_filter::ClassFilter;
use cohorte::ui::widgets::pagination::Pagination;
use cohorte::ui::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent,
    KeyboardEventInit,
};

#[path = "common/browser.rs"]
mod browser;

wasm_bindgen_test_configure!(run_in_browser);

const EXPORT: &[u8] = include_bytes!("fixtures/collecte-3e-sco-2025.csv");
const CAMPAIGN_ID: u64 = 348127;

/// A fresh element in the page to mount one widget into; removed by the test when done.
fn wrapper() -> HtmlElement {
    let element: HtmlElement = document()
        .create_element("section")
        .unwrap()
        .unchecked_into();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn by_testid(root: &Element, testid: &str) -> HtmlElement {
    find(root, &format!("[data-testid=\"{testid}\"]"))
}

fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|index| list.item(index).unwrap().unchecked_into())
        .collect()
}

fn attribute(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn disabled(element: &Element) -> bool {
    element.has_attribute("disabled")
}

/// Types into a field as the browser reports it: the value, then an `input` event.
fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn choose(select: &HtmlSelectElement, value: &str) {
    select.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
}

fn press(element: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    element
        .dispatch_event(
            &KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
}

#[wasm_bindgen_test]
async fn pagination_moves_between_pages_and_changes_its_size() {
    let root = wrapper();
    let total = RwSignal::new(45_usize);
    let page = RwSignal::new(1_usize);
    let page_size = RwSignal::new(20_usize);
    let handle = mount_to(root.clone(), move || {
        view! {
            <Pagination
                total=total
                page=page
                page_size=page_size
                sizes=&[20, 50]
                on_page=move |to| page.set(to)
                on_size=move |size| {
                    page_size.set(size);
                    page.set(1);
                }
            />
        }
    });
    tick().await;

    let nav = find(&root, "nav");
    assert_eq!(attribute(&nav, "aria-label").as_deref(), Some("Pagination"));
    let range = find(&root, ".pagination__range");
    assert_eq!(attribute(&range, "aria-live").as_deref(), Some("polite"));
    let prev = by_testid(&root, "page-prev");
    let next = by_testid(&root, "page-next");
    let current = by_testid(&root, "page-current");
    assert_eq!(text(&current), "Page 1 / 3");
    assert_eq!(text(&range), "1–20 sur 45");
    assert!(disabled(&prev), "no page before the first");
    assert!(!disabled(&next));

    next.click();
    tick().await;
    assert_eq!(page.get_untracked(), 2);
    assert_eq!(text(&current), "Page 2 / 3");
    assert_eq!(text(&range), "21–40 sur 45");
    assert!(!disabled(&prev));

    next.click();
    tick().await;
    assert_eq!(text(&current), "Page 3 / 3");
    assert_eq!(text(&range), "41–45 sur 45", "the last page is short");
    assert!(disabled(&next), "no page after the last");

    prev.click();
    tick().await;
    assert_eq!(text(&current), "Page 2 / 3");

    let size: HtmlSelectElement = by_testid(&root, "page-size").unchecked_into();
    assert_eq!(size.value(), "20");
    choose(&size, "50");
    tick().await;
    assert_eq!(page_size.get_untracked(), 50);
    assert_eq!(text(&current), "Page 1 / 1");
    assert_eq!(text(&range), "1–45 sur 45");
    assert!(
        disabled(&prev) && disabled(&next),
        "one page: nowhere to go"
    );

    // The parent owns the state: a change from outside (the URL) shows at once.
    total.set(0);
    tick().await;
    assert_eq!(text(&range), "0–0 sur 0");

    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn class_filter_checks_classes_in_list_order_and_searches() {
    let root = wrapper();
    let selected = RwSignal::new(Vec::<String>::new());
    let classes: Vec<(String, String)> = ["3A", "3B", "4C"]
        .iter()
        .map(|class| (class.to_lowercase(), class.to_string()))
        .collect();
    let handle = mount_to(root.clone(), move || {
        view! { <ClassFilter classes=classes selected=selected on_change=move |keys| selected.set(keys) /> }
    });
    tick().await;

    let fieldset = by_testid(&root, "filter-class");
    assert_eq!(fieldset.tag_name(), "FIELDSET");
    let summary = find(&fieldset, "legend .class-filter__summary");
    assert_eq!(attribute(&summary, "aria-live").as_deref(), Some("polite"));
    assert_eq!(text(&summary), "(toutes)", "no class checked: no filter");
    let boxes: Vec<HtmlInputElement> = all(&fieldset, "input[type=checkbox]")
        .into_iter()
        .map(JsCast::unchecked_into)
        .collect();
    let labels: Vec<String> = all(&fieldset, "label.class-filter__option")
        .iter()
        .map(|label| text(label))
        .collect();
    assert_eq!(labels, ["3A", "3B", "4C"], "each checkbox has its label");

    // Checked in another order than the list's: the selection keeps the list's order.
    boxes[1].click();
    tick().await;
    assert_eq!(selected.get_untracked(), ["3b"]);
    assert_eq!(text(&summary), "(1 cochée)");
    boxes[0].click();
    tick().await;
    assert_eq!(selected.get_untracked(), ["3a", "3b"]);
    assert_eq!(text(&summary), "(2 cochées)");
    assert!(boxes[0].checked() && boxes[1].checked() && !boxes[2].checked());

    // The search hides the classes that do not match, except those already checked.
    let search: HtmlInputElement = by_testid(&root, "filter-class-search").unchecked_into();
    assert!(
        attribute(&search, "aria-label").is_some(),
        "the search field is labelled"
    );
    type_into(&search, "4");
    tick().await;
    let hidden: Vec<bool> = all(&fieldset, "li").iter().map(|li| li.hidden()).collect();
    assert_eq!(
        hidden,
        [false, false, false],
        "3A and 3B are checked, 4C matches"
    );
    boxes[0].click();
    tick().await;
    let hidden: Vec<bool> = all(&fieldset, "li").iter().map(|li| li.hidden()).collect();
    assert_eq!(
        hidden,
        [true, false, false],
        "3A unchecked no longer matches"
    );

    // « Toutes » checks what the search shows; « Aucune » clears the filter.
    by_testid(&root, "filter-class-all").click();
    tick().await;
    assert_eq!(selected.get_untracked(), ["3b", "4c"]);
    type_into(&search, "");
    tick().await;
    by_testid(&root, "filter-class-all").click();
    tick().await;
    assert_eq!(selected.get_untracked(), ["3a", "3b", "4c"]);
    assert!(boxes.iter().all(HtmlInputElement::checked));
    by_testid(&root, "filter-class-none").click();
    tick().await;
    assert!(selected.get_untracked().is_empty());
    assert!(boxes.iter().all(|check| !check.checked()));
    assert_eq!(text(&summary), "(toutes)");

    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn campaign_tabs_follow_the_tabs_pattern_and_the_address() {
    browser::clear();
    let snapshot = import_file("collecte-3e-sco-2025.csv", EXPORT).unwrap();
    assert!(matches!(
        Store::save(&snapshot, 1_764_355_200_000.0).unwrap(),
        SaveOutcome::Saved(_)
    ));
    let location = window().location();
    location
        .set_hash(&format!("#/campagne/{CAMPAIGN_ID}"))
        .unwrap();
    let root = wrapper();
    let handle = mount_to(root.clone(), App);
    tick().await;

    let tablist = find(&root, "[role=tablist]");
    assert_eq!(
        attribute(&tablist, "aria-label").as_deref(),
        Some("Vues de la campagne")
    );
    let tabs = all(&tablist, "[role=tab]");
    let keys: Vec<String> = tabs
        .iter()
        .map(|tab| attribute(tab, "data-testid").unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "tab-participants",
            "tab-todo",
            "tab-classes",
            "tab-analysis",
            "tab-history"
        ]
    );
    let hrefs: Vec<String> = tabs
        .iter()
        .map(|tab| attribute(tab, "href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        [
            "#/campagne/348127",
            "#/campagne/348127/a-faire",
            "#/campagne/348127/classes",
            "#/campagne/348127/analyse",
            "#/campagne/348127/historique",
        ],
        "each tab is a link to its own address"
    );

    // Exactly one tab selected, the only one in the Tab order, and its panel labelled by it.
    let assert_selected = |key: &str| {
        for tab in all(&tablist, "[role=tab]") {
            let is_it = attribute(&tab, "data-testid").unwrap() == format!("tab-{key}");
            let expected = if is_it { "true" } else { "false" };
            assert_eq!(
                attribute(&tab, "aria-selected").as_deref(),
                Some(expected),
                "{key}"
            );
            let tabindex = if is_it { "0" } else { "-1" };
            assert_eq!(
                attribute(&tab, "tabindex").as_deref(),
                Some(tabindex),
                "{key}"
            );
        }
        let panels = all(&root, "[role=tabpanel]");
        assert_eq!(panels.len(), 1, "one panel at a time");
        assert_eq!(
            attribute(&panels[0], "aria-labelledby"),
            Some(format!("tab-{key}"))
        );
        assert_eq!(attribute(&panels[0], "id"), Some(format!("panel-{key}")));
        let tab = by_testid(&root, &format!("tab-{key}"));
        assert_eq!(
            attribute(&tab, "aria-controls"),
            Some(format!("panel-{key}"))
        );
    };
    assert_selected("participants");

    by_testid(&root, "tab-todo").click();
    tick().await;
    assert_selected("todo");
    assert_eq!(location.hash().unwrap(), "#/campagne/348127/a-faire");

    // The arrow keys, Home and End move the selection and the focus, wrapping at the ends.
    let active_id = || {
        document()
            .active_element()
            .map(|element| element.id())
            .unwrap_or_default()
    };
    press(&by_testid(&root, "tab-todo"), "ArrowRight");
    tick().await;
    assert_selected("classes");
    assert_eq!(active_id(), "tab-classes");
    press(&by_testid(&root, "tab-classes"), "End");
    tick().await;
    assert_selected("history");
    assert_eq!(active_id(), "tab-history");
    assert_eq!(location.hash().unwrap(), "#/campagne/348127/historique");
    press(&by_testid(&root, "tab-history"), "ArrowRight");
    tick().await;
    assert_selected("participants");
    press(&by_testid(&root, "tab-participants"), "ArrowLeft");
    tick().await;
    assert_selected("history");
    press(&by_testid(&root, "tab-history"), "Home");
    tick().await;
    assert_selected("participants");
    assert_eq!(active_id(), "tab-participants");
    assert_eq!(location.hash().unwrap(), "#/campagne/348127");

    // Another key is left to the browser.
    press(&by_testid(&root, "tab-participants"), "a");
    tick().await;
    assert_selected("participants");

    drop(handle);
    root.remove();
    location.set_hash("").unwrap();
    browser::clear();
}
