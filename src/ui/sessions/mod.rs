//! The certification sessions page: a plan per profiles collection, its rooms and slots
//! (`setup`), the proposal and the hand edits (`board`), and what comes out of it: the
//! invigilators' lists, the convocations, the grid and the CSV (`outputs`). Every rule is in
//! `domain::sessions`; the page reads `Memo`s over it, and every edit goes through
//! `AppState::save_plan`.

mod board;
mod outputs;
mod setup;

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::model::snapshot::CampaignKind;
use crate::domain::roster::cohort::{campaign_roster, default_cohort_classes, never_joined_todo};
use crate::domain::sessions::outputs::{session_lists, SessionList};
use crate::domain::sessions::{
    candidates, changes, check, unplaced, Candidate, Changes, Plan, PlanDate, Problem, Unplaced,
};
use crate::domain::views::cohort::participant_lines;
use crate::ui::campaign::profile_rows;
use crate::ui::state::{latest_snapshot, use_state, AppState, Shared};
use crate::ui::text::sessions as ts;

/// What every part of the page reads, and the one way to change the plan.
#[derive(Clone, Copy)]
struct PlanContext {
    state: AppState,
    plan: Memo<Plan>,
    /// Every session with its students, empty ones included.
    lists: Memo<Shared<Vec<SessionList>>>,
    candidates: Memo<Shared<Vec<Candidate>>>,
    problems: Memo<Shared<Vec<Problem>>>,
    unplaced: Memo<Shared<Vec<Unplaced>>>,
    changes: Memo<Option<Changes>>,
    /// Latest sending of the collecte's latest import (`LocalDateTime::iso`).
    latest: Memo<Option<String>>,
}

impl PlanContext {
    /// Applies a change to the plan and stores it; a refused write changes nothing.
    fn edit(&self, change: impl FnOnce(&mut Plan)) {
        let mut plan = self.plan.get_untracked();
        change(&mut plan);
        self.state.save_plan(plan);
    }
}

/// Today in the browser's local time.
fn today() -> PlanDate {
    let date = js_sys::Date::new_0();
    PlanDate {
        year: date.get_full_year() as u16,
        month: date.get_month() as u8 + 1,
        day: date.get_date() as u8,
    }
}

#[component]
pub fn SessionsPage() -> impl IntoView {
    let state = use_state();
    // The profiles collections, by name: a plan starts from one of them.
    let sources = Memo::new(move |_| {
        state.snapshots().with(|all| {
            let mut sources: Vec<(u64, String)> = Vec::new();
            for snapshot in all {
                if snapshot.meta.kind == CampaignKind::ProfilesCollection
                    && !sources
                        .iter()
                        .any(|(id, _)| *id == snapshot.meta.campaign_id)
                {
                    sources.push((
                        snapshot.meta.campaign_id,
                        snapshot.meta.campaign_name.clone(),
                    ));
                }
            }
            sources
        })
    });
    let picked = RwSignal::new(None::<u64>);
    // The chosen collecte; else the first one with a plan; else the first one.
    let chosen = Memo::new(move |_| {
        sources.with(|sources| {
            let known = |id: u64| sources.iter().any(|(source, _)| *source == id);
            picked
                .get()
                .filter(|&id| known(id))
                .or_else(|| {
                    state.plans().with(|plans| {
                        plans
                            .iter()
                            .map(|plan| plan.campaign_id)
                            .find(|&id| known(id))
                    })
                })
                .or_else(|| sources.first().map(|(id, _)| *id))
        })
    });

    view! {
        <div class="sessions" data-testid="sessions-page">
            <section class="panel sessions-head" aria-labelledby="sessions-title">
                <h2 id="sessions-title">{ts::TITLE}</h2>
                <p>{ts::INTRO}</p>
                <Show
                    when=move || sources.with(|s| !s.is_empty())
                    fallback=|| view! { <p class="notice" data-testid="sessions-empty">{ts::NO_COLLECTE}</p> }
                >
                    <label class="field">
                        <span class="field__label">{ts::SOURCE_LABEL}</span>
                        <select
                            data-testid="plan-source"
                            prop:value=move || chosen.get().map(|id| id.to_string()).unwrap_or_default()
                            on:change=move |event| picked.set(event_target_value(&event).parse().ok())
                        >
                            <For
                                each=move || sources.get()
                                key=|source| source.clone()
                                children=move |(id, name)| view! {
                                    <option value=id.to_string() selected=move || chosen.get() == Some(id)>{name}</option>
                                }
                            />
                        </select>
                    </label>
                </Show>
            </section>
            {move || chosen.get().map(|id| {
                let name = sources.with_untracked(|s| {
                    s.iter().find(|(source, _)| *source == id).map(|(_, n)| n.clone()).unwrap_or_default()
                });
                view! { <PlanView campaign_id=id campaign_name=name /> }
            })}
        </div>
    }
}

