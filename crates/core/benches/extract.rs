//! Extraction throughput: the default corpus repeated to about 1 MB of text,
//! extracted document by document on one core. Divan reports words/s as the
//! item throughput.
//!
//!     cargo bench -p entiscope-core --bench extract

use divan::counter::ItemsCount;
use divan::Bencher;
use entiscope_core::corpus::Document;
use entiscope_core::extract::Extractor;

fn main() {
    divan::main();
}

fn corpus_1mb() -> Vec<Document> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("utf-8 text"))
        .collect();
    texts.sort();
    let mut docs = Vec::new();
    let mut size = 0;
    while size < 1_000_000 {
        for t in &texts {
            size += t.len();
            docs.push(Document::new(format!("d{}", docs.len()), t.clone()));
        }
    }
    docs
}

#[divan::bench(sample_count = 10)]
fn extract_1mb(bencher: Bencher) {
    let ex = Extractor::new().expect("embedded data");
    let docs = corpus_1mb();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    bencher.counter(ItemsCount::new(words)).bench_local(|| {
        docs.iter()
            .map(|d| ex.extract(d).mentions.len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 5)]
fn build_extractor() -> Extractor {
    Extractor::new().expect("embedded data")
}
