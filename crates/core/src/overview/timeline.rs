//! Time in the corpus: the day each article was published and the periods
//! its text mentions (resolved DATE entities), binned for a chart.
//!
//! This is where the date-range filter (`from=`/`to=` in the URL) gets its
//! meaning: an article is *dated within* a range when it was published on a
//! day of the range or mentions a period lying wholly inside it (a day, or a
//! whole month or year). The same notion places articles on the timeline, so
//! brushing bins keeps exactly the articles counted in them. Dates the text
//! leaves open (`--09-27`, a day without a year; `?-wednesday`, unresolved)
//! are on no timeline.

use crate::extract::EntityType;
use crate::index::{DocSet, Index};
use crate::time::{days_in_month, month_name, Date};

/// How precisely a period is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A calendar day.
    Day,
    /// A month of a year.
    Month,
    /// A year.
    Year,
    /// A decade ("the 1990s").
    Decade,
}

/// The days a date names, first and last included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// First day.
    pub first: Date,
    /// Last day (inclusive).
    pub last: Date,
    /// Day, month, year or decade.
    pub precision: Precision,
}

impl Period {
    /// One day.
    pub fn day(d: Date) -> Period {
        Period {
            first: d,
            last: d,
            precision: Precision::Day,
        }
    }

    /// The period a DATE entity's id names: `2020-10-03`, `2020-10`, `1994`,
    /// `1990s`. `None` for ids that fix no period (`--09-27`, `?-sunday`) and
    /// for anything else.
    pub fn from_date_id(id: &str) -> Option<Period> {
        let num = |s: &str, lens: &[usize]| {
            (lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i32>().ok())
                .flatten()
        };
        let year = |y: i32, last_year: i32| {
            Some(Period {
                first: Date::new(y, 1, 1)?,
                last: Date::new(last_year, 12, 31)?,
                precision: if y == last_year {
                    Precision::Year
                } else {
                    Precision::Decade
                },
            })
        };
        if let Some(decade) = id.strip_suffix('s') {
            let y = num(decade, &[3, 4]).filter(|y| y % 10 == 0)?;
            return year(y, y + 9);
        }
        let mut parts = id.split('-');
        let y = num(parts.next()?, &[3, 4])?;
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => year(y, y),
            (Some(m), None, _) => {
                let m = u8::try_from(num(m, &[2])?).ok()?;
                Some(Period {
                    first: Date::new(y, m, 1)?,
                    last: Date::new(y, m, days_in_month(y, m))?,
                    precision: Precision::Month,
                })
            }
            (Some(m), Some(d), None) => {
                let m = u8::try_from(num(m, &[2])?).ok()?;
                let d = u8::try_from(num(d, &[2])?).ok()?;
                Some(Period::day(Date::new(y, m, d)?))
            }
            _ => None,
        }
    }

    /// Whether the whole period lies in the range (either end may be open).
    pub fn within(&self, from: Option<Date>, to: Option<Date>) -> bool {
        from.is_none_or(|f| self.first >= f) && to.is_none_or(|t| self.last <= t)
    }
}

/// Per document: the day it was published and the periods it mentions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocDates {
    published: Vec<Option<Date>>,
    /// (period, DATE entity number), by entity number, each entity once.
    mentioned: Vec<Vec<(Period, u32)>>,
}

impl DocDates {
    /// Read the periods of every document from its publication date (in
    /// document order, as [`Index`] numbers them) and its DATE entities.
    pub fn new(published: &[Option<Date>], index: &Index) -> DocDates {
        let periods: Vec<Option<Period>> = index
            .entities
            .iter()
            .map(|e| {
                (e.ty == EntityType::Date)
                    .then(|| Period::from_date_id(&e.id))
                    .flatten()
            })
            .collect();
        let mentioned = (0..index.doc_count() as u32)
            .map(|d| {
                index
                    .entities_of(d)
                    .iter()
                    .filter_map(|&(e, _)| Some((periods.get(e as usize).copied().flatten()?, e)))
                    .collect()
            })
            .collect();
        let mut published = published.to_vec();
        published.resize(index.doc_count(), None);
        DocDates {
            published,
            mentioned,
        }
    }

    /// Number of documents.
    pub fn doc_count(&self) -> usize {
        self.published.len()
    }

    /// The day document `d` was published, when its text states it.
    pub fn published(&self, d: u32) -> Option<Date> {
        self.published.get(d as usize).copied().flatten()
    }

    /// The periods document `d` mentions, with their DATE entities.
    pub fn mentioned(&self, d: u32) -> &[(Period, u32)] {
        self.mentioned.get(d as usize).map_or(&[], Vec::as_slice)
    }