/// The plan of one collecte, with everything computed from it.
#[component]
fn PlanView(campaign_id: u64, campaign_name: String) -> impl IntoView {
    let state = use_state();
    let created = today();
    let default_name = ts::default_plan_name(&campaign_name);
    let plan = Memo::new(move |_| {
        state
            .plans()
            .with(|plans| plans.iter().find(|p| p.campaign_id == campaign_id).cloned())
            .unwrap_or_else(|| Plan::new(&default_name, created, campaign_id))
    });
    let snapshot = Memo::new(move |_| {
        state
            .snapshots()
            .with(|all| latest_snapshot(all, campaign_id).cloned())
    });
    let lines = Memo::new(move |_| {
        snapshot.with(|snapshot| {
            Shared(Arc::new(
                snapshot
                    .as_ref()
                    .map(|s| participant_lines(profile_rows(&s.data)))
                    .unwrap_or_default(),
            ))
        })
    });
    // The school list's students of the cohort who never joined, when a list is stored.
    let never_joined = Memo::new(move |_| {
        let held = state.roster().get()?;
        let decisions = state.match_decisions().get();
        let lines = lines.get();
        let cohort = state
            .chosen_cohort_classes(campaign_id)
            .unwrap_or_else(|| default_cohort_classes(&held.roster, &lines));
        let joined = campaign_roster(&held.roster, &lines, &cohort, &decisions);
        Some(Shared(Arc::new(never_joined_todo(
            &held.roster,
            &joined,
            &[],
        ))))
    });
    let students = Memo::new(move |_| {
        let lines = lines.get();
        let never_joined = never_joined.get();
        snapshot.with(|snapshot| {
            Shared(Arc::new(snapshot.as_ref().map_or_else(Vec::new, |s| {
                candidates(
                    profile_rows(&s.data),
                    &lines,
                    never_joined.as_ref().map_or(&[][..], |n| n.as_slice()),
                )
            })))
        })
    });
    let latest = Memo::new(move |_| {
        snapshot.with(|s| {
            s.as_ref()
                .and_then(|s| s.meta.latest_activity)
                .map(|d| d.iso())
        })
    });
    let context = PlanContext {
        state,
        plan,
        lists: Memo::new(move |_| plan.with(|plan| Shared(Arc::new(session_lists(plan, true))))),
        candidates: students,
        problems: Memo::new(move |_| {
            students.with(|students| plan.with(|plan| Shared(Arc::new(check(plan, students)))))
        }),
        unplaced: Memo::new(move |_| {
            students.with(|students| plan.with(|plan| Shared(Arc::new(unplaced(plan, students)))))
        }),
        changes: Memo::new(move |_| {
            let latest = latest.get();
            students.with(|students| plan.with(|plan| changes(plan, students, latest.as_deref())))
        }),
        latest,
    };
    let state_line = move || {
        let date = snapshot.with(|s| {
            s.as_ref()
                .and_then(|s| s.meta.latest_activity)
                .map(|d| d.french())
                .unwrap_or_else(|| "—".to_owned())
        });
        ts::source_state(&date, students.with(|s| s.len()))
    };

    view! {
        <section class="panel sessions-plan" aria-labelledby="plan-title">
            <h3 id="plan-title" class="visually-hidden">{ts::PLAN_NAME}</h3>
            <label class="field">
                <span class="field__label">{ts::PLAN_NAME}</span>
                <input
                    type="text"
                    data-testid="plan-name"
                    prop:value=move || plan.with(|p| p.name.clone())
                    on:change=move |event| {
                        let name = event_target_value(&event);
                        if !name.trim().is_empty() {
                            context.edit(|plan| plan.name = name.trim().to_owned());
                        }
                    }
                />
            </label>
            <p class="sessions-plan__meta">
                {move || ts::created_on(&plan.with(|p| p.created.french()))}
                " "
                {state_line}
            </p>
        </section>
        <setup::PlanSetup context=context />
        <board::PlanBoard context=context />
        <outputs::PlanOutputs context=context />
    }
}
