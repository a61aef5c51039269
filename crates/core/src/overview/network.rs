//! Who is mentioned with whom: a co-occurrence network of the entities of the
//! matching articles, with the guardrails that keep it readable (a minimum
//! number of shared paragraphs or articles per edge, the top N entities, the
//! types drawn, a cap on edges), the passages that back an edge, and a
//! deterministic force-directed layout.
//!
//! The layout is Fruchterman–Reingold with every node starting at a point
//! derived from a hash of its entity (no random source): the same graph
//! always gets the same picture, and a node keeps roughly its place when a
//! filter changes the graph around it. All arithmetic is plain `f32`
//! addition, multiplication, division and square roots, which IEEE 754 fixes
//! exactly, so the layout is the same natively and in wasm.

use crate::corpus::Document;
use crate::extract::EntityType;
use crate::index::{DocSet, Index};
use crate::text::Fnv;
use crate::url_state::{NetworkParams, Together, TypeSet};
use std::hash::Hasher;

/// Fewest shared units for an edge when the URL does not say (`min=`).
pub const DEFAULT_MIN: u32 = 2;
/// Entities drawn when the URL does not say (`top=`).
pub const DEFAULT_TOP: usize = 40;
/// Most entities ever drawn, whatever `top=` asks (the layout is quadratic).
pub const MAX_NODES: usize = 500;
/// Types drawn when the URL does not say: dates are left out, since every
/// article's dates co-occur with everything in it.
pub const DEFAULT_TYPES: TypeSet = TypeSet(
    1 << EntityType::Person as u8
        | 1 << EntityType::Org as u8
        | 1 << EntityType::Place as u8
        | 1 << EntityType::Norp as u8,
);

/// The guardrails, resolved from the URL's [`NetworkParams`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Fewest shared paragraphs or articles for an edge.
    pub min: u32,
    /// Most entities drawn.
    pub top: usize,
    /// Types drawn.
    pub types: TypeSet,
    /// What counts as being together.
    pub by: Together,
}

impl Options {
    /// The options a URL asks for, defaults filled in, `top` capped at [`MAX_NODES`].
    pub fn from_params(p: &NetworkParams) -> Options {
        Options {
            min: p.min.unwrap_or(DEFAULT_MIN).max(1),
            top: p
                .top
                .map_or(DEFAULT_TOP, |t| t as usize)
                .clamp(1, MAX_NODES),
            types: p.types.unwrap_or(DEFAULT_TYPES),
            by: p.by,
        }
    }
}

/// A paragraph with the entities mentioned in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte offset of the paragraph in its document's text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Char offset of its first mention (where "open in the article" lands).
    pub at: usize,
    /// Entity numbers, sorted, each once.
    pub entities: Vec<u32>,
}

/// Per document, the paragraphs that mention at least one entity. Built once
/// per corpus; the unit of co-occurrence in paragraph mode.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraphs {
    per_doc: Vec<Vec<Paragraph>>,
}

impl Paragraphs {
    /// Group each document's mentions by the block (line) they fall in.
    pub fn new(docs: &[Document], index: &Index) -> Paragraphs {
        let per_doc = (0..index.doc_count())
            .map(|d| {
                let blocks = docs.get(d).map_or(&[][..], |doc| doc.blocks.as_slice());
                let mut out: Vec<Paragraph> = Vec::new();
                let mut b = 0;
                for m in index.mentions_of(d as u32) {
                    let Some(e) = index.lookup(m.ty, &m.entity) else {
                        continue;
                    };
                    while b < blocks.len() && blocks[b].end <= m.start {
                        b += 1;
                    }
                    // A mention outside every block (none are, by construction)
                    // forms a paragraph of its own.
                    let (start, end) = match blocks.get(b) {
                        Some(bl) if bl.start <= m.start => (bl.start, bl.end),
                        _ => (m.start, m.end),
                    };
                    match out.last_mut() {
                        Some(p) if p.start == start => p.entities.push(e),
                        _ => out.push(Paragraph {
                            start,
                            end,
                            at: m.char_start,
                            entities: vec![e],
                        }),
                    }
                }
                for p in &mut out {
                    p.entities.sort_unstable();
                    p.entities.dedup();
                }
                out
            })
            .collect();
        Paragraphs { per_doc }
    }

