//! Specification of the corpus model: metadata on the default corpus and on
//! messy edge cases, block classification, and source checks.

use super::*;
use crate::time::Date;

fn seed(name: &str) -> Document {
    let path = format!("{}/../../corpus/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("default corpus present");
    Document::new(name, text)
}

#[test]
fn default_corpus_metadata() {
    // (file, title starts with, outlet, published)
    let cases: &[(&str, &str, Option<&str>, Option<Date>)] = &[
        (
            "000_a00b3b19d7c29351",
            "Azerbaijan President Ilham Aliyev said",
            None,
            None,
        ),
        (
            "001_306c1b31e536c9b7",
            "Armenia must withdraw troops",
            None,
            None,
        ),
        (
            "002_81ca1d2e1261409a",
            "Azerbaijani President Ilham Aliyev said",
            None,
            None,
        ),
        (
            "003_ae55f639161b75a3",
            "Azerbaijan kills dozens of Armenian soldiers in Karabakh fighting",
            Some("Anadolu Agency"),
            None,
        ),
        (
            "004_f84b541eefcbff6d",
            "Peace in region cannot be ensured without Turkey:Aliyev",
            Some("Anadolu Agency"),
            Date::new(2020, 10, 15),
        ),
    ];
    for (name, title, outlet, published) in cases {
        let d = seed(name);
        assert!(
            d.meta.title.starts_with(title),
            "{name}: {:?}",
            d.meta.title
        );
        assert!(
            d.meta.title.chars().count() <= meta::TITLE_MAX_CHARS + 1,
            "{name}"
        );
        assert_eq!(d.meta.outlet.as_deref(), *outlet, "{name}");
        assert_eq!(d.meta.published, *published, "{name}");
        assert!(d.meta.word_count > 400, "{name}: {}", d.meta.word_count);
    }
}

#[test]
fn default_corpus_furniture_is_set_apart_not_dropped() {
    for (name, line) in [
        ("003_ae55f639161b75a3", "Loading..."),
        ("003_ae55f639161b75a3", "AA"),
        ("001_306c1b31e536c9b7", "Discussion about this post"),
        ("004_f84b541eefcbff6d", "Contact Us"),
    ] {
        let d = seed(name);
        let b = d
            .blocks
            .iter()
            .find(|b| d.block_text(b) == line)
            .unwrap_or_else(|| panic!("{name}: no block {line:?}"));
        assert_eq!(b.kind, BlockKind::Furniture, "{name}: {line}");
    }
    let d = seed("004_f84b541eefcbff6d");
    let published = d
        .blocks
        .iter()
        .find(|b| d.block_text(b) == "Published October 15,2020")
        .unwrap();
    assert_eq!(published.kind, BlockKind::Meta);
}

#[test]
fn blocks_cover_every_non_blank_line() {
    for name in ["000_a00b3b19d7c29351", "001_306c1b31e536c9b7"] {
        let d = seed(name);
        let non_blank = d.text.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(d.blocks.len(), non_blank, "{name}");
    }
}

#[test]
fn edge_cases() {
    // (text, title, word count)
    let cases: &[(&str, &str, usize)] = &[
        ("", meta::UNTITLED, 0),
        ("   \n\n\t", meta::UNTITLED, 0),
        (
            "Loading...\nContact Us\nhttps://example.com/x\n",
            meta::UNTITLED,
            0,
        ),
        (
            "\u{feff}Baku says talks resumed\r\nSecond line here.\r\n",
            "Baku says talks resumed",
            7,
        ),
        (
            "\u{a0}Ceasefire\u{a0}holds in Stepanakert\u{a0}\n",
            "Ceasefire\u{a0}holds in Stepanakert",
            4,
        ),
        (
            "Contact Us\nЕреван и Баку: переговоры\n",
            "Ереван и Баку: переговоры",
            4,
        ),
        (
            "READ MORE: elsewhere\nAzərbaycan Respublikası bəyanat verdi\n",
            "Azərbaycan Respublikası bəyanat verdi",
            7,
        ),
        ("Share\n\nOne\nTwo words\n", "Two words", 3),
    ];
    for (text, title, words) in cases {
        let d = Document::new("t", *text);
        assert_eq!(d.meta.title, *title, "{text:?}");
        assert_eq!(d.meta.word_count, *words, "{text:?}");
        for b in &d.blocks {
            assert!(d.text.is_char_boundary(b.start) && d.text.is_char_boundary(b.end));
        }
    }
}

#[test]
fn long_first_line_is_shortened_at_a_boundary() {
    let long = "word ".repeat(60);
    let d = Document::new("t", long.clone());
    assert!(d.meta.title.ends_with('…'));
    assert!(d.meta.title.chars().count() <= meta::TITLE_MAX_CHARS + 1);
    let sentence = format!(
        "{} Then more text follows here {}",
        "A first sentence that is long enough to be a title.",
        "x ".repeat(80)
    );
    let d = Document::new("t", sentence);
    assert_eq!(
        d.meta.title,
        "A first sentence that is long enough to be a title."
    );
}

#[test]
fn outlet_and_date_detection() {
    let cases: &[(&str, Option<&str>, Option<Date>)] = &[
        ("MOSCOW (Reuters) - Talks began.\n", Some("Reuters"), None),
        (
            "Headline here\nANKARA (AA) – Turkey said.\n",
            Some("Anadolu Agency"),
            None,
        ),
        (
            "Headline here\nAFP\nText.\n",
            Some("Agence France-Presse"),
            None,
        ),
        (
            "Headline here\nPublished 3 October 2020\n",
            None,
            Date::new(2020, 10, 3),
        ),
        (
            "Headline here\nUpdated: 2020-10-04 12:00\n",
            None,
            Date::new(2020, 10, 4),
        ),
        (
            "Headline here\nPublished Sept. 27, 2020\n",
            None,
            Date::new(2020, 9, 27),
        ),
        (
            "Headline here\n2020-October-29 15:12\n",
            None,
            Date::new(2020, 10, 29),
        ),
        // A site's clock or an update line above the article's own date.
        (
            "2020-December-2 04:08\n2020-October-29 15:12\nHeadline here\n",
            None,
            Date::new(2020, 10, 29),
        ),
        // Date stamps in the page's header: a weekday clock, seconds, an
        // update part, an age, a byline; the earliest is the article's.
        (
            "Follow Us:\nSaturday, August 13, 2022\n\nHeadline here\n\nA standfirst that runs on for more than twelve words without a full stop\n\nOctober 12, 2020 7:15:40 pm\n",
            None,
            Date::new(2020, 10, 12),
        ),
        (
            "Headline here\nNovember 10, 2020, 09:41 UPDATED: November 10, 2020, 13:20\n",
            None,
            Date::new(2020, 11, 10),
        ),
        (
            "October 11, 2020 3:14 PM GMT+3 Updated 4 years ago\nHeadline here\n",
            None,
            Date::new(2020, 10, 11),
        ),
        (
            "Last update: March 29, 2024 01:04\n\nHeadline here\n\nBy Orkhan Jalilov October 25, 2020\n",
            None,
            Date::new(2020, 10, 25),
        ),
        (
            "An opening headline of the page that is longer than twelve words in all\n\n2 October 2023\n",
            None,
            Date::new(2023, 10, 2),
        ),
        // Not stamps: a sentence with a date, a date below the article's start.
        ("Headline here\nOn Monday October 12, 2020 talks began\n", None, None),
        (
            "Headline\n\nA first sentence of the body that is long enough to count as the body.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nOctober 12, 2020\n",
            None,
            None,
        ),
        // A page store's date prefix: taken when nothing better says, not
        // when it is older than every year the text names.
        (" date 2023-12-08 YEREVAN - Armenia said in 2023.\n", None, Date::new(2023, 12, 8)),
        (" date 2023-12-08 YEREVAN - Talks on the 2024 climate summit.\n", None, Date::new(2023, 12, 8)),
        (" date 2017-07-11  Deal to end war | News | 09.11.2020\n", None, None),
        (
            " date 2017-07-11 Headline\nPublished 3 October 2020\n",
            None,
            Date::new(2020, 10, 3),
        ),
        ("Headline here\nPublished February 30, 2020\n", None, None),
        ("Reuters reported the clashes.\n", None, None),
    ];
    for (text, outlet, date) in cases {
        let d = Document::new("t", *text);
        assert_eq!(d.meta.outlet.as_deref(), *outlet, "{text:?}");
        assert_eq!(d.meta.published, *date, "{text:?}");
    }
}

#[test]
fn inline_links_are_found() {
    let line = "Great day pic.twitter.com/AbC123 — Someone (@x) October 2, 2020";
    let spans = inline_furniture(line);
    assert_eq!(spans.len(), 1);
    assert_eq!(&line[spans[0].0..spans[0].1], "pic.twitter.com/AbC123");
}

#[test]
fn source_checks() {
    assert!(check_source("a.txt", b"hello").unwrap().1.is_empty());
    assert_eq!(check_source("a.txt", b"  \n").unwrap().1.len(), 1);
    let err = check_source("corpus/bad.txt", b"ok\nok\n\xff\xfe").unwrap_err();
    assert_eq!(
        err,
        SourceError::NotUtf8 {
            file: "corpus/bad.txt".into(),
            line: 3,
            byte: 6
        }
    );
    assert!(err.to_string().contains("corpus/bad.txt") && err.to_string().contains("Fix:"));
    let err = check_source("notes.md", b"x").unwrap_err();
    assert!(err.to_string().contains("notes.md") && err.to_string().contains("rename"));
    assert_eq!(document_id("corpus/001_abc.txt"), "001_abc");
    assert_eq!(document_id("x\\y.txt"), "y");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_is_a_document(text in "\\PC*|[\\s\u{feff}\u{a0}\r\n.a-zA-Z…]*") {
            let d = Document::new("p", text.clone());
            let mut last_end = 0;
            for b in &d.blocks {
                prop_assert!(b.start < b.end && b.end <= text.len());
                prop_assert!(b.start >= last_end);
                prop_assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
                last_end = b.end;
            }
            prop_assert!(!d.meta.title.is_empty());
        }
    }
}

