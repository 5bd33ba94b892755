//! The certification results page (`#/resultats`): per class, every student with their
//! status and the counts; the catch-up list (CSV and print); the whole cohort's figures.
//! Every figure is a `Memo` over a `domain::results` function.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::model::competences::COMPETENCES;
use crate::domain::results::catch_up::{catch_up_csv, catch_up_lines, CatchUpCsvLabels};
use crate::domain::results::matching::{class_views, ClassView, MembersSource, ResultLine};
use crate::domain::results::stats::{cohort_stats, CohortStats, Outcome, SCORE_BANDS};
use crate::domain::results::{is_terminale, PixLevel};
use crate::ui::import::ImportResultItem;
use crate::ui::state::{picked_files, use_state, ImportKind, PendingResults, Shared};
use crate::ui::text::results as tr;
use crate::ui::widgets::download::{download_csv, today_iso};

#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = use_state();
    let lists = state.class_lists();
    let views = Memo::new(move |_| {
        let stored = state.stored_results().get();
        let sets = stored.sets();
        lists.with(|lists| Shared(Arc::new(class_views(&lists.members, &sets))))
    });
    let stats = Memo::new(move |_| {
        let stored = state.stored_results().get();
        let sets = stored.sets();
        let collecte = lists.with(|lists| lists.collecte.clone());
        views.with(|views| {
            Shared(Arc::new(cohort_stats(
                views,
                &sets,
                collecte.as_ref().map(|c| c.as_slice()),
            )))
        })
    });
    let source = Memo::new(move |_| lists.with(|lists| lists.source));
    let has_results = move || views.with(|views| !views.is_empty());

    view! {
        <section class="panel results" aria-labelledby="results-title" data-testid="results-view">
            <h2 id="results-title">{tr::TITLE}</h2>
            <p>{tr::INTRO}</p>
            <p class="results__privacy">{tr::PRIVACY}</p>
            <ResultsImport />
            <PendingClasses />
            <p class="notice notice--quiet results__source">
                {move || match source.get() {
                    MembersSource::Roster => tr::SOURCE_ROSTER,
                    MembersSource::Collecte => tr::SOURCE_COLLECTE,
                    MembersSource::None => tr::SOURCE_NONE,
                }}
            </p>
            <Show when=has_results fallback=|| view! { <p class="empty">{tr::EMPTY}</p> }>
                <ClassPanel views=views />
                <CatchUpPanel views=views />
                <CohortPanel stats=stats />
            </Show>
        </section>
    }
}

/// A file picker of its own (the home page's drop zone and a drop anywhere work too), and
/// the result line of each results file of the last import.
#[component]
fn ResultsImport() -> impl IntoView {
    let state = use_state();
    let lines = Memo::new(move |_| {
        state
            .import_lines()
            .get()
            .into_iter()
            .filter(|line| line.kind == ImportKind::CertificationResults)
            .collect::<Vec<_>>()
    });
    view! {
        <div class="results__import">
            <label class="button button--secondary">
                {tr::PICK_FILES}
                <input
                    class="visually-hidden"
                    type="file"
                    multiple
                    accept=".csv,text/csv"
                    data-testid="results-file-input"
                    on:change=move |event| {
                        if let Some(files) = picked_files(&event) {
                            state.import_files(files);
                        }
                        event_target::<web_sys::HtmlInputElement>(&event).set_value("");
                    }
                />
            </label>
            <ul class="import-results" aria-live="polite">
                <For
                    each=move || lines.get().into_iter().enumerate()
                    key=|(index, line)| (*index, line.clone())
                    children=|(_, line)| view! { <ImportResultItem line=line /> }
                />
            </ul>
        </div>
    }
}

