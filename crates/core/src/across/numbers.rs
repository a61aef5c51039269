//! Number expressions in running text: digits ("19", "1,592", "30
//! thousand"), spelled numbers ("eight", "twenty-five"), vague quantities
//! ("dozens", "hundreds"), with the hedges that qualify them ("nearly 200",
//! "over 50", "some 51") and the words that make them an update ("51
//! more", "8 additional", "another 30").

use super::prepare::Prepared;
use crate::text::TokenKind;
use serde::{Deserialize, Serialize};

/// How exactly a figure is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As stated ("19").
    Exact,
    /// "about", "around", "some", "roughly", "approximately".
    About,
    /// "nearly", "almost", "up to", "close to": at most the figure.
    Nearly,
    /// "over", "more than", "at least", "upwards of": at least the figure.
    AtLeast,
    /// "less than", "fewer than", "under".
    LessThan,
    /// A vague quantity ("dozens", "hundreds"): `value` is its smallest reading.
    Vague,
}

/// A number expression found at some tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NumExpr {
    /// First token (the hedge, if any).
    pub first: usize,
    /// First token of the number itself.
    pub num: usize,
    /// One past the last token of the number (multiplier and "more" included).
    pub end: usize,
    pub value: u64,
    pub qualifier: Qualifier,
    pub increment: bool,
    pub percent: bool,
    /// Spelled "one"/"a dozen": only a count when a counted noun follows at once.
    pub weak: bool,
}

const UNITS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const MULTIPLIERS: &[(&str, u64)] = &[
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

const VAGUE: &[(&str, u64)] = &[
    ("dozens", 24),
    ("hundreds", 200),
    ("thousands", 2_000),
    ("scores", 40),
    ("tens", 20),
    ("millions", 2_000_000),
];

fn lookup(table: &[(&str, u64)], w: &str) -> Option<u64> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

fn lower(p: &Prepared<'_>, k: usize) -> String {
    p.tok(k).to_lowercase()
}

/// The number expression whose number starts at token `k`, if any; its
/// hedges ("nearly") are looked for from token `start` on (the sentence's
/// first), never in the sentence before.
pub(crate) fn number_at(p: &Prepared<'_>, k: usize, start: usize, end: usize) -> Option<NumExpr> {
    let t = p.tokens.get(k)?;
    let w = lower(p, k);
    let (mut value, mut next, mut qualifier, mut weak) = match t.kind {
        TokenKind::Number => {
            if w.contains('.') {
                return None; // decimals and dotted dates are not counts
            }
            let digits: String = w.chars().filter(char::is_ascii_digit).collect();
            // Group separators must make 3-digit groups ("1,592", not "15,2020").
            let groups_ok = w.split(',').skip(1).all(|g| g.len() == 3);
            if !groups_ok || digits.len() > 15 {
                return None;
            }
            (digits.parse::<u64>().ok()?, k + 1, Qualifier::Exact, false)
        }
        TokenKind::Word => {
            if let Some(v) = lookup(VAGUE, &w) {
                (v, k + 1, Qualifier::Vague, false)
            } else if let Some(v) = lookup(UNITS, &w) {
                let mut v = v;
                let mut n = k + 1;
                // "twenty-five"
                if v >= 20 && n + 1 < end && p.tok(n) == "-" {
                    if let Some(u) = lookup(UNITS, &lower(p, n + 1)).filter(|&u| u < 10) {
                        v += u;
                        n += 2;
                    }
                }
                (v, n, Qualifier::Exact, w == "one")
            } else if w == "dozen" {
                (12, k + 1, Qualifier::Exact, true)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    if next > end {
        return None;
    }
    // "30 thousand", "1.5 million" (decimals excluded above), "two hundred".
    while next < end {
        match lookup(MULTIPLIERS, &lower(p, next)) {
            Some(m) => {
                value = value.saturating_mul(m);
                next += 1;
                weak = false;
            }
            None => break,
        }
    }
    let mut percent = false;
    if next < end && (p.tok(next) == "%" || lower(p, next) == "percent") {
        percent = true;
        next += 1;
    }
    let mut increment = false;
    if next < end
        && matches!(
            lower(p, next).as_str(),
            "more" | "additional" | "further" | "new"
        )
    {
        increment = true;
        next += 1;
    }
    // Hedges before the number.
    let mut first = k;
    let back = |i: usize| {
        k.checked_sub(i)
            .filter(|&j| j >= start)
            .map(|j| lower(p, j))
    };
    let b1 = back(1);
    let b2 = back(2);
    let two = |a: &str, b: &str| b2.as_deref() == Some(a) && b1.as_deref() == Some(b);
    if two("more", "than") || two("at", "least") || two("upwards", "of") {
        qualifier = Qualifier::AtLeast;
        first = k - 2;
    } else if two("less", "than") || two("fewer", "than") {
        qualifier = Qualifier::LessThan;
        first = k - 2;
    } else if two("up", "to") || two("close", "to") {
        qualifier = Qualifier::Nearly;
        first = k - 2;
    } else if let Some(h) = b1.as_deref() {
        let q = match h {
            "nearly" | "almost" => Some(Qualifier::Nearly),
            "over" | "above" | "exceeding" => Some(Qualifier::AtLeast),
            "about" | "around" | "some" | "roughly" | "approximately" | "approx" | "estimated" => {
                Some(Qualifier::About)
            }
            "under" => Some(Qualifier::LessThan),
            "another" => {
                increment = true;
                None
            }
            _ => None,
        };
        if let Some(q) = q {
            if qualifier != Qualifier::Vague {
                qualifier = q;
            }
            first = k - 1;
        } else if increment && h == "another" {
            first = k - 1;
        }
    }
    Some(NumExpr {
        first,
        num: k,
        end: next,
        value,
        qualifier,
        increment,
        percent,
        weak,
    })
}
