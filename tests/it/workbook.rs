//! `--format xlsx`: the workbook read back with calamine. The annex sheets hold the CSV's
//! figures unit by unit (figures as numbers) under STT and the unit's name, without the group
//! and unit codes, the fields named from the criteria; the codes are on the data sheet, one row
//! per unit; a sheet per group with every field's points; merged title and headers; Times New
//! Roman; the program and the rules in the document properties.

use std::io::Read;
use std::path::Path;

use crate::common::*;
use calamine::{Data, Reader, Xlsx};

/// Row of the last header row in an annex sheet (0-based): title rows, a blank row, two
/// header rows.
const HEADER_ROW: u32 = 5;
/// Row of the header of the data sheet.
const DATA_HEADER_ROW: u32 = 3;

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

/// The CSV of `compute --format csv extra…` as tables (one per annex) of text cells, each with
/// its header row first.
fn csv_tables(extra: &[&str]) -> Vec<Vec<Vec<String>>> {
    let sample = sample();
    let mut args = vec!["compute", sample.to_str().unwrap(), "--format", "csv"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let titled = out.trim_start_matches('"').starts_with("Phụ lục");
    out.split("\n\n")
        .map(|block| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(block.as_bytes());
            reader
                .records()
                .map(|r| r.unwrap().iter().map(String::from).collect())
                .skip(usize::from(titled)) // the title row
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

/// An annex sheet: its column headers (the lower header row, or the upper one where a header
/// is merged down both rows), its rows of units, and the other rows below the header (group
/// headings, notes: text in the first cell only).
struct Sheet {
    headers: Vec<String>,
    units: Vec<Vec<Data>>,
    others: Vec<String>,
}

fn annex_sheet(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Sheet {
    let range = book.worksheet_range(name).unwrap();
    let (last_row, last_col) = range.end().unwrap();
    let headers = (0..=last_col)
        .map(|c| {
            let lower = text(range.get_value((HEADER_ROW, c)));
            if lower.is_empty() {
                text(range.get_value((HEADER_ROW - 1, c)))
            } else {
                lower
            }
        })
        .collect();
    let mut sheet = Sheet {
        headers,
        units: Vec::new(),
        others: Vec::new(),
    };
    for r in HEADER_ROW + 1..=last_row {
        let cells: Vec<Data> = (0..=last_col)
            .map(|c| range.get_value((r, c)).cloned().unwrap_or(Data::Empty))
            .collect();
        if cells[1..].iter().all(|c| *c == Data::Empty) {
            sheet.others.push(text(Some(&cells[0])));
        } else {
            sheet.units.push(cells);
        }
    }
    sheet
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

/// The CSV column a published column shows: the same header, or the field, source or element
/// it names ("1. Công tác …" is "Lĩnh vực 1", "Thẩm định" is "Điểm thẩm định", "Tiếp cận dịch
/// vụ" is "Tiếp cận dịch vụ (%)").
pub(crate) fn csv_column(csv_headers: &[String], published: &str) -> Option<usize> {
    let find = |h: &str| csv_headers.iter().position(|x| x == h);
    if let Some(c) = find(published) {
        return Some(c);
    }
    if let Some((k, _)) = published.split_once(". ")
        && k.chars().all(|c| c.is_ascii_digit())
    {
        return find(&format!("Lĩnh vực {k}"));
    }
    let lower: String = published
        .chars()
        .take(1)
        .flat_map(char::to_lowercase)
        .chain(published.chars().skip(1))
        .collect();
    find(&format!("Điểm {lower}")).or_else(|| find(&format!("{published} (%)")))
}

/// Every unit row of the annex sheet holds the CSV row of the same unit (in the same order):
/// STT, the name, and every published column's figure; the CSV's columns all shown but the
/// group, the code and the note.
fn holds_the_csv(sheet: &Sheet, table: &[Vec<String>], name: &str) {
    let csv_headers = &table[0];
    let rows = &table[1..];
    assert_eq!(sheet.headers[0], "STT", "{name}");
    assert_eq!(sheet.headers[1], "Tên đơn vị", "{name}");
    let mapped: Vec<usize> = sheet.headers[2..]
        .iter()
        .map(|h| csv_column(csv_headers, h).unwrap_or_else(|| panic!("{name}: {h:?}")))
        .collect();
    let mut shown: Vec<&str> = mapped.iter().map(|&c| csv_headers[c].as_str()).collect();
    shown.extend(["Tên đơn vị", "Nhóm", "Mã đơn vị", "Ghi chú"]);
    for h in csv_headers {
        assert!(
            shown.contains(&h.as_str()),
            "{name}: CSV column {h} not shown"
        );
    }
    assert_eq!(sheet.units.len(), rows.len(), "{name}: units");
    let code_col = csv_headers.iter().position(|h| h == "Mã đơn vị").unwrap();
    let name_col = csv_headers.iter().position(|h| h == "Tên đơn vị").unwrap();
    let group_col = csv_headers.iter().position(|h| h == "Nhóm").unwrap();
    let mut stt = 0;
    let mut group = "";
    for (r, (csv, book)) in rows.iter().zip(&sheet.units).enumerate() {
        if csv[group_col] != group {
            group = &csv[group_col];
            stt = 0;
        }
        stt += 1;
        assert_eq!(book[0], Data::Float(stt as f64), "{name} row {r}: STT");
        assert_eq!(text(Some(&book[1])), csv[name_col], "{name} row {r}");
        for (k, &c) in mapped.iter().enumerate() {
            assert!(
                agree(&csv[c], &book[k + 2]),
                "{name} {} column {}: CSV {:?}, workbook {:?}",
                csv[code_col],
                csv_headers[c],
                csv[c],
                book[k + 2]
            );
        }
    }
}

#[test]
fn the_annex_sheets_hold_the_csv_figures_unit_by_unit_without_codes() {
    let dir = tempfile::tempdir().unwrap();
    let book = write_book(dir.path(), &[]);
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(
        xlsx.sheet_names(),
        [
            "Phụ lục I",
            "Phụ lục II",
            "Điểm Sở, ban, ngành",
            "Điểm UBND huyện, thành phố",
            "Dữ liệu"
        ]
    );
    let tables = csv_tables(&[]);
    assert_eq!(tables.len(), 2);
    let json = compute_json(&sample(), &[]);
    let codes: Vec<&str> = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap())
        .collect();
    for (name, table) in ["Phụ lục I", "Phụ lục II"].iter().zip(&tables) {
        let sheet = annex_sheet(&mut xlsx, name);
        assert_eq!(sheet.units.len(), 31, "{name}: 31 units");
        holds_the_csv(&sheet, table, name);
        // no group id, no unit code, no internal column anywhere on the sheet
        let range = xlsx.worksheet_range(name).unwrap();
        for cell in range.used_cells() {
            if let Data::String(s) = cell.2 {
                assert!(
                    !codes.contains(&s.as_str()) && s != "so" && s != "huyen",
                    "{name} {:?}: {s}",
                    (cell.0, cell.1)
                );
                assert!(!["Mã đơn vị", "Nhóm", "Ghi chú"].contains(&s.as_str()));
            }
        }
    }
}

#[test]
fn phu_luc_ii_names_the_fields_and_marks_with_notes() {
    let dir = tempfile::tempdir().unwrap();
    let book = write_book(dir.path(), &[]);
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let sheet = annex_sheet(&mut xlsx, "Phụ lục II");
    // the fields' names as the criteria have them, in order
    let criteria: toml::Value = toml::from_str(
        &std::fs::read_to_string(root().join("criteria/lang-son-2023.toml")).unwrap(),
    )
    .unwrap();
    let fields: Vec<String> = criteria["groups"]["so"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| !n["code"].as_str().unwrap().contains('.'))
        .map(|n| {
            format!(
                "{}. {}",
                n["code"].as_str().unwrap(),
                n["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(fields.len(), 8);
    assert_eq!(sheet.headers[2..10], fields[..]);
    assert!(!sheet.headers.iter().any(|h| h.starts_with("Lĩnh vực")));
    // the units ranked below the published precision are named in a note under their group,
    // and the unit below the minimum of questionnaires in another
    let json = compute_json(&sample(), &[]);
    let noted: Vec<&str> = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["par"].get("rank_note").is_some())
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert!(!noted.is_empty());
    let star = sheet.others.iter().find(|t| t.starts_with("* ")).unwrap();
    for name in &noted {
        assert!(star.contains(name), "{star}");
    }
    let dagger = sheet.others.iter().find(|t| t.starts_with("† ")).unwrap();
    assert!(dagger.contains("Huyện Đình Lập (85 phiếu)"), "{dagger}");
    // titles and merged headers
    let range = xlsx.worksheet_range("Phụ lục II").unwrap();
    assert_eq!(text(range.get_value((0, 0))), "PHỤ LỤC II");
    assert_eq!(
        text(range.get_value((1, 0))),
        "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"
    );
    assert_eq!(
        text(range.get_value((2, 0))),
        "(Kèm theo Quyết định số      /QĐ-UBND ngày    tháng    năm      của Chủ tịch UBND tỉnh Lạng Sơn)"
    );
    assert_eq!(
        text(range.get_value((HEADER_ROW - 1, 2))),
        "Điểm theo lĩnh vực"
    );
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
    // the title across the table; the field columns under one header; the name down two rows
    let last = sheet.headers.len() as u32 - 1;
    assert!(merged.contains(&((0, 0), (0, last))), "{merged:?}");
    assert!(
        merged.contains(&((HEADER_ROW - 1, 2), (HEADER_ROW - 1, 9))),
        "{merged:?}"
    );
    assert!(
        merged.contains(&((HEADER_ROW - 1, 1), (HEADER_ROW, 1))),
        "{merged:?}"
    );
}

#[test]
fn the_data_sheet_has_every_units_group_and_code() {
    let dir = tempfile::tempdir().unwrap();
    let book = write_book(dir.path(), &[]);
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let range = xlsx.worksheet_range("Dữ liệu").unwrap();
    let (last_row, last_col) = range.end().unwrap();
    let headers: Vec<String> = (0..=last_col)
        .map(|c| text(range.get_value((DATA_HEADER_ROW, c))))
        .collect();
    let col = |h: &str| headers.iter().position(|x| x == h).unwrap() as u32;
    let json = compute_json(&sample(), &[]);
    let units = json["units"].as_array().unwrap();
    assert_eq!(last_row - DATA_HEADER_ROW, units.len() as u32);
    // one row per unit, group by group by rank, as the JSON lists them
    for (k, u) in units.iter().enumerate() {
        let r = DATA_HEADER_ROW + 1 + k as u32;
        assert_eq!(
            text(range.get_value((r, col("Nhóm")))),
            u["group"].as_str().unwrap()
        );
        assert_eq!(
            text(range.get_value((r, col("Mã đơn vị")))),
            u["code"].as_str().unwrap()
        );
        assert_eq!(
            text(range.get_value((r, col("Tên đơn vị")))),
            u["name"].as_str().unwrap()
        );
        assert_eq!(
            range.get_value((r, col("Xếp hạng"))),
            Some(&Data::Float(u["par"]["rank"].as_f64().unwrap()))
        );
        assert_eq!(
            range.get_value((r, col("Chỉ số CCHC (%)"))),
            Some(&Data::Float(u["par"]["index"].as_f64().unwrap())),
            "{}",
            u["code"]
        );
        assert_eq!(
            range.get_value((r, col("Chỉ số hài lòng (%)"))),
            Some(&Data::Float(u["sipas"]["index"].as_f64().unwrap())),
            "{}",
            u["code"]
        );
        assert_eq!(
            range.get_value((r, col("Xếp hạng chỉ số hài lòng"))),
            Some(&Data::Float(u["sipas"]["rank"].as_f64().unwrap()))
        );
    }
}

#[test]
fn with_previous_the_annex_sheet_still_holds_the_csv() {
    let previous = root().join("samples/2022/results.json");
    let extra = ["--annex", "par", "--previous", previous.to_str().unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let book = write_book(dir.path(), &extra);
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(xlsx.sheet_names()[0], "Phụ lục II");
    let tables = csv_tables(&extra);
    assert_eq!(tables.len(), 1);
    let sheet = annex_sheet(&mut xlsx, "Phụ lục II");
    assert!(sheet.headers.contains(&"Tăng, giảm chỉ số".to_string()));
    holds_the_csv(&sheet, &tables[0], "Phụ lục II");
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
        assert_eq!(text(range.get_value((HEADER_ROW - 1, 0))), "STT");
        assert!(text(range.get_value((HEADER_ROW, 2))).starts_with("1. Công tác chỉ đạo"));
        for (k, u) in units.iter().enumerate() {
            let row = HEADER_ROW + 2 + k as u32;
            assert_eq!(
                range.get_value((row, 0)),
                Some(&Data::Float(k as f64 + 1.0))
            );
            assert_eq!(text(range.get_value((row, 1))), u["name"].as_str().unwrap());
            for (f, points) in u["par"]["fields"].as_object().unwrap().values().enumerate() {
                let Some(Data::Float(v)) = range.get_value((row, 2 + f as u32)) else {
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

/// A part of a zip file (a workbook, a Word document) as text.
fn part(file: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn times_new_roman_and_the_program_and_rules_in_the_properties() {
    let dir = tempfile::tempdir().unwrap();
    let book = write_book(dir.path(), &[]);
    let styles = part(&book, "xl/styles.xml");
    let doc = roxmltree::Document::parse(&styles).unwrap();
    let fonts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("font"))
        .map(|f| {
            f.children()
                .find(|c| c.has_tag_name("name"))
                .and_then(|n| n.attribute("val"))
                .unwrap_or("")
        })
        .collect();
    assert!(!fonts.is_empty());
    assert!(fonts.iter().all(|f| *f == "Times New Roman"), "{fonts:?}");
    let custom = part(&book, "docProps/custom.xml");
    assert!(custom.contains(env!("CARGO_PKG_VERSION")), "{custom}");
    assert!(custom.contains("lang-son-2023"), "{custom}");
    let core = part(&book, "docProps/core.xml");
    assert!(
        core.contains(&format!("par-index {}", env!("CARGO_PKG_VERSION"))),
        "{core}"
    );
    // the same inputs give the same bytes (no clock in the properties)
    let again = tempfile::tempdir().unwrap();
    let second = write_book(again.path(), &[]);
    assert_eq!(
        std::fs::read(&book).unwrap(),
        std::fs::read(&second).unwrap()
    );
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
