//! The map: the places the matching articles mention, as markers sized by
//! article count on country outlines (the world, then closer frames for the
//! corpus's region), with no tile server. The outlines are a separate static
//! file fetched from the site when the map first opens. A marker click (or
//! Enter/Space) filters by the place, `o` opens its page; hovering names it
//! with its aliases. Places are also listed as text, and those without
//! coordinates beside the map. Placement is `entiscope_core::overview::map`,
//! the marks `overview::svg`.

use crate::components::overview_parts::{filter_button, focus_info};
use crate::components::types::articles;
use crate::components::Downloads;
use crate::overview::{attr_u32, closest};
use crate::state::{AppState, Corpus};
use entiscope_core::extract::EntityType;
use entiscope_core::overview::map::{self, Frame, MapData, Place, Placement};
use entiscope_core::overview::svg::{self as marks, MarkerText, Markup};
use leptos::prelude::*;
use std::rc::Rc;

/// Whether `inner`'s box lies inside `outer`'s (and is smaller).
fn inside(inner: &Frame, outer: &Frame) -> bool {
    inner.west >= outer.west
        && inner.east <= outer.east
        && inner.south >= outer.south
        && inner.north <= outer.north
        && (inner.east - inner.west) < (outer.east - outer.west)
}

/// The places of the matching articles, with their article counts.
fn places(corpus: &Corpus, docs: &entiscope_core::index::DocSet) -> Vec<Place> {
    corpus
        .index
        .entities_of_type(EntityType::Place)
        .filter_map(|e| {
            let n = corpus
                .index
                .postings(e)
                .iter()
                .filter(|p| docs.contains(p.0))
                .count() as u32;
            (n > 0).then(|| Place {
                entity: e,
                coords: corpus.entity(e).coords,
                articles: n,
            })
        })
        .collect()
}

/// Each shown frame as a captioned `<svg>`.
fn frames(corpus: &Corpus, m: &MapData, p: &Placement, include: &[String]) -> String {
    let owned: Vec<(String, String)> = p
        .markers
        .iter()
        .map(|mk| {
            let e = corpus.entity(mk.entity);
            let also: Vec<&str> = e
                .aliases
                .iter()
                .filter(|a| **a != e.name)
                .map(String::as_str)
                .collect();
            let also = if also.is_empty() {
                String::new()
            } else {
                format!(" (also {})", also.join(", "))
            };
            (
                corpus.index.key(mk.entity),
                format!("{}{also}: {}", e.name, articles(mk.articles)),
            )
        })
        .collect();
    let mut out = Markup::default();
    for &i in &p.frames {
        let Some(f) = m.frames.get(i) else { continue };
        let insets: Vec<[f64; 4]> = p
            .frames
            .iter()
            .filter(|&&j| j != i && m.frames.get(j).is_some_and(|g| inside(g, f)))
            .map(|&j| m.frames[j].rect_in(f))
            .collect();
        let markers: Vec<_> = p
            .markers
            .iter()
            .zip(&owned)
            .filter(|(mk, _)| mk.frame == i)
            .map(|(mk, (key, title))| {
                let e = corpus.entity(mk.entity);
                let included = include.contains(key);
                (
                    *mk,
                    MarkerText {
                        id: &e.id,
                        key,
                        name: &e.name,
                        title,
                        included,
                    },
                )
            })
            .collect();
        out.open("figure", &[("class", &"map-frame"), ("data-frame", &f.id)]);
        let view_box = format!("0 0 {} {}", f.width, f.height);
        let label = format!("Map: {}", f.name);
        out.open(
            "svg",
            &[
                ("class", &"chart map"),
                ("viewBox", &view_box),
                ("role", &"group"),
                ("aria-label", &label),
            ],
        );
        out.push_built(&marks::map_frame(f, &insets, &markers));
        out.close("svg");
        out.text("figcaption", &[], &f.name);
        out.close("figure");
    }
    out.finish()
}

