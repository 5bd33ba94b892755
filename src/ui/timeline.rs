use leptos::prelude::*;

use crate::domain::cohort::{percent, profile_students, ProfileCounts};
use crate::domain::diff::{
    as_of, compare, send_dates, ChangeCategory, Comparison, StudentChange, StudentState,
};
use crate::domain::html::Html;
use crate::domain::snapshot::LocalDateTime;
use crate::domain::snapshot::Rows;
use crate::ui::delegate;
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
    let comparison = move || {
        snapshots.with(|all| {
            let find = |id: Option<u32>| all.iter().find(|s| Some(s.meta.id) == id);
            match (find(from()), find(to())) {
                (Some(before), Some(after)) if before.meta.id != after.meta.id => {
                    match (&before.data.rows, &after.data.rows) {
                        (Rows::Profiles(before), Rows::Profiles(after)) => {
                            comparison_html(&compare(before, after), "imports")
                        }
                        _ => String::new(),
                    }
                }
                _ => {
                    let mut html = Html::new();
                    html.element("p", &[("class", "empty")], text::SAME_SNAPSHOT);
                    html.finish()
                }
            }
        })
    };
    let progress = move || match (since.get(), latest_rows()) {
        (Some(cutoff), Some(rows)) => {
            comparison_html(&compare(&as_of(&rows, cutoff), &rows), "depuis")
        }
        _ => String::new(),
    };
    // The three pickers of the section share one listener.
    let on_change = move |event: leptos::ev::Event| {
        let Some((action, _)) = delegate::action(&event) else {
            return;
        };
        let value = event_target_value(&event);
        match action.as_str() {
            "compare-from" => chosen_from.set(value.parse().ok()),
            "compare-to" => chosen_to.set(value.parse().ok()),
            "compare-since" => since.set(parse_date_input(&value)),
            _ => {}
        }
    };

    view! {
        <section class="timeline panel" aria-labelledby="timeline-title" on:change=on_change>
            <h3 id="timeline-title">{text::TIMELINE_TITLE}</h3>
            <div class="table-scroll" inner_html=move || snapshots.with(|s| imports_html(s))></div>
            <Show
                when=move || snapshots.with(|s| s.len() >= 2)
                fallback=|| view! { <p class="empty">{text::COMPARE_HINT}</p> }
            >
                <h4>{text::COMPARE_TITLE}</h4>
                <div class="filters">
                    <label class="field">
                        <span class="field__label">{text::COMPARE_FROM}</span>
                        <select data-testid="compare-from" data-action="compare-from"
                            inner_html=move || snapshots.with(|s| options_html(s, from()))></select>
                    </label>
                    <label class="field">
                        <span class="field__label">{text::COMPARE_TO}</span>
                        <select data-testid="compare-to" data-action="compare-to"
                            inner_html=move || snapshots.with(|s| options_html(s, to()))></select>
                    </label>
                </div>
                <div inner_html=comparison></div>
            </Show>
            <Show when=move || latest_rows().is_some_and(|rows| send_dates(&rows).len() > 1)>
                <h4>{text::SINCE_TITLE}</h4>
                <p class="field__hint">{text::SINCE_HINT}</p>
                <label class="field field--inline">
                    <span class="field__label">{text::SINCE_DATE}</span>
                    <input type="date" data-testid="compare-since" data-action="compare-since" />
                </label>
                <div inner_html=progress></div>
            </Show>
        </section>
    }
}

fn options_html(snapshots: &[StoredSnapshot], selected: Option<u32>) -> String {
    let mut html = Html::new();
    for snapshot in snapshots {
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
        html.element(
            "option",
            &[
                ("value", &id.to_string()),
                if selected == Some(id) {
                    ("selected", "")
                } else {
                    ("", "")
                },
            ],
            &label,
        );
    }
    html.finish()
}

