//! One document prepared for the recognisers: its content tokens, folded
//! text, and the candidate spans each recogniser proposes.

use super::EntityType;
use crate::corpus::Document;
use crate::knowledge::Knowledge;
use crate::text::{tokenize, Token, TokenKind};

/// A proposed mention before overlaps are resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Cand {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Type.
    pub ty: EntityType,
    /// Entity id, when the recogniser knows it (dictionary, dates, bodies).
    pub id: Option<String>,
    /// Knowledge entry, when it came from the dictionary.
    pub entry: Option<u32>,
    /// Preference among overlapping candidates of equal length.
    pub prio: u8,
}

/// A document's tokens and helpers shared by the recognisers.
pub struct Ctx<'a> {
    /// The document text.
    pub text: &'a str,
    /// Tokens of the content blocks, in order.
    pub tokens: Vec<Token>,
    /// Index of the block each token belongs to.
    pub block_of: Vec<u32>,
    /// The knowledge base.
    pub know: &'a Knowledge,
}

impl<'a> Ctx<'a> {
    /// Tokenise the content blocks of `doc`.
    pub fn new(doc: &'a Document, know: &'a Knowledge) -> Ctx<'a> {
        let mut tokens = Vec::new();
        let mut block_of = Vec::new();
        for (bi, b) in doc.content_blocks().enumerate() {
            let t = tokenize(&doc.text, b.start, b.end);
            block_of.extend(std::iter::repeat_n(bi as u32, t.len()));
            tokens.extend(t);
        }
        Ctx {
            text: &doc.text,
            tokens,
            block_of,
            know,
        }
    }

    /// Text of token `i` ("" out of range).
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Token `i` is a word starting with an uppercase letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_wordlike())
            && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Token `i` is a word whose lowercase form is `w`.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.word(i).eq_ignore_ascii_case(w)
    }

    /// Token `i` is the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.word(i).starts_with(p))
    }

    /// Tokens `i` and `j` are in the same block.
    pub fn same_block(&self, i: usize, j: usize) -> bool {
        self.block_of.get(i).is_some() && self.block_of.get(i) == self.block_of.get(j)
    }

    /// Whether a token starts at byte `pos` (after a glued word: "theNagorno").
    pub fn starts_token(&self, pos: usize) -> bool {
        self.tokens.binary_search_by_key(&pos, |t| t.start).is_ok()
    }

    /// The index of the token containing byte `pos`, if any.
    pub fn token_containing(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start <= pos);
        let i = i.checked_sub(1)?;
        (self.tokens[i].end > pos).then_some(i)
    }

    /// End of token `i` without a possessive "'s" ("Armenia's" -> "Armenia").
    pub fn end_without_possessive(&self, i: usize) -> usize {
        let t = self.tokens[i];
        let w = t.text(self.text);
        for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
            if w.len() > suffix.len() + 1 {
                if let Some(stem) = w.strip_suffix(suffix) {
                    return t.start + stem.len();
                }
            }
        }
        t.end
    }
}

/// Keep non-overlapping candidates: longer spans first, then higher
/// priority, then earlier; result sorted by start.
pub fn select(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.retain(|c| c.end > c.start);
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.prio.cmp(&a.prio))
            .then(a.start.cmp(&b.start))
    });
    let mut taken: Vec<Cand> = Vec::new();
    for c in cands {
        // Priority beats length where a strong short span sits inside a
        // weak long one; checked by the recognisers, so here only overlap.
        if taken.iter().all(|t| c.end <= t.start || t.end <= c.start) {
            taken.push(c);
        }
    }
    taken.sort_by_key(|c| c.start);
    taken
}