/// The focused place, the places on the map and those without coordinates.
fn lists(
    corpus: &Corpus,
    p: &Placement,
    loaded: Option<&MapData>,
    focused: Option<u32>,
    include: &[String],
) -> String {
    let mut m = Markup::default();
    let counted = p
        .markers
        .iter()
        .map(|x| (x.entity, x.articles))
        .chain(p.unplaced.iter().map(|x| (x.entity, x.articles)));
    if let Some((e, n)) = focused.and_then(|f| counted.clone().find(|x| x.0 == f)) {
        let key = corpus.index.key(e);
        focus_info(&mut m, corpus, e, n, include.contains(&key), "map-info");
    }
    // Most articles first (the markers are grouped by frame).
    let mut on_map: Vec<(u32, u32)> = p
        .markers
        .iter()
        .map(|x| (u32::MAX - x.articles, x.entity))
        .collect();
    on_map.sort_unstable();
    m.text(
        "h2",
        &[("class", &"panel-subtitle")],
        "On the map (articles)",
    );
    m.open("ol", &[("class", &"inline-list")]);
    for (rank, e) in on_map {
        let n = u32::MAX - rank;
        m.open("li", &[]);
        filter_button(&mut m, corpus, e, &corpus.entity(e).name, "map-place");
        m.push_text(&format!(" ({n})"));
        m.close("li");
    }
    m.close("ol");
    m.text("h2", &[("class", &"panel-subtitle")], "Without coordinates");
    m.open(
        "ul",
        &[
            ("class", &"inline-list"),
            ("data-testid", &"map-unplaced-list"),
        ],
    );
    // Before the map loads, places with coordinates are not "unplaced".
    for x in p
        .unplaced
        .iter()
        .filter(|x| x.coords.is_none() || loaded.is_some())
    {
        m.open("li", &[]);
        filter_button(
            &mut m,
            corpus,
            x.entity,
            &corpus.entity(x.entity).name,
            "map-unplaced",
        );
        m.push_text(&format!(
            " ({}){}",
            x.articles,
            if x.coords.is_some() {
                ", outside the map"
            } else {
                ""
            }
        ));
        m.close("li");
    }
    m.close("ul");
    if let Some(map) = loaded {
        m.text(
            "p",
            &[("class", &"hint")],
            &format!("Outlines: {}.", map.source),
        );
    }
    m.finish()
}

/// The Map view.
#[component]
pub fn MapView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let filtered = state.filtered;
    let view_state = state.view;
    let loaded = RwSignal::new_local(None::<Result<Rc<MapData>, String>>);
    leptos::task::spawn_local(async move {
        loaded.set(Some(crate::overview::map_data().await));
    });
    let data = move || loaded.with(|l| l.as_ref().and_then(|r| r.as_ref().ok().cloned()));
    let placement = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let m = data().unwrap_or_default();
            filtered.with(|f| map::place(&m, &places(&corpus, &f.result.docs)))
        })
    };
    let focused = RwSignal::new(None::<u32>);

    let drawing = {
        let corpus = corpus.clone();
        move || {
            let include = view_state.with(|v| v.include.clone());
            match loaded.with(|l| {
                l.as_ref()
                    .map(|r| r.as_ref().map(Rc::clone).map_err(Clone::clone))
            }) {
                Some(Ok(m)) => placement.with(|p| frames(&corpus, &m, p, &include)),
                Some(Err(e)) => {
                    let mut m = Markup::default();
                    m.text(
                        "p",
                        &[
                            ("class", &"notice"),
                            ("role", &"alert"),
                            ("data-testid", &"map-error"),
                        ],
                        &format!("The map could not be loaded: {e}"),
                    );
                    m.finish()
                }
                None => "<p class=\"hint\" role=\"status\">Loading the map…</p>".to_string(),
            }
        }
    };
    let text = {
        let corpus = corpus.clone();
        move || {
            let include = view_state.with(|v| v.include.clone());
            let m = data();
            placement.with(|p| lists(&corpus, p, m.as_deref(), focused.get(), &include))
        }
    };

    let on_click = {
        let state = state.clone();
        move |ev: leptos::ev::MouseEvent| {
            if crate::overview::on_act(&state, &ev).is_none() {
                if let Some(key) = closest(&ev, "data-entity-key")
                    .filter(|el| el.get_attribute("data-act").is_none())
                    .and_then(|n| n.get_attribute("data-entity-key"))
                {
                    state.toggle_include(&key);
                }
            }
        }
    };
    let on_key = {
        let state = state.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let Some(key) = closest(&ev, "data-e").and_then(|n| n.get_attribute("data-entity-key"))
            else {
                return;
            };
            match ev.key().as_str() {
                "Enter" | " " => {
                    ev.prevent_default();
                    state.toggle_include(&key);
                    crate::url::refocus(format!("[data-testid=map] [data-entity-key=\"{key}\"]"));
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

    view! {
        <section class="overview map-view" data-testid="map-view" aria-labelledby="map-heading" on:click=on_click>
            <h1 id="map-heading" class="pane-title">"Places"</h1>
            <p class="hint">
                "Places the matching articles mention, sized by how many articles mention them. "
                "Click a place (or focus it and press Enter) to filter by it; O opens its page."
            </p>
            <div class="chart-box map-frames" id="map-chart" data-testid="map" on:keydown=on_key
                on:mouseover=move |ev| on_hover(ev.into()) on:focusin=move |ev| on_hover(ev.into())
                inner_html=drawing></div>
            <div class="map-lists" inner_html=text></div>
            <Downloads selector="#map-chart" name="entiscope-map"/>
        </section>
    }
}
