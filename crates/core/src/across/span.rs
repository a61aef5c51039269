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
pub(crate) struct Spanner<'a> {
    text: &'a str,
    /// (byte, char) of the last conversion: conversions in increasing order
    /// cost only the distance walked.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> Spanner<'a> {
    pub(crate) fn new(text: &'a str) -> Spanner<'a> {
        Spanner {
            text,
            last: std::cell::Cell::new((0, 0)),
        }
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
        let (lb, lc) = self.last.get();
        let c = if b >= lb {
            lc + self.text[lb..b].chars().count()
        } else {
            self.text[..b].chars().count()
        };
        self.last.set((b, c));
        c
    }

    /// The span of bytes `start..end` (`end` below `start` gives an empty span).
    pub(crate) fn span(&self, start: usize, end: usize) -> TextSpan {
        let s = self.floor(start);
        let e = self.floor(end).max(s);
        let char_start = self.char_at(s);
        let char_end = self.char_at(e);
        TextSpan {
            start: s,
            end: e,
            char_start,
            char_end,
        }
    }
}
