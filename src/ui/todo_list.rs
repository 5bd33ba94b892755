//! "À faire": class by class, the students who are not certifiable yet or have not sent,
//! what each lacks, and the advice; exported as CSV and printed one page per class.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::cohort::{Certifiability, ParticipantLine};
use crate::domain::competences::{COMPETENCES, DOMAINS};
use crate::domain::html::Html;
use crate::domain::snapshot::CampaignSnapshot;
use crate::domain::todo::{
    competence_list, todo_csv, todo_list, TodoClass, TodoCsvLabels, TodoStudent,
};
use crate::ui::campaign_page::profile_rows;
use crate::ui::download::download_csv;
use crate::ui::state::{clicked_data, use_state, Shared};
use crate::ui::text;
use crate::ui::text::campaign as tc;

/// Above this many students the class lists start folded, so a 20,000-student campaign does
/// not build thousands of rows nobody looks at; printing unfolds them all.
const UNFOLDED_LIMIT: usize = 150;

#[component]
pub fn TodoList(
    id: u64,
    snapshot: Arc<CampaignSnapshot>,
    lines: Shared<Vec<ParticipantLine>>,
    /// The class filter of the participants table, which the list follows.
    chosen: Memo<Vec<String>>,
) -> impl IntoView {
    let state = use_state();
    let todo = Memo::new(move |_| {
        chosen.with(|classes| {
            Shared(Arc::new(todo_list(
                profile_rows(&snapshot),
                &lines,
                classes,
            )))
        })
    });
    let printing = RwSignal::new(false);

    // One listener for the panel: its two buttons, and the class lists, whose table is built
    // when first unfolded (a click on `<summary>` comes before the `<details>` opens).
    let on_click = move |event: web_sys::MouseEvent| {
        if let Some(index) = clicked_data(&event, "data-todo-class") {
            fill_todo_table(&event, todo, &index);
            return;
        }
        match clicked_data(&event, "data-action").as_deref() {
            Some("export") => {
                let labels = TodoCsvLabels {
                    header: tc::TODO_CSV_HEADER,
                    not_certifiable: text::TAG_NOT_CERTIFIABLE,
                    not_sent: text::TAG_NOT_SENT,
                    no_class: tc::NO_CLASS,
                };
                let csv = todo.with_untracked(|todo| todo_csv(todo, &labels));
                if download_csv(&tc::todo_file_name(id), &csv).is_err() {
                    state
                        .app_errors
                        .update(|errors| errors.push(tc::DOWNLOAD_FAILED.to_owned()));
                }
            }
            Some("print") => {
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
            }
            _ => {}
        }
    };

    view! {
        <section class="panel todo" aria-labelledby="todo-title" data-testid="todo" on:click=on_click>
            <div class="section-head" inner_html=head_html()></div>
            <p class="todo__advice">{tc::TODO_ADVICE}</p>
            <div inner_html=move || {
                let filtered = chosen.with(|classes| !classes.is_empty());
                let printing = printing.get();
                todo.with(|todo| todo_html(todo, filtered, printing))
            }></div>
        </section>
    }
}

/// Builds the students table of the class whose `<summary>` was clicked, if still empty.
fn fill_todo_table(event: &web_sys::MouseEvent, todo: Memo<Shared<Vec<TodoClass>>>, index: &str) {
    use wasm_bindgen::JsCast;
    let Some(details) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|target| target.closest("details[data-todo-class]").ok().flatten())
    else {
        return;
    };
    let Some(holder) = details.query_selector(".table-scroll").ok().flatten() else {
        return;
    };
    if holder.child_element_count() > 0 {
        return;
    }
    let Ok(index) = index.parse::<usize>() else {
        return;
    };
    todo.with_untracked(|todo| {
        if let Some(class) = todo.get(index) {
            holder.set_inner_html(&todo_table_html(&class_label(class), &class.students));
        }
    });
}

fn set_body_printing(on: bool) {
    if let Some(body) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    {
        let _ = if on {
            body.class_list().add_1("print-todo")
        } else {
            body.class_list().remove_1("print-todo")
        };
    }
}

fn class_label(class: &TodoClass) -> String {
    if class.label.is_empty() {
        tc::NO_CLASS.to_owned()
    } else {
        class.label.clone()
    }
}

/// The title and the two buttons, served by the panel's listener.
fn head_html() -> String {
    let mut html = Html::new();
    html.fill(
        "<h3 id=\"todo-title\">{}</h3><div class=\"todo__actions\"><button type=\"button\" class=\"button button--primary\" data-testid=\"export-todo\" data-action=\"export\">{}</button><button type=\"button\" class=\"button button--secondary\" data-testid=\"print-todo\" data-action=\"print\">{}</button></div>",
        &[tc::TODO_TITLE, tc::TODO_EXPORT, tc::TODO_PRINT],
    );
    html.finish()
}

