//! Shared passages: runs of sentences that recur, possibly edited, in two or
//! more documents.
//!
//! Scales without comparing texts pairwise:
//!
//! 1. every document becomes sentence fingerprints (`shingle.rs`);
//! 2. all shingles are sorted by hash, so equal shingles sit together; each
//!    group links its sentences to the group's first sentence from another
//!    document (a star, linear in the group's size), and a map counts the
//!    shingles each pair of sentences shares;
//! 3. a pair is a match when it shares at least [`MIN_SHARED`] shingles and
//!    a fair part ([`MIN_RATIO`]) of the shorter sentence's shingles, which
//!    tolerates dropped words, changed quote marks and reordered clauses but
//!    not a common phrase; matched sentences form clusters (union-find);
//! 4. consecutive sentence clusters that occur together, in the same
//!    documents, one after the other, merge into one passage.
//!
//! Member spans are whole sentences, so they snap to sentence boundaries.

use super::shingle::DocShingles;
use super::span::{Spanner, TextSpan};
use crate::corpus::Document;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Shingles two sentences must share to match.
pub const MIN_SHARED: u32 = 5;
/// Share of the shorter sentence's shingles two sentences must share to match.
pub const MIN_RATIO: f32 = 0.3;
/// Share needed by a pair next to a matching pair (one shingle suffices).
pub const NEIGHBOUR_RATIO: f32 = 0.25;

/// One occurrence of a shared passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageMember {
    /// Index of the document in the analysed slice.
    pub doc: usize,
    /// The passage's text in that document, from the start of its first
    /// sentence to the end of its last.
    pub span: TextSpan,
}

/// A passage found in two or more documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageCluster {
    /// Stable id: `<doc id>@<char start>` of the first member.
    pub id: String,
    /// Occurrences, sorted by document then offset; at least two documents.
    pub members: Vec<PassageMember>,
}

/// How much of a document's content lies in shared passages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedShare {
    /// Index of the document.
    pub doc: usize,
    /// Code points of content (non-furniture blocks) inside shared passages.
    pub shared_chars: usize,
    /// Code points of content (non-furniture blocks).
    pub content_chars: usize,
}

impl SharedShare {
    /// `shared_chars / content_chars`, 0 for an empty document.
    pub fn ratio(&self) -> f32 {
        if self.content_chars == 0 {
            0.0
        } else {
            self.shared_chars as f32 / self.content_chars as f32
        }
    }
}

/// Shared passages of a corpus, and each document's shared share.
pub fn find_passages(docs: &[Document]) -> (Vec<PassageCluster>, Vec<SharedShare>) {
    let shingles: Vec<DocShingles> = docs
        .iter()
        .map(|d| DocShingles::new(&super::prepare::Prepared::new(d)))
        .collect();
    passages_from(docs, &shingles)
}

