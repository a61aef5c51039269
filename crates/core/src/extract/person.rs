//! PERSON recogniser: runs of capitalised name words, accepted when a cue
//! says they name a person: a title or role before ("Foreign Minister Sergey
//! Lavrov", "his Italian counterpart Luigi Di Maio"), a reporting verb after
//! ("Mevlut Cavusoglu said"), a known given name first, or a surname ending
//! typical of the region ("Hikmet Hajiyev"). Titles are never in the span.
//! Once a full name is found, its surname alone is a mention too ("Aliyev").

use super::context::{Cand, Ctx};
use super::cues::{
    NAME_PARTICLES, NOT_NAME, REPORTING_VERBS, SURNAME_ENDINGS, TITLES, TOPONYM_PREFIXES,
};
use super::EntityType;
use crate::text::{fold_str, TokenKind};
use std::collections::HashSet;

/// Whether token `i` can be part of a name.
fn name_word(ctx: &Ctx<'_>, i: usize, taken: &[bool]) -> bool {
    let Some(t) = ctx.tokens.get(i) else {
        return false;
    };
    if t.kind != TokenKind::Word || taken[i] || !ctx.is_cap(i) {
        return false;
    }
    let w = ctx.word(i);
    let bare = w.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    // All-caps words are acronyms or headline shouting, not names.
    if bare.chars().count() > 1 && !bare.chars().any(char::is_lowercase) {
        return false;
    }
    !NOT_NAME.contains(&bare)
}

fn particle(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && NAME_PARTICLES.contains(&ctx.word(i).to_lowercase().as_str())
}

fn has_surname_ending(w: &str) -> bool {
    let f = fold_str(w);
    f.len() >= 5 && SURNAME_ENDINGS.iter().any(|e| f.ends_with(&fold_str(e)))
}

/// A title or role word at token `i`.
fn title(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && TITLES.contains(&ctx.word(i).to_lowercase().trim_end_matches("'s"))
}

/// Whether a title cue precedes token `start`: the title itself, then
/// capitalised modifiers, "of <Place>", a comma ("counterpart, Vladimir Putin").
fn title_before(ctx: &Ctx<'_>, start: usize, taken: &[bool]) -> bool {
    let mut i = start;
    let mut steps = 0;
    while i > 0 && steps < 6 && ctx.same_block(i - 1, start) {
        i -= 1;
        steps += 1;
        if title(ctx, i) {
            return true;
        }
        if ctx.is_punct(i, '.') && i > 0 && title(ctx, i - 1) {
            return true; // "Mr. Smith", "Gen. X"
        }
        let ok = ctx.is_punct(i, ',') && steps == 1
            || ctx.is(i, "of")
            || ctx.is(i, "the")
            || taken[i]
            || (ctx.is_cap(i) && ctx.tokens[i].kind == TokenKind::Word);
        if !ok {
            return false;
        }
    }
    false
}

/// Whether a reporting verb follows token `end` (exclusive), directly or
/// after an apposition (", foreign affairs aide to the president, told").
fn verb_after(ctx: &Ctx<'_>, end: usize) -> bool {
    let verb = |i: usize| {
        ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && REPORTING_VERBS.contains(&ctx.word(i).to_lowercase().as_str())
    };
    if verb(end)
        || (ctx.is(end, "has") || ctx.is(end, "had") || ctx.is(end, "also")) && verb(end + 1)
    {
        return true;
    }
    if ctx.is_punct(end, ',') || ctx.is_punct(end, '(') {
        // An apposition naming a role: ", foreign affairs aide to ...".
        let mut i = end + 1;
        while i < ctx.tokens.len() && i < end + 8 && ctx.same_block(i, end) {
            if title(ctx, i) {
                return true;
            }
            if ctx.is_punct(i, ',') || ctx.is_punct(i, '.') {
                break;
            }
            i += 1;
        }
    }
    false
}

/// PERSON candidates. `taken[i]` marks tokens already covered by a dictionary
/// entity (places, organisations, nationalities), which are never names.
pub fn find(ctx: &Ctx<'_>, taken: &[bool]) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut surnames: HashSet<String> = HashSet::new();
    let n = ctx.tokens.len();
    let mut i = 0;
    while i < n {
        if !name_word(ctx, i, taken) {
            i += 1;
            continue;
        }
        if TOPONYM_PREFIXES.contains(&fold_str(ctx.word(i)).as_str()) {
            i += 1; // "Ashagi X" is a village (see place.rs)
            continue;
        }
        // Extend the run: name words, and particles between name words.
        let mut j = i + 1;
        while j < n && ctx.same_block(i, j) {
            if name_word(ctx, j, taken) && !ctx.word(j - 1).ends_with("'s") {
                j += 1;
            } else if particle(ctx, j) && name_word(ctx, j + 1, taken) {
                j += 2;
            } else {
                break;
            }
        }
        let len = j - i;
        let first = fold_str(ctx.word(i));
        let last_end = ctx.end_without_possessive(j - 1);
        let cue_title = title_before(ctx, i, taken);
        let cue_verb = verb_after(ctx, j);
        let given = ctx.know.given_names.contains(&first);
        let suffix = has_surname_ending(ctx.word(j - 1));
        let sent_initial_only = ctx.tokens[i].sent_start && len == 1;
        let accept = if len >= 2 {
            len <= 4 && (cue_title || cue_verb || given || suffix)
        } else {
            (!sent_initial_only && cue_title) || (cue_verb && suffix)
        };
        if accept {
            out.push(Cand {
                start: ctx.tokens[i].start,
                end: last_end,
                ty: EntityType::Person,
                id: None,
                entry: None,
                prio: if len >= 2 { 7 } else { 4 },
            });
            if len >= 2 {
                surnames.insert(fold_str(&ctx.text[ctx.tokens[j - 1].start..last_end]));
            }
        }
        i = j;
    }
    // Surname-only mentions of people named in full elsewhere in the text.
    if !surnames.is_empty() {
        for (i, t) in ctx.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || taken[i] || !ctx.is_cap(i) {
                continue;
            }
            let end = ctx.end_without_possessive(i);
            if surnames.contains(&fold_str(&ctx.text[t.start..end])) {
                out.push(Cand {
                    start: t.start,
                    end,
                    ty: EntityType::Person,
                    id: None,
                    entry: None,
                    prio: 4,
                });
            }
        }
    }
    out
}
