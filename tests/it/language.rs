//! Vietnamese first: with no option the program speaks Vietnamese (errors, warnings, explain,
//! --help, the parser's errors), with `--lang en` or `PAR_INDEX_LANG=en` English, and nothing
//! of the other language is left.
//!
//! "No English sentence left" is checked word by word: the common words of English sentences
//! (and of the program's English messages) must not appear as words of a Vietnamese text,
//! except inside code-like tokens (options, file names, placeholders such as FILE, jq
//! expressions), which stay as they are in both languages. "English" is checked the other way:
//! once the names that come from the data (units, criteria, groups, levels) are taken out, no
//! Vietnamese letter is left, or, where the help quotes Vietnamese names on purpose, none of
//! the Vietnamese labels is.

use std::collections::BTreeSet;

use crate::common::*;

/// Words of English sentences, as written in the English catalogue; none may be a word of a
/// Vietnamese text. (Not in the list: words that are also names of columns, values or
/// commands the Vietnamese text quotes, such as value, self, appraised, note, table, error,
/// index, help.)
const ENGLISH: &[&str] = &[
    "the",
    "The",
    "and",
    "of",
    "is",
    "are",
    "not",
    "for",
    "with",
    "was",
    "were",
    "found",
    "which",
    "this",
    "This",
    "that",
    "than",
    "from",
    "below",
    "above",
    "but",
    "only",
    "each",
    "Each",
    "every",
    "when",
    "give",
    "gives",
    "given",
    "must",
    "cannot",
    "does",
    "has",
    "have",
    "points",
    "unit",
    "units",
    "criterion",
    "rank",
    "ranks",
    "warning",
    "Warnings",
    "warnings",
    "problem",
    "problems",
    "hint",
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Print",
    "print",
    "default",
    "possible",
    "values",
    "invalid",
    "unknown",
    "unexpected",
    "lost",
    "Lost",
    "total",
    "Total",
    "survey",
    "satisfaction",
    "questionnaires",
    "folder",
    "write",
    "Write",
    "line",
    "column",
    "file",
    "files",
    "year",
    "to",
    "in",
    "or",
    "at",
    "by",
    "on",
    "it",
    "its",
    "be",
    "as",
    "if",
    "no",
    "all",
    "more",
    "version",
    "Language",
    "Exit",
    "Examples",
    "Worked",
    "shows",
    "see",
    "did",
    "you",
    "mean",
    "needs",
    "Points",
    "Max",
    "Self",
    "Appr",
    "Sat",
    "Criterion",
    "Ranking",
    "band",
    "PAR",
    "Satisfaction",
    "Against",
    "place",
    "places",
];

/// The words of `text` that are English sentence words; tokens with anything but letters
/// (options, paths, placeholders, expressions) are code and left out.
fn english_words(text: &str) -> BTreeSet<String> {
    let english: BTreeSet<&str> = ENGLISH.iter().copied().collect();
    text.split_whitespace()
        .map(|t| {
            t.trim_start_matches(|c: char| "(\"'`".contains(c))
                .trim_end_matches(|c: char| "),;:.!?\"'`…".contains(c))
        })
        .filter(|t| !t.is_empty() && t.chars().all(char::is_alphabetic))
        .filter(|t| english.contains(t))
        .map(String::from)
        .collect()
}

/// Asserts that `text` is Vietnamese: none of the English words, each of `phrases` present.
fn assert_vietnamese(what: &str, text: &str, phrases: &[&str]) {
    let words = english_words(text);
    assert!(
        words.is_empty(),
        "{what}: English words {words:?} in\n{text}"
    );
    for p in phrases {
        assert!(text.contains(p), "{what}: {p:?} missing in\n{text}");
    }
}

/// Letters of Vietnamese (with diacritics: à, ả, đ, ơ, ư, ệ, …).
fn vietnamese_letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphabetic() && (*c as u32) >= 0xC0)
        .collect()
}

