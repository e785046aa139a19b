//! `sipas-results.csv` (or a workbook): the satisfaction survey as the survey contractor
//! delivers it, in place of the questionnaires (`sipas-survey.csv`): per unit the number of
//! valid questionnaires and each element's index in %, and optionally the unit's index
//! (docs/method.md §6, "The survey delivered as results"). Columns: `unit` (Mã đơn vị), `valid` (Số
//! phiếu hợp lệ), one per element of the questionnaire, named by its code (`TC`) or its name
//! (`Tiếp cận dịch vụ`), and `index` (Chỉ số hài lòng), optional. Every figure is taken as
//! exact as written.

use rust_decimal::Decimal;

use super::table::{Column, Row, Spec, Table, cell, fold_name, is_comment_column};
use super::{Problems, Unit, UnitIndex, UnknownUnits, parse_count};
use crate::criteria::Criteria;
use crate::tr;

/// The results delivered for each unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// Per unit: its row's line, when the file has one.
    pub line: Vec<Option<u32>>,
    /// Per unit, per element of the questionnaire: the element's index, where given.
    pub elements: Vec<Vec<Option<Decimal>>>,
    /// Per unit: the unit's index, where given.
    pub index: Vec<Option<Decimal>>,
}

const COLUMNS: [Column; 3] = [
    Column {
        key: "unit",
        names: &["mã đơn vị", "đơn vị"],
    },
    Column {
        key: "valid",
        names: &["số phiếu hợp lệ", "phiếu hợp lệ", "số phiếu"],
    },
    Column {
        key: "index",
        names: &["chỉ số hài lòng", "chỉ số", "sipas"],
    },
];

/// The results file: its columns (then one per element), and the names its sheet may have in
/// a workbook.
pub const SPEC: Spec = Spec {
    role: super::SIPAS_RESULTS,
    sheet_names: &["kết quả khảo sát", "kết quả hài lòng", "kết quả"],
    required: &[COLUMNS[0], COLUMNS[1]],
    optional: &[COLUMNS[2]],
    // (not "TT", a row's number elsewhere: the code of an element here)
    ignored: &["stt", "số tt", "số thứ tự", "tên đơn vị"],
};

/// Reads the delivered results into `valid` (per unit) and the figures.
pub fn read(
    mut table: Table,
    criteria: &Criteria,
    index: &UnitIndex,
    units: &[Unit],
    valid: &mut [u32],
    problems: &mut Problems,
) -> Delivered {
    let elements = &criteria.sipas.elements;
    let mut delivered = Delivered {
        line: vec![None; units.len()],
        elements: vec![vec![None; elements.len()]; units.len()],
        index: vec![None; units.len()],
    };
    let [c_unit, c_valid] = [0, 1].map(|k| table.column(k).unwrap_or_default());
    let c_index = table.column(2);
    let header = table.header_line();
    // one column per element, by its code or its name
    let mut element_col: Vec<Option<usize>> = vec![None; elements.len()];
    for (i, h) in table.headers.iter().enumerate() {
        if [Some(c_unit), Some(c_valid), c_index].contains(&Some(i))
            || is_comment_column(h)
            || SPEC.known(h)
        {
            continue;
        }
        let folded = fold_name(h);
        let found = elements
            .iter()
            .position(|e| e.code.eq_ignore_ascii_case(h) || fold_name(&e.name) == folded);
        match found {
            Some(k) if element_col[k].is_some() => problems.push(table.problem(
                header,
                i + 1,
                tr!("inputs-element-twice", element = elements[k].code.as_str()),
            )),
            Some(k) => element_col[k] = Some(i),
            None => problems.push(
                table
                    .problem(header, i + 1, tr!("inputs-unknown-element", column = h))
                    .hint(tr!(
                        "inputs-unknown-element-hint",
                        elements = element_list(criteria)
                    )),
            ),
        }
    }
    if c_index.is_none() && element_col.iter().all(Option::is_none) {
        problems.push(
            table
                .problem(header, 0, tr!("inputs-results-no-figures"))
                .hint(tr!(
                    "inputs-unknown-element-hint",
                    elements = element_list(criteria)
                )),
        );
        return delivered;
    }
    let mut unknown = UnknownUnits::default();
    let mut record = Row::new();
    while let Some(line) = table.next(&mut record, problems) {
        let unit_text = cell(&record, c_unit);
        let Some(u) = index.get(unit_text) else {
            unknown.add(unit_text, line, c_unit);
            continue;
        };
        let subject = || tr!("common-subject-unit", unit = units[u].code.as_str());
        if let Some(first) = delivered.line[u] {
            problems.push(
                table
                    .at(line, c_unit, tr!("inputs-row-twice", first = first))
                    .subject(subject())
                    .hint(tr!("inputs-results-twice-hint")),
            );
            continue;
        }
        let mut bad = false;
        let text = cell(&record, c_valid);
        match parse_count(text) {
            Some(n) => valid[u] = n,
            None => {
                problems.push(
                    table
                        .at(line, c_valid, tr!("inputs-not-a-count", text = text))
                        .subject(subject()),
                );
                bad = true;
            }
        }
        let mut percent = |col: usize, problems: &mut Problems| -> Option<Decimal> {
            let text = cell(&record, col);
            if text.is_empty() {
                return None;
            }
            let value = crate::decimal::parse_percent(text).filter(|d| {
                (!d.is_sign_negative() || d.is_zero())
                    && crate::decimal::cmp(*d, Decimal::ONE_HUNDRED).is_le()
            });
            if value.is_none() {
                problems.push(
                    table
                        .at(line, col, tr!("inputs-not-an-index", text = text))
                        .subject(subject())
                        .hint(tr!("inputs-not-an-index-hint")),
                );
                bad = true;
            }
            value.map(|d| d.normalize())
        };
        for (k, col) in element_col.iter().enumerate() {
            if let Some(col) = col {
                delivered.elements[u][k] = percent(*col, problems);
            }
        }
        if let Some(col) = c_index {
            delivered.index[u] = percent(col, problems);
        }
        if delivered.elements[u].iter().all(Option::is_none) && delivered.index[u].is_none() {
            problems.push(
                table
                    .problem(line, 0, tr!("inputs-results-row-empty"))
                    .subject(subject()),
            );
            bad = true;
        }
        if bad {
            problems.mark(u, None);
            delivered.elements[u].fill(None);
            delivered.index[u] = None;
        }
        delivered.line[u] = Some(line as u32);
    }
    unknown.report(&table, index, units, problems);
    delivered
}

/// "TC (Tiếp cận dịch vụ), TT (Thủ tục hành chính), …".
fn element_list(criteria: &Criteria) -> String {
    criteria
        .sipas
        .elements
        .iter()
        .map(|e| format!("{} ({})", e.code, e.name))
        .collect::<Vec<_>>()
        .join(", ")
}
