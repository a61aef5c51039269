//! `entiscope extract`: run the extractor over a corpus and write one
//! prediction file per document (`<stem>.jsonl`, the scorer's format:
//! `{"start","end","text","type","id"}` in code points, sorted by start),
//! or print the whole corpus extraction as JSON, with the cross-article
//! analyses (shared passages, quotes, numeric claims) as top-level fields.

use crate::args::CliResult;
use entiscope_core::corpus::Document;
use entiscope_core::extract::{CorpusExtraction, EntityType, Extractor};
use serde::Serialize;
use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One line of a prediction file.
#[derive(Serialize)]
struct PredLine<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    ty: &'static str,
    id: &'a str,
}

/// The keys a prediction file gives mentions' entities: the scorer reads a
/// key as a corpus-wide name of one entity, across types. A nationality
/// shares its country's slug (the guidelines' id: "Armenian" → `armenia`),
/// yet it is an entity of its own, so its key is qualified by type,
/// `norp:armenia`, the form the app's URLs use for the same entity. So is an
/// organisation's or a person's slug that a place of the corpus also has
/// (the "Armenia" TV company: `org:armenia`). Other keys are the slug.
pub struct PredictionKeys {
    shared: std::collections::HashSet<String>,
}

impl PredictionKeys {
    /// The keys of `corpus`: which slugs more than one type uses.
    pub fn new(corpus: &CorpusExtraction) -> Self {
        let mut types: std::collections::HashMap<&str, EntityType> = Default::default();
        let mut shared = std::collections::HashSet::new();
        for e in &corpus.entities {
            match types.get(e.id.as_str()) {
                Some(&ty) if ty != e.ty => {
                    shared.insert(e.id.clone());
                }
                Some(_) => {}
                None => {
                    types.insert(&e.id, e.ty);
                }
            }
        }
        PredictionKeys { shared }
    }

    /// The key of entity `id` of type `ty`.
    pub fn key<'a>(&self, ty: EntityType, id: &'a str) -> Cow<'a, str> {
        let qualify = match ty {
            EntityType::Norp => true,
            EntityType::Place => false,
            _ => self.shared.contains(id),
        };
        if qualify {
            Cow::Owned(format!("{}:{id}", ty.key()))
        } else {
            Cow::Borrowed(id)
        }
    }
}

/// The prediction lines of one document.
pub fn prediction_lines(
    doc: &Document,
    corpus: &CorpusExtraction,
    keys: &PredictionKeys,
    index: usize,
) -> Vec<String> {
    corpus.docs[index]
        .mentions
        .iter()
        .map(|m| {
            serde_json::to_string(&PredLine {
                start: m.char_start,
                end: m.char_end,
                text: doc.text.get(m.start..m.end).unwrap_or(""),
                ty: m.ty.label(),
                id: &keys.key(m.ty, &m.entity),
            })
            .expect("plain data serialises")
        })
        .collect()
}

/// The whole corpus as printed by `--json`.
#[derive(Serialize)]
struct JsonCorpus<'a> {
    documents: Vec<JsonDoc<'a>>,
    entities: &'a [entiscope_core::extract::Entity],
    passages: &'a [entiscope_core::across::PassageCluster],
    quotes: &'a [entiscope_core::across::Quote],
    claims: &'a [entiscope_core::across::Claim],
    shared_share_per_doc: &'a [entiscope_core::across::SharedShare],
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    meta: &'a entiscope_core::corpus::DocMeta,
    mentions: &'a [entiscope_core::extract::Mention],
}

/// The `--json` document: documents with their mentions, the entity table,
/// and the cross-article analyses (`passages`, `quotes`, `claims`,
/// `shared_share_per_doc`).
pub fn corpus_json(
    docs: &[Document],
    corpus: &CorpusExtraction,
) -> Result<String, serde_json::Error> {
    let analysis = entiscope_core::across::analyse(docs, corpus);
    let value = JsonCorpus {
        documents: docs
            .iter()
            .zip(&corpus.docs)
            .map(|(d, x)| JsonDoc {
                id: &d.id,
                meta: &d.meta,
                mentions: &x.mentions,
            })
            .collect(),
        entities: &corpus.entities,
        passages: &analysis.passages,
        quotes: &analysis.quotes,
        claims: &analysis.claims,
        shared_share_per_doc: &analysis.shared_share_per_doc,
    };
    serde_json::to_string(&value)
}

