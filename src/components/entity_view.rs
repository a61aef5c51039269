//! An entity's page: canonical name, type, aliases seen, Wikidata link and
//! coordinates when known, the articles that mention it, every mention in
//! context (each linking to its place in the article), and the entities most
//! often mentioned with it.

use crate::components::types::{articles, singular};
use crate::components::Sparkline;
use crate::local::{self, LocalState};
use crate::state::AppState;
use entiscope_core::extract::EntityType;
use entiscope_core::index::kwic;
use entiscope_core::url_state::ViewState;
use entiscope_core::workspace::Correction;
use leptos::prelude::*;

/// Characters of context on each side of a mention.
const KWIC_WIDTH: usize = 70;

/// Articles listed (and, for a precomputed corpus, read for mentions in
/// context) on the page; the article list filtered by the entity has them all.
const DOCS_SHOWN: usize = 200;

/// The page of the entity `id`.
#[component]
pub fn EntityView(
    /// The entity's id.
    id: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let Some(e) = corpus.index.entity_index(&id) else {
        return view! {
            <p class="notice" role="status" data-testid="unknown-entity">
                "No entity “" {id} "” in this corpus."
            </p>
        }
        .into_any();
    };
    let entity = corpus.entity(e).clone();
    let postings: Vec<(u32, u32)> = corpus
        .index
        .postings(e)
        .iter()
        .take(DOCS_SHOWN)
        .copied()
        .collect();
    let more_docs = corpus.index.postings(e).len().saturating_sub(DOCS_SHOWN);
    if corpus.is_bundle() {
        // The page needs the postings, and the texts for mentions in context.
        state.load_postings();
        let docs: Vec<u32> = postings.iter().take(20).map(|p| p.0).collect();
        state.request_texts(&docs);
    }
    let texts_tick = state.texts_tick;
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

    let kwic_corpus = corpus.clone();
    let kwic_postings = postings.clone();
    let kwic_lines = move || {
        texts_tick.track();
        let corpus = &kwic_corpus;
        kwic_postings
        .iter()
        .filter_map(|&(d, _)| corpus.article(d))
        .flat_map(|article| {
            let doc = &article.doc;
            article
                .mentions
                .iter()
                .filter(|m| corpus.index.lookup(m.ty, &m.entity) == Some(e))
                .map(|m| {
                    let k = kwic(&doc.text, m.start, m.end, KWIC_WIDTH);
                    let next = ViewState {
                        article: Some(doc.id.clone()),
                        at: Some(m.char_start),
                        ..Default::default()
                    };
                    let (doc_id, start, end) = (doc.id.clone(), m.char_start, m.char_end);
                    let reject = {
                        let doc_id = doc_id.clone();
                        move |_| correct(Correction::Reject { doc: doc_id.clone(), start, end })
                    };
                    let retype = move |ev: leptos::ev::Event| {
                        if let Some(ty) = EntityType::parse(&event_target_value(&ev)) {
                            correct(Correction::Retype { doc: doc_id.clone(), start, end, ty });
                        }
                    };
                    let current = m.ty;
                    view! {
                        <li class="kwic-line" data-testid="kwic-line" data-article-id=doc.id.clone()>
                            <a href=next.to_query() on:click=go(next.clone())>
                                <span class="kwic-left">{k.left}</span>
                                <mark class=format!("kwic-hit type-{}", m.ty.key())>{k.hit}</mark>
                                <span class="kwic-right">{k.right}</span>
                            </a>
                            <span class="kwic-doc">{doc.meta.title.clone()}</span>
                            <span class="kwic-tools">
                                <label class="visually-hidden" for=format!("ty-{}-{start}", doc.id)>"Type of this mention"</label>
                                <select id=format!("ty-{}-{start}", doc.id) data-testid="retype" on:change=retype>
                                    {EntityType::ALL.into_iter().map(|t| view! {
                                        <option value=t.key() selected=t == current>{singular(t)}</option>
                                    }).collect_view()}
                                </select>
                                <button type="button" data-testid="reject-mention" on:click=reject>"Not an entity"</button>
                            </span>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect_view()
    };

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

    let said = {
        let r = entiscope_core::across::EntityRef {
            ty: entity.ty,
            id: entity.id.clone(),
        };
        let quotes: Vec<_> = corpus.analysis().quotes_by(&r).collect();
        (!quotes.is_empty()).then(|| {
            let items = quotes
                .into_iter()
                .map(|q| crate::components::quote_item(&corpus, q))
                .collect_view();
            view! {
                <h2>"What " {entity.name.clone()} " said"</h2>
                <ol class="quotes" data-testid="entity-quotes">{items}</ol>
            }
        })
    };
    let aliases = entity.aliases.join(" · ");
    // Correction tools.
    let rename_to = RwSignal::new(String::new());
    let merge_into = RwSignal::new(String::new());
    let same_type: Vec<(String, String)> = corpus
        .index
        .entities_of_type(entity.ty)
        .filter(|&o| o != e)
        .map(|o| (corpus.index.key(o), corpus.entity(o).name.clone()))
        .collect();
    let key_for_name = {
        let same_type = same_type.clone();
        move |typed: &str| {
            let typed = typed.trim();
            same_type
                .iter()
                .find(|(k, n)| n.eq_ignore_ascii_case(typed) || k == typed)
                .map(|(k, _)| k.clone())
        }
    };
    let this_key = corpus.index.key(e);
    let do_rename = {
        let key = this_key.clone();
        move |_| {
            let name = rename_to.get_untracked();
            if !name.trim().is_empty() {
                correct(Correction::Rename {
                    entity: key.clone(),
                    name: name.trim().to_string(),
                });
            }
        }
    };
    let merge_error = RwSignal::new(None::<String>);
    let do_merge = {
        let key = this_key.clone();
        move |_| {
            let typed = merge_into.get_untracked();
            match key_for_name(&typed) {
                Some(into) => {
                    merge_error.set(None);
                    let state = expect_context::<AppState>();
                    correct(Correction::Merge {
                        from: key.clone(),
                        into: into.clone(),
                    });
                    state.open_entity(&into);
                }
                None => merge_error.set(Some(format!(
                    "No {} named “{typed}” in this corpus.",
                    singular(entity.ty)
                ))),
            }
        }
    };
    let split_buttons = (entity.aliases.len() > 1)
        .then(|| {
            entity
                .aliases
                .iter()
                .map(|a| {
                    let (key, alias) = (this_key.clone(), a.clone());
                    view! {
                        <button type="button" data-testid="split-alias"
                            on:click=move |_| correct(Correction::Split { entity: key.clone(), alias: alias.clone() })>
                            "Split off “" {a.clone()} "”"
                        </button>
                    }
                })
                .collect_view()
        });
    let datalist_id = format!("merge-targets-{}", entity.ty.key());
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
                <dt>"In the news"</dt>
                <dd><Sparkline entity=e/></dd>
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
            <details class="correct" data-testid="correct-entity">
                <summary>"Correct this entity"</summary>
                <div class="row">
                    <label for="rename-input">"Rename to"</label>
                    <input id="rename-input" data-testid="rename-input" prop:value=move || rename_to.get()
                        on:input=move |ev| rename_to.set(event_target_value(&ev))/>
                    <button type="button" data-testid="rename-submit" on:click=do_rename>"Rename"</button>
                </div>
                <div class="row">
                    <label for="merge-input">"Same as"</label>
                    <input id="merge-input" data-testid="merge-input" list=datalist_id.clone()
                        placeholder=format!("another {}", singular(entity.ty))
                        prop:value=move || merge_into.get() on:input=move |ev| merge_into.set(event_target_value(&ev))/>
                    <datalist id=datalist_id>
                        {same_type.iter().map(|(k, n)| view! { <option value=n.clone() label=k.clone()></option> }).collect_view()}
                    </datalist>
                    <button type="button" data-testid="merge-submit" on:click=do_merge>"Merge into it"</button>
                </div>
                {move || merge_error.get().map(|m| view! { <p class="notice" role="alert">{m}</p> })}
                <div class="row">{split_buttons}</div>
                <p class="hint">"Each mention below can also be retyped or rejected. Corrections are listed under "
                    "“Your articles”, can be undone, and stay in this browser."</p>
            </details>
            <h2>"Articles"</h2>
            <ul class="entity-docs">{doc_list}</ul>
            {(more_docs > 0).then(|| view! {
                <p class="hint">{format!("…and {} more; filter the article list by this entity to see them all.", articles(more_docs as u32))}</p>
            })}
            <h2>"Mentions in context"</h2>
            <ul class="kwic">{kwic_lines}</ul>
            {said}
            <h2>"Mentioned with"</h2>
            <ul class="co-entities">{with}</ul>
        </article>
    }
    .into_any()
}

/// Record a correction from this page.
fn correct(c: Correction) {
    let state = expect_context::<AppState>();
    let local = expect_context::<LocalState>();
    local::correct(state, local, c);
}
