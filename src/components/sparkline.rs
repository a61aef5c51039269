//! An entity's sparkline: how many articles mention it, per bin of the
//! corpus's timeline (placed by publication date and by the dates they
//! mention), on the entity page, with a link to the full timeline.

use crate::components::overview_parts::{nav_link, w};
use crate::components::types::articles;
use crate::state::{AppState, Corpus};
use entiscope_core::index::DocSet;
use entiscope_core::overview::svg::{sparkline, Esc, SPARK_H, SPARK_W};
use entiscope_core::url_state::{Pane, ViewState};
use leptos::prelude::*;
use std::fmt::Write as _;

/// The sparkline's markup, or why there is none.
fn markup(corpus: &Corpus, entity: u32) -> String {
    let dates = &corpus.overview().dates;
    let Some(bins) = dates.bins() else {
        return r#"<span class="hint">No article of this corpus has a date.</span>"#.to_string();
    };
    let series = dates.series(
        &bins,
        &DocSet::full(corpus.index.doc_count()),
        &corpus.index,
        entity,
    );
    let said: Vec<String> = series
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, &n)| format!("{}: {}", bins.label(i), articles(n)))
        .collect();
    if said.is_empty() {
        return r#"<span class="hint" data-testid="sparkline-none">No dated article mentions it.</span>"#.to_string();
    }
    let mut m = String::new();
    w!(
        m,
        r#"<span class="sparkline" data-testid="sparkline"><svg class="chart spark" viewBox="0 0 {SPARK_W} {SPARK_H}" role="img" aria-label="Articles mentioning it by date: {}">{}</svg><span class="card-meta">{} to {} · "#,
        Esc(&said.join("; ")),
        sparkline(&series),
        Esc(&bins.label(0)),
        Esc(&bins.label(bins.count - 1))
    );
    let next = ViewState {
        include: vec![corpus.index.key(entity)],
        pane: Pane::Timeline,
        ..Default::default()
    };
    nav_link(&mut m, &next, "on the timeline", "sparkline-timeline");
    m.push_str("</span></span>");
    m
}

/// The sparkline of entity `entity`.
#[component]
pub fn Sparkline(
    /// The entity's number.
    entity: u32,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = markup(&state.corpus(), entity);
    view! {
        <span on:click=move |ev| { crate::overview::on_act(&state, &ev); } inner_html=html></span>
    }
}
