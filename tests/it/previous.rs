//! `--previous`: the sample year against the shipped 2022 export (samples/2022), with changes
//! checked by hand; the JSON, CSV and workbook exports give the same changes; new and dropped
//! units; unreadable exports.

use std::collections::BTreeMap;

use crate::common::*;
use rust_decimal::Decimal;
use serde_json::Value;

fn previous_json() -> std::path::PathBuf {
    root().join("samples/2022/results.json")
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// code → the `par.previous` object of `compute --format json --previous FILE`.
fn changes(previous: &std::path::Path) -> (Value, BTreeMap<String, Value>) {
    let json = compute_json(&sample(), &["--previous", previous.to_str().unwrap()]);
    let map = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["code"].as_str().unwrap().to_string(),
                u["par"]["previous"].clone(),
            )
        })
        .collect();
    (json, map)
}

#[test]
fn hand_checked_changes_against_2022() {
    // Read by hand from samples/2022/results.json (index, rank in group) and from
    // `par-index compute samples/2023` (index, rank):
    //   STC      2022: 96.47, 1   2023: 96.40, 1   → −0.07, 0
    //   SNV      2022: 90.86, 12  2023: 91.56, 11  → +0.70, +1 (one place up)
    //   SXD      2022: 92.35, 10  2023: 94.37, 4   → +2.02, +6
    //   VPUBND   2022: 95.03, 2   2023: 94.18, 5   → −0.85, −3
    //   BINHGIA  2022: 94.39, 1   2023: 92.01, 5   → −2.38, −4 (districts)
    //   VANQUAN  2022: 78.54, 11  2023: 83.04, 11  → +4.50, 0
    let expected = [
        ("STC", "96.47", 1, "-0.07", 0),
        ("SNV", "90.86", 12, "0.70", 1),
        ("SXD", "92.35", 10, "2.02", 6),
        ("VPUBND", "95.03", 2, "-0.85", -3),
        ("BINHGIA", "94.39", 1, "-2.38", -4),
        ("VANQUAN", "78.54", 11, "4.50", 0),
    ];
    let (json, by_code) = changes(&previous_json());
    for (code, index, rank, change, rank_change) in expected {
        let c = &by_code[code];
        assert_eq!(c["status"], "compared", "{code}");
        assert_eq!(dec(&c["index"]), d(index), "{code}");
        assert_eq!(c["rank"], rank, "{code}");
        assert_eq!(dec(&c["index_change"]), d(change), "{code}");
        assert_eq!(c["rank_change"], rank_change, "{code}");
    }
    // every unit was there in 2022, none dropped
    assert_eq!(by_code.len(), 31);
    assert!(by_code.values().all(|c| c["status"] == "compared"));
    assert_eq!(json["previous"]["year"], 2022);
    assert_eq!(json["previous"]["dropped"].as_array().unwrap().len(), 0);
    // the change is this year's published index minus last year's, for every unit
    for u in json["units"].as_array().unwrap() {
        let c = &u["par"]["previous"];
        assert_eq!(
            dec(&c["index_change"]),
            dec(&u["par"]["index"]) - dec(&c["index"]),
            "{}",
            u["code"]
        );
        assert_eq!(
            c["rank_change"].as_i64().unwrap(),
            c["rank"].as_i64().unwrap() - u["par"]["rank"].as_i64().unwrap()
        );
    }
}

