//! The school roster on a campaign page: the join of the campaign's lines to the roster,
//! the picker of the classes that make the cohort, and the "À vérifier" panel where the user
//! says which roster student an ambiguous participant is.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::roster::cohort::{campaign_roster, default_cohort_classes, CampaignRoster};
use crate::domain::roster::matching::{Decision, ExportName, NameMatch};
use crate::domain::roster::Roster;
use crate::domain::text::fold;
use crate::domain::views::cohort::ParticipantLine;
use crate::ui::state::{use_state, Shared};
use crate::ui::text::roster as tr;

/// A campaign's lines joined to the stored roster, for the cohort in force.
pub struct RosterJoin {
    pub roster: Shared<Roster>,
    /// Class keys of the cohort.
    pub cohort: Vec<String>,
    pub joined: CampaignRoster,
}

/// A campaign's join to the roster, `None` without one.
pub type JoinMemo = Memo<Option<Shared<RosterJoin>>>;

/// The join, computed again when the roster, the choices or the cohort's classes change;
/// `None` without a roster, so every view stays as without one; `None` too when the list
/// covers none of the campaign (`CampaignRoster::covers_campaign`). The second memo is the
/// join whatever it covers, for the headline to say so.
pub fn campaign_join(
    campaign_id: u64,
    lines: Shared<Vec<ParticipantLine>>,
) -> (JoinMemo, JoinMemo) {
    let any = any_join(campaign_id, lines);
    let covering = Memo::new(move |_| any.get().filter(|join| join.joined.covers_campaign()));
    (covering, any)
}

fn any_join(
    campaign_id: u64,
    lines: Shared<Vec<ParticipantLine>>,
) -> Memo<Option<Shared<RosterJoin>>> {
    let state = use_state();
    Memo::new(move |_| {
        let held = state.roster().get()?;
        let decisions = state.match_decisions().get();
        let cohort = state
            .chosen_cohort_classes(campaign_id)
            .unwrap_or_else(|| default_cohort_classes(&held.roster, &lines));
        let joined = campaign_roster(&held.roster, &lines, &cohort, &decisions);
        Some(Shared(Arc::new(RosterJoin {
            roster: held.roster,
            cohort,
            joined,
        })))
    })
}

/// Whether a never-joined roster student passes the participants' class filter and search.
pub fn never_joined_matches(
    roster: &Roster,
    student: usize,
    classes: &[String],
    folded_search: &str,
) -> bool {
    let student = &roster.students[student];
    let class = crate::domain::text::class_key(&student.class);
    let names = fold(&format!("{} {}", student.last, student.first));
    (classes.is_empty() || classes.contains(&class))
        && (folded_search.is_empty() || folded_search.split(' ').all(|word| names.contains(word)))
}

/// Which roster classes make the campaign's cohort: one checkbox per class, kept per
/// campaign.
#[component]
pub fn CohortPicker(campaign_id: u64, join: Memo<Option<Shared<RosterJoin>>>) -> impl IntoView {
    let state = use_state();
    move || {
        join.get().map(|join| {
            let boxes = join
                .roster
                .classes()
                .into_iter()
                .map(|(key, label)| {
                    let checked = join.cohort.contains(&key);
                    let cohort = join.cohort.clone();
                    let id = format!("cohort-class-{key}");
                    view! {
                        <li class="chip-check">
                            <input
                                type="checkbox"
                                id=id.clone()
                                data-testid="cohort-class"
                                data-class=label.clone()
                                prop:checked=checked
                                on:change=move |event| {
                                    let on = event_target_checked(&event);
                                    let mut classes = cohort.clone();
                                    classes.retain(|class| class != &key);
                                    if on {
                                        classes.push(key.clone());
                                    }
                                    state.set_cohort_classes(campaign_id, classes);
                                }
                            />
                            <label for=id>{label.clone()}</label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="notice notice--quiet cohort-picker" data-testid="cohort-picker">
                    <summary>{tr::cohort_picker_summary(join.cohort.len())}</summary>
                    <fieldset>
                        <legend>{tr::COHORT_PICKER_LEGEND}</legend>
                        <ul class="chip-list">{boxes}</ul>
                    </fieldset>
                </details>
            }
        })
    }
}

/// The participants the matching could not place alone, each with its candidates.
#[component]
pub fn ToCheckPanel(
    lines: Shared<Vec<ParticipantLine>>,
    join: Memo<Option<Shared<RosterJoin>>>,
) -> impl IntoView {
    let state = use_state();
    move || {
        let join = join.get()?;
        if join.joined.to_check.is_empty() {
            return None;
        }
        let items = join
            .joined
            .to_check
            .iter()
            .map(|&line_at| {
                let line = &lines[line_at];
                let key = ExportName::of_line(line).decision_key();
                let (candidates, reason) = match &join.joined.matching.names[line_at] {
                    NameMatch::ToCheck { candidates, reason } => (candidates.clone(), reason.label()),
                    _ => (Vec::new(), ""),
                };
                let choices = candidates
                    .into_iter()
                    .map(|student| {
                        let student = &join.roster.students[student];
                        let id = student.key.clone();
                        let key = key.clone();
                        let label = tr::candidate(&student.last, &student.first, &student.class);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="button button--secondary"
                                    data-testid="to-check-pick"
                                    data-class=student.class.clone()
                                    on:click=move |_| state.decide_match(key.clone(), Decision::Student(id.clone()))
                                >
                                    {label}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                let none_key = key.clone();
                view! {
                    <li
                        class="to-check__item"
                        data-testid="to-check-item"
                        data-last=line.last().to_owned()
                        data-first=line.first().to_owned()
                    >
                        <p>
                            <strong>{format!("{} {}", line.last(), line.first())}</strong>
                            {format!(" ({}) — {reason}", tr::class_or_none(line.class()))}
                        </p>
                        <ul class="to-check__choices" aria-label=tr::CANDIDATES>
                            {choices}
                            <li>
                                <button
                                    type="button"
                                    class="button button--link"
                                    data-testid="to-check-none"
                                    on:click=move |_| state.decide_match(none_key.clone(), Decision::OutOfRoster)
                                >
                                    {tr::NOT_IN_ROSTER}
                                </button>
                            </li>
                        </ul>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="panel to-check" aria-labelledby="to-check-title" data-testid="to-check">
                <h3 id="to-check-title">{tr::TO_CHECK_TITLE}</h3>
                <p>{tr::TO_CHECK_HELP}</p>
                <ul class="to-check__list">{items}</ul>
            </section>
        })
    }
}
