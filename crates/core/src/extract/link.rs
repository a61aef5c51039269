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
use super::cues::Cues;
use super::names::surname_index;
use super::{CorpusExtraction, DocExtraction, Entity, EntityType, Mention};
use crate::knowledge::Knowledge;
use crate::text::{fold_str, initial_class, skeleton};
use std::collections::{BTreeMap, HashMap};

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// The id of a name: its slug, or for a name with no ASCII letter or digit
/// ("ϒ", "Ереван" when no rule folds it) its code points in hex, never empty.
fn id_of(s: &str) -> String {
    let slug = crate::text::slug(s);
    if !slug.is_empty() {
        return slug;
    }
    let hex: Vec<String> = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| format!("{:x}", c as u32))
        .collect();
    format!("u-{}", hex.join("-"))
}

/// The id of a person's name without middle initials ("Ilham H. Aliyev" ->
/// `ilham-aliyev`).
fn person_id(s: &str) -> String {
    let kept: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.trim_end_matches('.').chars().count() > 1)
        .collect();
    if kept.is_empty() {
        id_of(s)
    } else {
        id_of(&kept.join(" "))
    }
}

/// Ids for the candidates of one document (`text` is its text).
pub fn link_doc(know: &Knowledge, cues: &Cues, text: &str, cands: &[Cand]) -> Vec<String> {
    // A person the knowledge lists has its id whatever the spelling
    // ("Ilham Aliev", "Erdogan"); others the id of the name as written.
    let person_key = |c: &Cand| match c.entry {
        Some(e) => know.entries[e as usize].id.clone(),
        None => person_id(&text[c.start..c.end]),
    };
    // Full names in this document by folded surname.
    let mut by_surname: HashMap<String, Vec<String>> = HashMap::new();
    for c in cands.iter().filter(|c| c.ty == EntityType::Person) {
        let w = words(&text[c.start..c.end]);
        if w.len() >= 2 {
            let id = person_key(c);
            let v = by_surname
                .entry(fold_str(w[surname_index(cues, &w)]))
                .or_default();
            if !v.contains(&id) {
                v.push(id);
            }
        }
    }
    // A shorter full name inside one longer one ("Tayyip Erdogan", "Recep
    // Tayyip Erdogan") is the same person: keep the longer.
    let mut longer: HashMap<String, String> = HashMap::new();
    for ids in by_surname.values_mut() {
        let all = ids.clone();
        ids.retain(|a| {
            match all
                .iter()
                .filter(|b| words_within(a, b))
                .collect::<Vec<_>>()
                .as_slice()
            {
                [only] => {
                    longer.insert(a.clone(), (*only).clone());
                    false
                }
                _ => true,
            }
        });
    }
    cands
        .iter()
        .map(|c| {
            let surface = &text[c.start..c.end];
            if c.ty == EntityType::Person {
                let w = words(surface);
                if c.entry.is_some() {
                    // A known surname alone in a text that also names
                    // another person with it is ambiguous.
                    let id = person_key(c);
                    let shared = w.len() == 1
                        && by_surname
                            .get(&fold_str(surface))
                            .is_some_and(|ids| ids.iter().any(|x| *x != id));
                    return if shared { person_id(surface) } else { id };
                }
                if w.len() == 1 {
                    if let Some([only]) = by_surname.get(&fold_str(surface)).map(Vec::as_slice) {
                        return only.clone();
                    }
                }
                let id = person_key(c);
                return longer.get(&id).cloned().unwrap_or(id);
            }
            if let Some(e) = c.entry {
                return know.entries[e as usize].id.clone();
            }
            c.id.clone()
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| id_of(surface))
        })
        .collect()
}

/// Whether every word of the person id `a` occurs in the longer id `b`
/// ("tayyip-erdogan" in "recep-tayyip-erdogan").
fn words_within(a: &str, b: &str) -> bool {
    b.len() > a.len() && a.split('-').all(|w| b.split('-').any(|x| x == w))
}

