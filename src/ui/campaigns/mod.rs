//! The campaign list: search by name or code, filter by type, archive, sort by every column,
//! 25 per page. Summaries are computed once per change of the stored snapshots.

use std::collections::{BTreeMap, HashSet};

use leptos::prelude::*;

use crate::domain::model::snapshot::{CampaignKind, Rows};
use crate::domain::roster::cohort::promotion_share;
use crate::domain::roster::matching::MatchDecisions;
use crate::domain::roster::Roster;
use crate::domain::views::campaigns::{
    page_bounds, select_campaigns, ArchiveFilter, CampaignColumn, CampaignQuery, CampaignSummary,
    CAMPAIGNS_PER_PAGE,
};
use crate::domain::views::cohort::participant_lines;
use crate::domain::views::route::{CampaignTab, Route, TableView};
use crate::store::prefs::Prefs;
use crate::ui::state::{latest_snapshot, opened_from_file, use_state, StoredSnapshot};
use crate::ui::text;
use crate::ui::text::campaign as tc;
use crate::ui::text::storage as ts;
use crate::ui::widgets::pagination::Pagination;
use crate::ui::widgets::sort_header::SortHeader;

/// One summary per campaign; with a school list, each share is over the campaign's promotion
/// (as its header says), else over its participants.
fn summaries(
    snapshots: &[StoredSnapshot],
    roster: Option<(&Roster, &MatchDecisions)>,
    chosen: impl Fn(u64) -> Option<Vec<String>>,
) -> Vec<CampaignSummary> {
    let mut counts_by_campaign: BTreeMap<u64, usize> = BTreeMap::new();
    for snapshot in snapshots {
        *counts_by_campaign
            .entry(snapshot.meta.campaign_id)
            .or_default() += 1;
    }
    counts_by_campaign
        .into_iter()
        .filter_map(|(id, count)| {
            latest_snapshot(snapshots, id).map(|latest| {
                let summary = CampaignSummary::of(&latest.data, count);
                let promotion = roster.and_then(|(roster, decisions)| match &latest.data.rows {
                    Rows::Profiles(rows) => promotion_share(
                        roster,
                        &participant_lines(rows),
                        chosen(id).as_deref(),
                        decisions,
                    ),
                    Rows::Assessment { .. } => None,
                });
                summary.with_promotion(promotion)
            })
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
            state.report_once(error.to_string());
            HashSet::new()
        }
    });
    let all = Memo::new(move |_| {
        let held = state.roster().get();
        let decisions = state.match_decisions().get();
        state.snapshots().with(|snapshots| {
            summaries(
                snapshots,
                held.as_ref().map(|held| (&*held.roster, &decisions)),
                |id| state.chosen_cohort_classes(id),
            )
        })
    });
    let with_list = Memo::new(move |_| all.with(|all| all.iter().any(|s| s.promotion.is_some())));
    let selected = Memo::new(move |_| {
        all.with(|all| {
            query.with(|query| archived.with(|archived| select_campaigns(all, query, archived)))
        })
    });
    let total = Signal::derive(move || selected.with(Vec::len));
    let visible = Memo::new(move |_| {
        let (start, end, _, _) = page_bounds(total.get(), CAMPAIGNS_PER_PAGE, page.get());
        all.with(|all| {
            selected.with(|selected| {
                selected[start..end]
                    .iter()
                    .map(|&i| all[i].clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let set_query = move |change: &dyn Fn(&mut CampaignQuery)| {
        query.update(|query| change(query));
        page.set(1);
    };
    // The last archiving (or unarchiving), said with a way back.
    let last_archive = RwSignal::new(None::<(u64, String, bool)>);
    let set_archived = move |id: u64, archive: bool| match Prefs::set_archived(id, archive) {
        Ok(prefs) => {
            archived.set(prefs.archived_set());
            true
        }
        Err(error) => {
            state.report_once(error.to_string());
            false
        }
    };
    let toggle_archive = move |id: u64| {
        let archive = !archived.with_untracked(|set| set.contains(&id));
        if set_archived(id, archive) {
            let name = all.with_untracked(|all| {
                all.iter()
                    .find(|s| s.id == id)
                    .map(|s| s.name.clone())
                    .unwrap_or_default()
            });
            last_archive.set(Some((id, name, archive)));
            // The row may leave the list: focus goes to the message's « Annuler ».
            request_animation_frame(|| {
                if let Some(undo) =
                    document()
                        .get_element_by_id("archive-undo")
                        .and_then(|element| {
                            wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok()
                        })
                {
                    let _ = undo.focus();
                }
            });
        }
    };
    let undo_archive = move |_| {
        if let Some((id, _, archive)) = last_archive.get_untracked() {
            if set_archived(id, !archive) {
                last_archive.set(None);
            }
        }
    };
    let open = move |id: u64| {
        state.navigate(Route::Campaign {
            id,
            tab: CampaignTab::default(),
            view: TableView::default(),
        })
    };
    let sort_by = move |column: CampaignColumn| {
        set_query(&|q| {
            // Numbers and dates open with the largest first, text from A to Z.
            let first_descending = column_numeric(column) || column == CampaignColumn::Latest;
            q.descending = if q.column == column {
                !q.descending
            } else {
                first_descending
            };
            q.column = column;
        })
    };
    let headers = move || {
        HEAD.into_iter()
        .map(|(column, key, label, numeric)| {
            view! {
                <SortHeader
                    label=label
                    key=key
                    numeric=numeric
                    testid_prefix="campaign-sort-"
                    sorted=Signal::derive(move || query.with(|q| (q.column == column).then_some(q.descending)))
                    on_sort=move |()| sort_by(column)
                />
            }
        })
        .collect_view()
    };

    view! {
        <section class="campaigns" aria-labelledby="campaigns-title">
            <div class="section-head">
                <h2 id="campaigns-title">{text::CAMPAIGNS_TITLE}</h2>
            </div>
            <Show
                when=move || !all.with(Vec::is_empty)
                fallback=|| view! {
                    <p class="empty">{text::CAMPAIGNS_EMPTY}</p>
                    {opened_from_file().then(|| view! {
                        <p class="notice notice--warn" data-testid="file-origin-notice">
                            <strong>{ts::FILE_EMPTY}</strong>
                            " "
                            {ts::FILE_ORIGIN}
                        </p>
                    })}
                }
            >
                <form class="filters" role="search" aria-label=text::FILTERS on:submit=|event| event.prevent_default()>
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
                            on:change=move |event| {
                                let kind = match event_target_value(&event).as_str() {
                                    "profiles-collection" => Some(CampaignKind::ProfilesCollection),
                                    "assessment" => Some(CampaignKind::Assessment),
                                    _ => None,
                                };
                                set_query(&|q| q.kind = kind);
                            }
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
                            on:change=move |event| {
                                let archive = ArchiveFilter::from_slug(&event_target_value(&event));
                                set_query(&|q| q.archive = archive);
                            }
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
                <div role="status" class="archive-status">
                    {move || last_archive.get().map(|(_, name, archive)| view! {
                        <p class="notice" data-testid="archive-message">
                            {tc::archived_message(&name, archive)}
                            " "
                            <button type="button" class="button button--link" id="archive-undo" data-testid="archive-undo" on:click=undo_archive>
                                {tc::ARCHIVE_UNDO}
                            </button>
                        </p>
                    })}
                </div>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="campaigns-title">
                    <table class="table table--stack campaigns-table">
                        <caption>
                            {move || if with_list.get() { tc::LIST_CAPTION_PROMOTION } else { tc::LIST_CAPTION }}
                        </caption>
                        <thead>
                            <tr>
                                {headers()}
                                <th scope="col"><span class="visually-hidden">{tc::COL_ACTIONS}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || visible.get()
                                key=|summary| (summary.id, summary.snapshots, summary.participants, summary.received)
                                children=move |summary| {
                                    let id = summary.id;
                                    let is_archived = Signal::derive(move || archived.with(|set| set.contains(&id)));
                                    view! {
                                        <CampaignRow
                                            summary=summary
                                            archived=is_archived
                                            on_open=move |()| open(id)
                                            on_archive=move |()| toggle_archive(id)
                                            on_remove=move |()| {
                                                if let Err(error) = state.delete_campaign(id) {
                                                    state.report_once(error.to_string());
                                                }
                                            }
                                        />
                                    }
                                }
                            />
                        </tbody>
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
                    on_page=move |p: usize| page.set(p)
                />
            </Show>
        </section>
    }
}

/// One campaign: anywhere on the row opens it, the name is a real link for the keyboard.
#[component]
fn CampaignRow(
    summary: CampaignSummary,
    #[prop(into)] archived: Signal<bool>,
    #[prop(into)] on_open: Callback<()>,
    #[prop(into)] on_archive: Callback<()>,
    #[prop(into)] on_remove: Callback<()>,
) -> impl IntoView {
    let certifiable = match (summary.certifiable_of(), summary.certifiable_percent()) {
        (Some((n, whole)), Some(percent)) if summary.promotion.is_some() => {
            tc::promotion_cell(n, whole, percent)
        }
        (Some((n, _)), Some(percent)) => format!("{n} ({percent}\u{a0}%)"),
        _ => tc::CERTIFIABLE_NOT_APPLICABLE.to_owned(),
    };
    let received_label = match summary.kind {
        CampaignKind::ProfilesCollection => text::COL_RECEIVED,
        CampaignKind::Assessment => text::COL_RESULTS_RECEIVED,
    };
    let name = summary.name.clone();
    let archive_label = {
        let name = name.clone();
        move || tc::archive_label(archived.get(), &name)
    };
    view! {
        <tr
            class="campaign-row"
            class:campaign-row--archived=move || archived.get()
            data-testid="campaign-row"
            data-campaign-id=summary.id.to_string()
            data-kind=summary.kind.slug()
            data-participants=summary.participants.to_string()
            data-name=name.clone()
            data-archived=move || archived.get().to_string()
            on:click=move |_| on_open.run(())
        >
            <th scope="row">
                <a
                    href=format!("#/campagne/{}", summary.id)
                    on:click=move |event| {
                        // The row opens the campaign in the app, as anywhere else on it does.
                        event.prevent_default();
                    }
                >
                    {name.clone()}
                </a>
                <Show when=move || archived.get()>
                    " "
                    <span class="tag tag--muted">{tc::ARCHIVED_TAG}</span>
                </Show>
                {summary.example.then(|| view! {
                    " "
                    <span class="tag tag--note" data-testid="example-tag">{text::EXAMPLE_TAG}</span>
                    " "
                    <button
                        type="button"
                        class="button button--link"
                        data-testid="remove-example"
                        on:click=move |event| {
                            event.stop_propagation();
                            on_remove.run(());
                        }
                    >
                        {text::EXAMPLE_REMOVE}
                    </button>
                })}
            </th>
            <td class="mono" data-label=text::COL_CODE>
                {summary.code.clone().unwrap_or_else(|| text::NO_CODE.to_owned())}
            </td>
            <td data-label=text::COL_TYPE>
                <span class=format!("kind kind--{}", summary.kind.slug())>{text::kind_label(summary.kind)}</span>
            </td>
            <td class="campaign-row__org" data-label=text::COL_ORGANISATION>{summary.organisation.clone()}</td>
            <td class="num" data-label=text::COL_PARTICIPANTS>{summary.participants}</td>
            <td class="num" data-label=received_label>{summary.received}</td>
            <td
                class="num"
                data-label=text::COL_CERTIFIABLE_COUNT
                data-testid="campaign-certifiable"
                data-certifiable=summary.certifiable_of().map(|(n, _)| n.to_string())
                data-whole=summary.certifiable_of().map(|(_, whole)| whole.to_string())
                data-base=summary.certifiable_of().map(|_| if summary.promotion.is_some() { "promotion" } else { "participants" })
            >
                {certifiable}
            </td>
            <td data-label=tc::COL_LATEST>
                {summary.latest.map(|d| d.french_date()).unwrap_or_else(|| "—".to_owned())}
            </td>
            <td class="num" data-label=tc::COL_SNAPSHOTS>{tc::snapshots_count(summary.snapshots)}</td>
            <td>
                <button
                    type="button"
                    class="button button--link"
                    data-testid="campaign-archive"
                    aria-label=archive_label
                    on:click=move |event| {
                        // Archiving is not opening.
                        event.stop_propagation();
                        on_archive.run(());
                    }
                >
                    {move || if archived.get() { tc::UNARCHIVE } else { tc::ARCHIVE }}
                </button>
            </td>
        </tr>
    }
}

/// The columns: variant, key (`data-sort`, test ids `campaign-sort-{key}`), label, numeric.
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

fn column_numeric(column: CampaignColumn) -> bool {
    HEAD.iter()
        .any(|(c, _, _, numeric)| *c == column && *numeric)
}
