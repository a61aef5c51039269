//! Precomputed corpora too large to compile into the app: the format that
//! `entiscope bundle` writes and the browser reads from the same static host.
//!
//! A bundle is split so the first screen needs one small file:
//!
//! - the **head** ([`Head`]): every article's title, outlet, date, word count
//!   and shared-text share, and the entity table with each entity's totals;
//! - the **postings** ([`Postings`]): for each entity, the articles that
//!   mention it and how often (delta-coded), fetched right after the first
//!   screen, before the first filter needs them;
//! - **text chunks** ([`TextChunk`]): the texts and mentions of
//!   [`Head::chunk_size`] consecutive articles, fetched when a reader opens an
//!   article or an entity's keyword-in-context lines need them.
//!
//! Files are postcard (varint integers, so delta-coded numbers stay small) and
//! gzip-compressed by the writer; the browser inflates them with the
//! platform's `DecompressionStream`, so no inflate code ships in the wasm.
//! Decoding validates everything it reads ([`decode_head`],
//! [`decode_chunk`]): a truncated or hostile file gives a [`BundleError`],
//! never a panic or an out-of-range index later.

mod build;
mod read;

pub use build::{build, Built};
pub use read::{decode_chunk, decode_head, decode_postings, LoadedDoc};

use crate::extract::{Entity, EntityType};
use crate::time::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Format version; readers refuse other versions with a clear message.
pub const FORMAT: u32 = 1;

/// Articles per text chunk (about 250 KB of text, 60 KB gzip, for news).
pub const DEFAULT_CHUNK_SIZE: u32 = 64;

/// The head file's name in a bundle folder.
pub const HEAD_FILE: &str = "head.bin.gz";

/// The postings file's name in a bundle folder.
pub const POSTINGS_FILE: &str = "postings.bin.gz";

/// The file name of text chunk `n`.
pub fn chunk_file(n: u32) -> String {
    format!("texts-{n:05}.bin.gz")
}

/// What the first screen needs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Head {
    /// [`FORMAT`] of the writer.
    pub format: u32,
    /// Articles per text chunk.
    pub chunk_size: u32,
    /// Articles in corpus order.
    pub docs: Vec<DocHead>,
    /// Entities, sorted by id then type.
    pub entities: Vec<Entity>,
    /// Per entity: (articles that mention it, mentions).
    pub totals: Vec<(u32, u32)>,
}

/// Which articles mention each entity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Postings {
    /// [`FORMAT`] of the writer.
    pub format: u32,
    /// Per entity (as numbered in [`Head::entities`]): (article number
    /// delta-coded from the previous one, mentions), sorted by article.
    pub lists: Vec<Vec<(u32, u32)>>,
}

/// One article in the head.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocHead {
    /// Stable id (source file stem).
    pub id: String,
    /// Title as the list shows it.
    pub title: String,
    /// Outlet named in the text.
    pub outlet: Option<String>,
    /// Publication date stated in the text.
    pub published: Option<Date>,
    /// Words of content.
    pub word_count: u32,
    /// Code points of content inside passages shared with other articles.
    pub shared_chars: u32,
    /// Code points of content.
    pub content_chars: u32,
}

/// The texts and mentions of consecutive articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TextChunk {
    /// [`FORMAT`] of the writer.
    pub format: u32,
    /// Number of the chunk's first article.
    pub first: u32,
    /// The articles.
    pub docs: Vec<ChunkDoc>,
}

/// One article's text and mentions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChunkDoc {
    /// The text exactly as read.
    pub text: String,
    /// Mentions in text order.
    pub mentions: Vec<CompactMention>,
}

/// A mention with offsets delta-coded and its entity by number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompactMention {
    /// Bytes from the end of the previous mention (or the text's start).
    pub gap: u32,
    /// Length in bytes.
    pub len: u32,
    /// The mention's type.
    pub ty: EntityType,
    /// Entity number in [`Head::entities`].
    pub entity: u32,
}

/// Why a bundle file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleError {
    /// Which file ("head" or "chunk N").
    pub file: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bundle {}: {}", self.file, self.message)
    }
}

impl std::error::Error for BundleError {}

/// Serialise a head (uncompressed postcard).
pub fn encode_head(head: &Head) -> Vec<u8> {
    postcard::to_allocvec(head).unwrap_or_default()
}

/// Serialise postings (uncompressed postcard).
pub fn encode_postings(postings: &Postings) -> Vec<u8> {
    postcard::to_allocvec(postings).unwrap_or_default()
}

/// Serialise a chunk (uncompressed postcard).
pub fn encode_chunk(chunk: &TextChunk) -> Vec<u8> {
    postcard::to_allocvec(chunk).unwrap_or_default()
}

#[cfg(test)]
mod tests;
