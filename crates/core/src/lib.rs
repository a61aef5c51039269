//! entiscope's pure core: everything the explorer knows, with no Leptos, web-sys
//! or wasm-bindgen import, so it builds and tests natively and runs unchanged in
//! the browser.
//!
//! The pipeline reads top to bottom:
//!
//! 1. [`corpus`]: source files become [`corpus::Document`]s with metadata
//!    (title, outlet, publication date) and blocks (paragraphs, site furniture).
//! 2. [`text`] and [`knowledge`]: folding, tokens, and the open-data gazetteers.
//! 3. [`extract`]: typed mentions linked to entities across the corpus.
//! 4. [`index`]: postings, filters (ALL/ANY/NOT), facet counts, KWIC.
//! 5. [`across`]: shared passages, quotes with speakers, numeric claims.
//! 6. [`url_state`]: the explorer's state as a query string, parsed leniently.
//!
//! [`time`] holds calendar dates, shared by metadata and DATE extraction.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod across;
pub mod corpus;
pub mod extract;
pub mod import;
pub mod index;
pub mod knowledge;
pub mod text;
pub mod time;
pub mod url_state;
pub mod workspace;
