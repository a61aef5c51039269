//! What the three overviews share: one Leptos template that shows a view's
//! markup and, apart, the line naming what is hovered or focused (kept at the
//! bottom of the window), and hands every event on it to the view's handler;
//! and builders for the links, filter buttons, focus line and download
//! buttons inside that markup.
//!
//! Why markup: written as `view!` templates, with a closure per reactive part,
//! the three overviews added about 100 KB gzip to a wasm with a 700 KiB
//! budget. One template with `inner_html` costs a few KB; the markup is
//! written with format strings, every value through
//! `entiscope_core::overview::svg::Esc`, and the handlers read `data-*`
//! attributes (see `crate::overview::on_act`).

use crate::components::types::{articles, singular};
use crate::state::{AppState, Corpus};
use entiscope_core::overview::svg::Esc;
use entiscope_core::url_state::{Pane, ViewState};
use leptos::prelude::*;
use std::fmt::Write as _;
use wasm_bindgen::prelude::*;

/// `write!` into a `String`, which cannot fail.
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {
        let _ = write!($out, $($arg)*);
    };
}
pub(crate) use w;

/// A view: its markup and what to do with events on it. Every event is
/// given to `on_event`, which dispatches on `Event::type_()`; a view names the
/// hovered or focused mark by setting the `focus` signal it is given.
pub struct Parts {
    /// `data-testid` prefix: `timeline`, `network`, `map`.
    pub name: &'static str,
    /// Heading, controls, chart and text panels.
    pub main: Signal<String>,
    /// Every event on the view.
    pub on_event: Callback<web_sys::Event>,
}

/// The entity last hovered or focused in a view, with its matching articles.
pub type Focus = RwSignal<Option<(u32, u32)>>;

/// The timeline, the network or the map.
#[component]
pub fn Overview(
    /// Which one.
    pane: Pane,
) -> impl IntoView {
    // A bundle's overviews need its postings (which entities, which dates).
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    if corpus.is_bundle() {
        state.load_postings();
    }
    let focus: Focus = RwSignal::new(None);
    let Parts {
        name,
        main,
        on_event,
    } = match pane {
        Pane::Timeline => crate::components::timeline_view::timeline(),
        Pane::Network => crate::components::network_view::network(focus),
        _ => crate::components::map_view::map(focus),
    };
    // The focus line, kept apart so hovering redraws only it.
    let info = Signal::derive(move || {
        let Some((e, n)) = focus.get() else {
            return String::new();
        };
        let included = state
            .view
            .with(|v| v.include.contains(&corpus.index.key(e)));
        focus_info(&corpus, e, n, included, &format!("{name}-info"))
    });
    // One listener for every event the views handle, added by hand: an
    // `on:` attribute per event type cost about 1 KB of wasm each.
    // The closure lives as long as the view; adding it again (the effect
    // may rerun) is a no-op for the browser.
    let section = NodeRef::<leptos::html::Section>::new();
    let listener = StoredValue::new_local(Closure::<dyn Fn(web_sys::Event)>::new(move |ev| {
        on_event.run(ev)
    }));
    Effect::new(move |_| {
        let Some(el) = section.get() else { return };
        listener.with_value(|cb| {
            for t in EVENTS {
                let _ = el.add_event_listener_with_callback(t, cb.as_ref().unchecked_ref());
            }
        });
    });
    // A redraw of the pane may keep the element for the next view: take the
    // listener off before the closure goes.
    on_cleanup(move || {
        if let Some(el) = section.get_untracked() {
            listener.with_value(|cb| {
                for t in EVENTS {
                    let _ = el.remove_event_listener_with_callback(t, cb.as_ref().unchecked_ref());
                }
            });
        }
    });
    view! {
        <section class="overview" data-testid=format!("{name}-view") node_ref=section>
            <div inner_html=main></div>
            <div class="overview-focus" aria-live="polite" inner_html=info></div>
        </section>
    }
}

/// A click on an entity mark (a node or a marker): filter by its entity.
pub fn mark_click(ev: &web_sys::Event, state: &AppState) {
    if let Some(key) =
        crate::overview::closest(ev, "data-e").and_then(|n| n.get_attribute("data-entity-key"))
    {
        state.toggle_include(&key);
    }
}

