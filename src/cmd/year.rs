//! The arguments every command that reads a year shares: the folder, the rules, the encoding
//! of files without a byte-order mark, and how gaps and warnings are treated.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::inputs::{ReadOptions, ReadSettings};
use crate::stages::Options;

// The help of every argument and value is in locales/*/cli.ftl (cli-arg-*, shared by the
// commands), found by name in cli.rs.

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Missing {
    // an applicable leaf with nothing to score is an error
    Error,
    // it scores 0, with a warning
    Zero,
}

// The arguments every command that reads a year shares.
#[derive(Debug, clap::Args)]
pub struct YearArgs {
    // the year's folder
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
    // of input files without a byte-order mark
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    // not appraised leaves and rule disagreements are errors
    #[arg(long)]
    pub strict: bool,
    #[arg(long, value_enum, default_value_t = Missing::Error)]
    pub missing: Missing,
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| crate::tr!("cli-encoding-unknown", label = label))
}

impl YearArgs {
    pub fn read_settings(&self) -> ReadSettings {
        ReadSettings {
            options: ReadOptions {
                encoding: self.encoding,
            },
            keep_answers: false,
        }
    }

    pub fn options(&self) -> Options {
        Options {
            strict: self.strict,
            missing_zero: self.missing == Missing::Zero,
        }
    }
}
