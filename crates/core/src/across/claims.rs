//! Numeric claims: a figure, what it counts, who states it, where and when.
//!
//! A claim is a number expression (`numbers.rs`) whose counted noun is
//! in the `[subject]` list of `lexicon.txt` (soldiers, civilians, villages, houses, tanks,
//! ...), found right after the number ("51 more soldiers", "dozens of
//! Armenian soldiers", "19 of its settlements") or in "the number of
//! <noun> ... reached N". The event (killed, injured, captured, destroyed,
//! ...) is the nearest event word after the noun or before the number, else
//! the noun's default ("lives" are lost, "casualties" are casualties).
//!
//! The source is the sentence's attribution ("according to X" first, else
//! the reporting cue nearest the number), or the speaker of the quote the
//! figure sits in; none means the article itself. Comparable claims share a
//! [`Claim::group`] key: side, counted noun and event, plus the period when
//! the sentence dates the figure to another year than the article's.

use super::attribution::DocContext;
use super::lexicon::Lexicon;
pub use super::numbers::Qualifier;
use super::numbers::{number_at, NumExpr};
use super::prepare::Prepared;
use super::quotes::Quote;
use super::span::{EntityRef, Spanner, TextSpan};
use crate::corpus::Document;
use crate::extract::{CorpusExtraction, EntityType};
use serde::{Deserialize, Serialize};

/// What happened to what a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Killed, dead, lives lost.
    Killed,
    /// Injured, wounded.
    Injured,
    /// Casualties (killed and injured, not told apart).
    Casualties,
    /// Captured, taken, liberated, recaptured, brought under control.
    Captured,
    /// Destroyed, damaged, made uninhabitable.
    Destroyed,
    /// Shelled, hit, targeted, attacked.
    Shelled,
    /// Displaced, fled, evacuated.
    Displaced,
    /// Missing.
    Missing,
    /// A count with no event stated.
    Count,
}

impl Event {
    /// Every event, in display order.
    pub const ALL: [Event; 9] = [
        Event::Killed,
        Event::Injured,
        Event::Casualties,
        Event::Captured,
        Event::Destroyed,
        Event::Shelled,
        Event::Displaced,
        Event::Missing,
        Event::Count,
    ];

    /// Parse a [`Event::key`].
    pub fn parse(key: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.key() == key)
    }

    /// The lowercase key used in group keys and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Event::Killed => "killed",
            Event::Injured => "injured",
            Event::Casualties => "casualties",
            Event::Captured => "captured",
            Event::Destroyed => "destroyed",
            Event::Shelled => "shelled",
            Event::Displaced => "displaced",
            Event::Missing => "missing",
            Event::Count => "count",
        }
    }
}

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A number of things.
    Count,
    /// A percentage ("20% of its territory").
    Percent,
}

/// A figure stated in a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Index of the document in the analysed slice.
    pub doc: usize,
    /// The sentence stating the figure.
    pub sentence: TextSpan,
    /// The figure as written, hedge and "more" included ("nearly 200").
    pub number: TextSpan,
    /// The figure (for a vague quantity, its smallest reading).
    pub value: u64,
    /// Count or percentage.
    pub unit: Unit,
    /// Exact, approximate, at least, ...
    pub qualifier: Qualifier,
    /// "51 more", "8 additional": an update on an earlier figure.
    pub increment: bool,
    /// The counted noun, canonical ("soldiers", "civilians", "villages").
    pub subject: String,
    /// What happened to them.
    pub event: Event,
    /// Whose soldiers, civilians or villages, when stated or implied by the
    /// source (a country reporting casualties reports its own).
    pub side: Option<EntityRef>,
    /// Who states the figure; `None` means the article itself.
    pub source: Option<EntityRef>,
    /// The attribution cue ("Armenia says", "according to ..."), if any.
    pub cue: Option<TextSpan>,
    /// Places named in the sentence (outside the attribution cue).
    pub places: Vec<EntityRef>,
    /// Dates named in the sentence.
    pub dates: Vec<EntityRef>,
    /// Comparable claims share this key: `<side>/<subject>/<event>`, plus
    /// `@<period>` for figures dated to another year ("any/people/killed@1990s").
    pub group: String,
}

