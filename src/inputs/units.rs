//! `units.csv`: `code,name,group`, one row per unit.

use std::collections::{BTreeMap, HashSet};

use super::table::{Row, Sheet};
use super::{Columns, Problems, unknown_columns};
use crate::criteria::Criteria;
use crate::error::Problem;
use crate::text::normalize_key;

/// A department or district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub code: String,
    pub name: String,
    /// Index of its group in the criteria.
    pub group: usize,
    /// Line in units.csv.
    pub line: usize,
}

/// The units, in code order, and the codes of rows refused (not to be reported again elsewhere).
pub fn read(
    mut sheet: Sheet,
    criteria: &Criteria,
    problems: &mut Problems,
) -> (Vec<Unit>, HashSet<String>) {
    let mut refused = HashSet::new();
    let Some(cols) = Columns::find(&sheet, &["code", "name", "group"], &[], problems) else {
        return (Vec::new(), refused);
    };
    unknown_columns(
        &sheet,
        &|h| {
            ["code", "name", "group"]
                .iter()
                .any(|k| h.eq_ignore_ascii_case(k))
        },
        problems,
        "units.csv has the columns code, name, group",
    );
    let groups = criteria
        .groups
        .iter()
        .map(|g| g.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut units: BTreeMap<String, Unit> = BTreeMap::new();
    let mut record = Row::new();
    while let Some(line) = sheet.next(&mut record, problems) {
        let cell = |i: usize| Sheet::cell(&record, cols.at(i).expect("required"));
        let (code, name, group) = (cell(0), cell(1), cell(2));
        let code = normalize_key(code);
        let at = |col: usize, message: String| {
            Problem::new(
                &sheet.name,
                line as usize,
                cols.at(col).expect("required") + 1,
                message,
            )
            .column_name(["code", "name", "group"][col])
        };
        if code.is_empty() {
            problems.push(
                at(0, "the unit code is empty".into())
                    .hint("give every unit a short code, e.g. SNV"),
            );
            continue;
        }
        let Some(g) = criteria
            .groups
            .iter()
            .position(|g| g.id.eq_ignore_ascii_case(group.trim()))
        else {
            problems.push(
                at(2, format!("unknown group {group:?}"))
                    .subject(format!("unit {code}"))
                    .hint(format!("the criteria define the groups {groups}")),
            );
            refused.insert(code);
            continue;
        };
        if let Some(first) = units.get(&code) {
            problems.push(
                at(0, format!("duplicate unit (first at line {})", first.line))
                    .subject(format!("unit {code}"))
                    .hint("each unit has one row"),
            );
            continue;
        }
        units.insert(
            code.clone(),
            Unit {
                code,
                name: normalize_key(name),
                group: g,
                line: line as usize,
            },
        );
    }
    if units.is_empty() && problems.is_empty() {
        problems.push(
            Problem::new(&sheet.name, 0, 0, "no unit is listed")
                .hint("one row per unit: code,name,group"),
        );
    }
    (units.into_values().collect(), refused)
}
