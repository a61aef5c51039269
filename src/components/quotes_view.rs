//! "Who said what": the direct quotes of the matching articles with their
//! speakers, filterable by speaker and by the entities a quote mentions.

use crate::components::types::singular;
use crate::state::AppState;
use entiscope_core::across::{Attribution, Quote};
use entiscope_core::url_state::ViewState;
use leptos::prelude::*;

/// The Quotes view.
#[component]
pub fn QuotesView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let analysis = corpus.analysis();
    let view_state = state.view;
    let filtered = state.filtered;

    // Speakers across the corpus, most quoted first.
    let mut speakers: Vec<(String, String, usize)> = Vec::new();
    for q in &analysis.quotes {
        if let Some(s) = &q.speaker {
            let key = corpus
                .index
                .lookup(s.ty, &s.id)
                .map_or_else(|| s.id.clone(), |e| corpus.index.key(e));
            match speakers.iter_mut().find(|x| x.0 == key) {
                Some(x) => x.2 += 1,
                None => {
                    let name = corpus
                        .index
                        .entity(&key)
                        .map_or(s.id.clone(), |e| e.name.clone());
                    speakers.push((key, name, 1));
                }
            }
        }
    }
    speakers.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));

    let list = {
        let corpus = corpus.clone();
        move || {
            let v = view_state.get();
            let docs = filtered.with(|f| f.result.docs.clone());
            let include: Vec<u32> = filtered.with(|f| f.filter.include.clone());
            let analysis = corpus.analysis();
            let shown: Vec<&Quote> = analysis
                .quotes
                .iter()
                .filter(|q| docs.contains(q.doc as u32))
                .filter(|q| match v.speaker.as_deref() {
                    None => true,
                    Some("none") => q.speaker.is_none(),
                    Some(key) => {
                        q.speaker
                            .as_ref()
                            .and_then(|s| corpus.index.lookup(s.ty, &s.id))
                            == corpus.index.entity_index(key)
                    }
                })
                .filter(|q| {
                    // With entity filters, keep quotes that mention one of them or are said by one.
                    include.is_empty()
                        || q.mentions.iter().chain(q.speaker.iter()).any(|r| {
                            corpus
                                .index
                                .lookup(r.ty, &r.id)
                                .is_some_and(|e| include.contains(&e))
                        })
                })
                .collect();
            let n = shown.len();
            let items = shown
                .into_iter()
                .map(|q| quote_item(&corpus, q))
                .collect_view();
            view! {
                <p class="view-count" data-testid="quotes-count">{n} {if n == 1 { " quote" } else { " quotes" }}</p>
                <ol class="quotes">{items}</ol>
            }
        }
    };
    let set_speaker = {
        let state = state.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            state.update(|s| s.speaker = (!v.is_empty()).then_some(v));
        }
    };
    let current = move || view_state.with(|v| v.speaker.clone().unwrap_or_default());
    view! {
        <section class="quotes-view" data-testid="quotes-view" aria-labelledby="quotes-heading">
            <h1 id="quotes-heading" class="pane-title">"Who said what"</h1>
            <div class="row">
                <label for="speaker-select">"Speaker"</label>
                <select id="speaker-select" data-testid="speaker-select" on:change=set_speaker prop:value=current>
                    <option value="">"Everyone"</option>
                    {speakers.into_iter().map(|(k, n, c)| view! { <option value=k>{format!("{n} ({c})")}</option> }).collect_view()}
                    <option value="none">"Unattributed"</option>
                </select>
            </div>
            <p class="hint">"Quotes in the matching articles; with entity filters, those that mention or are said by a filtered entity."</p>
            {list}
        </section>
    }
}

/// One quote with its speaker and a link to its place in the article.
pub fn quote_item(corpus: &crate::state::Corpus, q: &Quote) -> impl IntoView + use<> {
    let state = expect_context::<AppState>();
    let doc = &corpus.docs[q.doc];
    let text = q.span.text(&doc.text).to_string();
    let speaker = q.speaker.as_ref().map(|s| {
        let e = corpus.index.lookup(s.ty, &s.id);
        let key = e.map_or_else(|| s.id.clone(), |e| corpus.index.key(e));
        let name = e.map_or_else(|| s.id.clone(), |e| corpus.entity(e).name.clone());
        (s.id.clone(), key, name, s.ty)
    });
    let how = match q.attribution {
        Attribution::Named => "",
        Attribution::Pronoun => " (from “he/she said”)",
        Attribution::Nominal => " (from “the ministry said”-style wording)",
        Attribution::Continuation => " (continues the previous quote)",
        Attribution::Unattributed => "",
    };
    let next = ViewState {
        article: Some(doc.id.clone()),
        at: Some(q.span.char_start),
        ..Default::default()
    };
    let open = {
        let next = next.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            state.navigate(next.clone());
        }
    };
    let speaker_id = speaker.as_ref().map(|s| s.0.clone());
    view! {
        <li class="quote" data-testid="quote" data-speaker-id=speaker_id data-article-id=doc.id.clone()>
            <blockquote>{text}</blockquote>
            <p class="quote-by">
                {match speaker {
                    Some((_, key, name, ty)) => view! {
                        "— " <a href=format!("?entity={}", entiscope_core::url_state::encode(&key))>{name}</a>
                        <span class="card-meta">{format!(" {}{how}", singular(ty))}</span>
                    }.into_any(),
                    None => view! { <span class="card-meta">"— unattributed"</span> }.into_any(),
                }}
                " · " <a href=next.to_query() on:click=open>{doc.meta.title.clone()}</a>
            </p>
        </li>
    }
}
