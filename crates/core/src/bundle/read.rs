//! Decoding bundle files, checking every number against what it indexes.

use super::{BundleError, Head, Postings, TextChunk, FORMAT};
use crate::across::SharedShare;
use crate::corpus::{DocMeta, Document};
use crate::extract::Mention;

/// Refuse a file written in another format than this reader's.
fn check_format(file: &str, found: u32, fix: &str) -> Result<(), BundleError> {
    if found == FORMAT {
        return Ok(());
    }
    Err(err(
        file,
        format!("format {found} but this app reads format {FORMAT}; {fix}"),
    ))
}

fn err(file: impl Into<String>, message: impl Into<String>) -> BundleError {
    BundleError {
        file: file.into(),
        message: message.into(),
    }
}

/// Decode and check a head (already inflated).
pub fn decode_head(bytes: &[u8]) -> Result<Head, BundleError> {
    let head: Head = postcard::from_bytes(bytes).map_err(|e| {
        err(
            "head",
            format!("not an entiscope bundle head ({e}); rebuild it with `entiscope bundle`"),
        )
    })?;
    check_format(
        "head",
        head.format,
        "rebuild it with this version's `entiscope bundle`",
    )?;
    if head.chunk_size == 0 {
        return Err(err("head", "chunk_size is 0"));
    }
    if head.totals.len() != head.entities.len() {
        return Err(err(
            "head",
            format!(
                "{} entities but {} totals",
                head.entities.len(),
                head.totals.len()
            ),
        ));
    }
    Ok(head)
}

/// Decode and check the postings (already inflated) against `head`: per
/// entity, (article number, mentions) with absolute, strictly increasing
/// article numbers.
pub fn decode_postings(bytes: &[u8], head: &Head) -> Result<Vec<Vec<(u32, u32)>>, BundleError> {
    let mut p: Postings = postcard::from_bytes(bytes)
        .map_err(|e| err("postings", format!("not an entiscope postings file ({e})")))?;
    check_format(
        "postings",
        p.format,
        "the files come from different bundles",
    )?;
    if p.lists.len() != head.entities.len() {
        return Err(err(
            "postings",
            format!(
                "{} lists for {} entities: the files come from different bundles",
                p.lists.len(),
                head.entities.len()
            ),
        ));
    }
    let n = head.docs.len() as u64;
    for (e, list) in p.lists.iter_mut().enumerate() {
        let mut at: u64 = 0;
        for (i, (d, _)) in list.iter_mut().enumerate() {
            if i > 0 && *d == 0 {
                return Err(err("postings", format!("entity {e}: article listed twice")));
            }
            at += u64::from(*d);
            if at >= n {
                return Err(err(
                    "postings",
                    format!("entity {e}: article number {at} out of range ({n} articles)"),
                ));
            }
            *d = at as u32;
        }
    }
    Ok(p.lists)
}

impl Head {
    /// Number of text chunks.
    pub fn chunk_count(&self) -> u32 {
        (self.docs.len() as u32).div_ceil(self.chunk_size.max(1))
    }

    /// The chunk holding document `d`.
    pub fn chunk_of(&self, d: u32) -> u32 {
        d / self.chunk_size.max(1)
    }

    /// Documents without their text (loaded on demand), for the list and the
    /// filters.
    pub fn stub_documents(&self) -> Vec<Document> {
        self.docs
            .iter()
            .map(|d| Document {
                id: d.id.clone(),
                text: String::new(),
                meta: DocMeta {
                    title: d.title.clone(),
                    outlet: d.outlet.clone(),
                    published: d.published,
                    word_count: d.word_count as usize,
                },
                blocks: Vec::new(),
            })
            .collect()
    }

    /// The shared-text share of each document.
    pub fn shares(&self) -> Vec<SharedShare> {
        self.docs
            .iter()
            .enumerate()
            .map(|(i, d)| SharedShare {
                doc: i,
                shared_chars: d.shared_chars as usize,
                content_chars: d.content_chars as usize,
            })
            .collect()
    }
}

/// One article of a chunk, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedDoc {
    /// Document number in the corpus.
    pub number: u32,
    /// The article.
    pub doc: Document,
    /// Its mentions, with entity ids from the head.
    pub mentions: Vec<Mention>,
}

/// Decode and check text chunk `n` (already inflated) against `head`.
pub fn decode_chunk(bytes: &[u8], head: &Head, n: u32) -> Result<Vec<LoadedDoc>, BundleError> {
    let file = format!("chunk {n}");
    let chunk: TextChunk = postcard::from_bytes(bytes)
        .map_err(|e| err(&file, format!("not an entiscope text chunk ({e})")))?;
    check_format(&file, chunk.format, "the files come from different bundles")?;
    let expected = u64::from(n) * u64::from(head.chunk_size.max(1));
    if u64::from(chunk.first) != expected {
        return Err(err(
            &file,
            format!("starts at document {} instead of {expected}", chunk.first),
        ));
    }
    if expected + chunk.docs.len() as u64 > head.docs.len() as u64
        || chunk.docs.len() as u64 > u64::from(head.chunk_size)
    {
        return Err(err(&file, "holds more documents than the head lists"));
    }
    let mut out = Vec::with_capacity(chunk.docs.len());
    for (i, cd) in chunk.docs.into_iter().enumerate() {
        let number = chunk.first + i as u32;
        let meta = &head.docs[number as usize];
        let mut mentions = Vec::with_capacity(cd.mentions.len());
        let (mut end, mut chars_at, mut bytes_at) = (0usize, 0usize, 0usize);
        for m in &cd.mentions {
            let start = end.checked_add(m.gap as usize);
            let stop = start.and_then(|s| s.checked_add(m.len as usize));
            let (Some(start), Some(stop)) = (start, stop) else {
                return Err(err(&file, format!("document {number}: offset overflow")));
            };
            let entity = head.entities.get(m.entity as usize);
            let (Some(entity), Some(span)) = (entity, cd.text.get(start..stop)) else {
                return Err(err(
                    &file,
                    format!("document {number}: mention {start}..{stop} outside the text or unknown entity"),
                ));
            };
            if m.len == 0 {
                return Err(err(&file, format!("document {number}: empty mention")));
            }
            // start lies on a char boundary (checked by `get`), after bytes_at.
            chars_at += cd.text[bytes_at..start].chars().count();
            let char_start = chars_at;
            let char_end = char_start + span.chars().count();
            chars_at = char_end;
            bytes_at = stop;
            mentions.push(Mention {
                start,
                end: stop,
                char_start,
                char_end,
                ty: m.ty,
                entity: entity.id.clone(),
            });
            end = stop;
        }
        out.push(LoadedDoc {
            number,
            doc: Document::new(meta.id.clone(), cd.text),
            mentions,
        });
    }
    Ok(out)
}
