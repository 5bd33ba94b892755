use leptos::prelude::*;

use crate::domain::html::Html;
use crate::domain::students::{
    sort_students, students_csv, students_overview, KnownCertifiability, StudentOverview,
    StudentSort,
};
use crate::domain::text::{fold, natural_cmp};
use crate::ui::delegate;
use crate::ui::download::download_csv;
use crate::ui::sort_header::{head_cells_html, show_sort};
use crate::ui::state::{clicked_data, use_state, Shared};
use crate::ui::text::history as text;

/// Every student of every stored campaign (each campaign's every import), one line each.
#[component]
pub fn StudentsView() -> impl IntoView {
    let state = use_state();
    let lines = Memo::new(move |_| {
        state.snapshots.with(|all| {
            Shared(std::sync::Arc::new(students_overview(
                all.iter().map(|s| s.data.as_ref()),
            )))
        })
    });
    let class = RwSignal::new(String::new());
    let status = RwSignal::new(None::<KnownCertifiability>);
    let search = RwSignal::new(String::new());
    let sort = RwSignal::new((StudentSort::Name, false));
    let visible = Memo::new(move |_| {
        let (class, status, search) = (class.get(), status.get(), fold(&search.get()));
        let (column, descending) = sort.get();
        let mut visible = lines
            .get()
            .iter()
            .filter(|line| class.is_empty() || line.class_key == class)
            .filter(|line| status.is_none_or(|status| line.certifiability() == status))
            .filter(|line| search.split(' ').all(|word| line.search_key.contains(word)))
            .cloned()
            .collect::<Vec<StudentOverview>>();
        sort_students(&mut visible, column, descending);
        visible
    });
    let head = NodeRef::<leptos::html::Thead>::new();
    Effect::new(move |_| {
        let (column, descending) = sort.get();
        if let Some(head) = head.get() {
            show_sort(&head, column_key(column), descending);
        }
    });
    let on_sort = move |event: leptos::ev::MouseEvent| {
        if let Some(column) = clicked_data(&event, "data-sort-by")
            .and_then(|key| HEAD.iter().find(|(_, k)| *k == key).map(|(c, _)| *c))
        {
            sort.update(|(current, descending)| {
                *descending = *current == column && !*descending;
                *current = column;
            })
        }
    };

    // Both pickers share one listener.
    let on_change = move |event: leptos::ev::Event| match delegate::action(&event)
        .map(|(action, _)| action)
        .as_deref()
    {
        Some("class") => class.set(event_target_value(&event)),
        Some("certifiability") => {
            status.set(KnownCertifiability::from_slug(&event_target_value(&event)))
        }
        _ => {}
    };

    view! {
        <section class="panel students" data-testid="students-view" aria-labelledby="students-title">
            <h2 id="students-title">{text::STUDENTS_TITLE}</h2>
            <p>{text::STUDENTS_INTRO}</p>
            <form class="filters" role="search" on:submit=|event| event.prevent_default() on:change=on_change>
                <label class="field">
                    <span class="field__label">{text::SEARCH}</span>
                    <input type="search" data-testid="students-search"
                        on:input=move |event| search.set(event_target_value(&event)) />
                </label>
                <label class="field">
                    <span class="field__label">{text::COL_CLASS}</span>
                    <select data-testid="students-class" data-action="class"
                        inner_html=move || lines.with(|lines| class_options_html(&classes_of(lines), &class.get_untracked()))></select>
                </label>
                <label class="field">
                    <span class="field__label">{text::COL_CERTIFIABILITY}</span>
                    <select data-testid="students-certifiability" data-action="certifiability">
                        <option value="all">{text::ALL}</option>
                        <option value="certifiable">{text::CERTIFIABLE}</option>
                        <option value="not-certifiable">{text::NOT_CERTIFIABLE}</option>
                        <option value="not-communicated">{text::NOT_COMMUNICATED}</option>
                    </select>
                </label>
                <p class="filters__count" aria-live="polite">{move || text::students_counter(visible.with(Vec::len))}</p>
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="export-students"
                    on:click=move |_| {
                        let csv = visible.with(|lines| students_csv(lines, text::CSV_HEADERS, text::CSV_LABELS));
                        if download_csv(text::CSV_FILE_NAME, &csv).is_err() {
                            state.report_once(text::EXPORT_FAILED.to_owned());
                        }
                    }
                >
                    {text::EXPORT_STUDENTS}
                </button>
            </form>
            <Show when=move || !lines.with(|l| l.is_empty()) fallback=|| view! { <p class="empty">{text::STUDENTS_EMPTY}</p> }>
                <div class="table-scroll">
                    <table class="table table--stack">
                        <caption>{text::STUDENTS_CAPTION}</caption>
                        <thead
                            node_ref=head
                            on:click=on_sort
                            inner_html=sort.with_untracked(|&(column, descending)| head_html(column, descending))
                        ></thead>
                        <tbody inner_html=move || visible.with(|lines| rows_html(lines))></tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// The sortable columns and their keys (`data-sort-by`).
const HEAD: [(StudentSort, &str); 4] = [
    (StudentSort::Name, "name"),
    (StudentSort::Class, "class"),
    (StudentSort::Certifiability, "certifiability"),
    (StudentSort::LatestProfile, "latest"),
];

fn column_key(column: StudentSort) -> &'static str {
    HEAD.iter()
        .find(|(c, _)| *c == column)
        .map_or("", |(_, key)| key)
}

fn head_html(column: StudentSort, descending: bool) -> String {
    let cells = [
        ("name", text::COL_LAST, false),
        ("", text::COL_FIRST, false),
        ("class", text::COL_CLASS, false),
        ("certifiability", text::COL_CERTIFIABILITY, false),
        ("latest", text::COL_LATEST, false),
        ("", text::COL_CAMPAIGNS, false),
    ];
    format!(
        "<tr>{}</tr>",
        head_cells_html(&cells, "", column_key(column), descending)
    )
}

/// The classes met, each once, in natural order: `(key, label)`.
fn classes_of(lines: &[StudentOverview]) -> Vec<(String, String)> {
    let mut classes: Vec<(String, String)> = Vec::new();
    for line in lines {
        if !line.class_key.is_empty() && !classes.iter().any(|(key, _)| *key == line.class_key) {
            classes.push((line.class_key.clone(), line.class.clone()));
        }
    }
    crate::domain::sort::sort_by(&mut classes, |a, b| natural_cmp(&a.1, &b.1));
    classes
}

/// "All classes" then each class; the chosen one stays chosen when the list changes.
fn class_options_html(classes: &[(String, String)], chosen: &str) -> String {
    let mut html = Html::new();
    html.element("option", &[("value", "")], text::ALL_CLASSES);
    for (key, label) in classes {
        html.element(
            "option",
            &[
                ("value", key),
                if key == chosen {
                    ("selected", "")
                } else {
                    ("", "")
                },
            ],
            label,
        );
    }
    html.finish()
}

/// The table's rows as one string (see `domain::html`): thousands of students stay fast.
fn rows_html(lines: &[StudentOverview]) -> String {
    let mut html = Html::new();
    for line in lines {
        let certifiability = line.certifiability();
        let (tag_class, tag_text) = match certifiability {
            KnownCertifiability::Certifiable => ("tag tag--ok", text::CERTIFIABLE),
            KnownCertifiability::NotCertifiable => ("tag tag--warn", text::NOT_CERTIFIABLE),
            KnownCertifiability::NotCommunicated => ("tag tag--muted", text::NOT_COMMUNICATED),
        };
        let latest = line
            .latest
            .as_ref()
            .map(|profile| {
                text::latest_profile(
                    &profile.sent_at.french_date(),
                    &profile.campaign_name,
                    profile.score,
                    profile.certifiable_count,
                )
            })
            .unwrap_or_default();
        let campaigns = line
            .campaigns
            .iter()
            .map(|(_, name)| name.as_str())
            .collect::<Vec<_>>()
            .join(" · ");
        html.fill(
            "<tr data-testid=\"student-row\" data-last=\"{}\" data-first=\"{}\" data-class=\"{}\" data-certifiability=\"{}\"><th scope=\"row\">{}<span class=\"only-narrow\"> {}</span>",
            &[
                &line.last,
                &line.first,
                &line.class,
                certifiability.slug(),
                &line.last,
                &line.first,
            ],
        );
        if line.possible_duplicate {
            html.fill(
                "<span class=\"mismatch\" title=\"{}\"><span aria-hidden=\"true\"> ⚠</span><span class=\"visually-hidden\">{}</span></span>",
                &[text::POSSIBLE_DUPLICATE, text::POSSIBLE_DUPLICATE],
            );
        }
        html.fill(
            "</th><td class=\"not-narrow\" data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td data-label=\"{}\"><span class=\"{}\">{}</span></td><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td></tr>",
            &[
                text::COL_FIRST,
                &line.first,
                text::COL_CLASS,
                &line.class,
                text::COL_CERTIFIABILITY,
                tag_class,
                tag_text,
                text::COL_LATEST,
                &latest,
                text::COL_CAMPAIGNS,
                &campaigns,
            ],
        );
    }
    html.finish()
}
