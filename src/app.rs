//! The root component: builds the state, listens for back/forward, and shows
//! the article list or the open article.

use crate::components::{ArticleList, ArticleView, Notices};
use crate::corpus_data;
use crate::state::{AppState, Corpus};
use crate::url;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(Corpus {
        docs: corpus_data::documents(),
    });
    provide_context(state.clone());

    let on_pop = state.clone();
    let handle = window_event_listener(leptos::ev::popstate, move |_| on_pop.sync_from_url());
    on_cleanup(move || handle.remove());

    let open_doc = {
        let state = state.clone();
        Memo::new(move |_| {
            let id = state.view.with(|v| v.article.clone())?;
            state.corpus.position(&id)
        })
    };

    // The page title reflects the view.
    let titled = state.clone();
    Effect::new(move |_| {
        let title = match open_doc.get() {
            Some(i) => format!("{} · entiscope", titled.corpus.docs[i].meta.title),
            None => "entiscope · news corpus explorer".to_string(),
        };
        url::set_title(&title);
    });

    let home = state.clone();
    let unknown_article = {
        let state = state.clone();
        move || {
            let id = state.view.with(|v| v.article.clone())?;
            state.corpus.doc(&id).is_none().then_some(id)
        }
    };

    view! {
        <header class="site-header">
            <a class="brand" href="./" on:click=move |ev| {
                ev.prevent_default();
                home.show_list();
            }>"entiscope"</a>
            <span class="tagline">"Entities in the news, explored in your browser"</span>
        </header>
        <Notices/>
        <main id="main" class="layout">
            {move || unknown_article().map(|id| view! {
                <p class="notice" role="status">
                    "No article “" {id} "” in this corpus; showing the list."
                </p>
            })}
            {move || match open_doc.get() {
                Some(i) => view! { <ArticleView index=i/> }.into_any(),
                None => view! { <ArticleList/> }.into_any(),
            }}
        </main>
    }
}
