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
        for bad in [
            "check",
            "check --nope x",
            "frobnicate",
            "extract",
            "extract corpus",
            "extract corpus --out",
            "extract x --frob",
        ] {
            assert!(parse(&words(bad)).is_err(), "{bad}");
        }
    }
}
