//! What the extractor knows before reading a text: countries and their
//! demonyms, populated places and administrative regions with alternate names
//! and coordinates, hand-curated regions, peoples and organisations, news
//! outlets, and common given names, from the open data in `data/` (see
//! `data/README.md` for sources and licences), parsed once.
//!
//! Natively the data is compiled in (feature `embedded-data`, on by default).
//! The browser app leaves it out of its wasm and fetches the same files when
//! the extractor is first needed: the explorer shows a corpus extracted at
//! build time and needs none of it to start.
//!
//! Every name becomes a folded lookup key pointing at one [`Entry`]; when two
//! entries share a key, the more specific source wins (hand-curated over
//! outlets over countries over regions over towns; a place's own name over an
//! alternate name; then the larger place).

use crate::corpus::outlets;
use crate::extract::EntityType;
use crate::text::{fold_str, skeleton};
use crate::text::{FastMap, FastSet};
use std::fmt;

/// The texts of the four data files the knowledge base is built from.
#[derive(Clone, Copy, Debug)]
pub struct Sources<'a> {
    /// `countries.tsv`.
    pub countries: &'a str,
    /// `places.tsv`.
    pub places: &'a str,
    /// `known.tsv`.
    pub known: &'a str,
    /// `given_names.txt`.
    pub given_names: &'a str,
}

impl Sources<'static> {
    /// The files' names, in the order of the fields (a page serves them
    /// under these names, see `index.html`).
    pub const FILES: [&'static str; 4] = [
        "countries.tsv",
        "places.tsv",
        "known.tsv",
        "given_names.txt",
    ];

    /// The data compiled into this build.
    #[cfg(feature = "embedded-data")]
    pub fn embedded() -> Sources<'static> {
        Sources {
            countries: include_str!("../data/countries.tsv"),
            places: include_str!("../data/places.tsv"),
            known: include_str!("../data/known.tsv"),
            given_names: include_str!("../data/given_names.txt"),
        }
    }
}

impl<'a> Sources<'a> {
    /// The sources from the files' texts in [`Sources::FILES`] order.
    pub fn from_texts(texts: [&'a str; 4]) -> Sources<'a> {
        let [countries, places, known, given_names] = texts;
        Sources {
            countries,
            places,
            known,
            given_names,
        }
    }
}

/// What kind of thing an entry is (decides how cautiously it is matched).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Hand-curated region, people or organisation (`known.tsv`).
    Known,
    /// A news outlet or agency (`outlets.tsv`).
    Outlet,
    /// A country.
    Country,
    /// A nationality or people.
    Demonym,
    /// A first-level administrative region.
    Admin,
    /// A populated place.
    Town,
}

/// One known entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Canonical id (slug).
    pub id: String,
    /// Entity type.
    pub ty: EntityType,
    /// Canonical name.
    pub name: String,
    /// Source kind.
    pub kind: Kind,
    /// ISO 3166-1 alpha-2 code of the country it lies in (places), if known.
    pub country: Option<String>,
    /// Number of digits of the population (0 unknown).
    pub pop_digits: u8,
    /// Latitude, longitude.
    pub coords: Option<(f32, f32)>,
    /// Wikidata QID when the data has one.
    pub qid: Option<String>,
    /// The name is also a common English word or given name.
    pub ambiguous: bool,
    /// In the region of interest (South Caucasus and neighbours).
    pub roi: bool,
}

/// A build failure: which embedded file and line is malformed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    /// The data file.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for BuildError {}

/// One lookup key: the folded surface form and the entry it names.
#[derive(Clone, Debug)]
pub struct Key {
    /// Folded form (see [`normalize_key`]).
    pub folded: String,
    /// Index into [`Knowledge::entries`].
    pub entry: u32,
    /// The surface form is an acronym: match only in capitals.
    pub acronym: bool,
    /// A two-letter byline code ("AP", "AA"): a name only where the text
    /// credits or cites the agency ("Photo: X/AP", "AP reported").
    pub code: bool,
    /// The original surface form (for display).
    pub surface: String,
}

