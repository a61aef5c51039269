//! "Your articles": paste or drop texts, see them extracted in this tab, keep
//! them (only in this browser), export exactly what is filtered, and review,
//! undo and export corrections.

use crate::local::{self, LocalState};
use crate::state::AppState;
use crate::storage;
use entiscope_core::workspace::{
    csv_mentions, csv_pairs, Correction, ExportFile, Overrides, OVERRIDES_VERSION,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The panel.
#[component]
pub fn WorkspacePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    if state.bundle_status.get_untracked() != crate::state::BundleStatus::None {
        // A precomputed corpus is extracted and linked as a whole by
        // `entiscope bundle`; a reader's articles join the compiled-in one.
        return view! {
            <details class="sidebar workspace" data-testid="workspace">
                <summary>"Your articles"</summary>
                <p class="hint">"This is a precomputed corpus (built with "<code>"entiscope bundle"</code>
                "). Add your own articles to the corpus folder and bundle it again, or use the default build to add them in the browser."</p>
            </details>
        }
        .into_any();
    }
    let local = expect_context::<LocalState>();
    let text = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let workspace = state.workspace;
    let count = move || workspace.with(|w| w.articles.len());

    let submit = {
        let state = state.clone();
        move |_| {
            let t = text.get_untracked();
            text.set(String::new());
            local::add_pasted(state.clone(), local, t);
        }
    };
    let on_files = {
        let state = state.clone();
        move |ev: leptos::ev::Event| {
            if let Some(files) = take_files(&ev) {
                local::add_files(state.clone(), local, files);
            }
        }
    };
    let on_drop = {
        let state = state.clone();
        move |ev: leptos::ev::DragEvent| {
            ev.prevent_default();
            dragging.set(false);
            if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
                local::add_files(state.clone(), local, js_sys::Array::from(&files).into());
            }
        }
    };
    let on_import = {
        let state = state.clone();
        move |ev: leptos::ev::Event| {
            if let Some(files) = take_files(&ev) {
                local::import_workspace(state.clone(), local, files);
            }
        }
    };
    let remove_all = {
        let state = state.clone();
        move |_| local::remove_articles(state.clone(), local, None)
    };

    let articles = {
        let state = state.clone();
        move || {
            workspace
                .get()
                .articles
                .into_iter()
                .map(|a| {
                    let (open_state, rm_state) = (state.clone(), state.clone());
                    let (open_id, rm_id) = (a.id.clone(), a.id.clone());
                    // Tracked: the corpus with this article may be installed
                    // a task after the workspace lists it.
                    let title = state.corpus_sig.with(|c| {
                        c.doc(&a.id).map_or_else(|| a.id.clone(), |d| d.meta.title.clone())
                    });
                    view! {
                        <li class="local-article" data-testid="local-article" data-article-id=a.id.clone()>
                            <a href=format!("?article={}", entiscope_core::url_state::encode(&a.id))
                                on:click=move |ev| { ev.prevent_default(); open_state.open_article(&open_id); }>{title}</a>
                            <span class="card-meta">{a.source.clone()}</span>
                            <button type="button" data-testid="remove-article"
                                aria-label=format!("Remove {}", a.id)
                                on:click=move |_| local::remove_articles(rm_state.clone(), local, Some(rm_id.clone()))>"Remove"</button>
                        </li>
                    }
                })
                .collect_view()
        }
    };

    view! {
        <details class="workspace" data-testid="workspace-panel" open class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <summary>"Your articles " <span class="facet-total">{count}</span></summary>
            <p class="note" data-testid="local-note">
                "Stored only in this browser: nothing you add is uploaded anywhere."
            </p>
            {move || local.storage_error.get().map(|e| view! {
                <p class="notice" role="alert" data-testid="storage-error">
                    "Could not save in this browser (" {e} "). Your work stays available in this tab; "
                    "export the workspace to keep it."
                </p>
            })}
            <label for="add-text" class="field-label">"Paste an article"</label>
            <textarea id="add-text" data-testid="add-text" rows="4"
                placeholder="Paste the text of a news article…"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <div class="row">
                <button type="button" data-testid="add-submit" on:click=submit
                    disabled=move || text.with(|t| t.trim().is_empty())>"Add and extract"</button>
                <label class="file-button">
                    "Add files…"
                    <input type="file" multiple data-testid="add-files"
                        accept=".txt,.md,.markdown,.html,.htm,.json,.jsonl,text/plain,text/html,text/markdown,application/json"
                        on:change=on_files/>
                </label>
            </div>
            <p class="hint">"Or drop .txt, .md, .html, .json or .jsonl files here."</p>
            {move || local.progress.get().map(|(done, total)| view! {
                <p class="progress" role="status" data-testid="add-progress">
                    <progress max=total value=done></progress> " Extracting " {done} " of " {total}
                </p>
            })}
            <ul class="problems">
                {move || local.problems.get().into_iter().map(|p| view! {
                    <li class="notice" role="alert" data-testid="add-problem">{p}</li>
                }).collect_view()}
            </ul>
            <ul class="local-articles">{articles}</ul>
            <Show when=move || { count() > 0 }>
                <button type="button" data-testid="remove-all" on:click=remove_all.clone()>"Remove all my articles"</button>
            </Show>
            <Exports/>
            <h3 class="panel-subtitle">"Workspace"</h3>
            <div class="row">
                <button type="button" data-testid="export-workspace" on:click=move |_| {
                    let ws = workspace.get_untracked();
                    if let Ok(json) = storage::to_json(&ws, true) {
                        storage::download("entiscope-workspace.json", "application/json", &json);
                    }
                }>"Export workspace"</button>
                <label class="file-button">
                    "Import workspace…"
                    <input type="file" accept=".json,application/json" data-testid="import-workspace" on:change=on_import/>
                </label>
            </div>
            <Corrections/>
        </details>
    }
    .into_any()
}

