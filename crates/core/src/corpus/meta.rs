//! What a reader sees of an article before opening it: a title, the outlet and
//! publication date when the text states them, and a word count.

use super::blocks::{Block, BlockKind};
use super::furniture::starts_with_outlet;
use super::outlets::outlets;
use crate::time::{month_from_name, Date};
use serde::{Deserialize, Serialize};

/// Metadata derived from an article's text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The first real headline or sentence; shortened to [`TITLE_MAX_CHARS`].
    pub title: String,
    /// The outlet the text names in a byline or dateline.
    pub outlet: Option<String>,
    /// The publication date the text states ("Published October 15,2020").
    pub published: Option<Date>,
    /// Words in the article's own text (furniture excluded).
    pub word_count: usize,
}

/// Longest title shown; longer first lines are cut at a word boundary.
pub const TITLE_MAX_CHARS: usize = 120;

/// Title used when a text has no line that could serve as one.
pub const UNTITLED: &str = "Untitled article";

/// Derive the metadata of `text` from its `blocks`.
pub fn detect_meta(text: &str, blocks: &[Block]) -> DocMeta {
    let slice = |b: &Block| text.get(b.start..b.end).unwrap_or("");
    let mut meta = DocMeta {
        title: UNTITLED.to_string(),
        ..DocMeta::default()
    };
    if let Some(b) = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph && is_title_like(slice(b)))
    {
        meta.title = shorten(slice(b));
    }
    // Date lines: "Published …" lines, and date stamps in the page's header
    // ("2020-October-29 15:12", "By A. Writer October 25, 2020"). Of several (a
    // site's clock, "Updated …", the article's own date), the earliest is the
    // publication: the others come later.
    let stated = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Meta)
        .filter_map(|b| parse_date_phrase(slice(b)));
    // The page's header: the lines above the first sentence, and at least
    // the first six (a standfirst or a teaser can come before the date).
    let mut in_body = false;
    let bare = blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Furniture)
        .enumerate()
        .take_while(|(i, b)| {
            let header = *i < 6 || !in_body;
            in_body |= b.kind == BlockKind::Paragraph && count_words(slice(b)) > 12;
            header
        })
        .filter(|(_, b)| b.kind == BlockKind::Paragraph)
        .filter_map(|(_, b)| date_line(slice(b)));
    meta.published = stated.chain(bare).min().or_else(|| date_prefix(text));
    for b in blocks.iter().filter(|b| b.kind != BlockKind::Paragraph) {
        let line = slice(b);
        if meta.outlet.is_none() {
            meta.outlet = starts_with_outlet(line)
                .or_else(|| outlet_for_code(line.trim()))
                .map(str::to_string);
        }
    }
    if meta.outlet.is_none() {
        meta.outlet = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .take(5)
            .find_map(|b| dateline_outlet(slice(b)))
            .map(str::to_string);
    }
    meta.word_count = blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Furniture)
        .map(|b| count_words(slice(b)))
        .sum();
    meta
}

fn count_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A line can be a title if it has at least two words with letters and is not
/// a cross-link ("READ MORE: …") or a bare date.
fn is_title_like(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let letters_words = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    letters_words >= 2
        && !["read more", "also read", "related:", "see also", "watch:"]
            .iter()
            .any(|p| lower.starts_with(p))
        && parse_date_phrase(line).is_none_or(|_| letters_words > 4)
}

/// Cut `line` to at most [`TITLE_MAX_CHARS`] characters: at the end of its first
/// sentence when that fits, else at a word boundary with an ellipsis.
fn shorten(line: &str) -> String {
    let line = line.trim();
    if line.chars().count() <= TITLE_MAX_CHARS {
        return line.to_string();
    }
    let cut = line
        .char_indices()
        .nth(TITLE_MAX_CHARS)
        .map_or(line.len(), |(i, _)| i);
    let head = &line[..cut];
    if let Some(end) = head.find(". ").filter(|&e| e >= 40) {
        return head[..=end].trim_end().to_string();
    }
    let at_word = head.rfind(char::is_whitespace).unwrap_or(head.len());
    format!(
        "{}…",
        head[..at_word].trim_end_matches([',', ';', ':', ' ', '-'])
    )
}

fn outlet_for_code(word: &str) -> Option<&'static str> {
    super::outlets::outlet_by_code(word).map(|o| o.name)
}

/// The outlet of a dateline such as "MOSCOW (Reuters) -" or "ANKARA (AA) –".
fn dateline_outlet(line: &str) -> Option<&'static str> {
    let open = line.find('(')?;
    if open > 60 {
        return None;
    }
    let close = open + line[open..].find(')')?;
    let after = line[close + 1..].trim_start();
    if !after.starts_with(['-', '–', '—']) {
        return None;
    }
    let inside = line[open + 1..close].trim();
    outlet_for_code(inside).or_else(|| {
        outlets()
            .iter()
            .find(|o| o.names().any(|n| n == inside))
            .map(|o| o.name)
    })
}

