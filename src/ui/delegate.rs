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

/// Calls `apply` on every element under `root` that matches `selector`: the one walk over a
/// `NodeList` that updates markup in place (tabs, sort headers, meters). Through `dyn` so
/// that the wasm holds one copy of it.
pub fn each(root: &web_sys::Element, selector: &str, apply: &mut dyn FnMut(web_sys::Element)) {
    let Ok(nodes) = root.query_selector_all(selector) else {
        return;
    };
    for index in 0..nodes.length() {
        if let Some(element) = nodes
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        {
            apply(element);
        }
    }
}
