//! The reading view: an article's full text with every entity mention
//! highlighted (colour plus an underline style and a type label, so it works
//! without colour and in print), search matches marked, site furniture set
//! apart (never deleted), and the article's entities grouped by type beside
//! it. Text is rendered as text nodes only.

use crate::components::article_list::card_meta;
use crate::components::types::{plural, singular};
use crate::state::{AppState, Corpus};
use entiscope_core::corpus::{inline_furniture, Block, BlockKind, Document};
use entiscope_core::extract::{EntityType, Mention};
use entiscope_core::index::{segments, Layers, Part};
use entiscope_core::url_state::encode;
use leptos::prelude::*;

/// The open article.
#[component]
pub fn ArticleView(
    /// Position of the article in the corpus.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let Some(doc) = corpus.docs.get(index) else {
        return view! { <p class="notice">"This article no longer exists."</p> }.into_any();
    };
    let doc_no = index as u32;
    let filtered = state.filtered;
    let texts_tick = state.texts_tick;
    if corpus.is_bundle() {
        state.load_postings();
    }
    let body = {
        let (corpus, state) = (corpus.clone(), state.clone());
        move || {
            texts_tick.track();
            let Some(article) = corpus.article(doc_no) else {
                state.request_texts(&[doc_no]);
                let failed = corpus.texts.as_ref().and_then(|t| t.error());
                return match failed {
                    Some(e) => view! { <p class="notice" role="alert">"The article's text could not be loaded: " {e}</p> }.into_any(),
                    None => view! { <p class="notice" role="status" data-testid="loading">"Loading the article…"</p> }.into_any(),
                };
            };
            let doc = &article.doc;
            let marks = filtered.with(|f| {
                if corpus.is_bundle() {
                    // The corpus index covers titles only: find the matches
                    // in this text.
                    entiscope_core::index::TextIndex::new([doc.text.as_str()]).find(0, &f.query)
                } else {
                    corpus.text().find(doc_no, &f.query)
                }
            });
            let mentions = &article.mentions[..];
            let analysis = corpus.analysis();
            let quotes: Vec<(usize, usize, String)> = analysis
                .quotes_in(index)
                .map(|q| {
                    let who = q
                        .speaker
                        .as_ref()
                        .and_then(|s| corpus.index.lookup(s.ty, &s.id))
                        .map_or_else(
                            || "unattributed".to_string(),
                            |e| corpus.entity(e).name.clone(),
                        );
                    (q.span.start, q.span.end, who)
                })
                .collect();
            let passages = analysis.passages_in(index);
            doc.blocks
                .iter()
                .map(|b| {
                    let shared = passages
                        .iter()
                        .find(|(_, m)| m.span.start < b.end && m.span.end > b.start)
                        .map(|(c, _)| {
                            let mut others: Vec<String> = c
                                .members
                                .iter()
                                .filter(|m| m.doc != index)
                                .map(|m| corpus.docs[m.doc].meta.title.clone())
                                .collect();
                            others.dedup();
                            (c.id.clone(), others)
                        });
                    render_block(&corpus, doc, b, mentions, &marks, &quotes, shared)
                })
                .collect_view()
                .into_any()
        }
    };
    let share = corpus.analysis().shared_share(index);
    let shared_line = (share.shared_chars > 0).then(|| {
        let pct = (share.ratio() * 100.0).round();
        view! {
            <p class="shared-share" data-testid="article-shared-share">
                {format!("{pct}% of this text appears elsewhere in the corpus (marked at the left).")}
            </p>
        }
    });
    let back = state.clone();
    // Scroll to the mention named by `at=` (a char offset) once rendered.
    let view_state = state.view;
    Effect::new(move |_| {
        texts_tick.track();
        if let Some(at) = view_state.with(|v| v.at) {
            crate::url::focus_at(at);
        }
    });
    view! {
        <div class="reading">
            <article class="article-view" data-testid="article-view" data-article-id=doc.id.clone()>
                <nav class="crumbs">
                    <a href="./" on:click=move |ev| {
                        ev.prevent_default();
                        back.show_list();
                    }>"← Articles"</a>
                </nav>
                <h1 class="article-title" data-testid="article-title">{doc.meta.title.clone()}</h1>
                <p class="article-meta">{card_meta(doc)} " · " <code>{doc.id.clone()}</code></p>
                {shared_line}
                <Legend/>
                <div class="article-body">{body}</div>
            </article>
            <DocEntities doc=doc_no/>
        </div>
    }
    .into_any()
}

