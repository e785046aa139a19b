//! `deductions.csv` (optional): `unit,code,times,note`, one row per unit and deduction kind.

use super::table::{Row, Sheet};
use super::{Columns, Problems, UnitIndex, parse_count, unknown_columns};
use crate::criteria::Criteria;
use crate::error::Problem;
use crate::text::normalize_key;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeductionRow {
    /// Index of the kind in the criteria's deductions.
    pub kind: usize,
    pub times: u32,
    pub line: u32,
}

const COLUMNS: [&str; 4] = ["unit", "code", "times", "note"];

pub fn read(
    mut sheet: Sheet,
    criteria: &Criteria,
    index: &UnitIndex,
    units: usize,
    problems: &mut Problems,
) -> Vec<Vec<DeductionRow>> {
    let mut rows: Vec<Vec<DeductionRow>> = vec![Vec::new(); units];
    let Some(cols) = Columns::find(&sheet, &COLUMNS[..3], &COLUMNS[3..], problems) else {
        return rows;
    };
    unknown_columns(
        &sheet,
        &|h| COLUMNS.iter().any(|k| h.eq_ignore_ascii_case(k)),
        problems,
        "the columns are unit, code, times, note",
    );
    let kinds = criteria
        .deductions
        .iter()
        .map(|d| d.code.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut record = Row::new();
    while let Some(line) = sheet.next(&mut record, problems) {
        let at = |k: usize, message: String| {
            Problem::new(
                &sheet.name,
                line as usize,
                cols.at(k).map_or(0, |c| c + 1),
                message,
            )
            .column_name(COLUMNS[k])
        };
        let cell = |k: usize| Sheet::cell(&record, cols.at(k).expect("required"));
        let (unit_text, code_text, times_text) = (cell(0), cell(1), cell(2));
        let Some(u) = index.get(unit_text) else {
            if index.report_unknown(unit_text, &sheet.name) {
                problems.push(
                    at(0, format!("unknown unit {unit_text:?}")).hint("list the unit in units.csv"),
                );
            }
            continue;
        };
        let code = normalize_key(code_text);
        let Some(kind) = criteria
            .deductions
            .iter()
            .position(|d| d.code.eq_ignore_ascii_case(&code))
        else {
            problems.push(
                at(1, format!("unknown deduction kind {code:?}"))
                    .subject(format!("unit {unit_text}"))
                    .hint(format!("the criteria define: {kinds}")),
            );
            continue;
        };
        let Some(times) = parse_count(times_text) else {
            problems.push(
                at(2, format!("{times_text:?} is not a number of times"))
                    .subject(format!("unit {unit_text}, deduction {code}"))
                    .hint("a whole number, 0 or more"),
            );
            continue;
        };
        if let Some(first) = rows[u].iter().find(|r| r.kind == kind) {
            problems.push(
                at(1, format!("duplicate row (first at line {})", first.line))
                    .subject(format!("unit {unit_text}, deduction {code}"))
                    .hint("one row per unit and deduction kind: add up the times"),
            );
            continue;
        }
        rows[u].push(DeductionRow {
            kind,
            times,
            line: line as u32,
        });
    }
    for r in &mut rows {
        r.sort_by_key(|d| d.kind);
    }
    rows
}