#[test]
fn line_classes() {
    use furniture::{classify_line, LineClass::*};
    for (line, want) in [
        ("Loading...", Furniture),
        ("https://example.com/a https://example.com/b", Furniture),
        // A site's tag list: a label, then names.
        ("Topics Armenia Azerbaijan Russia", Furniture),
        ("Tags: Karabakh, war, ceasefire", Furniture),
        ("Filed under Europe", Furniture),
        ("Topics", Furniture),
        // ... but a sentence that starts with the word is content.
        (
            "Topics discussed included the ceasefire in Karabakh.",
            Content,
        ),
        ("Tagged as a terrorist, he fled to Baku.", Content),
        ("Published October 15,2020", Meta),
        ("Armenia and Azerbaijan traded blame on Sunday.", Content),
    ] {
        assert_eq!(classify_line(line), want, "{line}");
    }
}

#[test]
fn a_tag_list_after_its_label_is_furniture() {
    let text =
        "It was approaching 5,000.\nTopics\nArmenia\nAzerbaijan\nRussia\n\nArmenia said so.\n";
    let kinds: Vec<(String, BlockKind)> = split_blocks(text)
        .iter()
        .map(|b| (text[b.start..b.end].to_string(), b.kind))
        .collect();
    use BlockKind::*;
    let want = [
        ("It was approaching 5,000.", Paragraph),
        ("Topics", Furniture),
        ("Armenia", Furniture),
        ("Azerbaijan", Furniture),
        ("Russia", Furniture),
        // A blank line ends the list.
        ("Armenia said so.", Paragraph),
    ];
    assert_eq!(kinds, want.map(|(t, k)| (t.to_string(), k)));
}
