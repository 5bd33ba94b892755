//! The Leptos interface, one folder per page. Pages own their components; what several pages
//! share lives in `widgets`. The work itself is done in `domain` and `store`: components only
//! read signals, call the domain's view functions inside `Memo`s and render with `view!`.

mod app;
mod campaign;
mod campaigns;
mod import;
mod results;
mod roster;
mod sessions;
mod storage;
mod students;
// Public for the component tests (tests/web_widgets.rs).
pub mod widgets;

pub mod error;
pub mod state;
pub mod text;

pub use app::App;

/// Mounts the app on the page.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
