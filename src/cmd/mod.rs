//! One file per subcommand, with its arguments, help text and examples next to its code.

pub mod check;
pub mod completions;
pub mod compute;
pub mod criteria;
pub mod explain;
pub mod kind;
pub mod man;
pub mod sensitivity;
pub mod template;

use crate::cli::{Cli, Command};

/// Runs a parsed command line; returns the exit code of a run that did not fail.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Compute(args) => compute::run(args),
        Command::Criteria(args) => criteria::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Sensitivity(args) => sensitivity::run(args),
        Command::Template(args) => template::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
    }
}
