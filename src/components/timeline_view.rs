//! The timeline: matching articles by the day they were published and by the
//! days they mention, as bars; the entities chosen as filters as lines, to
//! compare when each is in the news; a brush (drag, or arrow keys and Enter)
//! that sets the date-range filter (`from=`/`to=`). The bars count articles
//! under every filter but the date range itself, so what the brush left out
//! stays in view. Bins and counts come from `entiscope_core::overview::timeline`,
//! the marks from `overview::svg`; this component handles events on the
//! `<svg>` and reads the bin from the pointer or the focused mark.

use crate::components::overview_parts::filter_button;
use crate::components::types::articles;
use crate::components::Downloads;
use crate::state::{AppState, Corpus, Filtered};
use entiscope_core::overview::svg::{self as marks, Markup, TimelineChart, TIMELINE_H, TIMELINE_W};
use entiscope_core::overview::timeline::{Bins, Timeline, Unit};
use entiscope_core::time::Date;
use entiscope_core::url_state::{parse_day, ViewState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Most entities compared as lines.
const MAX_LINES: usize = 6;

/// What the chart draws for the current filters.
#[derive(Clone, Debug, PartialEq)]
struct Chart {
    counts: Timeline,
    /// (key, name) of each entity filter drawn as a line, and its counts.
    lines: Vec<(String, String)>,
    series: Vec<Vec<u32>>,
}

fn chart(corpus: &Corpus, bins: &Bins, view: &ViewState) -> Chart {
    let dates = &corpus.overview().dates;
    let mut undated = view.clone();
    undated.from = None;
    undated.to = None;
    let docs = Filtered::new(corpus, &undated).result.docs;
    let counts = dates.timeline(bins, &docs);
    // Each entity on its own, among the articles the other filters keep.
    let mut others = undated;
    others.include.clear();
    let base = Filtered::new(corpus, &others).result.docs;
    let (lines, series) = view
        .include
        .iter()
        .filter_map(|key| {
            let e = corpus.index.entity_index(key)?;
            let series = dates.series(bins, &base, &corpus.index, e);
            Some(((key.clone(), corpus.entity(e).name.clone()), series))
        })
        .take(MAX_LINES)
        .unzip();
    Chart {
        counts,
        lines,
        series,
    }
}

/// The element an event happened on.
fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into().ok()
}

/// The bin under the pointer, from its position across the `<svg>`.
fn bin_under(ev: &web_sys::PointerEvent, bins: &Bins) -> Option<usize> {
    let svg: web_sys::Element = ev.current_target()?.dyn_into().ok()?;
    let r = svg.get_bounding_client_rect();
    (r.width() > 0.0).then(|| {
        marks::bin_at(
            bins,
            (f64::from(ev.client_x()) - r.left()) / r.width() * TIMELINE_W,
        )
    })
}

