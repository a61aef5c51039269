//! entiscope's own exports read back: the JSON of `entiscope extract --json`
//! or of the browser's export (`{"documents": [{"id", "text", ...}]}`), and
//! JSONL with one document per line (`{"id", "text", ...}`).

use super::{ImportError, ImportedArticle};
use serde::Deserialize;

/// A document of an export, as far as importing needs it.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ExportDoc {
    /// The document's id.
    #[serde(default)]
    pub id: Option<String>,
    /// The document's text.
    #[serde(default)]
    pub text: Option<String>,
}

/// A JSON export: its documents (other fields are ignored).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Export {
    /// The documents.
    pub documents: Vec<ExportDoc>,
}

/// Articles from parsed export documents; `line` is reported in errors.
pub fn from_docs(
    file: &str,
    line: usize,
    docs: Vec<ExportDoc>,
) -> Result<Vec<ImportedArticle>, ImportError> {
    if docs.is_empty() {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    docs.into_iter()
        .enumerate()
        .map(|(i, d)| article(file, line, i, d))
        .collect()
}

fn article(
    file: &str,
    line: usize,
    i: usize,
    d: ExportDoc,
) -> Result<ImportedArticle, ImportError> {
    let text = d
        .text
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| ImportError::BadJson {
            file: file.to_string(),
            line,
            reason: format!(
                "document {} has no \"text\" (export with texts to re-import)",
                i + 1
            ),
        })?;
    Ok(ImportedArticle {
        name: d
            .id
            .unwrap_or_else(|| format!("{}-{}", super::stem(file), i + 1)),
        text,
    })
}

/// The error for a file that is not an export.
pub fn bad(file: &str, line: usize, e: impl std::fmt::Display) -> ImportError {
    ImportError::BadJson {
        file: file.to_string(),
        line,
        reason: e.to_string(),
    }
}

/// A JSON export.
#[cfg(any(test, feature = "json"))]
pub fn read_json(file: &str, text: &str) -> Result<Vec<ImportedArticle>, ImportError> {
    let export: Export = serde_json::from_str(text).map_err(|e| bad(file, e.line(), e))?;
    from_docs(file, 1, export.documents)
}

/// A JSONL export: one document object per non-blank line.
#[cfg(any(test, feature = "json"))]
pub fn read_jsonl(file: &str, text: &str) -> Result<Vec<ImportedArticle>, ImportError> {
    let mut out = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let d: ExportDoc = serde_json::from_str(line).map_err(|e| bad(file, n + 1, e))?;
        out.push(article(file, n + 1, out.len(), d)?);
    }
    if out.is_empty() {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    Ok(out)
}
