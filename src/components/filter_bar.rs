//! Active filters as removable chips, the ALL/ANY switch, "clear all" and the
//! result count, always visible above the results.

use crate::components::types::articles;
use crate::state::AppState;
use entiscope_core::url_state::Mode;
use leptos::prelude::*;

/// The bar above the results.
#[component]
pub fn FilterBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus_sig = state.corpus_sig;
    let total = move || corpus_sig.with(|c| articles(c.docs.len() as u32));
    let view = state.view;
    let filtered = state.filtered;
    let count = move || filtered.with(|f| f.result.docs.count());

    let chips = {
        let state = state.clone();
        move || {
            let v = view.get();
            let name = |id: &str| {
                state
                    .corpus()
                    .index
                    .entity(id)
                    .map_or_else(|| id.to_string(), |e| e.name.clone())
            };
            let mut out = Vec::new();
            // Entity filters, then the date range (`id` None), in one
            // template (a template costs the wasm more than a branch).
            let dates = v
                .has_dates()
                .then(|| (None, date_range_label(v.from, v.to), false, true));
            for (id, label, negated, known) in v
                .include
                .iter()
                .map(|i| (i, false))
                .chain(v.exclude.iter().map(|x| (x, true)))
                .map(|(id, negated)| {
                    let known = state.corpus().index.entity(id).is_some();
                    (Some(id.clone()), name(id), negated, known)
                })
                .chain(dates)
            {
                let remove = {
                    let state = state.clone();
                    let id = id.clone();
                    move |_| match &id {
                        Some(id) => state.remove_filter(id),
                        None => state.set_dates(None, None),
                    }
                };
                let filter = id.is_none().then_some("dates");
                out.push(view! {
                    <li class="chip" class:chip-not=negated class:chip-unknown=!known
                        data-testid="active-filter" data-entity-id=id data-filter=filter data-negated=negated.to_string()>
                        {negated.then_some(view! { <span class="chip-op">"NOT "</span> })}
                        <span class="chip-label">{label.clone()}</span>
                        {(!known).then_some(view! { <span class="chip-op">" (not in this corpus)"</span> })}
                        <button type="button" class="chip-x" on:click=remove
                            aria-label=format!("Remove filter {label}")>"×"</button>
                    </li>
                }.into_any());
            }
            if !v.search.trim().is_empty() {
                let state = state.clone();
                let q = v.search.clone();
                out.push(
                    view! {
                        <li class="chip chip-search" data-testid="active-search">
                            <span class="chip-label">"text: “" {q.clone()} "”"</span>
                            <button type="button" class="chip-x" aria-label="Clear the search"
                                on:click=move |_| state.update(|v| v.search.clear())>"×"</button>
                        </li>
                    }
                    .into_any(),
                );
            }
            out
        }
    };

    let orig_state = state.clone();
    let has_filters = move || {
        view.with(|v| {
            !v.include.is_empty()
                || !v.exclude.is_empty()
                || !v.search.trim().is_empty()
                || v.original_only
                || v.has_dates()
        })
    };
    let clear = {
        let state = state.clone();
        move |_| state.clear_filters()
    };
    let set_mode = move |mode: Mode| {
        let state = state.clone();
        move |_| state.set_mode(mode)
    };
    let is_mode = move |m: Mode| view.with(|v| v.mode == m);

    view! {
        <section class="filter-bar" aria-label="Active filters">
            <p class="result-count" aria-live="polite">
                <span data-testid="result-count">{count}</span>
                " of " {total}
            </p>
            <div class="mode" role="group" aria-label="Combine entity filters">
                <button type="button" data-testid="mode-all" aria-pressed=move || is_mode(Mode::All).to_string()
                    on:click=set_mode(Mode::All) title="Articles that mention every chosen entity">"ALL"</button>
                <button type="button" data-testid="mode-any" aria-pressed=move || is_mode(Mode::Any).to_string()
                    on:click=set_mode(Mode::Any) title="Articles that mention at least one chosen entity">"ANY"</button>
            </div>
            <label class="toggle" title="Hide articles whose text mostly appears in other articles">
                <input type="checkbox" data-testid="original-only"
                    prop:checked=move || view.with(|v| v.original_only)
                    on:change=move |ev| { let on = event_target_checked(&ev); orig_state.update(|v| v.original_only = on); }/>
                " Original reporting only"
            </label>
            <ul class="chips">{chips}</ul>
            <Show when=has_filters>
                <button type="button" class="clear-all" data-testid="clear-all" on:click=clear.clone()>"Clear all"</button>
            </Show>
        </section>
    }
}

/// "dated 27 Sep 2020 – 15 Oct 2020", "dated from 1 Oct 2020", "dated until 1994-12-31".
pub fn date_range_label(
    from: Option<entiscope_core::time::Date>,
    to: Option<entiscope_core::time::Date>,
) -> String {
    let day = |d: entiscope_core::time::Date| {
        let mon = entiscope_core::time::month_name(d.month);
        format!("{} {} {}", d.day, mon.get(..3).unwrap_or(mon), d.year)
    };
    match (from, to) {
        (Some(f), Some(t)) if f == t => format!("dated {}", day(f)),
        (Some(f), Some(t)) => format!("dated {} – {}", day(f), day(t)),
        (Some(f), None) => format!("dated from {}", day(f)),
        (None, Some(t)) => format!("dated until {}", day(t)),
        (None, None) => String::new(),
    }
}
