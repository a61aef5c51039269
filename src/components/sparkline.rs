//! An entity's sparkline: how many articles mention it, per bin of the
//! corpus's timeline (placed by publication date and by the dates they
//! mention), on the entity page, with a link to the full timeline.

use crate::components::types::articles;
use crate::state::AppState;
use entiscope_core::index::DocSet;
use entiscope_core::url_state::{Pane, ViewState};
use leptos::prelude::*;

const W: f64 = 240.0;
const H: f64 = 36.0;

/// The sparkline of entity `entity`.
#[component]
pub fn Sparkline(
    /// The entity's number.
    entity: u32,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let dates = &corpus.overview().dates;
    let Some(bins) = dates.bins() else {
        return view! { <span class="hint">"No article of this corpus has a date."</span> }
            .into_any();
    };
    let all = DocSet::full(corpus.index.doc_count());
    let series = dates.series(&bins, &all, &corpus.index, entity);
    let peak = series.iter().copied().max().unwrap_or(0);
    if peak == 0 {
        return view! { <span class="hint" data-testid="sparkline-none">"No dated article mentions it."</span> }.into_any();
    }
    let bw = W / bins.count as f64;
    let said: Vec<String> = series
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, &n)| format!("{}: {}", bins.label(i), articles(n)))
        .collect();
    let bars = series
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, &n)| {
            let h = (H - 2.0) * f64::from(n) / f64::from(peak);
            view! {
                <rect x=format!("{:.1}", i as f64 * bw + bw * 0.1) y=format!("{:.1}", H - h)
                    width=format!("{:.1}", (bw * 0.8).max(1.0)) height=format!("{:.1}", h)></rect>
            }
        })
        .collect_view();
    let key = corpus.index.key(entity);
    let next = ViewState {
        include: vec![key],
        pane: Pane::Timeline,
        ..Default::default()
    };
    let go = next.clone();
    view! {
        <span class="sparkline" data-testid="sparkline">
            <svg class="chart spark" viewBox=format!("0 0 {W} {H}") role="img"
                aria-label=format!("Articles mentioning it by date: {}", said.join("; "))>
                <line x1="0" x2=W.to_string() y1=format!("{H}") y2=format!("{H}")></line>
                {bars}
            </svg>
            <span class="card-meta">
                {format!("{} to {} · ", bins.label(0), bins.label(bins.count - 1))}
                <a href=next.to_query() on:click=move |ev| { ev.prevent_default(); state.navigate(go.clone()); }>"on the timeline"</a>
            </span>
        </span>
    }
    .into_any()
}
