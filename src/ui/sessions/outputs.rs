//! What comes out of the plan, each printable on A4 in black and white: the list of each
//! session for its invigilator (one page each), the convocations (several per page), the
//! grid of days and rooms, and the CSV.

use leptos::prelude::*;

use super::PlanContext;
use crate::domain::sessions::format_time;
use crate::domain::sessions::outputs::{
    convocations, grid, plan_csv, Convocation, GridDay, PlanCsvLabels, SessionList,
};
use crate::ui::text;
use crate::ui::text::sessions as ts;
use crate::ui::widgets::download::{download_csv, today_iso};

/// What a print button prints: the body class that the print stylesheet keys on.
#[derive(Clone, Copy)]
enum Print {
    Lists,
    Convocations,
    Grid,
}

impl Print {
    fn class(self) -> &'static str {
        match self {
            Print::Lists => "print-session-lists",
            Print::Convocations => "print-convocations",
            Print::Grid => "print-grid",
        }
    }
}

fn print(what: Print, before: impl FnOnce()) {
    before();
    let Some(body) = document().body() else {
        return;
    };
    let _ = body.class_list().add_1(what.class());
    // Let what was just opened render before the print dialog takes its picture.
    request_animation_frame(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
        if let Some(body) = document().body() {
            let _ = body.class_list().remove_1(what.class());
        }
    });
}

#[component]
pub(super) fn PlanOutputs(context: PlanContext) -> impl IntoView {
    let placed = Memo::new(move |_| context.plan.with(|p| !p.placements.is_empty()));
    let convocations_open = RwSignal::new(false);
    let export = move |_| {
        let labels = PlanCsvLabels {
            header: ts::CSV_HEADER,
            yes: text::YES,
            no: text::NO,
        };
        let csv = context.plan.with_untracked(|plan| plan_csv(plan, &labels));
        let name = ts::csv_file_name(context.plan.with_untracked(|p| p.campaign_id), &today_iso());
        if download_csv(&name, &csv).is_err() {
            context.state.report_once(ts::DOWNLOAD_FAILED.to_owned());
        }
    };
    view! {
        <section class="panel sessions-outputs" aria-labelledby="outputs-title">
            <div class="section-head">
                <h3 id="outputs-title">{ts::OUTPUTS_TITLE}</h3>
                <div class="sessions-outputs__actions">
                    <button type="button" class="button button--primary" data-testid="plan-export" disabled=move || !placed.get() on:click=export>
                        {ts::EXPORT}
                    </button>
                    <button type="button" class="button button--secondary" data-testid="print-session-lists" disabled=move || !placed.get()
                        on:click=move |_| print(Print::Lists, || {})>
                        {ts::PRINT_LISTS}
                    </button>
                    <button type="button" class="button button--secondary" data-testid="print-convocations" disabled=move || !placed.get()
                        on:click=move |_| print(Print::Convocations, || convocations_open.set(true))>
                        {ts::PRINT_CONVOCATIONS}
                    </button>
                    <button type="button" class="button button--secondary" data-testid="print-grid" disabled=move || !placed.get()
                        on:click=move |_| print(Print::Grid, || {})>
                        {ts::PRINT_GRID}
                    </button>
                </div>
            </div>
            <SessionSheets context=context />
            <Convocations context=context open=convocations_open />
            <PlanningGrid context=context />
        </section>
    }
}

/// The invigilators' lists: shown only in print, one page per session.
#[component]
fn SessionSheets(context: PlanContext) -> impl IntoView {
    view! {
        <div class="session-sheets print-only" data-testid="session-sheets">
            <For
                each={move || context.lists.get().iter().filter(|l| !l.students.is_empty()).cloned().collect::<Vec<_>>()}
                key=|list| list.clone()
                children=|list| view! { <SessionSheet list=list /> }
            />
        </div>
    }
}

