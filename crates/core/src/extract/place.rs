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
/// claimed ("Upper" or "Lower" may open it); returns its end (exclusive).
fn name_run(ctx: &Ctx<'_>, i: usize, taken: &[bool]) -> Option<usize> {
    let ok = |k: usize| {
        ctx.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word || t.kind == TokenKind::Hashtag)
            && ctx.is_cap(k)
            && !taken[k]
            && !ctx.cue(k, Cue::NotName)
    };
    // "Upper Shorca": an English prefix before a name.
    let prefixed = ENGLISH_PREFIXES.contains(&ctx.word(i))
        && !taken[i]
        && ok(i + 1)
        && ctx.same_block(i, i + 1);
    if !ok(i) && !prefixed {
        return None;
    }
    let mut j = i + 1;
    let mut words = 1;
    while words < 3 && ctx.same_block(i, j) && !ctx.word(j - 1).ends_with("'s") {
        if ok(j) {
            j += 1;
        } else if ctx.glued_hyphen(j) && ok(j + 1) {
            j += 2; // "Gashalty-Garagoyunlu", "Novo-Ogaryovo": one word
        } else {
            break;
        }
        words += 1;
    }
    Some(j)
}

/// Place candidate for tokens `i..j`, linked by skeleton when possible.
fn cand(ctx: &Ctx<'_>, i: usize, j: usize) -> Cand {
    let start = ctx.tokens[i].start;
    let end = ctx.end_without_possessive(j - 1);
    let name = &ctx.text[start..end];
    let id = linked(ctx, name)
        .or_else(|| {
            // Rare (a name ending in "-sky"): a scan of the keys is fine.
            russian_adjective_stems(name).find_map(|stem| {
                let e = ctx.know.lookup(&crate::text::fold_str(stem))?;
                (e.ty == EntityType::Place).then(|| e.id.clone())
            })
        })
        .unwrap_or_else(|| slug(name));
    Cand {
        start,
        end,
        ty: EntityType::Place,
        id: Some(id),
        entry: None,
        prio: 2,
    }
}

/// The id of the known place of the region `name` is a spelling of: same
/// transliteration skeleton and first-letter class ("Terter" ~ "Tartar").
fn linked(ctx: &Ctx<'_>, name: &str) -> Option<String> {
    let e = &ctx.know.entries[*ctx.know.skeletons.get(&skeleton(name))? as usize];
    (initial_class(&e.name) == initial_class(name)).then(|| e.id.clone())
}

