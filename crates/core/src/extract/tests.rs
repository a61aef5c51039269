//! Extraction specification: table-driven cases per recogniser.

use super::*;
use crate::corpus::Document;

fn run(text: &str) -> Vec<(String, &'static str, String)> {
    let ex = Extractor::new().unwrap();
    let doc = Document::new("t", text);
    ex.extract(&doc)
        .mentions
        .into_iter()
        .map(|m| (doc.text[m.start..m.end].to_string(), m.ty.label(), m.entity))
        .collect()
}

#[test]
fn smoke() {
    let got = run(
        "Azerbaijan's President Ilham Aliyev said on Saturday that Armenian forces left Fizuli.",
    );
    assert!(!got.is_empty(), "{got:?}");
}
