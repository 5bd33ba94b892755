//! "À faire": class by class, the students who are not certifiable yet or have not sent,
//! what each lacks, and the advice; exported as CSV and printed one page per class. The list
//! follows the class filter, which lives in the URL like the participants' filters.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::model::competences::{COMPETENCES, DOMAINS};
use crate::domain::model::snapshot::CampaignSnapshot;
use crate::domain::roster::cohort::{
    never_joined_todo, todo_sheets, todo_sheets_csv, NeverJoinedStudent, TodoSheet,
    NEVER_JOINED_ADVICE, NEVER_JOINED_SLUG,
};
use crate::domain::views::cohort::{Certifiability, ParticipantLine};
use crate::domain::views::todo::{competence_list, todo_list, TodoCsvLabels, TodoStudent};
use crate::ui::campaign::{profile_rows, CampaignClassFilter, CampaignRoute};
use crate::ui::roster::RosterJoin;
use crate::ui::state::Shared;
use crate::ui::text;
use crate::ui::text::campaign as tc;
use crate::ui::text::roster as tr;
use crate::ui::widgets::download::download_csv;

/// Above this many students the class lists start folded, so a 20,000-student campaign does
/// not build thousands of rows nobody looks at; printing unfolds them all.
const UNFOLDED_LIMIT: usize = 150;

/// What every printed sheet is headed with: the campaign, its code and the date of its state.
#[derive(Clone, Debug, PartialEq, Eq)]
struct SheetHead {
    campaign: String,
    code: Option<String>,
    date: String,
}

#[component]
pub fn TodoList(
    route: CampaignRoute,
    classes: Vec<(String, String)>,
    snapshot: Arc<CampaignSnapshot>,
    lines: Shared<Vec<ParticipantLine>>,
    /// The class filter of the campaign's view, which the list follows.
    chosen: Memo<Vec<String>>,
    join: Memo<Option<Shared<RosterJoin>>>,
) -> impl IntoView {
    let head = Arc::new(SheetHead {
        campaign: snapshot.campaign.name.clone(),
        code: snapshot.campaign.code.clone(),
        date: snapshot
            .latest_activity()
            .map(|d| d.french_date())
            .unwrap_or_default(),
    });
    let sheets = Memo::new(move |_| {
        let join = join.get();
        chosen.with(|classes| {
            let todo = todo_list(profile_rows(&snapshot), &lines, classes);
            let never = join.as_ref().map_or_else(Vec::new, |join| {
                never_joined_todo(&join.roster, &join.joined, classes)
            });
            Shared(Arc::new(todo_sheets(
                todo,
                never,
                join.as_ref().map(|join| &join.joined),
            )))
        })
    });
    let printing = RwSignal::new(false);
    let unfolded = Memo::new(move |_| {
        sheets.with(|sheets| sheets.iter().map(TodoSheet::to_do).sum::<usize>() <= UNFOLDED_LIMIT)
    });

    let export = move |_| {
        let labels = TodoCsvLabels {
            header: tc::TODO_CSV_HEADER,
            not_certifiable: text::TAG_NOT_CERTIFIABLE,
            not_sent: text::TAG_NOT_SENT,
            no_class: tc::NO_CLASS,
        };
        let csv =
            sheets.with_untracked(|sheets| todo_sheets_csv(sheets, &labels, tr::TAG_NEVER_JOINED));
        if download_csv(&tc::todo_file_name(route.id), &csv).is_err() {
            route.report(tc::DOWNLOAD_FAILED.to_owned());
        }
    };
    let print = move |_| {
        printing.set(true);
        set_body_printing(true);
        // Let the unfolded lists render before the print dialog takes its picture.
        request_animation_frame(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
            set_body_printing(false);
            printing.set(false);
        });
    };

    view! {
        <section class="panel todo" aria-labelledby="todo-title" data-testid="todo">
            <div class="section-head">
                <h3 id="todo-title">{tc::TODO_TITLE}</h3>
                <div class="todo__actions">
                    <button type="button" class="button button--primary" data-testid="export-todo" on:click=export>
                        {tc::TODO_EXPORT}
                    </button>
                    <button type="button" class="button button--secondary" data-testid="print-todo" on:click=print>
                        {tc::TODO_PRINT}
                    </button>
                </div>
            </div>
            <p class="todo__advice">{tc::TODO_ADVICE}</p>
            <form class="filters filters--compact" role="search" aria-label=text::FILTERS on:submit=|event| event.prevent_default()>
                <CampaignClassFilter route=route classes=classes />
            </form>
            <Show when=move || chosen.with(|classes| !classes.is_empty())>
                <p class="todo__filtered">
                    {move || sheets.with(|sheets| {
                        let labels: Vec<&str> = sheets.iter().map(|c| c.label.as_str()).collect();
                        tc::todo_filtered(&labels.join(", "))
                    })}
                </p>
            </Show>
            <Show when=move || sheets.with(|sheets| sheets.iter().all(|c| c.to_do() == 0))>
                <p class="todo__done">{tc::TODO_ALL_DONE}</p>
            </Show>
            <For
                each=move || sheets.get().to_vec()
                key=|sheet| (sheet.key.clone(), sheet.to_do(), sheet.pupils)
                children=move |sheet| {
                    let open = Signal::derive(move || printing.get() || unfolded.get());
                    view! { <TodoSheetBlock sheet=sheet open=open head=Arc::clone(&head) /> }
                }
            />
        </section>
    }
}

