//! `self-assessment.csv`: `unit,criterion,self,appraised,value,note` (Mã đơn vị, Tiêu chí, Tự
//! chấm, Thẩm định, Giá trị, Ghi chú), one row per unit and `appraisal` leaf. Points are checked
//! against the leaf's maximum and its rule here, so that every such problem is reported with
//! its line before anything is computed.

use rust_decimal::Decimal;

use super::table::{Column, Row, Spec, Table, cell};
use super::{Problems, Unit, UnitIndex, UnknownUnits};
use crate::criteria::{Criteria, Measure, Node, Rule, Source};
use crate::text::{fold, normalize_key};
use crate::tr;

/// Points as entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Empty,
    /// `N/A` or `KĐG` (không đánh giá): the leaf does not apply to the unit.
    NotApplicable,
    Points(Decimal),
}

/// A measured value, read for the leaf's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A percentage (for `bands` on percent and `proportional`) or a count.
    Number(Decimal),
    /// The index of a named level.
    Level(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppraisalRow {
    pub self_points: Entry,
    pub appraised: Entry,
    pub value: Option<Value>,
    /// The value is a percentage written as a plain number of at most 1 (`0.999`): most often
    /// a fraction from a spreadsheet (99.9%), said in a warning.
    pub small_percentage: bool,
    pub line: u32,
}

const COLUMNS: [Column; 6] = [
    Column {
        key: "unit",
        names: &["mã đơn vị", "đơn vị"],
    },
    Column {
        key: "criterion",
        names: &["tiêu chí", "mã tiêu chí"],
    },
    Column {
        key: "self",
        names: &["tự chấm", "điểm tự chấm", "tự đánh giá", "điểm tự đánh giá"],
    },
    Column {
        key: "appraised",
        names: &["thẩm định", "điểm thẩm định"],
    },
    Column {
        key: "value",
        names: &["giá trị"],
    },
    Column {
        key: "note",
        names: &["ghi chú"],
    },
];

/// The self-assessment file: its columns (those a form shows its reader beside them are not
/// read), and the names its sheet may have in a workbook.
pub const SPEC: Spec = Spec {
    role: super::SELF_ASSESSMENT,
    sheet_names: &["tự đánh giá", "tự chấm", "chấm điểm"],
    required: &[COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3]],
    optional: &[COLUMNS[4], COLUMNS[5]],
    ignored: &[
        "stt",
        "tt",
        "số tt",
        "số thứ tự",
        "tên đơn vị",
        "tên tiêu chí",
        "điểm tối đa",
        "cách chấm",
        "cách nhập giá trị",
    ],
};

