//! Dictionary recogniser: every knowledge name (places, countries,
//! nationalities, organisations, outlets) found with an anchored
//! leftmost-longest Aho-Corasick search over the folded text at each token
//! that can start a name, accepted only on token boundaries, with the
//! capitalisation a name has in running text, and for names that are also
//! common words only where they read as places.

use super::context::{Cand, Ctx};
use super::cues::Cue;
use crate::knowledge::{BuildError, Entry, Kind, Knowledge};
use crate::text::{Folded, TokenKind};
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// The compiled dictionary.
pub struct Dictionary {
    ac: AhoCorasick,
    /// Names written in lowercase ("dpa"): a lowercase token may start
    /// them, and then only the exact spelling counts.
    lowercase: crate::text::FastSet<String>,
}

impl Dictionary {
    /// Compile every key of `know`.
    pub fn new(know: &Knowledge) -> Result<Dictionary, BuildError> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            // Only anchored searches run: a sparse noncontiguous NFA builds
            // fastest (the app builds it at start-up) and searches fast enough.
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .dense_depth(2)
            .build(know.keys.iter().map(|k| k.folded.as_bytes()))
            .map_err(|e| BuildError {
                file: "(dictionary)",
                line: 0,
                message: e.to_string(),
            })?;
        let lowercase = know
            .keys
            .iter()
            .filter(|k| k.surface.chars().next().is_some_and(char::is_lowercase))
            .filter(|k| !k.surface.contains(char::is_whitespace))
            .map(|k| k.surface.clone())
            .collect();
        Ok(Dictionary { ac, lowercase })
    }

    /// Candidates for every accepted match in the content of `ctx`: an
    /// anchored search at each token that can start a name (capitalised, or
    /// a hashtag), longest key first; a key ending inside a token is retried
    /// shorter.
    pub fn find(&self, ctx: &Ctx<'_>, folded: &Folded) -> Vec<Cand> {
        let mut out = Vec::new();
        let hay = folded.text.as_bytes();
        let to_folded = |orig: usize| folded.map.partition_point(|&o| (o as usize) < orig);
        let mut ti = 0;
        while ti < ctx.tokens.len() {
            let tok = ctx.tokens[ti];
            let starts_name = match tok.kind {
                TokenKind::Hashtag => true,
                TokenKind::Word => ctx.is_cap(ti) || self.lowercase.contains(ctx.word(ti)),
                _ => false,
            };
            if !starts_name {
                ti += 1;
                continue;
            }
            let fs = to_folded(tok.start);
            let mut limit = hay.len();
            // The word before is a name found here ("Armenian Shen"), not
            // the first word of a longer unknown one ("Mets Shen").
            let prev_found = ti > 0
                && out
                    .last()
                    .is_some_and(|c: &Cand| c.end >= ctx.tokens[ti - 1].end);
            let mut found = None;
            for _ in 0..4 {
                let input = Input::new(hay).span(fs..limit).anchored(Anchored::Yes);
                let Some(m) = self.ac.find(input) else { break };
                match self.accept(
                    ctx,
                    folded,
                    ti,
                    prev_found,
                    m.pattern().as_usize(),
                    fs,
                    m.end(),
                ) {
                    Ok(c) => {
                        found = Some(c);
                        break;
                    }
                    // Retry up to the end of the last whole token inside.
                    Err(Some(shorter)) if shorter > fs => limit = shorter,
                    Err(_) => break,
                }
            }
            match found {
                Some(mut c) => {
                    if let Some(end) = autonomous_suffix(ctx, &c) {
                        c.end = end;
                    }
                    let end = c.end;
                    out.push(c);
                    while ti < ctx.tokens.len() && ctx.tokens[ti].start < end {
                        ti += 1;
                    }
                }
                None => ti += 1,
            }
        }
        out
    }

    /// Check one match of key `pattern` over folded `fs..fe` starting at
    /// token `ti` (`prev_found`: the word before is a name found).
    /// `Err(Some(limit))`: retry with matches ending by `limit`.
    #[allow(clippy::too_many_arguments)]
    fn accept(
        &self,
        ctx: &Ctx<'_>,
        folded: &Folded,
        ti: usize,
        prev_found: bool,
        pattern: usize,
        fs: usize,
        fe: usize,
    ) -> Result<Cand, Option<usize>> {
        let key = &ctx.know.keys[pattern];
        let entry = &ctx.know.entries[key.entry as usize];
        let (s, e) = folded.original_range(fs, fe);
        let tok = ctx.tokens[ti];
        let te = ctx.token_containing(e - 1).ok_or(None)?;
        if !ctx.same_block(ti, te)
            || matches!(ctx.tokens[te].kind, TokenKind::Handle | TokenKind::Url)
        {
            return Err(None);
        }
        let last = ctx.tokens[te];
        let whole = last.end == e || ctx.end_without_possessive(te) == e;
        // A lowercase start: only a name written in lowercase, exactly.
        if tok.kind == TokenKind::Word && !ctx.is_cap(ti) && ctx.text[s..e] != key.surface {
            return Err(None);
        }
        if tok.kind == TokenKind::Hashtag {
            // A hashtag names an entity only as a whole ("#Karabakh"),
            // never through a part ("#StopArmenianAggression").
            if ti != te || last.end != e {
                return Err(None);
            }
        } else {
            if !whole {
                // The key ends inside a word: try again up to the end of the
                // previous token.
                let prev_end = if te > ti {
                    ctx.tokens[te - 1].end
                } else {
                    return Err(None);
                };
                return Err(Some(
                    folded.map.partition_point(|&o| (o as usize) < prev_end),
                ));
            }
            // An acronym in lowercase is a word ("who"), unless the name
            // is written so ("dpa").
            if key.acronym
                && ctx.text[s..e].chars().any(char::is_lowercase)
                && ctx.text[s..e] != key.surface
            {
                return Err(None);
            }
            // "Eastern European", "Central Asian": a region's adjective,
            // no nationality.
            if entry.ty == super::EntityType::Norp
                && ti > 0
                && ctx.same_block(ti - 1, ti)
                && matches!(
                    ctx.word(ti - 1),
                    "Eastern" | "Western" | "Central" | "Northern" | "Southern"
                )
            {
                return Err(None);
            }
            // "US$1 billion": a currency, not the country.
            if ctx.tokens.get(te + 1).is_some_and(|t| t.start == last.end)
                && ctx.is_punct(te + 1, '$')
            {
                return Err(None);
            }
            if key.code && !(ti == te && credited(ctx, ti)) {
                return Err(None);
            }
            if !plausible(ctx, entry, ti, te, prev_found) {
                return Err(None);
            }
            // A well-known surname after another name is someone else's
            // ("Ramiz Aliyev"), a well-known name part of a longer one
            // ("Seyyed Ali Khamenei", left to the person recogniser);
            // after a title it is the one known.
            if entry.ty == super::EntityType::Person && !prev_found && after_a_name(ctx, ti) {
                return Err(None);
            }
            // "The National", "The Hill": one word alone is the name only
            // after its "the" ("National Defense Minister" is no outlet).
            if ti == te && starts_with_the(&entry.name) && !(ti > 0 && ctx.lower(ti - 1) == "the") {
                return Err(None);
            }
            // "National Security Council (of Armenia)": a known body's
            // alias ("Security Council") inside a longer name, which the
            // ORG recogniser reads whole.
            if entry.ty == super::EntityType::Org
                && ti > 0
                && ctx.same_block(ti - 1, ti)
                && ctx.is_cap(ti - 1)
                && ctx.cue(ti - 1, Cue::OrgModifiers)
                && !ctx.tokens[ti - 1].sent_start
            {
                return Err(None);
            }
            // "The National Security Council": a longer name.
            if starts_with_the(&entry.name)
                && ctx.is_cap(te + 1)
                && ctx.same_block(te, te + 1)
                && ctx.end_without_possessive(te) == last.end
            {
                return Err(None);
            }
        }
        Ok(Cand {
            start: s,
            end: e,
            ty: entry.ty,
            id: None, // the entry's id, looked up when linking
            entry: Some(key.entry),
            prio: match entry.kind {
                Kind::Known | Kind::Outlet => 6,
                Kind::Country | Kind::Demonym => 5,
                Kind::Admin | Kind::Town => 3,
            },
        })
    }
}

