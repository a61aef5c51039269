//! Keyword in context: a mention with the words around it, cut on character
//! boundaries and within its line, for entity pages.

/// A mention and its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kwic {
    /// Text before the mention (may start with "…").
    pub left: String,
    /// The mention's text.
    pub hit: String,
    /// Text after the mention (may end with "…").
    pub right: String,
}

/// Context of `text[start..end]` (byte offsets), up to `width` characters each
/// side, never crossing a line break. Offsets outside the text or off char
/// boundaries give empty parts rather than a panic.
pub fn kwic(text: &str, start: usize, end: usize, width: usize) -> Kwic {
    let (Some(hit), Some(before), Some(after)) =
        (text.get(start..end), text.get(..start), text.get(end..))
    else {
        return Kwic {
            left: String::new(),
            hit: String::new(),
            right: String::new(),
        };
    };
    let before = before.rsplit('\n').next().unwrap_or("");
    let after = after.split('\n').next().unwrap_or("");
    let n_before = before.chars().count();
    let mut left: String = before
        .chars()
        .skip(n_before.saturating_sub(width))
        .collect();
    if n_before > width {
        // Start at a word boundary rather than mid-word.
        let cut = left.find(char::is_whitespace).unwrap_or(0);
        left = format!("…{}", left[cut..].trim_start());
    }
    let mut right: String = after.chars().take(width).collect();
    if after.chars().count() > width {
        let cut = right.rfind(char::is_whitespace).unwrap_or(right.len());
        right = format!("{}…", right[..cut].trim_end());
    }
    Kwic {
        left,
        hit: hit.to_string(),
        right,
    }
}
