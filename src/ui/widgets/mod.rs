//! Pieces shared by several pages: pagination, sortable headers, the class filter, count
//! cards, charts and downloads. They know nothing of the app state: their parent hands them
//! signals and callbacks.

pub mod cards;
pub mod charts;
pub mod class_filter;
pub mod download;
pub mod history_chart;
pub mod pagination;
pub mod sort_header;