pub fn read(
    mut table: Table,
    criteria: &Criteria,
    units: &[Unit],
    index: &UnitIndex,
    problems: &mut Problems,
) -> Vec<Vec<Option<AppraisalRow>>> {
    let mut rows = empty(criteria, units);
    let slots = slots(criteria);
    table.unknown_columns(
        &SPEC,
        &|_| false,
        &tr!("inputs-self-assessment-columns"),
        problems,
    );
    let cols: [Option<usize>; 6] = std::array::from_fn(|k| table.column(k));
    // Rows come leaf after leaf: the next row's criterion is looked for a few nodes further
    // down the tree before the hash table is asked.
    let codes: Vec<Vec<String>> = criteria
        .groups
        .iter()
        .map(|g| g.nodes.iter().map(|n| n.code.to_string()).collect())
        .collect();
    let mut last_node = 0;
    let mut record = Row::new();
    let mut unit_of = index.cached();
    let mut unknown = UnknownUnits::default();
    while let Some(line) = table.next(&mut record, problems) {
        let cell = |k: usize| cols[k].map_or("", |c| cell(&record, c));
        let (unit_text, criterion_text) = (cell(0), cell(1));
        // (the column named as the file's header names it)
        let at = |k: usize, message: String| match cols[k] {
            Some(c) => table.at(line, c, message),
            None => table.problem(line, 0, message).column_name(COLUMNS[k].key),
        };
        let Some(u) = unit_of.get(unit_text) else {
            unknown.add(unit_text, line, cols[0].unwrap_or_default());
            continue;
        };
        let unit = &units[u];
        let group = &criteria.groups[unit.group];
        let codes = &codes[unit.group];
        let found = (last_node + 1..codes.len().min(last_node + 4))
            .find(|&i| codes[i] == criterion_text)
            .or_else(|| group.node_index(criterion_text));
        let Some(ni) = found else {
            problems.push(
                at(
                    1,
                    tr!(
                        "inputs-unknown-criterion",
                        criterion = criterion_text,
                        group = group.id.as_str()
                    ),
                )
                .subject(tr!("common-subject-unit", unit = unit.code.as_str()))
                .hint(tr!("inputs-unknown-criterion-hint")),
            );
            continue;
        };
        last_node = ni;
        let node = &group.nodes[ni];
        let subject = || {
            tr!(
                "common-subject-unit-criterion",
                unit = unit.code.as_str(),
                criterion = node.code.to_string()
            )
        };
        if !node.is_leaf() || node.source != Some(Source::Appraisal) {
            let why = if !node.is_leaf() {
                tr!("inputs-not-a-leaf")
            } else {
                tr!(
                    "inputs-not-appraisal",
                    source = node.source.map_or("?".to_string(), |s| s.name())
                )
            };
            problems.push(
                at(
                    1,
                    tr!(
                        "inputs-takes-no-row",
                        criterion = node.code.to_string(),
                        why = why
                    ),
                )
                .subject(subject()),
            );
            continue;
        }
        let slot = slots[unit.group][ni].expect("an appraisal leaf has a slot") as usize;
        if let Some(first) = &rows[u][slot] {
            problems.push(
                at(1, tr!("inputs-row-twice", first = first.line))
                    .subject(subject())
                    .hint(tr!("inputs-row-twice-hint")),
            );
            continue;
        }
        let mut bad = false;
        let mut entry = |k: usize, problems: &mut Problems| {
            let text = cell(k);
            match parse_entry(text) {
                None => {
                    problems.push(
                        at(k, tr!("inputs-not-points", text = text))
                            .subject(subject())
                            .hint(tr!("inputs-not-points-hint")),
                    );
                    bad = true;
                    Entry::Empty
                }
                Some(Entry::Points(p)) => {
                    if let Some(message) = points_problem(node, p) {
                        problems.push(at(k, message).subject(subject()));
                        bad = true;
                    }
                    Entry::Points(p)
                }
                Some(e) => e,
            }
        };
        let self_points = entry(2, problems);
        let appraised = entry(3, problems);
        let value_text = cell(4);
        let value = if value_text.is_empty() {
            None
        } else {
            match parse_value(node, value_text) {
                Ok(v) => Some(v),
                Err(message) => {
                    problems.push(at(4, message).subject(subject()));
                    bad = true;
                    None
                }
            }
        };
        // a value no band holds is scored by no rule: the points must be given
        if let (Some(Value::Number(v)), Some(rule @ Rule::Bands { .. })) = (value, &node.rule)
            && rule.band_points(v).is_none()
            && self_points == Entry::Empty
            && appraised == Entry::Empty
        {
            problems.push(
                at(
                    4,
                    tr!(
                        "inputs-value-outside-bands",
                        value = match value_text.ends_with('%') {
                            true => value_text.to_string(),
                            false => format!("{value_text}%"),
                        }
                    ),
                )
                .subject(subject())
                .hint(tr!("inputs-value-outside-bands-hint")),
            );
            bad = true;
        }
        if bad {
            problems.mark(u, Some(ni));
            continue;
        }
        rows[u][slot] = Some(AppraisalRow {
            self_points,
            appraised,
            value,
            small_percentage: small_percentage(node, value, value_text),
            line: line as u32,
        });
    }
    unknown.report(&table, index, units, problems);
    rows
}

/// Whether a value read as a percentage was written as a plain number above 0 and at most 1
/// (`0.999`, `1`; not `0.999%` nor `17/20`): most often a spreadsheet's fraction for 99.9%.
fn small_percentage(node: &Node, value: Option<Value>, text: &str) -> bool {
    let reads_percent = matches!(
        node.rule,
        Some(Rule::Bands {
            on: Measure::Percent,
            ..
        }) | Some(Rule::Proportional)
    );
    reads_percent
        && matches!(value, Some(Value::Number(v)) if v > Decimal::ZERO && v <= Decimal::ONE)
        && !text.contains(['%', '/'])
}

/// Per group, per node index: the node's place among the group's appraisal leaves, where
/// rows are kept (a row per appraisal leaf, not per node).
pub fn slots(criteria: &Criteria) -> Vec<Vec<Option<u32>>> {
    criteria
        .groups
        .iter()
        .map(|g| {
            let mut next = 0;
            g.nodes
                .iter()
                .map(|n| {
                    (n.is_leaf() && n.source == Some(Source::Appraisal)).then(|| {
                        next += 1;
                        next - 1
                    })
                })
                .collect()
        })
        .collect()
}

/// No row yet for any unit and appraisal leaf.
pub fn empty(criteria: &Criteria, units: &[Unit]) -> Vec<Vec<Option<AppraisalRow>>> {
    let slots = slots(criteria);
    units
        .iter()
        .map(|u| vec![None; slots[u.group].iter().flatten().count()])
        .collect()
}

/// Points, N/A, or empty; `None` when the text is none of these.
pub fn parse_entry(text: &str) -> Option<Entry> {
    if text.is_empty() {
        return Some(Entry::Empty);
    }
    if let Some(points) = crate::decimal::parse(text) {
        return Some(Entry::Points(points));
    }
    let folded = fold(text);
    ["n/a", "na", "kđg", "kdg", "không đánh giá"]
        .contains(&folded.as_str())
        .then_some(Entry::NotApplicable)
}

