//! Entity extraction: text -> typed mentions -> linked entities.
//!
//! The extractor is built once from embedded open data and then extracts from
//! any text without failing. Per document, the pipeline is:
//!
//! 1. segment: content blocks -> tokens (`crate::text`), folded text for
//!    matching;
//! 2. match: the dictionary of known names (places, countries,
//!    nationalities, organisations, outlets), `dictionary.rs`;
//! 3. recognise: dates (`date.rs`), organisations built on head words
//!    (`org.rs`), places from context (`place.rs`), persons from cues
//!    (`person.rs`);
//! 4. resolve overlaps (longest first, `context.rs`) and link mentions to
//!    ids (`link.rs`).
//!
//! ```
//! use entiscope_core::corpus::Document;
//! use entiscope_core::extract::{EntityType, Extractor};
//! let ex = Extractor::new().unwrap();
//! let doc = Document::new("d", "President Ilham Aliyev said Baku would not wait.");
//! let out = ex.extract(&doc);
//! let found: Vec<(&str, EntityType)> = out.mentions.iter().map(|m| (&doc.text[m.start..m.end], m.ty)).collect();
//! assert_eq!(found, [("Ilham Aliyev", EntityType::Person), ("Baku", EntityType::Place)]);
//! ```

mod acronym;
mod context;
mod corpus;
mod cues;
mod date;
mod dictionary;
mod link;
mod model;
mod names;
mod org;
mod person;
mod place;

pub use crate::knowledge::BuildError;
pub use model::{CorpusExtraction, DocExtraction, Entity, EntityType, Mention};

use crate::corpus::Document;
use crate::knowledge::Knowledge;
use crate::text::{FastSet, Folded};
use context::{select, Cand, Ctx};
use cues::Cues;
use dictionary::Dictionary;

/// The entity extractor: knowledge and compiled matchers.
pub struct Extractor {
    know: Knowledge,
    cues: Cues,
    dict: Dictionary,
}

impl Extractor {
    /// Build from the embedded data. Fails only if that data is malformed.
    #[cfg(feature = "embedded-data")]
    pub fn new() -> Result<Extractor, BuildError> {
        Extractor::from_sources(crate::knowledge::Sources::embedded())
    }

    /// Build from the texts of the knowledge data files (what the browser
    /// fetches). Fails only if that data is malformed.
    pub fn from_sources(src: crate::knowledge::Sources<'_>) -> Result<Extractor, BuildError> {
        Extractor::from_knowledge(Knowledge::from_sources(src)?)
    }

    /// Build around knowledge already read (compiles its dictionary). Split
    /// from [`Extractor::from_sources`] so the browser can let a frame
    /// through between the two halves of the work.
    pub fn from_knowledge(know: Knowledge) -> Result<Extractor, BuildError> {
        let dict = Dictionary::new(&know)?;
        let cues = Cues::load()?;
        Ok(Extractor { know, cues, dict })
    }

    /// What the extractor knows.
    pub fn knowledge(&self) -> &Knowledge {
        &self.know
    }

    /// The mentions of one document, linked within the document only.
    pub fn extract(&self, doc: &Document) -> DocExtraction {
        self.extract_with(doc, &FastSet::default())
    }

    /// [`Extractor::extract`], also reading `known` folded surnames as names.
    fn extract_with(&self, doc: &Document, known: &FastSet<String>) -> DocExtraction {
        let cands = self.recognise(doc, known);
        let ids = link::link_doc(&self.know, &self.cues, &doc.text, &cands);
        DocExtraction {
            doc_id: doc.id.clone(),
            mentions: link::mentions(&doc.text, &cands, ids),
        }
    }

    /// Every document's mentions, linked across the corpus, and the entity table.
    pub fn extract_corpus(&self, docs: &[Document]) -> CorpusExtraction {
        self.extract_corpus_on(docs, 1)
    }

