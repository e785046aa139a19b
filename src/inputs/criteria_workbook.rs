//! A rule set given as a workbook (`--criteria FILE.xlsx`, `criteria --check FILE.xlsx`): the
//! form `criteria --format xlsx` writes, read through the one table reader, and validated
//! exactly as a criteria file is. The workbook's cells are laid out as a criteria file (TOML)
//! whose every line remembers the cell it came from; the file is validated by the criteria's own
//! checks, and each problem is named by its sheet and cell (`so!C12`).
//!
//! The sheets and their columns are [`SHEETS`]; [`crate::reports::criteria_workbook`] writes
//! them. Columns that only inform the reader (the rule as the decision words it) are not read.

use std::path::Path;

use super::table::{SheetRows, Sheets, fold_name};
use crate::criteria::{self, Criteria, export::string};
use crate::error::{Failure, Problem};
use crate::tr;

/// Sheet names of the workbook.
pub const GENERAL: &str = "Chung";
pub const SOURCES: &str = "Nguồn";
pub const GROUPS: &str = "Nhóm";
pub const RESPONDENT_GROUPS: &str = "Nhóm trả lời";
pub const QUESTIONS: &str = "Câu hỏi điều tra";
pub const SURVEY_SCALE: &str = "Thang điều tra";
pub const SIPAS_SCALE: &str = "Thang hài lòng";
pub const ELEMENTS: &str = "Yếu tố hài lòng";
pub const ITEMS: &str = "Câu hỏi hài lòng";
pub const DEDUCTIONS: &str = "Điểm trừ";
pub const BANDS: &str = "Xếp loại";

/// The header of each sheet (a group's tree sheet is named by the group's id: [`TREE`]).
pub const SHEETS: [(&str, &[&str]); 11] = [
    (GENERAL, &["Mục", "Khóa", "Giá trị"]),
    (SOURCES, &["Khóa", "Tiêu đề", "Đã xác nhận"]),
    (
        GROUPS,
        &[
            "Nhóm",
            "Tên",
            "Tổng điểm",
            "Thẩm định",
            "Điều tra",
            "Hài lòng",
            "Nguồn gốc",
            "Ghi chú",
            "Điều tra: nguồn gốc",
            "Điều tra: ghi chú",
        ],
    ),
    (RESPONDENT_GROUPS, &["Nhóm", "Mã", "Tên", "Trọng số"]),
    (QUESTIONS, &["Nhóm", "Mã", "Tiêu chí", "Nội dung"]),
    (SURVEY_SCALE, &["Phương án", "Trọng số", "Nhãn"]),
    (SIPAS_SCALE, &["Mức", "Nhãn"]),
    (ELEMENTS, &["Mã", "Tên", "Nguồn gốc"]),
    (ITEMS, &["Yếu tố", "Mã", "Nội dung"]),
    (
        DEDUCTIONS,
        &[
            "Mã",
            "Tên",
            "Điểm mỗi lần",
            "Tối đa",
            "Nguồn gốc",
            "Ghi chú",
        ],
    ),
    (
        BANDS,
        &[
            "Tên",
            "Nhãn",
            "Từ",
            "Trên",
            "Đến",
            "Dưới",
            "Đạt",
            "Nguồn gốc",
        ],
    ),
];

/// The columns of a group's tree sheet; the one the reader passes over is [`TREE_WORDS`].
pub const TREE: [&str; 9] = [
    "Mã",
    "Tên",
    "Điểm tối đa",
    "Nguồn điểm",
    "Loại cách chấm",
    "Tham số cách chấm",
    TREE_WORDS,
    "Nguồn gốc",
    "Ghi chú",
];
/// The rule as the decision words it: written for the reader, not read back.
pub const TREE_WORDS: &str = "Cách chấm (theo văn bản)";

/// The keys of the general sheet, in order: (key, how its value is written in TOML).
pub const GENERAL_KEYS: [(&str, Kind); 18] = [
    ("id", Kind::Text),
    ("year", Kind::Integer),
    ("province", Kind::Text),
    ("decision", Kind::Text),
    ("publish.decimals", Kind::Integer),
    ("publish.ranking", Kind::Text),
    ("publish.provenance", Kind::Text),
    ("publish.note", Kind::Text),
    ("survey.provenance", Kind::Text),
    ("survey.note", Kind::Text),
    ("sipas.satisfied", Kind::Integers),
    ("sipas.min_valid", Kind::Integer),
    ("sipas.provenance", Kind::Text),
    ("sipas.note", Kind::Text),
    ("deductions.cap", Kind::Number),
    ("deductions.provenance", Kind::Text),
    ("deductions.note", Kind::Text),
    ("preamble", Kind::Text),
];

