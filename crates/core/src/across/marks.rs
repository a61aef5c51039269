//! Pairing quotation marks within a paragraph.
//!
//! Curly marks say which way they face; straight double quotes alternate
//! (the first of a pair opens when a non-space follows it); single quotes
//! count only where they cannot be apostrophes: `‘` always opens, a
//! straight `'` opens at a word start, and either closes an open single
//! quote after a non-space character. A double quote still open at the end
//! of a paragraph is reported as dangling: news style continues such a
//! quote in the next paragraph, which opens with a mark again.

use std::ops::Range;

/// Which mark delimits a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkKind {
    Double,
    Single,
}

/// A quoted stretch of one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte range of the closing mark, `None` when the quote runs to the
    /// paragraph's end.
    pub close: Option<Range<usize>>,
    /// The quoted text without marks or surrounding whitespace.
    pub inner: Range<usize>,
    pub kind: MarkKind,
}

/// Quotes of `text[block]`, in order, never overlapping.
pub(crate) fn pair_marks(text: &str, block: Range<usize>) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let Some(slice) = text.get(block.clone()) else {
        return out;
    };
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut dbl: Option<usize> = None; // index into chars of the open mark
    let mut sgl: Option<usize> = None;
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    for idx in 0..chars.len() {
        let c = chars[idx].1;
        let prev = idx.checked_sub(1).and_then(at);
        let next = at(idx + 1);
        let emit = |out: &mut Vec<RawQuote>, open: usize, kind: MarkKind| {
            let (o, oc) = chars[open];
            let inner_start = block.start + o + oc.len_utf8();
            let close_at = block.start + chars[idx].0;
            if let Some(r) = trimmed(text, inner_start..close_at) {
                out.push(RawQuote {
                    open: block.start + o,
                    close: Some(close_at..close_at + c.len_utf8()),
                    inner: r,
                    kind,
                });
            }
        };
        match c {
            '\u{201c}' | '\u{201e}' | '\u{ab}' => {
                dbl = Some(idx);
                sgl = None;
            }
            '\u{201d}' | '\u{bb}' => {
                if let Some(o) = dbl.take() {
                    emit(&mut out, o, MarkKind::Double);
                }
                sgl = None;
            }
            '"' => {
                if let Some(o) = dbl.take() {
                    emit(&mut out, o, MarkKind::Double);
                    sgl = None;
                } else if next.is_some_and(|n| !n.is_whitespace()) {
                    dbl = Some(idx);
                    sgl = None;
                }
            }
            '\u{2018}' if sgl.is_none() && dbl.is_none() => sgl = Some(idx),
            '\'' | '\u{2019}' => {
                let inside_word = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphabetic);
                if inside_word {
                    continue;
                }
                let closes = prev.is_some_and(|p| !p.is_whitespace())
                    && !next.is_some_and(char::is_alphanumeric);
                if let (Some(o), true) = (sgl, closes) {
                    emit(&mut out, o, MarkKind::Single);
                    sgl = None;
                } else if c == '\''
                    && sgl.is_none()
                    && dbl.is_none()
                    && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '['))
                    && next.is_some_and(char::is_alphanumeric)
                {
                    sgl = Some(idx);
                }
            }
            _ => {}
        }
    }
    if let Some(o) = dbl {
        let (b, oc) = chars[o];
        if let Some(r) = trimmed(text, block.start + b + oc.len_utf8()..block.end) {
            out.push(RawQuote {
                open: block.start + b,
                close: None,
                inner: r,
                kind: MarkKind::Double,
            });
        }
    }
    out
}

/// `r` without surrounding whitespace, `None` if nothing is left.
fn trimmed(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(r.clone())?;
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| r.start + lead..r.start + lead + t.len())
}
