//! The annexes as the decision publishes them, shared by the Word document and the workbook:
//! a title block, and per group a table of STT, the unit's name and the published figures, with
//! marks (`*` a rank decided below the published precision, `†` a satisfaction index from
//! fewer valid questionnaires than the minimum) and their notes under the table.
//!
//! Every figure is a cell of the annex as [`super::annex`] built it (the CSV's cells, in the
//! CSV's order of units): nothing is computed or rounded here again. The internal columns (group
//! id, unit code) are left out, the fields are named as the criteria name them, and the note
//! column becomes marks and notes.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::annex::{Annex, Cell};
use crate::criteria::Criteria;
use crate::decimal::publish;
use crate::stages::{Results, UnitResult};

// Headers of the annex's columns, as `annex.rs` writes them.
pub const GROUP: &str = "Nhóm";
pub const CODE: &str = "Mã đơn vị";
pub const NAME: &str = "Tên đơn vị";
pub const RANK: &str = "Xếp hạng";
pub const NOTE: &str = "Ghi chú";
pub const BAND: &str = "Xếp loại";
pub const VALID: &str = "Số phiếu hợp lệ";
pub const PAR_INDEX: &str = "Chỉ số CCHC (%)";
pub const SIPAS_INDEX: &str = "Chỉ số hài lòng (%)";
pub const SIPAS_POINTS: &str = "Điểm chỉ số hài lòng";
const SOURCES: [&str; 3] = ["Điểm thẩm định", "Điểm điều tra XHH", SIPAS_POINTS];
/// The change columns that `--previous` adds (signed figures).
pub const SIGNED: [&str; 2] = ["Tăng, giảm chỉ số", "Tăng, giảm xếp hạng"];
/// The first column of a published table: the row's number within its table.
pub const ORDER: &str = "STT";

/// A rank decided below the published precision.
pub const RANK_MARK: char = '*';
/// A satisfaction index from fewer valid questionnaires than the minimum.
pub const SMALL_MARK: char = '†';

pub const PAR_LABEL: &str = "Phụ lục II";
pub const SIPAS_LABEL: &str = "Phụ lục I";

/// How a column is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// STT.
    Order,
    /// The unit's name.
    Name,
    /// Figures and whole numbers, right-aligned.
    Figure,
    /// Changes since last year: figures with a sign.
    Signed,
    /// The band: a letter, centred.
    Band,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    /// The header merged above this column and its neighbours of the same family.
    pub family: Option<String>,
    pub kind: Kind,
}

/// A cell and its mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub cell: Cell,
    pub mark: Option<char>,
}

#[derive(Debug, Clone)]
pub struct Table {
    /// The group's name.
    pub name: String,
    /// The group's id (`so`, `huyen`).
    pub group: String,
    pub rows: Vec<Row>,
    /// What the marks of this table mean, one paragraph each.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// The unit's code (not published: for the data sheet and tests).
    pub code: String,
    pub entries: Vec<Entry>,
}

/// One annex as published.
#[derive(Debug, Clone)]
pub struct Document {
    /// "Phụ lục I" or "Phụ lục II".
    pub label: &'static str,
    /// The index's name and year, in capitals.
    pub heading: String,
    /// "(Kèm theo Quyết định số …)", the number and date left blank.
    pub attached: String,
    pub columns: Vec<Column>,
    pub tables: Vec<Table>,
    /// Notes on the whole annex, after its last table.
    pub remarks: Vec<String>,
    /// The published decimals.
    pub decimals: u32,
}

