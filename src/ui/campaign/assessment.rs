//! An assessment campaign: who has shared, progress, mastery, stage and badges, with filters
//! (Participants tab), and the mean mastery per competence and per domain of the students
//! the filters keep ("Résultats par compétence" tab).

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::import::assessment::{
    assessment_lines, filter_assessment, mastery_averages, AssessmentFilter, AssessmentLine,
    AssessmentStatus, MasteryAverage,
};
use crate::domain::model::snapshot::{AssessmentRow, AssessmentSheet, CampaignSnapshot, Rows};
use crate::domain::views::campaigns::page_bounds;
use crate::domain::views::route::CampaignTab;
use crate::ui::campaign::tabs::{selected_tab, TabPanel, Tabs};
use crate::ui::campaign::{CampaignClassFilter, CampaignRoute, NameSearch, TablePager};
use crate::ui::state::Shared;
use crate::ui::text;
use crate::ui::text::campaign as tc;
use crate::ui::widgets::cards::Card;

fn parts(snapshot: &CampaignSnapshot) -> (&AssessmentSheet, &[AssessmentRow]) {
    static EMPTY: AssessmentSheet = AssessmentSheet {
        stage_max: None,
        badges: Vec::new(),
        competences: Vec::new(),
        domains: Vec::new(),
    };
    match &snapshot.rows {
        Rows::Assessment { sheet, rows } => (sheet, rows),
        Rows::Profiles(_) => (&EMPTY, &[]),
    }
}

fn status_label(status: AssessmentStatus) -> &'static str {
    match status {
        AssessmentStatus::Shared => tc::STATUS_SHARED,
        AssessmentStatus::Completed => tc::STATUS_COMPLETED,
        AssessmentStatus::Started => tc::STATUS_STARTED,
    }
}

#[component]
pub fn AssessmentPage(
    route: CampaignRoute,
    campaign: String,
    snapshot: Arc<CampaignSnapshot>,
) -> impl IntoView {
    let (sheet, rows) = parts(&snapshot);
    let sheet = sheet.clone();
    let lines = Shared(Arc::new(assessment_lines(rows)));
    let classes = {
        let mut seen = std::collections::HashSet::new();
        let mut classes: Vec<(String, String)> = lines
            .iter()
            .filter(|line| !line.class_key.is_empty() && seen.insert(line.class_key.clone()))
            .map(|line| (line.class_key.clone(), line.class.clone()))
            .collect();
        crate::domain::views::sort::sort_by(&mut classes, |a, b| {
            crate::domain::text::natural_cmp(&a.1, &b.1)
        });
        classes
    };
    let count = |status| lines.iter().filter(|line| line.status == status).count();
    let (shared, completed, started) = (
        count(AssessmentStatus::Shared),
        count(AssessmentStatus::Completed),
        count(AssessmentStatus::Started),
    );
    let participants = lines.len();

    // The filters live in the URL, like a profiles collection's: reload and back keep them.
    let table_view = route.view;
    let filter = Memo::new(move |_| table_view.with(|view| view.assessment_filter()));
    let page = Memo::new(move |_| table_view.with(|view| view.page));
    let page_size = Memo::new(move |_| table_view.with(|view| view.page_size));
    let selected = {
        let lines = lines.clone();
        Memo::new(move |_| filter.with(|filter| filter_assessment(&lines, filter)))
    };
    let averages = {
        let lines = lines.clone();
        let snapshot = Arc::clone(&snapshot);
        Memo::new(move |_| {
            let (sheet, rows) = parts(&snapshot);
            selected
                .with(|selected| Shared(Arc::new(mastery_averages(rows, sheet, &lines, selected))))
        })
    };
    let overall = averages.with_untracked(|averages| averages.overall);
    let total = Signal::derive(move || selected.with(Vec::len));
    let page_rows = Memo::new(move |_| {
        let (start, end, _, _) = page_bounds(total.get(), page_size.get(), page.get());
        selected.with(|selected| selected[start..end].to_vec())
    });
    let stage_max = sheet.stage_max;
    let badges = sheet.badges.clone();
    let tab = selected_tab(route, &CampaignTab::ASSESSMENT);

    let caption = tc::assessment_caption(&campaign);

    let panel = move || {
        let current = tab.get();
        let content = match current {
            CampaignTab::Averages => view! {
                <section class="panel averages" aria-labelledby="averages-title">
                    <h3 id="averages-title">{tc::AVERAGES_TITLE}</h3>
                    <p class="filters__count">{move || text::participants_counter(total.get())}</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="averages-title">
                        {move || {
                            let averages = averages.get();
                            view! {
                                <AveragesTable caption=tc::AVERAGES_DOMAINS head=tc::COL_NAME_DOMAIN kind="domain" averages=averages.domains.clone() />
                                <AveragesTable caption=tc::AVERAGES_COMPETENCES head=tc::COL_NAME_COMPETENCE kind="competence" averages=averages.competences.clone() />
                            }
                        }}
                    </div>
                </section>
            }
            .into_any(),
            _ => {
                let lines = lines.clone();
                let badges_head = badges.clone();
                let badges_rows = badges.clone();
                view! {
                    <section class="participants" aria-labelledby="assessment-title">
                        <h3 id="assessment-title" class="visually-hidden">{caption.clone()}</h3>
                        <AssessmentFilters route=route filter=filter classes=classes.clone() stage_max=stage_max total=total />
                        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="assessment-title">
                            <table class="table table--stack" data-testid="assessment-table">
                                <caption>{caption.clone()}</caption>
                                <thead>
                                    <AssessmentHead stage_max=stage_max badges=badges_head />
                                </thead>
                                <tbody>
                                    <For
                                        each=move || page_rows.get()
                                        key=|index| *index
                                        children=move |index| view! {
                                            <AssessmentRowView line=lines[index].clone() stage_max=stage_max badges=badges_rows.clone() />
                                        }
                                    />
                                </tbody>
                            </table>
                        </div>
                        <TablePager route=route total=total />
                    </section>
                }
                .into_any()
            }
        };
        view! { <TabPanel tab=current>{content}</TabPanel> }
    };

    view! {
        <div class="cards">
            <Card label=text::CARD_PARTICIPANTS value=participants.to_string() testid="count-participants" tone="neutral" />
            <Card label=text::CARD_SHARED value=shared.to_string() testid="count-received" tone="ok" />
            <Card label=tc::CARD_COMPLETED value=completed.to_string() testid="count-completed" tone="neutral" />
            <Card label=tc::CARD_STARTED value=started.to_string() testid="count-started" tone="muted" />
            <Card
                label=tc::CARD_AVERAGE
                value=overall.map(tc::percent).unwrap_or_else(|| "—".to_owned())
                testid="count-average"
                tone="neutral"
            />
        </div>
        <Tabs route=route tabs=&CampaignTab::ASSESSMENT selected=tab />
        {panel}
    }
}

