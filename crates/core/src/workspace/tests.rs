//! Specification of corrections, workspace merging and exports.

use super::*;
use crate::corpus::Document;
use crate::extract::{CorpusExtraction, DocExtraction, Entity, EntityType, Mention};
use crate::index::Index;
use proptest::prelude::*;

const TEXT: &str = "Aliyev met Pashinyan. Fizuli and Fuzuli, then Aliyev again.";

fn m(text: &str, needle: &str, nth: usize, ty: EntityType, id: &str) -> Mention {
    let start = text.match_indices(needle).nth(nth).unwrap().0;
    Mention {
        start,
        end: start + needle.len(),
        char_start: text[..start].chars().count(),
        char_end: text[..start].chars().count() + needle.chars().count(),
        ty,
        entity: id.into(),
    }
}

fn ent(id: &str, ty: EntityType, name: &str, aliases: &[&str]) -> Entity {
    Entity {
        id: id.into(),
        ty,
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        qid: None,
        coords: None,
    }
}

fn sample() -> CorpusExtraction {
    use EntityType::*;
    CorpusExtraction {
        docs: vec![DocExtraction {
            doc_id: "d".into(),
            mentions: vec![
                m(TEXT, "Aliyev", 0, Person, "ilham-aliyev"),
                m(TEXT, "Pashinyan", 0, Person, "nikol-pashinyan"),
                m(TEXT, "Fizuli", 0, Place, "fuzuli"),
                m(TEXT, "Fuzuli", 0, Place, "fuzuli-2"),
                m(TEXT, "Aliyev", 1, Person, "ilham-aliyev"),
            ],
        }],
        entities: vec![
            ent("fuzuli", Place, "Fuzuli", &["Fizuli"]),
            ent("fuzuli-2", Place, "Fuzuli", &["Fuzuli"]),
            ent("ilham-aliyev", Person, "Ilham Aliyev", &["Aliyev"]),
            ent("nikol-pashinyan", Person, "Nikol Pashinyan", &["Pashinyan"]),
        ],
    }
}

fn ids(ex: &CorpusExtraction) -> Vec<String> {
    ex.docs[0]
        .mentions
        .iter()
        .map(|m| format!("{}:{}", m.ty.key(), m.entity))
        .collect()
}

#[test]
fn corrections() {
    use Correction::*;
    let cases: Vec<(Correction, Vec<&str>)> = vec![
        (
            Merge {
                from: "fuzuli-2".into(),
                into: "fuzuli".into(),
            },
            vec![
                "person:ilham-aliyev",
                "person:nikol-pashinyan",
                "place:fuzuli",
                "place:fuzuli",
                "person:ilham-aliyev",
            ],
        ),
        (
            Split {
                entity: "fuzuli".into(),
                alias: "Fizuli".into(),
            },
            vec![
                "person:ilham-aliyev",
                "person:nikol-pashinyan",
                "place:fizuli",
                "place:fuzuli-2",
                "person:ilham-aliyev",
            ],
        ),
        (
            Retype {
                doc: "d".into(),
                start: 11,
                end: 20,
                ty: EntityType::Org,
            },
            vec![
                "person:ilham-aliyev",
                "org:nikol-pashinyan",
                "place:fuzuli",
                "place:fuzuli-2",
                "person:ilham-aliyev",
            ],
        ),
        (
            Reject {
                doc: "d".into(),
                start: 0,
                end: 6,
            },
            vec![
                "person:nikol-pashinyan",
                "place:fuzuli",
                "place:fuzuli-2",
                "person:ilham-aliyev",
            ],
        ),
    ];
    for (c, want) in cases {
        let mut ex = sample();
        let skipped = apply(&mut ex, &[TEXT], std::slice::from_ref(&c));
        assert!(skipped.is_empty(), "{c:?}");
        assert_eq!(ids(&ex), want, "{c:?}");
        // The entity table holds exactly the entities mentioned.
        let mut table: Vec<String> = ex
            .entities
            .iter()
            .map(|e| format!("{}:{}", e.ty.key(), e.id))
            .collect();
        let mut used = ids(&ex);
        used.sort();
        used.dedup();
        table.sort();
        assert_eq!(table, used, "{c:?}");
    }
}

