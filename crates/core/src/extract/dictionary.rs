//! Dictionary recogniser: every knowledge name, found with one Aho-Corasick
//! pass (leftmost-longest) over the folded text, accepted only on token
//! boundaries and with the capitalisation a name has in running text.

use super::context::{Cand, Ctx};
use crate::knowledge::{BuildError, Kind, Knowledge};
use crate::text::{Folded, TokenKind};
use aho_corasick::{AhoCorasick, Input, MatchKind};

/// The compiled dictionary.
pub struct Dictionary {
    ac: AhoCorasick,
}

impl Dictionary {
    /// Compile every key of `know`.
    pub fn new(know: &Knowledge) -> Result<Dictionary, BuildError> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(know.keys.iter().map(|k| k.folded.as_bytes()))
            .map_err(|e| BuildError {
                file: "(dictionary)",
                line: 0,
                message: e.to_string(),
            })?;
        Ok(Dictionary { ac })
    }

    /// Candidates for every accepted match in the content of `ctx`.
    pub fn find(&self, ctx: &Ctx<'_>, folded: &Folded) -> Vec<Cand> {
        let mut out = Vec::new();
        let hay = folded.text.as_bytes();
        let mut pos = 0;
        // A rejected match must not hide a shorter one inside it, so the
        // search resumes one byte after a rejected match's start.
        while let Some(m) = self.ac.find(Input::new(hay).span(pos..hay.len())) {
            let (fs, fe) = (m.start(), m.end());
            pos = fs + 1;
            if !boundary(&folded.text, fs, fe) && !ctx.starts_token(folded.map[fs] as usize) {
                continue;
            }
            let key = &ctx.know.keys[m.pattern().as_usize()];
            let entry = &ctx.know.entries[key.entry as usize];
            let (s, e) = folded.original_range(fs, fe);
            let Some(ti) = ctx.token_containing(s) else {
                continue;
            };
            let tok = ctx.tokens[ti];
            if tok.start != s || matches!(tok.kind, TokenKind::Handle | TokenKind::Url) {
                continue;
            }
            let Some(te) = ctx.token_containing(e - 1) else {
                continue;
            };
            if !ctx.same_block(ti, te)
                || matches!(ctx.tokens[te].kind, TokenKind::Handle | TokenKind::Url)
            {
                continue;
            }
            let span_text = &ctx.text[s..e];
            if tok.kind == TokenKind::Hashtag {
                // A hashtag names an entity only as a whole ("#Karabakh"),
                // never through a part ("#StopArmenianAggression").
                if ti != te || ctx.tokens[te].end != e {
                    continue;
                }
            } else {
                // A match must end where its last token ends, except before
                // a possessive "'s" or inside a hyphenated word.
                let last = ctx.tokens[te];
                if last.end != e && ctx.end_without_possessive(te) != e {
                    continue;
                }
                if !span_text.chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                if key.acronym && span_text.chars().any(char::is_lowercase) {
                    continue;
                }
                if !plausible(ctx, entry.kind, entry.ambiguous, ti, te) {
                    continue;
                }
            }
            pos = fe;
            out.push(Cand {
                start: s,
                end: e,
                ty: entry.ty,
                id: Some(entry.id.clone()),
                entry: Some(key.entry),
                prio: match entry.kind {
                    Kind::Known | Kind::Outlet => 6,
                    Kind::Country | Kind::Demonym => 5,
                    Kind::Admin | Kind::Town => 3,
                },
            });
        }
        out
    }
}

/// The folded match is not inside a longer word.
fn boundary(text: &str, s: usize, e: usize) -> bool {
    let before = text.get(..s).and_then(|t| t.chars().next_back());
    let after = text.get(e..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether a capitalised match of a place name that is also a common word or
/// given name ("Nice", "Florence", "Batman") reads as the place: not at a
/// sentence start, not glued to another capitalised word (part of a longer
/// name), and for places outside the region of interest, a large one.
fn plausible(ctx: &Ctx<'_>, kind: Kind, ambiguous: bool, ti: usize, te: usize) -> bool {
    if !matches!(kind, Kind::Town | Kind::Admin) {
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
    if ambiguous {
        return !ctx.tokens[ti].sent_start && !next_cap && !prev_cap;
    }
    true
}
