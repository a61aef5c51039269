//! ORG recogniser for names the dictionary cannot list: government bodies
//! and other organisations built on a head word ("Defence Ministry",
//! "Ministry of Foreign Affairs", "Prosecutor General's Office", "Armed Forces
//! of Armenia", "State Border Service"), acronyms a text defines
//! ("Collective Security Treaty Organization (CSTO)"), and outlets named by
//! their domain ("News.az reports").
//!
//! A leading country or nationality is not in the span ("Azerbaijan's Defence
//! Ministry" -> "Defence Ministry"), but it decides the id
//! (`azerbaijan-defence-ministry`); without one, the nearest country named
//! before it does.

use super::context::{Cand, Ctx};
use super::cues::Cue;
use super::EntityType;
use crate::knowledge::Kind;
use crate::text::{slug, TokenKind};

/// Words never a name alone that may name what a body is for ("Commission
/// on Prisoners of War", "Council on Foreign Relations").
const REMIT_WORDS: &[&str] = &["War", "Crimes", "Peace", "Humanity", "Relations"];

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

/// ORG candidates. `dict` are the dictionary candidates (sorted by start),
/// used to strip and resolve countries.
pub fn find(ctx: &Ctx<'_>, dict: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    // Bodies named with their country: (body, block, country), so that a
    // later bare "Defence Ministry" continues the same one.
    let mut memo: Vec<(String, u32, String)> = Vec::new();
    let n = ctx.tokens.len();
    // Dictionary candidates are sorted and disjoint: binary search.
    let dict_at = |i: usize| dict_at(ctx, dict, i);
    for h in 0..n {
        if !ctx.is_cap(h)
            || ctx.tokens[h].kind != TokenKind::Word
            || !ctx.cue(h, Cue::OrgHeads)
            || dict_at(h).is_some()
        {
            continue;
        }
        // "Press" before a title is the title's ("White House Press
        // Secretary").
        if ctx.word(h) == "Press"
            && ctx.is_cap(h + 1)
            && ctx.same_block(h, h + 1)
            && ctx.cue_any_case(h + 1, Cue::Titles)
        {
            continue;
        }
        // "Staff" heads a body only as "General Staff" ("By Reuters Staff"
        // is a byline).
        if ctx.word(h) == "Staff" && !(h > 0 && matches!(ctx.word(h - 1), "General" | "Joint")) {
            continue;
        }
        // Modifiers before the head: capitalised words (not countries).
        let mut s = h;
        while s > 0 && ctx.same_block(s - 1, h) {
            let p = s - 1;
            // A known organisation starts a name of its own ("European
            // Union External Action Service").
            let org = dict_at(p).is_some_and(|c| c.ty == EntityType::Org);
            let modifier = ctx.is_cap(p)
                && ctx.tokens[p].kind == TokenKind::Word
                && (org
                    || dict_at(p).is_none()
                        && (ctx.cue(p, Cue::OrgModifiers) || !ctx.cue(p, Cue::NotName)))
                && !(ctx.tokens[p].sent_start
                    && p + 1 == h
                    && ctx.cue(h, Cue::GenericHeads)
                    && !ctx.cue(p, Cue::OrgModifiers));
            if !modifier {
                break;
            }
            s = p;
        }
        let mut national = ctx.cue(h, Cue::NationalHeads);
        // A nationality starts the name of a body that is not a country's
        // own ("European Political Community", "Armenian Apostolic Church");
        // before a national head it only says whose ("Azerbaijani Defence
        // Ministry" -> "Defence Ministry").
        if !national && s > 0 && ctx.same_block(s - 1, h) {
            if let Some(c) = dict_at(s - 1) {
                // Not one half of "Turkish-Russian".
                let glued = s >= 2 && ctx.tokens[s - 2].end == ctx.tokens[s - 1].start;
                if c.ty == EntityType::Norp
                    && c.start == ctx.tokens[s - 1].start
                    && c.end == ctx.tokens[s - 1].end
                    && !glued
                {
                    s -= 1;
                }
            }
        }
        // A city or region starts the name of a body that is not a
        // country's own ("Baku Military Court", "Yerevan Press Club",
        // "Javakhk Foundation"); before a national head it says whose,
        // except a town's right before the head: a city's own police or
        // administration ("Tehran Police").
        let town_before = |c: &Cand| {
            s == h
                && c.entry
                    .is_some_and(|e| ctx.know.entries[e as usize].kind == Kind::Town)
        };
        if s > 0
            && ctx.same_block(s - 1, h)
            && (!national || dict_at(s - 1).is_some_and(town_before))
        {
            if let Some(c) = dict_at(s - 1) {
                let first = ctx.token_containing(c.start).unwrap_or(s - 1);
                // Not one half of "Armenia-Azerbaijan" ("(Asia" is fine).
                let glued = first >= 1
                    && ctx.tokens[first - 1].end == ctx.tokens[first].start
                    && !ctx.is_punct(first - 1, '(');
                if c.ty == EntityType::Place
                    && c.end == ctx.tokens[s - 1].end
                    && ctx.same_block(first, h)
                    && !glued
                    && country_of(ctx, c).is_none()
                {
                    s = first;
                    national = false;
                }
            }
        }
        // "Ministry of Defense", "State Service of Emergency Situations".
        let mut e = h + 1;
        if ctx.is(h + 1, "of") {
            let mut k = h + 2;
            // Portfolio words; then one other capitalised word may end the
            // name ("Government of National Accord"), unless it starts a
            // person's name ("Ministry of Defense Vagif Dargahli said").
            // A ministry's portfolio may be written in lowercase
            // ("Ministry of defense of Azerbaijan").
            let ministry = ctx.word(h) == "Ministry";
            // (Portfolio words are ASCII: no Unicode case table needed.)
            let portfolio = |k: usize| {
                let mut cap = ctx.word(k).to_string();
                if let Some(first) = cap.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                ctx.cues.has(Cue::MinistryDomains, &cap)
            };
            while k < n
                && ctx.same_block(h, k)
                && (ctx.is_cap(k) && ctx.cue(k, Cue::MinistryDomains)
                    || ministry && !ctx.is_cap(k) && portfolio(k))
                && dict_at(k).is_none()
                && ctx.tokens[k].kind == TokenKind::Word
            {
                k += 1;
                if ctx.is(k, "and") && ctx.is_cap(k + 1) {
                    k += 1;
                }
            }
            let one_more = k > h + 2
                && k < n
                && ctx.same_block(h, k)
                && ctx.is_cap(k)
                && ctx.tokens[k].kind == TokenKind::Word
                && dict_at(k).is_none()
                && !ctx.cue(k, Cue::NotName)
                && !(ctx.is_cap(k + 1) && ctx.same_block(k, k + 1))
                && !super::person::verb_after(ctx, k + 1)
                && !ctx.know.is_given_name(&ctx.folded_word(k));
            if one_more {
                k += 1;
            }
            if k > h + 2 {
                e = k;
            }
        }
        // "Agency for Neutralization of Territories of Azerbaijan",
        // "Office for Democratic Institutions and Human Rights": "for" and
        // capitalised words, joined by "of" or "and", up to a place.
        // "Committee for the Protection of Journalists": "the" after "for".
        // "Council on Foreign Relations", "State Commission on Prisoners of
        // War, Hostages and Missing Persons": "on" too, and a list.
        let the_after = usize::from(ctx.is(e + 1, "the"));
        if (ctx.is(e, "for") || ctx.is(e, "on"))
            && ctx.is_cap(e + 1 + the_after)
            && dict_at(e + 1 + the_after).is_none()
        {
            // Capitalised words; of the words never a name alone, those
            // that name a body's remit ("Foreign Relations", "Prisoners of
            // War", "Human Rights").
            let word = |k: usize| {
                k < n
                    && ctx.same_block(h, k)
                    && ctx.is_cap(k)
                    && ctx.tokens[k].kind == TokenKind::Word
                    && (!ctx.cue(k, Cue::NotName)
                        || ctx.cue(k, Cue::OrgModifiers)
                        || ctx.cue(k, Cue::MinistryDomains)
                        || REMIT_WORDS.contains(&ctx.word(k)))
            };
            let first = e + 1 + the_after;
            let mut k = first;
            loop {
                while word(k) && dict_at(k).is_none() {
                    k += 1;
                }
                // A comma continues a list that ends with "and" ("…of War,
                // Hostages and Missing Persons").
                let listed = || {
                    let mut m = k + 1;
                    while word(m) && m < k + 5 {
                        m += 1;
                    }
                    ctx.is(m, "and") && word(m + 1)
                };
                let joined =
                    ctx.is(k, "of") || ctx.is(k, "and") || ctx.is_punct(k, ',') && listed();
                if !(joined && word(k + 1)) {
                    break;
                }
                if let Some(c) = dict_at(k + 1).filter(|c| c.ty == EntityType::Place) {
                    k = ctx.token_containing(c.end - 1).unwrap_or(k + 1) + 1;
                    break;
                }
                k += 1;
            }
            if k > first {
                e = k;
                // A name of its own, not a country's generic office.
                national = false;
            }
        }
        // "... of <Country>" completes a national body's name.
        let mut country = None;
        let modifiers = h - s + (e - h - 1);
        // "... of the Russian Federation".
        let the = usize::from(ctx.is(e + 1, "the"));
        if national && ctx.is(e, "of") {
            if let Some(c) = dict_at(e + 1 + the).filter(|c| {
                c.start == ctx.tokens[e + 1 + the].start && (the == 0 || c.ty == EntityType::Place)
            }) {
                // A country, or a polity the knowledge names ("Emergencies
                // Ministry of Nagorno-Karabakh").
                let polity = || {
                    let entry = &ctx.know.entries[c.entry? as usize];
                    (entry.kind == Kind::Known && entry.ty == EntityType::Place)
                        .then(|| entry.id.clone())
                };
                if let Some(cid) = country_of(ctx, c).or_else(polity) {
                    country = Some(cid);
                    let end_tok = ctx.token_containing(c.end - 1).unwrap_or(e + 1 + the);
                    e = end_tok + 1;
                }
            }
        }
        // A body of its own named with its place: "National Security
        // Council of Armenia", "Supreme Court of Georgia".
        if !national && country.is_none() && modifiers > 0 && ctx.is(e, "of") {
            if let Some(c) = dict_at(e + 1 + the)
                .filter(|c| c.ty == EntityType::Place && c.start == ctx.tokens[e + 1 + the].start)
            {
                e = ctx.token_containing(c.end - 1).unwrap_or(e + 1 + the) + 1;
            }
        }
        // A head alone ("the Army", "Azerbaijan's Ministry") is a common
        // noun; "Government of Armenia" is a name.
        if modifiers == 0 && country.is_none() {
            continue;
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
        out.push(Cand::with_id(start, end, EntityType::Org, id, 8));
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
        out.push(Cand::with_id(
            ctx.tokens[i].start,
            end,
            EntityType::Org,
            id,
            8,
        ));
    }
    let defined = super::acronym::defined(ctx, dict, &out);
    out.extend(defined);
    out.extend(domain_outlets(ctx, dict));
    out.extend(lowercase_ministries(ctx, dict));
    out.extend(described_outlets(ctx, dict));
    out.extend(companies(ctx));
    out.extend(wire_codes(ctx, dict));
    out.extend(credited_outlets(ctx, dict));
    let implied = super::acronym::implied(ctx, dict, &out);
    out.extend(implied);
    out
}

/// The outlet named by the code at token `i` ("AFP", "IWPR"): the known
/// outlet with that code, else one with the code as its id.
fn coded_outlet(ctx: &Ctx<'_>, i: usize) -> Cand {
    let (t, code) = (ctx.tokens[i], ctx.word(i));
    let id = crate::corpus::outlet_by_code(code).map_or_else(|| slug(code), |o| o.id.to_string());
    Cand::with_id(t.start, t.end, EntityType::Org, id, 8)
}

/// An all-caps word of two to six letters ("IWPR"), as written.
fn acronym_word(ctx: &Ctx<'_>, i: usize) -> bool {
    let w = ctx.word(i);
    ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && (2..=6).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Outlets credited for what they were told or shown: the listener of
/// "told" when it is an acronym or a name with "The" ("told IWPR", "told The
/// Daily Star": no person takes "The"), the agency after a photographer's
/// name in a picture credit ("Tom Wescott/IRIN"), and the source of a
/// dated citation in brackets ("(Ekho Kavkaza, April 17)", "see EDM, April
/// 9)").
fn credited_outlets(ctx: &Ctx<'_>, dict: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    let n = ctx.tokens.len();
    let free = |i: usize| dict_at(ctx, dict, i).is_none();
    let ends_name = |i: usize| i >= n || !ctx.same_block(i - 1, i) || !ctx.is_cap(i);
    // A word of an outlet's name in the same block as token `at`.
    let name_word = |at: usize, k: usize| {
        k < n
            && ctx.same_block(at, k)
            && ctx.tokens[k].kind == TokenKind::Word
            && ctx.is_cap(k)
            && free(k)
            && !ctx.cue(k, Cue::NotName)
            && !ctx.cue_any_case(k, Cue::Titles)
    };
    for i in 0..n {
        let j = i + 1;
        if matches!(ctx.word(i), "told" | "tells") && j < n && ctx.same_block(i, j) && free(j) {
            if acronym_word(ctx, j) && ends_name(j + 1) {
                out.push(coded_outlet(ctx, j));
            } else if ctx.word(j) == "The" {
                let end = (j + 1..(j + 4).min(n))
                    .take_while(|&k| name_word(j, k))
                    .last();
                if let Some(e) = end.filter(|&e| ends_name(e + 1)) {
                    let end = ctx.end_without_possessive(e);
                    out.push(named(ctx, ctx.tokens[j + 1].start, end, 8));
                }
            }
        }
        if ctx.is_punct(i, '(') || ctx.is_punct(i, ';') || ctx.word(i) == "see" {
            let last = (j..(j + 3).min(n)).take_while(|&k| name_word(i, k)).last();
            if let Some(e) = last {
                let dated = ctx.is_punct(e + 1, ',')
                    && crate::time::month_from_name(ctx.word(e + 2)).is_some()
                    && ctx
                        .tokens
                        .get(e + 3)
                        .is_some_and(|t| t.kind == TokenKind::Number)
                    && (ctx.is_punct(e + 4, ')') || ctx.is_punct(e + 4, ';'));
                if dated {
                    out.push(named(ctx, ctx.tokens[j].start, ctx.tokens[e].end, 8));
                }
            }
        }
        // "Tom Wescott/IRIN": a capitalised name glued to an acronym by a
        // slash, ending its line or sentence.
        if ctx.is_punct(i, '/')
            && i > 0
            && j < n
            && ctx.tokens[i - 1].end == ctx.tokens[i].start
            && ctx.tokens[i].end == ctx.tokens[j].start
            && ctx.is_cap(i - 1)
            && ctx.tokens[i - 1].kind == TokenKind::Word
            && !acronym_word(ctx, i - 1)
            && free(i - 1)
            && acronym_word(ctx, j)
            && free(j)
            && (j + 1 >= n
                || !ctx.same_block(j, j + 1)
                || ctx.tokens[j + 1].kind == TokenKind::Punct)
        {
            out.push(coded_outlet(ctx, j));
        }
        // "(ANI/Sputnik)", "(AFP/ANI)": a code beside a known outlet in a
        // bracketed credit is an outlet too.
        if ctx.is_punct(i, '(') && ctx.is_punct(j + 1, '/') && ctx.is_punct(j + 3, ')') {
            let outlet = |k: usize| {
                dict_at(ctx, dict, k).is_some_and(|c| {
                    c.ty == EntityType::Org
                        && c.start == ctx.tokens[k].start
                        && c.end == ctx.tokens[k].end
                })
            };
            for (code, other) in [(j, j + 2), (j + 2, j)] {
                if acronym_word(ctx, code) && free(code) && outlet(other) {
                    out.push(coded_outlet(ctx, code));
                }
            }
        }
    }
    out
}

/// Agencies' codes in brackets: a dateline's "TEHRAN (FNA)-", "Iran (IP) –"
/// (one to three capitalised words opening the block, then the code and a
/// dash or colon), and a known agency closing a caption, "… Azerbaijan. (AP)".
fn wire_codes(ctx: &Ctx<'_>, dict: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    let n = ctx.tokens.len();
    for i in 1..n.saturating_sub(2) {
        if !(ctx.is_punct(i, '(') && ctx.is_punct(i + 2, ')'))
            || dict_at(ctx, dict, i + 1).is_some()
        {
            continue;
        }
        if !acronym_word(ctx, i + 1) {
            continue;
        }
        let code = ctx.word(i + 1);
        let known = crate::corpus::outlet_by_code(code);
        let dash = ['-', '–', '—', ':'].iter().any(|&c| ctx.is_punct(i + 3, c));
        let dateline = dash
            && (1..=3).any(|k| {
                i >= k
                    && ctx.starts_block(i - k)
                    && (i - k..i).all(|x| ctx.is_cap(x) || ctx.is_punct(x, ','))
            });
        let closing = known.is_some() && (i + 3 == n || !ctx.same_block(i + 2, i + 3));
        if dateline || closing {
            out.push(coded_outlet(ctx, i + 1));
        }
    }
    out
}

/// Legal forms that end a company's name.
const COMPANY_FORMS: &[&str] = &[
    "LLC", "Ltd", "Inc", "JSC", "CJSC", "OJSC", "PJSC", "PLC", "GmbH", "Corp", "LLP", "AG",
];

/// Companies named with their legal form: "Kapavor LLC", "Azerbaijan
/// Railways CJSC", "Acme Ltd." (up to four capitalised words before it).
fn companies(ctx: &Ctx<'_>) -> Vec<Cand> {
    let mut out = Vec::new();
    for i in 1..ctx.tokens.len() {
        if ctx.tokens[i].kind != TokenKind::Word
            || !ctx.is_cap(i)
            || !COMPANY_FORMS.contains(&ctx.word(i))
        {
            continue;
        }
        let mut a = i;
        while a > 0
            && i - a < 4
            && ctx.same_block(a - 1, i)
            && ctx.is_cap(a - 1)
            && ctx.tokens[a - 1].kind == TokenKind::Word
            && !ctx.cue(a - 1, Cue::NotName)
        {
            a -= 1;
        }
        if a < i {
            out.push(named(ctx, ctx.tokens[a].start, ctx.tokens[i].end, 8));
        }
    }
    out
}

/// An organisation whose id is the slug of its words, `start..end`.
fn named(ctx: &Ctx<'_>, start: usize, end: usize, prio: u8) -> Cand {
    Cand::with_id(
        start,
        end,
        EntityType::Org,
        slug(&ctx.text[start..end]),
        prio,
    )
}

/// The dictionary candidate covering token `i` (`dict` is sorted and
/// disjoint: a binary search).
fn dict_at<'d>(ctx: &Ctx<'_>, dict: &'d [Cand], i: usize) -> Option<&'d Cand> {
    let s = ctx.tokens.get(i)?.start;
    let k = dict.partition_point(|c| c.end <= s);
    dict.get(k).filter(|c| c.start <= s)
}

/// Lowercase words that say the name beside them is a news outlet.
const OUTLET_NOUNS: &[&str] = &[
    "daily",
    "newspaper",
    "weekly",
    "tabloid",
    "broadcaster",
    "website",
    "agency",
    "portal",
    "outlet",
    "channel",
    "company",
    "network",
];

/// Lowercase words that may stand before "the X daily" instead of "the"
/// ("state broadcaster X", "pro-government website X").
const OUTLET_QUALIFIERS: &[&str] = &[
    "the",
    "state",
    "state-run",
    "pro-government",
    "opposition",
    "independent",
    "online",
    "local",
];

/// Outlets the text introduces as such, named before or after the noun:
/// "the Aravot daily reported", "Israel's Walla news website", "state news
/// agency AzerTag", "the newspaper Hraparak". The name is one to three
/// capitalised words that are no known entity, title or body head.
fn described_outlets(ctx: &Ctx<'_>, dict: &[Cand]) -> Vec<Cand> {
    let n = ctx.tokens.len();
    let taken = |i: usize| dict_at(ctx, dict, i).is_some();
    let name_word = |i: usize| {
        i < n
            && ctx.tokens[i].kind == TokenKind::Word
            && ctx.is_cap(i)
            && !taken(i)
            && !ctx.cue(i, Cue::NotName)
            && !ctx.cue(i, Cue::OrgHeads)
            && !ctx.cue(i, Cue::MinistryDomains)
            && !ctx.cue_any_case(i, Cue::Titles)
    };
    let push = |out: &mut Vec<Cand>, a: usize, b: usize| {
        out.push(named(
            ctx,
            ctx.tokens[a].start,
            ctx.end_without_possessive(b - 1),
            6,
        ));
    };
    let mut out = Vec::new();
    // Driven by the nouns, which are rare: most tokens cost one comparison.
    for k in 1..n {
        if !OUTLET_NOUNS.contains(&ctx.word(k)) {
            continue;
        }
        let noun = if matches!(ctx.word(k - 1), "news" | "TV" | "television") {
            k - 1
        } else {
            k
        };
        // "company" and "network" say outlet only as "TV company", "news
        // network".
        if matches!(ctx.word(k), "company" | "network") && noun == k {
            continue;
        }
        // A quoted name before the noun: the “Dozhd” TV channel, the
        // “Armenia” television company.
        if let Some(a) = quoted_before(ctx, noun) {
            push(&mut out, a, noun - 1);
            continue;
        }
        // Before the noun: "the X daily", "Israel's X news website".
        let mut a = noun;
        while a > 0 && noun - a < 4 && name_word(a - 1) && ctx.same_block(a - 1, noun) {
            a -= 1;
        }
        if a < noun && noun - a <= 3 && a > 0 && !ctx.word(noun - 1).ends_with("'s") {
            // "reported Kazinform news agency", "told the X daily".
            let qualified = OUTLET_QUALIFIERS.contains(&ctx.word(a - 1))
                || matches!(
                    ctx.lower(a - 1),
                    "reported" | "reports" | "told" | "cited" | "quoted" | "via" | "to" | "by"
                )
                || taken(a - 1) && ctx.end_without_possessive(a - 1) < ctx.tokens[a - 1].end;
            if qualified {
                push(&mut out, a, noun);
            }
        }
        // After the noun: "news agency X", "the newspaper X".
        let article = noun > 0 && (ctx.is(noun - 1, "a") || ctx.is(noun - 1, "an"));
        let mut b = k + 1;
        while b < n && b - k <= 4 && name_word(b) && ctx.same_block(k, b) {
            b += 1;
        }
        if !article && b > k + 1 && b - k - 1 <= 3 && !name_word(b) {
            push(&mut out, k + 1, b);
        }
        // In apposition, set off by commas: "a Russian TV network, Zvezda,".
        if ctx.is_punct(k + 1, ',') {
            let mut b = k + 2;
            while b < n && b - k <= 4 && name_word(b) && ctx.same_block(k, b) {
                b += 1;
            }
            if b > k + 2 && (ctx.is_punct(b, ',') || ctx.is_punct(b, '.')) {
                push(&mut out, k + 2, b);
            }
        }
    }
    out
}

/// The first token of a quoted name of one to three tokens ending right
/// before token `noun`, starting with a capital or a digit ("“24news.am”").
fn quoted_before(ctx: &Ctx<'_>, noun: usize) -> Option<usize> {
    const CLOSE: [char; 3] = ['”', '"', '»'];
    const OPEN: [char; 3] = ['“', '"', '«'];
    let close = noun.checked_sub(1)?;
    if !CLOSE.iter().any(|&c| ctx.is_punct(close, c)) || !ctx.same_block(close, noun) {
        return None;
    }
    let open = (close.saturating_sub(4)..close.saturating_sub(1))
        .rev()
        .find(|&o| OPEN.iter().any(|&c| ctx.is_punct(o, c)))?;
    let first = ctx.word(open + 1).chars().next()?;
    ((first.is_uppercase() || first.is_ascii_digit()) && ctx.same_block(open, close))
        .then_some(open + 1)
}

/// Portfolios of a ministry written in lowercase ("defence ministry").
const LOWER_DOMAINS: &[&str] = &[
    "defence",
    "defense",
    "foreign",
    "interior",
    "health",
    "justice",
    "finance",
    "economy",
    "emergency",
    "emergencies",
    "education",
    "culture",
    "energy",
    "agriculture",
];

/// Wire-style lowercase ministries named with their country: "Azerbaijan's
/// defence ministry", "the Armenian foreign ministry", "an Israeli defense
/// ministry spokeswoman". The country must come right before: "the
/// ministry" or "the defence ministry" alone is a common noun.
fn lowercase_ministries(ctx: &Ctx<'_>, dict: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    for h in 1..ctx.tokens.len() {
        if ctx.word(h) != "ministry" && ctx.word(h) != "ministry's" {
            continue;
        }
        let mut s = h;
        while s > 0
            && h - s < 2
            && ctx.same_block(s - 1, h)
            && LOWER_DOMAINS.contains(&ctx.word(s - 1))
        {
            s -= 1;
        }
        if s == h || s == 0 || !ctx.same_block(s - 1, h) {
            continue;
        }
        let Some(country) = dict_at(ctx, dict, s - 1)
            .filter(|c| c.end == ctx.end_without_possessive(s - 1))
            .and_then(|c| country_of(ctx, c))
        else {
            continue;
        };
        let (start, end) = (ctx.tokens[s].start, ctx.end_without_possessive(h));
        out.push(Cand::with_id(
            start,
            end,
            EntityType::Org,
            format!("{country}-{}", body_slug(&ctx.text[start..end])),
            8,
        ));
    }
    out
}

/// The country a national body belongs to when the text does not say it in
/// the name: the nearest country or nationality named before it in the same
/// paragraph; else the first one of the paragraph before if the text names
/// it at least twice (the topic of a round-up paragraph, not a passing
/// mention); else the country the text names most.
fn country_before(ctx: &Ctx<'_>, dict: &[Cand], s: usize) -> Option<String> {
    let start = ctx.tokens[s].start;
    let block = ctx.block_of[s];
    let block_of = |c: &Cand| ctx.token_containing(c.start).map(|i| ctx.block_of[i]);
    let countries: Vec<(u32, String)> = dict
        .iter()
        .filter(|c| c.end <= start)
        .filter_map(|c| Some((block_of(c)?, country_of(ctx, c)?)))
        .collect();
    if let Some((_, c)) = countries.iter().rev().find(|(b, _)| *b == block) {
        return Some(c.clone());
    }
    let mut freq: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for c in dict.iter().filter_map(|c| country_of(ctx, c)) {
        *freq.entry(c).or_default() += 1;
    }
    if let Some((_, c)) = countries
        .iter()
        .find(|(b, _)| b + 1 == block)
        .filter(|(_, c)| freq.get(c).copied().unwrap_or(0) >= 2)
    {
        return Some(c.clone());
    }
    freq.into_iter()
        .max_by_key(|(c, n)| (*n, std::cmp::Reverse(c.clone())))
        .map(|(c, _)| c)
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

/// Top-level domains of news sites named by their address ("News.az",
/// "Report.az", "Panorama.am", "Gazeta.ru").
const NEWS_TLDS: &[&str] = &[
    "az", "am", "ge", "ru", "ua", "kz", "uz", "tr", "ir", "by", "md", "com", "net", "org", "info",
    "news", "tv",
];

/// An outlet named by its domain in running text: a capitalised word glued
/// to a dot and a news site's top-level domain ("News.az", "Trend.az"),
/// not inside an address or another name.
fn domain_outlets(ctx: &Ctx<'_>, dict: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    for i in 0..ctx.tokens.len().saturating_sub(2) {
        let (name, dot, tld) = (ctx.tokens[i], ctx.tokens[i + 1], ctx.tokens[i + 2]);
        let glued = name.end == dot.start && dot.end == tld.start;
        if !glued
            || name.kind != TokenKind::Word
            || !ctx.is_cap(i)
            || !ctx.is_punct(i + 1, '.')
            || tld.kind != TokenKind::Word
            || !NEWS_TLDS.contains(&ctx.word(i + 2))
        {
            continue;
        }
        // Not part of a longer address ("www.News.az/en", "x.News.az").
        let before = ctx.text[..name.start].chars().next_back();
        let after = ctx.text[tld.end..].chars().next();
        if before.is_some_and(|c| c == '.' || c == '/' || c.is_alphanumeric())
            || after.is_some_and(|c| {
                c == '/' || c == '.' && ctx.text[tld.end + 1..].starts_with(char::is_alphanumeric)
            })
            || after.is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let (start, end) = (name.start, tld.end);
        if dict.iter().any(|c| c.start < end && start < c.end) {
            continue;
        }
        out.push(named(ctx, start, end, 8));
    }
    out
}
