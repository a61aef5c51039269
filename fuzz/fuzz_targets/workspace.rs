//! Fuzz the workspace and overrides readers: any JSON a user imports parses
//! or fails cleanly, merges, and its corrections apply to an extraction
//! without panicking or leaving a mention without its entity.
//!
//!     cargo fuzz run workspace
#![no_main]

use entiscope_core::corpus::Document;
use entiscope_core::extract::Extractor;
use entiscope_core::index::Index;
use entiscope_core::workspace::{apply, Overrides, Workspace};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const TEXT: &str = "President Ilham Aliyev said Fizuli and Fuzuli were taken. Pashinyan met Lavrov in Moscow on Monday.";

fn extraction() -> &'static entiscope_core::extract::CorpusExtraction {
    static EX: OnceLock<entiscope_core::extract::CorpusExtraction> = OnceLock::new();
    EX.get_or_init(|| {
        Extractor::new()
            .expect("embedded data builds")
            .extract_corpus(&[Document::new("d", TEXT)])
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(ws) = serde_json::from_slice::<Workspace>(data) {
        let mut mine = Workspace::default();
        mine.merge(ws.clone().migrate());
        let corrections: Vec<_> = ws.corrections.into_iter().map(|c| c.correction).collect();
        let mut ex = extraction().clone();
        apply(&mut ex, &[TEXT], &corrections);
        check(&ex);
    }
    if let Ok(o) = serde_json::from_slice::<Overrides>(data) {
        let mut ex = extraction().clone();
        apply(&mut ex, &[TEXT], &o.corrections);
        check(&ex);
    }
});

fn check(ex: &entiscope_core::extract::CorpusExtraction) {
    let index = Index::new(ex);
    for m in index.mentions_of(0) {
        assert!(index.lookup(m.ty, &m.entity).is_some(), "mention without entity");
    }
}
