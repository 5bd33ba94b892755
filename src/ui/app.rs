//! The shell: header, error banners, the page the URL names, footer. The app state is
//! provided here once; pages take the handles they need from it.

use leptos::prelude::*;

use crate::domain::views::route::Route;
use crate::ui::campaign::{profile_rows, CampaignPage};
use crate::ui::campaigns::CampaignList;
use crate::ui::import::DropZone;
use crate::ui::results::ResultsPage;
use crate::ui::sessions::SessionsPage;
use crate::ui::state::{dropped_files, latest_snapshot, mark_ready, AppState};
use crate::ui::storage::StoragePanel;
use crate::ui::students::StudentsView;
use crate::ui::text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Page {
    Home,
    Campaign(u64),
    Students,
    Sessions,
    Results,
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

    Effect::new(move |_| document().set_title(&page_title(state)));
    Effect::new(move |_| mark_ready());

    // Only a change of page re-renders the page; tabs and filters are handled inside it.
    let page = Memo::new(move |_| match state.route().get() {
        Route::Campaign { id, .. } => Page::Campaign(id),
        Route::Campaigns => Page::Home,
        Route::Students => Page::Students,
        Route::Sessions => Page::Sessions,
        Route::Results => Page::Results,
    });
    let on_students = move || page.get() == Page::Students;
    let on_sessions = move || page.get() == Page::Sessions;
    let on_results = move || page.get() == Page::Results;
    // After a change of page (not on the first load), focus goes to the new page's heading so
    // that a keyboard or screen-reader user starts there, not on <body>.
    Effect::new(move |previous: Option<Page>| {
        let current = page.get();
        if previous.is_some_and(|previous| previous != current) {
            focus_page_heading();
        }
        current
    });

    view! {
        <a
            class="skip-link"
            href="#contenu"
            data-testid="skip-link"
            on:click=move |event| {
                // The address holds the route: the link must not change it.
                event.prevent_default();
                focus_page_heading();
            }
        >
            {text::SKIP_LINK}
        </a>
        <header class="app-header">
            <div class="app-header__inner">
                <a class="brand" href="#/">
                    <span class="brand__mark" aria-hidden="true"></span>
                    <span class="brand__name">{text::APP_NAME}</span>
                </a>
                <p class="brand__tagline">{text::TAGLINE}</p>
                <nav class="main-nav" aria-label=text::MAIN_NAV>
                    <a
                        href="#/"
                        aria-current=move || {
                            (!on_students() && !on_sessions() && !on_results()).then_some("page")
                        }
                    >
                        {text::CAMPAIGNS_TITLE}
                    </a>
                    <a
                        href="#/eleves"
                        data-testid="nav-students"
                        aria-current=move || on_students().then_some("page")
                    >
                        {text::history::STUDENTS_NAV}
                    </a>
                    <a
                        href=Route::Sessions.to_hash()
                        data-testid="nav-sessions"
                        aria-current=move || on_sessions().then_some("page")
                    >
                        {text::sessions::NAV}
                    </a>
                    <a
                        href=Route::Results.to_hash()
                        data-testid="nav-results"
                        aria-current=move || on_results().then_some("page")
                    >
                        {text::results::NAV}
                    </a>
                </nav>
            </div>
        </header>
        <main class="app-main" id="contenu">
            <For
                each=move || state.app_errors().get().into_iter().enumerate()
                key=|(index, message)| (*index, message.clone())
                children=|(_, message)| view! {
                    <div class="banner banner--error" role="alert" data-testid="app-error">{message}</div>
                }
            />
            {move || match page.get() {
                Page::Home => view! {
                    <h1 class="page-title" id=PAGE_HEADING_ID tabindex="-1">{text::HOME_TITLE}</h1>
                    <DropZone />
                    <CampaignList />
                    <StoragePanel />
                }.into_any(),
                Page::Campaign(id) => view! { <CampaignPage id=id /> }.into_any(),
                Page::Students => view! { <StudentsView /> }.into_any(),
                Page::Sessions => view! { <SessionsPage /> }.into_any(),
                Page::Results => view! { <ResultsPage /> }.into_any(),
            }}
        </main>
        <footer class="app-footer">
            <p>{text::PRIVACY}</p>
            <p>{text::NOT_OFFICIAL}</p>
        </footer>
    }
}

/// The id of every page's `<h1>`, where focus goes after a change of page and the skip link
/// leads.
pub const PAGE_HEADING_ID: &str = "page-title";

/// Focuses the page's `<h1>` once the new page is drawn.
pub fn focus_page_heading() {
    request_animation_frame(|| {
        if let Some(heading) = document()
            .get_element_by_id(PAGE_HEADING_ID)
            .and_then(|element| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok()
            })
        {
            let _ = heading.focus();
        }
    });
}

/// The window's title names the page, so that tabs and history entries can be told apart.
fn page_title(state: AppState) -> String {
    match state.route().get() {
        Route::Campaigns => format!("{} — {}", text::CAMPAIGNS_TITLE, text::APP_NAME),
        Route::Students => format!("{} — {}", text::history::STUDENTS_NAV, text::APP_NAME),
        Route::Sessions => format!("{} — {}", text::sessions::TITLE, text::APP_NAME),
        Route::Results => format!("{} — {}", text::results::TITLE, text::APP_NAME),
        Route::Campaign { id, view, .. } => state.snapshots().with(|all| {
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
    }
}
