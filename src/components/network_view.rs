//! The co-occurrence network: entities of the matching articles as nodes
//! (sized by articles, coloured and shaped by type), edges weighted by the
//! paragraphs or articles two entities share. Guardrails (minimum shared
//! count, top N, types, paragraphs or articles) live in the URL. A node click
//! (or Enter/Space) filters by its entity, `o` opens its page; an edge click
//! shows the passages behind it. The graph and its layout come from
//! `entiscope_core::overview::network`, the marks from `overview::svg`; the
//! strongest pairs are also listed as text.

use crate::components::overview_parts::{focus_info, nav_link};
use crate::components::types::{articles, plural, singular};
use crate::components::Downloads;
use crate::overview::{attr_u32, closest};
use crate::state::{AppState, Corpus};
use entiscope_core::extract::EntityType;
use entiscope_core::index::DocSet;
use entiscope_core::overview::network::{self, Graph, Options, Point};
use entiscope_core::overview::svg::{self as marks, Markup, NodeText, NETWORK_H, NETWORK_W};
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
        move || {
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
        }
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

    let extras = {
        let corpus = corpus.clone();
        move || {
            let include = view_state.with(|v| v.include.clone());
            drawn.with(|d| extras(&corpus, d, focused.get(), pair.get(), &include))
        }
    };
    let on_panel = {
        let state = state.clone();
        move |ev: leptos::ev::MouseEvent| {
            if let Some((act, el)) = crate::overview::on_act(&state, &ev) {
                match act.as_str() {
                    "pair" => pair.set(attr_u32(&el, "data-ea").zip(attr_u32(&el, "data-eb"))),
                    "close" => pair.set(None),
                    _ => {}
                }
            }
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
            <div class="chart-box" id="network-chart" data-testid="network">
                <svg class="chart network" viewBox=format!("0 0 {NETWORK_W} {NETWORK_H}") role="group"
                    aria-label="Entities as nodes (circle: person, square: organisation, triangle: place, diamond: group, hexagon: date), joined when mentioned together; the strongest pairs are listed below"
                    on:click=on_click on:keydown=on_key on:mouseover=move |ev| on_hover(ev.into())
                    on:focusin=move |ev| on_hover(ev.into()) inner_html=markup></svg>
            </div>
            <div on:click=on_panel inner_html=extras></div>
            <Downloads selector="#network-chart" name="entiscope-network"/>
        </section>
    }
}

/// The summary, the focused node, the passages behind the chosen pair and
/// the strongest pairs as text.
fn extras(
    corpus: &Corpus,
    d: &Drawn,
    focused: Option<u32>,
    pair: Option<(u32, u32)>,
    include: &[String],
) -> String {
    let mut m = Markup::default();
    let unit = match d.opts.by {
        Together::Paragraphs => "paragraph",
        Together::Articles => "article",
    };
    let shown = d.graph.edges.len();
    let mut summary = format!(
        "{} entities and {shown} pairs drawn: of the {} entities in the matching articles, the {} in most articles; pairs together in at least {} {unit}s",
        d.graph.nodes.len(),
        d.graph.candidates,
        d.opts.top.min(d.graph.candidates),
        d.opts.min,
    );
    if d.graph.pairs > shown {
        summary.push_str(&format!(" (the strongest {shown} of {})", d.graph.pairs));
    }
    summary.push('.');
    m.text(
        "p",
        &[("class", &"hint"), ("data-testid", &"network-summary")],
        &summary,
    );
    if d.graph.nodes.is_empty() {
        m.text(
            "p",
            &[("class", &"empty"), ("role", &"status"), ("data-testid", &"network-empty")],
            "No two of these entities are together often enough. Lower “at least”, count articles instead of paragraphs, or draw more types or entities.",
        );
    }
    if let Some(n) = focused.and_then(|e| d.graph.nodes.iter().find(|n| n.entity == e)) {
        let key = corpus.index.key(n.entity);
        focus_info(
            &mut m,
            corpus,
            n.entity,
            n.articles,
            include.contains(&key),
            "network-info",
        );
    }
    if let Some((a, b)) = pair {
        let backing = network::backing(
            &corpus.index,
            &corpus.overview().paragraphs,
            &d.docs,
            a,
            b,
            d.opts.by,
        );
        let paragraphs: usize = backing.iter().map(|x| x.paragraphs.len()).sum();
        m.open(
            "section",
            &[
                ("class", &"pair-passages"),
                ("data-testid", &"network-passages"),
            ],
        );
        m.text(
            "h2",
            &[("class", &"panel-subtitle")],
            &format!("{} and {}", corpus.entity(a).name, corpus.entity(b).name),
        );
        let count = format!(
            "Together in {paragraphs} paragraph{} of the matching articles.",
            if paragraphs == 1 { "" } else { "s" }
        );
        m.text("p", &[("class", &"hint")], &count);
        m.open("ol", &[("class", &"passages")]);
        for x in backing {
            let doc = &corpus.docs[x.doc as usize];
            m.open(
                "li",
                &[
                    ("data-testid", &"network-backing"),
                    ("data-article-id", &doc.id),
                ],
            );
            let next = ViewState {
                article: Some(doc.id.clone()),
                at: x.paragraphs.first().map(|p| p.at),
                ..Default::default()
            };
            nav_link(&mut m, &next, &doc.meta.title, "network-open-article");
            for p in &x.paragraphs {
                let whole = doc.text.get(p.start..p.end).unwrap_or("");
                let mut text: String = whole.chars().take(EXCERPT).collect();
                if text.len() < whole.len() {
                    text.push('…');
                }
                m.text("blockquote", &[("class", &"passage-text")], &text);
            }
            m.close("li");
        }
        m.close("ol");
        m.text(
            "button",
            &[("type", &"button"), ("data-act", &"close")],
            "Close",
        );
        m.close("section");
    }
    m.text("h2", &[("class", &"panel-subtitle")], "Strongest pairs");
    m.open(
        "ol",
        &[("class", &"pairs"), ("data-testid", &"network-pairs")],
    );
    for e in d.graph.edges.iter().take(LISTED_PAIRS) {
        let (a, b) = (d.graph.nodes[e.a].entity, d.graph.nodes[e.b].entity);
        m.open("li", &[("data-testid", &"network-pair")]);
        let label = format!("{} and {}", corpus.entity(a).name, corpus.entity(b).name);
        m.text(
            "button",
            &[
                ("type", &"button"),
                ("class", &"linklike"),
                ("data-act", &"pair"),
                ("data-ea", &a),
                ("data-eb", &b),
            ],
            &label,
        );
        m.push_text(&format!(
            ": {} {unit}{}",
            e.weight,
            if e.weight == 1 { "" } else { "s" }
        ));
        m.close("li");
    }
    m.close("ol");
    m.finish()
}
