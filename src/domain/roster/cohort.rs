//! The roster joined to the views: the whole cohort of a campaign, never-joined students,
//! out-of-roster participants, the students view and the snapshot comparison. Plain structs
//! the UI renders; indices point into `roster.students` and into the caller's lines.

use std::collections::{HashMap, HashSet};

use super::matching::{match_roster, ExportName, MatchDecisions, MatchHow, NameMatch, RosterMatch};
use super::Roster;
use crate::text::{class_key, fold};
use crate::views::cohort::{percent, Certifiability, ParticipantLine};
use crate::views::students::{KnownCertifiability, StudentOverview};

/// The `data-roster` value of a roster student shown without a participation, and the
/// certifiability filter's extra value.
pub const NEVER_JOINED_SLUG: &str = "never-joined";

/// The participants filter's value for the participants the school list does not have.
pub const OUT_OF_LIST_SLUG: &str = "hors-liste";

/// What the to-do list advises for a student who never joined the campaign.
pub const NEVER_JOINED_ADVICE: &str = "lui donner le code de la campagne";

/// The class keys (`text::class_key`) of the roster's classes that the export mentions: the
/// campaign's cohort until the user picks other classes. In the roster's natural class order.
pub fn default_cohort_classes(roster: &Roster, lines: &[ParticipantLine]) -> Vec<String> {
    let seen: HashSet<&str> = lines.iter().map(ParticipantLine::class_key).collect();
    roster
        .classes()
        .into_iter()
        .map(|(key, _)| key)
        .filter(|key| seen.contains(key.as_str()))
        .collect()
}

/// The promotion (the school list's pupils in the campaign's classes), one situation each:
/// `students` is the sum of the five others, so every share is over the same pupils.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CohortShare {
    pub students: usize,
    pub certifiable: usize,
    pub not_certifiable: usize,
    /// Joined the campaign, never sent a profile.
    pub never_sent: usize,
    pub never_joined: usize,
    /// May be one of the participants "À vérifier": counted nowhere else until decided.
    pub to_check: usize,
}

impl CohortShare {
    pub fn percent(&self) -> u32 {
        percent(self.certifiable, self.students)
    }
}

/// One class of the cohort, roster students and participants together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CohortClass {
    pub key: String,
    /// As typed in the roster.
    pub label: String,
    pub roster_students: usize,
    /// Roster students with a participation in the campaign.
    pub joined: usize,
    pub certifiable: usize,
    pub not_certifiable: usize,
    pub not_sent: usize,
    pub never_joined: usize,
    /// Roster students who may be one of the participants "À vérifier".
    pub to_check: usize,
    /// Participants of this class (as the export says) who are not in the roster.
    pub out_of_roster: usize,
}

impl CohortClass {
    pub fn certifiable_percent(&self) -> u32 {
        percent(self.certifiable, self.roster_students)
    }
}

/// A campaign's lines joined to the roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampaignRoster {
    /// `matching.names[i]` is where line `i` stands.
    pub matching: RosterMatch,
    /// Per roster student: in one of the cohort's classes.
    pub in_cohort: Vec<bool>,
    /// Per roster student: the best status among its lines, `None` without a participation.
    pub status: Vec<Option<Certifiability>>,
    /// Roster students of the cohort with no participation, by class (natural order) then
    /// name.
    pub never_joined: Vec<usize>,
    /// Lines not found in the roster.
    pub out_of_roster: Vec<usize>,
    /// Lines matched to a roster student of another class.
    pub class_changed: Vec<usize>,
    /// Lines "À vérifier".
    pub to_check: Vec<usize>,
    pub share: CohortShare,
    /// The participants the promotion does not count, and why.
    pub outside: OutsidePromotion,
    /// The cohort's classes, in natural order.
    pub classes: Vec<CohortClass>,
}

