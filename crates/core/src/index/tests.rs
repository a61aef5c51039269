//! Specification of the index and filter semantics on a small synthetic
//! corpus, plus properties checked against a brute-force model.

use super::*;
use crate::extract::{DocExtraction, Entity, EntityType, Mention};
use crate::url_state::{Mode, ViewState};
use proptest::prelude::*;

fn entity(id: &str, ty: EntityType) -> Entity {
    Entity {
        id: id.into(),
        ty,
        name: id.to_uppercase(),
        aliases: vec![],
        qid: None,
        coords: None,
    }
}

fn mention(id: &str) -> Mention {
    Mention {
        start: 0,
        end: 1,
        char_start: 0,
        char_end: 1,
        ty: EntityType::Person,
        entity: id.into(),
    }
}

/// Four documents; doc i mentions the listed entities (repeats = mentions).
pub(crate) fn corpus(docs: &[&[&str]]) -> CorpusExtraction {
    let mut ids: Vec<&str> = docs.iter().flat_map(|d| d.iter().copied()).collect();
    ids.sort();
    ids.dedup();
    CorpusExtraction {
        docs: docs
            .iter()
            .enumerate()
            .map(|(i, ms)| DocExtraction {
                doc_id: format!("d{i}"),
                mentions: ms.iter().map(|m| mention(m)).collect(),
            })
            .collect(),
        entities: ids
            .iter()
            .map(|id| {
                entity(
                    id,
                    if id.starts_with('p') {
                        EntityType::Place
                    } else {
                        EntityType::Person
                    },
                )
            })
            .collect(),
    }
}

fn sample() -> Index {
    Index::new(&corpus(&[
        &["alice", "bob", "paris"],
        &["alice", "alice", "carol"],
        &["bob", "paris", "prague"],
        &["dave"],
    ]))
}

fn run(index: &Index, query: &str) -> Vec<u32> {
    let (view, _) = ViewState::parse(query);
    let (filter, _) = Filter::from_view(&view, index, None);
    filter.apply(index).docs.iter().collect()
}

#[test]
fn filter_semantics() {
    let index = sample();
    let cases: &[(&str, &[u32])] = &[
        ("", &[0, 1, 2, 3]),
        ("f=alice", &[0, 1]),
        ("f=alice&f=bob", &[0]),
        ("f=alice&f=bob&mode=any", &[0, 1, 2]),
        ("x=alice", &[2, 3]),
        ("f=bob&x=paris", &[]),
        ("f=alice&f=prague&mode=any&x=carol", &[0, 2]),
        ("f=nobody", &[0, 1, 2, 3]),
        ("f=alice&f=dave", &[]),
    ];
    for (q, want) in cases {
        assert_eq!(run(&index, q), *want, "{q}");
    }
}

#[test]
fn unknown_ids_are_reported() {
    let index = sample();
    let (view, _) = ViewState::parse("f=alice&x=ghost");
    let (_, unknown) = Filter::from_view(&view, &index, None);
    assert_eq!(unknown, vec!["ghost".to_string()]);
}

#[test]
fn facet_counts_and_if_added() {
    let index = sample();
    let id = |s: &str| index.entity_index(s).unwrap();
    // ALL with alice: alice 2 articles/3 mentions, bob 1, carol 1.
    let (view, _) = ViewState::parse("f=alice");
    let (filter, _) = Filter::from_view(&view, &index, None);
    let result = filter.apply(&index);
    let people = filter.facet(&index, &result, EntityType::Person);
    let get = |e: u32| people.iter().find(|f| f.entity == e).cloned();
    assert_eq!(
        get(id("alice")).map(|f| (f.articles, f.mentions, f.if_added)),
        Some((2, 3, 2))
    );
    assert_eq!(
        get(id("bob")).map(|f| (f.articles, f.if_added)),
        Some((1, 1))
    );
    assert_eq!(
        get(id("dave")),
        None,
        "dave cannot match together with alice"
    );
    // ANY with alice: adding bob would give docs 0, 1, 2.
    let (view, _) = ViewState::parse("f=alice&mode=any");
    let (filter, _) = Filter::from_view(&view, &index, None);
    let result = filter.apply(&index);
    let people = filter.facet(&index, &result, EntityType::Person);
    let bob = people.iter().find(|f| f.entity == id("bob")).unwrap();
    assert_eq!((bob.articles, bob.if_added), (1, 3));
    let dave = people.iter().find(|f| f.entity == id("dave")).unwrap();
    assert_eq!((dave.articles, dave.if_added), (0, 3));
}

