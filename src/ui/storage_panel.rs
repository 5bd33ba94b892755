//! What is kept in this browser, and the user's hands on it: sizes, deleting, erasing
//! everything, backing up and restoring.

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::domain::html::Html;
use crate::store::{CheckedBackup, DamagedEntry, RestoreMode, SnapshotMeta, StoreError, Usage};
use crate::ui::delegate;
use crate::ui::state::{format_timestamp, use_state};
use crate::ui::state_storage::{download_text, today_iso};
use crate::ui::text::storage as text;

/// Average stored size of a participant row when too little is stored to measure it (UTF-16
/// units; names repeat less in real exports than in generated ones).
const DEFAULT_UNITS_PER_ROW: f64 = 25.0;

#[derive(Clone, Debug, PartialEq)]
struct CampaignGroup {
    id: u64,
    name: String,
    bytes: usize,
    snapshots: Vec<SnapshotMeta>,
}

/// Campaigns with their snapshots, newest import first: the app state lists snapshots in
/// import order, so walking it backwards gives that order without a sort (sorts weigh on
/// the wasm).
fn groups(metas: &[SnapshotMeta]) -> Vec<CampaignGroup> {
    let mut groups: Vec<CampaignGroup> = Vec::new();
    for meta in metas.iter().rev() {
        let index = match groups.iter().position(|g| g.id == meta.campaign_id) {
            Some(index) => index,
            None => {
                groups.push(CampaignGroup {
                    id: meta.campaign_id,
                    name: meta.campaign_name.clone(),
                    bytes: 0,
                    snapshots: Vec::new(),
                });
                groups.len() - 1
            }
        };
        groups[index].bytes += meta.bytes;
        groups[index].snapshots.push(meta.clone());
    }
    groups
}

#[derive(Clone, Debug, PartialEq)]
struct Message {
    ok: bool,
    text: String,
}

/// The browser's own confirmation dialog: accessible, tiny, and it blocks a misclick.
fn confirmed(question: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.confirm_with_message(question).ok())
        .unwrap_or(false)
}

fn usage_text(usage: Usage, metas: &[SnapshotMeta]) -> String {
    let rows: usize = metas.iter().map(|m| m.rows).sum();
    let units: usize = metas.iter().map(|m| m.bytes / 2).sum();
    let per_row = if rows >= 1000 {
        units as f64 / rows as f64
    } else {
        DEFAULT_UNITS_PER_ROW
    };
    let rows_left = (usage.left_bytes() as f64 / 2.0 / per_row) as usize;
    // A round figure: this is an estimate, not a promise.
    let rows_left = if rows_left >= 10_000 {
        rows_left / 1000 * 1000
    } else {
        rows_left / 100 * 100
    };
    text::usage(
        usage.cohorte_bytes + usage.other_bytes,
        usage.quota_bytes,
        usage.left_bytes(),
        rows_left,
    )
}