/// [`find_passages`] over fingerprints already computed.
pub(crate) fn passages_from(
    docs: &[Document],
    fps: &[DocShingles],
) -> (Vec<PassageCluster>, Vec<SharedShare>) {
    // Global sentence ids: first[d] + local index.
    let mut first = Vec::with_capacity(fps.len() + 1);
    let mut total = 0u32;
    for f in fps {
        first.push(total);
        total = total.saturating_add(f.sentences.len() as u32);
    }
    first.push(total);
    let doc_of = |s: u32| first.partition_point(|&f| f <= s) - 1;
    let counts: Vec<u32> = fps.iter().flat_map(|f| f.counts.iter().copied()).collect();

    let mut all: Vec<(u64, u32)> = Vec::with_capacity(fps.iter().map(|f| f.shingles.len()).sum());
    for (d, f) in fps.iter().enumerate() {
        all.extend(f.shingles.iter().map(|&(h, s)| (h, first[d] + s)));
    }
    all.sort_unstable();
    all.dedup();

    // Shingles shared per sentence pair.
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    let mut i = 0;
    while i < all.len() {
        let mut j = i + 1;
        while j < all.len() && all[j].0 == all[i].0 {
            j += 1;
        }
        if j - i >= 2 {
            let group = &all[i..j];
            let hub = group[0].1;
            let hub_doc = doc_of(hub);
            let other = group.iter().map(|g| g.1).find(|&s| doc_of(s) != hub_doc);
            if let Some(other) = other {
                for &(_, s) in &group[1..] {
                    let to = if doc_of(s) == hub_doc { other } else { hub };
                    if to != s {
                        *pairs.entry((to.min(s), to.max(s))).or_insert(0) += 1;
                    }
                }
            }
        }
        i = j;
    }

    // Matching sentences form clusters. A pair next to a match (the
    // sentences before or after both members) needs less evidence: it
    // continues a copied passage.
    let mut uf = UnionFind::new(total as usize);
    let mut linked = vec![false; total as usize];
    let matches = |(a, b): (u32, u32), w: u32, min: u32, ratio: f32| {
        let shorter = counts[a as usize].min(counts[b as usize]).max(1);
        w >= min && w as f32 >= ratio * shorter as f32
    };
    let mut accepted: Vec<(u32, u32)> = pairs
        .iter()
        .filter(|&(&k, &w)| matches(k, w, MIN_SHARED, MIN_RATIO))
        .map(|(&k, _)| k)
        .collect();
    accepted.sort_unstable();
    let mut queue = accepted.clone();
    let mut seen: std::collections::HashSet<(u32, u32)> = accepted.iter().copied().collect();
    while let Some((a, b)) = queue.pop() {
        let neighbours = [
            (a.checked_sub(1), b.checked_sub(1)),
            (Some(a + 1), Some(b + 1)),
        ];
        for (na, nb) in neighbours {
            let (Some(na), Some(nb)) = (na, nb) else {
                continue;
            };
            if na >= total || nb >= total || doc_of(na) != doc_of(a) || doc_of(nb) != doc_of(b) {
                continue;
            }
            let key = (na.min(nb), na.max(nb));
            let w = pairs.get(&key).copied().unwrap_or(0);
            if w > 0 && !seen.contains(&key) && matches(key, w, 1, NEIGHBOUR_RATIO) {
                seen.insert(key);
                accepted.push(key);
                queue.push(key);
            }
        }
    }
    accepted.sort_unstable();
    for (a, b) in accepted {
        uf.union(a as usize, b as usize);
        linked[a as usize] = true;
        linked[b as usize] = true;
    }
    let mut comp_of = vec![u32::MAX; total as usize];
    let mut comps: Vec<Vec<u32>> = Vec::new();
    let mut root_comp: HashMap<usize, u32> = HashMap::new();
    for s in 0..total as usize {
        if !linked[s] {
            continue;
        }
        let r = uf.find(s);
        let c = *root_comp.entry(r).or_insert_with(|| {
            comps.push(Vec::new());
            (comps.len() - 1) as u32
        });
        comps[c as usize].push(s as u32);
        comp_of[s] = c;
    }

    // Chain clusters that always follow each other.
    let same_doc = |a: u32, b: u32| doc_of(a) == doc_of(b);
    // c is followed by c' when every member of c' comes right after a
    // member of c (members of c followed by something else end there).
    let successor = |c: usize| -> Option<u32> {
        let mut candidates: Vec<u32> = comps[c]
            .iter()
            .map(|&s| s + 1)
            .filter(|&n| n < total && same_doc(n - 1, n) && comp_of[n as usize] != u32::MAX)
            .map(|n| comp_of[n as usize])
            .filter(|&x| x as usize != c)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut fitting = candidates.into_iter().filter(|&x| {
            comps[x as usize]
                .iter()
                .all(|&t| t > 0 && comp_of[t as usize - 1] == c as u32 && same_doc(t - 1, t))
        });
        let first = fitting.next()?;
        fitting.next().is_none().then_some(first)
    };
    let next: Vec<Option<u32>> = (0..comps.len()).map(successor).collect();
    let mut has_prev = vec![false; comps.len()];
    for n in next.iter().flatten() {
        has_prev[*n as usize] = true;
    }

    let mut clusters = Vec::new();
    let mut shared = vec![0usize; fps.len()];
    let spanners: Vec<Spanner<'_>> = docs.iter().map(|d| Spanner::new(&d.text)).collect();
    for c in 0..comps.len() {
        if has_prev[c] {
            continue;
        }
        let mut members = Vec::new();
        for &s in &comps[c] {
            let d = doc_of(s);
            // Extend along the chain while this document follows it.
            let mut last = s;
            let mut at = c;
            let mut steps = 0;
            while let Some(n) = next[at] {
                let t = last + 1;
                if t >= total
                    || !same_doc(last, t)
                    || comp_of[t as usize] != n
                    || steps > comps.len()
                {
                    break;
                }
                last = t;
                at = n as usize;
                steps += 1;
            }
            let (start, _) = fps[d].sentences[(s - first[d]) as usize];
            let (_, end) = fps[d].sentences[(last - first[d]) as usize];
            let Some(sp) = spanners.get(d) else { continue };
            let span = sp.span(start, end);
            shared[d] += content_chars_in(&fps[d].blocks, sp, start, end);
            members.push(PassageMember { doc: d, span });
        }
        members.sort_by_key(|m| (m.doc, m.span.start));
        let distinct = {
            let mut ds: Vec<usize> = members.iter().map(|m| m.doc).collect();
            ds.dedup();
            ds.len()
        };
        if distinct < 2 {
            continue;
        }
        let id = format!(
            "{}@{}",
            docs.get(members[0].doc).map_or("", |d| d.id.as_str()),
            members[0].span.char_start
        );
        clusters.push(PassageCluster { id, members });
    }
    clusters.sort_by(|a, b| {
        (a.members[0].doc, a.members[0].span.start)
            .cmp(&(b.members[0].doc, b.members[0].span.start))
    });
    let shares = fps
        .iter()
        .enumerate()
        .map(|(d, f)| {
            let content = spanners.get(d).map_or(0, |sp| {
                f.blocks
                    .iter()
                    .map(|&(s, e)| sp.span(s, e).char_len())
                    .sum()
            });
            SharedShare {
                doc: d,
                shared_chars: shared[d].min(content),
                content_chars: content,
            }
        })
        .collect();
    (clusters, shares)
}

/// Code points of `start..end` that lie inside content blocks.
fn content_chars_in(
    blocks: &[(usize, usize)],
    sp: &Spanner<'_>,
    start: usize,
    end: usize,
) -> usize {
    let first = blocks.partition_point(|&(_, e)| e <= start);
    blocks[first..]
        .iter()
        .take_while(|&&(s, _)| s < end)
        .filter(|&&(s, e)| s < end && start < e)
        .map(|&(s, e)| sp.span(s.max(start), e.min(end)).char_len())
        .sum()
}

/// Disjoint sets with path halving and union by size.
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}
