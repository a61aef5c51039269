//! Corpus-wide linking as its own step, so a caller can extract documents one
//! at a time (the browser does, in chunks that keep the page responsive) and
//! link them once at the end. [`Extractor::extract_corpus`] is the same steps
//! plus one corpus-wide pre-pass (a surname named in full in any document is a
//! name alone in every document), which incremental callers go without.

use super::{link, CorpusExtraction, DocExtraction, EntityType, Extractor};
use crate::corpus::Document;

impl Extractor {
    /// Link per-document extractions (`per_doc[i]` from
    /// [`Extractor::extract`] of `docs[i]`) across the corpus and build the
    /// entity table.
    pub fn link_corpus(&self, docs: &[Document], per_doc: Vec<DocExtraction>) -> CorpusExtraction {
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        self.link_texts(&texts, per_doc)
    }

    /// [`Extractor::link_corpus`] given only the documents' texts, which is
    /// all linking reads (callers that hold texts, such as the browser's
    /// extractor module, need not rebuild the documents).
    pub fn link_texts(&self, texts: &[&str], per_doc: Vec<DocExtraction>) -> CorpusExtraction {
        let mut corpus = CorpusExtraction {
            docs: per_doc,
            entities: Vec::new(),
        };
        let map = link::corpus_person_map(&self.cues, &corpus.docs);
        link::remap(&mut corpus, &map, EntityType::Person);
        let map = link::corpus_place_map(&self.know, &corpus.docs);
        link::remap(&mut corpus, &map, EntityType::Place);
        let map = link::corpus_date_map(&corpus.docs);
        link::remap(&mut corpus, &map, EntityType::Date);
        let pairs: Vec<(&str, &DocExtraction)> = texts.iter().copied().zip(&corpus.docs).collect();
        corpus.entities = link::entities(&self.know, &pairs);
        corpus
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    /// Where no document relies on a surname named only elsewhere, linking
    /// per-document extractions equals extracting the corpus.
    fn linking_separately_equals_extract_corpus() {
        let ex = Extractor::new().unwrap();
        let docs = vec![
            Document::new("a", "President Ilham Aliyev spoke in Baku on Monday."),
            Document::new(
                "b",
                "Aliyev said Fizuli was taken. Azerbaijani forces advanced.",
            ),
        ];
        let per_doc = docs.iter().map(|d| ex.extract(d)).collect();
        assert_eq!(ex.link_corpus(&docs, per_doc), ex.extract_corpus(&docs));
    }
}
