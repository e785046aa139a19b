//! `par-index explain` on the sample year: the points lost add up at every node of every unit,
//! the figures agree with `compute`, the neighbours are the units ranked next to it.

use std::collections::BTreeMap;

use crate::common::*;
use rust_decimal::Decimal;
use serde_json::Value;

fn explain_json(unit: &str, extra: &[&str]) -> Value {
    let sample = sample();
    let mut args = vec![
        "explain",
        unit,
        sample.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "explain {unit} failed: {err}");
    serde_json::from_str(&out).expect("JSON")
}

/// Equal within the last digits of a 28-digit decimal.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() < Decimal::new(1, 20)
}

#[test]
fn points_lost_add_up_at_every_node_of_every_unit() {
    let year = compute_json(&sample(), &[]);
    let units = year["units"].as_array().unwrap();
    assert_eq!(units.len(), 31);
    for u in units {
        let code = u["code"].as_str().unwrap();
        let e = explain_json(code, &[]);
        let nodes = e["nodes"].as_array().unwrap();
        let by_code: BTreeMap<&str, &Value> = nodes
            .iter()
            .map(|n| (n["code"].as_str().unwrap(), n))
            .collect();
        for n in nodes {
            let at = format!("{code} {}", n["code"]);
            let (max, points, lost) = (
                dec(&n["max_exact"]),
                dec(&n["points_exact"]),
                dec(&n["lost_exact"]),
            );
            // lost = maximum − points, exactly, and never negative
            assert_eq!(lost, max - points, "{at}");
            assert!(lost >= Decimal::ZERO, "{at}");
            // published figures are the exact ones rounded
            assert_eq!(dec(&n["lost"]), round2(lost), "{at}");
            assert_eq!(dec(&n["points"]), round2(points), "{at}");
            // a criterion that does not apply loses nothing and counts no maximum
            if n["leaf"] == true && n["applicable"] == false {
                assert_eq!(
                    (max, points, lost),
                    (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO),
                    "{at}"
                );
                assert_eq!(n["basis"], "not_applicable", "{at}");
            }
            // a parent loses what its children lose
            if n["leaf"] == false {
                let prefix = format!("{}.", n["code"].as_str().unwrap());
                let children: Vec<&Value> = by_code
                    .iter()
                    .filter(|(c, _)| c.starts_with(&prefix) && !c[prefix.len()..].contains('.'))
                    .map(|(_, v)| *v)
                    .collect();
                assert!(!children.is_empty(), "{at}");
                let sum: Decimal = children.iter().map(|c| dec(&c["lost_exact"])).sum();
                assert!(
                    close(sum, lost),
                    "{at}: children lose {sum}, the node {lost}"
                );
                let sum: Decimal = children.iter().map(|c| dec(&c["max_exact"])).sum();
                assert_eq!(sum, max, "{at}");
            }
            // the sources add up to the points
            let part = |k: &str| n[k].as_f64().map_or(Decimal::ZERO, |_| dec(&n[k]));
            let parts = part("appraised") + part("survey") + part("sipas");
            assert!(
                (parts - dec(&n["points"])).abs() <= Decimal::new(2, 2),
                "{at}: {parts} vs {}",
                n["points"]
            );
        }
        // the whole: the fields' losses and the deductions are the unit's maximum − total
        let p = &e["par"];
        let fields: Vec<&Value> = nodes.iter().filter(|n| n["depth"] == 1).collect();
        let lost_fields: Decimal = fields.iter().map(|n| dec(&n["lost_exact"])).sum();
        let max_fields: Decimal = fields.iter().map(|n| dec(&n["max_exact"])).sum();
        let deductions = dec(&u["par"]["deductions_exact"]);
        let total = dec(&p["total_exact"]);
        assert_eq!(max_fields, dec(&p["max"]), "{code}");
        assert!(
            close(dec(&p["lost_exact"]), dec(&p["max"]) - total),
            "{code}"
        );
        assert!(
            close(lost_fields + deductions, dec(&p["lost_exact"])),
            "{code}: fields lose {lost_fields}, deductions {deductions}, the unit {}",
            p["lost_exact"]
        );
        // the same figures as compute
        assert_eq!(p["total_exact"], u["par"]["total_exact"], "{code}");
        assert_eq!(p["index"], u["par"]["index"], "{code}");
        assert_eq!(p["rank"], u["par"]["rank"], "{code}");
        for f in &fields {
            let field = f["code"].as_str().unwrap();
            assert_eq!(
                f["points"], u["par"]["fields"][field],
                "{code} field {field}"
            );
        }
        // the leaves by points lost: every leaf that lost points, most first
        let lost_most: Vec<&str> = e["lost_most"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        let losing = nodes
            .iter()
            .filter(|n| n["leaf"] == true && dec(&n["lost_exact"]) > Decimal::ZERO)
            .count();
        assert_eq!(lost_most.len(), losing, "{code}");
        for pair in lost_most.windows(2) {
            assert!(
                dec(&by_code[pair[0]]["lost_exact"]) >= dec(&by_code[pair[1]]["lost_exact"]),
                "{code}: {pair:?}"
            );
        }
    }
}

#[test]
fn self_points_are_those_entered() {
    // SGDDT self-assessed 0.75 points on 1.1.2 where the council gave 1.5 (the sample's row)
    let rows = std::fs::read_to_string(sample().join("self-assessment.csv")).unwrap();
    let row = rows
        .lines()
        .find(|l| l.starts_with("SGDDT,1.1.2,"))
        .expect("row");
    let cells: Vec<&str> = row.split(',').collect();
    let e = explain_json("SGDDT", &[]);
    let node = e["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "1.1.2")
        .unwrap();
    assert_eq!(dec(&node["self"]), round2(cells[2].parse().unwrap()));
    assert_eq!(dec(&node["appraised"]), round2(cells[3].parse().unwrap()));
    assert_eq!(node["basis"], "appraised");
    assert_eq!(cells[2], "0.75");
    assert_eq!(cells[3], "1.5");
    // the field sums the self points of its leaves, and differs from the appraised sum
    let field = &e["nodes"][0];
    assert_ne!(field["self"], field["appraised"]);
}

#[test]
fn neighbours_are_the_units_ranked_next() {
    let year = compute_json(&sample(), &[]);
    let so: Vec<&Value> = year["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["group"] == "so")
        .collect();
    let e = explain_json("SNV", &[]);
    let at = so.iter().position(|u| u["code"] == "SNV").unwrap();
    let above = &e["neighbours"]["above"];
    let below = &e["neighbours"]["below"];
    assert_eq!(above["code"], so[at - 1]["code"]);
    assert_eq!(below["code"], so[at + 1]["code"]);
    assert_eq!(
        dec(&above["gap"]),
        dec(&so[at - 1]["par"]["index"]) - dec(&so[at]["par"]["index"])
    );
    assert_eq!(e["par"]["of"], 20);
    // the first of a group has nobody above
    let e = explain_json(so[0]["code"].as_str().unwrap(), &[]);
    assert!(e["neighbours"]["above"].is_null());
}

#[test]
fn warnings_are_those_about_the_unit() {
    let e = explain_json("SGDDT", &[]);
    let warnings = e["warnings"].as_array().unwrap();
    assert!(!warnings.is_empty());
    assert!(warnings.iter().all(|w| w["unit"] == "SGDDT"));
}

#[test]
fn the_table_fits_80_columns_and_names_the_losses() {
    let sample = sample();
    let (code, out, err) = run_as_user(&["explain", "SNV", sample.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (code, english, err) = run(&["explain", "SNV", sample.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    for line in out.lines().chain(english.lines()) {
        assert!(
            line.chars().filter(|&c| !unicode_combining(c)).count() <= 80,
            "too wide: {line}"
        );
    }
    assert!(out.contains("Sở Nội vụ (SNV)"));
    assert!(
        out.contains("Chỉ số CCHC 91.56%: hạng 11/20, xếp loại A"),
        "{out}"
    );
    assert!(out.contains("Tổng cộng"));
    assert!(out.contains("Mất nhiều điểm nhất: 10 trong"), "{out}");
    assert!(out.contains("▶  11  Sở Nội vụ (SNV)"), "{out}");
    // the same in English
    assert!(
        english.contains("PAR index 91.56%: rank 11/20, band A"),
        "{english}"
    );
    assert!(english.contains("Total"));
    assert!(english.contains("Most points lost: 10 of the"), "{english}");
    assert!(english.contains("▶  11  Sở Nội vụ (SNV)"), "{english}");
    // the fields only
    let (_, fields, _) = run(&["explain", "SNV", sample.to_str().unwrap(), "--depth", "1"]);
    assert!(fields.contains("  1 Công tác chỉ đạo"));
    assert!(!fields.contains("  1.1 "));
}

fn unicode_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

#[test]
fn a_unit_by_name_and_an_unknown_unit() {
    let sample = sample();
    let dir = sample.to_str().unwrap();
    let (code, out, _) = run(&["explain", "sở nội vụ", dir, "--depth", "1"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Sở Nội vụ (SNV)"));
    let (code, out, _) = run(&["explain", "So Noi Vu", dir, "--depth", "1"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Sở Nội vụ (SNV)"));
    let (code, _, err) = run(&["explain", "SNVV", dir]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown unit \"SNVV\""), "{err}");
    assert!(err.contains("did you mean SNV (Sở Nội vụ)"), "{err}");
}

#[test]
fn with_the_previous_year() {
    let previous = root().join("samples/2022/results.json");
    let e = explain_json("SNV", &["--previous", previous.to_str().unwrap()]);
    let p = &e["previous"];
    assert_eq!(p["year"], 2022);
    assert_eq!(p["status"], "compared");
    assert_eq!(dec(&p["index"]), Decimal::new(9086, 2));
    assert_eq!(dec(&p["index_change"]), Decimal::new(70, 2));
    assert_eq!(p["rank"], 12);
    assert_eq!(p["rank_change"], 1);
    let sample = sample();
    let args = [
        "explain",
        "SNV",
        sample.to_str().unwrap(),
        "--depth",
        "1",
        "--previous",
        previous.to_str().unwrap(),
    ];
    let (_, out, _) = run_as_user(&args);
    assert!(
        out.contains("So với năm 2022: chỉ số 90.86% → 91.56% (+0.70); hạng 12 → 11 (tăng 1 bậc)"),
        "{out}"
    );
    let (_, out, _) = run(&args);
    assert!(
        out.contains("Against 2022: index 90.86% → 91.56% (+0.70); rank 12 → 11 (up 1 place)"),
        "{out}"
    );
}

/// A leaf scored on its self-assessment alone carries its mark at the end of its line; a long
/// name is cut to leave room for it within 80 columns.
#[test]
fn a_mark_is_never_cut_off_a_long_name() {
    let dir = copy_dir(&sample());
    let path = dir.path().join("self-assessment.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with("SGDDT,1.1.1,"))
        .expect("SGDDT's 1.1.1");
    // no appraised points: the self-assessment's stand, marked
    let cells: Vec<&str> = row.split(',').collect();
    let unappraised = format!(
        "{},{},{},,{}",
        cells[0],
        cells[1],
        cells[2],
        cells[4..].join(",")
    );
    std::fs::write(&path, text.replace(row, &unappraised)).unwrap();
    let (code, out, err) = run_as_user(&["explain", "SGDDT", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let line = out
        .lines()
        .find(|l| l.contains(" 1.1.1 "))
        .expect("the line of 1.1.1");
    assert!(line.ends_with("… [TC]"), "{line:?}");
    assert!(
        line.chars().filter(|&c| !unicode_combining(c)).count() <= 80,
        "{line}"
    );
    // and said under the table, once
    assert_eq!(
        out.matches("Ký hiệu: [TC] điểm tự chấm, chưa thẩm định.")
            .count(),
        1,
        "{out}"
    );
    let (_, english, _) = run(&["explain", "SGDDT", dir.path().to_str().unwrap()]);
    assert!(
        english.contains("Marks: [S] self-assessed, not appraised."),
        "{english}"
    );
}
