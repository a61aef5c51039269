//! Shared-passage detection at scale, on a generated corpus: deterministic
//! articles of realistic sentence lengths over a Zipf-like vocabulary (so
//! common phrases recur by chance, as in news), with passages planted in
//! several articles, half of the copies edited.
//!
//! `planted_passages_are_found` runs in every `cargo test`; the 10,000
//! article timing runs with
//! `cargo test --release -p entiscope-core --test across_scale -- --ignored --nocapture`.

use entiscope_core::across::{analyse, find_passages};
use entiscope_core::corpus::Document;
use entiscope_core::extract::CorpusExtraction;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FUNCTION: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "with", "as", "was", "by",
    "at", "from", "it", "its", "has", "have", "said", "were", "be", "this", "which", "an", "after",
    "over", "since", "their", "not", "but", "more", "than", "two",
];

struct Gen {
    rng: Rng,
    vocab: Vec<String>,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        let mut rng = Rng(seed);
        let syl = [
            "ka", "ra", "ba", "zan", "mer", "dil", "ost", "ve", "lin", "gor", "sha", "tu", "pe",
            "no", "ar", "iy",
        ];
        let vocab = (0..6000)
            .map(|_| {
                let n = 2 + rng.below(3);
                (0..n)
                    .map(|_| syl[rng.below(syl.len())])
                    .collect::<String>()
            })
            .collect();
        Gen { rng, vocab }
    }

    /// A content word, Zipf-like: low ranks far more often.
    fn content(&mut self) -> String {
        let u = (self.rng.below(1_000_000) as f64 + 1.0) / 1_000_000.0;
        let rank = ((self.vocab.len() as f64).powf(u) - 1.0) as usize;
        self.vocab[rank.min(self.vocab.len() - 1)].clone()
    }

    fn sentence(&mut self) -> String {
        let len = 8 + self.rng.below(25);
        let mut words: Vec<String> = (0..len)
            .map(|_| {
                if self.rng.chance(45) {
                    FUNCTION[self.rng.below(FUNCTION.len())].to_string()
                } else {
                    self.content()
                }
            })
            .collect();
        if self.rng.chance(10) {
            words.insert(self.rng.below(len), format!("{}", 2 + self.rng.below(500)));
        }
        let mut s = words.join(" ");
        if let Some(f) = s.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        s.push('.');
        s
    }

    /// A light edit: straight quotes to curly ones, a dropped word, a
    /// changed word.
    fn edit(&mut self, s: &str) -> String {
        let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
        match self.rng.below(3) {
            0 => {
                let n = words.len();
                if n > 6 {
                    let i = 1 + self.rng.below(n - 2);
                    words.remove(i);
                }
            }
            1 => {
                let i = self.rng.below(words.len());
                words[i] = self.content();
            }
            _ => {}
        }
        words.join(" ").replace('"', "\u{201c}")
    }
}

/// `n` articles and, per planted passage, the articles holding a copy.
fn corpus(n: usize, seed: u64) -> (Vec<Document>, BTreeMap<usize, BTreeSet<usize>>) {
    let mut g = Gen::new(seed);
    let pool: Vec<String> = (0..(n / 8).max(4))
        .map(|_| {
            let k = 1 + g.rng.below(3);
            let body: Vec<String> = (0..k).map(|_| g.sentence()).collect();
            format!("\"{}\" an official said.", body.join(" "))
        })
        .collect();
    let mut planted: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut docs = Vec::with_capacity(n);
    for d in 0..n {
        let mut paras: Vec<String> = Vec::new();
        let np = 8 + g.rng.below(8);
        for _ in 0..np {
            let k = 1 + g.rng.below(3);
            paras.push((0..k).map(|_| g.sentence()).collect::<Vec<_>>().join(" "));
        }
        if g.rng.chance(40) {
            for _ in 0..1 + g.rng.below(2) {
                let p = g.rng.below(pool.len());
                let text = if g.rng.chance(50) {
                    g.edit(&pool[p])
                } else {
                    pool[p].clone()
                };
                let at = g.rng.below(paras.len() + 1);
                paras.insert(at, text);
                planted.entry(p).or_default().insert(d);
            }
        }
        docs.push(Document::new(format!("gen{d:05}"), paras.join("\n\n")));
    }
    planted.retain(|_, ds| ds.len() >= 2);
    (docs, planted)
}

/// (recall of planted passages, clusters that match no planted passage).
fn score(n: usize, seed: u64) -> (f64, usize, usize) {
    let (docs, planted) = corpus(n, seed);
    let (clusters, _) = find_passages(&docs);
    let doc_sets: Vec<BTreeSet<usize>> = clusters
        .iter()
        .map(|c| c.members.iter().map(|m| m.doc).collect())
        .collect();
    let found = planted
        .values()
        .filter(|ds| doc_sets.iter().any(|s| s.intersection(ds).count() >= 2))
        .count();
    let false_clusters = doc_sets
        .iter()
        .filter(|s| !planted.values().any(|ds| s.is_subset(ds)))
        .count();
    (
        found as f64 / planted.len().max(1) as f64,
        false_clusters,
        planted.len(),
    )
}

#[test]
fn planted_passages_are_found() {
    let (recall, false_clusters, planted) = score(400, 7);
    eprintln!("400 articles: {planted} planted passages, recall {recall:.3}, {false_clusters} false clusters");
    assert!(recall >= 0.95, "recall {recall}");
    assert_eq!(false_clusters, 0);
}

#[test]
#[ignore = "timing: run in release with --ignored"]
fn ten_thousand_articles_in_under_ten_seconds() {
    let (docs, planted) = corpus(10_000, 42);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = Instant::now();
    let (clusters, _) = find_passages(&docs);
    let passages = t.elapsed();
    let t = Instant::now();
    let all = analyse(&docs, &CorpusExtraction::default());
    let whole = t.elapsed();
    eprintln!(
        "10,000 articles ({:.1} MB), {} planted passages: find_passages {:.2} s ({} clusters), analyse {:.2} s",
        bytes as f64 / 1e6,
        planted.len(),
        passages.as_secs_f64(),
        clusters.len(),
        whole.as_secs_f64(),
    );
    assert_eq!(all.passages, clusters);
    if !cfg!(debug_assertions) {
        assert!(passages.as_secs_f64() < 10.0);
        assert!(whole.as_secs_f64() < 10.0);
    }
    let (recall, false_clusters, _) = score(10_000, 42);
    eprintln!("recall {recall:.3}, {false_clusters} false clusters");
    assert!(recall >= 0.95);
}

/// One huge paragraph of quotes, cues and figures, and one sentence of
/// numbers: the per-document work must stay near linear (no scan of every
/// cue or mention per quote).
#[test]
fn pathological_documents_stay_fast() {
    let quotes = "\"We have no time to wait,\" he said, adding that 19 civilians were killed. "
        .repeat(3_000);
    let numbers = "1 2 3 soldiers and ".repeat(3_000);
    let docs = vec![
        Document::new("q", format!("Ilham Aliyev said it. {quotes}")),
        Document::new("n", format!("The number of {numbers} villages.")),
        Document::new("q2", quotes.clone()),
    ];
    let t = Instant::now();
    let a = analyse(&docs, &CorpusExtraction::default());
    let took = t.elapsed().as_secs_f64();
    eprintln!(
        "pathological documents: {took:.2} s, {} quotes, {} claims",
        a.quotes.len(),
        a.claims.len()
    );
    assert!(a.quotes.len() >= 6_000);
    assert!(took < 30.0, "{took}");
}