/// Participants (lines of the export) that the promotion's figures leave out: the gap between
/// the export's own counts and the promotion's, said in words where both are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutsidePromotion {
    /// Not found in the school list.
    pub out_of_list: usize,
    /// Found in the list, in a class that is not one of the promotion's.
    pub other_class: usize,
    /// "À vérifier": not placed until the user decides.
    pub to_check: usize,
    /// Of those three, the certifiable ones.
    pub certifiable: usize,
}

impl OutsidePromotion {
    pub fn participants(&self) -> usize {
        self.out_of_list + self.other_class + self.to_check
    }
}

impl CampaignRoster {
    /// Whether the list says anything of this campaign: its promotion has pupils, and it
    /// places at least one participant. A list of another school or another year places none,
    /// and the campaign is then read as without a list, with that said.
    pub fn covers_campaign(&self) -> bool {
        self.share.students > 0
            && (self.matching.names.is_empty()
                || self
                    .matching
                    .names
                    .iter()
                    .any(|name| !matches!(name, NameMatch::OutOfRoster { .. })))
    }

    /// Keeps, of `lines` (indices into the campaign's lines), those the list does not have.
    pub fn keep_out_of_list(&self, lines: &mut Vec<usize>) {
        lines.retain(|&line| {
            matches!(
                self.matching.names.get(line),
                Some(NameMatch::OutOfRoster { .. })
            )
        });
    }

    /// The `data-roster` value of line `line`: `out`, `class-changed`, or nothing.
    pub fn line_hook(&self, line: usize) -> Option<&'static str> {
        match self.matching.names.get(line)? {
            NameMatch::OutOfRoster { .. } => Some("out"),
            NameMatch::Found {
                how: MatchHow::ClassChanged,
                ..
            } => Some("class-changed"),
            _ => None,
        }
    }
}

fn rank(status: Certifiability) -> u8 {
    match status {
        Certifiability::Certifiable => 0,
        Certifiability::NotCertifiable => 1,
        Certifiability::NotSent => 2,
    }
}

/// Roster students in natural class order, then by folded name.
fn roster_order(roster: &Roster, students: &mut [usize]) {
    let class_rank: HashMap<String, usize> = roster
        .classes()
        .into_iter()
        .enumerate()
        .map(|(rank, (key, _))| (key, rank))
        .collect();
    let sort_key = |&at: &usize| {
        let student = &roster.students[at];
        (
            class_rank.get(&class_key(&student.class)).copied(),
            fold(&student.last),
            fold(&student.first),
            at,
        )
    };
    // Keys computed once per student, not once per comparison.
    let mut keyed: Vec<_> = students.iter().map(sort_key).collect();
    crate::views::sort::sort_by(&mut keyed, |a, b| a.cmp(b));
    for (slot, (_, _, _, at)) in students.iter_mut().zip(keyed) {
        *slot = at;
    }
}

