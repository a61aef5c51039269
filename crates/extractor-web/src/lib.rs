//! entiscope's extractor as a wasm module of its own.
//!
//! The app shows its compiled-in corpus with an extraction computed at build
//! time, so the extractor is only needed when a reader adds articles. Built
//! into the app, its code was about 100 KB of the app's gzip wasm that every
//! visitor downloaded and compiled before the first screen; as this module
//! the app imports it (and fetches its knowledge files) on first use.
//!
//! The app and the module each have their own memory, so what crosses
//! between them is text in and postcard bytes out: a [`DocExtraction`] per
//! article, and for linking the per-article extractions in and a
//! [`CorpusExtraction`] out. [`Session`] is that API in plain Rust (tested
//! natively); the `#[wasm_bindgen]` functions below wrap one session per
//! module instance.

use entiscope_core::corpus::Document;
use entiscope_core::extract::{CorpusExtraction, DocExtraction, Extractor};
use entiscope_core::knowledge::{Knowledge, Sources};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Where the module stands: knowledge read, then the extractor built from it
/// (two steps, so the app can let the browser paint in between).
#[derive(Default)]
pub struct Session {
    know: Option<Knowledge>,
    extractor: Option<Extractor>,
}

impl Session {
    /// Read the knowledge files' texts (in `Sources::FILES` order).
    pub fn build_knowledge(&mut self, texts: [&str; 4]) -> Result<(), String> {
        let know = Knowledge::from_sources(Sources::from_texts(texts))
            .map_err(|e| format!("the extractor's data could not be read: {e}"))?;
        self.know = Some(know);
        self.extractor = None;
        Ok(())
    }

    /// Build the extractor from the knowledge read by
    /// [`Session::build_knowledge`].
    pub fn build_extractor(&mut self) -> Result<(), String> {
        let know = self
            .know
            .take()
            .ok_or("the extractor's data has not been read yet")?;
        let ex = Extractor::from_knowledge(know)
            .map_err(|e| format!("the extractor could not be built: {e}"))?;
        self.extractor = Some(ex);
        Ok(())
    }

    /// Whether [`Session::build_extractor`] succeeded.
    pub fn is_ready(&self) -> bool {
        self.extractor.is_some()
    }

    fn extractor(&self) -> Result<&Extractor, String> {
        self.extractor
            .as_ref()
            .ok_or_else(|| "the extractor has not been built yet".to_string())
    }

    /// One article's extraction, postcard-encoded.
    pub fn extract(&self, id: &str, text: &str) -> Result<Vec<u8>, String> {
        let out = self.extractor()?.extract(&Document::new(id, text));
        postcard::to_allocvec(&out).map_err(|e| format!("extraction of {id} not encodable: {e}"))
    }

    /// Link per-article extractions (postcard `Vec<DocExtraction>`, one per
    /// text of `texts`, in that order) across the corpus; the result is a
    /// postcard [`CorpusExtraction`]. Linking reads only the texts, so no
    /// document is rebuilt here.
    pub fn link(&self, texts: &[String], per_doc: &[u8]) -> Result<Vec<u8>, String> {
        let ex = self.extractor()?;
        let per_doc: Vec<DocExtraction> = postcard::from_bytes(per_doc)
            .map_err(|e| format!("link: the per-article extractions are unreadable: {e}"))?;
        if per_doc.len() != texts.len() {
            return Err(format!(
                "link: {} texts but {} extractions",
                texts.len(),
                per_doc.len()
            ));
        }
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let linked: CorpusExtraction = ex.link_texts(&texts, per_doc);
        postcard::to_allocvec(&linked).map_err(|e| format!("link: result not encodable: {e}"))
    }

    /// The number of mentions in `text` (for `make bench`), or -1 when the
    /// extractor is not built.
    pub fn bench_extract(&self, text: &str) -> i32 {
        match self.extractor() {
            Ok(ex) => ex.extract(&Document::new("bench", text)).mentions.len() as i32,
            Err(_) => -1,
        }
    }
}

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::default());
}

/// Step one of building: read the four knowledge files.
#[wasm_bindgen(js_name = buildKnowledge)]
pub fn build_knowledge(
    countries: &str,
    places: &str,
    known: &str,
    given_names: &str,
) -> Result<(), String> {
    SESSION.with(|s| {
        s.borrow_mut()
            .build_knowledge([countries, places, known, given_names])
    })
}

