//! Clicks on controls written inside an HTML string (see `domain::html`): the page's CSP
//! forbids inline handlers, and one listener per control would cost wasm for each, so the
//! container listens once and finds the control by its `data-action`.

use wasm_bindgen::JsCast;

/// The `[data-action]` element the event started in, with that action's name.
pub fn action(event: &web_sys::Event) -> Option<(String, web_sys::Element)> {
    let element = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-action]")
        .ok()??;
    Some((element.get_attribute("data-action")?, element))
}

/// A numeric `data-*` attribute of the control.
pub fn number<T: std::str::FromStr>(element: &web_sys::Element, attribute: &str) -> Option<T> {
    element.get_attribute(attribute)?.parse().ok()
}

/// Gives the focus to the first element matching `selector`, when there is one.
pub fn focus(selector: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
