//! The campaign list: search by name or code, filter by type, archive, sort by every column,
//! 25 per page. Summaries are computed once per change of the stored snapshots.

use std::collections::{BTreeMap, HashSet};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::campaigns::{
    page_bounds, select_campaigns, ArchiveFilter, CampaignColumn, CampaignQuery, CampaignSummary,
    CAMPAIGNS_PER_PAGE,
};
use crate::domain::html::Html;
use crate::domain::route::{Route, TableView};
use crate::domain::snapshot::CampaignKind;
use crate::store::prefs::Prefs;
use crate::ui::delegate;
use crate::ui::pagination::Pagination;
use crate::ui::sort_header::{head_cells_html, show_sort};
use crate::ui::state::{clicked_data, use_state, StoredSnapshot};
use crate::ui::text;
use crate::ui::text::campaign as tc;

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

fn summaries(snapshots: &[StoredSnapshot]) -> Vec<CampaignSummary> {
    let mut counts_by_campaign: BTreeMap<u64, usize> = BTreeMap::new();
    for snapshot in snapshots {
        *counts_by_campaign
            .entry(snapshot.meta.campaign_id)
            .or_default() += 1;
    }
    counts_by_campaign
        .into_iter()
        .filter_map(|(id, count)| {
            latest_snapshot(snapshots, id).map(|latest| CampaignSummary::of(&latest.data, count))
        })
        .collect()
}

