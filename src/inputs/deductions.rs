//! `deductions.csv` (optional): `unit,code,times,note` (Mã đơn vị, Mã điểm trừ, Số lần, Ghi
//! chú), one row per unit and deduction kind.

use super::table::{Column, Row, Spec, Table, cell};
use super::{Problems, ROW_NUMBER, Unit, UnitIndex, UnknownUnits, parse_count};
use crate::criteria::Criteria;
use crate::text::normalize_key;
use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeductionRow {
    /// Index of the kind in the criteria's deductions.
    pub kind: usize,
    pub times: u32,
    pub line: u32,
}

const COLUMNS: [Column; 4] = [
    Column {
        key: "unit",
        names: &["mã đơn vị", "đơn vị"],
    },
    Column {
        key: "code",
        names: &["mã điểm trừ", "điểm trừ", "loại điểm trừ"],
    },
    Column {
        key: "times",
        names: &["số lần", "lần"],
    },
    Column {
        key: "note",
        names: &["ghi chú"],
    },
];

/// The deductions file: its columns, and the names its sheet may have in a workbook.
pub const SPEC: Spec = Spec {
    role: super::DEDUCTIONS,
    sheet_names: &["điểm trừ"],
    required: &[COLUMNS[0], COLUMNS[1], COLUMNS[2]],
    optional: &[COLUMNS[3]],
    ignored: &ROW_NUMBER,
};

pub fn read(
    mut table: Table,
    criteria: &Criteria,
    index: &UnitIndex,
    units: &[Unit],
    problems: &mut Problems,
) -> Vec<Vec<DeductionRow>> {
    let mut rows: Vec<Vec<DeductionRow>> = vec![Vec::new(); units.len()];
    table.unknown_columns(
        &SPEC,
        &|_| false,
        &tr!("inputs-deductions-columns"),
        problems,
    );
    let kinds = criteria
        .deductions
        .iter()
        .map(|d| d.code.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let cols: [usize; 3] = [0, 1, 2].map(|k| table.column(k).unwrap_or_default());
    let mut unknown = UnknownUnits::default();
    let mut record = Row::new();
    while let Some(line) = table.next(&mut record, problems) {
        let (unit_text, code_text, times_text) = (
            cell(&record, cols[0]),
            cell(&record, cols[1]),
            cell(&record, cols[2]),
        );
        let Some(u) = index.get(unit_text) else {
            unknown.add(unit_text, line, cols[0]);
            continue;
        };
        let code = normalize_key(code_text);
        let Some(kind) = criteria
            .deductions
            .iter()
            .position(|d| d.code.eq_ignore_ascii_case(&code))
        else {
            problems.push(
                table
                    .at(
                        line,
                        cols[1],
                        tr!("inputs-unknown-deduction", code = code.as_str()),
                    )
                    .subject(tr!("common-subject-unit", unit = unit_text))
                    .hint(tr!("inputs-unknown-deduction-hint", kinds = kinds.as_str())),
            );
            continue;
        };
        let subject = || {
            tr!(
                "inputs-subject-deduction",
                unit = unit_text,
                code = code.as_str()
            )
        };
        let Some(times) = parse_count(times_text) else {
            problems.push(
                table
                    .at(line, cols[2], tr!("inputs-not-times", text = times_text))
                    .subject(subject())
                    .hint(tr!("inputs-not-times-hint")),
            );
            continue;
        };
        if let Some(first) = rows[u].iter().find(|r| r.kind == kind) {
            problems.push(
                table
                    .at(line, cols[1], tr!("inputs-row-twice", first = first.line))
                    .subject(subject())
                    .hint(tr!("inputs-deduction-twice-hint")),
            );
            continue;
        }
        rows[u].push(DeductionRow {
            kind,
            times,
            line: line as u32,
        });
    }
    unknown.report(&table, index, units, problems);
    for r in &mut rows {
        r.sort_by_key(|d| d.kind);
    }
    rows
}