#[component]
pub fn StoragePanel() -> impl IntoView {
    let state = use_state();
    let message = RwSignal::new(None::<Message>);

    // Plain reads, not memos: the list is short, and each memo weighs on the wasm.
    let metas = move || {
        state
            .snapshots
            .with(|all| all.iter().map(|s| s.meta.clone()).collect::<Vec<_>>())
    };

    let report = move |result: Result<String, StoreError>| {
        message.set(Some(match result {
            Ok(text) => Message { ok: true, text },
            Err(error) => Message {
                ok: false,
                text: error.to_string(),
            },
        }));
    };

    // Every button of the panel, the generated ones included, is served here.
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some((action, control)) = delegate::action(&event) else {
            return;
        };
        match action.as_str() {
            "delete-snapshot" => {
                let Some(id) = delegate::number::<u32>(&control, "data-id") else {
                    return;
                };
                let file = state.snapshots.with_untracked(|all| {
                    all.iter()
                        .find(|s| s.meta.id == id)
                        .map(|s| s.meta.file_name.clone())
                });
                if file.is_some_and(|file| confirmed(&text::confirm_delete_snapshot(&file))) {
                    report(state.delete_snapshot(id).map(|()| text::deleted(1)));
                }
            }
            "delete-campaign" => {
                let Some(id) = delegate::number::<u64>(&control, "data-id") else {
                    return;
                };
                let group = groups(&untrack(metas))
                    .into_iter()
                    .find(|group| group.id == id);
                if group.is_some_and(|group| {
                    confirmed(&text::confirm_delete_campaign(
                        &group.name,
                        group.snapshots.len(),
                    ))
                }) {
                    report(state.delete_campaign(id).map(text::deleted));
                }
            }
            "delete-damaged" => {
                if let Some(key) = control.get_attribute("data-key") {
                    report(state.remove_damaged(&key).map(|()| text::deleted(1)));
                }
            }
            "backup" => {
                let file = text::backup_file_name(&today_iso());
                let result = state.backup_text().and_then(|json| {
                    download_text(&file, "application/json", &json)
                        .map(|()| text::backup_saved(&file))
                        .map_err(StoreError::Browser)
                });
                report(result);
            }
            "erase-all"
                if confirmed(&text::confirm_erase(
                    state.snapshots.with_untracked(Vec::len),
                )) =>
            {
                report(state.erase_all().map(|()| text::ERASED.to_owned()));
            }
            _ => {}
        }
    };

    let on_change = move |event: leptos::ev::Event| {
        let Some(("restore", control)) = delegate::action(&event)
            .as_ref()
            .map(|(action, control)| (action.as_str(), control.clone()))
        else {
            return;
        };
        let Ok(input) = control.dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Picking the same file again must fire `change` again.
        input.set_value("");
        message.set(None);
        let chosen = restore_mode(&input);
        let stored = state.snapshots.with_untracked(Vec::len);
        leptos::task::spawn_local(async move {
            let content = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|value| value.as_string());
            // Replacing deletes what is stored: asked once the file is known to be good.
            let proceed = |backup: &CheckedBackup| {
                chosen == RestoreMode::Merge
                    || stored == 0
                    || confirmed(&text::confirm_replace(stored, backup.len(), &file.name()))
            };
            let result = match content {
                None => Err(StoreError::Browser(text::READ_FAILED.to_owned())),
                Some(content) => state
                    .restore_backup(&content, chosen, proceed)
                    .map(|report| match report {
                        Some(r) => text::restored(r.added, r.already_present, r.removed),
                        None => text::RESTORE_CANCELLED.to_owned(),
                    }),
            };
            report(result);
        });
    };

    // localStorage is not reactive: usage is re-read whenever what is stored changes.
    let usage_html = move || {
        let metas = metas();
        state.damaged.track();
        state
            .storage_usage()
            .map(|usage| usage_html(usage, &metas))
            .unwrap_or_default()
    };
    let stored_html = move || state.damaged.with(|damaged| stored_html(&metas(), damaged));
    // Apart from the list: a status or alert is announced again whenever it is written anew.
    let message_html = move || message.with(|message| message_html(message.as_ref()));
    view! {
        <section class="storage" aria-labelledby="storage-title" data-testid="storage-panel" on:click=on_click on:change=on_change>
            <h2 id="storage-title">{text::TITLE}</h2>
            <p class="notice">{text::ONLY_HERE}</p>
            <p class="notice notice--warn">{text::SAFARI}</p>
            <div class="storage__usage" inner_html=usage_html></div>
            <div class="storage__live" inner_html=stored_html></div>
            <div class="storage__live" inner_html=message_html></div>
            <div class="storage__blocks" inner_html=blocks_html()></div>
        </section>
    }
}

/// The radio button checked next to the file picker.
fn restore_mode(input: &web_sys::HtmlInputElement) -> RestoreMode {
    let replace = input
        .closest("fieldset")
        .ok()
        .flatten()
        .and_then(|fieldset| {
            fieldset
                .query_selector("input[name='restore-mode']:checked")
                .ok()
                .flatten()
        })
        .and_then(|radio| radio.get_attribute("value"))
        .is_some_and(|value| value == "replace");
    if replace {
        RestoreMode::Replace
    } else {
        RestoreMode::Merge
    }
}

fn usage_html(usage: Usage, metas: &[SnapshotMeta]) -> String {
    let other = if usage.other_bytes > 0 {
        text::other_data(usage.other_bytes)
    } else {
        String::new()
    };
    let mut html = Html::new();
    html.fill(
        "<progress class=\"storage__meter\" max=\"{}\" value=\"{}\" aria-label=\"{}\"></progress><p data-testid=\"storage-usage\">{} {}</p>",
        &[
            &usage.quota_bytes.to_string(),
            &(usage.cohorte_bytes + usage.other_bytes).to_string(),
            text::USAGE_LABEL,
            &usage_text(usage, metas),
            &other,
        ],
    );
    html.finish()
}

