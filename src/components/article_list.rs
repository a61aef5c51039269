//! The list of articles: title, outlet, publication date and word count.

use crate::state::AppState;
use entiscope_core::corpus::Document;
use entiscope_core::url_state::encode;
use leptos::prelude::*;

/// Every article of the corpus as a card that opens it.
#[component]
pub fn ArticleList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = state.corpus.docs.len();
    let cards = state
        .corpus
        .docs
        .iter()
        .map(|d| view! { <ArticleCard doc=d/> })
        .collect_view();
    // Effects run after the DOM is updated: this marks first render.
    Effect::new(|_| crate::perf::mark_once("article-list-visible"));
    view! {
        <section class="list-pane" aria-labelledby="list-heading">
            <h1 id="list-heading" class="pane-title">
                "Articles " <span class="count" data-testid="result-count">{count}</span>
            </h1>
            <ol class="article-list" data-testid="article-list">{cards}</ol>
        </section>
    }
}

/// One article's card.
#[component]
fn ArticleCard<'a>(
    /// The article shown.
    doc: &'a Document,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = doc.id.clone();
    let href = format!("?article={}", encode(&id));
    let meta = card_meta(doc);
    let open = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return; // let the browser open a new tab or window
            }
            ev.prevent_default();
            state.open_article(&id);
        }
    };
    view! {
        <li class="article-card" data-testid="article-card" data-article-id=id>
            <a class="card-link" href=href on:click=open>
                <span class="card-title">{doc.meta.title.clone()}</span>
            </a>
            <span class="card-meta">{meta}</span>
        </li>
    }
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
