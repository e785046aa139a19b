//! `par-index check`: validate a year's folder against the criteria, without publishing
//! anything; every problem of every file at once, grouped by file.

use std::fmt::Write as _;

use crate::cmd::compute::YearArgs;
use crate::error::{Problem, exit};
use crate::inputs;
use crate::output;
use crate::stages;
use crate::tr;

// Its help (about, examples) is in locales/*/cli.ftl, cli-check-*.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub year: YearArgs,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let criteria = crate::inputs::criteria_workbook::load(args.year.criteria.as_deref())?;
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

fn render(
    dir: &str,
    year: &inputs::Year,
    problems: &[Problem],
    warnings: &[stages::Warning],
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr!("reports-check-units", dir = dir, count = year.units.len())
    );
    let mut file = None;
    for p in problems {
        if file != Some(&p.file) {
            let n = problems
                .iter()
                .filter(|q| q.file == p.file)
                .map(|q| q.more.max(1))
                .sum::<usize>();
            let _ = writeln!(out, "\n{} — {}", p.file, tr!("common-problems", count = n));
            file = Some(&p.file);
        }
        let mut at = Vec::new();
        if let Some(sheet) = &p.sheet {
            // a workbook's cell as Excel names it: so!D12
            let place = crate::error::place("", Some(sheet), p.line, p.column);
            at.push(place.trim_start_matches(':').to_string());
        } else {
            if p.line > 0 {
                at.push(tr!("reports-check-line", line = p.line));
            }
            if p.column > 0 {
                at.push(tr!("reports-check-column", column = p.column));
            }
        }
        if let Some(name) = &p.column_name {
            at.push(format!("({name})"));
        }
        let mut line = String::from("  ");
        if !at.is_empty() {
            let _ = write!(line, "{}: ", at.join(" "));
        }
        if let Some(s) = &p.subject {
            let _ = write!(line, "{s}: ");
        }
        line.push_str(&p.message);
        let _ = writeln!(out, "{line}");
        if let Some(h) = &p.hint {
            let _ = writeln!(out, "      → {h}");
        }
    }
    if !warnings.is_empty() {
        let _ = writeln!(
            out,
            "\n{}:",
            tr!("reports-check-warnings", count = warnings.len())
        );
        for w in warnings {
            let _ = writeln!(out, "  {w}");
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        if problems.is_empty() {
            tr!("reports-check-clean")
        } else {
            tr!(
                "reports-check-found",
                problems = crate::error::count(problems)
            )
        }
    );
    out
}
