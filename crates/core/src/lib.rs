//! entiscope's pure core: everything the explorer knows, with no Leptos, web-sys
//! or wasm-bindgen import, so it builds and tests natively and runs unchanged in
//! the browser.
//!
//! The pipeline reads top to bottom:
//!
//! 1. [`corpus`]: source files become [`corpus::Document`]s with metadata
//!    (title, outlet, publication date) and blocks (paragraphs, site furniture).
//! 2. [`time`]: calendar dates, shared by metadata detection and extraction.
//! 3. [`url_state`]: the explorer's state as a query string, parsed leniently.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod corpus;
pub mod extract;
pub mod index;
pub mod time;
pub mod url_state;
