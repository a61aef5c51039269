//! One document prepared for the recognisers: its content tokens with
//! per-token facts (capitalised, cue sets, Title Case headline), the
//! candidate spans each recogniser proposes, and the overlap resolution
//! that keeps one span per stretch of text.

use super::cues::{Cue, Cues};
use super::EntityType;
use crate::corpus::Document;
use crate::knowledge::Knowledge;
use crate::text::{fold_str, tokenize_into, Token, TokenKind};
use std::borrow::Cow;

/// A proposed mention before overlaps are resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Cand {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Type.
    pub ty: EntityType,
    /// Entity id, when the recogniser makes one (dates, bodies); dictionary
    /// candidates carry their `entry` instead.
    pub id: Option<String>,
    /// Knowledge entry, when it came from the dictionary.
    pub entry: Option<u32>,
    /// Preference among overlapping candidates of equal length.
    pub prio: u8,
}

impl Cand {
    /// A candidate whose recogniser makes its id (no knowledge entry).
    pub fn with_id(start: usize, end: usize, ty: EntityType, id: String, prio: u8) -> Cand {
        Cand {
            start,
            end,
            ty,
            id: Some(id),
            entry: None,
            prio,
        }
    }
}

/// A document's tokens and helpers shared by the recognisers.
pub struct Ctx<'a> {
    /// The document text.
    pub text: &'a str,
    /// The text with ASCII letters lowercased (same byte offsets).
    pub lower: String,
    /// Tokens of the content blocks, in order.
    pub tokens: Vec<Token>,
    /// Whether each token is a word or hashtag starting with an uppercase letter.
    pub caps: Vec<bool>,
    /// Per token: the cue sets its text (possessive "'s" dropped) is in.
    pub cue_exact: Vec<u32>,
    /// Per token: the cue sets its ASCII-lowercased text is in.
    pub cue_lower: Vec<u32>,
    /// Per block: a Title Case headline.
    pub headline: Vec<bool>,
    /// Index of the block each token belongs to.
    pub block_of: Vec<u32>,
    /// The knowledge base.
    pub know: &'a Knowledge,
    /// Cue word sets.
    pub cues: &'a Cues,
}

