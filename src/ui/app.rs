use leptos::prelude::*;

use crate::domain::html::Html;
use crate::domain::route::Route;
use crate::ui::campaign_list::{latest_snapshot, CampaignList};
use crate::ui::campaign_page::{profile_rows, CampaignPage};
use crate::ui::drop_zone::DropZone;
use crate::ui::state::{dropped_files, mark_ready, AppState};
use crate::ui::storage_panel::StoragePanel;
use crate::ui::students::StudentsView;
use crate::ui::text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Page {
    Home,
    Campaign(u64),
    Students,
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::restore();
    provide_context(state);

    let _ = window_event_listener(leptos::ev::popstate, move |_| state.sync_route_from_url());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| state.sync_route_from_url());
    // A file dropped outside the drop zone must not make the browser navigate away from the app.
    let _ = window_event_listener(leptos::ev::dragover, |event| event.prevent_default());
    let _ = window_event_listener(leptos::ev::drop, move |event| {
        event.prevent_default();
        if let Some(files) = dropped_files(&event) {
            state.import_files(files);
        }
    });

    Effect::new(move |_| {
        let title = match state.route.get() {
            Route::Campaigns => format!("{} — {}", text::CAMPAIGNS_TITLE, text::APP_NAME),
            Route::Students => format!("{} — {}", text::history::STUDENTS_NAV, text::APP_NAME),
            Route::Campaign { id, view } => state.snapshots.with(|all| {
                let latest = latest_snapshot(all, id);
                let name = latest.map(|s| s.meta.campaign_name.clone());
                let student = view.detail.and_then(|row| {
                    latest
                        .and_then(|s| profile_rows(&s.data).get(row))
                        .map(|row| {
                            text::campaign::detail_title(row.learner.first(), row.learner.last())
                        })
                });
                let campaign = format!("{} — {}", name.unwrap_or_default(), text::APP_NAME);
                match student {
                    Some(student) => format!("{student} — {campaign}"),
                    None => campaign,
                }
            }),
        };
        document().set_title(&title);
    });
    Effect::new(move |_| mark_ready());

    // Only a change of page re-renders the page; filter changes are handled inside it.
    let page = Memo::new(move |_| match state.route.get() {
        Route::Campaign { id, .. } => Page::Campaign(id),
        Route::Campaigns => Page::Home,
        Route::Students => Page::Students,
    });

    // The header is plain markup; only `aria-current` follows the page, set in place.
    Effect::new(move |_| {
        let students = page.get() == Page::Students;
        mark_current(".main-nav a[href=\"#/\"]", !students);
        mark_current(".main-nav a[href=\"#/eleves\"]", students);
    });

    view! {
        <header class="app-header" inner_html=header_html()></header>
        <main class="app-main" id="contenu">
            // `display: contents` keeps each banner a direct item of the page's flex column.
            <div style:display="contents" inner_html=move || state.app_errors.with(|errors| errors_html(errors))></div>
            {move || match page.get() {
                Page::Home => view! {
                    <DropZone />
                    <CampaignList />
                    <StoragePanel />
                }.into_any(),
                Page::Campaign(id) => view! { <CampaignPage id=id /> }.into_any(),
                Page::Students => view! { <StudentsView /> }.into_any(),
            }}
        </main>
        <footer class="app-footer" inner_html=footer_html()></footer>
    }
}

fn header_html() -> String {
    let mut html = Html::new();
    html.open("div", &[("class", "app-header__inner")])
        .open("a", &[("class", "brand"), ("href", "#/")])
        .element(
            "span",
            &[("class", "brand__mark"), ("aria-hidden", "true")],
            "",
        )
        .element("span", &[("class", "brand__name")], text::APP_NAME)
        .close("a")
        .element("p", &[("class", "brand__tagline")], text::TAGLINE)
        .open(
            "nav",
            &[("class", "main-nav"), ("aria-label", text::MAIN_NAV)],
        )
        .element("a", &[("href", "#/")], text::CAMPAIGNS_TITLE)
        .element(
            "a",
            &[("href", "#/eleves"), ("data-testid", "nav-students")],
            text::history::STUDENTS_NAV,
        )
        .close("nav")
        .close("div");
    html.finish()
}

fn footer_html() -> String {
    let mut html = Html::new();
    html.fill("<p>{}</p><p>{}</p>", &[text::PRIVACY, text::NOT_OFFICIAL]);
    html.finish()
}

fn mark_current(selector: &str, current: bool) {
    let Some(link) = document().query_selector(selector).ok().flatten() else {
        return;
    };
    let _ = if current {
        link.set_attribute("aria-current", "page")
    } else {
        link.remove_attribute("aria-current")
    };
}

fn errors_html(errors: &[String]) -> String {
    let mut html = Html::new();
    for message in errors {
        html.element(
            "div",
            &[
                ("class", "banner banner--error"),
                ("role", "alert"),
                ("data-testid", "app-error"),
            ],
            message,
        );
    }
    html.finish()
}
