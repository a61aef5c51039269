//! The map: the places the matching articles mention, as markers sized by
//! article count on country outlines (the world, then closer frames for the
//! corpus's region), with no tile server. The outlines are a separate static
//! file fetched from the site when the map first opens. A marker click (or
//! Enter/Space) filters by the place, `o` opens its page; hovering names it
//! with its aliases. Places are also listed as text, and those without
//! coordinates beside the map. Placement is `entiscope_core::overview::map`,
//! the marks `overview::svg`.

use crate::components::types::articles;
use crate::components::{Downloads, FocusInfo};
use crate::overview::{attr_u32, closest};
use crate::state::AppState;
use entiscope_core::extract::EntityType;
use entiscope_core::overview::map::{self, Frame, MapData, Place};
use entiscope_core::overview::svg::{self as marks, MarkerText};
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
        let m = data().unwrap_or_default();
        places.with(|p| map::place(&m, p))
    });
    let focused = RwSignal::new(None::<u32>);

    let frames = {
        let corpus = corpus.clone();
        move || {
            let Some(m) = data() else {
                return loaded.with(|l| match l {
                    Some(Err(e)) => view! { <p class="notice" role="alert" data-testid="map-error">"The map could not be loaded: " {e.clone()}</p> }.into_any(),
                    _ => view! { <p class="hint" role="status">"Loading the map…"</p> }.into_any(),
                });
            };
            let p = placement.get();
            let include = state.view.with(|v| v.include.clone());
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
                    let title = format!(
                        "{}{}: {}",
                        e.name,
                        if also.is_empty() {
                            String::new()
                        } else {
                            format!(" (also {})", also.join(", "))
                        },
                        articles(mk.articles)
                    );
                    (corpus.index.key(mk.entity), title)
                })
                .collect();
            p.frames
                .iter()
                .filter_map(|&i| {
                    let f = m.frames.get(i)?;
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
                            (*mk, MarkerText { id: &e.id, key, name: &e.name, title, included: include.contains(key) })
                        })
                        .collect();
                    let markup = marks::map_frame(f, &insets, &markers);
                    Some(view! {
                        <figure class="map-frame" data-frame=f.id.clone()>
                            <svg class="chart map" viewBox=format!("0 0 {} {}", f.width, f.height) role="group"
                                aria-label=format!("Map: {}", f.name) inner_html=markup></svg>
                            <figcaption>{f.name.clone()}</figcaption>
                        </figure>
                    })
                })
                .collect_view()
                .into_any()
        }
    };

    let on_click = {
        let state = state.clone();
        move |ev: leptos::ev::MouseEvent| {
            if let Some(key) =
                closest(&ev, "data-entity-key").and_then(|n| n.get_attribute("data-entity-key"))
            {
                state.toggle_include(&key);
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
                let mut entries: Vec<(u32, u32, bool)> = if on_map {
                    p.markers
                        .iter()
                        .map(|m| (m.entity, m.articles, true))
                        .collect()
                } else {
                    p.unplaced
                        .iter()
                        .map(|x| (x.entity, x.articles, x.coords.is_some()))
                        .collect()
                };
                entries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                entries
                    .into_iter()
                    // Before the map loads, places with coordinates are not "unplaced".
                    .filter(|&(_, _, has)| on_map || !has || loaded)
                    .map(|(e, n, has)| {
                        let entity = corpus.entity(e);
                        let (state, key) = (state.clone(), corpus.index.key(e));
                        view! {
                            <li>
                                <button type="button" class="linklike" data-testid=if on_map { "map-place" } else { "map-unplaced" }
                                    data-entity-id=entity.id.clone() title=entity.aliases.join(" · ")
                                    on:click=move |_| state.toggle_include(&key)>{entity.name.clone()}</button>
                                {format!(" ({n}){}", if !on_map && has { ", outside the map" } else { "" })}
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
            <div class="chart-box map-frames" id="map-chart" data-testid="map"
                on:click=on_click on:keydown=on_key on:mouseover=move |ev| on_hover(ev.into())
                on:focusin=move |ev| on_hover(ev.into())>{frames}</div>
            {info}
            <div class="map-lists">
                <h2 class="panel-subtitle">"On the map (articles)"</h2>
                <ol class="inline-list">{list(true)}</ol>
                <h2 class="panel-subtitle">"Without coordinates"</h2>
                <ul class="inline-list" data-testid="map-unplaced-list">{list(false)}</ul>
            </div>
            <p class="hint">{move || data().map(|m| format!("Outlines: {}.", m.source))}</p>
            <Downloads selector="#map-chart" name="entiscope-map"/>
        </section>
    }
}