impl<'a> Ctx<'a> {
    /// Tokenise the content blocks of `doc`.
    pub fn new(doc: &'a Document, know: &'a Knowledge, cues: &'a Cues) -> Ctx<'a> {
        let mut tokens = Vec::with_capacity(doc.text.len() / 4);
        let mut block_of = Vec::with_capacity(doc.text.len() / 4);
        for (bi, b) in doc.content_blocks().enumerate() {
            tokenize_into(&doc.text, b.start, b.end, &mut tokens);
            block_of.resize(tokens.len(), bi as u32);
        }
        let caps: Vec<bool> = tokens
            .iter()
            .map(|t| {
                t.is_wordlike()
                    && t.text(&doc.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
            .collect();
        let headline = title_case_blocks(&doc.text, &tokens, &block_of, &caps);
        let lower = doc.text.to_ascii_lowercase();
        let (mut cue_exact, mut cue_lower) = (vec![0; tokens.len()], vec![0; tokens.len()]);
        for (i, t) in tokens.iter().enumerate() {
            if t.is_wordlike() {
                let w = t.text(&doc.text);
                let bare = w
                    .strip_suffix("'s")
                    .or_else(|| w.strip_suffix("\u{2019}s"))
                    .unwrap_or(w);
                cue_exact[i] = cues.mask(bare);
                cue_lower[i] = if bare.bytes().any(|b| b.is_ascii_uppercase()) {
                    cues.mask(&lower[t.start..t.start + bare.len()])
                } else {
                    cue_exact[i]
                };
            }
        }
        Ctx {
            text: &doc.text,
            lower,
            cue_exact,
            cue_lower,
            caps,
            headline,
            tokens,
            block_of,
            know,
            cues,
        }
    }

    /// Token `i` (possessive dropped) is a word of `cue`, exactly as written.
    pub fn cue(&self, i: usize, cue: Cue) -> bool {
        self.cue_exact
            .get(i)
            .is_some_and(|&m| Cues::in_mask(m, cue))
    }

    /// Token `i` (possessive dropped) is a word of `cue` in any ASCII case.
    pub fn cue_any_case(&self, i: usize, cue: Cue) -> bool {
        self.cue_lower
            .get(i)
            .is_some_and(|&m| Cues::in_mask(m, cue))
            || self.cue(i, cue)
    }

    /// Token `i` lies in a Title Case headline ("Turkey Will Stand By
    /// Azerbaijan"), where capitals say nothing about names.
    pub fn in_headline(&self, i: usize) -> bool {
        self.block_of
            .get(i)
            .is_some_and(|&b| self.headline.get(b as usize).copied().unwrap_or(false))
    }

    /// Text of token `i` ("" out of range).
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Text of token `i` with ASCII letters lowercased ("" out of range).
    pub fn lower(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.lower[t.start..t.end])
    }

    /// Folded text of `start..end` (borrowed when ASCII: no allocation).
    pub fn folded(&self, start: usize, end: usize) -> Cow<'_, str> {
        let s = self.text.get(start..end).unwrap_or("");
        if s.is_ascii() {
            Cow::Borrowed(&self.lower[start..end])
        } else {
            Cow::Owned(fold_str(s))
        }
    }

    /// Folded text of token `i`.
    pub fn folded_word(&self, i: usize) -> Cow<'_, str> {
        self.tokens
            .get(i)
            .map_or(Cow::Borrowed(""), |t| self.folded(t.start, t.end))
    }

    /// Token `i` is a word starting with an uppercase letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.caps.get(i).copied().unwrap_or(false)
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

    /// Token `j` is a hyphen glued to the words on both sides
    /// ("Ter-Petrosyan", "Gashalty-Garagoyunlu").
    pub fn glued_hyphen(&self, j: usize) -> bool {
        self.is_punct(j, '-')
            && j > 0
            && j + 1 < self.tokens.len()
            && self.tokens[j - 1].end == self.tokens[j].start
            && self.tokens[j].end == self.tokens[j + 1].start
    }

    /// Tokens `i` and `j` are in the same block.
    pub fn same_block(&self, i: usize, j: usize) -> bool {
        self.block_of.get(i).is_some() && self.block_of.get(i) == self.block_of.get(j)
    }

    /// Token `i` opens its block (a paragraph, a byline, a dateline).
    pub fn starts_block(&self, i: usize) -> bool {
        i == 0 || !self.same_block(i - 1, i)
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
    // Kept spans, sorted by start and disjoint: one binary search each.
    let mut taken: Vec<Cand> = Vec::new();
    for c in cands {
        let k = taken.partition_point(|t| t.end <= c.start);
        if taken.get(k).is_none_or(|t| c.end <= t.start) {
            taken.insert(k, c);
        }
    }
    taken
}

/// Longer function words a Title Case headline may leave lowercase ("Turkey
/// Stands with Azerbaijan"); any other lowercase word ("meets") says the line
/// is a sentence or a caption, whatever its share of names.
const TITLE_CASE_LOWER: &[&str] = &[
    "with", "from", "into", "onto", "over", "upon", "than", "that", "amid", "after", "about",
    "against", "among", "before", "during", "under", "until", "without", "between",
];

/// Per block: whether it is written in Title Case: no final period, and every
/// word longer than three letters capitalised (at least five of them) but the
/// function words above.
fn title_case_blocks(text: &str, tokens: &[Token], block_of: &[u32], caps: &[bool]) -> Vec<bool> {
    let blocks = block_of.last().map_or(0, |&b| b as usize + 1);
    let mut words = vec![0usize; blocks];
    let mut lower = vec![0usize; blocks];
    for (i, t) in tokens.iter().enumerate() {
        // Bytes, not characters: a cheap length test is enough here.
        if t.kind == TokenKind::Word && t.end - t.start > 3 {
            let b = block_of[i] as usize;
            words[b] += 1;
            if !caps[i] && !TITLE_CASE_LOWER.contains(&t.text(text)) {
                lower[b] += 1;
            }
        }
    }
    // A block ending in a period is a sentence; one with a copyright sign
    // is a photo credit ("Markus Ritter © Onnik James Krikorian"), whose
    // capitals are names.
    let mut not_headline = vec![false; blocks];
    for (i, t) in tokens.iter().enumerate() {
        let b = block_of[i] as usize;
        if t.kind == TokenKind::Punct && t.text(text) == "\u{a9}" {
            not_headline[b] = true;
        }
        if block_of.get(i + 1) != Some(&block_of[i]) && t.text(text) == "." {
            not_headline[b] = true;
        }
    }
    (0..blocks)
        .map(|b| {
            let (w, l) = (words[b], lower[b]);
            !not_headline[b] && w >= 5 && l == 0
        })
        .collect()
}