fn set_body_printing(on: bool) {
    if let Some(body) = document().body() {
        let _ = if on {
            body.class_list().add_1("print-todo")
        } else {
            body.class_list().remove_1("print-todo")
        };
    }
}

/// One class: its counts over all its pupils, then under a fold (built when first unfolded)
/// its participants still to help and its pupils who never joined. Printed as one sheet.
#[component]
fn TodoSheetBlock(
    sheet: TodoSheet,
    #[prop(into)] open: Signal<bool>,
    head: Arc<SheetHead>,
) -> impl IntoView {
    let label = if sheet.label.is_empty() {
        tc::NO_CLASS.to_owned()
    } else {
        sheet.label.clone()
    };
    let done = sheet.to_do() == 0;
    let title_id = format!(
        "todo-class-{}",
        if sheet.key.is_empty() {
            "none"
        } else {
            &sheet.key
        }
    );
    let labelled_by = title_id.clone();
    // Once unfolded by the user, the tables stay built.
    let opened = RwSignal::new(false);
    let students = Arc::new(
        sheet
            .participants
            .as_ref()
            .map(|class| class.students.clone())
            .unwrap_or_default(),
    );
    let never = Arc::new(sheet.never_joined.clone());
    let counts = tc::todo_sheet_counts(
        sheet.to_do(),
        sheet.pupils,
        sheet.not_certifiable(),
        sheet.never_sent(),
        sheet.never_joined.len(),
    );
    let body = if done {
        view! {
            <p class="todo-class__done">
                <span class="tag tag--ok">{tc::CLASS_DONE}</span>
                " "
                {tc::TODO_NOTHING}
            </p>
        }
        .into_any()
    } else {
        let table_label = label.clone();
        view! {
            <p class="todo-class__counts">{counts}</p>
            <details
                prop:open=move || open.get() || opened.get_untracked()
                on:toggle=move |event| {
                    if event_target::<web_sys::HtmlDetailsElement>(&event).open() {
                        opened.set(true);
                    }
                }
            >
                <summary>{format!("{} ({})", tc::TODO_SHOW, sheet.to_do())}</summary>
                <Show when=move || open.get() || opened.get()>
                    {(!students.is_empty()).then(|| view! {
                        <TodoTable label=table_label.clone() students=Arc::clone(&students) />
                    })}
                    {(!never.is_empty()).then(|| view! {
                        <NeverJoinedTable label=table_label.clone() students=Arc::clone(&never) />
                    })}
                </Show>
            </details>
            <p class="print-only todo-class__advice">{tc::TODO_ADVICE}</p>
            <p class="print-only todo-class__legend">
                {tc::TODO_PRINT_LEGEND}
                {competence_list(&(0..COMPETENCES.len()).collect::<Vec<_>>())}
            </p>
        }
        .into_any()
    };
    view! {
        <section
            class="todo-class"
            class:todo-class--done=done
            aria-labelledby=labelled_by
            data-testid="todo-class"
            data-class=sheet.label.clone()
            data-pupils=sheet.pupils.to_string()
            data-not-certifiable=sheet.not_certifiable().to_string()
            data-not-sent=sheet.never_sent().to_string()
            data-never-joined=sheet.never_joined.len().to_string()
        >
            <p class="print-only todo-class__head" data-testid="todo-sheet-head">
                {tc::todo_sheet_head(&head.campaign, head.code.as_deref(), &head.date)}
            </p>
            <h4 id=title_id>{tc::todo_class_title(&label)}</h4>
            {body}
        </section>
    }
}