    /// The paragraphs of document `d` that mention an entity.
    pub fn of(&self, d: u32) -> &[Paragraph] {
        self.per_doc.get(d as usize).map_or(&[], Vec::as_slice)
    }
}

/// An entity drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Node {
    /// Entity number.
    pub entity: u32,
    /// Matching articles that mention it.
    pub articles: u32,
}

/// Two entities together in `weight` paragraphs or articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    /// Index of one node in [`Graph::nodes`] (the smaller).
    pub a: usize,
    /// Index of the other.
    pub b: usize,
    /// Shared paragraphs or articles.
    pub weight: u32,
}

/// The network drawn for a set of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    /// Entities with at least one edge, most articles first.
    pub nodes: Vec<Node>,
    /// Edges, strongest first.
    pub edges: Vec<Edge>,
    /// Entities of the chosen types in the documents.
    pub candidates: usize,
    /// Pairs among the top entities at or above the threshold, before the cap
    /// on edges ([`edge_cap`]).
    pub pairs: usize,
}

/// Edges drawn for `n` nodes: the strongest this many, plus the strongest
/// edge of any node they leave out.
pub fn edge_cap(n: usize) -> usize {
    (n * 3).max(30)
}

/// The co-occurrence network of `docs`.
pub fn graph(index: &Index, paragraphs: &Paragraphs, docs: &DocSet, opts: &Options) -> Graph {
    let n_entities = index.entities.len();
    let allowed = |e: u32| {
        index
            .entities
            .get(e as usize)
            .is_some_and(|x| opts.types.contains(x.ty))
    };
    let mut counts = vec![0u32; n_entities];
    for d in docs.iter() {
        for &(e, _) in index.entities_of(d) {
            if allowed(e) {
                counts[e as usize] += 1;
            }
        }
    }
    let ranked: Vec<u32> = (0..n_entities as u32)
        .filter(|&e| counts[e as usize] > 0)
        .collect();
    let candidates = ranked.len();
    // Most articles first; ties in entity order (by id, then type).
    let mut keyed: Vec<(u32, u32)> = ranked
        .iter()
        .map(|&e| (u32::MAX - counts[e as usize], e))
        .collect();
    super::sort_pairs(&mut keyed);
    let mut ranked: Vec<u32> = keyed.into_iter().map(|k| k.1).collect();
    ranked.truncate(opts.top.clamp(1, MAX_NODES));
    let n = ranked.len();
    let mut slot = vec![u32::MAX; n_entities];
    for (i, &e) in ranked.iter().enumerate() {
        slot[e as usize] = i as u32;
    }
    // Pair counts in a triangular matrix (n <= MAX_NODES keeps it small).
    let tri = |a: usize, b: usize| b * (b - 1) / 2 + a;
    let mut together = vec![0u32; n * n.saturating_sub(1) / 2];
    let mut members: Vec<u32> = Vec::new();
    let mut count_unit = |entities: &mut dyn Iterator<Item = u32>| {
        members.clear();
        members.extend(
            entities
                .map(|e| slot.get(e as usize).copied().unwrap_or(u32::MAX))
                .filter(|&s| s != u32::MAX),
        );
        members.sort_unstable();
        members.dedup();
        for (j, &b) in members.iter().enumerate() {
            for &a in &members[..j] {
                together[tri(a as usize, b as usize)] += 1;
            }
        }
    };
    for d in docs.iter() {
        match opts.by {
            Together::Articles => count_unit(&mut index.entities_of(d).iter().map(|p| p.0)),
            Together::Paragraphs => {
                for p in paragraphs.of(d) {
                    count_unit(&mut p.entities.iter().copied());
                }
            }
        }
    }
    let mut found: Vec<Edge> = Vec::new();
    for a in 0..n {
        for b in (a + 1)..n {
            let weight = together[tri(a, b)];
            if weight >= opts.min {
                found.push(Edge { a, b, weight });
            }
        }
    }
    let pairs = found.len();
    // Strongest first; ties in (a, b) order, as found.
    let mut keyed: Vec<(u32, u32)> = found
        .iter()
        .enumerate()
        .map(|(i, e)| (u32::MAX - e.weight, i as u32))
        .collect();
    super::sort_pairs(&mut keyed);
    // The strongest edges up to the cap, and past it each node's strongest
    // edge, so the cap thins the drawing without dropping any entity.
    let mut keep = vec![usize::MAX; n];
    let mut edges: Vec<Edge> = Vec::new();
    for (rank, k) in keyed.iter().enumerate() {
        let e = found[k.1 as usize];
        if rank < edge_cap(n) || keep[e.a] != 0 || keep[e.b] != 0 {
            edges.push(e);
            keep[e.a] = 0;
            keep[e.b] = 0;
        }
    }
    // Keep the nodes that have an edge, renumbered in rank order.
    let mut nodes = Vec::new();
    for (i, k) in keep.iter_mut().enumerate() {
        if *k == 0 {
            *k = nodes.len();
            let e = ranked[i];
            nodes.push(Node {
                entity: e,
                articles: counts[e as usize],
            });
        }
    }
    for e in &mut edges {
        (e.a, e.b) = (keep[e.a].min(keep[e.b]), keep[e.a].max(keep[e.b]));
    }
    Graph {
        nodes,
        edges,
        candidates,
        pairs,
    }
}

