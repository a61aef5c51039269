//! The corpus compiled into the app (see `build.rs`): no request is needed to
//! show the default articles.

use entiscope_core::corpus::Document;

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// The embedded corpus as documents, in file-name order.
pub fn documents() -> Vec<Document> {
    SOURCES
        .iter()
        .map(|(id, text)| Document::new(*id, *text))
        .collect()
}
