//! A sheet of an xlsx, xls or ods workbook as a table, every cell read as Excel shows it:
//!
//! - a number as the decimal Excel shows, to its 15 significant digits (`8.15` typed is stored
//!   as the nearest binary float; 15 digits give `8.15` back, and a formula's
//!   0.83699999999999997 shows as 0.837 in Excel and here);
//! - a cell formatted as a percentage as its percentage, with `%` (`0.999` shown as 99.9% is
//!   `99.9%`; xlsx only: calamine reads no number format from xls or ods files, where such a
//!   value then meets the readers' warning on percentages of at most 1);
//! - a date as `dd/mm/yyyy` (with the time when it has one), numbers stored as text as typed;
//! - a merged cell's value in every cell it covers (xlsx and xls), so that a unit code merged
//!   down its rows, as in printed forms, names the unit on each.
//!
//! The sheet read is the one named for the file's role (e.g. `self-assessment`, or `Tự đánh
//! giá`), else the first whose header holds the file's columns; a note says which when the
//! workbook has several, and when none fits the problem lists them.

use std::path::Path;

use calamine::{Data, Reader, Sheets};
use rust_decimal::Decimal;

use super::{OpenError, Problem, Records, SheetRows, Spec, Table, fold_name};
use crate::error::Problems;
use crate::tr;

/// Whether a file is a workbook, by its extension.
pub(super) fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["xlsx", "xlsm", "xls", "ods"].contains(&e.to_ascii_lowercase().as_str()))
}

type Book = Sheets<std::io::BufReader<std::fs::File>>;

/// The workbook at `path`; a damaged one gives a problem, never a crash, whatever the reader
/// does with it.
fn open(path: &Path, name: &str) -> Result<Book, OpenError> {
    if let Err(e) = std::fs::metadata(path) {
        return Err(OpenError::Io(crate::error::Failure::io(
            tr!("inputs-cannot-read", file = name),
            e,
        )));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    // an xlsx or ods workbook is a zip archive, an xls one an OLE file: text under such a name
    // is most often a renamed CSV
    let mut magic = [0u8; 4];
    let read = std::fs::File::open(path).and_then(|mut f| std::io::Read::read(&mut f, &mut magic));
    let expected: &[u8] = if ext == "xls" {
        b"\xD0\xCF\x11\xE0"
    } else {
        b"PK"
    };
    if read.map_or(true, |n| n < expected.len()) || !magic.starts_with(expected) {
        return Err(OpenError::Problem(
            Problem::new(name, 0, 0, tr!("inputs-not-a-workbook", extension = ext))
                .hint(tr!("inputs-not-a-workbook-hint")),
        ));
    }
    let opened = crate::error::catch_quietly(|| calamine::open_workbook_auto(path));
    match opened {
        Some(Ok(book)) => Ok(book),
        Some(Err(e)) => Err(damaged(name, &e.to_string())),
        None => Err(damaged(name, "")),
    }
}

fn damaged(name: &str, error: &str) -> OpenError {
    let message = match error.is_empty() {
        true => tr!("inputs-workbook-damaged"),
        false => tr!("inputs-workbook-damaged-detail", error = error),
    };
    OpenError::Problem(Problem::new(name, 0, 0, message).hint(tr!("inputs-workbook-damaged-hint")))
}

/// The rows of a sheet, numbered as Excel numbers them, every cell as Excel shows it; with
/// `fill_merged`, a merged cell's value in every cell it covers.
fn rows(
    book: &mut Book,
    name: &str,
    sheet: &str,
    fill_merged: bool,
) -> Result<SheetRows, OpenError> {
    let read = crate::error::catch_quietly(|| {
        let range = book.worksheet_range(sheet)?;
        let styles = book.worksheet_style(sheet).unwrap_or_default();
        let merged = match book {
            _ if !fill_merged => None,
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).ok(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).ok(),
            _ => None,
        };
        Ok::<_, calamine::Error>((range, styles, merged.unwrap_or_default()))
    });
    let (range, styles, merged) = match read {
        Some(Ok(read)) => read,
        Some(Err(e)) => {
            return Err(OpenError::Problem(
                Problem::new(
                    name,
                    0,
                    0,
                    tr!("inputs-sheet-unreadable", error = e.to_string()),
                )
                .in_sheet(Some(sheet))
                .hint(tr!("inputs-workbook-damaged-hint")),
            ));
        }
        None => return Err(damaged(name, "")),
    };
    let Some((first_row, _)) = range.start() else {
        return Ok(Vec::new());
    };
    let (last_row, last_col) = range.end().unwrap_or((first_row, 0));
    let width = last_col as usize + 1;
    let mut grid: Vec<Vec<String>> = (first_row..=last_row)
        .map(|_| vec![String::new(); width])
        .collect();
    for cell in range.used_cells() {
        let (r, c) = (
            cell.0 as u32 + first_row,
            cell.1 as u32 + range.start().map_or(0, |s| s.1),
        );
        let percent = styles
            .get((r, c))
            .and_then(|s| s.number_format.as_ref())
            .is_some_and(|f| is_percent_format(&f.format_code));
        if let Some(slot) = grid
            .get_mut((r - first_row) as usize)
            .and_then(|row| row.get_mut(c as usize))
        {
            *slot = text(cell.2, percent);
        }
    }
    // a merged cell's value in every cell it covers, within the sheet's used rows
    for dims in merged {
        let (r0, c0) = dims.start;
        let (r1, c1) = dims.end;
        let value = grid
            .get(r0.wrapping_sub(first_row) as usize)
            .and_then(|row| row.get(c0 as usize))
            .cloned()
            .unwrap_or_default();
        if value.is_empty() {
            continue;
        }
        for r in r0.max(first_row)..=r1.min(last_row) {
            for c in c0..=c1.min(last_col) {
                let slot = &mut grid[(r - first_row) as usize][c as usize];
                if slot.is_empty() {
                    *slot = value.clone();
                }
            }
        }
    }
    Ok(grid
        .into_iter()
        .enumerate()
        .map(|(i, cells)| (u64::from(first_row) + i as u64 + 1, cells))
        .collect())
}

