//! The corpus compiled into the app (see `build.rs`): the texts and their
//! extraction, so no request and no extraction work is needed to show the
//! default articles.

use entiscope_core::corpus::Document;
use entiscope_core::extract::CorpusExtraction;

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

static EXTRACTION: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/extraction.postcard"));

/// The embedded corpus as documents, in file-name order.
pub fn documents() -> Vec<Document> {
    SOURCES
        .iter()
        .map(|(id, text)| Document::new(*id, *text))
        .collect()
}

/// The extraction computed at build time. Should the blob ever fail to decode
/// (it is written by the same code in the same build), the app shows the
/// articles without entities rather than failing.
pub fn extraction() -> Result<CorpusExtraction, String> {
    postcard::from_bytes(EXTRACTION).map_err(|e| format!("embedded extraction unreadable: {e}"))
}
