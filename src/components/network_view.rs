//! The co-occurrence network: entities of the matching articles as nodes
//! (sized by articles, coloured and shaped by type), edges weighted by the
//! paragraphs or articles two entities share. Guardrails (minimum shared
//! count, top N, types, paragraphs or articles) live in the URL. A node click
//! (or Enter/Space) filters by its entity, `o` opens its page; an edge click
//! shows the passages behind it. The graph and its layout come from
//! `entiscope_core::overview::network`, the marks from `overview::svg`; the
//! strongest pairs are also listed as text.

use crate::components::overview_parts::{
    downloads, mark_click, mark_key, nav_link, track_focus, w, Focus, Parts,
};
use crate::components::types::{articles, plural, singular};
use crate::overview::{attr_u32, closest};
use crate::state::{AppState, Corpus};
use entiscope_core::extract::EntityType;
use entiscope_core::index::DocSet;
use entiscope_core::overview::network::{self, Graph, Options, Point, MAX_NODES};
use entiscope_core::overview::svg::{self as marks, Esc, NodeText, NETWORK_H, NETWORK_W};
use entiscope_core::url_state::{Together, ViewState};
use leptos::prelude::*;
use std::fmt::Write as _;
use wasm_bindgen::JsCast;

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

/// Heading, guardrails and the chart.
fn top(corpus: &Corpus, d: &Drawn, pair: Option<(u32, u32)>, include: &[String]) -> String {
    let articles_by = d.opts.by == Together::Articles;
    let mut m = String::new();
    w!(
        m,
        r#"<h1 class="pane-title">Who is mentioned with whom</h1><div class="net-controls"><label>Together in the same <select data-ctl="by" data-testid="network-by"><option value="paragraphs"{}>paragraph</option><option value="articles"{}>article</option></select></label><label>at least <input type="number" class="num" data-ctl="min" data-testid="network-min" min="1" max="{MAX_NODES}" value="{}"> times</label><label>Entities <input type="number" class="num" data-ctl="top" data-testid="network-top" min="2" max="{MAX_NODES}" value="{}"></label></div><fieldset class="net-types"><legend class="visually-hidden">Types drawn</legend>"#,
        if articles_by { "" } else { " selected" },
        if articles_by { " selected" } else { "" },
        d.opts.min,
        d.opts.top
    );
    for ty in EntityType::ALL {
        w!(
            m,
            r#"<label class="toggle type-{ty}"><input type="checkbox" data-ctl="type" data-type="{ty}" data-testid="network-type-{ty}"{}><svg class="chart-key" viewBox="-10 -10 20 20" aria-hidden="true">{}</svg>{}</label>"#,
            if d.opts.types.contains(ty) {
                " checked"
            } else {
                ""
            },
            marks::shape(ty, 7.0),
            plural(ty),
            ty = ty.key()
        );
    }
    let shown = d.graph.edges.len();
    w!(
        m,
        r#"</fieldset><p class="hint" data-testid="network-summary">{} entities and {shown} pairs drawn: of the {} entities in the matching articles, the {} in most articles; pairs together in at least {} {}s"#,
        d.graph.nodes.len(),
        d.graph.candidates,
        d.opts.top.min(d.graph.candidates),
        d.opts.min,
        if articles_by { "article" } else { "paragraph" }
    );
    if d.graph.pairs > shown {
        w!(m, " (the strongest {shown} of {})", d.graph.pairs);
    }
    m.push_str(".</p>");
    let owned: Vec<(String, String)> = d
        .graph
        .nodes
        .iter()
        .map(|n| {
            let e = corpus.entity(n.entity);
            let also = e.also_known_as("; also ", "");
            (
                corpus.index.key(n.entity),
                format!(
                    "{} ({}, {}){also}",
                    e.name,
                    singular(e.ty),
                    articles(n.articles)
                ),
            )
        })
        .collect();
    let texts: Vec<NodeText> = d
        .graph
        .nodes
        .iter()
        .zip(&owned)
        .map(|(n, (key, title))| {
            let e = corpus.entity(n.entity);
            NodeText {
                id: &e.id,
                key,
                ty: e.ty,
                name: &e.name,
                title,
                included: include.contains(key),
            }
        })
        .collect();
    w!(
        m,
        r#"<div class="chart-box" id="network-chart" data-testid="network"><svg class="chart network" viewBox="0 0 {NETWORK_W} {NETWORK_H}" role="group" aria-label="Entities as nodes (circle: person, square: organisation, triangle: place, diamond: group, hexagon: date), joined when mentioned together; the strongest pairs are listed below">{}</svg>"#,
        marks::network(&d.graph, &d.pos, &texts, pair)
    );
    if d.graph.nodes.is_empty() {
        m.push_str(r#"<p class="empty" role="status" data-testid="network-empty">No two of these entities are together often enough. Lower “at least”, count articles instead of paragraphs, or draw more types or entities.</p>"#);
    }
    m.push_str("</div>");
    m
}

/// The passages behind the chosen pair, the strongest pairs, downloads.
fn bottom(corpus: &Corpus, d: &Drawn, pair: Option<(u32, u32)>) -> String {
    let mut m = String::new();
    let unit = match d.opts.by {
        Together::Paragraphs => "paragraph",
        Together::Articles => "article",
    };
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
        w!(
            m,
            r#"<section class="pair-passages" data-testid="network-passages"><h2 class="panel-subtitle">{} and {}</h2><p class="hint">Together in {paragraphs} paragraph{} of {} of the matching articles.</p><ol class="passages">"#,
            Esc(&corpus.entity(a).name),
            Esc(&corpus.entity(b).name),
            if paragraphs == 1 { "" } else { "s" },
            articles(backing.len() as u32)
        );
        for x in backing {
            let doc = &corpus.docs[x.doc as usize];
            w!(
                m,
                r#"<li data-testid="network-backing" data-article-id="{}">"#,
                Esc(&doc.id)
            );
            let next = ViewState {
                article: Some(doc.id.clone()),
                at: x.paragraphs.first().map(|p| p.at),
                ..Default::default()
            };
            nav_link(&mut m, &next, &doc.meta.title, "network-open-article");
            for p in &x.paragraphs {
                let whole = doc.text.get(p.start..p.end).unwrap_or("");
                let text: String = whole.chars().take(EXCERPT).collect();
                let cut = if text.len() < whole.len() { "…" } else { "" };
                w!(
                    m,
                    r#"<blockquote class="passage-text">{}{cut}</blockquote>"#,
                    Esc(&text)
                );
            }
            m.push_str("</li>");
        }
        m.push_str(r#"</ol><button type="button" data-act="close">Close</button></section>"#);
    }
    m.push_str(r#"<h2 class="panel-subtitle">Strongest pairs</h2><ol class="pairs" data-testid="network-pairs">"#);
    for e in d.graph.edges.iter().take(LISTED_PAIRS) {
        let (a, b) = (d.graph.nodes[e.a].entity, d.graph.nodes[e.b].entity);
        w!(
            m,
            r#"<li data-testid="network-pair"><button type="button" class="linklike" data-act="pair" data-ea="{a}" data-eb="{b}">{} and {}</button>: {} {unit}{}</li>"#,
            Esc(&corpus.entity(a).name),
            Esc(&corpus.entity(b).name),
            e.weight,
            if e.weight == 1 { "" } else { "s" }
        );
    }
    m.push_str("</ol>");
    downloads(&mut m, "network-chart", "entiscope-network");
    m
}

/// The Network view's parts; hovering or focusing a node sets `focus`.
pub fn network(focus: Focus) -> Parts {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let view_state = state.view;
    let filtered = state.filtered;
    // The last graph and layout, kept while only the chosen pair changes.
    let cache = StoredValue::new(None::<Drawn>);
    // The pair whose passages are shown.
    let pair = RwSignal::new(None::<(u32, u32)>);

    let main = Signal::derive(move || {
        let (mut opts, include) =
            view_state.with(|v| (Options::from_params(&v.network), v.include.clone()));
        // A bundle keeps no mention positions: only articles can be counted.
        if corpus.is_bundle() {
            opts.by = Together::Articles;
        }
        let docs = filtered.with(|f| f.result.docs.clone());
        if !cache.with_value(|c| c.as_ref().is_some_and(|d| d.opts == opts && d.docs == docs)) {
            let graph = network::graph(&corpus.index, &corpus.overview().paragraphs, &docs, &opts);
            let keys = network::keys(&corpus.index, &graph);
            let pos = crate::overview::timed_layout(&keys, &graph.edges);
            cache.set_value(Some(Drawn {
                graph,
                pos,
                opts,
                docs,
            }));
        }
        let pair = pair.get();
        cache.with_value(|d| {
            d.as_ref()
                .map(|d| top(&corpus, d, pair, &include) + &bottom(&corpus, d, pair))
                .unwrap_or_default()
        })
    });

    let on_event = Callback::new(move |ev: web_sys::Event| match ev.type_().as_str() {
        "click" => {
            if let Some((act, el)) = crate::overview::on_act(&state, &ev) {
                match act.as_str() {
                    "pair" => pair.set(attr_u32(&el, "data-ea").zip(attr_u32(&el, "data-eb"))),
                    "close" => pair.set(None),
                    _ => {}
                }
            } else if closest(&ev, "data-e").is_some() {
                mark_click(&ev, &state);
            } else if let Some(edge) = closest(&ev, "data-ea") {
                pair.set(attr_u32(&edge, "data-ea").zip(attr_u32(&edge, "data-eb")));
            }
        }
        "keydown" => mark_key(&ev, &state, "network"),
        "mouseover" | "focusin" => track_focus(&ev, focus),
        "change" => {
            let Some(el) = closest(&ev, "data-ctl") else {
                return;
            };
            let ctl = el.get_attribute("data-ctl").unwrap_or_default();
            let input = el.dyn_ref::<web_sys::HtmlInputElement>();
            let value = input
                .map(|i| i.value())
                .or_else(|| {
                    el.dyn_ref::<web_sys::HtmlSelectElement>()
                        .map(|s| s.value())
                })
                .unwrap_or_default();
            let number = value.trim().parse::<u32>().ok().filter(|n| *n >= 1);
            let mut refocus = format!("[data-ctl={ctl}]");
            state.update(|v| match ctl.as_str() {
                "by" => {
                    v.network.by = if value == "articles" {
                        Together::Articles
                    } else {
                        Together::Paragraphs
                    }
                }
                "min" => v.network.min = number,
                "top" => v.network.top = number,
                "type" => {
                    let Some(ty) = el
                        .get_attribute("data-type")
                        .and_then(|t| EntityType::parse(&t))
                    else {
                        return;
                    };
                    refocus = format!("[data-ctl=type][data-type={}]", ty.key());
                    let on = input.is_some_and(|i| i.checked());
                    v.network.types = Some(Options::from_params(&v.network).types.with(ty, on));
                }
                _ => {}
            });
            crate::overview::refocus(refocus);
        }
        _ => {}
    });
    Parts {
        name: "network",
        main,
        on_event,
    }
}
