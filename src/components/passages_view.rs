//! Shared passages: text that appears in two or more articles (wire copy,
//! recycled background, the same interview), clustered, with how much of each
//! article is shared, so original reporting stands out.

use crate::state::AppState;
use entiscope_core::url_state::ViewState;
use leptos::prelude::*;

/// The Shared passages view.
#[component]
pub fn PassagesView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let filtered = state.filtered;
    let list = {
        let corpus = corpus.clone();
        move || {
            let docs = filtered.with(|f| f.result.docs.clone());
            let analysis = corpus.analysis();
            let clusters: Vec<_> = analysis
                .passages
                .iter()
                .filter(|c| c.members.iter().any(|m| docs.contains(m.doc as u32)))
                .collect();
            let n = clusters.len();
            let items = clusters
                .into_iter()
                .map(|c| {
                    let first = &c.members[0];
                    let text = first.span.text(&corpus.docs[first.doc].text).to_string();
                    let mut seen = Vec::new();
                    let members = c
                        .members
                        .iter()
                        .filter(|m| {
                            let new = !seen.contains(&m.doc);
                            seen.push(m.doc);
                            new
                        })
                        .map(|m| {
                            let doc = &corpus.docs[m.doc];
                            let next = ViewState {
                                article: Some(doc.id.clone()),
                                at: Some(m.span.char_start),
                                ..Default::default()
                            };
                            let state = expect_context::<AppState>();
                            let go = next.clone();
                            view! {
                                <li>
                                    <a href=next.to_query() on:click=move |ev| { ev.prevent_default(); state.navigate(go.clone()); }>
                                        {doc.meta.title.clone()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="passage" data-testid="shared-passage" data-cluster-id=c.id.clone()>
                            <blockquote class="passage-text">{text}</blockquote>
                            <p class="card-meta">{format!("In {} articles:", seen.len())}</p>
                            <ul class="passage-docs">{members}</ul>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="view-count" data-testid="passages-count">{n} {if n == 1 { " shared passage" } else { " shared passages" }}</p>
                <ol class="passages">{items}</ol>
            }
        }
    };
    let shares = {
        let corpus = corpus.clone();
        move || {
            let docs: Vec<u32> = filtered.with(|f| f.docs());
            let analysis = corpus.analysis();
            docs.into_iter()
                .map(|d| {
                    let share = analysis.shared_share(d as usize);
                    let pct = (share.ratio() * 100.0).round() as u32;
                    view! {
                        <li data-testid="shared-share" data-article-id=corpus.docs[d as usize].id.clone()>
                            <meter min="0" max="100" value=pct aria-hidden="true"></meter>
                            {format!(" {pct}% shared · ")}{corpus.docs[d as usize].meta.title.clone()}
                        </li>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <section class="passages-view" data-testid="passages-view" aria-labelledby="passages-heading">
            <h1 id="passages-heading" class="pane-title">"Shared passages"</h1>
            <p class="hint">"Sentences that appear, possibly with small edits, in more than one of the matching articles."</p>
            <h2 class="panel-subtitle">"How much of each article appears elsewhere"</h2>
            <ul class="shares">{shares}</ul>
            {list}
        </section>
    }
}
