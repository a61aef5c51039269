//! Tabs over the matching articles: the list itself, who said what, shared
//! passages, figures, and the overviews (timeline, network, map). The tab is part of the URL (`view=`).

use crate::state::AppState;
use entiscope_core::url_state::{Pane, ViewState};
use leptos::prelude::*;

fn label(p: Pane) -> &'static str {
    match p {
        Pane::Articles => "Articles",
        Pane::Quotes => "Quotes",
        Pane::Passages => "Shared passages",
        Pane::Figures => "Figures",
        Pane::Timeline => "Timeline",
        Pane::Network => "Network",
        Pane::Map => "Map",
    }
}

/// The tab bar.
#[component]
pub fn Tabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view_state = state.view;
    Pane::ALL
        .into_iter()
        .map(|p| {
            let state = state.clone();
            let current = move || view_state.with(|v| v.pane == p && v.article.is_none() && v.entity.is_none());
            let href = move || {
                let mut v: ViewState = view_state.get();
                v.pane = p;
                v.article = None;
                v.entity = None;
                v.at = None;
                v.to_query()
            };
            let go = move |ev: leptos::ev::MouseEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                    return;
                }
                ev.prevent_default();
                state.update(|v| {
                    v.pane = p;
                    v.article = None;
                    v.entity = None;
                    v.at = None;
                });
            };
            view! {
                <a class="tab" data-testid=format!("tab-{}", if p.key().is_empty() { "articles" } else { p.key() })
                    href=move || { let h = href(); if h.is_empty() { "./".to_string() } else { h } }
                    aria-current=move || current().then_some("page") on:click=go>{label(p)}</a>
            }
        })
        .collect_view()
}
