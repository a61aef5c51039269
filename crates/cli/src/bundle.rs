//! `entiscope bundle`: precompute a corpus too large to compile into the app
//! (extraction, links, postings, shared-text shares) into the compressed files
//! of `entiscope_core::bundle`, for the app to fetch from the same static host.
//! Extraction and compression use every core (or `--threads N`).

use crate::args::CliResult;
use entiscope_core::bundle::{
    self, chunk_file, encode_chunk, encode_head, encode_postings, HEAD_FILE, POSTINGS_FILE,
};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub fn run(inputs: &[PathBuf], out: &Path, chunk_size: u32, threads: Option<usize>) -> CliResult {
    let t0 = Instant::now();
    let threads = threads
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .max(1);
    let (docs, problems) = crate::check::load(inputs)?;
    for p in &problems {
        eprintln!("warning: skipped {p}");
    }
    if docs.is_empty() {
        return Err(format!("no articles to bundle in {}", show(inputs)).into());
    }
    let t_read = t0.elapsed();
    let extractor = entiscope_core::extract::Extractor::new()?;
    let extraction = extractor.extract_corpus_on(&docs, threads);
    let t_extract = t0.elapsed();
    let (_, shares) = entiscope_core::across::find_passages(&docs);
    let built = bundle::build(&docs, &extraction, &shares, chunk_size);
    let t_build = t0.elapsed();

    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let head_bytes = write_gz(&out.join(HEAD_FILE), &encode_head(&built.head))?;
    let postings_bytes = write_gz(&out.join(POSTINGS_FILE), &encode_postings(&built.postings))?;
    let per = built.chunks.len().div_ceil(threads).max(1);
    let chunk_bytes = std::thread::scope(|s| {
        let handles: Vec<_> = built
            .chunks
            .chunks(per)
            .enumerate()
            .map(|(part, chunks)| {
                s.spawn(move || -> Result<usize, String> {
                    let mut total = 0;
                    for (i, c) in chunks.iter().enumerate() {
                        let n = (part * per + i) as u32;
                        total += write_gz(&out.join(chunk_file(n)), &encode_chunk(c))?;
                    }
                    Ok(total)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a writer thread failed".into()))
            })
            .sum::<Result<usize, String>>()
    })?;
    eprintln!(
        "bundled {} articles, {} entities into {} on {threads} thread(s): head {:.0} KB, postings {:.0} KB, {} text chunks {:.1} MB (gzip); read {:.1}s, extract {:.1}s, index {:.1}s, total {:.1}s",
        docs.len(),
        built.head.entities.len(),
        out.display(),
        head_bytes as f64 / 1e3,
        postings_bytes as f64 / 1e3,
        built.chunks.len(),
        chunk_bytes as f64 / 1e6,
        t_read.as_secs_f64(),
        (t_extract - t_read).as_secs_f64(),
        (t_build - t_extract).as_secs_f64(),
        t0.elapsed().as_secs_f64(),
    );
    Ok(())
}

fn show(inputs: &[PathBuf]) -> String {
    inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Gzip `bytes` into `path`; the compressed size.
fn write_gz(path: &Path, bytes: &[u8]) -> Result<usize, String> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let data = gz
        .finish()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    std::fs::write(path, &data).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(data.len())
}
