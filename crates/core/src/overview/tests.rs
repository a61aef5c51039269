//! Specification of the overviews: how dates become periods and bins, what
//! the date-range filter keeps, what the network draws and backs an edge
//! with, that its layout is deterministic, and where the map puts places.

use super::map::{self, MapData};
use super::network::{self, Options, Paragraphs};
use super::timeline::{Bins, DocDates, Period, Precision, Unit, MAX_BINS, MIN_BINS};
use super::Prepared;
use crate::corpus::Document;
use crate::extract::{CorpusExtraction, DocExtraction, Entity, EntityType, Mention};
use crate::index::{DocSet, Filter, Index};
use crate::time::Date;
use crate::url_state::{NetworkParams, Together, TypeSet, ViewState};
use proptest::prelude::*;

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a real day")
}

fn ty_of(id: &str) -> EntityType {
    match id.as_bytes().first() {
        Some(b'0'..=b'9') | Some(b'-') | Some(b'?') => EntityType::Date,
        Some(b'p') => EntityType::Place,
        Some(b'o') => EntityType::Org,
        _ => EntityType::Person,
    }
}

/// Documents as lines of entity ids (one line, one paragraph); ids starting
/// with a digit are dates, `p…` places, `o…` organisations, others people.
/// The text of each line is its ids joined by spaces, each id a mention.
fn corpus(docs: &[&[&str]]) -> (Vec<Document>, Index) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut documents = Vec::new();
    let mut extraction = Vec::new();
    for (i, lines) in docs.iter().enumerate() {
        let mut text = String::new();
        let mut mentions = Vec::new();
        for line in *lines {
            for id in line.split_whitespace() {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(id);
                let ty = ty_of(id);
                mentions.push(Mention {
                    start,
                    end: text.len(),
                    char_start: start,
                    char_end: text.len(),
                    ty,
                    entity: id.to_string(),
                });
                if !entities.iter().any(|e| e.id == id) {
                    entities.push(Entity {
                        id: id.to_string(),
                        ty,
                        name: id.to_uppercase(),
                        aliases: vec![],
                        qid: None,
                        coords: None,
                    });
                }
            }
            text.push('\n');
        }
        documents.push(Document::new(format!("d{i}"), text));
        extraction.push(DocExtraction {
            doc_id: format!("d{i}"),
            mentions,
        });
    }
    let index = Index::new(&CorpusExtraction {
        docs: extraction,
        entities,
    });
    (documents, index)
}

fn ids(index: &Index, set: &DocSet) -> Vec<String> {
    set.iter()
        .map(|d| index.doc_ids[d as usize].clone())
        .collect()
}

// --- timeline -------------------------------------------------------------

#[test]
fn date_ids_name_periods() {
    let p = |first: Date, last: Date, precision| {
        Some(Period {
            first,
            last,
            precision,
        })
    };
    let cases: &[(&str, Option<Period>)] = &[
        ("2020-10-03", Some(Period::day(day(2020, 10, 3)))),
        (
            "2020-10",
            p(day(2020, 10, 1), day(2020, 10, 31), Precision::Month),
        ),
        (
            "2020-02",
            p(day(2020, 2, 1), day(2020, 2, 29), Precision::Month),
        ),
        (
            "1994",
            p(day(1994, 1, 1), day(1994, 12, 31), Precision::Year),
        ),
        (
            "1990s",
            p(day(1990, 1, 1), day(1999, 12, 31), Precision::Decade),
        ),
        ("800", p(day(800, 1, 1), day(800, 12, 31), Precision::Year)),
        // Open or unresolved dates fix no period.
        ("--09-27", None),
        ("?-last-sunday", None),
        ("?", None),
        // Not date ids.
        ("2020-13", None),
        ("2020-02-30", None),
        ("1995s", None),
        ("2020-1-3", None),
        ("2020-10-03-01", None),
        ("20201", None),
        ("fuzuli", None),
        ("", None),
        ("s", None),
    ];
    for (id, want) in cases {
        assert_eq!(&Period::from_date_id(id), want, "{id}");
    }
}

