//! The explorer's state as a URL query string, so every view is a link.
//!
//! Parsing goes in two steps, as ripgrep does with its flags: the query string
//! becomes a [`RawQuery`] (percent-decoded pairs, never failing), which is then
//! resolved into a [`ViewState`]. Unknown or malformed parameters are dropped
//! with a [`Notice`] the UI can show; nothing here can panic on any input.

use crate::extract::EntityType;
use crate::time::Date;
use std::fmt::Write as _;

/// Percent-decoded `key=value` pairs in order. Invalid escapes are kept as
/// literal text, invalid UTF-8 is replaced, `+` means a space.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawQuery {
    /// The pairs, in the order they appear.
    pub pairs: Vec<(String, String)>,
}

impl RawQuery {
    /// Parse `?a=1&b=2` or `a=1&b=2`.
    pub fn parse(query: &str) -> RawQuery {
        let query = query.strip_prefix('?').unwrap_or(query);
        let pairs = query
            .split(['&', ';'])
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (decode(k), decode(v))
            })
            .collect();
        RawQuery { pairs }
    }
}

/// How entity filters combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// An article must mention every included entity (the default).
    #[default]
    All,
    /// An article must mention at least one included entity.
    Any,
}

/// Which overview the main pane shows instead of the article list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pane {
    /// The matching articles (the default).
    #[default]
    Articles,
    /// Direct quotes and who said them.
    Quotes,
    /// Passages shared by several articles.
    Passages,
    /// Figures (numeric claims) side by side.
    Figures,
    /// Articles and the dates they mention over time, with a brushable range.
    Timeline,
    /// Entities mentioned together, as a network.
    Network,
    /// Places with coordinates on a map.
    Map,
}

impl Pane {
    /// Every pane, in tab order.
    pub const ALL: [Pane; 7] = [
        Pane::Articles,
        Pane::Quotes,
        Pane::Passages,
        Pane::Figures,
        Pane::Timeline,
        Pane::Network,
        Pane::Map,
    ];

    /// The value of `view=` for this pane (empty for the default).
    pub fn key(self) -> &'static str {
        match self {
            Pane::Articles => "",
            Pane::Quotes => "quotes",
            Pane::Passages => "passages",
            Pane::Figures => "figures",
            Pane::Timeline => "timeline",
            Pane::Network => "network",
            Pane::Map => "map",
        }
    }

    fn parse(s: &str) -> Option<Pane> {
        match s.to_ascii_lowercase().as_str() {
            "" | "articles" | "list" => Some(Pane::Articles),
            "quotes" => Some(Pane::Quotes),
            "passages" | "shared" => Some(Pane::Passages),
            "figures" | "claims" => Some(Pane::Figures),
            "timeline" => Some(Pane::Timeline),
            "network" => Some(Pane::Network),
            "map" => Some(Pane::Map),
            _ => None,
        }
    }
}

/// What makes two entities neighbours in the network view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Together {
    /// Mentioned in the same paragraph (the default: tighter than articles).
    #[default]
    Paragraphs,
    /// Mentioned in the same article.
    Articles,
}

/// A set of entity types, one bit each (bit `ty as u8`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TypeSet(pub u8);

impl TypeSet {
    /// The set of `types`.
    pub fn of(types: &[EntityType]) -> TypeSet {
        types.iter().fold(TypeSet(0), |s, &t| s.with(t, true))
    }

    /// Whether `ty` is in the set.
    pub fn contains(self, ty: EntityType) -> bool {
        self.0 & (1 << ty as u8) != 0
    }

    /// The set with `ty` added (`on`) or removed.
    pub fn with(self, ty: EntityType, on: bool) -> TypeSet {
        let bit = 1 << ty as u8;
        TypeSet(if on { self.0 | bit } else { self.0 & !bit })
    }

    /// The types in the set, in [`EntityType::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = EntityType> {
        EntityType::ALL
            .into_iter()
            .filter(move |&t| self.contains(t))
    }
}

/// The network view's guardrails (`min=`, `top=`, `types=`, `by=`); `None`
/// means the view's default, so a link without them follows the defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkParams {
    /// Fewest shared paragraphs or articles for an edge (`min=`, at least 1).
    pub min: Option<u32>,
    /// Most entities drawn (`top=`, at least 1).
    pub top: Option<u32>,
    /// Entity types drawn (`types=person,org`); an empty set draws none.
    pub types: Option<TypeSet>,
    /// What co-occurrence counts (`by=paragraphs|articles`).
    pub by: Together,
}

/// Largest `min=` and `top=` accepted (a URL is not a benchmark).
pub const MAX_NETWORK_PARAM: u32 = 5000;

