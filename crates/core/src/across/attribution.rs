//! Who says something: reporting cues ("X said", "said X", "according to X",
//! "X told reporters", "he added") and the entity behind their subject.
//!
//! Quotes and numeric claims share this: a document is read once, in order,
//! and every reporting verb outside quotation marks becomes a [`Report`]
//! whose subject is resolved as it is met, so a pronoun ("he said", "it
//! said") or a nominal ("the ministry said", "said the statement") can point
//! back at the last named source of a fitting kind.

use super::lexicon::Lexicon;
use super::marks::{pair_marks, RawQuote};
use super::prepare::Prepared;
use crate::extract::{EntityType, Mention};
use crate::text::TokenKind;
use std::ops::Range;

/// Reports older than this many paragraphs are not antecedents.
const PRONOUN_WINDOW: usize = 4;

/// Reports, or mentions, looked back through at most when resolving a
/// pronoun: bounds the work on a pathological paragraph.
const LOOKBACK: usize = 64;

/// What a cue's subject is before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A mention (index into the document's mentions).
    Mention(usize),
    /// "he" / "she".
    Personal,
    /// "it".
    Neuter,
    /// "the ministry", "the statement": an organisation named before.
    OrgNoun,
    /// "the spokesman": a person named before.
    PersonNoun,
}

/// One reporting cue of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Report {
    /// Token index of the verb (or of "according").
    pub verb: usize,
    /// Byte range of the cue: subject and verb.
    pub span: Range<usize>,
    /// The subject as written, if any.
    pub subject: Option<Subject>,
    /// The mention the subject resolves to.
    pub source: Option<usize>,
    /// How the source was found.
    pub via: Via,
    /// Whether the subject comes after the verb ("said the statement").
    pub inverted: bool,
}

/// How a source was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Via {
    Named,
    Pronoun,
    Nominal,
    Unresolved,
}

/// A document prepared for attribution.
pub(crate) struct DocContext<'a> {
    pub p: &'a Prepared<'a>,
    pub mentions: &'a [Mention],
    /// Mention index of each token, if any.
    pub tok_mention: Vec<Option<usize>>,
    /// Quotes of each block, in order.
    pub quotes: Vec<(usize, RawQuote)>,
    /// Reporting cues outside quotes, in order.
    pub reports: Vec<Report>,
}

