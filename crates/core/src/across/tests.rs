//! Tests of the cross-article analyses, grouped by behaviour: quote marks,
//! attribution, numbers and claims, passages, spans; then a `REGRESSION`
//! group (one test per fixed bug) and property tests.

use super::*;
use crate::corpus::Document;
use crate::extract::Extractor;
use proptest::prelude::*;

fn docs(texts: &[&str]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), *t))
        .collect()
}

/// The extractor, built once for all tests.
fn extractor() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| Extractor::new().unwrap())
}

fn run(texts: &[&str]) -> (Vec<Document>, Analysis) {
    let d = docs(texts);
    let ex = extractor().extract_corpus(&d);
    let a = analyse(&d, &ex);
    (d, a)
}

/// (quoted text, speaker id) of every quote of a one-document corpus.
fn quotes_of(text: &str) -> Vec<(String, Option<String>)> {
    let (d, a) = run(&[text]);
    a.quotes
        .iter()
        .map(|q| {
            (
                q.span.text(&d[0].text).to_string(),
                q.speaker.as_ref().map(|s| s.id.clone()),
            )
        })
        .collect()
}

#[test]
fn quote_marks_pair() {
    let cases: &[(&str, &[&str])] = &[
        (
            "He said \"we will win the war\" today.",
            &["we will win the war"],
        ),
        (
            "“Curly quotes work fine,” she said.",
            &["Curly quotes work fine,"],
        ),
        (
            "It was ‘a single quote here’ again.",
            &["a single quote here"],
        ),
        (
            "Iran warns 'we will respond to this' now",
            &["we will respond to this"],
        ),
        // Apostrophes are not quotes.
        ("Azerbaijan's army and Armenians' homes are here.", &[]),
        // Too short: scare quotes and names.
        ("the \"final battle\" began at \"Sugovushan.\"", &[]),
        (
            "\"One two three.\" Then \"four five six,\" he said.",
            &["One two three.", "four five six,"],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<String> = quotes_of(text).into_iter().map(|q| q.0).collect();
        assert_eq!(got, *want, "{text:?}");
    }
}

#[test]
fn attribution_patterns() {
    let aliyev = Some("ilham-aliyev");
    let cases: &[(&str, &[Option<&str>])] = &[
        // quote then "X said"
        ("\"We will not stop the operation,\" Ilham Aliyev said.", &[aliyev]),
        // quote then "said X"
        ("\"We will not stop the operation,\" said Ilham Aliyev.", &[aliyev]),
        // "X said:" then quote
        ("Ilham Aliyev said: \"We will not stop the operation.\"", &[aliyev]),
        // attribution then partial quote
        ("Ilham Aliyev said the army had \"liberated many more villages\".", &[aliyev]),
        // "X told reporters"
        ("\"We will not stop the operation,\" Ilham Aliyev told reporters on Friday.", &[aliyev]),
        // "X added/noted/stressed"
        ("\"We will not stop the operation,\" Ilham Aliyev stressed.", &[aliyev]),
        // according to
        ("According to Ilham Aliyev, \"the operation will go on until the end.\"", &[aliyev]),
        // appositive between speaker and verb
        (
            "\"We will not stop the operation,\" Ilham Aliyev, the president of Azerbaijan, told reporters.",
            &[aliyev],
        ),
        // a title, then the name as an aside
        (
            "\"We will not stop the operation,\" the president, Ilham Aliyev, told reporters.",
            &[aliyev],
        ),
        // pronoun back to the last named speaker
        (
            "Ilham Aliyev said Baku was ready.\n\n\"We will not stop the operation,\" he said.",
            &[aliyev],
        ),
        // a following quote in the same paragraph continues the speaker
        (
            "\"We will not stop the operation,\" Ilham Aliyev said. \"The conflict must be resolved now.\"",
            &[aliyev, aliyev],
        ),
        // quote continued over paragraphs
        (
            "\"We will not stop the operation.\n\n\"The conflict must be resolved now,\" Ilham Aliyev said.",
            &[aliyev, aliyev],
        ),
        // attribution before a quote continued over paragraphs
        (
            "Ilham Aliyev said: \"At the first stage, troops must withdraw.\n\n\"Then, talks should continue.\"",
            &[aliyev, aliyev],
        ),
        // an organisation, then a nominal reference to it
        (
            "In a statement, the Foreign Ministry of Pakistan said it was \"deeply concerned about the shelling\".\n\n\"Armenia must stop its military action,\" the statement added.",
            &[Some("pakistan-foreign-ministry"), Some("pakistan-foreign-ministry")],
        ),
        // two speakers in one sentence
        (
            "\"Armenia must withdraw its troops,\" Ilham Aliyev said, while Nikol Pashinyan said \"we will never give up our land.\"",
            &[aliyev, Some("nikol-pashinyan")],
        ),
        // "it" back to the only organisation named
        (
            "The UN Security Council met on Friday. \"The council calls for calm,\" it said.",
            &[Some("un-security-council")],
        ),
        // a pronoun with two people named before it is ambiguous
        (
            "Ilham Aliyev met Emmanuel Macron on Monday. \"We discussed the conflict at length,\" he said.",
            &[None],
        ),
        // another person became the subject since the last speaker
        (
            "Ilham Aliyev said Baku was ready. Emmanuel Macron urged a ceasefire. \"We must stop this,\" he said.",
            &[None],
        ),
        // a person named in passing does not
        (
            "Ilham Aliyev said Baku was ready. He later met Emmanuel Macron. \"We must stop this,\" he said.",
            &[aliyev],
        ),
        // a speaker that is not an entity
        ("\"It's over for us,\" one resident said.", &[None]),
        // a country is not a speaker
        ("Armenia said it was \"ready to engage with mediators\".", &[None]),
        // no cue at all
        ("'We have no time to wait'", &[None]),
    ];
    for (text, want) in cases {
        let got: Vec<Option<String>> = quotes_of(text).into_iter().map(|q| q.1).collect();
        let want: Vec<Option<String>> = want.iter().map(|w| w.map(str::to_string)).collect();
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn quote_mentions_and_cue() {
    let text = "\"Statements made in Baku are clear,\" Ilham Aliyev said.";
    let (d, a) = run(&[text]);
    let q = &a.quotes[0];
    assert_eq!(q.cue.unwrap().text(&d[0].text), "Ilham Aliyev said");
    assert_eq!(q.attribution, Attribution::Named);
    assert_eq!(q.mentions[0].id, "baku");
}

/// (value, qualifier, increment, subject, event, source id, side id)
type ClaimCase<'a> = (
    &'a str,
    u64,
    Qualifier,
    bool,
    &'a str,
    Event,
    Option<&'a str>,
    Option<&'a str>,
);

#[test]
fn claim_patterns() {
    use Event::*;
    use Qualifier::*;
    let cases: &[ClaimCase<'_>] = &[
        ("Armenia says 51 more soldiers were killed.", 51, Exact, true, "soldiers", Killed, Some("armenia"), Some("armenia")),
        ("Fighting went on, with nearly 200 people dead.", 200, Nearly, false, "people", Killed, None, None),
        ("Azerbaijan kills dozens of Armenian soldiers.", 24, Vague, false, "soldiers", Killed, None, Some("armenia")),
        ("The army has liberated eight villages.", 8, Exact, false, "villages", Captured, None, None),
        ("The war claimed 30,000 lives.", 30_000, Exact, false, "people", Killed, None, None),
        ("The war left 30 thousand people dead.", 30_000, Exact, false, "people", Killed, None, None),
        ("Some 1,592 houses have been destroyed, according to the Azerbaijani Prosecutor General's Office.", 1592, About, false, "houses", Destroyed, Some("azerbaijan-prosecutor-generals-office"), None),
        ("Over 50 Armenian troopers were wounded.", 50, AtLeast, false, "soldiers", Injured, None, Some("armenia")),
        ("Azerbaijan said 19 civilians were killed.", 19, Exact, false, "civilians", Killed, Some("azerbaijan"), Some("azerbaijan")),
        ("Armenian officials reported 54 more military casualties.", 54, Exact, true, "soldiers", Casualties, Some("armenia"), Some("armenia")),
        ("It shelled 19 of its settlements overnight.", 19, Exact, false, "settlements", Shelled, None, None),
        ("The number of civilians killed has reached 43.", 43, Exact, false, "civilians", Killed, None, None),
        ("Some 20% of the territory is occupied.", 20, About, false, "territory", Count, None, None),
        ("Four drones were shot down.", 4, Exact, false, "drones", Count, None, None),
        ("At least 12 civilians, including children, died in the shelling.", 12, AtLeast, false, "civilians", Killed, None, None),
        ("The toll reached 3,000 wounded, the ministry said.", 3000, Exact, false, "people", Injured, None, None),
        ("According to the Armenian Defence Ministry, 16 soldiers were killed overnight.", 16, Exact, false, "soldiers", Killed, Some("armenia-defence-ministry"), None),
        ("Azerbaijan says it destroyed 22 tanks.", 22, Exact, false, "tanks", Destroyed, Some("azerbaijan"), None),
    ];
    for (text, value, q, inc, subject, event, source, side) in cases {
        let (_, a) = run(&[text]);
        assert_eq!(a.claims.len(), 1, "{text:?}: {:?}", a.claims);
        let c = &a.claims[0];
        assert_eq!(
            (
                c.value,
                c.qualifier,
                c.increment,
                c.subject.as_str(),
                c.event
            ),
            (*value, *q, *inc, *subject, *event),
            "{text:?}"
        );
        assert_eq!(
            c.source.as_ref().map(|s| s.id.as_str()),
            *source,
            "{text:?}"
        );
        assert_eq!(c.side.as_ref().map(|s| s.id.as_str()), *side, "{text:?}");
    }
}

#[test]
fn not_claims() {
    for text in [
        "We have no time to wait another 30 years.",
        "Fighting entered its third week on October 3, 2020.",
        "A ceasefire was agreed in 1994.",
        "One of the reasons is the lack of pressure.",
        "The rate rose by 1.5 points.",
    ] {
        let (_, a) = run(&[text]);
        assert!(a.claims.is_empty(), "{text:?}: {:?}", a.claims);
    }
}

#[test]
fn claims_group_across_articles() {
    let (_, a) = run(&[
        "Azerbaijan said on Saturday that 19 civilians were killed.",
        "Azerbaijan said 24 civilians were killed so far.",
        "Armenia says 51 more soldiers were killed.",
    ]);
    let groups: Vec<&str> = a.claims.iter().map(|c| c.group.as_str()).collect();
    assert_eq!(
        groups,
        [
            "azerbaijan/civilians/killed",
            "azerbaijan/civilians/killed",
            "armenia/soldiers/killed"
        ]
    );
}

const ORIGINAL: &str = "Border clashes broke out last Sunday when Armenian forces targeted Azerbaijani civilian settlements and military positions, leading to casualties. \"We have no time to wait another 30 years. The conflict must be resolved now,\" the president said in a long interview on Saturday.";

#[test]
fn passages_tolerate_edits() {
    let edits = [
        // changed quote marks
        "Border clashes broke out last Sunday when Armenian forces targeted Azerbaijani civilian settlements and military positions, leading to casualties. “We have no time to wait another 30 years. The conflict must be resolved now,” the president said in a long interview on Saturday.",
        // dropped and changed words
        "Border clashes broke out last week when Armenian forces targeted civilian settlements and military positions, leading to casualties. \"We have no time to wait 30 years. The conflict must be resolved now,\" the president said in an interview on Saturday.",
        // reordered clauses
        "Leading to casualties, border clashes broke out last Sunday when Armenian forces targeted Azerbaijani civilian settlements and military positions. \"The conflict must be resolved now. We have no time to wait another 30 years,\" the president said in a long interview on Saturday.",
    ];
    for edited in edits {
        let d = docs(&[
            "Unrelated opening line about the weather today.",
            ORIGINAL,
            edited,
        ]);
        let (clusters, shares) = find_passages(&d);
        assert!(!clusters.is_empty(), "{edited}");
        for c in &clusters {
            let ds: Vec<usize> = c.members.iter().map(|m| m.doc).collect();
            assert!(ds.contains(&1) && ds.contains(&2), "{edited}: {clusters:?}");
        }
        let covered: usize = clusters
            .iter()
            .flat_map(|c| &c.members)
            .filter(|m| m.doc == 2)
            .map(|m| m.span.char_len())
            .sum();
        assert!(
            covered * 10 >= edited.chars().count() * 8,
            "{edited}: {clusters:?}"
        );
        assert_eq!(shares[0].shared_chars, 0);
        assert!(shares[1].ratio() > 0.5);
    }
}

#[test]
fn passages_need_more_than_a_common_phrase() {
    let d = docs(&[
        "The resolutions of the UN Security Council demand a withdrawal. Markets in Baku were calm on Monday.",
        "Russia said the resolutions of the UN Security Council were ignored by all sides again this year.",
        "Nothing in common here at all, apart from a few words like Monday.",
    ]);
    let (clusters, shares) = find_passages(&d);
    assert!(clusters.is_empty(), "{clusters:?}");
    assert!(shares.iter().all(|s| s.shared_chars == 0));
}

#[test]
fn passage_ids_and_spans_snap_to_sentences() {
    let a = format!("Intro line that is only here. {ORIGINAL}");
    let d = docs(&[&a, ORIGINAL]);
    let (clusters, _) = find_passages(&d);
    assert_eq!(clusters.len(), 1, "{clusters:?}");
    let c = &clusters[0];
    assert_eq!(
        c.id,
        format!("d0@{}", "Intro line that is only here. ".len())
    );
    assert_eq!(c.members[0].span.text(&d[0].text), ORIGINAL);
    assert_eq!(c.members[1].span.text(&d[1].text), ORIGINAL);
}

#[test]
fn spans_carry_char_offsets() {
    let text = "Füzuli 😀\u{a0}é: \"Ilham Aliyev’s army took 19 villages in Füzuli,\" Ilham Aliyev said.\r\n";
    let (d, a) = run(&[text]);
    let q = &a.quotes[0];
    let t = &d[0].text;
    assert_eq!(q.span.char_start, t[..q.span.start].chars().count());
    assert_eq!(q.span.char_end, t[..q.span.end].chars().count());
    assert_eq!(
        q.span.text(t),
        "Ilham Aliyev’s army took 19 villages in Füzuli,"
    );
    let c = &a.claims[0];
    assert_eq!(c.number.text(t), "19");
    assert_eq!(c.source.as_ref().unwrap().id, "ilham-aliyev");
}

#[test]
fn analysis_round_trips_through_json_and_postcard() {
    let (_, a) = run(&[
        ORIGINAL,
        ORIGINAL,
        "Armenia says 51 more soldiers were killed.",
    ]);
    assert!(!a.passages.is_empty() && !a.quotes.is_empty() && !a.claims.is_empty());
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(serde_json::from_str::<Analysis>(&json).unwrap(), a);
    let bytes = postcard::to_allocvec(&a).unwrap();
    assert_eq!(postcard::from_bytes::<Analysis>(&bytes).unwrap(), a);
}

#[test]
fn analysis_lookups() {
    let (_, a) = run(&[
        ORIGINAL,
        "Armenia says 51 more soldiers were killed.",
        &format!("{ORIGINAL} Armenia says 60 soldiers were killed."),
    ]);
    assert_eq!(a.quotes_in(0).count(), 1);
    assert_eq!(a.claims_in(1).count(), 1);
    assert_eq!(a.passages_in(2).len(), 1);
    assert!(a.passages_in(1).is_empty());
    assert!(a.shared_share(0).ratio() > 0.99);
    assert_eq!(a.shared_share(99).ratio(), 0.0);
    let groups = a.claim_groups();
    let values: Vec<u64> = groups["armenia/soldiers/killed"]
        .iter()
        .map(|c| c.value)
        .collect();
    assert_eq!(values, [51, 60]);
}

// REGRESSION: bugs found on the default corpus, one test each.

/// A quote followed by "... but Azerbaijan says ..." took the second
/// clause's cue.
#[test]
fn regression_cue_after_conjunction_belongs_to_the_next_clause() {
    let q = quotes_of(
        "Armenia says it is \"ready to engage\" with mediators but Ilham Aliyev says Armenian forces must withdraw.",
    );
    assert_eq!(q, [("ready to engage".to_string(), None)]);
}

/// "1,592 houses and 290 facilities have been destroyed" after "43 people
/// are injured," read the houses as injured.
#[test]
fn regression_event_does_not_cross_a_comma_or_fit_the_wrong_noun() {
    let (_, a) = run(&["So far 43 people are injured, 1,592 houses and 290 civilian facilities have been destroyed."]);
    let got: Vec<(&str, Event)> = a
        .claims
        .iter()
        .map(|c| (c.subject.as_str(), c.event))
        .collect();
    assert_eq!(
        got,
        [
            ("people", Event::Injured),
            ("houses", Event::Destroyed),
            ("facilities", Event::Destroyed)
        ]
    );
}

/// A headline repeating a quote kept the quote's two sentences from
/// merging into one passage.
#[test]
fn regression_repeated_headline_does_not_split_a_passage() {
    let body = "\"We have no time to wait another 30 years. The conflict must be resolved now,\" the president said.";
    let d = docs(&[
        &format!("'We have no time to wait another 30 years'\n\n{body}"),
        body,
    ]);
    let (clusters, _) = find_passages(&d);
    let longest = clusters
        .iter()
        .flat_map(|c| &c.members)
        .filter(|m| m.doc == 1)
        .map(|m| m.span.char_len())
        .max()
        .unwrap();
    assert_eq!(longest, body.chars().count());
}

/// "Armenian authorities in the disputed region said" took the region as
/// the source.
#[test]
fn regression_subject_looks_through_a_prepositional_phrase() {
    let (_, a) =
        run(&["Armenian authorities in occupied Karabakh said some 51 servicemen were killed."]);
    assert_eq!(a.claims[0].source.as_ref().unwrap().id, "armenia");
}

/// "Four UN Security Council and two UN General Assembly resolutions" lost
/// the first figure.
#[test]
fn regression_coordinated_figures_share_their_noun() {
    let (_, a) =
        run(&["Four UN Security Council and two UN General Assembly resolutions demand it."]);
    let got: Vec<u64> = a.claims.iter().map(|c| c.value).collect();
    assert_eq!(got, [4, 2]);
}

fn check_span(text: &str, s: &TextSpan) {
    assert!(s.start <= s.end && s.end <= text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    assert_eq!(s.char_start, text[..s.start].chars().count());
    assert_eq!(s.char_end, text[..s.end].chars().count());
}

fn any_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "'",
        "‘",
        "’",
        " said ",
        " he said",
        "Ilham Aliyev",
        " 51 ",
        "1,592",
        " more soldiers were killed",
        ". ",
        ",",
        "\n",
        "\r\n",
        "\u{a0}",
        "é",
        "😀",
        " according to ",
        "the statement",
        " dozens of ",
        "villages",
        "-",
        ":",
        "nearly",
        "The conflict must be resolved now",
        "x",
        "  ",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn never_panics_and_spans_are_exact(a in any_text(), b in any_text(), c in ".{0,80}") {
        let d = docs(&[&a, &b, &c, &a]);
        let ex = extractor().extract_corpus(&d);
        let out = analyse(&d, &ex);
        for p in &out.passages {
            for m in &p.members {
                check_span(&d[m.doc].text, &m.span);
            }
        }
        for q in &out.quotes {
            let t = &d[q.doc].text;
            check_span(t, &q.span);
            if let Some(c) = &q.cue { check_span(t, c); }
        }
        for c in &out.claims {
            let t = &d[c.doc].text;
            check_span(t, &c.sentence);
            check_span(t, &c.number);
            prop_assert!(c.sentence.start <= c.number.start && c.number.end <= c.sentence.end);
        }
        prop_assert_eq!(out.shared_share_per_doc.len(), d.len());
        for s in &out.shared_share_per_doc {
            prop_assert!(s.shared_chars <= s.content_chars);
        }
        // Deterministic.
        prop_assert_eq!(analyse(&d, &ex), out);
    }

    #[test]
    fn a_mismatched_extraction_does_not_panic(a in any_text(), b in any_text()) {
        let other = docs(&[&b, &a, "Ilham Aliyev said 19 civilians were killed in Füzuli."]);
        let ex = extractor().extract_corpus(&other);
        let d = docs(&[&a]);
        let out = analyse(&d, &ex);
        for q in &out.quotes {
            check_span(&d[0].text, &q.span);
        }
    }

    #[test]
    fn missing_extraction_only_loses_speakers(a in any_text()) {
        let d = docs(&[&a]);
        let out = analyse(&d, &CorpusExtraction::default());
        prop_assert!(out.quotes.iter().all(|q| q.speaker.is_none()));
    }
}