fn imports_html(snapshots: &[StoredSnapshot]) -> String {
    let mut html = Html::new();
    html.open("table", &[("class", "table table--stack")])
        .element("caption", &[], text::TIMELINE_CAPTION)
        .open("thead", &[])
        .open("tr", &[]);
    for (label, numeric) in [
        (text::COL_FILE, false),
        (text::COL_IMPORTED_AT, false),
        (text::COL_STATE_AT, false),
        (text::COL_PARTICIPANTS, true),
        (text::COL_CERTIFIABLE, true),
    ] {
        html.element(
            "th",
            &[
                ("scope", "col"),
                if numeric { ("class", "num") } else { ("", "") },
            ],
            label,
        );
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for snapshot in snapshots {
        let counts = profile_counts(snapshot);
        html.fill(
            "<tr data-testid=\"snapshot-row\" data-snapshot-id=\"{}\"><th scope=\"row\">{}</th><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td class=\"num\" data-label=\"{}\">{}</td><td class=\"num\" data-label=\"{}\">{}</td></tr>",
            &[
                &snapshot.meta.id.to_string(),
                &snapshot.meta.file_name,
                text::COL_IMPORTED_AT,
                &format_timestamp(snapshot.meta.imported_at_ms),
                text::COL_STATE_AT,
                &snapshot
                    .meta
                    .latest_activity
                    .map(|d| d.french())
                    .unwrap_or_default(),
                text::COL_PARTICIPANTS,
                &counts.map(|c| c.participants.to_string()).unwrap_or_default(),
                text::COL_CERTIFIABLE,
                &counts
                    .map(|c| format!("{} ({} %)", c.certifiable, c.certifiable_percent()))
                    .unwrap_or_default(),
            ],
        );
    }
    html.close("tbody").close("table");
    html.finish()
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

fn comparison_html(comparison: &Comparison, anchor: &str) -> String {
    let counts = comparison.counts;
    let newly_sent: Vec<&StudentChange> = comparison
        .changes
        .iter()
        .filter(|c| c.newly_sent())
        .collect();
    let group = |category: ChangeCategory| comparison.in_category(category).collect::<Vec<_>>();
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
    let mut html = Html::new();
    html.fill(
        "<p class=\"share\"><strong>{}</strong></p><div class=\"cards\">",
        &[&share],
    );
    for (slug, label, changes, tone) in &categories {
        html.fill(
            "<a class=\"card card--{} card--link\" href=\"#diff-{}-{}\" data-testid=\"diff-count\" data-category=\"{}\"><span class=\"card__value\">{}</span><span class=\"card__label\">{}</span></a>",
            &[tone, anchor, slug, slug, &changes.len().to_string(), label],
        );
    }
    html.fill("</div>", &[]);
    let describe = |state: Option<StudentState>| match state {
        None => text::ABSENT.to_owned(),
        Some(state) => text::state(state.score, state.certifiable_count),
    };
    for (slug, label, changes, _) in categories
        .iter()
        .filter(|(_, _, changes, _)| !changes.is_empty())
    {
        html.fill(
            "<div class=\"table-scroll\" id=\"diff-{}-{}\"><table class=\"table table--stack diff-table\" data-category=\"{}\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            &[
                anchor,
                slug,
                slug,
                &text::change_caption(label, changes.len()),
                text::COL_STUDENT,
                text::COL_CLASS,
                text::COL_BEFORE,
                text::COL_AFTER,
            ],
        );
        for change in changes {
            html.fill(
                "<tr data-testid=\"diff-row\" data-last=\"{}\" data-first=\"{}\"><th scope=\"row\">{} {}</th><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td></tr>",
                &[
                    &change.last,
                    &change.first,
                    &change.last,
                    &change.first,
                    text::COL_CLASS,
                    &change.class,
                    text::COL_BEFORE,
                    &describe(change.before),
                    text::COL_AFTER,
                    &describe(change.after),
                ],
            );
        }
        html.fill("</tbody></table></div>", &[]);
    }
    html.finish()
}