/// Tokens "the number of" may stand before its figure.
const NUMBER_OF_WINDOW: usize = 16;

/// Tokens an event word may be away from the noun or the number.
const EVENT_WINDOW: usize = 8;

/// Numeric claims of every document.
pub fn find_claims(docs: &[Document], extraction: &CorpusExtraction) -> Vec<Claim> {
    let empty = Vec::new();
    let mut out = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let p = Prepared::new(doc);
        let mentions = extraction.docs.get(i).map_or(&empty, |x| &x.mentions);
        let ctx = DocContext::new(&p, mentions);
        let quotes = super::quotes::quotes_in(i, &ctx);
        out.extend(claims_in(i, doc, &ctx, &quotes));
    }
    out
}

fn subject_of(w: &str) -> Option<(&'static str, Event)> {
    Lexicon::embedded()
        .subject
        .get(w)
        .map(|(s, e)| (s.as_str(), *e))
}

fn event_of(w: &str) -> Option<Event> {
    Lexicon::embedded().event.get(w).copied()
}

/// Numeric claims of one document (`quotes` are its quotes, for figures
/// stated inside them).
pub(crate) fn claims_in(
    doc: usize,
    document: &Document,
    ctx: &DocContext<'_>,
    quotes: &[Quote],
) -> Vec<Claim> {
    let p = ctx.p;
    let sp = Spanner::new(p.text);
    let reference_year = reference_year(document, ctx);
    let mut out = Vec::new();
    for sent in &p.sentences {
        let end = sent.tokens.end;
        let mut k = sent.tokens.start;
        while k < end {
            if ctx.tok_mention[k].is_some_and(|m| ctx.mentions[m].ty == EntityType::Date) {
                k += 1;
                continue;
            }
            let Some(num) = number_at(p, k, sent.tokens.start, end) else {
                k += 1;
                continue;
            };
            let next = num.end.max(k + 1);
            if let Some(c) = claim_at(ctx, &sp, doc, sent, &num, quotes, reference_year.as_deref())
            {
                out.push(c);
            }
            k = next;
        }
    }
    out
}

fn lower(p: &Prepared<'_>, k: usize) -> String {
    p.tok(k).to_lowercase()
}

