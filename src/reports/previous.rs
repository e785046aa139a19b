//! An earlier year's results, read back from what `par-index compute` exported then (the JSON,
//! the CSV of Phụ lục II or the workbook), and the change of each unit's PAR index and rank
//! since (method.md §9: "given last year's export, the change of index and rank").
//!
//! Choices, written down in the README:
//! - units are matched by code (trimmed, NFC);
//! - the change of index is this year's published index minus last year's published index, so
//!   that a reader can check it by subtracting the two annex columns;
//! - the change of rank is last year's rank minus this year's: `+2` means two places up; it is
//!   given only when the unit stayed in the same group;
//! - a unit of this year that was not in the export is *new* (`mới`); a unit of the export
//!   that is not in this year is *dropped* (`không còn`) and listed after its group's units.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::annex::{Annex, Cell};
use crate::criteria::Criteria;
use crate::decimal::{fixed, publish};
use crate::inputs::previous::{CODE, GROUP, NAME};
pub use crate::inputs::previous::{DROPPED, Previous, PreviousUnit, read};
use crate::stages::Results;

/// How a unit compares with the earlier year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In both years, in the same group.
    Compared,
    /// In both years, but in another group then: the rank is not compared.
    GroupChanged,
    /// Not in the earlier export.
    New,
}

/// The change of one unit of this year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub status: Status,
    /// Last year's published index and rank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    /// This year's published index minus last year's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_change: Option<Decimal>,
    /// Last year's rank minus this year's: positive is up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_change: Option<i64>,
}

/// The changes of a year's units against an earlier export.
#[derive(Debug, Clone)]
pub struct Changes {
    pub file: String,
    pub year: Option<i64>,
    /// By unit code, for the units of the groups shown.
    pub units: BTreeMap<String, Change>,
    /// Units of the earlier export (in the groups shown) that are not in this year, by group
    /// then rank.
    pub dropped: Vec<PreviousUnit>,
}

impl Changes {
    /// How the earlier year is named in headers: "năm 2022", or "năm trước" when the export
    /// does not say.
    pub fn label(&self) -> String {
        match self.year {
            Some(y) => format!("năm {y}"),
            None => "năm trước".into(),
        }
    }

    /// The dropped units of a group.
    pub fn dropped_in<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a PreviousUnit> {
        self.dropped.iter().filter(move |u| u.group == group)
    }
}

/// Compares this year's units of `groups` with the earlier export.
pub fn changes(
    criteria: &Criteria,
    results: &Results,
    groups: &[usize],
    previous: &Previous,
) -> Changes {
    let d = criteria.publish.decimals;
    let by_code: BTreeMap<&str, &PreviousUnit> = previous
        .units
        .iter()
        .map(|u| (u.code.as_str(), u))
        .collect();
    let mut units = BTreeMap::new();
    for u in results.units.iter().filter(|u| groups.contains(&u.group)) {
        let group = &criteria.groups[u.group].id;
        let change = match by_code.get(u.code.as_str()) {
            None => Change {
                status: Status::New,
                index: None,
                rank: None,
                index_change: None,
                rank_change: None,
            },
            Some(p) => {
                // Shown with the published decimals ("93.7" read from a CSV shows as 93.70).
                let mut before = p.index;
                if before.scale() < d {
                    before.rescale(d);
                }
                let same_group = p.group.is_empty() || p.group.eq_ignore_ascii_case(group);
                let ranked = p.rank > 0 && u.par.rank.rank > 0;
                Change {
                    status: if same_group {
                        Status::Compared
                    } else {
                        Status::GroupChanged
                    },
                    index: Some(before),
                    rank: (p.rank > 0).then_some(p.rank),
                    index_change: Some(publish(u.par.index, d) - before),
                    rank_change: (same_group && ranked)
                        .then(|| p.rank as i64 - u.par.rank.rank as i64),
                }
            }
        };
        units.insert(u.code.clone(), change);
    }
    let current: std::collections::HashSet<&str> =
        results.units.iter().map(|u| u.code.as_str()).collect();
    let shown: Vec<&str> = groups
        .iter()
        .map(|&g| criteria.groups[g].id.as_str())
        .collect();
    let mut dropped: Vec<PreviousUnit> = previous
        .units
        .iter()
        .filter(|p| !current.contains(p.code.as_str()))
        .filter(|p| shown.iter().any(|g| g.eq_ignore_ascii_case(&p.group)))
        .cloned()
        .collect();
    let group_order = |id: &str| shown.iter().position(|g| g.eq_ignore_ascii_case(id));
    dropped.sort_by(|a, b| {
        (group_order(&a.group), a.rank, &a.code).cmp(&(group_order(&b.group), b.rank, &b.code))
    });
    Changes {
        file: previous.file.clone(),
        year: previous.year,
        units,
        dropped,
    }
}

