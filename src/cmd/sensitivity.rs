//! `par-index sensitivity`: how the PAR ranks move when the field maxima (the weights of the
//! tree) are perturbed.

use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::cmd::compute::{self, YearArgs, groups};
use crate::cmd::kind;
use crate::criteria;
use crate::error::exit;
use crate::inputs;
use crate::output;
use crate::reports::uncertainty;
use crate::stages;
use crate::uncertainty::sensitivity::{self, Settings};
use crate::uncertainty::{DEFAULT_SEED, parse_percent_arg, parse_replicates};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table per group for the terminal (fitted to its width; plain when piped).
    Table,
    /// One row per unit, Vietnamese headers.
    Csv,
    /// Everything, with the fields' drawn maxima, for scripts.
    Json,
}

impl From<Format> for compute::Format {
    fn from(f: Format) -> compute::Format {
        match f {
            Format::Table => compute::Format::Table,
            Format::Csv => compute::Format::Csv,
            Format::Json => compute::Format::Json,
        }
    }
}

/// How sure is a PAR rank against the weights: perturb the field maxima and rank again.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "How sure is a PAR rank against the weights of the tree? Each replicate multiplies \
the maximum of every field by a random factor drawn uniformly in [1 − P%, 1 + P%], scales the maxima \
back so that they total the group's total (100), scales every unit's points and applicable maximum in \
a field with its field (a leaf keeps its share of the field), keeps deductions, recomputes the PAR \
index and ranks each group again. Reported per unit: the published rank, the median and the 5th–95th \
percentile of its rank over the replicates, and the mean absolute rank shift (as COINr's uncertainty \
analysis does). Exact decimals throughout: --spread 0 gives every unit its published rank.",
    after_help = "\
Examples:
  par-index sensitivity samples/2023                       ±20%, 1,000 replicates, as tables
  par-index sensitivity samples/2023 --group huyen --spread 10 --replicates 5000
  par-index sensitivity samples/2023 --format csv --output do-nhay.csv
  par-index sensitivity samples/2023 --format json | jq '.groups[].units[] | {code, rank_p95}'

Worked example (`par-index sensitivity samples/2023 --group so`, default settings): Sở Nông
nghiệp và Phát triển nông thôn, published 9th at 93.25, has median rank 9, P5 … P95 = 6 … 10 and
mean shift 1.07: its place depends on the weights. Sở Tài chính, 1 / 1 / 0.00, is first whatever
the weights.

The same --seed gives the same output, whatever the number of threads (RAYON_NUM_THREADS)."
)]
pub struct Args {
    #[command(flatten)]
    pub year: YearArgs,
    /// Only this unit group (so, huyen).
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Half-width of each field's factor, in percent: factors are drawn in [1 − P%, 1 + P%].
    #[arg(long, value_name = "P", default_value = "20", value_parser = parse_spread)]
    pub spread: Decimal,
    /// Number of replicates.
    #[arg(long, value_name = "N", default_value_t = Settings::DEFAULT_REPLICATES, value_parser = parse_replicates)]
    pub replicates: usize,
    /// Seed of the random draws.
    #[arg(long, value_name = "S", default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// Output format (default: as the --output file's extension says, else table).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the result to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub bom: kind::Bom,
}

fn parse_spread(text: &str) -> Result<Decimal, String> {
    parse_percent_arg(text, Decimal::ZERO, true, Decimal::ONE_HUNDRED)
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let format = kind::resolve(
        "sensitivity",
        args.format,
        args.output.as_deref(),
        Format::Table,
    )?;
    let criteria = criteria::load(args.year.criteria.as_deref())?;
    let groups = groups(&criteria, args.group.as_deref())?;
    let year = inputs::read(&args.year.dir, &criteria, args.year.read_settings())?;
    let results = stages::compute(&criteria, &year, args.year.options())?;
    output::warn_all(&results.warnings_for(&groups));
    let settings = Settings {
        spread: args.spread,
        replicates: args.replicates,
        seed: args.seed,
    };
    let s = sensitivity::run(&criteria, &results, &groups, settings)?;
    let terminal = args.output.is_none() && output::stdout_is_terminal();
    let bytes = uncertainty::sensitivity(&criteria, &results, &s, format.into(), terminal)?;
    let bytes = match format {
        Format::Csv => args.bom.apply(bytes, args.output.is_some()),
        _ => bytes,
    };
    output::emit(args.output.as_deref(), &bytes)?;
    Ok(exit::OK)
}
