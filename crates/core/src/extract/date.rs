//! DATE recogniser: calendar dates ("October 3, 2020", "Sept. 27",
//! "15 October"), "the 27th of last month", weekdays ("last Sunday",
//! "Wednesday morning" -> "Wednesday"), yesterday/today/tomorrow, years and
//! decades, each resolved to an ISO id against the publication date.

use super::context::{Cand, Ctx};
use super::EntityType;
use crate::text::TokenKind;
use crate::time::{month_from_name, Date};

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const ORDINAL_WORDS: [&str; 31] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
    "twenty-fifth",
    "twenty-sixth",
    "twenty-seventh",
    "twenty-eighth",
    "twenty-ninth",
    "thirtieth",
    "thirty-first",
];

/// Words after a year number that make it a quantity, not a year.
const UNIT_WORDS: &[&str] = &[
    "people",
    "persons",
    "soldiers",
    "troops",
    "civilians",
    "km",
    "kilometers",
    "kilometres",
    "meters",
    "metres",
    "miles",
    "dollars",
    "euros",
    "manats",
    "times",
    "units",
    "houses",
    "buildings",
    "servicemen",
    "men",
    "women",
    "children",
    "tons",
    "tonnes",
    "rounds",
    "homes",
    "killed",
    "dead",
    "wounded",
    "injured",
    "casualties",
    "refugees",
    "residents",
];

/// A date expression before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum When {
    Full(Date),
    MonthDay(u8, u8),
    MonthYear(i32, u8),
    Year(i32),
    Decade(i32),
    Weekday { day: u8, rel: i8 },
    Offset(i64),
    OrdinalOfMonth { day: u8, months_back: i64 },
}

/// The publication date of a document: the stated one, else the latest full
/// date in its text.
pub fn infer_published(ctx: &Ctx<'_>, stated: Option<Date>) -> Option<Date> {
    stated.or_else(|| {
        scan(ctx)
            .into_iter()
            .filter_map(|(_, _, w)| match w {
                When::Full(d) => Some(d),
                _ => None,
            })
            .max()
    })
}

/// DATE candidates with ids resolved against `published`.
pub fn find(ctx: &Ctx<'_>, published: Option<Date>) -> Vec<Cand> {
    scan(ctx)
        .into_iter()
        .map(|(start, end, w)| Cand {
            start,
            end,
            ty: EntityType::Date,
            id: Some(resolve(w, published)),
            entry: None,
            prio: 9,
        })
        .collect()
}

fn resolve(w: When, pubd: Option<Date>) -> String {
    let unknown = || "?".to_string();
    match w {
        When::Full(d) => d.to_string(),
        When::Year(y) => y.to_string(),
        When::Decade(y) => format!("{y}s"),
        When::MonthYear(y, m) => format!("{y:04}-{m:02}"),
        When::MonthDay(m, d) => {
            let Some(p) = pubd else { return unknown() };
            // News reports the past: a day well after publication belongs
            // to the previous year.
            match Date::new(p.year, m, d) {
                Some(x) if x.to_days() > p.to_days() + 31 => {
                    Date::new(p.year - 1, m, d).map_or_else(unknown, |x| x.to_string())
                }
                Some(x) => x.to_string(),
                None => unknown(),
            }
        }
        When::Weekday { day, rel } => {
            let Some(p) = pubd else { return unknown() };
            let back = (i64::from(p.weekday()) - i64::from(day)).rem_euclid(7);
            let d = match rel {
                -1 => p.add_days(-(if back == 0 { 7 } else { back })),
                1 => p.add_days(
                    (i64::from(day) - i64::from(p.weekday()))
                        .rem_euclid(7)
                        .max(1),
                ),
                _ => p.add_days(-back),
            };
            d.to_string()
        }
        When::Offset(n) => pubd.map_or_else(unknown, |p| p.add_days(n).to_string()),
        When::OrdinalOfMonth { day, months_back } => {
            let Some(p) = pubd else { return unknown() };
            let total = i64::from(p.year) * 12 + i64::from(p.month) - 1 - months_back;
            let (y, m) = (
                total.div_euclid(12) as i32,
                (total.rem_euclid(12) + 1) as u8,
            );
            Date::new(y, m, day).map_or_else(unknown, |d| d.to_string())
        }
    }
}

