//! The extractor in the browser: loaded once, on first use (it is not needed
//! to show the embedded corpus, whose extraction was computed at build time),
//! and a cache of per-document extractions so relinking after a change does
//! not extract every added article again.
//!
//! The extractor is its own wasm module (`crates/extractor-web`, built by
//! Trunk beside the app), and its knowledge data is not in any wasm: on first
//! use [`ensure_extractor`] imports the module and fetches the files (`data/`
//! next to the page, copied there by Trunk from `crates/core/data`). That
//! keeps the app's download and start-up to what showing a corpus needs. The
//! module has its own memory: texts go in, postcard-encoded extractions come
//! back, decoded here into the core's types.

use entiscope_core::corpus::Document;
use entiscope_core::extract::{CorpusExtraction, DocExtraction};
use entiscope_core::knowledge::Sources;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Where the page serves the knowledge files (relative to its base URL).
const DATA_FOLDER: &str = "data/";

#[wasm_bindgen(module = "/src/browser.js")]
extern "C" {
    /// Resolves to `[module, texts]`: the extractor module, imported and
    /// instantiated, and the texts of the knowledge files `names` in
    /// `folder`, fetched at the same time.
    #[wasm_bindgen(catch, js_name = loadExtractor)]
    async fn js_load_extractor(folder: &str, names: Vec<String>) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// The extractor module's exports (see `crates/extractor-web`).
    type ExtractorModule;
    #[wasm_bindgen(method, catch, js_name = buildKnowledge)]
    fn build_knowledge(
        this: &ExtractorModule,
        countries: &str,
        places: &str,
        known: &str,
        given_names: &str,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = buildExtractor)]
    fn build_extractor(this: &ExtractorModule) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = extract)]
    fn js_extract(this: &ExtractorModule, id: &str, text: &str) -> Result<Vec<u8>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = link)]
    fn js_link(
        this: &ExtractorModule,
        texts: Vec<String>,
        per_doc: &[u8],
    ) -> Result<Vec<u8>, JsValue>;
    #[wasm_bindgen(method, js_name = benchExtract)]
    fn js_bench_extract(this: &ExtractorModule, text: &str) -> i32;
}

/// The loaded and built extractor module.
pub struct Extractor {
    module: ExtractorModule,
}

impl Extractor {
    /// The mentions of one document, linked within it.
    pub fn extract(&self, doc: &Document) -> Result<DocExtraction, String> {
        let bytes = self.module.js_extract(&doc.id, &doc.text).map_err(|e| {
            format!(
                "extracting {} failed: {}",
                doc.id,
                crate::storage::message(e)
            )
        })?;
        postcard::from_bytes(&bytes)
            .map_err(|e| format!("the extraction of {} is unreadable: {e}", doc.id))
    }

    /// Link per-document extractions across `docs` (one each, in order).
    pub fn link_corpus(
        &self,
        docs: &[Document],
        per_doc: &[DocExtraction],
    ) -> Result<CorpusExtraction, String> {
        let encoded = postcard::to_allocvec(per_doc)
            .map_err(|e| format!("the extractions could not be encoded for linking: {e}"))?;
        let texts = docs.iter().map(|d| d.text.clone()).collect();
        let bytes = self
            .module
            .js_link(texts, &encoded)
            .map_err(|e| format!("linking failed: {}", crate::storage::message(e)))?;
        postcard::from_bytes(&bytes)
            .map_err(|e| format!("the linked extraction is unreadable: {e}"))
    }
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
    let unavailable = |e: JsValue| {
        format!(
            "the extractor could not be loaded ({}); check your connection and reload",
            crate::storage::message(e)
        )
    };
    let names: Vec<String> = Sources::FILES.iter().map(|n| n.to_string()).collect();
    let loaded = js_sys::Array::from(
        &js_load_extractor(DATA_FOLDER, names)
            .await
            .map_err(unavailable)?,
    );
    let module: ExtractorModule = loaded.get(0).unchecked_into();
    let texts: Vec<String> = js_sys::Array::from(&loaded.get(1))
        .iter()
        .map(|t| t.as_string().unwrap_or_default())
        .collect();
    let [countries, places, known, given_names] = texts.as_slice() else {
        return Err("the extractor's data could not be loaded (files missing)".to_string());
    };
    // Two halves of about 100 ms each, with the browser let in between, so
    // a click during the build waits for one half at most.
    module
        .build_knowledge(countries, places, known, given_names)
        .map_err(crate::storage::message)?;
    crate::storage::yield_now().await;
    module.build_extractor().map_err(crate::storage::message)?;
    Ok(Rc::new(Extractor { module }))
}

/// The per-document extraction of `doc`, from the cache or extracted now
/// (document ids of added articles are unique and their text never changes).
pub fn extract_cached(doc: &Document) -> DocExtraction {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&doc.id).cloned()) {
        return hit;
    }
    match extractor().and_then(|ex| ex.extract(doc)) {
        Ok(out) => {
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
        Ok(ex) => ex.module.js_bench_extract(text),
        Err(_) => -1,
    }
}

/// For `make bench` and the test suite: resolves once the extractor is built
/// (fetching its data if needed), to whether it could be.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchReady)]
pub async fn bench_ready() -> bool {
    ensure_extractor().await.is_ok()
}
