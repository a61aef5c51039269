//! The timeline: matching articles by the day they were published and by the
//! days they mention, as bars; the entities chosen as filters as lines, to
//! compare when each is in the news; a brush (drag, or arrow keys and Enter)
//! that sets the date-range filter (`from=`/`to=`). The bars count articles
//! under every filter but the date range itself, so what the brush left out
//! stays in view. Bins and counts come from `entiscope_core::overview::timeline`,
//! the marks from `overview::svg`; this file builds the markup around them
//! and turns pointer and key events into date ranges.

use crate::components::overview_parts::{downloads, filter_button, w, Parts};
use crate::components::types::articles;
use crate::overview::closest;
use crate::state::{AppState, Corpus, Filtered};
use entiscope_core::overview::svg::{self as marks, Esc, TimelineChart, TIMELINE_H, TIMELINE_W};
use entiscope_core::overview::timeline::{Bins, Timeline, Unit};
use entiscope_core::time::Date;
use entiscope_core::url_state::{parse_day, ViewState};
use leptos::prelude::*;
use std::fmt::Write as _;
use wasm_bindgen::JsCast;

/// Most entities compared as lines.
const MAX_LINES: usize = 6;

/// What the chart draws for the current filters.
#[derive(Clone, Debug, PartialEq)]
struct Chart {
    counts: Timeline,
    /// (key, name) of each entity filter drawn as a line.
    lines: Vec<(String, String)>,
    /// Their counts per bin.
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

fn bin_selector(i: usize) -> String {
    format!("[data-testid=timeline-bin][data-bin=\"{i}\"]")
}

/// Heading, date fields and the chart.
fn top(bins: &Bins, c: &Chart, from: Option<Date>, to: Option<Date>, focus: usize) -> String {
    let mut m = String::from(
        r#"<h1 class="pane-title">Timeline</h1><p class="hint">Matching articles by the day they were published and by the days their text mentions. Drag across the chart (or move along the bars with the arrow keys and press Enter; Shift+Enter extends) to keep only articles dated in that range. Entities you filter by are drawn as lines.</p><div class="tl-controls">"#,
    );
    let day = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for (ctl, label, value) in [("from", "From", from), ("to", "To", to)] {
        w!(
            m,
            r#"<label>{label} <input type="date" data-ctl="{ctl}" data-testid="timeline-{ctl}" min="{}" max="{}" value="{}"></label>"#,
            bins.start(0),
            bins.end(bins.count - 1),
            day(value)
        );
    }
    if from.is_some() || to.is_some() {
        m.push_str(r#"<button type="button" data-act="clear-dates" data-testid="timeline-clear">Clear dates</button>"#);
    }
    let unit = match bins.unit {
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Month => "month",
        Unit::Year => "year",
    };
    w!(
        m,
        r#"</div><div class="chart-box" id="timeline-chart" data-testid="timeline"><svg class="chart timeline" viewBox="0 0 {TIMELINE_W} {TIMELINE_H}" role="group" aria-label="Timeline from {} to {}, two bars per {unit}: articles published, articles mentioning a date in it"><rect class="tl-range is-dragging" data-testid="timeline-drag" width="0" height="0"></rect>"#,
        Esc(&bins.label(0)),
        Esc(&bins.label(bins.count - 1))
    );
    let selected = if from.is_some() || to.is_some() {
        bins.selected(from, to)
    } else {
        None
    };
    m.push_str(&marks::timeline(&TimelineChart {
        bins,
        counts: &c.counts,
        lines: &c.series,
        selected,
        focus,
    }));
    m.push_str("</svg></div>");
    m
}

/// The legend, the dates that fit no bin, the counts as a table, downloads.
fn bottom(corpus: &Corpus, bins: &Bins, c: &Chart) -> String {
    let mut m = String::from(
        r#"<ul class="legend"><li><span class="key-box" aria-hidden="true"></span>Published</li><li><span class="key-box tl-mentioned" aria-hidden="true"></span>Mention a date in it</li>"#,
    );
    for (k, (key, name)) in c.lines.iter().enumerate() {
        w!(
            m,
            r#"<li data-testid="timeline-line" data-entity-key="{}"><svg class="key" viewBox="0 0 24 8" aria-hidden="true"><line class="tl-line line-{k}" x1="0" x2="24" y1="4" y2="4"></line></svg>{}</li>"#,
            Esc(key),
            Esc(name)
        );
    }
    m.push_str("</ul>");
    if !c.counts.off_chart.is_empty() {
        m.push_str(r#"<p class="hint">Also mentioned, too long or outside the axis to draw:</p><ul class="inline-list">"#);
        for &(e, n) in &c.counts.off_chart {
            m.push_str("<li>");
            filter_button(
                &mut m,
                corpus,
                e,
                &corpus.entity(e).name,
                "timeline-off-chart",
            );
            w!(m, " ({})</li>", articles(n));
        }
        m.push_str("</ul>");
    }
    if c.counts.undated > 0 {
        w!(
            m,
            r#"<p class="hint" data-testid="timeline-undated">{} of the matching ones with no date on the axis.</p>"#,
            articles(c.counts.undated)
        );
    }
    m.push_str(r#"<details class="text-alt"><summary>Counts as a table</summary><table data-testid="timeline-table"><thead><tr><th scope="col">When</th><th scope="col">Published</th><th scope="col">Mention it</th></tr></thead><tbody>"#);
    for i in (0..bins.count).filter(|&i| c.counts.published[i] > 0 || c.counts.mentioned[i] > 0) {
        w!(
            m,
            r#"<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>"#,
            Esc(&bins.label(i)),
            c.counts.published[i],
            c.counts.mentioned[i]
        );
    }
    m.push_str("</tbody></table></details>");
    downloads(&mut m, "timeline-chart", "entiscope-timeline");
    m
}

/// The bin under the pointer, from its position across the chart.
fn bin_under(ev: &web_sys::PointerEvent, bins: &Bins) -> Option<usize> {
    let section: web_sys::Element = ev.current_target()?.dyn_into().ok()?;
    let svg = section.query_selector("svg.timeline").ok()??;
    let r = svg.get_bounding_client_rect();
    (r.width() > 0.0).then(|| {
        marks::bin_at(
            bins,
            (f64::from(ev.client_x()) - r.left()) / r.width() * TIMELINE_W,
        )
    })
}

/// Shade bins `a..=b` while dragging.
fn shade(ev: &web_sys::Event, bins: &Bins, span: Option<(usize, usize)>) {
    let Some(rect) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|s| {
            s.query_selector("[data-testid=timeline-drag]")
                .ok()
                .flatten()
        })
    else {
        return;
    };
    let [x, y, w, h] = span.map_or([0.0; 4], |(a, b)| marks::bins_span(bins, a, b));
    for (k, v) in [("x", x), ("y", y), ("width", w), ("height", h)] {
        let _ = rect.set_attribute(k, &format!("{v:.1}"));
    }
}

/// The Timeline view's parts.
pub fn timeline() -> Parts {
    let state = expect_context::<AppState>();
    let corpus = state.corpus();
    let view_state = state.view;
    let bins = corpus.overview().dates.bins();
    let focus = StoredValue::new({
        let (f, t) = view_state.with_untracked(|v| (v.from, v.to));
        bins.and_then(|b| b.selected(f, t)).map_or(0, |s| s.0)
    });
    let drag = StoredValue::new(None::<(usize, usize)>);

    let main = Signal::derive(move || {
        let Some(b) = bins else {
            return r#"<h1 class="pane-title">Timeline</h1><p class="empty" role="status" data-testid="timeline">No article states or mentions a date that can be placed on a calendar.</p>"#.to_string();
        };
        let (c, from, to) = view_state.with(|v| (chart(&corpus, &b, v), v.from, v.to));
        top(&b, &c, from, to, focus.get_value()) + &bottom(&corpus, &b, &c)
    });

    let on_event = Callback::new(move |ev: web_sys::Event| {
        let Some(bins) = bins else { return };
        // Keep articles dated in bins a..=b; or pick bin i, stretching the
        // current range to it when extending.
        let select = |a: usize, b: usize| {
            let (f, t) = bins.range(a, b);
            state.set_dates(Some(f), Some(t));
        };
        let pick = |i: usize, extend: bool| {
            let (f, t) = view_state.with_untracked(|v| (v.from, v.to));
            match (extend, bins.selected(f, t)) {
                (true, Some((a, b))) => select(a.min(i), b.max(i)),
                _ => select(i, i),
            }
        };
        match ev.type_().as_str() {
            "pointerdown" => {
                let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else {
                    return;
                };
                if p.button() != 0 || closest(&ev, "data-bin").is_none() {
                    return;
                }
                let Some(i) = bin_under(p, &bins) else { return };
                ev.prevent_default();
                focus.set_value(i);
                if p.shift_key() {
                    pick(i, true);
                } else {
                    drag.set_value(Some((i, i)));
                    shade(&ev, &bins, Some((i, i)));
                    if let Some(s) = ev
                        .current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    {
                        let _ = s.set_pointer_capture(p.pointer_id());
                    }
                }
            }
            "pointermove" => {
                let (Some(p), Some((a, _))) =
                    (ev.dyn_ref::<web_sys::PointerEvent>(), drag.get_value())
                else {
                    return;
                };
                if let Some(j) = bin_under(p, &bins) {
                    drag.set_value(Some((a, j)));
                    shade(&ev, &bins, Some((a, j)));
                }
            }
            "pointerup" | "pointercancel" => {
                if let Some((a, b)) = drag.get_value() {
                    drag.set_value(None);
                    shade(&ev, &bins, None);
                    if ev.type_() == "pointerup" {
                        select(a, b);
                    }
                }
            }
            "keydown" => {
                let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let Some(el) = closest(&ev, "data-bin") else {
                    return;
                };
                let Some(i) = el
                    .get_attribute("data-bin")
                    .and_then(|b| b.parse::<usize>().ok())
                else {
                    return;
                };
                let last = bins.count - 1;
                let to = match k.key().as_str() {
                    "ArrowLeft" => i.saturating_sub(1),
                    "ArrowRight" => (i + 1).min(last),
                    "Home" => 0,
                    "End" => last,
                    "Enter" | " " => {
                        ev.prevent_default();
                        focus.set_value(i);
                        pick(i, k.shift_key());
                        crate::overview::refocus(bin_selector(i));
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
                crate::overview::focus(&bin_selector(to));
            }
            "change" => {
                let Some(el) = closest(&ev, "data-ctl") else {
                    return;
                };
                let value = el
                    .dyn_ref::<web_sys::HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default();
                let d = parse_day(&value);
                let (f, t) = view_state.with_untracked(|v| (v.from, v.to));
                let ctl = el.get_attribute("data-ctl").unwrap_or_default();
                if ctl == "from" {
                    state.set_dates(d, t);
                } else {
                    state.set_dates(f, d);
                }
                crate::overview::refocus(format!("[data-ctl={ctl}]"));
            }
            "click" => {
                if let Some((act, _)) = crate::overview::on_act(&state, &ev) {
                    if act == "clear-dates" {
                        state.set_dates(None, None);
                    }
                }
            }
            _ => {}
        }
    });
    Parts {
        name: "timeline",
        main,
        on_event,
    }
}
