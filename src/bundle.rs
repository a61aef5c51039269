//! A precomputed corpus fetched from the same static host (`entiscope
//! bundle`), for corpora too large to compile in. The page opts in with
//! `<meta name="entiscope-bundle" content="bundle/">`; the head and the
//! postings come first (see `boot.js`), article texts chunk by chunk when a
//! reader opens them. Decoding and checking live in `entiscope_core::bundle`.

use entiscope_core::bundle::{self, Head, LoadedDoc};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser.js")]
extern "C" {
    #[wasm_bindgen(js_name = bundleBase)]
    fn js_base() -> Option<String>;
    #[wasm_bindgen(catch, js_name = fetchBundleFile)]
    async fn js_fetch(name: &str) -> Result<JsValue, JsValue>;
}

/// The bundle folder the page names, if any.
pub fn base() -> Option<String> {
    js_base().filter(|b| !b.trim().is_empty())
}

/// Fetch and inflate one file of the bundle.
pub async fn fetch(name: &str) -> Result<Vec<u8>, String> {
    let v = js_fetch(name)
        .await
        .map_err(|e| format!("{name}: {}", crate::storage::message(e)))?;
    Ok(js_sys::Uint8Array::new(&v).to_vec())
}

/// Article texts loaded so far, and chunks on their way.
pub struct Texts {
    /// The bundle's head (chunk layout, entity table).
    pub head: Arc<Head>,
    loaded: Mutex<HashMap<u32, Arc<LoadedDoc>>>,
    pending: Mutex<HashSet<u32>>,
    failed: Mutex<Option<String>>,
}

impl Texts {
    /// Nothing loaded yet.
    pub fn new(head: Arc<Head>) -> Texts {
        Texts {
            head,
            loaded: Mutex::new(HashMap::new()),
            pending: Mutex::new(HashSet::new()),
            failed: Mutex::new(None),
        }
    }

    /// Article `d`, if its chunk has arrived.
    pub fn get(&self, d: u32) -> Option<Arc<LoadedDoc>> {
        self.loaded.lock().ok()?.get(&d).cloned()
    }

    /// Why the last chunk could not be loaded.
    pub fn error(&self) -> Option<String> {
        self.failed.lock().ok()?.clone()
    }

    /// Start loading the chunks holding `docs` that are neither loaded nor
    /// on their way; `done` runs after each chunk arrives (or fails).
    pub fn request(self: &Arc<Self>, docs: &[u32], done: impl Fn() + Clone + 'static) {
        let mut chunks: Vec<u32> = docs
            .iter()
            .filter(|&&d| self.get(d).is_none())
            .map(|&d| self.head.chunk_of(d))
            .collect();
        chunks.sort_unstable();
        chunks.dedup();
        for n in chunks {
            let fresh = self
                .pending
                .lock()
                .map(|mut p| p.insert(n))
                .unwrap_or(false);
            if !fresh {
                continue;
            }
            let (me, done) = (self.clone(), done.clone());
            leptos::task::spawn_local(async move {
                let result = fetch(&bundle::chunk_file(n))
                    .await
                    .and_then(|b| bundle::decode_chunk(&b, &me.head, n).map_err(|e| e.to_string()));
                match result {
                    Ok(docs) => {
                        if let Ok(mut l) = me.loaded.lock() {
                            for d in docs {
                                l.insert(d.number, Arc::new(d));
                            }
                        }
                    }
                    Err(e) => {
                        if let Ok(mut f) = me.failed.lock() {
                            *f = Some(e);
                        }
                    }
                }
                if let Ok(mut p) = me.pending.lock() {
                    p.remove(&n);
                }
                done();
            });
        }
    }
}
