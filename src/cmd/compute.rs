//! `par-index compute`: the four stages on a year's folder; Phụ lục I and II.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::criteria::{self, Criteria};
use crate::error::{Failure, exit};
use crate::inputs::{self, ReadOptions, ReadSettings};
use crate::output;
use crate::reports::annex::{self, Which};
use crate::reports::{csv, json, table};
use crate::stages::{self, Options};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal (fitted to 80 columns; plain when piped).
    Table,
    /// The annexes as CSV, Vietnamese headers.
    Csv,
    /// Everything, for scripts.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Missing {
    /// An applicable leaf with nothing to score is an error.
    Error,
    /// It scores 0, with a warning.
    Zero,
}

/// The arguments every command that reads a year shares.
#[derive(Debug, clap::Args)]
pub struct YearArgs {
    /// The year's folder (units.csv, self-assessment.csv, par-survey.csv, sipas-survey.csv,
    /// deductions.csv).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Criteria file (TOML); the built-in Lạng Sơn 2023 criteria when not given.
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
    /// Encoding of input files that have no byte-order mark (default UTF-8), e.g. windows-1258.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Not appraised leaves and rule disagreements are errors (exit 4), not warnings.
    #[arg(long)]
    pub strict: bool,
    /// What an applicable leaf with nothing to score gets.
    #[arg(long, value_enum, default_value_t = Missing::Error)]
    pub missing: Missing,
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding {label:?} (try utf-8, utf-16le, windows-1258)"))
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

/// Compute the PAR index and the satisfaction index of a year: Phụ lục I and II.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  par-index compute samples/2023                      both annexes as tables
  par-index compute samples/2023 --annex par --format csv --output phu-luc-II.csv
  par-index compute samples/2023 --format json | jq '.units[] | {code, index: .par.index}'
  par-index compute data/2024 --criteria criteria/2024.toml --strict

Warnings (not appraised, rule disagreements, small samples) go to stderr, results to stdout
or --output (written whole or not at all).")]
pub struct Args {
    #[command(flatten)]
    pub year: YearArgs,
    /// Only this unit group (so, huyen).
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Which annex: par (Phụ lục II), sipas (Phụ lục I) or both.
    #[arg(long, value_enum, default_value_t = Which::Both)]
    pub annex: Which,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the result to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The groups asked for, as indices into the criteria.
pub fn groups(criteria: &Criteria, group: Option<&str>) -> Result<Vec<usize>, Failure> {
    match group {
        None => Ok((0..criteria.groups.len()).collect()),
        Some(id) => criteria
            .groups
            .iter()
            .position(|g| g.id.eq_ignore_ascii_case(id.trim()))
            .map(|g| vec![g])
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "unknown group {id:?}; the criteria define: {}",
                    criteria
                        .groups
                        .iter()
                        .map(|g| g.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            }),
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let criteria = criteria::load(args.year.criteria.as_deref())?;
    let groups = groups(&criteria, args.group.as_deref())?;
    let year = inputs::read(&args.year.dir, &criteria, args.year.read_settings())?;
    let results = stages::compute(&criteria, &year, args.year.options())?;
    for w in &results.warnings {
        if year
            .unit_index(w.unit.as_deref().unwrap_or(""))
            .is_none_or(|u| groups.contains(&year.units[u].group))
        {
            output::warn(&w.to_string());
        }
    }
    let bytes = match args.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&json::report(&criteria, &results, &groups))?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Csv => {
            let mut annexes = Vec::new();
            if args.annex.sipas() {
                annexes.push(annex::sipas(&criteria, &results, &groups));
            }
            if args.annex.par() {
                annexes.push(annex::par(&criteria, &results, &groups));
            }
            csv::render(&annexes)?
        }
        Format::Table => {
            let terminal = args.output.is_none() && output::stdout_is_terminal();
            let mut s = String::new();
            if args.annex.sipas() {
                s.push_str(&table::sipas(&criteria, &results, &groups, terminal));
            }
            if args.annex.par() {
                if !s.is_empty() {
                    s.push('\n');
                }
                s.push_str(&table::par(&criteria, &results, &groups, terminal));
            }
            s.into_bytes()
        }
    };
    output::emit(args.output.as_deref(), &bytes)?;
    Ok(exit::OK)
}
