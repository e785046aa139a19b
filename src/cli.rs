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
    version = version(),
    about = "The PAR index (Chỉ số CCHC) and the satisfaction index (SIPAS) of a province's departments and districts",
    long_about = "par-index computes, for every provincial department (sở, ban, ngành) and every district \
People's Committee (UBND huyện, thành phố), the public administration reform index (Phụ lục II) and the \
satisfaction index (Phụ lục I), ranked within each group, exactly as the province's decision lays down.\n\n\
The rules of Lạng Sơn 2023 are built in (`par-index criteria --output FILE.toml` writes them out, to start \
another year's from); --criteria FILE uses another set.",
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
    Completions(crate::cmd::completions::Args),
    Man(crate::cmd::man::Args),
}

/// What `--version` says: the version and the rules built in, e.g.
/// `0.2.0 (tiêu chí lang-son-2023: Quyết định 1699/QĐ-UBND ngày 19/10/2023 …)`.
pub fn version() -> &'static str {
    static LINE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    LINE.get_or_init(|| {
        let (id, decision) = crate::criteria::builtin_head();
        crate::tr!(
            "cli-version",
            version = env!("CARGO_PKG_VERSION"),
            id = id,
            decision = decision
        )
    })
}
