//! Every student of every stored campaign, one line each, with the last known
//! certifiability: filters, sort, CSV export.

use leptos::prelude::*;

use crate::domain::roster::cohort::roster_students_view;
use crate::domain::roster::matching::MatchDecisions;
use crate::domain::roster::Roster;
use crate::domain::text::{class_key, fold, natural_cmp};
use crate::domain::views::campaigns::{is_example, page_bounds};
use crate::domain::views::students::{
    sort_students, students_csv, students_overview, KnownCertifiability, StudentOverview,
    StudentSort,
};
use crate::ui::state::{use_state, Shared};
use crate::ui::text::history as text;
use crate::ui::text::roster as tr;
use crate::ui::widgets::download::download_csv;
use crate::ui::widgets::pagination::Pagination;
use crate::ui::widgets::sort_header::{PlainHeader, SortHeader};

/// A lycée's students across its campaigns run into the thousands: the table shows a page
/// of them, so that building it stays quick.
const STUDENT_PAGE_SIZES: [usize; 4] = [50, 100, 200, 500];
const DEFAULT_STUDENT_PAGE_SIZE: usize = 200;

#[component]
pub fn StudentsView() -> impl IntoView {
    let state = use_state();
    let lines = Memo::new(move |_| {
        let overview = state.snapshots().with(|all| {
            // The example's invented students are not the school's.
            students_overview(
                all.iter()
                    .map(|s| s.data.as_ref())
                    .filter(|snapshot| !is_example(snapshot)),
            )
        });
        let decisions = state.match_decisions().get();
        let lines = match state.roster().get() {
            None => overview,
            Some(held) => with_roster(&held.roster, overview, &decisions),
        };
        Shared(std::sync::Arc::new(lines))
    });
    let classes = Memo::new(move |_| lines.with(|lines| classes_of(lines)));
    let class = RwSignal::new(String::new());
    let status = RwSignal::new(None::<KnownCertifiability>);
    let search = RwSignal::new(String::new());
    let sort = RwSignal::new((StudentSort::Name, false));
    let page = RwSignal::new(1usize);
    let page_size = RwSignal::new(DEFAULT_STUDENT_PAGE_SIZE);
    let visible = Memo::new(move |_| {
        let search = fold(&search.get());
        let (column, descending) = sort.get();
        let mut visible = class.with(|class| {
            status.with(|status| {
                lines.with(|lines| {
                    lines
                        .iter()
                        .filter(|line| class.is_empty() || line.class_key == *class)
                        .filter(|line| status.is_none_or(|status| line.certifiability() == status))
                        .filter(|line| search.split(' ').all(|word| line.search_key.contains(word)))
                        .cloned()
                        .collect::<Vec<StudentOverview>>()
                })
            })
        });
        sort_students(&mut visible, column, descending);
        visible
    });
    let total = Signal::derive(move || visible.with(Vec::len));
    let page_lines = Memo::new(move |_| {
        let (start, end, _, _) = page_bounds(total.get(), page_size.get(), page.get());
        visible.with(|visible| visible[start..end].to_vec())
    });
    // A change of filter or sort starts again from the first page.
    let refine = move |change: &dyn Fn()| {
        change();
        page.set(1);
    };
    let header = move |column: StudentSort, key: &'static str, label: &'static str| {
        view! {
            <SortHeader
                label=label
                key=key
                sorted=Signal::derive(move || {
                    let (current, descending) = sort.get();
                    (current == column).then_some(descending)
                })
                on_sort=move |()| {
                    refine(&|| {
                        sort.update(|(current, descending)| {
                            *descending = *current == column && !*descending;
                            *current = column;
                        })
                    })
                }
            />
        }
    };

    view! {
        <section class="panel students" data-testid="students-view" aria-labelledby=crate::ui::app::PAGE_HEADING_ID>
            <h1 id=crate::ui::app::PAGE_HEADING_ID tabindex="-1">{text::STUDENTS_TITLE}</h1>
            <p>{text::STUDENTS_INTRO}</p>
            <Show when=move || state.roster().with(Option::is_some)>
                <p class="notice" data-testid="students-roster-note">{tr::STUDENTS_WITH_ROSTER}</p>
            </Show>
            <form class="filters" role="search" on:submit=|event| event.prevent_default()>
                <label class="field">
                    <span class="field__label">{text::SEARCH}</span>
                    <input
                        type="search"
                        data-testid="students-search"
                        on:input=move |event| refine(&|| search.set(event_target_value(&event)))
                    />
                </label>
                <label class="field">
                    <span class="field__label">{text::COL_CLASS}</span>
                    <select
                        data-testid="students-class"
                        prop:value=move || class.get()
                        on:change=move |event| refine(&|| class.set(event_target_value(&event)))
                    >
                        <option value="">{text::ALL_CLASSES}</option>
                        <For
                            each=move || classes.get()
                            key=|(key, _)| key.clone()
                            children=|(key, label)| view! { <option value=key>{label}</option> }
                        />
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{text::COL_CERTIFIABILITY}</span>
                    <select
                        data-testid="students-certifiability"
                        on:change=move |event| refine(&|| status.set(KnownCertifiability::from_slug(&event_target_value(&event))))
                    >
                        <option value="all">{text::ALL}</option>
                        <option value="certifiable">{text::CERTIFIABLE}</option>
                        <option value="not-certifiable">{text::NOT_CERTIFIABLE}</option>
                        <option value="not-communicated">{text::NOT_COMMUNICATED}</option>
                        <Show when=move || state.roster().with(Option::is_some)>
                            <option value="never-joined">{text::NEVER_JOINED}</option>
                        </Show>
                    </select>
                </label>
                <p class="filters__count" aria-live="polite">
                    {move || text::students_counter(visible.with(Vec::len))}
                </p>
                <button
                    type="button"
                    class="button button--secondary"
                    data-testid="export-students"
                    on:click=move |_| {
                        let csv = visible.with_untracked(|lines| students_csv(lines, text::CSV_HEADERS, text::CSV_LABELS));
                        if download_csv(text::CSV_FILE_NAME, &csv).is_err() {
                            state.report_once(text::EXPORT_FAILED.to_owned());
                        }
                    }
                >
                    {text::EXPORT_STUDENTS}
                </button>
            </form>
            <Show
                when=move || !lines.with(|l| l.is_empty())
                fallback=|| view! { <p class="empty">{text::STUDENTS_EMPTY}</p> }
            >
                <div class="table-scroll" tabindex="0" role="region" aria-label=text::STUDENTS_CAPTION>
                    <table class="table table--stack">
                        <caption>{text::STUDENTS_CAPTION}</caption>
                        <thead>
                            <tr>
                                {header(StudentSort::Name, "name", text::COL_LAST)}
                                <PlainHeader label=text::COL_FIRST />
                                {header(StudentSort::Class, "class", text::COL_CLASS)}
                                {header(StudentSort::Certifiability, "certifiability", text::COL_CERTIFIABILITY)}
                                {header(StudentSort::LatestProfile, "latest", text::COL_LATEST)}
                                <PlainHeader label=text::COL_CAMPAIGNS />
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || page_lines.get()
                                key=|line| (line.search_key.clone(), line.class_key.clone(), line.class.clone())
                                children=|line| view! { <StudentRow line=line /> }
                            />
                        </tbody>
                    </table>
                </div>
                <Pagination
                    total=total
                    page=page
                    page_size=page_size
                    sizes=&STUDENT_PAGE_SIZES
                    testid_prefix="students-"
                    on_page=move |p: usize| page.set(p)
                    on_size=move |size: usize| {
                        page_size.set(size);
                        page.set(1);
                    }
                />
            </Show>
        </section>
    }
}

