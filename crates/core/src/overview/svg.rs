//! The overviews' charts as SVG markup text: the timeline's bars, the
//! network's nodes and edges, a map frame's outlines and markers, an
//! entity's sparkline. The app sets this text as the contents of an `<svg>`
//! and handles events on the `<svg>` itself (reading `data-*` attributes), so
//! a chart of a thousand marks is one string rather than a thousand reactive
//! nodes: drawing them with Leptos `view!` templates added about 100 KB gzip
//! to the wasm. The same text is what the native tests compare to show that
//! the same input gives the same drawing.
//!
//! Every text and attribute value goes through [`escape`]: entity names come
//! from a reader's own articles.

use super::map::{Frame, Marker};
use super::network::{Edge, Graph, Point, ASPECT};
use super::timeline::{Bins, Timeline};
use crate::extract::EntityType;
use std::fmt::Display;

/// `s` with `& < > " '` replaced by entities: safe as text and as a quoted
/// attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// "1 article", "3 articles".
fn articles(n: u32) -> String {
    if n == 1 {
        "1 article".to_string()
    } else {
        format!("{n} articles")
    }
}

/// A number with one decimal place (plenty for drawings ~1000 units wide).
fn num(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.1}");
    if s == "-0.0" {
        "0.0".to_string()
    } else {
        s
    }
}

/// Markup text built element by element, every attribute value and text
/// escaped: `m.leaf("rect", &[("x", &1)])`. The app builds its overview
/// panels with it too, so no string reaches the page unescaped.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// `<tag k="v"…>`.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &dyn Display)]) {
        self.0.push('<');
        self.0.push_str(tag);
        for (k, v) in attrs {
            self.0.push(' ');
            self.0.push_str(k);
            self.0.push_str("=\"");
            self.0.push_str(&escape(&v.to_string()));
            self.0.push('"');
        }
        self.0.push('>');
    }

    /// `<tag …></tag>`.
    pub fn leaf(&mut self, tag: &str, attrs: &[(&str, &dyn Display)]) {
        self.open(tag, attrs);
        self.close(tag);
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
    }

    /// `<tag …>text</tag>`.
    pub fn text(&mut self, tag: &str, attrs: &[(&str, &dyn Display)], text: &str) {
        self.open(tag, attrs);
        self.push_text(text);
        self.close(tag);
    }

    /// Text between elements.
    pub fn push_text(&mut self, text: &str) {
        self.0.push_str(&escape(text));
    }

    /// Append markup returned by this module's functions (already escaped).
    pub fn push_built(&mut self, built: &str) {
        self.0.push_str(built);
    }

    /// The markup.
    pub fn finish(self) -> String {
        self.0
    }
}

// --- timeline -------------------------------------------------------------

/// Timeline drawing width.
pub const TIMELINE_W: f64 = 960.0;
/// Timeline drawing height.
pub const TIMELINE_H: f64 = 250.0;
const TL_LEFT: f64 = 48.0;
const TL_RIGHT: f64 = 12.0;
const TL_TOP: f64 = 16.0;
const TL_BOTTOM: f64 = 44.0;
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

