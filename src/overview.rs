//! The browser side of the overviews: fetching the map file when the map is
//! first opened, saving a view's charts as SVG or PNG (through
//! `browser.js`), and timing the network layout where the test suite and
//! `make bench` can read it (`window.entiscopeLayoutMs`). The computations live in
//! `entiscope_core::overview`.

use crate::state::AppState;
use entiscope_core::overview::map::MapData;
use entiscope_core::overview::network;
use entiscope_core::url_state::ViewState;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = fetchText)]
    async fn js_fetch_text(path: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = saveFrom)]
    fn js_save_from(button: &web_sys::Element);
}

/// The closest element to the event's target that has attribute `attr`
/// (charts are drawn as markup; their events are handled on the `<svg>`).
pub fn closest(ev: &web_sys::Event, attr: &str) -> Option<web_sys::Element> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest(&format!("[{attr}]")).ok().flatten()
}

/// An attribute of `el` read as a number.
pub fn attr_u32(el: &web_sys::Element, attr: &str) -> Option<u32> {
    el.get_attribute(attr)?.parse().ok()
}

/// Carry out the `data-act` of the element clicked in an overview's markup:
/// `filter` toggles the entity `data-entity-key` as a filter, `nav` follows
/// the link's `?query` inside the app (a modified click is left to the
/// browser), `save` downloads the charts named by the button (see
/// `saveFrom` in `browser.js`). Any other act
/// is returned, with its element, for the view.
pub fn on_act(state: &AppState, ev: &web_sys::Event) -> Option<(String, web_sys::Element)> {
    let el = closest(ev, "data-act")?;
    let act = el.get_attribute("data-act")?;
    match act.as_str() {
        "filter" => {
            if let Some(key) = el.get_attribute("data-entity-key") {
                state.toggle_include(&key);
            }
        }
        "nav" => {
            let plain = ev.dyn_ref::<web_sys::MouseEvent>().is_some_and(|m| {
                !(m.ctrl_key() || m.meta_key() || m.shift_key() || m.button() != 0)
            });
            if plain {
                ev.prevent_default();
                let href = el.get_attribute("href").unwrap_or_default();
                state.navigate(ViewState::parse(&href).0);
                crate::url::scroll_to_top();
            }
        }
        "save" => js_save_from(&el),
        _ => return Some((act, el)),
    }
    None
}

/// Focus the element (HTML or SVG) matching `selector`, now.
pub fn focus(selector: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(el)) = doc.query_selector(selector) {
        if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
            let _ = svg.focus();
        } else if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = html.focus();
        }
    }
}

/// Focus the element matching `selector` after the pending redraw (a
/// keyboard action that redraws a chart keeps the focus on what it acted on).
pub fn refocus(selector: String) {
    gloo::timers::callback::Timeout::new(0, move || focus(&selector)).forget();
}

/// The map file, as Trunk copies it next to `index.html`.
pub const MAP_FILE: &str = "map.txt";

thread_local! {
    static MAP: std::cell::RefCell<Option<Rc<MapData>>> = const { std::cell::RefCell::new(None) };
}

fn message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|err| String::from(err.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// The map's outlines: fetched from the site once, then kept.
pub async fn map_data() -> Result<Rc<MapData>, String> {
    if let Some(m) = MAP.with(|m| m.borrow().clone()) {
        return Ok(m);
    }
    let text = js_fetch_text(MAP_FILE)
        .await
        .map_err(message)?
        .as_string()
        .unwrap_or_default();
    let data = MapData::parse(&text).map_err(|e| format!("{MAP_FILE}, {e}"))?;
    let data = Rc::new(data);
    MAP.with(|m| *m.borrow_mut() = Some(data.clone()));
    Ok(data)
}

/// Lay out the network's nodes, recording how long it took in
/// `window.entiscopeLayoutMs`.
pub fn timed_layout(keys: &[u64], edges: &[network::Edge]) -> Vec<network::Point> {
    let t0 = crate::perf::now();
    let pos = network::layout(keys, edges);
    let ms = crate::perf::now() - t0;
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &"entiscopeLayoutMs".into(), &ms.into());
    }
    pos
}
