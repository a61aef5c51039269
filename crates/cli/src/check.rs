//! `entiscope check`: read a corpus the way the site build does and report
//! every problem by file, so a user can fix them all in one go.

use crate::args::CliResult;
use entiscope_core::corpus::{check_source, document_id, Document};
use std::path::{Path, PathBuf};

/// Files named by `inputs`: each folder's entries (sorted, dotfiles skipped)
/// and each file as given.
pub fn expand(inputs: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(input)
                .map_err(|e| with_path(e, input))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && !is_hidden(p))
                .collect();
            entries.sort();
            files.extend(entries);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn with_path(e: std::io::Error, p: &Path) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", p.display()))
}

/// Read and check every file; documents for the good ones, messages for the rest.
pub fn load(
    inputs: &[PathBuf],
) -> Result<(Vec<Document>, Vec<String>), Box<dyn std::error::Error>> {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for path in expand(inputs)? {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).map_err(|e| with_path(e, &path))?;
        match check_source(&name, &bytes) {
            Ok((text, warnings)) => {
                for w in warnings {
                    eprintln!("warning: {w}");
                }
                docs.push(Document::new(document_id(&name), text));
            }
            Err(e) => problems.push(e.to_string()),
        }
    }
    Ok((docs, problems))
}

pub fn run(inputs: &[PathBuf]) -> CliResult {
    let (docs, problems) = load(inputs)?;
    for d in &docs {
        let date = d.meta.published.map(|p| p.to_string()).unwrap_or_default();
        println!(
            "{}\t{}\t{}\t{} words\t{}",
            d.id,
            d.meta.outlet.as_deref().unwrap_or("-"),
            if date.is_empty() { "-" } else { &date },
            d.meta.word_count,
            d.meta.title
        );
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(crate::args::CliError(format!(
            "{} file(s) cannot be used:\n  {}",
            problems.len(),
            problems.join("\n  ")
        ))
        .into())
    }
}
