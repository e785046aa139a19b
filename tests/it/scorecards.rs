//! `explain --all --output DIR`: one scorecard per unit of the sample year, named from its
//! code and safe on Windows, written all or none; the figures of a scorecard against an
//! independent computation from the JSON exports: the points to pass the unit ranked just above
//! ((their exact index − ours) × our maximum / 100), to reach the next band (from the criteria's
//! bands, on the published index), and the group's best on each criterion.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::*;
use calamine::{Data, Reader, Xlsx};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

fn explain_all(dir: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec![
        "explain",
        "--all",
        dir.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, _, err) = run(&args);
    (code, err)
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn cell_text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Rounded up to 4 decimals, as the scorecard shows the points needed.
fn up4(v: Decimal) -> Decimal {
    let mut r = v.round_dp_with_strategy(4, RoundingStrategy::AwayFromZero);
    r.rescale(4);
    r
}

/// The exact value as the scorecard writes it in its text: no trailing zeros, a decimal comma.
fn written(v: Decimal) -> String {
    v.normalize().to_string().replace('.', ",")
}

/// The summary sheet's rows: label (column A) → (figure in column C, text in column D).
fn summary(book: &Path) -> BTreeMap<String, (Data, String)> {
    let mut xlsx: Xlsx<_> = calamine::open_workbook(book).unwrap();
    let range = xlsx.worksheet_range("Tổng hợp").unwrap();
    let (last, _) = range.end().unwrap();
    (0..=last)
        .map(|r| {
            (
                cell_text(range.get_value((r, 0))),
                (
                    range.get_value((r, 2)).cloned().unwrap_or(Data::Empty),
                    cell_text(range.get_value((r, 3))),
                ),
            )
        })
        .filter(|(k, _)| !k.is_empty())
        .collect()
}

#[test]
fn one_scorecard_per_unit_with_the_points_to_move_computed_independently() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("phieu"); // made by the run
    let (code, err) = explain_all(&sample(), &dir, &[]);
    assert_eq!(code, 0, "{err}");
    let json = compute_json(&sample(), &[]);
    let units = json["units"].as_array().unwrap();
    let mut expected: Vec<String> = units
        .iter()
        .map(|u| format!("{}.xlsx", u["code"].as_str().unwrap()))
        .collect();
    expected.sort();
    assert_eq!(files(&dir), expected, "one file per unit, nothing else");

    // The criteria's bands, read here from the file: (name, lower end, inclusive).
    let criteria: toml::Value = toml::from_str(
        &std::fs::read_to_string(root().join("criteria/lang-son-2023.toml")).unwrap(),
    )
    .unwrap();
    let bands: Vec<(String, Decimal)> = criteria["bands"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| {
            let from = b.get("from")?;
            Some((
                b["name"].as_str().unwrap().to_string(),
                Decimal::from(from.as_integer().unwrap()),
            ))
        })
        .collect();
    let half = Decimal::new(5, 3); // half of the published step (2 decimals)

    let mut passes = 0;
    let mut reaches = 0;
    for (k, u) in units.iter().enumerate() {
        let code = u["code"].as_str().unwrap();
        let rows = summary(&dir.join(format!("{code}.xlsx")));
        let par = &u["par"];
        let index = dec(&par["index_exact"]);
        let max = dec(&par["max"]);
        assert_eq!(
            rows["Chỉ số CCHC (%)"].0,
            Data::Float(par["index"].as_f64().unwrap())
        );
        assert_eq!(
            rows["Tổng điểm"].0,
            Data::Float(par["total"].as_f64().unwrap())
        );
        // the unit ranked just above: the JSON lists each group by rank
        let above = k
            .checked_sub(1)
            .map(|j| &units[j])
            .filter(|a| a["group"] == u["group"]);
        match above {
            Some(a) => {
                let points = (dec(&a["par"]["index_exact"]) - index) * max / Decimal::ONE_HUNDRED;
                let (label, (figure, text)) = rows
                    .iter()
                    .find(|(l, _)| l.starts_with("Vượt "))
                    .unwrap_or_else(|| panic!("{code}: no line to pass the unit above"));
                assert!(
                    label.contains(a["name"].as_str().unwrap()),
                    "{code}: {label}"
                );
                assert_eq!(
                    *figure,
                    Data::Float(up4(points).to_string().parse().unwrap()),
                    "{code}"
                );
                assert!(text.contains(&written(points)), "{code}: {text} / {points}");
                assert!(
                    text.contains("cao hơn hẳn"),
                    "{code}: the rule for passing is stated"
                );
                passes += 1;
            }
            None => assert!(rows.contains_key("Đơn vị dẫn đầu nhóm"), "{code}"),
        }
        // the next band: the least lower end above the published index
        let published = dec(&par["index"]);
        let next = bands
            .iter()
            .filter(|(_, from)| *from > published)
            .min_by_key(|(_, from)| *from);
        match next {
            Some((name, from)) => {
                let points = (from - half - index) * max / Decimal::ONE_HUNDRED;
                assert!(points > Decimal::ZERO);
                let (label, (figure, text)) = rows
                    .iter()
                    .find(|(l, _)| l.starts_with("Đạt xếp loại"))
                    .unwrap_or_else(|| panic!("{code}: no line for the next band"));
                assert!(
                    label.starts_with(&format!("Đạt xếp loại {name} ")),
                    "{code}: {label}"
                );
                assert_eq!(
                    *figure,
                    Data::Float(up4(points).to_string().parse().unwrap()),
                    "{code}"
                );
                assert!(text.contains(&written(points)), "{code}: {text} / {points}");
                reaches += 1;
            }
            None => assert!(
                rows.keys().any(|l| l.starts_with("Đã ở xếp loại cao nhất")),
                "{code}"
            ),
        }
    }
    // both cases occur in the sample
    assert_eq!(passes, units.len() - 2, "every unit but the two leaders");
    assert!(reaches > 0 && reaches < units.len());
}

