//! From an extracted corpus to a [`Head`] and its [`TextChunk`]s.

use super::{ChunkDoc, CompactMention, DocHead, Head, Postings, TextChunk, FORMAT};
use crate::across::SharedShare;
use crate::corpus::Document;
use crate::extract::{CorpusExtraction, EntityType};
use std::collections::HashMap;

/// A bundle in memory, ready to be encoded and compressed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Built {
    /// The head.
    pub head: Head,
    /// The postings.
    pub postings: Postings,
    /// The text chunks, in order.
    pub chunks: Vec<TextChunk>,
}

/// Bundle `docs` with their `extraction` (aligned by position) and the
/// shared-text share of each document (`shares`, by document; missing ones
/// count as nothing shared). `chunk_size` is clamped to at least 1.
pub fn build(
    docs: &[Document],
    extraction: &CorpusExtraction,
    shares: &[SharedShare],
    chunk_size: u32,
) -> Built {
    let chunk_size = chunk_size.max(1);
    let mut entities = extraction.entities.clone();
    entities.sort_by(|a, b| a.id.cmp(&b.id).then(a.ty.cmp(&b.ty)));
    entities.dedup_by(|a, b| a.id == b.id && a.ty == b.ty);
    let mut by_id: HashMap<&str, Vec<(EntityType, u32)>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        by_id.entry(&e.id).or_default().push((e.ty, i as u32));
    }
    let number = |ty: EntityType, id: &str| -> Option<u32> {
        let c = by_id.get(id)?;
        c.iter()
            .find(|(t, _)| *t == ty)
            .or_else(|| c.first())
            .map(|&(_, n)| n)
    };
    let mut share_of: HashMap<usize, &SharedShare> = HashMap::new();
    for s in shares {
        share_of.insert(s.doc, s);
    }

    let mut head_docs = Vec::with_capacity(docs.len());
    let mut lists: Vec<Vec<(u32, u32)>> = vec![Vec::new(); entities.len()];
    let mut chunk_docs = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        let mentions = extraction
            .docs
            .get(d)
            .filter(|x| x.doc_id == doc.id)
            .map_or(&[][..], |x| x.mentions.as_slice());
        let mut counts: HashMap<u32, u32> = HashMap::new();
        let mut compact = Vec::with_capacity(mentions.len());
        let mut last_end = 0usize;
        for m in mentions {
            let Some(e) = number(m.ty, &m.entity) else {
                continue;
            };
            // Only well-formed, ordered, non-overlapping spans are kept, so
            // the reader can rely on them.
            if m.start < last_end || m.end <= m.start || doc.text.get(m.start..m.end).is_none() {
                continue;
            }
            *counts.entry(e).or_default() += 1;
            compact.push(CompactMention {
                gap: (m.start - last_end) as u32,
                len: (m.end - m.start) as u32,
                ty: m.ty,
                entity: e,
            });
            last_end = m.end;
        }
        for (e, n) in counts {
            lists[e as usize].push((d as u32, n));
        }
        let share = share_of.get(&d);
        head_docs.push(DocHead {
            id: doc.id.clone(),
            title: doc.meta.title.clone(),
            outlet: doc.meta.outlet.clone(),
            published: doc.meta.published,
            word_count: doc.meta.word_count as u32,
            shared_chars: share.map_or(0, |s| s.shared_chars as u32),
            content_chars: share.map_or(0, |s| s.content_chars as u32),
        });
        chunk_docs.push(ChunkDoc {
            text: doc.text.clone(),
            mentions: compact,
        });
    }
    let mut chunks = Vec::new();
    let mut rest = chunk_docs.into_iter().peekable();
    let mut first = 0u32;
    while rest.peek().is_some() {
        let docs: Vec<ChunkDoc> = rest.by_ref().take(chunk_size as usize).collect();
        let n = docs.len() as u32;
        chunks.push(TextChunk {
            format: FORMAT,
            first,
            docs,
        });
        first += n;
    }
    let totals = lists
        .iter()
        .map(|l| (l.len() as u32, l.iter().map(|p| p.1).sum()))
        .collect();
    for list in &mut lists {
        list.sort_unstable();
        let mut prev = 0;
        for p in list.iter_mut() {
            let d = p.0;
            p.0 = d - prev;
            prev = d;
        }
    }
    Built {
        head: Head {
            format: FORMAT,
            chunk_size,
            docs: head_docs,
            entities,
            totals,
        },
        postings: Postings {
            format: FORMAT,
            lists,
        },
        chunks,
    }
}