    /// Every period of document `d`: its publication day, then what it mentions.
    pub fn periods(&self, d: u32) -> impl Iterator<Item = Period> + '_ {
        self.published(d)
            .map(Period::day)
            .into_iter()
            .chain(self.mentioned(d).iter().map(|p| p.0))
    }

    /// The documents dated within `from..=to`: published then, or mentioning
    /// a period wholly inside it. With both ends open, every document.
    pub fn within(&self, from: Option<Date>, to: Option<Date>) -> DocSet {
        let n = self.doc_count();
        if from.is_none() && to.is_none() {
            return DocSet::full(n);
        }
        DocSet::from_sorted(
            n,
            (0..n as u32).filter(|&d| self.periods(d).any(|p| p.within(from, to))),
        )
    }

    /// Bins covering the corpus's dates: the days and months it names (or,
    /// when it names none, its years and decades). `None` when nothing is
    /// dated. Computed over every document, so the axis stays put while
    /// filters change.
    pub fn bins(&self) -> Option<Bins> {
        let all = || (0..self.doc_count() as u32).flat_map(|d| self.periods(d));
        let fine = |p: &Period| p.precision <= Precision::Month;
        let (first, last, finest) = if all().any(|p| fine(&p)) {
            extent(all().filter(fine))?
        } else {
            extent(all())?
        };
        Some(Bins::covering(first, last, finest))
    }

    /// Counts per bin for the documents in `docs`, and the dates that fit no bin.
    pub fn timeline(&self, bins: &Bins, docs: &DocSet) -> Timeline {
        let mut t = Timeline {
            bins: *bins,
            published: vec![0; bins.count],
            mentioned: vec![0; bins.count],
            off_chart: Vec::new(),
            undated: 0,
        };
        let mut off: Vec<(u32, u32)> = Vec::new();
        let mut hit = vec![usize::MAX; bins.count];
        for d in docs.iter() {
            let mut dated = false;
            if let Some(i) = self.published(d).and_then(|p| bins.of(&Period::day(p))) {
                t.published[i] += 1;
                dated = true;
            }
            for &(p, e) in self.mentioned(d) {
                match bins.of(&p) {
                    Some(i) => {
                        dated = true;
                        if hit[i] != d as usize {
                            hit[i] = d as usize;
                            t.mentioned[i] += 1;
                        }
                    }
                    None => match off.iter_mut().find(|o| o.0 == e) {
                        Some(o) => o.1 += 1,
                        None => off.push((e, 1)),
                    },
                }
            }
            if !dated {
                t.undated += 1;
            }
        }
        // Entity numbers follow ids.
        super::sort_pairs(&mut off);
        t.off_chart = off;
        t
    }

    /// Per bin: documents of `docs` that mention `entity` and are dated in
    /// that bin (a sparkline of when the entity is in the news).
    pub fn series(&self, bins: &Bins, docs: &DocSet, index: &Index, entity: u32) -> Vec<u32> {
        let mut out = vec![0; bins.count];
        // The last document counted in each bin: each document once a bin.
        let mut hit = vec![u32::MAX; bins.count];
        for &(d, _) in index.postings(entity) {
            if !docs.contains(d) {
                continue;
            }
            for i in self.periods(d).filter_map(|p| bins.of(&p)) {
                if hit[i] != d {
                    hit[i] = d;
                    out[i] += 1;
                }
            }
        }
        out
    }
}

/// First and last day of some periods, and the finest precision among them.
fn extent(periods: impl Iterator<Item = Period>) -> Option<(Date, Date, Precision)> {
    periods.fold(None, |acc, p| match acc {
        None => Some((p.first, p.last, p.precision)),
        Some((a, b, q)) => Some((a.min(p.first), b.max(p.last), q.min(p.precision))),
    })
}

/// The counts a timeline chart draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// The bins.
    pub bins: Bins,
    /// Per bin: documents published in it.
    pub published: Vec<u32>,
    /// Per bin: documents that mention a period in it (each document once a bin).
    pub mentioned: Vec<u32>,
    /// DATE entities that fit no bin (coarser than a bin, or outside the
    /// axis), with how many documents mention them; sorted by id.
    pub off_chart: Vec<(u32, u32)>,
    /// Documents with no date on the axis.
    pub undated: u32,
}

impl Timeline {
    /// The largest count of any bin (at least 1, for scaling).
    pub fn peak(&self) -> u32 {
        self.published
            .iter()
            .chain(&self.mentioned)
            .copied()
            .max()
            .unwrap_or(0)
            .max(1)
    }
}

/// The width of a bin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// One day.
    Day,
    /// A week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// Most bins a chart gets; a longer span takes the next wider unit.
pub const MAX_BINS: usize = 120;
/// Fewest bins: a short span is padded so a brush has room.
pub const MIN_BINS: usize = 7;

/// Consecutive bins of one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bins {
    /// Width of each bin.
    pub unit: Unit,
    /// First day of the first bin.
    pub first: Date,
    /// Number of bins (at least 1).
    pub count: usize,
}