/// Joins a campaign's participant lines (`cohort::participant_lines`) to the roster, for the
/// cohort made of `cohort_classes` (class keys; see `default_cohort_classes`).
pub fn campaign_roster(
    roster: &Roster,
    lines: &[ParticipantLine],
    cohort_classes: &[String],
    decisions: &MatchDecisions,
) -> CampaignRoster {
    let names: Vec<ExportName<'_>> = lines.iter().map(ExportName::of_line).collect();
    let matching = match_roster(roster, &names, decisions);
    let cohort: HashSet<&str> = cohort_classes.iter().map(String::as_str).collect();
    let student_classes: Vec<String> = roster
        .students
        .iter()
        .map(|student| class_key(&student.class))
        .collect();
    let in_cohort: Vec<bool> = student_classes
        .iter()
        .map(|key| cohort.contains(key.as_str()))
        .collect();
    let status: Vec<Option<Certifiability>> = matching
        .identities_of_student
        .iter()
        .map(|identities| {
            identities
                .iter()
                .map(|&line| lines[line].status)
                .min_by_key(|&status| rank(status))
        })
        .collect();

    let mut by_class: HashMap<String, CohortClass> = HashMap::new();
    for (key, label) in roster.classes() {
        if cohort.contains(key.as_str()) {
            let class = CohortClass {
                key: key.clone(),
                label,
                ..CohortClass::default()
            };
            by_class.insert(key, class);
        }
    }
    let mut never_joined = Vec::new();
    let mut share = CohortShare::default();
    for (at, key) in student_classes.iter().enumerate() {
        let Some(class) = by_class.get_mut(key) else {
            continue;
        };
        class.roster_students += 1;
        share.students += 1;
        match status[at] {
            Some(status) => {
                class.joined += 1;
                match status {
                    Certifiability::Certifiable => {
                        class.certifiable += 1;
                        share.certifiable += 1;
                    }
                    Certifiability::NotCertifiable => {
                        class.not_certifiable += 1;
                        share.not_certifiable += 1;
                    }
                    Certifiability::NotSent => {
                        class.not_sent += 1;
                        share.never_sent += 1;
                    }
                }
            }
            None if matching.pending[at] => {
                class.to_check += 1;
                share.to_check += 1;
            }
            None => {
                class.never_joined += 1;
                share.never_joined += 1;
                never_joined.push(at);
            }
        }
    }
    roster_order(roster, &mut never_joined);

    let mut out_of_roster = Vec::new();
    let mut class_changed = Vec::new();
    let mut to_check = Vec::new();
    let mut outside = OutsidePromotion::default();
    for (line, result) in matching.names.iter().enumerate() {
        let counted = match result {
            NameMatch::OutOfRoster { .. } => {
                out_of_roster.push(line);
                outside.out_of_list += 1;
                if let Some(class) = by_class.get_mut(lines[line].class_key()) {
                    class.out_of_roster += 1;
                }
                false
            }
            NameMatch::ToCheck { .. } => {
                to_check.push(line);
                outside.to_check += 1;
                false
            }
            NameMatch::Found { student, how } => {
                if *how == MatchHow::ClassChanged {
                    class_changed.push(line);
                }
                let inside = in_cohort.get(*student).copied().unwrap_or(false);
                if !inside {
                    outside.other_class += 1;
                }
                inside
            }
        };
        if !counted && lines[line].status == Certifiability::Certifiable {
            outside.certifiable += 1;
        }
    }
    let mut classes: Vec<CohortClass> = by_class.into_values().collect();
    crate::views::sort::sort_by(&mut classes, |a, b| {
        crate::text::natural_cmp(&a.label, &b.label)
    });
    CampaignRoster {
        matching,
        in_cohort,
        status,
        never_joined,
        out_of_roster,
        class_changed,
        to_check,
        share,
        outside,
        classes,
    }
}

/// Which pupils a campaign's shares are over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareBase {
    /// No school list: the participants of the export.
    Participants,
    /// The promotion: the list's pupils in the campaign's classes, participants or not.
    Promotion,
    /// A school list is stored but covers none of this campaign (`covers_campaign`): the
    /// participants, as without a list, and the user is told why.
    ListNotCovering,
}

impl ShareBase {
    /// The `data-base` value of the share on the page.
    pub fn slug(self) -> &'static str {
        match self {
            ShareBase::Participants => "participants",
            ShareBase::Promotion => "promotion",
            ShareBase::ListNotCovering => "list-not-covering",
        }
    }
}

/// The one share a campaign shows everywhere (header, cards, campaign list, history), with
/// the participants-only figure that is named beside it and what separates them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadlineShare {
    pub base: ShareBase,
    pub certifiable: usize,
    /// The pupils the share is over.
    pub whole: usize,
    pub participants_certifiable: usize,
    pub participants: usize,
    /// Participants the promotion leaves out (zero without a promotion).
    pub outside: OutsidePromotion,
}

impl HeadlineShare {
    pub fn percent(&self) -> u32 {
        percent(self.certifiable, self.whole)
    }

    pub fn participants_percent(&self) -> u32 {
        percent(self.participants_certifiable, self.participants)
    }
}