/// The table of `spec` in the workbook at `path`.
pub(super) fn table(
    path: &Path,
    name: &str,
    spec: &Spec,
    problems: &mut Problems,
) -> Result<Option<Table>, OpenError> {
    let mut book = open(path, name)?;
    let sheets = book.sheet_names();
    if sheets.is_empty() {
        return Err(OpenError::Problem(
            Problem::new(name, 0, 0, tr!("inputs-workbook-no-sheet"))
                .hint(tr!("inputs-workbook-damaged-hint")),
        ));
    }
    let stem = path
        .file_stem()
        .map(|s| fold_name(&s.to_string_lossy()))
        .unwrap_or_default();
    let named = |sheet: &str| {
        let s = fold_name(sheet);
        s == stem || s == fold_name(spec.role) || spec.sheet_names.iter().any(|n| fold_name(n) == s)
    };
    let by_name = sheets.iter().find(|s| named(s)).cloned();
    let listed = sheets.join(", ");
    let note = |problems: &mut Problems, sheet: &str, message: String| {
        if sheets.len() > 1 {
            problems.note(
                Problem::new(name, 0, 0, message)
                    .in_sheet(Some(sheet))
                    .hint(tr!("inputs-note-sheet-hint", sheets = listed.clone())),
            );
        }
    };
    // the sheet named for the file is read whatever it holds: its problems are the ones to say
    if let Some(sheet) = by_name {
        let rows = rows(&mut book, name, &sheet, true)?;
        note(
            problems,
            &sheet,
            tr!("inputs-note-sheet-named", sheet = sheet.as_str()),
        );
        let records = Records::Rows(rows.into_iter());
        return Ok(Table::find_header(
            name,
            Some(&sheet),
            records,
            spec,
            problems,
        ));
    }
    for sheet in &sheets {
        let rows = rows(&mut book, name, sheet, true)?;
        let mut tried = Problems::default();
        let records = Records::Rows(rows.into_iter());
        if let Some(table) = Table::find_header(name, Some(sheet), records, spec, &mut tried) {
            note(
                problems,
                sheet,
                tr!("inputs-note-sheet-found", sheet = sheet.as_str()),
            );
            problems.merge(tried);
            return Ok(Some(table));
        }
    }
    let columns: Vec<String> = spec.required.iter().map(|c| c.shown()).collect();
    Err(OpenError::Problem(
        Problem::new(
            name,
            0,
            0,
            tr!(
                "inputs-no-sheet-fits",
                columns = columns.join(", "),
                sheets = listed
            ),
        )
        .hint(tr!("inputs-no-sheet-fits-hint", role = spec.role)),
    ))
}

