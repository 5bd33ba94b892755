use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::cohort::{participant_lines, profile_students, AssessmentCounts, ProfileCounts};
use crate::domain::route::Route;
use crate::domain::snapshot::Rows;
use crate::ui::campaign_list::latest_snapshot;
use crate::ui::participants::{AssessmentTable, ParticipantsTable};
use crate::ui::state::{use_state, Shared};
use crate::ui::text;
use crate::ui::timeline::Timeline;

#[component]
pub fn CampaignPage(id: u64) -> impl IntoView {
    let state = use_state();
    let snapshot = Memo::new(move |_| {
        state
            .snapshots
            .with(|all| latest_snapshot(all, id).cloned())
    });

    view! {
        <nav class="crumbs">
            <button
                type="button"
                class="button button--link"
                data-testid="back-to-campaigns"
                on:click=move |_| state.navigate(Route::Campaigns)
            >
                {text::BACK}
            </button>
        </nav>
        {move || match snapshot.get() {
            None => view! { <p class="empty">"Cette campagne n’est pas (ou plus) enregistrée dans ce navigateur."</p> }.into_any(),
            Some(stored) => {
                let campaign = stored.data.campaign.clone();
                let date = stored.meta.latest_activity.map(|d| d.french()).unwrap_or_else(|| "—".to_owned());
                let body = match &stored.data.rows {
                    Rows::Profiles(rows) => {
                        let counts = ProfileCounts::of(rows, &profile_students(rows));
                        let lines = Shared(Arc::new(participant_lines(rows)));
                        view! {
                            <ProfileCards counts=counts />
                            <p class="notice">{text::FROZEN_NOTICE}</p>
                            <ParticipantsTable id=id campaign=campaign.name.clone() lines=lines />
                            <Timeline campaign_id=id />
                        }.into_any()
                    }
                    Rows::Assessment { sheet, rows } => {
                        let counts = AssessmentCounts::of(rows);
                        view! {
                            <div class="cards">
                                <Card label=text::CARD_PARTICIPANTS value=counts.participants testid="count-participants" tone="neutral" />
                                <Card label=text::CARD_SHARED value=counts.shared testid="count-received" tone="neutral" />
                            </div>
                            <AssessmentTable campaign=campaign.name.clone() sheet=sheet.clone() rows=rows.clone() />
                        }.into_any()
                    }
                };
                view! {
                    <header class="campaign-head">
                        <p class="campaign-head__kind">
                            <span class=format!("kind kind--{}", campaign.kind.slug())>{text::kind_label(campaign.kind)}</span>
                            {campaign.code.clone().map(|code| view! { <span class="mono">" · "{code}</span> })}
                        </p>
                        <h2 data-testid="campaign-title">{campaign.name.clone()}</h2>
                        <p class="campaign-head__org">{campaign.organisation.clone()}</p>
                        <p class="campaign-head__snapshot">{text::snapshot_line(&stored.meta.file_name, &date)}</p>
                    </header>
                    {body}
                }.into_any()
            }
        }}
    }
}

#[component]
fn ProfileCards(counts: ProfileCounts) -> impl IntoView {
    view! {
        <div class="cards">
            <Card label=text::CARD_PARTICIPANTS value=counts.participants testid="count-participants" tone="neutral" />
            <Card label=text::CARD_RECEIVED value=counts.received testid="count-received" tone="neutral" />
            <Card label=text::CARD_CERTIFIABLE value=counts.certifiable testid="count-certifiable" tone="ok" />
            <Card label=text::CARD_NOT_CERTIFIABLE value=counts.not_certifiable testid="count-not-certifiable" tone="warn" />
            <Card label=text::CARD_NOT_SENT value=counts.not_sent testid="count-not-sent" tone="muted" />
        </div>
        <p class="share">
            <strong>{text::certifiable_share(counts.certifiable_percent())}</strong>
            " — "
            {text::CERTIFIABLE_RULE}
        </p>
    }
}

#[component]
fn Card(
    label: &'static str,
    value: usize,
    testid: &'static str,
    tone: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("card card--{tone}") data-testid=testid>
            <span class="card__value">{value}</span>
            <span class="card__label">{label}</span>
        </div>
    }
}
