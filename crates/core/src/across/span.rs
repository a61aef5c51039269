//! Spans that carry both byte offsets (for slicing the Rust string) and
//! code-point offsets (for export and the browser), and the entity references
//! every analysis result points at.

use crate::extract::{EntityType, Mention};
use serde::{Deserialize, Serialize};

/// A range of a document's text, in bytes and in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TextSpan {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Code-point offset of the first character.
    pub char_start: usize,
    /// Code-point offset one past the last character.
    pub char_end: usize,
}

impl TextSpan {
    /// The span's text (empty if it does not belong to `text`).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.char_end.saturating_sub(self.char_start)
    }
}

/// An entity of the extraction, by type and id (entities are unique by both:
/// a nationality shares its country's id).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityRef {
    /// The entity's type.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// The entity's id in [`crate::extract::CorpusExtraction::entities`].
    pub id: String,
}

impl EntityRef {
    /// The entity a mention points at.
    pub fn of(m: &Mention) -> EntityRef {
        EntityRef {
            ty: m.ty,
            id: m.entity.clone(),
        }
    }
}

/// Converts byte offsets of one text into [`TextSpan`]s. Offsets are snapped
/// down to a character boundary and clamped to the text, so any input works.
/// A prefix count of code points every [`CHUNK`] bytes makes each conversion
/// cost at most one chunk, in any order.
pub(crate) struct Spanner<'a> {
    text: &'a str,
    /// `chunks[i]` = code points in `text[..i * CHUNK]`.
    chunks: Vec<usize>,
}

/// Bytes between code-point checkpoints.
const CHUNK: usize = 1024;

/// Code points in `bytes`: every byte that does not continue a character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<'a> Spanner<'a> {
    pub(crate) fn new(text: &'a str) -> Spanner<'a> {
        let mut chunks = Vec::with_capacity(text.len() / CHUNK + 1);
        let mut total = 0;
        chunks.push(0);
        for c in text.as_bytes().chunks(CHUNK) {
            total += count_chars(c);
            chunks.push(total);
        }
        Spanner { text, chunks }
    }

    /// The largest char boundary `<= byte`, within the text.
    pub(crate) fn floor(&self, byte: usize) -> usize {
        let mut b = byte.min(self.text.len());
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        b
    }

    /// Code points before byte offset `byte`.
    pub(crate) fn char_at(&self, byte: usize) -> usize {
        let b = self.floor(byte);
        let i = b / CHUNK;
        self.chunks.get(i).copied().unwrap_or(0) + count_chars(&self.text.as_bytes()[i * CHUNK..b])
    }

    /// The span of bytes `start..end` (`end` below `start` gives an empty span).
    pub(crate) fn span(&self, start: usize, end: usize) -> TextSpan {
        let s = self.floor(start);
        let e = self.floor(end).max(s);
        TextSpan {
            start: s,
            end: e,
            char_start: self.char_at(s),
            char_end: self.char_at(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_in_any_order() {
        let text = "é😀a\u{a0}b".repeat(700);
        let sp = Spanner::new(&text);
        for b in [text.len(), 0, 5000, 1, 2, 3, 1023, 1024, 1025, 4097, 2] {
            let f = sp.floor(b);
            assert_eq!(sp.char_at(b), text[..f].chars().count(), "{b}");
        }
        let s = sp.span(9000, 3);
        assert_eq!((s.start, s.end), (sp.floor(9000), sp.floor(9000)));
    }
}
