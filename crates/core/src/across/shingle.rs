//! Sentence fingerprints for passage detection: folded, spelling-normalised
//! words hashed to `u64`, then overlapping word n-grams ("shingles") hashed
//! again, each credited to the sentence where it starts.
//!
//! Normalisation is what makes copies match across outlets' house styles:
//! quote marks and punctuation are not words, case and diacritics fold away,
//! "organisation"/"organization" and "cease-fire"/"ceasefire" read the same,
//! and "30,000" reads "30000".

use super::prepare::Prepared;
use crate::text::{fold_str, TokenKind};

/// Words per shingle: short enough that a dropped or changed word costs only
/// a few shingles of a sentence, long enough that shared shingles mean
/// shared wording rather than a common phrase.
pub(crate) const SHINGLE: usize = 4;

/// A document reduced to what passage detection needs.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocShingles {
    /// Byte ranges of the sentences.
    pub sentences: Vec<(usize, usize)>,
    /// Shingles per sentence (how many start in it).
    pub counts: Vec<u32>,
    /// (shingle hash, sentence index), in text order.
    pub shingles: Vec<(u64, u32)>,
    /// Byte ranges of the content blocks.
    pub blocks: Vec<(usize, usize)>,
}

impl DocShingles {
    pub(crate) fn new(p: &Prepared<'_>) -> DocShingles {
        let mut d = DocShingles {
            sentences: p.sentences.iter().map(|s| (s.start, s.end)).collect(),
            counts: vec![0; p.sentences.len()],
            shingles: Vec::new(),
            blocks: p.blocks.iter().map(|b| (b.start, b.end)).collect(),
        };
        // (word hash, sentence, block) in text order.
        let mut words: Vec<(u64, u32, u32)> = Vec::new();
        for (si, s) in p.sentences.iter().enumerate() {
            let mut k = s.tokens.start;
            while k < s.tokens.end {
                let t = p.tokens[k];
                if !matches!(
                    t.kind,
                    TokenKind::Word | TokenKind::Number | TokenKind::NumWord | TokenKind::Hashtag
                ) {
                    k += 1;
                    continue;
                }
                let mut w = canon_word(p.tok(k));
                // Lowercase hyphenated compounds read as one word.
                let mut j = k + 1;
                while j + 1 < s.tokens.end
                    && p.tok(j) == "-"
                    && p.tokens[j].start == p.tokens[j - 1].end
                    && p.tokens[j + 1].start == p.tokens[j].end
                    && p.tokens[j + 1].kind == TokenKind::Word
                    && starts_lower(p.tok(j - 1))
                    && starts_lower(p.tok(j + 1))
                {
                    w.push_str(&canon_word(p.tok(j + 1)));
                    j += 2;
                }
                words.push((hash_bytes(w.as_bytes()), si as u32, s.block as u32));
                k = j;
            }
        }
        if words.len() >= SHINGLE {
            for i in 0..=words.len() - SHINGLE {
                let window = &words[i..i + SHINGLE];
                if window[0].2 != window[SHINGLE - 1].2 {
                    continue; // shingles stay inside a paragraph
                }
                let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                for w in window {
                    h = mix(h ^ w.0);
                }
                let sent = window[0].1;
                d.shingles.push((h, sent));
                d.counts[sent as usize] += 1;
            }
        }
        d
    }
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// A word as passage detection compares it.
pub(crate) fn canon_word(word: &str) -> String {
    let mut w: String = fold_str(word)
        .chars()
        .filter(|c| !matches!(c, '\'' | ','))
        .collect();
    for (from, to) in [
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("our", "or"),
        ("ence", "ense"),
        ("tre", "ter"),
    ] {
        if w.len() > from.len() + 2 && w.ends_with(from) {
            w.truncate(w.len() - from.len());
            w.push_str(to);
            break;
        }
    }
    w
}

/// FNV-1a, then a final avalanche.
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// SplitMix64's finaliser: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
