//! An entity's page: canonical name, type, aliases seen, Wikidata link and
//! coordinates when known, the articles that mention it, every mention in
//! context (each linking to its place in the article), and the entities most
//! often mentioned with it.

use crate::components::types::{articles, singular};
use crate::state::AppState;
use entiscope_core::index::kwic;
use entiscope_core::url_state::ViewState;
use leptos::prelude::*;

/// Characters of context on each side of a mention.
const KWIC_WIDTH: usize = 70;

/// The page of the entity `id`.
#[component]
pub fn EntityView(
    /// The entity's id.
    id: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus.clone();
    let Some(e) = corpus.index.entity_index(&id) else {
        return view! {
            <p class="notice" role="status" data-testid="unknown-entity">
                "No entity “" {id} "” in this corpus."
            </p>
        }
        .into_any();
    };
    let entity = corpus.entity(e).clone();
    let postings = corpus.index.postings(e).to_vec();
    let total_mentions: u32 = postings.iter().map(|p| p.1).sum();

    let go = |next: ViewState| {
        let state = expect_context::<AppState>();
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            state.navigate(next.clone());
            crate::url::scroll_to_top();
        }
    };

    let doc_list = postings
        .iter()
        .map(|&(d, n)| {
            let doc = &corpus.docs[d as usize];
            let next = ViewState { article: Some(doc.id.clone()), ..Default::default() };
            view! {
                <li>
                    <a href=next.to_query() on:click=go(next.clone())>{doc.meta.title.clone()}</a>
                    <span class="card-meta">{format!("{n} mention{}", if n == 1 { "" } else { "s" })}</span>
                </li>
            }
        })
        .collect_view();

    let kwic_lines = postings
        .iter()
        .flat_map(|&(d, _)| {
            let doc = &corpus.docs[d as usize];
            corpus
                .index
                .mentions_of(d)
                .iter()
                .filter(|m| corpus.index.lookup(m.ty, &m.entity) == Some(e))
                .map(|m| {
                    let k = kwic(&doc.text, m.start, m.end, KWIC_WIDTH);
                    let next = ViewState {
                        article: Some(doc.id.clone()),
                        at: Some(m.char_start),
                        ..Default::default()
                    };
                    view! {
                        <li class="kwic-line" data-testid="kwic-line" data-article-id=doc.id.clone()>
                            <a href=next.to_query() on:click=go(next.clone())>
                                <span class="kwic-left">{k.left}</span>
                                <mark class=format!("kwic-hit type-{}", m.ty.key())>{k.hit}</mark>
                                <span class="kwic-right">{k.right}</span>
                            </a>
                            <span class="kwic-doc">{doc.meta.title.clone()}</span>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect_view();

    let with = corpus
        .index
        .co_occurring(e, 12)
        .into_iter()
        .map(|(o, shared)| {
            let other = corpus.entity(o);
            let next = ViewState { entity: Some(corpus.index.key(o)), ..Default::default() };
            view! {
                <li class=format!("type-{}", other.ty.key()) data-testid="co-entity" data-entity-id=other.id.clone()>
                    <span class="type-swatch" aria-hidden="true"></span>
                    <a href=next.to_query() on:click=go(next.clone())>{other.name.clone()}</a>
                    <span class="card-meta">{format!(" {} together", articles(shared))}</span>
                </li>
            }
        })
        .collect_view();

    let aliases = entity.aliases.join(" · ");
    let qid = entity.qid.clone();
    let coords = entity.coords;
    let (inc_state, exc_state) = (state.clone(), state.clone());
    let key = corpus.index.key(e);
    let (inc_id, exc_id) = (key.clone(), key);
    view! {
        <article class=format!("entity-view type-{}", entity.ty.key()) data-testid="entity-view" data-entity-id=entity.id.clone()>
            <p class="entity-type"><span class="type-swatch" aria-hidden="true"></span>{singular(entity.ty)}</p>
            <h1 class="article-title">{entity.name.clone()}</h1>
            <dl class="entity-facts">
                <dt>"Seen as"</dt><dd data-testid="entity-aliases">{aliases}</dd>
                <dt>"In the corpus"</dt>
                <dd>{articles(postings.len() as u32)} ", " {total_mentions} " mentions"</dd>
                {qid.map(|q| view! {
                    <dt>"Wikidata"</dt>
                    <dd><a href=format!("https://www.wikidata.org/wiki/{q}") target="_blank"
                        rel="noopener noreferrer" data-testid="wikidata-link">{q.clone()}</a></dd>
                })}
                {coords.map(|(lat, lon)| view! {
                    <dt>"Coordinates"</dt>
                    <dd data-testid="coordinates">{format!("{lat:.4}, {lon:.4}")}</dd>
                })}
            </dl>
            <p class="entity-actions">
                <button type="button" data-testid="entity-include" on:click=move |_| inc_state.include(&inc_id)>
                    "Show articles that mention it"
                </button>
                <button type="button" data-testid="entity-exclude" on:click=move |_| exc_state.exclude(&exc_id)>
                    "Hide articles that mention it"
                </button>
            </p>
            <h2>"Articles"</h2>
            <ul class="entity-docs">{doc_list}</ul>
            <h2>"Mentions in context"</h2>
            <ul class="kwic">{kwic_lines}</ul>
            <h2>"Mentioned with"</h2>
            <ul class="co-entities">{with}</ul>
        </article>
    }
    .into_any()
}