pub fn run(
    inputs: &[PathBuf],
    out: Option<&Path>,
    json: bool,
    overrides: Option<&Path>,
) -> CliResult {
    let (docs, problems) = crate::check::load(inputs)?;
    for p in &problems {
        eprintln!("warning: skipped {p}");
    }
    let extractor = Extractor::new()?;
    let mut corpus = extractor.extract_corpus(&docs);
    if let Some(file) = overrides {
        let o = read_overrides(file)?;
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        for i in entiscope_core::workspace::apply(&mut corpus, &texts, &o.corrections) {
            eprintln!(
                "warning: {}: correction {} no longer matches anything; skipped",
                file.display(),
                i + 1
            );
        }
    }
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let keys = PredictionKeys::new(&corpus);
        for (i, doc) in docs.iter().enumerate() {
            let path = dir.join(format!("{}.jsonl", doc.id));
            let mut body = prediction_lines(doc, &corpus, &keys, i).join("\n");
            if !body.is_empty() {
                body.push('\n');
            }
            std::fs::write(&path, body).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        eprintln!(
            "extracted {} mentions of {} entities from {} documents into {}",
            corpus.docs.iter().map(|d| d.mentions.len()).sum::<usize>(),
            corpus.entities.len(),
            docs.len(),
            dir.display()
        );
    }
    if json {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        writeln!(lock, "{}", corpus_json(&docs, &corpus)?)?;
    }
    Ok(())
}

/// Read an overrides file, with errors that name the file and line.
pub fn read_overrides(file: &Path) -> Result<entiscope_core::workspace::Overrides, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}, line {}: not an entiscope overrides file ({e}); export one from the app's Corrections list",
            file.display(),
            e.line()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prediction lines of `text` as one document.
    fn lines_of(text: &str) -> Vec<String> {
        let doc = Document::new("d", text);
        let corpus = Extractor::new()
            .unwrap()
            .extract_corpus(std::slice::from_ref(&doc));
        prediction_lines(&doc, &corpus, &PredictionKeys::new(&corpus), 0)
    }

    #[test]
    fn prediction_lines_use_code_points() {
        assert_eq!(
            lines_of("Füzuli and Baku"),
            [
                r#"{"start":0,"end":6,"text":"Füzuli","type":"PLACE","id":"fuzuli"}"#,
                r#"{"start":11,"end":15,"text":"Baku","type":"PLACE","id":"baku"}"#,
            ]
        );
    }

    #[test]
    fn a_nationality_and_its_country_get_two_keys() {
        let ids: Vec<(String, String)> = lines_of("Armenian forces left Armenia.")
            .iter()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (
                    v["type"].as_str().unwrap().into(),
                    v["id"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(
            ids,
            [
                ("NORP".into(), "norp:armenia".into()),
                ("PLACE".into(), "armenia".into()),
            ]
        );
    }

    #[test]
    fn an_organisation_named_like_a_place_gets_its_own_key() {
        let lines = lines_of("Armenia said so, the “Armenia” TV channel reported.");
        let ids: Vec<String> = lines
            .iter()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                format!(
                    "{} {}",
                    v["type"].as_str().unwrap(),
                    v["id"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(ids, ["PLACE armenia", "ORG org:armenia"], "{lines:?}");
    }

    #[test]
    fn json_has_the_analyses_as_top_level_fields() {
        let text = "\"We will not stop now,\" Ilham Aliyev said. Armenia says 51 more soldiers were killed.";
        let docs = vec![Document::new("a", text), Document::new("b", text)];
        let corpus = Extractor::new().unwrap().extract_corpus(&docs);
        let v: serde_json::Value =
            serde_json::from_str(&corpus_json(&docs, &corpus).unwrap()).unwrap();
        for key in [
            "documents",
            "entities",
            "passages",
            "quotes",
            "claims",
            "shared_share_per_doc",
        ] {
            assert!(v.get(key).is_some(), "{key}");
        }
        assert_eq!(v["quotes"][0]["speaker"]["id"], "ilham-aliyev");
        assert_eq!(v["claims"][0]["value"], 51);
        assert_eq!(v["passages"][0]["members"].as_array().unwrap().len(), 2);
    }
}
