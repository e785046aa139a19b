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
use crate::criteria::Criteria;
use crate::error::Failure;
use crate::inputs::{self, ReadSettings, Year};

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

/// Reads and checks the year in `dir`, saying on standard error how its files were read (even
/// when they hold problems); every problem of every file is reported together.
pub(crate) fn read_year(
    dir: &std::path::Path,
    criteria: &Criteria,
    settings: ReadSettings,
) -> Result<Year, Failure> {
    let (year, problems) = inputs::read_all(dir, criteria, settings)?;
    crate::output::notes(&problems.sorted_notes());
    problems.into_result()?;
    Ok(year)
}
