//! The app's state. The URL owns it: [`AppState::view`] is always what the
//! query string says, and every change goes through [`AppState::navigate`],
//! which writes the URL, so every view is a link and back/forward work.
//! Everything else (filter results, facets) is derived from it.

use crate::url;
use entiscope_core::corpus::Document;
use entiscope_core::extract::{CorpusExtraction, DocExtraction, Entity};
use entiscope_core::index::{Filter, FilterResult, Index, SearchQuery, TextIndex};
use entiscope_core::url_state::{Mode, Notice, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// The loaded corpus with its index, shared read-only by every component.
pub struct Corpus {
    /// Documents in display order.
    pub docs: Vec<Document>,
    /// Entity postings and mentions.
    pub index: Index,
    /// Folded words for full-text search.
    pub text: TextIndex,
    /// Set when the embedded extraction could not be read.
    pub load_error: Option<String>,
    /// Per document: whether a reader added it in this browser.
    pub local: Vec<bool>,
    /// Corrections that named something no longer there (indices into the
    /// workspace's corrections).
    pub skipped_corrections: Vec<usize>,
    /// The extraction the index was built from.
    pub extraction: CorpusExtraction,
    /// Shared passages, quotes and figures, computed on first use.
    analysis: std::sync::OnceLock<entiscope_core::across::Analysis>,
}

/// Articles whose shared share is at least this are not original reporting.
pub const MOSTLY_SHARED: f32 = 0.5;

impl Corpus {
    /// Index `docs` and their extraction.
    pub fn new(docs: Vec<Document>, extraction: Result<CorpusExtraction, String>) -> Corpus {
        let (extraction, load_error) = match extraction {
            Ok(e) => (e, None),
            Err(e) => (CorpusExtraction::default(), Some(e)),
        };
        let mut extraction = extraction;
        if extraction.docs.len() != docs.len()
            || extraction
                .docs
                .iter()
                .zip(&docs)
                .any(|(x, d)| x.doc_id != d.id)
        {
            // Keep document numbers aligned with `docs` whatever the blob says.
            extraction = CorpusExtraction {
                docs: docs
                    .iter()
                    .map(|d| {
                        extraction
                            .docs
                            .iter()
                            .find(|x| x.doc_id == d.id)
                            .cloned()
                            .unwrap_or(entiscope_core::extract::DocExtraction {
                                doc_id: d.id.clone(),
                                mentions: Vec::new(),
                            })
                    })
                    .collect(),
                entities: extraction.entities.clone(),
            };
        }
        let index = Index::new(&extraction);
        let text = TextIndex::new(docs.iter().map(|d| d.text.as_str()));
        let local = vec![false; docs.len()];
        Corpus {
            docs,
            index,
            text,
            load_error,
            local,
            skipped_corrections: Vec::new(),
            extraction,
            analysis: std::sync::OnceLock::new(),
        }
    }

    /// Shared passages, quotes and figures of the corpus (computed once).
    pub fn analysis(&self) -> &entiscope_core::across::Analysis {
        self.analysis
            .get_or_init(|| entiscope_core::across::analyse(&self.docs, &self.extraction))
    }

    /// Whether document `d` was added by a reader.
    pub fn is_local(&self, d: u32) -> bool {
        self.local.get(d as usize).copied().unwrap_or(false)
    }

    /// The document with this id.
    pub fn doc(&self, id: &str) -> Option<&Document> {
        self.docs.iter().find(|d| d.id == id)
    }

    /// Position of a document in display order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }

    /// The entity with this number.
    pub fn entity(&self, e: u32) -> &Entity {
        &self.index.entities[e as usize]
    }
}

/// The filter a view state resolves to, and the documents it keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct Filtered {
    /// The resolved filter.
    pub filter: Filter,
    /// Its result.
    pub result: FilterResult,
    /// Filter ids that are not entities of this corpus.
    pub unknown: Vec<String>,
    /// The parsed search query.
    pub query: SearchQuery,
}

