use leptos::prelude::*;

use crate::domain::cohort::{percent, profile_students, ProfileCounts};
use crate::domain::diff::{as_of, compare, send_dates, ChangeCategory, Comparison, StudentChange};
use crate::domain::snapshot::LocalDateTime;
use crate::domain::snapshot::Rows;
use crate::ui::state::{format_timestamp, use_state, StoredSnapshot};
use crate::ui::text::history as text;

/// The snapshots of one campaign, oldest first: the order of its collections.
fn timeline(all: &[StoredSnapshot], campaign_id: u64) -> Vec<StoredSnapshot> {
    let mut snapshots: Vec<StoredSnapshot> = all
        .iter()
        .filter(|s| s.meta.campaign_id == campaign_id)
        .cloned()
        .collect();
    crate::domain::sort::sort_by(&mut snapshots, |a, b| {
        (a.meta.latest_activity, a.meta.imported_at_ms)
            .partial_cmp(&(b.meta.latest_activity, b.meta.imported_at_ms))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    snapshots
}

fn profile_counts(snapshot: &StoredSnapshot) -> Option<ProfileCounts> {
    match &snapshot.data.rows {
        Rows::Profiles(rows) => Some(ProfileCounts::of(rows, &profile_students(rows))),
        Rows::Assessment { .. } => None,
    }
}

/// The campaign's imports, and the comparison of any two of them.
#[component]
pub fn Timeline(campaign_id: u64) -> impl IntoView {
    let state = use_state();
    let snapshots = Memo::new(move |_| state.snapshots.with(|all| timeline(all, campaign_id)));
    let chosen_from = RwSignal::new(None::<u32>);
    let chosen_to = RwSignal::new(None::<u32>);
    // Until the user picks, compare the two most recent collections.
    let from = move || {
        chosen_from
            .get()
            .or_else(|| snapshots.with(|s| s.len().checked_sub(2).map(|i| s[i].meta.id)))
    };
    let to = move || {
        chosen_to
            .get()
            .or_else(|| snapshots.with(|s| s.last().map(|s| s.meta.id)))
    };
    // Multiple sendings inside one export are history too: the latest import as it stood at a date.
    let since = RwSignal::new(None::<LocalDateTime>);
    let latest_rows = move || {
        snapshots.with(|s| match s.last().map(|s| &s.data.rows) {
            Some(Rows::Profiles(rows)) => Some(rows.clone()),
            _ => None,
        })
    };
    let find = move |id: Option<u32>| {
        snapshots.with(|s| s.iter().find(|s| Some(s.meta.id) == id).cloned())
    };

    let options = move |selected: Box<dyn Fn() -> Option<u32> + Send + Sync>| {
        snapshots
            .get()
            .into_iter()
            .map(|snapshot| {
                let id = snapshot.meta.id;
                let label = format!(
                    "{} — état au {}",
                    snapshot.meta.file_name,
                    snapshot
                        .meta
                        .latest_activity
                        .map(|d| d.french())
                        .unwrap_or_default()
                );
                let is_selected = selected() == Some(id);
                view! { <option value=id.to_string() selected=is_selected>{label}</option> }
            })
            .collect_view()
    };

    view! {
        <section class="timeline panel" aria-labelledby="timeline-title">
            <h3 id="timeline-title">{text::TIMELINE_TITLE}</h3>
            <div class="table-scroll">
                <table class="table table--stack">
                    <caption>{text::TIMELINE_CAPTION}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text::COL_FILE}</th>
                            <th scope="col">{text::COL_IMPORTED_AT}</th>
                            <th scope="col">{text::COL_STATE_AT}</th>
                            <th scope="col" class="num">{text::COL_PARTICIPANTS}</th>
                            <th scope="col" class="num">{text::COL_CERTIFIABLE}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || snapshots.get() key=|s| s.meta.id let(snapshot)>
                            {
                                let counts = profile_counts(&snapshot);
                                view! {
                                    <tr data-testid="snapshot-row" data-snapshot-id=snapshot.meta.id.to_string()>
                                        <th scope="row">{snapshot.meta.file_name.clone()}</th>
                                        <td data-label=text::COL_IMPORTED_AT>{format_timestamp(snapshot.meta.imported_at_ms)}</td>
                                        <td data-label=text::COL_STATE_AT>{snapshot.meta.latest_activity.map(|d| d.french()).unwrap_or_default()}</td>
                                        <td class="num" data-label=text::COL_PARTICIPANTS>{counts.map(|c| c.participants)}</td>
                                        <td class="num" data-label=text::COL_CERTIFIABLE>
                                            {counts.map(|c| format!("{} ({} %)", c.certifiable, c.certifiable_percent()))}
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <Show
                when=move || snapshots.with(|s| s.len() >= 2)
                fallback=|| view! { <p class="empty">{text::COMPARE_HINT}</p> }
            >
                <h4>{text::COMPARE_TITLE}</h4>
                <div class="filters">
                    <label class="field">
                        <span class="field__label">{text::COMPARE_FROM}</span>
                        <select
                            data-testid="compare-from"
                            on:change=move |event| chosen_from.set(event_target_value(&event).parse().ok())
                        >
                            {move || options(Box::new(from))}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field__label">{text::COMPARE_TO}</span>
                        <select
                            data-testid="compare-to"
                            on:change=move |event| chosen_to.set(event_target_value(&event).parse().ok())
                        >
                            {move || options(Box::new(to))}
                        </select>
                    </label>
                </div>
                {move || match (find(from()), find(to())) {
                    (Some(before), Some(after)) if before.meta.id != after.meta.id => {
                        match (&before.data.rows, &after.data.rows) {
                            (Rows::Profiles(before), Rows::Profiles(after)) => view! {
                                <ComparisonView comparison=compare(before, after) anchor="imports" />
                            }.into_any(),
                            _ => ().into_any(),
                        }
                    }
                    _ => view! { <p class="empty">{text::SAME_SNAPSHOT}</p> }.into_any(),
                }}
            </Show>
            <Show when=move || latest_rows().is_some_and(|rows| send_dates(&rows).len() > 1)>
                <h4>{text::SINCE_TITLE}</h4>
                <p class="field__hint">{text::SINCE_HINT}</p>
                <label class="field field--inline">
                    <span class="field__label">{text::SINCE_DATE}</span>
                    <input
                        type="date"
                        data-testid="compare-since"
                        on:change=move |event| since.set(parse_date_input(&event_target_value(&event)))
                    />
                </label>
                {move || match (since.get(), latest_rows()) {
                    (Some(cutoff), Some(rows)) => view! {
                        <ComparisonView comparison=compare(&as_of(&rows, cutoff), &rows) anchor="depuis" />
                    }.into_any(),
                    _ => ().into_any(),
                }}
            </Show>
        </section>
    }
}

/// `2025-10-01` from an `<input type="date">`, as the end of that day: sendings of the day count.
fn parse_date_input(value: &str) -> Option<LocalDateTime> {
    let mut parts = value.splitn(3, '-').map(str::parse::<u16>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    Some(LocalDateTime {
        year,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
        minutes: Some(23 * 60 + 59),
    })
}

#[component]
fn ComparisonView(comparison: Comparison, anchor: &'static str) -> impl IntoView {
    let counts = comparison.counts;
    let newly_sent: Vec<StudentChange> = comparison
        .changes
        .iter()
        .filter(|c| c.newly_sent())
        .cloned()
        .collect();
    let group = |category: ChangeCategory| {
        comparison
            .in_category(category)
            .cloned()
            .collect::<Vec<_>>()
    };
    let categories = [
        (
            ChangeCategory::BecameCertifiable.slug(),
            text::BECAME_CERTIFIABLE,
            group(ChangeCategory::BecameCertifiable),
            "ok",
        ),
        (
            ChangeCategory::NoLongerCertifiable.slug(),
            text::NO_LONGER_CERTIFIABLE,
            group(ChangeCategory::NoLongerCertifiable),
            "warn",
        ),
        (
            ChangeCategory::StillNotCertifiable.slug(),
            text::STILL_NOT_CERTIFIABLE,
            group(ChangeCategory::StillNotCertifiable),
            "warn",
        ),
        ("newly-sent", text::NEWLY_SENT, newly_sent, "neutral"),
        (
            ChangeCategory::Gone.slug(),
            text::GONE,
            group(ChangeCategory::Gone),
            "muted",
        ),
    ];
    let share = text::share_change(
        percent(counts.certifiable_before, counts.participants_before),
        percent(counts.certifiable_after, counts.participants_after),
    );
    view! {
        <p class="share"><strong>{share}</strong></p>
        <div class="cards">
            {categories.iter().map(|(slug, label, changes, tone)| view! {
                <a class=format!("card card--{tone} card--link") href=format!("#diff-{anchor}-{slug}") data-testid="diff-count" data-category=*slug>
                    <span class="card__value">{changes.len()}</span>
                    <span class="card__label">{*label}</span>
                </a>
            }).collect_view()}
        </div>
        {categories.into_iter().filter(|(_, _, changes, _)| !changes.is_empty()).map(|(slug, label, changes, _)| view! {
            <div class="table-scroll" id=format!("diff-{anchor}-{slug}")>
                <table class="table table--stack diff-table" data-category=slug>
                    <caption>{text::change_caption(label, changes.len())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text::COL_STUDENT}</th>
                            <th scope="col">{text::COL_CLASS}</th>
                            <th scope="col">{text::COL_BEFORE}</th>
                            <th scope="col">{text::COL_AFTER}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {changes.into_iter().map(|change| {
                            let describe = |state: Option<crate::domain::diff::StudentState>| match state {
                                None => text::ABSENT.to_owned(),
                                Some(state) => text::state(state.score, state.certifiable_count),
                            };
                            view! {
                                <tr data-testid="diff-row" data-last=change.last.clone() data-first=change.first.clone()>
                                    <th scope="row">{format!("{} {}", change.last, change.first)}</th>
                                    <td data-label=text::COL_CLASS>{change.class.clone()}</td>
                                    <td data-label=text::COL_BEFORE>{describe(change.before)}</td>
                                    <td data-label=text::COL_AFTER>{describe(change.after)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }).collect_view()}
    }
    .into_any()
}
