//! The overviews' charts as SVG markup text: the timeline's bars, the
//! network's nodes and edges, a map frame's outlines and markers, an
//! entity's sparkline. The app sets this text as the contents of its chart
//! elements and handles events on them by reading `data-*` attributes, so a
//! chart of a thousand marks is one string rather than a thousand reactive
//! nodes: drawn with Leptos `view!` templates, the overviews added about
//! 100 KB gzip to the wasm. The same text is what the native tests compare to
//! show that the same input gives the same drawing.
//!
//! Markup is written with `write!` and format strings, the static part of
//! each element in the string and every value through [`Esc`] (text) or
//! [`N`] (numbers): entity names come from a reader's own articles.

use super::map::{Frame, Marker};
use super::network::{Edge, Graph, Point, ASPECT};
use super::timeline::{Bins, Timeline};
use crate::extract::EntityType;
use std::fmt::{self, Display, Write as _};

/// Text escaped for markup as it is displayed: `& < > " '` become entities,
/// so the value is safe as element text and as a quoted attribute value.
#[derive(Clone, Copy, Debug)]
pub struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

/// `s` escaped (see [`Esc`]).
pub fn escape(s: &str) -> String {
    Esc(s).to_string()
}

/// A drawing coordinate with one decimal place (plenty for drawings about
/// 1000 units wide); never `NaN`, `inf` or `-0.0`.
#[derive(Clone, Copy, Debug)]
pub struct N(pub f64);

impl Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() { self.0 } else { 0.0 };
        // Round first so -0.04 does not print as "-0.0".
        let r = (v * 10.0).round() / 10.0;
        write!(f, "{:.1}", if r == 0.0 { 0.0 } else { r })
    }
}

/// `write!` into a `String`, which cannot fail.
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {
        let _ = write!($out, $($arg)*);
    };
}

/// "1 article", "3 articles".
fn articles(n: u32) -> String {
    if n == 1 {
        "1 article".to_string()
    } else {
        format!("{n} articles")
    }
}

// --- timeline -------------------------------------------------------------

/// Timeline drawing width.
pub const TIMELINE_W: f64 = 960.0;
/// Timeline drawing height.
pub const TIMELINE_H: f64 = 250.0;
const TL_LEFT: f64 = 48.0;
const TL_RIGHT: f64 = 36.0;
const TL_TOP: f64 = 16.0;
const TL_BOTTOM: f64 = 52.0;
/// Most tick labels on the time axis.
const TICKS: usize = 7;

fn bin_w(bins: &Bins) -> f64 {
    (TIMELINE_W - TL_LEFT - TL_RIGHT) / bins.count.max(1) as f64
}

fn bin_x(bins: &Bins, i: usize) -> f64 {
    TL_LEFT + i as f64 * bin_w(bins)
}

/// The bin under drawing x-coordinate `x` (clamped to the axis).
pub fn bin_at(bins: &Bins, x: f64) -> usize {
    let i = ((x - TL_LEFT) / bin_w(bins)).floor();
    if i.is_nan() || i < 0.0 {
        0
    } else {
        (i as usize).min(bins.count.saturating_sub(1))
    }
}

/// The box `[x, y, width, height]` that shades bins `a..=b`.
pub fn bins_span(bins: &Bins, a: usize, b: usize) -> [f64; 4] {
    let (a, b) = (a.min(b), a.max(b));
    let x = bin_x(bins, a);
    [
        x,
        TL_TOP,
        bin_x(bins, b + 1) - x,
        TIMELINE_H - TL_TOP - TL_BOTTOM,
    ]
}

/// What the timeline draws.
pub struct TimelineChart<'a> {
    /// The axis.
    pub bins: &'a Bins,
    /// Articles published and mentioning a date, per bin.
    pub counts: &'a Timeline,
    /// Per compared entity, articles per bin (drawn as lines `line-0`, …).
    pub lines: &'a [Vec<u32>],
    /// Bins inside the date-range filter.
    pub selected: Option<(usize, usize)>,
    /// The bin in the tab order.
    pub focus: usize,
}

