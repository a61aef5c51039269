//! entiscope's pure core: everything the explorer knows, with no Leptos, web-sys
//! or wasm-bindgen import, so it builds and tests natively and runs unchanged in
//! the browser.
//!
//! The pipeline reads top to bottom:
//!
//! 1. [`corpus`]: source files become [`corpus::Document`]s with metadata
//!    (title, outlet, publication date) and blocks (paragraphs, site furniture).
//! 2. [`text`] and [`knowledge`]: folding, tokens and slugs; embedded open data
//!    (places, countries, organisations, outlets, given names), parsed once.
//! 3. [`extract`]: documents -> typed mentions -> linked entities.
//! 4. [`index`]: postings, filters (ALL/ANY/NOT), facet counts, search, KWIC.
//! 5. [`across`]: shared passages, quotes with speakers, numeric claims.
//! 6. [`overview`]: a timeline, a co-occurrence network and a map of the
//!    matching articles.
//! 7. [`import`] and [`workspace`]: a reader's own articles and corrections.
//! 8. [`url_state`]: the explorer's state as a query string, parsed leniently.
//!
//! [`time`] holds calendar dates, shared by metadata and DATE extraction.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod across;
pub mod bundle;
pub mod corpus;
pub mod extract;
pub mod import;
pub mod index;
pub mod knowledge;
pub mod overview;
pub mod synth;
pub mod text;
pub mod time;
pub mod url_state;
pub mod workspace;
