//! What an import becomes and what it is judged by: the snapshot with its typed rows, the
//! 16 competences and the certifiability rule, the length of the certification test.

pub mod certification;
pub mod competences;
pub mod snapshot;
