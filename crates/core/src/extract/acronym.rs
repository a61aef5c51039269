//! Acronyms of organisations: those a text defines ("Collective Security
//! Treaty Organization (CSTO)") and those it implies by naming the long form
//! somewhere else ("Electric Networks of Armenia" … "ENA"). An acronym and
//! its long form get one id, so a filter by either finds both.

use super::context::{Cand, Ctx};
use super::cues::Cue;
use super::EntityType;
use crate::text::{slug, TokenKind};

/// Whether `acr` is spelled by `words`: each word gives its initial and
/// possibly more of its letters in order ("Eurasian Economic Union" -> EAEU);
/// small function words may give none.
fn spells(acr: &str, words: &[&str]) -> bool {
    fn go(acr: &[u8], words: &[&str]) -> bool {
        let Some((w, rest)) = words.split_first() else {
            return acr.is_empty();
        };
        let wb = w.as_bytes();
        let small = ["of", "and", "for", "the", "in", "on", "&", "de", "-"].contains(w);
        if small && go(acr, rest) {
            return true;
        }
        // The word's initial, then optionally more letters found later in
        // the word, in order ("Eur-Asian" gives E and A).
        if acr.is_empty() || wb.is_empty() || !wb[0].eq_ignore_ascii_case(&acr[0]) {
            return false;
        }
        let (mut used, mut pos) = (1, 1);
        loop {
            if go(&acr[used..], rest) {
                return true;
            }
            let Some(next) = acr.get(used) else {
                return false;
            };
            match wb[pos..].iter().position(|b| b.eq_ignore_ascii_case(next)) {
                Some(p) => {
                    pos += p + 1;
                    used += 1;
                }
                None => return false,
            }
        }
    }
    go(acr.as_bytes(), words)
}

/// Whether a known name overlaps `start..end` without lying inside it (a
/// long form may hold "Caspian" or "Armenia" but must not cut one in two).
fn cuts_known(dict: &[Cand], start: usize, end: usize) -> bool {
    dict.iter()
        .any(|c| c.start < end && start < c.end && (c.start < start || c.end > end))
}

/// The knowledge id of a dictionary candidate.
fn known_id(ctx: &Ctx<'_>, c: &Cand) -> Option<String> {
    Some(ctx.know.entries[c.entry? as usize].id.clone())
}