#[test]
fn the_groups_best_on_each_criterion_against_the_units() {
    let out = tempfile::tempdir().unwrap();
    let cards = out.path().join("xlsx");
    let (code, err) = explain_all(&sample(), &cards, &[]);
    assert_eq!(code, 0, "{err}");
    // every unit's points on every criterion, from explain's JSON
    let jsons = out.path().join("json");
    let (code, err) = explain_all(&sample(), &jsons, &["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let all: Vec<Value> = files(&jsons)
        .iter()
        .map(|f| serde_json::from_str(&std::fs::read_to_string(jsons.join(f)).unwrap()).unwrap())
        .collect();
    assert_eq!(all.len(), 31);
    for code in ["SNV", "SGDDT", "DINHLAP"] {
        let me = all.iter().find(|e| e["unit"]["code"] == code).unwrap();
        let group: Vec<&Value> = all
            .iter()
            .filter(|e| e["unit"]["group"] == me["unit"]["group"])
            .collect();
        // code → best points in the group on each criterion that applies to the unit
        let mut best: BTreeMap<String, Decimal> = BTreeMap::new();
        for node in me["nodes"].as_array().unwrap() {
            if node["leaf"] != true || node["applicable"] != true {
                continue;
            }
            let c = node["code"].as_str().unwrap();
            let top = group
                .iter()
                .flat_map(|e| e["nodes"].as_array().unwrap())
                .filter(|n| n["code"] == c && n["applicable"] == true)
                .map(|n| dec(&n["points_exact"]))
                .max()
                .unwrap();
            best.insert(c.to_string(), top);
        }
        let mut xlsx: Xlsx<_> =
            calamine::open_workbook(cards.join(format!("{code}.xlsx"))).unwrap();
        let range = xlsx.worksheet_range("Điểm chi tiết").unwrap();
        let (last, _) = range.end().unwrap();
        let mut seen = 0;
        for r in 0..=last {
            let c = cell_text(range.get_value((r, 0)));
            if let Some(b) = best.get(&c) {
                assert_eq!(
                    range.get_value((r, 9)),
                    Some(&Data::Float(round2(*b).to_string().parse().unwrap())),
                    "{code} {c}"
                );
                seen += 1;
            }
        }
        assert_eq!(seen, best.len(), "{code}: every criterion in the tree");
        // the summary's list: the criteria furthest behind the best, most first
        let mut behind: Vec<(Decimal, &String)> = best
            .iter()
            .map(|(c, b)| {
                let mine = me["nodes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|n| n["code"] == c.as_str())
                    .unwrap();
                (*b - dec(&mine["points_exact"]), c)
            })
            .filter(|(gap, _)| *gap > Decimal::ZERO)
            .collect();
        behind.sort_by_key(|b| std::cmp::Reverse(b.0));
        let range = xlsx.worksheet_range("Tổng hợp").unwrap();
        let start = (0..=range.end().unwrap().0)
            .find(|&r| cell_text(range.get_value((r, 0))).starts_with("5. "))
            .unwrap()
            + 2;
        for (k, (gap, _)) in behind.iter().take(10).enumerate() {
            assert_eq!(
                range.get_value((start + k as u32, 4)),
                Some(&Data::Float(round2(*gap).to_string().parse().unwrap())),
                "{code}: line {k} of the list behind the best"
            );
        }
    }
}

#[test]
fn names_from_codes_are_safe_on_windows() {
    // A year whose codes Windows cannot take as file names: "con" (a device), "A/B?" (a
    // folder separator and a wildcard).
    let year = copy_dir(&sample());
    for entry in std::fs::read_dir(year.path()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        let headers = rows.headers().unwrap().clone();
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(&headers).unwrap();
        // the unit's code is in the first column of units.csv, in "unit" elsewhere
        let col = headers.iter().position(|h| h == "unit").unwrap_or(0);
        for row in rows.records() {
            let row = row.unwrap();
            let fields: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, f)| match (i == col, f) {
                    (true, "SNV") => "con".to_string(),
                    (true, "STC") => "A/B?".to_string(),
                    _ => f.to_string(),
                })
                .collect();
            out.write_record(&fields).unwrap();
        }
        std::fs::write(&path, out.into_inner().unwrap()).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let (code, err) = explain_all(year.path(), out.path(), &["--format", "docx"]);
    assert_eq!(code, 0, "{err}");
    let names = files(out.path());
    assert_eq!(names.len(), 31);
    assert!(names.contains(&"con_.docx".to_string()), "{names:?}");
    assert!(names.contains(&"A_B_.docx".to_string()), "{names:?}");
    for n in &names {
        assert!(!n.chars().any(|c| "<>:\"/\\|?*".contains(c)), "{n}");
        let stem = n.strip_suffix(".docx").unwrap();
        assert!(!stem.ends_with(['.', ' ']), "{n}");
        let device = stem.split('.').next().unwrap().to_uppercase();
        assert!(
            !["CON", "PRN", "AUX", "NUL"].contains(&device.as_str()),
            "{n}"
        );
    }
}

#[test]
fn written_all_or_none() {
    // a year that cannot be read: no folder made, nothing written
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("phieu");
    let empty = tempfile::tempdir().unwrap();
    let (code, _) = explain_all(empty.path(), &dir, &[]);
    assert_eq!(code, 4);
    assert!(!dir.exists());
    // a folder in the place of a scorecard: refused before any file is written
    std::fs::create_dir_all(dir.join("SNV.xlsx")).unwrap();
    let (code, err) = explain_all(&sample(), &dir, &[]);
    assert_eq!(code, 5, "{err}");
    assert!(err.contains("SNV.xlsx"), "{err}");
    assert_eq!(files(&dir), ["SNV.xlsx"]);
    // --output is a file: a usage error
    let file = out.path().join("a.xlsx");
    std::fs::write(&file, b"x").unwrap();
    let (code, _) = explain_all(&sample(), &file, &[]);
    assert_eq!(code, 2);
    // a unit and a folder with --all, or --all without --output: usage errors
    let (code, _, _) = run(&[
        "explain",
        "--all",
        "SNV",
        sample().to_str().unwrap(),
        "-o",
        "x",
    ]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["explain", "--all", sample().to_str().unwrap()]);
    assert_eq!(code, 2);
}

#[test]
fn one_units_scorecard_and_the_same_bytes_twice() {
    let out = tempfile::tempdir().unwrap();
    for format in ["xlsx", "docx"] {
        let a = out.path().join(format!("a.{format}"));
        let b = out.path().join(format!("b.{format}"));
        for file in [&a, &b] {
            let (code, _, err) = run(&[
                "explain",
                "SNV",
                sample().to_str().unwrap(),
                "--format",
                format,
                "--output",
                file.to_str().unwrap(),
            ]);
            assert_eq!(code, 0, "{err}");
        }
        assert!(
            std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
            "{format}"
        );
        assert!(std::fs::read(&a).unwrap().starts_with(b"PK"));
    }
    // the single unit's workbook is the one --all writes
    let all = out.path().join("all");
    let (code, err) = explain_all(&sample(), &all, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read(out.path().join("a.xlsx")).unwrap()
            == std::fs::read(all.join("SNV.xlsx")).unwrap()
    );
}

/// A scorecard is a document in Vietnamese, as the annexes are: with the messages in English
/// (PAR_INDEX_LANG=en, as every test here runs), its rules and measured values keep the
/// decision's words.
#[test]
fn a_scorecard_keeps_the_decisions_words_whatever_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("SNV.xlsx");
    let (code, _, err) = run(&[
        "explain",
        "SNV",
        sample().to_str().unwrap(),
        "--output",
        book.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut xlsx: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let mut text = String::new();
    for name in xlsx.sheet_names() {
        let range = xlsx.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                text += &cell_text(Some(cell));
                text.push('\n');
            }
        }
    }
    assert!(
        text.contains("cách chấm: ") && text.contains("đến dưới"),
        "the rules in Vietnamese"
    );
    for english in ["from ", "below ", " times", "above "] {
        assert!(!text.contains(english), "{english:?} in a scorecard");
    }
}
