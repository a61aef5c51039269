//! What a reader sees if the app panics: a readable message with ways out
//! (reload, reset the data stored in this browser), never a blank page. Built
//! with plain DOM calls in the panic hook, and its actions are plain links, so
//! it works even though the wasm instance is unusable after the panic.

use wasm_bindgen::JsCast;

/// Install the panic hook (the message also goes to the console).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Show the crash screen with `detail` (the panic message).
pub fn show(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("crash").is_some() {
        return;
    }
    let el = |tag: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let Some(panel) = el("div", "") else { return };
    panel.set_id("crash");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "crash");
    let parts = [
        el("h1", "entiscope stopped working"),
        el(
            "p",
            "Something went wrong in the page. Your articles and corrections are stored in this browser and are not lost by reloading.",
        ),
        el("pre", detail),
    ];
    for p in parts.into_iter().flatten() {
        let _ = panel.append_child(&p);
    }
    let actions = doc.create_element("p").ok();
    if let Some(actions) = actions {
        for (text, href, testid) in [
            ("Reload the page", "", "crash-reload"),
            (
                "Reset the data stored in this browser and reload",
                "?reset=1",
                "crash-reset",
            ),
        ] {
            if let Some(a) = el("a", text) {
                let href = if href.is_empty() {
                    web_sys::window()
                        .and_then(|w| w.location().href().ok())
                        .unwrap_or_default()
                } else {
                    href.to_string()
                };
                let _ = a.set_attribute("href", &href);
                let _ = a.set_attribute("data-testid", testid);
                let _ = actions.append_child(&a);
                let _ = actions.append_child(&doc.create_text_node(" · "));
            }
        }
        let _ = panel.append_child(&actions);
    }
    if let Ok(el) = panel.dyn_into::<web_sys::HtmlElement>() {
        let _ = body.prepend_with_node_1(&el);
    }
}
