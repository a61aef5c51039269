//! The browser side of keeping a reader's work: IndexedDB through
//! `browser.js`, file reading and downloads. Every failure comes back as a
//! message for people; nothing here panics.

use entiscope_core::workspace::{CorrectionRecord, LocalArticle, Workspace};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = loadWorkspace)]
    async fn js_load() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = putRecords)]
    async fn js_put(store: &str, records: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = addArticles)]
    async fn js_add_articles(records: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = deleteRecords)]
    async fn js_delete(store: &str, ids: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = readFiles)]
    async fn js_read_files(files: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = download)]
    fn js_download(name: &str, mime: &str, text: &str);
    #[wasm_bindgen(js_name = onOtherTabChange)]
    fn js_on_other_tab_change(cb: &Closure<dyn FnMut()>);
}

pub(crate) fn message(e: JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        let name = String::from(err.name());
        let msg = String::from(err.message());
        return if name.is_empty() || name == "Error" {
            msg
        } else {
            format!("{name}: {msg}")
        };
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, String> {
    serde_wasm_bindgen::to_value(v).map_err(|e| e.to_string())
}

/// Everything stored in this browser.
pub async fn load() -> Result<Workspace, String> {
    let v = js_load().await.map_err(message)?;
    let ws: Workspace =
        serde_wasm_bindgen::from_value(v).map_err(|e| format!("stored data unreadable: {e}"))?;
    Ok(ws.migrate())
}

/// Store articles.
/// Store newly added articles, each under its id or, when another tab has
/// stored one with that id meanwhile, the next free one ("local-pasted-2").
/// Returns the ids used, in order.
pub async fn add_articles(articles: &[LocalArticle]) -> Result<Vec<String>, String> {
    let ids = js_add_articles(to_js(&articles)?).await.map_err(message)?;
    serde_wasm_bindgen::from_value(ids).map_err(|e| e.to_string())
}

pub async fn put_articles(articles: &[LocalArticle]) -> Result<(), String> {
    js_put("articles", to_js(&articles)?)
        .await
        .map(|_| ())
        .map_err(message)
}

/// Store corrections.
pub async fn put_corrections(corrections: &[CorrectionRecord]) -> Result<(), String> {
    js_put("corrections", to_js(&corrections)?)
        .await
        .map(|_| ())
        .map_err(message)
}

/// Delete stored records (`None`: all of that kind).
pub async fn delete(store: &str, ids: Option<Vec<String>>) -> Result<(), String> {
    let ids = match ids {
        Some(ids) => to_js(&ids)?,
        None => JsValue::NULL,
    };
    js_delete(store, ids).await.map(|_| ()).map_err(message)
}

/// The name and bytes of each file of a `FileList`.
pub async fn read_files(files: JsValue) -> Result<Vec<(String, Vec<u8>)>, String> {
    let list = js_read_files(files).await.map_err(message)?;
    let array: js_sys::Array = list
        .dyn_into()
        .map_err(|_| "file list unreadable".to_string())?;
    Ok(array
        .iter()
        .map(|item| {
            let name = js_sys::Reflect::get(&item, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            let bytes = js_sys::Reflect::get(&item, &"bytes".into())
                .ok()
                .map(|b| js_sys::Uint8Array::new(&b).to_vec())
                .unwrap_or_default();
            (name, bytes)
        })
        .collect())
}

/// Offer text as a downloaded file.
pub fn download(name: &str, mime: &str, text: &str) {
    js_download(name, mime, text);
}

/// Call `f` whenever another tab changes the stored workspace.
pub fn on_other_tab_change(f: impl FnMut() + 'static) {
    let cb = Closure::<dyn FnMut()>::new(f);
    js_on_other_tab_change(&cb);
    cb.forget(); // lives as long as the page
}

/// Parse JSON text with the platform's parser (keeps serde_json out of the wasm).
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let v = js_sys::JSON::parse(text).map_err(message)?;
    serde_wasm_bindgen::from_value(v).map_err(|e| e.to_string())
}

/// Serialise to JSON text with the platform's `JSON.stringify`.
pub fn to_json<T: serde::Serialize>(v: &T, pretty: bool) -> Result<String, String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let js = v.serialize(&serializer).map_err(|e| e.to_string())?;
    let s = if pretty {
        js_sys::JSON::stringify_with_replacer_and_space(&js, &JsValue::NULL, &JsValue::from(2))
    } else {
        js_sys::JSON::stringify(&js)
    };
    s.map(String::from).map_err(message)
}

/// Let the browser run (paint, handle input) before continuing: resolves on
/// the next macrotask.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::timers::callback::Timeout::new(0, move || {
            let _ = resolve.call0(&JsValue::NULL);
        })
        .forget();
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
