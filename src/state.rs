//! The app's state. The URL owns it: [`AppState::view`] is always what the
//! query string says, and every change goes through [`AppState::navigate`],
//! which writes the URL, so every view is a link and back/forward work.
//! Everything else (filter results, facets) is derived from it.

use crate::bundle::Texts;
use crate::url;
use entiscope_core::bundle::{Head, LoadedDoc};
use entiscope_core::corpus::Document;
use entiscope_core::extract::{CorpusExtraction, DocExtraction, Entity, EntityType};
use entiscope_core::index::{FacetEntry, Filter, FilterResult, Index, SearchQuery, TextIndex};
use entiscope_core::url_state::{Mode, Notice, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// The loaded corpus with its index, shared read-only by every component.
pub struct Corpus {
    /// Documents in display order.
    pub docs: Vec<Document>,
    /// Entity postings and mentions.
    pub index: Index,
    /// Folded words for full-text search (of the titles only, for a bundle
    /// whose texts are not loaded), built on first search.
    text: std::sync::OnceLock<TextIndex>,
    /// For a precomputed corpus: its head and the texts loaded so far.
    pub texts: Option<Arc<Texts>>,
    /// Whether the postings are loaded (always, except for a bundle between
    /// its head and its postings).
    pub postings_ready: bool,
    /// Set when the embedded extraction could not be read.
    pub load_error: Option<String>,
    /// Set when the reader's articles could not be extracted (the
    /// extractor's data did not load): they are listed without entities.
    pub extract_error: Option<String>,
    /// Per document: whether a reader added it in this browser.
    pub local: Vec<bool>,
    /// Corrections that named something no longer there (indices into the
    /// workspace's corrections).
    pub skipped_corrections: Vec<usize>,
    /// The extraction the index was built from.
    pub extraction: CorpusExtraction,
    /// Shared passages, quotes and figures, computed on first use.
    analysis: std::sync::OnceLock<entiscope_core::across::Analysis>,
    /// Dates and paragraphs for the overviews, computed on first use.
    overview: std::sync::OnceLock<entiscope_core::overview::Prepared>,
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
        let local = vec![false; docs.len()];
        Corpus {
            docs,
            index,
            text: std::sync::OnceLock::new(),
            texts: None,
            postings_ready: true,
            load_error,
            extract_error: None,
            local,
            skipped_corrections: Vec::new(),
            extraction,
            analysis: std::sync::OnceLock::new(),
            overview: std::sync::OnceLock::new(),
        }
    }

    /// A precomputed corpus: the head's articles (texts on demand) and, once
    /// loaded, the postings. `texts` carries over what an earlier corpus of
    /// the same bundle loaded.
    pub fn from_bundle(
        head: Arc<Head>,
        postings: Option<Vec<Vec<(u32, u32)>>>,
        texts: Option<Arc<Texts>>,
    ) -> Corpus {
        let docs = head.stub_documents();
        let postings_ready = postings.is_some();
        let index = Index::from_postings(
            docs.iter().map(|d| d.id.clone()).collect(),
            head.entities.clone(),
            postings.unwrap_or_default(),
        );
        let analysis = std::sync::OnceLock::new();
        let _ = analysis.set(entiscope_core::across::Analysis {
            shared_share_per_doc: head.shares(),
            ..Default::default()
        });
        Corpus {
            local: vec![false; docs.len()],
            docs,
            index,
            text: std::sync::OnceLock::new(),
            texts: Some(texts.unwrap_or_else(|| Arc::new(Texts::new(head)))),
            postings_ready,
            load_error: None,
            extract_error: None,
            skipped_corrections: Vec::new(),
            extraction: CorpusExtraction::default(),
            analysis,
            overview: std::sync::OnceLock::new(),
        }
    }

    /// The full-text index (built on first use).
    pub fn text(&self) -> &TextIndex {
        self.text.get_or_init(|| {
            TextIndex::new(self.docs.iter().map(|d| {
                if self.texts.is_some() {
                    d.meta.title.as_str()
                } else {
                    d.text.as_str()
                }
            }))
        })
    }

    /// Whether this is a precomputed corpus whose texts load on demand.
    pub fn is_bundle(&self) -> bool {
        self.texts.is_some()
    }

    /// Article `d` with its mentions: at once for a compiled-in or added
    /// article, once its chunk has arrived for a bundle (see
    /// [`AppState::request_texts`]).
    pub fn article(&self, d: u32) -> Option<Arc<LoadedDoc>> {
        match &self.texts {
            Some(t) => t.get(d),
            None => self.docs.get(d as usize).map(|doc| {
                Arc::new(LoadedDoc {
                    number: d,
                    doc: doc.clone(),
                    mentions: self.index.mentions_of(d).to_vec(),
                })
            }),
        }
    }

    /// The facet entries of one type: from the postings, or, for a bundle
    /// whose postings have not arrived (nothing filtered yet), from the
    /// head's totals.
    pub fn facet(&self, filter: &Filter, result: &FilterResult, ty: EntityType) -> Vec<FacetEntry> {
        let Some(texts) = self.texts.as_ref().filter(|_| !self.postings_ready) else {
            return filter.facet(&self.index, result, ty);
        };
        let mut out: Vec<FacetEntry> = self
            .index
            .entities_of_type(ty)
            .filter_map(|e| {
                let &(articles, mentions) = texts.head.totals.get(e as usize)?;
                (articles > 0).then_some(FacetEntry {
                    entity: e,
                    articles,
                    mentions,
                    if_added: articles,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| self.entity(a.entity).name.cmp(&self.entity(b.entity).name))
        });
        out
    }

    /// Publication and mentioned dates and paragraphs of the corpus, for the
    /// timeline, the date-range filter and the network (computed once).
    pub fn overview(&self) -> &entiscope_core::overview::Prepared {
        self.overview
            .get_or_init(|| entiscope_core::overview::Prepared::new(&self.docs, &self.index))
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
    /// The view filters by entity but the postings are still on their way
    /// (a bundle): the result is not known yet.
    pub pending: bool,
}

impl Filtered {
    /// Resolve `view` against `corpus`.
    pub fn new(corpus: &Corpus, view: &ViewState) -> Filtered {
        let query = SearchQuery::parse(&view.search);
        let mut search = (!query.is_empty()).then(|| corpus.text().matching_docs(&query));
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
        let (mut filter, unknown) = Filter::from_view(view, &corpus.index, search);
        if view.has_dates() {
            filter.dates = Some(corpus.overview().dates.within(view.from, view.to));
        }
        let result = filter.apply(&corpus.index);
        // A date range needs the postings too (the dates articles mention).
        let by_entity =
            !filter.include.is_empty() || !filter.exclude.is_empty() || filter.dates.is_some();
        let pending = !corpus.postings_ready && by_entity;
        Filtered {
            filter,
            result,
            unknown,
            query,
            pending,
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

/// A workspace's documents with their extraction linked, before the
/// corrections and the index (see [`AppState::link_workspace`]).
pub struct Linked {
    docs: Vec<Document>,
    extraction: CorpusExtraction,
    error: Option<String>,
    extract_error: Option<String>,
    local: Vec<bool>,
    corrections: Vec<entiscope_core::workspace::Correction>,
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
    /// Bumped each time article texts of a bundle arrive.
    pub texts_tick: RwSignal<u32>,
    /// For a precomputed corpus: why it could not be loaded, or `None` while
    /// loading / when loaded (see [`AppState::bundle_status`]).
    pub bundle_status: RwSignal<BundleStatus>,
}

/// Where a precomputed corpus stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum BundleStatus {
    /// The compiled-in corpus is shown (no bundle named by the page).
    #[default]
    None,
    /// Fetching the head.
    Loading,
    /// The head is shown; the postings are not loaded.
    Head,
    /// Fetching the postings (the first entity filter needs them).
    LoadingPostings,
    /// Everything the filters need is loaded.
    Ready,
    /// Loading failed, with why.
    Failed(String),
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
            texts_tick: RwSignal::new(0),
            bundle_status: RwSignal::new(BundleStatus::None),
        }
    }

    /// State for the precomputed corpus the page names: empty until its head
    /// arrives (see [`AppState::load_bundle`]).
    pub fn for_bundle() -> AppState {
        let state = AppState::new(Defaults {
            docs: Vec::new(),
            extraction: Ok(CorpusExtraction::default()),
        });
        state.bundle_status.set(BundleStatus::Loading);
        state
    }

    /// Fetch the bundle's head and show its articles. The postings follow
    /// when the view first filters by entity ([`AppState::ensure_postings`]).
    pub fn load_bundle(&self) {
        let state = self.clone();
        leptos::task::spawn_local(async move {
            let head = crate::bundle::fetch(entiscope_core::bundle::HEAD_FILE)
                .await
                .and_then(|b| entiscope_core::bundle::decode_head(&b).map_err(|e| e.to_string()));
            match head {
                Ok(head) => {
                    let corpus = Corpus::from_bundle(Arc::new(head), None, None);
                    state.corpus_sig.set(Arc::new(corpus));
                    state.analysis_ready.set(true);
                    state.bundle_status.set(BundleStatus::Head);
                    state.ensure_postings();
                }
                Err(e) => state.bundle_status.set(BundleStatus::Failed(e)),
            }
        });
    }

    /// Load the postings if the view filters by entity and they are missing.
    pub fn ensure_postings(&self) {
        if self.filtered.with_untracked(|f| f.pending) {
            self.load_postings();
        }
    }

    /// For a bundle whose postings are not loaded: load them (entity pages,
    /// an article's entities and every entity filter need them).
    pub fn load_postings(&self) {
        if self.bundle_status.get_untracked() != BundleStatus::Head {
            return;
        }
        self.bundle_status.set(BundleStatus::LoadingPostings);
        let state = self.clone();
        leptos::task::spawn_local(async move {
            let corpus = state.corpus();
            let Some(texts) = corpus.texts.clone() else {
                return;
            };
            let postings = crate::bundle::fetch(entiscope_core::bundle::POSTINGS_FILE)
                .await
                .and_then(|b| {
                    entiscope_core::bundle::decode_postings(&b, &texts.head)
                        .map_err(|e| e.to_string())
                });
            match postings {
                Ok(p) => {
                    let head = texts.head.clone();
                    let next = Corpus::from_bundle(head, Some(p), Some(texts));
                    state.corpus_sig.set(Arc::new(next));
                    state.bundle_status.set(BundleStatus::Ready);
                }
                Err(e) => state.bundle_status.set(BundleStatus::Failed(e)),
            }
        });
    }

    /// For a bundle: start loading the texts of `docs` (a tick follows each
    /// chunk). Nothing to do for a compiled-in corpus.
    pub fn request_texts(&self, docs: &[u32]) {
        let Some(texts) = self.corpus().texts.clone() else {
            return;
        };
        let tick = self.texts_tick;
        texts.request(docs, move || tick.update(|t| *t += 1));
    }

    /// The current corpus (not tracked: components are rebuilt when it changes).
    pub fn corpus(&self) -> Arc<Corpus> {
        self.corpus_sig.get_untracked()
    }

    /// Rebuild the corpus from the embedded articles, the workspace's articles
    /// (extracting those not yet extracted) and its corrections, and show it.
    /// Articles to extract need the extractor, whose data may still be on
    /// its way: then this waits for it (a failure shows as the corpus's
    /// extraction error).
    pub fn rebuild(&self) {
        let has_articles = self.workspace.with_untracked(|w| !w.articles.is_empty());
        if has_articles && !crate::extraction::is_ready() {
            let state = self.clone();
            leptos::task::spawn_local(async move {
                let _ = crate::extraction::ensure_extractor().await;
                state.install(state.build_corpus());
            });
        } else {
            self.install(self.build_corpus());
        }
    }

    /// The corpus for the current workspace (not shown yet: callers that add
    /// many articles yield to the browser between building and showing it).
    pub fn build_corpus(&self) -> Corpus {
        self.index_linked(self.link_workspace())
    }

    /// Step one of [`AppState::build_corpus`]: the documents and their
    /// extraction linked across the corpus (callers that add many articles
    /// let the browser in before step two, [`AppState::index_linked`]).
    pub fn link_workspace(&self) -> Linked {
        let ws = self.workspace.get_untracked();
        let mut docs = self.defaults.docs.clone();
        let base = self.defaults.extraction.clone().unwrap_or_default();
        let mut local = vec![false; docs.len()];
        let error = self.defaults.extraction.as_ref().err().cloned();
        let (extraction, extract_error) = if ws.articles.is_empty() {
            (base, None)
        } else {
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
            for a in &ws.articles {
                let doc = Document::new(a.id.clone(), a.text.clone());
                per_doc.push(crate::extraction::extract_cached(&doc));
                docs.push(doc);
                local.push(true);
            }
            // Without the extractor the embedded corpus keeps its entities
            // and the reader's articles are listed without any.
            match crate::extraction::extractor().and_then(|ex| ex.link_corpus(&docs, &per_doc)) {
                Ok(linked) => (linked, None),
                Err(e) => (
                    CorpusExtraction {
                        docs: per_doc,
                        entities: base.entities,
                    },
                    Some(e),
                ),
            }
        };
        let corrections = ws
            .corrections
            .iter()
            .map(|c| c.correction.clone())
            .collect();
        Linked {
            docs,
            extraction,
            error,
            extract_error,
            local,
            corrections,
        }
    }

    /// Step two of [`AppState::build_corpus`]: the reader's corrections
    /// applied, then the index built.
    pub fn index_linked(&self, linked: Linked) -> Corpus {
        let Linked {
            docs,
            mut extraction,
            error,
            extract_error,
            local,
            corrections,
        } = linked;
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        let skipped = entiscope_core::workspace::apply(&mut extraction, &texts, &corrections);
        let mut corpus = Corpus::new(docs, error.map_or(Ok(extraction), Err));
        corpus.local = local;
        corpus.extract_error = extract_error;
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
            v.from = None;
            v.to = None;
        });
    }

    /// Keep only articles dated within `from..=to` (either end open).
    pub fn set_dates(
        &self,
        from: Option<entiscope_core::time::Date>,
        to: Option<entiscope_core::time::Date>,
    ) {
        self.update(|v| {
            v.from = from;
            v.to = to;
            v.article = None;
            v.entity = None;
        });
    }

    /// Require articles to mention `id`, or drop it if they must already.
    pub fn toggle_include(&self, id: &str) {
        if self
            .view
            .with_untracked(|v| v.include.iter().any(|x| x == id))
        {
            self.remove_filter(id);
        } else {
            self.include(id);
        }
    }
}