/// Step two of building: compile the matchers.
#[wasm_bindgen(js_name = buildExtractor)]
pub fn build_extractor() -> Result<(), String> {
    SESSION.with(|s| s.borrow_mut().build_extractor())
}

/// See [`Session::extract`].
#[wasm_bindgen]
pub fn extract(id: &str, text: &str) -> Result<Vec<u8>, String> {
    SESSION.with(|s| s.borrow().extract(id, text))
}

/// See [`Session::link`].
#[wasm_bindgen]
pub fn link(texts: Vec<String>, per_doc: &[u8]) -> Result<Vec<u8>, String> {
    SESSION.with(|s| s.borrow().link(&texts, per_doc))
}

/// See [`Session::bench_extract`].
#[wasm_bindgen(js_name = benchExtract)]
pub fn bench_extract(text: &str) -> i32 {
    SESSION.with(|s| s.borrow().bench_extract(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built() -> Session {
        let src = Sources::embedded();
        let mut s = Session::default();
        s.build_knowledge([src.countries, src.places, src.known, src.given_names])
            .unwrap();
        s.build_extractor().unwrap();
        s
    }

    const TEXTS: [&str; 2] = [
        "President Ilham Aliyev said on October 3, 2020 that Fuzuli was taken.",
        "Aliyev spoke to Recep Tayyip Erdogan in Ankara. Azerbaijani troops entered Fizuli.",
    ];

    #[test]
    /// What crosses the module boundary decodes to exactly what the
    /// extractor returns in-process.
    fn extract_round_trips() {
        let s = built();
        let ex = Extractor::new().unwrap();
        for (i, text) in TEXTS.iter().enumerate() {
            let id = format!("d{i}");
            let bytes = s.extract(&id, text).unwrap();
            let got: DocExtraction = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(got, ex.extract(&Document::new(id.as_str(), *text)));
            assert!(!got.mentions.is_empty());
        }
    }

    #[test]
    /// Linking through the module equals linking in-process.
    fn link_round_trips() {
        let s = built();
        let ex = Extractor::new().unwrap();
        let ids: Vec<String> = (0..TEXTS.len()).map(|i| format!("d{i}")).collect();
        let texts: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
        let docs: Vec<Document> = ids
            .iter()
            .zip(&texts)
            .map(|(i, t)| Document::new(i.as_str(), t.as_str()))
            .collect();
        let per_doc: Vec<DocExtraction> = docs.iter().map(|d| ex.extract(d)).collect();
        let bytes = s
            .link(&texts, &postcard::to_allocvec(&per_doc).unwrap())
            .unwrap();
        let got: CorpusExtraction = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(got, ex.link_corpus(&docs, per_doc));
        assert!(got.entities.iter().any(|e| e.id == "fuzuli"));
    }

    #[test]
    /// Calls out of order, or with inputs that do not fit, are errors that
    /// say what is wrong, never a panic.
    fn misuse_is_an_error() {
        let mut s = Session::default();
        assert!(s
            .extract("a", "text")
            .unwrap_err()
            .contains("not been built"));
        assert_eq!(s.bench_extract("text"), -1);
        assert!(s.build_extractor().unwrap_err().contains("not been read"));
        let s = built();
        let texts = vec!["t".to_string()];
        let err = s.link(&texts, &[0xff, 0xff]).unwrap_err();
        assert!(err.contains("unreadable"), "{err}");
        let empty = postcard::to_allocvec(&Vec::<DocExtraction>::new()).unwrap();
        let err = s.link(&texts, &empty).unwrap_err();
        assert!(err.contains("1 texts but 0 extractions"), "{err}");
    }

    #[test]
    /// Malformed knowledge files are reported with the file and line at
    /// fault, and leave the session unbuilt.
    fn bad_data_is_an_error() {
        let src = Sources::embedded();
        let mut s = Session::default();
        let known = "PERSON\tx\tX\nMONSTER\ty\tY\n";
        let err = s
            .build_knowledge([src.countries, src.places, known, src.given_names])
            .unwrap_err();
        assert!(err.contains("known.tsv:2"), "{err}");
        assert!(!s.is_ready());
        assert!(s.build_extractor().is_err());
    }
}
