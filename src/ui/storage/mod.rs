//! What is kept in this browser, and the user's hands on it: sizes, deleting, erasing
//! everything, backing up and restoring.

use leptos::prelude::*;

use crate::store::{CheckedBackup, DamagedEntry, RestoreMode, SnapshotMeta, StoreError, Usage};
use crate::ui::error::{UiError, UiErrorKind};
use crate::ui::state::{format_timestamp, opened_from_file, use_state};
use crate::ui::text::roster as tr;
use crate::ui::text::storage as text;
use crate::ui::widgets::download::{download_text, today_iso};

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

/// A refused backup download or restore read, in the words this panel uses for the
/// browser's refusals.
fn refusal(error: &UiError) -> String {
    match error.kind() {
        UiErrorKind::Download { detail } => text::browser_refused(detail),
        UiErrorKind::Unreadable => text::browser_refused(text::READ_FAILED),
    }
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
    let restore_mode = RwSignal::new(RestoreMode::Merge);

    let metas = Memo::new(move |_| {
        state
            .snapshots()
            .with(|all| all.iter().map(|s| s.meta.clone()).collect::<Vec<_>>())
    });
    let campaign_groups = Memo::new(move |_| metas.with(|metas| groups(metas)));

    let show = move |result: Result<String, String>| {
        message.set(Some(match result {
            Ok(text) => Message { ok: true, text },
            Err(text) => Message { ok: false, text },
        }));
        // A deleted entry took the focus with it: the message, which says what happened,
        // takes it.
        request_animation_frame(|| {
            if let Some(message) =
                document()
                    .get_element_by_id("storage-message")
                    .and_then(|element| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok()
                    })
            {
                let _ = message.focus();
            }
        });
    };
    let report = move |result: Result<String, StoreError>| show(result.map_err(|e| e.to_string()));
    let delete_snapshot = move |id: u32, file: String| {
        if confirmed(&text::confirm_delete_snapshot(&file)) {
            report(state.delete_snapshot(id).map(|()| text::deleted(1)));
        }
    };
    let delete_campaign = move |id: u64, name: String, count: usize| {
        if confirmed(&text::confirm_delete_campaign(&name, count)) {
            report(state.delete_campaign(id).map(text::deleted));
        }
    };
    let backup = move |_| {
        let file = text::backup_file_name(&today_iso());
        let result = state
            .backup_text()
            .map_err(|error| error.to_string())
            .and_then(|json| {
                download_text(&file, "application/json", &json)
                    .map(|()| text::backup_saved(&file))
                    .map_err(|error| refusal(&error))
            });
        show(result);
    };
    let erase = move |_| {
        if confirmed(&text::confirm_erase(
            state.snapshots().with_untracked(Vec::len),
            state.roster().with_untracked(Option::is_some),
        )) {
            report(state.erase_all().map(|()| text::ERASED.to_owned()));
        }
    };
    let restore = move |event: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Picking the same file again must fire `change` again.
        input.set_value("");
        message.set(None);
        let chosen = restore_mode.get_untracked();
        let stored = state.snapshots().with_untracked(Vec::len);
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
                None => Err(refusal(&UiError::new(
                    &file.name(),
                    UiErrorKind::Unreadable,
                ))),
                Some(content) => state
                    .restore_backup(&content, chosen, proceed)
                    .map(|report| match report {
                        Some(r) => {
                            text::restored(r.added, r.already_present, r.removed, r.roster_restored)
                                + &crate::ui::text::results::restored_classes(r.result_classes)
                                + &crate::ui::text::sessions::restored_plans(r.plans_restored)
                        }
                        None => text::RESTORE_CANCELLED.to_owned(),
                    })
                    .map_err(|error| error.to_string()),
            };
            show(result.map_err(|problem| text::restore_refused(&file.name(), &problem)));
        });
    };

    let delete_roster = move |_| {
        if confirmed(tr::CONFIRM_DELETE) {
            report(state.delete_roster().map(|()| tr::DELETED.to_owned()));
        }
    };
    // The roster's export date beside the newest export's, so that an old list shows.
    let roster_entry = move || {
        let held = state.roster().get();
        let newest_export =
            metas.with(|metas| metas.iter().filter_map(|m| m.latest_activity).max());
        match held {
            None => view! { <p class="empty" data-testid="roster-none">{tr::STORAGE_NONE}</p> }
                .into_any(),
            Some(held) => {
                let report = held.roster.report();
                let line = tr::storage_line(
                    &report.file_name,
                    report.exported_on.map(|d| d.to_string()),
                    report.students,
                    report.classes,
                );
                let imported = tr::imported_on(&format_timestamp(held.imported_at_ms));
                let exports = newest_export.map(|date| tr::newest_export(&date.french()));
                view! {
                    <ul class="storage__snapshots">
                        <li
                            class="storage__snapshot"
                            data-testid="roster-entry"
                            data-students=report.students.to_string()
                            data-exported-on=report.exported_on.map(|d| d.to_string())
                        >
                            <span class="storage__file">{line}</span>
                            <span class="storage__sub">{imported}</span>
                            {exports.map(|text| view! { <span class="storage__sub">{text}</span> })}
                            <button
                                type="button"
                                class="button button--link button--danger-link"
                                data-testid="delete-roster"
                                on:click=delete_roster
                            >
                                {tr::DELETE_ROSTER}
                            </button>
                        </li>
                    </ul>
                }
                .into_any()
            }
        }
    };

    // localStorage is not reactive: usage is re-read whenever what is stored changes.
    let usage = move || {
        metas.track();
        state.damaged().track();
        state.storage_usage().map(|usage| {
            let other = if usage.other_bytes > 0 {
                text::other_data(usage.other_bytes)
            } else {
                String::new()
            };
            let summary = metas.with(|metas| usage_text(usage, metas));
            view! {
                <progress
                    class="storage__meter"
                    max=usage.quota_bytes.to_string()
                    value=(usage.cohorte_bytes + usage.other_bytes).to_string()
                    aria-label=text::USAGE_LABEL
                ></progress>
                <p data-testid="storage-usage">{summary} " " {other}</p>
            }
        })
    };

    view! {
        <section class="storage" aria-labelledby="storage-title" data-testid="storage-panel">
            <h2 id="storage-title">{text::TITLE}</h2>
            <p class="notice">{text::ONLY_HERE}</p>
            <Show when=move || opened_from_file() && !metas.with(Vec::is_empty)>
                <p class="notice notice--warn" data-testid="file-origin-notice">{text::FILE_ORIGIN}</p>
            </Show>
            <p class="notice notice--warn">{text::SAFARI}</p>
            <div class="storage__usage">{usage}</div>
            <div class="storage__live">
                <h3>{tr::STORAGE_TITLE}</h3>
                {roster_entry}
                <h3>{text::SNAPSHOTS_TITLE}</h3>
                <Show when=move || campaign_groups.with(Vec::is_empty)>
                    <p class="empty">{text::NOTHING_STORED}</p>
                </Show>
                <ul class="storage__campaigns">
                    <For
                        each=move || campaign_groups.get()
                        key=|group| (group.id, group.snapshots.iter().map(|meta| meta.id).collect::<Vec<_>>())
                        children=move |group| {
                            let (id, name, count) = (group.id, group.name.clone(), group.snapshots.len());
                            view! {
                                <li class="storage__campaign" data-testid="storage-campaign" data-campaign-id=id.to_string()>
                                    <div class="storage__campaign-head">
                                        <div>
                                            <strong>{group.name.clone()}</strong>
                                            " "
                                            <span class="storage__sub">{text::campaign_line(count, group.bytes)}</span>
                                        </div>
                                        <button
                                            type="button"
                                            class="button button--link button--danger-link"
                                            data-testid="delete-campaign"
                                            on:click=move |_| delete_campaign(id, name.clone(), count)
                                        >
                                            {text::DELETE_CAMPAIGN}
                                        </button>
                                    </div>
                                    <ul class="storage__snapshots">
                                        {group.snapshots.into_iter().map(|meta| view! {
                                            <SnapshotLine meta=meta on_delete=move |(id, file)| delete_snapshot(id, file) />
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }
                        }
                    />
                </ul>
                <Show when=move || state.damaged().with(|damaged| !damaged.is_empty())>
                    <h3>{text::DAMAGED_TITLE}</h3>
                    <p class="storage__hint">{text::DAMAGED_HINT}</p>
                    <ul class="storage__snapshots">
                        <For
                            each=move || state.damaged().get()
                            key=|entry: &DamagedEntry| entry.key.clone()
                            children=move |entry| {
                                let key = entry.key.clone();
                                view! {
                                    <li class="storage__snapshot" data-testid="damaged-entry">
                                        <span class="storage__file mono">{entry.key.clone()}</span>
                                        <span class="storage__sub">{text::size(entry.bytes)}</span>
                                        <button
                                            type="button"
                                            class="button button--link button--danger-link"
                                            data-testid="delete-damaged"
                                            on:click=move |_| report(state.remove_damaged(&key).map(|()| text::deleted(1)))
                                        >
                                            {text::DELETE}
                                        </button>
                                    </li>
                                }
                            }
                        />
                    </ul>
                </Show>
            </div>
            // Apart from the list: a status or alert is announced again whenever it is written anew.
            <div class="storage__live">
                {move || message.get().map(|message| {
                    let (status, role) = if message.ok { ("ok", "status") } else { ("error", "alert") };
                    view! {
                        <p
                            class=format!("storage__message storage__message--{status}")
                            role=role
                            data-testid="storage-message"
                            id="storage-message"
                            tabindex="-1"
                            data-status=status
                        >
                            {message.text}
                        </p>
                    }
                })}
            </div>
            <div class="storage__blocks">
                <div class="storage__block">
                    <h3>{text::BACKUP_TITLE}</h3>
                    <p class="storage__hint">{text::BACKUP_HINT}</p>
                    <button type="button" class="button button--primary" data-testid="backup-download" on:click=backup>
                        {text::BACKUP_DOWNLOAD}
                    </button>
                    <fieldset class="storage__mode">
                        <legend>{text::RESTORE_MODE}</legend>
                        <ModeChoice chosen=restore_mode mode=RestoreMode::Merge value="merge" label=text::RESTORE_MERGE />
                        <ModeChoice chosen=restore_mode mode=RestoreMode::Replace value="replace" label=text::RESTORE_REPLACE />
                        <label class="button button--secondary">
                            {text::RESTORE_PICK}
                            <input
                                class="visually-hidden"
                                type="file"
                                accept=".json,application/json"
                                data-testid="backup-restore"
                                on:change=restore
                            />
                        </label>
                    </fieldset>
                </div>
                <div class="storage__block">
                    <h3>{text::ERASE_TITLE}</h3>
                    <p class="storage__hint">{text::ERASE_HINT}</p>
                    <button type="button" class="button button--danger" data-testid="erase-all" on:click=erase>
                        {text::ERASE_ALL}
                    </button>
                </div>
            </div>
        </section>
    }
}

/// One stored import, with its delete button.
#[component]
fn SnapshotLine(
    meta: SnapshotMeta,
    #[prop(into)] on_delete: Callback<(u32, String)>,
) -> impl IntoView {
    let state_date = meta
        .latest_activity
        .map(|d| d.french())
        .unwrap_or_else(|| "—".to_owned());
    let (id, file) = (meta.id, meta.file_name.clone());
    view! {
        <li class="storage__snapshot" data-testid="storage-snapshot" data-snapshot-id=meta.id.to_string()>
            <span class="storage__file">{meta.file_name.clone()}</span>
            <span class="storage__sub">
                {text::snapshot_line(&format_timestamp(meta.imported_at_ms), &state_date, meta.rows, meta.bytes)}
            </span>
            <button
                type="button"
                class="button button--link button--danger-link"
                data-testid="delete-snapshot"
                on:click=move |_| on_delete.run((id, file.clone()))
            >
                {text::DELETE}
            </button>
        </li>
    }
}

/// One radio button of the restore mode.
#[component]
fn ModeChoice(
    chosen: RwSignal<RestoreMode>,
    mode: RestoreMode,
    value: &'static str,
    label: &'static str,
) -> impl IntoView {
    view! {
        <label>
            <input
                type="radio"
                name="restore-mode"
                value=value
                data-testid=format!("restore-mode-{value}")
                prop:checked=move || chosen.get() == mode
                on:change=move |_| chosen.set(mode)
            />
            {label}
        </label>
    }
}