/// The x-extent `[x, width]` of bins `a..=b` (a drag's shading).
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
    let n = bins
        .count
        .min(c.counts.published.len())
        .min(c.counts.mentioned.len());
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
        TIMELINE_H - TL_BOTTOM - (TIMELINE_H - TL_TOP - TL_BOTTOM) * f64::from(v) / f64::from(peak)
    };
    let bw = bin_w(bins);
    let mut m = Markup::default();
    if let Some((a, b)) = c.selected {
        let [x, top, w, h] = bins_span(bins, a, b);
        m.leaf(
            "rect",
            &[
                ("class", &"tl-range"),
                ("x", &num(x)),
                ("y", &num(top)),
                ("width", &num(w)),
                ("height", &num(h)),
            ],
        );
    }
    for v in [0, peak / 2, peak] {
        if v == peak / 2 && (v == 0 || v == peak) {
            continue;
        }
        let yv = num(y(v));
        m.open("g", &[("class", &"tl-grid")]);
        m.leaf(
            "line",
            &[
                ("x1", &num(TL_LEFT)),
                ("x2", &num(TIMELINE_W - TL_RIGHT)),
                ("y1", &yv),
                ("y2", &yv),
            ],
        );
        m.text(
            "text",
            &[
                ("x", &num(TL_LEFT - 8.0)),
                ("y", &yv),
                ("dy", &"0.35em"),
                ("text-anchor", &"end"),
            ],
            &v.to_string(),
        );
        m.close("g");
    }
    let base = TIMELINE_H - TL_BOTTOM;
    m.leaf(
        "line",
        &[
            ("class", &"tl-axis"),
            ("x1", &num(TL_LEFT)),
            ("x2", &num(TIMELINE_W - TL_RIGHT)),
            ("y1", &num(base)),
            ("y2", &num(base)),
        ],
    );
    for i in 0..n {
        let (p, q) = (c.counts.published[i], c.counts.mentioned[i]);
        if p == 0 && q == 0 {
            continue;
        }
        let x = bin_x(bins, i);
        m.open(
            "g",
            &[
                ("class", &"tl-bars"),
                ("data-bin", &i),
                ("data-published", &p),
                ("data-mentioned", &q),
            ],
        );
        for (class, v, dx) in [("tl-published", p, 0.12), ("tl-mentioned", q, 0.52)] {
            let top = y(v);
            m.leaf(
                "rect",
                &[
                    ("class", &class),
                    ("x", &num(x + bw * dx)),
                    ("y", &num(top)),
                    ("width", &num(bw * 0.36)),
                    ("height", &num(base - top)),
                ],
            );
        }
        m.close("g");
    }
    for (k, series) in c.lines.iter().enumerate() {
        let points: Vec<String> = series
            .iter()
            .take(bins.count)
            .enumerate()
            .map(|(i, &v)| format!("{},{}", num(bin_x(bins, i) + bw / 2.0), num(y(v))))
            .collect();
        m.leaf(
            "polyline",
            &[
                ("class", &format!("tl-line line-{k}")),
                ("points", &points.join(" ")),
            ],
        );
    }
    for i in (0..bins.count).step_by(bins.count.div_ceil(TICKS).max(1)) {
        m.text(
            "text",
            &[
                ("class", &"tl-tick"),
                ("x", &num(bin_x(bins, i) + bw / 2.0)),
                ("y", &num(base + 24.0)),
                ("text-anchor", &"middle"),
            ],
            &bins.tick(i),
        );
    }
    m.open("g", &[("class", &"tl-hits")]);
    for i in 0..bins.count {
        let (p, q) = (
            c.counts.published.get(i).copied().unwrap_or(0),
            c.counts.mentioned.get(i).copied().unwrap_or(0),
        );
        let label = format!(
            "{}: {} published, {} mentioning it",
            bins.label(i),
            articles(p),
            articles(q)
        );
        let pressed = c.selected.is_some_and(|(a, b)| (a..=b).contains(&i));
        m.leaf(
            "rect",
            &[
                ("class", &"tl-hit"),
                ("data-testid", &"timeline-bin"),
                ("data-bin", &i),
                ("data-start", &bins.start(i)),
                ("data-end", &bins.end(i)),
                ("x", &num(bin_x(bins, i))),
                ("y", &num(TL_TOP)),
                ("width", &num(bw)),
                ("height", &num(TIMELINE_H - TL_TOP)),
                ("role", &"button"),
                ("tabindex", &if i == c.focus { "0" } else { "-1" }),
                ("aria-pressed", &pressed),
                ("aria-label", &label),
            ],
        );
    }
    m.close("g");
    m.finish()
}

/// Sparkline drawing width.
pub const SPARK_W: f64 = 240.0;
/// Sparkline drawing height.
pub const SPARK_H: f64 = 36.0;