/// Header of the columns added to Phụ lục II.
pub fn headers(changes: &Changes) -> [String; 4] {
    let label = changes.label();
    [
        format!("Chỉ số CCHC {label} (%)"),
        "Tăng, giảm chỉ số".into(),
        format!("Xếp hạng {label}"),
        "Tăng, giảm xếp hạng".into(),
    ]
}

/// Adds the earlier year's index and rank and their changes to Phụ lục II, before its last
/// column (Ghi chú), and a row for each dropped unit after its group's units.
pub fn add_to_annex(annex: &mut Annex, criteria: &Criteria, groups: &[usize], changes: &Changes) {
    let Some(code_col) = annex.headers.iter().position(|h| h == CODE) else {
        return;
    };
    let name_col = annex.headers.iter().position(|h| h == NAME);
    let group_col = annex.headers.iter().position(|h| h == GROUP);
    let at = annex.headers.len().saturating_sub(1);
    for (k, h) in headers(changes).into_iter().enumerate() {
        annex.headers.insert(at + k, h);
        annex.numeric.insert(at + k, true);
    }
    let width = annex.headers.len();
    for (s, (_, rows)) in annex.sections.iter_mut().enumerate() {
        for row in rows.iter_mut() {
            let code = match row.get(code_col) {
                Some(Cell::Text(c)) => c.clone(),
                _ => String::new(),
            };
            let cells = match changes.units.get(&code) {
                Some(change) => cells(change),
                None => [Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty],
            };
            let at = row.len().saturating_sub(1);
            for (k, c) in cells.into_iter().enumerate() {
                row.insert(at + k, c);
            }
        }
        let Some(&g) = groups.get(s) else { continue };
        for p in changes.dropped_in(&criteria.groups[g].id) {
            let mut row = vec![Cell::Empty; width];
            row[code_col] = Cell::Text(p.code.clone());
            if let Some(c) = name_col {
                row[c] = Cell::Text(p.name.clone());
            }
            if let Some(c) = group_col {
                row[c] = Cell::Text(criteria.groups[g].id.clone());
            }
            row[at] = Cell::Number(p.index);
            row[at + 1] = Cell::Text(DROPPED.into());
            row[at + 2] = if p.rank > 0 {
                Cell::Int(p.rank as i64)
            } else {
                Cell::Empty
            };
            row[at + 3] = Cell::Text(DROPPED.into());
            row[width - 1] = Cell::Text(format!("không còn trong năm {}", criteria.year));
            rows.push(row);
        }
    }
}

/// How a new unit is marked in the change columns.
pub const NEW: &str = "mới";
/// How a dropped unit is marked.
/// How a unit that changed group is marked in the rank change column.
pub const GROUP_CHANGED: &str = "đổi nhóm";

fn cells(change: &Change) -> [Cell; 4] {
    match change.status {
        Status::New => [
            Cell::Empty,
            Cell::Text(NEW.into()),
            Cell::Empty,
            Cell::Text(NEW.into()),
        ],
        status => [
            change.index.map_or(Cell::Empty, Cell::Number),
            change.index_change.map_or(Cell::Empty, Cell::Number),
            change.rank.map_or(Cell::Empty, |r| Cell::Int(r as i64)),
            match (status, change.rank_change) {
                (Status::GroupChanged, _) => Cell::Text(GROUP_CHANGED.into()),
                (_, Some(r)) => Cell::Int(r),
                (_, None) => Cell::Empty,
            },
        ],
    }
}

/// Adds the changes to a `compute --format json` report: `par.previous` on each unit, and a
/// top-level `previous` with the file, its year and the dropped units.
pub fn add_to_json(report: &mut Value, changes: &Changes) {
    if let Some(units) = report.get_mut("units").and_then(Value::as_array_mut) {
        for u in units {
            let code = u
                .get("code")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            if let (Some(par), Some(change)) = (
                u.get_mut("par").and_then(Value::as_object_mut),
                changes.units.get(&code),
            ) {
                par.insert(
                    "previous".into(),
                    serde_json::to_value(change).unwrap_or(Value::Null),
                );
            }
        }
    }
    if let Some(map) = report.as_object_mut() {
        map.insert("previous".into(), summary_json(changes));
    }
}