/// The end of an autonomy's status after a place found: "Nakhchivan
/// Autonomous Republic", "Adjara Autonomous Republic" name the place itself.
fn autonomous_suffix(ctx: &Ctx<'_>, c: &Cand) -> Option<usize> {
    if c.ty != super::EntityType::Place {
        return None;
    }
    let te = ctx.token_containing(c.end - 1)?;
    let head = te + 2;
    (ctx.tokens[te].end == c.end
        && ctx.same_block(te, head)
        && ctx.word(te + 1) == "Autonomous"
        && matches!(
            ctx.word(head),
            "Region" | "Republic" | "Oblast" | "Okrug" | "Province" | "Community" | "District"
        ))
    .then(|| ctx.tokens[head].end)
}

/// A two-letter agency code where the text credits or cites the agency:
/// a photo credit ("Dmitri Lovetsky/AP", "via AP", "AP Photo", "Photos:
/// dpa"), a source
/// ("told AP", "Reuters and AP", "AP reported"). Alone, or in a dateline
/// ("BAKU (AA) -"), it is a byline code.
fn credited(ctx: &Ctx<'_>, i: usize) -> bool {
    let glued_slash =
        i > 0 && ctx.is_punct(i - 1, '/') && ctx.tokens[i - 1].end == ctx.tokens[i].start;
    let before = i > 0
        && matches!(
            ctx.lower(i - 1),
            "via" | "by" | "told" | "to" | "and" | "the"
        );
    let after = matches!(
        ctx.lower(i + 1),
        "photo" | "photos" | "reported" | "reports" | "said" | "says"
    ) || ctx.cue(i + 1, Cue::ReportingVerbs);
    // "Photos: dpa", "Source: AP".
    let labelled = i > 1
        && ctx.is_punct(i - 1, ':')
        && matches!(
            ctx.lower(i - 2),
            "photo" | "photos" | "credit" | "source" | "picture" | "pictures" | "video"
        );
    glued_slash || before || labelled || (after && ctx.same_block(i, i + 1))
}

