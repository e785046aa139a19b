//! An earlier year's results, read back from what `par-index compute` exported then (the JSON,
//! the CSV of Phụ lục II or the workbook), for `--previous` (the change of index and rank since
//! last year's export: docs/outputs.md). The CSV and the workbook are read through the one
//! table source, as the year's files are: any encoding and separator, every sheet.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::table::Sheets;
use crate::error::{Failure, Problem};
use crate::text::normalize_key;
use crate::tr;

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

/// The headers of the annex table read back (Phụ lục II, or a workbook's data sheet).
pub const CODE: &str = "Mã đơn vị";
pub const INDEX: &str = "Chỉ số CCHC (%)";
pub const RANK: &str = "Xếp hạng";
pub const GROUP: &str = "Nhóm";
pub const NAME: &str = "Tên đơn vị";
/// What an export made with `--previous` writes for a unit of the year before that is gone.
pub const DROPPED: &str = "không còn";
/// The sheet of a workbook looked through first.
const ANNEX_II: &str = "Phụ lục II";

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
    let cannot_read = |e| Failure::io(tr!("inputs-previous-cannot-read", file = name.as_str()), e);
    std::fs::metadata(path).map_err(cannot_read)?;
    let looks_json = || {
        let mut head = [0u8; 64];
        let n = std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
            .unwrap_or(0);
        let head = String::from_utf8_lossy(&head[..n]);
        head.trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
    };
    if ext == "json"
        || (!["csv", "tsv", "txt", "xlsx", "xls", "ods"].contains(&ext.as_str()) && looks_json())
    {
        let bytes = std::fs::read(path).map_err(cannot_read)?;
        let text = decode(&bytes).ok_or_else(|| {
            Failure::Input(vec![
                Problem::new(&name, 0, 0, tr!("inputs-previous-not-text")).hint(hint()),
            ])
        })?;
        return from_json(&name, &text);
    }
    let sheets = Sheets::read(path, &name, ANNEX_II)?;
    let rows = sheets
        .parts
        .into_iter()
        .flat_map(|(sheet, rows)| {
            // a sheet without the table ends with an empty row, so that tables never join
            let end = (sheet.clone(), 0, Vec::new());
            rows.into_iter()
                .map(move |(line, cells)| (sheet.clone(), line, cells))
                .chain([end])
        })
        .collect();
    from_rows(&name, rows)
}

fn hint() -> String {
    tr!("inputs-previous-hint")
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
        Failure::Input(vec![Problem::new(name, line, column, message).hint(hint())])
    };
    let json: Value = serde_json::from_str(text).map_err(|e| {
        problem(
            e.line(),
            e.column(),
            tr!("inputs-previous-not-json", error = e.to_string()),
        )
    })?;
    let Some(list) = json.get("units").and_then(Value::as_array) else {
        return Err(problem(0, 0, tr!("inputs-previous-no-units-list")));
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
                Problem::new(name, 0, 0, tr!("inputs-previous-unit-incomplete", k = k))
                    .hint(hint()),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Input(problems));
    }
    let places = vec![(None, 0); units.len()];
    check_duplicates(name, year, units, &places)
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

/// Rows of text cells, each with its sheet (in a workbook) and line (or row).
type Rows = Vec<(Option<String>, u64, Vec<String>)>;