/// Every sheet's rows as laid out (merged cells not spread), the sheet named `first` first (for
/// `--previous`, which reads the export's own layout).
pub(super) fn every_sheet(
    path: &Path,
    name: &str,
    first: &str,
) -> Result<Vec<(Option<String>, SheetRows)>, OpenError> {
    let mut book = open(path, name)?;
    let mut sheets = book.sheet_names();
    sheets.sort_by_key(|s| fold_name(s) != fold_name(first));
    let mut parts = Vec::with_capacity(sheets.len());
    for sheet in sheets {
        let mut rows = rows(&mut book, name, &sheet, false)?;
        for (_, cells) in &mut rows {
            for c in cells.iter_mut() {
                *c = crate::text::normalize_key(c);
            }
        }
        parts.push((Some(sheet), rows));
    }
    Ok(parts)
}

/// Whether a number format shows its value as a percentage: a `%` outside quoted text, escapes
/// and `[…]` sections (`0.0%`, `0%;[Red]-0%`; not `0 "%"` nor `0\%`).
pub(crate) fn is_percent_format(code: &str) -> bool {
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            '%' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// A cell as the text Excel shows (see the module's documentation).
fn text(cell: &Data, percent: bool) -> String {
    let number = |d: Decimal| match percent {
        true => d
            .checked_mul(Decimal::ONE_HUNDRED)
            .map_or_else(|| d.to_string(), |p| format!("{}%", p.normalize())),
        false => d.to_string(),
    };
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => number(Decimal::from(*i)),
        Data::Float(f) => crate::decimal::from_excel(*f)
            .map(number)
            .unwrap_or_else(|| f.to_string()),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            match (h, mi, s) {
                (0, 0, 0) => format!("{day:02}/{mo:02}/{y:04}"),
                _ => format!("{day:02}/{mo:02}/{y:04} {h:02}:{mi:02}:{s:02}"),
            }
        }
        Data::DateTime(d) => crate::decimal::from_excel(d.as_f64())
            .map(|d| d.to_string())
            .unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats() {
        for code in ["0%", "0.00%", "0.0%;[Red]-0.0%", "#,##0.0%"] {
            assert!(is_percent_format(code), "{code}");
        }
        for code in [
            "General",
            "0.00",
            "0 \"%\"",
            "0\\%",
            "[$%-409]0",
            "dd/mm/yyyy",
        ] {
            assert!(!is_percent_format(code), "{code}");
        }
    }

    #[test]
    fn cells_read_as_excel_shows_them() {
        assert_eq!(text(&Data::Float(0.999), true), "99.9%");
        assert_eq!(text(&Data::Float(0.837), true), "83.7%");
        // a formula's result one binary digit off still shows as 83.7%
        let off = f64::from_bits(0.837f64.to_bits() - 1);
        assert_ne!(off, 0.837);
        assert_eq!(text(&Data::Float(off), true), "83.7%");
        assert_eq!(text(&Data::Float(1.124), true), "112.4%");
        assert_eq!(text(&Data::Int(1), true), "100%");
        assert_eq!(text(&Data::Float(8.15), false), "8.15");
        assert_eq!(text(&Data::Float(0.1 + 0.2), false), "0.3");
        assert_eq!(text(&Data::Float(96.39914752617), false), "96.39914752617");
        assert_eq!(text(&Data::Int(12), false), "12");
        assert_eq!(text(&Data::String(" 85 ".into()), false), " 85 ");
    }
}
