//! DATE recogniser: calendar dates ("October 3, 2020", "Sept. 27",
//! "15 October"), "the 27th of last month", weekdays ("last Sunday",
//! "Wednesday morning" -> "Wednesday"), yesterday/today/tomorrow, years and
//! decades, numeric dates ("2020-10-15", "15.10.2020"), "last year", "next
//! month", "25 days ago", each resolved to an ISO id against the publication date. A list
//! of dates alone (a page's index of daily reports) is none.

use super::context::{Cand, Ctx};
use super::cues::Cue;
use super::EntityType;
use crate::text::TokenKind;
use crate::time::{month_from_name, Date};

pub(super) use crate::time::WEEKDAYS;

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
    Weekday {
        day: u8,
        rel: i8,
    },
    /// A month named without a year ("in October", "last April").
    Month {
        month: u8,
        rel: i8,
    },
    Offset(i64),
    /// "the next day" (1), "a day earlier" (-1): days from the date the
    /// text named last.
    DayAfterLast(i8),
    /// "last year" (-1), "next year" (1); "Nov. 8 last year" is a day of it.
    YearRel(i8),
    DayOfYearRel {
        month: u8,
        day: u8,
        rel: i8,
    },
    /// "last month" (-1), "next month" (1).
    MonthRel(i8),
    /// "07/10/2020": July 10 or 7 October, as the text's other months say.
    Slashed {
        month_first: Date,
        day_first: Date,
    },
    /// "last fall" (-1), "this summer" (0), "next spring" (1): a year.
    Season {
        last_month: u8,
        rel: i8,
    },
    OrdinalOfMonth {
        day: u8,
        months_back: i64,
    },
}

/// DATE candidates with ids resolved against the publication date: the
/// stated one, else the latest full date in the text unless the text names
/// a later year (a history piece quoting "February 26, 1992" was not
/// published then).
pub fn find(ctx: &Ctx<'_>, stated: Option<Date>) -> Vec<Cand> {
    let mut found = scan(ctx);
    // A slashed date either way round ("07/10/2020"): the reading nearer the
    // months the text names otherwise (a report of October's fighting dated
    // 7 October, not 10 July); month first when nothing tells.
    let months: Vec<u8> = found
        .iter()
        .filter_map(|(_, _, w)| match w {
            When::Full(d) => Some(d.month),
            When::MonthDay(m, _) | When::MonthYear(_, m) => Some(*m),
            When::Month { month, .. } => Some(*month),
            _ => None,
        })
        .chain(stated.map(|d| d.month))
        .collect();
    let distance = |m: u8| months.iter().map(|&o| m.abs_diff(o)).min();
    for (_, _, w) in &mut found {
        if let When::Slashed {
            month_first,
            day_first,
        } = *w
        {
            let pick = match (distance(month_first.month), distance(day_first.month)) {
                (Some(a), Some(b)) if b < a => day_first,
                _ => month_first,
            };
            *w = When::Full(pick);
        }
    }
    let latest_year = found
        .iter()
        .filter_map(|(_, _, w)| match w {
            When::Full(d) => Some(d.year),
            When::Year(y) | When::MonthYear(y, _) => Some(*y),
            _ => None,
        })
        .max();
    let published = stated.or_else(|| {
        found
            .iter()
            .filter_map(|(_, _, w)| match w {
                When::Full(d) => Some(*d),
                _ => None,
            })
            .max()
            .filter(|d| latest_year.is_none_or(|y| d.year >= y))
    });
    // The last day the text named, for "the next day".
    let mut last_day: Option<Date> = None;
    let mut out = Vec::with_capacity(found.len());
    for (start, end, w) in found {
        let id = match w {
            When::DayAfterLast(n) => last_day.map_or_else(
                || UNRESOLVED.to_string(),
                |d| d.add_days(i64::from(n)).to_string(),
            ),
            w => resolve(w, published),
        };
        if let Some(d) = crate::time::parse_iso_date(&id) {
            last_day = Some(d);
        }
        out.push(Cand {
            start,
            end,
            ty: EntityType::Date,
            id: Some(match id {
                // Unresolvable ("Sunday" with no date to count from): one
                // entity per wording, not one "?" for every such date of the
                // corpus (which the explorer would list as a single date).
                id if id == UNRESOLVED => {
                    let words = ctx.text.get(start..end).unwrap_or("");
                    format!("{UNRESOLVED}-{}", crate::text::slug(words))
                }
                id => id,
            }),
            entry: None,
            prio: 9,
        });
    }
    out
}

