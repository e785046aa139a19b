//! The criteria: the shipped file validates and matches method.md §4; each validator rule
//! refuses a broken file with a message naming the node and its line.

use std::str::FromStr;

use par_index::criteria::{self, Source};
use par_index::error::Problem;
use rust_decimal::Decimal;

use crate::common::library_in_english;

const MINI: &str = include_str!("../data/mini/criteria.toml");

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The 1-based line of the `nth` (0-based) line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not found"))
        .0
        + 1
}

/// `text` with the `nth` occurrence of `from` replaced by `to`.
fn edit(text: &str, from: &str, to: &str, nth: usize) -> String {
    let (i, _) = text
        .match_indices(from)
        .nth(nth)
        .unwrap_or_else(|| panic!("{from:?} not found"));
    format!("{}{}{}", &text[..i], to, &text[i + from.len()..])
}

/// The problems of a broken file, in English (the language these tests read).
fn problems(text: &str) -> Vec<Problem> {
    library_in_english();
    match criteria::parse("broken.toml", text) {
        Ok(_) => panic!("the broken file was accepted"),
        Err(par_index::error::Failure::Criteria(p)) => p,
        Err(other) => panic!("unexpected failure {other}"),
    }
}

/// Asserts that some problem concerns `subject`, sits on `line`, and says `says`.
fn assert_problem(problems: &[Problem], subject: &str, line: usize, says: &str) {
    let found = problems.iter().any(|p| {
        p.file == "broken.toml"
            && p.line == line
            && p.subject.as_deref().is_some_and(|s| s.contains(subject))
            && p.message.contains(says)
    });
    assert!(
        found,
        "expected a problem about {subject:?} at line {line} saying {says:?}; got:\n{}",
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_mini_file_is_valid() {
    library_in_english();
    let c = criteria::parse("mini.toml", MINI).unwrap();
    assert_eq!(c.groups.len(), 2);
    assert_eq!(c.groups[0].id, "so");
    assert_eq!(c.groups[0].nodes.len(), 11);
}

#[test]
fn parent_max_not_the_sum_of_its_children() {
    // node 1.1 has children 1 + 2 = 3
    let text = edit(MINI, "max = 3\nprovenance", "max = 4\nprovenance", 0);
    let line = line_of(&text, "max = 4", 0);
    assert_problem(&problems(&text), "node 1.1", line, "children add up to 3");
}

#[test]
fn duplicate_code() {
    let text = edit(MINI, "code = \"2.3\"", "code = \"2.2\"", 0);
    let line = line_of(&text, "code = \"2.2\"", 1);
    let p = problems(&text);
    assert_problem(&p, "node 2.2", line, "duplicate code");
}

#[test]
fn malformed_codes() {
    for bad in ["2.x", "02.3", "2..3", "2.3.", "1.1.1.1"] {
        let text = edit(MINI, "code = \"2.3\"", &format!("code = \"{bad}\""), 0);
        let line = line_of(&text, &format!("code = \"{bad}\""), 0);
        let p = problems(&text);
        let expected = if bad == "1.1.1.1" {
            "too deep"
        } else {
            "malformed code"
        };
        assert_problem(&p, bad, line, expected);
    }
}

#[test]
fn group_not_totalling_its_declared_total() {
    let text = edit(MINI, "total = 20", "total = 21", 0);
    let line = line_of(&text, "total = 21", 0);
    assert_problem(
        &problems(&text),
        "group so",
        line,
        "the fields add up to 20",
    );
}

#[test]
fn split_not_matching_the_leaves() {
    let text = edit(MINI, "survey = 3,", "survey = 4,", 0);
    let line = line_of(&text, "split = ", 0);
    assert_problem(
        &problems(&text),
        "group so",
        line,
        "4 points by survey but the survey leaves add up to 3",
    );
}

#[test]
fn rule_giving_more_than_the_leaf_max() {
    let text = edit(
        MINI,
        "{ name = \"Ban hành kịp thời\", points = 1 }",
        "{ name = \"Ban hành kịp thời\", points = 1.5 }",
        0,
    );
    let line = line_of(&text, "points = 1.5", 0);
    assert_problem(
        &problems(&text),
        "node 1.1.1",
        line,
        "more than the leaf's max 1",
    );
    let text = edit(
        MINI,
        "allowed = [0, 0.5, 1, 1.5, 2]",
        "allowed = [0, 0.5, 1, 1.5, 2.5]",
        0,
    );
    let line = line_of(&text, "allowed = ", 0);
    assert_problem(
        &problems(&text),
        "node 1.2",
        line,
        "more than the leaf's max 2",
    );
    let text = edit(
        MINI,
        "{ from = 4, points = 2 }",
        "{ from = 4, points = 3 }",
        0,
    );
    let line = line_of(&text, "{ from = 4, points = 3 }", 0);
    assert_problem(
        &problems(&text),
        "node 2.2",
        line,
        "more than the leaf's max 2",
    );
}

#[test]
fn bands_that_overlap() {
    let text = edit(
        MINI,
        "{ from = 70, to = 90, points = 1 }",
        "{ from = 70, to = 95, points = 1 }",
        0,
    );
    let line = line_of(&text, "{ above = 90", 0);
    assert_problem(&problems(&text), "node 1.1.2", line, "bands overlap");
    // both ends inclusive at the same value also overlap
    let text = edit(
        MINI,
        "{ above = 90, points = 2 }",
        "{ from = 90, points = 2 }",
        0,
    );
    let line = line_of(&text, "{ from = 90, points = 2 }", 0);
    assert_problem(
        &problems(&text),
        "node 1.1.2",
        line,
        "bands overlap: this band and the one at line",
    );
}

#[test]
fn bands_that_leave_a_gap() {
    let text = edit(
        MINI,
        "{ below = 70, points = 0 }",
        "{ below = 60, points = 0 }",
        0,
    );
    let line = line_of(&text, "bands = [", 0);
    assert_problem(
        &problems(&text),
        "node 1.1.2",
        line,
        "gap: no band holds the values between 60 and 70",
    );
    // counts are whole numbers: 3 missing between "từ 4" and "đến 2"
    let text = edit(MINI, "  { at = 3, points = 1.5 },\n", "", 0);
    let line = line_of(&text, "bands = [", 1);
    assert_problem(
        &problems(&text),
        "node 2.2",
        line,
        "no band holds the counts from 3 to 3",
    );
}

#[test]
fn band_thresholds_out_of_order() {
    // a band whose lower bound lies above its upper bound
    let text = edit(
        MINI,
        "{ from = 70, to = 90, points = 1 }",
        "{ from = 90, to = 70, points = 1 }",
        0,
    );
    let line = line_of(&text, "{ from = 90, to = 70", 0);
    assert_problem(
        &problems(&text),
        "node 1.1.2",
        line,
        "band thresholds out of order",
    );
    // bands of the index listed neither ascending nor descending
    let text = edit(
        MINI,
        "name = \"C\"\nfrom = 70\nbelow = 80",
        "name = \"C\"\nfrom = 95\nbelow = 100",
        0,
    );
    let text = edit(
        &text,
        "name = \"A\"\nfrom = 90",
        "name = \"A\"\nfrom = 100",
        0,
    );
    let line = line_of(&text, "name = \"C\"", 0) - 1;
    assert_problem(
        &problems(&text),
        "bands",
        line,
        "band thresholds out of order",
    );
}

#[test]
fn levels_with_duplicate_names() {
    let text = edit(
        MINI,
        "{ name = \"Không ban hành\", points = 0 }",
        "{ name = \"ban hành  KỊP thời\", points = 0 }",
        0,
    );
    let line = line_of(&text, "ban hành  KỊP thời", 0);
    assert_problem(&problems(&text), "node 1.1.1", line, "named twice");
}

#[test]
fn question_tied_to_a_missing_leaf() {
    let text = edit(MINI, "leaf = \"1.3\"", "leaf = \"1.9\"", 0);
    let line = line_of(&text, "leaf = \"1.9\"", 0) - 2;
    assert_problem(
        &problems(&text),
        "question SQ1",
        line,
        "its leaf 1.9 is not a node of group so",
    );
}

#[test]
fn question_tied_to_a_non_survey_leaf() {
    let text = edit(MINI, "leaf = \"1.3\"", "leaf = \"1.2\"", 1);
    let line = line_of(&text, "leaf = \"1.2\"", 0) - 2;
    assert_problem(
        &problems(&text),
        "question SQ2",
        line,
        "not a survey leaf (source appraisal)",
    );
}

#[test]
fn survey_leaf_with_no_question() {
    let block = "[[groups.huyen.survey.questions]]\nid = \"HQ1\"\nleaf = \"1.2\"\ntext = \"Câu hỏi huyện\"\n";
    let text = edit(MINI, block, "", 0);
    let line = line_of(&text, "[[groups.huyen.nodes]]", 2);
    assert_problem(
        &problems(&text),
        "group huyen, node 1.2",
        line,
        "survey leaf with no question",
    );
}

#[test]
fn satisfaction_element_with_no_item() {
    let text = edit(
        MINI,
        "items = [\n  { id = \"I3\", text = \"Mục 3\" },\n]",
        "items = []",
        0,
    );
    let line = line_of(&text, "[[sipas.elements]]", 1);
    assert_problem(&problems(&text), "element E2", line, "no item");
}

#[test]
fn negative_or_all_zero_weights() {
    let text = edit(MINI, "weight = 1\n", "weight = -1\n", 0);
    let line = line_of(&text, "weight = -1", 0) - 3;
    assert_problem(
        &problems(&text),
        "respondent group R2",
        line,
        "weight -1 is negative",
    );
    let text = edit(
        &edit(MINI, "weight = 2\n", "weight = 0\n", 0),
        "weight = 1\n",
        "weight = 0\n",
        0,
    );
    let line = line_of(&text, "[groups.so.survey]", 0);
    assert_problem(
        &problems(&text),
        "group so",
        line,
        "every respondent group weight is zero",
    );
    let mut text = MINI.to_string();
    for w in ["100", "60", "20"] {
        text = edit(&text, &format!("weight = {w},"), "weight = 0,", 0);
    }
    let line = line_of(&text, "[survey]", 0);
    let p = problems(&text);
    assert!(
        p.iter()
            .any(|p| p.line == line && p.message.contains("every survey scale weight is zero")),
        "{p:?}"
    );
}

#[test]
fn unknown_keys_are_refused_with_their_line() {
    let text = edit(MINI, "code = \"2.3\"\n", "code = \"2.3\"\nmaxi = 1\n", 0);
    let line = line_of(&text, "maxi = 1", 0);
    let p = problems(&text);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].line, line);
    assert!(p[0].message.contains("unknown field `maxi`"), "{}", p[0]);
}

