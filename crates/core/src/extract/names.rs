//! Which word of a person's name is the surname. Mostly the last ("Ilham
//! Aliyev" -> Aliyev); Chinese names put the family name first ("Geng
//! Shuang" -> Geng, "Zhao Lijian" -> Zhao), so a later "Geng said" is the
//! same person. A two-word name is read family-name-first when its first
//! word is a common Chinese family name (`data/cues.txt`) and its second is
//! made of one to three Hanyu Pinyin syllables.

use super::cues::{Cue, Cues};
use crate::text::fold_str;

/// Pinyin initials, longest first.
const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w",
];

/// Pinyin finals (tone marks folded away; "ü" written "u" or "v").
const FINALS: &[&str] = &[
    "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "van",
    "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ve", "ue", "er", "an", "en", "in", "un", "vn", "ia",
    "ua", "uo", "a", "o", "e", "i", "u", "v",
];

/// Whether `w` (folded, lowercase) splits into 1-3 pinyin syllables.
fn pinyin(w: &str) -> bool {
    fn go(w: &str, left: usize) -> bool {
        if w.is_empty() {
            return true;
        }
        if left == 0 {
            return false;
        }
        let starts: Vec<&str> = INITIALS
            .iter()
            .filter_map(|i| w.strip_prefix(i))
            .chain(std::iter::once(w))
            .collect();
        starts.into_iter().any(|rest| {
            FINALS
                .iter()
                .filter_map(|f| rest.strip_prefix(f))
                .any(|after| go(after, left - 1))
        })
    }
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()) && go(w, 3)
}

/// The index in `words` of the surname: the first of a Chinese two-word
/// name, else the last. `words` is not empty.
pub fn surname_index(cues: &Cues, words: &[&str]) -> usize {
    let last = words.len().saturating_sub(1);
    if let [family, given] = words {
        let (f, g) = (fold_str(family), fold_str(given));
        let g = g.replace('-', "");
        if cues.has(Cue::FamilyNameFirst, &f) && pinyin(&g) {
            return 0;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_name_first_only_for_chinese_names() {
        let cues = Cues::load().expect("cues");
        let cases: &[(&[&str], usize)] = &[
            (&["Geng", "Shuang"], 0),
            (&["Zhao", "Lijian"], 0),
            (&["Hua", "Chunying"], 0),
            // Two-letter family names are left out ("He", "Ma", "Xi").
            (&["Xi", "Jinping"], 1),
            (&["Wang", "Yi"], 0),
            (&["Ilham", "Aliyev"], 1),
            (&["He", "Said"], 1),
            (&["Lin", "Smith"], 1),
            (&["Recep", "Tayyip", "Erdogan"], 2),
            (&["Putin"], 0),
        ];
        for (words, want) in cases {
            assert_eq!(surname_index(&cues, words), *want, "{words:?}");
        }
    }

    #[test]
    fn pinyin_syllables() {
        for w in [
            "shuang", "lijian", "jinping", "chunying", "wenbin", "yi", "keqiang",
        ] {
            assert!(pinyin(w), "{w}");
        }
        for w in ["said", "smith", "aliyev", "march", "", "xx"] {
            assert!(!pinyin(w), "{w}");
        }
    }
}
