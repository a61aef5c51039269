//! Cutting a block of text into the pieces the reading view renders: plain
//! text, entity mentions, search matches and inline links, which may overlap
//! each other. Pure, so the highlighting logic is tested natively.

use crate::extract::Mention;

/// A run of text with one set of marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Byte offset of the start in the document.
    pub start: usize,
    /// Byte offset of the end in the document.
    pub end: usize,
    /// Inside a search match.
    pub mark: bool,
    /// Inside a link kept from the source (site furniture).
    pub link: bool,
    /// Inside a direct quote.
    pub quote: bool,
}

/// Consecutive parts under the same mention (or under none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Index into the mentions passed to [`segments`], if inside one.
    pub mention: Option<usize>,
    /// The parts, in order, covering the piece.
    pub parts: Vec<Part>,
}

/// Byte ranges that mark parts of a text, each layer sorted and non-overlapping.
#[derive(Clone, Copy, Debug, Default)]
pub struct Layers<'a> {
    /// Search matches.
    pub marks: &'a [(usize, usize)],
    /// Links kept from the source.
    pub links: &'a [(usize, usize)],
    /// Direct quotes.
    pub quotes: &'a [(usize, usize)],
}

/// Cut `start..end` of a document into pieces. `mentions` must be sorted and
/// non-overlapping (the extractor's contract). Ranges outside `start..end` are
/// clipped; boundaries not on char boundaries of `text` are dropped.
pub fn segments(
    text: &str,
    start: usize,
    end: usize,
    mentions: &[Mention],
    layers: Layers<'_>,
) -> Vec<Piece> {
    let Layers {
        marks,
        links,
        quotes,
    } = layers;
    let end = end.min(text.len());
    if start >= end {
        return Vec::new();
    }
    let in_block = |s: usize, e: usize| s < end && e > start;
    let mut cuts = vec![start, end];
    let ms: Vec<(usize, &Mention)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| in_block(m.start, m.end) && m.start < m.end)
        .collect();
    for (_, m) in &ms {
        cuts.extend([m.start, m.end]);
    }
    for &(s, e) in marks.iter().chain(links).chain(quotes) {
        if in_block(s, e) {
            cuts.extend([s, e]);
        }
    }
    cuts.retain(|&c| c >= start && c <= end && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();

    let covering = |ranges: &[(usize, usize)], a: usize, b: usize| {
        ranges.iter().any(|&(s, e)| s <= a && b <= e)
    };
    let mut pieces: Vec<Piece> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mention = ms
            .iter()
            .find(|(_, m)| m.start <= a && b <= m.end)
            .map(|(i, _)| *i);
        let part = Part {
            start: a,
            end: b,
            mark: covering(marks, a, b),
            link: covering(links, a, b),
            quote: covering(quotes, a, b),
        };
        match pieces.last_mut() {
            Some(p) if p.mention == mention && mention.is_some() => p.parts.push(part),
            _ => pieces.push(Piece {
                mention,
                parts: vec![part],
            }),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::EntityType;
    use proptest::prelude::*;

    fn m(start: usize, end: usize) -> Mention {
        Mention {
            start,
            end,
            char_start: start,
            char_end: end,
            ty: EntityType::Place,
            entity: "x".into(),
        }
    }

    fn render(text: &str, pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| {
                let inner: String = p
                    .parts
                    .iter()
                    .map(|q| {
                        let t = &text[q.start..q.end];
                        if q.mark {
                            format!("<{t}>")
                        } else {
                            t.to_string()
                        }
                    })
                    .collect();
                if p.mention.is_some() {
                    format!("[{inner}]")
                } else {
                    inner
                }
            })
            .collect()
    }

    /// (mentions, search marks, expected rendering).
    type Case<'a> = (&'a [Mention], &'a [(usize, usize)], &'a str);

    #[test]
    fn cases() {
        let text = "In Baku and Füzuli today";
        let cases: &[Case] = &[
            (&[], &[], "In Baku and Füzuli today"),
            (&[m(3, 7)], &[], "In [Baku] and Füzuli today"),
            (
                &[m(3, 7), m(12, 19)],
                &[(12, 16)],
                "In [Baku] and [<Füz>uli] today",
            ),
            (&[m(3, 7)], &[(0, 5)], "<In >[<Ba>ku] and Füzuli today"),
            (&[m(3, 7)], &[(13, 14)], "In [Baku] and Füzuli today"), // not a char boundary: dropped
            (&[m(30, 40)], &[], "In Baku and Füzuli today"),
        ];
        for (mentions, marks, want) in cases {
            let layers = Layers {
                marks,
                ..Default::default()
            };
            let got = render(text, &segments(text, 0, text.len(), mentions, layers));
            assert_eq!(&got, want);
        }
    }

    proptest! {
        #[test]
        fn pieces_tile_the_block(text in "\\PC{1,30}", a in 0usize..40, b in 0usize..40, c in 0usize..40) {
            let (s, e) = (a.min(b), a.max(b));
            let mentions = [m(s, e)];
            let marks = [(c, c + 3)];
            let quotes = [(c / 2, c / 2 + 5)];
            let layers = Layers { marks: &marks, quotes: &quotes, ..Default::default() };
            let pieces = segments(&text, 0, text.len(), &mentions, layers);
            let mut pos = 0;
            for p in &pieces {
                for q in &p.parts {
                    prop_assert_eq!(q.start, pos);
                    prop_assert!(text.is_char_boundary(q.end));
                    pos = q.end;
                }
            }
            prop_assert_eq!(pos, text.len());
        }
    }
}