impl Filtered {
    /// Resolve `view` against `corpus`.
    pub fn new(corpus: &Corpus, view: &ViewState) -> Filtered {
        let query = SearchQuery::parse(&view.search);
        let mut search = (!query.is_empty()).then(|| corpus.text.matching_docs(&query));
        if view.original_only {
            let analysis = corpus.analysis();
            let original = entiscope_core::index::DocSet::from_sorted(
                corpus.docs.len(),
                (0..corpus.docs.len() as u32)
                    .filter(|&d| analysis.shared_share(d as usize).ratio() < MOSTLY_SHARED),
            );
            search = Some(match search {
                Some(mut s) => {
                    s.and(&original);
                    s
                }
                None => original,
            });
        }
        let (filter, unknown) = Filter::from_view(view, &corpus.index, search);
        let result = filter.apply(&corpus.index);
        Filtered {
            filter,
            result,
            unknown,
            query,
        }
    }

    /// Document numbers kept, in corpus order.
    pub fn docs(&self) -> Vec<u32> {
        self.result.docs.iter().collect()
    }
}

/// The compiled-in corpus and its build-time extraction, kept to rebuild the
/// corpus when a reader adds articles or corrections.
pub struct Defaults {
    /// The embedded documents.
    pub docs: Vec<Document>,
    /// Their extraction (or why it could not be read).
    pub extraction: Result<CorpusExtraction, String>,
}

/// Shared handles to the corpus and the URL-owned view state.
#[derive(Clone)]
pub struct AppState {
    /// The current corpus (embedded articles plus the reader's), replaced
    /// whole when articles or corrections change.
    pub corpus_sig: RwSignal<Arc<Corpus>>,
    /// The embedded corpus.
    pub defaults: Arc<Defaults>,
    /// The reader's articles and corrections.
    pub workspace: RwSignal<entiscope_core::workspace::Workspace>,
    /// What the URL says is on screen.
    pub view: RwSignal<ViewState>,
    /// Parameters of the URL that were ignored, and why.
    pub notices: RwSignal<Vec<Notice>>,
    /// The filter result for the current view.
    pub filtered: Memo<Filtered>,
    /// The entity selected in the reading view (for next/previous mention).
    pub selected: RwSignal<Option<String>>,
    /// Whether the keyboard shortcuts overlay is open.
    pub help_open: RwSignal<bool>,
    /// Set once the current corpus's analysis (passages, quotes, figures) has
    /// been computed; views that only decorate with it wait for it instead of
    /// computing it during first render.
    pub analysis_ready: RwSignal<bool>,
}

impl AppState {
    /// State for the embedded corpus, initialised from the current URL.
    pub fn new(defaults: Defaults) -> AppState {
        let (view, notices) = ViewState::parse(&url::current_query());
        let corpus = Arc::new(Corpus::new(
            defaults.docs.clone(),
            defaults.extraction.clone(),
        ));
        let corpus_sig = RwSignal::new(corpus);
        let view = RwSignal::new(view);
        let filtered = Memo::new(move |_| {
            let corpus = corpus_sig.get();
            view.with(|v| Filtered::new(&corpus, v))
        });
        AppState {
            corpus_sig,
            defaults: Arc::new(defaults),
            workspace: RwSignal::new(Default::default()),
            view,
            notices: RwSignal::new(notices),
            filtered,
            selected: RwSignal::new(None),
            help_open: RwSignal::new(false),
            analysis_ready: RwSignal::new(false),
        }
    }

    /// The current corpus (not tracked: components are rebuilt when it changes).
    pub fn corpus(&self) -> Arc<Corpus> {
        self.corpus_sig.get_untracked()
    }

    /// Rebuild the corpus from the embedded articles, the workspace's articles
    /// (extracting those not yet extracted) and its corrections, and show it.
    pub fn rebuild(&self) {
        let corpus = self.build_corpus();
        self.install(corpus);
    }