/// Files whose name does not give the class: the user types or confirms it.
#[component]
fn PendingClasses() -> impl IntoView {
    let state = use_state();
    let known_classes = Memo::new(move |_| {
        state
            .roster()
            .get()
            .map(|held| {
                held.roster
                    .classes()
                    .into_iter()
                    .map(|(_, label)| label)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <Show when=move || state.pending_results().with(|p| !p.is_empty())>
            <div class="results__pending">
                <h3>{tr::PENDING_TITLE}</h3>
                <datalist id="results-known-classes">
                    <For
                        each=move || known_classes.get()
                        key=|class| class.clone()
                        children=|class| view! { <option value=class></option> }
                    />
                </datalist>
                <For
                    each=move || state.pending_results().get()
                    key=|pending| pending.file.file_name.clone()
                    children=|pending| view! { <PendingClass pending=pending /> }
                />
            </div>
        </Show>
    }
}

#[component]
fn PendingClass(pending: PendingResults) -> impl IntoView {
    let state = use_state();
    let file_name = pending.file.file_name.clone();
    let class = RwSignal::new(pending.proposed.clone().unwrap_or_default());
    let id = format!("pending-class-{}", file_name.len());
    let save_name = file_name.clone();
    view! {
        <form
            class="results__pending-form"
            data-testid="results-pending"
            data-file=file_name.clone()
            on:submit=move |event| {
                event.prevent_default();
                state.choose_results_class(&save_name, &class.get_untracked());
            }
        >
            <label class="field" for=id.clone()>
                <span class="field__label">{tr::pending_label(&file_name)}</span>
            </label>
            <input
                id=id
                type="text"
                list="results-known-classes"
                required
                data-testid="results-pending-class"
                prop:value=move || class.get()
                on:input=move |event| class.set(event_target_value(&event))
            />
            {pending.proposed.as_ref().map(|_| view! { <span class="results__proposed">{tr::PENDING_PROPOSED}</span> })}
            <button type="submit" class="button button--primary" data-testid="results-pending-save">
                {tr::PENDING_SAVE}
            </button>
        </form>
    }
}

/// One class: select, counts, notes and its students.
#[component]
fn ClassPanel(views: Memo<Shared<Vec<ClassView>>>) -> impl IntoView {
    let state = use_state();
    let selected = RwSignal::new(String::new());
    let current = Memo::new(move |_| {
        let wanted = selected.get();
        views.with(|views| {
            views
                .iter()
                .find(|view| view.class == wanted)
                .or_else(|| views.first())
                .cloned()
        })
    });
    let class_names = Memo::new(move |_| {
        views.with(|views| views.iter().map(|v| v.class.clone()).collect::<Vec<_>>())
    });
    let class_name =
        move || current.with(|c| c.as_ref().map(|c| c.class.clone()).unwrap_or_default());
    let count = move |pick: fn(&ClassView) -> usize| {
        Signal::derive(move || current.with(|c| c.as_ref().map_or(0, pick)))
    };
    let awaiting = Memo::new(move |_| {
        let class = class_name();
        state.stored_results().with(|stored| {
            stored
                .classes
                .iter()
                .any(|s| s.results.class == class && s.results.awaiting_publication)
        })
    });

    view! {
        <section class="results__class" aria-labelledby="results-class-title">
            <h3 id="results-class-title" class="visually-hidden">{tr::CLASS_LABEL}</h3>
            <div class="filters">
                <label class="field">
                    <span class="field__label">{tr::CLASS_LABEL}</span>
                    <select
                        data-testid="results-class"
                        prop:value=class_name
                        on:change=move |event| selected.set(event_target_value(&event))
                    >
                        <For
                            each=move || class_names.get()
                            key=|class| class.clone()
                            children=|class| view! { <option value=class.clone()>{class.clone()}</option> }
                        />
                    </select>
                </label>
                <p class="results__file">
                    {move || current.with(|c| c.as_ref().map(tr::class_file))}
                </p>
            </div>
            <div class="cards">
                <Count label=tr::CARD_VALIDATED value=count(|c| c.counts.validated) testid="count-validated" tone="ok" />
                <Count label=tr::CARD_NOT_OBTAINED value=count(|c| c.counts.not_obtained) testid="count-not-obtained" tone="warn" />
                <Count label=tr::CARD_CANCELLED value=count(|c| c.counts.cancelled) testid="count-cancelled" tone="warn" />
                <Count label=tr::CARD_ERROR value=count(|c| c.counts.error) testid="count-error" tone="warn" />
                <Count label=tr::CARD_STARTED value=count(|c| c.counts.started) testid="count-started" tone="muted" />
                <Count label=tr::CARD_ABSENT value=count(|c| c.counts.absent) testid="count-absent" tone="neutral" />
            </div>
            <Show when=move || is_terminale(&class_name())>
                <p class="notice" data-testid="results-terminale">{tr::TERMINALE_NOTE}</p>
            </Show>
            <Show when=move || current.with(|c| c.as_ref().is_some_and(|c| c.may_be_incomplete)) && !awaiting.get()>
                <p class="notice notice--warn" data-testid="results-incomplete">
                    {move || current.with(|c| c.as_ref().map(|c| tr::may_be_incomplete(c.counts.absent, c.members)))}
                </p>
            </Show>
            <label class="results__awaiting">
                <input
                    type="checkbox"
                    data-testid="results-awaiting"
                    prop:checked=move || awaiting.get()
                    on:change=move |event| state.set_awaiting_publication(&class_name(), event_target_checked(&event))
                />
                " "
                {tr::AWAITING_LABEL}
            </label>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="results-caption">
                <table class="table table--stack results-table">
                    <caption id="results-caption">{move || tr::class_caption(&class_name())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr::COL_LAST}</th>
                            <th scope="col">{tr::COL_FIRST}</th>
                            <th scope="col">{tr::COL_STATUS}</th>
                            <th scope="col">{tr::COL_LEVEL}</th>
                            <th scope="col" class="num">{tr::COL_SCORE}</th>
                            <th scope="col">{tr::COL_SESSION}</th>
                            <th scope="col">{tr::COL_DATE}</th>
                            <th scope="col">{tr::COL_COMMENT}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || current.get().map(|c| c.lines).unwrap_or_default()
                            key=|line| (line.last.clone(), line.first.clone(), line.class.clone(), line.row, line.status, line.note.clone())
                            children=|line| view! { <ResultRow line=line /> }
                        />
                    </tbody>
                </table>
            </div>
            <button
                type="button"
                class="button button--link button--danger-link"
                data-testid="results-delete-class"
                on:click=move |_| {
                    let class = class_name();
                    let confirmed = web_sys::window()
                        .and_then(|window| window.confirm_with_message(&tr::confirm_delete_class(&class)).ok())
                        .unwrap_or(false);
                    if confirmed {
                        state.delete_class_results(&class);
                    }
                }
            >
                {tr::DELETE_CLASS}
            </button>
        </section>
    }
}

/// One count of the class, with its label: the colour repeats what the words say.
#[component]
fn Count(
    label: &'static str,
    value: Signal<usize>,
    testid: &'static str,
    tone: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("card card--{tone}") data-testid=testid>
            <span class="card__value">{move || value.get()}</span>
            <span class="card__label">{label}</span>
        </div>
    }
}

#[component]
fn ResultRow(line: ResultLine) -> impl IntoView {
    let slug = line.status_slug();
    let note = line.note.as_ref().map(tr::note);
    view! {
        <tr
            data-testid="result-row"
            data-last=line.last.clone()
            data-first=line.first.clone()
            data-class=line.class.clone()
            data-status=slug
            data-score=line.score.map(|s| s.to_string())
            data-level=line.level.map(PixLevel::label)
        >
            <th scope="row" data-label=tr::COL_LAST>{line.last.clone()}</th>
            <td data-label=tr::COL_FIRST>{line.first.clone()}</td>
            <td data-label=tr::COL_STATUS>
                <span class=format!("status-tag status-tag--{slug}")>{tr::situation(&line)}</span>
            </td>
            <td data-label=tr::COL_LEVEL>{line.level.map(PixLevel::label).unwrap_or_default()}</td>
            <td data-label=tr::COL_SCORE class="num">{line.score.map(|s| s.to_string()).unwrap_or_default()}</td>
            <td data-label=tr::COL_SESSION>{line.session.map(|s| s.to_string()).unwrap_or_default()}</td>
            <td data-label=tr::COL_DATE>{line.exam_date.map(|d| d.to_string()).unwrap_or_default()}</td>
            <td data-label=tr::COL_COMMENT class="results-table__comment">
                {note.map(|note| view! { <span class="results-table__note">{note}</span> })}
                {line.jury_comment.clone().map(|comment| view! { <span class="results-table__jury">{comment}</span> })}
            </td>
        </tr>
    }
}

/// Who must sit or re-sit the test, class by class: CSV and print.
#[component]
fn CatchUpPanel(views: Memo<Shared<Vec<ClassView>>>) -> impl IntoView {
    let state = use_state();
    let classes = Memo::new(move |_| {
        views.with(|views| {
            catch_up_lines(views)
                .into_iter()
                .map(|(class, lines)| {
                    (
                        class.to_owned(),
                        lines.into_iter().cloned().collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let export = move |_| {
        let situation = |line: &ResultLine| tr::situation(line);
        let labels = CatchUpCsvLabels {
            header: tr::CATCH_UP_HEADER,
            situation: &situation,
        };
        let csv = views.with_untracked(|views| catch_up_csv(views, &labels));
        if download_csv(&tr::catch_up_file_name(&today_iso()), &csv).is_err() {
            state.report_once(tr::EXPORT_FAILED.to_owned());
        }
    };
    let print = move |_| {
        set_body_printing(true);
        request_animation_frame(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
            set_body_printing(false);
        });
    };
    view! {
        <section class="results__catch-up" aria-labelledby="catch-up-title" data-testid="catch-up">
            <div class="section-head">
                <h3 id="catch-up-title">{tr::CATCH_UP_TITLE}</h3>
                <div class="results__actions">
                    <button type="button" class="button button--primary" data-testid="export-catch-up" on:click=export>
                        {tr::CATCH_UP_CSV}
                    </button>
                    <button type="button" class="button button--secondary" data-testid="print-catch-up" on:click=print>
                        {tr::CATCH_UP_PRINT}
                    </button>
                </div>
            </div>
            <p>{tr::CATCH_UP_INTRO}" "{tr::CATCH_UP_SESSIONS_LATER}</p>
            <Show when=move || classes.with(Vec::is_empty)>
                <p class="empty">{tr::CATCH_UP_EMPTY}</p>
            </Show>
            <For
                each=move || classes.get()
                key=|(class, lines)| (class.clone(), lines.len(), lines.iter().map(|l| l.status_slug()).collect::<Vec<_>>())
                children=|(class, lines)| {
                    let caption = tr::catch_up_class(&class, lines.len());
                    let region = caption.clone();
                    view! {
                        <div class="table-scroll catch-up-class" tabindex="0" role="region" aria-label=region>
                            <table class="table catch-up-table">
                                <caption>{caption}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{tr::COL_LAST}</th>
                                        <th scope="col">{tr::COL_FIRST}</th>
                                        <th scope="col">{tr::COL_STATUS}</th>
                                        <th scope="col">{tr::COL_COMMENT}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {lines.into_iter().map(|line| view! {
                                        <tr data-testid="catch-up-row" data-last=line.last.clone() data-first=line.first.clone() data-status=line.status_slug()>
                                            <th scope="row">{line.last.clone()}</th>
                                            <td>{line.first.clone()}</td>
                                            <td>{tr::situation(&line)}</td>
                                            <td class="results-table__comment">{line.jury_comment.clone().unwrap_or_default()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                }
            />
        </section>
    }
}

fn set_body_printing(on: bool) {
    if let Some(body) = document().body() {
        let _ = if on {
            body.class_list().add_1("print-catch-up")
        } else {
            body.class_list().remove_1("print-catch-up")
        };
    }
}

/// The whole cohort: shares, levels, scores, competences, certifiability against outcome.
#[component]
fn CohortPanel(stats: Memo<Shared<CohortStats>>) -> impl IntoView {
    view! {
        <section class="results__cohort" aria-labelledby="cohort-title" data-testid="results-cohort">
            <h3 id="cohort-title">{tr::COHORT_TITLE}</h3>
            {move || {
                let stats = stats.get();
                view! {
                    <div class="results__grid">
                        <SharesTable stats=stats.clone() />
                        <LevelsTable stats=stats.clone() />
                        <ScoresTable stats=stats.clone() />
                        <ComparisonTable stats=stats.clone() />
                    </div>
                    <CompetencesTable stats=stats />
                }
            }}
        </section>
    }
}

#[component]
fn SharesTable(stats: Shared<CohortStats>) -> impl IntoView {
    let rows = stats
        .shares
        .iter()
        .map(|share| {
            view! {
                <tr data-testid="results-share" data-class=share.class.clone() data-share=format!("{:.4}", share.share)>
                    <th scope="row">{share.class.clone()}</th>
                    <td class="num">{share.students}</td>
                    <td class="num">{share.validated}</td>
                    <td class="num">{tr::percent(share.share)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table results-small">
            <caption>{tr::SHARES_CAPTION}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr::COL_CLASS}</th>
                    <th scope="col" class="num">{tr::COL_STUDENTS}</th>
                    <th scope="col" class="num">{tr::COL_VALIDATED}</th>
                    <th scope="col" class="num">{tr::COL_SHARE}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn LevelsTable(stats: Shared<CohortStats>) -> impl IntoView {
    let rows = PixLevel::ALL
        .iter()
        .zip(stats.levels)
        .map(|(level, count)| {
            view! {
                <tr data-testid="results-level" data-level=level.label() data-count=count>
                    <th scope="row">{level.label()}</th>
                    <td class="num">{count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table results-small">
            <caption>{tr::LEVELS_CAPTION}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr::COL_LEVEL}</th>
                    <th scope="col" class="num">{tr::COL_COUNT}</th>
                </tr>
            </thead>
            <tbody>
                {rows}
                <tr>
                    <th scope="row">{tr::NO_LEVEL}</th>
                    <td class="num">{stats.validated_without_level}</td>
                </tr>
            </tbody>
        </table>
    }
}

#[component]
fn ScoresTable(stats: Shared<CohortStats>) -> impl IntoView {
    let rows = stats
        .score_bands
        .iter()
        .enumerate()
        .map(|(band, count)| {
            view! {
                <tr>
                    <th scope="row">{tr::score_band(band, band + 1 == SCORE_BANDS)}</th>
                    <td class="num">{*count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table results-small">
            <caption>{tr::SCORES_CAPTION}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr::COL_SCORE_BAND}</th>
                    <th scope="col" class="num">{tr::COL_COUNT}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn ComparisonTable(stats: Shared<CohortStats>) -> impl IntoView {
    let Some(table) = stats.certifiable_vs_outcome else {
        return view! { <p class="notice notice--quiet">{tr::NO_COLLECTE}</p> }.into_any();
    };
    let row = |label: &'static str, outcome: Outcome| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td class="num">{outcome.validated}</td>
                <td class="num">{outcome.not_validated}</td>
                <td class="num">{outcome.absent}</td>
            </tr>
        }
    };
    view! {
        <table class="table results-small" data-testid="results-comparison">
            <caption>{tr::COMPARISON_CAPTION}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr::COL_AT_COLLECTE}</th>
                    <th scope="col" class="num">{tr::COL_OUTCOME_VALIDATED}</th>
                    <th scope="col" class="num">{tr::COL_OUTCOME_NOT}</th>
                    <th scope="col" class="num">{tr::COL_OUTCOME_ABSENT}</th>
                </tr>
            </thead>
            <tbody>
                {row(tr::ROW_CERTIFIABLE, table.certifiable)}
                {row(tr::ROW_NOT_CERTIFIABLE, table.not_certifiable)}
                {row(tr::ROW_NOT_SENT, table.not_sent)}
                {row(tr::ROW_NOT_IN_COLLECTE, table.not_in_collecte)}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn CompetencesTable(stats: Shared<CohortStats>) -> impl IntoView {
    let header = stats
        .competences
        .iter()
        .map(|row| view! { <th scope="col" class="num">{row.class.clone()}</th> })
        .collect_view();
    let body = COMPETENCES
        .iter()
        .enumerate()
        .map(|(at, competence)| {
            let cells = stats
                .competences
                .iter()
                .map(|row| {
                    view! {
                        <td class="num">
                            {tr::decimal(row.average[at])}
                            <span class="results__coverage">
                                " ("{row.coverage[at].map_or_else(|| "—".to_owned(), tr::percent)}")"
                            </span>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{format!("{} {}", competence.index, competence.name)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="competences-caption">
            <table class="table results-competences">
                <caption id="competences-caption">{tr::COMPETENCES_CAPTION}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr::COL_COMPETENCE}</th>
                        {header}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
