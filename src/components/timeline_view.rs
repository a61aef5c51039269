//! The timeline: matching articles by the day they were published and by the
//! days they mention, as bars; the entities chosen as filters as lines, to
//! compare when each is in the news; a brush (drag, or arrow keys and Enter)
//! that sets the date-range filter (`from=`/`to=`). The bars count articles
//! under every filter but the date range itself, so what the brush left out
//! stays in view. Bins and counts come from `entiscope_core::overview::timeline`.

use crate::components::types::articles;
use crate::components::Downloads;
use crate::state::{AppState, Corpus, Filtered};
use entiscope_core::overview::timeline::{Bins, Timeline};
use entiscope_core::time::Date;
use entiscope_core::url_state::{parse_day, ViewState};
use leptos::prelude::*;

/// Drawing size (the SVG scales to its box).
const W: f64 = 960.0;
const H: f64 = 250.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 44.0;
/// Most entities compared as lines.
const MAX_LINES: usize = 6;

/// What the chart draws for the current filters.
#[derive(Clone, Debug, PartialEq)]
struct Chart {
    counts: Timeline,
    /// (key, name, per-bin counts) of each entity filter.
    lines: Vec<(String, String, Vec<u32>)>,
    peak: u32,
}

fn chart(corpus: &Corpus, bins: &Bins, view: &ViewState) -> Chart {
    let dates = &corpus.overview().dates;
    let mut undated = view.clone();
    undated.from = None;
    undated.to = None;
    let docs = Filtered::new(corpus, &undated).result.docs;
    let counts = dates.timeline(bins, &docs, &corpus.index);
    // Each entity on its own, among the articles the other filters keep.
    let mut others = undated;
    others.include.clear();
    let base = Filtered::new(corpus, &others).result.docs;
    let lines: Vec<(String, String, Vec<u32>)> = view
        .include
        .iter()
        .filter_map(|key| {
            let e = corpus.index.entity_index(key)?;
            let series = dates.series(bins, &base, &corpus.index, e);
            Some((key.clone(), corpus.entity(e).name.clone(), series))
        })
        .take(MAX_LINES)
        .collect();
    let peak = lines
        .iter()
        .flat_map(|l| l.2.iter().copied())
        .max()
        .unwrap_or(0)
        .max(counts.peak());
    Chart {
        counts,
        lines,
        peak,
    }
}

fn bin_width(bins: &Bins) -> f64 {
    (W - LEFT - RIGHT) / bins.count.max(1) as f64
}

fn x_of(bins: &Bins, i: usize) -> f64 {
    LEFT + i as f64 * bin_width(bins)
}

fn y_of(count: u32, peak: u32) -> f64 {
    H - BOTTOM - (H - TOP - BOTTOM) * f64::from(count) / f64::from(peak.max(1))
}

/// One decimal place is plenty for a drawing 960 units wide.
fn r1(v: f64) -> String {
    format!("{:.1}", v)
}

