//! The full-text search box. Typing updates the URL in place (no history entry
//! per keystroke); the filter and the reading view follow.

use crate::state::AppState;
use leptos::html::Input;
use leptos::prelude::*;

/// The search input; `node_ref` lets the `/` shortcut focus it.
#[component]
pub fn SearchBox(
    /// Handle to the input element.
    node_ref: NodeRef<Input>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = state.view;
    let on_input = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        let mut next = view.get_untracked();
        next.search = q.chars().take(200).collect();
        state.replace(next);
    };
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="visually-hidden">"Search the articles"</label>
            <input
                id="search-input"
                type="search"
                data-testid="search-input"
                placeholder="Search text (\"phrase\", prefix*)   /"
                autocomplete="off"
                spellcheck="false"
                node_ref=node_ref
                prop:value=move || view.with(|v| v.search.clone())
                on:input=on_input
            />
        </form>
    }
}
