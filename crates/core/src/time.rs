//! Calendar dates without a clock: month names, ISO formatting and day
//! arithmetic. Shared by publication-date detection and the DATE recogniser, so
//! both read "Oct. 15" and "October 15,2020" the same way.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// Year, e.g. 2020.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of the month, 1..=31.
    pub day: u8,
}

impl Date {
    /// A date if `year`/`month`/`day` name a real day, else `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `days` (may be negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days().saturating_add(days))
    }

    /// Day of the week, 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Number of days in `month` (1..=12) of `year`; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date written "YYYY-MM-DD" (nothing else around it).
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// English weekday names, lowercase, Monday first (as [`Date::weekday`]).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The weekday (0 = Monday) a word names: full names and the usual
/// abbreviations ("Sat", "Tues", "Thurs"), case-insensitive, without a
/// trailing period.
pub fn weekday_from_name(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let abbreviates = |day: &str| match w.as_str() {
        "tues" => day == "tuesday",
        "thur" | "thurs" => day == "thursday",
        _ => w.len() == 3 && day.starts_with(w.as_str()),
    };
    WEEKDAYS
        .iter()
        .position(|d| *d == w || abbreviates(d))
        .map(|i| i as u8)
}

/// The month (1..=12) a word names: full names and the usual abbreviations
/// ("Sept", "Oct"), case-insensitive, without a trailing period.
pub fn month_from_name(word: &str) -> Option<u8> {
    // No allocation: the DATE recogniser asks this of every capitalised word.
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || (w.len() == 3 && m.as_bytes()[..3].eq_ignore_ascii_case(w.as_bytes()))
        })
        .map(|i| i as u8 + 1)
}

/// English name of a month (1..=12).
pub fn month_name(month: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn month_names() {
        for (word, want) in [
            ("October", Some(10)),
            ("oct.", Some(10)),
            ("Sept.", Some(9)),
            ("Sep", Some(9)),
            ("MAY", Some(5)),
            ("Ma", None),
            ("Octopus", None),
            ("", None),
        ] {
            assert_eq!(month_from_name(word), want, "{word:?}");
        }
    }

    #[test]
    fn validates_days() {
        assert!(Date::new(2020, 2, 29).is_some());
        assert!(Date::new(2019, 2, 29).is_none());
        assert!(Date::new(2020, 13, 1).is_none());
        assert!(Date::new(2020, 4, 31).is_none());
    }

    #[test]
    fn weekdays() {
        // 2020-09-27 was a Sunday, 2020-10-15 a Thursday.
        assert_eq!(Date::new(2020, 9, 27).unwrap().weekday(), 6);
        assert_eq!(Date::new(2020, 10, 15).unwrap().weekday(), 3);
        assert_eq!(Date::new(2020, 10, 15).unwrap().to_string(), "2020-10-15");
    }

    proptest! {
        #[test]
        fn days_round_trip(days in -1_000_000i64..1_000_000) {
            let d = Date::from_days(days);
            prop_assert_eq!(d.to_days(), days);
            prop_assert!(Date::new(d.year, d.month, d.day).is_some());
        }
    }
}