/// Everything known, with one key per distinct folded name.
#[derive(Clone, Debug, Default)]
pub struct Knowledge {
    /// Entities.
    pub entries: Vec<Entry>,
    /// Lookup keys, unique by `folded`.
    pub keys: Vec<Key>,
    /// Folded given names.
    pub given_names: FastSet<String>,
    /// Folded given names that are also English words ("will", "mike"):
    /// evidence of a person only inside a sentence.
    pub given_words: FastSet<String>,
    /// Folded names of countries (short names and aliases).
    pub country_names: FastSet<String>,
    /// Consonant skeleton of region-of-interest place names -> entry (only
    /// skeletons that name one entry).
    pub skeletons: FastMap<String, u32>,
    /// Entry index by id and type.
    pub by_id: FastMap<(EntityType, String), u32>,
}

/// The folded, space-normalised form keys and texts are compared in; a
/// leading "the" is dropped (the span never includes it).
pub fn normalize_key(s: &str) -> String {
    let folded = fold_str(s);
    let mut out = String::with_capacity(folded.len());
    let mut pending_space = false;
    for c in folded.chars() {
        if c == '-' || c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && s.chars().all(|c| !c.is_lowercase())
}

struct Builder {
    k: Knowledge,
    /// folded key -> (rank, key index)
    best: FastMap<String, ((u8, u8, u8), usize)>,
    skel: FastMap<String, Option<u32>>,
    /// Folded keys of the hand-curated file, once it is read: no generated
    /// name takes them over (the curated "Saudi" is a nationality).
    curated: Option<FastSet<String>>,
}

impl Builder {
    fn add_entry(&mut self, e: Entry) -> u32 {
        let key = (e.ty, e.id.clone());
        if let Some(&i) = self.k.by_id.get(&key) {
            // A second row for the same id (a town and its district): keep
            // the first entry, enrich it.
            let old = &mut self.k.entries[i as usize];
            if old.coords.is_none() {
                old.coords = e.coords;
            }
            old.pop_digits = old.pop_digits.max(e.pop_digits);
            old.roi |= e.roi;
            // A curated place with a country's id ("Islamic Republic" ->
            // iran) is that country, for the recognisers too ("the Islamic
            // Republic's Foreign Ministry").
            if e.kind == Kind::Country {
                old.kind = Kind::Country;
                old.country = e.country;
                old.name = e.name; // the short name ("Armenia") is the display name
            }
            return i;
        }
        let i = self.k.entries.len() as u32;
        self.k.by_id.insert(key, i);
        self.k.entries.push(e);
        i
    }

    fn add_name(&mut self, name: &str, entry: u32, primary: bool) {
        self.add_key(name, entry, primary, false);
    }

    fn add_key(&mut self, name: &str, entry: u32, primary: bool, code: bool) {
        let folded = normalize_key(name);
        if folded.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            return;
        }
        if self.curated.as_ref().is_some_and(|c| c.contains(&folded)) {
            return;
        }
        let e = &self.k.entries[entry as usize];
        let source_rank = 10 - e.kind as u8;
        let rank = (source_rank, u8::from(primary), e.pop_digits);
        // Transliteration skeletons only where spellings vary most (the
        // South Caucasus), and only long enough to be telling.
        let caucasus = matches!(e.country.as_deref(), Some("AZ" | "AM" | "GE"));
        if caucasus && matches!(e.kind, Kind::Town | Kind::Admin) && folded.len() >= 4 {
            let sk = skeleton(name);
            if sk.len() >= 4 {
                let slot = self.skel.entry(sk).or_insert(Some(entry));
                if *slot != Some(entry) {
                    *slot = None;
                }
            }
        }
        let key = Key {
            folded: folded.clone(),
            entry,
            acronym: is_acronym(name) || code,
            code,
            surface: name.to_string(),
        };
        match self.best.get(&folded) {
            Some(&(r, _)) if r >= rank => {}
            Some(&(_, idx)) => {
                self.best.insert(folded, (rank, idx));
                self.k.keys[idx] = key;
            }
            None => {
                self.best.insert(folded, (rank, self.k.keys.len()));
                self.k.keys.push(key);
            }
        }
    }
}

fn rows(data: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn list<'a>(s: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    s.copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
}

fn coords(lat: Option<&&str>, lon: Option<&&str>) -> Option<(f32, f32)> {
    Some((lat?.parse().ok()?, lon?.parse().ok()?))
}

