//! Compiles the corpus into the app: every `*.txt` in `corpus/` (or the folder
//! named by `ENTISCOPE_CORPUS`) becomes an entry of `SOURCES`, checked first
//! so a bad file stops the build with its name and the fix. The same core
//! extractor the browser carries runs here once, and its output is embedded
//! (postcard) so the first screen does no extraction work.

use entiscope_core::corpus::{check_source, document_id, Document};
use entiscope_core::extract::Extractor;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    if let Err(msg) = run() {
        // One readable error; cargo prints it under the build script's name.
        eprintln!("\nerror: {msg}\n");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    println!("cargo:rerun-if-env-changed=ENTISCOPE_CORPUS");
    println!("cargo:rerun-if-env-changed=ENTISCOPE_SKIP_BAD");
    let dir = std::env::var_os("ENTISCOPE_CORPUS")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("corpus"));
    let skip_bad = std::env::var_os("ENTISCOPE_SKIP_BAD").is_some_and(|v| v == "1");
    println!("cargo:rerun-if-changed={}", dir.display());

    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("corpus folder {}: {e}. Fix: create it and put .txt articles in it, or set ENTISCOPE_CORPUS.", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && !is_hidden(p))
        .collect();
    entries.sort();

    let mut out = String::from("/// Embedded corpus: (document id, text), sorted by file name.\npub static SOURCES: &[(&str, &str)] = &[\n");
    let mut errors = Vec::new();
    let mut count = 0;
    let mut docs = Vec::new();
    for path in &entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
        match check_source(&name, &bytes) {
            Ok((text, warnings)) => {
                docs.push(Document::new(document_id(&name), text));
                for w in warnings {
                    println!("cargo:warning={w}");
                }
                let abs = path.canonicalize().map_err(|e| format!("{name}: {e}"))?;
                let _ = writeln!(
                    out,
                    "    ({:?}, include_str!({:?})),",
                    document_id(&name),
                    abs.display().to_string()
                );
                count += 1;
            }
            Err(e) if skip_bad => println!("cargo:warning=skipped {e}"),
            Err(e) => errors.push(e.to_string()),
        }
    }
    out.push_str("];\n");
    if !errors.is_empty() {
        return Err(format!(
            "{} corpus file(s) cannot be built:\n  {}\n(To build from the good files only, set ENTISCOPE_SKIP_BAD=1.)",
            errors.len(),
            errors.join("\n  ")
        ));
    }
    if count == 0 {
        println!("cargo:warning=the corpus folder {} has no .txt articles; the app will show an empty corpus", dir.display());
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let extractor = Extractor::new().map_err(|e| format!("building the extractor: {e}"))?;
    let mut extraction = extractor.extract_corpus(&docs);
    // A site owner's curated corrections (`overrides.json`, exported by the app).
    let overrides = std::env::var_os("ENTISCOPE_OVERRIDES")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("overrides.json"));
    println!("cargo:rerun-if-env-changed=ENTISCOPE_OVERRIDES");
    println!("cargo:rerun-if-changed={}", overrides.display());
    if overrides.is_file() {
        let text = std::fs::read_to_string(&overrides)
            .map_err(|e| format!("{}: {e}", overrides.display()))?;
        let o: entiscope_core::workspace::Overrides = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}, line {}: not an entiscope overrides file ({e}). Fix: export it again from the app's Corrections list, or remove it.",
                overrides.display(),
                e.line()
            )
        })?;
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        for i in entiscope_core::workspace::apply(&mut extraction, &texts, &o.corrections) {
            println!(
                "cargo:warning={}: correction {} no longer matches anything; skipped",
                overrides.display(),
                i + 1
            );
        }
    }
    let bytes = postcard::to_allocvec(&extraction)
        .map_err(|e| format!("serialising the extraction: {e}"))?;
    write(&out_dir.join("extraction.postcard"), &bytes)?;
    write(&out_dir.join("corpus.rs"), out.as_bytes())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}