/// The first full calendar date in a phrase: "October 15,2020", "Oct. 3, 2020",
/// "15 October 2020", "2020-10-15". Needs a year; `None` when there is none.
pub fn parse_date_phrase(s: &str) -> Option<Date> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = parse_iso(w).or_else(|| parse_year_month_day(w)) {
            return Some(d);
        }
        let num = |j: usize| -> Option<u32> {
            let t = words.get(j)?.trim_end_matches(['.', ',']);
            let t = t
                .strip_suffix("st")
                .or_else(|| t.strip_suffix("nd"))
                .or_else(|| t.strip_suffix("rd"))
                .or_else(|| t.strip_suffix("th"))
                .unwrap_or(t);
            (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
        };
        if let Some(m) = month_from_name(w) {
            // Month D, YYYY
            if let (Some(d), Some(y)) = (num(i + 1), num(i + 2)) {
                if let Some(date) = to_date(y, m, d) {
                    return Some(date);
                }
            }
            // D Month YYYY
            if let (Some(d), Some(y)) = (i.checked_sub(1).and_then(num), num(i + 1)) {
                if let Some(date) = to_date(y, m, d) {
                    return Some(date);
                }
            }
        }
    }
    None
}

fn to_date(y: u32, m: u8, d: u32) -> Option<Date> {
    if !(1000..=9999).contains(&y) || d > 31 {
        return None;
    }
    Date::new(y as i32, m, d as u8)
}

/// The date of a line that is only a date stamp: a full date with perhaps a
/// weekday, a clock time and zone, an "Updated …" part or an age, and
/// perhaps a byline before it ("2020-October-29 15:12", "Saturday, August
/// 13, 2022", "November 10, 2020, 09:41 UPDATED: November 10, 2020, 13:20",
/// "October 11, 2020 3:14 PM GMT+3 Updated 4 years ago", "By Orkhan Jalilov
/// October 25, 2020"). Of two dates on the line, the first.
fn date_line(line: &str) -> Option<Date> {
    let mut words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    // A byline: "By" and the author's capitalised names.
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("by")) {
        let names = words[1..]
            .iter()
            .take(4)
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase) && month_from_name(w).is_none()
            })
            .count();
        if names == 0 {
            return None;
        }
        words.drain(..=names);
    }
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    words
        .iter()
        .all(|w| is_stamp_word(w))
        .then(|| parse_date_phrase(&words.join(" ")))
        .flatten()
}

/// Words that are not text, only parts of a date stamp: dates, clock
/// times, time zones, weekdays and the labels of a stamp.
fn is_stamp_word(word: &str) -> bool {
    const LABELS: [&str; 20] = [
        "updated",
        "update",
        "published",
        "posted",
        "last",
        "modified",
        "edited",
        "date",
        "ago",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hours",
        "minutes",
        "mins",
    ];
    const ZONES: [&str; 14] = [
        "am", "pm", "a.m", "p.m", "gmt", "utc", "ist", "cet", "cest", "est", "edt", "msk", "bst",
        "et",
    ];
    let w = word.trim_matches(['.', ',', ':', '(', ')']);
    if w.is_empty() || w.chars().all(|c| matches!(c, '-' | '–' | '—' | '•' | '/')) {
        return true;
    }
    let lower = w.to_ascii_lowercase();
    let zone = lower
        .find(['+', '-'])
        .map_or(lower.as_str(), |i| &lower[..i]);
    let clock = w.split(':').count() <= 3
        && w.split(':').enumerate().all(|(i, part)| {
            let len = if i == 0 { 1..=2 } else { 2..=2 };
            len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
        })
        && w.contains(':');
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let number = !digits.is_empty()
        && digits.len() <= 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&lower[digits.len()..], "" | "st" | "nd" | "rd" | "th");
    clock
        || number
        || LABELS.contains(&lower.as_str())
        || ZONES.contains(&zone)
        || crate::time::weekday_from_name(w).is_some()
        || month_from_name(w).is_some()
        || parse_iso(w).or_else(|| parse_year_month_day(w)).is_some()
}

/// The date a page store puts at the very start of a text (" date
/// 2023-10-15 World …"): a fallback for the publication date, since the
/// article's own date line is better evidence. A prefix well before every
/// year the text names is stale (a 2017 stamp on a report of 2020's events)
/// and is not taken.
fn date_prefix(text: &str) -> Option<Date> {
    let rest = text.trim_start().strip_prefix("date ")?.trim_start();
    let word = rest.split_whitespace().next()?;
    let date = parse_iso(word)?;
    let after = rest.get(word.len()..).unwrap_or("");
    let years = after
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (1800..=2200).contains(y));
    // Stale: every year named is at least two years after it (news names
    // the next year ahead, "the 2024 summit", often enough).
    let mut years = years.peekable();
    let named = years.peek().is_some();
    let near = years.any(|y| y <= date.year + 1);
    (near || !named).then_some(date)
}

/// "2020-October-29": year, month name, day.
fn parse_year_month_day(w: &str) -> Option<Date> {
    let mut parts = w.trim_matches(|c: char| !c.is_alphanumeric()).split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&d.len()) {
        return None;
    }
    to_date(y.parse().ok()?, month_from_name(m)?, d.parse().ok()?)
}

fn parse_iso(w: &str) -> Option<Date> {
    crate::time::parse_iso_date(w.trim_matches(|c: char| !c.is_ascii_digit()))
}
