//! Turning files a reader brings (pasted text, `.txt`, `.md`, `.html`, and
//! entiscope's own `.json`/`.jsonl` exports) into article texts. Pure and
//! infallible on any bytes: a bad file is an [`ImportError`] naming the file and
//! the problem, never a panic, and markup is only ever read, never executed.

mod html;
mod json;
mod markdown;

pub use html::{decode_entities, html_to_text};
pub use json::{bad as not_an_export, from_docs, Export, ExportDoc};
pub use markdown::markdown_to_text;

use std::fmt;

/// An article read from a file, before it becomes a [`crate::corpus::Document`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedArticle {
    /// A name for the article: the file's stem, or the id an export gave it.
    pub name: String,
    /// The article's plain text.
    pub text: String,
}

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The bytes are not UTF-8.
    NotUtf8 {
        /// The file's name.
        file: String,
        /// 1-based line of the first bad byte.
        line: usize,
    },
    /// The file type is not one entiscope reads.
    Unsupported {
        /// The file's name.
        file: String,
    },
    /// The file has no text.
    Empty {
        /// The file's name.
        file: String,
    },
    /// A JSON or JSONL file that is not an entiscope export.
    BadJson {
        /// The file's name.
        file: String,
        /// 1-based line (JSONL) or 1 (JSON).
        line: usize,
        /// What was wrong.
        reason: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotUtf8 { file, line } => write!(
                f,
                "{file}: not UTF-8 text (first bad byte on line {line}); save it as UTF-8 and add it again"
            ),
            ImportError::Unsupported { file } => write!(
                f,
                "{file}: not a file type entiscope reads (.txt, .md, .html, .json, .jsonl)"
            ),
            ImportError::Empty { file } => write!(f, "{file}: the file has no text"),
            ImportError::BadJson { file, line, reason } => {
                write!(f, "{file}, line {line}: not an entiscope export ({reason})")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// The kinds of file entiscope reads, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// HTML (visible text only).
    Html,
    /// An entiscope JSON export.
    Json,
    /// An entiscope JSONL export.
    Jsonl,
}

impl FileKind {
    /// The kind a file name says, case-insensitively; `None` if unsupported.
    pub fn of(file_name: &str) -> Option<FileKind> {
        let lower = file_name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
        Some(match ext {
            "txt" | "text" => FileKind::Text,
            "md" | "markdown" => FileKind::Markdown,
            "html" | "htm" | "xhtml" => FileKind::Html,
            "json" => FileKind::Json,
            "jsonl" | "ndjson" => FileKind::Jsonl,
            _ => return None,
        })
    }
}

/// The stem of a file name (`dir/story.html` -> `story`).
pub fn stem(file_name: &str) -> &str {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    base.rsplit_once('.').map_or(base, |(s, _)| s)
}

/// Read one file's bytes as articles.
pub fn import_file(file_name: &str, bytes: &[u8]) -> Result<Vec<ImportedArticle>, ImportError> {
    let kind = FileKind::of(file_name).ok_or_else(|| ImportError::Unsupported {
        file: file_name.to_string(),
    })?;
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        file: file_name.to_string(),
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let one = |t: String| {
        if t.trim().is_empty() {
            Err(ImportError::Empty {
                file: file_name.to_string(),
            })
        } else {
            Ok(vec![ImportedArticle {
                name: stem(file_name).to_string(),
                text: t,
            }])
        }
    };
    match kind {
        FileKind::Text => one(text.to_string()),
        FileKind::Markdown => one(markdown_to_text(text)),
        FileKind::Html => one(html_to_text(text)),
        #[cfg(any(test, feature = "json"))]
        FileKind::Json => json::read_json(file_name, text),
        #[cfg(any(test, feature = "json"))]
        FileKind::Jsonl => json::read_jsonl(file_name, text),
        #[cfg(not(any(test, feature = "json")))]
        FileKind::Json | FileKind::Jsonl => Err(json::bad(
            file_name,
            1,
            "JSON is read by the caller here (see `from_docs`)",
        )),
    }
}

/// Text pasted into the page, named `pasted`.
pub fn import_pasted(text: &str) -> Result<ImportedArticle, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            file: "pasted text".into(),
        });
    }
    Ok(ImportedArticle {
        name: "pasted".into(),
        text: text.to_string(),
    })
}

#[cfg(test)]
mod tests;
