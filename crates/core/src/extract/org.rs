//! ORG recogniser for names the dictionary cannot list: government bodies
//! and other organisations built on a head word ("Defence Ministry",
//! "Ministry of Foreign Affairs", "Prosecutor General's Office", "Armed Forces
//! of Armenia", "State Border Service"), and acronyms a text defines
//! ("Collective Security Treaty Organization (CSTO)").
//!
//! A leading country or nationality is not in the span ("Azerbaijan's Defence
//! Ministry" -> "Defence Ministry"), but it decides the id
//! (`azerbaijan-defence-ministry`); without one, the nearest country named
//! before it does.

use super::context::{Cand, Ctx};
use super::cues::{GENERIC_HEADS, NATIONAL_HEADS, NOT_NAME, ORG_HEADS, ORG_MODIFIERS};
use super::EntityType;
use crate::knowledge::Kind;
use crate::text::{slug, TokenKind};

/// The country id a dictionary candidate stands for (a country or its demonym).
fn country_of(ctx: &Ctx<'_>, c: &Cand) -> Option<String> {
    let e = &ctx.know.entries[c.entry? as usize];
    matches!(e.kind, Kind::Country | Kind::Demonym).then(|| e.id.clone())
}

/// Canonical slug of a body name: "Ministry of Defense" and "Defence
/// Ministry" are both `defence-ministry`.
fn body_slug(name: &str) -> String {
    let s = slug(name).replace("defense", "defence");
    let s = match s.strip_prefix("ministry-of-") {
        Some(rest) => format!("{rest}-ministry"),
        None => s,
    };
    match s.as_str() {
        "foreign-affairs-ministry" | "mfa" => "foreign-ministry".to_string(),
        "national-defence-ministry" => "defence-ministry".to_string(),
        "internal-affairs-ministry" => "interior-ministry".to_string(),
        _ => s,
    }
}

fn is_head(w: &str) -> bool {
    ORG_HEADS.contains(&w)
}

/// ORG candidates. `dict` are the dictionary candidates (sorted by start),
/// used to strip and resolve countries.
pub fn find(ctx: &Ctx<'_>, dict: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    // Bodies named with their country: (body, block, country), so that a
    // later bare "Defence Ministry" continues the same one.
    let mut memo: Vec<(String, u32, String)> = Vec::new();
    let n = ctx.tokens.len();
    let dict_at = |i: usize| -> Option<&Cand> {
        let s = ctx.tokens.get(i)?.start;
        dict.iter().find(|c| c.start <= s && s < c.end)
    };
    for h in 0..n {
        let w = ctx.word(h);
        if ctx.tokens[h].kind != TokenKind::Word || !is_head(w) || dict_at(h).is_some() {
            continue;
        }
        // Modifiers before the head: capitalised words (not countries).
        let mut s = h;
        while s > 0 && ctx.same_block(s - 1, h) {
            let p = s - 1;
            let pw = ctx.word(p);
            let modifier = ctx.is_cap(p)
                && ctx.tokens[p].kind == TokenKind::Word
                && dict_at(p).is_none_or(|c| c.ty == EntityType::Org)
                && (ORG_MODIFIERS.contains(&pw) || !NOT_NAME.contains(&pw))
                && !(ctx.tokens[p].sent_start
                    && p + 1 == h
                    && GENERIC_HEADS.contains(&w)
                    && !ORG_MODIFIERS.contains(&pw));
            if modifier {
                s = p;
            } else if ctx.is(p, "of")
                && s < h
                && p > 0
                && ctx.is_cap(p - 1)
                && dict_at(p - 1).is_none()
            {
                s = p; // "Ministry of X Affairs" is handled below; "Council of Europe" is in the data.
            } else {
                break;
            }
        }
        while s < h && (ctx.is(s, "of") || ctx.is(s, "and")) {
            s += 1;
        }
        // "Ministry of Defense", "Ministry of Foreign Affairs".
        let mut e = h + 1;
        if w == "Ministry" && ctx.is(h + 1, "of") {
            let mut k = h + 2;
            while k < n
                && ctx.same_block(h, k)
                && ctx.is_cap(k)
                && dict_at(k).is_none()
                && ctx.tokens[k].kind == TokenKind::Word
            {
                k += 1;
                if ctx.is(k, "and") && ctx.is_cap(k + 1) {
                    k += 1;
                }
            }
            if k > h + 2 {
                e = k;
            }
        }
        // A head alone ("the Army", "Azerbaijan's Ministry") is a common noun.
        if h - s + (e - h - 1) == 0 {
            continue;
        }
        // "... of <Country>" completes a national body's name.
        let mut country = None;
        let national = NATIONAL_HEADS.contains(&w);
        if national && ctx.is(e, "of") {
            if let Some(c) = dict_at(e + 1).filter(|c| c.start == ctx.tokens[e + 1].start) {
                if let Some(cid) = country_of(ctx, c) {
                    country = Some(cid);
                    let end_tok = ctx.token_containing(c.end - 1).unwrap_or(e + 1);
                    e = end_tok + 1;
                }
            }
        }
        let start = ctx.tokens[s].start;
        let end = if country.is_some() {
            dict_at(e - 1).map_or(ctx.tokens[e - 1].end, |c| c.end)
        } else {
            ctx.end_without_possessive(e - 1)
        };
        let core_end = if country.is_some() {
            // Body name without "of <Country>".
            let of_idx = (h + 1..e).rev().find(|&k| ctx.is(k, "of")).unwrap_or(e);
            ctx.tokens[of_idx - 1].end
        } else {
            end
        };
        let body = body_slug(&ctx.text[start..core_end]);
        if national {
            let explicit = country.clone().or_else(|| {
                let c = dict_at(s.checked_sub(1)?)?;
                country_of(ctx, c)
            });
            let block = ctx.block_of[s];
            let recent = || {
                memo.iter()
                    .rev()
                    .find(|(b, blk, _)| *b == body && blk + 2 >= block)
                    .map(|(_, _, c): &(String, u32, String)| c.clone())
            };
            country = match explicit {
                Some(c) => {
                    memo.push((body.clone(), block, c.clone()));
                    Some(c)
                }
                None if s > 0
                    && ["country's", "country\u{2019}s", "its"].contains(&ctx.word(s - 1)) =>
                {
                    sentence_subject(ctx, dict, s)
                        .or_else(recent)
                        .or_else(|| country_before(ctx, dict, s))
                }
                None => recent().or_else(|| country_before(ctx, dict, s)),
            };
        }
        let id = match (&country, national) {
            (Some(c), true) => format!("{c}-{body}"),
            _ => body,
        };
        out.push(Cand {
            start,
            end,
            ty: EntityType::Org,
            id: Some(id),
            entry: None,
            prio: 8,
        });
    }
    // "MFA" (ministry of foreign affairs), with its country after or before.
    for i in 0..n {
        if ctx.word(i) != "MFA" || ctx.tokens[i].kind != TokenKind::Word {
            continue;
        }
        let after = dict_at(i + 1)
            .filter(|c| c.start == ctx.tokens[i + 1].start && ctx.same_block(i, i + 1));
        let (end, country) = match after.and_then(|c| Some((c.end, country_of(ctx, c)?))) {
            Some((end, c)) => (end, Some(c)),
            None => (
                ctx.tokens[i].end,
                i.checked_sub(1)
                    .and_then(&dict_at)
                    .and_then(|c| country_of(ctx, c)),
            ),
        };
        let id = country.map_or_else(
            || "foreign-ministry".to_string(),
            |c| format!("{c}-foreign-ministry"),
        );
        out.push(Cand {
            start: ctx.tokens[i].start,
            end,
            ty: EntityType::Org,
            id: Some(id),
            entry: None,
            prio: 8,
        });
    }
    out.extend(acronyms(ctx, dict));
    out
}