#[test]
fn rename_and_skips() {
    let mut ex = sample();
    let skipped = apply(
        &mut ex,
        &[TEXT],
        &[
            Correction::Rename {
                entity: "ilham-aliyev".into(),
                name: "President Aliyev".into(),
            },
            Correction::Merge {
                from: "nobody".into(),
                into: "fuzuli".into(),
            },
            Correction::Rename {
                entity: "fuzuli".into(),
                name: "  ".into(),
            },
        ],
    );
    assert_eq!(skipped, vec![1, 2]);
    let e = ex.entities.iter().find(|e| e.id == "ilham-aliyev").unwrap();
    assert_eq!(e.name, "President Aliyev");
}

#[test]
fn overrides_and_workspace_round_trip() {
    let o = Overrides {
        entiscope_overrides: OVERRIDES_VERSION,
        corrections: vec![
            Correction::Merge {
                from: "a".into(),
                into: "b".into(),
            },
            Correction::Retype {
                doc: "d".into(),
                start: 1,
                end: 2,
                ty: EntityType::Norp,
            },
        ],
    };
    let json = serde_json::to_string(&o).unwrap();
    assert!(json.contains("\"op\":\"merge\""));
    assert_eq!(serde_json::from_str::<Overrides>(&json).unwrap(), o);

    let mut w = Workspace::default();
    w.articles.push(LocalArticle {
        id: "local-a".into(),
        source: "a.txt".into(),
        text: "A".into(),
        added_ms: 1.0,
    });
    let mut other = w.clone();
    other.articles.push(LocalArticle {
        id: "local-b".into(),
        source: "b.txt".into(),
        text: "B".into(),
        added_ms: 2.0,
    });
    other.corrections.push(CorrectionRecord {
        id: "c1".into(),
        at_ms: 3.0,
        source: "this browser".into(),
        correction: Correction::Rename {
            entity: "x".into(),
            name: "Y".into(),
        },
    });
    w.merge(other.clone());
    assert_eq!(w.articles.len(), 2);
    assert_eq!(w.corrections.len(), 1);
    let back: Workspace = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
    assert_eq!(back, w);
    // Version-less (older) files load and migrate.
    let old: Workspace = serde_json::from_str(r#"{"articles": []}"#).unwrap();
    assert_eq!(old.migrate().version, WORKSPACE_VERSION);
    assert_eq!(w.fresh_id("a", &|_| false), "local-a-2");
    assert_eq!(
        w.fresh_id("My Story.txt", &|id| id == "local-my-story-txt"),
        "local-my-story-txt-2"
    );
}

#[test]
fn exports() {
    let docs = vec![Document::new("d", TEXT)];
    let index = Index::new(&sample());
    let csv = csv_pairs(&docs, &index, &[0]);
    assert!(
        csv.starts_with("article_id,article_title,entity_id,entity_type,entity_name,mentions\r\n")
    );
    assert!(
        csv.contains(",ilham-aliyev,PERSON,Ilham Aliyev,2\r\n"),
        "{csv}"
    );
    let csv = csv_mentions(&docs, &index, &[0]);
    assert_eq!(csv.lines().count(), 6);
    assert!(
        csv.contains("d,nikol-pashinyan,PERSON,Nikol Pashinyan,11,20,Pashinyan"),
        "{csv}"
    );
    let export = ExportFile::new(&docs, &index, &[0], &|_| false);
    assert_eq!(export.documents[0].mentions.len(), 5);
    assert_eq!(export.entities.len(), 4);
    let json = serde_json::to_string(&export).unwrap();
    // The JSON export can be imported again.
    let back = crate::import::import_file("e.json", json.as_bytes()).unwrap();
    assert_eq!(back[0].text, TEXT);
}

/// REGRESSION guard for CSV injection: a cell that starts like a formula is
/// neutralised, and quotes/newlines are escaped.
#[test]
fn csv_cells_are_inert() {
    let docs = vec![Document::new("=HYPERLINK(\"x\")", "Aliyev, \"said\"\nmore")];
    let ex = CorpusExtraction {
        docs: vec![DocExtraction {
            doc_id: docs[0].id.clone(),
            mentions: vec![m(
                &docs[0].text,
                "Aliyev",
                0,
                EntityType::Person,
                "ilham-aliyev",
            )],
        }],
        entities: vec![ent("ilham-aliyev", EntityType::Person, "-Aliyev", &[])],
    };
    let csv = csv_pairs(&docs, &Index::new(&ex), &[0]);
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    assert!(csv.contains(",'-Aliyev,"), "{csv}");
}

proptest! {
    #[test]
    fn corrections_never_panic(ops in proptest::collection::vec((0u8..5, 0usize..70, 0usize..70, "[a-z:-]{0,12}"), 0..8)) {
        let mut ex = sample();
        let corrections: Vec<Correction> = ops.into_iter().map(|(op, a, b, s)| match op {
            0 => Correction::Rename { entity: s.clone(), name: s },
            1 => Correction::Merge { from: s, into: "fuzuli".into() },
            2 => Correction::Split { entity: "fuzuli".into(), alias: s },
            3 => Correction::Retype { doc: "d".into(), start: a, end: b, ty: EntityType::Org },
            _ => Correction::Reject { doc: "d".into(), start: a, end: b },
        }).collect();
        apply(&mut ex, &[TEXT], &corrections);
        let index = Index::new(&ex);
        for mm in index.mentions_of(0) {
            prop_assert!(index.lookup(mm.ty, &mm.entity).is_some());
        }
    }
}

fn correction_strategy() -> impl Strategy<Value = Correction> {
    let key = "[a-z][a-z:-]{0,10}";
    prop_oneof![
        (key, "\\PC{0,12}").prop_map(|(entity, name)| Correction::Rename { entity, name }),
        (key, key).prop_map(|(from, into)| Correction::Merge { from, into }),
        (key, "\\PC{0,12}").prop_map(|(entity, alias)| Correction::Split { entity, alias }),
        ("[a-z0-9_-]{1,8}", 0usize..500, 0usize..500, 0usize..5).prop_map(
            |(doc, start, end, t)| {
                Correction::Retype {
                    doc,
                    start,
                    end,
                    ty: EntityType::ALL[t],
                }
            }
        ),
        ("[a-z0-9_-]{1,8}", 0usize..500, 0usize..500)
            .prop_map(|(doc, start, end)| Correction::Reject { doc, start, end }),
    ]
}

proptest! {
    /// Any workspace and overrides file survives export and import unchanged,
    /// and importing a workspace into itself adds nothing.
    #[test]
    fn workspace_and_overrides_round_trip(
        articles in proptest::collection::vec(("[a-z0-9-]{1,12}", "\\PC{0,40}", "\\PC{0,40}", 0u32..1_000_000), 0..4),
        corrections in proptest::collection::vec(("[a-z0-9]{1,8}", 0u32..1_000_000, "\\PC{0,10}", correction_strategy()), 0..5),
    ) {
        let ws = Workspace {
            version: WORKSPACE_VERSION,
            articles: articles
                .into_iter()
                .map(|(id, source, text, t)| LocalArticle { id, source, text, added_ms: f64::from(t) })
                .collect(),
            corrections: corrections
                .into_iter()
                .map(|(id, t, source, correction)| CorrectionRecord { id, at_ms: f64::from(t), source, correction })
                .collect(),
        };
        let back: Workspace = serde_json::from_str(&serde_json::to_string(&ws).unwrap()).unwrap();
        prop_assert_eq!(&back, &ws);
        let o = Overrides {
            entiscope_overrides: OVERRIDES_VERSION,
            corrections: ws.corrections.iter().map(|c| c.correction.clone()).collect(),
        };
        let back: Overrides = serde_json::from_str(&serde_json::to_string(&o).unwrap()).unwrap();
        prop_assert_eq!(back, o);
        let mut merged = ws.clone();
        merged.merge(ws.clone());
        let ids = |w: &Workspace| w.articles.iter().map(|a| a.id.clone()).collect::<std::collections::BTreeSet<_>>();
        prop_assert_eq!(ids(&merged), ids(&ws));
    }
}
