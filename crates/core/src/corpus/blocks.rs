//! Splitting a text into blocks: every non-blank line is one block (scraped
//! texts use a line per paragraph, with or without blank lines between), each
//! classified as content, metadata or furniture.

use super::furniture::{classify_line, is_tag_item, is_tag_label, LineClass};
use serde::{Deserialize, Serialize};

/// What a block holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A paragraph, headline, caption or quote of the article.
    Paragraph,
    /// A byline or publication-date line.
    Meta,
    /// Site furniture: shown apart, not extracted.
    Furniture,
}

/// A line of the source, as byte offsets into the document text (the line
/// break excluded, surrounding whitespace trimmed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Paragraph, metadata or furniture.
    pub kind: BlockKind,
}

/// Split `text` into blocks. Blank lines produce none; CRLF, a BOM and
/// surrounding whitespace (including NBSP) are excluded from the ranges.
pub fn split_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut line_start = 0;
    // Inside a list of tags: lines right after a "Topics" label, up to a
    // blank line or a line that cannot be a tag.
    let mut in_tags = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start_matches(is_space).len();
        let trimmed = body.trim_matches(is_space);
        if !trimmed.is_empty() {
            let start = line_start + lead;
            let class = classify_line(trimmed);
            in_tags = (in_tags && class == LineClass::Content && is_tag_item(trimmed))
                || is_tag_label(trimmed);
            let kind = match class {
                _ if in_tags => BlockKind::Furniture,
                LineClass::Content => BlockKind::Paragraph,
                LineClass::Meta => BlockKind::Meta,
                LineClass::Furniture => BlockKind::Furniture,
            };
            blocks.push(Block {
                start,
                end: start + trimmed.len(),
                kind,
            });
        } else {
            in_tags = false;
        }
        line_start += line.len();
    }
    blocks
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}