fn err(file: &'static str, line: usize, message: &str) -> BuildError {
    BuildError {
        file,
        line,
        message: message.to_string(),
    }
}

impl Knowledge {
    /// Whether folded `w` is a given name, English word or not.
    pub fn is_given_name(&self, w: &str) -> bool {
        self.given_names.contains(w) || self.given_words.contains(w)
    }

    /// Parse the embedded data.
    #[cfg(feature = "embedded-data")]
    pub fn build() -> Result<Knowledge, BuildError> {
        Knowledge::from_sources(Sources::embedded())
    }

    /// Parse `src` (the texts of the data files).
    pub fn from_sources(src: Sources<'_>) -> Result<Knowledge, BuildError> {
        let mut b = Builder {
            k: Knowledge::default(),
            best: FastMap::default(),
            skel: FastMap::default(),
            curated: None,
        };
        // Hand-curated first: its entries win ids and keys.
        for (line, cols) in rows(src.known) {
            if cols.len() < 3 {
                return Err(err("known.tsv", line, "expected type, id, name[, aliases]"));
            }
            let ty = EntityType::parse(cols[0])
                .ok_or_else(|| err("known.tsv", line, "type must be PERSON, PLACE, NORP or ORG"))?;
            let i = b.add_entry(Entry {
                id: cols[1].to_string(),
                ty,
                name: cols[2].to_string(),
                kind: if ty == EntityType::Norp {
                    Kind::Demonym
                } else {
                    Kind::Known
                },
                country: None,
                pop_digits: 0,
                coords: None,
                qid: None,
                ambiguous: false,
                roi: true,
            });
            b.add_name(cols[2], i, true);
            for a in list(cols.get(3)) {
                b.add_name(a, i, false);
            }
        }
        b.curated = Some(b.best.keys().cloned().collect());
        for o in outlets() {
            let i = b.add_entry(Entry {
                id: o.id.to_string(),
                ty: EntityType::Org,
                name: o.name.to_string(),
                kind: Kind::Outlet,
                country: None,
                pop_digits: 0,
                coords: None,
                qid: o.qid.map(str::to_string),
                ambiguous: false,
                roi: false,
            });
            for n in o.names() {
                b.add_name(n, i, n == o.name);
            }
            // Byline codes of three letters or more name the agency in
            // running text too ("(AFP)"); two-letter ones ("AA", "AP") alone
            // are bare byline codes, not annotated (guidelines), and name
            // the agency only where the text credits or cites it.
            for c in &o.codes {
                b.add_key(c, i, false, c.chars().count() < 3);
            }
        }
        for (line, cols) in rows(src.countries) {
            if cols.len() < 5 {
                return Err(err(
                    "countries.tsv",
                    line,
                    "expected id, name, iso2, lat, lon[, aliases, demonyms]",
                ));
            }
            let i = b.add_entry(Entry {
                id: cols[0].to_string(),
                ty: EntityType::Place,
                name: cols[1].to_string(),
                kind: Kind::Country,
                country: Some(cols[2].to_string()),
                pop_digits: 9,
                coords: coords(cols.get(3), cols.get(4)),
                qid: None,
                ambiguous: false,
                roi: false,
            });
            b.add_name(cols[1], i, true);
            b.k.country_names.insert(fold_str(cols[1]));
            for a in list(cols.get(5)) {
                b.add_name(a, i, false);
                b.k.country_names.insert(fold_str(a));
            }
            for d in list(cols.get(6)) {
                let n = b.add_entry(Entry {
                    id: cols[0].to_string(),
                    ty: EntityType::Norp,
                    name: d.to_string(),
                    kind: Kind::Demonym,
                    country: Some(cols[2].to_string()),
                    pop_digits: 0,
                    coords: None,
                    qid: None,
                    ambiguous: false,
                    roi: false,
                });
                b.add_name(d, n, true);
                // Regular plurals: "Armenians", "Azerbaijanis", "Pakistanis".
                if d.ends_with("an") || d.ends_with('i') {
                    b.add_name(&format!("{d}s"), n, false);
                }
            }
        }
        for (line, cols) in rows(src.places) {
            if cols.len() < 8 {
                return Err(err(
                    "places.tsv",
                    line,
                    "expected id, name, iso2, kind, pop, lat, lon, flags[, alternate names]",
                ));
            }
            let name = cols[1];
            let id = if cols[0].is_empty() {
                crate::text::slug(name)
            } else {
                cols[0].to_string()
            };
            let i = b.add_entry(Entry {
                id,
                ty: EntityType::Place,
                name: name.to_string(),
                kind: if cols[3] == "A" {
                    Kind::Admin
                } else {
                    Kind::Town
                },
                country: Some(cols[2].to_string()),
                pop_digits: cols[4]
                    .parse()
                    .map_err(|_| err("places.tsv", line, "pop must be a digit count"))?,
                coords: coords(cols.get(5), cols.get(6)),
                qid: None,
                ambiguous: cols[7].contains('a'),
                roi: cols[7].contains('r'),
            });
            b.add_name(name, i, true);
            for a in list(cols.get(8)) {
                b.add_name(a, i, false);
            }
        }
        for line in src.given_names.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (name, flags) = line.split_once('\t').unwrap_or((line, ""));
            let set = if flags.contains('a') {
                &mut b.k.given_words
            } else {
                &mut b.k.given_names
            };
            set.insert(fold_str(name.trim()));
        }
        b.k.skeletons = b
            .skel
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect();
        Ok(b.k)
    }

    /// The entry a folded key names.
    pub fn lookup(&self, folded: &str) -> Option<&Entry> {
        // Linear keys are only scanned by the matcher; lookups use the map
        // built lazily by callers that need it. Kept simple: rare use.
        self.keys
            .iter()
            .find(|k| k.folded == folded)
            .map(|k| &self.entries[k.entry as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_builds() {
        let k = Knowledge::build().unwrap();
        let find = |s: &str| k.lookup(&normalize_key(s)).map(|e| (e.ty, e.id.as_str()));
        assert_eq!(find("Turkey"), Some((EntityType::Place, "turkey")));
        assert_eq!(find("Türkiye"), Some((EntityType::Place, "turkey")));
        assert_eq!(find("Armenians"), Some((EntityType::Norp, "armenia")));
        assert_eq!(find("Terter"), Some((EntityType::Place, "tartar")));
        assert_eq!(find("Fizuli"), Some((EntityType::Place, "fuzuli")));
        assert_eq!(
            find("Nagorno Karabakh"),
            Some((EntityType::Place, "nagorno-karabakh"))
        );
        assert_eq!(
            find("Minsk Group"),
            Some((EntityType::Org, "osce-minsk-group"))
        );
        assert_eq!(find("Armenia"), Some((EntityType::Place, "armenia")));
        assert!(k.given_names.contains("emmanuel"));
        assert!(k.given_names.contains("donald"));
        // Also English words: kept apart, evidence only inside a sentence.
        assert!(k.given_words.contains("mike") && !k.given_names.contains("mike"));
    }

    /// The browser builds from fetched texts: the same files give the same
    /// knowledge, and a damaged one is named with its line.
    #[test]
    fn fetched_sources_build_the_same_knowledge_or_name_the_bad_file() {
        let e = Sources::embedded();
        let texts = [e.countries, e.places, e.known, e.given_names];
        let fetched = Knowledge::from_sources(Sources::from_texts(texts)).unwrap();
        let embedded = Knowledge::build().unwrap();
        assert_eq!(fetched.entries.len(), embedded.entries.len());
        assert_eq!(fetched.keys.len(), embedded.keys.len());
        for (i, (file, bad)) in [
            ("countries.tsv", "x\ty"),
            ("places.tsv", "only\ttwo"),
            ("known.tsv", "PLACE"),
        ]
        .into_iter()
        .enumerate()
        {
            let mut t = texts;
            t[i] = bad;
            let err = Knowledge::from_sources(Sources::from_texts(t)).unwrap_err();
            assert_eq!((err.file, err.line), (file, 1), "{err}");
        }
        // An HTML error page served instead of a file is not data.
        let mut t = texts;
        t[1] = "<!DOCTYPE html><html><body>Not found</body></html>";
        assert!(Knowledge::from_sources(Sources::from_texts(t)).is_err());
    }
}
