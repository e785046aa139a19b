//! `par-index check`: validate a year's folder against the criteria, without publishing
//! anything; every problem of every file at once, grouped by file.

use super::year::YearArgs;
use crate::error::exit;
use crate::inputs;
use crate::output;
use crate::reports::check::render;
use crate::stages;

// Its help (about, examples) is in locales/*/cli.ftl, cli-check-*.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub year: YearArgs,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let criteria = inputs::criteria_workbook::load(args.year.criteria.as_deref())?;
    let (year, read_problems) =
        inputs::read_all(&args.year.dir, &criteria, args.year.read_settings())?;
    output::notes(&read_problems.sorted_notes());
    let (results, stage_problems) = stages::compute_all(&criteria, &year, args.year.options());
    // Gaps are worth reporting only when every file was read to its end.
    let stopped = read_problems.stopped;
    let mut problems = read_problems.into_sorted();
    if !stopped {
        problems.extend(stage_problems.into_sorted());
    }
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let report = render(
        &args.year.dir.display().to_string(),
        &year,
        &problems,
        &results.warnings,
    );
    output::emit(None, report.as_bytes())?;
    Ok(if problems.is_empty() {
        exit::OK
    } else {
        exit::INPUT
    })
}
