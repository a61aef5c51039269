//! Fuzz the bundle reader (files a static host serves to the app): the first
//! byte picks the file (head, postings or a text chunk), the rest is its
//! inflated content. Reading must never panic, and whatever it accepts must
//! be safe to index with: entity and article numbers in range, mention spans
//! on char boundaries inside their text, in order.
//!
//!     cargo fuzz run bundle
#![no_main]

use entiscope_core::bundle::{
    build, decode_chunk, decode_head, decode_postings, encode_head, Head,
};
use entiscope_core::corpus::Document;
use entiscope_core::extract::{CorpusExtraction, DocExtraction, Entity, EntityType, Mention};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// A small valid head to check postings and chunks against (built without
/// the extractor, so each run is fast).
fn head() -> &'static Head {
    static HEAD: OnceLock<Head> = OnceLock::new();
    HEAD.get_or_init(|| {
        let docs: Vec<Document> = (0..5)
            .map(|i| Document::new(format!("d{i}"), format!("Baku and Füzuli, day {i}.")))
            .collect();
        let entity = |id: &str| Entity {
            id: id.into(),
            ty: EntityType::Place,
            name: id.into(),
            aliases: vec![id.into()],
            qid: None,
            coords: None,
        };
        let mention = |start, end, id: &str| Mention {
            start,
            end,
            char_start: start,
            char_end: end,
            ty: EntityType::Place,
            entity: id.into(),
        };
        let x = CorpusExtraction {
            docs: docs
                .iter()
                .map(|d| DocExtraction {
                    doc_id: d.id.clone(),
                    mentions: vec![mention(0, 4, "baku"), mention(9, 16, "fuzuli")],
                })
                .collect(),
            entities: vec![entity("baku"), entity("fuzuli")],
        };
        let built = build(&docs, &x, &[], 2);
        decode_head(&encode_head(&built.head)).expect("a head we just wrote")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    match kind % 3 {
        0 => {
            if let Ok(h) = decode_head(rest) {
                assert_eq!(h.totals.len(), h.entities.len());
                assert!(h.chunk_size > 0);
                let _ = h.stub_documents();
                let _ = h.chunk_count();
            }
        }
        1 => {
            let head = head();
            if let Ok(lists) = decode_postings(rest, head) {
                assert_eq!(lists.len(), head.entities.len());
                for list in lists {
                    for w in list.windows(2) {
                        assert!(w[0].0 < w[1].0);
                    }
                    assert!(list.iter().all(|p| (p.0 as usize) < head.docs.len()));
                }
            }
        }
        _ => {
            let head = head();
            for n in 0..head.chunk_count() {
                if let Ok(docs) = decode_chunk(rest, head, n) {
                    for d in docs {
                        assert!((d.number as usize) < head.docs.len());
                        let mut end = 0;
                        for m in &d.mentions {
                            assert!(m.start >= end && m.end > m.start);
                            assert!(d.doc.text.get(m.start..m.end).is_some());
                            end = m.end;
                        }
                    }
                }
            }
        }
    }
});