/// The names of the data (units, groups, criteria, their levels, elements, deductions) of the
/// built-in criteria and the sample year: the Vietnamese an English text may quote.
fn data_names() -> Vec<String> {
    let (code, out, err) = run(&["criteria", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let mut names = Vec::new();
    fn walk(v: &serde_json::Value, names: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    if let ("name" | "text" | "label" | "title", serde_json::Value::String(s)) =
                        (k.as_str(), v)
                    {
                        names.push(s.clone());
                    }
                    walk(v, names);
                }
            }
            serde_json::Value::Array(list) => list.iter().for_each(|v| walk(v, names)),
            _ => {}
        }
    }
    walk(&json, &mut names);
    let mut units = csv::Reader::from_path(sample().join("units.csv")).expect("units");
    for record in units.records() {
        names.push(record.expect("a unit")[1].to_string());
    }
    // (a band's letter or a code is no Vietnamese, and would take letters out of words)
    names.retain(|n| n.chars().count() >= 4);
    // the longest first, so that a name holding another is taken out whole
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
}

/// `text` with its whitespace made single spaces and the data's names taken out, whole or cut
/// short (a name cut to fit ends in "…").
fn without_names(text: &str, names: &[String]) -> String {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut text = squeeze(text);
    for name in names {
        let name = squeeze(name);
        text = text.replace(&name, "");
        // cut: a prefix of the name followed by "…"
        let chars: Vec<char> = name.chars().collect();
        for len in (3..chars.len()).rev() {
            let prefix: String = chars[..len].iter().collect();
            text = text.replace(&format!("{prefix}…"), "");
        }
    }
    text
}

fn sample_dir() -> String {
    sample().to_str().expect("utf-8").to_string()
}

#[test]
fn help_is_vietnamese_by_default_and_english_when_asked() {
    let vietnamese_labels = [
        "Cách dùng:",
        "Tùy chọn:",
        "Ví dụ",
        "Hiện trợ giúp",
        "mặc định",
        "[TÙY CHỌN]",
    ];
    for (args, phrases) in [
        (
            vec!["--help"],
            vec![
                "Cách dùng: par-index [TÙY CHỌN] <LỆNH>",
                "Lệnh:",
                "Mã thoát:",
            ],
        ),
        (vec!["-h"], vec!["Cách dùng:", "Lệnh:", "Mã thoát:"]),
        (
            vec!["compute", "--help"],
            vec!["Tính Chỉ số CCHC", "Đối số:", "Ví dụ:", "[mặc định: both]"],
        ),
        (
            vec!["compute", "-h"],
            vec!["Tính Chỉ số CCHC", "[giá trị: table, csv, json, xlsx,"],
        ),
        (
            vec!["check", "--help"],
            vec!["Kiểm tra thư mục dữ liệu", "Ví dụ:", "--strict"],
        ),
        (vec!["help", "check"], vec!["Kiểm tra thư mục dữ liệu"]),
    ] {
        let what = args.join(" ");
        let (code, out, err) = run_as_user(&args);
        assert_eq!(code, 0, "{what}: {err}");
        assert_vietnamese(&what, &out, &phrases);
        // in English, asked for by the option (before or after the command) or the variable
        let mut english = vec![
            run(&args),
            run_as_user(&[&["--lang", "en"][..], &args].concat()),
        ];
        if args[0] != "help" {
            // (the help command takes command names only)
            english.push(run_as_user(&[&args[..], &["--lang=en"][..]].concat()));
        }
        for english in english {
            let (code, out, err) = english;
            assert_eq!(code, 0, "{what}: {err}");
            assert!(out.contains("Usage: par-index"), "{what}:\n{out}");
            for label in vietnamese_labels {
                assert!(!out.contains(label), "{what}: {label:?} in\n{out}");
            }
        }
    }
    // --lang wins over the variable
    let (_, out, _) = run(&["--lang", "vi", "compute", "--help"]);
    assert!(out.contains("Cách dùng: par-index compute"), "{out}");
}

#[test]
fn every_commands_help_is_vietnamese() {
    for command in ["criteria", "explain", "sensitivity", "template"] {
        let (code, out, err) = run_as_user(&[command, "--help"]);
        assert_eq!(code, 0, "{err}");
        assert_vietnamese(command, &out, &["Cách dùng:", "Tùy chọn:", "Ví dụ:"]);
    }
}

