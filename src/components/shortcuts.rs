//! Keyboard use: `/` search, `j`/`k` next/previous article, `n`/`p`
//! next/previous mention, `Esc` back or clear, `?` this overlay.

use crate::state::AppState;
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The shortcuts, as listed in the overlay.
pub const SHORTCUTS: [(&str, &str); 7] = [
    ("/", "Search the text"),
    ("j", "Next article"),
    ("k", "Previous article"),
    (
        "n",
        "Next mention of the selected entity (or of any entity)",
    ),
    ("p", "Previous mention"),
    (
        "Esc",
        "Close the overlay, leave the article or entity, then clear filters",
    ),
    ("?", "Show or hide these shortcuts"),
];

/// Install the window-wide key handler; `search` is the search box.
pub fn use_shortcuts(search: NodeRef<Input>) {
    let state = expect_context::<AppState>();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing {
            if key == "Escape" {
                if let Some(el) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.blur();
                }
            }
            return;
        }
        let handled = match key.as_str() {
            "?" => {
                state.help_open.update(|o| *o = !*o);
                true
            }
            "Escape" => {
                escape(&state);
                true
            }
            "/" => {
                if let Some(input) = search.get() {
                    let _ = input.focus();
                }
                true
            }
            "j" => step_article(&state, 1),
            "k" => step_article(&state, -1),
            "n" => step_mention(&state, 1),
            "p" => step_mention(&state, -1),
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

fn escape(state: &AppState) {
    if state.help_open.get_untracked() {
        state.help_open.set(false);
    } else if state
        .view
        .with_untracked(|v| v.article.is_some() || v.entity.is_some())
    {
        state.show_list();
    } else if state.selected.get_untracked().is_some() {
        state.selected.set(None);
    } else {
        state.clear_filters();
    }
}

/// Open the next/previous matching article, or move focus through the list.
fn step_article(state: &AppState, delta: i64) -> bool {
    let docs = state.filtered.with_untracked(|f| f.docs());
    if docs.is_empty() {
        return false;
    }
    let current = state
        .view
        .with_untracked(|v| v.article.clone())
        .and_then(|id| state.corpus().position(&id))
        .and_then(|p| docs.iter().position(|&d| d as usize == p));
    let next = match current {
        Some(i) => (i as i64 + delta).clamp(0, docs.len() as i64 - 1) as usize,
        None => focused_card_index(&docs, state).map_or(0, |i| {
            (i as i64 + delta).clamp(0, docs.len() as i64 - 1) as usize
        }),
    };
    let id = state.corpus().docs[docs[next] as usize].id.clone();
    if current.is_some() {
        if Some(next) != current {
            state.open_article(&id);
        }
    } else {
        crate::url::focus_selector(&format!(
            "[data-testid=article-card][data-article-id=\"{id}\"] a"
        ));
    }
    true
}

fn focused_card_index(docs: &[u32], state: &AppState) -> Option<usize> {
    let active = web_sys::window()?.document()?.active_element()?;
    let card = active.closest("[data-testid=article-card]").ok()??;
    let id = card.get_attribute("data-article-id")?;
    let pos = state.corpus().position(&id)?;
    docs.iter().position(|&d| d as usize == pos)
}

/// Focus the next/previous mention of the selected entity (any if none).
fn step_mention(state: &AppState, delta: i64) -> bool {
    if state.view.with_untracked(|v| v.article.is_none()) {
        return false;
    }
    let selector = match state.selected.get_untracked() {
        Some(key) => format!("[data-testid=mention][data-entity-key=\"{key}\"]"),
        None => "[data-testid=mention]".to_string(),
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(list) = doc.query_selector_all(&selector) else {
        return false;
    };
    let n = list.length() as i64;
    if n == 0 {
        return false;
    }
    let active = doc.active_element();
    let current = (0..n).find(|&i| {
        list.get(i as u32)
            .zip(active.as_ref())
            .is_some_and(|(node, a)| node.is_same_node(Some(a)))
    });
    let next = match current {
        Some(i) => (i + delta).rem_euclid(n),
        None if delta > 0 => 0,
        None => n - 1,
    };
    if let Some(el) = list
        .get(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
    true
}

/// The `?` overlay listing the shortcuts.
#[component]
pub fn ShortcutsOverlay() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = state.help_open;
    let close_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if open.get() {
            if let Some(b) = close_ref.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <Show when=move || open.get()>
            <div class="overlay" on:click=move |_| open.set(false)>
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title"
                    data-testid="shortcuts" on:click=|ev| ev.stop_propagation()>
                    <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                    <dl class="shortcut-list">
                        {SHORTCUTS.iter().map(|(k, what)| view! { <dt><kbd>{*k}</kbd></dt><dd>{*what}</dd> }).collect_view()}
                    </dl>
                    <button type="button" node_ref=close_ref on:click=move |_| open.set(false)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}
