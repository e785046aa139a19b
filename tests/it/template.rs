//! `par-index template`: the blank forms of a year; filled in, `compute` reads them.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::*;

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::Reader::from_reader(text);
    let headers = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (headers, rows)
}

fn template(out: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["template", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn the_forms_list_every_unit_and_appraisal_criterion() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("forms");
    let (code, stdout, err) = template(&out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("31 units"), "{stdout}");
    for f in [
        "units.csv",
        "self-assessment.csv",
        "par-survey.csv",
        "sipas-survey.csv",
        "deductions.csv",
        "huong-dan.txt",
    ] {
        assert!(out.join(f).is_file(), "{f}");
        if f.ends_with(".csv") {
            let bytes = std::fs::read(out.join(f)).unwrap();
            assert!(
                bytes.starts_with(b"\xEF\xBB\xBF"),
                "{f}: a UTF-8 byte-order mark, for Excel"
            );
        }
    }
    // the rows of the sample year are exactly the template's (unit, criterion) pairs
    let (headers, rows) = read_csv(&out.join("self-assessment.csv"));
    // Vietnamese column names, those to fill and those to read beside them
    let names = [
        "Mã đơn vị",
        "Tên đơn vị",
        "Tiêu chí",
        "Tên tiêu chí",
        "Điểm tối đa",
        "Cách chấm",
        "Cách nhập giá trị",
        "Tự chấm",
        "Thẩm định",
        "Giá trị",
        "Ghi chú",
    ];
    assert_eq!(headers, names);
    let col = |h: &str| headers.iter().position(|x| x == h).unwrap();
    let pairs: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r[col("Mã đơn vị")].clone(), r[col("Tiêu chí")].clone()))
        .collect();
    assert_eq!(pairs.len(), rows.len(), "no duplicate row");
    let sample_rows = csv::Reader::from_path(sample().join("self-assessment.csv"))
        .unwrap()
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string())
        })
        .collect::<BTreeSet<_>>();
    assert_eq!(pairs, sample_rows);
    // the hints: the criterion's name, maximum and rule
    let row = rows
        .iter()
        .find(|r| r[col("Mã đơn vị")] == "SNV" && r[col("Tiêu chí")] == "1.1.1")
        .unwrap();
    assert_eq!(
        row[col("Tên tiêu chí")],
        "Ban hành kế hoạch cải cách hành chính năm"
    );
    assert_eq!(row[col("Tên đơn vị")], "Sở Nội vụ");
    assert_eq!(row[col("Điểm tối đa")], "1");
    assert!(row[col("Cách chấm")].contains("kịp thời"), "{row:?}");
    assert!(row[col("Tự chấm")].is_empty() && row[col("Thẩm định")].is_empty());
    // the forms ask the sample's questions and items, after their Vietnamese first columns
    for (f, first) in [
        (
            "par-survey.csv",
            &["Mã người trả lời", "Nhóm người trả lời", "Mã đơn vị"][..],
        ),
        ("sipas-survey.csv", &["Mã phiếu", "Mã đơn vị"]),
        ("units.csv", &["Mã đơn vị", "Tên đơn vị", "Nhóm"]),
    ] {
        let (headers, _) = read_csv(&out.join(f));
        let sample_headers: Vec<String> = csv::Reader::from_path(sample().join(f))
            .unwrap()
            .headers()
            .unwrap()
            .iter()
            .map(String::from)
            .collect();
        assert_eq!(headers[..first.len()], *first, "{f}");
        assert_eq!(headers[first.len()..], sample_headers[first.len()..], "{f}");
    }
    let guide = std::fs::read_to_string(out.join("huong-dan.txt")).unwrap();
    assert!(guide.contains("NĂM 2023"));
    assert!(guide.contains("S01 (tiêu chí 1.5)"), "{guide}");
}

