//! The catch-up list: every student who still has to sit the test (absent) or sit it again
//! (not obtained, cancelled, in error), class by class, on screen, printed and as CSV.

use super::matching::{ClassView, ResultLine};
use crate::export::CsvWriter;

/// The students to bring back, per class (classes with nobody are left out).
pub fn catch_up_lines(views: &[ClassView]) -> Vec<(&str, Vec<&ResultLine>)> {
    views
        .iter()
        .map(|view| {
            let lines: Vec<&ResultLine> = view
                .lines
                .iter()
                .filter(|line| line.needs_catch_up())
                .collect();
            (view.class.as_str(), lines)
        })
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
}

/// The words of the catch-up CSV, given by the interface.
pub struct CatchUpCsvLabels<'a> {
    /// Class, last name, first name, situation, jury comment, session, exam date.
    pub header: [&'a str; 7],
    /// The situation of a line (its status in words).
    pub situation: &'a dyn Fn(&ResultLine) -> String,
}

/// UTF-8 with BOM, `;`, formula guard: the project's `CsvWriter`.
pub fn catch_up_csv(views: &[ClassView], labels: &CatchUpCsvLabels<'_>) -> String {
    let mut csv = CsvWriter::new();
    csv.row(labels.header);
    for (_, lines) in catch_up_lines(views) {
        for line in lines {
            let session = line.session.map(|s| s.to_string()).unwrap_or_default();
            let date = line.exam_date.map(|d| d.to_string()).unwrap_or_default();
            csv.row([
                line.class.as_str(),
                &line.last,
                &line.first,
                &(labels.situation)(line),
                line.jury_comment.as_deref().unwrap_or_default(),
                &session,
                &date,
            ]);
        }
    }
    csv.finish()
}
