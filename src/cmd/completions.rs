//! `par-index completions SHELL`: the shell's completion script, generated from the argument
//! definitions (clap_complete), so that it always knows every command and option.

use crate::error::exit;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Writes the script of the program whose arguments `cli` defines.
pub fn run(args: Args, cli: clap::Command) -> anyhow::Result<u8> {
    output::emit(None, &script(cli, args.shell))?;
    Ok(exit::OK)
}

/// The completion script of `shell` for par-index, whose arguments `cli` defines.
pub fn script(mut cli: clap::Command, shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cli, "par-index", &mut out);
    out
}
