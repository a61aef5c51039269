//! The result of [`super::analyse`] and the lookups the views need: one
//! document's quotes, claims and passages, quotes by speaker, and claims
//! grouped so that disagreeing figures stand side by side.

use super::claims::Claim;
use super::passages::{PassageCluster, PassageMember, SharedShare};
use super::quotes::Quote;
use super::span::EntityRef;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything the cross-article analyses found in a corpus. Document
/// numbers (`doc` fields) index the slice given to [`super::analyse`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Passages found in two or more documents, in order of first occurrence.
    pub passages: Vec<PassageCluster>,
    /// Direct quotes, by document then offset.
    pub quotes: Vec<Quote>,
    /// Numeric claims, by document then offset.
    pub claims: Vec<Claim>,
    /// Per document (in corpus order), how much of its content is shared.
    pub shared_share_per_doc: Vec<SharedShare>,
}

impl Analysis {
    /// The quotes of document `doc`, in text order.
    pub fn quotes_in(&self, doc: usize) -> impl Iterator<Item = &Quote> + '_ {
        self.quotes.iter().filter(move |q| q.doc == doc)
    }

    /// The claims of document `doc`, in text order.
    pub fn claims_in(&self, doc: usize) -> impl Iterator<Item = &Claim> + '_ {
        self.claims.iter().filter(move |c| c.doc == doc)
    }

    /// The shared passages occurring in document `doc`, each with its
    /// occurrence there, in text order.
    pub fn passages_in(&self, doc: usize) -> Vec<(&PassageCluster, &PassageMember)> {
        let mut out: Vec<(&PassageCluster, &PassageMember)> = self
            .passages
            .iter()
            .flat_map(|c| {
                c.members
                    .iter()
                    .filter(move |m| m.doc == doc)
                    .map(move |m| (c, m))
            })
            .collect();
        out.sort_by_key(|(_, m)| m.span.start);
        out
    }

    /// The shared share of document `doc` (zero for an unknown document).
    pub fn shared_share(&self, doc: usize) -> SharedShare {
        self.shared_share_per_doc
            .get(doc)
            .copied()
            .unwrap_or(SharedShare {
                doc,
                shared_chars: 0,
                content_chars: 0,
            })
    }

    /// The quotes attributed to `speaker`, across documents.
    pub fn quotes_by<'a>(&'a self, speaker: &'a EntityRef) -> impl Iterator<Item = &'a Quote> + 'a {
        self.quotes
            .iter()
            .filter(move |q| q.speaker.as_ref() == Some(speaker))
    }

    /// Claims by [`Claim::group`], groups in key order, claims in corpus
    /// order: each entry is one figure as different sources and dates give it.
    pub fn claim_groups(&self) -> BTreeMap<&str, Vec<&Claim>> {
        let mut out: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
        for c in &self.claims {
            out.entry(c.group.as_str()).or_default().push(c);
        }
        out
    }
}
