//! The proposal and the hand edits: one card per session with its students and its
//! problems, then the students in no session with their reason.

use leptos::prelude::*;

use super::PlanContext;
use crate::domain::model::competences::COMPETENCES;
use crate::domain::sessions::outputs::{ListedStudent, SessionList};
use crate::domain::sessions::{
    format_time, propose, CandidateStatus, Plan, Problem, ProblemKind, SessionId, StudentRef,
    Unplaced,
};
use crate::ui::text::sessions as ts;

/// Above this many placed students the session cards start folded, so a lycée's plan does
/// not build thousands of rows (each with its select) nobody looks at.
const UNFOLDED_LIMIT: usize = 150;

/// `lundi 12 janvier 2026, 08:30–10:15, salle B12`.
fn session_label(plan: &Plan, id: SessionId) -> String {
    plan.session(id).map_or_else(String::new, |session| {
        ts::session_title(
            &ts::long_date(session.slot.date),
            &format_time(u32::from(session.slot.start)),
            &format_time(plan.timing.end(session.slot.start, false)),
            &session.room.name,
        )
    })
}

fn problem_text(plan: &Plan, problem: &Problem) -> String {
    let session = session_label(plan, problem.session());
    let who =
        |student: &StudentRef| format!("{} {} ({})", student.first, student.last, student.class);
    match problem {
        Problem::OverCapacity {
            placed, capacity, ..
        } => ts::over_capacity(&session, *placed, *capacity),
        Problem::OutsideWindow { .. } => ts::outside_window(&session),
        Problem::NotCertifiablePlaced {
            student, status, ..
        } => ts::not_certifiable_placed(&session, &who(student), status.is_none()),
        Problem::ExtraTimeOverlap { student, next, .. } => {
            ts::extra_time_overlap(&session, &who(student), &session_label(plan, *next))
        }
    }
}

