//! Overviews a reader looks at instead of reads: when (a timeline), who with
//! whom (a co-occurrence network) and where (a map). Each reads the index and
//! a set of matching documents and returns plain data the app draws as SVG;
//! each also feeds a filter back (a date range, an entity).
//!
//! Pipeline: index -> filter -> **overview** -> UI. Nothing here knows about
//! the browser; layouts and bins are deterministic so the same corpus and
//! filters always give the same picture.

pub mod map;
pub mod network;
pub mod svg;
pub mod timeline;

use crate::corpus::Document;
use crate::index::Index;

/// What the overviews need from a corpus beyond its index, computed once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prepared {
    /// Publication days and mentioned periods per document.
    pub dates: timeline::DocDates,
    /// Paragraphs with their entities per document.
    pub paragraphs: network::Paragraphs,
}

impl Prepared {
    /// Read `docs` (in index order) and their index.
    pub fn new(docs: &[Document], index: &Index) -> Prepared {
        let published: Vec<_> = docs.iter().map(|d| d.meta.published).collect();
        Prepared {
            dates: timeline::DocDates::new(&published, index),
            paragraphs: network::Paragraphs::new(docs, index),
        }
    }
}

/// Sort pairs of numbers. Every ordering in the overviews is expressed as
/// such a pair (a key and an index or entity number), so they share one
/// instantiation of the sort: each sort with its own comparison closure
/// costs the wasm about 2 KB.
fn sort_pairs(v: &mut [(u32, u32)]) {
    v.sort_unstable();
}

#[cfg(test)]
mod tests;