/// A weekday or month name ("on Monday Shen was shelled").
fn is_calendar_word(w: &str) -> bool {
    super::date::WEEKDAYS.contains(&w) || crate::time::month_from_name(w).is_some()
}

/// A name whose first word is "The" ("The National").
fn starts_with_the(name: &str) -> bool {
    name.get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("the "))
}

/// Whether token `i` follows a capitalised word of the same name run: no
/// title, possessive or known entity ("Ramiz Aliyev", not "President
/// Aliyev", "Turkey's Erdogan").
fn after_a_name(ctx: &Ctx<'_>, i: usize) -> bool {
    // "Ilham H. Aliyev": a middle initial.
    if i > 1
        && ctx.is_punct(i - 1, '.')
        && super::person::initial(ctx, i - 2)
        && ctx.same_block(i - 2, i)
    {
        return true;
    }
    i > 0
        && ctx.same_block(i - 1, i)
        && ctx.tokens[i - 1].kind == TokenKind::Word
        && ctx.is_cap(i - 1)
        && ctx.end_without_possessive(i - 1) == ctx.tokens[i - 1].end
        && !ctx.cue_any_case(i - 1, Cue::Titles)
        && !ctx.cue(i - 1, Cue::NotName)
        && !ctx.cue(i - 1, Cue::OrgHeads)
        && !ctx.cue(i - 1, Cue::MinistryDomains)
}

/// A dateline: the place opens its paragraph and a dash, or a credit in
/// brackets and a dash, follows ("Paris (Reuters) -", "MOSCOW --").
fn dateline(ctx: &Ctx<'_>, ti: usize, te: usize) -> bool {
    let opens = ctx.starts_block(ti);
    let dash = |k: usize| {
        ctx.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Punct)
            && matches!(ctx.word(k), "-" | "\u{2013}" | "\u{2014}")
            && ctx.same_block(te, k)
    };
    let credit_then_dash = ctx.is_punct(te + 1, '(')
        && (te + 2..te + 6)
            .find(|&k| ctx.is_punct(k, ')'))
            .is_some_and(|k| dash(k + 1));
    opens && (dash(te + 1) || credit_then_dash)
}