/// The headline share: over the promotion when a list covers the campaign, else over the
/// participants (`participants` and `participants_certifiable` are the export's own counts).
pub fn headline_share(
    participants: usize,
    participants_certifiable: usize,
    joined: Option<&CampaignRoster>,
) -> HeadlineShare {
    let over_participants = |base| HeadlineShare {
        base,
        certifiable: participants_certifiable,
        whole: participants,
        participants_certifiable,
        participants,
        outside: OutsidePromotion::default(),
    };
    match joined {
        None => over_participants(ShareBase::Participants),
        Some(joined) if !joined.covers_campaign() => over_participants(ShareBase::ListNotCovering),
        Some(joined) => HeadlineShare {
            base: ShareBase::Promotion,
            certifiable: joined.share.certifiable,
            whole: joined.share.students,
            participants_certifiable,
            participants,
            outside: joined.outside,
        },
    }
}

/// The promotion's figures of one import of a campaign, for the campaign list and the
/// history: `None` when the list does not cover it. `chosen` are the classes the user picked
/// for this campaign, `None` for the default ones.
pub fn promotion_share(
    roster: &Roster,
    lines: &[ParticipantLine],
    chosen: Option<&[String]>,
    decisions: &MatchDecisions,
) -> Option<CohortShare> {
    let classes = chosen.map_or_else(|| default_cohort_classes(roster, lines), <[String]>::to_vec);
    let joined = campaign_roster(roster, lines, &classes, decisions);
    joined.covers_campaign().then_some(joined.share)
}

/// One row of "Par classe". With a list covering the campaign, the class's pupils of the
/// promotion (its share is over them); without, its participants.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassFigures {
    /// `text::class_key`; empty for participants without a class.
    pub key: String,
    pub label: String,
    /// The pupils the class's share is over.
    pub students: usize,
    /// Of them, those who joined the campaign.
    pub participants: usize,
    pub certifiable: usize,
    pub not_certifiable: usize,
    pub never_sent: usize,
    /// With a list only.
    pub never_joined: Option<usize>,
    pub to_check: usize,
    /// Participants of this class (as the export says) not found in the list; with a list only.
    pub out_of_list: Option<usize>,
}

impl ClassFigures {
    pub fn certifiable_percent(&self) -> u32 {
        percent(self.certifiable, self.students)
    }

    /// Every pupil of the class is certifiable: nothing left to do.
    pub fn done(&self) -> bool {
        self.students > 0 && self.certifiable == self.students
    }
}

/// "Par classe" on the headline's base: their `students` and `certifiable` add up to the
/// headline's `whole` and `certifiable` (without a list, participants without a class are one
/// row, last).
pub fn class_figures(
    summaries: &[crate::views::cohort::ClassSummary],
    joined: Option<&CampaignRoster>,
) -> Vec<ClassFigures> {
    match joined.filter(|joined| joined.covers_campaign()) {
        Some(joined) => joined
            .classes
            .iter()
            .map(|class| ClassFigures {
                key: class.key.clone(),
                label: class.label.clone(),
                students: class.roster_students,
                participants: class.joined,
                certifiable: class.certifiable,
                not_certifiable: class.not_certifiable,
                never_sent: class.not_sent,
                never_joined: Some(class.never_joined),
                to_check: class.to_check,
                out_of_list: Some(class.out_of_roster),
            })
            .collect(),
        None => summaries
            .iter()
            .map(|summary| ClassFigures {
                key: summary.key.clone(),
                label: summary.label.clone(),
                students: summary.participants,
                participants: summary.participants,
                certifiable: summary.certifiable,
                not_certifiable: summary.not_certifiable,
                never_sent: summary.not_sent,
                never_joined: None,
                to_check: 0,
                out_of_list: None,
            })
            .collect(),
    }
}

/// A never-joined student in the to-do list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeverJoinedStudent {
    /// Index into `roster.students`.
    pub student: usize,
    pub last: String,
    pub first: String,
    pub class: String,
}

/// The never-joined students of one class, for the to-do list, its CSV and its print; each
/// one's advice is `NEVER_JOINED_ADVICE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeverJoinedClass {
    pub key: String,
    pub label: String,
    pub students: Vec<NeverJoinedStudent>,
}

