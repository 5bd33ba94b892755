//! What the pages show, computed from snapshots: the campaign list, each campaign's lines and
//! counts, the comparison of two collections, the analysis, the action list, the students
//! across campaigns, and the URL that holds the page and its filters.

pub mod campaigns;
pub mod cohort;
pub mod decimal;
pub mod diff;
pub mod route;
pub mod sort;
pub mod stats;
pub mod students;
pub mod todo;