#[test]
fn the_csv_and_workbook_exports_give_the_same_changes() {
    let (_, from_json) = changes(&previous_json());
    let (_, from_csv) = changes(&root().join("samples/2022/phu-luc.csv"));
    assert_eq!(from_json, from_csv);
    // a workbook written by --format xlsx
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("2022.xlsx");
    let (code, _, err) = run(&[
        "compute",
        sample().to_str().unwrap(),
        "--format",
        "xlsx",
        "--output",
        book.to_str().unwrap(),
        "--previous",
        previous_json().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (json, from_book) = changes(&book);
    // this workbook is 2023's: every unit compares with itself, read from the data sheet
    // (the annex sheets carry no codes) with its group and the year of its title
    assert_eq!(from_book.len(), 31);
    assert_eq!(json["previous"]["year"], 2023);
    for (code, c) in &from_book {
        assert_eq!(c["status"], "compared", "{code}");
        assert_eq!(dec(&c["index_change"]), Decimal::ZERO, "{code}");
        assert_eq!(c["rank_change"], 0, "{code}");
    }
}

#[test]
fn new_and_dropped_units_are_said() {
    let mut old: Value =
        serde_json::from_str(&std::fs::read_to_string(previous_json()).unwrap()).unwrap();
    let units = old["units"].as_array_mut().unwrap();
    units.retain(|u| u["code"] != "SNV");
    let mut gone = units[0].clone();
    gone["code"] = "SCU".into();
    gone["name"] = "Sở đã sáp nhập".into();
    gone["par"]["rank"] = 21.into();
    gone["par"]["index"] = serde_json::from_str("70.25").unwrap();
    units.push(gone);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("old.json");
    std::fs::write(&file, serde_json::to_string(&old).unwrap()).unwrap();

    let (json, by_code) = changes(&file);
    assert_eq!(by_code["SNV"]["status"], "new");
    assert!(by_code["SNV"].get("index_change").is_none());
    let dropped = json["previous"]["dropped"].as_array().unwrap();
    assert_eq!(dropped.len(), 1);
    assert_eq!(dropped[0]["code"], "SCU");
    assert_eq!(dec(&dropped[0]["index"]), d("70.25"));

    // in the CSV: "mới" in the change columns, a row for the dropped unit after its group
    let (code, out, err) = run(&[
        "compute",
        sample().to_str().unwrap(),
        "--annex",
        "par",
        "--format",
        "csv",
        "--previous",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let snv = rows.iter().find(|r| &r[col("Mã đơn vị")] == "SNV").unwrap();
    assert_eq!(&snv[col("Tăng, giảm chỉ số")], "mới");
    assert_eq!(&snv[col("Tăng, giảm xếp hạng")], "mới");
    let last_so = rows.iter().rposition(|r| &r[0] == "so").unwrap();
    let scu = &rows[last_so];
    assert_eq!(&scu[col("Mã đơn vị")], "SCU");
    assert_eq!(&scu[col("Chỉ số CCHC năm 2022 (%)")], "70.25");
    assert_eq!(&scu[col("Tăng, giảm chỉ số")], "không còn");
    assert_eq!(&scu[col("Xếp hạng")], "");
    assert_eq!(&scu[col("Ghi chú")], "không còn trong năm 2023");

    // in the table
    let (_, out, _) = run(&[
        "compute",
        sample().to_str().unwrap(),
        "--annex",
        "par",
        "--previous",
        file.to_str().unwrap(),
    ]);
    assert!(
        out.contains("So sánh Chỉ số CCHC năm 2023 với năm 2022"),
        "{out}"
    );
    assert!(
        out.contains(
            "Có năm 2022 nhưng không còn trong năm 2023: Sở đã sáp nhập (SCU; hạng 21, 70.25%)"
        ),
        "{out}"
    );
}

#[test]
fn without_previous_the_outputs_have_no_change_columns() {
    let json = compute_json(&sample(), &[]);
    assert!(json.get("previous").is_none());
    assert!(json["units"][0]["par"].get("previous").is_none());
    let (_, out, _) = run(&["compute", sample().to_str().unwrap(), "--format", "csv"]);
    assert!(!out.contains("Tăng, giảm"));
}

#[test]
fn unreadable_exports_are_clear_errors() {
    let sample = sample();
    let dir = tempfile::tempdir().unwrap();
    let go = |file: &std::path::Path| {
        run(&[
            "compute",
            sample.to_str().unwrap(),
            "--previous",
            file.to_str().unwrap(),
        ])
    };
    // missing: exit 5
    let (code, _, err) = go(&dir.path().join("none.json"));
    assert_eq!(code, 5, "{err}");
    assert!(
        err.contains("cannot read the previous year's export"),
        "{err}"
    );
    // not JSON: exit 4 with line and column
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"units\": [}").unwrap();
    let (code, _, err) = go(&bad);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("bad.json:1:"), "{err}");
    // a CSV of Phụ lục I only: exit 4, says what is missing
    let sipas = dir.path().join("sipas.csv");
    let (_, text, _) = run(&[
        "compute",
        sample.to_str().unwrap(),
        "--annex",
        "sipas",
        "--format",
        "csv",
    ]);
    std::fs::write(&sipas, text).unwrap();
    let (code, _, err) = go(&sipas);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("no Phụ lục II table"), "{err}");
    // binary noise: exit 4
    let noise = dir.path().join("noise.csv");
    std::fs::write(&noise, [0xff, 0xfe, 0x00, 0xd8, 0x00]).unwrap();
    let (code, _, err) = go(&noise);
    assert_eq!(code, 4, "{err}");
    // --previous with --ci is refused
    let (code, _, _) = run(&[
        "compute",
        sample.to_str().unwrap(),
        "--ci",
        "--previous",
        previous_json().to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
}

/// An export of the year computed itself (or of a later one) is most likely the wrong file:
/// the figures are computed all the same, with a note naming the file and both years.
#[test]
fn an_export_of_the_same_year_is_noted() {
    let dir = tempfile::tempdir().unwrap();
    let same = dir.path().join("2023.json");
    let sample = sample();
    let (code, out, err) = run(&["compute", sample.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    std::fs::write(&same, out).unwrap();
    let (code, _, err) = run(&[
        "compute",
        sample.to_str().unwrap(),
        "--previous",
        same.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("2023.json: the export is of 2023, not of a year before 2023"),
        "{err}"
    );
    // last year's export is not noted
    let (code, _, err) = run(&[
        "compute",
        sample.to_str().unwrap(),
        "--previous",
        previous_json().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("not of a year before"), "{err}");
}
