//! Corrections a reader makes to extracted entities, applied to an extraction
//! in order: rename an entity, merge two, split an alias off, change a
//! mention's type, reject a mention. Entities are named by their URL key (`id`
//! or `type:id`), mentions by document id and char offsets, so corrections
//! survive re-extraction as long as the text is the same.

use crate::extract::{CorpusExtraction, Entity, EntityType, Mention};
use serde::{Deserialize, Serialize};

/// Version of the overrides file format.
pub const OVERRIDES_VERSION: u32 = 1;

/// One correction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Correction {
    /// Give an entity another display name.
    Rename {
        /// The entity's key.
        entity: String,
        /// The new name.
        name: String,
    },
    /// Make every mention of `from` a mention of `into`.
    Merge {
        /// The entity merged away.
        from: String,
        /// The entity kept.
        into: String,
    },
    /// Mentions of `entity` written as `alias` become a new entity.
    Split {
        /// The entity split.
        entity: String,
        /// The surface form split off.
        alias: String,
    },
    /// Change the type of one mention.
    Retype {
        /// Document id.
        doc: String,
        /// Char offset of the mention's start.
        start: usize,
        /// Char offset of its end.
        end: usize,
        /// The new type.
        ty: EntityType,
    },
    /// Remove one mention.
    Reject {
        /// Document id.
        doc: String,
        /// Char offset of the mention's start.
        start: usize,
        /// Char offset of its end.
        end: usize,
    },
}

/// A correction with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorrectionRecord {
    /// Unique id (time-based, from the browser).
    pub id: String,
    /// When it was made (ms since the epoch).
    #[serde(default)]
    pub at_ms: f64,
    /// Who or where: "this browser", or the file it was imported from.
    #[serde(default)]
    pub source: String,
    /// The correction.
    pub correction: Correction,
}

/// The overrides file the CLI (`--overrides`) and the site build apply.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overrides {
    /// Format version.
    pub entiscope_overrides: u32,
    /// Corrections in order.
    pub corrections: Vec<Correction>,
}

/// Find the entity a key names (`id`, or `type:id`; a bare shared id means
/// the first type in [`EntityType::ALL`] order).
fn find(entities: &[Entity], key: &str) -> Option<usize> {
    if let Some((ty, id)) = key.split_once(':') {
        if let Some(ty) = EntityType::parse(ty) {
            return entities.iter().position(|e| e.ty == ty && e.id == id);
        }
    }
    EntityType::ALL
        .iter()
        .find_map(|&ty| entities.iter().position(|e| e.ty == ty && e.id == key))
}

