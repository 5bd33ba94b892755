//! Pure Rust: everything from the file's bytes to the views, tested natively.
//! Nothing here knows about the browser.

pub mod assessment;
pub mod campaigns;
pub mod certification;
pub mod cohort;
pub mod competences;
pub mod decimal;
pub mod decode;
pub mod dialect;
pub mod diff;
pub mod export_csv;
pub mod generate;
pub mod headers;
pub mod import;
pub mod profiles;
pub mod roster;
pub mod route;
pub mod snapshot;
pub mod sort;
pub mod stats;
pub mod students;
pub mod text;
pub mod text_ids;
pub mod todo;