/// The annex `annex` (built for `groups`, in that order) as the decision publishes it.
pub fn document(
    criteria: &Criteria,
    results: &Results,
    groups: &[usize],
    annex: &Annex,
) -> Document {
    let d = criteria.publish.decimals;
    let par = annex.label == PAR_LABEL;
    let find = |h: &str| annex.headers.iter().position(|x| x == h);
    let (code_col, name_col, rank_col) = (find(CODE), find(NAME), find(RANK));
    let index_col = find(if par { PAR_INDEX } else { SIPAS_INDEX });
    let hidden = [find(GROUP), code_col, name_col, rank_col, find(NOTE)];
    // The published order of the annex's columns: the figures as the CSV has them, the rank
    // right after the index.
    let mut order: Vec<usize> = Vec::new();
    for c in 0..annex.headers.len() {
        if hidden.contains(&Some(c)) {
            continue;
        }
        order.push(c);
        if Some(c) == index_col {
            order.extend(rank_col);
        }
    }
    if index_col.is_none() {
        order.extend(rank_col);
    }
    let compared = compared_label(&annex.headers);
    let mut columns = vec![
        Column {
            header: ORDER.into(),
            family: None,
            kind: Kind::Order,
        },
        Column {
            header: NAME.into(),
            family: None,
            kind: Kind::Name,
        },
    ];
    columns.extend(order.iter().map(|&c| {
        let header = &annex.headers[c];
        let (header, family) = published_header(criteria, groups, header, &compared);
        let kind = if SIGNED.contains(&annex.headers[c].as_str()) {
            Kind::Signed
        } else if annex.headers[c] == BAND {
            Kind::Band
        } else {
            Kind::Figure
        };
        Column {
            header,
            family,
            kind,
        }
    }));
    // Where the marks go: the rank, and the questionnaires (Phụ lục I) or the satisfaction
    // points (Phụ lục II).
    let small_col = find(if par { SIPAS_POINTS } else { VALID });
    let units: BTreeMap<&str, &UnitResult> =
        results.units.iter().map(|u| (u.code.as_str(), u)).collect();
    let tables = annex
        .sections
        .iter()
        .enumerate()
        .map(|(s, (name, rows))| {
            let mut n = 0;
            let mut in_table: Vec<&UnitResult> = Vec::new();
            let rows = rows
                .iter()
                .map(|cells| {
                    let code = match code_col.and_then(|c| cells.get(c)) {
                        Some(Cell::Text(code)) => code.clone(),
                        _ => String::new(),
                    };
                    let unit = units.get(code.as_str()).copied();
                    // a unit of this year is numbered; a unit only last year had is not
                    let stt = match unit {
                        Some(u) => {
                            in_table.push(u);
                            n += 1;
                            Cell::Int(n)
                        }
                        None => Cell::Empty,
                    };
                    let cell = |c: Option<usize>| {
                        c.and_then(|c| cells.get(c)).cloned().unwrap_or(Cell::Empty)
                    };
                    let mut entries = vec![
                        Entry {
                            cell: stt,
                            mark: None,
                        },
                        Entry {
                            cell: cell(name_col),
                            mark: None,
                        },
                    ];
                    entries.extend(order.iter().map(|&c| {
                        let mark = unit.and_then(|u| {
                            if Some(c) == rank_col && rank_of(u, par).note.is_some() {
                                Some(RANK_MARK)
                            } else if Some(c) == small_col && u.below_minimum {
                                Some(SMALL_MARK)
                            } else {
                                None
                            }
                        });
                        Entry {
                            cell: cell(Some(c)),
                            mark,
                        }
                    }));
                    Row { code, entries }
                })
                .collect();
            let mut notes = rank_notes(&in_table, par, d);
            notes.extend(small_sample_note(criteria, &in_table, par));
            let group = groups
                .get(s)
                .map_or(String::new(), |&g| criteria.groups[g].id.clone());
            Table {
                name: name.clone(),
                group,
                rows,
                notes,
            }
        })
        .collect();
    let (label, heading) = if par {
        (
            PAR_LABEL,
            format!("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {}", criteria.year),
        )
    } else {
        (
            SIPAS_LABEL,
            format!(
                "CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC ĐỐI VỚI SỰ PHỤC VỤ CỦA CƠ QUAN HÀNH CHÍNH NĂM {}",
                criteria.year
            ),
        )
    };
    let mut remarks = Vec::new();
    if !par {
        remarks.push(super::annex::sipas_source_note(results));
    }
    if par {
        remarks.push(format!(
            "Các số liệu được làm tròn đến {d} chữ số thập phân từ giá trị chính xác; tổng điểm \
             được tính từ giá trị chính xác nên có thể chênh lệch so với tổng các số đã làm tròn."
        ));
    }
    Document {
        label,
        heading,
        attached: attached(criteria),
        columns,
        tables,
        remarks,
        decimals: d,
    }
}

