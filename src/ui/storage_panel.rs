//! What is kept in this browser, and the user's hands on it: sizes, deleting, erasing
//! everything, backing up and restoring.

use leptos::prelude::*;

use crate::store::{RestoreMode, SnapshotMeta, StoreError, Usage};
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
    let mode = RwSignal::new(RestoreMode::Merge);

    let metas = Memo::new(move |_| {
        state
            .snapshots
            .with(|all| all.iter().map(|s| s.meta.clone()).collect::<Vec<_>>())
    });
    // localStorage is not reactive: usage is re-read whenever what is stored changes.
    let usage = Memo::new(move |_| {
        metas.track();
        state.damaged.track();
        state.storage_usage()
    });

    let report = move |result: Result<String, StoreError>| {
        message.set(Some(match result {
            Ok(text) => Message { ok: true, text },
            Err(error) => Message {
                ok: false,
                text: error.to_string(),
            },
        }));
    };

    let erase_all = move |_| {
        if confirmed(&text::confirm_erase(metas.with(Vec::len))) {
            report(state.erase_all().map(|()| text::ERASED.to_owned()));
        }
    };

    let download = move |_| {
        let file = text::backup_file_name(&today_iso());
        let result = state.backup_text().and_then(|json| {
            download_text(&file, "application/json", &json)
                .map(|()| text::backup_saved(&file))
                .map_err(StoreError::Browser)
        });
        report(result);
    };

    let restore = move |event: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Picking the same file again must fire `change` again.
        input.set_value("");
        message.set(None);
        let chosen = mode.get_untracked();
        leptos::task::spawn_local(async move {
            let content = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|value| value.as_string());
            let result = match content {
                None => Err(StoreError::Browser(text::READ_FAILED.to_owned())),
                Some(content) => state
                    .restore_backup(&content, chosen)
                    .map(|r| text::restored(r.added, r.already_present, r.removed)),
            };
            report(result);
        });
    };

    let campaigns = move || {
        let groups = metas.with(|m| groups(m));
        let empty = groups.is_empty().then_some(text::NOTHING_STORED);
        let items = groups
            .into_iter()
            .map(|group| {
                let (id, name, count) = (group.id, group.name.clone(), group.snapshots.len());
                let delete_campaign = move |_| {
                    if confirmed(&text::confirm_delete_campaign(&name, count)) {
                        report(state.delete_campaign(id).map(text::deleted));
                    }
                };
                let snapshots = group
                    .snapshots
                    .iter()
                    .map(|meta| {
                        let (snapshot_id, file) = (meta.id, meta.file_name.clone());
                        let delete = move |_| {
                            if confirmed(&text::confirm_delete_snapshot(&file)) {
                                report(state.delete_snapshot(snapshot_id).map(|()| text::deleted(1)));
                            }
                        };
                        let state_date = meta
                            .latest_activity
                            .map(|d| d.french())
                            .unwrap_or_else(|| "—".to_owned());
                        let line = text::snapshot_line(
                            &format_timestamp(meta.imported_at_ms),
                            &state_date,
                            meta.rows,
                            meta.bytes,
                        );
                        view! {
                            <li class="storage__snapshot" data-testid="storage-snapshot" data-snapshot-id=snapshot_id.to_string()>
                                <span class="storage__file">{meta.file_name.clone()}</span>
                                <span class="storage__sub">{line}</span>
                                <button type="button" class="button button--link button--danger-link" data-testid="delete-snapshot" on:click=delete>
                                    {text::DELETE}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="storage__campaign" data-testid="storage-campaign" data-campaign-id=id.to_string()>
                        <div class="storage__campaign-head">
                            <div>
                                <strong>{group.name}</strong>
                                " "
                                <span class="storage__sub">{text::campaign_line(count, group.bytes)}</span>
                            </div>
                            <button type="button" class="button button--link button--danger-link" data-testid="delete-campaign" on:click=delete_campaign>
                                {text::DELETE_CAMPAIGN}
                            </button>
                        </div>
                        <ul class="storage__snapshots">{snapshots}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="empty">{empty}</p>
            <ul class="storage__campaigns">{items}</ul>
        }
    };

    let damaged = move || {
        let entries = state.damaged.get();
        (!entries.is_empty()).then(|| {
            let items = entries
                .into_iter()
                .map(|entry| {
                    let key = entry.key.clone();
                    let delete = move |_| report(state.remove_damaged(&key).map(|()| text::deleted(1)));
                    view! {
                        <li class="storage__snapshot" data-testid="damaged-entry">
                            <span class="storage__file mono">{entry.key}</span>
                            <span class="storage__sub">{text::size(entry.bytes)}</span>
                            <button type="button" class="button button--link button--danger-link" data-testid="delete-damaged" on:click=delete>
                                {text::DELETE}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{text::DAMAGED_TITLE}</h3>
                <p class="storage__hint">{text::DAMAGED_HINT}</p>
                <ul class="storage__snapshots">{items}</ul>
            }
        })
    };

    let usage_view = move || {
        usage.get().map(|usage| {
            let used = usage.cohorte_bytes + usage.other_bytes;
            let other = (usage.other_bytes > 0).then(|| text::other_data(usage.other_bytes));
            view! {
                <progress class="storage__meter" max=usage.quota_bytes value=used aria-label=text::USAGE_LABEL></progress>
                <p data-testid="storage-usage">{metas.with(|m| usage_text(usage, m))} " " {other}</p>
            }
        })
    };

    let message_view = move || {
        message.get().map(|m| {
            let status = if m.ok { "ok" } else { "error" };
            view! {
                <p
                    class=format!("storage__message storage__message--{status}")
                    role=if m.ok { "status" } else { "alert" }
                    data-testid="storage-message"
                    data-status=status
                >{m.text}</p>
            }
        })
    };

    view! {
        <section class="storage" aria-labelledby="storage-title" data-testid="storage-panel">
            <h2 id="storage-title">{text::TITLE}</h2>
            <p class="notice">{text::ONLY_HERE}</p>
            <p class="notice notice--warn">{text::SAFARI}</p>
            <div class="storage__usage">{usage_view}</div>
            <h3>{text::SNAPSHOTS_TITLE}</h3>
            {campaigns}
            {damaged}
            {message_view}
            <div class="storage__blocks">
                <div class="storage__block">
                    <h3>{text::BACKUP_TITLE}</h3>
                    <p class="storage__hint">{text::BACKUP_HINT}</p>
                    <button type="button" class="button button--primary" data-testid="backup-download" on:click=download>
                        {text::BACKUP_DOWNLOAD}
                    </button>
                    <fieldset class="storage__mode">
                        <legend>{text::RESTORE_MODE}</legend>
                        <label>
                            <input type="radio" name="restore-mode" value="merge" data-testid="restore-mode-merge" checked
                                on:change=move |_| mode.set(RestoreMode::Merge) />
                            {text::RESTORE_MERGE}
                        </label>
                        <label>
                            <input type="radio" name="restore-mode" value="replace" data-testid="restore-mode-replace"
                                on:change=move |_| mode.set(RestoreMode::Replace) />
                            {text::RESTORE_REPLACE}
                        </label>
                        <label class="button button--secondary">
                            {text::RESTORE_PICK}
                            <input class="visually-hidden" type="file" accept=".json,application/json" data-testid="backup-restore" on:change=restore />
                        </label>
                    </fieldset>
                </div>
                <div class="storage__block">
                    <h3>{text::ERASE_TITLE}</h3>
                    <p class="storage__hint">{text::ERASE_HINT}</p>
                    <button type="button" class="button button--danger" data-testid="erase-all" on:click=erase_all>
                        {text::ERASE_ALL}
                    </button>
                </div>
            </div>
        </section>
    }
}