/// The passages behind an edge: each matching document that mentions both
/// entities, with the paragraphs where both appear (empty when they share
/// only the article).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backing {
    /// Document number.
    pub doc: u32,
    /// Paragraphs mentioning both, in text order.
    pub paragraphs: Vec<Paragraph>,
}

/// What backs the pair `a`–`b` in `docs`; in paragraph mode only documents
/// with a shared paragraph.
pub fn backing(
    index: &Index,
    paragraphs: &Paragraphs,
    docs: &DocSet,
    a: u32,
    b: u32,
    by: Together,
) -> Vec<Backing> {
    let mentions = |d: u32, e: u32| {
        index
            .entities_of(d)
            .binary_search_by_key(&e, |p| p.0)
            .is_ok()
    };
    docs.iter()
        .filter(|&d| mentions(d, a) && mentions(d, b))
        .map(|d| Backing {
            doc: d,
            paragraphs: paragraphs
                .of(d)
                .iter()
                .filter(|p| {
                    p.entities.binary_search(&a).is_ok() && p.entities.binary_search(&b).is_ok()
                })
                .cloned()
                .collect(),
        })
        .filter(|x| by == Together::Articles || !x.paragraphs.is_empty())
        .collect()
}

/// A node's position, in a box of width [`ASPECT`] and height 1.
pub type Point = [f32; 2];

/// Width of the layout box relative to its height.
pub const ASPECT: f32 = 1.5;

/// Most iterations of the force simulation (small graphs).
pub const ITERATIONS: usize = 300;
/// Fewest iterations (large graphs).
pub const MIN_ITERATIONS: usize = 60;
/// Node pairs the repulsion may visit in one layout, summed over iterations:
/// large graphs get fewer iterations so 500 nodes stay well under 200 ms in
/// the browser.
pub const PAIR_BUDGET: usize = 7_500_000;

/// Iterations for `n` nodes.
pub fn iterations(n: usize) -> usize {
    let pairs = (n * n.saturating_sub(1) / 2).max(1);
    (PAIR_BUDGET / pairs).clamp(MIN_ITERATIONS, ITERATIONS)
}

/// A start position for each node of `graph`, from a hash of its entity.
pub fn keys(index: &Index, graph: &Graph) -> Vec<u64> {
    graph
        .nodes
        .iter()
        .map(|n| {
            let e = &index.entities[n.entity as usize];
            let mut h = Fnv::default();
            h.write(e.ty.key().as_bytes());
            h.write(b":");
            h.write(e.id.as_bytes());
            h.finish()
        })
        .collect()
}

