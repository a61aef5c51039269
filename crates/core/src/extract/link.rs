//! Linking: every mention gets the id of the real-world entity it names.
//!
//! Within a document, a surname alone ("Aliyev") takes the id of the one
//! full name ending in it ("Ilham Aliyev"); two people sharing a surname leave
//! it on its own id. Across a corpus, a surname alone that no document
//! resolved goes to the one full name with that surname, and full names that
//! differ only by a transliteration of the given name ("Arayik"/"Aryk
//! Harutyunyan") merge. Other ids come from the recognisers (knowledge ids,
//! ISO dates, body ids) or are the slug of the text.

use super::context::Cand;
use super::{CorpusExtraction, DocExtraction, Entity, EntityType, Mention};
use crate::knowledge::Knowledge;
use crate::text::{fold_str, skeleton, slug};
use std::collections::{BTreeMap, HashMap};

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Ids for the candidates of one document (`text` is its text).
pub fn link_doc(text: &str, cands: &[Cand]) -> Vec<String> {
    // Full names in this document by folded surname.
    let mut by_surname: HashMap<String, Vec<String>> = HashMap::new();
    for c in cands.iter().filter(|c| c.ty == EntityType::Person) {
        let w = words(&text[c.start..c.end]);
        if w.len() >= 2 {
            let id = slug(&text[c.start..c.end]);
            let v = by_surname.entry(fold_str(w[w.len() - 1])).or_default();
            if !v.contains(&id) {
                v.push(id);
            }
        }
    }
    cands
        .iter()
        .map(|c| {
            let surface = &text[c.start..c.end];
            if c.ty == EntityType::Person {
                let w = words(surface);
                if w.len() == 1 {
                    if let Some([only]) = by_surname.get(&fold_str(surface)).map(Vec::as_slice) {
                        return only.clone();
                    }
                }
                return slug(surface);
            }
            c.id.clone()
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| slug(surface))
        })
        .collect()
}

/// Corpus-wide person merging: returns old id -> new id.
pub fn corpus_person_map(
    docs: &[DocExtraction],
    surfaces: &HashMap<(EntityType, String), Vec<String>>,
) -> HashMap<String, String> {
    let mut map = HashMap::new();
    let persons: Vec<&String> = surfaces
        .keys()
        .filter(|(t, _)| *t == EntityType::Person)
        .map(|(_, id)| id)
        .collect();
    let count = |id: &str| -> usize {
        docs.iter()
            .flat_map(|d| &d.mentions)
            .filter(|m| m.ty == EntityType::Person && m.entity == id)
            .count()
    };
    // Full names grouped by surname.
    let mut by_surname: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for id in &persons {
        if let Some((_, last)) = id.rsplit_once('-') {
            by_surname.entry(last.to_string()).or_default().push(id);
        }
    }
    for (last, ids) in &mut by_surname {
        ids.sort();
        // Merge full names whose given names are transliterations.
        let mut canon: Vec<&String> = Vec::new();
        for id in ids.iter() {
            let given = id.trim_end_matches(last.as_str()).trim_end_matches('-');
            let same = canon.iter().find(|c| {
                let cg = c.trim_end_matches(last.as_str()).trim_end_matches('-');
                cg.chars().next() == given.chars().next()
                    && skeleton(cg) == skeleton(given)
                    && !given.is_empty()
            });
            match same {
                Some(c) => {
                    let (keep, drop) = if count(c) >= count(id) {
                        (*c, *id)
                    } else {
                        (*id, *c)
                    };
                    map.insert(drop.clone(), keep.clone());
                }
                None => canon.push(id),
            }
        }
        // A surname alone goes to the one full name with that surname.
        let targets: Vec<&&String> = canon
            .iter()
            .filter(|c| !map.contains_key(c.as_str()))
            .collect();
        if let [only] = targets.as_slice() {
            if persons.contains(&last) {
                map.insert(last.clone(), (**only).clone());
            }
        }
    }
    map
}

/// The entity table for the linked mentions of a corpus.
pub fn entities(know: &Knowledge, docs: &[(&str, &DocExtraction)]) -> Vec<Entity> {
    let mut surfaces: BTreeMap<(String, EntityType), BTreeMap<String, usize>> = BTreeMap::new();
    for (text, d) in docs {
        for m in &d.mentions {
            let s = text.get(m.start..m.end).unwrap_or("").to_string();
            *surfaces
                .entry((m.entity.clone(), m.ty))
                .or_default()
                .entry(s)
                .or_default() += 1;
        }
    }
    surfaces
        .into_iter()
        .map(|((id, ty), forms)| {
            let entry = know
                .by_id
                .get(&(ty, id.clone()))
                .map(|&i| &know.entries[i as usize]);
            let name = entry.map(|e| e.name.clone()).unwrap_or_else(|| {
                // The longest of the most frequent forms.
                forms
                    .iter()
                    .max_by_key(|(f, n)| {
                        (
                            f.split_whitespace().count(),
                            **n,
                            std::cmp::Reverse((*f).clone()),
                        )
                    })
                    .map(|(f, _)| f.clone())
                    .unwrap_or_else(|| id.clone())
            });
            let mut aliases: Vec<String> = forms.into_keys().collect();
            if !aliases.contains(&name) {
                aliases.push(name.clone());
            }
            aliases.sort();
            Entity {
                id,
                ty,
                name,
                aliases,
                qid: entry.and_then(|e| e.qid.clone()),
                coords: entry.and_then(|e| e.coords),
            }
        })
        .collect()
}

/// Apply an id map to every mention.
pub fn remap(corpus: &mut CorpusExtraction, map: &HashMap<String, String>, ty: EntityType) {
    for d in &mut corpus.docs {
        for m in &mut d.mentions {
            if m.ty == ty {
                if let Some(n) = map.get(&m.entity) {
                    m.entity = n.clone();
                }
            }
        }
    }
}

/// Surfaces seen per (type, id), for corpus linking.
pub fn surfaces_of(docs: &[(&str, &DocExtraction)]) -> HashMap<(EntityType, String), Vec<String>> {
    let mut out: HashMap<(EntityType, String), Vec<String>> = HashMap::new();
    for (text, d) in docs {
        for m in &d.mentions {
            out.entry((m.ty, m.entity.clone()))
                .or_default()
                .push(text.get(m.start..m.end).unwrap_or("").to_string());
        }
    }
    out
}

/// Mentions from selected candidates and their ids, with code-point offsets.
pub fn mentions(text: &str, cands: &[Cand], ids: Vec<String>) -> Vec<Mention> {
    let mut out = Vec::with_capacity(cands.len());
    let mut chars = 0usize;
    let mut pos = 0usize;
    let mut advance = |to: usize| -> usize {
        chars += text[pos..to].chars().count();
        pos = to;
        chars
    };
    for (c, id) in cands.iter().zip(ids) {
        let char_start = advance(c.start);
        let char_end = advance(c.end);
        out.push(Mention {
            start: c.start,
            end: c.end,
            char_start,
            char_end,
            ty: c.ty,
            entity: id,
        });
    }
    out
}
