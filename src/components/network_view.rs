//! The co-occurrence network: entities of the matching articles as nodes
//! (sized by articles, coloured and shaped by type), edges weighted by the
//! paragraphs or articles two entities share. Guardrails (minimum shared
//! count, top N, types, paragraphs or articles) live in the URL. A node click
//! (or Enter/Space) filters by its entity, `o` opens its page; an edge click
//! shows the passages behind it. The graph and its layout come from
//! `entiscope_core::overview::network`, the marks from `overview::svg`; the
//! strongest pairs are also listed as text.

use crate::components::types::{articles, plural, singular};
use crate::components::{Downloads, FocusInfo};
use crate::overview::{attr_u32, closest};
use crate::state::AppState;
use entiscope_core::extract::EntityType;
use entiscope_core::index::DocSet;
use entiscope_core::overview::network::{self, Graph, Options, Point};
use entiscope_core::overview::svg::{self as marks, NodeText, NETWORK_H, NETWORK_W};
use entiscope_core::url_state::{Together, ViewState};
use leptos::prelude::*;

/// Pairs listed as text.
const LISTED_PAIRS: usize = 12;
/// Characters of a backing paragraph shown.
const EXCERPT: usize = 320;

/// A graph with its layout, for the documents it was drawn from.
#[derive(Clone, Debug, PartialEq)]
struct Drawn {
    graph: Graph,
    pos: Vec<Point>,
    opts: Options,
    docs: DocSet,
}

