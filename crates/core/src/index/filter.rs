//! Filter semantics: entity filters combined with ALL or ANY, exclusions, and
//! an optional set of documents matching a text search; plus the facet counts
//! the explorer shows beside each entity.

use super::{DocSet, Index};
use crate::extract::EntityType;
use crate::url_state::{Mode, ViewState};

/// A resolved filter over an [`Index`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Entities an article must mention (all of them, or any, by `mode`).
    pub include: Vec<u32>,
    /// Entities an article must not mention.
    pub exclude: Vec<u32>,
    /// How `include` combines.
    pub mode: Mode,
    /// When a text search is active: the documents that match it.
    pub search: Option<DocSet>,
    /// When a date range is active: the documents dated within it (see
    /// `overview::timeline::DocDates::within`). Combined like the search.
    pub dates: Option<DocSet>,
}

/// The documents a filter keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterResult {
    /// Matching documents.
    pub docs: DocSet,
    /// Documents allowed by search and exclusions, before entity includes
    /// (what ANY mode adds to).
    base: DocSet,
}

/// One entity in a facet panel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetEntry {
    /// Entity number.
    pub entity: u32,
    /// Matching articles that mention it.
    pub articles: u32,
    /// Its mentions in those articles.
    pub mentions: u32,
    /// How many articles would match if it were added as a filter.
    pub if_added: u32,
}

impl Filter {
    /// Resolve the entity ids of a view state. Ids not in the index are
    /// returned so the UI can say they were ignored.
    pub fn from_view(
        view: &ViewState,
        index: &Index,
        search: Option<DocSet>,
    ) -> (Filter, Vec<String>) {
        let mut unknown = Vec::new();
        let mut resolve = |ids: &[String]| -> Vec<u32> {
            ids.iter()
                .filter_map(|id| {
                    let e = index.entity_index(id);
                    if e.is_none() {
                        unknown.push(id.clone());
                    }
                    e
                })
                .collect()
        };
        let include = resolve(&view.include);
        let exclude = resolve(&view.exclude);
        (
            Filter {
                include,
                exclude,
                mode: view.mode,
                search,
                dates: None,
            },
            unknown,
        )
    }

    /// Whether the filter keeps every document.
    pub fn is_empty(&self) -> bool {
        self.include.is_empty()
            && self.exclude.is_empty()
            && self.search.is_none()
            && self.dates.is_none()
    }

    /// The documents this filter keeps.
    pub fn apply(&self, index: &Index) -> FilterResult {
        let n = index.doc_count();
        let mut base = self.search.clone().unwrap_or_else(|| DocSet::full(n));
        if let Some(dates) = &self.dates {
            base.and(dates);
        }
        for &e in &self.exclude {
            base.and_not(&index.docs_of(e));
        }
        let docs = if self.include.is_empty() {
            base.clone()
        } else {
            match self.mode {
                Mode::All => {
                    let mut d = base.clone();
                    for &e in &self.include {
                        d.and(&index.docs_of(e));
                    }
                    d
                }
                Mode::Any => {
                    let mut d = DocSet::empty(n);
                    for &e in &self.include {
                        d.or(&index.docs_of(e));
                    }
                    d.and(&base);
                    d
                }
            }
        };
        FilterResult { docs, base }
    }

    /// The facet entries of one type under this filter's result: every entity
    /// with at least one matching article or that would match some if added,
    /// plus the entities the filter names.
    pub fn facet(&self, index: &Index, result: &FilterResult, ty: EntityType) -> Vec<FacetEntry> {
        let mut out = Vec::new();
        for e in index.entities_of_type(ty) {
            let (mut articles, mut mentions, mut added_only) = (0u32, 0u32, 0u32);
            for &(d, n) in index.postings(e) {
                if result.docs.contains(d) {
                    articles += 1;
                    mentions += n;
                } else if result.base.contains(d) {
                    added_only += 1;
                }
            }
            let if_added = if self.include.contains(&e) {
                result.docs.count() as u32
            } else {
                match self.mode {
                    Mode::All => articles,
                    Mode::Any if self.include.is_empty() => articles,
                    Mode::Any => result.docs.count() as u32 + added_only,
                }
            };
            let named = self.include.contains(&e) || self.exclude.contains(&e);
            if articles > 0 || if_added > 0 || named {
                out.push(FacetEntry {
                    entity: e,
                    articles,
                    mentions,
                    if_added,
                });
            }
        }
        out.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| {
                    index.entities[a.entity as usize]
                        .name
                        .cmp(&index.entities[b.entity as usize].name)
                })
        });
        out
    }
}
