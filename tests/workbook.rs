//! `--format xlsx`: the workbook read back with calamine holds the CSV's cells, one by one,
//! figures as numbers; a sheet per group with every field's points; merged title and headers.

mod common;

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use common::*;

/// Row of the last header row in an annex sheet (0-based): title rows, a blank row, two
/// header rows.
const HEADER_ROW: u32 = 5;

fn write_book(dir: &Path, extra: &[&str]) -> std::path::PathBuf {
    let book = dir.join("phu-luc.xlsx");
    let sample = sample();
    let mut args = vec![
        "compute",
        sample.to_str().unwrap(),
        "--format",
        "xlsx",
        "--output",
        book.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    book
}

/// The CSV of `compute --format csv --annex both` as two tables of text cells.
fn csv_tables(extra: &[&str]) -> Vec<Vec<Vec<String>>> {
    let sample = sample();
    let mut args = vec!["compute", sample.to_str().unwrap(), "--format", "csv"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    out.split("\n\n")
        .map(|block| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(block.as_bytes());
            reader
                .records()
                .map(|r| r.unwrap().iter().map(String::from).collect())
                .skip(1) // the title row
                .collect()
        })
        .collect()
}

fn text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.clone(),
        Some(other) => panic!("not text: {other:?}"),
    }
}

/// The annex sheet's cells: the headers as text (a header merged down two rows holds its text
/// in the upper cell), then the data rows, without the group heading rows.
fn sheet_rows(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(name).unwrap();
    let (last_row, last_col) = range.end().unwrap();
    let header: Vec<Data> = (0..=last_col)
        .map(|c| {
            let lower = text(range.get_value((HEADER_ROW, c)));
            Data::String(if lower.is_empty() {
                text(range.get_value((HEADER_ROW - 1, c)))
            } else {
                lower
            })
        })
        .collect();
    let mut rows = vec![header];
    for r in HEADER_ROW + 1..=last_row {
        let cells: Vec<Data> = (0..=last_col)
            .map(|c| range.get_value((r, c)).cloned().unwrap_or(Data::Empty))
            .collect();
        // a group heading: text in the first cell only
        if cells[1..].iter().all(|c| *c == Data::Empty) {
            assert!(matches!(cells[0], Data::String(_)), "row {r}");
            continue;
        }
        rows.push(cells);
    }
    rows
}

/// A CSV cell and a workbook cell agree: the same text, or a number that is the nearest double
/// to the CSV's figure (so figures are numbers, never text).
fn agree(csv: &str, book: &Data) -> bool {
    match book {
        Data::Empty => csv.is_empty(),
        Data::String(s) => s == csv && csv.parse::<f64>().is_err(),
        Data::Float(f) => csv.parse::<f64>() == Ok(*f),
        Data::Int(i) => csv.parse::<i64>() == Ok(*i),
        _ => false,
    }
}

#[test]
fn the_workbook_holds_the_csv_cell_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let book = write_book(dir.path(), &[]);
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(
        xlsx.sheet_names(),
        [
            "Phụ lục I",
            "Phụ lục II",
            "Điểm Sở, ban, ngành",
            "Điểm UBND huyện, thành phố"
        ]
    );
    let tables = csv_tables(&[]);
    assert_eq!(tables.len(), 2);
    for (name, table) in ["Phụ lục I", "Phụ lục II"].iter().zip(&tables) {
        let rows = sheet_rows(&mut xlsx, name);
        assert_eq!(rows.len(), table.len(), "{name}: rows");
        assert_eq!(rows.len(), 32, "{name}: header and 31 units");
        for (r, (a, b)) in table.iter().zip(&rows).enumerate() {
            assert_eq!(a.len(), b.len(), "{name} row {r}");
            for (c, (x, y)) in a.iter().zip(b).enumerate() {
                assert!(
                    agree(x, y),
                    "{name} row {r} column {c}: CSV {x:?}, workbook {y:?}"
                );
            }
        }
    }
}

