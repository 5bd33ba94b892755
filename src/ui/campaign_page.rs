//! A campaign: its header, then the profiles-collection or the assessment page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::html::Html;
use crate::domain::route::Route;
use crate::domain::snapshot::{CampaignKind, CampaignSnapshot, ProfileRow, Rows};
use crate::ui::assessment_page::AssessmentPage;
use crate::ui::campaign_list::latest_snapshot;
use crate::ui::profiles_page::ProfilesPage;
use crate::ui::state::{clicked_data, use_state, StoredSnapshot};
use crate::ui::text;
use crate::ui::text::campaign as tc;
use crate::ui::timeline::Timeline;

/// The rows of a profiles collection (none for an assessment).
pub fn profile_rows(snapshot: &CampaignSnapshot) -> &[ProfileRow] {
    match &snapshot.rows {
        Rows::Profiles(rows) => rows,
        Rows::Assessment { .. } => &[],
    }
}

/// The import of the campaign just before `current`, for the evolution column.
fn earlier_snapshot(
    all: &[StoredSnapshot],
    current: &StoredSnapshot,
) -> (Option<Arc<CampaignSnapshot>>, usize) {
    let order = |s: &StoredSnapshot| (s.meta.latest_activity, s.meta.imported_at_ms);
    let earlier: Vec<&StoredSnapshot> = all
        .iter()
        .filter(|s| s.meta.campaign_id == current.meta.campaign_id && s.meta.id != current.meta.id)
        .filter(|s| {
            order(s)
                .partial_cmp(&order(current))
                .is_some_and(|o| o.is_lt())
        })
        .collect();
    let previous = earlier
        .iter()
        .max_by(|a, b| {
            order(a)
                .partial_cmp(&order(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|s| Arc::clone(&s.data));
    (previous, earlier.len())
}

#[component]
pub fn CampaignPage(id: u64) -> impl IntoView {
    let state = use_state();
    let snapshot = Memo::new(move |_| {
        state.snapshots.with(|all| {
            latest_snapshot(all, id).map(|current| {
                let (earlier, count) = earlier_snapshot(all, current);
                (
                    current.clone(),
                    earlier.map(crate::ui::state::Shared),
                    count,
                )
            })
        })
    });

    view! {
        <nav class="crumbs" inner_html=back_html() on:click=move |event| {
            if clicked_data(&event, "data-testid").as_deref() == Some("back-to-campaigns") {
                state.navigate(Route::Campaigns);
            }
        }></nav>
        {move || match snapshot.get() {
            None => view! { <p class="empty">"Cette campagne n’est pas (ou plus) enregistrée dans ce navigateur."</p> }.into_any(),
            Some((stored, earlier, earlier_count)) => {
                let campaign = &stored.data.campaign;
                let date = stored.meta.latest_activity.map(|d| d.french()).unwrap_or_else(|| "—".to_owned());
                let body = match campaign.kind {
                    CampaignKind::ProfilesCollection => view! {
                        <ProfilesPage
                            id=id
                            campaign=campaign.name.clone()
                            snapshot=Arc::clone(&stored.data)
                            earlier=earlier.map(|e| Arc::clone(&e.0))
                        />
                        <Timeline campaign_id=id />
                    }.into_any(),
                    CampaignKind::Assessment => view! {
                        <AssessmentPage campaign=campaign.name.clone() snapshot=Arc::clone(&stored.data) />
                    }.into_any(),
                };
                view! {
                    <header class="campaign-head" inner_html=head_html(&stored, &date, earlier_count)></header>
                    {body}
                }.into_any()
            }
        }}
    }
}

fn back_html() -> String {
    let mut html = Html::new();
    html.fill(
        "<button type=\"button\" class=\"button button--link\" data-testid=\"back-to-campaigns\">{}</button>",
        &[text::BACK],
    );
    html.finish()
}

/// The campaign's header: read-only, one HTML string.
fn head_html(stored: &StoredSnapshot, date: &str, earlier_count: usize) -> String {
    let campaign = &stored.data.campaign;
    let mut html = Html::new();
    html.open("p", &[("class", "campaign-head__kind")]).element(
        "span",
        &[("class", &format!("kind kind--{}", campaign.kind.slug()))],
        text::kind_label(campaign.kind),
    );
    if let Some(code) = &campaign.code {
        html.element("span", &[("class", "mono")], &format!(" · {code}"));
    }
    if let Some(target) = &campaign.target_profile {
        html.element("span", &[], &format!(" · {target}"));
    }
    html.close("p")
        .element("h2", &[("data-testid", "campaign-title")], &campaign.name)
        .element(
            "p",
            &[("class", "campaign-head__org")],
            &campaign.organisation,
        )
        .element(
            "p",
            &[
                ("class", "campaign-head__snapshot"),
                ("data-testid", "snapshot-date"),
            ],
            &text::snapshot_line(&stored.meta.file_name, date),
        );
    if earlier_count > 0 {
        html.element(
            "p",
            &[("class", "campaign-head__snapshot")],
            &tc::earlier_snapshots(earlier_count),
        );
    }
    html.finish()
}