/// The counted noun after a number: (token, subject, default event, side).
fn noun_after(
    ctx: &DocContext<'_>,
    num: &NumExpr,
    end: usize,
) -> Option<(usize, &'static str, Event, Option<usize>)> {
    let p = ctx.p;
    let mut side = None;
    let mut found: Option<(usize, &'static str, Event)> = None;
    let mut j = num.end;
    while j < end && j < num.end + 12 {
        if let Some(mi) = ctx.tok_mention[j] {
            let m = &ctx.mentions[mi];
            if matches!(m.ty, EntityType::Norp | EntityType::Place) && found.is_none() {
                side = Some(mi);
            }
            if found.is_some() {
                break;
            }
            j += 1;
            continue;
        }
        let w = lower(p, j);
        if let Some((s, e)) = subject_of(&w) {
            // "civilian facilities", "military casualties": the last noun heads.
            found = Some((j, s, e));
            j += 1;
            continue;
        }
        if found.is_some() {
            break;
        }
        if num.weak && j > num.end {
            return None;
        }
        if !(Lexicon::embedded().modifier.contains(&w) || w == "'s" || p.tok(j) == "'" || w == "s")
        {
            // "four UN Security Council and two ... resolutions": skip names.
            return None;
        }
        if w == "and" {
            // "four X and two Y resolutions": the second figure shares the noun.
            match number_at(p, j + 1, j + 1, end) {
                Some(n) => {
                    j = n.end.max(j + 2);
                    continue;
                }
                None => return None,
            }
        }
        j += 1;
    }
    let (t, s, e) = found?;
    // "military casualties" count soldiers, "civilian casualties" civilians.
    let before = t.checked_sub(1).map(|b| lower(p, b)).unwrap_or_default();
    let s = match (s, before.as_str()) {
        ("people", "military") => "soldiers",
        ("people", "civilian") => "civilians",
        _ => s,
    };
    Some((t, s, e, side))
}

/// "The number of <noun> ... has reached N": the noun, when the sentence
/// holds "number of" before the figure.
fn number_of(
    ctx: &DocContext<'_>,
    num: &NumExpr,
    start: usize,
) -> Option<(usize, &'static str, Event, Option<usize>)> {
    let p = ctx.p;
    let from = (start.max(num.first.saturating_sub(NUMBER_OF_WINDOW))..num.first)
        .find(|&j| lower(p, j) == "number" && lower(p, j + 1) == "of")?;
    let mut side = None;
    for j in from + 2..(from + 6).min(num.first) {
        if let Some(mi) = ctx.tok_mention[j] {
            if matches!(ctx.mentions[mi].ty, EntityType::Norp | EntityType::Place) {
                side = Some(mi);
            }
            continue;
        }
        if let Some((s, e)) = subject_of(&lower(p, j)) {
            return Some((j, s, e, side));
        }
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn claim_at(
    ctx: &DocContext<'_>,
    sp: &Spanner<'_>,
    doc: usize,
    sent: &super::prepare::Sentence,
    num: &NumExpr,
    quotes: &[Quote],
    reference_year: Option<&str>,
) -> Option<Claim> {
    let p = ctx.p;
    let end = sent.tokens.end;
    let (noun, subject, default_event, side_mention) = match noun_after(ctx, num, end) {
        Some(x) => x,
        None if !num.weak => number_of(ctx, num, sent.tokens.start)?,
        None => return None,
    };
    // A year that merely precedes a noun ("1994 ceasefire") is not a count.
    let unit = if num.percent {
        Unit::Percent
    } else {
        Unit::Count
    };
    if unit == Unit::Count && subject == "territory" {
        return None;
    }
    // The nearest event word that fits the noun: after the noun (within
    // the clause), else before the number.
    let beings = matches!(
        subject,
        "soldiers" | "civilians" | "people" | "children" | "prisoners"
    );
    let fits = |e: Event| match e {
        Event::Killed | Event::Injured | Event::Casualties | Event::Missing | Event::Displaced => {
            beings
        }
        Event::Destroyed => !beings,
        _ => true,
    };
    let stop = |j: usize| matches!(p.tok(j), "." | ";" | "!" | "?" | "," | ":");
    // A comma ends the clause, unless it opens or closes an aside
    // ("12 civilians, including two children, died").
    let aside = |w: &str| Lexicon::embedded().aside.contains(w);
    let in_aside = num.first > 0 && aside(&lower(p, num.first - 1));
    let mut skipping = false;
    let after = (noun + 1..(noun + 1 + EVENT_WINDOW).min(end))
        .take_while(|&j| {
            if p.tok(j) == "," {
                if skipping {
                    skipping = false;
                    return true;
                }
                if aside(&lower(p, j + 1)) {
                    skipping = true;
                    return true;
                }
                return in_aside;
            }
            !stop(j)
        })
        .find_map(|j| {
            event_of(&lower(p, j))
                .filter(|&e| fits(e))
                .map(|e| (j - noun, e))
        });
    let before = (num
        .first
        .saturating_sub(EVENT_WINDOW)
        .max(sent.tokens.start)..num.first)
        .rev()
        .take_while(|&j| !stop(j))
        .find_map(|j| {
            event_of(&lower(p, j))
                .filter(|&e| fits(e))
                .map(|e| (num.first - j, e))
        });
    let event = match (after, before) {
        (Some((da, a)), Some((db, b))) => {
            if da <= db {
                a
            } else {
                b
            }
        }
        (Some((_, a)), None) => a,
        (None, Some((_, b))) => b,
        (None, None) => default_event,
    };
    // A noun that names the event itself ("3,000 wounded", "30,000 lives",
    // "54 casualties") keeps it.
    let event = if default_event != Event::Count {
        default_event
    } else {
        event
    };

    // Who states it.
    let num_at = p.tokens[num.num].start;
    let quote = quotes
        .iter()
        .find(|q| q.span.start <= num_at && num_at < q.span.end);
    let (source, cue) = match quote {
        Some(q) => (q.speaker.clone(), q.cue),
        None => {
            let in_sentence = ctx
                .reports_in(sent.start, sent.end)
                .iter()
                .filter(|r| r.source.is_some());
            let according = in_sentence
                .clone()
                .find(|r| lower(p, r.verb) == "according");
            let nearest =
                according.or_else(|| in_sentence.min_by_key(|r| r.verb.abs_diff(num.num)));
            match nearest {
                Some(r) => (
                    r.source.map(|m| EntityRef::of(&ctx.mentions[m])),
                    Some(sp.span(r.span.start, r.span.end)),
                ),
                None => (None, None),
            }
        }
    };

    // Whose: a modifier ("Armenian soldiers"), "its" (the source), or the
    // reporting country for its own casualties.
    let its = (num.end..noun).any(|j| matches!(lower(p, j).as_str(), "its" | "their" | "own"));
    let country = |e: &EntityRef| matches!(e.ty, EntityType::Place | EntityType::Norp);
    let side = match side_mention {
        Some(mi) => Some(EntityRef {
            ty: EntityType::Place,
            id: ctx.mentions[mi].entity.clone(),
        }),
        None => {
            let casualty = matches!(
                event,
                Event::Killed | Event::Injured | Event::Casualties | Event::Shelled
            );
            source
                .as_ref()
                .filter(|s| country(s) && (its || casualty))
                .map(|s| EntityRef {
                    ty: EntityType::Place,
                    id: s.id.clone(),
                })
        }
    };

    let mut places = Vec::new();
    let mut dates = Vec::new();
    for m in ctx.mentions[ctx.mentions_in(sent.start, sent.end)]
        .iter()
        .filter(|m| m.end <= sent.end)
    {
        // The source of "Armenia says ..." is not where the figure is.
        if m.ty == EntityType::Place && cue.is_some_and(|c| m.start >= c.start && m.end <= c.end) {
            continue;
        }
        let e = EntityRef::of(m);
        let list = match m.ty {
            EntityType::Place => &mut places,
            EntityType::Date => &mut dates,
            _ => continue,
        };
        if !list.contains(&e) {
            list.push(e);
        }
    }
    let period = dates
        .iter()
        .filter_map(|d| year_key(&d.id))
        .find(|y| reference_year.is_some_and(|r| !y.starts_with(r)));
    let mut group = format!(
        "{}/{}/{}",
        side.as_ref().map_or("any", |s| s.id.as_str()),
        subject,
        event.key()
    );
    if unit == Unit::Percent {
        group.push_str("/percent");
    }
    if let Some(y) = period {
        group.push('@');
        group.push_str(&y);
    }
    let last = num.end.max(num.num + 1) - 1;
    Some(Claim {
        doc,
        sentence: sp.span(sent.start, sent.end),
        number: sp.span(p.tokens[num.first].start, p.tokens[last].end),
        value: num.value,
        unit,
        qualifier: num.qualifier,
        increment: num.increment,
        subject: subject.to_string(),
        event,
        side,
        source,
        cue,
        places,
        dates,
        group,
    })
}

/// The year part of a DATE entity id ("2020-10-03" -> "2020", "1990s").
fn year_key(id: &str) -> Option<String> {
    let y = id.get(..4)?;
    if !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if id.get(4..5) == Some("s") {
        return Some(id[..5].to_string());
    }
    Some(y.to_string())
}

/// The article's year: its publication date, else the latest year its
/// dates resolve to.
fn reference_year(doc: &Document, ctx: &DocContext<'_>) -> Option<String> {
    if let Some(d) = doc.meta.published {
        return Some(d.year.to_string());
    }
    ctx.mentions
        .iter()
        .filter(|m| m.ty == EntityType::Date)
        .filter_map(|m| year_key(&m.entity))
        .filter(|y| y.len() == 4)
        .max()
}
