//! The root component: builds the state, listens for back/forward, installs
//! the shortcuts, and lays out the search, the facets and the current view
//! (the article list, an article, or an entity).

use crate::components::{
    use_shortcuts, ArticleList, ArticleView, ClaimsView, EntityView, Facets, FilterBar, Notices,
    Overview, PassagesView, QuotesView, SearchBox, ShortcutsOverlay, Tabs, WorkspacePanel,
};
use crate::corpus_data;
use crate::local::{self, LocalState};
use crate::state::{AppState, Defaults};
use crate::url;
use entiscope_core::url_state::Pane;
use leptos::prelude::*;

/// What the main pane shows.
#[derive(Clone, Debug, PartialEq)]
enum Main {
    Overview(Pane),
    Article(usize),
    Entity(String),
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let bundled = crate::bundle::base().is_some();
    let state = if bundled {
        AppState::for_bundle()
    } else {
        AppState::new(Defaults {
            docs: corpus_data::documents(),
            extraction: corpus_data::extraction(),
        })
    };
    provide_context(state.clone());
    let local_state = LocalState::new();
    provide_context(local_state);
    if bundled {
        // A precomputed corpus: its head now, its postings with the first
        // entity filter. A reader's own articles join the compiled-in corpus
        // only (re-linking a bundle would mean re-extracting all of it).
        state.load_bundle();
        let wants = state.clone();
        Effect::new(move |_| {
            if wants.filtered.with(|f| f.pending) {
                wants.ensure_postings();
            }
        });
    } else {
        local::start(state.clone(), local_state);
        local::prewarm();
        state.analyse_when_idle();
    }

    let on_pop = state.clone();
    let handle = window_event_listener(leptos::ev::popstate, move |_| on_pop.sync_from_url());
    on_cleanup(move || handle.remove());

    let search_ref = NodeRef::<leptos::html::Input>::new();
    use_shortcuts(search_ref);

    let pane = {
        let state = state.clone();
        Memo::new(move |_| {
            let corpus = state.corpus_sig.get();
            state.view.with(|v| {
                if let Some(id) = &v.entity {
                    return Main::Entity(id.clone());
                }
                v.article
                    .as_deref()
                    .and_then(|id| corpus.position(id))
                    .map_or(Main::Overview(v.pane), Main::Article)
            })
        })
    };

    // The page title reflects the view.
    let titled = state.clone();
    Effect::new(move |_| {
        let title = match pane.get() {
            Main::Article(i) => format!("{} · entiscope", titled.corpus().docs[i].meta.title),
            Main::Entity(id) => match titled.corpus().index.entity(&id) {
                Some(e) => format!("{} · entiscope", e.name),
                None => "Unknown entity · entiscope".to_string(),
            },
            Main::Overview(Pane::Quotes) => "Quotes · entiscope".to_string(),
            Main::Overview(Pane::Passages) => "Shared passages · entiscope".to_string(),
            Main::Overview(Pane::Figures) => "Figures · entiscope".to_string(),
            Main::Overview(Pane::Timeline) => "Timeline · entiscope".to_string(),
            Main::Overview(Pane::Network) => "Who is mentioned with whom · entiscope".to_string(),
            Main::Overview(Pane::Map) => "Places · entiscope".to_string(),
            Main::Overview(Pane::Articles) => {
                let n = titled.filtered.with(|f| f.result.docs.count());
                if titled.filtered.with(|f| f.filter.is_empty()) {
                    "entiscope · news corpus explorer".to_string()
                } else {
                    format!("{n} matching articles · entiscope")
                }
            }
        };
        url::set_title(&title);
    });

    let home = state.clone();
    let help = state.help_open;
    let unknown_article = {
        let state = state.clone();
        move || {
            let id = state.view.with(|v| v.article.clone())?;
            state.corpus().doc(&id).is_none().then_some(id)
        }
    };
    let unknown_filters = move || state.filtered.with(|f| f.unknown.clone());
    let load_error = home.corpus().load_error.clone();
    let explorer_corpus = state.corpus_sig;

    view! {
        <a class="skip-link" href="#main">"Skip to the results"</a>
        <header class="site-header">
            <a class="brand" href="./" on:click={
                let home = home.clone();
                move |ev| {
                    ev.prevent_default();
                    home.show_list();
                }
            }>"entiscope"</a>
            <SearchBox node_ref=search_ref/>
            <button type="button" class="help-button" aria-label="Keyboard shortcuts"
                on:click=move |_| help.update(|o| *o = !*o)>"?"</button>
        </header>
        <Notices/>
        {load_error.map(|e| view! { <p class="notice" role="alert">"Entities are unavailable: " {e}</p> })}
        {move || explorer_corpus.with(|c| c.extract_error.clone()).map(|e| view! {
            <p class="notice" role="alert" data-testid="extract-error">"Your articles are listed without entities: " {e}</p>
        })}
        {move || unknown_article().map(|id| view! {
            <p class="notice" role="status">"No article “" {id} "” in this corpus; showing the list."</p>
        })}
        {move || {
            let unknown = unknown_filters();
            (!unknown.is_empty()).then(|| view! {
                <p class="notice" role="status" data-testid="unknown-filter">
                    "Not entities of this corpus, ignored: " {unknown.join(", ")}
                </p>
            })
        }}
        <div class="explorer">
            <div class="sidebar-column">
                <WorkspacePanel/>
                // The facets and the main pane are rebuilt when the corpus
                // changes (articles or corrections added): a rare event.
                {move || {
                    explorer_corpus.track();
                    view! {
                        <details class="sidebar" open>
                            <summary>"Entities"</summary>
                            <nav aria-label="Entity facets" class="facets"><Facets/></nav>
                        </details>
                    }
                }}
            </div>
            <main id="main" class="main-pane" tabindex="-1">
                <nav class="tabs" aria-label="Views">{move || { explorer_corpus.track(); view! { <Tabs/> } }}</nav>
                <FilterBar/>
                {move || {
                    explorer_corpus.track();
                    match pane.get() {
                        Main::Article(i) => view! { <ArticleView index=i/> }.into_any(),
                        Main::Entity(id) => view! { <EntityView id=id/> }.into_any(),
                        Main::Overview(Pane::Articles) => view! { <ArticleList/> }.into_any(),
                        Main::Overview(Pane::Quotes) => view! { <QuotesView/> }.into_any(),
                        Main::Overview(Pane::Passages) => view! { <PassagesView/> }.into_any(),
                        Main::Overview(Pane::Figures) => view! { <ClaimsView/> }.into_any(),
                        Main::Overview(p @ (Pane::Timeline | Pane::Network | Pane::Map)) => view! { <Overview pane=p/> }.into_any(),
                    }
                }}
            </main>
        </div>
        <ShortcutsOverlay/>
    }
}