#[component]
pub fn CampaignList() -> impl IntoView {
    let state = use_state();
    let query = RwSignal::new(CampaignQuery::default());
    let page = RwSignal::new(1usize);
    let archived = RwSignal::new(match Prefs::load() {
        Ok(prefs) => prefs.archived_set(),
        Err(error) => {
            state
                .app_errors
                .update(|errors| errors.push(error.to_string()));
            HashSet::new()
        }
    });
    let all = Memo::new(move |_| state.snapshots.with(|snapshots| summaries(snapshots)));
    let selected = Memo::new(move |_| {
        all.with(|all| {
            query.with(|query| archived.with(|archived| select_campaigns(all, query, archived)))
        })
    });
    let total = Signal::derive(move || selected.with(Vec::len));
    let visible = move || {
        let (start, end, _, _) = page_bounds(total.get(), CAMPAIGNS_PER_PAGE, page.get());
        all.with(|all| {
            selected.with(|selected| {
                selected[start..end]
                    .iter()
                    .map(|&i| all[i].clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let set_query = move |change: &dyn Fn(&mut CampaignQuery)| {
        query.update(|query| change(query));
        page.set(1);
    };
    let toggle_archive = move |id: u64| {
        let archive = !archived.with_untracked(|set| set.contains(&id));
        match Prefs::set_archived(id, archive) {
            Ok(prefs) => archived.set(prefs.archived_set()),
            Err(error) => state
                .app_errors
                .update(|errors| errors.push(error.to_string())),
        }
    };

    // Rows are HTML (see `domain::html`): one listener serves their links, buttons and rows.
    let on_row_click = move |event: leptos::ev::MouseEvent| {
        let action = delegate::action(&event).map(|(action, _)| action);
        let Some(id) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("[data-campaign-id]").ok().flatten())
            .and_then(|row| delegate::number::<u64>(&row, "data-campaign-id"))
        else {
            return;
        };
        if action.as_deref() == Some("archive") {
            toggle_archive(id);
            // The rows were written anew: the button the user pressed gets the focus back.
            request_animation_frame(move || {
                delegate::focus(&format!(
                    "[data-testid='campaign-row'][data-campaign-id='{id}'] [data-action='archive']"
                ))
            });
            return;
        }
        // The name's link opens the campaign in the app, as anywhere else on the row does.
        if action.as_deref() == Some("open") {
            event.prevent_default();
        }
        state.navigate(Route::Campaign {
            id,
            view: TableView::default(),
        });
    };

    // Both pickers share one listener.
    let on_filter_change = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        match delegate::action(&event)
            .map(|(action, _)| action)
            .as_deref()
        {
            Some("kind") => {
                let kind = match value.as_str() {
                    "profiles-collection" => Some(CampaignKind::ProfilesCollection),
                    "assessment" => Some(CampaignKind::Assessment),
                    _ => None,
                };
                set_query(&|q| q.kind = kind);
            }
            Some("archive-filter") => {
                let archive = ArchiveFilter::from_slug(&value);
                set_query(&|q| q.archive = archive);
            }
            _ => {}
        }
    };

    let head = NodeRef::<leptos::html::Thead>::new();
    Effect::new(move |_| {
        let (column, descending) = query.with(|q| (q.column, q.descending));
        if let Some(head) = head.get() {
            show_sort(&head, column_key(column), descending);
        }
    });
    let on_sort = move |event: leptos::ev::MouseEvent| {
        let Some(column) = clicked_data(&event, "data-sort-by").and_then(|key| {
            HEAD.iter()
                .find(|(_, cell_key, _, _)| *cell_key == key)
                .map(|(column, _, _, _)| *column)
        }) else {
            return;
        };
        let numeric = column_numeric(column);
        set_query(&|q| {
            // Numbers and dates open with the largest first, text from A to Z.
            let first_descending = numeric || column == CampaignColumn::Latest;
            q.descending = if q.column == column {
                !q.descending
            } else {
                first_descending
            };
            q.column = column;
        })
    };

    view! {
        <section class="campaigns" aria-labelledby="campaigns-title">
            <div class="section-head">
                <h2 id="campaigns-title">{text::CAMPAIGNS_TITLE}</h2>
            </div>
            <Show
                when=move || !all.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">{text::CAMPAIGNS_EMPTY}</p> }
            >
                <form class="filters" role="search" aria-label=text::FILTERS on:submit=|event| event.prevent_default() on:change=on_filter_change>
                    <label class="field">
                        <span class="field__label">{tc::LIST_SEARCH}</span>
                        <input
                            type="search"
                            data-testid="campaign-search"
                            placeholder=tc::LIST_SEARCH_PLACEHOLDER
                            prop:value=move || query.with(|q| q.search.clone())
                            on:input=move |event| {
                                let search = event_target_value(&event);
                                set_query(&|q| q.search = search.clone());
                            }
                        />
                    </label>
                    <label class="field">
                        <span class="field__label">{tc::LIST_KIND}</span>
                        <select
                            data-testid="campaign-kind"
                            prop:value=move || query.with(|q| q.kind.map(CampaignKind::slug).unwrap_or("all"))
                            data-action="kind"
                        >
                            <option value="all">{tc::LIST_KIND_ALL}</option>
                            <option value="profiles-collection">{text::KIND_PROFILES}</option>
                            <option value="assessment">{text::KIND_ASSESSMENT}</option>
                        </select>
                    </label>
                    <label class="field">
                        <span class="field__label">{tc::LIST_ARCHIVE}</span>
                        <select
                            data-testid="campaign-archived"
                            prop:value=move || query.with(|q| q.archive.slug())
                            data-action="archive-filter"
                        >
                            <option value="active">{tc::LIST_ARCHIVE_ACTIVE}</option>
                            <option value="archived">{tc::LIST_ARCHIVE_ARCHIVED}</option>
                            <option value="all">{tc::LIST_ARCHIVE_ALL}</option>
                        </select>
                    </label>
                    <button type="button" class="button button--link" on:click=move |_| set_query(&|q| *q = CampaignQuery::default())>
                        {text::FILTER_CLEAR}
                    </button>
                    <p class="filters__count" aria-live="polite" data-testid="campaigns-count">
                        {move || tc::campaigns_counter(total.get())}
                    </p>
                </form>
                <div class="table-scroll">
                    <table class="table table--stack campaigns-table">
                        <caption>{tc::LIST_CAPTION}</caption>
                        <thead
                            node_ref=head
                            on:click=on_sort
                            inner_html=query.with_untracked(|q| head_html(q.column, q.descending))
                        ></thead>
                        <tbody
                            inner_html=move || {
                                let rows = visible();
                                archived.with(|archived| rows_html(&rows, archived))
                            }
                            on:click=on_row_click
                        ></tbody>
                    </table>
                </div>
                <Show when=move || total.get() == 0>
                    <p class="empty">{tc::LIST_NO_MATCH}</p>
                </Show>
                <Pagination
                    total=total
                    page=page
                    page_size=Signal::derive(|| CAMPAIGNS_PER_PAGE)
                    testid_prefix="campaigns-"
                    on_page={move |p: usize| page.set(p)}
                />
            </Show>
        </section>
    }
}

/// The columns: key (`data-sort-by`, test ids `campaign-sort-{key}`), label, numeric.
const HEAD: [(CampaignColumn, &str, &str, bool); 9] = [
    (CampaignColumn::Name, "name", text::COL_CAMPAIGN, false),
    (CampaignColumn::Code, "code", text::COL_CODE, false),
    (CampaignColumn::Kind, "kind", text::COL_TYPE, false),
    (
        CampaignColumn::Organisation,
        "organisation",
        text::COL_ORGANISATION,
        false,
    ),
    (
        CampaignColumn::Participants,
        "participants",
        text::COL_PARTICIPANTS,
        true,
    ),
    (
        CampaignColumn::Received,
        "received",
        tc::COL_RECEIVED_BOTH,
        true,
    ),
    (
        CampaignColumn::Certifiable,
        "certifiable",
        text::COL_CERTIFIABLE_COUNT,
        true,
    ),
    (CampaignColumn::Latest, "latest", tc::COL_LATEST, false),
    (
        CampaignColumn::Snapshots,
        "snapshots",
        tc::COL_SNAPSHOTS,
        true,
    ),
];

fn column_key(column: CampaignColumn) -> &'static str {
    HEAD.iter()
        .find(|(c, _, _, _)| *c == column)
        .map_or("", |(_, key, _, _)| key)
}

fn column_numeric(column: CampaignColumn) -> bool {
    HEAD.iter()
        .any(|(c, _, _, numeric)| *c == column && *numeric)
}

fn head_html(column: CampaignColumn, descending: bool) -> String {
    let cells = HEAD.map(|(_, key, label, numeric)| (key, label, numeric));
    let mut html = Html::new();
    html.raw("<tr>")
        .raw(&head_cells_html(
            &cells,
            "campaign-sort-",
            column_key(column),
            descending,
        ))
        .fill(
            "<th scope=\"col\"><span class=\"visually-hidden\">{}</span></th></tr>",
            &[tc::COL_ACTIONS],
        );
    html.finish()
}

fn rows_html(summaries: &[CampaignSummary], archived: &HashSet<u64>) -> String {
    let mut html = Html::new();
    for summary in summaries {
        let id = summary.id.to_string();
        let is_archived = archived.contains(&summary.id);
        let certifiable = match (summary.certifiable, summary.certifiable_percent()) {
            (Some(n), Some(percent)) => format!("{n} ({percent} %)"),
            _ => "—".to_owned(),
        };
        let received_label = match summary.kind {
            CampaignKind::ProfilesCollection => text::COL_RECEIVED,
            CampaignKind::Assessment => text::COL_RESULTS_RECEIVED,
        };
        let (row_class, archived_flag, action) = if is_archived {
            ("campaign-row campaign-row--archived", "true", tc::UNARCHIVE)
        } else {
            ("campaign-row", "false", tc::ARCHIVE)
        };
        html.fill(
            "<tr class=\"{}\" data-testid=\"campaign-row\" data-campaign-id=\"{}\" data-kind=\"{}\" data-participants=\"{}\" data-name=\"{}\" data-archived=\"{}\"><th scope=\"row\"><a href=\"#/campagne/{}\" data-action=\"open\">{}</a>",
            &[
                row_class,
                &id,
                summary.kind.slug(),
                &summary.participants.to_string(),
                &summary.name,
                archived_flag,
                &id,
                &summary.name,
            ],
        );
        if is_archived {
            html.fill(
                " <span class=\"tag tag--muted\">{}</span>",
                &[tc::ARCHIVED_TAG],
            );
        }
        html.fill(
            "</th><td class=\"mono\" data-label=\"{}\">{}</td><td data-label=\"{}\"><span class=\"kind kind--{}\">{}</span></td><td data-label=\"{}\">{}</td><td class=\"num\" data-label=\"{}\">{}</td><td class=\"num\" data-label=\"{}\">{}</td><td class=\"num\" data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td class=\"num\" data-label=\"{}\">{}</td><td><button type=\"button\" class=\"button button--link\" data-testid=\"campaign-archive\" data-action=\"archive\" aria-label=\"{}\">{}</button></td></tr>",
            &[
                text::COL_CODE,
                summary.code.as_deref().unwrap_or(text::NO_CODE),
                text::COL_TYPE,
                summary.kind.slug(),
                text::kind_label(summary.kind),
                text::COL_ORGANISATION,
                &summary.organisation,
                text::COL_PARTICIPANTS,
                &summary.participants.to_string(),
                received_label,
                &summary.received.to_string(),
                text::COL_CERTIFIABLE_COUNT,
                &certifiable,
                tc::COL_LATEST,
                &summary
                    .latest
                    .map(|d| d.french_date())
                    .unwrap_or_else(|| "—".to_owned()),
                tc::COL_SNAPSHOTS,
                &tc::snapshots_count(summary.snapshots),
                &tc::archive_label(is_archived, &summary.name),
                action,
            ],
        );
    }
    html.finish()
}
