//! The corpus: articles as the explorer shows them.
//!
//! A [`Document`] keeps its source text byte-for-byte (offsets into it are what
//! extraction and export speak of) and adds what a reader needs before any
//! entity is extracted: a title, the outlet and publication date the text
//! states, a word count, and [`Block`]s that set site furniture apart from the
//! article's own paragraphs.

mod blocks;
mod furniture;
mod meta;
mod outlets;
mod source;

pub use blocks::{split_blocks, Block, BlockKind};
pub use furniture::{classify_line, inline_furniture, LineClass};
pub use meta::{detect_meta, parse_date_phrase, DocMeta};
pub use outlets::{outlet_by_code, outlets, Outlet};
pub use source::{check_source, document_id, SourceError, SourceWarning};

use serde::{Deserialize, Serialize};

/// One article: its id (the file stem), exact text, metadata and blocks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the source file's stem, e.g. `000_a00b3b19d7c29351`.
    pub id: String,
    /// The text exactly as read (no newline or Unicode normalisation).
    pub text: String,
    /// Title, outlet, date and word count.
    pub meta: DocMeta,
    /// Paragraph-level blocks covering every non-blank line, in order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// Analyse `text` as the article `id`. Never fails: any text is a document.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let blocks = split_blocks(&text);
        let meta = detect_meta(&text, &blocks);
        Document {
            id: id.into(),
            text,
            meta,
            blocks,
        }
    }

    /// The text of a block (empty if the block does not belong to this text).
    pub fn block_text(&self, block: &Block) -> &str {
        self.text.get(block.start..block.end).unwrap_or("")
    }

    /// Blocks whose text is article content (extraction reads only these).
    pub fn content_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Furniture)
    }
}

#[cfg(test)]
mod tests;
