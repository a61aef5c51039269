//! Tokens of one block of text, with byte offsets and sentence starts.
//!
//! The recognisers reason over words: capitalised runs, cue words before and
//! after, list commas. Tokenisation is forgiving of scraped text: it splits
//! "theNagorno" after a lowercase function word glued to a capitalised word,
//! keeps `#hashtags` as one word without the '#', and marks `@handles` and
//! URLs so that nothing is extracted from them.
//!
//! ```
//! use entiscope_core::text::{tokenize, TokenKind};
//! let text = "in theNagorno-Karabakh #Karabakh @presidentaz";
//! let words: Vec<&str> = tokenize(text, 0, text.len())
//!     .iter()
//!     .filter(|t| t.kind == TokenKind::Word || t.kind == TokenKind::Hashtag)
//!     .map(|t| &text[t.start..t.end])
//!     .collect();
//! assert_eq!(words, ["in", "the", "Nagorno", "Karabakh", "Karabakh"]);
//! ```

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, e.g. "General's").
    Word,
    /// Digits, with inner ',' or '.' between digits ("43,218", "1.5").
    Number,
    /// Digits followed by letters ("1990s", "27th").
    NumWord,
    /// One punctuation or symbol character.
    Punct,
    /// The word of a `#hashtag` (the '#' is not in the span).
    Hashtag,
    /// A `@handle` (span includes '@'): never extracted.
    Handle,
    /// A URL or `pic.twitter.com/…` link: never extracted.
    Url,
}

/// One token: byte offsets into the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// First word of a sentence (capitalisation carries no information).
    pub sent_start: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        doc.get(self.start..self.end).unwrap_or("")
    }

    /// A word or hashtag.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Hashtag)
    }
}

/// Words glued before a capitalised word in scraped text ("theNagorno").
const GLUE_PREFIXES: &[&str] = &[
    "the", "of", "in", "and", "to", "from", "at", "on", "by", "with", "for", "as",
];

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "cmdr", "adm", "st",
    "sen", "rep", "gov", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "no", "vs", "etc", "inc", "ltd", "co", "corp", "u.s", "u.n", "u.k", "e.g",
    "i.e", "approx", "jr", "sr", "mt", "ft",
];

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// Tokenise `text[start..end]` (offsets stay document offsets).
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, start, end, &mut out);
    out
}

/// [`tokenize`], appending to `out` (one buffer for a whole document).
///
/// Most news text is ASCII: whitespace, letters and punctuation are told
/// apart by byte, and only other characters are decoded.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let bytes = slice.as_bytes();
    let mut next_sent = true;
    let mut pos = 0;
    while pos < bytes.len() {
        let i = pos;
        let b = bytes[i];
        let c = if b < 0x80 {
            b as char
        } else {
            match slice[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        pos += c.len_utf8();
        let s = start + i;
        if b.is_ascii_whitespace() || c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
            continue;
        }
        if c == '@' || c == '#' {
            let body = &slice[i + 1..];
            let len = body
                .find(|ch: char| !(is_word_char(ch) || ch == '_'))
                .unwrap_or(body.len());
            if len > 0 {
                pos = i + 1 + len;
                if c == '@' {
                    out.push(tok(s, s + 1 + len, TokenKind::Handle, false));
                } else {
                    out.push(tok(s + 1, s + 1 + len, TokenKind::Hashtag, next_sent));
                    next_sent = false;
                }
                continue;
            }
        }
        if is_word_char(c) {
            let mut e = i + c.len_utf8();
            // URLs ("https://", "www.", "pic.twitter", "t.co/"): up to whitespace.
            if matches!(b | 0x20, b'h' | b'w' | b'p' | b't') && looks_like_url(&slice[i..]) {
                let len = slice[i..]
                    .find(char::is_whitespace)
                    .unwrap_or(slice.len() - i);
                pos = i + len;
                out.push(tok(s, s + len, TokenKind::Url, false));
                continue;
            }
            loop {
                // Most of a word is ASCII letters: skip them bytewise.
                while e < bytes.len() && bytes[e].is_ascii_alphanumeric() {
                    e += 1;
                }
                let Some(&nb) = bytes.get(e) else { break };
                if nb < 0x80 && !matches!(nb, b'\'' | b',' | b'.') {
                    break; // ASCII space or punctuation: not inside a word
                }
                let Some(d) = slice[e..].chars().next() else {
                    break;
                };
                let inner_joiner = (is_apostrophe(d)
                    || ((d == ',' || d == '.') && c.is_ascii_digit()))
                    && slice[e + d.len_utf8()..].chars().next().is_some_and(|n| {
                        if c.is_ascii_digit() {
                            n.is_ascii_digit()
                        } else {
                            n.is_alphabetic()
                        }
                    });
                if is_word_char(d) || inner_joiner {
                    e += d.len_utf8();
                } else {
                    break;
                }
            }
            pos = e;
            let word = &slice[i..e];
            let kind = if !c.is_ascii_digit() {
                TokenKind::Word
            } else if word
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
            {
                TokenKind::Number
            } else {
                TokenKind::NumWord
            };
            if kind == TokenKind::Word {
                if let Some(split) = glue_split(word) {
                    out.push(tok(s, s + split, kind, next_sent));
                    out.push(tok(s + split, start + e, kind, false));
                    next_sent = false;
                    continue;
                }
            }
            out.push(tok(s, start + e, kind, next_sent));
            next_sent = false;
            continue;
        }
        // Punctuation: sentence ends after . ! ? unless an abbreviation or
        // an initial precedes the period.
        out.push(tok(s, s + c.len_utf8(), TokenKind::Punct, false));
        if matches!(c, '!' | '?') || (c == '.' && !abbreviation_before(slice, i)) {
            next_sent = true;
        }
    }
}