fn number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// "27th", "3rd" -> 27, 3.
fn ordinal_number(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    let n = l
        .strip_suffix("st")
        .or_else(|| l.strip_suffix("nd"))
        .or_else(|| l.strip_suffix("rd"))
        .or_else(|| l.strip_suffix("th"))?;
    number(n)
}

fn day_of(ctx: &Ctx<'_>, i: usize) -> Option<u8> {
    let t = ctx.tokens.get(i)?;
    let w = ctx.word(i);
    let n = match t.kind {
        TokenKind::Number => number(w)?,
        TokenKind::NumWord => ordinal_number(w)?,
        _ => return None,
    };
    (1..=31).contains(&n).then_some(n as u8)
}

fn year_of(ctx: &Ctx<'_>, i: usize) -> Option<i32> {
    (ctx.tokens.get(i)?.kind == TokenKind::Number)
        .then(|| number(ctx.word(i)))
        .flatten()
        .filter(|y| (1000..=2100).contains(y))
        .map(|y| y as i32)
}

/// A month name token (abbreviations only with a period or before a day).
fn month_at(ctx: &Ctx<'_>, i: usize) -> Option<u8> {
    let t = ctx.tokens.get(i)?;
    if t.kind != TokenKind::Word || !ctx.is_cap(i) {
        return None;
    }
    let w = ctx.word(i);
    let m = month_from_name(w)?;
    let full = w.len() > 4 || w.eq_ignore_ascii_case("june") || w.eq_ignore_ascii_case("july");
    let full = full || (w.len() == 4 && w.eq_ignore_ascii_case("sept")) || w == "May";
    if full || ctx.is_punct(i + 1, '.') || day_of(ctx, i + 1).is_some() {
        Some(m)
    } else {
        None
    }
}

