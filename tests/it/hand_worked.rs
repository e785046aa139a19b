//! A small year worked out by hand: `tests/data/hand-worked/` scored with the mini criteria
//! (`tests/data/mini/criteria.toml`). Every expected figure below is computed by hand from
//! method.md §6–§9 and written as a literal, with its arithmetic in a comment; nothing is
//! computed by the program's own functions.
//!
//! The mini rule set, for reading the arithmetic:
//!
//! - `so` (total 20): field 1 (8) = 1.1.1 levels (1: kịp thời 1 / không kịp thời 0.5 /
//!   không ban hành 0) + 1.1.2 bands on percent (2: trên 90 → 2, từ 70 đến 90 → 1, dưới 70
//!   → 0) + 1.2 free in {0, 0.5, 1, 1.5, 2} (2) + 1.3 survey (3, questions SQ1 and SQ2);
//!   field 2 (12) = 2.1 proportional (4) + 2.2 bands on count (2: từ 4 → 2, đạt 3 → 1.5,
//!   từ 1 đến 2 → 1, đạt 0 → 0) + 2.3 free (1) + 2.4 sipas (5).
//!   Respondent groups R1 (weight 2) and R2 (weight 1).
//! - `huyen` (total 10): field 1 (10) = 1.1 free (4) + 1.2 survey (2, question HQ1, group R1)
//!   + 1.3 sipas (4).
//! - Survey scale A 100, B 60, C 20, D 0. SIPAS items I1, I2 (element E1) and I3 (element
//!   E2); levels 4 and 5 satisfied; min_valid 3.
//! - Deductions K1 0.5 per time, cap 1; K2 1 per time, cap 1; total cap 1.5.
//! - Bands A ≥ 90, B 80 to < 90, C 70 to < 80, D < 70, on the published index.
//!
//! The units and what each is there for:
//!
//! | unit | pins |
//! |---|---|
//! | S1 | N/A (max 18), appraised over self, rule disagreement, index exactly 90 → A, rank 1 with a note |
//! | S2 | value-only rows (level name in another case, 90.5%, 99.975%, count 5), 89.995 → A, rank 2 |
//! | S3 | another way to 89.995 (70% at the lower bound, count 2): exact tie with S2, rank 2 |
//! | S4 | value 90% at the upper bound, 120% capped, count 3, not appraised, the survey weights, an invalid questionnaire, the total deduction cap, 12.625 → 12.63 |
//! | H1 | blank/X survey answers, SIPAS 68.75, the per-kind deduction cap alone, index 68.5 → D |
//! | H2 | fewer valid questionnaires than min_valid (one invalid), a blank item answer |
//! | H3 | index exactly 80 → B; SIPAS exactly equal to H2's (shared rank) |

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use assert_cmd::Command;
use par_index::criteria::Criteria;
use par_index::stages::{Basis, LeafScore, Results, UnitResult};
use rust_decimal::Decimal;
use serde_json::Value;

const YEAR: &str = "tests/data/hand-worked";
const MINI: &str = "tests/data/mini/criteria.toml";

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Runs `par-index compute` on the hand-worked year; returns stdout. Panics unless it succeeds.
fn compute(criteria: &Path, extra: &[&str]) -> String {
    let out = Command::cargo_bin("par-index")
        .unwrap()
        .env("PAR_INDEX_LANG", "en")
        .arg("compute")
        .arg(path(YEAR))
        .arg("--criteria")
        .arg(criteria)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "par-index compute failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The JSON report of the year with the mini criteria, computed once.
fn report() -> &'static Value {
    static REPORT: OnceLock<Value> = OnceLock::new();
    REPORT
        .get_or_init(|| serde_json::from_str(&compute(&path(MINI), &["--format", "json"])).unwrap())
}

fn unit_in<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == code)
        .unwrap_or_else(|| panic!("unit {code} is not in the report"))
}

/// A figure of a unit, as the JSON writes it: numbers as their text (`12.63`, `4`), strings
/// without quotes (`"12.625"` → `12.625`), `null` as `null`.
fn fig(code: &str, pointer: &str) -> String {
    let v = unit_in(report(), code)
        .pointer(pointer)
        .unwrap_or_else(|| panic!("unit {code} has no {pointer}"));
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A rank note (PAR or SIPAS), if any.
fn note_in(report: &Value, code: &str, part: &str) -> Option<String> {
    match &unit_in(report, code)[part]["rank_note"] {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => panic!("rank_note of {code} is {other}"),
    }
}

/// The same year through the library, for the figures the JSON does not show (leaf points,
/// survey scores, item indices). Computed once.
fn library() -> &'static (Criteria, Results) {
    static RESULTS: OnceLock<(Criteria, Results)> = OnceLock::new();
    RESULTS.get_or_init(|| {
        crate::common::library_in_english();
        let criteria = par_index::criteria::load(Some(&path(MINI))).unwrap();
        let year = par_index::inputs::read(&path(YEAR), &criteria, Default::default()).unwrap();
        let results = par_index::stages::compute(&criteria, &year, Default::default()).unwrap();
        (criteria, results)
    })
}

