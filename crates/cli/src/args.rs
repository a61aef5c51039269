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
        other => Err(CliError(format!("unknown command `{other}`\n\n{USAGE}")).into()),
    }
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
        for bad in ["check", "check --nope x", "frobnicate"] {
            assert!(parse(&words(bad)).is_err(), "{bad}");
        }
    }
}