/// How a cell's text is written as a TOML value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A decimal, as a string the criteria's reader takes exactly.
    Number,
    Integer,
    /// Whole numbers separated by commas: `4, 5`.
    Integers,
    Boolean,
}

/// Whether a file is a workbook, to be read as one.
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["xlsx", "xlsm", "xls", "ods"].contains(&e.to_ascii_lowercase().as_str()))
}

/// The rule set of a criteria file, TOML or workbook (by its extension), or the built-in one.
pub fn load(path: Option<&Path>) -> Result<Criteria, Failure> {
    match path {
        Some(path) if is_workbook(path) => read(path),
        _ => criteria::load(path),
    }
}

/// A place in the workbook: sheet, row, column (1-based).
type Place = (String, u64, usize);

/// A criteria file being written from the workbook, every line with the cell it came from.
#[derive(Default)]
struct Toml {
    /// The workbook as messages name it.
    file: String,
    text: String,
    places: Vec<Option<Place>>,
    problems: Vec<Problem>,
}

impl Toml {
    /// Writes `text` (one line or more: the place is the last line's, blank lines have none).
    fn line(&mut self, text: &str, place: Option<Place>) {
        let lines: Vec<&str> = text.split('\n').collect();
        for (i, line) in lines.iter().enumerate() {
            self.text.push_str(line);
            self.text.push('\n');
            self.places.push(if i + 1 == lines.len() {
                place.clone()
            } else {
                None
            });
        }
    }

    /// `key = value` from a cell, unless it is empty.
    fn value(&mut self, key: &str, kind: Kind, cell: &Cell) {
        if cell.text.is_empty() {
            return;
        }
        let value = literal(kind, &cell.text);
        self.line(&format!("{key} = {value}"), Some(cell.place.clone()));
    }
}

/// A cell's text and place.
struct Cell {
    text: String,
    place: Place,
}

/// One sheet: its rows below the header, each cell found by its column's name.
struct Sheet {
    name: String,
    columns: Vec<Option<usize>>,
    rows: SheetRows,
}

impl Sheet {
    fn cell(&self, row: &(u64, Vec<String>), k: usize) -> Cell {
        let col = self.columns.get(k).copied().flatten();
        Cell {
            text: col
                .and_then(|c| row.1.get(c))
                .map_or(String::new(), |t| t.trim().to_string()),
            place: (self.name.clone(), row.0, col.map_or(0, |c| c + 1)),
        }
    }

    /// The row's own place (its first cell), for a table of the criteria file.
    fn place(&self, row: &(u64, Vec<String>)) -> Option<Place> {
        Some((self.name.clone(), row.0, 1))
    }
}

