//! An `.xlsx` workbook in place of a CSV file: the sheet named like the file (e.g.
//! `self-assessment`), else the first sheet.
//!
//! Numbers are taken as the decimal the user typed: a workbook stores 8.15 as the text
//! `8.15`, which calamine reads as the nearest binary float; the shortest text that reads back
//! as that float is `8.15` again, so every value typed with up to 15 significant digits comes
//! back exactly (see `decimal::from_float`).

use std::path::Path;

use calamine::{Data, Reader};

use super::table::{Sheet, SheetError};
use crate::error::Problem;

pub fn open(path: &Path, name: &str) -> Result<Sheet, SheetError> {
    // A damaged workbook must give a message, never a crash, whatever the reader does with it.
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(path, name)));
    std::panic::set_hook(quiet);
    result.unwrap_or_else(|_| {
        Err(SheetError::Problem(
            Problem::new(name, 0, 0, "the workbook is damaged and cannot be read").hint(
                "open it in Excel and save it again as .xlsx, or export the sheet as CSV UTF-8",
            ),
        ))
    })
}

fn read(path: &Path, name: &str) -> Result<Sheet, SheetError> {
    let bad = |message: String| {
        SheetError::Problem(
            Problem::new(name, 0, 0, message).hint("save the workbook again from Excel as .xlsx"),
        )
    };
    // a workbook is a zip archive; text under an .xlsx name is most often a renamed CSV
    let mut magic = [0u8; 2];
    let not_zip = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut magic))
        .is_ok_and(|n| n < 2 || &magic != b"PK");
    if not_zip {
        return Err(SheetError::Problem(
            Problem::new(
                name,
                0,
                0,
                "the file is not an .xlsx workbook (it is not a zip archive)",
            )
            .hint(
                "if it is CSV text, rename it to .csv; otherwise save it again from Excel as .xlsx",
            ),
        ));
    }
    let mut book = calamine::open_workbook_auto(path)
        .map_err(|e| bad(format!("not a readable workbook: {e}")))?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let names = book.sheet_names();
    let sheet = names
        .iter()
        .find(|n| n.trim().eq_ignore_ascii_case(&stem))
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| bad("the workbook has no sheet".into()))?;
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| bad(format!("sheet {sheet:?} cannot be read: {e}")))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::with_capacity(range.height());
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<String> = vec![String::new(); first_col as usize];
        cells.extend(row.iter().map(text));
        rows.push((first_row as u64 + i as u64 + 1, cells));
    }
    Sheet::from_rows(&format!("{name} (sheet {sheet})"), rows)
}

/// A cell as the text it shows.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => crate::decimal::from_float(*f)
            .map(|d| d.to_string())
            .unwrap_or_else(|| f.to_string()),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}