#[component]
fn StudentRow(line: StudentOverview) -> impl IntoView {
    let certifiability = line.certifiability();
    let (tag_class, tag_text) = match certifiability {
        KnownCertifiability::Certifiable => ("tag tag--ok", text::CERTIFIABLE),
        KnownCertifiability::NotCertifiable => ("tag tag--warn", text::NOT_CERTIFIABLE),
        KnownCertifiability::NotCommunicated => ("tag tag--muted", text::NOT_COMMUNICATED),
        KnownCertifiability::NeverJoined => ("tag tag--muted tag--never", text::NEVER_JOINED),
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
    let duplicate = line.possible_duplicate.then(|| {
        view! {
            <span class="mismatch" title=text::POSSIBLE_DUPLICATE>
                <span aria-hidden="true">" ⚠"</span>
                <span class="visually-hidden">{text::POSSIBLE_DUPLICATE}</span>
            </span>
        }
    });
    view! {
        <tr
            data-testid="student-row"
            data-last=line.last.clone()
            data-first=line.first.clone()
            data-class=line.class.clone()
            data-certifiability=certifiability.slug()
        >
            <th scope="row">
                {line.last.clone()}
                <span class="only-narrow">" " {line.first.clone()}</span>
                {duplicate}
            </th>
            <td class="not-narrow" data-label=text::COL_FIRST>{line.first.clone()}</td>
            <td data-label=text::COL_CLASS>{line.class.clone()}</td>
            <td data-label=text::COL_CERTIFIABILITY>
                <span class=tag_class>{tag_text}</span>
            </td>
            <td data-label=text::COL_LATEST>{latest}</td>
            <td data-label=text::COL_CAMPAIGNS>{campaigns}</td>
        </tr>
    }
}

/// Every roster student, with what the campaigns say of it (never joined when they say
/// nothing), then the participants the roster does not place.
fn with_roster(
    roster: &Roster,
    overview: Vec<StudentOverview>,
    decisions: &MatchDecisions,
) -> Vec<StudentOverview> {
    let view = roster_students_view(roster, &overview, decisions);
    let mut lines: Vec<StudentOverview> = view
        .lines
        .iter()
        .map(|line| match line.overview {
            Some(at) => overview[at].clone(),
            None => {
                let student = &roster.students[line.student];
                StudentOverview {
                    last: student.last.clone(),
                    first: student.first.clone(),
                    class: student.class.clone(),
                    class_key: class_key(&student.class),
                    latest: None,
                    campaigns: Vec::new(),
                    possible_duplicate: false,
                    search_key: format!("{} {}", fold(&student.last), fold(&student.first)),
                }
            }
        })
        .collect();
    lines.extend(
        view.out_of_roster
            .iter()
            .chain(&view.to_check)
            .map(|&at| overview[at].clone()),
    );
    lines
}

/// The classes met, each once, in natural order: `(key, label)`.
fn classes_of(lines: &[StudentOverview]) -> Vec<(String, String)> {
    let mut classes: Vec<(String, String)> = Vec::new();
    for line in lines {
        if !line.class_key.is_empty() && !classes.iter().any(|(key, _)| *key == line.class_key) {
            classes.push((line.class_key.clone(), line.class.clone()));
        }
    }
    crate::domain::views::sort::sort_by(&mut classes, |a, b| natural_cmp(&a.1, &b.1));
    classes
}