    /// The corpus for the current workspace (not shown yet: callers that add
    /// many articles yield to the browser between building and showing it).
    pub fn build_corpus(&self) -> Corpus {
        let ws = self.workspace.get_untracked();
        let mut docs = self.defaults.docs.clone();
        let base = self.defaults.extraction.clone().unwrap_or_default();
        let mut per_doc: Vec<DocExtraction> = docs
            .iter()
            .map(|d| {
                base.docs
                    .iter()
                    .find(|x| x.doc_id == d.id)
                    .cloned()
                    .unwrap_or(DocExtraction {
                        doc_id: d.id.clone(),
                        mentions: Vec::new(),
                    })
            })
            .collect();
        let mut local = vec![false; docs.len()];
        let mut extraction = base.clone();
        let mut error = self.defaults.extraction.as_ref().err().cloned();
        if !ws.articles.is_empty() {
            for a in &ws.articles {
                let doc = Document::new(a.id.clone(), a.text.clone());
                per_doc.push(crate::extraction::extract_cached(&doc));
                docs.push(doc);
                local.push(true);
            }
            match crate::extraction::extractor() {
                Ok(ex) => extraction = ex.link_corpus(&docs, per_doc),
                Err(e) => error = Some(e),
            }
        }
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        let corrections: Vec<_> = ws
            .corrections
            .iter()
            .map(|c| c.correction.clone())
            .collect();
        let skipped = entiscope_core::workspace::apply(&mut extraction, &texts, &corrections);
        let mut corpus = Corpus::new(docs, error.map_or(Ok(extraction), Err));
        corpus.local = local;
        corpus.skipped_corrections = skipped;
        corpus
    }

    /// Show `corpus` (the explorer re-renders) and analyse it when idle.
    pub fn install(&self, corpus: Corpus) {
        self.corpus_sig.set(Arc::new(corpus));
        self.analysis_ready.set(false);
        self.analyse_when_idle();
    }

    /// Compute the analysis shortly, off the first frame.
    pub fn analyse_when_idle(&self) {
        let (sig, ready) = (self.corpus_sig, self.analysis_ready);
        gloo::timers::callback::Timeout::new(300, move || {
            sig.with_untracked(|c| {
                c.analysis();
            });
            ready.set(true);
        })
        .forget();
    }

    /// Re-read the URL (after back/forward).
    pub fn sync_from_url(&self) {
        let (view, notices) = ViewState::parse(&url::current_query());
        self.view.set(view);
        self.notices.set(notices);
    }

    /// Show `next`, adding a history entry.
    pub fn navigate(&self, next: ViewState) {
        url::set_query(&next.to_query(), true);
        self.notices.set(Vec::new());
        self.view.set(next);
    }

    /// Show `next`, replacing the current history entry (typing in search).
    pub fn replace(&self, next: ViewState) {
        url::set_query(&next.to_query(), false);
        self.view.set(next);
    }

    /// Change the view with `f`, adding a history entry.
    pub fn update(&self, f: impl FnOnce(&mut ViewState)) {
        let mut next = self.view.get_untracked();
        f(&mut next);
        self.navigate(next);
    }

    /// Open an article.
    pub fn open_article(&self, id: &str) {
        self.update(|v| {
            v.article = Some(id.to_string());
            v.entity = None;
            v.at = None;
        });
        url::scroll_to_top();
    }

    /// Open an entity's page.
    pub fn open_entity(&self, id: &str) {
        self.update(|v| {
            v.entity = Some(id.to_string());
            v.article = None;
            v.at = None;
        });
        url::scroll_to_top();
    }

    /// Close the open article or entity and show the list.
    pub fn show_list(&self) {
        self.update(|v| {
            v.article = None;
            v.entity = None;
            v.at = None;
        });
    }

    /// Require articles to mention `id` (removing it from the exclusions).
    pub fn include(&self, id: &str) {
        self.update(|v| {
            v.exclude.retain(|x| x != id);
            if !v.include.iter().any(|x| x == id) {
                v.include.push(id.to_string());
            }
            v.article = None;
            v.entity = None;
        });
    }

    /// Require articles not to mention `id`.
    pub fn exclude(&self, id: &str) {
        self.update(|v| {
            v.include.retain(|x| x != id);
            if !v.exclude.iter().any(|x| x == id) {
                v.exclude.push(id.to_string());
            }
            v.article = None;
            v.entity = None;
        });
    }

    /// Drop `id` from the filters.
    pub fn remove_filter(&self, id: &str) {
        self.update(|v| {
            v.include.retain(|x| x != id);
            v.exclude.retain(|x| x != id);
        });
    }

    /// Set how included entities combine.
    pub fn set_mode(&self, mode: Mode) {
        self.update(|v| v.mode = mode);
    }

    /// Remove every filter and the search.
    pub fn clear_filters(&self) {
        self.update(|v| {
            v.include.clear();
            v.exclude.clear();
            v.search.clear();
            v.mode = Mode::All;
            v.original_only = false;
        });
    }
}
