//! PLACE recogniser for names the gazetteer lacks (villages, renderings),
//! read from context: "Talish village", "the X district", "the town of X",
//! "the villages of A, B and C", "the governor of X", "A, B and C villages of
//! X district", a toponym prefix ("Ashagi Veysalli"), a geographic head
//! ("Aras River").
//!
//! A name found this way is linked to a known place whose transliteration
//! skeleton it shares ("Terter" ~ "Tartar"), else gets its own slug.

use super::context::{Cand, Ctx};
use super::cues::Cue;
use super::EntityType;
use crate::text::{initial_class, skeleton, slug, TokenKind};

/// A capitalised run of 1-3 words starting at `i` that no other recogniser
/// claimed; returns its end (exclusive).
fn name_run(ctx: &Ctx<'_>, i: usize, taken: &[bool]) -> Option<usize> {
    let ok = |k: usize| {
        ctx.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word || t.kind == TokenKind::Hashtag)
            && ctx.is_cap(k)
            && !taken[k]
            && !ctx.cue(k, Cue::NotName)
    };
    if !ok(i) {
        return None;
    }
    let mut j = i + 1;
    while j < i + 3 && ok(j) && ctx.same_block(i, j) && !ctx.word(j - 1).ends_with("'s") {
        j += 1;
    }
    Some(j)
}

/// Place candidate for tokens `i..j`, linked by skeleton when possible.
fn cand(ctx: &Ctx<'_>, i: usize, j: usize) -> Cand {
    let start = ctx.tokens[i].start;
    let end = ctx.end_without_possessive(j - 1);
    let name = &ctx.text[start..end];
    let sk = skeleton(name);
    let id = ctx
        .know
        .skeletons
        .get(&sk)
        .map(|&e| &ctx.know.entries[e as usize])
        .filter(|e| initial_class(&e.name) == initial_class(name))
        .map_or_else(|| slug(name), |e| e.id.clone());
    Cand {
        start,
        end,
        ty: EntityType::Place,
        id: Some(id),
        entry: None,
        prio: 2,
    }
}

fn place_noun_after(ctx: &Ctx<'_>, j: usize) -> bool {
    ctx.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word) && ctx.cue(j, Cue::PlaceAfter)
}

/// A list of name runs starting at `i`: "A, B, C and D" (Oxford comma too).
fn list_at(
    ctx: &Ctx<'_>,
    mut i: usize,
    taken: &[bool],
    known: &[bool],
) -> (Vec<(usize, usize)>, usize) {
    let mut items = Vec::new();
    while let Some(j) = name_run(ctx, i, taken).or_else(|| {
        // A known place inside the list keeps it going.
        let mut j = i;
        while known.get(j).copied().unwrap_or(false) {
            j += 1;
        }
        (j > i).then_some(j)
    }) {
        items.push((i, j));
        if ctx.is_punct(j, ',') && ctx.is(j + 1, "and") {
            i = j + 2;
        } else if ctx.is_punct(j, ',') || ctx.is(j, "and") {
            i = j + 1;
        } else {
            return (items, j);
        }
    }
    let end = items.last().map_or(i, |x| x.1);
    (items, end)
}

/// Context PLACE candidates. `taken` marks tokens other recognisers
/// claimed; `known` those covered by a known place.
pub fn find(ctx: &Ctx<'_>, taken: &[bool], known: &[bool]) -> Vec<Cand> {
    let mut out = Vec::new();
    let n = ctx.tokens.len();
    let mut i = 0;
    while i < n {
        // "Ashagi Veysalli": a toponym prefix and a name.
        if ctx.is_cap(i) && !taken[i] && ctx.cues.has(Cue::ToponymPrefixes, &ctx.folded_word(i)) {
            if let Some(j) = name_run(ctx, i + 1, taken).filter(|_| ctx.same_block(i, i + 1)) {
                out.push(cand(ctx, i, j.min(i + 3)));
                i = j;
                continue;
            }
        }
        // "the village(s) of A, B and C", "villages: A, B", "villages, namely A".
        // Any case: "The Governor of Khoda Afrin", "the City of Baku".
        if ctx.cue_any_case(i, Cue::PlaceBeforeOf) {
            let mut k = i + 1;
            // A list after a colon or "namely" only for settlements
            // ("villages: A, B"; "economic regions: Infrastructure, ..." is
            // a list of topics).
            let settlements = matches!(
                ctx.lower(i),
                "village" | "villages" | "town" | "towns" | "settlement" | "settlements"
            );
            if ctx.is(k, "of")
                || settlements
                    && (ctx.is_punct(k, ':') || ctx.is(k, "namely") || ctx.is(k, "including"))
            {
                k += 1;
                if ctx.is(k, "namely") || ctx.is(k, "including") {
                    k += 1;
                }
                let (mut items, mut end) = list_at(ctx, k, taken, known);
                // "the village of A" names one place; what follows "and"
                // is read afresh ("A village of X district and B village").
                if !ctx.word(i).ends_with('s') && items.len() > 1 {
                    items.truncate(1);
                    end = items[0].1;
                }
                for &(a, b) in &items {
                    if !known[a] {
                        out.push(cand(ctx, a, b));
                    }
                }
                i = end.max(i + 1);
                continue;
            }
        }
        // "A, B and C of X district" / "... in the state of X".
        if name_run(ctx, i, taken).is_some() || known[i] {
            let (items, end) = list_at(ctx, i, taken, known);
            if !items.is_empty() {
                let tail_place = (ctx.is(end, "of") || ctx.is(end, "in"))
                    && ((known.get(end + 1).copied().unwrap_or(false)
                        || name_run(ctx, end + 1, taken).is_some())
                        && place_noun_after(ctx, name_run(ctx, end + 1, taken).unwrap_or(end + 2))
                        || ctx.is(end + 1, "the") && ctx.cue(end + 2, Cue::PlaceBeforeOf));
                if items.len() >= 2 && tail_place {
                    for (a, b) in &items {
                        if !known[*a] {
                            out.push(cand(ctx, *a, *b));
                        }
                    }
                } else if place_noun_after(ctx, end) && ctx.word(end).ends_with('s') {
                    // "A, B and C villages of X district".
                    for &(a, b) in &items {
                        if !known[a] {
                            out.push(cand(ctx, a, b));
                        }
                    }
                } else if let Some(&(a, b)) = items.last() {
                    // "Talish village", "Gorus region".
                    if !known[a] && place_noun_after(ctx, b) {
                        out.push(cand(ctx, a, b));
                    }
                }
                // "Aras River", "Zangezur Mountains": the head is in the name.
                if let Some(&(a, b)) = items.last() {
                    let head = (a + 1..=b).rev().find(|&k| {
                        ctx.tokens[k - 1].kind == TokenKind::Word && ctx.cue(k - 1, Cue::PlaceHeads)
                    });
                    if let Some(h) = head.filter(|&h| h > a + 1) {
                        out.push(cand(ctx, a, h));
                    } else if ctx.cue(b, Cue::PlaceHeads)
                        && ctx.same_block(a, b)
                        // "Armenia's Highlands" is Armenia.
                        && ctx.end_without_possessive(b - 1) == ctx.tokens[b - 1].end
                    {
                        out.push(cand(ctx, a, b + 1));
                    }
                }
                i = end.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    out
}