/// Bars for a sparkline of per-bin counts.
pub fn sparkline(series: &[u32]) -> String {
    let peak = series.iter().copied().max().unwrap_or(0).max(1);
    let bw = SPARK_W / series.len().max(1) as f64;
    let mut m = Markup::default();
    m.leaf(
        "line",
        &[
            ("x1", &0),
            ("x2", &num(SPARK_W)),
            ("y1", &num(SPARK_H)),
            ("y2", &num(SPARK_H)),
        ],
    );
    for (i, &v) in series.iter().enumerate().filter(|(_, &v)| v > 0) {
        let h = (SPARK_H - 2.0) * f64::from(v) / f64::from(peak);
        m.leaf(
            "rect",
            &[
                ("x", &num(i as f64 * bw + bw * 0.1)),
                ("y", &num(SPARK_H - h)),
                ("width", &num((bw * 0.8).max(1.0))),
                ("height", &num(h)),
            ],
        );
    }
    m.finish()
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
    let mut m = Markup::default();
    let poly = |m: &mut Markup, corners: &[(f64, f64)]| {
        let pts: Vec<String> = corners
            .iter()
            .map(|(x, y)| format!("{},{}", num(x * r), num(y * r)))
            .collect();
        m.leaf(
            "polygon",
            &[("class", &"net-shape"), ("points", &pts.join(" "))],
        );
    };
    match ty {
        EntityType::Person => m.leaf("circle", &[("class", &"net-shape"), ("r", &num(r))]),
        EntityType::Org => {
            let s = r * 0.9;
            m.leaf(
                "rect",
                &[
                    ("class", &"net-shape"),
                    ("x", &num(-s)),
                    ("y", &num(-s)),
                    ("width", &num(2.0 * s)),
                    ("height", &num(2.0 * s)),
                ],
            )
        }
        EntityType::Place => poly(&mut m, &[(0.0, -1.2), (1.1, 0.8), (-1.1, 0.8)]),
        EntityType::Norp => poly(&mut m, &[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)]),
        EntityType::Date => poly(
            &mut m,
            &[
                (1.0, 0.0),
                (0.5, 0.87),
                (-0.5, 0.87),
                (-1.0, 0.0),
                (-0.5, -0.87),
                (0.5, -0.87),
            ],
        ),
    }
    m.finish()
}

/// Drawing coordinates of a layout position.
fn net_xy(p: Point) -> (f64, f64) {
    (
        NET_PAD + f64::from(p[0]) / f64::from(ASPECT) * (NETWORK_W - 2.0 * NET_PAD),
        NET_PAD + f64::from(p[1]) * (NETWORK_H - 2.0 * NET_PAD),
    )
}

