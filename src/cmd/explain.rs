//! `par-index explain`: where a unit lost its points, and how it compares.

mod all;

use std::path::PathBuf;

use clap::ValueEnum;

use super::compute::YearArgs;
use crate::error::{Failure, exit};
use crate::output;
use crate::reports::explain::{self, Layout};
use crate::reports::previous;
use crate::reports::scorecard;
use crate::stages::{self, Results};
use crate::text::{fold, normalize_key};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    // for people, 80 columns
    Table,
    Json,
    // the unit's scorecard (phiếu kết quả) as a workbook, or as a Word document
    Xlsx,
    Docx,
}

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
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = crate::cli::whole::<usize>)]
    pub top: usize,
}

/// `--depth`: 1, 2 or 3.
fn parse_depth(text: &str) -> Result<u8, String> {
    crate::cli::whole::<u8>(text)
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
    let criteria = crate::inputs::criteria_workbook::load(args.year.criteria.as_deref())?;
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
    let e = explain::explain(&criteria, &year, &results, unit, changes.as_ref());
    let bytes = match format {
        Format::Xlsx => {
            let card = scorecard::scorecard(&criteria, &year, &results, unit, changes.as_ref());
            scorecard::xlsx::render(&criteria, &card, args.top)?
        }
        Format::Docx => {
            let card = scorecard::scorecard(&criteria, &year, &results, unit, changes.as_ref());
            scorecard::docx::render(&criteria, &card, args.top)?
        }
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&e)?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Table => {
            let terminal = args.output.is_none() && output::stdout_is_terminal();
            let width = if terminal {
                crate::reports::table::new(true)
                    .width()
                    .map_or(80, usize::from)
            } else {
                80
            };
            explain::render(
                &criteria,
                &e,
                Layout {
                    width,
                    depth: args.depth.map_or(usize::MAX, usize::from),
                    top: args.top,
                },
            )
            .into_bytes()
        }
    };
    output::emit(args.output.as_deref(), &bytes)?;
    Ok(exit::OK)
}

/// The unit named by `wanted`: its code (any case), or its name (any case and spacing, with or
/// without diacritics when that names one unit); otherwise a usage error listing the nearest
/// codes and names.
pub fn find_unit(results: &Results, wanted: &str) -> Result<usize, Failure> {
    let key = normalize_key(wanted);
    let folded = fold(wanted);
    if let Some(i) = results
        .units
        .iter()
        .position(|u| u.code == key)
        .or_else(|| {
            results
                .units
                .iter()
                .position(|u| u.code.eq_ignore_ascii_case(&key) || fold(&u.name) == folded)
        })
    {
        return Ok(i);
    }
    let bare = without_marks(&folded);
    let same: Vec<usize> = (0..results.units.len())
        .filter(|&i| without_marks(&fold(&results.units[i].name)) == bare)
        .collect();
    if let [i] = same[..] {
        return Ok(i);
    }
    let mut near: Vec<(f64, usize)> = results
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let by_code = strsim::jaro_winkler(&key.to_lowercase(), &u.code.to_lowercase());
            let name = fold(&u.name);
            let by_name = if !folded.is_empty() && name.contains(&folded) {
                0.95
            } else {
                strsim::jaro_winkler(&folded, &name)
            };
            (by_code.max(by_name), i)
        })
        .filter(|&(score, _)| score > 0.75)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
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
            .map(|&(_, i)| format!("{} ({})", results.units[i].code, results.units[i].name))
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

/// Lower-case text without diacritics: "sở nội vụ" → "so noi vu", "đ" → "d".
fn without_marks(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect()
}
