//! Pieces the three overviews share: the line that names the node or marker
//! last hovered or focused (with "filter by it" and "open its page"), and the
//! buttons that save a view's charts as SVG or PNG.

use crate::components::types::{articles, singular};
use crate::state::AppState;
use entiscope_core::url_state::ViewState;
use leptos::prelude::*;

/// "Fuzuli · place · also Fizuli · 3 articles [Filter by it] [Open its page]".
#[component]
pub fn FocusInfo(
    /// The entity's number.
    entity: u32,
    /// Matching articles that mention it.
    count: u32,
    /// `data-testid` of the line.
    testid: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let e = corpus.entity(entity).clone();
    let key = corpus.index.key(entity);
    let included = {
        let key = key.clone();
        move || state.view.with(|v| v.include.contains(&key))
    };
    let also: Vec<&String> = e.aliases.iter().filter(|a| **a != e.name).collect();
    let also = (!also.is_empty()).then(|| {
        format!(
            " · also {}",
            also.iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    let (s1, s2, k1, k2) = (state.clone(), state.clone(), key.clone(), key.clone());
    view! {
        <p class="overview-info" data-testid=testid aria-live="polite">
            <strong>{e.name.clone()}</strong>
            {format!(" · {}", singular(e.ty))}
            {also}
            {format!(" · {} ", articles(count))}
            <button type="button" data-testid="focus-filter" on:click=move |_| s1.toggle_include(&k1)>
                {move || if included() { "Remove the filter" } else { "Filter by it" }}
            </button>
            " "
            <a href=ViewState { entity: Some(key.clone()), ..Default::default() }.to_query() data-testid="focus-open"
                on:click=move |ev| { ev.prevent_default(); s2.open_entity(&k2); }>"Open its page"</a>
        </p>
    }
}

/// "Download SVG" and "Download PNG" for the charts under `selector`.
#[component]
pub fn Downloads(
    /// CSS selector of the element holding the view's `svg.chart`s.
    selector: &'static str,
    /// File name without extension.
    name: &'static str,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let save = move |png: bool| {
        move |_| {
            leptos::task::spawn_local(async move {
                error.set(crate::overview::save(selector, name, png).await.err());
            })
        }
    };
    view! {
        <p class="downloads">
            <button type="button" data-testid="download-svg" on:click=save(false)>"Download SVG"</button>
            " "
            <button type="button" data-testid="download-png" on:click=save(true)>"Download PNG"</button>
            {move || error.get().map(|e| view! { <span class="notice" role="alert">" Could not save: " {e}</span> })}
        </p>
    }
}
