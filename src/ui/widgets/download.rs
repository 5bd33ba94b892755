//! Files made in the browser and handed to the user: a Blob, an object URL and an
//! `<a download>`, which works offline and from `file://` (no server, no data: URL limits).

use wasm_bindgen::{JsCast, JsValue};

use crate::ui::error::{UiError, UiErrorKind};
use crate::ui::text::error::{NO_DOCUMENT, NO_WINDOW};

/// Saves `text` as a file. The error carries the browser's own message.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), UiError> {
    let refused = |detail: &str| {
        UiError::new(
            file_name,
            UiErrorKind::Download {
                detail: detail.to_owned(),
            },
        )
    };
    // The browser's message: `Debug` of a JsValue says nothing to a user.
    let message = |error: JsValue| {
        refused(
            &js_sys::Error::from(error)
                .message()
                .as_string()
                .unwrap_or_default(),
        )
    };
    let window = web_sys::window().ok_or_else(|| refused(NO_WINDOW))?;
    let document = window.document().ok_or_else(|| refused(NO_DOCUMENT))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(message)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(message)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(message)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or_else(|| refused(NO_DOCUMENT))?;
    body.append_child(&anchor).map_err(message)?;
    anchor.click();
    body.remove_child(&anchor).map_err(message)?;
    // The download has its own copy once started; revoking later frees the memory.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)
        .map_err(message)?;
    Ok(())
}

/// The CSV exports: UTF-8 (the text carries its BOM), for spreadsheets.
pub fn download_csv(file_name: &str, text: &str) -> Result<(), UiError> {
    download_text(file_name, "text/csv;charset=utf-8", text)
}

/// `2025-11-28`, the browser's local date, for file names.
pub fn today_iso() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}