#[test]
fn rule_keys_and_sources_must_fit() {
    // an appraisal leaf without a rule
    let text = edit(MINI, "rule = \"proportional\"\n", "", 0);
    let line = line_of(&text, "code = \"2.1\"", 0);
    assert_problem(&problems(&text), "node 2.1", line, "needs a rule");
    // a parent with a source
    let text = edit(
        MINI,
        "name = \"Kết quả\"\nmax = 12\n",
        "name = \"Kết quả\"\nmax = 12\nsource = \"survey\"\n",
        0,
    );
    let line = line_of(&text, "max = 12", 0) + 1;
    assert_problem(
        &problems(&text),
        "node 2",
        line,
        "only leaves have a source",
    );
    // levels on a free rule
    let text = edit(
        MINI,
        "allowed = [0, 0.5, 1, 1.5, 2]",
        "levels = [{ name = \"x\", points = 1 }]",
        0,
    );
    let line = line_of(&text, "levels = [{ name = \"x\"", 0);
    assert_problem(
        &problems(&text),
        "node 1.2",
        line,
        "levels does not belong to a free rule",
    );
    // an unknown provenance
    let text = edit(
        MINI,
        "provenance = \"hand\"\n\n[[groups.so.nodes]]\ncode = \"2.1\"",
        "provenance = \"nowhere\"\n\n[[groups.so.nodes]]\ncode = \"2.1\"",
        0,
    );
    let line = line_of(&text, "provenance = \"nowhere\"", 0);
    assert_problem(&problems(&text), "node 2", line, "not a key of [sources]");
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = edit(MINI, "total = 20", "total = 21", 0);
    let text = edit(&text, "code = \"2.3\"", "code = \"2.2\"", 0);
    let text = edit(
        &text,
        "items = [\n  { id = \"I3\", text = \"Mục 3\" },\n]",
        "items = []",
        0,
    );
    let p = problems(&text);
    assert!(p.len() >= 3, "{p:?}");
    // sorted by line
    assert!(p.windows(2).all(|w| w[0].line <= w[1].line));
}