/// `campaign.never_joined`, grouped by class in the same order, restricted to `classes`
/// (class keys) unless it is empty, as `todo::todo_list` filters.
pub fn never_joined_todo(
    roster: &Roster,
    campaign: &CampaignRoster,
    classes: &[String],
) -> Vec<NeverJoinedClass> {
    let mut out: Vec<NeverJoinedClass> = Vec::new();
    for &at in &campaign.never_joined {
        let student = &roster.students[at];
        let key = class_key(&student.class);
        if !classes.is_empty() && !classes.contains(&key) {
            continue;
        }
        if out.last().is_none_or(|class| class.key != key) {
            out.push(NeverJoinedClass {
                key,
                label: student.class.clone(),
                students: Vec::new(),
            });
        }
        if let Some(class) = out.last_mut() {
            class.students.push(NeverJoinedStudent {
                student: at,
                last: student.last.clone(),
                first: student.first.clone(),
                class: student.class.clone(),
            });
        }
    }
    out
}

/// One sheet of the printed (and listed) "À faire": a class, its participants still to help
/// and its pupils of the list who never joined, together, so that the never-joined are chased
/// inside their class and the class's count is over all its pupils.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TodoSheet {
    pub key: String,
    pub label: String,
    /// The class's participants (`todo::todo_list`); `None` when none of them took part.
    pub participants: Option<crate::views::todo::TodoClass>,
    pub never_joined: Vec<NeverJoinedStudent>,
    /// The class's pupils: of the promotion with a list covering the campaign, else its
    /// participants.
    pub pupils: usize,
}

impl TodoSheet {
    pub fn not_certifiable(&self) -> usize {
        self.participants.as_ref().map_or(0, |c| c.not_certifiable)
    }

    pub fn never_sent(&self) -> usize {
        self.participants.as_ref().map_or(0, |c| c.not_sent)
    }

    /// Pupils still to help or chase.
    pub fn to_do(&self) -> usize {
        self.not_certifiable() + self.never_sent() + self.never_joined.len()
    }
}

/// The to-do list and the never-joined pupils merged class by class, in natural class order
/// (participants without a class last).
pub fn todo_sheets(
    todo: Vec<crate::views::todo::TodoClass>,
    never_joined: Vec<NeverJoinedClass>,
    joined: Option<&CampaignRoster>,
) -> Vec<TodoSheet> {
    let mut sheets: Vec<TodoSheet> = todo
        .into_iter()
        .map(|class| TodoSheet {
            key: class.key.clone(),
            label: class.label.clone(),
            pupils: class.participants,
            participants: Some(class),
            never_joined: Vec::new(),
        })
        .collect();
    for class in never_joined {
        match sheets.iter_mut().find(|sheet| sheet.key == class.key) {
            Some(sheet) => sheet.never_joined = class.students,
            None => sheets.push(TodoSheet {
                key: class.key,
                label: class.label,
                participants: None,
                never_joined: class.students,
                pupils: 0,
            }),
        }
    }
    if let Some(joined) = joined {
        for sheet in &mut sheets {
            if let Some(class) = joined.classes.iter().find(|class| class.key == sheet.key) {
                sheet.pupils = class.roster_students;
            }
        }
    }
    crate::views::sort::sort_by(&mut sheets, |a, b| {
        a.key
            .is_empty()
            .cmp(&b.key.is_empty())
            .then_with(|| crate::text::natural_cmp(&a.label, &b.label))
    });
    sheets
}

