//! The extractor in the browser: built once, on first use (it is not needed to
//! show the embedded corpus, whose extraction was computed at build time), and
//! a cache of per-document extractions so relinking after a change does not
//! extract every added article again.

use entiscope_core::corpus::Document;
use entiscope_core::extract::{DocExtraction, Extractor};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

thread_local! {
    static EXTRACTOR: RefCell<Option<Rc<Extractor>>> = const { RefCell::new(None) };
    static CACHE: RefCell<HashMap<String, DocExtraction>> = RefCell::new(HashMap::new());
}

/// The extractor, built on first call.
pub fn extractor() -> Result<Rc<Extractor>, String> {
    if let Some(ex) = EXTRACTOR.with(|e| e.borrow().clone()) {
        return Ok(ex);
    }
    let ex =
        Rc::new(Extractor::new().map_err(|e| format!("the extractor could not be built: {e}"))?);
    EXTRACTOR.with(|e| *e.borrow_mut() = Some(ex.clone()));
    Ok(ex)
}

/// The per-document extraction of `doc`, from the cache or extracted now
/// (document ids of added articles are unique and their text never changes).
pub fn extract_cached(doc: &Document) -> DocExtraction {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&doc.id).cloned()) {
        return hit;
    }
    let out = match extractor() {
        Ok(ex) => ex.extract(doc),
        Err(_) => DocExtraction {
            doc_id: doc.id.clone(),
            mentions: Vec::new(),
        },
    };
    CACHE.with(|c| c.borrow_mut().insert(doc.id.clone(), out.clone()));
    out
}

/// Forget a removed article's extraction.
pub fn forget(id: &str) {
    CACHE.with(|c| c.borrow_mut().remove(id));
}

/// For `make bench` and the test suite: extract `text` as one article with
/// the in-page extractor (built on first call) and return the number of
/// mentions, or -1 when the extractor could not be built. Uncached, so every
/// call does the full work.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchExtract)]
pub fn bench_extract(text: &str) -> i32 {
    match extractor() {
        Ok(ex) => ex.extract(&Document::new("bench", text)).mentions.len() as i32,
        Err(_) => -1,
    }
}
