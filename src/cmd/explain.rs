//! `par-index explain`: where a unit lost its points, and how it compares.

mod all;

use std::path::PathBuf;

use clap::ValueEnum;

use super::year::YearArgs;
use crate::criteria::Criteria;
use crate::error::{Failure, exit};
use crate::inputs::{self, Year};
use crate::output;
use crate::reports::explain::{self, Layout};
use crate::reports::format::UnitReport as Format;
use crate::reports::previous::{self, Changes};
use crate::reports::scorecard;
use crate::stages::{self, Results};

// Its help (about, examples, every argument) is in locales/*/cli.ftl, cli-explain-*.
#[derive(Debug, clap::Args)]
pub struct Args {
    // the unit's code or name; none with --all
    #[arg(value_name = "UNIT", required_unless_present = "all")]
    pub unit: Option<String>,
    #[arg(long, requires = "output")]
    pub all: bool,
    #[command(flatten)]
    pub year: YearArgs,
    // default: as the --output file's extension says, else table (xlsx with --all)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    // deepest level of the tree shown: 1 = fields, 2 = criteria, 3 = sub-criteria
    #[arg(long, value_name = "N", value_parser = parse_depth)]
    pub depth: Option<u8>,
    // how many criteria to list by points lost (0 = all)
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = super::whole::<usize>)]
    pub top: usize,
}

/// `--depth`: 1, 2 or 3.
fn parse_depth(text: &str) -> Result<u8, String> {
    super::whole::<u8>(text)
        .ok()
        .filter(|d| (1..=3).contains(d))
        .ok_or_else(|| crate::tr!("cli-explain-depth-range"))
}

pub fn run(mut args: Args) -> anyhow::Result<u8> {
    if args.all {
        all::shift_folder(&mut args)?;
    }
    // what to write is settled before anything is read; with --all, --output is a folder
    let format = match args.all {
        true => args.format.unwrap_or(Format::Xlsx),
        false => super::kind::resolve(
            "explain",
            args.format,
            args.output.as_deref(),
            Format::Table,
        )?,
    };
    if matches!(format, Format::Xlsx | Format::Docx)
        && args.output.is_none()
        && output::stdout_is_terminal()
    {
        let name = format.to_possible_value().map(|v| v.get_name().to_string());
        return Err(Failure::Usage(crate::tr!(
            "cli-explain-binary-on-terminal",
            format = name.unwrap_or_default()
        ))
        .into());
    }
    let criteria = inputs::criteria_workbook::load(args.year.criteria.as_deref())?;
    let previous = args.previous.as_deref().map(previous::read).transpose()?;
    let year = super::read_year(&args.year.dir, &criteria, args.year.read_settings())?;
    let results = stages::compute(&criteria, &year, args.year.options())?;
    if args.all {
        return all::run(&args, format, &criteria, &year, &results, previous.as_ref());
    }
    let unit = find_unit(&results, args.unit.as_deref().unwrap_or_default())?;
    let group = results.units[unit].group;
    let changes = previous
        .as_ref()
        .map(|p| previous::changes(&criteria, &results, &[group], p));
    let terminal = args.output.is_none() && output::stdout_is_terminal();
    let width = if terminal {
        crate::reports::table::new(true)
            .width()
            .map_or(80, usize::from)
    } else {
        80
    };
    let bytes = report(
        &criteria,
        &year,
        &results,
        unit,
        changes.as_ref(),
        format,
        args.layout(width),
    )?;
    output::emit(args.output.as_deref(), &bytes)?;
    Ok(exit::OK)
}

impl Args {
    /// How the text of an explanation is laid out, `width` columns wide.
    fn layout(&self, width: usize) -> Layout {
        Layout {
            width,
            depth: self.depth.map_or(usize::MAX, usize::from),
            top: self.top,
        }
    }
}

/// The report on `unit` in `format`: where it lost its points as text or JSON, or its
/// scorecard as a workbook or a Word document.
fn report(
    criteria: &Criteria,
    year: &Year,
    results: &Results,
    unit: usize,
    changes: Option<&Changes>,
    format: Format,
    layout: Layout,
) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        Format::Xlsx => {
            let card = scorecard::scorecard(criteria, year, results, unit, changes);
            scorecard::xlsx::render(criteria, &card, layout.top)?
        }
        Format::Docx => {
            let card = scorecard::scorecard(criteria, year, results, unit, changes);
            scorecard::docx::render(criteria, &card, layout.top)?
        }
        Format::Json => {
            let e = explain::explain(criteria, year, results, unit, changes);
            let mut s = serde_json::to_string_pretty(&e)?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Table => {
            let e = explain::explain(criteria, year, results, unit, changes);
            explain::render(criteria, &e, layout).into_bytes()
        }
    })
}

/// The unit named by `wanted`: its code (any case), or its name (any case and spacing, with or
/// without diacritics when that names one unit); otherwise a usage error listing the nearest
/// codes and names.
pub fn find_unit(results: &Results, wanted: &str) -> Result<usize, Failure> {
    let near = match results.find_unit(wanted) {
        Ok(i) => return Ok(i),
        Err(near) => near,
    };
    let hint = if near.is_empty() {
        let units = results
            .units
            .iter()
            .map(|u| u.code.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        crate::tr!("cli-explain-units-are", units = units)
    } else {
        let units = near
            .iter()
            .take(5)
            .map(|&i| format!("{} ({})", results.units[i].code, results.units[i].name))
            .collect::<Vec<_>>()
            .join(", ");
        crate::tr!("cli-explain-did-you-mean", units = units)
    };
    Err(Failure::Usage(crate::tr!(
        "cli-explain-unknown-unit",
        unit = wanted,
        hint = hint
    )))
}
