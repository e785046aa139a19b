//! The command line: flags as the user types them. Each subcommand's arguments live next to
//! its code in `cmd/`.

use clap::{Parser, Subcommand};

pub const EXIT_CODES: &str = "\
Exit codes:
  0  success (also when a reader closes the pipe early)
  1  unexpected failure inside par-index (please report it)
  2  wrong command-line arguments; an unknown unit in explain; xlsx on a terminal
  3  the criteria file is invalid
  4  the input data is invalid (or, with --strict, a warning was raised); check found a
     problem; a --previous file that is not an export of par-index
  5  a file or folder could not be read or written";

#[derive(Debug, Parser)]
#[command(
    name = "par-index",
    version,
    about = "The PAR index (Chỉ số CCHC) and the satisfaction index (SIPAS) of a province's departments and districts",
    long_about = "par-index computes, for every provincial department (sở, ban, ngành) and every district \
People's Committee (UBND huyện, thành phố), the public administration reform index (Phụ lục II) and the \
satisfaction index (Phụ lục I), ranked within each group, exactly as the province's decision lays down.\n\n\
The rules of Lạng Sơn 2023 (criteria/lang-son-2023.toml) are built in; --criteria FILE uses another set.",
    after_help = EXIT_CODES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(crate::cmd::check::Args),
    Compute(crate::cmd::compute::Args),
    Criteria(crate::cmd::criteria::Args),
    Explain(crate::cmd::explain::Args),
    Sensitivity(crate::cmd::sensitivity::Args),
    Template(crate::cmd::template::Args),
}
