//! Pieces the three overviews share: the line naming the node or marker last
//! hovered or focused (with "filter by it" and "open its page"), links and
//! filter buttons as markup for the views' text panels, and the buttons that
//! save a view's charts as SVG or PNG.
//!
//! The panels are built as escaped markup (`overview::svg::Markup`) and their
//! clicks handled once per view (`crate::overview::on_act`): written as
//! `view!` templates, the three overviews added about 80 KB gzip to the wasm.

use crate::components::types::{articles, singular};
use crate::state::Corpus;
use entiscope_core::overview::svg::Markup;
use entiscope_core::url_state::ViewState;
use leptos::prelude::*;

/// `<a href="?…" data-act="nav">text</a>`: a link the view follows in-app.
pub fn nav_link(m: &mut Markup, next: &ViewState, text: &str, testid: &str) {
    m.text(
        "a",
        &[
            ("href", &next.to_query()),
            ("data-act", &"nav"),
            ("data-testid", &testid),
        ],
        text,
    );
}

/// A button that toggles entity `e` as a filter.
pub fn filter_button(m: &mut Markup, corpus: &Corpus, e: u32, text: &str, testid: &str) {
    m.text(
        "button",
        &[
            ("type", &"button"),
            ("class", &"linklike"),
            ("data-act", &"filter"),
            ("data-testid", &testid),
            ("data-entity-id", &corpus.entity(e).id),
            ("data-entity-key", &corpus.index.key(e)),
            ("title", &corpus.entity(e).aliases.join(" · ")),
        ],
        text,
    );
}

/// "Fuzuli · place · also Fizuli · 3 articles [Filter by it] [Open its page]".
pub fn focus_info(
    m: &mut Markup,
    corpus: &Corpus,
    e: u32,
    count: u32,
    included: bool,
    testid: &str,
) {
    let entity = corpus.entity(e);
    let key = corpus.index.key(e);
    let also: Vec<&str> = entity
        .aliases
        .iter()
        .filter(|a| **a != entity.name)
        .map(String::as_str)
        .collect();
    m.open(
        "p",
        &[("class", &"overview-info"), ("data-testid", &testid)],
    );
    m.text("strong", &[], &entity.name);
    m.push_text(&format!(" · {}", singular(entity.ty)));
    if !also.is_empty() {
        m.push_text(&format!(" · also {}", also.join(", ")));
    }
    m.push_text(&format!(" · {} ", articles(count)));
    m.text(
        "button",
        &[
            ("type", &"button"),
            ("data-act", &"filter"),
            ("data-testid", &"focus-filter"),
            ("data-entity-key", &key),
        ],
        if included {
            "Remove the filter"
        } else {
            "Filter by it"
        },
    );
    m.push_text(" ");
    let next = ViewState {
        entity: Some(key),
        ..Default::default()
    };
    nav_link(m, &next, "Open its page", "focus-open");
    m.close("p");
}

/// "Download SVG" and "Download PNG" for the charts under `selector`.
#[component]
pub fn Downloads(
    /// CSS selector of the element holding the view's `svg.chart`s.
    selector: &'static str,
    /// File name without extension.
    name: &'static str,
) -> impl IntoView {
    let error = RwSignal::new(String::new());
    let save = move |png: bool| {
        move |_| {
            leptos::task::spawn_local(async move {
                let result = crate::overview::save(selector, name, png).await;
                error.set(
                    result
                        .err()
                        .map(|e| format!("Could not save: {e}"))
                        .unwrap_or_default(),
                );
            })
        }
    };
    view! {
        <p class="downloads">
            <button type="button" data-testid="download-svg" on:click=save(false)>"Download SVG"</button>
            " "
            <button type="button" data-testid="download-png" on:click=save(true)>"Download PNG"</button>
            " "
            <span role="status">{move || error.get()}</span>
        </p>
    }
}
