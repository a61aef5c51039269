//! The corpus index: which documents mention which entities, how often, and
//! where. Built once from a [`CorpusExtraction`]; the filter, the facets and the
//! entity pages read it.
//!
//! Documents and entities are numbered (`u32`) in corpus and id order; postings
//! are sorted document numbers, so set operations are linear merges.

mod bitset;
mod filter;
mod kwic;
mod search;
mod segments;

pub use bitset::DocSet;
pub use filter::{FacetEntry, Filter, FilterResult};
pub use kwic::{kwic, Kwic};
pub use search::{SearchQuery, TextIndex};
pub use segments::{segments, Part, Piece};

use crate::extract::{CorpusExtraction, Entity, EntityType, Mention};
use std::collections::HashMap;

/// Per-document, per-entity mention counts and the postings derived from them.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Document ids in corpus order.
    pub doc_ids: Vec<String>,
    /// Entities, sorted by id.
    pub entities: Vec<Entity>,
    by_id: HashMap<String, u32>,
    /// For each entity: (document, mentions in it), sorted by document.
    postings: Vec<Vec<(u32, u32)>>,
    /// For each document: (entity, mentions), sorted by entity.
    doc_entities: Vec<Vec<(u32, u32)>>,
    /// For each document: its mentions in text order.
    mentions: Vec<Vec<Mention>>,
}

impl Index {
    /// Index an extraction. Mentions pointing at unknown entities are skipped.
    pub fn new(extraction: &CorpusExtraction) -> Index {
        let mut entities = extraction.entities.clone();
        entities.sort_by(|a, b| a.id.cmp(&b.id));
        entities.dedup_by(|a, b| a.id == b.id);
        let by_id: HashMap<String, u32> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();
        let mut postings = vec![Vec::new(); entities.len()];
        let mut doc_entities = Vec::with_capacity(extraction.docs.len());
        let mut mentions = Vec::with_capacity(extraction.docs.len());
        for (d, doc) in extraction.docs.iter().enumerate() {
            let mut counts: HashMap<u32, u32> = HashMap::new();
            for m in &doc.mentions {
                if let Some(&e) = by_id.get(&m.entity) {
                    *counts.entry(e).or_default() += 1;
                }
            }
            let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
            counts.sort_unstable();
            for &(e, n) in &counts {
                postings[e as usize].push((d as u32, n));
            }
            doc_entities.push(counts);
            mentions.push(doc.mentions.clone());
        }
        Index {
            doc_ids: extraction.docs.iter().map(|d| d.doc_id.clone()).collect(),
            entities,
            by_id,
            postings,
            doc_entities,
            mentions,
        }
    }

    /// Number of documents.
    pub fn doc_count(&self) -> usize {
        self.doc_ids.len()
    }

    /// The number of an entity id.
    pub fn entity_index(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index(id).map(|i| &self.entities[i as usize])
    }

    /// Position of a document id.
    pub fn doc_index(&self, id: &str) -> Option<u32> {
        self.doc_ids.iter().position(|d| d == id).map(|i| i as u32)
    }

    /// (document, mentions) for an entity, sorted by document.
    pub fn postings(&self, entity: u32) -> &[(u32, u32)] {
        self.postings
            .get(entity as usize)
            .map_or(&[][..], Vec::as_slice)
    }

    /// The documents that mention an entity.
    pub fn docs_of(&self, entity: u32) -> DocSet {
        DocSet::from_sorted(self.doc_count(), self.postings(entity).iter().map(|p| p.0))
    }

    /// (entity, mentions) for a document, sorted by entity number.
    pub fn entities_of(&self, doc: u32) -> &[(u32, u32)] {
        self.doc_entities
            .get(doc as usize)
            .map_or(&[][..], Vec::as_slice)
    }

    /// A document's mentions in text order.
    pub fn mentions_of(&self, doc: u32) -> &[Mention] {
        self.mentions
            .get(doc as usize)
            .map_or(&[][..], Vec::as_slice)
    }

    /// Entities of one type, by number.
    pub fn entities_of_type(&self, ty: EntityType) -> impl Iterator<Item = u32> + '_ {
        self.entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.ty == ty)
            .map(|(i, _)| i as u32)
    }

    /// Entities mentioned in the same documents as `entity`, with the number of
    /// shared documents, most shared first (ties by id), at most `limit`.
    pub fn co_occurring(&self, entity: u32, limit: usize) -> Vec<(u32, u32)> {
        let mut shared: HashMap<u32, u32> = HashMap::new();
        for &(d, _) in self.postings(entity) {
            for &(other, _) in self.entities_of(d) {
                if other != entity {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(u32, u32)> = shared.into_iter().collect();
        out.sort_by(|a, b| {
            b.1.cmp(&a.1).then_with(|| {
                self.entities[a.0 as usize]
                    .id
                    .cmp(&self.entities[b.0 as usize].id)
            })
        });
        out.truncate(limit);
        out
    }
}

#[cfg(test)]
pub(crate) mod tests;