fn mentions_mut<'a>(
    ex: &'a mut CorpusExtraction,
    ty: EntityType,
    id: &'a str,
) -> impl Iterator<Item = (usize, &'a mut Mention)> + 'a {
    ex.docs.iter_mut().enumerate().flat_map(move |(d, doc)| {
        doc.mentions
            .iter_mut()
            .filter(move |m| m.ty == ty && m.entity == id)
            .map(move |m| (d, m))
    })
}

/// Apply corrections in order. `texts[i]` is the text of `ex.docs[i]` (for
/// splitting by surface form). A correction naming something that does not
/// exist is skipped and its index returned, so the UI can flag it.
pub fn apply(ex: &mut CorpusExtraction, texts: &[&str], corrections: &[Correction]) -> Vec<usize> {
    let mut skipped = Vec::new();
    for (i, c) in corrections.iter().enumerate() {
        if !apply_one(ex, texts, c) {
            skipped.push(i);
        }
    }
    // Entities no mention points at any more are dropped; the table stays sorted.
    let used: std::collections::HashSet<(EntityType, String)> = ex
        .docs
        .iter()
        .flat_map(|d| d.mentions.iter().map(|m| (m.ty, m.entity.clone())))
        .collect();
    ex.entities.retain(|e| used.contains(&(e.ty, e.id.clone())));
    ex.entities
        .sort_by(|a, b| a.id.cmp(&b.id).then(a.ty.cmp(&b.ty)));
    skipped
}

fn apply_one(ex: &mut CorpusExtraction, texts: &[&str], c: &Correction) -> bool {
    match c {
        Correction::Rename { entity, name } => {
            let Some(e) = find(&ex.entities, entity) else {
                return false;
            };
            let name = name.trim();
            if name.is_empty() {
                return false;
            }
            ex.entities[e].name = name.to_string();
            if !ex.entities[e].aliases.iter().any(|a| a == name) {
                ex.entities[e].aliases.push(name.to_string());
            }
            true
        }
        Correction::Merge { from, into } => {
            let (Some(f), Some(t)) = (find(&ex.entities, from), find(&ex.entities, into)) else {
                return false;
            };
            if f == t {
                return false;
            }
            let (fty, fid) = (ex.entities[f].ty, ex.entities[f].id.clone());
            let (tty, tid) = (ex.entities[t].ty, ex.entities[t].id.clone());
            for (_, m) in mentions_mut(ex, fty, &fid) {
                m.ty = tty;
                m.entity = tid.clone();
            }
            let aliases = ex.entities[f].aliases.clone();
            for a in aliases {
                if !ex.entities[t].aliases.contains(&a) {
                    ex.entities[t].aliases.push(a);
                }
            }
            true
        }
        Correction::Split { entity, alias } => {
            let Some(e) = find(&ex.entities, entity) else {
                return false;
            };
            let (ty, id) = (ex.entities[e].ty, ex.entities[e].id.clone());
            let base = crate::text::slug(alias);
            let mut new_id = if base.is_empty() {
                format!("{id}-split")
            } else {
                base
            };
            let mut n = 2;
            while ex.entities.iter().any(|x| x.ty == ty && x.id == new_id) {
                new_id = format!(
                    "{}-{n}",
                    new_id
                        .trim_end_matches(char::is_numeric)
                        .trim_end_matches('-')
                );
                n += 1;
            }
            let mut moved = 0;
            for (d, m) in mentions_mut(ex, ty, &id) {
                let surface = texts
                    .get(d)
                    .and_then(|t| t.get(m.start..m.end))
                    .unwrap_or("");
                if surface == alias {
                    m.entity = new_id.clone();
                    moved += 1;
                }
            }
            if moved == 0 {
                return false;
            }
            ex.entities[e].aliases.retain(|a| a != alias);
            ex.entities.push(Entity {
                id: new_id,
                ty,
                name: alias.clone(),
                aliases: vec![alias.clone()],
                qid: None,
                coords: None,
            });
            true
        }
        Correction::Retype {
            doc,
            start,
            end,
            ty,
        } => {
            let Some(m) = mention_at(ex, doc, *start, *end) else {
                return false;
            };
            if m.ty == *ty {
                return true;
            }
            let id = m.entity.clone();
            let old_ty = m.ty;
            m.ty = *ty;
            if !ex.entities.iter().any(|e| e.ty == *ty && e.id == id) {
                let template = ex
                    .entities
                    .iter()
                    .find(|e| e.ty == old_ty && e.id == id)
                    .cloned();
                let mut e = template.unwrap_or(Entity {
                    id: id.clone(),
                    ty: *ty,
                    name: id.clone(),
                    aliases: vec![],
                    qid: None,
                    coords: None,
                });
                e.ty = *ty;
                if *ty != EntityType::Place {
                    e.coords = None;
                }
                ex.entities.push(e);
            }
            true
        }
        Correction::Reject { doc, start, end } => {
            let Some(d) = ex.docs.iter_mut().find(|d| d.doc_id == *doc) else {
                return false;
            };
            let before = d.mentions.len();
            d.mentions
                .retain(|m| !(m.char_start == *start && m.char_end == *end));
            d.mentions.len() != before
        }
    }
}

fn mention_at<'a>(
    ex: &'a mut CorpusExtraction,
    doc: &str,
    start: usize,
    end: usize,
) -> Option<&'a mut Mention> {
    ex.docs
        .iter_mut()
        .find(|d| d.doc_id == doc)?
        .mentions
        .iter_mut()
        .find(|m| m.char_start == start && m.char_end == end)
}
