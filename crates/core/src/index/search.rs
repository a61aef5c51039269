//! Full-text search over the corpus: case- and diacritic-insensitive ("fuzuli"
//! finds "Füzuli"), bare words match word prefixes, quoted text matches a
//! phrase, and every term must match. Matches map back to the original text's
//! byte offsets so the reading view can mark them.

use super::DocSet;
use crate::text::Folded;

/// One search term: a sequence of folded words.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Term {
    /// A bare word: matches any word starting with it.
    Prefix(String),
    /// A quoted phrase: consecutive whole words.
    Phrase(Vec<String>),
}

/// A parsed search query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    terms: Vec<Term>,
}

impl SearchQuery {
    /// Parse what the user typed. Never fails: an unclosed quote runs to the
    /// end; punctuation separates words.
    pub fn parse(q: &str) -> SearchQuery {
        let mut terms = Vec::new();
        for (i, part) in q.split('"').enumerate() {
            let words = words_of(&Folded::new(part).text);
            if i % 2 == 1 {
                if !words.is_empty() {
                    terms.push(Term::Phrase(words.into_iter().map(|w| w.0).collect()));
                }
            } else {
                terms.extend(words.into_iter().map(|w| Term::Prefix(w.0)));
            }
        }
        SearchQuery { terms }
    }

    /// Whether the query has no term (then it filters nothing).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Words of a folded text: (word, byte start, byte end), split on anything
/// that is not alphanumeric (apostrophes inside words are kept out too).
fn words_of(folded: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((folded[s..i].to_string(), s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((folded[s..].to_string(), s, folded.len()));
    }
    out
}

/// One document's words, folded, with the map back to the original.
#[derive(Clone, Debug, Default)]
struct DocWords {
    folded: Folded,
    words: Vec<(String, usize, usize)>,
}

/// The searchable text of every document.
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    docs: Vec<DocWords>,
}

impl TextIndex {
    /// Index the texts, in document order.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> TextIndex {
        TextIndex {
            docs: texts
                .into_iter()
                .map(|t| {
                    let folded = Folded::new(t);
                    let words = words_of(&folded.text);
                    DocWords { folded, words }
                })
                .collect(),
        }
    }

    /// Documents where every term matches.
    pub fn matching_docs(&self, q: &SearchQuery) -> DocSet {
        DocSet::from_sorted(
            self.docs.len(),
            (0..self.docs.len() as u32).filter(|&d| {
                let doc = &self.docs[d as usize];
                q.terms.iter().all(|t| !term_matches(doc, t).is_empty())
            }),
        )
    }

    /// Byte ranges of the original text of `doc` that match any term, sorted
    /// and not overlapping.
    pub fn find(&self, doc: u32, q: &SearchQuery) -> Vec<(usize, usize)> {
        let Some(d) = self.docs.get(doc as usize) else {
            return Vec::new();
        };
        let mut ranges: Vec<(usize, usize)> = q
            .terms
            .iter()
            .flat_map(|t| term_matches(d, t))
            .map(|(s, e)| d.folded.original_range(s, e))
            .collect();
        ranges.sort_unstable();
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (s, e) in ranges {
            match out.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => out.push((s, e)),
            }
        }
        out
    }
}

/// Folded byte ranges where a term matches in a document.
fn term_matches(doc: &DocWords, term: &Term) -> Vec<(usize, usize)> {
    let words = &doc.words;
    match term {
        Term::Prefix(p) => words
            .iter()
            .filter(|w| w.0.starts_with(p.as_str()))
            .map(|w| (w.1, w.1 + p.len()))
            .collect(),
        Term::Phrase(ws) => {
            if ws.is_empty() || ws.len() > words.len() {
                return Vec::new();
            }
            (0..=words.len() - ws.len())
                .filter(|&i| ws.iter().zip(&words[i..]).all(|(q, w)| *q == w.0))
                .map(|i| (words[i].1, words[i + ws.len() - 1].2))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DOCS: [&str; 3] = [
        "Azerbaijan's army took Füzuli district, Aliyev said.",
        "Armenia said the Fizuli claims were false. Nagorno-Karabakh talks.",
        "FUZULI: the town of Fuzuli; “Nagorno Karabakh” again",
    ];

    #[test]
    fn queries() {
        let index = TextIndex::new(DOCS);
        let cases: &[(&str, &[u32])] = &[
            ("fuzuli", &[0, 2]),
            ("FÜZ", &[0, 2]),
            ("fiz", &[1]),
            ("said", &[0, 1]),
            ("aliyev said", &[0]),
            ("\"nagorno karabakh\"", &[1, 2]),
            ("\"karabakh talks\"", &[1]),
            ("\"town of\" fuz", &[2]),
            ("\"nagorno kara\"", &[]),
            ("zzz", &[]),
            ("\"unclosed phrase", &[]),
            ("azerbaijan's", &[0]),
        ];
        for (q, want) in cases {
            let got: Vec<u32> = index.matching_docs(&SearchQuery::parse(q)).iter().collect();
            assert_eq!(got, *want, "{q}");
        }
        assert!(SearchQuery::parse("  ,, \"\" ").is_empty());
    }

    #[test]
    fn matches_map_to_original_text() {
        let index = TextIndex::new(DOCS);
        let hits = index.find(0, &SearchQuery::parse("fuz ali"));
        let texts: Vec<&str> = hits.iter().map(|&(s, e)| &DOCS[0][s..e]).collect();
        assert_eq!(texts, vec!["Füz", "Ali"]);
        let hits = index.find(2, &SearchQuery::parse("\"nagorno karabakh\""));
        assert_eq!(&DOCS[2][hits[0].0..hits[0].1], "Nagorno Karabakh");
    }

    proptest! {
        #[test]
        fn never_panics_and_ranges_are_sane(text in "\\PC{0,60}", q in "\\PC{0,12}") {
            let index = TextIndex::new([text.as_str()]);
            let query = SearchQuery::parse(&q);
            let _ = index.matching_docs(&query);
            let mut last = 0;
            for (s, e) in index.find(0, &query) {
                prop_assert!(s >= last && s <= e && e <= text.len());
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                last = e;
            }
        }
    }
}