/// The stems a Russian adjectival district name may come from
/// ("Martuninsky" -> "Martunin", "Martuni"; "Lachinsky" -> "Lachin").
fn russian_adjective_stems(name: &str) -> impl Iterator<Item = &str> {
    let stem = ["skiy", "sky", "ski"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .filter(|stem| stem.len() >= 4);
    let shorter = stem.and_then(|s| s.strip_suffix('n'));
    stem.into_iter().chain(shorter)
}

/// Capitalised administrative heads after a name: "Kashatag District",
/// "Syunik Region". The head is not in the span.
const ADMIN_HEADS: &[&str] = &["District", "Region", "Province", "Rayon", "Municipality"];

/// Capitalised words that make a name of a known place a new one: "Upper
/// Shorzha" (Verin Shorzha), "Lower Agdzhakend".
const ENGLISH_PREFIXES: &[&str] = &["Upper", "Lower"];

/// Lowercase nouns after "A-B" that make it a route between two places:
/// "the Khndzoresk-Bichenek section", "the Agdere-Terter direction".
const ROUTE_NOUNS: &[&str] = &[
    "road",
    "highway",
    "section",
    "route",
    "direction",
    "directions",
    "front",
    "axis",
    "area",
    "areas",
    "border",
    "railway",
    "line",
    "corridor",
    "pipeline",
    "sector",
    "stretch",
    "motorway",
    "zone",
];

/// Whether a capitalised run `a..b` ends in an administrative head whose
/// name part is no adjective ("Southern Military District" is no place).
fn admin_head_run(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    b > a + 1
        && ADMIN_HEADS.contains(&ctx.word(b - 1))
        && (a..b - 1).all(|k| {
            let w = ctx.folded_word(k);
            !["al", "ary", "ic", "ern", "ral"]
                .iter()
                .any(|e| w.ends_with(e))
                && !ctx.cue(k, Cue::MinistryDomains)
                && !ctx.cue(k, Cue::OrgHeads)
        })
}

/// A word the gazetteer lacks that is a spelling of a place of the region:
/// mid-sentence, capitalised, no given name or surname-shaped, at least six
/// letters, and sharing a known place's skeleton ("Kalbacar" ~ Kalbajar).
fn spelling_of_known(ctx: &Ctx<'_>, i: usize, taken: &[bool]) -> Option<String> {
    let t = ctx.tokens.get(i)?;
    if t.kind != TokenKind::Word
        || taken[i]
        || !ctx.is_cap(i)
        || t.sent_start
        || ctx.in_headline(i)
        || ctx.cue(i, Cue::NotName)
        || ctx.is_cap(i + 1) && ctx.same_block(i, i + 1)
        || i > 0 && ctx.is_cap(i - 1) && ctx.same_block(i - 1, i)
        || super::person::has_surname_ending(ctx, i)
    {
        return None;
    }
    let name = &ctx.text[t.start..ctx.end_without_possessive(i)];
    let f = ctx.folded(t.start, ctx.end_without_possessive(i));
    if f.len() < 6 || ctx.know.is_given_name(&f) || ctx.know.given_words.contains(f.as_ref()) {
        return None;
    }
    linked(ctx, name)
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
        // "Madaghis (Sugovushan) and Talysh": the alias is read later.
        let mut j = j;
        if ctx.is_punct(j, '(') {
            if let Some(k) = name_run(ctx, j + 1, taken).filter(|&k| ctx.is_punct(k, ')')) {
                j = k + 1;
            }
        }
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
        // "Upper Shorzha": an English prefix to a known place.
        if ENGLISH_PREFIXES.contains(&ctx.word(i))
            && !taken[i]
            && known.get(i + 1).copied().unwrap_or(false)
            && ctx.same_block(i, i + 1)
        {
            let mut j = i + 1;
            while known.get(j).copied().unwrap_or(false) && ctx.same_block(i, j) {
                j += 1;
            }
            out.push(cand(ctx, i, j));
            i = j;
            continue;
        }
        // "Agdere-Terter direction": a name glued by a hyphen to a known
        // place, before a route noun, is a place too.
        if let Some(c) = hyphen_partner(ctx, i, taken, known) {
            out.push(c);
        }
        // "Kalbacar": a spelling of a known place of the region.
        if let Some(id) = spelling_of_known(ctx, i, taken) {
            let mut c = cand(ctx, i, i + 1);
            c.id = Some(id);
            out.push(c);
            i += 1;
            continue;
        }
        // "Ashagi Veysalli": a toponym prefix and a name.
        if ctx.is_cap(i) && !taken[i] && ctx.cues.has(Cue::ToponymPrefixes, &ctx.folded_word(i)) {
            if let Some(j) = name_run(ctx, i + 1, taken).filter(|_| ctx.same_block(i, i + 1)) {
                out.push(cand(ctx, i, j.min(i + 3)));
                i = j;
                continue;
            }
        }
        // "the village(s) of A, B and C", "villages: A, B", "villages—A, B",
        // "villages, namely A".
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
                    && (ctx.is_punct(k, ':')
                        || ctx.is_punct(k, '\u{2014}')
                        || ctx.is_punct(k, '\u{2013}')
                        || ctx.is(k, "namely")
                        || ctx.is(k, "including"))
            {
                k += 1;
                // "the settlements of: A, B".
                if ctx.is_punct(k, ':') {
                    k += 1;
                }
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
                    // "Kashatag District", "Martuninsky District".
                    if !known[a] && admin_head_run(ctx, a, b) {
                        out.push(cand(ctx, a, b - 1));
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
                        // "Araz River", "Caucasus Mountains": a known place
                        // with its geographic head is that place.
                        && !known[a]
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

/// The single capitalised word glued by a hyphen to a known place at `i`
/// ("Agdere-Terter", "Khndzoresk-Bichenek"), when a route noun follows the
/// pair (possibly after "and" and another pair): a place too.
fn hyphen_partner(ctx: &Ctx<'_>, i: usize, taken: &[bool], known: &[bool]) -> Option<Cand> {
    let glued = |a: usize| {
        ctx.is_punct(a + 1, '-')
            && a + 2 < ctx.tokens.len()
            && ctx.tokens[a].end == ctx.tokens[a + 1].start
            && ctx.tokens[a + 1].end == ctx.tokens[a + 2].start
    };
    let single = |k: usize| name_run(ctx, k, taken) == Some(k + 1);
    let known_at = |k: usize| known.get(k).copied().unwrap_or(false);
    if !glued(i) {
        return None;
    }
    let name = if known_at(i) && single(i + 2) {
        i + 2
    } else if single(i) && known_at(i + 2) {
        i
    } else {
        return None;
    };
    // Exactly two names: not part of a longer compound ("Baku-Tbilisi-Kars").
    let pair_end = i + 3;
    let glued_before = i > 0 && ctx.tokens[i - 1].end == ctx.tokens[i].start;
    let glued_after =
        pair_end < ctx.tokens.len() && ctx.tokens[pair_end - 1].end == ctx.tokens[pair_end].start;
    if glued_before || glued_after {
        return None;
    }
    let route = (pair_end..(pair_end + 6).min(ctx.tokens.len()))
        .take_while(|&k| ctx.same_block(i, k) && !ctx.is_punct(k, '.'))
        .any(|k| ROUTE_NOUNS.contains(&ctx.word(k)));
    route.then(|| cand(ctx, name, name + 1))
}

/// Other names of a place given in brackets right after it: "Madaghis
/// (Sugovushan)", "Black Lake (Sev Lich)". One to three capitalised words
/// no recogniser claimed; they take the place's id. Not after a dateline's
/// place ("YEREVAN (Hetq)", a place opening its paragraph): the brackets
/// there name an outlet.
pub fn aliases(ctx: &Ctx<'_>, selected: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    for c in selected.iter().filter(|c| c.ty == EntityType::Place) {
        let (Some(first), Some(last)) = (
            ctx.token_containing(c.start),
            ctx.token_containing(c.end - 1),
        ) else {
            continue;
        };
        let dateline = ctx.starts_block(first);
        if dateline || !ctx.is_punct(last + 1, '(') || !ctx.same_block(last, last + 1) {
            continue;
        }
        let word = |k: usize| {
            ctx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                && ctx.is_cap(k)
                && ctx.word(k).chars().skip(1).any(char::is_lowercase)
                && !ctx.cue(k, Cue::NotName)
        };
        let a = last + 2;
        let mut b = a;
        while b < a + 3 && word(b) {
            b += 1;
        }
        if b == a || !ctx.is_punct(b, ')') {
            continue;
        }
        let (start, end) = (ctx.tokens[a].start, ctx.tokens[b - 1].end);
        if selected.iter().any(|s| s.start < end && start < s.end) {
            continue;
        }
        out.push(Cand {
            start,
            end,
            ty: EntityType::Place,
            id: c.id.clone(),
            entry: c.entry,
            prio: 2,
        });
    }
    out
}