fn unit_result(code: &str) -> &'static UnitResult {
    let (_, results) = library();
    results.units.iter().find(|u| u.code == code).unwrap()
}

fn node_index(code: &str, criterion: &str) -> usize {
    let (criteria, _) = library();
    criteria.groups[unit_result(code).group]
        .node_index(criterion)
        .unwrap_or_else(|| panic!("no criterion {criterion} for unit {code}"))
}

fn leaf(code: &str, criterion: &str) -> LeafScore {
    unit_result(code)
        .leaf(node_index(code, criterion))
        .unwrap_or_else(|| panic!("{criterion} is not a leaf"))
}

/// Asserts a leaf's points (exact) and where they come from.
fn assert_leaf(code: &str, criterion: &str, points: &str, basis: Basis) {
    let l = leaf(code, criterion);
    assert!(l.applicable, "{code} {criterion} should be applicable");
    assert_eq!(
        (l.points, l.basis),
        (d(points), basis),
        "{code} {criterion}: points and basis"
    );
}

/// The numbers in a message (`"appraised 2 points, but the rule gives 1 for 85%"` → 2, 1, 85).
fn numbers(message: &str) -> Vec<String> {
    message
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|t| t.trim_matches('.'))
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Stage 1 — appraisal points (method.md §6)
// ---------------------------------------------------------------------------------------------

#[test]
fn stage1_appraisal_points_of_every_leaf() {
    use Basis::{Appraised, Rule, SelfOnly};

    // S1 — appraised points stand over self points; N/A; a rule that disagrees.
    assert_leaf("S1", "1.1.1", "1", Appraised); // self 1, appraised 1 → 1
    assert_leaf("S1", "1.1.2", "2", Appraised); // appraised 2 stands although 85% → "từ 70 đến 90" → 1
    let na = leaf("S1", "1.2"); // self 2, appraised N/A → the council's N/A stands
    assert!(!na.applicable, "S1 1.2 is N/A");
    assert_eq!(na.basis, Basis::NotApplicable);
    assert_leaf("S1", "2.1", "4", Appraised); // appraised 4; value 100% → 4 × 100/100 = 4 (agrees)
    assert_leaf("S1", "2.2", "2", Rule); // value 4 lần → "từ 4" → 2
    assert_leaf("S1", "2.3", "0.8", Appraised); // self 0.8, appraised 0.8

    // N/A takes exactly the leaf's max (1.2: 2) off the unit and its ancestors.
    let s1 = unit_result("S1");
    assert_eq!(s1.node(node_index("S1", "1")).max, d("6")); // field 1: 8 − 2 = 6
    assert_eq!(s1.node(node_index("S1", "2")).max, d("12")); // field 2 untouched: 12
    assert_eq!(s1.par.max, d("18")); // unit: 20 − 2 = 18

    // S2 — only measured values, scored by each rule kind.
    assert_leaf("S2", "1.1.1", "1", Rule); // "ban hành  KỊP THỜI" = level "Ban hành kịp thời" (case, spaces) → 1
    assert_leaf("S2", "1.1.2", "2", Rule); // 90.5% → "trên 90" → 2
    assert_leaf("S2", "1.2", "2", Appraised); // appraised 2
    assert_leaf("S2", "2.1", "3.999", Rule); // proportional: 4 × 99.975/100 = 3.999
    assert_leaf("S2", "2.2", "2", Rule); // 5 lần → "từ 4" (no upper bound) → 2
    assert_leaf("S2", "2.3", "1", Appraised); // appraised 1

    // S3 — the lower bound of "từ 70 đến 90" is inclusive; appraised points that agree.
    assert_leaf("S3", "1.1.1", "1", Appraised); // appraised 1
    assert_leaf("S3", "1.1.2", "1", Rule); // 70% → "từ 70" (≥ 70) → 1, not "dưới 70" → 0
    assert_leaf("S3", "1.2", "2", Appraised); // appraised 2
    assert_leaf("S3", "2.1", "3.999", Appraised); // appraised 3.999; "99.975%" → 4 × 0.99975 = 3.999 (agrees)
    assert_leaf("S3", "2.2", "1", Rule); // 2 lần → "từ 1 đến 2" → 1
    assert_leaf("S3", "2.3", "1", Appraised); // appraised 1

    // S4 — the upper bound of "từ 70 đến 90" is inclusive; rate capped; "đạt 3"; self only.
    assert_leaf("S4", "1.1.1", "0.5", Rule); // "Ban hành không kịp thời" → 0.5
    assert_leaf("S4", "1.1.2", "1", Rule); // 90% → "đến 90" (≤ 90) → 1, not "trên 90" → 2
    assert_leaf("S4", "1.2", "1.5", SelfOnly); // self 1.5, no appraised → 1.5 stands (not appraised)
    assert_leaf("S4", "2.1", "4", Rule); // 120% → rate capped at 100% → 4 × 1 = 4, not 4.8
    assert_leaf("S4", "2.2", "1.5", Rule); // 3 lần → "đạt 3" → 1.5
    assert_leaf("S4", "2.3", "0.2", Appraised); // self 1, appraised 0.2 → 0.2

    // Districts: free points, appraised over self.
    assert_leaf("H1", "1.1", "3.5", Appraised); // self 4, appraised 3.5 → 3.5
    assert_leaf("H2", "1.1", "4", Appraised); // self 4, appraised 4
    assert_leaf("H3", "1.1", "3", Appraised); // self 3, appraised 3

    // The appraisal subtotal of each unit, published (JSON).
    assert_eq!(fig("S1", "/par/appraisal"), "9.80"); // 1 + 2 + 4 + 2 + 0.8 = 9.8 (1.2 N/A)
    assert_eq!(fig("S2", "/par/appraisal"), "12.00"); // 1 + 2 + 2 + 3.999 + 2 + 1 = 11.999 → 12.00
    assert_eq!(fig("S3", "/par/appraisal"), "10.00"); // 1 + 1 + 2 + 3.999 + 1 + 1 = 9.999 → 10.00
    assert_eq!(fig("S4", "/par/appraisal"), "8.70"); // 0.5 + 1 + 1.5 + 4 + 1.5 + 0.2 = 8.7
    assert_eq!(fig("H1", "/par/appraisal"), "3.50");
    assert_eq!(fig("H2", "/par/appraisal"), "4.00");
    assert_eq!(fig("H3", "/par/appraisal"), "3.00");
}

