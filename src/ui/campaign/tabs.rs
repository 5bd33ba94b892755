//! The campaign page's tabs, after the WAI-ARIA tabs pattern: a `tablist` of links (each
//! tab has its own address), the arrow keys, Home and End move between them and open the
//! one they reach; the panel is labelled by its tab.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::views::route::CampaignTab;
use crate::ui::campaign::CampaignRoute;
use crate::ui::text::analysis as ta;

/// The English name of a tab, for its test hook and its element ids.
pub fn tab_key(tab: CampaignTab) -> &'static str {
    match tab {
        CampaignTab::Participants => "participants",
        CampaignTab::Todo => "todo",
        CampaignTab::Classes => "classes",
        CampaignTab::Analysis => "analysis",
        CampaignTab::History => "history",
        CampaignTab::Averages => "averages",
    }
}

pub fn tab_label(tab: CampaignTab) -> &'static str {
    match tab {
        CampaignTab::Participants => ta::TAB_PARTICIPANTS,
        CampaignTab::Todo => ta::TAB_TODO,
        CampaignTab::Classes => ta::TAB_CLASSES,
        CampaignTab::Analysis => ta::TAB_ANALYSIS,
        CampaignTab::History => ta::TAB_HISTORY,
        CampaignTab::Averages => ta::TAB_AVERAGES,
    }
}

fn focus_tab(tab: CampaignTab) {
    if let Some(element) = document()
        .get_element_by_id(&format!("tab-{}", tab_key(tab)))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The tab the URL names; a tab the page does not have (an assessment's URL with `a-faire`)
/// shows the first one.
pub fn selected_tab(route: CampaignRoute, tabs: &'static [CampaignTab]) -> Memo<CampaignTab> {
    Memo::new(move |_| {
        let tab = route.tab.get();
        if tabs.contains(&tab) {
            tab
        } else {
            tabs[0]
        }
    })
}

/// `tabs` in order, `selected` from `selected_tab`.
#[component]
pub fn Tabs(
    route: CampaignRoute,
    tabs: &'static [CampaignTab],
    selected: Memo<CampaignTab>,
) -> impl IntoView {
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let Some(current) = tabs.iter().position(|tab| *tab == selected.get_untracked()) else {
            return;
        };
        let last = tabs.len() - 1;
        let next = match event.key().as_str() {
            "ArrowRight" => Some(if current == last { 0 } else { current + 1 }),
            "ArrowLeft" => Some(if current == 0 { last } else { current - 1 }),
            "Home" => Some(0),
            "End" => Some(last),
            _ => None,
        };
        if let Some(next) = next {
            event.prevent_default();
            route.open_tab(tabs[next], |_| {});
            focus_tab(tabs[next]);
        }
    };
    let links = tabs
        .iter()
        .map(|&tab| {
            let key = tab_key(tab);
            let is_selected = move || selected.get() == tab;
            view! {
                <a
                    class="tab"
                    role="tab"
                    id=format!("tab-{key}")
                    href=move || route.tab_hash(tab)
                    data-testid=format!("tab-{key}")
                    aria-selected=move || is_selected().to_string()
                    aria-controls=format!("panel-{key}")
                    // Only the selected tab is in the Tab order; the arrows reach the others.
                    tabindex=move || if is_selected() { "0" } else { "-1" }
                    on:click=move |event| {
                        event.prevent_default();
                        route.open_tab(tab, |_| {});
                    }
                >
                    {tab_label(tab)}
                </a>
            }
        })
        .collect_view();
    view! {
        <div class="tabs-bar">
            <div
                class="tabs"
                role="tablist"
                aria-label=ta::TABS_LABEL
                aria-describedby="tabs-hint"
                on:keydown=on_keydown
            >
                {links}
            </div>
            // Only the selected tab is in the Tab order: say how to reach the others.
            <p class="tabs__hint" id="tabs-hint" data-testid="tabs-hint">{ta::TABS_HINT}</p>
        </div>
    }
}

/// The panel of the selected tab.
#[component]
pub fn TabPanel(tab: CampaignTab, children: Children) -> impl IntoView {
    let key = tab_key(tab);
    view! {
        <div
            class="tab-panel"
            role="tabpanel"
            id=format!("panel-{key}")
            aria-labelledby=format!("tab-{key}")
            data-testid=format!("panel-{key}")
        >
            {children()}
        </div>
    }
}
