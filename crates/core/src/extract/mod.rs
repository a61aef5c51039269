//! Entity extraction: text -> typed mentions -> linked entities.
//!
//! The extractor is built once from embedded open data and then extracts from
//! any text without failing.

mod model;

pub use model::{CorpusExtraction, DocExtraction, Entity, EntityType, Mention};