/// The stored imports by campaign and the damaged entries: the parts of the panel that change
/// with what is stored.
fn stored_html(metas: &[SnapshotMeta], damaged: &[DamagedEntry]) -> String {
    let mut html = Html::new();
    let groups = groups(metas);
    html.fill(
        "<h3>{}</h3><p class=\"empty\">{}</p><ul class=\"storage__campaigns\">",
        &[
            text::SNAPSHOTS_TITLE,
            if groups.is_empty() {
                text::NOTHING_STORED
            } else {
                ""
            },
        ],
    );
    for group in &groups {
        let id = group.id.to_string();
        html.fill(
            "<li class=\"storage__campaign\" data-testid=\"storage-campaign\" data-campaign-id=\"{}\"><div class=\"storage__campaign-head\"><div><strong>{}</strong> <span class=\"storage__sub\">{}</span></div><button type=\"button\" class=\"button button--link button--danger-link\" data-testid=\"delete-campaign\" data-action=\"delete-campaign\" data-id=\"{}\">{}</button></div><ul class=\"storage__snapshots\">",
            &[
                &id,
                &group.name,
                &text::campaign_line(group.snapshots.len(), group.bytes),
                &id,
                text::DELETE_CAMPAIGN,
            ],
        );
        for meta in &group.snapshots {
            let snapshot_id = meta.id.to_string();
            let state_date = meta
                .latest_activity
                .map(|d| d.french())
                .unwrap_or_else(|| "—".to_owned());
            html.fill(
                "<li class=\"storage__snapshot\" data-testid=\"storage-snapshot\" data-snapshot-id=\"{}\"><span class=\"storage__file\">{}</span><span class=\"storage__sub\">{}</span><button type=\"button\" class=\"button button--link button--danger-link\" data-testid=\"delete-snapshot\" data-action=\"delete-snapshot\" data-id=\"{}\">{}</button></li>",
                &[
                    &snapshot_id,
                    &meta.file_name,
                    &text::snapshot_line(
                        &format_timestamp(meta.imported_at_ms),
                        &state_date,
                        meta.rows,
                        meta.bytes,
                    ),
                    &snapshot_id,
                    text::DELETE,
                ],
            );
        }
        html.fill("</ul></li>", &[]);
    }
    html.fill("</ul>", &[]);
    if !damaged.is_empty() {
        html.fill(
            "<h3>{}</h3><p class=\"storage__hint\">{}</p><ul class=\"storage__snapshots\">",
            &[text::DAMAGED_TITLE, text::DAMAGED_HINT],
        );
        for entry in damaged {
            html.fill(
                "<li class=\"storage__snapshot\" data-testid=\"damaged-entry\"><span class=\"storage__file mono\">{}</span><span class=\"storage__sub\">{}</span><button type=\"button\" class=\"button button--link button--danger-link\" data-testid=\"delete-damaged\" data-action=\"delete-damaged\" data-key=\"{}\">{}</button></li>",
                &[&entry.key, &text::size(entry.bytes), &entry.key, text::DELETE],
            );
        }
        html.fill("</ul>", &[]);
    }
    html.finish()
}

fn message_html(message: Option<&Message>) -> String {
    let mut html = Html::new();
    if let Some(message) = message {
        let (status, role) = if message.ok {
            ("ok", "status")
        } else {
            ("error", "alert")
        };
        html.fill(
            "<p class=\"storage__message storage__message--{}\" role=\"{}\" data-testid=\"storage-message\" data-status=\"{}\">{}</p>",
            &[status, role, status, &message.text],
        );
    }
    html.finish()
}

/// Backing up, restoring and erasing: fixed controls, served by the panel's listeners.
fn blocks_html() -> String {
    let mut html = Html::new();
    html.fill(
        "<div class=\"storage__block\"><h3>{}</h3><p class=\"storage__hint\">{}</p><button type=\"button\" class=\"button button--primary\" data-testid=\"backup-download\" data-action=\"backup\">{}</button><fieldset class=\"storage__mode\"><legend>{}</legend><label><input type=\"radio\" name=\"restore-mode\" value=\"merge\" data-testid=\"restore-mode-merge\" checked>{}</label><label><input type=\"radio\" name=\"restore-mode\" value=\"replace\" data-testid=\"restore-mode-replace\">{}</label><label class=\"button button--secondary\">{}<input class=\"visually-hidden\" type=\"file\" accept=\".json,application/json\" data-testid=\"backup-restore\" data-action=\"restore\"></label></fieldset></div><div class=\"storage__block\"><h3>{}</h3><p class=\"storage__hint\">{}</p><button type=\"button\" class=\"button button--danger\" data-testid=\"erase-all\" data-action=\"erase-all\">{}</button></div>",
        &[
            text::BACKUP_TITLE,
            text::BACKUP_HINT,
            text::BACKUP_DOWNLOAD,
            text::RESTORE_MODE,
            text::RESTORE_MERGE,
            text::RESTORE_REPLACE,
            text::RESTORE_PICK,
            text::ERASE_TITLE,
            text::ERASE_HINT,
            text::ERASE_ALL,
        ],
    );
    html.finish()
}
