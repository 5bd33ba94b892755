//! The interface's own failures, in the shape of the domain's errors (`{ file, kind }`,
//! `kind()` for tests): the browser refusing to hand over a file the user gave, or to make
//! one for them to download. Neither is a storage failure, so neither is a `StoreError`.

use std::fmt;

use crate::ui::text::error as text;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UiError {
    file: String,
    kind: UiErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UiErrorKind {
    /// The browser did not give the content of a dropped or picked file.
    Unreadable,
    /// The browser refused to make a file to download; `detail` is its own message.
    Download { detail: String },
}

impl UiError {
    pub fn new(file: &str, kind: UiErrorKind) -> Self {
        UiError {
            file: file.to_owned(),
            kind,
        }
    }

    /// The file read or downloaded, by its name.
    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn kind(&self) -> &UiErrorKind {
        &self.kind
    }
}

impl fmt::Display for UiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            UiErrorKind::Unreadable => f.write_str(&text::unreadable(&self.file)),
            UiErrorKind::Download { detail } => {
                f.write_str(&text::download_refused(&self.file, detail))
            }
        }
    }
}

impl std::error::Error for UiError {}
