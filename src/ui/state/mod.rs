//! The app state shared by every component, and the actions that change it. Components get
//! read-only signals from it (`snapshots()`, `route()`, …); every change goes through an
//! action here or in `storage`, which asks the store first: persistence lives in the store's
//! API calls, never in a component.

mod results;
mod roster;
mod sessions;
mod storage;

pub use results::{ClassLists, PendingResults};
pub use roster::HeldRoster;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::import::{import_export, Imported};
use crate::domain::model::snapshot::CampaignSnapshot;
use crate::domain::results::looks_like_results;
use crate::domain::roster::looks_like_roster;
use crate::domain::views::route::Route;
use crate::store::{DamagedEntry, SaveOutcome, SnapshotMeta, Store, StoreError};
use crate::ui::error::{UiError, UiErrorKind};
use crate::ui::text;

/// A stored snapshot with its rows, shared (not copied) between the views.
#[derive(Clone, Debug)]
pub struct StoredSnapshot {
    pub meta: SnapshotMeta,
    pub data: Arc<CampaignSnapshot>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportStatus {
    Ok,
    Duplicate,
    Error,
}

impl ImportStatus {
    pub fn slug(self) -> &'static str {
        match self {
            ImportStatus::Ok => "ok",
            ImportStatus::Duplicate => "duplicate",
            ImportStatus::Error => "error",
        }
    }
}

/// What a dropped file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportKind {
    Export,
    /// The school's student list.
    Roster,
    /// A class's certification results (Pix Orga, « Certifications » tab).
    CertificationResults,
}

impl ImportKind {
    pub fn slug(self) -> &'static str {
        match self {
            ImportKind::Export => "export",
            ImportKind::Roster => "roster",
            ImportKind::CertificationResults => "certification-results",
        }
    }
}

/// What happened to one dropped file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ImportLine {
    pub file: String,
    pub kind: ImportKind,
    pub status: ImportStatus,
    pub message: String,
    /// The campaign the file was (or already was) stored under: its line links to it.
    pub campaign_id: Option<u64>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    snapshots: RwSignal<Vec<StoredSnapshot>>,
    import_lines: RwSignal<Vec<ImportLine>>,
    /// Errors not tied to one file (storage full, corrupted entry).
    app_errors: RwSignal<Vec<String>>,
    route: RwSignal<Route>,
    /// Stored entries that could not be read: set aside, listed in the storage panel.
    damaged: RwSignal<Vec<DamagedEntry>>,
    roster: roster::RosterSignals,
    results: results::ResultsSignals,
    sessions: sessions::SessionSignals,
}

impl AppState {
    /// Every stored snapshot, in import order.
    pub fn snapshots(&self) -> ReadSignal<Vec<StoredSnapshot>> {
        self.snapshots.read_only()
    }

    /// The view the URL names.
    pub fn route(&self) -> ReadSignal<Route> {
        self.route.read_only()
    }

    /// One line per file of the last import.
    pub fn import_lines(&self) -> ReadSignal<Vec<ImportLine>> {
        self.import_lines.read_only()
    }

    pub fn app_errors(&self) -> ReadSignal<Vec<String>> {
        self.app_errors.read_only()
    }

    pub fn damaged(&self) -> ReadSignal<Vec<DamagedEntry>> {
        self.damaged.read_only()
    }

    /// Imports the example export shipped in the app, as the only result line.
    pub fn import_demo(&self, file_name: &str, bytes: &[u8]) {
        self.import_lines.set(Vec::new());
        self.import_bytes(file_name, bytes);
    }

