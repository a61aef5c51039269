//! Synthetic news articles for benchmarks at scale (10,000 and 100,000
//! articles), so extraction, linking, filtering and bundling do representative
//! work without shipping anyone's real corpus.
//!
//! The articles are documented as synthetic wherever they are used. They are
//! deterministic (a seed and an article number give the same text on every
//! machine) and shaped like wire copy: a headline, a dateline with the
//! publication date, paragraphs of reporting sentences with titles, reporting
//! verbs, quotes, figures and relative dates, and now and then a paragraph
//! shared with other articles (agency copy reused by several outlets).
//!
//! Names and places are drawn from the extractor's own open data (the
//! gazetteer, the countries and their demonyms, international organisations,
//! outlets, given names) with a skewed popularity, so a few entities recur in
//! many articles and many appear in a few, as in real news. Surnames are built
//! from given names with common regional suffixes.

use crate::extract::EntityType;
use crate::knowledge::{Kind, Knowledge};
use crate::time::Date;
use std::fmt::Write as _;

/// A small, fast, seedable generator (SplitMix64): deterministic everywhere,
/// no dependency, no OS entropy.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// A number in `0..n` skewed towards 0 (roughly Zipf-like): popular
    /// entities come first in the pools.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0)
            .max(0.0)
            .min(n.saturating_sub(1) as f64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The names an article can draw on, built once from the knowledge data.
#[derive(Clone, Debug)]
pub struct Pools {
    people: Vec<String>,
    places: Vec<String>,
    countries: Vec<(String, String)>,
    orgs: Vec<String>,
    outlets: Vec<String>,
    shared: Vec<String>,
}

const SURNAME_SUFFIXES: &[&str] = &[
    "yan", "ov", "ova", "ev", "li", "zade", "enko", "son", "idze", "shvili", "oglu", "er",
];
const ROLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "spokeswoman",
    "spokesman",
    "aide",
    "ambassador",
    "governor",
    "mayor",
    "commander",
    "analyst",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "wrote",
    "announced",
    "warned",
];
const EVENTS: &[&str] = &[
    "shelling near",
    "talks in",
    "a ceasefire around",
    "protests in",
    "drone strikes on",
    "aid deliveries to",
    "a prisoner exchange in",
    "elections in",
];
const WEEKDAYS: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Sunday",
    "yesterday",
    "last week",
    "earlier this month",
];

