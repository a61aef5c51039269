//! Fuzz full-text search and highlighting: any query over any text finds
//! ranges on char boundaries, sorted and inside the text.
//!
//!     cargo fuzz run search
#![no_main]

use entiscope_core::index::{SearchQuery, TextIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let (query, text) = s.split_once('\n').unwrap_or((&s, "Füzuli and Fizuli"));
    let index = TextIndex::new([text]);
    let q = SearchQuery::parse(query);
    let _ = index.matching_docs(&q);
    let mut last = 0;
    for (a, b) in index.find(0, &q) {
        assert!(a >= last && a <= b && b <= text.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        last = b;
    }
});