#[test]
fn bins_take_the_finest_unit_that_fits() {
    let cases: &[(Date, Date, Unit, usize, Date)] = &[
        // The default corpus's span: one bar a day.
        (
            day(2020, 9, 27),
            day(2020, 10, 15),
            Unit::Day,
            19,
            day(2020, 9, 27),
        ),
        // A single day is padded so a brush has room.
        (
            day(2020, 10, 15),
            day(2020, 10, 15),
            Unit::Day,
            MIN_BINS,
            day(2020, 10, 12),
        ),
        // Two years: weeks, from the Monday before.
        (
            day(2019, 1, 2),
            day(2020, 12, 31),
            Unit::Week,
            105,
            day(2018, 12, 31),
        ),
        // Five years: months.
        (
            day(2016, 3, 9),
            day(2020, 12, 31),
            Unit::Month,
            58,
            day(2016, 3, 1),
        ),
        // Decades: years.
        (
            day(1991, 5, 1),
            day(2020, 10, 15),
            Unit::Year,
            30,
            day(1991, 1, 1),
        ),
        // Centuries: the last MAX_BINS years.
        (
            day(1066, 10, 14),
            day(2020, 1, 1),
            Unit::Year,
            MAX_BINS,
            day(1901, 1, 1),
        ),
    ];
    for &(a, b, unit, count, first) in cases {
        let bins = Bins::covering(a, b, Precision::Day);
        assert_eq!(
            (bins.unit, bins.count, bins.first),
            (unit, count, first),
            "{a}..{b}"
        );
        // Consecutive bins tile the axis.
        for i in 1..bins.count {
            assert_eq!(bins.start(i), bins.end(i - 1).add_days(1));
        }
    }
}

#[test]
fn a_period_sits_in_a_bin_only_if_it_fits() {
    let days = Bins::covering(day(2020, 9, 27), day(2020, 10, 15), Precision::Day);
    let oct = Period::from_date_id("2020-10").unwrap();
    assert_eq!(days.of(&Period::day(day(2020, 9, 27))), Some(0));
    assert_eq!(days.of(&Period::day(day(2020, 10, 15))), Some(18));
    assert_eq!(days.of(&Period::day(day(2020, 10, 16))), None);
    assert_eq!(days.of(&Period::day(day(2020, 9, 26))), None);
    assert_eq!(days.of(&oct), None);
    let months = Bins::covering(day(2016, 3, 9), day(2020, 12, 31), Precision::Day);
    assert_eq!(
        Bins::covering(day(2020, 10, 1), day(2020, 10, 31), Precision::Month).unit,
        Unit::Month
    );
    assert_eq!(
        months.of(&oct).map(|i| months.label(i)),
        Some("Oct 2020".to_string())
    );
    assert_eq!(days.label(0), "27 Sep 2020");
    assert_eq!(days.range(2, 0), (day(2020, 9, 27), day(2020, 9, 29)));
    assert_eq!(
        days.selected(Some(day(2020, 9, 28)), Some(day(2020, 9, 30))),
        Some((1, 3))
    );
    assert_eq!(days.selected(None, Some(day(2020, 9, 27))), Some((0, 0)));
    assert_eq!(days.selected(Some(day(2021, 1, 1)), None), None);
}

/// Five articles: published dates (`pub:`) are not entities, so they are
/// passed beside the corpus.
fn dated() -> (Vec<Document>, Index, DocDates) {
    let (docs, index) = corpus(&[
        &["alice 2020-09-27 paris", "bob 2020-10"],
        &["alice bob 1994"],
        &["carol 2020-10-03 --09-27"],
        &["dave ?-yesterday"],
        &["alice 2020-10-15"],
    ]);
    let published = [
        None,
        None,
        Some(day(2020, 10, 2)),
        None,
        Some(day(2020, 10, 15)),
    ];
    let dates = DocDates::new(&published, &index);
    (docs, index, dates)
}

#[test]
fn date_ranges_keep_articles_published_or_mentioning_a_day_in_them() {
    let (_, index, dates) = dated();
    let cases: &[(Option<Date>, Option<Date>, &[&str])] = &[
        (None, None, &["d0", "d1", "d2", "d3", "d4"]),
        (Some(day(2020, 9, 27)), Some(day(2020, 9, 27)), &["d0"]),
        // d2 was published on 2 October; d0 mentions all of October only.
        (Some(day(2020, 10, 1)), Some(day(2020, 10, 3)), &["d2"]),
        (
            Some(day(2020, 10, 1)),
            Some(day(2020, 10, 31)),
            &["d0", "d2", "d4"],
        ),
        (Some(day(2020, 10, 16)), None, &[]),
        (None, Some(day(2000, 1, 1)), &["d1"]),
        (Some(day(1994, 6, 1)), Some(day(2020, 9, 26)), &[]),
    ];
    for (from, to, want) in cases {
        assert_eq!(
            ids(&index, &dates.within(*from, *to)),
            *want,
            "{from:?}..{to:?}"
        );
    }
}

#[test]
fn the_date_range_filters_through_the_filter() {
    let (docs, index, dates) = dated();
    let (view, _) = ViewState::parse("f=alice&from=2020-09-27&to=2020-10-14");
    let (mut filter, _) = Filter::from_view(&view, &index, None);
    assert!(!filter.is_empty());
    filter.dates = Some(dates.within(view.from, view.to));
    assert_eq!(ids(&index, &filter.apply(&index).docs), ["d0"]);
    let prepared = Prepared::new(&docs, &index);
    assert_eq!(prepared.dates.doc_count(), 5);
}