/// The id of a date that cannot be resolved; the mention's wording is appended.
pub const UNRESOLVED: &str = "?";

fn resolve(w: When, pubd: Option<Date>) -> String {
    let unknown = || UNRESOLVED.to_string();
    match w {
        // (`find` has decided a slashed date's reading before resolving.)
        When::Full(d) | When::Slashed { month_first: d, .. } => d.to_string(),
        When::Year(y) => y.to_string(),
        When::Decade(y) => format!("{y}s"),
        When::MonthYear(y, m) => format!("{y:04}-{m:02}"),
        When::MonthDay(m, d) => {
            // Without a publication date: the ISO 8601 month-day form
            // ("--09-27"). The years a text names are mostly history (1994,
            // 1992) and say nothing about the year of "Sept. 27".
            let Some(p) = pubd else {
                return format!("--{m:02}-{d:02}");
            };
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
        When::Month { month: m, rel } => {
            let Some(p) = pubd else {
                return format!("--{m:02}");
            };
            let year = match rel {
                -1 if m < p.month => p.year,
                -1 => p.year - 1,
                1 if m > p.month => p.year,
                1 => p.year + 1,
                // As for a day: a month starting well after publication is
                // last year's ("in December", written in January).
                _ if m > p.month + 1 => p.year - 1,
                _ => p.year,
            };
            format!("{year:04}-{m:02}")
        }
        When::Offset(n) => pubd.map_or_else(unknown, |p| p.add_days(n).to_string()),
        // Resolved in `find`, against the text's last date.
        When::DayAfterLast(_) => unknown(),
        When::YearRel(r) => pubd.map_or_else(unknown, |p| (p.year + i32::from(r)).to_string()),
        // The last such season over before publication, the next one not
        // yet begun (seasons are three months long).
        When::Season { last_month, rel } => pubd.map_or_else(unknown, |p| {
            let year = match rel {
                -1 if last_month < p.month => p.year,
                -1 => p.year - 1,
                1 if last_month - 2 > p.month => p.year,
                1 => p.year + 1,
                _ => p.year,
            };
            year.to_string()
        }),
        When::DayOfYearRel { month, day, rel } => {
            let Some(p) = pubd else {
                return format!("--{month:02}-{day:02}");
            };
            Date::new(p.year + i32::from(rel), month, day).map_or_else(unknown, |d| d.to_string())
        }
        When::MonthRel(r) => {
            let Some(p) = pubd else { return unknown() };
            let total = i64::from(p.year) * 12 + i64::from(p.month) - 1 + i64::from(r);
            format!(
                "{:04}-{:02}",
                total.div_euclid(12),
                total.rem_euclid(12) + 1
            )
        }
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
    let n = match ctx.tokens.get(i)?.kind {
        TokenKind::Number => number(ctx.word(i))?,
        TokenKind::NumWord => ordinal_number(ctx.word(i))?,
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
    if !(3..=9).contains(&w.len()) || !w.starts_with(['J', 'F', 'M', 'A', 'S', 'O', 'N', 'D']) {
        return None;
    }
    let m = month_from_name(w)?;
    let full = w.len() > 4 || w.eq_ignore_ascii_case("june") || w.eq_ignore_ascii_case("july");
    let full = full || (w.len() == 4 && w.eq_ignore_ascii_case("sept")) || w == "May";
    let day_before = || i > 0 && day_of(ctx, i - 1).is_some();
    if full || ctx.is_punct(i + 1, '.') || day_of(ctx, i + 1).is_some() || day_before() {
        Some(m)
    } else {
        None
    }
}

/// A numeric date starting at token `i`: its last token and the date.
fn numeric_date(ctx: &Ctx<'_>, i: usize) -> Option<(usize, Date)> {
    let t = ctx.tokens.get(i)?;
    if t.kind != TokenKind::Number {
        return None;
    }
    let w = ctx.word(i);
    // "15.10.2020" is one number token.
    let parts: Vec<&str> = w.split('.').collect();
    if let [d, m, y] = parts.as_slice() {
        if y.len() == 4 && d.len() <= 2 && m.len() <= 2 {
            let (y, d, m): (i32, u8, u8) = (y.parse().ok()?, d.parse().ok()?, m.parse().ok()?);
            // Day first ("15.10.2020"), or month first when the second
            // number cannot be a month ("02.25.2025").
            let date = Date::new(y, m, d).or_else(|| Date::new(y, d, m))?;
            return Some((i, date));
        }
        return None;
    }
    // "2020-10-15", "10/15/2020" and "2020-October-29" (some sites' date
    // lines): five tokens, no spaces between.
    let glued = (i + 1..i + 5).all(|k| {
        ctx.tokens
            .get(k)
            .is_some_and(|x| x.start == ctx.tokens[k - 1].end)
    });
    if !glued {
        return None;
    }
    let sep = ctx.word(i + 1);
    if !(sep == "-" || sep == "/") || ctx.word(i + 3) != sep {
        return None;
    }
    let mid = ctx.word(i + 2);
    let month_name = (sep == "-" && w.len() == 4)
        .then(|| month_from_name(mid))
        .flatten();
    let (a, b, c) = (
        number(w)?,
        number(mid).or(month_name.map(u32::from))?,
        number(ctx.word(i + 4))?,
    );
    let date = match (sep, w.len(), ctx.word(i + 4).len()) {
        ("-", 4, 2) | ("-", 4, 1) => Date::new(a as i32, b as u8, c as u8),
        ("/", 1..=2, 4) if a > 12 => Date::new(c as i32, b as u8, a as u8),
        ("/", 1..=2, 4) => Date::new(c as i32, a as u8, b as u8),
        _ => None,
    }?;
    Some((i + 4, date))
}

/// Every date expression: (start, end, meaning).
fn scan(ctx: &Ctx<'_>) -> Vec<(usize, usize, When)> {
    let mut out = Vec::new();
    let n = ctx.tokens.len();
    let mut i = 0;
    while i < n {
        let t = ctx.tokens[i];
        let lower = ctx.lower(i);
        // Month-first: "October 3, 2020", "Sept. 27", "October 15,2020", "October 2020".
        if let Some(m) = month_at(ctx, i) {
            if m == 5
                && ctx.word(i) == "May"
                && day_of(ctx, i + 1).is_none()
                && year_of(ctx, i + 1).is_none()
                && (month_cue(ctx, i).is_none() || ctx.end_without_possessive(i) != t.end)
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
            // "In June 15 people were returned": after "in", a number
            // before a lowercase word counts something; the month has no day.
            let counted = i > 0
                && ctx.is(i - 1, "in")
                && ctx
                    .tokens
                    .get(j)
                    .is_some_and(|t| t.kind == TokenKind::Number)
                && ctx
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word)
                && !ctx.is_cap(j + 1)
                && !matches!(
                    ctx.lower(j + 1),
                    "and" | "or" | "to" | "through" | "till" | "until"
                );
            if let Some(d) = day_of(ctx, j).filter(|_| !counted) {
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
                if let Some((found, next)) = day_in_relative_year(ctx, t.start, m, d, j + 1) {
                    out.push(found);
                    i = next;
                    continue;
                }
                out.push((t.start, ctx.tokens[j].end, When::MonthDay(m, d)));
                i = j + 1;
                // A range of days: "Sept. 22-23", "November 5–7"; the
                // second day is a date of the same month.
                let glued = |a: usize, b: usize| {
                    ctx.tokens
                        .get(b)
                        .is_some_and(|t| t.start == ctx.tokens[a].end)
                };
                if (ctx.is_punct(i, '-') || ctx.is_punct(i, '\u{2013}'))
                    && glued(j, i)
                    && glued(i, i + 1)
                {
                    if let Some(d2) = day_of(ctx, i + 1).filter(|&d2| d2 > d) {
                        out.push((
                            ctx.tokens[i + 1].start,
                            ctx.tokens[i + 1].end,
                            When::MonthDay(m, d2),
                        ));
                        i += 2;
                    }
                }
                continue;
            }
            if let Some(y) = year_of(ctx, i + 1) {
                out.push((t.start, ctx.tokens[i + 1].end, When::MonthYear(y, m)));
                i += 2;
                continue;
            }
            if let Some((start, rel)) = month_cue(ctx, i) {
                let end = ctx.end_without_possessive(i);
                out.push((start, end, When::Month { month: m, rel }));
            } else if month_alone(ctx, i) {
                // "February saw new developments".
                let end = ctx.end_without_possessive(i);
                out.push((t.start, end, When::Month { month: m, rel: 0 }));
            }
            i += 1;
            continue;
        }
        // Numeric: "2020-10-15", "15.10.2020", "10/15/2020" (day first when
        // the first number cannot be a month).
        if let Some((end, date)) = numeric_date(ctx, i) {
            // "07/10/2020": month first or day first; decided in `find`.
            let swapped = (ctx.word(i + 1) == "/" && date.day <= 12 && date.day != date.month)
                .then(|| Date::new(date.year, date.day, date.month))
                .flatten();
            let when = match swapped {
                Some(day_first) => When::Slashed {
                    month_first: date,
                    day_first,
                },
                None => When::Full(date),
            };
            out.push((t.start, ctx.tokens[end].end, when));
            i = end + 1;
            continue;
        }
        // Day-first: "3 October 2020", "27th September".
        if let Some((d, m)) = day_of(ctx, i).and_then(|d| Some((d, month_at(ctx, i + 1)?))) {
            // "9 Nov, 2020", "9 Nov. 2020" (a period only after an abbreviation).
            let mut k = i + 2;
            if ctx.is_punct(k, ',') || (ctx.is_punct(k, '.') && ctx.word(i + 1).len() <= 4) {
                k += 1;
            }
            let y = year_of(ctx, i + 2)
                .map(|y| (i + 2, y))
                .or_else(|| Some((k, year_of(ctx, k)?)).filter(|_| k > i + 2));
            if let Some((k, y)) = y {
                if let Some(date) = Date::new(y, m, d) {
                    out.push((t.start, ctx.tokens[k].end, When::Full(date)));
                    i = k + 1;
                    continue;
                }
            }
            if let Some((found, next)) = day_in_relative_year(ctx, t.start, m, d, i + 2) {
                out.push(found);
                i = next;
                continue;
            }
            out.push((t.start, ctx.tokens[i + 1].end, When::MonthDay(m, d)));
            i += 2;
            continue;
        }
        // "25 days ago", "two months ago", "a year ago".
        // Not "more than a month ago", "over two years ago": no day.
        let ago = ctx.is(i + 2, "ago")
            && ctx.same_block(i, i + 2)
            && !(i > 0 && matches!(ctx.lower(i - 1), "than" | "over"));
        if let Some(n) = ago.then(|| count_of(ctx, i)).flatten() {
            // "Updated 4 years ago" counts from the reader's day (page chrome).
            let chrome = i > 0
                && matches!(
                    ctx.lower(i - 1),
                    "updated" | "published" | "posted" | "edited" | "modified"
                );
            if !chrome {
                let when = match ctx.lower(i + 1) {
                    "day" | "days" => Some(When::Offset(-i64::from(n))),
                    "week" | "weeks" => Some(When::Offset(-7 * i64::from(n))),
                    "month" | "months" => Some(When::MonthRel(-(n as i8))),
                    "year" | "years" => Some(When::YearRel(-(n as i8))),
                    _ => None,
                };
                if let Some(w) = when {
                    out.push((t.start, ctx.tokens[i + 2].end, w));
                    i += 3;
                    continue;
                }
            }
        }
        // "last year", "next month", "this year" (not "the last year", a
        // duration).
        let this_year = lower == "this"
            && matches!(
                ctx.lower(i + 1),
                "year" | "year's" | "year\u{2019}s" | "spring" | "summer" | "fall" | "autumn"
            );
        if (matches!(lower, "last" | "next" | "previous") || this_year)
            && !(i > 0 && ctx.is(i - 1, "the"))
        {
            let rel = match lower {
                "next" => 1,
                "this" => 0,
                _ => -1,
            };
            let unit = ctx.lower(i + 1);
            let unit = unit
                .strip_suffix("'s")
                .or_else(|| unit.strip_suffix("\u{2019}s"))
                .unwrap_or(unit);
            let when = match unit {
                "year" => Some(When::YearRel(rel)),
                "month" => Some(When::MonthRel(rel)),
                "spring" => Some(When::Season { last_month: 5, rel }),
                "summer" => Some(When::Season { last_month: 8, rel }),
                "fall" | "autumn" => Some(When::Season {
                    last_month: 11,
                    rel,
                }),
                _ => None,
            };
            if let Some(w) = when.filter(|_| ctx.same_block(i, i + 1)) {
                out.push((t.start, ctx.end_without_possessive(i + 1), w));
                i += 2;
                continue;
            }
        }
        // "the next day", "the following day", "a day later", "a day
        // earlier", "A day before, …": a day from the text's last date.
        if matches!(lower, "the" | "a") && ctx.same_block(i, i + 2) {
            let rel = match (lower, ctx.lower(i + 1), ctx.lower(i + 2)) {
                ("the", "next" | "following", "day") => Some(1),
                ("the", "previous", "day") => Some(-1),
                ("a", "day", "later") => Some(1),
                ("a", "day", "earlier") => Some(-1),
                ("a", "day", "before") if ctx.is_punct(i + 3, ',') => Some(-1),
                _ => None,
            };
            if let Some(rel) = rel {
                out.push((t.start, ctx.tokens[i + 2].end, When::DayAfterLast(rel)));
                i += 3;
                continue;
            }
        }
        // "the 27th of last month", "the fourth of this month".
        if lower == "the" {
            let d = day_of(ctx, i + 1)
                .filter(|_| ctx.tokens[i + 1].kind == TokenKind::NumWord)
                .or_else(|| {
                    let w = ctx.lower(i + 1);
                    ORDINAL_WORDS
                        .iter()
                        .position(|o| *o == w)
                        .map(|p| p as u8 + 1)
                });
            if let Some(d) = d {
                if ctx.is(i + 2, "of") && ctx.is(i + 4, "month") {
                    let back = match ctx.lower(i + 3) {
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
                // "Every Sunday", "on Sundays": a habit, no day.
                let recurring = i > 0 && matches!(ctx.lower(i - 1), "every" | "each");
                if ctx.is_cap(i) && !recurring {
                    let (start, rel) = match i.checked_sub(1).map(|p| ctx.lower(p)) {
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
            let bare = lower
                .strip_suffix("'s")
                .or_else(|| lower.strip_suffix("\u{2019}s"))
                .unwrap_or(lower);
            let rel = match bare {
                "yesterday" => Some(-1),
                "today" => Some(0),
                "tomorrow" => Some(1),
                _ => None,
            };
            // "Gulf Today", "USA Today": capitalised after a capitalised
            // word of the same sentence, a name's last word.
            let in_name = bare == "today"
                && ctx.is_cap(i)
                && !t.sent_start
                && i > 0
                && ctx.is_cap(i - 1)
                && ctx.tokens[i - 1].kind == TokenKind::Word
                && ctx.same_block(i - 1, i);
            if let Some(r) = rel.filter(|_| !in_name) {
                out.push((t.start, ctx.end_without_possessive(i), When::Offset(r)));
                i += 1;
                continue;
            }
        }
        if t.kind == TokenKind::NumWord {
            // "1990s".
            let w = ctx.word(i);
            let digits = w.trim_end_matches(['s', '\'', '\u{2019}']);
            if let Some(y) = number(digits)
                .filter(|y| digits.len() == 4 && y % 10 == 0 && (1000..=2090).contains(y))
            {
                out.push((t.start, t.end, When::Decade(y as i32)));
            } else if let Some(y) = number(digits).filter(|y| {
                // "the 90s", "the '80s": a decade of the last century.
                digits.len() == 2
                    && y % 10 == 0
                    && *y >= 30
                    && w.ends_with('s')
                    && i > 0
                    && (ctx.is(i - 1, "the")
                        || ctx.is_punct(i - 1, '\'')
                        || ctx.is_punct(i - 1, '\u{2019}'))
            }) {
                out.push((t.start, t.end, When::Decade(1900 + y as i32)));
            }
            i += 1;
            continue;
        }
        if let Some(y) = year_of(ctx, i) {
            let next = ctx.lower(i + 1);
            let prev = i.checked_sub(1).map(|p| ctx.word(p)).unwrap_or("");
            let quantity = UNIT_WORDS.contains(&next)
                || prev == "$"
                || prev == "€"
                || ctx.is_punct(i + 1, '%');
            // A number alone on its line is a counter or page furniture
            // (a view count), not a year.
            let alone = ctx.starts_block(i) && !ctx.same_block(i, i + 1);
            let plausible = (1800..=2100).contains(&y)
                || ["in", "since", "of", "from", "until", "by", "year"]
                    .contains(&ctx.lower(i.wrapping_sub(1)));
            // "the early 1990's": a decade spelt with an apostrophe (the
            // span stops before it, like a possessive's). Without "the" or
            // "early/mid/late" it is a possessive ("2020's war").
            let rest = ctx.text.get(t.end..).unwrap_or("");
            let decade = y % 10 == 0
                && (rest.starts_with("'s") || rest.starts_with("\u{2019}s"))
                && ["the", "early", "mid", "late"].contains(&prev.to_ascii_lowercase().as_str());
            if decade {
                out.push((t.start, t.end, When::Decade(y)));
            } else if !quantity && !alone && plausible {
                out.push((t.start, t.end, When::Year(y)));
            }
        }
        i += 1;
    }
    drop_date_lists(ctx.text, join_weekdays(ctx.text, out))
}

/// Words before a month name without a year that make it a date: "in
/// October", "since February", "mid-April", "the end of May", "from October
/// to December". Without one, a lone month name is too often something else
/// (a march, a name) to count. Returns where the mention starts and its
/// direction: "last October" (-1) and "next April" (1) include the word.
fn month_cue(ctx: &Ctx<'_>, i: usize) -> Option<(usize, i8)> {
    const BEFORE: &[&str] = &[
        "in",
        "since",
        "until",
        "till",
        "by",
        "during",
        "from",
        "through",
        "throughout",
        "early",
        "late",
        "before",
        "after",
        "this",
    ];
    const PART_OF: &[&str] = &["end", "beginning", "start", "middle"];
    let p = i.checked_sub(1)?;
    let here = ctx.tokens[i].start;
    match ctx.lower(p) {
        "last" | "past" => Some((ctx.tokens[p].start, -1)),
        "next" | "coming" => Some((ctx.tokens[p].start, 1)),
        w if BEFORE.contains(&w) => Some((here, 0)),
        "of" if p > 0 && PART_OF.contains(&ctx.lower(p - 1)) => Some((here, 0)),
        // "mid-October".
        "-" if p > 0 && ctx.lower(p - 1) == "mid" => Some((here, 0)),
        // The second month of "from October to December".
        "to" | "and" if p > 0 && month_at(ctx, p - 1).is_some() => Some((here, 0)),
        _ => None,
    }
}

/// A month named in full that is no other word or name ("January",
/// "October"; not "May", "June", "August"), not starting or ending a
/// longer name ("October Revolution", "Black January"): a month without
/// any cue.
fn month_alone(ctx: &Ctx<'_>, i: usize) -> bool {
    let named_before = || {
        i > 0
            && ctx.same_block(i - 1, i)
            && ctx.is_cap(i - 1)
            && !ctx.tokens[i - 1].sent_start
            && !ctx.cue(i - 1, Cue::NotName)
            && !ctx.in_headline(i)
    };
    matches!(
        ctx.word(i)
            .trim_end_matches("'s")
            .trim_end_matches("\u{2019}s"),
        "January" | "February" | "September" | "October" | "November" | "December"
    ) && !(ctx.is_cap(i + 1) && ctx.same_block(i, i + 1))
        && !named_before()
}

/// A small count at token `i`: "25", "two", "a" ("a year ago"); at most 99.
fn count_of(ctx: &Ctx<'_>, i: usize) -> Option<u8> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let w = ctx.lower(i);
    match w {
        "a" | "an" => Some(1),
        _ => WORDS
            .iter()
            .position(|x| *x == w)
            .map(|p| p as u8 + 1)
            .or_else(|| {
                (ctx.tokens.get(i)?.kind == TokenKind::Number)
                    .then(|| number(w))
                    .flatten()
                    .filter(|n| (1..100).contains(n))
                    .map(|n| n as u8)
            }),
    }
}

/// "last year", "this year", "next year" at token `k` after a day without a
/// year ("Nov. 8 last year"): the token of "year" and the direction.
fn year_rel_after(ctx: &Ctx<'_>, k: usize) -> Option<(usize, i8)> {
    let rel = match ctx.lower(k) {
        "last" | "previous" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    let y = ctx.lower(k + 1);
    let is_year = y == "year" || y == "year's" || y == "year\u{2019}s";
    (is_year && ctx.same_block(k, k + 1)).then_some((k + 1, rel))
}

/// "November 9 last year": the day starting at byte `start`, its year given
/// relative from token `k`; the mention and the token after it.
fn day_in_relative_year(
    ctx: &Ctx<'_>,
    start: usize,
    month: u8,
    day: u8,
    k: usize,
) -> Option<((usize, usize, When), usize)> {
    let (year, rel) = year_rel_after(ctx, k)?;
    let when = When::DayOfYearRel { month, day, rel };
    Some(((start, ctx.end_without_possessive(year), when), year + 1))
}

/// A list of five or more dates with nothing but commas and "and" between
/// them ("[The news as it happened: 27 September, 28 September, ...]") is a
/// page's index of its daily reports, not dates the text speaks of.
fn drop_date_lists(text: &str, found: Vec<(usize, usize, When)>) -> Vec<(usize, usize, When)> {
    const MIN_LIST: usize = 5;
    let listed = |a: &(usize, usize, When), b: &(usize, usize, When)| {
        let between = text.get(a.1..b.0).unwrap_or("x");
        let rest = between.trim().trim_start_matches(',').trim_start();
        let rest = rest.strip_prefix("and").unwrap_or(rest).trim();
        rest.is_empty() && between.len() <= 6 && !between.contains('\n')
    };
    let mut out = Vec::with_capacity(found.len());
    let mut i = 0;
    while i < found.len() {
        let mut j = i + 1;
        while j < found.len() && listed(&found[j - 1], &found[j]) {
            j += 1;
        }
        if j - i < MIN_LIST {
            out.extend_from_slice(&found[i..j]);
        }
        i = j;
    }
    out
}

/// "Thursday, 29 October 2020": a weekday followed by the date it names is
/// one mention (of that date).
fn join_weekdays(text: &str, found: Vec<(usize, usize, When)>) -> Vec<(usize, usize, When)> {
    let mut out: Vec<(usize, usize, When)> = Vec::with_capacity(found.len());
    for cur in found {
        if let Some(prev) = out.last_mut() {
            let between = text.get(prev.1..cur.0).unwrap_or("x");
            let joined = between.trim_start_matches(',').trim().is_empty()
                && between.len() <= 3
                && !between.contains('\n');
            if joined
                && matches!(prev.2, When::Weekday { rel: 0, .. })
                && matches!(cur.2, When::Full(_) | When::MonthDay(..))
            {
                *prev = (prev.0, cur.1, cur.2);
                continue;
            }
        }
        out.push(cur);
    }
    out
}
