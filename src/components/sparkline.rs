//! An entity's sparkline: how many articles mention it, per bin of the
//! corpus's timeline (placed by publication date and by the dates they
//! mention), on the entity page, with a link to the full timeline.

use crate::components::types::articles;
use crate::state::AppState;
use entiscope_core::index::DocSet;
use entiscope_core::overview::svg::{sparkline, SPARK_H, SPARK_W};
use entiscope_core::url_state::{Pane, ViewState};
use leptos::prelude::*;

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
    let said: Vec<String> = series
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, &n)| format!("{}: {}", bins.label(i), articles(n)))
        .collect();
    let key = corpus.index.key(entity);
    let next = ViewState {
        include: vec![key],
        pane: Pane::Timeline,
        ..Default::default()
    };
    let go = next.clone();
    view! {
        <span class="sparkline" data-testid="sparkline">
            <svg class="chart spark" viewBox=format!("0 0 {SPARK_W} {SPARK_H}") role="img"
                aria-label=format!("Articles mentioning it by date: {}", said.join("; ")) inner_html=sparkline(&series)></svg>
            <span class="card-meta">
                {format!("{} to {} · ", bins.label(0), bins.label(bins.count - 1))}
                <a href=next.to_query() on:click=move |ev| { ev.prevent_default(); state.navigate(go.clone()); }>"on the timeline"</a>
            </span>
        </span>
    }
    .into_any()
}