/// The top-level `previous` object of the JSON outputs.
pub fn summary_json(changes: &Changes) -> Value {
    serde_json::json!({
        "file": changes.file,
        "year": changes.year,
        "dropped": changes.dropped,
    })
}

/// A change of index as shown: `+1.23`, `-0.50`, `0.00`.
pub fn signed(d: Decimal, decimals: u32) -> String {
    let text = fixed(d, decimals);
    if d > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

/// A change of rank as shown: `↑2`, `↓3`, `=`.
pub fn arrow(r: i64) -> String {
    match r {
        0 => "=".into(),
        r if r > 0 => format!("↑{r}"),
        r => format!("↓{}", -r),
    }
}

/// A change of rank in words, in the messages' language: "tăng 2 bậc", "giảm 3 bậc",
/// "giữ nguyên hạng".
pub fn rank_words(r: i64) -> String {
    match r {
        0 => crate::tr!("reports-rank-same"),
        r if r > 0 => crate::tr!("reports-rank-up", count = r),
        r => crate::tr!("reports-rank-down", count = -r),
    }
}

/// The comparison for the terminal: one table per group after Phụ lục II.
pub fn table(
    criteria: &Criteria,
    results: &Results,
    groups: &[usize],
    changes: &Changes,
    terminal: bool,
) -> String {
    let d = criteria.publish.decimals;
    let label = changes.label();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "So sánh Chỉ số CCHC năm {} với {label} ({})",
        criteria.year, changes.file
    );
    for &g in groups {
        let group = &criteria.groups[g];
        let _ = writeln!(out, "\n{}", group.name);
        let mut t = super::table::new(terminal);
        t.set_header(vec![
            "Hạng".to_string(),
            "Đơn vị".into(),
            "Chỉ số".into(),
            format!("Chỉ số {label}"),
            "± Chỉ số".into(),
            format!("Hạng {label}"),
            "± Hạng".into(),
        ]);
        use super::table::num;
        for u in results.by_par_rank(g) {
            let c = changes.units.get(&u.code);
            let dash = || "—".to_string();
            let (prev_index, index_change, prev_rank, rank_change) = match c {
                None => (dash(), dash(), dash(), dash()),
                Some(c) if c.status == Status::New => (dash(), NEW.into(), dash(), NEW.into()),
                Some(c) => (
                    c.index.map_or_else(dash, |v| fixed(v, d)),
                    c.index_change.map_or_else(dash, |v| signed(v, d)),
                    c.rank.map_or_else(dash, |r| r.to_string()),
                    match (c.status, c.rank_change) {
                        (Status::GroupChanged, _) => GROUP_CHANGED.into(),
                        (_, Some(r)) => arrow(r),
                        (_, None) => dash(),
                    },
                ),
            };
            t.add_row(vec![
                num(u.par.rank.rank),
                comfy_table::Cell::new(&u.name),
                num(fixed(u.par.index, d)),
                num(prev_index),
                num(index_change),
                num(prev_rank),
                num(rank_change),
            ]);
        }
        let _ = writeln!(out, "{t}");
        let dropped: Vec<String> = changes
            .dropped_in(&group.id)
            .map(|p| {
                let rank = if p.rank > 0 {
                    format!("hạng {}, ", p.rank)
                } else {
                    String::new()
                };
                format!("{} ({}; {rank}{}%)", p.name, p.code, fixed(p.index, d))
            })
            .collect();
        if !dropped.is_empty() {
            let _ = writeln!(
                out,
                "Có {label} nhưng không còn trong năm {}: {}",
                criteria.year,
                dropped.join("; ")
            );
        }
    }
    let _ = writeln!(
        out,
        "\n± Chỉ số: chỉ số công bố năm {} trừ chỉ số công bố {label}.\n± Hạng: ↑ tăng bậc, ↓ giảm bậc, = giữ nguyên.",
        criteria.year
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_arrows() {
        assert_eq!(signed(Decimal::new(123, 2), 2), "+1.23");
        assert_eq!(signed(Decimal::new(-5, 1), 2), "-0.50");
        assert_eq!(signed(Decimal::ZERO, 2), "0.00");
        assert_eq!(arrow(2), "↑2");
        assert_eq!(arrow(-3), "↓3");
        assert_eq!(arrow(0), "=");
    }
}