/// Heads of documents, meetings and formats named after a place.
const DOCUMENT_HEADS: &[&str] = &[
    "convention",
    "conventions",
    "declaration",
    "agreement",
    "accord",
    "accords",
    "protocol",
    "protocols",
    "principles",
    "statement",
    "summit",
    "talks",
    "process",
    "format",
    "treaty",
    "memorandum",
];

/// Whether a capitalised match of a place name that is also a common word or
/// given name ("Nice", "Florence", "Batman") reads as the place: not at a
/// sentence start, not glued to another capitalised word (part of a longer
/// name), and for places outside the region of interest, a large one. A
/// small town right after a capitalised word that is no name found
/// (`prev_found`) is that word's second half ("the village of Mets Shen").
fn plausible(ctx: &Ctx<'_>, entry: &Entry, ti: usize, te: usize, prev_found: bool) -> bool {
    if !matches!(entry.kind, Kind::Town | Kind::Admin) {
        return true;
    }
    // "Geneva Conventions", "Madrid Principles": a place names the
    // document or meeting after it and stays a place.
    let next_cap = ctx.is_cap(te + 1)
        && ctx.same_block(te, te + 1)
        && ctx.tokens[te + 1].kind == TokenKind::Word
        && !DOCUMENT_HEADS.contains(&ctx.folded_word(te + 1).as_ref());
    // A possessive ends the name before: "Azerbaijan's Ganja".
    let prev_cap = ti > 0
        && ctx.is_cap(ti - 1)
        && ctx.same_block(ti - 1, ti)
        && !ctx.tokens[ti].sent_start
        && ctx.tokens[ti - 1].kind == TokenKind::Word
        && ctx.end_without_possessive(ti - 1) == ctx.tokens[ti - 1].end
        && !ctx.cue(ti - 1, Cue::NotName)
        && !ctx.in_headline(ti);
    // "Ararat Mirzoyan": a place name before a surname is a given name;
    // so it is before a name a person cue follows ("Shahriar Heydari,
    // Deputy Chairman of ...", "Paris Hilton said").
    if next_cap
        && ti == te
        && (super::person::has_surname_ending(ctx, te + 1)
            || !ctx.cue_any_case(te + 1, Cue::Titles)
                && !ctx.cue(te + 1, Cue::OrgHeads)
                && !ctx.cue(te + 1, Cue::NotName)
                && super::person::verb_after(ctx, te + 2))
    {
        return false;
    }
    // "President Hasan Rouhani": a place name right after a title is a name.
    // ("official Baku", "official Yerevan": the government, a place).
    if ti > 0
        && ctx.same_block(ti - 1, ti)
        && ctx.cue_any_case(ti - 1, Cue::Titles)
        && ctx.word(ti - 1) != "official"
    {
        return false;
    }
    if entry.ambiguous && dateline(ctx, ti, te) {
        return true; // "Paris (Reuters) -", "NICE, France -"
    }
    if entry.ambiguous {
        // In the region of interest a sentence may start with the town
        // ("Ganja was hit"); elsewhere "Nice weather" is not Nice.
        let start_ok = !ctx.tokens[ti].sent_start || entry.roi;
        return start_ok && !next_cap && !prev_cap;
    }
    // A small town far from the region glued to a capitalised word is more
    // likely the first word of an unknown name ("Qara Bulaq").
    if next_cap && !entry.roi && entry.pop_digits < 6 {
        return false;
    }
    // A small town after an unknown capitalised word is its second half.
    if prev_cap
        && !prev_found
        && ti == te
        && entry.kind == Kind::Town
        && entry.pop_digits < 5
        && !ctx.tokens[ti - 1].sent_start
        && !ctx.cue(ti - 1, Cue::NotName)
        && !is_calendar_word(&ctx.folded_word(ti - 1))
    {
        return false;
    }
    true
}
