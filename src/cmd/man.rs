//! `par-index man [COMMAND]`: the manual page (roff), generated from the argument definitions
//! (clap_mangen): of par-index, or of one of its commands.

use std::path::PathBuf;

use crate::error::{Failure, exit};
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Writes the page of the program whose arguments `cli` defines, or of one of its commands.
pub fn run(args: Args, cli: clap::Command) -> anyhow::Result<u8> {
    let page = page(cli, args.command.as_deref())?;
    output::emit(args.output.as_deref(), &page)?;
    Ok(exit::OK)
}

/// The page of par-index (whose arguments `cli` defines), or of its command `name`, as roff.
pub fn page(mut cmd: clap::Command, name: Option<&str>) -> Result<Vec<u8>, Failure> {
    cmd.build();
    let (cmd, title) = match name {
        None => (cmd, "par-index".to_string()),
        Some(name) => {
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            let Some(sub) = cmd.find_subcommand(name.trim()) else {
                return Err(Failure::Usage(crate::tr!(
                    "cli-man-unknown-command",
                    name = name,
                    known = names.join(", ")
                )));
            };
            // the page of `par-index compute` is par-index-compute(1)
            (sub.clone(), format!("par-index-{}", sub.get_name()))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .title(title)
        .render(&mut out)
        .map_err(|e| Failure::io("man", e))?;
    Ok(out)
}
