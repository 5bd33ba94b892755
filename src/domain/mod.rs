//! Pure Rust: everything from the file's bytes to the views, tested natively.
//! Nothing here knows about the browser.

pub mod cohort;
pub mod competences;
pub mod snapshot;
pub mod text;