#[test]
fn the_sample_years_warnings_in_both_languages() {
    let dir = sample_dir();
    let (code, _, err) = run_as_user(&["compute", &dir]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.lines().count(), 10, "{err}");
    assert_vietnamese(
        "warnings",
        &err,
        &[
            "par-index: cảnh báo: ",
            "chưa thẩm định: giữ điểm tự đánh giá",
            "điểm thẩm định 0.75, nhưng theo cách chấm thì 4 lần được 1 điểm",
            "85 phiếu hợp lệ, dưới mức tối thiểu 100",
        ],
    );
    for (code, _, err) in [
        run(&["compute", &dir]),
        run_as_user(&["compute", &dir, "--lang", "en"]),
    ] {
        assert_eq!(code, 0, "{err}");
        assert_eq!(err.lines().count(), 10, "{err}");
        assert!(err.contains("par-index: warning: "), "{err}");
        assert!(
            err.contains("appraised 0.75 points, but the rule gives 1 for 4 times"),
            "{err}"
        );
        assert_eq!(vietnamese_letters(&err), "", "{err}");
    }
}

#[test]
fn explain_in_both_languages() {
    let dir = sample_dir();
    let (code, out, err) = run_as_user(&["explain", "SGDDT", &dir]);
    assert_eq!(code, 0, "{err}");
    // the criteria's names are Vietnamese data: the words are checked once they are out
    let names = data_names();
    assert_vietnamese(
        "explain",
        &without_names(&out, &names),
        &[
            "Chỉ số CCHC 82.07%: hạng 17/20, xếp loại B",
            "Mất nhiều điểm nhất",
            "Tổng cộng",
            "Xếp hạng trong nhóm",
            "Cảnh báo về đơn vị (4):",
            "nhưng theo cách chấm thì 83.7% được 0.75 điểm",
        ],
    );
    for (code, out, err) in [
        run(&["explain", "SGDDT", &dir]),
        run_as_user(&["--lang", "en", "explain", "SGDDT", &dir]),
    ] {
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains("PAR index 82.07%: rank 17/20, band B"),
            "{out}"
        );
        assert!(out.contains("Warnings about the unit (4):"), "{out}");
        let left = without_names(&out, &names);
        assert_eq!(vietnamese_letters(&left), "", "{left}");
    }
}

