//! The co-occurrence network: entities of the matching articles as nodes
//! (sized by articles, coloured and shaped by type), edges weighted by the
//! paragraphs or articles two entities share. Guardrails (minimum shared
//! count, top N, types, paragraphs or articles) live in the URL. A node click
//! (or Enter/Space) filters by its entity, `o` opens its page; an edge click
//! shows the passages behind it. The graph and its layout come from
//! `entiscope_core::overview::network`; the strongest pairs are also listed
//! as text.

use crate::components::types::{articles, plural, singular};
use crate::components::{Downloads, FocusInfo};
use crate::state::AppState;
use entiscope_core::extract::EntityType;
use entiscope_core::index::DocSet;
use entiscope_core::overview::network::{self, Graph, Options, Point, ASPECT};
use entiscope_core::url_state::{Together, ViewState};
use leptos::prelude::*;

const W: f64 = 960.0;
const H: f64 = 620.0;
const PAD: f64 = 48.0;
/// Nodes named on the chart at any width; the next ones only on wide screens.
const LABELS: usize = 8;
const MINOR_LABELS: usize = 24;
/// Pairs listed as text.
const LISTED_PAIRS: usize = 12;
/// Characters of a backing paragraph shown.
const EXCERPT: usize = 320;

/// A graph with its layout.
#[derive(Clone, Debug, PartialEq)]
struct Drawn {
    graph: Graph,
    pos: Vec<Point>,
    opts: Options,
    docs: DocSet,
}

fn xy(p: Point) -> (f64, f64) {
    (
        PAD + f64::from(p[0]) / f64::from(ASPECT) * (W - 2.0 * PAD),
        PAD + f64::from(p[1]) * (H - 2.0 * PAD),
    )
}

fn r1(v: f64) -> String {
    format!("{:.1}", v)
}