/// Why entered points do not fit the leaf, if they do not; `p` as [`parse_entry`] reads it
/// (without trailing zeros).
pub(crate) fn points_problem(node: &Node, p: Decimal) -> Option<String> {
    if p.is_sign_negative() && !p.is_zero() || crate::decimal::cmp(p, node.max).is_gt() {
        return Some(tr!(
            "inputs-points-outside",
            points = p.normalize(),
            max = node.max.normalize()
        ));
    }
    // Points typed and the criteria's values are both without trailing zeros (`parse` and the
    // criteria loader normalize them): equal values are equal digit for digit, which is much
    // cheaper to compare than decimals at two scales.
    let same = |a: &Decimal| a.mantissa() == p.mantissa() && a.scale() == p.scale();
    let fits = match &node.rule {
        Some(Rule::Free { allowed: Some(a) }) => a.iter().any(same),
        Some(Rule::Levels { levels }) => levels.iter().any(|l| same(&l.points)),
        Some(Rule::Bands { bands, .. }) => bands.iter().any(|b| same(&b.points)),
        _ => true,
    };
    if fits {
        return None;
    }
    let mut allowed: Vec<Decimal> = match &node.rule {
        Some(Rule::Free { allowed: Some(a) }) => a.clone(),
        Some(Rule::Levels { levels }) => levels.iter().map(|l| l.points).collect(),
        Some(Rule::Bands { bands, .. }) => bands.iter().map(|b| b.points).collect(),
        _ => Vec::new(),
    };
    allowed.dedup();
    Some(tr!(
        "inputs-points-not-allowed",
        points = p.normalize(),
        allowed = allowed
            .iter()
            .map(|d| d.normalize().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        rule = node
            .rule
            .as_ref()
            .map(|r| r.describe_in(crate::i18n::lang(), node.max))
            .unwrap_or_default()
    ))
}

/// The measured value of a row, read for the leaf's rule. A percentage above 100 is read as
/// written: bands open upwards score it, a proportional rule caps the rate at 100%, and a
/// value that no band holds is reported by the reader (see `read`).
pub fn parse_value(node: &Node, text: &str) -> Result<Value, String> {
    let rule = node.rule.as_ref().expect("appraisal leaves have a rule");
    match rule {
        Rule::Free { .. } => Err(tr!(
            "inputs-value-for-free-points",
            criterion = node.code.to_string()
        )),
        Rule::Levels { levels } => {
            if let Some(i) = levels.iter().position(|l| l.name == text) {
                return Ok(Value::Level(i as u32));
            }
            let f = fold(text);
            levels
                .iter()
                .position(|l| l.key == f)
                .map(|i| Value::Level(i as u32))
                .ok_or_else(|| {
                    tr!(
                        "inputs-not-a-level",
                        text = text,
                        levels = levels
                            .iter()
                            .map(|l| l.name.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    )
                })
        }
        Rule::Bands {
            on: Measure::Count, ..
        } => super::parse_count(text)
            .map(|n| Value::Number(Decimal::from(n)))
            .ok_or_else(|| tr!("inputs-not-a-count", text = text)),
        Rule::Bands {
            on: Measure::Percent,
            ..
        }
        | Rule::Proportional => {
            let pct =
                parse_rate(text).ok_or_else(|| tr!("inputs-not-a-percentage", text = text))?;
            if pct.is_sign_negative() && !pct.is_zero() {
                return Err(tr!("inputs-negative-percentage", text = text));
            }
            Ok(Value::Number(pct))
        }
    }
}

/// A percentage written as `85`, `85%`, `85,5` or a ratio `17/20` (= 85).
fn parse_rate(text: &str) -> Option<Decimal> {
    if let Some((a, b)) = text.split_once('/') {
        let a = crate::decimal::parse(a)?;
        let b = crate::decimal::parse(b)?;
        if b <= Decimal::ZERO || a < Decimal::ZERO {
            return None;
        }
        return a.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(b);
    }
    crate::decimal::parse_percent(text)
}

/// What to do about an unknown unit code: "did you mean …", or list it in units.csv.
pub(crate) fn near_units(code: &str, units: &[Unit]) -> String {
    let code = normalize_key(code).to_lowercase();
    let mut near: Vec<(f64, &Unit)> = units
        .iter()
        .map(|u| (strsim::jaro_winkler(&code, &u.code.to_lowercase()), u))
        .filter(|(s, _)| *s > 0.8)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.code.cmp(&b.1.code)));
    match near.is_empty() {
        true => tr!("inputs-list-the-unit"),
        false => tr!(
            "inputs-did-you-mean-unit",
            codes = near
                .iter()
                .take(3)
                .map(|(_, u)| u.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
