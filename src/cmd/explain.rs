//! `par-index explain`: where a unit lost its points, and how it compares.

use std::path::PathBuf;

use clap::ValueEnum;

use super::compute::YearArgs;
use crate::criteria;
use crate::error::{Failure, exit};
use crate::inputs;
use crate::output;
use crate::reports::explain::{self, Layout};
use crate::reports::previous;
use crate::stages::{self, Results};
use crate::text::{fold, normalize_key};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: summary, tree, leaves by points lost, neighbours, warnings (80 columns).
    Table,
    /// Everything, for scripts.
    Json,
}

/// Where a unit lost its points, and how it compares with its neighbours.
///
/// The unit's tree with, at every field, criterion and sub-criterion: its maximum, the self
/// points, the appraised points, the points from the officials' survey and from the
/// satisfaction index, the points and the points lost; then its criteria by points lost, the
/// deductions, the units ranked just above and below it, and the warnings about it.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  par-index explain SNV samples/2023
  par-index explain SNV samples/2023 --depth 1 --top 3
  par-index explain \"Sở Nội vụ\" samples/2023 --top 0
  par-index explain SNV samples/2023 --previous samples/2022/results.json
  par-index explain SNV samples/2023 --format json | jq '.nodes[] | select(.lost > 0)'

Worked example: `par-index explain SNV samples/2023 --depth 1 --top 3` shows Sở Nội vụ at
91.56% (rank 11 of 20, band A), 8.44 points lost of 100: 1.91 in field 3 (thủ tục hành
chính), 1.82 in field 8, …; first among its criteria 5.1.1 (0.75 lost: appraised 0.75 of
1.5 for 93.7%, where the rule gives 1.5 only at 100%), then the satisfaction index (0.68);
Sở Y tế ranks just above it, 1.62 points ahead.

Columns: Tối đa (maximum of the criteria that apply to the unit), Tự chấm (self points),
Thẩm định (appraisal points that stand), Điều tra (officials' survey), Hài lòng
(satisfaction index), Điểm (their sum), Mất = Tối đa − Điểm. A criterion marked N/A or KĐG
loses nothing. The table fits 80 columns (names are cut; --format json has them whole).")]
pub struct Args {
    /// The unit: its code (e.g. SNV) or its name as in units.csv.
    #[arg(value_name = "UNIT")]
    pub unit: String,
    #[command(flatten)]
    pub year: YearArgs,
    /// Output format (default: as the --output file's extension says, else table).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the result to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// An earlier year's export (JSON, CSV or workbook of `compute`): adds the change of index
    /// and rank.
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// Deepest level of the tree shown: 1 = fields, 2 = criteria, 3 = sub-criteria (default:
    /// all).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=3))]
    pub depth: Option<u8>,
    /// How many criteria to list by points lost (0 = all that lost points).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let format = super::kind::resolve(
        "explain",
        args.format,
        args.output.as_deref(),
        Format::Table,
    )?;
    let criteria = criteria::load(args.year.criteria.as_deref())?;
    let previous = args.previous.as_deref().map(previous::read).transpose()?;
    let year = inputs::read(&args.year.dir, &criteria, args.year.read_settings())?;
    let results = stages::compute(&criteria, &year, args.year.options())?;
    let unit = find_unit(&results, &args.unit)?;
    let group = results.units[unit].group;
    let changes = previous
        .as_ref()
        .map(|p| previous::changes(&criteria, &results, &[group], p));
    let e = explain::explain(&criteria, &year, &results, unit, changes.as_ref());
    let bytes = match format {
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
        format!(
            "the units are: {}",
            results
                .units
                .iter()
                .map(|u| u.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        format!(
            "did you mean {}?",
            near.iter()
                .take(5)
                .map(|&(_, i)| format!("{} ({})", results.units[i].code, results.units[i].name))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Err(Failure::Usage(format!(
        "unknown unit {wanted:?} in this year's units.csv; {hint}"
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