    /// The state at start-up: every stored snapshot, and the view the URL names.
    pub fn restore() -> Self {
        let loaded = Store::load_all();
        let snapshots = loaded
            .snapshots
            .into_iter()
            .map(|(meta, data)| StoredSnapshot {
                meta,
                data: Arc::new(data),
            })
            .collect();
        let (roster, roster_problems) = roster::RosterSignals::restore();
        let (results, results_problems) = results::ResultsSignals::restore();
        let (sessions, sessions_problem) = sessions::SessionSignals::restore();
        let problems = loaded
            .problems
            .iter()
            .chain(&roster_problems)
            .chain(&results_problems)
            .chain(&sessions_problem);
        AppState {
            snapshots: RwSignal::new(snapshots),
            import_lines: RwSignal::new(Vec::new()),
            app_errors: RwSignal::new(problems.map(ToString::to_string).collect()),
            route: RwSignal::new(Route::parse(&current_hash())),
            damaged: RwSignal::new(loaded.damaged),
            roster,
            results,
            sessions,
        }
    }

    /// Changes the view and records it in the URL, so that reload and bookmarks keep it.
    pub fn navigate(&self, route: Route) {
        let hash = route.to_hash();
        // A new page or a new tab gets its own history entry, so that back returns to it;
        // a filter, sort or page change replaces the current one.
        let same_page = match (&route, &self.route.get_untracked()) {
            (
                Route::Campaign { id, tab, .. },
                Route::Campaign {
                    id: current,
                    tab: current_tab,
                    ..
                },
            ) => id == current && tab == current_tab,
            _ => false,
        };
        if same_page {
            // Typing in the search box must not fill the back button with one entry per key.
            // Chromium spends several milliseconds in `replaceState`: it waits until the
            // table is on screen, and a burst of changes writes the URL once.
            let first = PENDING_HASH.with(|pending| pending.borrow_mut().replace(hash).is_none());
            if first {
                request_animation_frame(|| {
                    set_timeout(write_pending_hash, std::time::Duration::ZERO)
                });
            }
        } else {
            // The page being left keeps its last view in its history entry.
            write_pending_hash();
            if let Some(history) = history() {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
            }
        }
        self.route.set(route);
    }

    /// Re-reads the route after back/forward or a hand-edited URL.
    pub fn sync_route_from_url(&self) {
        // The entry the pending view was meant for is no longer the current one.
        PENDING_HASH.with(|pending| pending.borrow_mut().take());
        let route = Route::parse(&current_hash());
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
    }

    /// Imports files in order; each gets one result line. A refused file stores nothing.
    /// A school roster is told from an export by its content, not its name.
    pub fn import_bytes(&self, file_name: &str, bytes: &[u8]) {
        // A certification results file is a CSV with a header of its own: told apart before
        // the campaign export import would call it a broken export.
        if looks_like_results(bytes) {
            let line = self.import_results(file_name, bytes);
            self.import_lines.update(|lines| lines.push(line));
            return;
        }
        if looks_like_roster(bytes) {
            let line = self.import_roster(file_name, bytes);
            self.import_lines.update(|lines| lines.push(line));
            return;
        }
        let line = match import_export(file_name, bytes) {
            Err(error) => ImportLine {
                file: file_name.to_owned(),
                kind: ImportKind::Export,
                status: ImportStatus::Error,
                message: error.to_string(),
                campaign_id: None,
            },
            Ok(Imported { snapshot, notes }) => match Store::save(&snapshot, js_sys::Date::now()) {
                Err(error) => {
                    if error == StoreError::QuotaExceeded {
                        self.report_once(error.to_string());
                    }
                    ImportLine {
                        file: file_name.to_owned(),
                        kind: ImportKind::Export,
                        status: ImportStatus::Error,
                        message: error.to_string(),
                        campaign_id: None,
                    }
                }
                Ok(SaveOutcome::AlreadyStored(meta)) => ImportLine {
                    file: file_name.to_owned(),
                    kind: ImportKind::Export,
                    status: ImportStatus::Duplicate,
                    message: text::already_imported(
                        &meta.campaign_name,
                        &format_timestamp(meta.imported_at_ms),
                    ),
                    campaign_id: Some(meta.campaign_id),
                },
                Ok(SaveOutcome::Saved(meta)) => {
                    let date = meta
                        .latest_activity
                        .map(|date| date.french())
                        .unwrap_or_else(|| "—".to_owned());
                    let message = text::exports::with_notes(
                        text::imported(&meta.campaign_name, meta.rows, &date),
                        &notes,
                    );
                    let campaign_id = Some(meta.campaign_id);
                    self.snapshots.update(|all| {
                        all.push(StoredSnapshot {
                            meta,
                            data: Arc::new(snapshot),
                        })
                    });
                    ImportLine {
                        file: file_name.to_owned(),
                        kind: ImportKind::Export,
                        status: ImportStatus::Ok,
                        message,
                        campaign_id,
                    }
                }
            },
        };
        self.import_lines.update(|lines| lines.push(line));
    }