#[component]
pub(super) fn PlanBoard(context: PlanContext) -> impl IntoView {
    let plan = context.plan;
    let ready = Memo::new(move |_| plan.with(|p| !p.rooms.is_empty() && !p.slots.is_empty()));
    let proposed = Memo::new(move |_| plan.with(|p| !p.placements.is_empty()));
    let run = move |_| {
        let students = context.candidates.get_untracked();
        let latest = context.latest.get_untracked();
        context.edit(|plan| {
            plan.placements = propose(plan, &students);
            plan.proposed_from = latest;
        });
    };
    // (value, label) of every session, for the move and place selects.
    let options = Memo::new(move |_| {
        plan.with(|p| {
            p.sessions()
                .iter()
                .map(|s| {
                    let start = format_time(u32::from(s.slot.start));
                    (
                        s.id.to_string(),
                        ts::session_option(s.slot.date, &start, &s.room.name),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let unfolded = Memo::new(move |_| plan.with(|p| p.placements.len() <= UNFOLDED_LIMIT));
    view! {
        <section class="panel sessions-board" aria-labelledby="board-title">
            <div class="section-head">
                <h3 id="board-title">{ts::BOARD_TITLE}</h3>
                <button
                    type="button"
                    class="button button--primary"
                    data-testid="plan-propose"
                    disabled=move || !ready.get()
                    on:click=run
                >
                    {move || if proposed.get() { ts::PROPOSE_AGAIN } else { ts::PROPOSE }}
                </button>
            </div>
            <p class="muted">{ts::PROPOSE_HINT}</p>
            <Show when=move || !ready.get()>
                <p class="notice">{ts::NEED_ROOMS_AND_SLOTS}</p>
            </Show>
            <ChangesNote context=context />
            <ProblemSummary context=context />
            <div class="session-cards">
                <For
                    each=move || context.lists.get().to_vec()
                    key=|list| list.clone()
                    children=move |list| view! { <SessionCard context=context list=list options=options unfolded=unfolded /> }
                />
            </div>
            <UnplacedList context=context options=options />
        </section>
    }
}

#[component]
fn ChangesNote(context: PlanContext) -> impl IntoView {
    let names = |students: &[StudentRef]| {
        students
            .iter()
            .map(|s| format!("{} {} ({})", s.first, s.last, s.class))
            .collect::<Vec<_>>()
            .join(", ")
    };
    move || {
        context.changes.get().filter(|c| !c.is_empty()).map(|changes| {
            view! {
                <div class="notice sessions-changes" data-testid="plan-changes" role="status">
                    <p><strong>{ts::CHANGES_TITLE}</strong></p>
                    {(!changes.no_longer_certifiable.is_empty()).then(|| view! {
                        <p data-testid="plan-changes-lost">{ts::no_longer_certifiable(&names(&changes.no_longer_certifiable))}</p>
                    })}
                    {(!changes.now_certifiable.is_empty()).then(|| view! {
                        <p data-testid="plan-changes-new">{ts::now_certifiable(&names(&changes.now_certifiable))}</p>
                    })}
                </div>
            }
        })
    }
}

/// How many problems of each kind; each problem itself is shown in its session's card.
#[component]
fn ProblemSummary(context: PlanContext) -> impl IntoView {
    let counts = Memo::new(move |_| {
        context.problems.with(|problems| {
            [
                ProblemKind::OverCapacity,
                ProblemKind::OutsideWindow,
                ProblemKind::NotCertifiablePlaced,
                ProblemKind::ExtraTimeOverlap,
            ]
            .into_iter()
            .map(|kind| (kind, problems.iter().filter(|p| p.kind() == kind).count()))
            .filter(|(_, count)| *count > 0)
            .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="sessions-problems" aria-live="polite">
            <Show
                when=move || counts.with(|c| !c.is_empty())
                fallback=move || view! {
                    <p class="sessions-problems__none">
                        <span class="tag tag--ok">{ts::NO_PROBLEM}</span>
                    </p>
                }
            >
                <p class="sessions-problems__title"><strong>{ts::PROBLEMS_TITLE}</strong></p>
                <ul class="sessions-problems__list">
                    {move || counts.get().into_iter().map(|(kind, count)| view! {
                        <li><span class="tag tag--warn">{ts::problem_kind(kind)}</span>" × "{count}</li>
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}

#[component]
fn SessionCard(
    context: PlanContext,
    list: SessionList,
    options: Memo<Vec<(String, String)>>,
    unfolded: Memo<bool>,
) -> impl IntoView {
    let id = list.id;
    let title = context.plan.with_untracked(|plan| session_label(plan, id));
    let title_id = format!("session-{id}");
    let labelled_by = title_id.clone();
    let count = list.students.len();
    let problems = Memo::new(move |_| {
        context.problems.with(|problems| {
            problems
                .iter()
                .filter(|p| p.session() == id)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let opened = RwSignal::new(false);
    let open = move || unfolded.get() || opened.get();
    let locked = list.locked;
    let over = count > list.capacity;
    let students = list.students.clone();
    let caption = title.clone();
    let body = if students.is_empty() {
        view! { <p class="muted">{ts::SESSION_EMPTY}</p> }.into_any()
    } else {
        view! {
            <details
                class="session-card__students"
                prop:open=move || unfolded.get() || opened.get_untracked()
                on:toggle=move |event| {
                    if event_target::<web_sys::HtmlDetailsElement>(&event).open() {
                        opened.set(true);
                    }
                }
            >
                <summary>{ts::show_students(count)}</summary>
                <Show when=open>
                    <SessionTable context=context id=id caption=caption.clone() students=students.clone() options=options />
                </Show>
            </details>
        }
        .into_any()
    };
    view! {
        <article
            class="session-card"
            class:session-card--problem=move || problems.with(|p| !p.is_empty())
            data-testid="plan-session"
            data-session-id=id.to_string()
            data-date=list.date.iso()
            data-time=format_time(u32::from(list.start))
            data-room=list.room.clone()
            data-seats=list.capacity.to_string()
            data-count=count.to_string()
            aria-labelledby=labelled_by
        >
            <div class="session-card__head">
                <h4 id=title_id>{title}</h4>
                <span class="tag" class:tag--warn=over class:tag--ok=!over>
                    {ts::session_count(count, list.capacity)}
                </span>
            </div>
            <div class="session-card__controls">
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="plan-lock"
                        prop:checked=locked
                        on:change=move |event| {
                            let on = event_target_checked(&event);
                            context.edit(|plan| plan.set_locked(id, on));
                        }
                    />
                    " "
                    {ts::LOCK}
                </label>
                <label class="field field--inline">
                    <span class="field__label">{ts::INVIGILATOR}</span>
                    <input
                        type="text"
                        data-testid="plan-invigilator"
                        prop:value=list.invigilator.clone()
                        on:change=move |event| {
                            let name = event_target_value(&event);
                            context.edit(|plan| plan.set_invigilator(id, &name));
                        }
                    />
                </label>
            </div>
            <ul class="session-card__warnings">
                <For
                    each=move || problems.get()
                    key=|problem| problem.clone()
                    children=move |problem| {
                        let kind = problem.kind();
                        let text = context.plan.with_untracked(|plan| problem_text(plan, &problem));
                        view! {
                            <li data-testid="plan-warning" data-kind=kind.slug()>
                                <span class="tag tag--warn">{ts::problem_kind(kind)}</span>
                                " "
                                {text}
                            </li>
                        }
                    }
                />
            </ul>
            {body}
        </article>
    }
}

#[component]
fn SessionTable(
    context: PlanContext,
    id: SessionId,
    caption: String,
    students: Vec<ListedStudent>,
    options: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let current = id.to_string();
    let rows = students
        .into_iter()
        .map(|listed| {
            view! { <PlacedRow context=context listed=listed current=current.clone() options=options /> }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="table sessions-table">
                <caption class="visually-hidden">{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ts::COL_CLASS}</th>
                        <th scope="col">{ts::COL_LAST}</th>
                        <th scope="col">{ts::COL_FIRST}</th>
                        <th scope="col">{ts::EXTRA_TIME}</th>
                        <th scope="col">{ts::MOVE}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn ExtraTimeBox(context: PlanContext, student: StudentRef, on: bool) -> impl IntoView {
    let label = ts::extra_time_of(&student.first, &student.last);
    view! {
        <input
            type="checkbox"
            data-testid="extra-time"
            aria-label=label
            prop:checked=on
            on:change=move |event| {
                let on = event_target_checked(&event);
                context.edit(|plan| plan.set_extra_time(&student, on));
            }
        />
    }
}

#[component]
fn PlacedRow(
    context: PlanContext,
    listed: ListedStudent,
    current: String,
    options: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let student = listed.student.clone();
    let move_label = ts::move_of(&student.first, &student.last);
    let target = student.clone();
    view! {
        <tr
            data-testid="plan-student"
            data-last=student.last.clone()
            data-first=student.first.clone()
            data-class=student.class.clone()
            data-extra-time=listed.extra_time.to_string()
        >
            <td>{student.class.clone()}</td>
            <th scope="row">{student.last.clone()}</th>
            <td>{student.first.clone()}</td>
            <td>
                <ExtraTimeBox context=context student=student.clone() on=listed.extra_time />
                {listed.extra_time.then(|| view! { <span class="muted">" "{ts::extra_until(listed.end)}</span> })}
            </td>
            <td>
                <select
                    data-testid="plan-move"
                    aria-label=move_label
                    on:change=move |event| {
                        let to = SessionId::parse(&event_target_value(&event));
                        if to.is_some() {
                            context.edit(|plan| plan.place(&target, to));
                        }
                    }
                >
                    {move || options.get().into_iter().map(|(value, label)| {
                        let selected = value == current;
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </td>
        </tr>
    }
}

#[component]
fn UnplacedList(context: PlanContext, options: Memo<Vec<(String, String)>>) -> impl IntoView {
    // A lycée may leave hundreds of students out, each with a select of every session: the
    // table is built once unfolded, then stays.
    let small = Memo::new(move |_| context.unplaced.with(|u| u.len() <= UNFOLDED_LIMIT));
    let opened = RwSignal::new(false);
    view! {
        <section class="sessions-unplaced" data-testid="plan-unplaced" aria-labelledby="unplaced-title">
            <h4 id="unplaced-title">
                {ts::UNPLACED_TITLE}
                " ("
                {move || context.unplaced.with(|u| u.len())}
                ")"
            </h4>
            <Show
                when=move || context.unplaced.with(|u| !u.is_empty())
                fallback=|| view! { <p class="muted">{ts::UNPLACED_NONE}</p> }
            >
                <details
                    class="session-card__students"
                    prop:open=move || small.get() || opened.get_untracked()
                    on:toggle=move |event| {
                        if event_target::<web_sys::HtmlDetailsElement>(&event).open() {
                            opened.set(true);
                        }
                    }
                >
                <summary>{move || ts::show_students(context.unplaced.with(|u| u.len()))}</summary>
                <Show when=move || small.get() || opened.get()>
                <div class="table-scroll" tabindex="0" role="region" aria-label=ts::UNPLACED_CAPTION>
                    <table class="table sessions-table">
                        <caption class="visually-hidden">{ts::UNPLACED_CAPTION}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ts::COL_CLASS}</th>
                                <th scope="col">{ts::COL_LAST}</th>
                                <th scope="col">{ts::COL_FIRST}</th>
                                <th scope="col">{ts::COL_STATUS}</th>
                                <th scope="col">{ts::EXTRA_TIME}</th>
                                <th scope="col">{ts::PLACE}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || {
                                    let extra = context.plan.with(|p| p.extra_time.iter().map(StudentRef::key).collect::<std::collections::HashSet<_>>());
                                    context.unplaced.get().iter().map(|u| {
                                        let on = extra.contains(&u.candidate.student.key());
                                        (u.clone(), on)
                                    }).collect::<Vec<_>>()
                                }
                                key=|item| item.clone()
                                children=move |(unplaced, extra)| view! { <UnplacedRow context=context unplaced=unplaced extra=extra options=options /> }
                            />
                        </tbody>
                    </table>
                </div>
                </Show>
                </details>
            </Show>
        </section>
    }
}

#[component]
fn UnplacedRow(
    context: PlanContext,
    unplaced: Unplaced,
    extra: bool,
    options: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let student = unplaced.candidate.student.clone();
    let status = match &unplaced.candidate.status {
        CandidateStatus::NotCertifiable { missing, closest } => {
            let names: Vec<&str> = closest
                .iter()
                .take(2)
                .filter_map(|&at| COMPETENCES.get(at).map(|c| c.index))
                .collect();
            format!(
                "{} — {}",
                ts::reason(unplaced.reason),
                ts::lacks(*missing, &names.join(", "))
            )
        }
        _ => ts::reason(unplaced.reason).to_owned(),
    };
    let place_label = ts::place_of(&student.first, &student.last);
    let target = student.clone();
    view! {
        <tr
            data-testid="plan-student"
            data-last=student.last.clone()
            data-first=student.first.clone()
            data-class=student.class.clone()
            data-extra-time=extra.to_string()
            data-reason=unplaced.reason.slug()
        >
            <td>{student.class.clone()}</td>
            <th scope="row">{student.last.clone()}</th>
            <td>{student.first.clone()}</td>
            <td>{status}</td>
            <td><ExtraTimeBox context=context student=student.clone() on=extra /></td>
            <td>
                <select
                    data-testid="plan-place"
                    aria-label=place_label
                    on:change=move |event| {
                        let to = SessionId::parse(&event_target_value(&event));
                        if to.is_some() {
                            context.edit(|plan| plan.place(&target, to));
                        }
                    }
                >
                    <option value="" selected=true>{ts::NOT_PLACED}</option>
                    {move || options.get().into_iter().map(|(value, label)| {
                        view! { <option value=value>{label}</option> }
                    }).collect_view()}
                </select>
            </td>
        </tr>
    }
}
