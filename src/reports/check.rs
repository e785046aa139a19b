//! What `par-index check` says of a year's folder: its units, every problem grouped by file
//! with its place and hint, the warnings, and a last line saying whether the year is clean.

use std::fmt::Write as _;

use crate::error::Problem;
use crate::inputs;
use crate::stages;
use crate::tr;

/// The report on the year read from `dir`: `problems` sorted by file, line and column.
pub fn render(
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
