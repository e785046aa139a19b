//! The changes since an earlier year as the reader sees them: columns added to Phụ lục II
//! (every format of the annex), the JSON's `previous`, and the terminal's table after the
//! annex.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde_json::Value;

use super::model::{Change, Changes, Status};
use crate::criteria::Criteria;
use crate::decimal::fixed;
use crate::inputs::previous::{CODE, DROPPED, GROUP, NAME};
use crate::reports::annex::{Annex, Cell};
use crate::stages::Results;

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
    let label = changes.label();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "So sánh Chỉ số CCHC năm {} với {label} ({})",
        criteria.year, changes.file
    );
    for &g in groups {
        group_table(&mut out, criteria, results, g, changes, terminal);
    }
    let _ = writeln!(
        out,
        "\n± Chỉ số: chỉ số công bố năm {} trừ chỉ số công bố {label}.\n± Hạng: ↑ tăng bậc, ↓ giảm bậc, = giữ nguyên.",
        criteria.year
    );
    out
}

/// A group's table: its units by rank with their change, then the units no longer there.
fn group_table(
    out: &mut String,
    criteria: &Criteria,
    results: &Results,
    g: usize,
    changes: &Changes,
    terminal: bool,
) {
    use crate::reports::table::num;
    let d = criteria.publish.decimals;
    let label = changes.label();
    let group = &criteria.groups[g];
    let _ = writeln!(out, "\n{}", group.name);
    let mut t = crate::reports::table::new(terminal);
    t.set_header(vec![
        "Hạng".to_string(),
        "Đơn vị".into(),
        "Chỉ số".into(),
        format!("Chỉ số {label}"),
        "± Chỉ số".into(),
        format!("Hạng {label}"),
        "± Hạng".into(),
    ]);
    for u in results.by_par_rank(g) {
        let [prev_index, index_change, prev_rank, rank_change] =
            change_texts(changes.units.get(&u.code), d);
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

/// A unit's change as the table shows it: last year's index, its change, last year's rank,
/// its change.
fn change_texts(change: Option<&Change>, d: u32) -> [String; 4] {
    let dash = || "—".to_string();
    match change {
        None => [dash(), dash(), dash(), dash()],
        Some(c) if c.status == Status::New => [dash(), NEW.into(), dash(), NEW.into()],
        Some(c) => [
            c.index.map_or_else(dash, |v| fixed(v, d)),
            c.index_change.map_or_else(dash, |v| signed(v, d)),
            c.rank.map_or_else(dash, |r| r.to_string()),
            match (c.status, c.rank_change) {
                (Status::GroupChanged, _) => GROUP_CHANGED.into(),
                (_, Some(r)) => arrow(r),
                (_, None) => dash(),
            },
        ],
    }
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