/// Every date expression: (start, end, meaning).
fn scan(ctx: &Ctx<'_>) -> Vec<(usize, usize, When)> {
    let mut out = Vec::new();
    let n = ctx.tokens.len();
    let mut i = 0;
    while i < n {
        let t = ctx.tokens[i];
        let lower = ctx.word(i).to_lowercase();
        // Month-first: "October 3, 2020", "Sept. 27", "October 15,2020", "October 2020".
        if let Some(m) = month_at(ctx, i) {
            if m == 5
                && ctx.word(i) == "May"
                && day_of(ctx, i + 1).is_none()
                && year_of(ctx, i + 1).is_none()
            {
                i += 1;
                continue; // the verb or the name
            }
            let mut j = i + 1;
            if ctx.is_punct(j, '.') {
                j += 1;
            }
            // "15,2020" is one number token.
            if ctx
                .tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Number)
            {
                let w = ctx.word(j);
                if let Some((d, y)) = w.split_once(',') {
                    if let (Some(d), Some(y)) = (number(d), number(y)) {
                        if let Some(date) = Date::new(y as i32, m, d as u8) {
                            out.push((t.start, ctx.tokens[j].end, When::Full(date)));
                            i = j + 1;
                            continue;
                        }
                    }
                }
            }
            if let Some(d) = day_of(ctx, j) {
                let mut k = j + 1;
                if ctx.is_punct(k, ',') {
                    k += 1;
                }
                if let Some(y) = year_of(ctx, k) {
                    if let Some(date) = Date::new(y, m, d) {
                        out.push((t.start, ctx.tokens[k].end, When::Full(date)));
                        i = k + 1;
                        continue;
                    }
                }
                out.push((t.start, ctx.tokens[j].end, When::MonthDay(m, d)));
                i = j + 1;
                continue;
            }
            if let Some(y) = year_of(ctx, i + 1) {
                out.push((t.start, ctx.tokens[i + 1].end, When::MonthYear(y, m)));
                i += 2;
                continue;
            }
            i += 1;
            continue;
        }
        // Day-first: "3 October 2020", "27th September".
        if let (Some(d), Some(m)) = (day_of(ctx, i), month_at(ctx, i + 1)) {
            if let Some(y) = year_of(ctx, i + 2) {
                if let Some(date) = Date::new(y, m, d) {
                    out.push((t.start, ctx.tokens[i + 2].end, When::Full(date)));
                    i += 3;
                    continue;
                }
            }
            out.push((t.start, ctx.tokens[i + 1].end, When::MonthDay(m, d)));
            i += 2;
            continue;
        }
        // "the 27th of last month", "the fourth of this month".
        if lower == "the" {
            let d = day_of(ctx, i + 1)
                .filter(|_| ctx.tokens[i + 1].kind == TokenKind::NumWord)
                .or_else(|| {
                    let w = ctx.word(i + 1).to_lowercase();
                    ORDINAL_WORDS
                        .iter()
                        .position(|o| *o == w)
                        .map(|p| p as u8 + 1)
                });
            if let Some(d) = d {
                if ctx.is(i + 2, "of") && ctx.is(i + 4, "month") {
                    let back = match ctx.word(i + 3).to_lowercase().as_str() {
                        "this" => Some(0),
                        "last" | "previous" => Some(1),
                        "next" => Some(-1),
                        _ => None,
                    };
                    if let Some(back) = back {
                        out.push((
                            t.start,
                            ctx.tokens[i + 4].end,
                            When::OrdinalOfMonth {
                                day: d,
                                months_back: back,
                            },
                        ));
                        i += 5;
                        continue;
                    }
                }
            }
        }
        if t.kind == TokenKind::Word {
            if let Some(day) = WEEKDAYS.iter().position(|d| *d == lower) {
                if ctx.is_cap(i) {
                    let (start, rel) = match i.checked_sub(1).map(|p| ctx.word(p).to_lowercase()) {
                        Some(p) if p == "last" || p == "past" => (ctx.tokens[i - 1].start, -1),
                        Some(p) if p == "next" || p == "coming" => (ctx.tokens[i - 1].start, 1),
                        _ => (t.start, 0),
                    };
                    let end = ctx.end_without_possessive(i);
                    out.push((
                        start,
                        end,
                        When::Weekday {
                            day: day as u8,
                            rel,
                        },
                    ));
                }
                i += 1;
                continue;
            }
            let rel = match lower.trim_end_matches("'s").trim_end_matches("\u{2019}s") {
                "yesterday" => Some(-1),
                "today" => Some(0),
                "tomorrow" => Some(1),
                _ => None,
            };
            if let Some(r) = rel {
                out.push((t.start, ctx.end_without_possessive(i), When::Offset(r)));
                i += 1;
                continue;
            }
        }
        if t.kind == TokenKind::NumWord {
            // "1990s" (also "1990's" is one token with an apostrophe).
            let w = ctx.word(i);
            let digits = w.trim_end_matches(['s', '\'', '\u{2019}']);
            if let Some(y) = number(digits)
                .filter(|y| digits.len() == 4 && y % 10 == 0 && (1000..=2090).contains(y))
            {
                out.push((t.start, t.end, When::Decade(y as i32)));
            }
            i += 1;
            continue;
        }
        if let Some(y) = year_of(ctx, i) {
            let next = ctx.word(i + 1).to_lowercase();
            let prev = i.checked_sub(1).map(|p| ctx.word(p)).unwrap_or("");
            let quantity = UNIT_WORDS.contains(&next.as_str())
                || prev == "$"
                || prev == "€"
                || ctx.is_punct(i + 1, '%');
            let plausible = (1800..=2100).contains(&y)
                || ["in", "since", "of", "from", "until", "by", "year"]
                    .contains(&prev.to_lowercase().as_str());
            if !quantity && plausible {
                out.push((t.start, t.end, When::Year(y)));
            }
        }
        i += 1;
    }
    out
}
