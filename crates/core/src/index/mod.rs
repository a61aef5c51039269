//! The corpus index: which documents mention which entities, how often, and
//! where. Built once from a [`CorpusExtraction`]; the filter, the facets and the
//! entity pages read it.
//!
//! Documents and entities are numbered (`u32`) in corpus and id order; postings
//! are sorted document numbers, so set operations are linear merges.
//!
//! An entity is identified by its type and id together: the guidelines give a
//! nationality its country's id ("Azerbaijani" -> `azerbaijan`), so the PLACE
//! and the NORP share a slug. A *key* names one entity in URLs: the bare id when
//! it is unique, else `type:id` (`norp:azerbaijan`); a bare id that is shared
//! resolves to the first type in [`EntityType::ALL`] order.

mod bitset;
mod filter;
mod kwic;
mod search;
mod segments;

pub use bitset::DocSet;
pub use filter::{FacetEntry, Filter, FilterResult};
pub use kwic::{kwic, Kwic};
pub use search::{SearchQuery, TextIndex};
pub use segments::{segments, Layers, Part, Piece};

use crate::extract::{CorpusExtraction, Entity, EntityType, Mention};
use std::collections::HashMap;

/// Per-document, per-entity mention counts and the postings derived from them.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Document ids in corpus order.
    pub doc_ids: Vec<String>,
    /// Entities, sorted by id.
    pub entities: Vec<Entity>,
    by_id: HashMap<String, Vec<u32>>,
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
        entities.sort_by(|a, b| a.id.cmp(&b.id).then(a.ty.cmp(&b.ty)));
        entities.dedup_by(|a, b| a.id == b.id && a.ty == b.ty);
        let mut by_id: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            by_id.entry(e.id.clone()).or_default().push(i as u32);
        }
        let mut postings = vec![Vec::new(); entities.len()];
        let mut doc_entities = Vec::with_capacity(extraction.docs.len());
        let mut mentions = Vec::with_capacity(extraction.docs.len());
        for (d, doc) in extraction.docs.iter().enumerate() {
            let mut counts: HashMap<u32, u32> = HashMap::new();
            for m in &doc.mentions {
                if let Some(e) = lookup(&by_id, &entities, m.ty, &m.entity) {
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

    /// Index postings without mentions (a bundle: mentions arrive with the
    /// texts, on demand). `entities` must be sorted by id then type and each
    /// list sorted by document, as [`crate::bundle::decode_postings`] returns
    /// them; out-of-range documents are skipped.
    pub fn from_postings(
        doc_ids: Vec<String>,
        entities: Vec<Entity>,
        postings: Vec<Vec<(u32, u32)>>,
    ) -> Index {
        let mut by_id: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            by_id.entry(e.id.clone()).or_default().push(i as u32);
        }
        let mut postings = postings;
        postings.resize(entities.len(), Vec::new());
        let mut doc_entities = vec![Vec::new(); doc_ids.len()];
        for (e, list) in postings.iter_mut().enumerate() {
            list.retain(|&(d, _)| (d as usize) < doc_entities.len());
            for &(d, n) in list.iter() {
                doc_entities[d as usize].push((e as u32, n));
            }
        }
        Index {
            mentions: vec![Vec::new(); doc_ids.len()],
            doc_ids,
            entities,
            by_id,
            postings,
            doc_entities,
        }
    }

    /// Number of documents.
    pub fn doc_count(&self) -> usize {
        self.doc_ids.len()
    }

    /// The number of the entity a key names (`id` or `type:id`).
    pub fn entity_index(&self, key: &str) -> Option<u32> {
        if let Some((ty, id)) = key.split_once(':') {
            if let Some(ty) = EntityType::parse(ty) {
                return self.lookup(ty, id);
            }
        }
        self.by_id.get(key)?.first().copied()
    }

    /// The entity a key names.
    pub fn entity(&self, key: &str) -> Option<&Entity> {
        self.entity_index(key).map(|i| &self.entities[i as usize])
    }

    /// The entity of this type and id (a mention's target); falls back to the
    /// id alone when no entity has that type.
    pub fn lookup(&self, ty: EntityType, id: &str) -> Option<u32> {
        lookup(&self.by_id, &self.entities, ty, id)
    }

    /// The key that names entity `e` in URLs: its id, or `type:id` when other
    /// entities share the id.
    pub fn key(&self, e: u32) -> String {
        let Some(entity) = self.entities.get(e as usize) else {
            return String::new();
        };
        let shared = self.by_id.get(&entity.id).is_some_and(|v| v.len() > 1);
        if shared && self.by_id[&entity.id].first() != Some(&e) {
            format!("{}:{}", entity.ty.key(), entity.id)
        } else {
            entity.id.clone()
        }
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

fn lookup(
    by_id: &HashMap<String, Vec<u32>>,
    entities: &[Entity],
    ty: EntityType,
    id: &str,
) -> Option<u32> {
    let candidates = by_id.get(id)?;
    candidates
        .iter()
        .copied()
        .find(|&e| entities[e as usize].ty == ty)
        .or_else(|| candidates.first().copied())
}

#[cfg(test)]
pub(crate) mod tests;