impl Pools {
    /// Draw pools from `know`; `seed` decides the invented people and the
    /// shared wire paragraphs.
    pub fn new(know: &Knowledge, seed: u64) -> Pools {
        let mut rng = Rng::new(seed);
        let given: Vec<&str> = {
            let mut g: Vec<&str> = know
                .given_names
                .iter()
                .map(String::as_str)
                .filter(|n| n.len() >= 3 && n.chars().all(|c| c.is_ascii_lowercase()))
                .collect();
            g.sort_unstable();
            g
        };
        let mut people = Vec::new();
        if !given.is_empty() {
            for _ in 0..4000 {
                let first = capitalise(given[rng.below(given.len())]);
                let root = capitalise(given[rng.below(given.len())]);
                let suffix = rng.pick(SURNAME_SUFFIXES);
                people.push(format!("{first} {root}{suffix}"));
            }
        }
        // Places: the region's towns first (more likely in this kind of
        // news), then the world's larger cities, most populous first.
        let mut towns: Vec<(bool, u8, &str)> = know
            .entries
            .iter()
            .filter(|e| {
                matches!(e.kind, Kind::Town | Kind::Admin) && !e.ambiguous && e.name.is_ascii()
            })
            .map(|e| (e.roi, e.pop_digits, e.name.as_str()))
            .collect();
        towns.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        towns.dedup_by(|a, b| a.2 == b.2);
        // Interleave so the skewed draw favours neither side completely.
        let (roi, rest): (Vec<_>, Vec<_>) = towns.into_iter().partition(|t| t.0);
        let mut places = Vec::new();
        let (mut a, mut b) = (roi.into_iter(), rest.into_iter());
        loop {
            match (a.next(), b.next()) {
                (None, None) => break,
                (x, y) => places.extend(x.into_iter().chain(y).map(|t| t.2.to_string())),
            }
        }
        let mut countries: Vec<(String, String)> = Vec::new();
        let country_entries: Vec<_> = know
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Country)
            .collect();
        for c in &country_entries {
            if let Some(d) = know
                .entries
                .iter()
                .find(|e| e.ty == EntityType::Norp && e.id == c.id && e.name.is_ascii())
            {
                countries.push((c.name.clone(), d.name.clone()));
            }
        }
        countries.sort();
        rotate_roi_first(&mut countries, know);
        let mut orgs: Vec<String> = know
            .entries
            .iter()
            .filter(|e| e.ty == EntityType::Org && e.kind == Kind::Known)
            .map(|e| e.name.clone())
            .collect();
        orgs.sort();
        for (c, _) in countries.iter().take(40) {
            orgs.push(format!("Ministry of Defence of {c}"));
        }
        let mut outlets: Vec<String> = know
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Outlet)
            .map(|e| e.name.clone())
            .collect();
        outlets.sort();
        let mut pools = Pools {
            people,
            places,
            countries,
            orgs,
            outlets,
            shared: Vec::new(),
        };
        let shared = (0..300)
            .map(|_| {
                let cast = pools.people_sample(&mut rng);
                pools.paragraph(&mut rng, &cast)
            })
            .collect();
        pools.shared = shared;
        pools
    }

    fn people_sample(&self, rng: &mut Rng) -> Vec<String> {
        (0..3)
            .map(|_| {
                self.people
                    .get(rng.skewed(self.people.len()))
                    .cloned()
                    .unwrap_or_else(|| "Anna Petrova".to_string())
            })
            .collect()
    }

    fn place(&self, rng: &mut Rng) -> &str {
        self.places
            .get(rng.skewed(self.places.len()))
            .map_or("the capital", String::as_str)
    }

    fn country(&self, rng: &mut Rng) -> (&str, &str) {
        self.countries
            .get(rng.skewed(self.countries.len()))
            .map_or(("the country", "local"), |(c, d)| (c.as_str(), d.as_str()))
    }

    fn org(&self, rng: &mut Rng) -> &str {
        self.orgs
            .get(rng.skewed(self.orgs.len()))
            .map_or("the government", String::as_str)
    }

    /// One reporting paragraph of two to four sentences about `cast`.
    fn paragraph(&self, rng: &mut Rng, cast: &[String]) -> String {
        let mut p = String::new();
        let sentences = 2 + rng.below(3);
        for _ in 0..sentences {
            if !p.is_empty() {
                p.push(' ');
            }
            let person = rng.pick(cast);
            let surname = person.rsplit(' ').next().unwrap_or(person);
            let (country, demonym) = self.country(rng);
            let place = self.place(rng);
            let when = rng.pick(WEEKDAYS);
            match rng.below(7) {
                0 => {
                    let _ = write!(
                        p,
                        "{} {person} {} {when} that {demonym} forces had come under fire near {place}.",
                        capitalise(ROLES[rng.below(ROLES.len())]),
                        rng.pick(VERBS)
                    );
                }
                1 => {
                    let _ = write!(
                        p,
                        "\"We will not accept any attack on {place},\" {surname} {}.",
                        rng.pick(VERBS)
                    );
                }
                2 => {
                    let _ = write!(
                        p,
                        "The {} said in a statement that {} people had been killed and {} wounded in {place} since {} {}.",
                        self.org(rng),
                        2 + rng.below(120),
                        5 + rng.below(400),
                        crate::time::month_name(1 + rng.below(12) as u8),
                        1 + rng.below(28)
                    );
                }
                3 => {
                    let other = rng.pick(cast);
                    let city = self.place(rng);
                    let _ = write!(
                        p,
                        "{person} met {other} in {city} {when} to discuss {} {}.",
                        rng.pick(EVENTS),
                        self.place(rng)
                    );
                }
                4 => {
                    let _ = write!(
                        p,
                        "Officials in {country} reported {} {place}, {} reported.",
                        rng.pick(EVENTS),
                        self.outlets
                            .get(rng.below(self.outlets.len()))
                            .map_or("the agency", String::as_str)
                    );
                }
                5 => {
                    let _ = write!(
                        p,
                        "According to the {}, the town of {place} has been shelled every day since {} {}, {}.",
                        self.org(rng),
                        crate::time::month_name(1 + rng.below(12) as u8),
                        1 + rng.below(28),
                        2019 + rng.below(4)
                    );
                }
                _ => {
                    let _ = write!(
                        p,
                        "Residents of {place} and the villages of {}, {} and {} said they had fled to {country} in the {}0s.",
                        self.place(rng),
                        self.place(rng),
                        self.place(rng),
                        199 + rng.below(3)
                    );
                }
            }
        }
        p
    }

    /// Article `n` of a corpus: its file stem and text. The same pools and `n`
    /// always give the same article.
    pub fn article(&self, seed: u64, n: usize) -> (String, String) {
        let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(n as u64));
        let cast = self.people_sample(&mut rng);
        let start = Date::new(2019, 1, 1).map_or(0, Date::to_days);
        let d = Date::from_days(start + rng.below(4 * 365) as i64);
        let place = self.place(&mut rng).to_string();
        let mut text = String::new();
        let _ = writeln!(
            text,
            "{} says {} after {} {place}\n",
            cast[0],
            rng.pick(&[
                "talks will continue",
                "forces hold their positions",
                "aid must reach civilians",
                "the ceasefire is fragile"
            ]),
            rng.pick(EVENTS),
        );
        let _ = writeln!(
            text,
            "Published {} {}, {}\n",
            crate::time::month_name(d.month),
            d.day,
            d.year
        );
        let _ = write!(
            text,
            "{} ({}) – ",
            place.to_uppercase(),
            self.outlets
                .get(rng.below(self.outlets.len()))
                .map_or("Staff", String::as_str),
        );
        let paragraphs = 4 + rng.below(6);
        for _ in 0..paragraphs {
            if !self.shared.is_empty() && rng.chance(0.12) {
                text.push_str(&self.shared[rng.skewed(self.shared.len())]);
            } else {
                text.push_str(&self.paragraph(&mut rng, &cast));
            }
            text.push_str("\n\n");
        }
        text.push_str("READ MORE: Regional news in brief\n");
        (format!("{n:06}_synthetic"), text)
    }
}