/// The filters of the participants tab; the averages tab shows the students they keep.
#[component]
fn AssessmentFilters(
    route: CampaignRoute,
    filter: Memo<AssessmentFilter>,
    classes: Vec<(String, String)>,
    stage_max: Option<u8>,
    #[prop(into)] total: Signal<usize>,
) -> impl IntoView {
    // The URL holds the filter: an assessment's search and classes in the shared fields,
    // its status and stage in their own.
    let set_filter = move |change: &dyn Fn(&mut AssessmentFilter)| {
        route.update(|view| {
            let mut filter = view.assessment_filter();
            change(&mut filter);
            view.filter.search = filter.search;
            view.filter.classes = filter.classes;
            view.assessment_status = filter.status;
            view.stage = filter.stage;
            view.page = 1;
        })
    };
    let status_options = AssessmentStatus::ALL
        .into_iter()
        .map(|status| view! { <option value=status.slug()>{status_label(status)}</option> })
        .collect_view();
    let stage_filter = stage_max.map(|max| {
        let options = (0..=max)
            .map(|stage| view! { <option value=stage.to_string()>{tc::stage_option(stage, max)}</option> })
            .collect_view();
        view! {
            <label class="field">
                <span class="field__label">{tc::FILTER_STAGE}</span>
                <select
                    data-testid="filter-stage"
                    prop:value=move || filter.with(|f| f.stage.map(|s| s.to_string()).unwrap_or_default())
                    on:change=move |event| {
                        let stage = event_target_value(&event).parse().ok();
                        set_filter(&|f| f.stage = stage);
                    }
                >
                    <option value="">{tc::FILTER_STAGE_ALL}</option>
                    {options}
                </select>
            </label>
        }
    });
    view! {
        <form class="filters" role="search" aria-label=text::FILTERS on:submit=|event| event.prevent_default()>
            <NameSearch route=route />
            <label class="field">
                <span class="field__label">{tc::FILTER_ASSESSMENT_STATUS}</span>
                <select
                    data-testid="filter-assessment-status"
                    prop:value=move || filter.with(|f| f.status.map(AssessmentStatus::slug).unwrap_or("all"))
                    on:change=move |event| {
                        let status = AssessmentStatus::from_slug(&event_target_value(&event));
                        set_filter(&|f| f.status = status);
                    }
                >
                    <option value="all">{text::FILTER_STATUS_ALL}</option>
                    {status_options}
                </select>
            </label>
            {stage_filter}
            <button type="button" class="button button--link" data-testid="filter-clear" on:click=move |_| set_filter(&|f| *f = AssessmentFilter::default())>
                {text::FILTER_CLEAR}
            </button>
            <p class="filters__count" aria-live="polite" data-testid="participants-count">
                {move || text::participants_counter(total.get())}
            </p>
            <CampaignClassFilter route=route classes=classes />
        </form>
    }
}

