//! Inputs as analysts have them: every encoding, delimiter and Excel habit applied to the
//! sample year gives exactly the results of the clean UTF-8 CSV.

use rust_decimal::Decimal;
use std::path::Path;

use crate::common::*;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use unicode_normalization::UnicodeNormalization;

const FILES: [&str; 5] = [
    "units.csv",
    "self-assessment.csv",
    "par-survey.csv",
    "sipas-survey.csv",
    "deductions.csv",
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Legacy Vietnamese Windows code page, detected (or told with `--encoding windows-1258`).
    Windows1258,
}

#[derive(Debug, Clone)]
struct Variant {
    encoding: Encoding,
    delimiter: u8,
    decimal_comma: bool,
    crlf: bool,
    nfd: bool,
    padded: bool,
    blank_lines: bool,
}

fn variant() -> impl Strategy<Value = Variant> {
    (
        prop_oneof![
            Just(Encoding::Utf8),
            Just(Encoding::Utf8Bom),
            Just(Encoding::Utf16Le),
            Just(Encoding::Utf16Be),
            Just(Encoding::Windows1258)
        ],
        prop_oneof![Just(b','), Just(b';'), Just(b'\t')],
        any::<(bool, bool, bool, bool, bool)>(),
    )
        .prop_map(
            |(encoding, delimiter, (decimal_comma, crlf, nfd, padded, blank_lines))| Variant {
                encoding,
                delimiter,
                decimal_comma,
                crlf,
                nfd,
                padded,
                blank_lines,
            },
        )
}

/// A number as Excel shows it with a Vietnamese locale: `85.5` → `85,5`.
fn is_decimal(cell: &str) -> bool {
    let t = cell.trim_end_matches('%');
    t.contains('.')
        && t.split('.').count() == 2
        && t.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Windows-1258 keeps Vietnamese tone marks as combining characters after the base letter.
fn to_windows_1258(text: &str) -> Vec<u8> {
    let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut out = String::new();
    // composed first: Windows-1258 has ơ, ư, â… as letters, only the tones combine
    for ch in text.nfc() {
        let parts: String = std::iter::once(ch).nfd().collect();
        let base: String = parts
            .chars()
            .filter(|c| !tones.contains(c))
            .collect::<String>()
            .nfc()
            .collect();
        out.push_str(&base);
        out.extend(parts.chars().filter(|c| tones.contains(c)));
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&out);
    assert!(!unmappable, "not representable in Windows-1258");
    bytes.into_owned()
}

/// Rewrites a clean CSV file as `v` says.
fn rewrite(path: &Path, v: &Variant) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    let mut w = csv::WriterBuilder::new()
        .delimiter(v.delimiter)
        .terminator(if v.crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(Vec::new());
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap();
        let cells: Vec<String> = record
            .iter()
            .map(|c| {
                let mut c = if v.nfd {
                    c.nfd().collect::<String>()
                } else {
                    c.to_string()
                };
                if v.decimal_comma && is_decimal(&c) {
                    c = c.replace('.', ",");
                }
                let plain = !c.contains([',', ';', '\t', '"', '\n']);
                if v.padded && plain && !c.is_empty() {
                    format!("  {c} ")
                } else {
                    c
                }
            })
            .collect();
        w.write_record(&cells).unwrap();
        if v.blank_lines && i % 7 == 3 {
            w.flush().unwrap();
            w.write_record(std::iter::repeat_n("", cells.len()))
                .unwrap();
        }
    }
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let text = if v.blank_lines {
        text.replacen('\n', "\n\n", 3)
    } else {
        text
    };
    let bytes = match v.encoding {
        Encoding::Utf8 => text.into_bytes(),
        Encoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        Encoding::Utf16Le => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        Encoding::Utf16Be => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        Encoding::Windows1258 => to_windows_1258(&text),
    };
    std::fs::write(path, bytes).unwrap();
}