/// The Network view.
#[component]
pub fn NetworkView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let view_state = state.view;
    let filtered = state.filtered;
    let drawn = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let opts = view_state.with(|v| Options::from_params(&v.network));
            let docs = filtered.with(|f| f.result.docs.clone());
            let graph = network::graph(&corpus.index, &corpus.overview().paragraphs, &docs, &opts);
            let keys = network::keys(&corpus.index, &graph);
            let pos = crate::overview::timed_layout(&keys, &graph.edges);
            Drawn {
                graph,
                pos,
                opts,
                docs,
            }
        })
    };
    // The node last hovered or focused, and the pair whose passages are shown.
    let focused = RwSignal::new(None::<u32>);
    let pair = RwSignal::new(None::<(u32, u32)>);

    let markup = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let d = drawn.get();
            let include = view_state.with(|v| v.include.clone());
            let owned: Vec<(String, String, String)> = d
                .graph
                .nodes
                .iter()
                .map(|n| {
                    let e = corpus.entity(n.entity);
                    let also = e
                        .aliases
                        .iter()
                        .filter(|a| **a != e.name)
                        .cloned()
                        .collect::<Vec<_>>();
                    let title = format!(
                        "{} ({}, {}){}",
                        e.name,
                        singular(e.ty),
                        articles(n.articles),
                        if also.is_empty() {
                            String::new()
                        } else {
                            format!("; also {}", also.join(", "))
                        }
                    );
                    (corpus.index.key(n.entity), title, e.name.clone())
                })
                .collect();
            let texts: Vec<NodeText> = d
                .graph
                .nodes
                .iter()
                .zip(&owned)
                .map(|(n, (key, title, name))| {
                    let e = corpus.entity(n.entity);
                    NodeText {
                        id: &e.id,
                        key,
                        ty: e.ty,
                        name,
                        title,
                        included: include.contains(key),
                    }
                })
                .collect();
            marks::network(&d.graph, &d.pos, &texts, pair.get())
        })
    };

    let on_click = {
        let state = state.clone();
        move |ev: leptos::ev::MouseEvent| {
            if let Some(node) = closest(&ev, "data-entity-key") {
                if let Some(key) = node.get_attribute("data-entity-key") {
                    state.toggle_include(&key);
                }
            } else if let Some(edge) = closest(&ev, "data-ea") {
                if let (Some(a), Some(b)) = (attr_u32(&edge, "data-ea"), attr_u32(&edge, "data-eb"))
                {
                    pair.set(Some((a, b)));
                }
            }
        }
    };
    let on_key = {
        let state = state.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let Some(key) =
                closest(&ev, "data-entity-key").and_then(|n| n.get_attribute("data-entity-key"))
            else {
                return;
            };
            match ev.key().as_str() {
                "Enter" | " " => {
                    ev.prevent_default();
                    state.toggle_include(&key);
                    crate::url::refocus(format!(
                        "[data-testid=network] [data-entity-key=\"{key}\"]"
                    ));
                }
                "o" | "O" => {
                    ev.prevent_default();
                    state.open_entity(&key);
                }
                _ => {}
            }
        }
    };
    let on_hover = move |ev: web_sys::Event| {
        if let Some(e) = closest(&ev, "data-e").and_then(|n| attr_u32(&n, "data-e")) {
            focused.set(Some(e));
        }
    };

    let summary = move || {
        drawn.with(|d| {
            let unit = match d.opts.by {
                Together::Paragraphs => "paragraphs",
                Together::Articles => "articles",
            };
            let shown = d.graph.edges.len();
            let mut s = format!(
                "{} entities and {shown} pairs drawn: of the {} entities in the matching articles, the {} in most articles; pairs together in at least {} {unit}",
                d.graph.nodes.len(),
                d.graph.candidates,
                d.opts.top.min(d.graph.candidates),
                d.opts.min,
            );
            if d.graph.pairs > shown {
                s.push_str(&format!(" (the strongest {shown} of {})", d.graph.pairs));
            }
            s + "."
        })
    };

    let info = move || {
        let e = focused.get()?;
        let n = drawn.with(|d| d.graph.nodes.iter().find(|n| n.entity == e).copied())?;
        Some(view! { <FocusInfo entity=e count=n.articles testid="network-info"/> })
    };

    let passages = {
        let (corpus, state) = (corpus.clone(), state.clone());
        move || {
            let (a, b) = pair.get()?;
            let d = drawn.get();
            let backing = network::backing(
                &corpus.index,
                &corpus.overview().paragraphs,
                &d.docs,
                a,
                b,
                d.opts.by,
            );
            let paragraphs: usize = backing.iter().map(|x| x.paragraphs.len()).sum();
            let items = backing
                .into_iter()
                .map(|x| {
                    let doc = &corpus.docs[x.doc as usize];
                    let next = ViewState { article: Some(doc.id.clone()), at: x.paragraphs.first().map(|p| p.at), ..Default::default() };
                    let (state, go) = (state.clone(), next.clone());
                    let excerpts = x
                        .paragraphs
                        .iter()
                        .map(|p| {
                            let whole = doc.text.get(p.start..p.end).unwrap_or("");
                            let mut text: String = whole.chars().take(EXCERPT).collect();
                            if text.len() < whole.len() {
                                text.push('…');
                            }
                            view! { <blockquote class="passage-text">{text}</blockquote> }
                        })
                        .collect_view();
                    view! {
                        <li data-testid="network-backing" data-article-id=doc.id.clone()>
                            <a href=next.to_query() on:click=move |ev| { ev.prevent_default(); state.navigate(go.clone()); }>
                                {doc.meta.title.clone()}
                            </a>
                            {excerpts}
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="pair-passages" data-testid="network-passages" aria-live="polite">
                    <h2 class="panel-subtitle">{format!("{} and {}", corpus.entity(a).name, corpus.entity(b).name)}</h2>
                    <p class="hint">{format!("Together in {paragraphs} paragraph{} of the matching articles.", if paragraphs == 1 { "" } else { "s" })}</p>
                    <ol class="passages">{items}</ol>
                    <button type="button" on:click=move |_| pair.set(None)>"Close"</button>
                </section>
            })
        }
    };

    let strongest = {
        let corpus = corpus.clone();
        move || {
            let d = drawn.get();
            let unit = match d.opts.by {
                Together::Paragraphs => "paragraph",
                Together::Articles => "article",
            };
            d.graph
                .edges
                .iter()
                .take(LISTED_PAIRS)
                .map(|e| {
                    let (a, b) = (d.graph.nodes[e.a].entity, d.graph.nodes[e.b].entity);
                    let label = format!("{} and {}", corpus.entity(a).name, corpus.entity(b).name);
                    let n = e.weight;
                    view! {
                        <li data-testid="network-pair">
                            <button type="button" class="linklike" on:click=move |_| pair.set(Some((a, b)))>{label}</button>
                            {format!(": {n} {unit}{}", if n == 1 { "" } else { "s" })}
                        </li>
                    }
                })
                .collect_view()
        }
    };

    let set = |f: fn(&mut ViewState, String)| {
        let state = state.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            state.update(|v| f(v, value));
        }
    };
    let opts_now = move || view_state.with(|v| Options::from_params(&v.network));
    let type_boxes = EntityType::ALL
        .into_iter()
        .map(|ty| {
            let state = state.clone();
            view! {
                <label class=format!("toggle type-{}", ty.key())>
                    <input type="checkbox" data-testid=format!("network-type-{}", ty.key())
                        prop:checked=move || opts_now().types.contains(&ty)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.update(|v| {
                                let mut types = Options::from_params(&v.network).types;
                                types.retain(|t| *t != ty);
                                if on { types.push(ty); }
                                v.network.types = Some(EntityType::ALL.into_iter().filter(|t| types.contains(t)).collect());
                            });
                        }/>
                    <svg class="chart-key" viewBox="-10 -10 20 20" aria-hidden="true" inner_html=marks::shape(ty, 7.0)></svg>
                    {plural(ty)}
                </label>
            }
        })
        .collect_view();

    view! {
        <section class="overview network-view" data-testid="network-view" aria-labelledby="network-heading">
            <h1 id="network-heading" class="pane-title">"Who is mentioned with whom"</h1>
            <div class="net-controls">
                <label>"Together in the same "
                    <select data-testid="network-by" on:change=set(|v, s| v.network.by = if s == "articles" { Together::Articles } else { Together::Paragraphs })>
                        <option value="paragraphs" selected=move || opts_now().by == Together::Paragraphs>"paragraph"</option>
                        <option value="articles" selected=move || opts_now().by == Together::Articles>"article"</option>
                    </select>
                </label>
                <label>"at least "
                    <input type="number" min="1" class="num" data-testid="network-min" prop:value=move || opts_now().min.to_string()
                        on:change=set(|v, s| v.network.min = s.trim().parse().ok().filter(|n: &u32| *n >= 1))/>
                    " times"
                </label>
                <label>"Entities "
                    <input type="number" min="2" max=network::MAX_NODES.to_string() class="num" data-testid="network-top"
                        prop:value=move || opts_now().top.to_string()
                        on:change=set(|v, s| v.network.top = s.trim().parse().ok().filter(|n: &u32| *n >= 1))/>
                </label>
            </div>
            <fieldset class="net-types">
                <legend class="visually-hidden">"Types drawn"</legend>
                {type_boxes}
            </fieldset>
            <p class="hint" data-testid="network-summary">{summary}</p>
            <div class="chart-box" id="network-chart" data-testid="network">
                <svg class="chart network" viewBox=format!("0 0 {NETWORK_W} {NETWORK_H}") role="group"
                    aria-label="Entities as nodes (circle: person, square: organisation, triangle: place, diamond: group, hexagon: date), joined when mentioned together; the strongest pairs are listed below"
                    on:click=on_click on:keydown=on_key on:mouseover=move |ev| on_hover(ev.into())
                    on:focusin=move |ev| on_hover(ev.into()) inner_html=move || markup.get()></svg>
                <Show when=move || drawn.with(|d| d.graph.nodes.is_empty())>
                    <p class="empty" role="status" data-testid="network-empty">
                        "No two of these entities are together often enough. Lower “at least”, count articles instead of paragraphs, or draw more types or entities."
                    </p>
                </Show>
            </div>
            {info}
            {passages}
            <h2 class="panel-subtitle">"Strongest pairs"</h2>
            <ol class="pairs" data-testid="network-pairs">{strongest}</ol>
            <Downloads selector="#network-chart" name="entiscope-network"/>
        </section>
    }
}
