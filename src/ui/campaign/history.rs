//! "Historique": the campaign's imports, the comparison of any two of them, and progress
//! since a date inside one export. The comparison's categories account for every student
//! present in either state (`domain::views::diff`); each opens its list.

use leptos::prelude::*;

use crate::domain::model::snapshot::{LocalDateTime, ProfileRow, Rows};
use std::collections::HashMap;

use crate::domain::roster::cohort::{
    default_cohort_classes, joined_since, promotion_share, CohortShare,
};
use crate::domain::views::cohort::{
    participant_lines, percent, profile_students, ParticipantLine, ProfileCounts,
};
use crate::domain::views::diff::{
    as_of, compare, comparison_csv, send_dates, ChangeCategory, Comparison, ComparisonCsvLabels,
    StudentChange, StudentState,
};
use crate::ui::campaign::CampaignRoute;
use crate::ui::state::{format_timestamp, use_state, Shared, StoredSnapshot};
use crate::ui::text::history as text;
use crate::ui::text::roster as tr;
use crate::ui::widgets::download::download_csv;

/// The snapshots of one campaign, oldest first: the order of its collections.
fn timeline(all: &[StoredSnapshot], campaign_id: u64) -> Vec<StoredSnapshot> {
    let mut snapshots: Vec<StoredSnapshot> = all
        .iter()
        .filter(|s| s.meta.campaign_id == campaign_id)
        .cloned()
        .collect();
    crate::domain::views::sort::sort_by(&mut snapshots, |a, b| {
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
pub fn Timeline(route: CampaignRoute) -> impl IntoView {
    let state = use_state();
    let campaign_id = route.id;
    let snapshots = Memo::new(move |_| state.snapshots().with(|all| timeline(all, campaign_id)));
    let chosen_from = RwSignal::new(None::<u32>);
    let chosen_to = RwSignal::new(None::<u32>);
    // Until the user picks, compare the two most recent collections.
    let from = Memo::new(move |_| {
        chosen_from
            .get()
            .or_else(|| snapshots.with(|s| s.len().checked_sub(2).map(|i| s[i].meta.id)))
    });
    let to = Memo::new(move |_| {
        chosen_to
            .get()
            .or_else(|| snapshots.with(|s| s.last().map(|s| s.meta.id)))
    });
    // Multiple sendings inside one export are history too: the latest import as it stood at a date.
    let since = RwSignal::new(None::<LocalDateTime>);
    let latest_rows = Memo::new(move |_| {
        snapshots.with(|s| match s.last().map(|s| &s.data.rows) {
            Some(Rows::Profiles(rows)) => Some(Shared(std::sync::Arc::new(rows.clone()))),
            _ => None,
        })
    });
    let has_dates = Memo::new(move |_| {
        latest_rows.with(|rows| rows.as_ref().is_some_and(|rows| send_dates(rows).len() > 1))
    });
    let comparison = Memo::new(move |_| {
        snapshots.with(|all| {
            let find = |id: Option<u32>| all.iter().find(|s| Some(s.meta.id) == id);
            match (find(from.get()), find(to.get())) {
                (Some(before), Some(after)) if before.meta.id != after.meta.id => {
                    match (&before.data.rows, &after.data.rows) {
                        (Rows::Profiles(before), Rows::Profiles(after)) => {
                            Some(Shared(std::sync::Arc::new(compare(before, after))))
                        }
                        _ => None,
                    }
                }
                _ => None,
            }
        })
    });
    // Roster students of the cohort who joined between the two collections compared.
    let roster_joined = Memo::new(move |_| {
        let held = state.roster().get()?;
        let decisions = state.match_decisions().get();
        let chosen = state.chosen_cohort_classes(campaign_id);
        snapshots.with(|all| {
            let find = |id: Option<u32>| all.iter().find(|s| Some(s.meta.id) == id);
            let (Some(before), Some(after)) = (find(from.get()), find(to.get())) else {
                return None;
            };
            let (Rows::Profiles(before), Rows::Profiles(after)) =
                (&before.data.rows, &after.data.rows)
            else {
                return None;
            };
            let (before, after) = (participant_lines(before), participant_lines(after));
            let cohort = chosen.unwrap_or_else(|| default_cohort_classes(&held.roster, &after));
            Some(joined_since(&held.roster, &cohort, &before, &after, &decisions).len())
        })
    });
    // With a school list, every import's share is over the same promotion: the classes of
    // the latest import (or those chosen), so that the shares compare.
    let promotions = Memo::new(move |_| {
        let held = state.roster().get()?;
        let decisions = state.match_decisions().get();
        let chosen = state.chosen_cohort_classes(campaign_id);
        snapshots.with(|all| {
            let lines: Vec<(u32, Vec<ParticipantLine>)> = all
                .iter()
                .filter_map(|s| match &s.data.rows {
                    Rows::Profiles(rows) => Some((s.meta.id, participant_lines(rows))),
                    Rows::Assessment { .. } => None,
                })
                .collect();
            let (_, latest) = lines.last()?;
            let cohort = chosen.unwrap_or_else(|| default_cohort_classes(&held.roster, latest));
            let shares: HashMap<u32, CohortShare> = lines
                .iter()
                .filter_map(|(id, lines)| {
                    promotion_share(&held.roster, lines, Some(&cohort), &decisions)
                        .map(|share| (*id, share))
                })
                .collect();
            // A list that covers only some imports would mix bases: all or none.
            (shares.len() == lines.len()).then(|| Shared(std::sync::Arc::new(shares)))
        })
    });
    let progress = Memo::new(move |_| {
        let cutoff = since.get()?;
        latest_rows.with(|rows| {
            let rows: &[ProfileRow] = rows.as_ref()?;
            Some(Shared(std::sync::Arc::new(compare(
                &as_of(rows, cutoff),
                rows,
            ))))
        })
    });
    let options = move |selected: Memo<Option<u32>>| {
        view! {
            <For
                each=move || snapshots.get()
                key=|snapshot| snapshot.meta.id
                children=move |snapshot| {
                    let id = snapshot.meta.id;
                    // The date first: on a phone the end of the label is cut, and the date
                    // is what tells two imports apart.
                    let label = format!(
                        "État au {} — {}",
                        snapshot.meta.latest_activity.map(|d| d.french()).unwrap_or_default(),
                        snapshot.meta.file_name
                    );
                    view! { <option value=id.to_string() prop:selected=move || selected.get() == Some(id)>{label}</option> }
                }
            />
        }
    };

    view! {
        <section class="timeline panel" aria-labelledby="timeline-title">
            <h3 id="timeline-title">{text::TIMELINE_TITLE}</h3>
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
                            {options(from)}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field__label">{text::COMPARE_TO}</span>
                        <select
                            data-testid="compare-to"
                            on:change=move |event| chosen_to.set(event_target_value(&event).parse().ok())
                        >
                            {options(to)}
                        </select>
                    </label>
                </div>
                {move || match comparison.get() {
                    Some(comparison) => {
                        let shares = promotions.get().and_then(|p| {
                            Some((*p.get(&from.get()?)?, *p.get(&to.get()?)?))
                        });
                        view! { <ComparisonView comparison=comparison anchor="imports" promotion=shares /> }.into_any()
                    }
                    None => view! { <p class="empty">{text::SAME_SNAPSHOT}</p> }.into_any(),
                }}
                // Said only when someone joined: « 0 élève… » is no news to lead with.
                {move || roster_joined.get().filter(|&count| count > 0).map(|count| view! {
                    <p class="notice" data-testid="roster-joined-since" data-count=count.to_string()>
                        {tr::joined_since(count)}
                    </p>
                })}
            </Show>
            <h4>{text::IMPORTS_TITLE}</h4>
            <div class="table-scroll" tabindex="0" role="region" aria-label=text::TIMELINE_CAPTION>
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
                        <For
                            each=move || snapshots.get()
                            key=|snapshot| snapshot.meta.id
                            children=move |snapshot| {
                                let id = snapshot.meta.id;
                                let promotion = promotions.with_untracked(|p| p.as_ref().and_then(|p| p.get(&id).copied()));
                                view! { <ImportRow snapshot=snapshot promotion=promotion /> }
                            }
                        />
                    </tbody>
                </table>
            </div>
            <Show when=move || has_dates.get()>
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
                {move || progress.get().map(|comparison| view! { <ComparisonView comparison=comparison anchor="depuis" promotion=None /> })}
            </Show>
        </section>
    }
}

#[component]
fn ImportRow(snapshot: StoredSnapshot, promotion: Option<CohortShare>) -> impl IntoView {
    let counts = profile_counts(&snapshot);
    let share = match (promotion, counts) {
        (Some(p), _) => text::promotion_share_cell(p.certifiable, p.students, p.percent()),
        (None, Some(c)) => format!("{} ({}\u{a0}%)", c.certifiable, c.certifiable_percent()),
        (None, None) => String::new(),
    };
    view! {
        <tr data-testid="snapshot-row" data-snapshot-id=snapshot.meta.id.to_string()>
            <th scope="row">{snapshot.meta.file_name.clone()}</th>
            <td data-label=text::COL_IMPORTED_AT>{format_timestamp(snapshot.meta.imported_at_ms)}</td>
            <td data-label=text::COL_STATE_AT>
                {snapshot.meta.latest_activity.map(|d| d.french()).unwrap_or_default()}
            </td>
            <td class="num" data-label=text::COL_PARTICIPANTS>
                {counts.map(|c| c.participants.to_string()).unwrap_or_default()}
            </td>
            <td class="num" data-label=text::COL_CERTIFIABLE>
                {share}
            </td>
        </tr>
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

/// The categories in the order they are shown, with their label and tone. Together they
/// partition the students of both states; "newly sent" cuts across them.
const CATEGORIES: [(ChangeCategory, &str, &str); 7] = [
    (
        ChangeCategory::BecameCertifiable,
        text::BECAME_CERTIFIABLE,
        "ok",
    ),
    (
        ChangeCategory::NoLongerCertifiable,
        text::NO_LONGER_CERTIFIABLE,
        "warn",
    ),
    (
        ChangeCategory::StillNotCertifiable,
        text::STILL_NOT_CERTIFIABLE,
        "warn",
    ),
    (ChangeCategory::StillNotSent, text::STILL_NOT_SENT, "muted"),
    (
        ChangeCategory::StillCertifiable,
        text::STILL_CERTIFIABLE,
        "ok",
    ),
    (ChangeCategory::Joined, text::JOINED, "neutral"),
    (ChangeCategory::Gone, text::GONE, "muted"),
];

fn describe_state(state: Option<StudentState>) -> String {
    match state {
        None => text::ABSENT.to_owned(),
        Some(state) => text::state(state.score, state.certifiable_count),
    }
}

fn category_label(category: ChangeCategory) -> &'static str {
    CATEGORIES
        .iter()
        .find(|(c, _, _)| *c == category)
        .map_or("", |(_, label, _)| *label)
}

/// What a category card opens: one category, or the newly sent profiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opened {
    Category(ChangeCategory),
    NewlySent,
}

#[component]
fn ComparisonView(
    comparison: Shared<Comparison>,
    anchor: &'static str,
    /// The promotion's figures before and after, with a school list.
    promotion: Option<(CohortShare, CohortShare)>,
) -> impl IntoView {
    let counts = comparison.counts;
    let share = match promotion {
        Some((before, after)) => text::promotion_share_change(before.percent(), after.percent()),
        None => text::share_change(
            percent(counts.certifiable_before, counts.participants_before),
            percent(counts.certifiable_after, counts.participants_after),
        ),
    };
    // The category whose list is shown; the first that has students, to begin with.
    let first = CATEGORIES
        .iter()
        .find(|(category, _, _)| comparison.in_category(*category).next().is_some())
        .map(|(category, _, _)| Opened::Category(*category));
    let opened = RwSignal::new(first);
    let newly_sent = comparison.changes.iter().filter(|c| c.newly_sent()).count();
    let card = move |which: Opened,
                     slug: &'static str,
                     label: &'static str,
                     count: usize,
                     tone: &'static str| {
        view! {
            <button
                type="button"
                class=format!("card card--{tone} card--link")
                data-testid="diff-count"
                data-category=slug
                aria-pressed=move || (opened.get() == Some(which)).to_string()
                aria-controls=format!("diff-{anchor}-list")
                on:click=move |_| opened.set(Some(which))
            >
                <span class="card__value">{count}</span>
                <span class="card__label">{label}</span>
            </button>
        }
    };
    let cards = CATEGORIES
        .iter()
        .map(|&(category, label, tone)| {
            let count = comparison.in_category(category).count();
            card(
                Opened::Category(category),
                category.slug(),
                label,
                count,
                tone,
            )
        })
        .collect_view();
    let list = {
        let comparison = comparison.clone();
        move || {
            let which = opened.get()?;
            let (slug, label) = match which {
                Opened::Category(category) => (
                    category.slug(),
                    CATEGORIES
                        .iter()
                        .find(|(c, _, _)| *c == category)
                        .map_or("", |(_, label, _)| *label),
                ),
                Opened::NewlySent => ("newly-sent", text::NEWLY_SENT),
            };
            // Who moved up most first, in every list.
            let changes: Vec<StudentChange> = comparison
                .by_progress(None)
                .into_iter()
                .filter(|change| match which {
                    Opened::Category(category) => change.category == category,
                    Opened::NewlySent => change.newly_sent(),
                })
                .cloned()
                .collect();
            Some(view! { <ChangeTable slug=slug label=label changes=changes /> })
        }
    };
    let progress = comparison.progress();
    let export = {
        let comparison = comparison.clone();
        move |_| {
            let category = |category: ChangeCategory| category_label(category);
            let state = |state: Option<StudentState>| describe_state(state);
            let labels = ComparisonCsvLabels {
                header: text::COMPARISON_CSV_HEADER,
                category: &category,
                state: &state,
            };
            let csv = comparison_csv(&comparison, &labels);
            let _ = download_csv(text::COMPARISON_FILE_NAME, &csv);
        }
    };
    // Printing lists every category, built only for the print.
    let printing = RwSignal::new(false);
    // Undone when the print is over, whenever the browser says so (`print()` returns before
    // the dialog closes in some browsers).
    let after_print = window_event_listener(leptos::ev::afterprint, move |_| {
        if let Some(body) = document().body() {
            let _ = body.class_list().remove_1("print-history");
        }
        printing.set(false);
    });
    on_cleanup(move || after_print.remove());
    let print = move |_| {
        if let Some(body) = document().body() {
            printing.set(true);
            let _ = body.class_list().add_1("print-history");
            request_animation_frame(move || {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            });
        }
    };
    let all_categories = {
        let comparison = comparison.clone();
        move || {
            printing.get().then(|| {
                CATEGORIES
                    .iter()
                    .map(|&(category, label, _)| {
                        let changes: Vec<StudentChange> = comparison
                            .by_progress(Some(category))
                            .into_iter()
                            .cloned()
                            .collect();
                        view! { <ChangeTable slug=category.slug() label=label changes=changes /> }
                    })
                    .collect_view()
            })
        }
    };
    view! {
        <p class="share"><strong>{share}</strong></p>
        <p class="diff-progress" data-testid="diff-progress" data-up=progress.students_up.to_string()>
            <strong>{text::progress_summary(progress.students_up, progress.competences_gained, progress.students_down)}</strong>
        </p>
        <div class="todo__actions">
            <button type="button" class="button button--secondary" data-testid=format!("export-comparison-{anchor}") on:click=export>
                {text::EXPORT_COMPARISON}
            </button>
            <button type="button" class="button button--secondary" data-testid=format!("print-comparison-{anchor}") on:click=print>
                {text::PRINT_COMPARISON}
            </button>
        </div>
        <p class="field__hint">{text::partition_hint(comparison.changes.len())}</p>
        <div class="cards cards--diff">{cards}</div>
        // Not a category: it counts across them, so it stands apart.
        <p class="field__hint">{text::ACROSS_CATEGORIES}</p>
        <div class="cards cards--diff">
            {card(Opened::NewlySent, "newly-sent", text::NEWLY_SENT, newly_sent, "neutral")}
        </div>
        <div id=format!("diff-{anchor}-list") class="diff-list" aria-live="polite">{list}</div>
        <div class="diff-print print-only">{all_categories}</div>
    }
}

#[component]
fn ChangeTable(
    slug: &'static str,
    label: &'static str,
    changes: Vec<StudentChange>,
) -> impl IntoView {
    if changes.is_empty() {
        return view! { <p class="empty">{text::change_caption(label, 0)}</p> }.into_any();
    }
    let caption = text::change_caption(label, changes.len());
    let describe = describe_state;
    let rows = changes
        .into_iter()
        .map(|change| {
            view! {
                <tr data-testid="diff-row" data-last=change.last.clone() data-first=change.first.clone()>
                    <th scope="row">{format!("{} {}", change.last, change.first)}</th>
                    <td data-label=text::COL_CLASS>{change.class.clone()}</td>
                    <td data-label=text::COL_BEFORE>{describe(change.before)}</td>
                    <td data-label=text::COL_AFTER>{describe(change.after)}</td>
                    <td class="num" data-label=text::COL_PROGRESS>
                        {text::progress_cell(change.competence_change(), change.score_change())}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="table table--stack diff-table" data-category=slug>
                <caption>{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::COL_STUDENT}</th>
                        <th scope="col">{text::COL_CLASS}</th>
                        <th scope="col">{text::COL_BEFORE}</th>
                        <th scope="col">{text::COL_AFTER}</th>
                        <th scope="col" class="num">{text::COL_PROGRESS}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
