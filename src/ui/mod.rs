//! Leptos components, one per file. They stay thin: the work is done in `domain` and `store`.

mod analysis;
mod app;
mod assessment_page;
mod campaign_list;
mod campaign_page;
mod class_summary;
mod delegate;
mod download;
mod drop_zone;
mod filters;
mod history_chart;
mod pagination;
mod participants;
mod profiles_page;
mod sort_header;
mod storage_panel;
mod student_detail;
mod students;
mod timeline;
mod todo_list;

pub mod state;
pub mod state_storage;
pub mod text;

pub use app::App;

/// Mounts the app on the page.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