#[test]
fn timeline_counts_articles_per_bin() {
    let (_, index, dates) = dated();
    let bins = dates.bins().expect("dated corpus");
    // Days and months set the axis (1994 does not stretch it): 27 Sep to 31 Oct.
    assert_eq!(
        (bins.unit, bins.first, bins.count),
        (Unit::Day, day(2020, 9, 27), 35)
    );
    let all = DocSet::full(5);
    let t = dates.timeline(&bins, &all);
    let at = |v: &[u32], d: Date| v[bins.of(&Period::day(d)).unwrap()];
    assert_eq!(at(&t.published, day(2020, 10, 2)), 1);
    assert_eq!(at(&t.published, day(2020, 10, 15)), 1);
    assert_eq!(at(&t.mentioned, day(2020, 9, 27)), 1);
    assert_eq!(at(&t.mentioned, day(2020, 10, 15)), 1);
    assert_eq!(t.published.iter().sum::<u32>(), 2);
    assert_eq!(t.mentioned.iter().sum::<u32>(), 3);
    // October 2020 and 1994 fit no day; d1 (only 1994) and d3 are undated.
    let off: Vec<(&str, u32)> = t
        .off_chart
        .iter()
        .map(|&(e, n)| (index.entities[e as usize].id.as_str(), n))
        .collect();
    assert_eq!(off, [("1994", 1), ("2020-10", 1)]);
    assert_eq!(t.undated, 2);
    assert_eq!(t.peak(), 1);
    // Filtered: only d4.
    let only = DocSet::from_sorted(5, [4]);
    let t = dates.timeline(&bins, &only);
    assert_eq!(
        (
            t.published.iter().sum::<u32>(),
            t.mentioned.iter().sum::<u32>()
        ),
        (1, 1)
    );
    // Alice's sparkline: d0 on 27 Sep, d4 on 15 Oct (published and mentioned: once).
    let alice = index.entity_index("alice").unwrap();
    let s = dates.series(&bins, &all, &index, alice);
    assert_eq!(s.iter().sum::<u32>(), 2);
    assert_eq!(at(&s, day(2020, 10, 15)), 1);
}

#[test]
fn an_undated_corpus_has_no_timeline() {
    let (_, index) = corpus(&[&["alice ?-sunday"], &["bob"]]);
    let dates = DocDates::new(&[None, None], &index);
    assert_eq!(dates.bins(), None);
    // Only coarse dates: they set the axis.
    let (_, index) = corpus(&[&["alice 1991"], &["bob 1990s"]]);
    let dates = DocDates::new(&[], &index);
    let bins = dates.bins().unwrap();
    assert_eq!(
        (bins.unit, bins.first, bins.count),
        (Unit::Year, day(1990, 1, 1), 10)
    );
}

proptest! {
    /// The filter keeps exactly the documents with a period inside the range,
    /// and brushing bins keeps at least every article counted in them.
    #[test]
    fn date_range_matches_a_brute_force_model(
        docs in proptest::collection::vec(
            (proptest::option::of(0i64..60), proptest::collection::vec(0i64..60, 0..3), any::<bool>()), 1..8),
        a in 0i64..70, b in 0i64..70,
    ) {
        let base = day(2020, 9, 1);
        let lines: Vec<String> = docs.iter().map(|(_, ms, month)| {
            let mut s: Vec<String> = ms.iter().map(|&n| base.add_days(n).to_string()).collect();
            if *month { s.push("2020-10".into()); }
            s.push("x".into());
            s.join(" ")
        }).collect();
        let refs: Vec<[&str; 1]> = lines.iter().map(|l| [l.as_str()]).collect();
        let refs: Vec<&[&str]> = refs.iter().map(|r| &r[..]).collect();
        let (_, index) = corpus(&refs);
        let published: Vec<Option<Date>> = docs.iter().map(|(p, _, _)| p.map(|n| base.add_days(n))).collect();
        let dates = DocDates::new(&published, &index);
        let (from, to) = (base.add_days(a.min(b)), base.add_days(a.max(b)));
        let got: Vec<u32> = dates.within(Some(from), Some(to)).iter().collect();
        let oct = Period::from_date_id("2020-10").unwrap();
        let want: Vec<u32> = docs.iter().enumerate().filter(|(_, (p, ms, month))| {
            let inside = |d: Date| d >= from && d <= to;
            p.is_some_and(|n| inside(base.add_days(n)))
                || ms.iter().any(|&n| inside(base.add_days(n)))
                || (*month && oct.within(Some(from), Some(to)))
        }).map(|(i, _)| i as u32).collect();
        prop_assert_eq!(&got, &want);
        if let Some(bins) = dates.bins() {
            let (i, j) = (a as usize % bins.count, b as usize % bins.count);
            let (f, t) = bins.range(i, j);
            let kept = dates.within(Some(f), Some(t));
            let (lo, hi) = (i.min(j), i.max(j));
            for d in 0..docs.len() as u32 {
                if dates.periods(d).any(|p| bins.of(&p).is_some_and(|k| (lo..=hi).contains(&k))) {
                    prop_assert!(kept.contains(d));
                }
            }
        }
    }

    #[test]
    fn bins_never_panic(a in -800_000i64..800_000, b in -800_000i64..800_000, id in "[0-9s?-]{0,12}") {
        let bins = Bins::covering(Date::from_days(a), Date::from_days(b), Precision::Day);
        prop_assert!(bins.count >= 1 && bins.count <= MAX_BINS.max(MIN_BINS));
        let _ = bins.label(bins.count - 1);
        if let Some(p) = Period::from_date_id(&id) {
            prop_assert!(p.first <= p.last);
            let _ = bins.of(&p);
        }
    }
}

