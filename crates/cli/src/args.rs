//! Command-line arguments: raw words to a [`Command`], with errors that name
//! the argument at fault and how to fix it.

use std::fmt;
use std::path::PathBuf;

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// `entiscope check <dir or files>...`: validate a corpus and list its articles.
    Check {
        /// Folders (their `*.txt`) and files to read.
        inputs: Vec<PathBuf>,
    },
    /// `entiscope extract <dir or files>... [--out DIR] [--json]`: extract
    /// entities; write `DIR/<stem>.jsonl` predictions and/or print JSON.
    Extract {
        /// Folders (their files) and files to read.
        inputs: Vec<PathBuf>,
        /// Folder for one prediction file per document.
        out: Option<PathBuf>,
        /// Print the whole corpus extraction as JSON on stdout.
        json: bool,
        /// Corrections to apply (an `overrides.json` exported by the app).
        overrides: Option<PathBuf>,
    },
    /// `entiscope bundle <dir or files>... --out DIR [--chunk-size N] [--threads N]`:
    /// precompute a large corpus into files the app fetches.
    Bundle {
        /// Folders (their files) and files to read.
        inputs: Vec<PathBuf>,
        /// Folder for the bundle.
        out: PathBuf,
        /// Articles per text chunk.
        chunk_size: u32,
        /// Threads (default: every core).
        threads: Option<usize>,
    },
    /// `entiscope generate --articles N --out DIR [--seed S]`: a synthetic corpus.
    Generate {
        /// Number of articles.
        articles: usize,
        /// Seed.
        seed: u64,
        /// Folder for the `.txt` files.
        out: PathBuf,
    },
    /// `entiscope help`.
    Help,
}

/// A usage error.
#[derive(Debug)]
pub struct CliError(pub String);

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CliError {}

/// Result of a command.
pub type CliResult = Result<(), Box<dyn std::error::Error>>;

pub const USAGE: &str = "\
entiscope: entities in a news corpus

USAGE:
    entiscope check <dir or files>...     validate a corpus and list its articles
    entiscope extract <dir or files>... [--out DIR] [--json] [--overrides FILE]
                                          extract entities: one DIR/<stem>.jsonl per
                                          document (scorer format) and/or JSON on stdout
    entiscope bundle <dir or files>... --out DIR [--chunk-size N] [--threads N]
                                          precompute a large corpus (entities, postings,
                                          texts in chunks) for the app to fetch
    entiscope generate --articles N --out DIR [--seed S]
                                          write N synthetic articles (benchmarks)
    entiscope help                        show this help
";

/// Parse the arguments after the program name.
pub fn parse(argv: &[String]) -> Result<Command, Box<dyn std::error::Error>> {
    let Some((cmd, rest)) = argv.split_first() else {
        return Ok(Command::Help);
    };
    match cmd.as_str() {
        "help" | "-h" | "--help" => Ok(Command::Help),
        "check" => {
            if rest.is_empty() {
                return Err(CliError(
                    "check: name a corpus folder or files, e.g. `entiscope check corpus/`".into(),
                )
                .into());
            }
            if let Some(flag) = rest.iter().find(|a| a.starts_with('-')) {
                return Err(CliError(format!("check: unknown option `{flag}`")).into());
            }
            Ok(Command::Check {
                inputs: rest.iter().map(PathBuf::from).collect(),
            })
        }
        "extract" => parse_extract(rest),
        "bundle" => parse_bundle(rest),
        "generate" => parse_generate(rest),
        other => Err(CliError(format!("unknown command `{other}`\n\n{USAGE}")).into()),
    }
}

fn parse_extract(rest: &[String]) -> Result<Command, Box<dyn std::error::Error>> {
    let mut inputs = Vec::new();
    let mut out = None;
    let mut json = false;
    let mut overrides = None;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" | "-o" => match it.next() {
                Some(dir) if !dir.starts_with('-') => out = Some(PathBuf::from(dir)),
                _ => {
                    return Err(CliError(
                        "extract: `--out` needs a folder, e.g. `--out target/pred`".into(),
                    )
                    .into())
                }
            },
            "--json" => json = true,
            "--overrides" => {
                match it.next() {
                    Some(f) if !f.starts_with('-') => overrides = Some(PathBuf::from(f)),
                    _ => return Err(CliError(
                        "extract: `--overrides` needs a file, e.g. `--overrides overrides.json`"
                            .into(),
                    )
                    .into()),
                }
            }
            flag if flag.starts_with('-') => {
                return Err(CliError(format!(
                    "extract: unknown option `{flag}` (use --out DIR, --json or --overrides FILE)"
                ))
                .into())
            }
            path => inputs.push(PathBuf::from(path)),
        }
    }
    if inputs.is_empty() {
        return Err(CliError(
            "extract: name a corpus folder or files, e.g. `entiscope extract corpus --out pred`"
                .into(),
        )
        .into());
    }
    if out.is_none() && !json {
        return Err(CliError(
            "extract: say where the result goes: `--out DIR`, `--json`, or both".into(),
        )
        .into());
    }
    Ok(Command::Extract {
        inputs,
        out,
        json,
        overrides,
    })
}

/// The value after option `flag` of `cmd`, parsed, or an error with an example.
fn value<T: std::str::FromStr>(
    cmd: &str,
    flag: &str,
    v: Option<&String>,
    example: &str,
) -> Result<T, CliError> {
    v.filter(|v| !v.starts_with('-'))
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| {
            CliError(format!(
                "{cmd}: `{flag}` needs a value, e.g. `{flag} {example}`"
            ))
        })
}