/// The outline of a node of type `ty` and radius `r`, centred on the origin:
/// circle (person), square (organisation), triangle (place), diamond
/// (nationality or group), hexagon (date).
fn shape(ty: EntityType, r: f64) -> AnyView {
    let pts = |corners: &[(f64, f64)]| {
        corners
            .iter()
            .map(|(x, y)| format!("{},{}", r1(x * r), r1(y * r)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match ty {
        EntityType::Person => view! { <circle class="net-shape" r=r1(r)></circle> }.into_any(),
        EntityType::Org => {
            let s = r * 0.9;
            view! { <rect class="net-shape" x=r1(-s) y=r1(-s) width=r1(2.0 * s) height=r1(2.0 * s)></rect> }.into_any()
        }
        EntityType::Place => view! { <polygon class="net-shape" points=pts(&[(0.0, -1.2), (1.1, 0.8), (-1.1, 0.8)])></polygon> }.into_any(),
        EntityType::Norp => view! { <polygon class="net-shape" points=pts(&[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)])></polygon> }.into_any(),
        EntityType::Date => view! {
            <polygon class="net-shape" points=pts(&[(1.0, 0.0), (0.5, 0.87), (-0.5, 0.87), (-1.0, 0.0), (-0.5, -0.87), (0.5, -0.87)])></polygon>
        }
        .into_any(),
    }
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

    let edges = {
        let corpus = corpus.clone();
        move || {
            let d = drawn.get();
            let max_w = d
                .graph
                .edges
                .iter()
                .map(|e| e.weight)
                .max()
                .unwrap_or(1)
                .max(1);
            d.graph
                .edges
                .iter()
                .map(|e| {
                    let (a, b) = (d.graph.nodes[e.a].entity, d.graph.nodes[e.b].entity);
                    let ((x1, y1), (x2, y2)) = (xy(d.pos[e.a]), xy(d.pos[e.b]));
                    let width = 1.0 + 5.0 * f64::from(e.weight) / f64::from(max_w);
                    let (na, nb) = (corpus.entity(a).name.clone(), corpus.entity(b).name.clone());
                    let chosen = move || pair.get() == Some((a, b));
                    view! {
                        <g class="net-edge" class:is-selected=chosen data-a=corpus.entity(a).id.clone() data-b=corpus.entity(b).id.clone()
                            on:click=move |_| pair.set(Some((a, b)))>
                            <title>{format!("{na} and {nb}: {}", e.weight)}</title>
                            <line class="net-line" x1=r1(x1) y1=r1(y1) x2=r1(x2) y2=r1(y2) stroke-width=r1(width)></line>
                            <line class="net-hit" x1=r1(x1) y1=r1(y1) x2=r1(x2) y2=r1(y2)></line>
                        </g>
                    }
                })
                .collect_view()
        }
    };

    let nodes = {
        let (corpus, state) = (corpus.clone(), state.clone());
        move || {
            let d = drawn.get();
            let most = d.graph.nodes.first().map_or(1, |n| n.articles).max(1);
            d.graph
                .nodes
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let e = corpus.entity(n.entity).clone();
                    let key = corpus.index.key(n.entity);
                    let (x, y) = xy(d.pos[i]);
                    let r = 6.0 + 14.0 * (f64::from(n.articles) / f64::from(most)).sqrt();
                    let included = {
                        let key = key.clone();
                        move || view_state.with(|v| v.include.contains(&key))
                    };
                    let label = (i < MINOR_LABELS).then(|| {
                        let class = if i < LABELS { "net-label" } else { "net-label minor" };
                        view! { <text class=class x=r1(r + 4.0) dy="0.35em">{e.name.clone()}</text> }
                    });
                    let title = format!(
                        "{} ({}, {}){}",
                        e.name,
                        singular(e.ty),
                        articles(n.articles),
                        if e.aliases.len() > 1 { format!("; also {}", e.aliases.join(", ")) } else { String::new() }
                    );
                    let aria = format!("{}: filter by it; press O to open its page", title);
                    let (click_state, key_state, click_key, key_key) = (state.clone(), state.clone(), key.clone(), key.clone());
                    let entity = n.entity;
                    view! {
                        <g class=format!("net-node type-{}", e.ty.key()) class:is-included=included.clone()
                            transform=format!("translate({} {})", r1(x), r1(y))
                            data-entity-id=e.id.clone() data-entity-type=e.ty.key() data-entity-key=key.clone()
                            tabindex="0" role="button" aria-label=aria aria-pressed=move || included().to_string()
                            on:click=move |_| click_state.toggle_include(&click_key)
                            on:mouseenter=move |_| focused.set(Some(entity))
                            on:focus=move |_| focused.set(Some(entity))
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                                "Enter" | " " => {
                                    ev.prevent_default();
                                    key_state.toggle_include(&key_key);
                                    crate::url::refocus(format!("[data-testid=network] .net-node[data-entity-key=\"{key_key}\"]"));
                                }
                                "o" | "O" => { ev.prevent_default(); key_state.open_entity(&key_key); }
                                _ => {}
                            }>
                            <title>{title}</title>
                            {shape(e.ty, r)}
                            {label}
                        </g>
                    }
                })
                .collect_view()
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
                "{} entities and {} pairs drawn: of the {} entities in the matching articles, the {} in most articles; pairs together in at least {} {unit}",
                d.graph.nodes.len(),
                shown,
                d.graph.candidates,
                d.opts.top.min(d.graph.candidates),
                d.opts.min,
            );
            if d.graph.pairs > shown {
                s.push_str(&format!(" (the strongest {shown} of {})", d.graph.pairs));
            }
            s.push('.');
            s
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
            let (na, nb) = (corpus.entity(a).name.clone(), corpus.entity(b).name.clone());
            let paragraphs: usize = backing.iter().map(|x| x.paragraphs.len()).sum();
            let items = backing
                .into_iter()
                .map(|x| {
                    let doc = &corpus.docs[x.doc as usize];
                    let at = x.paragraphs.first().map(|p| p.at);
                    let next = ViewState { article: Some(doc.id.clone()), at, ..Default::default() };
                    let state = state.clone();
                    let go = next.clone();
                    let excerpts = x
                        .paragraphs
                        .iter()
                        .map(|p| {
                            let whole = doc.text.get(p.start..p.end).unwrap_or("");
                            let text: String = whole.chars().take(EXCERPT).collect();
                            let cut = whole.chars().count() > EXCERPT;
                            view! { <blockquote class="passage-text">{text}{cut.then_some("…")}</blockquote> }
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
                    <h2 class="panel-subtitle">{format!("{na} and {nb}")}</h2>
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
            let checked = move || opts_now().types.contains(&ty);
            view! {
                <label class=format!("toggle type-{}", ty.key())>
                    <input type="checkbox" data-testid=format!("network-type-{}", ty.key()) prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.update(|v| {
                                let mut types = Options::from_params(&v.network).types;
                                types.retain(|t| *t != ty);
                                if on { types.push(ty); }
                                v.network.types = Some(EntityType::ALL.into_iter().filter(|t| types.contains(t)).collect());
                            });
                        }/>
                    <span class="type-swatch" aria-hidden="true"></span>
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
                    <input type="number" min="1" max="99" class="num" data-testid="network-min" prop:value=move || opts_now().min.to_string()
                        on:change=set(|v, s| v.network.min = s.trim().parse().ok().filter(|n: &u32| *n >= 1))/>
                    " times"
                </label>
                <label>"Entities "
                    <input type="number" min="2" max=network::MAX_NODES.to_string() class="num" data-testid="network-top"
                        prop:value=move || opts_now().top.to_string()
                        on:change=set(|v, s| v.network.top = s.trim().parse().ok().filter(|n: &u32| *n >= 1))/>
                </label>
                <fieldset class="net-types">
                    <legend class="visually-hidden">"Types drawn"</legend>
                    {type_boxes}
                </fieldset>
            </div>
            <p class="hint" data-testid="network-summary">{summary}</p>
            <div class="chart-box" id="network-chart" data-testid="network">
                <svg class="chart network" viewBox=format!("0 0 {W} {H}") role="group"
                    aria-label="Entities as nodes, joined when mentioned together; the list of strongest pairs below says the same in words">
                    <g class="net-edges">{edges}</g>
                    <g class="net-nodes">{nodes}</g>
                </svg>
                <Show when=move || drawn.with(|d| d.graph.nodes.is_empty())>
                    <p class="empty" role="status" data-testid="network-empty">
                        "No two of these entities are together often enough. Lower “at least”, count articles instead of paragraphs, or draw more types or entities."
                    </p>
                </Show>
            </div>
            {info}
            <ul class="legend">
                {EntityType::ALL.into_iter().map(|ty| view! {
                    <li class=format!("type-{}", ty.key())>
                        <svg class="key chart-key" viewBox="-10 -10 20 20" aria-hidden="true">{shape(ty, 7.0)}</svg>
                        {plural(ty)}
                    </li>
                }).collect_view()}
            </ul>
            {passages}
            <h2 class="panel-subtitle">"Strongest pairs"</h2>
            <ol class="pairs" data-testid="network-pairs">{strongest}</ol>
            <Downloads selector="#network-chart" name="entiscope-network"/>
        </section>
    }
}
