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
        Ok(Dictionary { ac })
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
                TokenKind::Word => ctx.is_cap(ti),
                _ => false,
            };
            if !starts_name {
                ti += 1;
                continue;
            }
            let fs = to_folded(tok.start);
            let mut limit = hay.len();
            let mut found = None;
            for _ in 0..4 {
                let input = Input::new(hay).span(fs..limit).anchored(Anchored::Yes);
                let Some(m) = self.ac.find(input) else { break };
                match self.accept(ctx, folded, ti, m.pattern().as_usize(), fs, m.end()) {
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
                Some(c) => {
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
    /// token `ti`. `Err(Some(limit))`: retry with matches ending by `limit`.
    fn accept(
        &self,
        ctx: &Ctx<'_>,
        folded: &Folded,
        ti: usize,
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
            if key.acronym && ctx.text[s..e].chars().any(char::is_lowercase) {
                return Err(None);
            }
            if !plausible(ctx, entry, ti, te) {
                return Err(None);
            }
            // "The National", "The Hill": one word alone is the name only
            // after its "the" ("National Defense Minister" is no outlet).
            if ti == te && starts_with_the(&entry.name) && !(ti > 0 && ctx.lower(ti - 1) == "the") {
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

/// A name whose first word is "The" ("The National").
fn starts_with_the(name: &str) -> bool {
    name.get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("the "))
}

/// Whether a capitalised match of a place name that is also a common word or
/// given name ("Nice", "Florence", "Batman") reads as the place: not at a
/// sentence start, not glued to another capitalised word (part of a longer
/// name), and for places outside the region of interest, a large one.
fn plausible(ctx: &Ctx<'_>, entry: &Entry, ti: usize, te: usize) -> bool {
    if !matches!(entry.kind, Kind::Town | Kind::Admin) {
        return true;
    }
    let next_cap = ctx.is_cap(te + 1)
        && ctx.same_block(te, te + 1)
        && ctx.tokens[te + 1].kind == TokenKind::Word;
    let prev_cap = ti > 0
        && ctx.is_cap(ti - 1)
        && ctx.same_block(ti - 1, ti)
        && !ctx.tokens[ti].sent_start
        && ctx.tokens[ti - 1].kind == TokenKind::Word;
    // "Ararat Mirzoyan": a place name before a surname is a given name.
    if next_cap && super::person::has_surname_ending(ctx, te + 1) && ti == te {
        return false;
    }
    // "President Hasan Rouhani": a place name right after a title is a name.
    if ti > 0 && ctx.same_block(ti - 1, ti) && ctx.cue_any_case(ti - 1, Cue::Titles) {
        return false;
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
    true
}
