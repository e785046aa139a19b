//! `self-assessment.csv`: `unit,criterion,self,appraised,value,note`, one row per unit and
//! `appraisal` leaf. Points are checked against the leaf's maximum and its rule here, so that
//! every such problem is reported with its line before anything is computed.

use rust_decimal::Decimal;

use super::table::{Row, Sheet};
use super::{Columns, Problems, Unit, UnitIndex, unknown_columns};
use crate::criteria::{Criteria, Measure, Node, Rule, Source};
use crate::error::Problem;
use crate::text::{fold, normalize_key};

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
    pub line: u32,
}

const COLUMNS: [&str; 6] = ["unit", "criterion", "self", "appraised", "value", "note"];

pub fn read(
    mut sheet: Sheet,
    criteria: &Criteria,
    units: &[Unit],
    index: &UnitIndex,
    problems: &mut Problems,
) -> Vec<Vec<Option<AppraisalRow>>> {
    let mut rows = empty(criteria, units);
    let slots = slots(criteria);
    let Some(cols) = Columns::find(&sheet, &COLUMNS[..4], &COLUMNS[4..], problems) else {
        return rows;
    };
    unknown_columns(
        &sheet,
        &|h| COLUMNS.iter().any(|k| h.eq_ignore_ascii_case(k)),
        problems,
        "the columns are unit, criterion, self, appraised, value, note; hint columns start with #",
    );
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
    while let Some(line) = sheet.next(&mut record, problems) {
        let cell = |k: usize| cols.at(k).map_or("", |c| Sheet::cell(&record, c));
        let (unit_text, criterion_text) = (cell(0), cell(1));
        let at = |k: usize, message: String| {
            Problem::new(
                &sheet.name,
                line as usize,
                cols.at(k).map_or(0, |c| c + 1),
                message,
            )
            .column_name(COLUMNS[k])
        };
        let Some(u) = unit_of.get(unit_text) else {
            if index.report_unknown(unit_text, &sheet.name) {
                problems.push(at(0, format!("unknown unit {unit_text:?}")).hint(
                    near_units(unit_text, units).unwrap_or("list the unit in units.csv".into()),
                ));
            }
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
                    format!(
                        "unknown criterion {criterion_text:?} for a {} unit",
                        group.id
                    ),
                )
                .subject(format!("unit {}", unit.code))
                .hint("criterion codes are those of `par-index criteria`, e.g. 1.2.1"),
            );
            continue;
        };
        last_node = ni;
        let node = &group.nodes[ni];
        let subject = || format!("unit {}, criterion {}", unit.code, node.code);
        if !node.is_leaf() || node.source != Some(Source::Appraisal) {
            let why = if !node.is_leaf() {
                "it has sub-criteria: give one row per sub-criterion".to_string()
            } else {
                format!(
                    "it is scored by {}, not by appraisal",
                    node.source.map_or("?", |s| s.label())
                )
            };
            problems.push(
                at(
                    1,
                    format!(
                        "criterion {} takes no self-assessment row: {why}",
                        node.code
                    ),
                )
                .subject(subject()),
            );
            continue;
        }
        let slot = slots[unit.group][ni].expect("an appraisal leaf has a slot") as usize;
        if let Some(first) = &rows[u][slot] {
            problems.push(
                at(1, format!("duplicate row (first at line {})", first.line))
                    .subject(subject())
                    .hint("one row per unit and criterion"),
            );
            continue;
        }
        let mut bad = false;
        let mut entry = |k: usize, problems: &mut Problems| {
            let text = cell(k);
            match parse_entry(text) {
                None => {
                    problems.push(at(k, format!("{text:?} is not points")).subject(subject()).hint(
                        "write points such as 1.5 or 1,5; N/A or KĐG when the criterion does not apply; or leave empty",
                    ));
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
        if bad {
            problems.mark(u, Some(ni));
            continue;
        }
        rows[u][slot] = Some(AppraisalRow {
            self_points,
            appraised,
            value,
            line: line as u32,
        });
    }
    rows
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
        return Some(format!(
            "{} points is outside [0, {}]",
            p.normalize(),
            node.max.normalize()
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
    Some(format!(
        "{} points is not a value the rule gives (allowed: {}; rule: {})",
        p.normalize(),
        allowed
            .iter()
            .map(|d| d.normalize().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        node.rule
            .as_ref()
            .map(|r| r.describe(node.max))
            .unwrap_or_default()
    ))
}

/// The measured value of a row, read for the leaf's rule.
pub fn parse_value(node: &Node, text: &str) -> Result<Value, String> {
    let rule = node.rule.as_ref().expect("appraisal leaves have a rule");
    match rule {
        Rule::Free { .. } => Err(format!(
            "criterion {} is scored by free points: enter them in self or appraised, not a value",
            node.code
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
                    format!(
                        "{text:?} is not a level of this criterion (levels: {})",
                        levels
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
            .ok_or_else(|| format!("{text:?} is not a count (a whole number of times, 0 or more)")),
        Rule::Bands {
            on: Measure::Percent,
            ..
        }
        | Rule::Proportional => {
            let pct = parse_rate(text).ok_or_else(|| {
                format!(
                    "{text:?} is not a percentage (write 85, 85%, 85,5 or a ratio such as 17/20)"
                )
            })?;
            if pct.is_sign_negative() && !pct.is_zero() {
                return Err(format!("{text:?}: a percentage cannot be negative"));
            }
            if crate::decimal::cmp(pct, Decimal::ONE_HUNDRED).is_gt()
                && matches!(rule, Rule::Bands { .. })
            {
                return Err(format!("{text:?}: a percentage above 100"));
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

/// "did you mean …" for an unknown unit code.
pub(crate) fn near_units(code: &str, units: &[Unit]) -> Option<String> {
    let code = normalize_key(code).to_lowercase();
    let mut near: Vec<(f64, &Unit)> = units
        .iter()
        .map(|u| (strsim::jaro_winkler(&code, &u.code.to_lowercase()), u))
        .filter(|(s, _)| *s > 0.8)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.code.cmp(&b.1.code)));
    (!near.is_empty()).then(|| {
        format!(
            "did you mean {}? Otherwise list the unit in units.csv",
            near.iter()
                .take(3)
                .map(|(_, u)| u.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}
