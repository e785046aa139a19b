//! `par-index sensitivity`: how the PAR ranks move when the field maxima (the weights of the
//! tree) are perturbed.

use std::path::PathBuf;

use rust_decimal::Decimal;

use super::year::YearArgs;
use super::{groups, kind};
use crate::error::exit;
use crate::inputs;
use crate::output;
use crate::reports::format::Figures as Format;
use crate::reports::uncertainty;
use crate::stages;
use crate::uncertainty::sensitivity::{self, Settings};
use crate::uncertainty::{DEFAULT_SEED, parse_percent_arg, parse_replicates};

// Its help (about, examples, every argument) is in locales/*/cli.ftl, cli-sensitivity-*.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub year: YearArgs,
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    // half-width of each field's factor, in percent
    #[arg(long, value_name = "P", default_value = "20", value_parser = parse_spread)]
    pub spread: Decimal,
    #[arg(long, value_name = "N", default_value_t = Settings::DEFAULT_REPLICATES, value_parser = parse_replicates)]
    pub replicates: usize,
    #[arg(long, value_name = "S", default_value_t = DEFAULT_SEED, value_parser = super::whole::<u64>)]
    pub seed: u64,
    // default: as the --output file's extension says, else table
    #[arg(long, value_enum)]
    pub format: Option<Format>,
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
    let criteria = inputs::criteria_workbook::load(args.year.criteria.as_deref())?;
    let groups = groups(&criteria, args.group.as_deref())?;
    let year = super::read_year(&args.year.dir, &criteria, args.year.read_settings())?;
    let results = stages::compute(&criteria, &year, args.year.options())?;
    output::warn_all(&results.warnings_for(&groups));
    let settings = Settings {
        spread: args.spread,
        replicates: args.replicates,
        seed: args.seed,
    };
    let s = sensitivity::run(&criteria, &results, &groups, settings)?;
    let terminal = args.output.is_none() && output::stdout_is_terminal();
    let bytes = uncertainty::sensitivity(&criteria, &results, &s, format, terminal)?;
    let bytes = match format {
        Format::Csv => args.bom.apply(bytes, args.output.is_some()),
        _ => bytes,
    };
    output::emit(args.output.as_deref(), &bytes)?;
    Ok(exit::OK)
}