fn json(dir: &Path, windows_1258: bool) -> String {
    let d = dir.to_str().unwrap();
    let mut args = vec!["compute", d, "--format", "json"];
    if windows_1258 {
        args.extend(["--encoding", "windows-1258"]);
    }
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn each_variant_alone_gives_identical_output() {
    let baseline = json(&sample(), false);
    let clean = Variant {
        encoding: Encoding::Utf8,
        delimiter: b',',
        decimal_comma: false,
        crlf: false,
        nfd: false,
        padded: false,
        blank_lines: false,
    };
    let variants = [
        Variant {
            encoding: Encoding::Utf8Bom,
            ..clean.clone()
        },
        Variant {
            encoding: Encoding::Utf16Le,
            delimiter: b'\t',
            ..clean.clone()
        },
        Variant {
            encoding: Encoding::Utf16Be,
            delimiter: b'\t',
            ..clean.clone()
        },
        Variant {
            delimiter: b';',
            decimal_comma: true,
            ..clean.clone()
        },
        Variant {
            crlf: true,
            ..clean.clone()
        },
        Variant {
            nfd: true,
            ..clean.clone()
        },
        Variant {
            padded: true,
            ..clean.clone()
        },
        Variant {
            blank_lines: true,
            ..clean.clone()
        },
        Variant {
            encoding: Encoding::Windows1258,
            ..clean.clone()
        },
    ];
    for v in &variants {
        let dir = copy_dir(&sample());
        for f in FILES {
            rewrite(&dir.path().join(f), v);
        }
        assert_eq!(json(dir.path(), false), baseline, "{v:?}");
        if v.encoding == Encoding::Windows1258 {
            // detected, or told
            assert_eq!(json(dir.path(), true), baseline, "{v:?} --encoding");
        }
    }
}

proptest! {
    // regressions beside this file (proptest would look in tests/proptest-regressions/, as
    // for a crate whose root is tests/it/main.rs)
    #![proptest_config(ProptestConfig {
        cases: 8,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    /// Any mix of variants, file by file: Windows-1258 files detected among the others, or,
    /// with `told`, named by the flag (which then applies to every file without a byte-order
    /// mark, so that none is UTF-8 without one).
    #[test]
    fn any_mix_of_variants_gives_identical_output(
        variants in proptest::array::uniform5(variant()),
        told: bool,
    ) {
        let baseline = json(&sample(), false);
        let legacy = told && variants.iter().any(|v| v.encoding == Encoding::Windows1258);
        let dir = copy_dir(&sample());
        for (f, v) in FILES.iter().zip(&variants) {
            let mut v = v.clone();
            if legacy && v.encoding == Encoding::Utf8 {
                v.encoding = Encoding::Windows1258;
            }
            rewrite(&dir.path().join(f), &v);
        }
        prop_assert_eq!(json(dir.path(), legacy), baseline);
    }
}

/// Writes `csv` as a workbook `xlsx`: numbers as numbers (as Excel stores what is typed),
/// text as text; the data sheet named `sheet`, after an empty first sheet when `second`.
fn to_workbook(csv: &Path, xlsx: &Path, sheet: &str, second: bool) {
    let mut book = rust_xlsxwriter::Workbook::new();
    if second {
        book.add_worksheet().set_name("Ghi chú").unwrap();
    }
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(csv)
        .unwrap();
    for (r, record) in reader.records().enumerate() {
        for (c, cell) in record.unwrap().iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(n) if r > 0 && !cell.is_empty() => ws.write_number(r, c, n).map(|_| ()),
                _ if cell.is_empty() => Ok(()),
                _ => ws.write_string(r, c, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.save(xlsx).unwrap();
}

#[test]
fn workbooks_in_place_of_csv_give_identical_output() {
    let baseline = json(&sample(), false);
    let dir = copy_dir(&sample());
    for (i, f) in FILES.iter().enumerate() {
        let csv = dir.path().join(f);
        let stem = f.trim_end_matches(".csv");
        // the sheet named like the file (after another sheet), or the first sheet
        let (sheet, second) = if i % 2 == 0 {
            (stem, true)
        } else {
            ("Sheet1", false)
        };
        to_workbook(
            &csv,
            &dir.path().join(format!("{stem}.xlsx")),
            sheet,
            second,
        );
        std::fs::remove_file(csv).unwrap();
    }
    // the warnings name the file read, which is now a workbook, and its sheet
    let out = json(dir.path(), false).replace(".xlsx\"", ".csv\"");
    let (sheets, rest): (Vec<&str>, Vec<&str>) = out
        .lines()
        .partition(|l| l.trim_start().starts_with("\"sheet\": "));
    let files = out
        .lines()
        .filter(|l| l.trim_start().starts_with("\"file\": "))
        .count();
    assert_eq!(sheets.len(), files, "every warning names its sheet");
    assert!(
        rest.join("\n") + "\n" == baseline,
        "the workbooks give other results"
    );
}

#[test]
fn a_number_typed_in_a_workbook_is_read_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("self-assessment.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["unit", "criterion", "self", "appraised", "value"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_number(1, 2, 8.15).unwrap();
    ws.write_number(1, 3, 0.1).unwrap();
    ws.write_number(1, 4, 99.975).unwrap();
    book.save(&path).unwrap();
    use par_index::inputs::table::{Row, Spec, Table, cell};
    // any header: the first row
    let spec = Spec {
        role: "self-assessment",
        sheet_names: &[],
        required: &[],
        optional: &[],
        ignored: &[],
    };
    library_in_english();
    let mut problems = par_index::inputs::Problems::default();
    let mut table = Table::open(
        &path,
        "self-assessment.xlsx",
        &spec,
        Default::default(),
        &mut problems,
    )
    .expect("readable")
    .expect("the workbook opens");
    let mut record = Row::new();
    let line = table.next(&mut record, &mut problems).expect("a row");
    let cells: Vec<&str> = (2..5).map(|c| cell(&record, c)).collect();
    assert_eq!(cells, ["8.15", "0.1", "99.975"]);
    assert_eq!(line, 2);
}

// ---------------------------------------------------------------------------------------------
// Files as an analyst's Excel makes them (issue "Excel files as analysts really have them"):
// each shape of the sample year gives the annexes of the same data as clean CSV.

/// The rows of a CSV file, header first.
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

fn write_csv(path: &Path, rows: &[Vec<String>]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

/// Writes `rows` (header first) into `ws` from row `top`: numbers as numbers, text as text;
/// a cell that `percent` picks as a fraction with a percentage format (85.5 → 0.855, shown
/// 85.5%), as Excel stores a percentage typed in such a cell.
fn write_rows(
    ws: &mut rust_xlsxwriter::Worksheet,
    top: u32,
    rows: &[Vec<String>],
    percent: &dyn Fn(&[String], usize) -> bool,
) {
    let pct = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (rr, cc) = (top + r as u32, c as u16);
            match cell.parse::<f64>() {
                _ if cell.is_empty() => {}
                Ok(n) if r > 0 && percent(row, c) => {
                    ws.write_number_with_format(rr, cc, n / 100.0, &pct)
                        .unwrap();
                }
                Ok(n) if r > 0 => {
                    ws.write_number(rr, cc, n).unwrap();
                }
                _ => {
                    ws.write_string(rr, cc, cell).unwrap();
                }
            }
        }
    }
}

/// The annexes as JSON, the file names and sheets of workbooks left out (they name what was
/// read, which differs by design), with what was said on standard error.
fn annexes(dir: &Path) -> (String, String) {
    let (code, out, err) = run(&["compute", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let out = out.replace(".xlsx\"", ".csv\"");
    let kept: Vec<&str> = out
        .lines()
        .filter(|l| !l.trim_start().starts_with("\"sheet\": "))
        .collect();
    (kept.join("\n") + "\n", err)
}

/// The (group, criterion) pairs whose rule reads a percentage, from `criteria --format json`.
fn percent_rules() -> std::collections::BTreeSet<(String, String)> {
    let (_, out, _) = run(&["criteria", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut set = std::collections::BTreeSet::new();
    for (group, g) in json["groups"].as_object().unwrap() {
        for n in g["nodes"].as_array().unwrap() {
            let rule = &n["rule"];
            if rule["kind"] == "proportional"
                || (rule["kind"] == "bands" && rule["on"] == "percent")
            {
                set.insert((group.clone(), n["code"].as_str().unwrap().to_string()));
            }
        }
    }
    set
}

/// The sample year with every percentage value's points left empty, as CSV; returns the
/// folder and a test of "row reads a percentage" for the self-assessment's rows.
fn percentages_without_points() -> (tempfile::TempDir, impl Fn(&[String]) -> bool) {
    let dir = copy_dir(&sample());
    let groups: std::collections::BTreeMap<String, String> =
        csv_rows(&dir.path().join("units.csv"))
            .into_iter()
            .skip(1)
            .map(|r| (r[0].clone(), r[2].clone()))
            .collect();
    let rules = percent_rules();
    let reads_percent = move |row: &[String]| {
        !row[4].is_empty()
            && groups
                .get(&row[0])
                .is_some_and(|g| rules.contains(&(g.clone(), row[1].clone())))
    };
    let path = dir.path().join("self-assessment.csv");
    let mut rows = csv_rows(&path);
    for row in rows.iter_mut().skip(1) {
        if reads_percent(row) {
            row[2].clear();
            row[3].clear();
        }
    }
    write_csv(&path, &rows);
    (dir, reads_percent)
}

#[test]
fn percentage_formatted_values_with_points_left_empty_read_as_shown() {
    let (dir, reads_percent) = percentages_without_points();
    let (baseline, _) = annexes(dir.path());
    let csv = dir.path().join("self-assessment.csv");
    let rows = csv_rows(&csv);
    assert!(rows.iter().skip(1).filter(|r| reads_percent(r)).count() > 100);
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    write_rows(ws, 0, &rows, &|row, c| c == 4 && reads_percent(row));
    book.save(dir.path().join("self-assessment.xlsx")).unwrap();
    std::fs::remove_file(&csv).unwrap();
    let (out, err) = annexes(dir.path());
    assert!(out == baseline, "percentage cells give other results");
    assert!(
        !err.contains("small_percentage") && !err.contains("—"),
        "{err}"
    );
}

#[test]
fn a_fraction_where_a_percentage_is_read_is_warned_with_its_row() {
    let (dir, reads_percent) = percentages_without_points();
    let csv = dir.path().join("self-assessment.csv");
    let mut rows = csv_rows(&csv);
    let at = rows
        .iter()
        .position(|r| reads_percent(r) && r[4] == "99.9")
        .unwrap();
    rows[at][4] = "0.999".into();
    write_csv(&csv, &rows);
    let (code, out, err) = run(&["compute", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let line = format!(
        "self-assessment.csv:{}: unit {}, criterion {}",
        at + 1,
        rows[at][0],
        rows[at][1]
    );
    assert!(
        err.contains(&line) && err.contains("0.999% — 99.9%?"),
        "{err}"
    );
    assert!(out.contains("\"kind\": \"small_percentage\""));
    // strict: an error
    let (code, _, err) = run(&["compute", dir.path().to_str().unwrap(), "--strict"]);
    assert_eq!(code, 4, "{err}");
    // written with its % sign, or formatted as a percentage, it is what it says
    rows[at][4] = "0.999%".into();
    write_csv(&csv, &rows);
    let (_, _, err) = run(&["compute", dir.path().to_str().unwrap()]);
    assert!(!err.contains("— "), "{err}");
}

#[test]
fn a_title_and_a_blank_row_above_the_header_of_units_xlsx() {
    let dir = copy_dir(&sample());
    let (baseline, _) = annexes(dir.path());
    let csv = dir.path().join("units.csv");
    let rows = csv_rows(&csv);
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    ws.merge_range(0, 0, 0, 2, "DANH SÁCH ĐƠN VỊ NĂM 2023", &bold)
        .unwrap();
    write_rows(ws, 2, &rows, &|_, _| false);
    book.save(dir.path().join("units.xlsx")).unwrap();
    std::fs::remove_file(&csv).unwrap();
    let (out, err) = annexes(dir.path());
    assert!(out == baseline, "the titled units.xlsx gives other results");
    assert!(
        err.contains("units.xlsx:Sheet1!3:3") && err.contains("DANH SÁCH ĐƠN VỊ NĂM 2023"),
        "the note says where the header is and what was skipped: {err}"
    );
}

#[test]
fn the_unit_code_merged_down_its_rows_names_every_row() {
    let dir = copy_dir(&sample());
    let (baseline, _) = annexes(dir.path());
    let csv = dir.path().join("self-assessment.csv");
    let rows = csv_rows(&csv);
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("self-assessment").unwrap();
    write_rows(ws, 0, &rows, &|_, _| false);
    // each unit's run of rows: one merged cell, as printed forms have it
    let centered =
        rust_xlsxwriter::Format::new().set_align(rust_xlsxwriter::FormatAlign::VerticalCenter);
    let mut start = 1;
    for r in 1..=rows.len() {
        if r == rows.len() || rows[r][0] != rows[start][0] {
            if r - 1 > start {
                ws.merge_range(
                    start as u32,
                    0,
                    (r - 1) as u32,
                    0,
                    &rows[start][0],
                    &centered,
                )
                .unwrap();
            }
            start = r;
        }
    }
    book.save(dir.path().join("self-assessment.xlsx")).unwrap();
    std::fs::remove_file(&csv).unwrap();
    let (out, _) = annexes(dir.path());
    assert!(
        out == baseline,
        "the merged unit column gives other results"
    );
}

#[test]
fn an_instructions_sheet_before_the_data_sheet() {
    let dir = copy_dir(&sample());
    let (baseline, _) = annexes(dir.path());
    let csv = dir.path().join("self-assessment.csv");
    let rows = csv_rows(&csv);
    let mut book = rust_xlsxwriter::Workbook::new();
    let help = book.add_worksheet();
    help.set_name("Hướng dẫn").unwrap();
    help.write_string(0, 0, "Hướng dẫn nhập điểm").unwrap();
    help.write_string(2, 0, "Mỗi đơn vị, mỗi tiêu chí một dòng.")
        .unwrap();
    let data = book.add_worksheet();
    data.set_name("Dữ liệu").unwrap();
    write_rows(data, 0, &rows, &|_, _| false);
    book.save(dir.path().join("self-assessment.xlsx")).unwrap();
    std::fs::remove_file(&csv).unwrap();
    let (out, err) = annexes(dir.path());
    assert!(
        out == baseline,
        "the data sheet after instructions gives other results"
    );
    assert!(
        err.contains("'Dữ liệu'") && err.contains("Hướng dẫn"),
        "{err}"
    );

    // a workbook where no sheet has the columns: refused, the sheets listed
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .set_name("Hướng dẫn")
        .unwrap()
        .write_string(0, 0, "x")
        .unwrap();
    book.add_worksheet()
        .set_name("Bảng 2")
        .unwrap()
        .write_string(0, 0, "y")
        .unwrap();
    book.save(dir.path().join("self-assessment.xlsx")).unwrap();
    let (code, _, err) = run(&["compute", dir.path().to_str().unwrap()]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("self-assessment.xlsx") && err.contains("Hướng dẫn, Bảng 2"),
        "{err}"
    );
}

#[test]
fn vietnamese_headers_in_units_and_self_assessment() {
    let dir = copy_dir(&sample());
    let (baseline, _) = annexes(dir.path());
    let units = dir.path().join("units.csv");
    let mut rows = csv_rows(&units);
    rows[0] = ["Mã đơn vị", "Tên đơn vị", "Nhóm"]
        .map(String::from)
        .to_vec();
    write_csv(&units, &rows);
    let names: std::collections::BTreeMap<String, String> = rows
        .iter()
        .skip(1)
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let sa = dir.path().join("self-assessment.csv");
    let rows: Vec<Vec<String>> = csv_rows(&sa)
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            // the unit's name beside its code, as a form shows it
            let name = if i == 0 {
                "Tên đơn vị".to_string()
            } else {
                names[&r[0]].clone()
            };
            let mut row = vec![r[0].clone(), name];
            row.extend(r[1..].iter().cloned());
            row
        })
        .collect();
    let mut rows = rows;
    rows[0] = [
        "mã đơn vị",
        "Tên đơn vị",
        "TIEU CHI",
        "Tự chấm",
        "Thẩm định",
        "Gia tri",
        "Ghi chú",
    ]
    .map(String::from)
    .to_vec();
    write_csv(&sa, &rows);
    let (out, _) = annexes(dir.path());
    assert!(out == baseline, "Vietnamese headers give other results");
}

#[test]
fn a_windows_1258_units_file_beside_utf8_files_needs_no_flag() {
    let dir = copy_dir(&sample());
    let (baseline, _) = annexes(dir.path());
    let units = dir.path().join("units.csv");
    let text = std::fs::read_to_string(&units).unwrap();
    std::fs::write(&units, to_windows_1258(&text)).unwrap();
    let (out, err) = annexes(dir.path());
    assert!(
        out == baseline,
        "the Windows-1258 units file gives other results"
    );
    assert!(
        err.contains("units.csv") && err.contains("windows-1258"),
        "the note says so: {err}"
    );
}

#[test]
fn cr_line_ends_and_a_bad_cell_on_line_1500() {
    let dir = copy_dir(&sample());
    let sa = dir.path().join("self-assessment.csv");
    let mut rows = csv_rows(&sa);
    rows[1499][3] = "abc".into();
    // Excel's "CSV (Macintosh)": CR line ends
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\r'))
        .from_path(&sa)
        .unwrap();
    for r in &rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
    drop(w);
    assert!(!std::fs::read(&sa).unwrap().contains(&b'\n'));
    let (code, _, err) = run(&["compute", dir.path().to_str().unwrap()]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("self-assessment.csv:1500:4: column appraised"),
        "{err}"
    );
}

#[test]
fn revenue_above_the_estimate_scores_the_top_band() {
    // districts' 8.1.2, "Từ 100% trở lên: 1,5": 112.4% with no points typed
    let dir = copy_dir(&sample());
    let sa = dir.path().join("self-assessment.csv");
    let mut rows = csv_rows(&sa);
    let at = rows
        .iter()
        .position(|r| r[0] == "TPLS" && r[1] == "8.1.2")
        .unwrap();
    rows[at] = ["TPLS", "8.1.2", "", "", "112.4", ""]
        .map(String::from)
        .to_vec();
    write_csv(&sa, &rows);
    let (code, out, err) = run(&[
        "explain",
        "TPLS",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let node = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "8.1.2")
        .unwrap();
    assert_eq!(dec(&node["points"]), Decimal::new(15, 1), "{node}");
    assert_eq!(node["basis"], "rule");
    // the same as the top band's points typed by the council
    let total = |dir: &Path| {
        let json = compute_json(dir, &[]);
        let u = json["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["code"] == "TPLS")
            .unwrap()
            .clone();
        u["par"]["total_exact"].as_str().unwrap().to_string()
    };
    let scored = total(dir.path());
    rows[at] = ["TPLS", "8.1.2", "", "1.5", "", ""]
        .map(String::from)
        .to_vec();
    write_csv(&sa, &rows);
    assert_eq!(scored, total(dir.path()));
}

// ---------------------------------------------------------------------------------------------
// The satisfaction survey delivered as results per unit (sipas-results.csv) in place of the
// questionnaires.

/// The sample year with its satisfaction survey replaced by the results the questionnaires
/// give, as a contractor would deliver them: each unit's valid questionnaires and each
/// element's index at 2 decimals (Vietnamese headers, element columns by code). Returns the
/// folder and the sample's JSON.
fn delivered_year() -> (tempfile::TempDir, serde_json::Value) {
    let original = compute_json(&sample(), &[]);
    let dir = copy_dir(&sample());
    std::fs::remove_file(dir.path().join("sipas-survey.csv")).unwrap();
    let codes = ["TC", "TT", "CC", "KQ", "GY"];
    let mut rows = vec![
        ["Mã đơn vị", "Số phiếu hợp lệ"]
            .into_iter()
            .chain(codes)
            .map(String::from)
            .collect::<Vec<_>>(),
    ];
    for u in original["units"].as_array().unwrap() {
        let s = &u["sipas"];
        let mut row = vec![
            u["code"].as_str().unwrap().to_string(),
            s["valid"].to_string(),
        ];
        row.extend(codes.iter().map(|c| s["elements"][*c].to_string()));
        rows.push(row);
    }
    write_csv(&dir.path().join("sipas-results.csv"), &rows);
    (dir, original)
}

#[test]
fn results_delivered_per_unit_give_the_questionnaires_figures() {
    let (dir, original) = delivered_year();
    let delivered = compute_json(dir.path(), &[]);
    assert_eq!(delivered["sipas_source"], "delivered");
    assert_eq!(original["sipas_source"], "questionnaires");
    let by_code =
        |json: &serde_json::Value| -> std::collections::BTreeMap<String, serde_json::Value> {
            json["units"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| (u["code"].as_str().unwrap().to_string(), u.clone()))
                .collect()
        };
    let (before, after) = (by_code(&original), by_code(&delivered));
    assert_eq!(before.len(), 31);
    for (code, b) in &before {
        let a = &after[code];
        // the published element figures and counts, as delivered
        assert_eq!(a["sipas"]["elements"], b["sipas"]["elements"], "{code}");
        assert_eq!(a["sipas"]["valid"], b["sipas"]["valid"], "{code}");
        // the index is the mean of the delivered elements, computed here
        let elements: Vec<Decimal> = b["sipas"]["elements"]
            .as_object()
            .unwrap()
            .values()
            .map(dec)
            .collect();
        let mean = elements.iter().sum::<Decimal>() / Decimal::from(elements.len());
        assert_eq!(dec(&a["sipas"]["index_exact"]), mean, "{code}");
        assert_eq!(dec(&a["sipas"]["index"]), round2(mean), "{code}");
        // the PAR totals within 0.01 (10 points × a difference of less than 0.005%)
        let diff = (dec(&a["par"]["total"]) - dec(&b["par"]["total"])).abs();
        assert!(diff <= Decimal::new(1, 2), "{code}: {diff}");
        let diff = (dec(&a["par"]["sipas_exact"]) - dec(&b["par"]["sipas_exact"])).abs();
        assert!(diff < Decimal::new(5, 4), "{code}: {diff}");
    }
    // the annex says where its figures come from
    let (_, table, _) = run(&["compute", dir.path().to_str().unwrap(), "--annex", "sipas"]);
    assert!(table.contains("sipas-results"), "{table}");
    let (_, table, _) = run(&["compute", sample().to_str().unwrap(), "--annex", "sipas"]);
    assert!(table.contains("sipas-survey"), "{table}");
}

#[test]
fn results_and_questionnaires_together_are_refused() {
    let (dir, _) = delivered_year();
    std::fs::copy(
        sample().join("sipas-survey.csv"),
        dir.path().join("sipas-survey.csv"),
    )
    .unwrap();
    let (code, out, err) = run(&["compute", dir.path().to_str().unwrap()]);
    assert_eq!(code, 4, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("sipas-survey") && err.contains("sipas-results"),
        "{err}"
    );
}

#[test]
fn delivered_results_are_checked_and_their_index_compared() {
    let (dir, _) = delivered_year();
    let path = dir.path().join("sipas-results.csv");
    let mut rows = csv_rows(&path);
    // the contractor's own index beside the elements: the mean stands, a difference is said
    rows[0].push("Chỉ số hài lòng".into());
    for row in rows.iter_mut().skip(1) {
        row.push(String::new());
    }
    let at = rows.iter().position(|r| r[0] == "SNV").unwrap();
    rows[at][7] = "99.99".into();
    write_csv(&path, &rows);
    let (code, out, err) = run(&["compute", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"kind\": \"sipas_index_disagrees\""));
    assert!(
        err.contains(&format!("sipas-results.csv:{}: unit SNV", at + 1)),
        "{err}"
    );
    // a figure that is no index, an unknown unit, an element column not in the criteria
    rows[at][2] = "101".into();
    rows[1][0] = "NOPE".into();
    rows[0][3] = "XX".into();
    write_csv(&path, &rows);
    let (code, _, err) = run(&["compute", dir.path().to_str().unwrap()]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains(&format!(
            "sipas-results.csv:{}:3: column TC: unit SNV",
            at + 1
        )),
        "{err}"
    );
    assert!(err.contains("unknown unit \"NOPE\""), "{err}");
    assert!(
        err.contains("sipas-results.csv:1:4") && err.contains("\"XX\""),
        "{err}"
    );
}

#[test]
fn bootstrap_holds_a_delivered_satisfaction_index() {
    let (dir, _) = delivered_year();
    let d = dir.path().to_str().unwrap();
    let (code, out, err) = run(&["compute", d, "--ci", "--replicates", "50"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("no questionnaires to redraw"), "{out}");
    let (code, out, err) = run(&[
        "compute",
        d,
        "--ci",
        "--replicates",
        "50",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["sipas_held"], true);
    assert!(
        json.get("sipas").is_none(),
        "no interval for a delivered index"
    );
    assert!(json["par"].as_array().is_some_and(|p| !p.is_empty()));
}

#[test]
fn the_template_writes_the_results_form() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("forms");
    let (code, _, err) = run(&[
        "template",
        "--out",
        out.to_str().unwrap(),
        "--sipas",
        "sipas-results",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.join("sipas-survey.csv").exists());
    let rows = csv_rows(&out.join("sipas-results.csv"));
    assert_eq!(
        rows[0].join(",").trim_start_matches('\u{feff}'),
        "Mã đơn vị,Tên đơn vị,Số phiếu hợp lệ,TC,TT,CC,KQ,GY,Chỉ số hài lòng"
    );
    assert_eq!(rows.len(), 32, "a row per unit");
    assert_eq!(rows[1][0], "STC");
}
