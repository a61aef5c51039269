//! `entiscope generate`: write a synthetic corpus of N articles (see
//! `entiscope_core::synth`) for benchmarks at scale. Deterministic: the same
//! seed and count give the same files, byte for byte.

use crate::args::CliResult;
use entiscope_core::knowledge::Knowledge;
use entiscope_core::synth::Pools;
use std::path::Path;

pub fn run(articles: usize, seed: u64, out: &Path) -> CliResult {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let know = Knowledge::build()?;
    let pools = Pools::new(&know, seed);
    let mut bytes = 0usize;
    for n in 0..articles {
        let (stem, text) = pools.article(seed, n);
        let path = out.join(format!("{stem}.txt"));
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += text.len();
    }
    eprintln!(
        "wrote {articles} synthetic articles ({:.1} MB) to {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
