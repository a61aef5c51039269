//! The map: the places the matching articles mention, as markers sized by
//! article count on country outlines (the world, then closer frames for the
//! corpus's region), with no tile server. The outlines are a separate static
//! file fetched from the site when the map first opens. A marker click (or
//! Enter/Space) filters by the place, `o` opens its page; hovering names it
//! with its aliases. Places are also listed as text, and those without
//! coordinates beside the map. Placement is `entiscope_core::overview::map`.

use crate::components::types::articles;
use crate::components::{Downloads, FocusInfo};
use crate::state::AppState;
use entiscope_core::extract::EntityType;
use entiscope_core::overview::map::{self, Frame, MapData, Place, Placement};
use leptos::prelude::*;
use std::rc::Rc;

/// Markers named on the drawing, per frame (the largest).
const LABELS: usize = 6;

fn r1(v: f64) -> String {
    format!("{:.1}", v)
}

/// Whether `inner`'s box lies inside `outer`'s (and is smaller).
fn inside(inner: &Frame, outer: &Frame) -> bool {
    inner.west >= outer.west
        && inner.east <= outer.east
        && inner.south >= outer.south
        && inner.north <= outer.north
        && (inner.east - inner.west) < (outer.east - outer.west)
}

/// The Map view.
#[component]
pub fn MapView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let filtered = state.filtered;
    let loaded = RwSignal::new_local(None::<Result<Rc<MapData>, String>>);
    leptos::task::spawn_local(async move {
        loaded.set(Some(crate::overview::map_data().await));
    });

    let places = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            filtered.with(|f| {
                corpus
                    .index
                    .entities_of_type(EntityType::Place)
                    .filter_map(|e| {
                        let n = corpus
                            .index
                            .postings(e)
                            .iter()
                            .filter(|p| f.result.docs.contains(p.0))
                            .count() as u32;
                        (n > 0).then(|| Place {
                            entity: e,
                            coords: corpus.entity(e).coords,
                            articles: n,
                        })
                    })
                    .collect::<Vec<Place>>()
            })
        })
    };
    let data = move || loaded.with(|l| l.as_ref().and_then(|r| r.as_ref().ok().cloned()));
    let placement = Memo::new(move |_| {
        let empty = MapData::default();
        let m = data();
        places.with(|p| map::place(m.as_deref().unwrap_or(&empty), p))
    });
    let shown = Memo::new(move |_| placement.with(|p| p.frames.clone()));
    let focused = RwSignal::new(None::<u32>);

    let markers = {
        let (corpus, state) = (corpus.clone(), state.clone());
        move |frame: usize| {
            let (corpus, state) = (corpus.clone(), state.clone());
            move || {
                let p: Placement = placement.get();
                let mut labelled = 0;
                p.markers
                    .iter()
                    .filter(|m| m.frame == frame)
                    .map(|m| {
                        let e = corpus.entity(m.entity).clone();
                        let key = corpus.index.key(m.entity);
                        let also: Vec<&str> = e.aliases.iter().filter(|a| **a != e.name).map(String::as_str).collect();
                        let title = format!(
                            "{}{}: {}",
                            e.name,
                            if also.is_empty() { String::new() } else { format!(" (also {})", also.join(", ")) },
                            articles(m.articles)
                        );
                        let aria = format!("{title}; filter by it, or press O to open its page");
                        let included = {
                            let key = key.clone();
                            move || state.view.with(|v| v.include.contains(&key))
                        };
                        labelled += 1;
                        let label = (labelled <= LABELS).then(|| view! {
                            <text class="map-label" x=r1(m.x + m.r + 3.0) y=r1(m.y) dy="0.35em">{e.name.clone()}</text>
                        });
                        let (s1, s2, k1, k2) = (state.clone(), state.clone(), key.clone(), key.clone());
                        let entity = m.entity;
                        view! {
                            <g class="map-marker" class:is-included=included.clone() data-entity-id=e.id.clone() data-entity-key=key.clone()
                                tabindex="0" role="button" aria-label=aria aria-pressed=move || included().to_string()
                                on:click=move |_| s1.toggle_include(&k1)
                                on:mouseenter=move |_| focused.set(Some(entity))
                                on:focus=move |_| focused.set(Some(entity))
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                                    "Enter" | " " => {
                                        ev.prevent_default();
                                        s2.toggle_include(&k2);
                                        crate::url::refocus(format!("[data-testid=map] .map-marker[data-entity-key=\"{k2}\"]"));
                                    }
                                    "o" | "O" => { ev.prevent_default(); s2.open_entity(&k2); }
                                    _ => {}
                                }>
                                <title>{title}</title>
                                <circle cx=r1(m.x) cy=r1(m.y) r=r1(m.r)></circle>
                                {label}
                            </g>
                        }
                    })
                    .collect_view()
            }
        }
    };

    let frames = move || {
        let Some(m) = data() else {
            return loaded.with(|l| match l {
                Some(Err(e)) => view! { <p class="notice" role="alert" data-testid="map-error">"The map could not be loaded: " {e.clone()}</p> }.into_any(),
                _ => view! { <p class="hint" role="status">"Loading the map…"</p> }.into_any(),
            });
        };
        shown
            .get()
            .into_iter()
            .filter_map(|i| {
                let f = m.frames.get(i)?.clone();
                let insets = shown
                    .get_untracked()
                    .into_iter()
                    .filter(|&j| j != i && m.frames.get(j).is_some_and(|g| inside(g, &f)))
                    .map(|j| {
                        let [x, y, w, h] = m.frames[j].rect_in(&f);
                        view! { <rect class="map-inset" x=r1(x) y=r1(y) width=r1(w) height=r1(h)></rect> }
                    })
                    .collect_view();
                let land = f
                    .shapes
                    .iter()
                    .map(|s| view! { <path d=s.d.clone()></path> })
                    .collect_view();
                Some(view! {
                    <figure class="map-frame" data-frame=f.id.clone()>
                        <svg class="chart map" viewBox=format!("0 0 {} {}", f.width, f.height) role="group"
                            aria-label=format!("Map: {}", f.name)>
                            <rect class="map-sea" width=f.width.to_string() height=f.height.to_string()></rect>
                            <g class="map-land" aria-hidden="true">{land}</g>
                            {insets}
                            <g class="map-markers">{markers(i)}</g>
                        </svg>
                        <figcaption>{f.name.clone()}</figcaption>
                    </figure>
                })
            })
            .collect_view()
            .into_any()
    };

    let info = move || {
        let e = focused.get()?;
        let n = places.with(|p| p.iter().find(|x| x.entity == e).map(|x| x.articles))?;
        Some(view! { <FocusInfo entity=e count=n testid="map-info"/> })
    };

    let list = {
        let (corpus, state) = (corpus.clone(), state.clone());
        move |on_map: bool| {
            let (corpus, state) = (corpus.clone(), state.clone());
            move || {
                let p = placement.get();
                let loaded = data().is_some();
                let entries: Vec<(u32, u32, bool)> = if on_map {
                    let mut v: Vec<(u32, u32, bool)> = p
                        .markers
                        .iter()
                        .map(|m| (m.entity, m.articles, true))
                        .collect();
                    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    v
                } else {
                    p.unplaced
                        .iter()
                        .map(|x| (x.entity, x.articles, x.coords.is_some()))
                        .collect()
                };
                entries
                    .into_iter()
                    .filter(|&(_, _, has)| on_map || !has || loaded)
                    .map(|(e, n, has)| {
                        let entity = corpus.entity(e);
                        let key = corpus.index.key(e);
                        let state = state.clone();
                        let why = (!on_map && has).then_some(" · outside the map");
                        view! {
                            <li>
                                <button type="button" class="linklike" data-testid=if on_map { "map-place" } else { "map-unplaced" }
                                    data-entity-id=entity.id.clone() title=entity.aliases.join(" · ")
                                    on:click=move |_| state.toggle_include(&key)>{entity.name.clone()}</button>
                                {format!(" ({n})")}{why}
                            </li>
                        }
                    })
                    .collect_view()
            }
        }
    };

    view! {
        <section class="overview map-view" data-testid="map-view" aria-labelledby="map-heading">
            <h1 id="map-heading" class="pane-title">"Places"</h1>
            <p class="hint">
                "Places the matching articles mention, sized by how many articles mention them. "
                "Click a place (or focus it and press Enter) to filter by it; O opens its page."
            </p>
            <div class="chart-box map-frames" id="map-chart" data-testid="map">{frames}</div>
            {info}
            <div class="map-lists">
                <section aria-labelledby="map-on">
                    <h2 id="map-on" class="panel-subtitle">"On the map (articles)"</h2>
                    <ol class="inline-list">{list(true)}</ol>
                </section>
                <section aria-labelledby="map-off">
                    <h2 id="map-off" class="panel-subtitle">"Without coordinates"</h2>
                    <ul class="inline-list" data-testid="map-unplaced-list">{list(false)}</ul>
                </section>
            </div>
            <p class="hint">{move || data().map(|m| format!("Outlines: {}.", m.source))}</p>
            <Downloads selector="#map-chart" name="entiscope-map"/>
        </section>
    }
}
