//! Direct quotes: quoted text, the cue that attributes it, and its speaker.
//!
//! A direct quote is a stretch in quotation marks of at least
//! [`MIN_WORDS`] words (shorter ones are scare quotes, names and terms:
//! "intrusion", "final battle"). Its attribution is, in order of preference:
//!
//! 1. a cue right after it in the same sentence (`"…," Aliyev said`,
//!    `"…," said the statement`, `"…" of Karabakh, he said`);
//! 2. a cue before it in the sentence where it opens (`X said: "…"`,
//!    `X said its forces had "…"`, `According to X, "…"`);
//! 3. the previous quote's speaker, when this quote follows it in the same
//!    paragraph or opens the next one (a speaker's quotes run on);
//! 4. for a quote left open at a paragraph's end and continued in the next
//!    paragraph with no cue before it, the speaker of the continuation.
//!
//! The speaker is the cue's subject resolved to a PERSON or ORG entity
//! (`attribution.rs`); anything else leaves the quote unattributed.

use super::attribution::{DocContext, Report, Via};
use super::prepare::Prepared;
use super::span::{EntityRef, Spanner, TextSpan};
use crate::corpus::Document;
use crate::extract::{CorpusExtraction, EntityType};
use crate::text::TokenKind;
use serde::{Deserialize, Serialize};

/// Words a quoted stretch needs to count as a direct quote.
pub const MIN_WORDS: usize = 3;

/// Tokens a following cue may start after the closing mark.
const AFTER_WINDOW: usize = 18;

/// How a quote's speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// A cue names the speaker ("Aliyev said").
    Named,
    /// A pronoun cue ("he said") resolved to the last named speaker.
    Pronoun,
    /// A nominal cue ("the ministry said", "said the statement") resolved
    /// to the last organisation or person quoted.
    Nominal,
    /// No cue of its own: it continues the previous quote.
    Continuation,
    /// No speaker found, or the cue's subject is not a person or an
    /// organisation (e.g. a country).
    Unattributed,
}

/// A direct quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Index of the document in the analysed slice.
    pub doc: usize,
    /// The quoted text, without the quotation marks.
    pub span: TextSpan,
    /// The attribution cue (subject and verb, e.g. "Aliyev said"), if any.
    pub cue: Option<TextSpan>,
    /// The speaker: a PERSON or ORG entity.
    pub speaker: Option<EntityRef>,
    /// How the speaker was found.
    pub attribution: Attribution,
    /// Entities mentioned inside the quote, in order of first mention.
    pub mentions: Vec<EntityRef>,
}

/// Direct quotes of every document.
pub fn find_quotes(docs: &[Document], extraction: &CorpusExtraction) -> Vec<Quote> {
    let empty = Vec::new();
    let mut out = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let p = Prepared::new(doc);
        let mentions = extraction.docs.get(i).map_or(&empty, |x| &x.mentions);
        let ctx = DocContext::new(&p, mentions);
        out.extend(quotes_in(i, &ctx));
    }
    out
}

