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
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::annex::{Annex, Cell};
use crate::criteria::Criteria;
use crate::decimal::{fixed, publish};
use crate::error::{Failure, Problem};
use crate::stages::Results;
use crate::text::normalize_key;

/// A unit as the earlier export shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviousUnit {
    pub code: String,
    pub name: String,
    /// The group's id (`so`, `huyen`).
    pub group: String,
    /// The published PAR index.
    pub index: Decimal,
    /// The rank in its group; 0 when the export gives none.
    pub rank: usize,
}

/// An earlier year's export.
#[derive(Debug, Clone)]
pub struct Previous {
    /// The file, as the user named it.
    pub file: String,
    /// The year it says it is, when it says so.
    pub year: Option<i64>,
    pub units: Vec<PreviousUnit>,
}

const HINT: &str = "give the JSON export of `par-index compute --format json`, or its CSV (--format csv) or workbook (--format xlsx) with Phụ lục II";

/// Reads an earlier export: JSON, CSV or workbook, told apart by extension (or content).
///
/// A file that cannot be read is an I/O failure (exit 5); a file that is not such an export
/// is an input failure (exit 4) naming the file, line and what is missing.
pub fn read(path: &Path) -> Result<Previous, Failure> {
    let name = path.display().to_string();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let bad = |line: usize, column: usize, message: String| {
        Failure::Input(vec![Problem::new(&name, line, column, message).hint(HINT)])
    };
    if ext == "xlsx" {
        if let Err(e) = std::fs::metadata(path) {
            return Err(Failure::io(
                format!("cannot read the previous year's export {name}"),
                e,
            ));
        }
        let rows = workbook_rows(path).map_err(|m| bad(0, 0, m))?;
        return from_rows(&name, rows);
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::io(format!("cannot read the previous year's export {name}"), e))?;
    let text = decode(&bytes).ok_or_else(|| {
        bad(
            0,
            0,
            "the text is neither UTF-8 nor UTF-16 with a byte-order mark".into(),
        )
    })?;
    let is_json = ext == "json" || (ext != "csv" && text.trim_start().starts_with('{'));
    if is_json {
        from_json(&name, &text)
    } else {
        let rows = csv_rows(&text).map_err(|(line, m)| bad(line, 0, m))?;
        from_rows(&name, rows)
    }
}

/// UTF-8 (with or without a byte-order mark) or UTF-16 with one.
fn decode(bytes: &[u8]) -> Option<String> {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) => {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
            (!had_errors).then(|| text.into_owned())
        }
        None => String::from_utf8(bytes.to_vec()).ok(),
    }
}

fn from_json(name: &str, text: &str) -> Result<Previous, Failure> {
    let problem = |line: usize, column: usize, message: String| {
        Failure::Input(vec![Problem::new(name, line, column, message).hint(HINT)])
    };
    let json: Value = serde_json::from_str(text)
        .map_err(|e| problem(e.line(), e.column(), format!("not valid JSON: {e}")))?;
    let Some(list) = json.get("units").and_then(Value::as_array) else {
        return Err(problem(
            0,
            0,
            "not an export of par-index compute: there is no \"units\" list".into(),
        ));
    };
    let year = json.get("year").and_then(Value::as_i64);
    let mut units = Vec::with_capacity(list.len());
    let mut problems = Vec::new();
    for (k, u) in list.iter().enumerate() {
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(normalize_key);
        let code = text(u.get("code"));
        let index = u.pointer("/par/index").and_then(number);
        let rank = u.pointer("/par/rank").and_then(Value::as_u64);
        match (code, index) {
            (Some(code), Some(index)) if !code.is_empty() => units.push(PreviousUnit {
                code,
                name: text(u.get("name")).unwrap_or_default(),
                group: text(u.get("group")).unwrap_or_default(),
                index,
                rank: rank.map_or(0, |r| r as usize),
            }),
            _ => problems.push(
                Problem::new(
                    name,
                    0,
                    0,
                    format!("units[{k}] has no \"code\" or no \"par\".\"index\" number"),
                )
                .hint(HINT),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Input(problems));
    }
    check_duplicates(name, year, units, |_| 0)
}

/// A JSON number (or a string holding one) as a decimal.
fn number(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => Decimal::from_str(&n.to_string())
            .ok()
            .or_else(|| n.as_f64().and_then(crate::decimal::from_float)),
        Value::String(s) => crate::decimal::parse(s),
        _ => None,
    }
}

/// Rows of text cells, each with its line (or row) number.
type Rows = Vec<(usize, Vec<String>)>;

/// Every record of a CSV text, with its line, delimiter taken from the first line that names
/// the unit code column (`,`, `;` or tab).
fn csv_rows(text: &str) -> Result<Rows, (usize, String)> {
    let header_line = text
        .lines()
        .find(|l| l.contains(CODE))
        .unwrap_or_else(|| text.lines().next().unwrap_or(""));
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (header_line.bytes().filter(|&b| b == d).count(), d == b','))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            (
                e.position().map_or(0, |p| p.line() as usize),
                format!("not a readable CSV row: {e}"),
            )
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push((line, record.iter().map(normalize_key).collect()));
    }
    Ok(rows)
}