fn bin_selector(i: usize) -> String {
    format!("[data-testid=timeline-bin][data-bin=\"{i}\"]")
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
    let range = move || view_state.with(|v| (v.from, v.to));
    let selected = move || {
        let (f, t) = range();
        (f.is_some() || t.is_some())
            .then(|| bins.selected(f, t))
            .flatten()
    };
    let (f0, t0) = view_state.with_untracked(|v| (v.from, v.to));
    let focus = StoredValue::new(bins.selected(f0, t0).map_or(0, |s| s.0));
    let markup = move || {
        data.with(|c| {
            marks::timeline(&TimelineChart {
                bins: &bins,
                counts: &c.counts,
                lines: &c.series,
                selected: selected(),
                focus: focus.get_value(),
            })
        })
    };
    let drag = RwSignal::new(None::<(usize, usize)>);

    // Keep articles dated in bins a..=b.
    let select = {
        let state = state.clone();
        move |a: usize, b: usize| {
            let (f, t) = bins.range(a, b);
            state.set_dates(Some(f), Some(t));
        }
    };
    // Pick bin `i`, or stretch the current range to it.
    let pick = {
        let select = select.clone();
        move |i: usize, extend: bool| match (
            extend,
            bins.selected(
                view_state.with_untracked(|v| (v.from, v.to)).0,
                view_state.with_untracked(|v| (v.from, v.to)).1,
            ),
        ) {
            (true, Some((a, b))) => select(a.min(i), b.max(i)),
            _ => select(i, i),
        }
    };
    let (down_pick, key_pick) = (pick.clone(), pick);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let Some(i) = (ev.button() == 0).then(|| bin_under(&ev, &bins)).flatten() else {
            return;
        };
        ev.prevent_default();
        focus.set_value(i);
        if ev.shift_key() {
            down_pick(i, true);
        } else {
            drag.set(Some((i, i)));
            if let Some(svg) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = svg.set_pointer_capture(ev.pointer_id());
            }
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if drag.with_untracked(Option::is_some) {
            if let Some(j) = bin_under(&ev, &bins) {
                drag.update(|d| {
                    if let Some(d) = d {
                        d.1 = j
                    }
                });
            }
        }
    };
    let on_up = move |_: leptos::ev::PointerEvent| {
        if let Some((a, b)) = drag.get_untracked() {
            drag.set(None);
            select(a, b);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(el) = target(&ev) else { return };
        let Some(i) = el
            .get_attribute("data-bin")
            .and_then(|b| b.parse::<usize>().ok())
        else {
            return;
        };
        let last = bins.count - 1;
        let to = match ev.key().as_str() {
            "ArrowLeft" => i.saturating_sub(1),
            "ArrowRight" => (i + 1).min(last),
            "Home" => 0,
            "End" => last,
            "Enter" | " " => {
                ev.prevent_default();
                focus.set_value(i);
                key_pick(i, ev.shift_key());
                crate::url::refocus(bin_selector(i));
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        // Roving tab stop: move it without redrawing.
        focus.set_value(to);
        let _ = el.set_attribute("tabindex", "-1");
        if let Some(next) = el
            .parent_element()
            .and_then(|p| p.query_selector(&bin_selector(to)).ok().flatten())
        {
            let _ = next.set_attribute("tabindex", "0");
        }
        crate::url::focus_selector(&bin_selector(to));
    };

    let shade = move || {
        drag.get().map(|(a, b)| {
            let [x, y, w, h] = marks::bins_span(&bins, a, b);
            view! {
                <rect class="tl-range is-dragging" x=format!("{x:.1}") y=format!("{y:.1}")
                    width=format!("{w:.1}") height=format!("{h:.1}")></rect>
            }
        })
    };

    let extras = {
        let corpus = corpus.clone();
        move || data.with(|c| extras(&corpus, &bins, c))
    };
    let on_click = {
        let state = state.clone();
        move |ev: leptos::ev::MouseEvent| {
            crate::overview::on_act(&state, &ev);
        }
    };

    let date_input = |which: &'static str| {
        let state = state.clone();
        let value = move || {
            let (f, t) = range();
            (if which == "from" { f } else { t })
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        view! {
            <label>
                {if which == "from" { "From " } else { "To " }}
                <input type="date" data-testid=format!("timeline-{which}") min=bins.start(0).to_string()
                    max=bins.end(bins.count - 1).to_string() prop:value=value
                    on:change=move |ev| {
                        let d: Option<Date> = parse_day(&event_target_value(&ev));
                        let (f, t) = view_state.with_untracked(|v| (v.from, v.to));
                        if which == "from" { state.set_dates(d, t) } else { state.set_dates(f, d) }
                    }/>
            </label>
        }
    };
    let clear_state = state.clone();
    let unit = match bins.unit {
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Month => "month",
        Unit::Year => "year",
    };
    let aria = format!(
        "Timeline from {} to {}, two bars per {unit}: articles published, articles mentioning a date in it",
        bins.label(0),
        bins.label(bins.count - 1)
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
                <button type="button" data-testid="timeline-clear" prop:hidden=move || range().0.is_none() && range().1.is_none()
                    on:click=move |_| clear_state.set_dates(None, None)>"Clear dates"</button>
            </div>
            <div class="chart-box" id="timeline-chart" data-testid="timeline">
                <svg class="chart timeline" viewBox=format!("0 0 {TIMELINE_W} {TIMELINE_H}") role="group" aria-label=aria
                    on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                    on:pointercancel=move |_| drag.set(None) on:keydown=on_key>
                    {shade}
                    <g inner_html=markup></g>
                </svg>
            </div>
            <div on:click=on_click inner_html=extras></div>
            <Downloads selector="#timeline-chart" name="entiscope-timeline"/>
        </section>
    }
    .into_any()
}

/// The legend, the dates that fit no bin, and the counts as a table.
fn extras(corpus: &Corpus, bins: &Bins, c: &Chart) -> String {
    let mut m = Markup::default();
    m.open("ul", &[("class", &"legend")]);
    for (class, label) in [
        ("key-box", "Published"),
        ("key-box tl-mentioned", "Mention a date in it"),
    ] {
        m.open("li", &[]);
        m.leaf("span", &[("class", &class), ("aria-hidden", &"true")]);
        m.push_text(label);
        m.close("li");
    }
    for (k, (key, name)) in c.lines.iter().enumerate() {
        m.open(
            "li",
            &[("data-testid", &"timeline-line"), ("data-entity-key", key)],
        );
        m.open(
            "svg",
            &[
                ("class", &"key"),
                ("viewBox", &"0 0 24 8"),
                ("aria-hidden", &"true"),
            ],
        );
        m.leaf(
            "line",
            &[
                ("class", &format!("tl-line line-{k}")),
                ("x1", &0),
                ("x2", &24),
                ("y1", &4),
                ("y2", &4),
            ],
        );
        m.close("svg");
        m.push_text(name);
        m.close("li");
    }
    m.close("ul");
    if !c.counts.off_chart.is_empty() {
        m.text(
            "p",
            &[("class", &"hint")],
            "Also mentioned, too long or outside the axis to draw:",
        );
        m.open("ul", &[("class", &"inline-list")]);
        for &(e, n) in &c.counts.off_chart {
            m.open("li", &[]);
            filter_button(
                &mut m,
                corpus,
                e,
                &corpus.entity(e).name,
                "timeline-off-chart",
            );
            m.push_text(&format!(" ({})", articles(n)));
            m.close("li");
        }
        m.close("ul");
    }
    if c.counts.undated > 0 {
        let text = format!(
            "{} of the matching ones with no date on the axis.",
            articles(c.counts.undated)
        );
        m.text(
            "p",
            &[("class", &"hint"), ("data-testid", &"timeline-undated")],
            &text,
        );
    }
    m.open("details", &[("class", &"text-alt")]);
    m.text("summary", &[], "Counts as a table");
    m.open("table", &[("data-testid", &"timeline-table")]);
    m.open("thead", &[]);
    m.open("tr", &[]);
    for h in ["When", "Published", "Mention it"] {
        m.text("th", &[("scope", &"col")], h);
    }
    m.close("tr");
    m.close("thead");
    m.open("tbody", &[]);
    for i in (0..bins.count).filter(|&i| c.counts.published[i] > 0 || c.counts.mentioned[i] > 0) {
        m.open("tr", &[]);
        m.text("th", &[("scope", &"row")], &bins.label(i));
        m.text("td", &[], &c.counts.published[i].to_string());
        m.text("td", &[], &c.counts.mentioned[i].to_string());
        m.close("tr");
    }
    m.close("tbody");
    m.close("table");
    m.close("details");
    m.finish()
}