#[component]
fn TodoTable(label: String, students: Arc<Vec<TodoStudent>>) -> impl IntoView {
    let caption = tc::todo_class_title(&label);
    let rows = students
        .iter()
        .cloned()
        .map(|student| view! { <TodoRow student=student /> })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="table table--stack todo-table">
                <caption class="visually-hidden">{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::COL_LAST}</th>
                        <th scope="col">{text::COL_FIRST}</th>
                        <th scope="col">{tc::TODO_COL_STATUS}</th>
                        <th scope="col" class="num">{text::COL_COMPETENCES}</th>
                        <th scope="col" class="num">{tc::TODO_COL_MISSING}</th>
                        <th scope="col">{tc::TODO_COL_ZERO}</th>
                        <th scope="col">{tc::TODO_COL_CLOSEST}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn TodoRow(student: TodoStudent) -> impl IntoView {
    let not_sent = student.status == Certifiability::NotSent;
    let zero: Vec<&str> = student
        .at_level_zero
        .iter()
        .flat_map(|group| group.competences.iter().map(|&i| COMPETENCES[i].index))
        .collect();
    let count = student
        .certifiable_count
        .map(|c| c.to_string())
        .unwrap_or_else(|| "—".to_owned());
    let status = if not_sent {
        view! { <span class="tag tag--muted">{text::TAG_NOT_SENT}</span> }
    } else {
        view! { <span class="tag tag--warn">{text::TAG_NOT_CERTIFIABLE}</span> }
    };
    let zero_cell = if not_sent {
        view! { {tc::TODO_NOT_SENT_DETAIL} }.into_any()
    } else {
        let chips = student
            .at_level_zero
            .iter()
            .map(|group| {
                let domain = &DOMAINS[usize::from(group.domain - 1)];
                let indices: Vec<&str> = group
                    .competences
                    .iter()
                    .map(|&i| COMPETENCES[i].index)
                    .collect();
                view! {
                    <li class=format!("domain-chip domain-chip--{}", domain.css)>
                        <span class="domain-chip__title">{format!("{} : ", domain.title)}</span>
                        <span class="domain-chip__list" title=competence_list(&group.competences)>
                            {indices.join(", ")}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="domain-list">{chips}</ul> }.into_any()
    };
    let closest = student
        .closest
        .iter()
        .map(|&index| {
            let competence = &COMPETENCES[index];
            // Printed as the index alone: the sheet's legend names them, and 30 pupils fit.
            view! {
                <li>
                    <span class="competence__index">{competence.index}</span>
                    <span class="competence__name">{format!(" {}", competence.name)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <tr
            data-testid="todo-student"
            data-last=student.last.clone()
            data-first=student.first.clone()
            data-status=student.status.slug()
            data-missing=student.missing.to_string()
            data-zero=zero.join(",")
        >
            <th scope="row">
                {student.last.clone()}
                <span class="only-narrow">{format!(" {}", student.first)}</span>
            </th>
            <td class="not-narrow" data-label=text::COL_FIRST>{student.first.clone()}</td>
            <td data-label=tc::TODO_COL_STATUS>{status}</td>
            <td class="num" data-label=text::COL_COMPETENCES>{count}</td>
            <td class="num" data-label=tc::TODO_COL_MISSING>{tc::todo_missing(student.missing)}</td>
            <td data-label=tc::TODO_COL_ZERO>{zero_cell}</td>
            <td data-label=tc::TODO_COL_CLOSEST>
                <ul class="closest-list">{closest}</ul>
            </td>
        </tr>
    }
}

/// One class's pupils of the list who never joined the campaign, with the advice.
#[component]
fn NeverJoinedTable(label: String, students: Arc<Vec<NeverJoinedStudent>>) -> impl IntoView {
    let title = tr::never_joined_class_title(&label);
    let rows = students
        .iter()
        .map(|student| {
            view! {
                <tr
                    data-testid="todo-student"
                    data-last=student.last.clone()
                    data-first=student.first.clone()
                    data-status=NEVER_JOINED_SLUG
                >
                    <th scope="row">{student.last.clone()}</th>
                    <td data-label=text::COL_FIRST>{student.first.clone()}</td>
                    <td data-label=tc::TODO_COL_STATUS>
                        <span class="tag tag--muted">{tr::TAG_NEVER_JOINED}</span>
                    </td>
                    <td data-label=tr::COL_ADVICE>{NEVER_JOINED_ADVICE}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div
            class="todo-never"
            data-testid="todo-never-joined"
            data-class=label.clone()
            data-count=students.len().to_string()
        >
            <div class="table-scroll" tabindex="0" role="region" aria-label=title.clone()>
                <table class="table table--stack todo-table todo-table--never">
                    <caption>{title.clone()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text::COL_LAST}</th>
                            <th scope="col">{text::COL_FIRST}</th>
                            <th scope="col">{tc::TODO_COL_STATUS}</th>
                            <th scope="col">{tr::COL_ADVICE}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
