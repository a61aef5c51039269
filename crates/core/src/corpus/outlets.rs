//! Known news outlets and agencies (from `data/outlets.tsv`), used to read the
//! outlet a text states in a byline ("Anadolu Agency TÜRKIYE", "AA",
//! "MOSCOW (Reuters) -").

use std::sync::OnceLock;

/// A news outlet or agency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlet {
    /// Stable slug, e.g. `anadolu-agency`.
    pub id: &'static str,
    /// Canonical name, e.g. `Anadolu Agency`.
    pub name: &'static str,
    /// Other names it goes by.
    pub aliases: Vec<&'static str>,
    /// Byline codes that stand alone on a line or in a dateline ("AA", "AFP").
    pub codes: Vec<&'static str>,
    /// Wikidata QID when verified.
    pub qid: Option<&'static str>,
}

static DATA: &str = include_str!("../../data/outlets.tsv");

/// The outlet a byline or dateline code stands for ("AA", "AFP").
pub fn outlet_by_code(code: &str) -> Option<&'static Outlet> {
    outlets().iter().find(|o| o.codes.contains(&code))
}

/// Every known outlet, parsed once from the embedded table.
pub fn outlets() -> &'static [Outlet] {
    static CELL: OnceLock<Vec<Outlet>> = OnceLock::new();
    CELL.get_or_init(|| parse(DATA))
}

fn parse(data: &'static str) -> Vec<Outlet> {
    let split = |s: &'static str| -> Vec<&'static str> {
        s.split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .collect()
    };
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let id = cols.next()?.trim();
            let name = cols.next()?.trim();
            Some(Outlet {
                id,
                name,
                aliases: split(cols.next().unwrap_or("")),
                codes: split(cols.next().unwrap_or("")),
                qid: cols.next().map(str::trim).filter(|q| !q.is_empty()),
            })
        })
        .collect()
}

impl Outlet {
    /// The name and every alias (not the byline codes).
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }
}
