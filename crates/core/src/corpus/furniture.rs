//! Telling site furniture from article content, one line at a time.
//!
//! Scraped articles carry page chrome ("Loading...", "Contact Us", "Discussion
//! about this post"), bare links and agency byline codes. The explorer shows
//! them set apart and extraction skips them; nothing is deleted.

use super::outlets::outlets;
use std::collections::HashSet;
use std::sync::OnceLock;

/// What a line of the source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineClass {
    /// Article text (paragraphs, headlines, captions, quotes).
    Content,
    /// A line stating the article's metadata ("Published October 15,2020",
    /// "Anadolu Agency TÜRKIYE"): shown apart, but its names are content.
    Meta,
    /// Page chrome, a bare link or a byline code: shown apart, not extracted.
    Furniture,
}

static FURNITURE_DATA: &str = include_str!("../../data/furniture.txt");

fn furniture_phrases() -> &'static HashSet<&'static str> {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| {
        FURNITURE_DATA
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// True when `word` looks like a link: `http(s)://…`, `www.…`, `pic.twitter.com/…`.
pub fn is_link(word: &str) -> bool {
    let w = word.trim_matches(|c: char| matches!(c, '(' | ')' | '<' | '>' | '"' | '\''));
    let lower = w.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || lower.starts_with("pic.twitter.com/")
        || lower.starts_with("t.co/")
}

/// The line with its trailing dots, ellipses, colons and spaces removed, lowercased.
fn key(line: &str) -> String {
    line.trim()
        .trim_end_matches(['.', '…', ':', ' ', '\u{a0}', '»', '›', '>'])
        .trim_start_matches(['«', '‹', '<', ' '])
        .to_lowercase()
}

/// Starts of a publication-date line ("Published October 15,2020").
const DATE_LINE_PREFIXES: [&str; 6] = [
    "published",
    "updated",
    "posted",
    "last updated",
    "first published",
    "date:",
];

/// Characters that end a sentence (or a quoted one).
const SENTENCE_ENDS: [char; 5] = ['.', '!', '?', '"', '”'];

/// Labels that open a site's list of tags ("Topics Armenia Azerbaijan
/// Russia", "Tags: Karabakh, war").
const TAG_LABELS: &[&str] = &["topics", "tags", "tagged", "filed under", "related topics"];

/// A short line of tags: a tag label, then names, no sentence ending.
fn is_tag_line(key: &str, words: usize, line: &str) -> bool {
    words <= 12
        && !line.ends_with(SENTENCE_ENDS)
        && TAG_LABELS.iter().any(|l| {
            key.strip_prefix(l).is_some_and(|rest| {
                rest.starts_with([' ', ':']) && !rest.trim_start_matches([' ', ':']).is_empty()
            })
        })
}

/// A tag label alone on its line ("Topics"): the short lines right after it
/// are the tags (see `blocks`).
pub fn is_tag_label(line: &str) -> bool {
    TAG_LABELS.contains(&key(line).as_str())
}

/// A line that can be one tag of a list: a few words, no sentence ending.
pub fn is_tag_item(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().count() <= 4 && !line.ends_with(SENTENCE_ENDS) && !line.ends_with(',')
}

/// Classify one line (without its line break).
pub fn classify_line(line: &str) -> LineClass {
    let trimmed = line
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .trim();
    if trimmed.is_empty() {
        return LineClass::Content;
    }
    let k = key(trimmed);
    if furniture_phrases().contains(k.as_str()) {
        return LineClass::Furniture;
    }
    if trimmed.split_whitespace().all(is_link) {
        return LineClass::Furniture;
    }
    if k.starts_with('©') || k.starts_with("copyright ") || k.starts_with("(c) ") {
        return LineClass::Furniture;
    }
    // A lone byline code ("AA", "AFP") on its own line.
    if trimmed.split_whitespace().count() == 1
        && outlets()
            .iter()
            .any(|o| o.codes.iter().any(|c| *c == trimmed && c.len() <= 5))
        && trimmed.chars().all(|c| c.is_ascii_uppercase())
    {
        return LineClass::Furniture;
    }
    let words = trimmed.split_whitespace().count();
    if is_tag_line(&k, words, trimmed) {
        return LineClass::Furniture;
    }
    if words <= 6 {
        if DATE_LINE_PREFIXES.iter().any(|p| k.starts_with(p))
            && super::meta::parse_date_phrase(trimmed).is_some()
        {
            return LineClass::Meta;
        }
        if starts_with_outlet(trimmed).is_some() && !trimmed.ends_with(SENTENCE_ENDS) {
            return LineClass::Meta;
        }
    }
    LineClass::Content
}

/// The outlet a short line starts with ("Anadolu Agency TÜRKIYE" -> Anadolu
/// Agency), matching whole words, case-sensitively.
pub(crate) fn starts_with_outlet(line: &str) -> Option<&'static str> {
    let line = line.trim();
    outlets().iter().find_map(|o| {
        o.names().find_map(|n| {
            let rest = line.strip_prefix(n)?;
            (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(o.name)
        })
    })
}

/// Byte ranges (relative to `line`) of links inside a content line, such as a
/// `pic.twitter.com/…` at the end of an embedded tweet.
pub fn inline_furniture(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for word in line.split_inclusive(char::is_whitespace) {
        let w = word.trim_end();
        if is_link(w) {
            out.push((pos, pos + w.len()));
        }
        pos += word.len();
    }
    out
}