/// The timeline's marks: grid, bars, lines, ticks, and one focusable hit
/// area per bin (`data-testid="timeline-bin"`, with its first and last day).
pub fn timeline(c: &TimelineChart) -> String {
    let bins = c.bins;
    let count = |v: &[u32], i: usize| v.get(i).copied().unwrap_or(0);
    let peak = c
        .lines
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0)
        .max(c.counts.peak())
        .max(1);
    let y = |v: u32| {
        N(TIMELINE_H
            - TL_BOTTOM
            - (TIMELINE_H - TL_TOP - TL_BOTTOM) * f64::from(v) / f64::from(peak))
    };
    let bw = bin_w(bins);
    let base = TIMELINE_H - TL_BOTTOM;
    let mut m = String::new();
    if let Some((a, b)) = c.selected {
        let [x, top, w, h] = bins_span(bins, a, b);
        w!(
            m,
            r#"<rect class="tl-range" x="{}" y="{}" width="{}" height="{}"></rect>"#,
            N(x),
            N(top),
            N(w),
            N(h)
        );
    }
    for v in [0, peak / 2, peak] {
        if v == peak / 2 && (v == 0 || v == peak) {
            continue;
        }
        w!(
            m,
            r#"<g class="tl-grid"><line x1="{}" x2="{}" y1="{yv}" y2="{yv}"></line><text x="{}" y="{yv}" dy="0.35em" text-anchor="end">{v}</text></g>"#,
            N(TL_LEFT),
            N(TIMELINE_W - TL_RIGHT),
            N(TL_LEFT - 8.0),
            yv = y(v)
        );
    }
    w!(
        m,
        r#"<line class="tl-axis" x1="{}" x2="{}" y1="{b}" y2="{b}"></line>"#,
        N(TL_LEFT),
        N(TIMELINE_W - TL_RIGHT),
        b = N(base)
    );
    for i in 0..bins.count {
        let (p, q) = (count(&c.counts.published, i), count(&c.counts.mentioned, i));
        if p == 0 && q == 0 {
            continue;
        }
        let x = bin_x(bins, i);
        w!(
            m,
            r#"<g class="tl-bars" data-bin="{i}" data-published="{p}" data-mentioned="{q}">"#
        );
        for (class, v, dx) in [("tl-published", p, 0.12), ("tl-mentioned", q, 0.52)] {
            let top = y(v);
            w!(
                m,
                r#"<rect class="{class}" x="{}" y="{top}" width="{}" height="{}"></rect>"#,
                N(x + bw * dx),
                N(bw * 0.36),
                N(base - top.0)
            );
        }
        m.push_str("</g>");
    }
    for (k, series) in c.lines.iter().enumerate() {
        w!(m, r#"<polyline class="tl-line line-{k}" points=""#);
        for (i, &v) in series.iter().take(bins.count).enumerate() {
            w!(
                m,
                "{}{},{}",
                if i == 0 { "" } else { " " },
                N(bin_x(bins, i) + bw / 2.0),
                y(v)
            );
        }
        m.push_str(r#""></polyline>"#);
    }
    for i in (0..bins.count).step_by(bins.count.div_ceil(TICKS).max(1)) {
        w!(
            m,
            r#"<text class="tl-tick" x="{}" y="{}" text-anchor="middle">{}</text>"#,
            N(bin_x(bins, i) + bw / 2.0),
            N(base + 34.0),
            Esc(&bins.tick(i))
        );
    }
    m.push_str(r#"<g class="tl-hits">"#);
    for i in 0..bins.count {
        let (p, q) = (count(&c.counts.published, i), count(&c.counts.mentioned, i));
        w!(
            m,
            r#"<rect class="tl-hit" data-testid="timeline-bin" data-bin="{i}" data-start="{}" data-end="{}" x="{}" y="{}" width="{}" height="{}" role="button" tabindex="{}" aria-pressed="{}" aria-label="{}: {} published, {} mentioning it"></rect>"#,
            bins.start(i),
            bins.end(i),
            N(bin_x(bins, i)),
            N(TL_TOP),
            N(bw),
            N(TIMELINE_H - TL_TOP),
            if i == c.focus { 0 } else { -1 },
            c.selected.is_some_and(|(a, b)| (a..=b).contains(&i)),
            Esc(&bins.label(i)),
            articles(p),
            articles(q)
        );
    }
    m.push_str("</g>");
    m
}

/// Sparkline drawing width.
pub const SPARK_W: f64 = 240.0;
/// Sparkline drawing height.
pub const SPARK_H: f64 = 36.0;

/// Bars for a sparkline of per-bin counts.
pub fn sparkline(series: &[u32]) -> String {
    let peak = series.iter().copied().max().unwrap_or(0).max(1);
    let bw = SPARK_W / series.len().max(1) as f64;
    let mut m = String::new();
    w!(
        m,
        r#"<line x1="0" x2="{}" y1="{h}" y2="{h}"></line>"#,
        N(SPARK_W),
        h = N(SPARK_H)
    );
    for (i, &v) in series.iter().enumerate().filter(|(_, &v)| v > 0) {
        let h = (SPARK_H - 2.0) * f64::from(v) / f64::from(peak);
        w!(
            m,
            r#"<rect x="{}" y="{}" width="{}" height="{}"></rect>"#,
            N(i as f64 * bw + bw * 0.1),
            N(SPARK_H - h),
            N((bw * 0.8).max(1.0)),
            N(h)
        );
    }
    m
}

// --- network --------------------------------------------------------------

/// Network drawing width.
pub const NETWORK_W: f64 = 960.0;
/// Network drawing height.
pub const NETWORK_H: f64 = 620.0;
const NET_PAD: f64 = 48.0;
/// Nodes named on the chart at any width; the next ones (`minor`) only where
/// the stylesheet has room for them.
const LABELS: usize = 8;
const MINOR_LABELS: usize = 24;

/// How a node is named and what it says to assistive technology.
pub struct NodeText<'a> {
    /// The entity's id (`data-entity-id`).
    pub id: &'a str,
    /// The key that names it in URLs (`data-entity-key`).
    pub key: &'a str,
    /// Its type (class, shape).
    pub ty: EntityType,
    /// Its name (label).
    pub name: &'a str,
    /// Tooltip: name, type, articles, aliases.
    pub title: &'a str,
    /// Whether it is an active filter.
    pub included: bool,
}

/// A node's outline of radius `r`, centred on the origin: circle (person),
/// square (organisation), triangle (place), diamond (nationality or group),
/// hexagon (date), so type reads without colour.
pub fn shape(ty: EntityType, r: f64) -> String {
    let corners: &[(f64, f64)] = match ty {
        EntityType::Person => {
            return format!(r#"<circle class="net-shape" r="{}"></circle>"#, N(r))
        }
        EntityType::Org => &[(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)],
        EntityType::Place => &[(0.0, -1.2), (1.1, 0.8), (-1.1, 0.8)],
        EntityType::Norp => &[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)],
        EntityType::Date => &[
            (1.0, 0.0),
            (0.5, 0.87),
            (-0.5, 0.87),
            (-1.0, 0.0),
            (-0.5, -0.87),
            (0.5, -0.87),
        ],
    };
    let mut m = String::from(r#"<polygon class="net-shape" points=""#);
    for (i, (x, y)) in corners.iter().enumerate() {
        w!(
            m,
            "{}{},{}",
            if i == 0 { "" } else { " " },
            N(x * r),
            N(y * r)
        );
    }
    m.push_str(r#""></polygon>"#);
    m
}

/// Drawing coordinates of a layout position.
fn net_xy(p: Point) -> (N, N) {
    (
        N(NET_PAD + f64::from(p[0]) / f64::from(ASPECT) * (NETWORK_W - 2.0 * NET_PAD)),
        N(NET_PAD + f64::from(p[1]) * (NETWORK_H - 2.0 * NET_PAD)),
    )
}

/// The network's edges (each with a wide invisible hit line, `data-ea`/
/// `data-eb` the entity numbers of its ends) and nodes (`data-entity-id`,
/// `data-e` the entity number, `data-n` its articles, focusable). `texts` and `pos` run parallel to
/// `graph.nodes`; `pair` is the selected edge, as entity numbers.
pub fn network(
    graph: &Graph,
    pos: &[Point],
    texts: &[NodeText],
    pair: Option<(u32, u32)>,
) -> String {
    let n = graph.nodes.len().min(pos.len()).min(texts.len());
    let mut m = String::from(r#"<g class="net-edges">"#);
    let max_w = graph
        .edges
        .iter()
        .map(|e| e.weight)
        .max()
        .unwrap_or(1)
        .max(1);
    for e in graph.edges.iter().filter(|e| e.a < n && e.b < n) {
        let Edge { a, b, weight } = *e;
        let (ea, eb) = (graph.nodes[a].entity, graph.nodes[b].entity);
        let ((x1, y1), (x2, y2)) = (net_xy(pos[a]), net_xy(pos[b]));
        let chosen = pair == Some((ea, eb)) || pair == Some((eb, ea));
        w!(
            m,
            r#"<g class="net-edge{}" data-a="{}" data-b="{}" data-ea="{ea}" data-eb="{eb}"><title>{} and {}: {weight}</title><line class="net-line" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{}"></line><line class="net-hit" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"></line></g>"#,
            if chosen { " is-selected" } else { "" },
            Esc(texts[a].id),
            Esc(texts[b].id),
            Esc(texts[a].name),
            Esc(texts[b].name),
            N(1.0 + 5.0 * f64::from(weight) / f64::from(max_w))
        );
    }
    m.push_str(r#"</g><g class="net-nodes">"#);
    let most = graph
        .nodes
        .iter()
        .map(|n| n.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    for (i, (node, t)) in graph.nodes.iter().zip(texts).take(n).enumerate() {
        let (x, y) = net_xy(pos[i]);
        let r = 6.0 + 14.0 * (f64::from(node.articles) / f64::from(most)).sqrt();
        w!(
            m,
            r#"<g class="net-node type-{ty}{}" transform="translate({x} {y})" data-entity-id="{}" data-entity-type="{ty}" data-entity-key="{}" data-e="{}" data-n="{}" tabindex="0" role="button" aria-pressed="{}" aria-label="{title}: filter by it; press O to open its page"><title>{title}</title>{}"#,
            if t.included { " is-included" } else { "" },
            Esc(t.id),
            Esc(t.key),
            node.entity,
            node.articles,
            t.included,
            shape(t.ty, r),
            ty = t.ty.key(),
            title = Esc(t.title)
        );
        if i < MINOR_LABELS {
            w!(
                m,
                r#"<text class="net-label{}" x="{}" dy="0.35em">{}</text>"#,
                if i < LABELS { "" } else { " minor" },
                N(r + 4.0),
                Esc(t.name)
            );
        }
        m.push_str("</g>");
    }
    m.push_str("</g>");
    m
}

// --- map ------------------------------------------------------------------

/// How a marker is named.
pub struct MarkerText<'a> {
    /// The place's id (`data-entity-id`).
    pub id: &'a str,
    /// The key that names it in URLs (`data-entity-key`).
    pub key: &'a str,
    /// Its name (label).
    pub name: &'a str,
    /// Tooltip: name, aliases, articles.
    pub title: &'a str,
    /// Whether it is an active filter.
    pub included: bool,
}

/// Markers named on a frame (the largest).
const MAP_LABELS: usize = 6;

/// One map frame: sea, country outlines, the boxes of closer frames
/// (`insets`, `[x, y, w, h]`), and the markers (largest first, so small ones
/// stay on top), each focusable, with `data-entity-id`, `data-e` (entity
/// number) and `data-n` (articles).
pub fn map_frame(frame: &Frame, insets: &[[f64; 4]], markers: &[(Marker, MarkerText)]) -> String {
    let mut m = String::new();
    w!(
        m,
        r#"<rect class="map-sea" width="{}" height="{}"></rect><g class="map-land" aria-hidden="true">"#,
        N(frame.width),
        N(frame.height)
    );
    for s in &frame.shapes {
        w!(m, r#"<path d="{}"></path>"#, Esc(&s.d));
    }
    m.push_str("</g>");
    for [x, y, w, h] in insets {
        w!(
            m,
            r#"<rect class="map-inset" x="{}" y="{}" width="{}" height="{}"></rect>"#,
            N(*x),
            N(*y),
            N(*w),
            N(*h)
        );
    }
    m.push_str(r#"<g class="map-markers">"#);
    for (k, (mk, t)) in markers.iter().enumerate() {
        w!(
            m,
            r#"<g class="map-marker{}" data-entity-id="{}" data-entity-key="{}" data-e="{}" data-n="{}" tabindex="0" role="button" aria-pressed="{}" aria-label="{title}; filter by it, or press O to open its page"><title>{title}</title><circle cx="{}" cy="{}" r="{}"></circle>"#,
            if t.included { " is-included" } else { "" },
            Esc(t.id),
            Esc(t.key),
            mk.entity,
            mk.articles,
            t.included,
            N(mk.x),
            N(mk.y),
            N(mk.r),
            title = Esc(t.title)
        );
        if k < MAP_LABELS {
            w!(
                m,
                r#"<text class="map-label" x="{}" y="{}" dy="0.35em">{}</text>"#,
                N(mk.x + mk.r + 3.0),
                N(mk.y),
                Esc(t.name)
            );
        }
        m.push_str("</g>");
    }
    m.push_str("</g>");
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        let cases = [
            ("Fuzuli", "Fuzuli"),
            ("a & b", "a &amp; b"),
            (
                r#""><script>alert(1)</script>"#,
                "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("O'Brien", "O&#39;Brien"),
            ("Füzuli — “Ağdam” 🗺", "Füzuli — “Ağdam” 🗺"),
            ("", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(escape(raw), want, "{raw}");
        }
    }

    #[test]
    fn numbers_have_one_decimal_and_no_negative_zero() {
        let cases = [
            (1.0, "1.0"),
            (-0.04, "0.0"),
            (-0.06, "-0.1"),
            (12.345, "12.3"),
            (f64::NAN, "0.0"),
            (f64::INFINITY, "0.0"),
        ];
        for (v, want) in cases {
            assert_eq!(N(v).to_string(), want, "{v}");
        }
    }
}
