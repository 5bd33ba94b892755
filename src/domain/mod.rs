//! Pure Rust: everything from the file's bytes to the views, tested natively.
//! Nothing here knows about the browser. The folders follow the data path: a file is read
//! (`import`) into a snapshot (`model`), which the pages show (`views`) and the user can take
//! away as CSV (`export`). The school roster has a folder of its own (`roster`): it is read,
//! then joined to the campaigns.

pub mod export;
#[cfg(feature = "generate")]
pub mod generate;
pub mod import;
pub mod model;
pub mod results;
pub mod roster;
pub mod sessions;
pub mod text;
pub mod text_ids;
pub mod views;