/// Direct quotes of one document.
pub(crate) fn quotes_in(doc: usize, ctx: &DocContext<'_>) -> Vec<Quote> {
    let p = ctx.p;
    let sp = Spanner::new(p.text);
    let mut out: Vec<Quote> = Vec::new();
    // Block of the previous kept quote, and whether the block holding it
    // ended with that quote's sentence.
    let mut prev: Option<(usize, usize)> = None; // (out index, block)
    let mut pending_dangling: Vec<usize> = Vec::new();
    for (qi, (block, q)) in ctx.quotes.iter().enumerate() {
        let words = word_count(p, q.inner.clone());
        let dangling = q.close.is_none();
        let continues = dangling && next_block_opens_quote(p, *block);
        if words < MIN_WORDS || (dangling && !continues) {
            continue;
        }
        let cue = if dangling {
            cue_before(ctx, qi)
        } else {
            cue_after(ctx, qi).or_else(|| cue_before(ctx, qi))
        };
        let (mut speaker, mut attribution, cue_span) = match cue {
            Some(r) => {
                let spk = r.source.and_then(|m| person_or_org(ctx, m));
                let how = match (spk.is_some(), r.via) {
                    (false, _) => Attribution::Unattributed,
                    (true, Via::Pronoun) => Attribution::Pronoun,
                    (true, Via::Nominal) => Attribution::Nominal,
                    (true, _) => Attribution::Named,
                };
                (spk, how, Some(sp.span(r.span.start, r.span.end)))
            }
            None => (None, Attribution::Unattributed, None),
        };
        if cue.is_none() && !dangling {
            if let Some((pi, pb)) = prev {
                let opens_block = p.blocks.get(*block).is_some_and(|b| q.open == b.start);
                let adjacent = pb == *block || (pb + 1 == *block && opens_block);
                if adjacent && out[pi].speaker.is_some() {
                    speaker = out[pi].speaker.clone();
                    attribution = Attribution::Continuation;
                }
            }
        }
        let mentions = mentions_in(ctx, q.inner.clone());
        out.push(Quote {
            doc,
            span: sp.span(q.inner.start, q.inner.end),
            cue: cue_span,
            speaker: speaker.clone(),
            attribution,
            mentions,
        });
        let me = out.len() - 1;
        if dangling {
            pending_dangling.push(me);
        } else {
            // Parts left open before this one take its speaker.
            for d in pending_dangling.drain(..) {
                if out[me].speaker.is_some() && out[d].speaker.is_none() {
                    out[d].speaker = out[me].speaker.clone();
                    out[d].attribution = Attribution::Continuation;
                }
            }
        }
        prev = Some((me, *block));
    }
    out
}

fn word_count(p: &Prepared<'_>, r: std::ops::Range<usize>) -> usize {
    let from = p.token_from(r.start);
    p.tokens[from..]
        .iter()
        .take_while(|t| t.end <= r.end)
        .filter(|t| t.kind != TokenKind::Punct)
        .count()
}

fn next_block_opens_quote(p: &Prepared<'_>, block: usize) -> bool {
    p.blocks
        .get(block + 1)
        .and_then(|b| p.text.get(b.clone()))
        .is_some_and(|t| t.starts_with(['"', '\u{201c}', '\u{201e}', '\u{ab}']))
}

/// A cue after the closing mark, in the same sentence.
fn cue_after<'a>(ctx: &'a DocContext<'_>, qi: usize) -> Option<&'a Report> {
    let (block, q) = &ctx.quotes[qi];
    let close = q.close.as_ref()?;
    let p = ctx.p;
    let block_end = p.blocks.get(*block)?.end;
    let next_open = ctx
        .quotes
        .get(qi + 1)
        .filter(|(b, _)| b == block)
        .map_or(block_end, |(_, n)| n.open);
    let from = p.token_from(close.end);
    // The cue must start within the window, before any sentence end.
    let mut k = from;
    let mut seen = 0;
    while k < p.tokens.len() && p.tokens[k].start < next_open && seen < AFTER_WINDOW {
        let t = p.tok(k);
        if matches!(t, "." | "!" | "?" | ";")
            || super::lexicon::Lexicon::embedded()
                .clause_start
                .contains(&t.to_lowercase())
        {
            break; // a new clause: its cue is not this quote's
        }
        if let Some(r) = ctx.report_at(k) {
            return (r.subject.is_some() && (r.inverted || r.span.start >= close.end)).then_some(r);
        }
        k += 1;
        seen += 1;
    }
    None
}

/// The last cue before the opening mark in the sentence where it opens.
fn cue_before<'a>(ctx: &'a DocContext<'_>, qi: usize) -> Option<&'a Report> {
    let (_, q) = &ctx.quotes[qi];
    let p = ctx.p;
    let s = p.sentence_at(q.open)?;
    let sent = &p.sentences[s];
    ctx.reports_in(sent.start, q.open)
        .iter()
        .rev()
        .filter(|r| r.subject.is_some())
        .find(|r| r.source.is_some())
}

fn person_or_org(ctx: &DocContext<'_>, mi: usize) -> Option<EntityRef> {
    let m = ctx.mentions.get(mi)?;
    matches!(m.ty, EntityType::Person | EntityType::Org).then(|| EntityRef::of(m))
}

fn mentions_in(ctx: &DocContext<'_>, r: std::ops::Range<usize>) -> Vec<EntityRef> {
    let mut out: Vec<EntityRef> = Vec::new();
    for m in &ctx.mentions[ctx.mentions_in(r.start, r.end)] {
        if m.end > r.end {
            continue;
        }
        let e = EntityRef::of(m);
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}
