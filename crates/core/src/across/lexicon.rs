//! The word lists the cross-article analyses match against (reporting verbs,
//! counted nouns, event words, ...), kept as data in `lexicon.txt` beside
//! this file and parsed once.
//!
//! Parsing reports the line at fault ([`LexiconError`]); the embedded file is
//! checked by a test, and [`Lexicon::embedded`] falls back to empty lists
//! rather than fail, so the analyses stay infallible.

use super::claims::Event;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const EMBEDDED: &str = include_str!("lexicon.txt");

/// A malformed line of a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LexiconError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "across/lexicon.txt line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// The parsed word lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    pub reporting: HashSet<String>,
    pub between: HashSet<String>,
    pub preposition: HashSet<String>,
    pub org_noun: HashSet<String>,
    pub person_noun: HashSet<String>,
    pub group_noun: HashSet<String>,
    pub clause_start: HashSet<String>,
    /// word -> (canonical noun, default event)
    pub subject: HashMap<String, (String, Event)>,
    pub event: HashMap<String, Event>,
    pub modifier: HashSet<String>,
    pub aside: HashSet<String>,
}

impl Lexicon {
    /// The lexicon compiled into the crate.
    pub(crate) fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(EMBEDDED).unwrap_or_default())
    }

    /// Parse a lexicon file.
    pub(crate) fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        let mut section: Option<String> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |message: String| LexiconError {
                line: i + 1,
                message,
            };
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(name.to_string());
                continue;
            }
            let fields: Vec<&str> = line.split_whitespace().collect();
            let word = fields[0].to_string();
            if word.chars().any(char::is_uppercase) {
                return Err(err(format!(
                    "{word:?}: words are matched lowercased; write it in lowercase"
                )));
            }
            let name = section.as_deref().ok_or_else(|| {
                err("an entry before any [section] line; start with e.g. [reporting]".into())
            })?;
            let want = match name {
                "subject" => 3,
                "event" => 2,
                _ => 1,
            };
            if fields.len() != want {
                return Err(err(format!(
                    "[{name}] entries have {want} field(s), this line has {}",
                    fields.len()
                )));
            }
            let event = |f: &str| {
                Event::parse(f).ok_or_else(|| {
                    err(format!("{f:?} is not an event; use one of killed, injured, casualties, captured, destroyed, shelled, displaced, missing, count"))
                })
            };
            let set = match name {
                "reporting" => &mut lex.reporting,
                "between" => &mut lex.between,
                "preposition" => &mut lex.preposition,
                "org_noun" => &mut lex.org_noun,
                "person_noun" => &mut lex.person_noun,
                "group_noun" => &mut lex.group_noun,
                "clause_start" => &mut lex.clause_start,
                "modifier" => &mut lex.modifier,
                "aside" => &mut lex.aside,
                "subject" => {
                    let e = event(fields[2])?;
                    lex.subject.insert(word, (fields[1].to_string(), e));
                    continue;
                }
                "event" => {
                    let e = event(fields[1])?;
                    lex.event.insert(word, e);
                    continue;
                }
                other => return Err(err(format!("unknown section [{other}]"))),
            };
            set.insert(word);
        }
        Ok(lex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lexicon_parses() {
        let lex = Lexicon::parse(EMBEDDED).unwrap();
        assert!(lex.reporting.contains("said"));
        assert_eq!(
            lex.subject["troopers"],
            ("soldiers".to_string(), Event::Count)
        );
        assert_eq!(lex.event["wounded"], Event::Injured);
        assert!(lex.aside.contains("including"));
    }

    #[test]
    fn errors_name_the_line() {
        for (text, line, needle) in [
            ("said", 1, "before any [section]"),
            ("[reporting]\n\nSaid", 3, "lowercase"),
            ("[subject]\nsoldiers soldiers", 2, "3 field(s)"),
            ("[event]\nkilled dead", 2, "not an event"),
            ("[verbs]\nsaid", 2, "unknown section"),
        ] {
            let e = Lexicon::parse(text).unwrap_err();
            assert_eq!(e.line, line, "{text:?}");
            assert!(e.to_string().contains(needle), "{e}");
        }
    }
}
