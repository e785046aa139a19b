//! `par-index compute`: the four stages on a year's folder; Phụ lục I and II.

use std::path::PathBuf;

use super::kind;
use super::year::YearArgs;
use crate::error::{Failure, exit};
use crate::inputs;
use crate::inputs::ReadSettings;
use crate::output;
use crate::reports::annex::{self, Annex, Which};
use crate::reports::format::Annexes as Format;
use crate::reports::{chart, csv, docx, json, previous, publish, table, uncertainty, xlsx};
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
    let to_file = args.output.is_some();
    let criteria = inputs::criteria_workbook::load(args.year.criteria.as_deref())?;
    let mut groups = super::groups(&criteria, args.group.as_deref())?;
    if format == Format::Xlsx {
        if args.ci.is_some() {
            return Err(Failure::Usage(crate::tr!("cli-xlsx-with-ci")).into());
        }
        if args.output.is_none() && output::stdout_is_terminal() {
            return Err(Failure::Usage(crate::tr!("cli-xlsx-on-terminal")).into());
        }
    }
    if format == Format::Docx {
        if args.ci.is_some() {
            return Err(Failure::Usage(crate::tr!("cli-docx-with-ci")).into());
        }
        if args.output.is_none() && output::stdout_is_terminal() {
            return Err(Failure::Usage(crate::tr!("cli-docx-on-terminal")).into());
        }
    }
    let previous = args.previous.as_deref().map(previous::read).transpose()?;
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
    if let Some(level) = args.ci {
        // How sure is a rank (issue 6): the bootstrap's report replaces the annexes.
        use crate::uncertainty::bootstrap::{self, Settings};
        let settings = Settings {
            level,
            replicates: args.replicates.unwrap_or(Settings::DEFAULT_REPLICATES),
            seed: args.seed.unwrap_or(crate::uncertainty::DEFAULT_SEED),
        };
        let ci = bootstrap::run(&criteria, &year, &results, &groups, settings)?;
        let terminal = args.output.is_none() && output::stdout_is_terminal();
        let figures = format.figures().ok_or_else(uncertainty::xlsx_refused)?;
        let bytes =
            uncertainty::bootstrap(&criteria, &results, &ci, args.annex, figures, terminal)?;
        let bytes = match format {
            Format::Csv => args.bom.apply(bytes, to_file),
            _ => bytes,
        };
        output::emit(args.output.as_deref(), &bytes)?;
        return Ok(exit::OK);
    }
    let changes = previous
        .as_ref()
        .map(|p| previous::changes(&criteria, &results, &groups, p));
    let picture = match chart_kind {
        Some(kind::Chart::Svg) => Some(chart::render(&criteria, &results, &groups)?.into_bytes()),
        Some(kind::Chart::Png) => Some(chart::png(&criteria, &results, &groups)?),
        None => None,
    };
    let sipas_annex = || annex::sipas(&criteria, &results, &groups);
    let par_annex = || {
        let mut par = annex::par(&criteria, &results, &groups);
        if let Some(c) = &changes {
            previous::add_to_annex(&mut par, &criteria, &groups, c);
        }
        par
    };
    let bytes = match format {
        Format::Json => {
            let report = json::report(&criteria, &results, &groups);
            let mut s = match &changes {
                None => serde_json::to_string_pretty(&report)?,
                Some(c) => {
                    let mut value = serde_json::to_value(&report)?;
                    previous::add_to_json(&mut value, c);
                    serde_json::to_string_pretty(&value)?
                }
            };
            s.push('\n');
            s.into_bytes()
        }
        Format::Csv => {
            let titled = args.annex.sipas() && args.annex.par();
            let parts = annexes(args.annex, sipas_annex, par_annex, |a| {
                csv::annex(&a, titled)
            });
            args.bom.apply(
                csv::join(parts.into_iter().collect::<Result<_, _>>()?),
                to_file,
            )
        }
        Format::Xlsx => {
            let built = annexes(args.annex, sipas_annex, par_annex, |a| a);
            xlsx::render(&criteria, &results, &groups, &built)?
        }
        Format::Docx => {
            let built = annexes(args.annex, sipas_annex, par_annex, |a| {
                publish::document(&criteria, &results, &groups, &a)
            });
            docx::render(&criteria, &built)?
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
                if let Some(c) = &changes {
                    s.push('\n');
                    s.push_str(&previous::table(&criteria, &results, &groups, c, terminal));
                }
            }
            s.into_bytes()
        }
    };
    // The chart and the output are written all or none; standard output comes last.
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
    // The process ends here: a national year's million allocations are handed back to the
    // system whole, not freed one by one.
    std::mem::forget((year, results));
    Ok(exit::OK)
}

/// The annexes asked for, built side by side (each on a core) and each handed to `finish` where
/// it was built; in order, Phụ lục I first.
fn annexes<T: Send>(
    which: Which,
    sipas: impl FnOnce() -> Annex + Send,
    par: impl FnOnce() -> Annex + Send,
    finish: impl Fn(Annex) -> T + Sync,
) -> Vec<T> {
    let (sipas, par) = rayon::join(
        || which.sipas().then(|| finish(sipas())),
        || which.par().then(|| finish(par())),
    );
    sipas.into_iter().chain(par).collect()
}