// ----- the shipped criteria -------------------------------------------------------------

/// method.md §4: field maxima as (appraisal, survey, sipas) for `so` and `huyen`.
const METHOD_FIELDS: [(&str, [&str; 3], [&str; 3]); 8] = [
    ("1", ["11", "1", "0"], ["10", "1", "0"]),
    ("2", ["8", "1", "0"], ["7", "1", "0"]),
    ("3", ["13.5", "1.5", "0"], ["15.5", "1.5", "0"]),
    ("4", ["8", "1", "0"], ["7", "1", "0"]),
    ("5", ["11.5", "1.5", "0"], ["10.5", "1.5", "0"]),
    ("6", ["7", "1", "0"], ["7", "1", "0"]),
    ("7", ["12.5", "1.5", "0"], ["12.5", "1.5", "0"]),
    ("8", ["8.5", "1.5", "10"], ["10.5", "1.5", "10"]),
];

#[test]
fn the_shipped_criteria_validate_and_follow_method_md() {
    library_in_english();
    let c = criteria::load(None).expect("the built-in criteria validate");
    assert_eq!(c.year, 2023);
    let ids: Vec<&str> = c.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["so", "huyen"]);
    for (gi, g) in c.groups.iter().enumerate() {
        assert_eq!(g.total, d("100"));
        // per source, summed from the leaves
        assert_eq!(
            g.max_by_source(Source::Appraisal),
            d("80"),
            "group {}",
            g.id
        );
        assert_eq!(g.max_by_source(Source::Survey), d("10"), "group {}", g.id);
        assert_eq!(g.max_by_source(Source::Sipas), d("10"), "group {}", g.id);
        // per field and source
        let fields: Vec<_> = g.fields().collect();
        assert_eq!(fields.len(), 8);
        for (code, so, huyen) in METHOD_FIELDS {
            let expected = if gi == 0 { so } else { huyen };
            let fi = g.node_index(code).unwrap();
            for (si, source) in [Source::Appraisal, Source::Survey, Source::Sipas]
                .into_iter()
                .enumerate()
            {
                let sum: Decimal = g
                    .leaves()
                    .filter(|(i, n)| g.field_of(*i) == fi && n.source == Some(source))
                    .map(|(_, n)| n.max)
                    .sum();
                assert_eq!(
                    sum,
                    d(expected[si]),
                    "group {} field {code} {:?}",
                    g.id,
                    source
                );
            }
        }
        let criteria_count = g.nodes.iter().filter(|n| n.code.depth() == 2).count();
        let sub_count = g.nodes.iter().filter(|n| n.code.depth() == 3).count();
        assert!(
            (30..=40).contains(&criteria_count),
            "group {}: {criteria_count} criteria",
            g.id
        );
        assert!(
            (80..=90).contains(&sub_count),
            "group {}: {sub_count} sub-criteria",
            g.id
        );
        // all four rule kinds are used
        let mut kinds: Vec<&str> = g
            .nodes
            .iter()
            .filter_map(|n| n.rule.as_ref().map(|r| r.kind()))
            .collect();
        kinds.sort();
        kinds.dedup();
        assert_eq!(
            kinds,
            ["bands", "free", "levels", "proportional"],
            "group {}",
            g.id
        );
    }
    // the satisfaction questionnaire of the 2022 national form: 4/4/5/3/3
    let items: Vec<usize> = c.sipas.elements.iter().map(|e| e.items.len()).collect();
    assert_eq!(items, [4, 4, 5, 3, 3]);
    assert_eq!(c.sipas.satisfied, [4, 5]);
    let scale: Vec<(String, Decimal)> = c
        .survey_scale
        .iter()
        .map(|o| (o.option.clone(), o.weight))
        .collect();
    assert_eq!(
        scale,
        [
            ("A".into(), d("100")),
            ("B".into(), d("60")),
            ("C".into(), d("20")),
            ("D".into(), d("0"))
        ]
    );
    // nothing is passed off as the text of QĐ 1699: no source is marked confirmed
    assert!(c.sources.values().all(|s| !s.confirmed));
}