/// Keys on an entity mark of chart `name`: Enter or Space filters by its
/// entity (keeping the focus on it through the redraw), `o` opens its page.
pub fn mark_key(ev: &web_sys::Event, state: &AppState, name: &str) {
    let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    let Some(key) =
        crate::overview::closest(ev, "data-e").and_then(|n| n.get_attribute("data-entity-key"))
    else {
        return;
    };
    match k.key().as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            state.toggle_include(&key);
            crate::overview::refocus(format!("[data-testid={name}] [data-entity-key=\"{key}\"]"));
        }
        "o" | "O" => {
            ev.prevent_default();
            state.open_entity(&key);
        }
        _ => {}
    }
}

/// Set `focus` to the entity mark (`data-e`, `data-n`: its articles) under a
/// `mouseover` or `focusin`, if it changed.
pub fn track_focus(ev: &web_sys::Event, focus: Focus) {
    let Some(el) = crate::overview::closest(ev, "data-e") else {
        return;
    };
    let got =
        crate::overview::attr_u32(&el, "data-e").zip(crate::overview::attr_u32(&el, "data-n"));
    if got.is_some() && focus.get_untracked() != got {
        focus.set(got);
    }
}

/// The events the views handle.
const EVENTS: [&str; 9] = [
    "click",
    "change",
    "keydown",
    "pointerdown",
    "pointermove",
    "pointerup",
    "pointercancel",
    "mouseover",
    "focusin",
];

/// `<a href="?…" data-act="nav">text</a>`: a link the view follows in-app.
pub fn nav_link(m: &mut String, next: &ViewState, text: &str, testid: &str) {
    w!(
        m,
        r#"<a href="{}" data-act="nav" data-testid="{testid}">{}</a>"#,
        Esc(&next.to_query()),
        Esc(text)
    );
}

/// A button that toggles entity `e` as a filter.
pub fn filter_button(m: &mut String, corpus: &Corpus, e: u32, text: &str, testid: &str) {
    let entity = corpus.entity(e);
    w!(
        m,
        r#"<button type="button" class="linklike" data-act="filter" data-testid="{testid}" data-entity-id="{}" data-entity-key="{}" title="{}">{}</button>"#,
        Esc(&entity.id),
        Esc(&corpus.index.key(e)),
        Esc(&entity.aliases.join(" · ")),
        Esc(text)
    );
}

/// "Fuzuli · place · 3 articles [Filter by it] [Open its page]" (its aliases
/// are in the mark's tooltip).
pub fn focus_info(corpus: &Corpus, e: u32, count: u32, included: bool, testid: &str) -> String {
    let entity = corpus.entity(e);
    let key = corpus.index.key(e);
    let mut m = String::new();
    w!(
        m,
        r#"<p class="overview-info" data-testid="{testid}"><strong>{}</strong> · {} · {} <button type="button" data-act="filter" data-testid="focus-filter" data-entity-key="{}">{}</button> "#,
        Esc(&entity.name),
        singular(entity.ty),
        articles(count),
        Esc(&key),
        if included {
            "Remove the filter"
        } else {
            "Filter by it"
        }
    );
    let next = ViewState {
        entity: Some(key),
        ..Default::default()
    };
    nav_link(&mut m, &next, "Open its page", "focus-open");
    m.push_str("</p>");
    m
}

/// "Download SVG" and "Download PNG" for the charts under `#chart`.
pub fn downloads(m: &mut String, chart: &str, name: &str) {
    m.push_str(r#"<p class="downloads">"#);
    for (png, label, testid) in [
        (false, "SVG", "download-svg"),
        (true, "PNG", "download-png"),
    ] {
        w!(
            m,
            r#"<button type="button" data-act="save" data-testid="{testid}" data-chart="{chart}" data-name="{name}" data-png="{png}">Download {label}</button> "#
        );
    }
    m.push_str(r#"<span role="status" data-testid="download-status"></span></p>"#);
}
