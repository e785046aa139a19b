//! How sure is a rank: the bootstrap (`compute --ci`) and the weights' sensitivity
//! (`sensitivity`), run as the binary on a small year made here and on the sample year.
//!
//! Replicate counts are kept small where the property does not need many (the test binary is
//! a debug build and CI has 2 cores).

use std::fmt::Write as _;
use std::path::Path;

use crate::common::*;
use serde_json::Value;

/// Runs the binary with `args` and an environment; returns stdout, asserting success.
fn stdout_of(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = bin();
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args, &[])).expect("JSON")
}

fn num(v: &Value) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| v.to_string().parse().expect("a number"))
}

fn units_of<'a>(report: &'a Value, index: &str, group: &str) -> &'a Vec<Value> {
    report[index]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["group"] == group)
        .expect("the group")["units"]
        .as_array()
        .expect("units")
}

fn unit<'a>(units: &'a [Value], code: &str) -> &'a Value {
    units.iter().find(|u| u["code"] == code).expect("the unit")
}

/// A year of the mini criteria (tests/data/mini) with two departments:
/// - S1: 400 questionnaires answering only item I1, 320 satisfied (level 5) and 80 not
///   (level 2), so that its satisfaction index is the index of that one item, p = 0.8, n = 400;
///   officials' answers that vary.
/// - S2: 400 questionnaires all answering 5 on every item; officials all answering A.
fn tiny_year() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("units.csv", "code,name,group\nS1,Sở Một,so\nS2,Sở Hai,so\n");
    let mut self_rows = String::from("unit,criterion,self,appraised,value,note\n");
    for u in ["S1", "S2"] {
        for (c, p) in [
            ("1.1.1", "1"),
            ("1.1.2", "2"),
            ("1.2", "1.5"),
            ("2.1", "4"),
            ("2.2", "2"),
            ("2.3", "1"),
        ] {
            let _ = writeln!(self_rows, "{u},{c},{p},{p},,");
        }
    }
    write("self-assessment.csv", &self_rows);
    let mut survey = String::from("respondent,respondent_group,unit,SQ1,SQ2,HQ1\n");
    for k in 0..30 {
        let rg = if k % 2 == 0 { "R1" } else { "R2" };
        let (a, b) = (["A", "B", "C", "D"][k % 4], ["B", "A", "X", "C"][k % 4]);
        let _ = writeln!(survey, "c{k},{rg},S1,{a},{b},");
        let _ = writeln!(survey, "c{k},{rg},S2,A,A,");
    }
    write("par-survey.csv", &survey);
    let mut sipas = String::from("respondent,unit,I1,I2,I3\n");
    for k in 0..400 {
        let level = if k < 320 { 5 } else { 2 };
        let _ = writeln!(sipas, "q{k},S1,{level},,");
        let _ = writeln!(sipas, "q{k},S2,5,5,5");
    }
    write("sipas-survey.csv", &sipas);
    dir
}

fn mini_criteria() -> String {
    root()
        .join("tests/data/mini/criteria.toml")
        .to_str()
        .unwrap()
        .to_string()
}

