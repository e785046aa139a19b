//! `par-index compute`: the four stages on a year's folder; Phụ lục I and II.

use std::path::PathBuf;

use super::kind;
use super::year::YearArgs;
use crate::error::{Failure, exit};
use crate::inputs;
use crate::inputs::ReadSettings;
use crate::output;
use crate::reports::annex::Which;
use crate::reports::format::Annexes as Format;
use crate::reports::{annexes, chart, previous, uncertainty};
use crate::stages;

// Its help (about, examples, every argument) is in locales/*/cli.ftl, cli-compute-*, and
// cli-arg-* for the arguments the commands share; found by name in cli.rs.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub year: YearArgs,
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    #[arg(long, value_enum, default_value_t = Which::Both)]
    pub annex: Which,
    // default: as the --output file's extension says, else table
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub bom: kind::Bom,
    // an earlier year's export: adds last year's index and rank and their change
    #[arg(long, value_name = "FILE", conflicts_with = "ci")]
    pub previous: Option<PathBuf>,
    // an SVG or PNG chart, by the file's extension
    #[arg(long, value_name = "FILE.svg|FILE.png")]
    pub chart: Option<PathBuf>,
    // confidence intervals from a bootstrap of the surveys, instead of the annexes
    #[arg(long, value_name = "LEVEL", num_args = 0..=1, default_missing_value = "95",
          value_parser = crate::uncertainty::parse_level, conflicts_with = "chart")]
    pub ci: Option<rust_decimal::Decimal>,
    #[arg(long, value_name = "N", requires = "ci", value_parser = crate::uncertainty::parse_replicates)]
    pub replicates: Option<usize>,
    #[arg(long, value_name = "S", requires = "ci", value_parser = super::whole::<u64>)]
    pub seed: Option<u64>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    // what to write is settled before anything is read
    let format = kind::resolve(
        "compute",
        args.format,
        args.output.as_deref(),
        Format::Table,
    )?;
    let chart_kind = args.chart.as_deref().map(kind::Chart::of).transpose()?;
    let criteria = inputs::criteria_workbook::load(args.year.criteria.as_deref())?;
    let mut groups = super::groups(&criteria, args.group.as_deref())?;
    refuse_binary(format, &args)?;
    let previous = super::read_previous(args.previous.as_deref(), &criteria)?;
    let settings = ReadSettings {
        keep_answers: args.ci.is_some(),
        ..args.year.read_settings()
    };
    let year = super::read_year(&args.year.dir, &criteria, settings)?;
    let results = stages::compute(&criteria, &year, args.year.options())?;
    if args.group.is_none() {
        // a group of the criteria without any unit this year has no table
        groups.retain(|&g| results.units.iter().any(|u| u.group == g));
    }
    output::warn_all(&results.warnings_for(&groups));
    let terminal = args.output.is_none() && output::stdout_is_terminal();
    if let Some(level) = args.ci {
        // How sure is a rank: the bootstrap's report replaces the annexes.
        use crate::uncertainty::bootstrap::{self, Settings};
        let settings = Settings {
            level,
            replicates: args.replicates.unwrap_or(Settings::DEFAULT_REPLICATES),
            seed: args.seed.unwrap_or(crate::uncertainty::DEFAULT_SEED),
        };
        let ci = bootstrap::run(&criteria, &year, &results, &groups, settings)?;
        let figures = format.figures().ok_or_else(uncertainty::xlsx_refused)?;
        let bytes =
            uncertainty::bootstrap(&criteria, &results, &ci, args.annex, figures, terminal)?;
        return write(&args, format, bytes, None);
    }
    let changes = previous
        .as_ref()
        .map(|p| previous::changes(&criteria, &results, &groups, p));
    let picture = match chart_kind {
        Some(kind::Chart::Svg) => Some(chart::render(&criteria, &results, &groups)?.into_bytes()),
        Some(kind::Chart::Png) => Some(chart::png(&criteria, &results, &groups)?),
        None => None,
    };
    let asked = annexes::Asked {
        criteria: &criteria,
        results: &results,
        groups: &groups,
        which: args.annex,
        changes: changes.as_ref(),
        terminal,
    };
    let bytes = annexes::render(&asked, format)?;
    let code = write(&args, format, bytes, picture)?;
    // The process ends here: a national year's million allocations are handed back to the
    // system whole, not freed one by one.
    std::mem::forget((year, results));
    Ok(code)
}

/// A workbook or a Word document is not written to a terminal, nor made of `--ci`'s figures.
fn refuse_binary(format: Format, args: &Args) -> Result<(), Failure> {
    let (with_ci, on_terminal) = match format {
        Format::Xlsx => (
            crate::tr!("cli-xlsx-with-ci"),
            crate::tr!("cli-xlsx-on-terminal"),
        ),
        Format::Docx => (
            crate::tr!("cli-docx-with-ci"),
            crate::tr!("cli-docx-on-terminal"),
        ),
        _ => return Ok(()),
    };
    if args.ci.is_some() {
        return Err(Failure::Usage(with_ci));
    }
    if args.output.is_none() && output::stdout_is_terminal() {
        return Err(Failure::Usage(on_terminal));
    }
    Ok(())
}

/// Writes the output (CSV to a file with its byte-order mark) and the chart, all or none;
/// standard output comes last.
fn write(
    args: &Args,
    format: Format,
    bytes: Vec<u8>,
    picture: Option<Vec<u8>>,
) -> anyhow::Result<u8> {
    let bytes = match format {
        Format::Csv => args.bom.apply(bytes, args.output.is_some()),
        _ => bytes,
    };
    match (&args.chart, &picture, args.output.as_deref()) {
        (Some(chart), Some(picture), Some(out)) => {
            output::write_all_atomically(&[(chart.as_path(), picture), (out, &bytes)])?
        }
        (Some(chart), Some(picture), None) => {
            output::write_atomically(chart, picture)?;
            output::emit(None, &bytes)?;
        }
        _ => output::emit(args.output.as_deref(), &bytes)?,
    }
    Ok(exit::OK)
}
