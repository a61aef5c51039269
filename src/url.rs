//! The browser side of URL state: read the query string, push or replace it,
//! and hear back/forward. Parsing and formatting live in
//! `entiscope_core::url_state`; this file only talks to `window.location`.

use wasm_bindgen::JsValue;

/// The current query string, with its leading `?` (empty when none).
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Make `query` (from `ViewState::to_query`) the page's URL, keeping the path
/// (so the app works at the root and under a sub-path). `push` adds a history
/// entry; otherwise the current one is replaced.
pub fn set_query(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    if location.search().unwrap_or_default() == query {
        return;
    }
    let url = format!("{path}{query}");
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Set the document's title soon, after the current frame: writing
/// `document.title` costs milliseconds in Chromium (it goes to the browser
/// window), and a filter click must paint within one frame. A later call
/// replaces a pending one; an unchanged title is not written.
pub fn set_title(title: &str) {
    thread_local! {
        static PENDING: std::cell::RefCell<Option<gloo::timers::callback::Timeout>> =
            const { std::cell::RefCell::new(None) };
    }
    let title = title.to_string();
    let timeout = gloo::timers::callback::Timeout::new(50, move || {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if doc.title() != title {
                doc.set_title(&title);
            }
        }
    });
    // Dropping the previous Timeout cancels it.
    PENDING.with(|p| *p.borrow_mut() = Some(timeout));
}

/// Scroll the window to the top (after opening a view).
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Focus and scroll to the first element matching `selector`, if any.
pub fn focus_selector(selector: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(el)) = doc.query_selector(selector) {
        el.scroll_into_view();
        if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = html.focus();
        }
    }
}

/// Focus the first mention at or after char offset `at` in the open article
/// (the target of a KWIC line, a quote or a figure).
pub fn focus_at(at: usize) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = doc.query_selector_all("[data-testid=mention]") else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list
            .get(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let start: usize = el
            .get_attribute("data-char-start")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if start >= at {
            el.scroll_into_view();
            let _ = el.focus();
            return;
        }
    }
}