/// Every row of every sheet of a workbook, the sheet named "Phụ lục II" first.
fn workbook_rows(path: &Path) -> Result<Rows, String> {
    use calamine::{Data, Reader};
    let mut book =
        calamine::open_workbook_auto(path).map_err(|e| format!("not a readable workbook: {e}"))?;
    let mut names = book.sheet_names();
    names.sort_by_key(|n| n.trim() != "Phụ lục II");
    let mut rows = Vec::new();
    for sheet in names {
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| format!("sheet {sheet:?} cannot be read: {e}"))?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            let mut cells = vec![String::new(); first_col as usize];
            cells.extend(row.iter().map(|c| {
                match c {
                    Data::String(s) => normalize_key(s),
                    Data::Float(f) => crate::decimal::from_float(*f)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    Data::Int(i) => i.to_string(),
                    _ => String::new(),
                }
            }));
            rows.push((first_row as usize + i + 1, cells));
        }
        // A sheet with no Phụ lục II table leaves an empty row, so that tables never join.
        rows.push((0, Vec::new()));
    }
    Ok(rows)
}

const CODE: &str = "Mã đơn vị";
const INDEX: &str = "Chỉ số CCHC (%)";
const RANK: &str = "Xếp hạng";
const GROUP: &str = "Nhóm";
const NAME: &str = "Tên đơn vị";

/// The Phụ lục II table among rows of text: the header row that names the unit code and the
/// PAR index, then one row per unit until a blank row or the next title.
fn from_rows(name: &str, rows: Rows) -> Result<Previous, Failure> {
    let Some(h) = rows
        .iter()
        .position(|(_, r)| r.iter().any(|c| c == CODE) && r.iter().any(|c| c == INDEX))
    else {
        return Err(Failure::Input(vec![
            Problem::new(
                name,
                0,
                0,
                format!(
                    "no Phụ lục II table: no header row with the columns {CODE:?} and {INDEX:?}"
                ),
            )
            .hint(HINT),
        ]));
    };
    let header = &rows[h].1;
    let col = |title: &str| header.iter().position(|c| c == title);
    let (code_col, index_col) = (col(CODE).expect("found"), col(INDEX).expect("found"));
    let (rank_col, group_col, name_col) = (col(RANK), col(GROUP), col(NAME));
    // The year, from the title above the table ("Phụ lục II. Chỉ số … năm 2022", or a
    // workbook's "CHỈ SỐ … NĂM 2022"), not from the line naming the decision.
    let year = rows[..h]
        .iter()
        .rev()
        .flat_map(|(_, r)| r.iter())
        .map(|c| c.to_lowercase())
        .filter(|c| c.starts_with("phụ lục") || c.starts_with("chỉ số"))
        .find_map(|c| year_in(&c));
    let mut units = Vec::new();
    let mut problems = Vec::new();
    let mut lines = Vec::new();
    for (line, row) in &rows[h + 1..] {
        let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).map_or("", String::as_str);
        if row.iter().all(|c| c.is_empty()) || cell(Some(0)).starts_with("Phụ lục") {
            break;
        }
        let code = cell(Some(code_col));
        if code.is_empty() {
            // Group headings and sub-headers of a workbook.
            continue;
        }
        let index = cell(Some(index_col));
        if index.is_empty() && row.iter().any(|c| c == DROPPED) {
            // A unit that an export made with --previous lists as dropped.
            continue;
        }
        let Some(index) = crate::decimal::parse(index) else {
            problems.push(
                Problem::new(
                    name,
                    *line,
                    index_col + 1,
                    format!("unit {code}: {index:?} is not an index"),
                )
                .column_name(INDEX),
            );
            continue;
        };
        let rank = cell(rank_col);
        let rank = if rank.is_empty() {
            0
        } else if let Ok(r) = rank.parse::<usize>() {
            r
        } else {
            problems.push(
                Problem::new(
                    name,
                    *line,
                    rank_col.map_or(0, |c| c + 1),
                    format!("unit {code}: {rank:?} is not a rank"),
                )
                .column_name(RANK),
            );
            continue;
        };
        lines.push(*line);
        units.push(PreviousUnit {
            code: code.to_string(),
            name: cell(name_col).to_string(),
            group: cell(group_col).to_string(),
            index,
            rank,
        });
    }
    if !problems.is_empty() {
        return Err(Failure::Input(problems));
    }
    check_duplicates(name, year, units, |k| lines[k])
}