/// Corpus-wide person merging: old id -> new id (already followed to its
/// end, so one lookup suffices).
pub fn corpus_person_map(cues: &Cues, docs: &[DocExtraction]) -> HashMap<String, String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for m in docs.iter().flat_map(|d| &d.mentions) {
        if m.ty == EntityType::Person {
            *count.entry(m.entity.as_str()).or_default() += 1;
        }
    }
    // Surnames are compared by consonant skeleton when it is long enough to
    // be telling ("Pashinyan"/"Pashinian", "Harutyunyan"/"Harutiunian").
    let surname_key = |last: &str| {
        let sk = skeleton(last);
        if sk.len() >= 3 {
            format!("~{sk}")
        } else {
            last.to_string()
        }
    };
    // Full names (ids with a '-') and bare surnames, grouped by surname.
    let mut full: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut bare: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for &id in count.keys() {
        match id.rsplit_once('-') {
            // "geng-shuang": Geng is the family name.
            Some((first, last))
                if !first.contains('-') && surname_index(cues, &[first, last]) == 0 =>
            {
                full.entry(surname_key(first)).or_default().push(id)
            }
            Some((_, last)) => full.entry(surname_key(last)).or_default().push(id),
            None => bare.entry(surname_key(id)).or_default().push(id),
        }
    }
    let mut map: HashMap<String, String> = HashMap::new();
    for (key, ids) in &full {
        // Full names whose given names are transliterations of each other
        // share a consonant skeleton ("Arayik"/"Aryk", "Jeyhun"/"Ceyhun"):
        // the more frequent spelling wins.
        let given = |id: &str| {
            id.rsplit_once('-')
                .map_or(String::new(), |(g, _)| g.to_string())
        };
        let mut canon: Vec<&str> = Vec::new();
        for &id in ids {
            let g = given(id);
            let same = canon.iter_mut().find(|c| {
                let cg = given(c);
                !g.is_empty() && skeleton(&cg).len() >= 2 && skeleton(&cg) == skeleton(&g)
            });
            match same {
                Some(c) if count[*c] >= count[id] => {
                    map.insert(id.to_string(), c.to_string());
                }
                Some(c) => {
                    map.insert(c.to_string(), id.to_string());
                    *c = id;
                }
                None => canon.push(id),
            }
        }
        // A shorter full name inside one longer one is the same person.
        let mut targets: Vec<&str> = Vec::new();
        for &a in &canon {
            match canon
                .iter()
                .filter(|b| words_within(a, b))
                .collect::<Vec<_>>()
                .as_slice()
            {
                [only] => {
                    map.insert(a.to_string(), only.to_string());
                }
                _ => targets.push(a),
            }
        }
        // A surname alone goes to the one full name with that surname, or
        // to the one named at least three times as often as any other
        // ("Aliyev" is Ilham Aliyev when Heydar Aliyev is a passing mention).
        targets.sort_by_key(|t| std::cmp::Reverse(count[t]));
        let dominant = match targets.as_slice() {
            [only] => Some(*only),
            [first, second, ..] if count[first] >= 3 * count[second] => Some(*first),
            _ => None,
        };
        if let (Some(target), Some(surnames)) = (dominant, bare.get(key)) {
            for s in surnames {
                map.insert(s.to_string(), target.to_string());
            }
        }
    }
    // A name the page glued into one word ("NikolPashinyan") is the one
    // full name with those letters.
    let mut squashed: HashMap<String, Vec<&str>> = HashMap::new();
    for ids in full.values() {
        for &id in ids {
            squashed.entry(id.replace('-', "")).or_default().push(id);
        }
    }
    for ids in bare.values() {
        for &id in ids {
            if let Some([only]) = squashed.get(id).map(Vec::as_slice) {
                map.entry(id.to_string())
                    .or_insert_with(|| only.to_string());
            }
        }
    }
    // Follow chains (a -> b -> c) to their end.
    let keys: Vec<String> = map.keys().cloned().collect();
    for k in keys {
        let mut target = map[&k].clone();
        for _ in 0..8 {
            match map.get(&target) {
                Some(next) if *next != target => target = next.clone(),
                _ => break,
            }
        }
        map.insert(k, target);
    }
    map
}