/// The Phụ lục II table among rows of text: the header row that names the unit code and the
/// PAR index, then one row per unit until a blank row or the next title.
fn from_rows(name: &str, rows: Rows) -> Result<Previous, Failure> {
    let Some(h) = rows
        .iter()
        .position(|(_, _, r)| r.iter().any(|c| c == CODE) && r.iter().any(|c| c == INDEX))
    else {
        return Err(Failure::Input(vec![
            Problem::new(
                name,
                0,
                0,
                tr!("inputs-previous-no-table", code = CODE, index = INDEX),
            )
            .hint(hint()),
        ]));
    };
    let header = &rows[h].2;
    let col = |title: &str| header.iter().position(|c| c == title);
    let (code_col, index_col) = (col(CODE).unwrap_or(0), col(INDEX).unwrap_or(0));
    let (rank_col, group_col, name_col) = (col(RANK), col(GROUP), col(NAME));
    // The year, from the title above the table ("Phụ lục II. Chỉ số … năm 2022", or a
    // workbook's "CHỈ SỐ … NĂM 2022"), not from the line naming the decision.
    let year = rows[..h]
        .iter()
        .rev()
        .flat_map(|(_, _, r)| r.iter())
        .map(|c| c.to_lowercase())
        .filter(|c| c.starts_with("phụ lục") || c.starts_with("chỉ số"))
        .find_map(|c| year_in(&c));
    let mut units = Vec::new();
    let mut problems = Vec::new();
    let mut places = Vec::new();
    for (sheet, line, row) in &rows[h + 1..] {
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
        let at = |column: usize, message: String, column_name: &str| {
            Problem::new(name, *line as usize, column, message)
                .in_sheet(sheet.as_deref())
                .column_name(column_name)
        };
        let Some(index) = crate::decimal::parse(index) else {
            problems.push(at(
                index_col + 1,
                tr!("inputs-previous-not-an-index", unit = code, text = index),
                INDEX,
            ));
            continue;
        };
        let rank = cell(rank_col);
        let rank = if rank.is_empty() {
            0
        } else if let Ok(r) = rank.parse::<usize>() {
            r
        } else {
            problems.push(at(
                rank_col.map_or(0, |c| c + 1),
                tr!("inputs-previous-not-a-rank", unit = code, text = rank),
                RANK,
            ));
            continue;
        };
        places.push((sheet.clone(), *line as usize));
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
    check_duplicates(name, year, units, &places)
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

/// Each unit once; `places` gives each unit's sheet and line.
fn check_duplicates(
    name: &str,
    year: Option<i64>,
    units: Vec<PreviousUnit>,
    places: &[(Option<String>, usize)],
) -> Result<Previous, Failure> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for (k, u) in units.iter().enumerate() {
        if let Some(&first) = seen.get(u.code.as_str()) {
            let (sheet, line) = places.get(k).cloned().unwrap_or_default();
            problems.push(
                Problem::new(
                    name,
                    line,
                    0,
                    tr!(
                        "inputs-previous-unit-twice",
                        unit = u.code.as_str(),
                        first = first + 1
                    ),
                )
                .in_sheet(sheet.as_deref())
                .hint(tr!("inputs-previous-unit-twice-hint")),
            );
        } else {
            seen.insert(&u.code, k);
        }
    }
    if units.is_empty() {
        problems.push(Problem::new(name, 0, 0, tr!("inputs-previous-no-unit")).hint(hint()));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Rows {
        text.lines()
            .enumerate()
            .map(|(i, l)| (None, i as u64 + 1, l.split(',').map(String::from).collect()))
            .collect()
    }

    /// `text` written to a file named `name` in a fresh folder, read back.
    fn read_text(name: &str, text: &str) -> Result<Previous, Failure> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        read(&path)
    }

    #[test]
    fn finds_the_year_in_a_title() {
        assert_eq!(
            year_in("Phụ lục II. Chỉ số cải cách hành chính năm 2022"),
            Some(2022)
        );
        assert_eq!(year_in("Chỉ số CCHC"), None);
        assert_eq!(year_in("năm 22"), None);
        // a workbook's title rows: the year of the title, not of the decision's line
        let rows = rows(
            "PHỤ LỤC II\nCHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023\n(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2024)\n\nMã đơn vị,Chỉ số CCHC (%)\nA,90.5",
        );
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
        let p = read_text("x.csv", text).unwrap();
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
        let p = read_text("x.csv", text).unwrap();
        assert_eq!(p.units[0].index, Decimal::new(915, 1));
    }

    #[test]
    fn a_csv_without_phu_luc_ii_is_refused() {
        let text = "Nhóm,Xếp hạng,Mã đơn vị,Chỉ số hài lòng (%)\nso,1,A,90\n";
        let e = read_text("x.csv", text).unwrap_err();
        assert_eq!(e.exit_code(), crate::error::exit::INPUT);
        assert!(e.to_string().contains("no Phụ lục II table"), "{e}");
    }

    #[test]
    fn duplicates_and_bad_numbers_are_named() {
        let text = "Mã đơn vị,Chỉ số CCHC (%),Xếp hạng\nA,90,1\nA,80,2\n";
        let e = read_text("x.csv", text).unwrap_err();
        assert!(
            e.to_string().contains("x.csv:3: unit A is listed twice"),
            "{e}"
        );
        let text = "Mã đơn vị,Chỉ số CCHC (%),Xếp hạng\nA,abc,1\n";
        let e = read_text("x.csv", text).unwrap_err();
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
}