/// "… năm 2022" → 2022.
fn year_in(text: &str) -> Option<i64> {
    let at = text.rfind("năm ")?;
    let digits: String = text[at + "năm ".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

fn check_duplicates(
    name: &str,
    year: Option<i64>,
    units: Vec<PreviousUnit>,
    line_of: impl Fn(usize) -> usize,
) -> Result<Previous, Failure> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for (k, u) in units.iter().enumerate() {
        if let Some(&first) = seen.get(u.code.as_str()) {
            problems.push(
                Problem::new(
                    name,
                    line_of(k),
                    0,
                    format!("unit {} is listed twice (also unit #{})", u.code, first + 1),
                )
                .hint("each unit appears once in an export"),
            );
        } else {
            seen.insert(&u.code, k);
        }
    }
    if units.is_empty() {
        problems.push(Problem::new(name, 0, 0, "the export lists no unit").hint(HINT));
    }
    if !problems.is_empty() {
        return Err(Failure::Input(problems));
    }
    Ok(Previous {
        file: name.to_string(),
        year,
        units,
    })
}

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
pub const DROPPED: &str = "không còn";
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
    fn finds_the_year_in_a_title() {
        assert_eq!(
            year_in("Phụ lục II. Chỉ số cải cách hành chính năm 2022"),
            Some(2022)
        );
        assert_eq!(year_in("Chỉ số CCHC"), None);
        assert_eq!(year_in("năm 22"), None);
        // a workbook's title rows: the year of the title, not of the decision's line
        let rows = vec![
            (1, vec!["PHỤ LỤC II".to_string()]),
            (2, vec!["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023".to_string()]),
            (
                3,
                vec!["(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2024)".to_string()],
            ),
            (5, vec![CODE.to_string(), INDEX.to_string()]),
            (6, vec!["A".to_string(), "90.5".to_string()]),
        ];
        assert_eq!(from_rows("x.xlsx", rows).unwrap().year, Some(2023));
    }

    #[test]
    fn reads_a_csv_with_both_annexes() {
        let text = "\"Phụ lục I. Chỉ số hài lòng năm 2022\"\n\
Nhóm,Xếp hạng,Mã đơn vị,Tên đơn vị,Chỉ số hài lòng (%),Ghi chú\n\
so,1,A,Đơn vị A,90.00,\n\
\n\
\"Phụ lục II. Chỉ số cải cách hành chính năm 2022\"\n\
Nhóm,Xếp hạng,Mã đơn vị,Tên đơn vị,Chỉ số CCHC (%),Xếp loại,Ghi chú\n\
so,1,B,Đơn vị B,91.50,A,\n\
so,2,A,Đơn vị A,85.25,B,\n";
        let p = from_rows("x.csv", csv_rows(text).unwrap()).unwrap();
        assert_eq!(p.year, Some(2022));
        assert_eq!(p.units.len(), 2);
        assert_eq!(p.units[1].code, "A");
        assert_eq!(p.units[1].index, Decimal::new(8525, 2));
        assert_eq!(p.units[1].rank, 2);
        assert_eq!(p.units[1].group, "so");
    }

    #[test]
    fn semicolons_and_decimal_commas() {
        let text = "Nhóm;Xếp hạng;Mã đơn vị;Tên đơn vị;Chỉ số CCHC (%)\nso;1;B;Đơn vị B;91,5\n";
        let p = from_rows("x.csv", csv_rows(text).unwrap()).unwrap();
        assert_eq!(p.units[0].index, Decimal::new(915, 1));
    }

    #[test]
    fn a_csv_without_phu_luc_ii_is_refused() {
        let text = "Nhóm,Xếp hạng,Mã đơn vị,Chỉ số hài lòng (%)\nso,1,A,90\n";
        let e = from_rows("x.csv", csv_rows(text).unwrap()).unwrap_err();
        assert_eq!(e.exit_code(), crate::error::exit::INPUT);
        assert!(e.to_string().contains("no Phụ lục II table"), "{e}");
    }

    #[test]
    fn duplicates_and_bad_numbers_are_named() {
        let text = "Mã đơn vị,Chỉ số CCHC (%),Xếp hạng\nA,90,1\nA,80,2\n";
        let e = from_rows("x.csv", csv_rows(text).unwrap()).unwrap_err();
        assert!(
            e.to_string().contains("x.csv:3: unit A is listed twice"),
            "{e}"
        );
        let text = "Mã đơn vị,Chỉ số CCHC (%),Xếp hạng\nA,abc,1\n";
        let e = from_rows("x.csv", csv_rows(text).unwrap()).unwrap_err();
        assert!(
            e.to_string()
                .contains("x.csv:2:2: column Chỉ số CCHC (%): unit A"),
            "{e}"
        );
    }

    #[test]
    fn json_without_units_is_refused() {
        let e = from_json("x.json", "{\"year\": 2022}").unwrap_err();
        assert_eq!(e.exit_code(), crate::error::exit::INPUT);
        let e = from_json("x.json", "{\"units\": [").unwrap_err();
        assert!(e.to_string().contains("x.json:1:"), "{e}");
    }

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