/// Acronyms defined in the text: "Long Name (ACR)" where ACR's letters are
/// the initials of the long name's capitalised words. Both become ORG with
/// one id, and later uses of ACR too; an acronym of a known place is that
/// place wherever it is used.
pub fn defined(ctx: &Ctx<'_>, dict: &[Cand], bodies: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut defined: Vec<(String, String)> = Vec::new();
    let mut places: Vec<(String, Option<u32>)> = Vec::new();
    let n = ctx.tokens.len();
    for i in 1..n.saturating_sub(2) {
        if !(ctx.is_punct(i, '(') && ctx.is_punct(i + 2, ')')) {
            continue;
        }
        let acr = ctx.word(i + 1);
        // All capitals ("CSTO"), or capitals with small letters for small
        // words ("MoD", "MoFA"); not a plural ("UAVs").
        let letters: Vec<char> = acr.chars().collect();
        let capitals = letters.iter().filter(|c| c.is_ascii_uppercase()).count();
        if !(2..=6).contains(&letters.len())
            || !letters.iter().all(char::is_ascii_alphabetic)
            || !letters[0].is_ascii_uppercase()
            || !letters[letters.len() - 1].is_ascii_uppercase()
            || capitals < 2
        {
            continue;
        }
        // The shortest capitalised phrase before "(" whose words spell it.
        let Some(k) = (1..=8)
            .filter_map(|len| i.checked_sub(len))
            .take_while(|&k| ctx.same_block(k, i))
            .find(|&k| {
                let words: Vec<&str> = (k..i).map(|x| ctx.word(x)).collect();
                words[0].chars().next().is_some_and(char::is_uppercase) && spells(acr, &words)
            })
        else {
            continue;
        };
        // Small letters are rarer in names than in roles ("Head of Mission
        // (HoM)"): such a long form needs an organisation head word.
        if capitals < letters.len() && !(k..i).any(|x| ctx.cue(x, Cue::OrgHeads)) {
            continue;
        }
        // A role is no organisation ("Head of Mission (HoM)").
        if ctx.cue_any_case(k, Cue::Titles) && ctx.is(k + 1, "of") {
            continue;
        }
        // A policy or programme is no organisation ("Common Security and
        // Defence Policy (CSDP)").
        if plan(ctx.word(i - 1)) {
            continue;
        }
        let (start, end) = (ctx.tokens[k].start, ctx.tokens[i - 1].end);
        if cuts_known(dict, start, end) {
            continue;
        }
        // A place's own short form ("Nagorno-Karabakh (NK)", "the
        // Nagorno-Karabakh Republic (NKR)") is no organisation: it names
        // the place wherever the text uses it.
        if let Some(c) = dict
            .iter()
            .find(|c| c.start == start && c.end == end && c.ty != EntityType::Org)
        {
            if c.ty == EntityType::Place && c.entry.is_some() {
                places.push((acr.to_string(), c.entry));
            }
            continue;
        }
        // The id of the long form as the dictionary or a national body
        // already has it ("Russian Ministry of Defence (MoD)").
        let id = dict
            .iter()
            .find(|c| c.start == start && c.end == end && c.ty == EntityType::Org)
            .and_then(|c| known_id(ctx, c))
            .or_else(|| {
                bodies
                    .iter()
                    .find(|c| c.start == start && c.end == end)
                    .and_then(|c| c.id.clone())
            })
            .unwrap_or_else(|| slug(&ctx.text[start..end]));
        out.push(Cand::with_id(start, end, EntityType::Org, id.clone(), 8));
        defined.push((acr.to_string(), id));
    }
    if !defined.is_empty() || !places.is_empty() {
        for (i, t) in ctx.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word && t.kind != TokenKind::Hashtag {
                continue;
            }
            // "ENA’s": the possessive is not in the span.
            let end = ctx.end_without_possessive(i);
            let w = &ctx.text[t.start..end];
            if let Some((_, id)) = defined.iter().find(|(a, _)| a == w) {
                out.push(Cand::with_id(t.start, end, EntityType::Org, id.clone(), 8));
            } else if let Some((_, entry)) = places.iter().find(|(a, _)| a == w) {
                out.push(Cand {
                    start: t.start,
                    end: t.end,
                    ty: EntityType::Place,
                    id: None,
                    entry: *entry,
                    prio: 8,
                });
            }
        }
    }
    out
}

/// A policy or programme is no organisation ("Common Security and Defence
/// Policy (CSDP)"): the last word of its long form.
fn plan(last: &str) -> bool {
    matches!(
        last,
        "Policy" | "Programme" | "Program" | "Initiative" | "Strategy" | "Plan" | "Project"
    )
}

/// Small words a long form may hold that give no letter to its acronym.
const SMALL: &[&str] = &["of", "and", "for", "the", "on", "in", "to"];

