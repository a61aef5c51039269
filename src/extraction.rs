//! The extractor in the browser: built once, on first use (it is not needed to
//! show the embedded corpus, whose extraction was computed at build time), and
//! a cache of per-document extractions so relinking after a change does not
//! extract every added article again.
//!
//! Its knowledge data is not in the wasm: [`ensure_extractor`] fetches the
//! files (`data/` next to the page, copied there by Trunk from
//! `crates/core/data`) the first time, which keeps the app's download and
//! start-up to what showing a corpus needs.

use entiscope_core::corpus::Document;
use entiscope_core::extract::{DocExtraction, Extractor};
use entiscope_core::knowledge::{Knowledge, Sources};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Where the page serves the knowledge files (relative to its base URL).
const DATA_FOLDER: &str = "data/";

#[wasm_bindgen(module = "/src/browser.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = fetchKnowledge)]
    async fn js_fetch_knowledge(folder: &str, names: Vec<String>) -> Result<JsValue, JsValue>;
}

/// Where the extractor stands.
enum Slot {
    /// Not asked for yet.
    Empty,
    /// Its data is on its way.
    Loading,
    /// Built.
    Ready(Rc<Extractor>),
    /// The data could not be fetched or parsed (a later call tries again).
    Failed(String),
}

thread_local! {
    static EXTRACTOR: RefCell<Slot> = const { RefCell::new(Slot::Empty) };
    static CACHE: RefCell<HashMap<String, DocExtraction>> = RefCell::new(HashMap::new());
}

/// The extractor if it is built; else why not (still loading, or failed).
pub fn extractor() -> Result<Rc<Extractor>, String> {
    EXTRACTOR.with(|e| match &*e.borrow() {
        Slot::Ready(ex) => Ok(ex.clone()),
        Slot::Failed(why) => Err(why.clone()),
        Slot::Empty | Slot::Loading => Err("the extractor's data is still loading".to_string()),
    })
}

/// Whether the extractor is built.
pub fn is_ready() -> bool {
    EXTRACTOR.with(|e| matches!(&*e.borrow(), Slot::Ready(_)))
}

/// The extractor, fetching its data and building it on first call; calls
/// made while it loads wait for the same load.
pub async fn ensure_extractor() -> Result<Rc<Extractor>, String> {
    loop {
        let loading = EXTRACTOR.with(|e| {
            let mut slot = e.borrow_mut();
            match &*slot {
                Slot::Ready(ex) => Some(Ok(ex.clone())),
                Slot::Loading => None,
                Slot::Empty | Slot::Failed(_) => {
                    *slot = Slot::Loading;
                    Some(Err(()))
                }
            }
        });
        match loading {
            Some(Ok(ex)) => return Ok(ex),
            Some(Err(())) => break,
            None => crate::storage::yield_now().await,
        }
    }
    let built = load().await;
    EXTRACTOR.with(|e| {
        *e.borrow_mut() = match &built {
            Ok(ex) => Slot::Ready(ex.clone()),
            Err(why) => Slot::Failed(why.clone()),
        }
    });
    built
}

async fn load() -> Result<Rc<Extractor>, String> {
    let names: Vec<String> = Sources::FILES.iter().map(|n| n.to_string()).collect();
    let texts = js_fetch_knowledge(DATA_FOLDER, names).await.map_err(|e| {
        format!(
            "the extractor's data could not be loaded ({}); check your connection and reload",
            crate::storage::message(e)
        )
    })?;
    let texts: Vec<String> = js_sys::Array::from(&texts)
        .iter()
        .map(|t| t.as_string().unwrap_or_default())
        .collect();
    let [countries, places, known, given_names] = texts.as_slice() else {
        return Err("the extractor's data could not be loaded (files missing)".to_string());
    };
    let src = Sources::from_texts([countries, places, known, given_names]);
    let built =
        |e: entiscope_core::knowledge::BuildError| format!("the extractor could not be built: {e}");
    // Two halves of about 100 ms each, with the browser let in between, so
    // a click during the build waits for one half at most.
    let know = Knowledge::from_sources(src).map_err(built)?;
    crate::storage::yield_now().await;
    let ex = Extractor::from_knowledge(know).map_err(built)?;
    Ok(Rc::new(ex))
}

/// The per-document extraction of `doc`, from the cache or extracted now
/// (document ids of added articles are unique and their text never changes).
pub fn extract_cached(doc: &Document) -> DocExtraction {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&doc.id).cloned()) {
        return hit;
    }
    match extractor() {
        Ok(ex) => {
            let out = ex.extract(doc);
            CACHE.with(|c| c.borrow_mut().insert(doc.id.clone(), out.clone()));
            out
        }
        // Not cached: the article is extracted once the extractor is built
        // (the corpus reports why it has no mentions meanwhile).
        Err(_) => DocExtraction {
            doc_id: doc.id.clone(),
            mentions: Vec::new(),
        },
    }
}

/// Forget a removed article's extraction.
pub fn forget(id: &str) {
    CACHE.with(|c| c.borrow_mut().remove(id));
}

/// For `make bench` and the test suite: extract `text` as one article with
/// the in-page extractor and return the number of mentions, or -1 when the
/// extractor is not built (await `benchReady` first). Uncached, so every call
/// does the full work.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchExtract)]
pub fn bench_extract(text: &str) -> i32 {
    match extractor() {
        Ok(ex) => ex.extract(&Document::new("bench", text)).mentions.len() as i32,
        Err(_) => -1,
    }
}

/// For `make bench` and the test suite: resolves once the extractor is built
/// (fetching its data if needed), to whether it could be.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchReady)]
pub async fn bench_ready() -> bool {
    ensure_extractor().await.is_ok()
}
