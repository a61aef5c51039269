//! The reading view: an article's full text with its paragraphs, and site
//! furniture visibly set apart (never deleted). Text is rendered as text nodes
//! only.

use crate::components::article_list::card_meta;
use crate::state::AppState;
use entiscope_core::corpus::{inline_furniture, Block, BlockKind, Document};
use leptos::prelude::*;

/// The open article.
#[component]
pub fn ArticleView(
    /// Position of the article in the corpus.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus.clone();
    let Some(doc) = corpus.docs.get(index) else {
        return view! { <p class="notice">"This article no longer exists."</p> }.into_any();
    };
    let back = state.clone();
    let blocks = doc
        .blocks
        .iter()
        .map(|b| render_block(doc, b))
        .collect_view();
    view! {
        <article class="article-view" data-testid="article-view" data-article-id=doc.id.clone()>
            <nav class="crumbs">
                <a href="./" on:click=move |ev| {
                    ev.prevent_default();
                    back.show_list();
                }>"← All articles"</a>
            </nav>
            <h1 class="article-title" data-testid="article-title">{doc.meta.title.clone()}</h1>
            <p class="article-meta">{card_meta(doc)} " · " <code>{doc.id.clone()}</code></p>
            <div class="article-body">{blocks}</div>
        </article>
    }
    .into_any()
}

fn render_block(doc: &Document, block: &Block) -> AnyView {
    let text = doc.block_text(block).to_string();
    match block.kind {
        BlockKind::Furniture => view! {
            <p class="furniture" data-testid="furniture"
               title="Site furniture: page chrome kept from the source, not part of the article and not extracted">
                <span class="furniture-label" aria-hidden="true">"page furniture"</span>
                <span class="furniture-text">{text}</span>
            </p>
        }
        .into_any(),
        BlockKind::Meta => view! { <p class="meta-line">{text}</p> }.into_any(),
        BlockKind::Paragraph => {
            let links = inline_furniture(&text);
            if links.is_empty() {
                return view! { <p>{text}</p> }.into_any();
            }
            let mut parts = Vec::new();
            let mut pos = 0;
            for (s, e) in links {
                parts.push(view! { {text[pos..s].to_string()} }.into_any());
                parts.push(
                    view! { <span class="furniture-inline" title="Link kept from the source">{text[s..e].to_string()}</span> }
                        .into_any(),
                );
                pos = e;
            }
            parts.push(view! { {text[pos..].to_string()} }.into_any());
            view! { <p>{parts}</p> }.into_any()
        }
    }
}
