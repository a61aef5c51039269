//! Checks a corpus source file before it becomes a [`super::Document`]: the
//! build (and later the importers) call this so a bad file is reported by name,
//! with the fix, instead of being dropped or mangled.

use std::fmt;

/// A source file that cannot be used as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceError {
    /// The bytes are not valid UTF-8.
    NotUtf8 {
        /// File name as given.
        file: String,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// Byte offset of the first invalid byte.
        byte: usize,
    },
    /// The file does not end in `.txt`.
    NotTxt {
        /// File name as given.
        file: String,
    },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::NotUtf8 { file, line, byte } => write!(
                f,
                "{file}: not valid UTF-8 (first bad byte at offset {byte}, line {line}). \
                 Fix: re-save the file as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8 {file} > fixed.txt`)."
            ),
            SourceError::NotTxt { file } => write!(
                f,
                "{file}: only plain-text `.txt` articles are read from the corpus folder. \
                 Fix: rename it to `.txt` if it is an article's text, or move it out of the folder."
            ),
        }
    }
}

impl std::error::Error for SourceError {}

/// A source file that is usable but probably not what its author meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceWarning {
    /// The file has no text (or only whitespace); it is kept as an empty article.
    Empty {
        /// File name as given.
        file: String,
    },
}

impl fmt::Display for SourceWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceWarning::Empty { file } => write!(
                f,
                "{file}: the file is empty; it is included as an empty article. \
                 Fix: add the article's text or delete the file."
            ),
        }
    }
}

/// The document id for a file name: its stem (`dir/001_x.txt` -> `001_x`).
pub fn document_id(file_name: &str) -> &str {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    base.strip_suffix(".txt").unwrap_or(base)
}

/// Check one corpus file: its name must end in `.txt` and its bytes must be
/// UTF-8. Returns the text and any warnings.
pub fn check_source<'a>(
    file_name: &str,
    bytes: &'a [u8],
) -> Result<(&'a str, Vec<SourceWarning>), SourceError> {
    if !file_name.ends_with(".txt") {
        return Err(SourceError::NotTxt {
            file: file_name.to_string(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let byte = e.valid_up_to();
        let line = 1 + bytes[..byte].iter().filter(|&&b| b == b'\n').count();
        SourceError::NotUtf8 {
            file: file_name.to_string(),
            line,
            byte,
        }
    })?;
    let mut warnings = Vec::new();
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        warnings.push(SourceWarning::Empty {
            file: file_name.to_string(),
        });
    }
    Ok((text, warnings))
}