/// The country a national body belongs to when the text does not say it in
/// the name: a country or nationality right before it ("Azerbaijan's",
/// "the Azerbaijani", "Pakistan"), else the nearest one named earlier in the
/// same block, else in the previous blocks.
fn country_before(ctx: &Ctx<'_>, dict: &[Cand], s: usize) -> Option<String> {
    let start = ctx.tokens[s].start;
    dict.iter()
        .rev()
        .filter(|c| c.end <= start)
        .find_map(|c| country_of(ctx, c))
}

/// The first country or nationality of the sentence holding token `s` ("The
/// Azerbaijani army freed …, the country's Defence Ministry said").
fn sentence_subject(ctx: &Ctx<'_>, dict: &[Cand], s: usize) -> Option<String> {
    let mut k = s;
    while k > 0 && !ctx.tokens[k].sent_start && ctx.same_block(k - 1, s) {
        k -= 1;
    }
    let (from, to) = (ctx.tokens[k].start, ctx.tokens[s].start);
    dict.iter()
        .filter(|c| c.start >= from && c.end <= to)
        .find_map(|c| country_of(ctx, c))
}

/// Acronyms defined in the text: "Long Name (ACR)" where ACR's letters are
/// the initials of the long name's capitalised words. Both become ORG with
/// one id, and later uses of ACR too.
fn acronyms(ctx: &Ctx<'_>, dict: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut defined: Vec<(String, String)> = Vec::new();
    let n = ctx.tokens.len();
    for i in 1..n.saturating_sub(2) {
        if !(ctx.is_punct(i, '(') && ctx.is_punct(i + 2, ')')) {
            continue;
        }
        let acr = ctx.word(i + 1);
        let letters: Vec<char> = acr.chars().collect();
        if !(2..=6).contains(&letters.len()) || !letters.iter().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        // Walk back over the long form matching initials right to left.
        let mut k = i;
        let mut li = letters.len();
        while k > 0 && li > 0 && ctx.same_block(k - 1, i) {
            k -= 1;
            let w = ctx.word(k);
            if ["of", "and", "for", "the", "in", "on", "&"].contains(&w) {
                continue;
            }
            let Some(c0) = w.chars().next() else { break };
            if !c0.is_uppercase() || c0 != letters[li - 1] {
                break;
            }
            li -= 1;
        }
        if li != 0 {
            continue;
        }
        let (start, end) = (ctx.tokens[k].start, ctx.tokens[i - 1].end);
        if dict
            .iter()
            .any(|c| c.start < end && start < c.end && c.ty != EntityType::Org)
        {
            continue;
        }
        let id = dict
            .iter()
            .find(|c| c.start == start && c.end == end && c.ty == EntityType::Org)
            .and_then(|c| c.id.clone())
            .unwrap_or_else(|| slug(acr));
        out.push(Cand {
            start,
            end,
            ty: EntityType::Org,
            id: Some(id.clone()),
            entry: None,
            prio: 8,
        });
        defined.push((acr.to_string(), id));
    }
    if !defined.is_empty() {
        for (i, t) in ctx.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word && t.kind != TokenKind::Hashtag {
                continue;
            }
            let w = ctx.word(i);
            if let Some((_, id)) = defined.iter().find(|(a, _)| a == w) {
                out.push(Cand {
                    start: t.start,
                    end: t.end,
                    ty: EntityType::Org,
                    id: Some(id.clone()),
                    entry: None,
                    prio: 8,
                });
            }
        }
    }
    out
}