/// Everything a URL can say about the view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The open article's id (`article=`).
    pub article: Option<String>,
    /// The open entity's id (`entity=`).
    pub entity: Option<String>,
    /// Entity ids an article must mention (`f=`, repeatable).
    pub include: Vec<String>,
    /// Entity ids an article must not mention (`x=`, repeatable).
    pub exclude: Vec<String>,
    /// How `include` combines (`mode=all|any`).
    pub mode: Mode,
    /// Full-text search (`q=`).
    pub search: String,
    /// A mention or passage to scroll to in the open article (`at=`, a char offset).
    pub at: Option<usize>,
    /// The overview shown when no article or entity is open (`view=`).
    pub pane: Pane,
    /// In the quotes view, only this speaker's quotes (`speaker=`, an entity key
    /// or `none`).
    pub speaker: Option<String>,
    /// Only articles that are mostly original reporting (`orig=1`).
    pub original_only: bool,
    /// Only articles dated on or after this day (`from=2020-09-27`): published
    /// then, or mentioning a date then (see `overview::timeline`).
    pub from: Option<Date>,
    /// Only articles dated on or before this day (`to=2020-10-15`).
    pub to: Option<Date>,
    /// The network view's guardrails.
    pub network: NetworkParams,
}

impl ViewState {
    /// Whether a date range filters the articles.
    pub fn has_dates(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }
}

/// A parameter that was ignored, with why, for the UI to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The parameter's name as given.
    pub param: String,
    /// What was wrong, in words for a reader.
    pub message: String,
}

/// Longest value kept for any parameter; longer ones are cut (a URL is not storage).
const MAX_VALUE_CHARS: usize = 500;

impl ViewState {
    /// Resolve a raw query. Never fails: bad parameters become notices.
    pub fn from_raw(raw: &RawQuery) -> (ViewState, Vec<Notice>) {
        let mut s = ViewState::default();
        let mut notices = Vec::new();
        let mut notice = |param: &str, message: String| {
            notices.push(Notice {
                param: param.to_string(),
                message,
            })
        };
        for (k, v) in &raw.pairs {
            let v = clip(v.trim());
            let id_ok = !v.is_empty();
            match k.as_str() {
                "article" | "entity" | "f" | "x" if !id_ok => {
                    notice(k, format!("“{k}” needs a value; it was ignored."))
                }
                "article" => s.article = Some(v),
                "entity" => s.entity = Some(v),
                "f" if !s.include.contains(&v) => s.include.push(v),
                "x" if !s.exclude.contains(&v) => s.exclude.push(v),
                "f" | "x" => {}
                "mode" => match v.to_ascii_lowercase().as_str() {
                    "all" | "and" => s.mode = Mode::All,
                    "any" | "or" => s.mode = Mode::Any,
                    _ => notice(
                        k,
                        format!("mode “{v}” is not “all” or “any”; showing “all”."),
                    ),
                },
                "q" => s.search = v,
                "view" => match Pane::parse(&v) {
                    Some(p) => s.pane = p,
                    None => notice(k, format!("There is no “{v}” view; showing the articles.")),
                },
                "speaker" if !v.is_empty() => s.speaker = Some(v),
                "speaker" => {}
                "orig" => s.original_only = matches!(v.as_str(), "1" | "true" | "yes" | "on"),
                "at" => match v.parse() {
                    Ok(n) => s.at = Some(n),
                    Err(_) => notice(k, format!("“at={v}” is not a position; it was ignored.")),
                },
                "from" | "to" => match parse_day(&v) {
                    Some(d) if k == "from" => s.from = Some(d),
                    Some(d) => s.to = Some(d),
                    None => notice(
                        k,
                        format!("“{k}={v}” is not a date like 2020-09-27; it was ignored."),
                    ),
                },
                "min" | "top" => match v.parse::<u32>() {
                    Ok(n) if (1..=MAX_NETWORK_PARAM).contains(&n) => {
                        *if k == "min" { &mut s.network.min } else { &mut s.network.top } = Some(n)
                    }
                    _ => notice(
                        k,
                        format!("“{k}={v}” is not a number from 1 to {MAX_NETWORK_PARAM}; it was ignored."),
                    ),
                },
                "types" => {
                    let mut set = TypeSet(0);
                    let mut named = false;
                    for t in v.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                        named = true;
                        match EntityType::parse(t) {
                            Some(t) => set = set.with(t, true),
                            None => notice(k, format!("There is no entity type “{t}”; it was ignored.")),
                        }
                    }
                    if !named || set.0 != 0 {
                        s.network.types = Some(set);
                    }
                }
                "by" => match v.to_ascii_lowercase().as_str() {
                    "paragraphs" | "paragraph" => s.network.by = Together::Paragraphs,
                    "articles" | "article" => s.network.by = Together::Articles,
                    _ => notice(
                        k,
                        format!("by “{v}” is not “paragraphs” or “articles”; counting paragraphs."),
                    ),
                },
                "" => {}
                _ => notice(k, format!("Unknown parameter “{k}” was ignored.")),
            }
        }
        if let (Some(from), Some(to)) = (s.from, s.to) {
            if from > to {
                (s.from, s.to) = (Some(to), Some(from));
                notice(
                    "from",
                    format!("The range ended before it began; showing {to} to {from}."),
                );
            }
        }
        (s, notices)
    }

    /// Parse a query string (`?article=…&f=…`).
    pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
        ViewState::from_raw(&RawQuery::parse(query))
    }

    /// The query string for this state, starting with `?`, or empty for the
    /// default view. Parameters come in a fixed order so equal states give
    /// equal URLs.
    pub fn to_query(&self) -> String {
        let mut out = String::new();
        let mut put = |k: &str, v: &str| {
            out.push(if out.is_empty() { '?' } else { '&' });
            out.push_str(k);
            out.push('=');
            out.push_str(&encode(v));
        };
        if let Some(a) = &self.article {
            put("article", a);
        }
        if let Some(e) = &self.entity {
            put("entity", e);
        }
        for f in &self.include {
            put("f", f);
        }
        for x in &self.exclude {
            put("x", x);
        }
        if self.mode == Mode::Any {
            put("mode", "any");
        }
        if !self.search.is_empty() {
            put("q", &self.search);
        }
        if let Some(at) = self.at {
            put("at", &at.to_string());
        }
        if self.pane != Pane::Articles {
            put("view", self.pane.key());
        }
        if let Some(sp) = &self.speaker {
            put("speaker", sp);
        }
        if self.original_only {
            put("orig", "1");
        }
        if let Some(d) = self.from {
            put("from", &d.to_string());
        }
        if let Some(d) = self.to {
            put("to", &d.to_string());
        }
        let net = &self.network;
        if let Some(n) = net.min {
            put("min", &n.to_string());
        }
        if let Some(n) = net.top {
            put("top", &n.to_string());
        }
        if let Some(types) = net.types {
            let keys: Vec<&str> = types.iter().map(EntityType::key).collect();
            put("types", &keys.join(","));
        }
        if net.by == Together::Articles {
            put("by", "articles");
        }
        out
    }
}