#[test]
fn figures_are_numbers_shown_with_two_decimals() {
    let dir = tempfile::tempdir().unwrap();
    let book = write_book(dir.path(), &[]);
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let range = xlsx.worksheet_range("Phụ lục II").unwrap();
    // the first unit's row: after the headers and the first group's heading
    let row = HEADER_ROW + 2;
    let headers: Vec<String> = (0..30)
        .map(|c| {
            let lower = text(range.get_value((HEADER_ROW, c)));
            if lower.is_empty() {
                text(range.get_value((HEADER_ROW - 1, c)))
            } else {
                lower
            }
        })
        .collect();
    let col = |h: &str| headers.iter().position(|x| x == h).unwrap() as u32;
    assert_eq!(
        range.get_value((row, col("Mã đơn vị"))),
        Some(&Data::String("STC".into()))
    );
    assert_eq!(
        range.get_value((row, col("Chỉ số CCHC (%)"))),
        Some(&Data::Float(96.40))
    );
    assert_eq!(
        range.get_value((row, col("Điểm tối đa"))),
        Some(&Data::Float(100.0))
    );
    assert_eq!(
        range.get_value((row, col("Xếp hạng"))),
        Some(&Data::Float(1.0))
    );
    // titles and merged headers
    assert_eq!(text(range.get_value((0, 0))), "PHỤ LỤC II");
    assert_eq!(
        text(range.get_value((1, 0))),
        "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"
    );
    assert_eq!(
        text(range.get_value((HEADER_ROW - 1, 4))),
        "Điểm theo lĩnh vực"
    );
    assert_eq!(text(range.get_value((HEADER_ROW, 4))), "Lĩnh vực 1");
    assert_eq!(
        text(range.get_value((HEADER_ROW + 1, 0))),
        "I. Sở, ban, ngành"
    );
    let merged: Vec<_> = xlsx
        .merge_cells_by_sheet_name("Phụ lục II")
        .unwrap()
        .into_iter()
        .map(|d| (d.start, d.end))
        .collect();
    // the title across the table; the field columns under one header; "Mã đơn vị" down two rows
    let last = headers.iter().rposition(|h| !h.is_empty()).unwrap() as u32;
    assert!(merged.contains(&((0, 0), (0, last))), "{merged:?}");
    assert!(
        merged.contains(&((HEADER_ROW - 1, 4), (HEADER_ROW - 1, 11))),
        "{merged:?}"
    );
    assert!(
        merged.contains(&((HEADER_ROW - 1, 2), (HEADER_ROW, 2))),
        "{merged:?}"
    );
}

#[test]
fn with_previous_the_workbook_still_holds_the_csv() {
    let previous = root().join("samples/2022/results.json");
    let extra = ["--annex", "par", "--previous", previous.to_str().unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let book = write_book(dir.path(), &extra);
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(xlsx.sheet_names()[0], "Phụ lục II");
    let sample = sample();
    let mut args = vec!["compute", sample.to_str().unwrap(), "--format", "csv"];
    args.extend_from_slice(&extra);
    let (_, out, _) = run(&args);
    let table: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let rows = sheet_rows(&mut xlsx, "Phụ lục II");
    assert_eq!(rows.len(), table.len());
    assert!(rows[0].contains(&Data::String("Tăng, giảm chỉ số".into())));
    for (r, (a, b)) in table.iter().zip(&rows).enumerate() {
        for (c, (x, y)) in a.iter().zip(b).enumerate() {
            assert!(agree(x, y), "row {r} column {c}: CSV {x:?}, workbook {y:?}");
        }
    }
}

#[test]
fn a_sheet_per_group_with_every_fields_points() {
    let dir = tempfile::tempdir().unwrap();
    let book = write_book(dir.path(), &[]);
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let json = compute_json(&sample(), &[]);
    for (sheet, group) in [
        ("Điểm Sở, ban, ngành", "so"),
        ("Điểm UBND huyện, thành phố", "huyen"),
    ] {
        let range = xlsx.worksheet_range(sheet).unwrap();
        let units: Vec<&serde_json::Value> = json["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["group"] == group)
            .collect();
        // the maxima row, then one row per unit by rank
        assert_eq!(
            text(range.get_value((HEADER_ROW + 1, 0))),
            "Điểm tối đa theo bộ tiêu chí"
        );
        assert!(text(range.get_value((HEADER_ROW, 3))).starts_with("1. Công tác chỉ đạo"));
        for (k, u) in units.iter().enumerate() {
            let row = HEADER_ROW + 2 + k as u32;
            assert_eq!(text(range.get_value((row, 1))), u["code"].as_str().unwrap());
            for (f, points) in u["par"]["fields"].as_object().unwrap().values().enumerate() {
                let Some(Data::Float(v)) = range.get_value((row, 3 + f as u32)) else {
                    panic!("{sheet} row {row}: field {f} is not a number");
                };
                assert_eq!(
                    format!("{v:.2}"),
                    points.to_string(),
                    "{sheet} {} field {}",
                    u["code"],
                    f + 1
                );
            }
        }
    }
}

#[test]
fn a_workbook_is_never_printed_on_a_terminal_and_never_half_written() {
    // On a pipe the workbook goes to stdout (the test's stdout is a pipe): it is a zip.
    let sample = sample();
    let out = bin()
        .args(["compute", sample.to_str().unwrap(), "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK"));
    // a failed run leaves an earlier file as it was
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("a.xlsx");
    std::fs::write(&book, b"earlier").unwrap();
    let (code, _, _) = run(&[
        "compute",
        dir.path().to_str().unwrap(),
        "--format",
        "xlsx",
        "--output",
        book.to_str().unwrap(),
    ]);
    assert_eq!(code, 4);
    assert_eq!(std::fs::read(&book).unwrap(), b"earlier");
}
