//! The list of matching articles: title, outlet, publication date, word count
//! and the entities that matched. An empty result explains itself and offers
//! ways to relax the filter.

use crate::components::types::articles;
use crate::state::{AppState, BundleStatus};
use entiscope_core::corpus::Document;
use entiscope_core::url_state::{encode, Mode};
use leptos::prelude::*;

/// Cards rendered at first and added by each "Show more": a 100,000-article
/// result keeps a small DOM.
pub const PAGE: usize = 30;

/// The matching articles as cards, a page at a time.
#[component]
pub fn ArticleList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let filtered = state.filtered;
    let status = state.bundle_status;
    // Effects run after the DOM is updated: this marks first render (for a
    // precomputed corpus, once its head is shown).
    Effect::new(move |_| {
        if status.get() != BundleStatus::Loading {
            crate::perf::mark_once("article-list-visible");
        }
    });
    let shown = RwSignal::new(PAGE);
    // A new result starts at its first page.
    Effect::new(move |prev: Option<()>| {
        filtered.track();
        if prev.is_some() {
            shown.set(PAGE);
        }
    });
    let total = move || filtered.with(|f| f.result.docs.count());
    let docs = move || {
        let n = shown.get();
        filtered.with(|f| f.result.docs.iter().take(n).collect::<Vec<u32>>())
    };
    let pending = move || filtered.with(|f| f.pending);
    let loading = move || matches!(status.get(), BundleStatus::Loading);
    let failed = move || match status.get() {
        BundleStatus::Failed(e) => Some(e),
        _ => None,
    };
    view! {
        <section class="list-pane" aria-labelledby="list-heading">
            <h1 id="list-heading" class="visually-hidden">"Articles"</h1>
            {move || failed().map(|e| view! {
                <p class="notice" role="alert" data-testid="bundle-error">"The corpus could not be loaded: " {e}</p>
            })}
            <Show when=move || loading() || pending() fallback=|| ()>
                <p class="notice" role="status" data-testid="loading">
                    {move || if loading() { "Loading the corpus…" } else { "Loading the entity index…" }}
                </p>
            </Show>
            <Show when=move || !loading() && !pending() && total() == 0 && failed().is_none() fallback=|| ()>
                <EmptyResult/>
            </Show>
            <Show when=move || !pending() fallback=|| ()>
                <ol class="article-list" data-testid="article-list">
                    <For each=docs key=|d| *d children=move |d| view! { <ArticleCard doc=d/> }/>
                </ol>
                <Show when=move || { total() > shown.get() } fallback=|| ()>
                    <button type="button" class="show-more" data-testid="show-more-articles"
                        on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || {
                            let rest = total().saturating_sub(shown.get());
                            format!("Show {} more of {}", rest.min(PAGE), articles(rest as u32))
                        }}
                    </button>
                </Show>
            </Show>
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
        if v.has_dates() {
            let mut next = v.clone();
            (next.from, next.to) = (None, None);
            out.push(("Remove the date range".to_string(), count(&next), next));
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
