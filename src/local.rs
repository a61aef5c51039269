//! A reader's own work in the browser: adding articles (pasted or from files,
//! extracted here in chunks that keep the page responsive), keeping them and
//! the corrections in IndexedDB, and exporting or importing them. A storage
//! failure is shown and nothing is lost: the data stays usable in the session
//! and exportable.

use crate::state::AppState;
use crate::storage;
use entiscope_core::corpus::Document;
use entiscope_core::import::{self, FileKind, ImportedArticle};
use entiscope_core::workspace::{Correction, CorrectionRecord, LocalArticle, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Words extracted between two yields to the browser (keeps tasks short).
const WORDS_PER_SLICE: usize = 6_000;

/// Status of the reader's work, for the workspace panel.
#[derive(Clone, Copy)]
pub struct LocalState {
    /// Articles extracted so far and in all, while adding.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Files that could not be added, with why.
    pub problems: RwSignal<Vec<String>>,
    /// The last storage failure, if any.
    pub storage_error: RwSignal<Option<String>>,
    /// Whether the stored workspace has been read.
    pub loaded: RwSignal<bool>,
    /// Ids of articles and corrections that could not be stored.
    pub unsaved: RwSignal<Vec<String>>,
}

impl LocalState {
    /// Empty status.
    pub fn new() -> LocalState {
        LocalState {
            progress: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            storage_error: RwSignal::new(None),
            loaded: RwSignal::new(false),
            unsaved: RwSignal::new(Vec::new()),
        }
    }
}

impl Default for LocalState {
    fn default() -> Self {
        LocalState::new()
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Read what this browser stored and show it; listen for other tabs.
pub fn start(state: AppState, local: LocalState) {
    let reload = {
        let (state, local) = (state.clone(), local);
        move || {
            let (state, local) = (state.clone(), local);
            spawn_local(async move {
                match storage::load().await {
                    Ok(stored) => {
                        let mut ws = stored;
                        // Keep what this tab has but could not store.
                        let unsaved = local.unsaved.get_untracked();
                        let current = state.workspace.get_untracked();
                        ws.merge(Workspace {
                            articles: current
                                .articles
                                .into_iter()
                                .filter(|a| unsaved.contains(&a.id))
                                .collect(),
                            corrections: current
                                .corrections
                                .into_iter()
                                .filter(|c| unsaved.contains(&c.id))
                                .collect(),
                            ..Workspace::default()
                        });
                        let changed = ws != state.workspace.get_untracked();
                        state.workspace.set(ws);
                        if changed {
                            state.rebuild();
                        }
                    }
                    Err(e) => local.storage_error.set(Some(e)),
                }
                local.loaded.set(true);
            });
        }
    };
    reload();
    storage::on_other_tab_change(reload);
}

/// Add articles read from files (an array of `File`s, copied out of the
/// input or drop event before it is cleared); report bad files by name.
pub fn add_files(state: AppState, local: LocalState, files: wasm_bindgen::JsValue) {
    spawn_local(async move {
        let files = match storage::read_files(files).await {
            Ok(f) => f,
            Err(e) => {
                local
                    .problems
                    .set(vec![format!("The files could not be read: {e}")]);
                return;
            }
        };
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for (name, bytes) in files {
            match read_one(&name, &bytes) {
                Ok(mut found) => articles.append(&mut found),
                Err(e) => problems.push(e),
            }
        }
        local.problems.set(problems);
        add(state, local, articles).await;
    });
}

fn read_one(name: &str, bytes: &[u8]) -> Result<Vec<(String, ImportedArticle)>, String> {
    let tag =
        |list: Vec<ImportedArticle>| list.into_iter().map(|a| (name.to_string(), a)).collect();
    match FileKind::of(name) {
        // JSON is parsed by the browser's JSON.parse (no serde_json in the wasm).
        Some(FileKind::Json) => {
            let text = std::str::from_utf8(bytes).map_err(|_| format!("{name}: not UTF-8 text"))?;
            let export: import::Export = storage::parse_json(text)
                .map_err(|e| import::not_an_export(name, 1, e).to_string())?;
            import::from_docs(name, 1, export.documents)
                .map(tag)
                .map_err(|e| e.to_string())
        }
        Some(FileKind::Jsonl) => {
            let text = std::str::from_utf8(bytes).map_err(|_| format!("{name}: not UTF-8 text"))?;
            let mut docs = Vec::new();
            for (n, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                docs.push(
                    storage::parse_json::<import::ExportDoc>(line)
                        .map_err(|e| import::not_an_export(name, n + 1, e).to_string())?,
                );
            }
            import::from_docs(name, 1, docs)
                .map(tag)
                .map_err(|e| e.to_string())
        }
        _ => import::import_file(name, bytes)
            .map(tag)
            .map_err(|e| e.to_string()),
    }
}

/// Add pasted text as an article.
pub fn add_pasted(state: AppState, local: LocalState, text: String) {
    spawn_local(async move {
        match import::import_pasted(&text) {
            Ok(a) => {
                local.problems.set(Vec::new());
                add(state, local, vec![("pasted text".to_string(), a)]).await
            }
            Err(e) => local.problems.set(vec![e.to_string()]),
        }
    });
}

/// Store the new articles, extract them in slices, yielding between them,
/// then relink the corpus once.
async fn add(state: AppState, local: LocalState, found: Vec<(String, ImportedArticle)>) {
    if found.is_empty() {
        return;
    }
    let mut ws = state.workspace.get_untracked();
    let corpus = state.corpus();
    let mut new = Vec::new();
    for (source, a) in found {
        let id = ws.fresh_id(&a.name, &|id| corpus.position(id).is_some());
        let article = LocalArticle {
            id,
            source: if source == a.name || source == "pasted text" {
                source
            } else {
                format!("{source} › {}", a.name)
            },
            text: a.text,
            added_ms: now_ms(),
        };
        ws.articles.push(article.clone());
        new.push(article);
    }
    // Store the texts before extracting: what the reader added survives a
    // reload (or another tab's) at any point after this. Another tab may have
    // stored an article under one of these ids meanwhile: the store picks
    // free ones.
    let ids: Vec<String> = new.iter().map(|a| a.id.clone()).collect();
    let stored = storage::add_articles(&new).await.map(|stored| {
        for (a, id) in new.iter_mut().zip(stored) {
            a.id = id;
        }
    });
    save(local, ids, stored);
    let total = new.len();
    local.progress.set(Some((0, total)));
    storage::yield_now().await;
    // Fetching its data and building the extractor is one step (~100 ms once
    // fetched); do it before the slices.
    if let Err(e) = crate::extraction::ensure_extractor().await {
        local.problems.update(|p| p.push(e));
    }
    let mut words = 0;
    let mut extract_ms = 0.0;
    for (i, a) in new.iter().enumerate() {
        let t0 = crate::perf::now();
        let doc = Document::new(a.id.clone(), a.text.clone());
        crate::extraction::extract_cached(&doc);
        extract_ms += crate::perf::now() - t0;
        words += doc.meta.word_count.max(1);
        if words >= WORDS_PER_SLICE {
            words = 0;
            local.progress.set(Some((i + 1, total)));
            storage::yield_now().await;
        }
    }
    record_timing("entiscopeExtractMs", extract_ms);
    local.progress.set(Some((total, total)));
    storage::yield_now().await;
    // Into the workspace as it is now: another tab's articles may have
    // arrived while these were extracted.
    state.workspace.update(|cur| {
        for a in &new {
            if !cur.articles.iter().any(|x| x.id == a.id) {
                cur.articles.push(a.clone());
            }
        }
    });
    // Linking, indexing, then showing, in three tasks (each stays short).
    let linked = state.link_workspace();
    storage::yield_now().await;
    let corpus = state.index_linked(linked);
    storage::yield_now().await;
    state.install(corpus);
    local.progress.set(None);
    if let Some(first) = new.first() {
        if total == 1 {
            state.open_article(&first.id);
        }
    }
}

/// Expose a timing to tests and `make bench` as `window.<name>` (ms).
fn record_timing(name: &str, ms: f64) {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &name.into(), &ms.into());
    }
}

/// Fetch the extractor's data and build it when the page is idle after
/// start-up, so adding the first article does not pay for it.
pub fn prewarm() {
    gloo::timers::callback::Timeout::new(1_500, || {
        spawn_local(async {
            let _ = crate::extraction::ensure_extractor().await;
        });
    })
    .forget();
}

fn save(local: LocalState, ids: Vec<String>, result: Result<(), String>) {
    match result {
        Ok(()) => {
            local.unsaved.update(|u| u.retain(|x| !ids.contains(x)));
            local.storage_error.set(None);
        }
        Err(e) => {
            local.unsaved.update(|u| u.extend(ids));
            local.storage_error.set(Some(e));
        }
    }
}

/// Remove one added article (`Some(id)`) or all of them.
pub fn remove_articles(state: AppState, local: LocalState, id: Option<String>) {
    let mut ws = state.workspace.get_untracked();
    let removed: Vec<String> = ws
        .articles
        .iter()
        .filter(|a| id.as_ref().is_none_or(|i| *i == a.id))
        .map(|a| a.id.clone())
        .collect();
    ws.articles.retain(|a| !removed.contains(&a.id));
    for r in &removed {
        crate::extraction::forget(r);
    }
    state.workspace.set(ws);
    if state
        .view
        .with_untracked(|v| v.article.as_ref().is_some_and(|a| removed.contains(a)))
    {
        state.show_list();
    }
    state.rebuild();
    spawn_local(async move {
        let result =
            storage::delete("articles", if id.is_some() { Some(removed) } else { None }).await;
        if let Err(e) = result {
            local.storage_error.set(Some(e));
        }
    });
}

/// Record a correction made in this browser.
pub fn correct(state: AppState, local: LocalState, correction: Correction) {
    let now = now_ms();
    let record = CorrectionRecord {
        id: format!("c{}-{}", now as u64, (js_sys::Math::random() * 1e6) as u64),
        at_ms: now,
        source: "made in this browser".into(),
        correction,
    };
    state
        .workspace
        .update(|w| w.corrections.push(record.clone()));
    state.rebuild();
    spawn_local(async move {
        let id = record.id.clone();
        save(local, vec![id], storage::put_corrections(&[record]).await);
    });
}

/// Undo (delete) a correction.
pub fn undo(state: AppState, local: LocalState, id: String) {
    state
        .workspace
        .update(|w| w.corrections.retain(|c| c.id != id));
    state.rebuild();
    spawn_local(async move {
        if let Err(e) = storage::delete("corrections", Some(vec![id])).await {
            local.storage_error.set(Some(e));
        }
    });
}

/// Import a workspace export (merged with what is here: nothing is lost).
pub fn import_workspace(state: AppState, local: LocalState, files: wasm_bindgen::JsValue) {
    spawn_local(async move {
        let files = match storage::read_files(files).await {
            Ok(f) => f,
            Err(e) => return local.problems.set(vec![e]),
        };
        let mut problems = Vec::new();
        for (name, bytes) in files {
            let parsed = std::str::from_utf8(&bytes)
                .map_err(|_| "not UTF-8 text".to_string())
                .and_then(storage::parse_json::<Workspace>);
            match parsed {
                Ok(incoming) => {
                    let mut incoming = incoming.migrate();
                    for c in &mut incoming.corrections {
                        if c.source.is_empty() {
                            c.source = format!("imported from {name}");
                        }
                    }
                    let mut ws = state.workspace.get_untracked();
                    ws.merge(incoming.clone());
                    state.workspace.set(ws);
                    state.rebuild();
                    let ids: Vec<String> = incoming.articles.iter().map(|a| a.id.clone()).collect();
                    save(local, ids, storage::put_articles(&incoming.articles).await);
                    let ids: Vec<String> =
                        incoming.corrections.iter().map(|c| c.id.clone()).collect();
                    save(
                        local,
                        ids,
                        storage::put_corrections(&incoming.corrections).await,
                    );
                }
                Err(e) => problems.push(format!("{name}: not an entiscope workspace ({e})")),
            }
        }
        local.problems.set(problems);
    });
}