#[test]
fn co_occurrence_and_kwic() {
    let index = sample();
    let alice = index.entity_index("alice").unwrap();
    let with: Vec<&str> = index
        .co_occurring(alice, 10)
        .iter()
        .map(|&(e, _)| index.entities[e as usize].id.as_str())
        .collect();
    assert_eq!(with, vec!["bob", "carol", "paris"]);
    let k = kwic(
        "first line\nSaid Aliyev on Sunday, in Baku.\nnext",
        16,
        22,
        5,
    );
    assert_eq!(
        (k.left.as_str(), k.hit.as_str(), k.right.as_str()),
        ("Said ", "Aliyev", " on…")
    );
    // Context is cut at word boundaries, never mid-word.
    let k = kwic(
        "the long preamble and then Aliyev said more words",
        27,
        33,
        12,
    );
    assert_eq!(
        (k.left.as_str(), k.right.as_str()),
        ("…and then ", " said more…")
    );
    let k = kwic("é", 1, 2, 5);
    assert_eq!(k.hit, "");
}

fn docs_strategy() -> impl Strategy<Value = Vec<Vec<usize>>> {
    proptest::collection::vec(proptest::collection::vec(0usize..6, 0..5), 1..12)
}

proptest! {
    #[test]
    fn filters_match_a_brute_force_model(
        docs in docs_strategy(),
        include in proptest::collection::vec(0usize..6, 0..3),
        exclude in proptest::collection::vec(0usize..6, 0..2),
        any in any::<bool>(),
    ) {
        let names = ["a", "b", "c", "d", "e", "f"];
        let docs_names: Vec<Vec<&str>> = docs.iter().map(|d| d.iter().map(|&i| names[i]).collect()).collect();
        let refs: Vec<&[&str]> = docs_names.iter().map(Vec::as_slice).collect();
        let index = Index::new(&corpus(&refs));
        let mut view = ViewState { mode: if any { Mode::Any } else { Mode::All }, ..Default::default() };
        view.include = include.iter().map(|&i| names[i].to_string()).collect();
        view.exclude = exclude.iter().map(|&i| names[i].to_string()).collect();
        let (filter, _) = Filter::from_view(&view, &index, None);
        let got: Vec<u32> = filter.apply(&index).docs.iter().collect();
        let known: Vec<&String> = view.include.iter().filter(|i| index.entity_index(i).is_some()).collect();
        let want: Vec<u32> = docs_names.iter().enumerate().filter(|(_, d)| {
            let has = |x: &str| d.contains(&x);
            let inc = known.is_empty() || if any { known.iter().any(|i| has(i)) } else { known.iter().all(|i| has(i)) };
            inc && !view.exclude.iter().any(|x| has(x))
        }).map(|(i, _)| i as u32).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn kwic_never_panics(text in "\\PC{0,40}", a in 0usize..60, b in 0usize..60, w in 0usize..10) {
        let _ = kwic(&text, a.min(b), a.max(b), w);
    }
}

/// REGRESSION: a nationality shares its country's id ("Azerbaijani" ->
/// `azerbaijan`); the index once deduplicated entities by id alone and lost
/// the NORP, so its mentions counted for the PLACE.
#[test]
fn entities_sharing_an_id_stay_apart() {
    let mut ex = corpus(&[&["azerbaijan"], &["azerbaijan"]]);
    ex.entities[0].ty = EntityType::Place;
    ex.entities.push(Entity {
        id: "azerbaijan".into(),
        ty: EntityType::Norp,
        name: "Azerbaijani".into(),
        aliases: vec![],
        qid: None,
        coords: None,
    });
    ex.docs[1].mentions[0].ty = EntityType::Norp;
    for m in &mut ex.docs[0].mentions {
        m.ty = EntityType::Place;
    }
    let index = Index::new(&ex);
    let place = index.lookup(EntityType::Place, "azerbaijan").unwrap();
    let norp = index.lookup(EntityType::Norp, "azerbaijan").unwrap();
    assert_ne!(place, norp);
    assert_eq!(index.key(place), "azerbaijan");
    assert_eq!(index.key(norp), "norp:azerbaijan");
    assert_eq!(index.entity_index("azerbaijan"), Some(place));
    assert_eq!(index.entity_index("norp:azerbaijan"), Some(norp));
    assert_eq!(index.entity_index("NORP:azerbaijan"), Some(norp));
    assert_eq!(run(&index, "f=azerbaijan"), vec![0]);
    assert_eq!(run(&index, "f=norp%3Aazerbaijan"), vec![1]);
    assert_eq!(
        run(&index, "f=azerbaijan&f=norp:azerbaijan&mode=any"),
        vec![0, 1]
    );
}
