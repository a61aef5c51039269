//! entiscope's pure core: everything the explorer knows, with no Leptos, web-sys
//! or wasm-bindgen import, so it builds and tests natively and runs unchanged in
//! the browser.
//!
//! The pipeline reads top to bottom:
//!
//! 1. [`corpus`]: source files become [`corpus::Document`]s with metadata
//!    (title, outlet, publication date) and blocks (paragraphs, site furniture).
//! 2. [`time`]: calendar dates, shared by metadata detection and extraction.
//! 3. [`text`]: folding, tokens and slugs: the text layer extraction reads.
//! 4. [`knowledge`]: embedded open data (places, countries, organisations,
//!    outlets, given names), parsed once.
//! 5. [`extract`]: documents -> typed mentions -> linked entities.
//! 6. [`url_state`]: the explorer's state as a query string, parsed leniently.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod corpus;
pub mod extract;
pub mod knowledge;
pub mod text;
pub mod time;
pub mod url_state;
