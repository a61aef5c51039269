//! The bundle format: what goes in comes out, and no file can make the
//! reader panic or hand out an index that is out of range.

use super::*;
use crate::corpus::Document;
use crate::extract::Extractor;
use crate::index::Index;
use proptest::prelude::*;

fn corpus() -> (Vec<Document>, crate::extract::CorpusExtraction) {
    static CORPUS: std::sync::OnceLock<(Vec<Document>, crate::extract::CorpusExtraction)> =
        std::sync::OnceLock::new();
    CORPUS.get_or_init(extract).clone()
}

fn extract() -> (Vec<Document>, crate::extract::CorpusExtraction) {
    let docs = vec![
        Document::new(
            "a",
            "Ilham Aliyev said in Baku on Monday that Füzuli was taken.",
        ),
        Document::new(
            "b",
            "Nikol Pashinyan met Sergei Lavrov in Moscow.\n\nPashinyan left.",
        ),
        Document::new("c", "No entities here at all."),
    ];
    let x = Extractor::new().unwrap().extract_corpus(&docs);
    (docs, x)
}

#[test]
fn round_trip_keeps_texts_mentions_and_postings() {
    let (docs, x) = corpus();
    let built = build(&docs, &x, &[], 2);
    assert_eq!(built.chunks.len(), 2);
    assert_eq!(built.head.chunk_count(), 2);
    let head = decode_head(&encode_head(&built.head)).unwrap();
    let postings = decode_postings(&encode_postings(&built.postings), &head).unwrap();
    let index = Index::from_postings(
        head.docs.iter().map(|d| d.id.clone()).collect(),
        head.entities.clone(),
        postings,
    );
    let full = Index::new(&x);
    assert_eq!(index.entities, full.entities);
    for e in 0..full.entities.len() as u32 {
        let p = full.postings(e);
        assert_eq!(index.postings(e), p, "{}", full.entities[e as usize].id);
        let total = (p.len() as u32, p.iter().map(|x| x.1).sum::<u32>());
        assert_eq!(head.totals[e as usize], total);
    }
    for d in 0..docs.len() as u32 {
        assert_eq!(index.entities_of(d), full.entities_of(d));
    }
    let mut seen = 0;
    for n in 0..head.chunk_count() {
        for loaded in decode_chunk(&encode_chunk(&built.chunks[n as usize]), &head, n).unwrap() {
            let d = loaded.number as usize;
            assert_eq!(loaded.doc, docs[d]);
            assert_eq!(loaded.mentions, x.docs[d].mentions);
            seen += 1;
        }
    }
    assert_eq!(seen, docs.len());
    let stubs = head.stub_documents();
    assert_eq!(stubs[1].meta, docs[1].meta);
    assert!(stubs[1].text.is_empty());
}

#[test]
fn readers_refuse_what_does_not_fit() {
    let (docs, x) = corpus();
    let built = build(&docs, &x, &[], 2);
    let head = decode_head(&encode_head(&built.head)).unwrap();
    let chunk = encode_chunk(&built.chunks[0]);
    // (what is wrong, the bytes, the message it must contain)
    let mut wrong_format = built.head.clone();
    wrong_format.format = 99;
    let mut short = built.head.clone();
    short.totals.pop();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", vec![], "not an entiscope bundle head"),
        (
            "truncated",
            encode_head(&built.head)[..10].to_vec(),
            "not an entiscope",
        ),
        ("format", encode_head(&wrong_format), "format 99"),
        ("totals", encode_head(&short), "totals"),
    ];
    for (what, bytes, msg) in cases {
        let e = decode_head(&bytes).unwrap_err();
        assert!(e.to_string().contains(msg), "{what}: {e}");
    }
    let mut far = built.postings.clone();
    far.lists[0] = vec![(10_000, 1)];
    let mut twice = built.postings.clone();
    twice.lists[0] = vec![(1, 1), (0, 1)];
    let mut fewer = built.postings.clone();
    fewer.lists.pop();
    for (what, p, msg) in [
        ("far", far, "out of range"),
        ("twice", twice, "twice"),
        ("fewer", fewer, "different bundles"),
    ] {
        let e = decode_postings(&encode_postings(&p), &head).unwrap_err();
        assert!(e.to_string().contains(msg), "{what}: {e}");
    }
    assert!(decode_chunk(&chunk, &head, 1)
        .unwrap_err()
        .message
        .contains("starts at"));
    let mut bad = built.chunks[0].clone();
    bad.docs[0].mentions[0].len = 10_000;
    let e = decode_chunk(&encode_chunk(&bad), &head, 0).unwrap_err();
    assert!(e.message.contains("outside the text"), "{e}");
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let (docs, x) = corpus();
        let head = decode_head(&encode_head(&build(&docs, &x, &[], 2).head)).unwrap();
        let _ = decode_head(&bytes);
        if let Ok(lists) = decode_postings(&bytes, &head) {
            for l in lists {
                for (d, _) in l {
                    prop_assert!((d as usize) < head.docs.len());
                }
            }
        }
        for n in 0..3 {
            if let Ok(loaded) = decode_chunk(&bytes, &head, n) {
                for l in loaded {
                    for m in &l.mentions {
                        prop_assert!(l.doc.text.get(m.start..m.end).is_some());
                    }
                }
            }
        }
    }

    #[test]
    fn any_chunk_size_covers_every_document(size in 0u32..10) {
        let (docs, x) = corpus();
        let built = build(&docs, &x, &[], size);
        let total: usize = built.chunks.iter().map(|c| c.docs.len()).sum();
        prop_assert_eq!(total, docs.len());
        prop_assert_eq!(built.chunks.len() as u32, built.head.chunk_count());
    }
}
