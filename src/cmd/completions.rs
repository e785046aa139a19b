//! `par-index completions SHELL`: the shell's completion script, generated from the argument
//! definitions (clap_complete), so that it always knows every command and option.

use crate::error::exit;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    output::emit(None, &script(args.shell))?;
    Ok(exit::OK)
}

/// The completion script of `shell` for par-index.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut cmd = crate::cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "par-index", &mut out);
    out
}