#[component]
fn SessionSheet(list: SessionList) -> impl IntoView {
    let title = ts::list_title(
        &ts::long_date(list.date),
        &format_time(u32::from(list.start)),
        &format_time(list.end),
        &list.room,
    );
    let rows = list
        .students
        .iter()
        .map(|listed| {
            let extra = if listed.extra_time {
                ts::extra_until(listed.end)
            } else {
                String::new()
            };
            view! {
                <tr>
                    <td>{listed.student.class.clone()}</td>
                    <th scope="row">{listed.student.last.clone()}</th>
                    <td>{listed.student.first.clone()}</td>
                    <td>{extra}</td>
                    <td class="session-sheet__tick"><span class="tick-box" aria-hidden="true"></span></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="session-sheet" data-testid="session-sheet" data-session-id=list.id.to_string() data-count=list.students.len().to_string()>
            <h4>{title.clone()}</h4>
            <p>{ts::list_invigilator(&list.invigilator)}</p>
            <table class="table session-sheet__table">
                <caption class="visually-hidden">{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ts::COL_CLASS}</th>
                        <th scope="col">{ts::COL_LAST}</th>
                        <th scope="col">{ts::COL_FIRST}</th>
                        <th scope="col">{ts::COL_EXTRA}</th>
                        <th scope="col">{ts::COL_TICK}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="session-sheet__reminders">
                <p><strong>{ts::REMINDERS_TITLE}</strong></p>
                <ul>{ts::REMINDERS.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
            </div>
        </section>
    }
}

#[component]
fn Convocations(context: PlanContext, open: RwSignal<bool>) -> impl IntoView {
    let text_value = Memo::new(move |_| {
        context.plan.with(|p| {
            p.convocation_text
                .clone()
                .unwrap_or_else(|| ts::CONVOCATION_DEFAULT.to_owned())
        })
    });
    let all = Memo::new(move |_| context.plan.with(convocations));
    view! {
        <details
            class="convocations-block"
            prop:open=move || open.get()
            on:toggle=move |event| open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())
        >
            <summary data-testid="convocations-open">{ts::CONVOCATIONS_TITLE}</summary>
            <div class="convocations-block__edit">
                <label class="field">
                    <span class="field__label">{ts::CONVOCATION_TEXT}</span>
                    <textarea
                        data-testid="convocation-text"
                        rows="4"
                        prop:value=move || text_value.get()
                        on:change=move |event| {
                            let typed = event_target_value(&event);
                            context.edit(|plan| {
                                plan.convocation_text = (typed.trim() != ts::CONVOCATION_DEFAULT && !typed.trim().is_empty())
                                    .then(|| typed.trim().to_owned());
                            });
                        }
                    ></textarea>
                </label>
                <button
                    type="button"
                    class="button button--link"
                    on:click=move |_| context.edit(|plan| plan.convocation_text = None)
                >
                    {ts::CONVOCATION_RESET}
                </button>
            </div>
            <Show
                when=move || all.with(|all| !all.is_empty())
                fallback=|| view! { <p class="muted">{ts::NO_CONVOCATION}</p> }
            >
                <div class="convocations" data-testid="convocations">
                    <For
                        each=move || all.get()
                        key=|convocation| convocation.clone()
                        children=move |convocation| view! { <ConvocationSheet convocation=convocation text=text_value /> }
                    />
                </div>
            </Show>
        </details>
    }
}

#[component]
fn ConvocationSheet(convocation: Convocation, text: Memo<String>) -> impl IntoView {
    let student = &convocation.student;
    view! {
        <article class="convocation" data-testid="convocation" data-last=student.last.clone() data-first=student.first.clone()>
            <h4>{ts::CONVOCATION_HEADING}</h4>
            <p class="convocation__who">{ts::convocation_who(&student.first, &student.last, &student.class)}</p>
            <p class="convocation__when">
                <strong>
                    {ts::convocation_when(
                        &ts::long_date(convocation.date),
                        &format_time(u32::from(convocation.start)),
                        &format_time(convocation.end),
                    )}
                </strong>
                " — "
                {ts::convocation_room(&convocation.room)}
            </p>
            {convocation.extra_time.then(|| view! { <p>{ts::CONVOCATION_EXTRA}</p> })}
            <p class="convocation__text">{move || text.get()}</p>
        </article>
    }
}

#[component]
fn PlanningGrid(context: PlanContext) -> impl IntoView {
    let planning = Memo::new(move |_| context.plan.with(grid));
    view! {
        <section class="planning-grid" aria-labelledby="grid-title">
            <h4 id="grid-title">{ts::GRID_TITLE}</h4>
            <Show
                when=move || planning.with(|g| !g.days.is_empty())
                fallback=|| view! { <p class="muted">{ts::NO_CONVOCATION}</p> }
            >
                <div class="table-scroll" tabindex="0" role="region" aria-label=ts::GRID_CAPTION>
                    <table class="table planning-grid__table" data-testid="plan-grid">
                        <caption class="visually-hidden">{ts::GRID_CAPTION}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ts::COL_DAY}</th>
                                {move || planning.with(|g| g.rooms.iter().map(|room| view! { <th scope="col">{room.clone()}</th> }).collect_view())}
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || planning.get().days
                                key=|day| day.clone()
                                children=|day| view! { <GridRow day=day /> }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn GridRow(day: GridDay) -> impl IntoView {
    let cells = day
        .rooms
        .iter()
        .map(|sessions| {
            let lines = sessions
                .iter()
                .map(|session| {
                    view! {
                        <li>
                            {ts::grid_cell(
                                &format_time(u32::from(session.start)),
                                &format_time(session.end),
                                session.placed,
                                &session.classes.join(", "),
                            )}
                        </li>
                    }
                })
                .collect_view();
            view! { <td><ul class="planning-grid__cell">{lines}</ul></td> }
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{ts::long_date(day.date)}</th>
            {cells}
        </tr>
    }
}