/// Corpus-wide merging of places read from context (villages the gazetteer
/// lacks): spellings with one consonant skeleton and first letter class
/// ("Talish"/"Talysh", "Qishlag"/"Gishlag"; see `initial_class`) join the known place of that skeleton, else the most frequent
/// spelling. Gazetteer places are never merged with each other.
pub fn corpus_place_map(know: &Knowledge, docs: &[DocExtraction]) -> HashMap<String, String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for m in docs.iter().flat_map(|d| &d.mentions) {
        if m.ty == EntityType::Place {
            *count.entry(m.entity.as_str()).or_default() += 1;
        }
    }
    let known = |id: &str| {
        know.by_id
            .contains_key(&(EntityType::Place, id.to_string()))
    };
    // Skeleton (with first letter) -> ids, known ones first, then by count.
    let mut groups: BTreeMap<(char, String), Vec<&str>> = BTreeMap::new();
    for &id in count.keys() {
        let sk = skeleton(id);
        if let Some(first) = initial_class(id).filter(|_| sk.len() >= 4) {
            groups.entry((first, sk)).or_default().push(id);
        }
    }
    let mut map = HashMap::new();
    for ids in groups.values_mut() {
        if ids.len() < 2 {
            continue;
        }
        ids.sort_by_key(|id| (!known(id), std::cmp::Reverse(count[id]), *id));
        let target = ids[0];
        if ids[1..].iter().any(|id| known(id)) {
            continue; // two gazetteer places: distinct places, not spellings
        }
        for id in &ids[1..] {
            map.insert(id.to_string(), target.to_string());
        }
    }
    map
}

/// Corpus-wide years for dates of undated documents: a day or month whose
/// year the text does not give ("--09-27", "--11") is the one the corpus
/// dates most often ("2020-09-27" in the other reports of the same events),
/// else the corpus's year when three in four of its dates share one. Left
/// as it is where neither is clear.
pub fn corpus_date_map(docs: &[DocExtraction]) -> HashMap<String, String> {
    let mut dated: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut undated: BTreeMap<&str, ()> = BTreeMap::new();
    for m in docs.iter().flat_map(|d| &d.mentions) {
        if m.ty != EntityType::Date {
            continue;
        }
        let id = m.entity.as_str();
        if let Some(rest) = id.strip_prefix("--") {
            undated.insert(rest, ());
        } else if id.len() > 5
            && id.as_bytes()[4] == b'-'
            && id[..4].bytes().all(|b| b.is_ascii_digit())
        {
            // "2020-09-27" -> "09-27"; "2020-11" -> "11".
            *dated.entry(&id[5..]).or_default().entry(id).or_default() += 1;
        }
    }
    // The year of the corpus: the one at least three in four of its dated
    // days and months fall in (at least five), as in a corpus about one war.
    let mut years: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, n) in dated.values().flatten() {
        *years.entry(&id[..4]).or_default() += n;
    }
    let total: usize = years.values().sum();
    let corpus_year = years
        .iter()
        .max_by_key(|(_, &n)| n)
        .filter(|(_, &n)| n >= 5 && 4 * n >= 3 * total)
        .map(|(y, _)| *y);
    let mut map = HashMap::new();
    for rest in undated.keys() {
        // The year the corpus gives this very day most (twice, no tie).
        let exact = dated.get(rest).and_then(|years| {
            let best = years.values().max().copied().unwrap_or(0);
            let mut top = years.iter().filter(|(_, &n)| n == best);
            match (top.next(), top.next()) {
                (Some((id, _)), None) if best >= 2 => Some(id.to_string()),
                _ => None,
            }
        });
        if let Some(id) = exact.or_else(|| corpus_year.map(|y| format!("{y}-{rest}"))) {
            map.insert(format!("--{rest}"), id);
        }
    }
    map
}

/// The entity table for the linked mentions of a corpus.
/// An organisation resolved to a country or place by context gets an id
/// that starts with the place's id (`azerbaijan-defence-ministry`); its name,
/// taken from the text ("Ministry of Defense"), would read the same for every
/// country, so the place is added unless the name already says it.
fn with_place(know: &Knowledge, id: &str, name: String) -> String {
    let folded = crate::text::fold_str(&name);
    id.rmatch_indices('-')
        .map(|(i, _)| &id[..i])
        .filter_map(|prefix| know.by_id.get(&(EntityType::Place, prefix.to_string())))
        .map(|&i| &know.entries[i as usize].name)
        .next()
        .filter(|place| !folded.contains(&crate::text::fold_str(place)))
        .map_or(name.clone(), |place| format!("{name} ({place})"))
}

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
            let name = match (entry, ty) {
                (None, EntityType::Org) => with_place(know, &id, name),
                _ => name,
            };
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