fn parse_bundle(rest: &[String]) -> Result<Command, Box<dyn std::error::Error>> {
    let (mut inputs, mut out, mut chunk_size, mut threads) = (
        Vec::new(),
        None,
        entiscope_core::bundle::DEFAULT_CHUNK_SIZE,
        None,
    );
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" | "-o" => {
                out = Some(value::<PathBuf>(
                    "bundle",
                    "--out",
                    it.next(),
                    "dist/bundle",
                )?)
            }
            "--chunk-size" => {
                chunk_size = value("bundle", "--chunk-size", it.next(), "64")?;
                if chunk_size == 0 {
                    return Err(CliError("bundle: `--chunk-size` must be at least 1".into()).into());
                }
            }
            "--threads" | "-j" => {
                threads = Some(value::<usize>("bundle", "--threads", it.next(), "2")?.max(1))
            }
            flag if flag.starts_with('-') => {
                return Err(CliError(format!(
                    "bundle: unknown option `{flag}` (use --out DIR, --chunk-size N or --threads N)"
                ))
                .into())
            }
            path => inputs.push(PathBuf::from(path)),
        }
    }
    if inputs.is_empty() {
        return Err(CliError(
            "bundle: name a corpus folder or files, e.g. `entiscope bundle big/ --out dist/bundle`"
                .into(),
        )
        .into());
    }
    let out =
        out.ok_or_else(|| CliError("bundle: say where the bundle goes: `--out DIR`".into()))?;
    Ok(Command::Bundle {
        inputs,
        out,
        chunk_size,
        threads,
    })
}

fn parse_generate(rest: &[String]) -> Result<Command, Box<dyn std::error::Error>> {
    let (mut articles, mut seed, mut out) = (None, 1u64, None);
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--articles" | "-n" => {
                articles = Some(value("generate", "--articles", it.next(), "10000")?)
            }
            "--seed" => seed = value("generate", "--seed", it.next(), "1")?,
            "--out" | "-o" => {
                out = Some(value::<PathBuf>(
                    "generate",
                    "--out",
                    it.next(),
                    "target/corpus-10k",
                )?)
            }
            other => {
                return Err(CliError(format!(
                    "generate: unexpected `{other}` (use --articles N, --out DIR and --seed S)"
                ))
                .into())
            }
        }
    }
    Ok(Command::Generate {
        articles: articles
            .ok_or_else(|| CliError("generate: say how many: `--articles 10000`".into()))?,
        seed,
        out: out.ok_or_else(|| CliError("generate: say where: `--out DIR`".into()))?,
    })
}

impl Command {
    /// Run the command.
    pub fn run(self) -> CliResult {
        match self {
            Command::Help => {
                print!("{USAGE}");
                Ok(())
            }
            Command::Check { inputs } => crate::check::run(&inputs),
            Command::Extract {
                inputs,
                out,
                json,
                overrides,
            } => crate::extract::run(&inputs, out.as_deref(), json, overrides.as_deref()),
            Command::Bundle {
                inputs,
                out,
                chunk_size,
                threads,
            } => crate::bundle::run(&inputs, &out, chunk_size, threads),
            Command::Generate {
                articles,
                seed,
                out,
            } => crate::generate::run(articles, seed, &out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses() {
        assert_eq!(parse(&[]).unwrap(), Command::Help);
        assert_eq!(
            parse(&words("check corpus a.txt")).unwrap(),
            Command::Check {
                inputs: vec!["corpus".into(), "a.txt".into()]
            }
        );
        assert_eq!(
            parse(&words("extract corpus --out pred")).unwrap(),
            Command::Extract {
                inputs: vec!["corpus".into()],
                out: Some("pred".into()),
                json: false,
                overrides: None
            }
        );
        assert_eq!(
            parse(&words("extract --json a.txt b.txt")).unwrap(),
            Command::Extract {
                inputs: vec!["a.txt".into(), "b.txt".into()],
                out: None,
                json: true,
                overrides: None
            }
        );
        assert!(matches!(
            parse(&words("extract corpus --json --overrides o.json")).unwrap(),
            Command::Extract {
                overrides: Some(_),
                ..
            }
        ));
        assert!(parse(&words("extract corpus --json --overrides")).is_err());
        assert_eq!(
            parse(&words("bundle big --out b -j 3")).unwrap(),
            Command::Bundle {
                inputs: vec!["big".into()],
                out: "b".into(),
                chunk_size: entiscope_core::bundle::DEFAULT_CHUNK_SIZE,
                threads: Some(3)
            }
        );
        assert_eq!(
            parse(&words("generate --articles 10 --out g --seed 9")).unwrap(),
            Command::Generate {
                articles: 10,
                seed: 9,
                out: "g".into()
            }
        );
        for bad in [
            "check",
            "check --nope x",
            "frobnicate",
            "extract",
            "extract corpus",
            "extract corpus --out",
            "extract x --frob",
            "bundle",
            "bundle big",
            "bundle big --out",
            "bundle big --out b --chunk-size 0",
            "bundle big --out b --chunk-size many",
            "generate --out x",
            "generate --articles ten --out x",
            "generate --articles 10",
        ] {
            assert!(parse(&words(bad)).is_err(), "{bad}");
        }
    }
}
