//! The map: the places the matching articles mention, as markers sized by
//! article count on country outlines (the world, then closer frames for the
//! corpus's region), with no tile server. The outlines are a separate static
//! file fetched from the site when the map first opens. A marker click (or
//! Enter/Space) filters by the place, `o` opens its page; hovering names it
//! with its aliases. Places are also listed as text, and those without
//! coordinates beside the map. Placement is `entiscope_core::overview::map`,
//! the marks `overview::svg`.

use crate::components::overview_parts::{
    downloads, filter_button, mark_click, mark_key, track_focus, w, Focus, Parts,
};
use crate::components::types::articles;
use crate::state::{AppState, Corpus};
use entiscope_core::extract::EntityType;
use entiscope_core::overview::map::{self, Frame, MapData, Place, Placement};
use entiscope_core::overview::svg::{self as marks, Esc, MarkerText, N};
use leptos::prelude::*;
use std::fmt::Write as _;
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
            let also = e.also_known_as(" (also ", ")");
            (
                corpus.index.key(mk.entity),
                format!("{}{also}: {}", e.name, articles(mk.articles)),
            )
        })
        .collect();
    let mut out = String::new();
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
        w!(
            out,
            r#"<figure class="map-frame" data-frame="{}"><svg class="chart map" viewBox="0 0 {} {}" role="group" aria-label="Map: {name}">{}</svg><figcaption>{name}</figcaption></figure>"#,
            Esc(&f.id),
            N(f.width),
            N(f.height),
            marks::map_frame(f, &insets, &markers),
            name = Esc(&f.name)
        );
    }
    out
}

/// The places on the map and those without coordinates, downloads.
fn lists(corpus: &Corpus, p: &Placement, loaded: Option<&MapData>) -> String {
    // Most articles first (the markers are grouped by frame).
    let mut on_map: Vec<(u32, u32)> = p
        .markers
        .iter()
        .map(|x| (u32::MAX - x.articles, x.entity))
        .collect();
    on_map.sort_unstable();
    let mut m = String::from(
        r#"<h2 class="panel-subtitle">On the map (articles)</h2><ol class="inline-list">"#,
    );
    for (rank, e) in on_map {
        m.push_str("<li>");
        filter_button(&mut m, corpus, e, &corpus.entity(e).name, "map-place");
        w!(m, " ({})</li>", u32::MAX - rank);
    }
    m.push_str(r#"</ol><h2 class="panel-subtitle">Without coordinates</h2><ul class="inline-list" data-testid="map-unplaced-list">"#);
    // Before the map loads, places with coordinates are not "unplaced".
    for x in p
        .unplaced
        .iter()
        .filter(|x| x.coords.is_none() || loaded.is_some())
    {
        m.push_str("<li>");
        filter_button(
            &mut m,
            corpus,
            x.entity,
            &corpus.entity(x.entity).name,
            "map-unplaced",
        );
        w!(
            m,
            " ({}){}</li>",
            x.articles,
            if x.coords.is_some() {
                ", outside the map"
            } else {
                ""
            }
        );
    }
    m.push_str("</ul>");
    if let Some(map) = loaded {
        w!(m, r#"<p class="hint">Outlines: {}.</p>"#, Esc(&map.source));
    }
    downloads(&mut m, "map-chart", "entiscope-map");
    m
}

/// The Map view's parts; hovering or focusing a marker sets `focus`.
pub fn map(focus: Focus) -> Parts {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let filtered = state.filtered;
    let view_state = state.view;
    let loaded = RwSignal::new_local(None::<Result<Rc<MapData>, String>>);
    leptos::task::spawn_local(async move {
        loaded.set(Some(crate::overview::map_data().await));
    });

    let main = Signal::derive(move || {
        let include = view_state.with(|v| v.include.clone());
        let map = loaded.with(|l| {
            l.as_ref()
                .map(|r| r.as_ref().map(Rc::clone).map_err(Clone::clone))
        });
        let ok = map.as_ref().and_then(|m| m.as_ref().ok());
        let empty = MapData::default();
        let placement = filtered.with(|f| {
            map::place(
                ok.map_or(&empty, |m| &**m),
                &places(&corpus, &f.result.docs),
            )
        });
        let mut m = String::from(
            r#"<h1 class="pane-title">Places</h1><p class="hint">Places the matching articles mention, sized by how many articles mention them. Click a place (or focus it and press Enter) to filter by it; O opens its page.</p><div class="chart-box map-frames" id="map-chart" data-testid="map">"#,
        );
        match &map {
            Some(Ok(map)) => m.push_str(&frames(&corpus, map, &placement, &include)),
            Some(Err(e)) => {
                w!(
                    m,
                    r#"<p class="notice" role="alert" data-testid="map-error">The map could not be loaded: {}</p>"#,
                    Esc(e)
                );
            }
            None => m.push_str(r#"<p class="hint" role="status">Loading the map…</p>"#),
        }
        m.push_str("</div>");
        m + &lists(&corpus, &placement, ok.map(|m| &**m))
    });

    let on_event = Callback::new(move |ev: web_sys::Event| match ev.type_().as_str() {
        // Acts of the text panels first; else a marker.
        "click" if crate::overview::on_act(&state, &ev).is_none() => mark_click(&ev, &state),
        "keydown" => mark_key(&ev, &state, "map"),
        "mouseover" | "focusin" => track_focus(&ev, focus),
        _ => {}
    });
    Parts {
        name: "map",
        main,
        on_event,
    }
}