/// A calendar day written `YYYY-MM-DD` (four-digit year), as `Date` prints it.
pub fn parse_day(v: &str) -> Option<Date> {
    let mut parts = v.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// At most [`MAX_VALUE_CHARS`] characters, trimmed after the cut (a cut can
/// end on a space, which the next parse would trim, so the URL a state gives
/// would not give the same state back).
fn clip(v: &str) -> String {
    let cut: String = v.chars().take(MAX_VALUE_CHARS).collect();
    cut.trim().to_string()
}

/// Percent-decode leniently.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encode everything but RFC 3986 unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_views() {
        let cases: &[(&str, ViewState, usize)] = &[
            ("", ViewState::default(), 0),
            (
                "?article=001_x",
                ViewState {
                    article: Some("001_x".into()),
                    ..Default::default()
                },
                0,
            ),
            (
                "f=a&f=b&x=c&mode=ANY&q=f%C3%BCzuli+district",
                ViewState {
                    include: vec!["a".into(), "b".into()],
                    exclude: vec!["c".into()],
                    mode: Mode::Any,
                    search: "füzuli district".into(),
                    ..Default::default()
                },
                0,
            ),
            ("?mode=xor&zoom=3&article=", ViewState::default(), 3),
            (
                "?at=12&at=oops",
                ViewState {
                    at: Some(12),
                    ..Default::default()
                },
                1,
            ),
            (
                "?q=%zz%4",
                ViewState {
                    search: "%zz%4".into(),
                    ..Default::default()
                },
                0,
            ),
        ];
        for (q, want, n_notices) in cases {
            let (got, notices) = ViewState::parse(q);
            assert_eq!(&got, want, "{q}");
            assert_eq!(notices.len(), *n_notices, "{q}: {notices:?}");
        }
    }

    /// REGRESSION (found by `cargo fuzz run url_state`): a value longer than
    /// the limit, cut just after a space, came back one character shorter from
    /// its own URL.
    #[test]
    fn long_values_round_trip() {
        let q = format!("f={}%20{}", "a".repeat(MAX_VALUE_CHARS - 1), "b".repeat(10));
        let (state, _) = ViewState::parse(&q);
        assert_eq!(state.include[0].chars().count(), MAX_VALUE_CHARS - 1);
        let (again, notices) = ViewState::parse(&state.to_query());
        assert!(notices.is_empty());
        assert_eq!(again, state);
    }

    #[test]
    fn parses_overviews() {
        let day = |y, m, d| Date::new(y, m, d);
        let cases: &[(&str, ViewState, usize)] = &[
            (
                "?view=timeline&from=2020-09-27&to=2020-10-15",
                ViewState {
                    pane: Pane::Timeline,
                    from: day(2020, 9, 27),
                    to: day(2020, 10, 15),
                    ..Default::default()
                },
                0,
            ),
            // An inverted range is turned round, with a notice.
            (
                "from=2020-10-15&to=2020-09-27",
                ViewState {
                    from: day(2020, 9, 27),
                    to: day(2020, 10, 15),
                    ..Default::default()
                },
                1,
            ),
            // Open-ended ranges are ranges.
            (
                "to=1994-01-01",
                ViewState {
                    to: day(1994, 1, 1),
                    ..Default::default()
                },
                0,
            ),
            // Malformed dates are ignored with a notice each.
            (
                "from=2020-9-27&to=2020-02-30&from=yesterday&to=",
                ViewState::default(),
                4,
            ),
            (
                "view=network&min=3&top=40&types=org,PERSON,org&by=articles",
                ViewState {
                    pane: Pane::Network,
                    network: NetworkParams {
                        min: Some(3),
                        top: Some(40),
                        types: Some(TypeSet::of(&[EntityType::Person, EntityType::Org])),
                        by: Together::Articles,
                    },
                    ..Default::default()
                },
                0,
            ),
            (
                "view=MAP&min=0&top=-1&top=99999&types=planet&by=words",
                ViewState {
                    pane: Pane::Map,
                    ..Default::default()
                },
                5,
            ),
            // `types=` names no type: nothing is drawn; an unknown type among
            // known ones is dropped with a notice.
            (
                "types=&types=place,moon",
                ViewState {
                    network: NetworkParams {
                        types: Some(TypeSet::of(&[EntityType::Place])),
                        ..Default::default()
                    },
                    ..Default::default()
                },
                1,
            ),
        ];
        for (q, want, n_notices) in cases {
            let (got, notices) = ViewState::parse(q);
            assert_eq!(&got, want, "{q}");
            assert_eq!(notices.len(), *n_notices, "{q}: {notices:?}");
        }
        let (empty, _) = ViewState::parse("types=");
        assert_eq!(empty.network.types, Some(TypeSet(0)));
        assert_eq!(ViewState::parse(&empty.to_query()).0, empty);
    }

    #[test]
    fn duplicate_filters_collapse() {
        let (s, _) = ViewState::parse("f=a&f=a");
        assert_eq!(s.include, vec!["a".to_string()]);
    }

    proptest! {
        #[test]
        fn never_panics(q in ".*") {
            let _ = ViewState::parse(&q);
        }

        #[test]
        fn state_round_trips(
            article in proptest::option::of("[^\u{0}]{1,20}"),
            include in proptest::collection::vec("[a-z0-9&=%+ -]{1,12}", 0..4),
            exclude in proptest::collection::vec("[a-zé?#-]{1,12}", 0..3),
            any in any::<bool>(),
            search in "[^\u{0}]{0,20}",
            at in proptest::option::of(0usize..100_000),
            pane in 0usize..Pane::ALL.len(),
            speaker in proptest::option::of("[a-z:-]{1,12}"),
            original_only in any::<bool>(),
            from in proptest::option::of(-200_000i64..200_000),
            span in proptest::option::of(0i64..20_000),
            min in proptest::option::of(1u32..=MAX_NETWORK_PARAM),
            top in proptest::option::of(1u32..=MAX_NETWORK_PARAM),
            types in proptest::option::of(0u8..32),
            articles in any::<bool>(),
        ) {
            let norm = |v: Vec<String>| {
                let mut out: Vec<String> = Vec::new();
                for x in v { let x = x.trim().to_string(); if !x.is_empty() && !out.contains(&x) { out.push(x); } }
                out
            };
            let state = ViewState {
                article: article.map(|a| a.trim().to_string()).filter(|a| !a.is_empty()),
                entity: None,
                include: norm(include),
                exclude: norm(exclude),
                mode: if any { Mode::Any } else { Mode::All },
                search: search.trim().to_string(),
                at,
                pane: Pane::ALL[pane],
                speaker,
                original_only,
                // Any two days in order (one may be open), years 1422 to 2517.
                from: from.map(Date::from_days),
                to: span.map(|n| Date::from_days(from.unwrap_or(0) + n)),
                network: NetworkParams {
                    min,
                    top,
                    types: types.map(TypeSet),
                    by: if articles { Together::Articles } else { Together::Paragraphs },
                },
            };
            let (back, notices) = ViewState::parse(&state.to_query());
            prop_assert!(notices.is_empty());
            prop_assert_eq!(back, state);
        }
    }
}
