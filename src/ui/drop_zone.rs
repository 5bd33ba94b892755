//! The import section. Its markup is one string (see `domain::html`): the section listens
//! once for each event, and the two things that change — the zone's drag state and the list
//! of results — are set in place.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::html::Html;
use crate::ui::delegate;
use crate::ui::state::{dropped_files, picked_files, use_state, ImportLine};
use crate::ui::text;

/// The example export shipped in the app (invented students), for a first look.
const DEMO_EXPORT: &[u8] = include_bytes!("../../tests/fixtures/collecte-3e-sco-2025.csv");

/// Whether the event happened over the drop zone itself (not the section's title).
fn in_zone(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest(".drop-zone").ok().flatten())
        .is_some()
}

#[component]
pub fn DropZone() -> impl IntoView {
    let state = use_state();
    let dragging = RwSignal::new(false);
    let section = NodeRef::<leptos::html::Section>::new();

    Effect::new(move |_| {
        let active = dragging.get();
        let Some(section) = section.get() else {
            return;
        };
        if let Some(zone) = section.query_selector(".drop-zone").ok().flatten() {
            let _ = zone
                .class_list()
                .toggle_with_force("drop-zone--active", active);
        }
        if let Some(hint) = section.query_selector(".drop-zone__hint").ok().flatten() {
            hint.set_text_content(Some(if active {
                text::DROP_ACTIVE
            } else {
                text::DROP_HINT
            }));
        }
    });
    // Results are appended as they come, so the live region announces only the new ones.
    Effect::new(move |shown: Option<Vec<ImportLine>>| {
        let lines = state.import_lines.get();
        let Some(section) = section.get() else {
            return Vec::new();
        };
        let list = section.query_selector(".import-results").ok().flatten();
        let shown = shown.unwrap_or_default();
        match list {
            Some(list) if !lines.is_empty() && lines.starts_with(&shown) => {
                let _ =
                    list.insert_adjacent_html("beforeend", &results_html(&lines[shown.len()..]));
            }
            _ => {
                if let Some(list) = section.query_selector(".import-results").ok().flatten() {
                    list.remove();
                }
                if !lines.is_empty() {
                    let mut html = Html::new();
                    html.fill(
                        "<ul class=\"import-results\" aria-label=\"{}\" aria-live=\"polite\">",
                        &[text::IMPORT_RESULTS],
                    )
                    .raw(&results_html(&lines))
                    .raw("</ul>");
                    let _ = section.insert_adjacent_html("beforeend", &html.finish());
                }
            }
        }
        lines
    });

    let on_drag = move |event: web_sys::DragEvent| {
        if !in_zone(&event) {
            return;
        }
        match event.type_().as_str() {
            "dragenter" => {
                event.prevent_default();
                dragging.set(true);
            }
            "dragleave" => dragging.set(false),
            "drop" => {
                event.prevent_default();
                event.stop_propagation();
                dragging.set(false);
                if let Some(files) = dropped_files(&event) {
                    state.import_files(files);
                }
            }
            _ => event.prevent_default(),
        }
    };
    let on_click = move |event: web_sys::MouseEvent| {
        if delegate::action(&event).is_some_and(|(action, _)| action == "demo") {
            state.import_lines.set(Vec::new());
            state.import_bytes(text::DEMO_FILE_NAME, DEMO_EXPORT);
        }
    };
    let on_change = move |event: web_sys::Event| {
        if let Some(files) = picked_files(&event) {
            state.import_files(files);
        }
        // Picking the same file again must fire `change` again.
        event_target::<web_sys::HtmlInputElement>(&event).set_value("");
    };

    view! {
        <section
            class="import"
            aria-labelledby="import-title"
            node_ref=section
            on:dragenter=on_drag
            on:dragover=on_drag
            on:dragleave=on_drag
            on:drop=on_drag
            on:click=on_click
            on:change=on_change
            inner_html=section_html()
        ></section>
    }
}

fn section_html() -> String {
    let mut html = Html::new();
    html.fill(
        "<h2 id=\"import-title\">{}</h2><div class=\"drop-zone\" data-testid=\"drop-zone\"><p class=\"drop-zone__hint\">{}</p><label class=\"button button--primary drop-zone__pick\">{}<input class=\"visually-hidden\" type=\"file\" multiple accept=\".csv,text/csv,text/plain\" data-testid=\"file-input\"></label><button type=\"button\" class=\"button button--secondary\" data-testid=\"demo-button\" data-action=\"demo\">{}</button></div>",
        &[text::DROP_TITLE, text::DROP_HINT, text::DROP_PICK, text::DEMO_BUTTON],
    );
    html.finish()
}

fn results_html(lines: &[ImportLine]) -> String {
    let mut html = Html::new();
    for line in lines {
        let status = line.status.slug();
        html.fill(
            "<li class=\"import-result import-result--{}\" data-testid=\"import-result\" data-status=\"{}\" data-file=\"{}\"><span class=\"import-result__file\">{}</span> <span class=\"import-result__message\">{}</span></li>",
            &[status, status, &line.file, &line.file, &line.message],
        );
    }
    html.finish()
}