// --- network --------------------------------------------------------------

fn opts(min: u32, top: usize, by: Together) -> Options {
    Options {
        min,
        top,
        types: network::DEFAULT_TYPES,
        by,
    }
}

fn net() -> (Vec<Document>, Index, Paragraphs) {
    let (docs, index) = corpus(&[
        &["alice bob", "alice carol 2020-10-03"],
        &["alice bob", "bob ptown"],
        &["alice", "bob", "carol dave"],
        &["erin"],
    ]);
    let paragraphs = Paragraphs::new(&docs, &index);
    (docs, index, paragraphs)
}

/// Edges as (entity, entity, weight).
type Pairs = Vec<(String, String, u32)>;

fn edges(index: &Index, g: &network::Graph) -> Pairs {
    let name = |i: usize| index.entities[g.nodes[i].entity as usize].id.clone();
    g.edges
        .iter()
        .map(|e| (name(e.a), name(e.b), e.weight))
        .collect()
}

#[test]
fn paragraphs_group_mentions_by_line() {
    let (docs, index, paragraphs) = net();
    let p = paragraphs.of(0);
    assert_eq!(p.len(), 2);
    assert_eq!(&docs[0].text[p[0].start..p[0].end], "alice bob");
    assert_eq!(p[1].at, docs[0].text.find("alice carol").unwrap());
    let names: Vec<&str> = p[1]
        .entities
        .iter()
        .map(|&e| index.entities[e as usize].id.as_str())
        .collect();
    assert_eq!(names, ["2020-10-03", "alice", "carol"]);
    assert!(paragraphs.of(99).is_empty());
}

#[test]
fn network_edges_count_shared_paragraphs_or_articles() {
    let (_, index, paragraphs) = net();
    let all = DocSet::full(4);
    let s = |a: &str, b: &str, w| (a.to_string(), b.to_string(), w);
    let cases: &[(Options, Pairs)] = &[
        // Paragraphs: alice-bob twice (d0, d1), alice-carol once, carol-dave once.
        (
            opts(1, 40, Together::Paragraphs),
            vec![
                s("alice", "bob", 2),
                s("alice", "carol", 1),
                s("bob", "ptown", 1),
                s("carol", "dave", 1),
            ],
        ),
        (
            opts(2, 40, Together::Paragraphs),
            vec![s("alice", "bob", 2)],
        ),
        // Articles: every pair within an article; dates are not drawn by default.
        (
            opts(2, 40, Together::Articles),
            vec![
                s("alice", "bob", 3),
                s("alice", "carol", 2),
                s("bob", "carol", 2),
            ],
        ),
        // Top 2 by articles: alice and bob (3 each).
        (opts(1, 2, Together::Articles), vec![s("alice", "bob", 3)]),
    ];
    for (o, want) in cases {
        let g = network::graph(&index, &paragraphs, &all, o);
        assert_eq!(&edges(&index, &g), want, "{o:?}");
        // Nodes are the entities with an edge, most articles first.
        for w in g.nodes.windows(2) {
            assert!(w[0].articles >= w[1].articles);
        }
    }
    let mut only_places = opts(1, 40, Together::Articles);
    only_places.types = TypeSet::of(&[EntityType::Place, EntityType::Date]);
    let g = network::graph(&index, &paragraphs, &all, &only_places);
    assert!(g.edges.is_empty() && g.nodes.is_empty());
    assert_eq!(g.candidates, 2);
    // Filters apply: without d0 and d1, alice and bob never share a paragraph.
    let g = network::graph(
        &index,
        &paragraphs,
        &DocSet::from_sorted(4, [2, 3]),
        &opts(1, 40, Together::Paragraphs),
    );
    assert_eq!(edges(&index, &g), [s("carol", "dave", 1)]);
}