/// The Timeline view.
#[component]
pub fn TimelineView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let Some(bins) = corpus.overview().dates.bins() else {
        return view! {
            <section class="overview" data-testid="timeline-view">
                <h1 class="pane-title">"Timeline"</h1>
                <div data-testid="timeline" class="empty" role="status">
                    "No article states or mentions a date that can be placed on a calendar."
                </div>
            </section>
        }
        .into_any();
    };
    let view_state = state.view;
    let data = {
        let corpus = corpus.clone();
        Memo::new(move |_| view_state.with(|v| chart(&corpus, &bins, v)))
    };
    let range = Memo::new(move |_| view_state.with(|v| (v.from, v.to)));
    let selected = move || {
        let (f, t) = range.get();
        if f.is_none() && t.is_none() {
            None
        } else {
            bins.selected(f, t)
        }
    };
    let drag = RwSignal::new(None::<(usize, usize)>);
    let focus = RwSignal::new(
        bins.selected(range.get_untracked().0, range.get_untracked().1)
            .map_or(0, |s| s.0),
    );

    let select = {
        let state = state.clone();
        move |a: usize, b: usize| {
            let (f, t) = bins.range(a, b);
            state.set_dates(Some(f), Some(t));
        }
    };
    let extend_or_pick = {
        let select = select.clone();
        move |i: usize, extend: bool| match (
            extend,
            bins.selected(range.get_untracked().0, range.get_untracked().1),
        ) {
            (true, Some((a, b))) => select(a.min(i), b.max(i)),
            _ => select(i, i),
        }
    };
    let up = {
        let select = select.clone();
        window_event_listener(leptos::ev::pointerup, move |_| {
            if let Some((a, b)) = drag.get_untracked() {
                drag.set(None);
                select(a, b);
            }
        })
    };
    on_cleanup(move || up.remove());

    let bw = bin_width(&bins);
    let hits = (0..bins.count)
        .map(|i| {
            let label = bins.label(i);
            let pick = extend_or_pick.clone();
            let pick_key = extend_or_pick.clone();
            let counts = move || {
                data.with(|c| {
                    format!(
                        "{label}: {} published, {} mentioning it",
                        articles(c.counts.published[i]),
                        articles(c.counts.mentioned[i])
                    )
                })
            };
            let pressed = move || selected().is_some_and(|(a, b)| (a..=b).contains(&i)).to_string();
            view! {
                <rect class="tl-hit" data-testid="timeline-bin" data-bin=i
                    data-start=bins.start(i).to_string() data-end=bins.end(i).to_string()
                    x=r1(x_of(&bins, i)) y=r1(TOP) width=r1(bw) height=r1(H - TOP)
                    role="button" aria-label=counts aria-pressed=pressed
                    tabindex=move || if focus.get() == i { "0" } else { "-1" }
                    on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                        if ev.button() != 0 { return; }
                        ev.prevent_default();
                        // Touch captures the pointer to this bin; release it so
                        // the bins under the finger hear the drag.
                        if let Some(el) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                            let _ = el.release_pointer_capture(ev.pointer_id());
                        }
                        focus.set(i);
                        if ev.shift_key() {
                            pick(i, true);
                        } else {
                            drag.set(Some((i, i)));
                        }
                    }
                    on:pointerenter=move |_| drag.update(|d| if let Some(d) = d { d.1 = i })
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        let last = bins.count - 1;
                        let to = match ev.key().as_str() {
                            "ArrowLeft" => Some(i.saturating_sub(1)),
                            "ArrowRight" => Some((i + 1).min(last)),
                            "Home" => Some(0),
                            "End" => Some(last),
                            "Enter" | " " => {
                                ev.prevent_default();
                                pick_key(i, ev.shift_key());
                                None
                            }
                            _ => None,
                        };
                        if let Some(j) = to {
                            ev.prevent_default();
                            focus.set(j);
                            crate::url::focus_selector(&format!("[data-testid=timeline-bin][data-bin=\"{j}\"]"));
                        }
                    }></rect>
            }
        })
        .collect_view();

    let shade = move || {
        let (class, span) = match drag.get() {
            Some((a, b)) => ("tl-range is-dragging", Some((a.min(b), a.max(b)))),
            None => ("tl-range", selected()),
        };
        span.map(|(a, b)| {
            let x = x_of(&bins, a);
            view! { <rect class=class x=r1(x) y=r1(TOP) width=r1(x_of(&bins, b + 1) - x) height=r1(H - TOP - BOTTOM)></rect> }
        })
    };

    let bars = move || {
        let c = data.get();
        let peak = c.peak;
        let ticks = bins.count.div_ceil(7).max(1);
        let grid = [0, peak / 2, peak]
            .into_iter()
            .enumerate()
            .filter(|&(k, v)| k != 1 || (v > 0 && v < peak))
            .map(|(_, v)| {
                let y = r1(y_of(v, peak));
                view! {
                    <g class="tl-grid">
                        <line x1=r1(LEFT) x2=r1(W - RIGHT) y1=y.clone() y2=y.clone()></line>
                        <text x=r1(LEFT - 8.0) y=y dy="0.35em" text-anchor="end">{v}</text>
                    </g>
                }
            })
            .collect_view();
        let columns = (0..bins.count)
            .filter(|&i| c.counts.published[i] > 0 || c.counts.mentioned[i] > 0)
            .map(|i| {
                let x = x_of(&bins, i);
                let (p, m) = (c.counts.published[i], c.counts.mentioned[i]);
                let (yp, ym) = (y_of(p, peak), y_of(m, peak));
                let base = H - BOTTOM;
                view! {
                    <g class="tl-bars" data-bin=i data-published=p data-mentioned=m>
                        <rect class="tl-published" x=r1(x + bw * 0.12) y=r1(yp) width=r1(bw * 0.36) height=r1(base - yp)></rect>
                        <rect class="tl-mentioned" x=r1(x + bw * 0.52) y=r1(ym) width=r1(bw * 0.36) height=r1(base - ym)></rect>
                    </g>
                }
            })
            .collect_view();
        let labels = (0..bins.count)
            .step_by(ticks)
            .map(|i| {
                view! {
                    <text class="tl-tick" x=r1(x_of(&bins, i) + bw / 2.0) y=r1(H - BOTTOM + 24.0) text-anchor="middle">
                        {bins.tick(i)}
                    </text>
                }
            })
            .collect_view();
        let lines = c
            .lines
            .iter()
            .enumerate()
            .map(|(k, (key, _, series))| {
                let points = series
                    .iter()
                    .enumerate()
                    .map(|(i, &n)| format!("{},{}", r1(x_of(&bins, i) + bw / 2.0), r1(y_of(n, peak))))
                    .collect::<Vec<_>>()
                    .join(" ");
                view! { <polyline class=format!("tl-line line-{k}") data-entity-key=key.clone() points=points></polyline> }
            })
            .collect_view();
        view! {
            {grid}
            <line class="tl-axis" x1=r1(LEFT) x2=r1(W - RIGHT) y1=r1(H - BOTTOM) y2=r1(H - BOTTOM)></line>
            {columns}
            {lines}
            {labels}
        }
    };

    let legend_lines = move || {
        data.with(|c| {
            c.lines
                .iter()
                .enumerate()
                .map(|(k, (key, name, _))| {
                    view! {
                        <li data-testid="timeline-line" data-entity-key=key.clone()>
                            <svg class="key" viewBox="0 0 24 8" aria-hidden="true">
                                <line class=format!("tl-line line-{k}") x1="0" x2="24" y1="4" y2="4"></line>
                            </svg>
                            {name.clone()}
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let table = move || {
        data.with(|c| {
            (0..bins.count)
                .filter(|&i| c.counts.published[i] > 0 || c.counts.mentioned[i] > 0)
                .map(|i| {
                    view! {
                        <tr>
                            <th scope="row">{bins.label(i)}</th>
                            <td>{c.counts.published[i]}</td>
                            <td>{c.counts.mentioned[i]}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    let off_chart = {
        let (corpus, state) = (corpus.clone(), state.clone());
        move || {
            let c = data.get();
            let items = c
                .counts
                .off_chart
                .iter()
                .map(|&(e, n)| {
                    let key = corpus.index.key(e);
                    let (state, k) = (state.clone(), key.clone());
                    view! {
                        <li>
                            <button type="button" class="linklike" data-testid="timeline-off-chart" data-entity-id=corpus.entity(e).id.clone()
                                on:click=move |_| state.include(&k)>
                                {corpus.entity(e).name.clone()}
                            </button>
                            " (" {articles(n)} ")"
                        </li>
                    }
                })
                .collect_view();
            let undated = c.counts.undated;
            let any = !c.counts.off_chart.is_empty();
            view! {
                {any.then(|| view! { <p class="hint">"Also mentioned, too long or outside the axis to draw:"</p> })}
                <ul class="inline-list">{items}</ul>
                {(undated > 0).then(|| view! {
                    <p class="hint" data-testid="timeline-undated">{articles(undated)} " of the matching ones with no date on the axis."</p>
                })}
            }
        }
    };

    let date_input = |which: &'static str| {
        let state = state.clone();
        let value = move || {
            let (f, t) = range.get();
            (if which == "from" { f } else { t })
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        let (first, last) = (
            bins.start(0).to_string(),
            bins.end(bins.count - 1).to_string(),
        );
        view! {
            <label>
                {if which == "from" { "From " } else { "To " }}
                <input type="date" data-testid=format!("timeline-{which}") min=first max=last prop:value=value
                    on:change=move |ev| {
                        let d: Option<Date> = parse_day(&event_target_value(&ev));
                        let (f, t) = range.get_untracked();
                        if which == "from" { state.set_dates(d, t) } else { state.set_dates(f, d) }
                    }/>
            </label>
        }
    };
    let clear_state = state.clone();
    let aria = format!(
        "Timeline from {} to {}, one bar pair per {}",
        bins.label(0),
        bins.label(bins.count - 1),
        match bins.unit {
            entiscope_core::overview::timeline::Unit::Day => "day",
            entiscope_core::overview::timeline::Unit::Week => "week",
            entiscope_core::overview::timeline::Unit::Month => "month",
            entiscope_core::overview::timeline::Unit::Year => "year",
        }
    );

    view! {
        <section class="overview timeline-view" data-testid="timeline-view" aria-labelledby="timeline-heading">
            <h1 id="timeline-heading" class="pane-title">"Timeline"</h1>
            <p class="hint">
                "Matching articles by the day they were published and by the days their text mentions. "
                "Drag across the chart (or move along the bars with the arrow keys and press Enter; Shift+Enter extends) "
                "to keep only articles dated in that range. Entities you filter by are drawn as lines."
            </p>
            <div class="tl-controls">
                {date_input("from")}
                {date_input("to")}
                <Show when=move || selected().is_some() || range.with(|r| r.0.is_some() || r.1.is_some())>
                    <button type="button" data-testid="timeline-clear" on:click={
                        let s = clear_state.clone();
                        move |_| s.set_dates(None, None)
                    }>"Clear dates"</button>
                </Show>
            </div>
            <div class="chart-box" id="timeline-chart" data-testid="timeline">
                <svg class="chart timeline" viewBox=format!("0 0 {W} {H}") role="group" aria-label=aria>
                    {shade}
                    {bars}
                    <g class="tl-hits">{hits}</g>
                </svg>
            </div>
            <ul class="legend">
                <li><span class="key-box tl-published" aria-hidden="true"></span>"Published"</li>
                <li><span class="key-box tl-mentioned" aria-hidden="true"></span>"Mention a date in it"</li>
                {legend_lines}
            </ul>
            {off_chart}
            <details class="text-alt">
                <summary>"Counts as a table"</summary>
                <table data-testid="timeline-table">
                    <thead><tr><th scope="col">"When"</th><th scope="col">"Published"</th><th scope="col">"Mention it"</th></tr></thead>
                    <tbody>{table}</tbody>
                </table>
            </details>
            <Downloads selector="#timeline-chart" name="entiscope-timeline"/>
        </section>
    }
    .into_any()
}