/// "(Kèm theo Quyết định số      /QĐ-UBND ngày    tháng    năm      của Chủ tịch UBND tỉnh …)",
/// the number and the date left for the office to fill in.
pub fn attached(criteria: &Criteria) -> String {
    format!(
        "(Kèm theo Quyết định số      /QĐ-UBND ngày    tháng    năm      của Chủ tịch UBND tỉnh {})",
        criteria.province
    )
}

fn rank_of(u: &UnitResult, par: bool) -> &crate::stages::Ranked {
    if par { &u.par.rank } else { &u.sipas_rank }
}

fn index_of(u: &UnitResult, par: bool) -> Option<Decimal> {
    if par {
        Some(u.par.index)
    } else {
        u.satisfaction.index
    }
}

/// A column's published header and the header merged above it.
fn published_header(
    criteria: &Criteria,
    groups: &[usize],
    header: &str,
    compared: &str,
) -> (String, Option<String>) {
    if let Some(k) = header
        .strip_prefix("Lĩnh vực ")
        .and_then(|k| k.parse::<usize>().ok())
    {
        return (
            field_name(criteria, groups, k),
            Some("Điểm theo lĩnh vực".into()),
        );
    }
    if SOURCES.contains(&header) {
        let short = header.strip_prefix("Điểm ").unwrap_or(header);
        let mut chars = short.chars();
        let short: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        return (short, Some("Điểm theo nguồn".into()));
    }
    if let Some(e) = criteria
        .sipas
        .elements
        .iter()
        .find(|e| format!("{} (%)", e.name) == header)
    {
        return (e.name.clone(), Some("Chỉ số thành phần (%)".into()));
    }
    if header.starts_with("Chỉ số CCHC năm")
        || header.starts_with("Xếp hạng năm")
        || SIGNED.contains(&header)
    {
        return (header.to_string(), Some(compared.to_string()));
    }
    (header.to_string(), None)
}

/// The name of field `k` (1-based) in the groups shown: "1. Công tác chỉ đạo, …"; where the
/// groups name it differently, their names one after the other.
fn field_name(criteria: &Criteria, groups: &[usize], k: usize) -> String {
    let mut names: Vec<String> = Vec::new();
    for &g in groups {
        if let Some((_, node)) = criteria.groups[g].fields().nth(k - 1) {
            let name = format!("{}. {}", node.code, node.name);
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if names.is_empty() {
        format!("Lĩnh vực {k}")
    } else {
        names.join(" / ")
    }
}

/// The merged header above the change columns: "So với năm 2022".
pub fn compared_label(headers: &[String]) -> String {
    headers
        .iter()
        .find_map(|h| h.strip_prefix("Xếp hạng năm "))
        .map_or("So với năm trước".into(), |year| {
            format!("So với năm {year}")
        })
}

/// A published figure as a Vietnamese document writes it: a decimal comma.
pub fn vi(text: &str) -> String {
    text.replace('.', ",")
}

/// A text with its decimal points between digits written as decimal commas ("giá trị 71.6%;
/// 0.75 điểm" → "giá trị 71,6%; 0,75 điểm"), for a Vietnamese document. Only for texts with no
/// dotted code in them.
pub fn vi_digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let digit = |k: Option<usize>| {
                k.and_then(|k| chars.get(k))
                    .is_some_and(char::is_ascii_digit)
            };
            if c == '.' && digit(i.checked_sub(1)) && digit(Some(i + 1)) {
                ','
            } else {
                c
            }
        })
        .collect()
}

