//! The import section: a drop zone with a real file input (keyboard-reachable through its
//! label), the example export, and one result line per file.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::views::campaigns::CampaignSummary;
use crate::domain::views::route::{CampaignTab, Route, TableView};
use crate::ui::state::{dropped_files, latest_snapshot, picked_files, use_state, ImportLine};
use crate::ui::text;

/// The example export shipped in the app (invented students), for a first look.
const DEMO_EXPORT: &[u8] = include_bytes!("../../../tests/fixtures/collecte-3e-sco-2025.csv");

#[component]
pub fn DropZone() -> impl IntoView {
    let state = use_state();
    let dragging = RwSignal::new(false);

    let on_drop = move |event: web_sys::DragEvent| {
        event.prevent_default();
        // The window's own drop handler would import the files a second time.
        event.stop_propagation();
        dragging.set(false);
        if let Some(files) = dropped_files(&event) {
            state.import_files(files);
        }
    };
    let on_leave = move |event: web_sys::DragEvent| {
        // Leaving for a child of the zone is not leaving the zone.
        let zone = event.current_target();
        let entered = event.related_target();
        let inside = match (zone, entered) {
            (Some(zone), Some(entered)) => zone
                .dyn_ref::<web_sys::Node>()
                .zip(entered.dyn_ref::<web_sys::Node>())
                .is_some_and(|(zone, entered)| zone.contains(Some(entered))),
            _ => false,
        };
        if !inside {
            dragging.set(false);
        }
    };

    view! {
        <section class="import" aria-labelledby="import-title">
            <h2 id="import-title">{text::DROP_TITLE}</h2>
            <div
                class="drop-zone"
                class:drop-zone--active=move || dragging.get()
                data-testid="drop-zone"
                on:dragenter=move |event: web_sys::DragEvent| {
                    event.prevent_default();
                    dragging.set(true);
                }
                on:dragover=move |event: web_sys::DragEvent| event.prevent_default()
                on:dragleave=on_leave
                on:drop=on_drop
            >
                <p class="drop-zone__hint">
                    {move || if dragging.get() { text::DROP_ACTIVE } else { text::DROP_HINT }}
                </p>
                <p class="drop-zone__roster">{text::DROP_ROSTER_HINT}</p>
                <label class="button button--primary drop-zone__pick">
                    {text::DROP_PICK}
                    <input
                        class="visually-hidden"
                        type="file"
                        multiple
                        accept=".csv,text/csv,text/plain,.xml,text/xml,application/xml,.zip,application/zip"
                        data-testid="file-input"
                        on:change=move |event| {
                            if let Some(files) = picked_files(&event) {
                                state.import_files(files);
                            }
                            // Picking the same file again must fire `change` again.
                            event_target::<web_sys::HtmlInputElement>(&event).set_value("");
                        }
                    />
                </label>
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="demo-button"
                    on:click=move |_| {
                        state.import_demo(text::DEMO_FILE_NAME, DEMO_EXPORT);
                    }
                >
                    {text::DEMO_BUTTON}
                </button>
            </div>
            <Show when=move || state.import_lines().with(|lines| !lines.is_empty())>
                <ul class="import-results" aria-label=text::IMPORT_RESULTS aria-live="polite">
                    <For
                        each=move || state.import_lines().get().into_iter().enumerate()
                        key=|(index, line)| (*index, line.clone())
                        children=move |(_, line)| {
                            // What the line changed, one click away: the campaign, and what
                            // changed since its previous import.
                            let next = line.campaign_id.and_then(|id| {
                                state.snapshots().with_untracked(|all| {
                                    let imports = all.iter().filter(|s| s.meta.campaign_id == id).count();
                                    let latest = latest_snapshot(all, id)?;
                                    let summary = CampaignSummary::of(&latest.data, imports);
                                    let rows = latest.data.rows.len();
                                    Some((id, imports, (rows != summary.participants).then(|| text::rows_and_participants(rows, summary.participants))))
                                })
                            });
                            let next = next.map(|(id, imports, note)| view! {
                                {note.map(|note| view! { <span class="import-result__note">{note}</span> })}
                                <span class="import-result__next">
                                    <a href=campaign_tab_hash(id, CampaignTab::Participants) data-testid="import-open">{text::IMPORT_OPEN}</a>
                                    {(imports > 1).then(|| view! {
                                        " · "
                                        <a href=campaign_tab_hash(id, CampaignTab::History) data-testid="import-changes">{text::IMPORT_CHANGES}</a>
                                    })}
                                </span>
                            });
                            view! { <ImportResultItem line=line>{next}</ImportResultItem> }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}

/// The address of a campaign's tab, unfiltered.
fn campaign_tab_hash(id: u64, tab: CampaignTab) -> String {
    Route::Campaign {
        id,
        tab,
        view: TableView::default(),
    }
    .to_hash()
}

/// One file's line: its status (as a hook and in words), its name and message, then what the
/// page that shows it offers next (`children`). The home page and the results page list
/// their imports with it.
#[component]
pub fn ImportResultItem(
    line: ImportLine,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let status = line.status.slug();
    view! {
        <li
            class=format!("import-result import-result--{status}")
            data-testid="import-result"
            data-status=status
            data-kind=line.kind.slug()
            data-file=line.file.clone()
        >
            <span class="import-result__file">{line.file.clone()}</span>
            " "
            <span class="import-result__message">{line.message}</span>
            {children.map(|children| children())}
        </li>
    }
}