/// The first letter in upper case.
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Move the countries of the region of interest to the front.
fn rotate_roi_first(countries: &mut [(String, String)], know: &Knowledge) {
    let roi = |name: &str| {
        know.entries
            .iter()
            .any(|e| e.kind == Kind::Country && e.name == name && e.roi)
    };
    countries.sort_by_key(|(c, _)| !roi(c));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pools() -> Pools {
        Pools::new(&Knowledge::build().unwrap(), 7)
    }

    #[test]
    fn same_seed_same_article() {
        let (a, b) = (pools(), pools());
        for n in [0, 1, 99, 12_345] {
            assert_eq!(a.article(7, n), b.article(7, n));
        }
        assert_ne!(a.article(7, 1).1, a.article(7, 2).1);
    }

    #[test]
    fn articles_look_like_news() {
        let p = pools();
        let (id, text) = p.article(7, 3);
        assert_eq!(id, "000003_synthetic");
        let doc = crate::corpus::Document::new(id, text.clone());
        assert!(doc.meta.published.is_some(), "{text}");
        let words = doc.meta.word_count;
        assert!((120..1500).contains(&words), "{words} words");
    }

    #[test]
    fn extraction_finds_entities_of_every_kind() {
        let p = pools();
        let ex = crate::extract::Extractor::new().unwrap();
        let docs: Vec<_> = (0..40)
            .map(|n| {
                let (id, t) = p.article(7, n);
                crate::corpus::Document::new(id, t)
            })
            .collect();
        let corpus = ex.extract_corpus(&docs);
        for ty in EntityType::ALL {
            assert!(corpus.entities.iter().any(|e| e.ty == ty), "{ty:?}");
        }
        let mentions: usize = corpus.docs.iter().map(|d| d.mentions.len()).sum();
        let words: usize = docs.iter().map(|d| d.meta.word_count).sum();
        assert!(
            mentions * 15 > words,
            "{mentions} mentions in {words} words"
        );
    }

    #[test]
    fn skewed_stays_in_range() {
        let mut r = Rng::new(1);
        for n in [1, 2, 10, 1000] {
            for _ in 0..1000 {
                assert!(r.skewed(n) < n);
            }
        }
        assert_eq!(r.skewed(0), 0);
        assert_eq!(r.below(0), 0);
    }
}