fn tok(start: usize, end: usize, kind: TokenKind, sent_start: bool) -> Token {
    Token {
        start,
        end,
        kind,
        sent_start,
    }
}

fn looks_like_url(s: &str) -> bool {
    let b = s.as_bytes();
    ["http://", "https://", "www.", "pic.twitter", "t.co/"]
        .iter()
        .any(|p| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// Where to split a word like "theNagorno": after a lowercase glue word
/// followed by an uppercase letter and a lowercase one.
fn glue_split(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    // Glue words have two to four letters: the capital starts at byte 2, 3
    // or 4 (a non-ASCII one, "theÖzil", included).
    let capital_after_glue = b
        .iter()
        .take(5)
        .skip(2)
        .any(|x| x.is_ascii_uppercase() || *x >= 0x80);
    if !b[0].is_ascii_lowercase() || !capital_after_glue {
        return None;
    }
    for p in GLUE_PREFIXES {
        if let Some(rest) = word.strip_prefix(p) {
            let mut cs = rest.chars();
            if cs.next().is_some_and(char::is_uppercase)
                && cs.next().is_some_and(char::is_lowercase)
            {
                return Some(p.len());
            }
        }
    }
    None
}

/// Whether the period at byte `dot` of `s` follows an abbreviation or an
/// initial ("Sept.", "Mr.", "J.", "U.S.").
fn abbreviation_before(s: &str, dot: usize) -> bool {
    let before = &s[..dot];
    let word_start = before
        .rfind(|c: char| !(is_word_char(c) || c == '.'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut cs = word.chars();
    if cs.next().is_some_and(char::is_uppercase) && cs.next().is_none() {
        return true; // an initial
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, TokenKind, bool)> {
        tokenize(text, 0, text.len())
            .into_iter()
            .map(|t| (t.text(text).to_string(), t.kind, t.sent_start))
            .collect()
    }

    #[test]
    fn table() {
        use TokenKind::*;
        let cases: &[(&str, &[(&str, TokenKind)])] = &[
            (
                "Turkey:Aliyev",
                &[("Turkey", Word), (":", Punct), ("Aliyev", Word)],
            ),
            ("theNagorno", &[("the", Word), ("Nagorno", Word)]),
            ("theÖzil", &[("the", Word), ("Özil", Word)]),
            ("iPhone theory", &[("iPhone", Word), ("theory", Word)]),
            (
                "https://x.org/a b",
                &[("https://x.org/a", Url), ("b", Word)],
            ),
            ("WWW.example.com", &[("WWW.example.com", Url)]),
            ("t.co/abc", &[("t.co/abc", Url)]),
            ("the pic.", &[("the", Word), ("pic", Word), (".", Punct)]),
            (
                "1,5 3.2.1 x.y",
                &[
                    ("1,5", Number),
                    ("3.2.1", Number),
                    ("x", Word),
                    (".", Punct),
                    ("y", Word),
                ],
            ),
            ("General's Office", &[("General's", Word), ("Office", Word)]),
            ("43,218 people", &[("43,218", Number), ("people", Word)]),
            ("October 15,2020", &[("October", Word), ("15,2020", Number)]),
            ("the 1990s", &[("the", Word), ("1990s", NumWord)]),
            (
                "#Azerbaijan/i",
                &[("Azerbaijan", Hashtag), ("/", Punct), ("i", Word)],
            ),
            ("@presidentaz)", &[("@presidentaz", Handle), (")", Punct)]),
            (
                "pic.twitter.com/8Oj8 x",
                &[("pic.twitter.com/8Oj8", Url), ("x", Word)],
            ),
            ("Erdoğan’s", &[("Erdoğan’s", Word)]),
            ("iPhone", &[("iPhone", Word)]),
        ];
        for (text, want) in cases {
            let got: Vec<(String, TokenKind)> =
                kinds(text).into_iter().map(|(a, b, _)| (a, b)).collect();
            let want: Vec<(String, TokenKind)> =
                want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn sentence_starts() {
        let t = "He met Mr. Smith on Sept. 27. Then U.S. officials left! Next";
        let starts: Vec<String> = kinds(t).into_iter().filter(|k| k.2).map(|k| k.0).collect();
        assert_eq!(starts, ["He", "Then", "Next"]);
    }
}