/// A shared passage a block lies in: its cluster id and the other articles' titles.
type Shared = Option<(String, Vec<String>)>;

fn render_block(
    corpus: &Corpus,
    doc: &Document,
    block: &Block,
    mentions: &[Mention],
    marks: &[(usize, usize)],
    quotes: &[(usize, usize, String)],
    shared: Shared,
) -> AnyView {
    let text = doc.block_text(block).to_string();
    if block.kind == BlockKind::Furniture {
        return view! {
            <p class="furniture" data-testid="furniture"
               title="Site furniture: page chrome kept from the source, not part of the article and not extracted">
                <span class="furniture-label" aria-hidden="true">"page furniture"</span>
                <span class="furniture-text">{text}</span>
            </p>
        }
        .into_any();
    }
    let links: Vec<(usize, usize)> = inline_furniture(&text)
        .into_iter()
        .map(|(s, e)| (s + block.start, e + block.start))
        .collect();
    let quote_ranges: Vec<(usize, usize)> = quotes.iter().map(|q| (q.0, q.1)).collect();
    let layers = Layers {
        marks,
        links: &links,
        quotes: &quote_ranges,
    };
    let pieces = segments(&doc.text, block.start, block.end, mentions, layers);
    let children = pieces
        .into_iter()
        .map(|piece| {
            let parts = piece
                .parts
                .iter()
                .map(|p| {
                    let who = quotes
                        .iter()
                        .find(|q| q.0 <= p.start && p.end <= q.1)
                        .map(|q| q.2.clone());
                    render_part(&doc.text, p, who)
                })
                .collect_view();
            match piece.mention.and_then(|i| mentions.get(i)) {
                Some(m) => render_mention(corpus, m, parts).into_any(),
                None => parts.into_any(),
            }
        })
        .collect_view();
    if block.kind == BlockKind::Meta {
        return view! { <p class="meta-line">{children}</p> }.into_any();
    }
    match shared {
        Some((cluster, others)) => {
            let also = format!(
                "also in {} other article{}",
                others.len(),
                if others.len() == 1 { "" } else { "s" }
            );
            view! {
                <p class="shared" data-testid="shared-passage" data-cluster-id=cluster data-also=also
                    title=format!("This passage also appears in: {}", others.join("; "))>{children}</p>
            }
            .into_any()
        }
        None => view! { <p>{children}</p> }.into_any(),
    }
}

fn render_part(text: &str, p: &Part, speaker: Option<String>) -> AnyView {
    let s = text.get(p.start..p.end).unwrap_or("").to_string();
    let inner = match (p.mark, p.link) {
        (true, _) => view! { <mark data-testid="search-match">{s}</mark> }.into_any(),
        (false, true) => {
            view! { <span class="furniture-inline" title="Link kept from the source">{s}</span> }
                .into_any()
        }
        (false, false) => s.into_any(),
    };
    match speaker.filter(|_| p.quote) {
        Some(who) => {
            view! { <span class="in-quote" title=format!("Quote: {who}")>{inner}</span> }.into_any()
        }
        None => inner,
    }
}

fn short_label(ty: EntityType) -> &'static str {
    match ty {
        EntityType::Person => "PER",
        EntityType::Org => "ORG",
        EntityType::Place => "PLACE",
        EntityType::Norp => "NORP",
        EntityType::Date => "DATE",
    }
}