/// Lay out `keys.len()` nodes joined by `edges` (node indices and weights),
/// scaled to fill a box of [`ASPECT`] by 1. Deterministic: the same input
/// always gives bit-identical positions.
pub fn layout(keys: &[u64], edges: &[Edge]) -> Vec<Point> {
    let n = keys.len();
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![[ASPECT / 2.0, 0.5]];
    }
    let (mut xs, mut ys): (Vec<f32>, Vec<f32>) = keys
        .iter()
        .map(|&k| {
            let mut s = k;
            (unit(splitmix(&mut s)) * ASPECT, unit(splitmix(&mut s)))
        })
        .unzip();
    let k = (ASPECT / n as f32).sqrt() * 0.9;
    let k2 = k * k;
    let max_w = edges.iter().map(|e| e.weight).max().unwrap_or(1).max(1) as f32;
    let links: Vec<(usize, usize, f32)> = edges
        .iter()
        .filter(|e| e.a < n && e.b < n && e.a != e.b)
        .map(|e| (e.a, e.b, (0.3 + 0.7 * (e.weight as f32 / max_w).sqrt()) / k))
        .collect();
    let (cx, cy, gravity) = (ASPECT / 2.0, 0.5, 2.0 * k);
    let (mut dx_all, mut dy_all) = (vec![0f32; n], vec![0f32; n]);
    let rounds = iterations(n);
    for it in 0..rounds {
        let t = 0.08 * (1.0 - it as f32 / rounds as f32) + 0.002;
        dx_all.fill(0.0);
        dy_all.fill(0.0);
        for i in 0..n {
            let (xi, yi) = (xs[i], ys[i]);
            let (mut fx, mut fy) = (0f32, 0f32);
            for j in (i + 1)..n {
                let mut dx = xi - xs[j];
                let mut dy = yi - ys[j];
                let mut d2 = dx * dx + dy * dy;
                if d2 < 1e-9 {
                    // Coincident nodes: push apart along a fixed direction.
                    dx = 1e-3 * (1 + (i + j) % 3) as f32;
                    dy = 1e-3 * (1 + (i * 7 + j) % 5) as f32;
                    d2 = dx * dx + dy * dy;
                }
                let f = k2 / d2;
                let (px, py) = (dx * f, dy * f);
                fx += px;
                fy += py;
                dx_all[j] -= px;
                dy_all[j] -= py;
            }
            dx_all[i] += fx;
            dy_all[i] += fy;
        }
        for &(a, b, w) in &links {
            let dx = xs[a] - xs[b];
            let dy = ys[a] - ys[b];
            let f = (dx * dx + dy * dy).sqrt() * w;
            dx_all[a] -= dx * f;
            dy_all[a] -= dy * f;
            dx_all[b] += dx * f;
            dy_all[b] += dy * f;
        }
        for i in 0..n {
            // Gravity keeps separate components in view.
            let dx = dx_all[i] - (xs[i] - cx) * gravity;
            let dy = dy_all[i] - (ys[i] - cy) * gravity;
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 && len.is_finite() {
                let step = len.min(t) / len;
                xs[i] += dx * step;
                ys[i] += dy * step;
            }
        }
    }
    let mut pos: Vec<Point> = xs.into_iter().zip(ys).map(|(x, y)| [x, y]).collect();
    fit(&mut pos);
    pos
}

/// Scale positions to fill the box exactly.
fn fit(pos: &mut [Point]) {
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in pos.iter() {
        for c in 0..2 {
            lo[c] = lo[c].min(p[c]);
            hi[c] = hi[c].max(p[c]);
        }
    }
    let size = [ASPECT, 1.0];
    for p in pos.iter_mut() {
        for c in 0..2 {
            let span = hi[c] - lo[c];
            p[c] = if span > 1e-6 && span.is_finite() {
                (p[c] - lo[c]) / span * size[c]
            } else {
                size[c] / 2.0
            };
            if !p[c].is_finite() {
                p[c] = size[c] / 2.0;
            }
        }
    }
}

/// SplitMix64: a fixed, portable sequence from a seed.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A number in [0, 1) from the top 24 bits.
fn unit(x: u64) -> f32 {
    (x >> 40) as f32 / (1u64 << 24) as f32
}

/// A random-looking but fixed graph of `n` nodes (each joined to up to two
/// earlier ones, preferring well-connected ones), for timing the layout.
pub fn synthetic(n: usize, seed: u64) -> (Vec<u64>, Vec<Edge>) {
    let mut s = seed;
    let keys: Vec<u64> = (0..n).map(|_| splitmix(&mut s)).collect();
    let mut edges: Vec<Edge> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    for b in 1..n {
        for _ in 0..2 {
            let r = splitmix(&mut s) as usize;
            let a = if ends.is_empty() || r.is_multiple_of(3) {
                r % b
            } else {
                ends[(r / 3) % ends.len()]
            };
            if !edges.iter().rev().take(2).any(|e| e.a == a && e.b == b) {
                edges.push(Edge {
                    a,
                    b,
                    weight: 1 + (r % 5) as u32,
                });
                ends.extend([a, b]);
            }
        }
    }
    (keys, edges)
}
