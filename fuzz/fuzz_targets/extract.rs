//! Fuzz the extractor: any bytes (as lossy UTF-8) become a document; the
//! extraction must not panic and its mentions must be well formed.
//!
//!     cargo +nightly fuzz run extract
#![no_main]

use entiscope_core::corpus::Document;
use entiscope_core::extract::Extractor;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("embedded data builds"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document::new("fuzz", text);
    let out = extractor().extract(&doc);
    let mut last = 0;
    for m in &out.mentions {
        assert!(m.start >= last && m.start < m.end && m.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(m.start) && doc.text.is_char_boundary(m.end));
        assert_eq!(m.char_start, doc.text[..m.start].chars().count());
        last = m.end;
    }
    let corpus = extractor().extract_corpus(std::slice::from_ref(&doc));
    assert_eq!(corpus.docs.len(), 1);
});
