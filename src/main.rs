use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    par_index::error::install_panic_hook();
    let cli = par_index::cli::Cli::parse();
    match par_index::cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("par-index: {error:#}");
            ExitCode::from(par_index::error::exit_code_of(&error))
        }
    }
}
