//! Cohorte: offline follow-up of Pix certifiability from Pix Orga exports.

pub mod domain;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