/// Acronyms a text implies: an all-capital word of two to five letters that
/// no dictionary entry or earlier rule explains ("ENA", "GD"), and a run of
/// capitalised words elsewhere in the same text whose initials spell it
/// exactly ("Electric Networks of Armenia", "Georgian Dream"). When the
/// text has exactly one such long form, both are one organisation. `found`
/// are the organisations other rules found: a long form that is one of them
/// (or ends one, after its country) gives the acronym its id.
pub fn implied(ctx: &Ctx<'_>, dict: &[Cand], found: &[Cand]) -> Vec<Cand> {
    let n = ctx.tokens.len();
    let overlaps = |cands: &[Cand], start: usize, end: usize| {
        cands.iter().any(|c| c.start < end && start < c.end)
    };
    // Uses of each candidate acronym: (start, end without possessive, text).
    let mut uses: Vec<(usize, usize, &str)> = Vec::new();
    for i in 0..n {
        let t = ctx.tokens[i];
        if t.kind != TokenKind::Word || !ctx.is_cap(i) {
            continue;
        }
        let end = ctx.end_without_possessive(i);
        let w = &ctx.text[t.start..end];
        if !(2..=5).contains(&w.len())
            || !w.bytes().all(|b| b.is_ascii_uppercase())
            || overlaps(dict, t.start, end)
            || overlaps(found, t.start, end)
            || loud(ctx, i)
        {
            continue;
        }
        uses.push((t.start, end, w));
    }
    let mut acronyms: Vec<&str> = uses.iter().map(|u| u.2).collect();
    acronyms.sort_unstable();
    acronyms.dedup();
    let mut out = Vec::new();
    for acr in acronyms {
        let forms = long_forms(ctx, acr);
        let Some(&(k, e)) = forms.first() else {
            continue;
        };
        let text_of =
            |(k, e): (usize, usize)| &ctx.text[ctx.tokens[k].start..ctx.tokens[e - 1].end];
        // One long form, however often it is used; a title is no body
        // ("Chief Executive Officer").
        if forms.iter().any(|&f| text_of(f) != text_of((k, e)))
            || plan(ctx.word(e - 1))
            || (k..e).any(|x| ctx.cue_any_case(x, Cue::Titles))
            || (k..e).all(|x| ctx.cue(x, Cue::NotName) || ctx.is_punct(x, '-'))
        {
            continue;
        }
        let (start, end) = (ctx.tokens[k].start, ctx.tokens[e - 1].end);
        // A known entity of another type is its own acronym's business
        // ("United States").
        let known = dict.iter().find(|c| c.start == start && c.end == end);
        if known.is_some_and(|c| c.ty != EntityType::Org) || cuts_known(dict, start, end) {
            continue;
        }
        // An organisation another rule found inside the long form and ending
        // with it ("Azerbaijan National Agency for Mine Action" holds the
        // body "National Agency for Mine Action") gives its id.
        let inside = found
            .iter()
            .find(|c| c.start >= start && c.end == end && c.ty == EntityType::Org);
        if inside.is_none() && overlaps(found, start, end) {
            continue;
        }
        let id = known
            .and_then(|c| known_id(ctx, c))
            .or_else(|| inside.and_then(|c| c.id.clone()))
            .unwrap_or_else(|| slug(text_of((k, e))));
        if inside.is_none() {
            for &(k, e) in &forms {
                let (s, t) = (ctx.tokens[k].start, ctx.tokens[e - 1].end);
                out.push(Cand::with_id(s, t, EntityType::Org, id.clone(), 8));
            }
        }
        for &(s, t, _) in uses.iter().filter(|u| u.2 == acr) {
            out.push(Cand::with_id(s, t, EntityType::Org, id.clone(), 8));
        }
    }
    out
}

/// Whether token `i` stands in a line written in capitals (a shouted
/// headline: its short words are no acronyms).
fn loud(ctx: &Ctx<'_>, i: usize) -> bool {
    // Tokens are in block order: the block's tokens are one range.
    let block = ctx.block_of[i];
    let from = ctx.block_of.partition_point(|&b| b < block);
    let to = ctx.block_of.partition_point(|&b| b <= block);
    let (mut words, mut caps) = (0, 0);
    for k in from..to {
        if ctx.tokens[k].kind != TokenKind::Word {
            continue;
        }
        words += 1;
        let w = ctx.word(k);
        if w.len() > 1 && !w.bytes().any(|b| b.is_ascii_lowercase()) {
            caps += 1;
        }
    }
    caps * 2 > words
}

/// Token ranges of runs of capitalised words (joined by small words) whose
/// initials are exactly `acr`, each a whole run: no capitalised word right
/// before or after it in the same block.
fn long_forms(ctx: &Ctx<'_>, acr: &str) -> Vec<(usize, usize)> {
    let n = ctx.tokens.len();
    let acr = acr.as_bytes();
    let name_word = |k: usize| {
        k < n
            && ctx.tokens[k].kind == TokenKind::Word
            && ctx.is_cap(k)
            && ctx.word(k).bytes().any(|b| b.is_ascii_lowercase())
    };
    let mut out = Vec::new();
    for k in 0..n {
        if !name_word(k)
            || !ctx.word(k).as_bytes()[0].eq(&acr[0])
            || (k > 0
                && ctx.same_block(k - 1, k)
                && name_word(k - 1)
                && !ctx.cue(k - 1, Cue::NotName))
        {
            continue;
        }
        let (mut e, mut letters) = (k, 0);
        while e < n && ctx.same_block(k, e) && letters < acr.len() {
            if name_word(e) && ctx.word(e).as_bytes()[0] == acr[letters] {
                letters += 1;
                e += 1;
            } else if e > k && SMALL.contains(&ctx.word(e)) && name_word(e + 1) {
                e += 1;
            } else {
                break;
            }
        }
        if letters == acr.len() && !(ctx.same_block(k, e) && name_word(e)) {
            out.push((k, e));
        }
    }
    out
}