#[test]
fn a_rank_note_in_both_languages() {
    // the annex's note on SKHCN, and explain's in Vietnamese, say the same words
    let dir = sample_dir();
    let report = compute_json(&sample(), &[]);
    let unit = report["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "SKHCN")
        .expect("SKHCN");
    let note = unit["par"]["rank_note"].as_str().expect("a rank note");
    let (_, out, _) = run_as_user(&["explain", "SKHCN", &dir, "--depth", "1"]);
    assert!(out.contains(&format!("  * {note}\n")), "{note}\n{out}");
    let (_, out, _) = run(&["explain", "SKHCN", &dir, "--depth", "1"]);
    let line = out
        .lines()
        .find(|l| l.starts_with("  * "))
        .expect("the note");
    assert!(line.starts_with("  * equal to SGTVT "), "{line}");
    assert_eq!(vietnamese_letters(line), "", "{line}");
}

/// A year whose self-assessment lacks the row of an applicable criterion.
fn year_with_a_gap() -> tempfile::TempDir {
    let dir = copy_dir(&root().join("tests/data/hand-worked"));
    let path = dir.path().join("self-assessment.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("S1,1.1.2,"))
        .collect();
    assert_eq!(kept.len() + 1, text.lines().count());
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    dir
}

#[test]
fn an_input_error_in_both_languages() {
    let dir = year_with_a_gap();
    let d = dir.path().to_str().unwrap();
    let criteria = root().join("tests/data/mini/criteria.toml");
    let c = criteria.to_str().unwrap();
    let (code, out, err) = run_as_user(&["compute", d, "--criteria", c]);
    assert_eq!(code, 4, "{err}");
    assert_eq!(out, "");
    assert_vietnamese(
        "input error",
        &err,
        &[
            "par-index: dữ liệu đầu vào không hợp lệ (1 lỗi):",
            "đơn vị S1, tiêu chí 1.1.2: tiêu chí được áp dụng nhưng không có điểm tự đánh giá",
            "(gợi ý: bổ sung dòng",
        ],
    );
    let (code, out, _) = run_as_user(&["check", d, "--criteria", c]);
    assert_eq!(code, 4);
    assert_vietnamese(
        "check",
        &out,
        &[
            "7 đơn vị",
            "self-assessment.csv — 1 lỗi",
            "tìm thấy 1 lỗi",
            "2 cảnh báo:",
        ],
    );
    for (code, _, err) in [
        run(&["compute", d, "--criteria", c]),
        run_as_user(&["compute", d, "--criteria", c, "--lang", "en"]),
    ] {
        assert_eq!(code, 4, "{err}");
        assert!(
            err.contains("par-index: the input data is invalid (1 problem):"),
            "{err}"
        );
        assert!(
            err.contains("unit S1, criterion 1.1.2: no points, no appraisal"),
            "{err}"
        );
        assert_eq!(vietnamese_letters(&err), "", "{err}");
    }
}

#[test]
fn parser_errors_in_both_languages_exit_2() {
    let dir = sample_dir();
    for (args, vietnamese, english) in [
        (
            vec!["compute", &dir, "--fromat", "csv"],
            "par-index: không có tùy chọn '--fromat'\n  gợi ý: có phải là '--format'?\n",
            "par-index: unknown option '--fromat'\n  hint: did you mean '--format'?\n",
        ),
        (
            vec!["compute", &dir, "--format", "pdf"],
            "par-index: giá trị 'pdf' không hợp lệ cho '--format'\n  gợi ý: các giá trị hợp lệ: table, csv, json, xlsx, docx\n",
            "par-index: invalid value 'pdf' for '--format'\n  hint: possible values: table, csv, json, xlsx, docx\n",
        ),
        (
            vec!["explain"],
            "par-index: thiếu đối số bắt buộc: <UNIT>\n  gợi ý: xem 'par-index explain --help' để biết mọi tùy chọn, có ví dụ\n",
            "par-index: missing required argument: <UNIT>\n  hint: 'par-index explain --help' lists every option, with examples\n",
        ),
        (
            vec!["comptue"],
            "par-index: không có lệnh 'comptue'\n  gợi ý: có phải là 'completions', 'compute'?\n",
            "par-index: unknown command 'comptue'\n  hint: did you mean 'completions', 'compute'?\n",
        ),
    ] {
        let (code, out, err) = run_as_user(&args);
        assert_eq!((code, out.as_str(), err.as_str()), (2, "", vietnamese));
        let (code, out, err) = run(&args);
        assert_eq!((code, out.as_str(), err.as_str()), (2, "", english));
        let (code, _, err) = run_as_user(&[&args[..], &["--lang", "en"][..]].concat());
        assert_eq!((code, err.as_str()), (2, english));
    }
    // a value the program refuses, with its reason in the language
    let (code, _, err) = run_as_user(&["compute", &dir, "--ci", "150"]);
    assert_eq!(code, 2);
    assert_vietnamese("--ci 150", &err, &["giá trị '150' không hợp lệ cho '--ci'"]);
    // an unknown language is refused in the language of the variable, or Vietnamese
    let (code, _, err) = run_as_user(&["--lang", "fr", "compute", &dir]);
    assert_eq!(code, 2);
    assert!(
        err.contains("giá trị 'fr' không hợp lệ cho '--lang'"),
        "{err}"
    );
    assert!(err.contains("vi, en"), "{err}");
}

#[test]
fn the_words_check_finds_english() {
    // the checks above can fail: English in a Vietnamese text is found, code is not
    assert_eq!(
        english_words("par-index: unknown option '--fromat' (hint: see the --help)"),
        ["hint", "option", "see", "the", "unknown"]
            .iter()
            .filter(|w| ENGLISH.contains(w))
            .map(|w| w.to_string())
            .collect()
    );
    assert!(english_words("Ghi kết quả vào tệp FILE; --missing zero; samples/2023").is_empty());
    assert_eq!(vietnamese_letters("rank 3, Sở Nội vụ"), "ởộụ");
    let names = vec!["Sở Nội vụ".to_string()];
    assert_eq!(
        without_names("rank 3,  Sở\n Nội vụ; Sở N…", &names),
        "rank 3, ; "
    );
}