/// Every class block, as one HTML string. The lists start unfolded (tables built) when they
/// are short or for printing; otherwise a table is built when its class is unfolded.
fn todo_html(todo: &[TodoClass], filtered: bool, printing: bool) -> String {
    let open = printing || todo.iter().map(TodoClass::to_do).sum::<usize>() <= UNFOLDED_LIMIT;
    let mut html = Html::new();
    if filtered {
        let labels: Vec<&str> = todo.iter().map(|c| c.label.as_str()).collect();
        html.element(
            "p",
            &[("class", "todo__filtered")],
            &tc::todo_filtered(&labels.join(", ")),
        );
    }
    if todo.iter().all(|c| c.to_do() == 0) {
        html.element("p", &[("class", "todo__done")], tc::TODO_ALL_DONE);
    }
    for (index, class) in todo.iter().enumerate() {
        let label = class_label(class);
        let done = class.to_do() == 0;
        let title_id = format!(
            "todo-class-{}",
            if class.key.is_empty() {
                "none"
            } else {
                &class.key
            }
        );
        html.open(
            "section",
            &[
                (
                    "class",
                    if done {
                        "todo-class todo-class--done"
                    } else {
                        "todo-class"
                    },
                ),
                ("aria-labelledby", &title_id),
                ("data-testid", "todo-class"),
                ("data-class", &class.label),
                ("data-not-certifiable", &class.not_certifiable.to_string()),
                ("data-not-sent", &class.not_sent.to_string()),
            ],
        )
        .element("h4", &[("id", &title_id)], &tc::todo_class_title(&label));
        if done {
            html.open("p", &[("class", "todo-class__done")])
                .element("span", &[("class", "tag tag--ok")], tc::CLASS_DONE)
                .text(" ")
                .text(tc::TODO_NOTHING)
                .close("p");
        } else {
            html.element(
                "p",
                &[("class", "todo-class__counts")],
                &tc::todo_class_counts(class.not_certifiable, class.not_sent, class.participants),
            )
            .element(
                "p",
                &[("class", "print-only todo-class__advice")],
                tc::TODO_ADVICE,
            )
            .open(
                "details",
                &[
                    ("data-todo-class", &index.to_string()),
                    if open { ("open", "") } else { ("", "") },
                ],
            )
            .element(
                "summary",
                &[],
                &format!("{} ({})", tc::TODO_SHOW, class.to_do()),
            )
            .open("div", &[("class", "table-scroll")]);
            if open {
                html.raw(&todo_table_html(&label, &class.students));
            }
            html.close("div").close("details");
        }
        html.close("section");
    }
    html.finish()
}

/// The students of one class, as one HTML string (see `domain::html`).
fn todo_table_html(label: &str, students: &[TodoStudent]) -> String {
    let mut html = Html::new();
    html.open("table", &[("class", "table table--stack todo-table")])
        .element(
            "caption",
            &[("class", "visually-hidden")],
            &tc::todo_class_title(label),
        )
        .open("thead", &[])
        .open("tr", &[]);
    for (heading, numeric) in [
        (text::COL_LAST, false),
        (text::COL_FIRST, false),
        (tc::TODO_COL_STATUS, false),
        (text::COL_COMPETENCES, true),
        (tc::TODO_COL_MISSING, true),
        (tc::TODO_COL_ZERO, false),
        (tc::TODO_COL_CLOSEST, false),
    ] {
        html.element(
            "th",
            &[
                ("scope", "col"),
                if numeric { ("class", "num") } else { ("", "") },
            ],
            heading,
        );
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for student in students {
        let not_sent = student.status == Certifiability::NotSent;
        let zero: Vec<&str> = student
            .at_level_zero
            .iter()
            .flat_map(|group| group.competences.iter().map(|&i| COMPETENCES[i].index))
            .collect();
        let missing = student.missing.to_string();
        let count = student
            .certifiable_count
            .map(|c| c.to_string())
            .unwrap_or_else(|| "—".to_owned());
        html.open(
            "tr",
            &[
                ("data-testid", "todo-student"),
                ("data-last", &student.last),
                ("data-first", &student.first),
                ("data-status", student.status.slug()),
                ("data-missing", &missing),
                ("data-zero", &zero.join(",")),
            ],
        )
        .open("th", &[("scope", "row")])
        .text(&student.last)
        .element(
            "span",
            &[("class", "only-narrow")],
            &format!(" {}", student.first),
        )
        .close("th")
        .element(
            "td",
            &[("class", "not-narrow"), ("data-label", text::COL_FIRST)],
            &student.first,
        )
        .open("td", &[("data-label", tc::TODO_COL_STATUS)]);
        if not_sent {
            html.element("span", &[("class", "tag tag--muted")], text::TAG_NOT_SENT);
        } else {
            html.element(
                "span",
                &[("class", "tag tag--warn")],
                text::TAG_NOT_CERTIFIABLE,
            );
        }
        html.close("td")
            .element(
                "td",
                &[("class", "num"), ("data-label", text::COL_COMPETENCES)],
                &count,
            )
            .element(
                "td",
                &[("class", "num"), ("data-label", tc::TODO_COL_MISSING)],
                &tc::todo_missing(student.missing),
            )
            .open("td", &[("data-label", tc::TODO_COL_ZERO)]);
        if not_sent {
            html.text(tc::TODO_NOT_SENT_DETAIL);
        } else {
            html.open("ul", &[("class", "domain-list")]);
            for group in &student.at_level_zero {
                let domain = &DOMAINS[usize::from(group.domain - 1)];
                let indices: Vec<&str> = group
                    .competences
                    .iter()
                    .map(|&i| COMPETENCES[i].index)
                    .collect();
                html.open(
                    "li",
                    &[("class", &format!("domain-chip domain-chip--{}", domain.css))],
                )
                .element(
                    "span",
                    &[("class", "domain-chip__title")],
                    &format!("{} : ", domain.title),
                )
                .element(
                    "span",
                    &[
                        ("class", "domain-chip__list"),
                        ("title", &competence_list(&group.competences)),
                    ],
                    &indices.join(", "),
                )
                .close("li");
            }
            html.close("ul");
        }
        html.close("td")
            .open("td", &[("data-label", tc::TODO_COL_CLOSEST)])
            .open("ul", &[("class", "closest-list")]);
        for &index in student.closest.iter().take(usize::from(student.missing)) {
            html.element("li", &[], &competence_list(&[index]));
        }
        html.close("ul").close("td").close("tr");
    }
    html.close("tbody").close("table");
    html.finish()
}