/// A TOML value from a cell's text (text the reader cannot take is left to the checks, which
/// name the cell).
fn literal(kind: Kind, text: &str) -> String {
    let whole = |t: &str| {
        let t = t.trim();
        let digits = t.strip_prefix('-').unwrap_or(t);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    match kind {
        Kind::Text | Kind::Number => string(text),
        Kind::Integer if whole(text) => text.trim().to_string(),
        Kind::Integers if text.split(',').all(whole) => {
            let values: Vec<&str> = text.split(',').map(str::trim).collect();
            format!("[{}]", values.join(", "))
        }
        Kind::Boolean => match fold_name(text).as_str() {
            "true" | "co" | "x" | "1" | "da xac nhan" => "true".into(),
            "false" | "khong" | "0" | "chua xac nhan" => "false".into(),
            _ => string(text),
        },
        _ => string(text),
    }
}

/// Reads and validates the rule set of a workbook.
pub fn read(path: &Path) -> Result<Criteria, Failure> {
    let name = path.display().to_string();
    let book = Sheets::read(path, &name, GENERAL).map_err(|f| match f {
        Failure::Input(problems) => Failure::Criteria(problems),
        other => other,
    })?;
    let mut toml = Toml {
        file: name.clone(),
        ..Toml::default()
    };
    let sheets = sheets(&name, book, &mut toml.problems);
    if !toml.problems.is_empty() {
        return Err(Failure::Criteria(toml.problems));
    }
    write(&sheets, &mut toml);
    if !toml.problems.is_empty() {
        return Err(Failure::Criteria(toml.problems));
    }
    criteria::parse(&name, &toml.text).map_err(|f| match f {
        Failure::Criteria(problems) => Failure::Criteria(
            problems
                .into_iter()
                .map(|p| located(p, &toml.places))
                .collect(),
        ),
        other => other,
    })
}

/// A problem of the criteria file written from the workbook, named by the cell its line came
/// from.
fn located(mut p: Problem, places: &[Option<Place>]) -> Problem {
    let place = p
        .line
        .checked_sub(1)
        .and_then(|l| places.get(l))
        .cloned()
        .flatten();
    match place {
        Some((sheet, row, column)) => {
            p.sheet = Some(sheet);
            p.line = row as usize;
            p.column = column;
        }
        None => {
            p.line = 0;
            p.column = 0;
        }
    }
    p
}

/// The workbook's sheets by name, their columns found by name; a sheet or column missing is a
/// problem, named.
fn sheets(name: &str, book: Sheets, problems: &mut Vec<Problem>) -> Vec<Sheet> {
    let mut found = Vec::new();
    for (sheet, rows) in book.parts {
        let Some(sheet) = sheet else { continue };
        let Some(h) = rows
            .iter()
            .position(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        else {
            continue;
        };
        let header: Vec<String> = rows[h].1.iter().map(|c| fold_name(c)).collect();
        let expected: Vec<&str> = SHEETS
            .iter()
            .find(|(n, _)| fold_name(n) == fold_name(&sheet))
            .map_or(TREE.to_vec(), |(_, cols)| cols.to_vec());
        let columns: Vec<Option<usize>> = expected
            .iter()
            .map(|c| header.iter().position(|h| *h == fold_name(c)))
            .collect();
        for (k, c) in expected.iter().enumerate() {
            if columns[k].is_none() && *c != TREE_WORDS {
                problems.push(
                    Problem::new(
                        name,
                        rows[h].0 as usize,
                        0,
                        tr!("inputs-rules-column-missing", column = *c),
                    )
                    .in_sheet(Some(&sheet))
                    .hint(tr!("inputs-rules-hint")),
                );
            }
        }
        found.push(Sheet {
            name: sheet,
            columns,
            rows: rows[h + 1..]
                .iter()
                .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
                .cloned()
                .collect(),
        });
    }
    for (sheet, _) in SHEETS {
        if !found.iter().any(|s| fold_name(&s.name) == fold_name(sheet)) {
            problems.push(
                Problem::new(name, 0, 0, tr!("inputs-rules-sheet-missing", sheet = sheet))
                    .hint(tr!("inputs-rules-hint")),
            );
        }
    }
    found
}

/// The criteria file the sheets hold, in the order the criteria file lays it out.
fn write(sheets: &[Sheet], toml: &mut Toml) {
    let sheet = |name: &str| {
        sheets
            .iter()
            .find(|s| fold_name(&s.name) == fold_name(name))
    };
    let general = sheet(GENERAL);
    let value_of = |key: &str| -> Option<Cell> {
        let s = general?;
        let row = s.rows.iter().find(|r| s.cell(r, 1).text == key)?;
        Some(s.cell(row, 2))
    };
    // the opening comment first, as a criteria file has it
    if let Some(preamble) = value_of("preamble") {
        for line in preamble.text.lines() {
            match line.starts_with('#') {
                true => toml.line(line, None),
                false => toml.line(&format!("# {line}"), None),
            }
        }
        toml.line("", None);
    }
    let table = |toml: &mut Toml, header: &str, keys: &[(&str, Kind)]| {
        if !header.is_empty() {
            toml.line(&format!("\n[{header}]"), None);
        }
        for &(key, kind) in keys {
            let full = match header {
                "" => key.to_string(),
                h => format!("{h}.{key}"),
            };
            if let Some(cell) = value_of(&full) {
                toml.value(key, kind, &cell);
            }
        }
    };
    let keys = |prefix: &str| -> Vec<(&str, Kind)> {
        GENERAL_KEYS
            .iter()
            .filter_map(|&(k, kind)| match prefix {
                "" => (!k.contains('.') && k != "preamble").then_some((k, kind)),
                p => k.strip_prefix(p)?.strip_prefix('.').map(|k| (k, kind)),
            })
            .collect()
    };
    table(toml, "", &keys(""));
    table(toml, "publish", &keys("publish"));
    if let Some(s) = sheet(SOURCES) {
        for row in &s.rows {
            let key = s.cell(row, 0);
            toml.line(
                &format!("\n[sources.{}]", string(&key.text)),
                Some(key.place.clone()),
            );
            toml.value("title", Kind::Text, &s.cell(row, 1));
            toml.value("confirmed", Kind::Boolean, &s.cell(row, 2));
        }
    }
    if let Some(s) = sheet(GROUPS) {
        for row in &s.rows {
            group(sheets, s, row, toml);
        }
    }
    table(toml, "survey", &keys("survey"));
    if let Some(s) = sheet(SURVEY_SCALE) {
        list(
            toml,
            "scale",
            s,
            &[
                ("option", Kind::Text),
                ("weight", Kind::Number),
                ("label", Kind::Text),
            ],
        );
    }
    table(toml, "sipas", &keys("sipas"));
    if let Some(s) = sheet(SIPAS_SCALE) {
        list(
            toml,
            "scale",
            s,
            &[("level", Kind::Integer), ("label", Kind::Text)],
        );
    }
    if let (Some(elements), Some(items)) = (sheet(ELEMENTS), sheet(ITEMS)) {
        for row in &elements.rows {
            toml.line("\n[[sipas.elements]]", elements.place(row));
            let code = elements.cell(row, 0);
            toml.value("code", Kind::Text, &code);
            toml.value("name", Kind::Text, &elements.cell(row, 1));
            toml.value("provenance", Kind::Text, &elements.cell(row, 2));
            let mine: Vec<&(u64, Vec<String>)> = items
                .rows
                .iter()
                .filter(|r| items.cell(r, 0).text == code.text)
                .collect();
            toml.line("items = [", None);
            for r in mine {
                let (id, text) = (items.cell(r, 1), items.cell(r, 2));
                toml.line(
                    &format!(
                        "  {{ id = {}, text = {} }},",
                        string(&id.text),
                        string(&text.text)
                    ),
                    Some(id.place),
                );
            }
            toml.line("]", None);
        }
    }
    table(toml, "deductions", &keys("deductions"));
    if let Some(s) = sheet(DEDUCTIONS) {
        let keys = [
            ("code", Kind::Text),
            ("name", Kind::Text),
            ("points", Kind::Number),
            ("cap", Kind::Number),
            ("provenance", Kind::Text),
            ("note", Kind::Text),
        ];
        for row in &s.rows {
            toml.line("\n[[deductions.kinds]]", s.place(row));
            for (k, &(key, kind)) in keys.iter().enumerate() {
                toml.value(key, kind, &s.cell(row, k));
            }
        }
    }
    if let Some(s) = sheet(BANDS) {
        let keys = [
            ("name", Kind::Text),
            ("label", Kind::Text),
            ("from", Kind::Number),
            ("above", Kind::Number),
            ("to", Kind::Number),
            ("below", Kind::Number),
            ("at", Kind::Number),
            ("provenance", Kind::Text),
        ];
        for row in &s.rows {
            toml.line("\n[[bands]]", s.place(row));
            for (k, &(key, kind)) in keys.iter().enumerate() {
                toml.value(key, kind, &s.cell(row, k));
            }
        }
    }
}

/// `name = [ { … }, … ]`, a row of `s` each (all its columns by `keys`).
fn list(toml: &mut Toml, name: &str, s: &Sheet, keys: &[(&str, Kind)]) {
    toml.line(&format!("{name} = ["), None);
    for row in &s.rows {
        let entries: Vec<String> = keys
            .iter()
            .enumerate()
            .filter_map(|(k, &(key, kind))| {
                let cell = s.cell(row, k);
                (!cell.text.is_empty()).then(|| format!("{key} = {}", literal(kind, &cell.text)))
            })
            .collect();
        toml.line(&format!("  {{ {} }},", entries.join(", ")), s.place(row));
    }
    toml.line("]", None);
}

/// A group: its table (from the groups sheet's row), its tree (its own sheet), its survey.
fn group(sheets: &[Sheet], groups: &Sheet, row: &(u64, Vec<String>), toml: &mut Toml) {
    let id = groups.cell(row, 0);
    let table = format!("groups.{}", string(&id.text));
    toml.line(&format!("\n[{table}]"), Some(id.place.clone()));
    toml.value("name", Kind::Text, &groups.cell(row, 1));
    toml.value("total", Kind::Number, &groups.cell(row, 2));
    let split: Vec<Cell> = (3..6).map(|k| groups.cell(row, k)).collect();
    if split.iter().any(|c| !c.text.is_empty()) {
        let parts: Vec<String> = ["appraisal", "survey", "sipas"]
            .iter()
            .zip(&split)
            .filter(|(_, c)| !c.text.is_empty())
            .map(|(k, c)| format!("{k} = {}", literal(Kind::Number, &c.text)))
            .collect();
        toml.line(
            &format!("split = {{ {} }}", parts.join(", ")),
            Some(split[0].place.clone()),
        );
    }
    toml.value("provenance", Kind::Text, &groups.cell(row, 6));
    toml.value("note", Kind::Text, &groups.cell(row, 7));
    match sheets
        .iter()
        .find(|s| fold_name(&s.name) == fold_name(&id.text))
    {
        Some(tree) => nodes(tree, &table, toml),
        None => toml.problems.push(
            Problem::new(
                &toml.file,
                id.place.1 as usize,
                id.place.2,
                tr!("inputs-rules-tree-missing", group = id.text.as_str()),
            )
            .in_sheet(Some(&id.place.0))
            .hint(tr!("inputs-rules-hint")),
        ),
    }
    // the group's survey, where it has one
    let (provenance, note) = (groups.cell(row, 8), groups.cell(row, 9));
    let of_group = |s: &&Sheet| {
        s.rows
            .iter()
            .filter(|r| s.cell(r, 0).text == id.text)
            .cloned()
            .collect::<Vec<_>>()
    };
    let pick = |name: &str| {
        sheets
            .iter()
            .find(|s| fold_name(&s.name) == fold_name(name))
    };
    let respondents = pick(RESPONDENT_GROUPS).map(|s| (s, of_group(&s)));
    let questions = pick(QUESTIONS).map(|s| (s, of_group(&s)));
    let any = |x: &Option<(&Sheet, SheetRows)>| x.as_ref().is_some_and(|(_, r)| !r.is_empty());
    if provenance.text.is_empty() && !any(&respondents) && !any(&questions) {
        return;
    }
    toml.line(
        &format!("\n[{table}.survey]"),
        Some(provenance.place.clone()),
    );
    toml.value("provenance", Kind::Text, &provenance);
    toml.value("note", Kind::Text, &note);
    if let Some((s, rows)) = respondents {
        for r in &rows {
            toml.line(
                &format!("\n[[{table}.survey.respondent_groups]]"),
                s.place(r),
            );
            toml.value("id", Kind::Text, &s.cell(r, 1));
            toml.value("name", Kind::Text, &s.cell(r, 2));
            toml.value("weight", Kind::Number, &s.cell(r, 3));
        }
    }
    if let Some((s, rows)) = questions {
        for r in &rows {
            toml.line(&format!("\n[[{table}.survey.questions]]"), s.place(r));
            toml.value("id", Kind::Text, &s.cell(r, 1));
            toml.value("leaf", Kind::Text, &s.cell(r, 2));
            toml.value("text", Kind::Text, &s.cell(r, 3));
        }
    }
}

/// A group's tree: a node per row.
fn nodes(tree: &Sheet, table: &str, toml: &mut Toml) {
    for row in &tree.rows {
        toml.line(&format!("\n[[{table}.nodes]]"), tree.place(row));
        toml.value("code", Kind::Text, &tree.cell(row, 0));
        toml.value("name", Kind::Text, &tree.cell(row, 1));
        toml.value("max", Kind::Number, &tree.cell(row, 2));
        toml.value("source", Kind::Text, &tree.cell(row, 3));
        toml.value("rule", Kind::Text, &tree.cell(row, 4));
        let parameters = tree.cell(row, 5);
        if !parameters.text.is_empty() {
            // the rule's keys, each on its own line of the file, all from this cell
            match ::toml::from_str::<::toml::Table>(&format!("p = {{ {} }}", parameters.text)) {
                Ok(t) => {
                    if let Some(::toml::Value::Table(p)) = t.get("p") {
                        for (k, v) in p {
                            toml.line(&format!("{k} = {v}"), Some(parameters.place.clone()));
                        }
                    }
                }
                Err(e) => toml.problems.push(
                    Problem::new(
                        &toml.file,
                        parameters.place.1 as usize,
                        parameters.place.2,
                        tr!("inputs-rules-parameters", detail = e.message().trim()),
                    )
                    .in_sheet(Some(&parameters.place.0))
                    .hint(tr!("inputs-rules-parameters-hint")),
                ),
            }
        }
        toml.value("provenance", Kind::Text, &tree.cell(row, 7));
        toml.value("note", Kind::Text, &tree.cell(row, 8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_become_the_values_the_criteria_file_takes() {
        assert_eq!(literal(Kind::Number, "1,5"), "\"1,5\"");
        assert_eq!(literal(Kind::Integer, "2023"), "2023");
        assert_eq!(literal(Kind::Integer, "2023.5"), "\"2023.5\"");
        assert_eq!(literal(Kind::Integers, "4, 5"), "[4, 5]");
        assert_eq!(literal(Kind::Boolean, "TRUE"), "true");
        assert_eq!(literal(Kind::Boolean, "Không"), "false");
        assert_eq!(literal(Kind::Text, "a \"b\""), "'a \"b\"'");
        assert_eq!(literal(Kind::Text, "a b"), "\"a b\"");
    }
}
