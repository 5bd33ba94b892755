use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::cohort::{percent, profile_students, AssessmentCounts, ProfileCounts};
use crate::domain::route::{Route, TableView};
use crate::domain::snapshot::{CampaignKind, LocalDateTime, Rows};
use crate::domain::text::fold;
use crate::ui::state::{use_state, StoredSnapshot};
use crate::ui::text;

/// One line of the campaign list, from the campaign's latest snapshot.
#[derive(Clone, Debug, PartialEq)]
struct CampaignSummary {
    id: u64,
    name: String,
    code: Option<String>,
    kind: CampaignKind,
    organisation: String,
    participants: usize,
    received: usize,
    certifiable: Option<usize>,
    latest: Option<LocalDateTime>,
    snapshots: usize,
    /// Id of the latest snapshot: the row is re-rendered when it changes.
    latest_snapshot_id: u32,
    search_key: String,
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

fn summaries(snapshots: &[StoredSnapshot]) -> Vec<CampaignSummary> {
    let mut counts_by_campaign: BTreeMap<u64, usize> = BTreeMap::new();
    for snapshot in snapshots {
        *counts_by_campaign
            .entry(snapshot.meta.campaign_id)
            .or_default() += 1;
    }
    let mut summaries: Vec<CampaignSummary> = counts_by_campaign
        .into_iter()
        .filter_map(|(id, count)| {
            let latest = latest_snapshot(snapshots, id)?;
            let campaign = &latest.data.campaign;
            let (participants, received, certifiable) = match &latest.data.rows {
                Rows::Profiles(rows) => {
                    let counts = ProfileCounts::of(rows, &profile_students(rows));
                    (
                        counts.participants,
                        counts.received,
                        Some(counts.certifiable),
                    )
                }
                Rows::Assessment { rows, .. } => {
                    let counts = AssessmentCounts::of(rows);
                    (counts.participants, counts.shared, None)
                }
            };
            Some(CampaignSummary {
                id,
                name: campaign.name.clone(),
                code: campaign.code.clone(),
                kind: campaign.kind,
                organisation: campaign.organisation.clone(),
                participants,
                received,
                certifiable,
                latest: latest.meta.latest_activity,
                snapshots: count,
                latest_snapshot_id: latest.meta.id,
                search_key: fold(&format!(
                    "{} {}",
                    campaign.name,
                    campaign.code.as_deref().unwrap_or("")
                )),
            })
        })
        .collect();
    summaries.sort_by(|a, b| b.latest.cmp(&a.latest).then_with(|| a.name.cmp(&b.name)));
    summaries
}

#[component]
pub fn CampaignList() -> impl IntoView {
    let state = use_state();
    let search = RwSignal::new(String::new());
    let all = Memo::new(move |_| state.snapshots.with(|snapshots| summaries(snapshots)));
    let visible = Memo::new(move |_| {
        let query = fold(&search.get());
        all.get()
            .into_iter()
            .filter(|summary| summary.search_key.contains(&query))
            .collect::<Vec<_>>()
    });

    view! {
        <section class="campaigns" aria-labelledby="campaigns-title">
            <div class="section-head">
                <h2 id="campaigns-title">{text::CAMPAIGNS_TITLE}</h2>
                <Show when=move || !all.with(Vec::is_empty)>
                    <label class="field field--inline">
                        <span class="field__label">"Rechercher une campagne"</span>
                        <input
                            type="search"
                            data-testid="campaign-search"
                            placeholder="Nom ou code"
                            prop:value=move || search.get()
                            on:input=move |event| search.set(event_target_value(&event))
                        />
                    </label>
                </Show>
            </div>
            <Show
                when=move || !all.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">{text::CAMPAIGNS_EMPTY}</p> }
            >
                <div class="table-scroll">
                    <table class="table table--stack campaigns-table">
                        <caption>{text::CAMPAIGNS_CAPTION}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{text::COL_CAMPAIGN}</th>
                                <th scope="col">{text::COL_CODE}</th>
                                <th scope="col">{text::COL_TYPE}</th>
                                <th scope="col">{text::COL_ORGANISATION}</th>
                                <th scope="col" class="num">{text::COL_PARTICIPANTS}</th>
                                <th scope="col" class="num">{text::COL_RECEIVED}</th>
                                <th scope="col" class="num">{text::COL_CERTIFIABLE_COUNT}</th>
                                <th scope="col">{text::COL_SNAPSHOT}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || visible.get() key=|summary| (summary.id, summary.latest_snapshot_id, summary.snapshots) let(summary)>
                                <CampaignRow summary=summary />
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn CampaignRow(summary: CampaignSummary) -> impl IntoView {
    let state = use_state();
    let id = summary.id;
    let open = move || {
        state.navigate(Route::Campaign {
            id,
            view: TableView::default(),
        })
    };
    let certifiable = summary
        .certifiable
        .map(|n| format!("{n} ({} %)", percent(n, summary.participants)))
        .unwrap_or_else(|| "—".to_owned());
    let snapshots = if summary.snapshots > 1 {
        format!(" · {} imports", summary.snapshots)
    } else {
        String::new()
    };
    view! {
        <tr
            class="campaign-row"
            data-testid="campaign-row"
            data-campaign-id=id.to_string()
            data-kind=summary.kind.slug()
            on:click=move |_| open()
        >
            <th scope="row">
                <a href=format!("#/campagne/{id}") on:click=move |event| {
                    event.prevent_default();
                    event.stop_propagation();
                    open();
                }>{summary.name.clone()}</a>
            </th>
            <td class="mono" data-label=text::COL_CODE>{summary.code.clone().unwrap_or_else(|| text::NO_CODE.to_owned())}</td>
            <td data-label=text::COL_TYPE>
                <span class=format!("kind kind--{}", summary.kind.slug())>{text::kind_label(summary.kind)}</span>
            </td>
            <td data-label=text::COL_ORGANISATION>{summary.organisation.clone()}</td>
            <td class="num" data-label=text::COL_PARTICIPANTS>{summary.participants}</td>
            <td class="num" data-label=text::COL_RECEIVED>{summary.received}</td>
            <td class="num" data-label=text::COL_CERTIFIABLE_COUNT>{certifiable}</td>
            <td data-label=text::COL_SNAPSHOT>{summary.latest.map(|d| d.french_date()).unwrap_or_else(|| "—".to_owned())}{snapshots}</td>
        </tr>
    }
}