fn ci_json(dir: &Path, extra: &[&str]) -> Value {
    let criteria = mini_criteria();
    let mut args = vec![
        "compute",
        dir.to_str().unwrap(),
        "--criteria",
        &criteria,
        "--ci",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    json(&args)
}

/// One item with p = 0.8 and n = 400: the 95% bootstrap interval of the satisfaction index
/// agrees with the normal approximation p ± 1.96·√(p(1−p)/n), i.e. 80 ± 3.92 points.
/// Tolerance: each bound within 10% of the approximation's width (0.78 points); the bootstrap
/// distribution is binomial in steps of 0.25 points and 2,000 replicates place its 2.5% and
/// 97.5% points within about 0.15 points.
#[test]
fn one_item_interval_agrees_with_the_normal_approximation() {
    let dir = tiny_year();
    let report = ci_json(dir.path(), &["--annex", "sipas"]);
    let s1 = unit(units_of(&report, "sipas", "so"), "S1");
    assert_eq!(num(&s1["index"]), 80.0);
    let (low, high) = (num(&s1["low"]), num(&s1["high"]));
    let half = 1.96 * (0.8f64 * 0.2 / 400.0).sqrt() * 100.0;
    let tolerance = 0.10 * 2.0 * half;
    assert!(
        (low - (80.0 - half)).abs() <= tolerance && (high - (80.0 + half)).abs() <= tolerance,
        "bootstrap {low} … {high}, normal approximation {} … {} (tolerance {tolerance})",
        80.0 - half,
        80.0 + half
    );
}

/// Every answer equal: every replicate draws the same answers, the interval has zero width,
/// for the satisfaction index and for the PAR index.
#[test]
fn all_answers_equal_give_an_interval_of_zero_width() {
    let dir = tiny_year();
    let report = ci_json(dir.path(), &["--replicates", "300"]);
    let s2 = unit(units_of(&report, "sipas", "so"), "S2");
    assert_eq!((num(&s2["low"]), num(&s2["high"])), (100.0, 100.0));
    let s2 = unit(units_of(&report, "par", "so"), "S2");
    assert_eq!(num(&s2["low"]), num(&s2["high"]));
    assert_eq!(num(&s2["low"]), num(&s2["index"]));
    // S1's answers vary: its PAR interval does not collapse (the check above can fail).
    let s1 = unit(units_of(&report, "par", "so"), "S1");
    assert!(num(&s1["high"]) - num(&s1["low"]) > 0.1, "{s1}");
}

/// A spread of 0 leaves every maximum as it is: every replicate gives every unit exactly its
/// published rank, so median, 5th and 95th percentile are that rank and the mean shift is 0.
#[test]
fn a_spread_of_zero_leaves_every_rank_unchanged() {
    let d = sample();
    let d = d.to_str().unwrap();
    let zero = json(&[
        "sensitivity",
        d,
        "--spread",
        "0",
        "--replicates",
        "50",
        "--format",
        "json",
    ]);
    let mut n = 0;
    for g in zero["groups"].as_array().unwrap() {
        for u in g["units"].as_array().unwrap() {
            for k in ["rank_median", "rank_p5", "rank_p95"] {
                assert_eq!(u[k], u["rank"], "{k} of {}", u["code"]);
            }
            assert_eq!(num(&u["mean_shift"]), 0.0, "{}", u["code"]);
            n += 1;
        }
    }
    assert_eq!(n, 31);
    // With a spread, some units do move (the checks above are not vacuous).
    let spread = json(&["sensitivity", d, "--replicates", "50", "--format", "json"]);
    let moved = spread["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["units"].as_array().unwrap())
        .filter(|u| num(&u["mean_shift"]) > 0.0)
        .count();
    assert!(moved > 0);
}

/// The same seed gives the same bytes; another seed gives other intervals.
#[test]
fn the_same_seed_gives_identical_output() {
    let d = sample();
    let d = d.to_str().unwrap();
    for format in ["json", "csv", "table"] {
        let args = [
            "compute",
            d,
            "--ci",
            "90",
            "--replicates",
            "50",
            "--seed",
            "7",
            "--format",
            format,
        ];
        assert_eq!(stdout_of(&args, &[]), stdout_of(&args, &[]), "{format}");
    }
    let with_seed = |seed: &str| {
        stdout_of(
            &[
                "compute",
                d,
                "--ci",
                "--replicates",
                "50",
                "--seed",
                seed,
                "--format",
                "csv",
            ],
            &[],
        )
    };
    assert_ne!(with_seed("7"), with_seed("8"));
    let sens = |seed: &str| {
        stdout_of(
            &[
                "sensitivity",
                d,
                "--replicates",
                "50",
                "--seed",
                seed,
                "--format",
                "csv",
            ],
            &[],
        )
    };
    assert_eq!(sens("7"), sens("7"));
    assert_ne!(sens("7"), sens("8"));
}

/// One thread or several: identical bytes (each replicate has its own stream, results are
/// stored by replicate).
#[test]
fn thread_counts_give_identical_output() {
    let d = sample();
    let d = d.to_str().unwrap();
    let ci = [
        "compute",
        d,
        "--ci",
        "--replicates",
        "100",
        "--format",
        "json",
    ];
    let sens = ["sensitivity", d, "--replicates", "100", "--format", "json"];
    for args in [&ci[..], &sens[..]] {
        let one = stdout_of(args, &[("RAYON_NUM_THREADS", "1")]);
        let two = stdout_of(args, &[("RAYON_NUM_THREADS", "2")]);
        let three = stdout_of(args, &[("RAYON_NUM_THREADS", "3")]);
        assert_eq!(one, two, "{args:?}");
        assert_eq!(one, three, "{args:?}");
    }
}

/// The survey files' rows in another order: identical bytes (answers are put in a canonical
/// order before resampling).
#[test]
fn row_order_gives_identical_output() {
    let d = sample();
    let args = |dir: &str| {
        stdout_of(
            &[
                "compute",
                dir,
                "--ci",
                "--replicates",
                "100",
                "--format",
                "json",
            ],
            &[],
        )
    };
    let baseline = args(d.to_str().unwrap());
    let copy = copy_dir(&d);
    for file in ["par-survey.csv", "sipas-survey.csv", "units.csv"] {
        let path = copy.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        let header = lines.remove(0);
        lines.reverse();
        let half = lines.len() / 2;
        lines.rotate_left(half);
        std::fs::write(&path, format!("{header}\n{}\n", lines.join("\n"))).unwrap();
    }
    assert_eq!(baseline, args(copy.path().to_str().unwrap()));
}

/// A unit's intervals do not depend on which groups were asked for.
#[test]
fn a_group_alone_gives_the_same_intervals() {
    let d = sample();
    let d = d.to_str().unwrap();
    let all = json(&[
        "compute",
        d,
        "--ci",
        "--replicates",
        "100",
        "--format",
        "json",
    ]);
    let one = json(&[
        "compute",
        d,
        "--ci",
        "--replicates",
        "100",
        "--group",
        "huyen",
        "--format",
        "json",
    ]);
    for index in ["sipas", "par"] {
        assert_eq!(
            units_of(&all, index, "huyen"),
            units_of(&one, index, "huyen")
        );
        assert_eq!(one[index].as_array().unwrap().len(), 1);
    }
}

/// The report on the sample year: every unit has its interval and rank interval, units
/// exactly equal are never "supported" apart, and the CSV and table carry the same.
#[test]
fn the_sample_years_report() {
    let d = sample();
    let d = d.to_str().unwrap();
    let report = json(&[
        "compute",
        d,
        "--ci",
        "--replicates",
        "200",
        "--format",
        "json",
    ]);
    assert_eq!(report["level"], 95);
    assert_eq!(report["replicates"], 200);
    let nominal = compute_json(&sample(), &[]);
    for index in ["sipas", "par"] {
        for section in report[index].as_array().unwrap() {
            let units = section["units"].as_array().unwrap();
            for (k, u) in units.iter().enumerate() {
                let (low, high) = (num(&u["low"]), num(&u["high"]));
                assert!(low <= high, "{u}");
                assert!(high - low < 15.0, "{u}");
                let rank = u["rank"].as_u64().unwrap();
                let (best, worst) = (
                    u["rank_best"].as_u64().unwrap(),
                    u["rank_worst"].as_u64().unwrap(),
                );
                assert!(
                    best <= worst && best >= 1 && worst as usize <= units.len(),
                    "{u}"
                );
                // The published figures are those of the annexes.
                let annex = nominal["units"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|n| n["code"] == u["code"])
                    .unwrap();
                assert_eq!(u["index"], annex[index]["index"]);
                assert_eq!(u["rank"], annex[index]["rank"]);
                match units.get(k + 1) {
                    None => assert!(u["next"].is_null()),
                    Some(next) => {
                        assert_eq!(u["next"]["code"], next["code"]);
                        if u["index_exact"] == next["index_exact"] {
                            assert_eq!(u["next"]["supported"], false, "tie {u}");
                            assert_eq!(next["rank"].as_u64(), Some(rank));
                        }
                        // Supported exactly when the difference's interval lies above 0
                        // (a bound published as 0.00 may lie either side).
                        let supported = u["next"]["supported"].as_bool().unwrap();
                        let low = num(&u["next"]["low"]);
                        if low != 0.0 {
                            assert_eq!(supported, low > 0.0, "{u}");
                        }
                    }
                }
            }
        }
    }
    // CSV: one row per unit and annex.
    let csv = stdout_of(
        &[
            "compute",
            d,
            "--ci",
            "--replicates",
            "50",
            "--format",
            "csv",
        ],
        &[],
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), 2 * 31);
    // Table: the mark is explained, in the language asked for.
    let args = ["compute", d, "--ci", "--replicates", "50", "--annex", "par"];
    let table = stdout_of(&args, &[("PAR_INDEX_LANG", "vi")]);
    assert!(table.contains("Phụ lục II") && !table.contains("Phụ lục I."));
    assert!(table.contains("≈ Thứ tự với đơn vị xếp ngay sau"));
    let table = stdout_of(&args, &[]);
    assert!(
        table.contains("How sure are the ranks: Phụ lục II"),
        "{table}"
    );
    assert!(
        table.contains("≈ The data do not support the order with the unit ranked just after"),
        "{table}"
    );
}

#[test]
fn sensitivity_formats() {
    let d = sample();
    let d = d.to_str().unwrap();
    let csv = stdout_of(
        &[
            "sensitivity",
            d,
            "--replicates",
            "50",
            "--group",
            "huyen",
            "--format",
            "csv",
        ],
        &[],
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.headers().unwrap().len(), 9);
    assert_eq!(reader.records().count(), 11);
    let args = ["sensitivity", d, "--replicates", "50"];
    let table = stdout_of(&args, &[("PAR_INDEX_LANG", "vi")]);
    assert!(table.contains("Hạng P5 … P95"));
    let table = stdout_of(&args, &[]);
    assert!(
        table.contains("Rank P5 … P95") && table.contains("Mean shift"),
        "{table}"
    );
    let report = json(&["sensitivity", d, "--replicates", "50", "--format", "json"]);
    let fields = report["groups"][0]["fields"].as_object().unwrap();
    assert_eq!(fields.len(), 8);
    let total: f64 = fields.values().map(|f| num(&f["max"])).sum();
    assert_eq!(total, 100.0);
}

#[test]
fn wrong_arguments_are_usage_errors() {
    let d = sample();
    let d = d.to_str().unwrap();
    for args in [
        vec!["compute", d, "--replicates", "100"],
        vec!["compute", d, "--seed", "3"],
        vec!["compute", d, "--ci", "100"],
        vec!["compute", d, "--ci", "0"],
        vec!["compute", d, "--ci", "--replicates", "0"],
        vec!["compute", "--ci", d],
        vec!["sensitivity", d, "--spread", "100"],
        vec!["sensitivity", d, "--spread", "-5"],
        vec!["sensitivity", d, "--replicates", "1000001"],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
    let (_, _, err) = run(&["compute", "--ci", d]);
    assert!(err.contains("write the year's folder before it"), "{err}");
}
