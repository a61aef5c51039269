//! Across articles: what documents share, who said what, and which numbers
//! disagree.
//!
//! This is the stage after [`crate::extract`]: it reads documents and their
//! linked mentions and relates articles to each other.
//!
//! - [`passages`]: sentences and runs of sentences that recur (possibly
//!   edited) in two or more documents, found through hashed word shingles
//!   and an inverted index, never by comparing texts pairwise; and each
//!   document's share of recycled text.
//! - [`quotes`]: direct quotes with their attribution cue and speaker.
//! - [`claims`]: counts and quantities, what they count, who states them, and
//!   a group key that puts comparable figures side by side.
//!
//! Everything here is infallible and deterministic: any text gives an
//! [`Analysis`], and the same input gives the same output. Results speak of
//! documents by their index in the analysed slice and of text by
//! [`TextSpan`]s (bytes for slicing, code points for the browser); entities
//! by [`EntityRef`] (type and id in the extraction's entity table).
//!
//! The analysis is of the whole corpus (passages relate documents), so after
//! adding articles, run [`analyse`] again over all of them: it is linear in
//! the corpus size (10,000 generated articles, 32 MB, take about 3 s natively
//! in release, see `tests/across_scale.rs`).
//!
//! For the views:
//! - [`Analysis::passages_in`] and [`Analysis::shared_share`]: a document's
//!   recycled passages, each with its [`PassageCluster`] (the other copies),
//!   and "62% of this text appears elsewhere" ([`SharedShare::ratio`]);
//! - [`Analysis::quotes_in`], [`Analysis::quotes_by`]: quotes with their
//!   [`Quote::cue`] to highlight and [`Quote::speaker`] to link;
//! - [`Analysis::claim_groups`]: figures by [`Claim::group`], each with its
//!   source, qualifier, places and dates, to set side by side.
//!
//! ```
//! use entiscope_core::across::analyse;
//! use entiscope_core::corpus::Document;
//! use entiscope_core::extract::Extractor;
//! let docs = vec![
//!     Document::new("a", "\"We will not stop,\" Ilham Aliyev said on Friday."),
//!     Document::new("b", "Armenia says 51 more soldiers were killed."),
//! ];
//! let ex = Extractor::new().unwrap().extract_corpus(&docs);
//! let analysis = analyse(&docs, &ex);
//! assert_eq!(analysis.quotes[0].speaker.as_ref().unwrap().id, "ilham-aliyev");
//! assert_eq!(analysis.claims[0].value, 51);
//! ```

mod analysis;
mod attribution;
pub mod claims;
mod lexicon;
mod marks;
mod numbers;
pub mod passages;
mod prepare;
pub mod quotes;
mod shingle;
mod span;

pub use analysis::Analysis;
pub use claims::{find_claims, Claim, Event, Qualifier, Unit};
pub use passages::{find_passages, PassageCluster, PassageMember, SharedShare};
pub use quotes::{find_quotes, Attribution, Quote};
pub use span::{EntityRef, TextSpan};

use crate::corpus::Document;
use crate::extract::CorpusExtraction;

/// Run every analysis over `docs` and their extraction (from
/// [`crate::extract::Extractor::extract_corpus`] over the same slice; a
/// missing or short extraction only loses speakers, sources and places).
pub fn analyse(docs: &[Document], extraction: &CorpusExtraction) -> Analysis {
    let mut out = Analysis::default();
    let mut fps = Vec::with_capacity(docs.len());
    let empty = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let p = prepare::Prepared::new(doc);
        let mentions = extraction.docs.get(i).map_or(&empty, |x| &x.mentions);
        let ctx = attribution::DocContext::new(&p, mentions);
        let quotes = quotes::quotes_in(i, &ctx);
        out.claims.extend(claims::claims_in(i, doc, &ctx, &quotes));
        out.quotes.extend(quotes);
        fps.push(shingle::DocShingles::new(&p));
    }
    let (passages, shares) = passages::passages_from(docs, &fps);
    out.passages = passages;
    out.shared_share_per_doc = shares;
    out
}

#[cfg(test)]
mod tests;
