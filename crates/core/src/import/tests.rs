//! Specification of the importers: what text each kind of file yields, and
//! that bad files are named errors.

use super::*;
use proptest::prelude::*;

#[test]
fn html_visible_text_only() {
    let cases: &[(&str, &str)] = &[
        (
            "<p>Hello <b>world</b></p><p>Second</p>",
            "Hello world\n\nSecond",
        ),
        ("<script>alert(1)</script><p>Safe</p>", "Safe"),
        ("<SCRIPT type=x>window.x=1</SCRIPT >text", "text"),
        ("<style>p{color:red}</style>Body", "Body"),
        ("<img src=x onerror=\"alert(1)\">Caption", "Caption"),
        ("<a href=\"javascript:alert(1)\">link</a>", "link"),
        (
            "Fish &amp; chips &lt;3 &#8212; &#x41; &bogus; &",
            "Fish & chips <3 — A &bogus; &",
        ),
        ("<!-- hidden <p>no</p> -->shown", "shown"),
        ("a < b and c > d", "a < b and c > d"),
        (
            "<html><head><title>T</title></head><body><h1>Title</h1>Text<br>more</body></html>",
            "Title\n\nText\n\nmore",
        ),
        ("<p title=\"a>b\">quoted attr</p>", "quoted attr"),
        ("<script>never closed", ""),
        ("<div>&#0;&#xD800;</div>", "\u{fffd}\u{fffd}"),
        ("</textarea><p>after</p>", "after"),
    ];
    for (html, want) in cases {
        assert_eq!(html_to_text(html), *want, "{html}");
    }
}

#[test]
fn markdown_plain_text() {
    let md = "# Heading\n\n> A **bold** quote\n- item with [a link](http://x) and ![alt](i.png)\n1. first\n---\n`code` and snake_case_word stay\n```\nfenced *kept*\n```";
    assert_eq!(
        markdown_to_text(md),
        "Heading\n\nA bold quote\nitem with a link and alt\nfirst\ncode and snake_case_word stay\nfenced *kept*"
    );
}

#[test]
fn files_by_kind() {
    let ok = |name: &str, bytes: &[u8]| import_file(name, bytes).unwrap();
    assert_eq!(
        ok("a.txt", b"Plain")[0],
        ImportedArticle {
            name: "a".into(),
            text: "Plain".into()
        }
    );
    assert_eq!(ok("dir/Story.HTML", b"<p>x</p>")[0].text, "x");
    assert_eq!(ok("n.md", b"# T")[0].text, "T");
    let json = br#"{"documents": [{"id": "d1", "text": "One"}, {"text": "Two"}], "entities": []}"#;
    let docs = ok("export.json", json);
    assert_eq!(
        docs.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
        ["d1", "export-2"]
    );
    let jsonl = b"{\"id\": \"a\", \"text\": \"A\"}\n\n{\"id\": \"b\", \"text\": \"B\"}\n";
    assert_eq!(ok("x.jsonl", jsonl).len(), 2);
    assert_eq!(ok("bom.txt", "\u{feff}Text".as_bytes())[0].text, "Text");
}

#[test]
fn bad_files_are_named_errors() {
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "bad.txt",
            b"ok\n\xff",
            "bad.txt: not UTF-8 text (first bad byte on line 2)",
        ),
        ("pic.png", b"x", "pic.png: not a file type"),
        ("e.txt", b"  \n", "e.txt: the file has no text"),
        (
            "e.html",
            b"<script>x</script>",
            "e.html: the file has no text",
        ),
        (
            "x.json",
            b"{\"documents\": [{\"id\": \"a\"}]}",
            "has no \"text\"",
        ),
        (
            "x.json",
            b"[1, 2]",
            "x.json, line 1: not an entiscope export",
        ),
        ("x.jsonl", b"{\"text\": \"a\"}\nnot json", "x.jsonl, line 2"),
    ];
    for (name, bytes, want) in cases {
        let err = import_file(name, bytes).unwrap_err().to_string();
        assert!(err.contains(want), "{name}: {err}");
    }
    assert!(import_pasted(" \n").is_err());
}

proptest! {
    #[test]
    fn never_panics(name in "[a-z]{0,5}\\.(txt|md|html|json|jsonl|x)", bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = import_file(&name, &bytes);
    }

    #[test]
    fn html_never_panics(s in "[<>/a-z &;#\"'=!-]{0,80}") {
        let _ = html_to_text(&s);
    }

    /// Script content is dropped wherever a script element starts (text that
    /// does not open markup before it, as a browser would parse it).
    #[test]
    fn html_drops_scripts(s in "[>/a-z &;#\"'=!-]{0,80}") {
        let text = html_to_text(&format!("{s}<script>SECRET</script>{s}"));
        prop_assert!(!text.contains("SECRET"));
    }
}