#[test]
fn the_edge_cap_thins_edges_but_keeps_every_entity() {
    // Twelve people together in three paragraphs each, and Zed once with Amy.
    let crowd = "amy bea cal dan eve fay gus hal ivy jay kim lou";
    let (docs, index) = corpus(&[&[crowd, crowd, crowd, "amy zed"]]);
    let paragraphs = Paragraphs::new(&docs, &index);
    let g = network::graph(
        &index,
        &paragraphs,
        &DocSet::full(1),
        &opts(1, 40, Together::Paragraphs),
    );
    assert_eq!(g.pairs, 66 + 1);
    assert_eq!(g.nodes.len(), 13);
    // The cap, plus Zed's only edge.
    assert_eq!(g.edges.len(), network::edge_cap(13) + 1);
    assert_eq!(
        edges(&index, &g).last().map(|e| (e.1.as_str(), e.2)),
        Some(("zed", 1))
    );
}

#[test]
fn options_come_from_the_url_with_defaults_and_caps() {
    let o = Options::from_params(&NetworkParams::default());
    assert_eq!(
        (o.min, o.top, o.by),
        (
            network::DEFAULT_MIN,
            network::DEFAULT_TOP,
            Together::Paragraphs
        )
    );
    assert_eq!(o.types, network::DEFAULT_TYPES);
    let o = Options::from_params(&NetworkParams {
        min: Some(3),
        top: Some(5000),
        types: Some(TypeSet::of(&[EntityType::Date])),
        by: Together::Articles,
    });
    assert_eq!(
        (o.min, o.top, o.types, o.by),
        (
            3,
            network::MAX_NODES,
            TypeSet::of(&[EntityType::Date]),
            Together::Articles
        )
    );
}

#[test]
fn an_edge_is_backed_by_the_paragraphs_it_counts() {
    let (docs, index, paragraphs) = net();
    let all = DocSet::full(4);
    let e = |id: &str| index.entity_index(id).unwrap();
    let b = network::backing(
        &index,
        &paragraphs,
        &all,
        e("alice"),
        e("bob"),
        Together::Paragraphs,
    );
    let got: Vec<(u32, Vec<&str>)> = b
        .iter()
        .map(|x| {
            (
                x.doc,
                x.paragraphs
                    .iter()
                    .map(|p| &docs[x.doc as usize].text[p.start..p.end])
                    .collect(),
            )
        })
        .collect();
    assert_eq!(got, [(0, vec!["alice bob"]), (1, vec!["alice bob"])]);
    // By articles, d2 backs it too, with no shared paragraph.
    let b = network::backing(
        &index,
        &paragraphs,
        &all,
        e("alice"),
        e("bob"),
        Together::Articles,
    );
    assert_eq!(
        b.iter()
            .map(|x| (x.doc, x.paragraphs.len()))
            .collect::<Vec<_>>(),
        [(0, 1), (1, 1), (2, 0)]
    );
}

#[test]
fn layout_is_deterministic_and_fills_the_box() {
    let (_, index, paragraphs) = net();
    let g = network::graph(
        &index,
        &paragraphs,
        &DocSet::full(4),
        &opts(1, 40, Together::Articles),
    );
    let keys = network::keys(&index, &g);
    let a = network::layout(&keys, &g.edges);
    let b = network::layout(&keys, &g.edges);
    assert_eq!(a.len(), g.nodes.len());
    assert_eq!(
        a.iter().map(|p| p.map(f32::to_bits)).collect::<Vec<_>>(),
        b.iter().map(|p| p.map(f32::to_bits)).collect::<Vec<_>>()
    );
    for p in &a {
        assert!(
            (0.0..=network::ASPECT).contains(&p[0]) && (0.0..=1.0).contains(&p[1]),
            "{p:?}"
        );
    }
    // Linked nodes end up nearer each other than the box's diagonal.
    assert!(network::layout(&[], &[]).is_empty());
    assert_eq!(
        network::layout(&[7], &[]),
        vec![[network::ASPECT / 2.0, 0.5]]
    );
}

