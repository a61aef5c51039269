//! Case and diacritic folding with an offset map back to the original text.
//!
//! Dictionary matching runs over folded text ("Füzuli" and "FUZULI" both read
//! "fuzuli"), and every match must be reported in the original's offsets, so
//! folding keeps, for each folded byte, the byte offset of the original
//! character it came from.
//!
//! ```
//! use entiscope_core::text::Folded;
//! let f = Folded::new("Erdoğan’s");
//! assert_eq!(f.text, "erdogan's");
//! let (s, e) = f.original_range(0, 7);
//! assert_eq!(&"Erdoğan’s"[s..e], "Erdoğan");
//! ```

/// The folded form of one character: ASCII lowercase where a Latin letter
/// has an obvious base letter, unified quotes, dashes and spaces, else the
/// character lowercased.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => out.push(' '),
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}'
        | '\u{02bb}' | '\u{00b4}' => out.push('\''),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}' => {
            out.push('"')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}' => out.push('-'),
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ı' | 'İ' => out.push('i'),
        'ə' | 'Ə' | 'ǝ' | 'Ǝ' => out.push('e'),
        'ș' | 'Ș' | 'ş' | 'Ş' => out.push('s'),
        'ț' | 'Ț' | 'ţ' | 'Ţ' => out.push('t'),
        '\u{00c0}'..='\u{017f}' => match latin_base(c) {
            Some(b) => out.push(b),
            None => out.extend(c.to_lowercase()),
        },
        // Combining marks vanish (decomposed input: "u\u{308}" -> "u").
        '\u{0300}'..='\u{036f}' => {}
        _ => out.extend(c.to_lowercase()),
    }
}

/// Base letter of a character in Latin-1 Supplement and Latin Extended-A.
fn latin_base(c: char) -> Option<char> {
    // One base letter per code point from U+00C0; '.' = no base letter.
    const TABLE: &str = concat!(
        "aaaaaaaceeeeiiii", // C0..CF (Æ handled above)
        "dnooooo.ouuuuyts", // D0..DF (× ., Þ t, ß s)
        "aaaaaaaceeeeiiii", // E0..EF
        "dnooooo.ouuuuyty", // F0..FF
        "aaaaaaccccccccdd", // 100..10F
        "ddeeeeeeeeeegggg", // 110..11F
        "gggghhhhiiiiiiii", // 120..12F
        "iiiijjkkklllllll", // 130..13F
        "lllnnnnnnnnnoooo", // 140..14F
        "oooorrrrrrssssss", // 150..15F
        "ssttttttuuuuuuuu", // 160..16F
        "uuuuwwyyyzzzzzzs", // 170..17F
    );
    let i = (c as u32).checked_sub(0xc0)? as usize;
    let b = *TABLE.as_bytes().get(i)?;
    (b != b'.').then_some(b as char)
}

/// Fold a whole string (no offset map).
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Folded text plus, for each folded byte, the original byte offset of the
/// character it came from.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` = original byte offset of the character that produced folded
    /// byte `i`; one extra entry maps the end.
    pub map: Vec<u32>,
}

impl Folded {
    /// Fold `s`.
    pub fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len() + 8);
        let mut map = Vec::with_capacity(s.len() + 9);
        for (i, c) in s.char_indices() {
            if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
                map.push(i as u32);
            } else {
                fold_char(c, &mut text);
                map.resize(text.len(), i as u32);
            }
        }
        map.push(s.len() as u32);
        Folded { text, map }
    }

    /// The original byte range of folded bytes `start..end`: from the start of
    /// the character behind `start` to the end of the character behind `end-1`.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map[start.min(self.map.len() - 1)] as usize;
        if end == 0 || end <= start {
            return (s, s);
        }
        // The original character behind folded byte end-1 ends where the next
        // original character starts: find the first folded byte >= end whose
        // source differs.
        let last = self.map[end - 1];
        let mut j = end;
        while j < self.map.len() - 1 && self.map[j] == last {
            j += 1;
        }
        (s, self.map[j] as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_quotes_and_spaces() {
        for (input, want) in [
            ("Füzuli", "fuzuli"),
            ("Cəbrayıl", "cebrayil"),
            ("Şuşa", "susa"),
            ("Łódź", "lodz"),
            ("Đakovo", "dakovo"),
            ("Straße", "strasse"),
            ("Æsir Œuvre", "aesir oeuvre"),
            ("Ağdam", "agdam"),
            ("Erdoğan’s", "erdogan's"),
            ("“quoted”", "\"quoted\""),
            ("a\u{a0}b", "a b"),
            ("Nagorno–Karabakh", "nagorno-karabakh"),
            ("TÜRKIYE", "turkiye"),
            ("Türkiye", "turkiye"),
            ("u\u{308}", "u"),
            ("Москва", "москва"),
            ("ø", "o"),
        ] {
            assert_eq!(fold_str(input), want, "{input:?}");
        }
    }

    #[test]
    fn maps_back_to_original_characters() {
        let src = "Straße Füzuli";
        let f = Folded::new(src);
        let at = f.text.find("fuzuli").unwrap();
        let (s, e) = f.original_range(at, at + 6);
        assert_eq!(&src[s..e], "Füzuli");
        let (s, e) = f.original_range(0, 7);
        assert_eq!(&src[s..e], "Straße");
    }
}