    /// Shows an error banner, once however many times it happens.
    pub fn report_once(&self, message: String) {
        if !self.app_errors.with_untracked(|all| all.contains(&message)) {
            self.app_errors.update(|all| all.push(message));
        }
    }

    /// Reads every file of a drop or a file picker, one after the other.
    pub fn import_files(&self, files: web_sys::FileList) {
        let state = *self;
        let files: Vec<web_sys::File> = (0..files.length())
            .filter_map(|index| files.get(index))
            .collect();
        if files.is_empty() {
            return;
        }
        state.import_lines.set(Vec::new());
        leptos::task::spawn_local(async move {
            for file in files {
                let name = file.name();
                match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                        state.import_bytes(&name, &bytes);
                    }
                    Err(_) => state.import_lines.update(|lines| {
                        lines.push(ImportLine {
                            file: name.clone(),
                            kind: ImportKind::Export,
                            status: ImportStatus::Error,
                            message: UiError::new(&name, UiErrorKind::Unreadable).to_string(),
                            campaign_id: None,
                        })
                    }),
                }
            }
        });
    }
}

thread_local! {
    /// The URL of a view change not written to the history yet (see `navigate`).
    static PENDING_HASH: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|window| window.history().ok())
}

fn write_pending_hash() {
    if let Some(hash) = PENDING_HASH.with(|pending| pending.borrow_mut().take()) {
        if let Some(history) = history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
        }
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// `28/11/2026 à 18:44` in the browser's local time.
pub fn format_timestamp(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:02}/{:02}/{:04} à {:02}:{:02}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Sets `html[data-ready="true"]`: tests and the benchmark wait for it; the performance
/// mark lets the benchmark read the cold-start time from the page's own clock.
pub fn mark_ready() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-ready", "true");
    }
    if let Some(performance) = window.performance() {
        let _ = performance.mark("cohorte-ready");
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// Files carried by a drag-and-drop event.
pub fn dropped_files(event: &web_sys::DragEvent) -> Option<web_sys::FileList> {
    event.data_transfer().and_then(|transfer| transfer.files())
}

/// The file list of an `<input type="file">` change event.
pub fn picked_files(event: &web_sys::Event) -> Option<web_sys::FileList> {
    event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()
}

/// The snapshot that describes a campaign now: latest activity, then latest import.
pub fn latest_snapshot(snapshots: &[StoredSnapshot], campaign_id: u64) -> Option<&StoredSnapshot> {
    snapshots
        .iter()
        .filter(|s| s.meta.campaign_id == campaign_id)
        .max_by(|a, b| {
            (a.meta.latest_activity, a.meta.imported_at_ms)
                .partial_cmp(&(b.meta.latest_activity, b.meta.imported_at_ms))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}

/// Shares a computed value between views; equality is identity, so a `Memo` holding one
/// never compares thousands of lines to decide whether it changed.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl PartialEq for StoredSnapshot {
    fn eq(&self, other: &Self) -> bool {
        self.meta.id == other.meta.id && Arc::ptr_eq(&self.data, &other.data)
    }
}

/// Whether the app runs from a file opened on the computer. Some browsers (Firefox) then key
/// the stored data by the file's exact path, so the user must be told to keep it in place.
pub fn opened_from_file() -> bool {
    web_sys::window()
        .and_then(|window| window.location().protocol().ok())
        .is_some_and(|protocol| protocol == "file:")
}
