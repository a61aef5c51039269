//! One document made ready for the cross-article analyses: its content blocks
//! (site furniture skipped), their tokens, and sentences that keep closing
//! quote marks with the sentence they close and opening marks with the one
//! they open.

use crate::corpus::Document;
use crate::text::{tokenize, Token, TokenKind};
use std::ops::Range;

/// A sentence: byte range and token range into [`Prepared::tokens`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Index into [`Prepared::blocks`].
    pub block: usize,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Token indices.
    pub tokens: Range<usize>,
}

/// A document's content as blocks, tokens and sentences.
pub(crate) struct Prepared<'a> {
    pub text: &'a str,
    /// Byte ranges of the content blocks, in order.
    pub blocks: Vec<Range<usize>>,
    /// Token index range of each block.
    pub block_tokens: Vec<Range<usize>>,
    /// Every token of every content block, in order.
    pub tokens: Vec<Token>,
    /// Sentences in order; every token belongs to exactly one.
    pub sentences: Vec<Sentence>,
}

impl<'a> Prepared<'a> {
    pub(crate) fn new(doc: &'a Document) -> Prepared<'a> {
        let text = doc.text.as_str();
        let mut p = Prepared {
            text,
            blocks: Vec::new(),
            block_tokens: Vec::new(),
            tokens: Vec::new(),
            sentences: Vec::new(),
        };
        for b in doc.content_blocks() {
            if text.get(b.start..b.end).is_none() {
                continue;
            }
            let first = p.tokens.len();
            p.tokens.extend(tokenize(text, b.start, b.end));
            let block = p.blocks.len();
            p.blocks.push(b.start..b.end);
            p.block_tokens.push(first..p.tokens.len());
            split_sentences(text, &p.tokens, first, block, &mut p.sentences);
        }
        p
    }

    /// The sentence holding byte offset `at` (the last one starting at or before it).
    pub(crate) fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= at);
        i.checked_sub(1)
    }

    /// The block holding byte offset `at`.
    pub(crate) fn block_at(&self, at: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.start <= at);
        i.checked_sub(1).filter(|&i| at <= self.blocks[i].end)
    }

    /// Token text.
    pub(crate) fn tok(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Index of the first token starting at or after byte `at`.
    pub(crate) fn token_from(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }
}

/// Whether a token is a sentence terminator.
fn is_terminator(s: &str) -> bool {
    matches!(s, "." | "!" | "?")
}

/// Closing marks that stay with the sentence they follow when glued to it.
fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "\"" | "\u{201d}" | "\u{2019}" | "'" | ")" | "]" | "\u{bb}"
    )
}

/// Split the tokens `first..` (one block) into sentences.
fn split_sentences(
    text: &str,
    tokens: &[Token],
    first: usize,
    block: usize,
    out: &mut Vec<Sentence>,
) {
    let end = tokens.len();
    if first >= end {
        return;
    }
    let mut start_tok = first;
    let mut k = first + 1;
    while k < end {
        if tokens[k].sent_start {
            // The sentence ends after the last terminator before k and any
            // closing marks glued to it; with no terminator (an opening mark
            // before the first word) there is no break.
            if let Some(j) = (start_tok..k).rev().find(|&j| {
                tokens[j].kind == TokenKind::Punct && is_terminator(tokens[j].text(text))
            }) {
                let mut cut = j + 1;
                while cut < k
                    && tokens[cut].kind == TokenKind::Punct
                    && is_closer(tokens[cut].text(text))
                    && tokens[cut].start == tokens[cut - 1].end
                {
                    cut += 1;
                }
                push(tokens, start_tok..cut, block, out);
                start_tok = cut;
            }
        }
        k += 1;
    }
    push(tokens, start_tok..end, block, out);
}

fn push(tokens: &[Token], r: Range<usize>, block: usize, out: &mut Vec<Sentence>) {
    if r.is_empty() {
        return;
    }
    out.push(Sentence {
        block,
        start: tokens[r.start].start,
        end: tokens[r.end - 1].end,
        tokens: r,
    });
}
