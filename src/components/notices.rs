//! Shows which URL parameters were ignored, so a malformed link explains
//! itself instead of silently showing something else.

use crate::state::AppState;
use leptos::prelude::*;

/// A dismissible list of URL notices.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notices = state.notices;
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notice" role="status" data-testid="url-notice">
                <ul>
                    {move || notices.get().into_iter().map(|n| view! { <li>{n.message}</li> }).collect_view()}
                </ul>
                <button type="button" on:click=move |_| notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}