/// The browser must lay out 500 nodes in under 200 ms; natively it should be
/// several times faster (printed; `cargo test -- --nocapture` shows it).
#[test]
fn layout_of_500_nodes_is_fast_and_repeatable() {
    let (keys, edges) = network::synthetic(500, 42);
    assert_eq!(keys.len(), 500);
    assert!(edges.len() > 500);
    let t = std::time::Instant::now();
    let a = network::layout(&keys, &edges);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    println!("layout of 500 nodes, {} edges: {ms:.1} ms", edges.len());
    let b = network::layout(&keys, &edges);
    assert_eq!(a, b);
    assert!(a.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    // A linked pair is on average closer than an unlinked one.
    let dist =
        |i: usize, j: usize| ((a[i][0] - a[j][0]).powi(2) + (a[i][1] - a[j][1]).powi(2)).sqrt();
    let linked: f32 = edges.iter().map(|e| dist(e.a, e.b)).sum::<f32>() / edges.len() as f32;
    let some: f32 = (0..499).map(|i| dist(i, (i * 7 + 13) % 500)).sum::<f32>() / 499.0;
    assert!(linked < some / 2.0, "linked {linked} vs any {some}");
}

proptest! {
    #[test]
    fn layout_never_panics_and_stays_finite(
        n in 0usize..40,
        raw in proptest::collection::vec((0usize..60, 0usize..60, 1u32..9), 0..80),
        seed in any::<u64>(),
    ) {
        let keys: Vec<u64> = (0..n as u64).map(|i| i.wrapping_mul(seed) ^ seed).collect();
        let edges: Vec<network::Edge> = raw.iter().filter(|(a, b, _)| a < b && *b < n)
            .map(|&(a, b, weight)| network::Edge { a, b, weight }).collect();
        let pos = network::layout(&keys, &edges);
        prop_assert_eq!(pos.len(), n);
        for p in &pos {
            prop_assert!(p[0].is_finite() && p[1].is_finite());
            prop_assert!((0.0..=network::ASPECT).contains(&p[0]) && (0.0..=1.0).contains(&p[1]));
        }
        prop_assert_eq!(network::layout(&keys, &edges), pos);
    }

    #[test]
    fn network_never_panics(
        docs in proptest::collection::vec(proptest::collection::vec(0usize..8, 0..6), 1..8),
        min in 1u32..4, top in 1usize..10, articles in any::<bool>(),
    ) {
        let names = ["alice", "bob", "carol", "ptown", "pville", "oacme", "2020-10-03", "1994"];
        let lines: Vec<String> = docs.iter().map(|d| d.iter().map(|&i| names[i]).collect::<Vec<_>>().join(" ")).collect();
        let refs: Vec<[&str; 1]> = lines.iter().map(|l| [l.as_str()]).collect();
        let refs: Vec<&[&str]> = refs.iter().map(|r| &r[..]).collect();
        let (docs, index) = corpus(&refs);
        let paragraphs = Paragraphs::new(&docs, &index);
        let o = opts(min, top, if articles { Together::Articles } else { Together::Paragraphs });
        let g = network::graph(&index, &paragraphs, &DocSet::full(docs.len()), &o);
        prop_assert!(g.nodes.len() <= top);
        for e in &g.edges {
            prop_assert!(e.a < e.b && e.b < g.nodes.len() && e.weight >= min);
            let b = network::backing(&index, &paragraphs, &DocSet::full(docs.len()), g.nodes[e.a].entity, g.nodes[e.b].entity, o.by);
            let shared: u32 = if articles { b.len() as u32 } else { b.iter().map(|x| x.paragraphs.len() as u32).sum() };
            prop_assert_eq!(shared, e.weight);
        }
    }
}

// --- map ------------------------------------------------------------------

fn map_file() -> MapData {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/map.txt");
    let text = std::fs::read_to_string(path).expect("assets/map.txt (scripts/map/build.sh)");
    MapData::parse(&text).expect("assets/map.txt parses")
}

#[test]
fn places_are_projected_as_the_map_script_projected_the_outlines() {
    let map = map_file();
    assert_eq!(
        map.frames.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        ["world", "region", "caucasus"]
    );
    assert!(map.source.contains("Natural Earth"));
    for f in &map.frames {
        assert!(!f.shapes.is_empty() && !f.checks.is_empty(), "{}", f.id);
        for &[lon, lat, x, y] in &f.checks {
            let (px, py) = f.project(lat, lon);
            // Within a hundredth of a drawing unit (the file holds 32-bit floats).
            assert!(
                (px - x).abs() < 0.01 && (py - y).abs() < 0.01,
                "{}: ({lon}, {lat}) -> ({px}, {py}), not ({x}, {y})",
                f.id
            );
        }
        assert!((f.project(f.south, f.east).1 - f.height).abs() < 0.01);
        assert!((f.project(f.south, f.east).0 - f.width).abs() < 0.01);
    }
}

#[test]
fn each_place_goes_to_the_smallest_frame_that_holds_it() {
    let map = map_file();
    let place = |entity, coords, articles| map::Place {
        entity,
        coords,
        articles,
    };
    let placed = map::place(
        &map,
        &[
            place(0, Some((39.6, 47.15)), 3),  // Fuzuli: the Caucasus close-up
            place(1, Some((39.92, 32.85)), 1), // Ankara: the region
            place(2, Some((38.0, -97.0)), 1),  // United States: the world
            place(3, None, 2),                 // Nagorno-Karabakh: no coordinates
            place(4, Some((40.0, 45.0)), 1),   // Armenia
        ],
    );
    let frame_of = |e: u32| {
        placed
            .markers
            .iter()
            .find(|m| m.entity == e)
            .map(|m| map.frames[m.frame].id.as_str())
    };
    assert_eq!(frame_of(0), Some("caucasus"));
    assert_eq!(frame_of(1), Some("region"));
    assert_eq!(frame_of(2), Some("world"));
    assert_eq!(frame_of(3), None);
    assert_eq!(
        placed.unplaced.iter().map(|p| p.entity).collect::<Vec<_>>(),
        [3]
    );
    assert_eq!(placed.frames, [0, 1, 2]);
    // The busiest place gets the largest marker, drawn first in its frame.
    let r = |e: u32| placed.markers.iter().find(|m| m.entity == e).unwrap().r;
    assert_eq!(r(0), map::RADIUS.1);
    assert!(r(4) < r(0));
    assert_eq!(
        placed
            .markers
            .iter()
            .filter(|m| m.frame == 2)
            .map(|m| m.entity)
            .collect::<Vec<_>>(),
        [0, 4]
    );
    // Only the world is shown when no place is elsewhere.
    assert_eq!(map::place(&map, &[]).frames, [0]);
    // The close-up's box inside the world.
    let [x, y, w, h] = map.frames[2].rect_in(&map.frames[0]);
    assert!(x > 0.0 && y > 0.0 && w > 0.0 && h > 0.0);
}

#[test]
fn map_files_with_mistakes_are_refused_with_the_line() {
    let cases = [
        ("", "no frame"),
        ("shape\tX\tM0 0z", "line 1: no frame above it"),
        (
            "frame\tw\tWorld\t-180\t180\t-58\t84\t1\t1\t960",
            "line 1: a frame has",
        ),
        (
            "frame\tw\tWorld\t-180\t180\t-58\t84\t1\t1\t960\tNaN",
            "line 1: expected 8 numbers",
        ),
        (
            "frame\tw\tW\t0\t1\t0\t1\t1\t1\t1\t1\ncheck\t1\t2\t3",
            "line 2: expected 4 numbers",
        ),
        (
            "frame\tw\tW\t0\t1\t0\t1\t1\t1\t1\t1\nshape\tX",
            "line 2: a shape has",
        ),
        (
            "frame\tw\tW\t0\t1\t0\t1\t1\t1\t1\t1\n<svg>",
            "line 2: unknown record",
        ),
    ];
    for (text, want) in cases {
        let err = MapData::parse(text).unwrap_err();
        assert!(err.contains(want), "{text:?}: {err}");
    }
    let ok =
        MapData::parse("# c\nsource\tS\nframe\tw\tW\t0\t1\t0\t1\t1\t1\t1\t1\nshape\tX\tM0 0z\n")
            .unwrap();
    assert_eq!(
        (ok.source.as_str(), ok.frames[0].shapes[0].d.as_str()),
        ("S", "M0 0z")
    );
}

proptest! {
    #[test]
    fn map_parsing_never_panics(text in "[a-z0-9\t\n .#-]{0,200}") {
        let _ = MapData::parse(&text);
        let _ = MapData::parse(&format!("frame\tw\tW\t0\t1\t0\t1\t1\t1\t1\t1\n{text}"));
    }
}

#[test]
fn marker_radius_grows_with_articles() {
    let cases = [
        (0, 10, map::RADIUS.0),
        (10, 10, map::RADIUS.1),
        (20, 10, map::RADIUS.1),
        (1, 0, map::RADIUS.1),
    ];
    for (n, most, want) in cases {
        assert!((map::radius(n, most) - want).abs() < 1e-9, "{n}/{most}");
    }
    assert!(map::radius(3, 10) < map::radius(4, 10));
}

/// Names come from scraped text and the overviews are drawn as markup: every
/// name, id and title must arrive as text, never as markup (issue 9).
#[test]
fn hostile_names_stay_text_in_the_markup() {
    use super::svg::{self, NodeText};
    let (_, index, paragraphs) = net();
    let g = network::graph(
        &index,
        &paragraphs,
        &DocSet::full(4),
        &opts(1, 40, Together::Articles),
    );
    let keys = network::keys(&index, &g);
    let pos = network::layout(&keys, &g.edges);
    let hostile = [
        r#"<img src=x onerror="alert(1)">"#,
        r#""><script>window.canary=1</script>"#,
        "'; x=\u{202e}evil&amp;",
    ];
    let texts: Vec<NodeText> = (0..g.nodes.len())
        .map(|i| {
            let h = hostile[i % hostile.len()];
            NodeText {
                id: h,
                key: h,
                ty: EntityType::Person,
                name: h,
                title: h,
                included: false,
            }
        })
        .collect();
    let markup = svg::network(&g, &pos, &texts, None);
    for bad in ["<img", "<script", "onerror=\""] {
        assert!(!markup.contains(bad), "{bad} in {markup}");
    }
    assert!(markup.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"));
}

proptest! {
    #[test]
    fn escaped_text_has_no_markup_characters_and_decodes_back(s in "\\PC{0,40}") {
        let e = super::svg::escape(&s);
        prop_assert!(!e.contains(['<', '>', '"', '\'']));
        let back = e
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        prop_assert_eq!(back, s);
    }
}

// --- markup -----------------------------------------------------------------

use super::svg::{self, MarkerText, NodeText, TimelineChart};

/// Markup that a browser would parse into elements other than ours: a raw
/// `<` not starting one of our tags, or a quote breaking out of an attribute.
fn foreign_markup(out: &str) -> Option<String> {
    const TAGS: &[&str] = &[
        "rect",
        "/rect",
        "g",
        "/g",
        "line",
        "/line",
        "text",
        "/text",
        "polyline",
        "/polyline",
        "title",
        "/title",
        "circle",
        "/circle",
        "polygon",
        "/polygon",
        "path",
        "/path",
    ];
    for (i, _) in out.match_indices('<') {
        let rest = &out[i + 1..];
        let tag: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        if !TAGS.contains(&tag.as_str()) {
            return Some(rest.chars().take(20).collect());
        }
    }
    None
}

proptest! {
    /// Any entity name, id or key is escaped: the markup holds only our
    /// elements, and the same input gives the same text.
    #[test]
    fn network_markup_escapes_and_repeats(
        names in proptest::collection::vec("\\PC{0,12}", 1..6),
        weights in proptest::collection::vec(1u32..5, 0..8),
    ) {
        let n = names.len();
        let graph = network::Graph {
            nodes: (0..n as u32).map(|e| network::Node { entity: e, articles: 1 + e % 3 }).collect(),
            edges: weights.iter().enumerate().filter(|_| n > 1).map(|(i, &w)| network::Edge { a: i % (n - 1), b: n - 1, weight: w }).collect(),
            candidates: n,
            pairs: weights.len(),
        };
        let keys: Vec<u64> = (0..n as u64).collect();
        let pos = network::layout(&keys, &graph.edges);
        let texts: Vec<NodeText> = names
            .iter()
            .map(|s| NodeText { id: s, key: s, ty: EntityType::Person, name: s, title: s, included: false })
            .collect();
        let a = svg::network(&graph, &pos, &texts, Some((0, 1)));
        prop_assert_eq!(foreign_markup(&a), None);
        prop_assert_eq!(&a, &svg::network(&graph, &pos, &texts, Some((0, 1))));
    }

    #[test]
    fn map_and_timeline_markup_escapes(name in "\\PC{0,16}", counts in proptest::collection::vec(0u32..4, 7..20)) {
        let frame = map::Frame { id: "f".into(), name: name.clone(), west: 0.0, east: 10.0, south: 0.0, north: 10.0, kx: 96.0, ky: 96.0, width: 960.0, height: 960.0, ..Default::default() };
        let marker = map::Marker { entity: 3, frame: 0, x: 10.0, y: 20.0, r: 7.0, articles: 2 };
        let text = MarkerText { id: &name, key: &name, name: &name, title: &name, included: true };
        prop_assert_eq!(foreign_markup(&svg::map_frame(&frame, &[[1.0, 2.0, 3.0, 4.0]], &[(marker, text)])), None);
        let bins = Bins::covering(day(2020, 1, 1), day(2020, 1, 1).add_days(counts.len() as i64 - 1), Precision::Day);
        let t = super::timeline::Timeline {
            bins,
            published: counts.clone(),
            mentioned: counts.iter().rev().copied().collect(),
            off_chart: vec![],
            undated: 0,
        };
        let chart = TimelineChart { bins: &bins, counts: &t, lines: std::slice::from_ref(&counts), selected: Some((1, 2)), focus: 0 };
        let a = svg::timeline(&chart);
        prop_assert_eq!(foreign_markup(&a), None);
        prop_assert_eq!(a, svg::timeline(&chart));
        prop_assert_eq!(foreign_markup(&svg::sparkline(&counts)), None);
    }
}

#[test]
fn markup_of_a_hostile_name_stays_text() {
    let name = r#""><script>alert(1)</script><g onclick='x'>"#;
    let frame = map::Frame {
        width: 960.0,
        height: 500.0,
        ..Default::default()
    };
    let marker = map::Marker {
        entity: 0,
        frame: 0,
        x: 1.0,
        y: 2.0,
        r: 7.0,
        articles: 1,
    };
    let out = svg::map_frame(
        &frame,
        &[],
        &[(
            marker,
            MarkerText {
                id: name,
                key: name,
                name,
                title: name,
                included: false,
            },
        )],
    );
    assert!(
        !out.contains("<script") && !out.contains("onclick='"),
        "{out}"
    );
    assert!(out.contains("&lt;script&gt;"));
}
