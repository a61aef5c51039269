//! The app's state. The URL owns it: [`AppState::view`] is always what the
//! query string says, and every change goes through [`AppState::navigate`],
//! which writes the URL, so every view is a link and back/forward work.

use crate::url;
use entiscope_core::corpus::Document;
use entiscope_core::url_state::{Notice, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// The loaded corpus, shared read-only by every component.
pub struct Corpus {
    /// Documents in display order.
    pub docs: Vec<Document>,
}

impl Corpus {
    /// The document with this id.
    pub fn doc(&self, id: &str) -> Option<&Document> {
        self.docs.iter().find(|d| d.id == id)
    }

    /// Position of a document in display order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }
}

/// Shared handles to the corpus and the URL-owned view state.
#[derive(Clone)]
pub struct AppState {
    /// The corpus.
    pub corpus: Arc<Corpus>,
    /// What the URL says is on screen.
    pub view: RwSignal<ViewState>,
    /// Parameters of the URL that were ignored, and why.
    pub notices: RwSignal<Vec<Notice>>,
}

impl AppState {
    /// State for `corpus`, initialised from the current URL.
    pub fn new(corpus: Corpus) -> AppState {
        let (view, notices) = ViewState::parse(&url::current_query());
        AppState {
            corpus: Arc::new(corpus),
            view: RwSignal::new(view),
            notices: RwSignal::new(notices),
        }
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

    /// Open an article.
    pub fn open_article(&self, id: &str) {
        let mut next = self.view.get_untracked();
        next.article = Some(id.to_string());
        next.entity = None;
        next.at = None;
        self.navigate(next);
        url::scroll_to_top();
    }

    /// Close the open article or entity and show the list.
    pub fn show_list(&self) {
        let mut next = self.view.get_untracked();
        next.article = None;
        next.entity = None;
        next.at = None;
        self.navigate(next);
    }
}
