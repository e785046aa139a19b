use std::process::ExitCode;

fn main() -> ExitCode {
    par_index::error::install_panic_hook();
    let cli = match par_index::cli::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
    match par_index::cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("par-index: {error:#}");
            ExitCode::from(par_index::error::exit_code_of(&error))
        }
    }
}
