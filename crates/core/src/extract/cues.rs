//! Cue words the rule recognisers share (titles, reporting verbs,
//! organisation head words, place nouns, function words, name particles,
//! surname endings, toponym prefixes), loaded from `data/cues.txt`.

use crate::knowledge::BuildError;
use crate::text::{FastMap, FastSet};

static CUES: &str = include_str!("../../data/cues.txt");

/// One named word set of `data/cues.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// Titles and roles before a name (lowercase).
    Titles,
    /// Verbs of saying after a speaker (lowercase).
    ReportingVerbs,
    /// Organisation head words ("Ministry").
    OrgHeads,
    /// Words that start an organisation's name but are no name alone.
    OrgModifiers,
    /// Ministry portfolios ("Foreign", "Affairs").
    MinistryDomains,
    /// Heads of a country's own bodies (country goes into the id).
    NationalHeads,
    /// Heads that alone after a country are a common noun.
    GenericHeads,
    /// Lowercase nouns after a place name ("village").
    PlaceAfter,
    /// Capitalised geographic heads ending a place name ("Aras River").
    PlaceHeads,
    /// Lowercase nouns before "of" + place ("the town of").
    PlaceBeforeOf,
    /// Capitalised words that never are a name.
    NotName,
    /// Capitalised heads of organisations' names, never in a person's
    /// ("Press", "Society").
    NotPerson,
    /// Particles inside names ("di", "von"), lowercase.
    NameParticles,
    /// Surname endings ("yan", "ov"), lowercase.
    SurnameEndings,
    /// Toponym prefixes ("ashagi", "nor"), folded lowercase.
    ToponymPrefixes,
    /// Chinese family names, which come first ("zhao"), folded lowercase.
    FamilyNameFirst,
}

const SECTIONS: [(&str, Cue); 16] = [
    ("titles", Cue::Titles),
    ("reporting_verbs", Cue::ReportingVerbs),
    ("org_heads", Cue::OrgHeads),
    ("org_modifiers", Cue::OrgModifiers),
    ("ministry_domains", Cue::MinistryDomains),
    ("national_heads", Cue::NationalHeads),
    ("generic_heads", Cue::GenericHeads),
    ("place_after", Cue::PlaceAfter),
    ("place_heads", Cue::PlaceHeads),
    ("place_before_of", Cue::PlaceBeforeOf),
    ("not_name", Cue::NotName),
    ("not_person", Cue::NotPerson),
    ("name_particles", Cue::NameParticles),
    ("surname_endings", Cue::SurnameEndings),
    ("toponym_prefixes", Cue::ToponymPrefixes),
    ("family_name_first", Cue::FamilyNameFirst),
];

/// The cue word sets.
#[derive(Clone, Debug, Default)]
pub struct Cues {
    sets: FastMap<Cue, FastSet<&'static str>>,
    /// Word -> bit set of the cues it belongs to (bit `cue as u32`).
    masks: FastMap<&'static str, u32>,
}

impl Cues {
    /// Parse `data/cues.txt`; every section must be present.
    pub fn load() -> Result<Cues, BuildError> {
        let mut sets: FastMap<Cue, FastSet<&'static str>> = FastMap::default();
        let mut current = None;
        for (n, line) in CUES.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let cue = SECTIONS.iter().find(|(s, _)| *s == name).map(|(_, c)| *c);
                current = Some(cue.ok_or_else(|| BuildError {
                    file: "cues.txt",
                    line: n + 1,
                    message: format!("unknown section [{name}]"),
                })?);
                continue;
            }
            let Some(cue) = current else {
                return Err(BuildError {
                    file: "cues.txt",
                    line: n + 1,
                    message: "words before the first [section]".into(),
                });
            };
            sets.entry(cue).or_default().extend(line.split_whitespace());
        }
        if let Some((name, _)) = SECTIONS.iter().find(|(_, c)| !sets.contains_key(c)) {
            return Err(BuildError {
                file: "cues.txt",
                line: 0,
                message: format!("section [{name}] is missing"),
            });
        }
        let mut masks: FastMap<&'static str, u32> = FastMap::default();
        for (cue, words) in &sets {
            for w in words {
                *masks.entry(w).or_default() |= 1 << (*cue as u32);
            }
        }
        Ok(Cues { sets, masks })
    }

    /// The cues `word` (exactly as written) belongs to, as a bit set; test
    /// with [`Cues::in_mask`]. One lookup per token serves every cue.
    pub fn mask(&self, word: &str) -> u32 {
        self.masks.get(word).copied().unwrap_or(0)
    }

    /// Whether `cue` is in the bit set `mask`.
    pub fn in_mask(mask: u32, cue: Cue) -> bool {
        mask & (1 << (cue as u32)) != 0
    }

    /// Whether `word` is in the set (exactly as written).
    pub fn has(&self, cue: Cue, word: &str) -> bool {
        self.sets.get(&cue).is_some_and(|s| s.contains(word))
    }

    /// Every word of a set (for suffix tests).
    pub fn words(&self, cue: Cue) -> impl Iterator<Item = &'static str> + '_ {
        self.sets.get(&cue).into_iter().flatten().copied()
    }
}