/// The `*` notes of a table: each run of units that publish the same index but rank apart,
/// with their exact values to as many decimals as tell them apart.
fn rank_notes(units: &[&UnitResult], par: bool, d: u32) -> Vec<String> {
    let marked: Vec<(&UnitResult, Decimal)> = units
        .iter()
        .filter(|u| rank_of(u, par).note.is_some())
        .filter_map(|u| index_of(u, par).map(|v| (*u, v)))
        .collect();
    let what = if par {
        "Chỉ số CCHC"
    } else {
        "Chỉ số hài lòng"
    };
    let mut notes = Vec::new();
    for run in marked.chunk_by(|a, b| publish(a.1, d) == publish(b.1, d)) {
        if run.len() < 2 {
            continue;
        }
        let digits = digits_to_tell(run.iter().map(|&(_, v)| v), d);
        let names: Vec<String> = run
            .iter()
            .map(|(u, v)| format!("{} ({})", u.name, vi(&publish(*v, digits).to_string())))
            .collect();
        notes.push(format!(
            "{RANK_MARK} {} có cùng {what} {}% khi làm tròn đến {d} chữ số thập phân; thứ hạng \
             được xếp theo giá trị chính xác (trong ngoặc).",
            join_vi(&names),
            vi(&publish(run[0].1, d).to_string()),
        ));
    }
    notes
}

/// The fewest decimals (more than the published ones) at which the different values of a run
/// print differently.
fn digits_to_tell(values: impl Iterator<Item = Decimal> + Clone, d: u32) -> u32 {
    let mut distinct: Vec<Decimal> = values.collect();
    distinct.sort();
    distinct.dedup();
    (d + 1..=28)
        .find(|&k| {
            let mut shown: Vec<Decimal> = distinct.iter().map(|&v| publish(v, k)).collect();
            shown.dedup();
            shown.len() == distinct.len()
        })
        .unwrap_or(28)
}

/// Roman numerals for group headings (I, II, …).
pub fn roman(n: usize) -> String {
    const R: [(usize, &str); 8] = [
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for &(v, s) in &R {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// "A, B và C".
pub fn join_vi(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// The `†` note of a table: the units whose satisfaction index comes from fewer valid
/// questionnaires than the minimum.
fn small_sample_note(criteria: &Criteria, units: &[&UnitResult], par: bool) -> Option<String> {
    let small: Vec<String> = units
        .iter()
        .filter(|u| u.below_minimum)
        .map(|u| format!("{} ({} phiếu)", u.name, u.valid))
        .collect();
    if small.is_empty() {
        return None;
    }
    let what = if par {
        "Điểm chỉ số hài lòng được tính từ chỉ số hài lòng"
    } else {
        "Chỉ số hài lòng được tính"
    };
    Some(format!(
        "{SMALL_MARK} {what} từ số phiếu hợp lệ dưới mức tối thiểu {} phiếu: {}.",
        criteria.sipas.min_valid,
        join_vi(&small)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_tell_the_values_apart() {
        let v = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            digits_to_tell([v("95.3103"), v("95.3100")].into_iter(), 2),
            4
        );
        assert_eq!(digits_to_tell([v("84.937"), v("84.941")].into_iter(), 2), 3);
        // equal values need no digit to part them
        assert_eq!(digits_to_tell([v("84.937"), v("84.937")].into_iter(), 2), 3);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(2), "II");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn lists_in_vietnamese() {
        let s = |x: &str| x.to_string();
        assert_eq!(join_vi(&[s("A")]), "A");
        assert_eq!(join_vi(&[s("A"), s("B")]), "A và B");
        assert_eq!(join_vi(&[s("A"), s("B"), s("C")]), "A, B và C");
        assert_eq!(vi("95.31"), "95,31");
        assert_eq!(
            vi_digits("giá trị 71.6%; 0.75 điểm. Hết"),
            "giá trị 71,6%; 0,75 điểm. Hết"
        );
    }
}