    /// [`Extractor::extract_corpus`] with the per-document work spread over
    /// `threads` threads (native only: the browser has one). The result is
    /// the same for any number of threads.
    pub fn extract_corpus_on(&self, docs: &[Document], threads: usize) -> CorpusExtraction {
        // People named in full anywhere make their surname alone a name
        // everywhere ("Erdogan said" in an article that never gives "Recep").
        // Only names that look like names (a known given name first, or a
        // surname-shaped last word) travel, so one odd match cannot spread.
        let known_sets = par_map(docs, threads, |part| {
            let mut known = FastSet::default();
            for d in part {
                self.surnames_named_in_full(d, &mut known);
            }
            vec![known]
        });
        let mut known = FastSet::default();
        for k in known_sets {
            known.extend(k);
        }
        let per_doc = par_map(docs, threads, |part| {
            part.iter().map(|d| self.extract_with(d, &known)).collect()
        });
        self.link_corpus(docs, per_doc)
    }

    /// Add the folded surnames of the people `doc` names in full to `known`.
    fn surnames_named_in_full(&self, d: &Document, known: &mut FastSet<String>) {
        for c in self.recognise(d, &FastSet::default()) {
            let words: Vec<&str> = d.text[c.start..c.end].split_whitespace().collect();
            if c.ty != EntityType::Person || words.len() < 2 {
                continue;
            }
            let first = crate::text::fold_str(words[0]);
            let family = names::surname_index(&self.cues, &words);
            if family == 0 {
                known.insert(first); // "Zhao Lijian": Zhao
                continue;
            }
            let last = crate::text::fold_str(words[family]);
            let surname_shaped = self
                .cues
                .words(cues::Cue::SurnameEndings)
                .any(|e| last.len() >= 5 && last.ends_with(e));
            if self.know.is_given_name(&first) || surname_shaped {
                known.insert(last);
            }
        }
    }

    /// Candidates of every recogniser, overlaps resolved, sorted.
    fn recognise(&self, doc: &Document, known: &FastSet<String>) -> Vec<Cand> {
        let ctx = Ctx::new(doc, &self.know, &self.cues);
        if ctx.tokens.is_empty() {
            return Vec::new();
        }
        let mut folded = Folded::new(&doc.text);
        folded.text = folded.text.replace('-', " ");
        let dict = self.dict.find(&ctx, &folded);
        let dates = date::find(&ctx, doc.meta.published);
        let n = ctx.tokens.len();
        let mut taken = vec![false; n];
        let mut known_place = vec![false; n];
        let mark = |mask: &mut Vec<bool>, cands: &[Cand], pred: &dyn Fn(&Cand) -> bool| {
            for c in cands.iter().filter(|c| pred(c)) {
                let from = ctx.tokens.partition_point(|t| t.end <= c.start);
                for (k, t) in ctx.tokens.iter().enumerate().skip(from) {
                    if t.start >= c.end {
                        break;
                    }
                    mask[k] = true;
                }
            }
        };
        mark(&mut taken, &dict, &|_| true);
        mark(&mut taken, &dates, &|_| true);
        mark(&mut known_place, &dict, &|c| c.ty == EntityType::Place);
        let orgs = org::find(&ctx, &dict);
        mark(&mut taken, &orgs, &|_| true);
        let places = place::find(&ctx, &taken, &known_place);
        mark(&mut taken, &places, &|_| true);
        let persons = person::find(&ctx, &taken, known);
        let mut all = dict;
        all.extend(dates);
        all.extend(orgs);
        all.extend(persons);
        all.extend(places);
        let mut selected = select(all);
        let aliases = place::aliases(&ctx, &selected);
        if !aliases.is_empty() {
            selected.extend(aliases);
            selected.sort_by_key(|c| c.start);
        }
        selected
    }
}

#[cfg(test)]
mod tests;

/// `f` over contiguous parts of `items`, on up to `threads` scoped threads,
/// results concatenated in order (so the output does not depend on timing).
fn par_map<T: Sync, U: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&[T]) -> Vec<U> + Sync,
) -> Vec<U> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return f(items);
    }
    let size = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = items.chunks(size).map(|part| s.spawn(|| f(part))).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}