/// The to-do CSV, sheet by sheet: each class's participants, then its never-joined pupils
/// (status `never_joined_label`, advice `NEVER_JOINED_ADVICE` in the last column).
pub fn todo_sheets_csv(
    sheets: &[TodoSheet],
    labels: &crate::views::todo::TodoCsvLabels<'_>,
    never_joined_label: &str,
) -> String {
    let mut csv = crate::export::CsvWriter::new();
    csv.row(labels.header);
    for sheet in sheets {
        if let Some(class) = &sheet.participants {
            crate::views::todo::class_rows(&mut csv, class, labels);
        }
        let class = if sheet.label.is_empty() {
            labels.no_class
        } else {
            &sheet.label
        };
        for student in &sheet.never_joined {
            csv.row([
                class,
                &student.last,
                &student.first,
                never_joined_label,
                "",
                "",
                "",
                NEVER_JOINED_ADVICE,
            ]);
        }
    }
    csv.finish()
}

/// One roster student of the students view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterStudentLine {
    /// Index into `roster.students`.
    pub student: usize,
    /// The students-view line it was matched to (index into the overview), if any.
    pub overview: Option<usize>,
    pub how: Option<MatchHow>,
    /// `NeverJoined` when the student took part nowhere, `NotCommunicated` when they took
    /// part and never sent a profile: they need different actions.
    pub certifiability: KnownCertifiability,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterStudentsView {
    /// Every roster student, by class then name.
    pub lines: Vec<RosterStudentLine>,
    /// Overview lines found in no roster student.
    pub out_of_roster: Vec<usize>,
    /// Overview lines "À vérifier".
    pub to_check: Vec<usize>,
}

/// The students view with a roster: every roster student, with what the campaigns say of it.
pub fn roster_students_view(
    roster: &Roster,
    overview: &[StudentOverview],
    decisions: &MatchDecisions,
) -> RosterStudentsView {
    let names: Vec<ExportName<'_>> = overview
        .iter()
        .map(|line| ExportName {
            last: &line.last,
            first: &line.first,
            class: &line.class,
        })
        .collect();
    let matching = match_roster(roster, &names, decisions);
    let mut order: Vec<usize> = (0..roster.students.len()).collect();
    roster_order(roster, &mut order);
    let lines = order
        .into_iter()
        .map(|student| {
            let identities = &matching.identities_of_student[student];
            // Two overview lines are one student only by the user's decision: the one with
            // the latest profile tells where the student stands.
            let best = identities
                .iter()
                .copied()
                .max_by_key(|&line| overview[line].latest.as_ref().map(|p| p.sent_at));
            RosterStudentLine {
                student,
                overview: best,
                how: best.and_then(|line| match matching.names[line] {
                    NameMatch::Found { how, .. } => Some(how),
                    _ => None,
                }),
                certifiability: best.map_or(KnownCertifiability::NeverJoined, |line| {
                    overview[line].certifiability()
                }),
            }
        })
        .collect();
    let pick = |wanted: fn(&NameMatch) -> bool| {
        matching
            .names
            .iter()
            .enumerate()
            .filter(|(_, result)| wanted(result))
            .map(|(line, _)| line)
            .collect()
    };
    RosterStudentsView {
        lines,
        out_of_roster: pick(|result| matches!(result, NameMatch::OutOfRoster { .. })),
        to_check: pick(|result| matches!(result, NameMatch::ToCheck { .. })),
    }
}

/// Roster students of the cohort who joined the campaign since the earlier collection: in
/// `later`'s lines and not in `earlier`'s (both from `cohort::participant_lines`), by class
/// then name.
pub fn joined_since(
    roster: &Roster,
    cohort_classes: &[String],
    earlier: &[ParticipantLine],
    later: &[ParticipantLine],
    decisions: &MatchDecisions,
) -> Vec<usize> {
    let joined = |lines: &[ParticipantLine]| -> Vec<bool> {
        let names: Vec<ExportName<'_>> = lines.iter().map(ExportName::of_line).collect();
        match_roster(roster, &names, decisions)
            .identities_of_student
            .iter()
            .map(|identities| !identities.is_empty())
            .collect()
    };
    let (before, after) = (joined(earlier), joined(later));
    let mut students: Vec<usize> = (0..roster.students.len())
        .filter(|&at| after[at] && !before[at])
        .filter(|&at| cohort_classes.contains(&class_key(&roster.students[at].class)))
        .collect();
    roster_order(roster, &mut students);
    students
}
