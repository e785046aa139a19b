//! Inputs as analysts have them: every encoding, delimiter and Excel habit applied to the
//! sample year gives exactly the results of the clean UTF-8 CSV.

mod common;

use std::path::Path;

use common::*;
use proptest::prelude::*;
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
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

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
