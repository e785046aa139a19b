//! `units.csv`: `code,name,group` (Mã đơn vị, Tên đơn vị, Nhóm), one row per unit.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use super::table::{Column, Row, Spec, Table, cell};
use super::{Problems, ROW_NUMBER};
use crate::criteria::Criteria;
use crate::error::Failure;
use crate::text::normalize_key;
use crate::tr;

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

const COLUMNS: [Column; 3] = [
    Column {
        key: "code",
        names: &["mã đơn vị", "mã"],
    },
    Column {
        key: "name",
        names: &["tên đơn vị", "tên"],
    },
    Column {
        key: "group",
        names: &["nhóm", "nhóm đơn vị"],
    },
];

/// The units file: its columns, and the names its sheet may have in a workbook.
pub const SPEC: Spec = Spec {
    role: super::UNITS,
    sheet_names: &["đơn vị", "danh sách đơn vị"],
    required: &COLUMNS,
    optional: &[],
    ignored: &ROW_NUMBER,
};

/// The units, in code order, and the codes of rows refused (not to be reported again elsewhere).
pub fn read(
    mut table: Table,
    criteria: &Criteria,
    problems: &mut Problems,
) -> (Vec<Unit>, HashSet<String>) {
    let mut refused = HashSet::new();
    table.unknown_columns(&SPEC, &|_| false, &tr!("inputs-units-columns"), problems);
    let groups = criteria
        .groups
        .iter()
        .map(|g| g.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let cols: [usize; 3] = [0, 1, 2].map(|k| table.column(k).unwrap_or_default());
    let mut units: BTreeMap<String, Unit> = BTreeMap::new();
    let mut record = Row::new();
    while let Some(line) = table.next(&mut record, problems) {
        let (code, name, group) = (
            cell(&record, cols[0]),
            cell(&record, cols[1]),
            cell(&record, cols[2]),
        );
        let code = normalize_key(code);
        if code.is_empty() {
            problems.push(
                table
                    .at(line, cols[0], tr!("inputs-unit-code-empty"))
                    .hint(tr!("inputs-unit-code-empty-hint")),
            );
            continue;
        }
        let subject = tr!("common-subject-unit", unit = code.as_str());
        let Some(g) = criteria
            .groups
            .iter()
            .position(|g| g.id.eq_ignore_ascii_case(group.trim()))
        else {
            problems.push(
                table
                    .at(line, cols[2], tr!("inputs-unknown-group", group = group))
                    .subject(subject)
                    .hint(tr!("inputs-unknown-group-hint", groups = groups.as_str())),
            );
            refused.insert(code);
            continue;
        };
        if let Some(first) = units.get(&code) {
            problems.push(
                table
                    .at(line, cols[0], tr!("inputs-unit-twice", first = first.line))
                    .subject(subject)
                    .hint(tr!("inputs-unit-twice-hint")),
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
            table
                .problem(0, 0, tr!("inputs-no-unit"))
                .hint(tr!("inputs-no-unit-hint")),
        );
    }
    (units.into_values().collect(), refused)
}

/// The units of a units file, or of a year's folder holding one, or else of `builtin` (a name
/// for messages and the text of a units CSV): every problem reported together.
pub fn read_file(
    path: Option<&Path>,
    builtin: (&str, &'static str),
    criteria: &Criteria,
) -> Result<Vec<Unit>, Failure> {
    let mut problems = Problems::default();
    let table = match path {
        None => Table::from_text(builtin.0, builtin.1, &SPEC, &mut problems),
        Some(path) => {
            let file = match path.is_dir() {
                true => super::table::find(path, super::UNITS)
                    .map_err(|p| Failure::Input(vec![p]))?
                    .ok_or_else(|| {
                        Failure::io(
                            tr!("inputs-cannot-read-units-of", folder = path),
                            std::io::Error::new(
                                std::io::ErrorKind::NotFound,
                                tr!("inputs-no-units-file"),
                            ),
                        )
                    })?,
                false => path.to_path_buf(),
            };
            if !file.is_file() {
                return Err(Failure::io(
                    tr!("inputs-cannot-read", file = file.as_path()),
                    std::io::Error::new(std::io::ErrorKind::NotFound, tr!("inputs-no-such-file")),
                ));
            }
            let name = file.display().to_string();
            Table::open(&file, &name, &SPEC, Default::default(), &mut problems)?
        }
    };
    let units = match table {
        Some(table) => read(table, criteria, &mut problems).0,
        None => Vec::new(),
    };
    problems.into_result()?;
    Ok(units)
}