/// The header row: fixed columns, then the stage and one column per badge when the export
/// has them.
#[component]
fn AssessmentHead(stage_max: Option<u8>, badges: Vec<String>) -> impl IntoView {
    let badges = badges
        .into_iter()
        .map(|badge| view! { <th scope="col">{badge}</th> })
        .collect_view();
    view! {
        <tr>
            <th scope="col">{text::COL_LAST}</th>
            <th scope="col">{text::COL_FIRST}</th>
            <th scope="col">{text::COL_CLASS}</th>
            <th scope="col">{tc::COL_STATUS}</th>
            <th scope="col" class="num">{text::COL_PROGRESS}</th>
            <th scope="col" class="num">{text::COL_MASTERY}</th>
            {stage_max.map(|_| view! { <th scope="col" class="num">{text::COL_STAGE}</th> })}
            {badges}
            <th scope="col" class="num">{tc::COL_SENDINGS}</th>
        </tr>
    }
}

#[component]
fn AssessmentRowView(
    line: AssessmentLine,
    stage_max: Option<u8>,
    badges: Vec<String>,
) -> impl IntoView {
    let (tag, label) = match line.status {
        AssessmentStatus::Shared => ("tag tag--ok", tc::STATUS_SHARED),
        // Not a warning: since January 2026 Pix shares these results itself (point 9 of #25).
        AssessmentStatus::Completed => ("tag tag--muted", tc::STATUS_COMPLETED),
        AssessmentStatus::Started => ("tag tag--muted", tc::STATUS_STARTED),
    };
    let dash = || "—".to_owned();
    let stage = stage_max.map(|max| {
        let text = line
            .stage
            .map(|s| format!("{s} / {max}"))
            .unwrap_or_else(dash);
        view! { <td class="num" data-label=text::COL_STAGE>{text}</td> }
    });
    let badge_cells = badges
        .into_iter()
        .enumerate()
        .map(|(index, title)| {
            let value = match line.badges.get(index).copied().flatten() {
                Some(true) => view! { <span class="tag tag--ok">{text::YES}</span> }.into_any(),
                Some(false) => view! { <span class="tag tag--muted">{text::NO}</span> }.into_any(),
                None => view! { <span class="faint">"—"</span> }.into_any(),
            };
            view! { <td data-label=title>{value}</td> }
        })
        .collect_view();
    view! {
        <tr
            data-testid="assessment-row"
            data-last=line.last.clone()
            data-first=line.first.clone()
            data-class=line.class.clone()
            data-status=line.status.slug()
            data-mastery=line.mastery.map(decimal)
            data-stage=line.stage.map(|s| s.to_string())
        >
            <th scope="row">
                {line.last.clone()}
                <span class="only-narrow">{format!(" {}", line.first)}</span>
            </th>
            <td class="not-narrow" data-label=text::COL_FIRST>{line.first.clone()}</td>
            <td data-label=text::COL_CLASS>{line.class.clone()}</td>
            <td data-label=tc::COL_STATUS>
                <span class=tag>{label}</span>
            </td>
            <td class="num" data-label=text::COL_PROGRESS>{line.progress.map(tc::percent).unwrap_or_else(dash)}</td>
            <td class="num" data-label=text::COL_MASTERY>{line.mastery.map(tc::percent).unwrap_or_else(dash)}</td>
            {stage}
            {badge_cells}
            <td class="num" data-label=tc::COL_SENDINGS>{line.shared_count}</td>
        </tr>
    }
}

/// Mean mastery per competence or domain.
#[component]
fn AveragesTable(
    caption: &'static str,
    head: &'static str,
    kind: &'static str,
    averages: Vec<MasteryAverage>,
) -> impl IntoView {
    if averages.is_empty() {
        return ().into_any();
    }
    let rows = averages
        .into_iter()
        .map(|average| {
            // A <meter> shows the share without an inline style, which the CSP forbids.
            let share = decimal(average.average.unwrap_or(0.0));
            view! {
                <tr
                    data-testid="mastery-average"
                    data-kind=kind
                    data-name=average.name.clone()
                    data-average=average.average.map(decimal)
                >
                    <th scope="row">{average.name.clone()}</th>
                    <td class="num">
                        <meter class="mastery-meter" min="0" max="1" value=share aria-hidden="true"></meter>
                        {format!(" {}", average.average.map(tc::percent).unwrap_or_else(|| "—".to_owned()))}
                    </td>
                    <td class="num">{average.results}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table averages-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{head}</th>
                    <th scope="col" class="num">{tc::COL_AVERAGE}</th>
                    <th scope="col" class="num">{tc::COL_RESULTS}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// A fraction for data attributes, to six decimals without trailing zeros (`0.37`), written
/// through integers: float formatting costs ~20 KB of wasm. To be replaced by the shared
/// decimal helper (`domain::views::decimal`) once both branches are merged.
fn decimal(value: f32) -> String {
    let millionths = (f64::from(value) * 1_000_000.0).round() as i64;
    let sign = if millionths < 0 { "-" } else { "" };
    let (whole, fraction) = (millionths.abs() / 1_000_000, millionths.abs() % 1_000_000);
    let fraction = format!("{fraction:06}");
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}