impl Bins {
    /// The finest bins (at most [`MAX_BINS`]) covering `first..=last` that
    /// can hold periods of the `finest` precision (a year needs a bin of a
    /// year), padded to [`MIN_BINS`]. Spans of more than `MAX_BINS` years
    /// keep the last `MAX_BINS` years.
    pub fn covering(first: Date, last: Date, finest: Precision) -> Bins {
        let (first, last) = (first.min(last), first.max(last));
        let coarsest = match finest {
            Precision::Day => Unit::Day,
            Precision::Month => Unit::Month,
            Precision::Year | Precision::Decade => Unit::Year,
        };
        for unit in [Unit::Day, Unit::Week, Unit::Month]
            .into_iter()
            .filter(|&u| u >= coarsest)
        {
            let start = unit_start(unit, first);
            let n = (ordinal(unit, last) - ordinal(unit, start) + 1) as usize;
            if n <= MAX_BINS {
                return Bins::padded(unit, start, n);
            }
        }
        let n = (i64::from(last.year) - i64::from(first.year) + 1).min(MAX_BINS as i64);
        let start = Date::new(last.year - n as i32 + 1, 1, 1).unwrap_or(first);
        Bins::padded(Unit::Year, start, n as usize)
    }

    fn padded(unit: Unit, start: Date, n: usize) -> Bins {
        let pad = MIN_BINS.saturating_sub(n);
        let first = step(unit, start, -((pad / 2) as i64));
        Bins {
            unit,
            first,
            count: n + pad,
        }
    }

    /// First day of bin `i`.
    pub fn start(&self, i: usize) -> Date {
        step(self.unit, self.first, i as i64)
    }

    /// Last day of bin `i` (inclusive).
    pub fn end(&self, i: usize) -> Date {
        self.start(i + 1).add_days(-1)
    }

    /// The bin holding the whole period, if any.
    pub fn of(&self, p: &Period) -> Option<usize> {
        let i = ordinal(self.unit, p.first) - ordinal(self.unit, self.first);
        let i = usize::try_from(i).ok().filter(|&i| i < self.count)?;
        (p.last <= self.end(i)).then_some(i)
    }

    /// Bins `a..=b` as a date range (the brush's `from` and `to`).
    pub fn range(&self, a: usize, b: usize) -> (Date, Date) {
        let last = self.count.saturating_sub(1);
        let (a, b) = (a.min(b).min(last), a.max(b).min(last));
        (self.start(a), self.end(b))
    }

    /// Whether bin `i` lies wholly inside `from..=to`.
    pub fn inside(&self, i: usize, from: Option<Date>, to: Option<Date>) -> bool {
        from.is_none_or(|f| self.start(i) >= f) && to.is_none_or(|t| self.end(i) <= t)
    }

    /// The bins wholly inside `from..=to`, as an inclusive index range.
    pub fn selected(&self, from: Option<Date>, to: Option<Date>) -> Option<(usize, usize)> {
        let mut inside = (0..self.count).filter(|&i| self.inside(i, from, to));
        let a = inside.next()?;
        Some((a, inside.next_back().unwrap_or(a)))
    }

    /// A bin's name for people: "27 Sep 2020", "week of 28 Sep 2020",
    /// "Oct 2020", "2020".
    pub fn label(&self, i: usize) -> String {
        let d = self.start(i);
        let mon = month_name(d.month).get(..3).unwrap_or("");
        match self.unit {
            Unit::Day => format!("{} {mon} {}", d.day, d.year),
            Unit::Week => format!("week of {} {mon} {}", d.day, d.year),
            Unit::Month => format!("{mon} {}", d.year),
            Unit::Year => d.year.to_string(),
        }
    }

    /// A short tick label: "27 Sep", "Oct 2020", "2020".
    pub fn tick(&self, i: usize) -> String {
        let d = self.start(i);
        let mon = month_name(d.month).get(..3).unwrap_or("");
        match self.unit {
            Unit::Day | Unit::Week => format!("{} {mon}", d.day),
            Unit::Month => format!("{mon} {}", d.year),
            Unit::Year => d.year.to_string(),
        }
    }
}

/// The number of `unit`s from an epoch to the one holding `d`.
fn ordinal(unit: Unit, d: Date) -> i64 {
    match unit {
        Unit::Day => d.to_days(),
        // 1970-01-05 was a Monday.
        Unit::Week => (d.to_days() - 4).div_euclid(7),
        Unit::Month => i64::from(d.year) * 12 + i64::from(d.month) - 1,
        Unit::Year => i64::from(d.year),
    }
}

/// First day of the unit holding `d`.
fn unit_start(unit: Unit, d: Date) -> Date {
    match unit {
        Unit::Day => d,
        Unit::Week => d.add_days(-i64::from(d.weekday())),
        Unit::Month => Date { day: 1, ..d },
        Unit::Year => Date {
            day: 1,
            month: 1,
            ..d
        },
    }
}

/// `start` (a unit's first day) moved by `n` units.
fn step(unit: Unit, start: Date, n: i64) -> Date {
    match unit {
        Unit::Day => start.add_days(n),
        Unit::Week => start.add_days(n.saturating_mul(7)),
        Unit::Month | Unit::Year => {
            let months = if unit == Unit::Year {
                n.saturating_mul(12)
            } else {
                n
            };
            let total =
                (i64::from(start.year) * 12 + i64::from(start.month) - 1).saturating_add(months);
            let year = total
                .div_euclid(12)
                .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
            Date {
                year,
                month: (total.rem_euclid(12) + 1) as u8,
                day: 1,
            }
        }
    }
}
