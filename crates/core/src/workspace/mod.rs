//! A reader's own work: articles added in the browser and corrections to the
//! extracted entities, as one serialisable [`Workspace`] that is stored
//! locally, exported, imported again, and (its corrections) applied by the CLI
//! and the site build as an overrides file.

mod corrections;
mod export;

pub use corrections::{apply, Correction, CorrectionRecord, Overrides, OVERRIDES_VERSION};
pub use export::{csv_mentions, csv_pairs, ExportDocument, ExportFile};

use serde::{Deserialize, Serialize};

/// Version of the workspace format; older versions are migrated on load.
pub const WORKSPACE_VERSION: u32 = 1;

/// An article a reader added.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalArticle {
    /// Document id, unique in the corpus (`local-…`).
    pub id: String,
    /// Where it came from: a file name or "pasted text".
    pub source: String,
    /// The text.
    pub text: String,
    /// When it was added (milliseconds since the epoch, from the browser).
    #[serde(default)]
    pub added_ms: f64,
}

/// Articles and corrections.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Format version.
    #[serde(default = "default_version")]
    pub version: u32,
    /// Added articles, in the order they were added.
    #[serde(default)]
    pub articles: Vec<LocalArticle>,
    /// Corrections, oldest first.
    #[serde(default)]
    pub corrections: Vec<CorrectionRecord>,
}

fn default_version() -> u32 {
    WORKSPACE_VERSION
}

impl Workspace {
    /// Bring a workspace of an older format version up to date. Version 0 is
    /// a bare list of articles from before versioning; it has no corrections.
    pub fn migrate(mut self) -> Workspace {
        if self.version < WORKSPACE_VERSION {
            self.version = WORKSPACE_VERSION;
        }
        self
    }

    /// Add `other`'s articles and corrections that this one lacks (by id):
    /// importing a workspace, or two tabs' work, loses nothing.
    pub fn merge(&mut self, other: Workspace) {
        for a in other.articles {
            if !self.articles.iter().any(|b| b.id == a.id) {
                self.articles.push(a);
            }
        }
        for c in other.corrections {
            if !self.corrections.iter().any(|d| d.id == c.id) {
                self.corrections.push(c);
            }
        }
        self.corrections
            .sort_by(|a, b| a.at_ms.total_cmp(&b.at_ms).then(a.id.cmp(&b.id)));
    }

    /// A document id for a new article from `source` that no existing id uses.
    pub fn fresh_id(&self, source: &str, taken: &dyn Fn(&str) -> bool) -> String {
        let base = format!("local-{}", crate::text::slug(source));
        let base = base.trim_end_matches('-').to_string();
        let mut id = base.clone();
        let mut n = 2;
        while taken(&id) || self.articles.iter().any(|a| a.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

#[cfg(test)]
mod tests;