#[test]
fn stage1_warnings_not_appraised_and_rule_disagrees() {
    let warnings = report()["warnings"].as_array().unwrap();
    let mut found: Vec<(String, String, String)> = warnings
        .iter()
        .map(|w| {
            (
                w["kind"].as_str().unwrap().to_string(),
                w["unit"].as_str().unwrap_or("").to_string(),
                w["criterion"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    found.sort();
    let expected = [
        ("not_appraised", "S4", "1.2"),    // self 1.5, appraised empty
        ("rule_disagrees", "S1", "1.1.2"), // appraised 2, rule on 85% gives 1
        ("small_sample", "H2", ""),        // 2 valid questionnaires < min_valid 3 (stage 3)
    ]
    .map(|(k, u, c)| (k.to_string(), u.to_string(), c.to_string()));
    assert_eq!(found, expected, "exactly these warnings");

    let message = |kind: &str| {
        warnings
            .iter()
            .find(|w| w["kind"] == kind)
            .unwrap()
            .get("message")
            .and_then(Value::as_str)
            .unwrap()
            .to_string()
    };
    // "warn with both figures": the appraised 2, the rule's 1, and the value 85%.
    let disagrees = numbers(&message("rule_disagrees"));
    for n in ["2", "1", "85"] {
        assert!(
            disagrees.iter().any(|m| m == n),
            "rule_disagrees message should show {n}: {disagrees:?}"
        );
    }
    // The self points that stand.
    assert!(numbers(&message("not_appraised")).contains(&"1.5".to_string()));
}

#[test]
fn stage1_strict_turns_the_two_warnings_into_errors() {
    // §6: not appraised is "a warning; an error with --strict"; the rule disagreement too.
    let out = Command::cargo_bin("par-index")
        .unwrap()
        .env("PAR_INDEX_LANG", "en")
        .arg("compute")
        .arg(path(YEAR))
        .arg("--criteria")
        .arg(path(MINI))
        .args(["--format", "json", "--strict"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(4),
        "exit 4: input invalid under --strict"
    );
    assert!(out.stdout.is_empty(), "no result is written after an error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("S4") && stderr.contains("1.2"), "{stderr}");
    assert!(
        stderr.contains("S1") && stderr.contains("1.1.2"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// Stage 2 — survey points (method.md §7)
// ---------------------------------------------------------------------------------------------

#[test]
fn stage2_survey_weights_blank_and_x_answers() {
    let score = |code: &str, criterion: &str| {
        unit_result(code)
            .survey_score(node_index(code, criterion))
            .unwrap_or_else(|| panic!("{code} {criterion} has no survey score"))
    };

    // S4, leaf 1.3 (questions SQ1, SQ2):
    //   R1 (weight 2): p1 A,C; p2 B,blank; p3 X,A
    //     m(R1,SQ1) = (100 + 60)/2 = 80      (X left out)
    //     m(R1,SQ2) = (20 + 100)/2 = 60      (blank left out)
    //     m(R1) = (80 + 60)/2 = 70
    //   R2 (weight 1): p4 B,X; p5 C,blank
    //     m(R2,SQ1) = (60 + 20)/2 = 40
    //     SQ2 has no valid answer in R2 → left out: m(R2) = 40 (not (40 + 0)/2 = 20)
    //   score = (2 × 70 + 1 × 40)/(2 + 1) = 180/3 = 60   (equal weights would give 55)
    //   points = 3 × 60/100 = 1.8
    assert_eq!(score("S4", "1.3"), d("60"));
    assert_leaf("S4", "1.3", "1.8", Basis::Survey);
    assert_eq!(fig("S4", "/par/survey"), "1.80");

    // S1: R1 c1 A,A; c2 A,B → m(R1) = (100 + 80)/2 = 90; R2 c3 A,C → m(R2) = (100 + 20)/2 = 60
    //   score = (2 × 90 + 60)/3 = 240/3 = 80; points = 3 × 0.8 = 2.4
    assert_eq!(score("S1", "1.3"), d("80"));
    assert_eq!(fig("S1", "/par/survey"), "2.40");

    // S2: only R1 answered (c1 A,A) → score = 2 × 100/2 = 100 over the groups with valid
    //   answers (R2 not counted as 0, which would give 66.67); points = 3
    assert_eq!(score("S2", "1.3"), d("100"));
    assert_eq!(fig("S2", "/par/survey"), "3.00");

    // S3: R1 c1 A,A → 100; R2 c3 A,X → SQ1 100, SQ2 left out → 100; score 100; points 3
    assert_eq!(score("S3", "1.3"), d("100"));
    assert_eq!(fig("S3", "/par/survey"), "3.00");

    // Districts, leaf 1.2 (question HQ1, R1 only, max 2):
    // H1: A, B, X → (100 + 60)/2 = 80 → 2 × 0.8 = 1.6
    assert_eq!(score("H1", "1.2"), d("80"));
    assert_eq!(fig("H1", "/par/survey"), "1.60");
    // H2: C, blank → 20 → 2 × 0.2 = 0.4 (the blank respondent is not a 0)
    assert_eq!(score("H2", "1.2"), d("20"));
    assert_eq!(fig("H2", "/par/survey"), "0.40");
    // H3: A, A → 100 → 2
    assert_eq!(score("H3", "1.2"), d("100"));
    assert_eq!(fig("H3", "/par/survey"), "2.00");
}

// ---------------------------------------------------------------------------------------------
// Stage 3 — satisfaction index (method.md §8)
// ---------------------------------------------------------------------------------------------

#[test]
fn stage3_satisfaction_items_elements_index() {
    let items = |code: &str| -> Vec<Option<Decimal>> {
        let s = &unit_result(code).satisfaction;
        (0..s.items.len()).map(|k| s.item(k)).collect()
    };
    let some = |v: &[&str]| -> Vec<Option<Decimal>> { v.iter().map(|s| Some(d(s))).collect() };

    // S4: q1 5,4,5; q2 4,3,blank; q3 4,5,4; q4 4,2,1; q5 2,4,4; q6 blank,X,blank (invalid)
    //   I1: 5,4,4,4,2 → 4 satisfied / 5 valid = 80
    //   I2: 4,3,5,2,4 → 3/5 = 60
    //   I3: 5,4,1,4 (q2 blank left out) → 3/4 = 75
    //   E1 = (80 + 60)/2 = 70; E2 = 75; SIPAS = (70 + 75)/2 = 72.5
    assert_eq!(items("S4"), some(&["80", "60", "75"]));
    assert_eq!(fig("S4", "/sipas/valid"), "5"); // q6 has no valid answer: not counted
    assert_eq!(fig("S4", "/sipas/invalid"), "1");
    assert_eq!(fig("S4", "/sipas/elements/E1"), "70.00");
    assert_eq!(fig("S4", "/sipas/elements/E2"), "75.00");
    assert_eq!(fig("S4", "/sipas/index"), "72.50");
    assert_eq!(fig("S4", "/sipas/index_exact"), "72.5");
    assert_eq!(fig("S4", "/sipas/below_minimum"), "false"); // 5 ≥ 3

    // S1: I1 5,5,4,4,5 → 5/5 = 100; I2 4,5,3,2,4 → 3/5 = 60; I3 5,4,4,4,3 → 4/5 = 80
    //   E1 = (100 + 60)/2 = 80; E2 = 80; SIPAS = 80
    assert_eq!(items("S1"), some(&["100", "60", "80"]));
    assert_eq!(fig("S1", "/sipas/index_exact"), "80");
    // S2: I1 5,4,3,4,5 → 4/5 = 80; I2 4,5,4,2,4 → 80; I3 5,4,4,2,1 → 3/5 = 60
    //   E1 = 80; E2 = 60; SIPAS = 70
    assert_eq!(items("S2"), some(&["80", "80", "60"]));
    assert_eq!(fig("S2", "/sipas/elements/E1"), "80.00");
    assert_eq!(fig("S2", "/sipas/elements/E2"), "60.00");
    assert_eq!(fig("S2", "/sipas/index_exact"), "70");
    // S3: three questionnaires, every answer 4 or 5 → 100
    assert_eq!(fig("S3", "/sipas/index_exact"), "100");
    assert_eq!(fig("S3", "/sipas/valid"), "3"); // exactly min_valid: not below
    assert_eq!(fig("S3", "/sipas/below_minimum"), "false");

    // H1: I1 5,5,4,3 → 3/4 = 75; I2 4,5,2,2 → 2/4 = 50; I3 4,4,4,3 → 75
    //   E1 = (75 + 50)/2 = 62.5; E2 = 75; SIPAS = (62.5 + 75)/2 = 68.75
    assert_eq!(items("H1"), some(&["75", "50", "75"]));
    assert_eq!(fig("H1", "/sipas/elements/E1"), "62.50");
    assert_eq!(fig("H1", "/sipas/index"), "68.75");

    // H2: q1 5,2,4; q2 blank,3,5; q3 X,X,X (invalid)
    //   I1: 5 → 1/1 = 100 (the blank is not a "not satisfied"; counted it would give 50)
    //   I2: 2,3 → 0/2 = 0; I3: 4,5 → 2/2 = 100
    //   E1 = (100 + 0)/2 = 50; E2 = 100; SIPAS = 75
    //   2 valid questionnaires < min_valid 3 → flagged (counting q3 would make 3)
    assert_eq!(items("H2"), some(&["100", "0", "100"]));
    assert_eq!(fig("H2", "/sipas/valid"), "2");
    assert_eq!(fig("H2", "/sipas/invalid"), "1");
    assert_eq!(fig("H2", "/sipas/elements/E1"), "50.00");
    assert_eq!(fig("H2", "/sipas/elements/E2"), "100.00");
    assert_eq!(fig("H2", "/sipas/index_exact"), "75");
    assert_eq!(fig("H2", "/sipas/below_minimum"), "true");
    for code in ["S1", "S2", "S3", "S4", "H1", "H3"] {
        assert_eq!(fig(code, "/sipas/below_minimum"), "false", "{code}");
    }

    // H3: I1 5,5,5,5 → 100; I2 4,4,4,4 → 100; I3 5,5,3,3 → 50 → E1 100, E2 50, SIPAS 75
    assert_eq!(items("H3"), some(&["100", "100", "50"]));
    assert_eq!(fig("H3", "/sipas/index_exact"), "75");

    // Phụ lục I flags H2 (method §8: "flagged in every output"): its note is not empty, and
    // the others have none.
    let csv = compute(&path(MINI), &["--format", "csv", "--annex", "sipas"]);
    let annex = annex_rows(&csv);
    assert_eq!(annex["H2"]["Số phiếu hợp lệ"], "2");
    assert!(
        !annex["H2"]["Ghi chú"].is_empty(),
        "H2 is flagged in Phụ lục I"
    );
    assert!(annex["H3"]["Ghi chú"].is_empty());
}

// ---------------------------------------------------------------------------------------------
// Stage 4 — totals, index, rank, band (method.md §9)
// ---------------------------------------------------------------------------------------------

#[test]
fn stage4_sipas_points_deductions_totals_and_rounding() {
    // The sipas leaf earns max × SIPAS / 100.
    assert_eq!(fig("S1", "/par/sipas"), "4.00"); // 5 × 80/100 = 4
    assert_eq!(fig("S2", "/par/sipas"), "3.50"); // 5 × 70/100 = 3.5
    assert_eq!(fig("S3", "/par/sipas"), "5.00"); // 5 × 100/100 = 5
    assert_eq!(fig("S4", "/par/sipas"), "3.63"); // 5 × 72.5/100 = 3.625 → 3.63 (half away from zero)
    assert_leaf("S4", "2.4", "3.625", Basis::Sipas);
    assert_eq!(fig("H1", "/par/sipas"), "2.75"); // 4 × 68.75/100 = 2.75
    assert_eq!(fig("H2", "/par/sipas"), "3.00"); // 4 × 75/100 = 3
    assert_eq!(fig("H3", "/par/sipas"), "3.00"); // 4 × 75/100 = 3

    // Deductions: S4 K1 × 3 = 1.5 → capped at 1; K2 × 1 = 1 (at its cap 1); 1 + 1 = 2 →
    // total cap 1.5. H1 K1 × 3 = 1.5 → capped at 1 (the total cap 1.5 does not bind).
    // S2 K1 × 1 = 0.5. Nobody else has any.
    assert_eq!(fig("S4", "/par/deductions"), "1.50");
    assert_eq!(fig("H1", "/par/deductions"), "1.00");
    assert_eq!(fig("S2", "/par/deductions"), "0.50");
    for code in ["S1", "S3", "H2", "H3"] {
        assert_eq!(fig(code, "/par/deductions"), "0.00", "{code}");
    }

    // Field points, maximum, total and index of every unit.
    // S1: field 1 = 1 + 2 + 2.4 = 5.4 (1.2 N/A); field 2 = 4 + 2 + 0.8 + 4 = 10.8
    //     total = 16.2; max = 20 − 2 = 18; index = 16.2/18 × 100 = 90
    assert_eq!(fig("S1", "/par/fields/1"), "5.40");
    assert_eq!(fig("S1", "/par/fields/2"), "10.80");
    assert_eq!(fig("S1", "/par/max"), "18.00");
    assert_eq!(fig("S1", "/par/total"), "16.20");
    assert_eq!(fig("S1", "/par/total_exact"), "16.2");
    assert_eq!(fig("S1", "/par/index"), "90.00");
    assert_eq!(fig("S1", "/par/index_exact"), "90"); // 81 had the N/A not lowered the max

    // S2: field 1 = 1 + 2 + 2 + 3 = 8; field 2 = 3.999 + 2 + 1 + 3.5 = 10.499 → 10.50
    //     total = 8 + 10.499 − 0.5 = 17.999 → 18.00; index = 17.999/20 × 100 = 89.995 → 90.00
    assert_eq!(fig("S2", "/par/fields/1"), "8.00");
    assert_eq!(fig("S2", "/par/fields/2"), "10.50");
    assert_eq!(fig("S2", "/par/max"), "20.00");
    assert_eq!(fig("S2", "/par/total"), "18.00");
    assert_eq!(fig("S2", "/par/total_exact"), "17.999");
    assert_eq!(fig("S2", "/par/index"), "90.00");
    assert_eq!(fig("S2", "/par/index_exact"), "89.995");

    // S3: field 1 = 1 + 1 + 2 + 3 = 7; field 2 = 3.999 + 1 + 1 + 5 = 10.999 → 11.00
    //     total = 17.999; index = 89.995 — exactly S2's, by other points
    assert_eq!(fig("S3", "/par/fields/1"), "7.00");
    assert_eq!(fig("S3", "/par/fields/2"), "11.00");
    assert_eq!(fig("S3", "/par/total_exact"), "17.999");
    assert_eq!(fig("S3", "/par/index"), "90.00");
    assert_eq!(fig("S3", "/par/index_exact"), "89.995");

    // S4: field 1 = 0.5 + 1 + 1.5 + 1.8 = 4.8
    //     field 2 = 4 + 1.5 + 0.2 + 3.625 = 9.325 → 9.33 (banker's rounding would give 9.32)
    //     total = 4.8 + 9.325 − 1.5 = 12.625 → 12.63 (banker's: 12.62)
    //     index = 12.625/20 × 100 = 63.125 → 63.13 (banker's: 63.12)
    assert_eq!(fig("S4", "/par/fields/1"), "4.80");
    assert_eq!(fig("S4", "/par/fields/2"), "9.33");
    assert_eq!(fig("S4", "/par/max"), "20.00");
    assert_eq!(fig("S4", "/par/total"), "12.63");
    assert_eq!(fig("S4", "/par/total_exact"), "12.625");
    assert_eq!(fig("S4", "/par/index"), "63.13");
    assert_eq!(fig("S4", "/par/index_exact"), "63.125");

    // Districts (max 10):
    // H1 field 1 = 3.5 + 1.6 + 2.75 = 7.85 (before deductions); total = 7.85 − 1 = 6.85 → 68.5
    // H2 4 + 0.4 + 3 = 7.4 → 74; H3 3 + 2 + 3 = 8 → 80
    assert_eq!(fig("H1", "/par/fields/1"), "7.85");
    assert_eq!(fig("H1", "/par/total_exact"), "6.85");
    assert_eq!(fig("H1", "/par/total"), "6.85");
    assert_eq!(fig("H1", "/par/index"), "68.50");
    assert_eq!(fig("H2", "/par/total_exact"), "7.4");
    assert_eq!(fig("H2", "/par/index"), "74.00");
    assert_eq!(fig("H3", "/par/total_exact"), "8");
    assert_eq!(fig("H3", "/par/max"), "10.00");
    assert_eq!(fig("H3", "/par/index"), "80.00");

    // Decimal comparison of a published figure, for scripts that parse it.
    let total = &unit_in(report(), "S4")["par"]["total"];
    assert_eq!(Decimal::from_str(&total.to_string()).unwrap(), d("12.63"));
}

#[test]
fn stage4_ranks_notes_and_bands() {
    // Units listed by group, then PAR rank, then code (S2 before S3 at the shared rank 2).
    let order: Vec<&str> = report()["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["S1", "S2", "S3", "S4", "H3", "H2", "H1"]);

    // PAR ranks on exact indices: S1 90 > S2 = S3 89.995 > S4 63.125 → 1, 2, 2, 4.
    assert_eq!(fig("S1", "/par/rank"), "1");
    assert_eq!(fig("S2", "/par/rank"), "2");
    assert_eq!(fig("S3", "/par/rank"), "2");
    assert_eq!(fig("S4", "/par/rank"), "4");
    // Districts: H3 80 > H2 74 > H1 68.5.
    assert_eq!(fig("H3", "/par/rank"), "1");
    assert_eq!(fig("H2", "/par/rank"), "2");
    assert_eq!(fig("H1", "/par/rank"), "3");

    // S1, S2 and S3 all publish 90.00 but S1 ranks apart: each says so. S2 and S3 are exactly
    // equal, so neither names the other.
    let s1 = note_in(report(), "S1", "par").expect("S1 has a rank note");
    assert!(
        s1.contains("S2") && s1.contains("S3") && s1.contains("90.00"),
        "{s1}"
    );
    for code in ["S2", "S3"] {
        let n = note_in(report(), code, "par").unwrap_or_else(|| panic!("{code} has a note"));
        assert!(n.contains("S1") && n.contains("90.00"), "{n}");
        assert!(n.contains("89.995"), "the note shows the exact value: {n}");
    }
    assert!(!note_in(report(), "S2", "par").unwrap().contains("S3"));
    for code in ["S4", "H1", "H2", "H3"] {
        assert_eq!(note_in(report(), code, "par"), None, "{code}");
    }

    // Bands on the published index: 90.00 exactly → A; 89.995 published 90.00 → A (not B);
    // 63.13 → D; 80.00 exactly → B; 74.00 → C; 68.50 → D.
    assert_eq!(fig("S1", "/par/band"), "A");
    assert_eq!(fig("S2", "/par/band"), "A");
    assert_eq!(fig("S3", "/par/band"), "A");
    assert_eq!(fig("S4", "/par/band"), "D");
    assert_eq!(fig("H3", "/par/band"), "B");
    assert_eq!(fig("H1", "/par/band"), "D");
    assert_eq!(fig("H2", "/par/band"), "C");

    // SIPAS ranks: so S3 100 > S1 80 > S4 72.5 > S2 70; huyen H2 = H3 75 (exactly) > H1 68.75.
    assert_eq!(fig("S3", "/sipas/rank"), "1");
    assert_eq!(fig("S1", "/sipas/rank"), "2");
    assert_eq!(fig("S4", "/sipas/rank"), "3");
    assert_eq!(fig("S2", "/sipas/rank"), "4");
    assert_eq!(fig("H2", "/sipas/rank"), "1");
    assert_eq!(fig("H3", "/sipas/rank"), "1");
    assert_eq!(fig("H1", "/sipas/rank"), "3");
    for code in ["S1", "S2", "S3", "S4", "H1", "H2", "H3"] {
        assert_eq!(note_in(report(), code, "sipas"), None, "{code}");
    }
}

#[test]
fn stage4_published_ranking_shares_equal_published_values() {
    // The same year with `ranking = "published"`: S1 (90), S2 and S3 (89.995) all publish
    // 90.00 and share rank 1; S4 is 4th; no note is needed.
    let mini = std::fs::read_to_string(path(MINI)).unwrap();
    let published = mini.replace("ranking = \"exact\"", "ranking = \"published\"");
    assert_ne!(mini, published, "the mini criteria rank on exact values");
    let dir = tempfile::tempdir().unwrap();
    let criteria = dir.path().join("mini-published.toml");
    std::fs::write(&criteria, published).unwrap();
    let report: Value = serde_json::from_str(&compute(&criteria, &["--format", "json"])).unwrap();

    let rank = |code: &str| unit_in(&report, code)["par"]["rank"].to_string();
    assert_eq!(
        ["S1", "S2", "S3", "S4", "H3", "H1", "H2"].map(rank),
        ["1", "1", "1", "4", "1", "3", "2"].map(String::from)
    );
    for code in ["S1", "S2", "S3"] {
        assert_eq!(note_in(&report, code, "par"), None, "{code}");
        assert_eq!(unit_in(&report, code)["par"]["band"], "A");
    }
}

// ---------------------------------------------------------------------------------------------
// Phụ lục II as CSV
// ---------------------------------------------------------------------------------------------

/// The rows of a one-annex CSV, by unit code, as header → cell.
fn annex_rows(
    csv: &str,
) -> std::collections::HashMap<String, std::collections::HashMap<String, String>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let row: std::collections::HashMap<String, String> = headers
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect();
            (row["Mã đơn vị"].clone(), row)
        })
        .collect()
}

#[test]
fn annex_ii_csv_rows_match_the_published_figures() {
    let csv = compute(&path(MINI), &["--format", "csv", "--annex", "par"]);
    let rows = annex_rows(&csv);
    assert_eq!(rows.len(), 7, "one row per unit");

    let expect = |code: &str, cells: &[(&str, &str)]| {
        for (header, value) in cells {
            assert_eq!(rows[code][*header], *value, "{code}, column {header}");
        }
    };
    // S4: the x.xx5 figures rounded half away from zero, both deduction caps.
    expect(
        "S4",
        &[
            ("Nhóm", "so"),
            ("Xếp hạng", "4"),
            ("Tên đơn vị", "Sở Bốn"),
            ("Lĩnh vực 1", "4.80"),           // 0.5 + 1 + 1.5 + 1.8
            ("Lĩnh vực 2", "9.33"),           // 9.325
            ("Điểm thẩm định", "8.70"),       // 0.5 + 1 + 1.5 + 4 + 1.5 + 0.2
            ("Điểm điều tra XHH", "1.80"),    // 3 × 60/100
            ("Điểm chỉ số hài lòng", "3.63"), // 5 × 72.5/100 = 3.625
            ("Điểm trừ", "1.50"),             // min(min(1.5, 1) + min(1, 1), 1.5)
            ("Điểm tối đa", "20.00"),
            ("Tổng điểm", "12.63"),       // 12.625
            ("Chỉ số CCHC (%)", "63.13"), // 63.125
            ("Xếp loại", "D"),
            ("Ghi chú", ""),
        ],
    );
    // S1: the N/A maximum, index exactly 90, and the rank note.
    expect(
        "S1",
        &[
            ("Xếp hạng", "1"),
            ("Lĩnh vực 1", "5.40"),
            ("Lĩnh vực 2", "10.80"),
            ("Điểm tối đa", "18.00"),
            ("Tổng điểm", "16.20"),
            ("Chỉ số CCHC (%)", "90.00"),
            ("Xếp loại", "A"),
        ],
    );
    assert!(!rows["S1"]["Ghi chú"].is_empty(), "S1's rank is explained");
    // S3: 89.995 → 90.00, A, shared rank 2.
    expect(
        "S3",
        &[
            ("Xếp hạng", "2"),
            ("Tổng điểm", "18.00"),
            ("Chỉ số CCHC (%)", "90.00"),
            ("Xếp loại", "A"),
        ],
    );
    // H1: field 1 before deductions, total after the per-kind cap.
    expect(
        "H1",
        &[
            ("Xếp hạng", "3"),
            ("Lĩnh vực 1", "7.85"), // 3.5 + 1.6 + 2.75
            ("Điểm trừ", "1.00"),   // min(3 × 0.5, 1)
            ("Tổng điểm", "6.85"),  // 7.85 − 1
            ("Chỉ số CCHC (%)", "68.50"),
            ("Xếp loại", "D"),
        ],
    );
    // H3: a district has one field; its index exactly 80 is a B.
    expect(
        "H3",
        &[
            ("Nhóm", "huyen"),
            ("Xếp hạng", "1"),
            ("Lĩnh vực 1", "8.00"),
            ("Lĩnh vực 2", ""),
            ("Điểm thẩm định", "3.00"),
            ("Điểm điều tra XHH", "2.00"),
            ("Điểm chỉ số hài lòng", "3.00"),
            ("Điểm trừ", "0.00"),
            ("Điểm tối đa", "10.00"),
            ("Tổng điểm", "8.00"),
            ("Chỉ số CCHC (%)", "80.00"),
            ("Xếp loại", "B"),
        ],
    );
}