/// The files chosen in a file input, copied into an array (the input's live
/// `FileList` empties when the input is reset, which happens here so the same
/// file can be chosen again).
fn take_files(ev: &leptos::ev::Event) -> Option<wasm_bindgen::JsValue> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let files = input.files().map(|f| js_sys::Array::from(&f).into());
    input.set_value("");
    files
}

/// Export buttons for the filtered set.
#[component]
fn Exports() -> impl IntoView {
    let state = expect_context::<AppState>();
    let export = move |kind: &'static str| {
        let state = state.clone();
        move |_| {
            let corpus = state.corpus();
            let selected = state.filtered.with_untracked(|f| f.docs());
            let (name, mime, body) = match kind {
                "csv" => (
                    "entiscope-entities.csv",
                    "text/csv",
                    csv_pairs(&corpus.docs, &corpus.index, &selected),
                ),
                "csv-mentions" => (
                    "entiscope-mentions.csv",
                    "text/csv",
                    csv_mentions(&corpus.docs, &corpus.index, &selected),
                ),
                _ => {
                    let file = ExportFile::new(&corpus.docs, &corpus.index, &selected, &|d| {
                        corpus.is_local(d)
                    });
                    (
                        "entiscope-export.json",
                        "application/json",
                        storage::to_json(&file, true).unwrap_or_default(),
                    )
                }
            };
            storage::download(name, mime, &body);
        }
    };
    let n = move || {
        expect_context::<AppState>()
            .filtered
            .with(|f| f.result.docs.count())
    };
    view! {
        <h3 class="panel-subtitle">"Export the " {n} " matching articles"</h3>
        <div class="row">
            <button type="button" data-testid="export-csv" on:click=export("csv")>"CSV (article–entity)"</button>
            <button type="button" data-testid="export-csv-mentions" on:click=export("csv-mentions")>"CSV (mentions)"</button>
            <button type="button" data-testid="export-json" on:click=export("json")>"JSON"</button>
        </div>
    }
}

/// Every correction, newest first, with where it came from and an undo.
#[component]
fn Corrections() -> impl IntoView {
    let state = expect_context::<AppState>();
    let local = expect_context::<LocalState>();
    let workspace = state.workspace;
    let list = {
        let state = state.clone();
        move || {
            let ws = workspace.get();
            let skipped = state.corpus_sig.with(|c| c.skipped_corrections.clone());
            ws.corrections
                .iter()
                .enumerate()
                .rev()
                .map(|(i, c)| {
                    let state = state.clone();
                    let id = c.id.clone();
                    let stale = skipped.contains(&i);
                    view! {
                        <li class="correction" data-testid="correction" data-correction-id=c.id.clone() class:stale=stale>
                            <span>{describe(&c.correction)}</span>
                            <span class="card-meta">{c.source.clone()} {stale.then_some(" · no longer applies")}</span>
                            <button type="button" on:click=move |_| local::undo(state.clone(), local, id.clone())>"Undo"</button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let download_overrides = move |_| {
        let o = Overrides {
            entiscope_overrides: OVERRIDES_VERSION,
            corrections: workspace
                .get_untracked()
                .corrections
                .into_iter()
                .map(|c| c.correction)
                .collect(),
        };
        if let Ok(json) = storage::to_json(&o, true) {
            storage::download("overrides.json", "application/json", &json);
        }
    };
    view! {
        <h3 class="panel-subtitle">"Corrections " <span class="facet-total">{move || workspace.with(|w| w.corrections.len())}</span></h3>
        <ul class="corrections">{list}</ul>
        <Show when=move || workspace.with(|w| !w.corrections.is_empty())>
            <button type="button" data-testid="export-overrides" on:click=download_overrides>"Download overrides.json"</button>
        </Show>
    }
}

/// A correction in words.
pub fn describe(c: &Correction) -> String {
    match c {
        Correction::Rename { entity, name } => format!("Renamed {entity} to “{name}”"),
        Correction::Merge { from, into } => format!("Merged {from} into {into}"),
        Correction::Split { entity, alias } => format!("Split “{alias}” off {entity}"),
        Correction::Retype {
            doc,
            start,
            end,
            ty,
        } => {
            format!(
                "Mention {start}–{end} in {doc} is a {}",
                crate::components::types::singular(*ty)
            )
        }
        Correction::Reject { doc, start, end } => {
            format!("Rejected mention {start}–{end} in {doc}")
        }
    }
}
