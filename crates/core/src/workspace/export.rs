//! Exports of the filtered set, generated where the reader is (the browser or
//! the CLI): CSV with one row per article-entity pair or per mention, and a
//! JSON document that entiscope can import again.

use crate::corpus::Document;
use crate::extract::Entity;
use crate::index::Index;
use serde::Serialize;

/// A mention as exported: code-point offsets, as in the prediction format.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExportMention {
    /// Char offset of the start.
    pub start: usize,
    /// Char offset of the end.
    pub end: usize,
    /// The mention's text.
    pub text: String,
    /// `PERSON`, `ORG`, `PLACE`, `NORP` or `DATE`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// The entity's id.
    pub id: String,
}

/// A document as exported, text included so it can be imported again.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExportDocument {
    /// Document id.
    pub id: String,
    /// Derived title.
    pub title: String,
    /// Outlet, when stated.
    pub outlet: Option<String>,
    /// Publication date (ISO), when stated.
    pub published: Option<String>,
    /// Whether a reader added it in the browser.
    pub local: bool,
    /// The full text.
    pub text: String,
    /// Its mentions.
    pub mentions: Vec<ExportMention>,
}

/// The JSON export: documents and the entities they mention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExportFile {
    /// Format version.
    pub entiscope_export: u32,
    /// The exported documents.
    pub documents: Vec<ExportDocument>,
    /// Entities mentioned in them, sorted by id and type.
    pub entities: Vec<Entity>,
}

impl ExportFile {
    /// Export documents `selected` (numbers into `docs`/`index`); `local(i)`
    /// says whether document `i` was added by a reader.
    pub fn new(
        docs: &[Document],
        index: &Index,
        selected: &[u32],
        local: &dyn Fn(u32) -> bool,
    ) -> ExportFile {
        let mut used = std::collections::BTreeSet::new();
        let documents = selected
            .iter()
            .filter_map(|&d| {
                let doc = docs.get(d as usize)?;
                let mentions = index
                    .mentions_of(d)
                    .iter()
                    .map(|m| {
                        if let Some(e) = index.lookup(m.ty, &m.entity) {
                            used.insert(e);
                        }
                        ExportMention {
                            start: m.char_start,
                            end: m.char_end,
                            text: doc.text.get(m.start..m.end).unwrap_or("").to_string(),
                            ty: m.ty.label(),
                            id: m.entity.clone(),
                        }
                    })
                    .collect();
                Some(ExportDocument {
                    id: doc.id.clone(),
                    title: doc.meta.title.clone(),
                    outlet: doc.meta.outlet.clone(),
                    published: doc.meta.published.map(|p| p.to_string()),
                    local: local(d),
                    text: doc.text.clone(),
                    mentions,
                })
            })
            .collect();
        ExportFile {
            entiscope_export: 1,
            documents,
            entities: used
                .into_iter()
                .map(|e| index.entities[e as usize].clone())
                .collect(),
        }
    }
}

/// One CSV field: quoted when needed, and prefixed with `'` when a spreadsheet
/// would read it as a formula (CSV injection).
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(out: &mut String, fields: &[&str]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// One row per (article, entity): how often the article mentions it.
pub fn csv_pairs(docs: &[Document], index: &Index, selected: &[u32]) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "article_id",
            "article_title",
            "entity_id",
            "entity_type",
            "entity_name",
            "mentions",
        ],
    );
    for &d in selected {
        let Some(doc) = docs.get(d as usize) else {
            continue;
        };
        for &(e, n) in index.entities_of(d) {
            let ent = &index.entities[e as usize];
            row(
                &mut out,
                &[
                    &doc.id,
                    &doc.meta.title,
                    &ent.id,
                    ent.ty.label(),
                    &ent.name,
                    &n.to_string(),
                ],
            );
        }
    }
    out
}

/// One row per mention, with code-point offsets.
pub fn csv_mentions(docs: &[Document], index: &Index, selected: &[u32]) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "article_id",
            "entity_id",
            "entity_type",
            "entity_name",
            "start",
            "end",
            "text",
        ],
    );
    for &d in selected {
        let Some(doc) = docs.get(d as usize) else {
            continue;
        };
        for m in index.mentions_of(d) {
            let name = index
                .lookup(m.ty, &m.entity)
                .map_or(m.entity.as_str(), |e| {
                    index.entities[e as usize].name.as_str()
                });
            row(
                &mut out,
                &[
                    &doc.id,
                    &m.entity,
                    m.ty.label(),
                    name,
                    &m.char_start.to_string(),
                    &m.char_end.to_string(),
                    doc.text.get(m.start..m.end).unwrap_or(""),
                ],
            );
        }
    }
    out
}