impl<'a> DocContext<'a> {
    pub(crate) fn new(p: &'a Prepared<'a>, mentions: &'a [Mention]) -> DocContext<'a> {
        let mut tok_mention = vec![None; p.tokens.len()];
        for (mi, m) in mentions.iter().enumerate() {
            let from = p.token_from(m.start);
            for (k, t) in p.tokens.iter().enumerate().skip(from) {
                if t.start >= m.end {
                    break;
                }
                tok_mention[k] = Some(mi);
            }
        }
        let mut quotes = Vec::new();
        for (bi, b) in p.blocks.iter().enumerate() {
            quotes.extend(pair_marks(p.text, b.clone()).into_iter().map(|q| (bi, q)));
        }
        let mut ctx = DocContext {
            p,
            mentions,
            tok_mention,
            quotes,
            reports: Vec::new(),
        };
        ctx.reports = ctx.find_reports();
        ctx
    }

    /// The report whose verb is token `verb`.
    pub(crate) fn report_at(&self, verb: usize) -> Option<&Report> {
        let i = self.reports.partition_point(|r| r.verb < verb);
        self.reports.get(i).filter(|r| r.verb == verb)
    }

    /// Reports whose verb starts in bytes `from..to`, in order.
    pub(crate) fn reports_in(&self, from: usize, to: usize) -> &[Report] {
        let start = |r: &Report| self.p.tokens.get(r.verb).map_or(usize::MAX, |t| t.start);
        let a = self.reports.partition_point(|r| start(r) < from);
        let b = self.reports.partition_point(|r| start(r) < to).max(a);
        &self.reports[a..b]
    }

    /// Indices of the mentions starting in bytes `from..to` (mentions are
    /// sorted by start).
    pub(crate) fn mentions_in(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let a = self.mentions.partition_point(|m| m.start < from);
        let b = self.mentions.partition_point(|m| m.start < to).max(a);
        a..b
    }

    /// Whether byte `at` lies inside quotation marks.
    pub(crate) fn in_quote(&self, at: usize) -> bool {
        let i = self.quotes.partition_point(|(_, q)| q.open <= at);
        i.checked_sub(1).is_some_and(|i| {
            let q = &self.quotes[i].1;
            let end = q.close.as_ref().map_or(q.inner.end, |c| c.end);
            at > q.open && at < end
        })
    }

    fn word(&self, k: usize) -> Option<String> {
        let t = self.p.tokens.get(k)?;
        matches!(t.kind, TokenKind::Word).then(|| self.p.tok(k).to_lowercase())
    }

    fn find_reports(&self) -> Vec<Report> {
        let mut out: Vec<Report> = Vec::new();
        let n = self.p.tokens.len();
        let mut k = 0;
        while k < n {
            let Some(w) = self.word(k) else {
                k += 1;
                continue;
            };
            if self.tok_mention[k].is_some() || self.in_quote(self.p.tokens[k].start) {
                k += 1;
                continue;
            }
            let according = w == "according"
                && self.word(k + 1).as_deref() == Some("to")
                && self.same_block(k, k + 1);
            if !according && !lex().reporting.contains(&w) {
                k += 1;
                continue;
            }
            let found = if according {
                self.subject_after(k, k + 2)
            } else {
                self.subject_before(k)
                    .or_else(|| self.subject_after(k, k + 1))
            };
            let mut r = found.unwrap_or(Report {
                verb: k,
                span: self.p.tokens[k].start..self.p.tokens[k].end,
                subject: None,
                source: None,
                via: Via::Unresolved,
                inverted: false,
            });
            if according && r.subject.is_none() {
                k += 2;
                continue;
            }
            self.resolve(&mut r, &out);
            out.push(r);
            k += if according { 2 } else { 1 };
        }
        out
    }

    fn same_block(&self, a: usize, b: usize) -> bool {
        let (Some(ta), Some(tb)) = (self.p.tokens.get(a), self.p.tokens.get(b)) else {
            return false;
        };
        self.p.block_at(ta.start) == self.p.block_at(tb.start)
    }

    /// The subject ending just before the verb at `v`.
    fn subject_before(&self, v: usize) -> Option<Report> {
        let mut k = v.checked_sub(1)?;
        // Auxiliaries and adverbs.
        while self.word(k).is_some_and(|w| lex().between.contains(&w)) && self.same_block(k, v) {
            k = k.checked_sub(1)?;
        }
        // An appositive: "Hikmet Hajiyev, foreign affairs aide to ..., told"
        // or "the president's aide, Hikmet Hajiyev, told".
        if self.p.tok(k) == "," && self.same_block(k, v) {
            let lo = k.saturating_sub(16);
            let comma = (lo..k).rev().find(|&j| {
                matches!(
                    self.p.tok(j),
                    "," | "." | ";" | ":" | "\"" | "\u{201d}" | "\u{201c}"
                )
            })?;
            if self.p.tok(comma) != "," || comma == 0 {
                return None;
            }
            // "the foreign minister, Jeyhun Bayramov, said": the name is the
            // aside itself.
            if let Some(mi) = k.checked_sub(1).and_then(|j| self.tok_mention[j]) {
                let named = matches!(self.mentions[mi].ty, EntityType::Person | EntityType::Org);
                if named && self.p.token_from(self.mentions[mi].start) == comma + 1 {
                    return Some(self.report(v, mi_start(self, mi), Subject::Mention(mi), false));
                }
            }
            let before = comma - 1;
            let mi = self.tok_mention[before]?;
            if !matches!(self.mentions[mi].ty, EntityType::Person | EntityType::Org) {
                return None;
            }
            return Some(self.report(v, mi_start(self, mi), Subject::Mention(mi), false));
        }
        self.subject_ending_at(k, v, 0)
    }

    /// The subject whose last token is `k` (for the verb at `v`), looking
    /// through a prepositional phrase ("Armenian authorities in the disputed
    /// region said").
    fn subject_ending_at(&self, k: usize, v: usize, depth: u8) -> Option<Report> {
        if !self.same_block(k, v) || self.in_quote(self.p.tokens[k].start) {
            return None;
        }
        let np_start = match self.tok_mention[k] {
            Some(mi) => self.p.token_from(self.mentions[mi].start),
            None => k,
        };
        if depth < 2 {
            let prep = (np_start.saturating_sub(3)..np_start)
                .rev()
                .find(|&j| self.word(j).is_some_and(|w| lex().preposition.contains(&w)));
            if let Some(j) = prep.filter(|&j| j > 0 && self.same_block(j - 1, v)) {
                // Only adjectives or a determiner between: "in occupied Karabakh".
                let simple = (j + 1..np_start).all(|i| {
                    self.word(i)
                        .is_some_and(|w| w.chars().all(|c| c.is_lowercase()))
                });
                if simple {
                    if let Some(r) = self.subject_ending_at(j - 1, v, depth + 1) {
                        return Some(r);
                    }
                }
            }
        }
        if let Some(mi) = self.tok_mention[k] {
            return Some(self.report(v, mi_start(self, mi), Subject::Mention(mi), false));
        }
        let w = self.word(k)?;
        let start = self.p.tokens[k].start;
        match w.as_str() {
            "he" | "she" => return Some(self.report(v, start, Subject::Personal, false)),
            "it" => return Some(self.report(v, start, Subject::Neuter, false)),
            _ => {}
        }
        self.nominal(k, v, false)
    }

    /// A head noun at `k` ("ministry", "spokesman"): the named modifier
    /// before it ("Russia's Interfax news agency", "Armenian authorities"),
    /// else a reference back ("the ministry").
    fn nominal(&self, k: usize, v: usize, inverted: bool) -> Option<Report> {
        let w = self.word(k)?;
        let singular = w.trim_end_matches('s');
        let org = lex().org_noun.contains(&w) || lex().org_noun.contains(singular);
        let person = lex().person_noun.contains(&w) || lex().person_noun.contains(singular);
        let authority = lex().group_noun.contains(&w);
        if !(org || person || authority) {
            return None;
        }
        // A named modifier within three words before the head.
        for j in (k.saturating_sub(3)..k).rev() {
            if !self.same_block(j, k) {
                break;
            }
            if let Some(mi) = self.tok_mention[j] {
                let start = mi_start(self, mi).min(self.p.tokens[k].start);
                return Some(self.report(v, start, Subject::Mention(mi), inverted));
            }
            if self.p.tokens[j].kind == TokenKind::Punct && self.p.tok(j) != "'" {
                break;
            }
        }
        let det = k.checked_sub(1).and_then(|j| self.word(j));
        if det.as_deref() != Some("the") {
            return None;
        }
        let start = self.p.tokens[k - 1].start;
        let subject = if person {
            Subject::PersonNoun
        } else {
            Subject::OrgNoun
        };
        Some(self.report_span(v, start, self.p.tokens[k].end, subject, inverted))
    }

    /// The subject after the verb: "said the statement", "according to X",
    /// "said Foreign Ministry spokesman Saeed Khatibzadeh".
    fn subject_after(&self, v: usize, from: usize) -> Option<Report> {
        let lim = (from + 6).min(self.p.tokens.len());
        let mut best: Option<usize> = None;
        for j in from..lim {
            if !self.same_block(v, j) || self.in_quote(self.p.tokens[j].start) {
                break;
            }
            if let Some(mi) = self.tok_mention[j] {
                match self.mentions[mi].ty {
                    EntityType::Person => {
                        best = Some(mi);
                        break;
                    }
                    EntityType::Org => {
                        best = Some(mi);
                        // A title may follow: "Foreign Ministry spokesman X".
                    }
                    _ if best.is_none() => best = Some(mi),
                    _ => {}
                }
                continue;
            }
            if self.p.tokens[j].kind == TokenKind::Punct && self.p.tok(j) != "'" {
                break;
            }
            let w = self.word(j).unwrap_or_default();
            if j == from && matches!(w.as_str(), "he" | "she" | "it") {
                return None; // "said it would", a new clause
            }
            if best.is_none() && j > from && self.word(j - 1).as_deref() == Some("the") {
                if let Some(mut r) = self.nominal(j, v, true) {
                    r.span = self.p.tokens[v].start..self.p.tokens[j].end;
                    return Some(r);
                }
            }
        }
        let mi = best?;
        let end = self.mentions[mi].end;
        Some(self.report_span(v, self.p.tokens[v].start, end, Subject::Mention(mi), true))
    }

    fn report(&self, v: usize, start: usize, subject: Subject, inverted: bool) -> Report {
        self.report_span(v, start, self.p.tokens[v].end, subject, inverted)
    }

    fn report_span(
        &self,
        v: usize,
        start: usize,
        end: usize,
        subject: Subject,
        inverted: bool,
    ) -> Report {
        Report {
            verb: v,
            span: start.min(end)..end,
            subject: Some(subject),
            source: None,
            via: Via::Unresolved,
            inverted,
        }
    }

    /// Resolve `r`'s subject against the reports before it.
    fn resolve(&self, r: &mut Report, before: &[Report]) {
        let here = self.p.block_at(self.p.tokens[r.verb].start).unwrap_or(0);
        let recent_at = |pred: &dyn Fn(EntityType) -> bool| -> Option<(usize, usize)> {
            before
                .iter()
                .rev()
                .take(LOOKBACK)
                .take_while(|b| {
                    let bb = self.p.block_at(self.p.tokens[b.verb].start).unwrap_or(0);
                    here.saturating_sub(bb) <= PRONOUN_WINDOW
                })
                .find_map(|b| {
                    let src = b.source?;
                    pred(self.mentions[src].ty).then_some((src, b.verb))
                })
        };
        let recent = |pred: &dyn Fn(EntityType) -> bool| recent_at(pred).map(|(s, _)| s);
        let (source, via) = match r.subject {
            Some(Subject::Mention(mi)) => (Some(mi), Via::Named),
            Some(Subject::Personal) => {
                let named = match recent_at(&|t| t == EntityType::Person) {
                    // Another person become the subject since: ambiguous.
                    Some((src, at)) => (!self.rival_subject(src, at, r.verb)).then_some(src),
                    None => self.last_named_before(r.verb, here, &[EntityType::Person]),
                };
                (named, Via::Pronoun)
            }
            Some(Subject::Neuter) => (
                recent(&|t| t != EntityType::Person).or_else(|| {
                    self.last_named_before(r.verb, here, &[EntityType::Org, EntityType::Place])
                }),
                Via::Pronoun,
            ),
            Some(Subject::OrgNoun) => (recent(&|t| t == EntityType::Org), Via::Nominal),
            Some(Subject::PersonNoun) => (recent(&|t| t == EntityType::Person), Via::Nominal),
            None => (None, Via::Unresolved),
        };
        r.source = source;
        r.via = if source.is_some() {
            via
        } else {
            Via::Unresolved
        };
    }

    /// Whether a person other than mention `src`'s entity opens a sentence
    /// (outside quotes) between tokens `from` and `to`.
    fn rival_subject(&self, src: usize, from: usize, to: usize) -> bool {
        let (Some(a), Some(b)) = (self.p.tokens.get(from), self.p.tokens.get(to)) else {
            return false;
        };
        let who = &self.mentions[src].entity;
        let r = self.mentions_in(a.end, b.start);
        let r = r.start.max(r.end.saturating_sub(LOOKBACK))..r.end;
        self.mentions[r].iter().any(|m| {
            m.ty == EntityType::Person
                && m.end <= b.start
                && &m.entity != who
                && !self.in_quote(m.start)
                && self.opens_sentence(m.start)
        })
    }

    /// Whether byte `at` lies within the first three tokens of its sentence
    /// ("Emmanuel Macron urged", "French President Emmanuel Macron said").
    fn opens_sentence(&self, at: usize) -> bool {
        let Some(s) = self.p.sentence_at(at) else {
            return false;
        };
        let k = self.p.token_from(at);
        k < self.p.sentences[s].tokens.start + 3
    }

    /// The last mention of one of `types` outside quotes in this or the
    /// previous paragraph, when only one such entity is named there.
    fn last_named_before(&self, v: usize, block: usize, types: &[EntityType]) -> Option<usize> {
        let at = self.p.tokens[v].start;
        let from = self.p.blocks.get(block.saturating_sub(1))?.start;
        let mut found: Option<usize> = None;
        let r = self.mentions_in(from, at);
        for mi in r.start.max(r.end.saturating_sub(LOOKBACK))..r.end {
            let m = &self.mentions[mi];
            if m.end > at || !types.contains(&m.ty) || self.in_quote(m.start) {
                continue;
            }
            if let Some(f) = found {
                if self.mentions[f].entity != m.entity {
                    return None;
                }
            }
            found = Some(mi);
        }
        found
    }
}

fn lex() -> &'static Lexicon {
    Lexicon::embedded()
}

fn mi_start(ctx: &DocContext<'_>, mi: usize) -> usize {
    ctx.mentions[mi].start
}
