//! The list of matching articles: title, outlet, publication date, word count
//! and the entities that matched. An empty result explains itself and offers
//! ways to relax the filter.

use crate::components::types::articles;
use crate::state::AppState;
use entiscope_core::corpus::Document;
use entiscope_core::url_state::{encode, Mode};
use leptos::prelude::*;

/// The matching articles as cards.
#[component]
pub fn ArticleList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let filtered = state.filtered;
    // Effects run after the DOM is updated: this marks first render.
    Effect::new(|_| crate::perf::mark_once("article-list-visible"));
    let docs = move || filtered.with(|f| f.docs());
    view! {
        <section class="list-pane" aria-labelledby="list-heading">
            <h1 id="list-heading" class="visually-hidden">"Articles"</h1>
            <Show when=move || filtered.with(|f| f.result.docs.count() == 0) fallback=|| ()>
                <EmptyResult/>
            </Show>
            <ol class="article-list" data-testid="article-list">
                <For each=docs key=|d| *d children=move |d| view! { <ArticleCard doc=d/> }/>
            </ol>
        </section>
    }
}

/// One article's card.
#[component]
fn ArticleCard(
    /// The article's number in the corpus.
    doc: u32,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let Some(d) = corpus.docs.get(doc as usize) else {
        return ().into_any();
    };
    let id = d.id.clone();
    let href = format!("?article={}", encode(&id));
    let meta = card_meta(d);
    let top = top_entities(&state, doc);
    let ready = state.analysis_ready;
    let shared = {
        let corpus = corpus.clone();
        move || {
            ready.get().then(|| {
                let share = corpus.analysis().shared_share(doc as usize);
                (share.shared_chars > 0).then(|| format!(" · {:.0}% shared", share.ratio() * 100.0))
            })
        }
    };
    let open = {
        let (state, id) = (state.clone(), id.clone());
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return; // let the browser open a new tab or window
            }
            ev.prevent_default();
            state.open_article(&id);
        }
    };
    view! {
        <li class="article-card" data-testid="article-card" data-article-id=id
            data-local=corpus.is_local(doc).then_some("true") class:is-local=corpus.is_local(doc)>
            <a class="card-link" href=href on:click=open>
                <span class="card-title">{d.meta.title.clone()}</span>
            </a>
            <span class="card-meta">
                {corpus.is_local(doc).then_some(view! { <span class="badge-local" title="Added in this browser">"yours"</span> " " })}
                {meta}{shared}
            </span>
            <span class="card-entities">{top}</span>
        </li>
    }
    .into_any()
}

/// The most mentioned people, organisations and places of an article.
fn top_entities(state: &AppState, doc: u32) -> String {
    use entiscope_core::extract::EntityType;
    let corpus = &state.corpus();
    let mut list: Vec<(u32, u32)> = corpus
        .index
        .entities_of(doc)
        .iter()
        .copied()
        .filter(|&(e, _)| {
            matches!(
                corpus.entity(e).ty,
                EntityType::Person | EntityType::Org | EntityType::Place
            )
        })
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.iter()
        .take(6)
        .map(|&(e, _)| corpus.entity(e).name.as_str())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "Anadolu Agency · 15 October 2020 · 532 words", leaving out what is unknown.
pub fn card_meta(doc: &Document) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &doc.meta.outlet {
        parts.push(o.clone());
    }
    if let Some(d) = doc.meta.published {
        parts.push(format!(
            "{} {} {}",
            d.day,
            entiscope_core::time::month_name(d.month),
            d.year
        ));
    }
    parts.push(format!("{} words", doc.meta.word_count));
    parts.join(" · ")
}

/// Why nothing matches, with one-click ways out and how many articles each
/// would bring back.
#[component]
fn EmptyResult() -> impl IntoView {
    let state = expect_context::<AppState>();
    let suggestions = move || {
        let v = state.view.get();
        let corpus = &state.corpus();
        let count = |next: &entiscope_core::url_state::ViewState| {
            crate::state::Filtered::new(corpus, next)
                .result
                .docs
                .count() as u32
        };
        let mut out = Vec::new();
        for id in v.include.iter().chain(&v.exclude) {
            let mut next = v.clone();
            next.include.retain(|x| x != id);
            next.exclude.retain(|x| x != id);
            let name = corpus
                .index
                .entity(id)
                .map_or(id.clone(), |e| e.name.clone());
            out.push((format!("Remove “{name}”"), count(&next), next));
        }
        if v.mode == Mode::All && v.include.len() > 1 {
            let mut next = v.clone();
            next.mode = Mode::Any;
            out.push(("Match ANY of the entities".to_string(), count(&next), next));
        }
        if !v.search.trim().is_empty() {
            let mut next = v.clone();
            next.search.clear();
            out.push(("Clear the text search".to_string(), count(&next), next));
        }
        out.into_iter()
            .filter(|(_, n, _)| *n > 0)
            .map(|(label, n, next)| {
                let state = state.clone();
                view! {
                    <li>
                        <button type="button" data-testid="relax" on:click=move |_| state.navigate(next.clone())>
                            {label} " → " {articles(n)}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="empty" role="status" data-testid="empty-result">
            <p><strong>"No article matches all of these filters."</strong></p>
            <ul class="relax">{suggestions}</ul>
        </div>
    }
}