#[test]
fn filled_in_forms_are_read_by_compute() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("2023");
    let (code, _, err) = template(&out, &[]);
    assert_eq!(code, 0, "{err}");
    // Fill the template as the units and the council would: here with the sample's entries
    // (self, appraised, value, note) for each row, found by unit and criterion.
    let mut entries = std::collections::HashMap::new();
    for r in csv::Reader::from_path(sample().join("self-assessment.csv"))
        .unwrap()
        .records()
    {
        let r = r.unwrap();
        entries.insert(
            (r[0].to_string(), r[1].to_string()),
            [
                r[2].to_string(),
                r[3].to_string(),
                r[4].to_string(),
                r[5].to_string(),
            ],
        );
    }
    let path = out.join("self-assessment.csv");
    let (headers, rows) = read_csv(&path);
    let col = |h: &str| headers.iter().position(|x| x == h).unwrap();
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(&headers).unwrap();
    for mut row in rows {
        let key = (row[col("Mã đơn vị")].clone(), row[col("Tiêu chí")].clone());
        let [own, appraised, value, note] = entries[&key].clone();
        row[col("Tự chấm")] = own;
        row[col("Thẩm định")] = appraised;
        row[col("Giá trị")] = value;
        row[col("Ghi chú")] = note;
        w.write_record(&row).unwrap();
    }
    w.flush().unwrap();
    // the surveys as collected (the template asks the sample's questions), deductions likewise
    for f in ["par-survey.csv", "sipas-survey.csv", "deductions.csv"] {
        std::fs::copy(sample().join(f), out.join(f)).unwrap();
    }
    // the filled-in template gives the sample year's results, figure for figure
    let filled = compute_json(&out, &[]);
    let original = compute_json(&sample(), &[]);
    assert_eq!(filled["units"], original["units"]);
    assert_eq!(filled["units"].as_array().unwrap().len(), 31);

    // Filled again, every criterion appraised at the maximum its hint column gives: every unit
    // then has every appraisal point (80 in the built-in criteria).
    let (headers, rows) = read_csv(&path);
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(&headers).unwrap();
    for mut row in rows {
        row[col("Thẩm định")] = row[col("Điểm tối đa")].clone();
        row[col("Tự chấm")] = String::new();
        row[col("Giá trị")] = String::new();
        w.write_record(&row).unwrap();
    }
    w.flush().unwrap();
    let full = compute_json(&out, &[]);
    for u in full["units"].as_array().unwrap() {
        assert_eq!(
            dec(&u["par"]["appraisal"]).to_string(),
            "80.00",
            "{}",
            u["code"]
        );
    }
}

#[test]
fn units_from_a_folder_a_group_and_the_year() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("huyen");
    let sample = sample();
    let (code, stdout, err) = template(
        &out,
        &[
            "--units",
            sample.to_str().unwrap(),
            "--group",
            "huyen",
            "--year",
            "2023",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("11 units"), "{stdout}");
    let (_, units) = read_csv(&out.join("units.csv"));
    assert!(units.iter().all(|u| u[2] == "huyen"));
    // the survey form asks only the districts' questions
    let (headers, _) = read_csv(&out.join("par-survey.csv"));
    assert!(headers.iter().any(|h| h == "H01"));
    assert!(!headers.iter().any(|h| h == "S01"));

    // another year needs its criteria
    let (code, _, err) = template(&dir.path().join("y"), &["--year", "2024"]);
    assert_eq!(code, 2);
    assert!(err.contains("--criteria"), "{err}");
    // the files are kept unless --force
    let (code, _, err) = template(&out, &["--units", sample.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    let (code, _, err) = template(&out, &["--units", sample.to_str().unwrap(), "--force"]);
    assert_eq!(code, 0, "{err}");
    // a units file with problems: every one listed, exit 4
    let bad = dir.path().join("units.csv");
    std::fs::write(
        &bad,
        "code,name,group\nA,Đơn vị A,so\nA,Lặp,so\nB,Đơn vị B,xa\n",
    )
    .unwrap();
    let (code, _, err) = template(&dir.path().join("z"), &["--units", bad.to_str().unwrap()]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("duplicate unit") && err.contains("unknown group"),
        "{err}"
    );
    // a units file that does not exist: exit 5
    let (code, _, _) = template(&dir.path().join("z"), &["--units", "/no/such/units.csv"]);
    assert_eq!(code, 5);
}
