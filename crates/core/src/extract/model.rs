//! The output of extraction: typed mentions pointing at linked entities.
//!
//! This is the contract between the extractor and everything downstream (the
//! CLI's prediction files, the index, the explorer), so it stays small and
//! stable.

use serde::{Deserialize, Serialize};

/// The five kinds of entity (see `shared/eval/GUIDELINES.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// Named people.
    #[serde(rename = "PERSON")]
    Person,
    /// Named organisations.
    #[serde(rename = "ORG")]
    Org,
    /// Countries, regions, cities, villages, geographic regions.
    #[serde(rename = "PLACE")]
    Place,
    /// Nationalities, peoples, religious or political groups.
    #[serde(rename = "NORP")]
    Norp,
    /// Points in time.
    #[serde(rename = "DATE")]
    Date,
}

impl EntityType {
    /// Every type, in display order.
    pub const ALL: [EntityType; 5] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Place,
        EntityType::Norp,
        EntityType::Date,
    ];

    /// The label used in prediction files: `PERSON`, `ORG`, `PLACE`, `NORP`, `DATE`.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
            EntityType::Norp => "NORP",
            EntityType::Date => "DATE",
        }
    }

    /// The lowercase key used in URLs, CSS classes and `data-entity-type`:
    /// `person`, `org`, `place`, `norp`, `date`.
    pub fn key(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Org => "org",
            EntityType::Place => "place",
            EntityType::Norp => "norp",
            EntityType::Date => "date",
        }
    }

    /// Parse a label or key, case-insensitively.
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.label().eq_ignore_ascii_case(s) || t.key().eq_ignore_ascii_case(s))
    }
}

/// One occurrence of an entity in a document's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offset of the first character (for slicing the Rust string).
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Code-point offset of the first character (for export and the scorer).
    pub char_start: usize,
    /// Code-point offset one past the last character.
    pub char_end: usize,
    /// The mention's type (usually the entity's type).
    pub ty: EntityType,
    /// The id of the [`Entity`] it refers to.
    pub entity: String,
}

/// A real-world entity, linked across spellings and documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable slug, e.g. `ilham-aliyev`, `fuzuli`; a nationality shares its
    /// country's id (`azerbaijan`); for dates the ISO date (`2020-10-03`,
    /// `1994`, `1990s`, `2020-10`), `--09-27` for a day whose year is unknown,
    /// or `?` when unresolved.
    pub id: String,
    /// The entity's type.
    pub ty: EntityType,
    /// Canonical display name.
    pub name: String,
    /// Every distinct surface form seen, canonical name included.
    pub aliases: Vec<String>,
    /// Wikidata QID when the knowledge data has one.
    pub qid: Option<String>,
    /// Latitude and longitude for places, when known.
    pub coords: Option<(f32, f32)>,
}

impl Entity {
    /// `before`, the other aliases joined by ", ", then `after`; empty when
    /// there are none (" (also Fizuli)" after a name in a label).
    pub fn also_known_as(&self, before: &str, after: &str) -> String {
        match self.other_aliases(", ") {
            a if a.is_empty() => a,
            a => format!("{before}{a}{after}"),
        }
    }

    /// The aliases seen other than the canonical name, joined by `sep`
    /// (empty when there are none): what tooltips add after the name.
    pub fn other_aliases(&self, sep: &str) -> String {
        let others: Vec<&str> = self
            .aliases
            .iter()
            .filter(|a| **a != self.name)
            .map(String::as_str)
            .collect();
        others.join(sep)
    }
}

/// The mentions of one document, sorted by `start`, never overlapping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocExtraction {
    /// The document's id.
    pub doc_id: String,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

/// Extraction of a whole corpus: mentions per document and the entity table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusExtraction {
    /// One entry per document, in corpus order.
    pub docs: Vec<DocExtraction>,
    /// Every entity any mention points at, sorted by id then type; each
    /// (id, type) pair once (a country and its nationality share an id).
    pub entities: Vec<Entity>,
}