/// The network's edges (each with a wide invisible hit line, `data-ea`/
/// `data-eb` the entity numbers of its ends) and nodes (`data-entity-id`,
/// focusable). `texts` and `pos` run parallel to `graph.nodes`; `pair` is the
/// selected edge, as entity numbers.
pub fn network(
    graph: &Graph,
    pos: &[Point],
    texts: &[NodeText],
    pair: Option<(u32, u32)>,
) -> String {
    let n = graph.nodes.len().min(pos.len()).min(texts.len());
    let mut m = Markup::default();
    let max_w = graph
        .edges
        .iter()
        .map(|e| e.weight)
        .max()
        .unwrap_or(1)
        .max(1);
    m.open("g", &[("class", &"net-edges")]);
    for e in graph.edges.iter().filter(|e| e.a < n && e.b < n) {
        let Edge { a, b, weight } = *e;
        let (ea, eb) = (graph.nodes[a].entity, graph.nodes[b].entity);
        let ((x1, y1), (x2, y2)) = (net_xy(pos[a]), net_xy(pos[b]));
        let class = if pair == Some((ea, eb)) || pair == Some((eb, ea)) {
            "net-edge is-selected"
        } else {
            "net-edge"
        };
        m.open(
            "g",
            &[
                ("class", &class),
                ("data-a", &texts[a].id),
                ("data-b", &texts[b].id),
                ("data-ea", &ea),
                ("data-eb", &eb),
            ],
        );
        m.text(
            "title",
            &[],
            &format!("{} and {}: {weight}", texts[a].name, texts[b].name),
        );
        let ends: [(&str, &dyn Display); 4] = [
            ("x1", &num(x1)),
            ("y1", &num(y1)),
            ("x2", &num(x2)),
            ("y2", &num(y2)),
        ];
        let width = num(1.0 + 5.0 * f64::from(weight) / f64::from(max_w));
        m.leaf(
            "line",
            &[
                ("class", &"net-line"),
                ends[0],
                ends[1],
                ends[2],
                ends[3],
                ("stroke-width", &width),
            ],
        );
        m.leaf(
            "line",
            &[("class", &"net-hit"), ends[0], ends[1], ends[2], ends[3]],
        );
        m.close("g");
    }
    m.close("g");
    let most = graph
        .nodes
        .iter()
        .map(|n| n.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    m.open("g", &[("class", &"net-nodes")]);
    for (i, (node, t)) in graph.nodes.iter().zip(texts).take(n).enumerate() {
        let (x, y) = net_xy(pos[i]);
        let r = 6.0 + 14.0 * (f64::from(node.articles) / f64::from(most)).sqrt();
        let class = format!(
            "net-node type-{}{}",
            t.ty.key(),
            if t.included { " is-included" } else { "" }
        );
        m.open(
            "g",
            &[
                ("class", &class),
                ("transform", &format!("translate({} {})", num(x), num(y))),
                ("data-entity-id", &t.id),
                ("data-entity-type", &t.ty.key()),
                ("data-entity-key", &t.key),
                ("data-e", &node.entity),
                ("tabindex", &"0"),
                ("role", &"button"),
                ("aria-pressed", &t.included),
                (
                    "aria-label",
                    &format!("{}: filter by it; press O to open its page", t.title),
                ),
            ],
        );
        m.text("title", &[], t.title);
        m.push_built(&shape(t.ty, r));
        if i < MINOR_LABELS {
            let class = if i < LABELS {
                "net-label"
            } else {
                "net-label minor"
            };
            m.text(
                "text",
                &[("class", &class), ("x", &num(r + 4.0)), ("dy", &"0.35em")],
                t.name,
            );
        }
        m.close("g");
    }
    m.close("g");
    m.finish()
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
/// stay on top), each focusable with `data-entity-id`.
pub fn map_frame(frame: &Frame, insets: &[[f64; 4]], markers: &[(Marker, MarkerText)]) -> String {
    let mut m = Markup::default();
    m.leaf(
        "rect",
        &[
            ("class", &"map-sea"),
            ("width", &num(frame.width)),
            ("height", &num(frame.height)),
        ],
    );
    m.open("g", &[("class", &"map-land"), ("aria-hidden", &"true")]);
    for s in &frame.shapes {
        m.leaf("path", &[("d", &s.d)]);
    }
    m.close("g");
    for [x, y, w, h] in insets {
        m.leaf(
            "rect",
            &[
                ("class", &"map-inset"),
                ("x", &num(*x)),
                ("y", &num(*y)),
                ("width", &num(*w)),
                ("height", &num(*h)),
            ],
        );
    }
    m.open("g", &[("class", &"map-markers")]);
    for (k, (mk, t)) in markers.iter().enumerate() {
        let class = if t.included {
            "map-marker is-included"
        } else {
            "map-marker"
        };
        m.open(
            "g",
            &[
                ("class", &class),
                ("data-entity-id", &t.id),
                ("data-entity-key", &t.key),
                ("data-e", &mk.entity),
                ("tabindex", &"0"),
                ("role", &"button"),
                ("aria-pressed", &t.included),
                (
                    "aria-label",
                    &format!("{}; filter by it, or press O to open its page", t.title),
                ),
            ],
        );
        m.text("title", &[], t.title);
        m.leaf(
            "circle",
            &[("cx", &num(mk.x)), ("cy", &num(mk.y)), ("r", &num(mk.r))],
        );
        if k < MAP_LABELS {
            m.text(
                "text",
                &[
                    ("class", &"map-label"),
                    ("x", &num(mk.x + mk.r + 3.0)),
                    ("y", &num(mk.y)),
                    ("dy", &"0.35em"),
                ],
                t.name,
            );
        }
        m.close("g");
    }
    m.close("g");
    m.finish()
}
