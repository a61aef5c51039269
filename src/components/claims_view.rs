//! Figures: counts and quantities the articles state (killed, wounded,
//! villages, ...), grouped so that the same kind of figure from different
//! sources and dates stands side by side; sortable and filterable, each row
//! linking to its sentence.

use crate::state::AppState;
use entiscope_core::across::Claim;
use entiscope_core::url_state::ViewState;
use leptos::prelude::*;

/// Sort orders of the table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sort {
    Group,
    Value,
    Article,
}

/// The Figures view.
#[component]
pub fn ClaimsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let filtered = state.filtered;
    let (sort, set_sort) = signal(Sort::Group);
    let (needle, set_needle) = signal(String::new());
    let name = {
        let corpus = corpus.clone();
        move |r: &entiscope_core::across::EntityRef| {
            corpus
                .index
                .lookup(r.ty, &r.id)
                .map_or_else(|| r.id.clone(), |e| corpus.entity(e).name.clone())
        }
    };
    let rows = {
        let corpus = corpus.clone();
        move || {
            let docs = filtered.with(|f| f.result.docs.clone());
            let analysis = corpus.analysis();
            let needle = needle.get().to_lowercase();
            let mut claims: Vec<&Claim> = analysis
                .claims
                .iter()
                .filter(|c| docs.contains(c.doc as u32))
                .filter(|c| {
                    needle.is_empty()
                        || c.group.to_lowercase().contains(&needle)
                        || c.sentence
                            .text(&corpus.docs[c.doc].text)
                            .to_lowercase()
                            .contains(&needle)
                })
                .collect();
            match sort.get() {
                Sort::Group => claims.sort_by(|a, b| a.group.cmp(&b.group).then(a.doc.cmp(&b.doc))),
                Sort::Value => claims.sort_by_key(|c| std::cmp::Reverse(c.value)),
                Sort::Article => claims.sort_by_key(|c| (c.doc, c.number.start)),
            }
            claims
                .into_iter()
                .map(|c| {
                    let doc = &corpus.docs[c.doc];
                    let next = ViewState { article: Some(doc.id.clone()), at: Some(c.number.char_start), ..Default::default() };
                    let state = expect_context::<AppState>();
                    let go = next.clone();
                    let places: Vec<String> = c.places.iter().map(&name).collect();
                    let dates: Vec<String> = c.dates.iter().map(&name).collect();
                    view! {
                        <tr data-testid="claim" data-group=c.group.clone() data-article-id=doc.id.clone()>
                            <td class="num">{c.number.text(&doc.text).to_string()}</td>
                            <td>{format!("{} {}", c.subject, c.event.key())}</td>
                            <td>{c.side.as_ref().map(&name).unwrap_or_default()}</td>
                            <td>{c.source.as_ref().map(&name).unwrap_or_else(|| "the article".to_string())}</td>
                            <td>{places.join(", ")}</td>
                            <td>{dates.join(", ")}</td>
                            <td><a href=next.to_query() title=c.sentence.text(&doc.text).to_string()
                                on:click=move |ev| { ev.prevent_default(); state.navigate(go.clone()); }>{doc.meta.title.clone()}</a></td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    let header = move |label: &'static str, s: Sort| {
        view! {
            <th scope="col" aria-sort=move || if sort.get() == s { "descending" } else { "none" }>
                <button type="button" on:click=move |_| set_sort.set(s)>{label}</button>
            </th>
        }
    };
    view! {
        <section class="claims-view" data-testid="claims-view" aria-labelledby="claims-heading">
            <h1 id="claims-heading" class="pane-title">"Figures"</h1>
            <p class="hint">"Counts stated in the matching articles. Rows of the same kind (side, what is counted, what happened) sit together, so disagreeing or updated figures stand side by side."</p>
            <div class="row">
                <label for="claims-filter">"Filter"</label>
                <input id="claims-filter" type="search" placeholder="e.g. civilians, killed" on:input=move |ev| set_needle.set(event_target_value(&ev))/>
            </div>
            <div class="table-wrap">
                <table class="claims">
                    <thead><tr>
                        {header("Figure", Sort::Value)}
                        {header("What", Sort::Group)}
                        <th scope="col">"Whose"</th>
                        <th scope="col">"Stated by"</th>
                        <th scope="col">"Where"</th>
                        <th scope="col">"When"</th>
                        {header("Article", Sort::Article)}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
