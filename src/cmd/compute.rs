//! `par-index compute`: the four stages on a year's folder; Phụ lục I and II.

use std::path::PathBuf;

use clap::ValueEnum;

use super::kind;
use crate::criteria::{self, Criteria};
use crate::error::{Failure, exit};
use crate::inputs::{self, ReadOptions, ReadSettings};
use crate::output;
use crate::reports::annex::{self, Annex, Which};
use crate::reports::{chart, csv, json, previous, table, xlsx};
use crate::stages::{self, Options};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal (fitted to its width; plain when piped).
    Table,
    /// The annexes as CSV, Vietnamese headers.
    Csv,
    /// Everything, for scripts.
    Json,
    /// A workbook laid out as the decision's annexes, to --output FILE.xlsx (or a pipe, never a
    /// terminal).
    Xlsx,
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
  par-index compute samples/2023 --ci --annex par      how sure is each PAR rank (see --ci)
  par-index compute samples/2023 --format xlsx --output phu-luc.xlsx --chart chi-so.svg
                                                      the annex workbook and the chart
  par-index compute samples/2023 --annex par --previous samples/2022/results.json
                                                      with the change of index and rank since 2022

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
    /// Output format (default: as the --output file's extension says, else table).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the result to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub bom: kind::Bom,
    /// An earlier year's export (JSON, CSV or workbook of `compute`): adds to Phụ lục II last
    /// year's index and rank and their change (new and dropped units said as such).
    #[arg(long, value_name = "FILE", conflicts_with = "ci")]
    pub previous: Option<PathBuf>,
    /// Also draw each group's units ranked by PAR index, coloured by band, as an SVG or PNG
    /// chart (by the file's extension).
    #[arg(long, value_name = "FILE.svg|FILE.png")]
    pub chart: Option<PathBuf>,
    /// How sure is each rank: confidence intervals at LEVEL% (default 95) from a bootstrap of
    /// the surveys, reported instead of the annexes.
    ///
    /// Each replicate redraws, with replacement, the valid satisfaction questionnaires of every
    /// unit and the officials' answers about every unit within each respondent group, and
    /// recomputes the satisfaction index, the PAR index and the ranks; appraisal points and
    /// deductions are fixed. Per unit: the published index and rank, the percentile interval of
    /// the index, the best … worst rank at LEVEL%, and the difference to the unit ranked just
    /// after with its interval, marked ≈ when that interval contains 0 (the data do not
    /// support the order at LEVEL%). Uses every core; same --seed, same output.
    ///
    /// Worked example: `par-index compute samples/2023 --ci --annex par --group huyen` shows
    /// Huyện Lộc Bình at 92.67 (KTC 95% 92.40 … 92.93), rank 3 … 4, and 0.10 above Huyện Chi
    /// Lăng with an interval of -0.35 … 0.54, marked ≈: third on the published figures, but
    /// the surveys cannot tell it from the fourth. Thành phố Lạng Sơn, 0.44 (0.03 … 0.85)
    /// above the second, is first at 95%. Write the folder before --ci (LEVEL is optional).
    #[arg(long, value_name = "LEVEL", num_args = 0..=1, default_missing_value = "95",
          value_parser = crate::uncertainty::parse_level, conflicts_with = "chart")]
    pub ci: Option<rust_decimal::Decimal>,
    /// Replicates of the bootstrap (with --ci; default 2000).
    #[arg(long, value_name = "N", requires = "ci", value_parser = crate::uncertainty::parse_replicates)]
    pub replicates: Option<usize>,
    /// Seed of the bootstrap's draws (with --ci; default 1).
    #[arg(long, value_name = "S", requires = "ci")]
    pub seed: Option<u64>,
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
    // what to write is settled before anything is read
    let format = kind::resolve(
        "compute",
        args.format,
        args.output.as_deref(),
        Format::Table,
    )?;
    let chart_kind = args.chart.as_deref().map(kind::Chart::of).transpose()?;
    let to_file = args.output.is_some();
    let criteria = criteria::load(args.year.criteria.as_deref())?;
    let mut groups = groups(&criteria, args.group.as_deref())?;
    if format == Format::Xlsx {
        if args.ci.is_some() {
            return Err(Failure::Usage(
                "--format xlsx is for the annexes; give --ci with table, csv or json".into(),
            )
            .into());
        }
        if args.output.is_none() && output::stdout_is_terminal() {
            return Err(Failure::Usage(
                "--format xlsx writes a workbook, not text: give --output FILE.xlsx".into(),
            )
            .into());
        }
    }
    let previous = args.previous.as_deref().map(previous::read).transpose()?;
    let settings = ReadSettings {
        keep_answers: args.ci.is_some(),
        ..args.year.read_settings()
    };
    let year = inputs::read(&args.year.dir, &criteria, settings)?;
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
        let bytes = crate::reports::uncertainty::bootstrap(
            &criteria, &results, &ci, args.annex, format, terminal,
        )?;
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