fn render_mention(corpus: &Corpus, m: &Mention, parts: impl IntoView + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let number = corpus.index.lookup(m.ty, &m.entity);
    let entity = number.map(|e| corpus.entity(e));
    let key = number.map_or_else(|| m.entity.clone(), |e| corpus.index.key(e));
    let name = entity.map_or(m.entity.clone(), |e| e.name.clone());
    let others = entity.map(|e| e.other_aliases(", ")).unwrap_or_default();
    let tip = if others.is_empty() {
        format!("{name} · {}", singular(m.ty))
    } else {
        format!("{name} · {} · also: {others}", singular(m.ty))
    };
    let id = m.entity.clone();
    let selected = state.selected;
    let is_selected = {
        let key = key.clone();
        move || selected.with(|s| s.as_deref() == Some(key.as_str()))
    };
    let open = {
        let key = key.clone();
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            state.open_entity(&key);
        }
    };
    view! {
        <a class=format!("mention type-{}", m.ty.key()) class:is-selected=is_selected
            data-testid="mention" data-entity-id=id data-entity-type=m.ty.key() data-entity-key=key.clone()
            data-char-start=m.char_start data-label=short_label(m.ty)
            href=format!("?entity={}", encode(&key)) title=tip
            on:click=open>{parts}</a>
    }
}

/// Colour key for the mention types, with their non-colour cues.
#[component]
fn Legend() -> impl IntoView {
    let items = EntityType::ALL
        .into_iter()
        .map(|ty| {
            view! { <li class=format!("legend-item mention type-{}", ty.key()) data-label=short_label(ty)>{plural(ty)}</li> }
        })
        .collect_view();
    view! { <ul class="legend" aria-label="Highlight key">{items}</ul> }
}

/// The article's entities grouped by type, with mention counts; selecting one
/// marks its mentions and lets `n`/`p` jump between them.
#[component]
fn DocEntities(
    /// The article's number.
    doc: u32,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let groups = EntityType::ALL
        .into_iter()
        .filter_map(|ty| {
            let mut list: Vec<(u32, u32)> = corpus
                .index
                .entities_of(doc)
                .iter()
                .copied()
                .filter(|&(e, _)| corpus.entity(e).ty == ty)
                .collect();
            if list.is_empty() {
                return None;
            }
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let items = list
                .into_iter()
                .map(|(e, n)| {
                    let entity = corpus.entity(e);
                    let id = corpus.index.key(e);
                    let selected = state.selected;
                    let pressed = {
                        let id = id.clone();
                        move || selected.with(|s| s.as_deref() == Some(id.as_str())).to_string()
                    };
                    let select = {
                        let id = id.clone();
                        move |_| {
                            selected.update(|s| {
                                *s = if s.as_deref() == Some(id.as_str()) { None } else { Some(id.clone()) }
                            });
                            crate::url::focus_selector(&format!("[data-testid=mention][data-entity-key=\"{id}\"]"));
                        }
                    };
                    let filter = {
                        let (state, id) = (state.clone(), id.clone());
                        move |_| state.include(&id)
                    };
                    let open = {
                        let (state, id) = (state.clone(), id.clone());
                        move |ev: leptos::ev::MouseEvent| {
                            ev.prevent_default();
                            state.open_entity(&id);
                        }
                    };
                    view! {
                        <li class="doc-entity" data-testid="doc-entity" data-entity-id=entity.id.clone() data-entity-key=id.clone()>
                            <button type="button" class="doc-entity-select" aria-pressed=pressed on:click=select
                                title="Mark its mentions; n / p jump between them">
                                {entity.name.clone()} <span class="facet-count">{n}</span>
                            </button>
                            <a href=format!("?entity={}", encode(&id)) on:click=open
                                aria-label=format!("open {}", entity.name)>"open"</a>
                            <button type="button" class="doc-entity-filter" on:click=filter
                                aria-label=format!("filter: articles that mention {}", entity.name)>"filter"</button>
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <section class=format!("doc-entities-group type-{}", ty.key())>
                    <h2><span class="type-swatch" aria-hidden="true"></span>{plural(ty)}</h2>
                    <ul>{items}</ul>
                </section>
            })
        })
        .collect_view();
    view! {
        <aside class="doc-entities" aria-label="Entities in this article">{groups}</aside>
    }
}
