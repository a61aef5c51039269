//! `entiscope`: the command line over `entiscope-core`.
//!
//! `main` parses arguments, runs one command and turns its error into a
//! message and an exit code; each command lives in its own module.

mod args;
mod bundle;
mod check;
mod extract;
mod generate;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match args::parse(&argv).and_then(|cmd| cmd.run()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("entiscope: {e}");
            ExitCode::from(2)
        }
    }
}
