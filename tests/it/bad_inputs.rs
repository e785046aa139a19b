//! The corpus of bad inputs (tests/bad/*, written by tests/bad/make_corpus.py): every case
//! is refused with its documented exit code and a message naming the file and the line, by
//! both `compute` and `check`, never with a panic and never with output on stdout.

use std::path::{Path, PathBuf};

use crate::common::*;

struct Expect {
    exit: i32,
    file: String,
    line: usize,
    says: Vec<String>,
}

fn expect(case: &Path) -> Expect {
    let text = std::fs::read_to_string(case.join("expect")).unwrap();
    let mut e = Expect {
        exit: -1,
        file: String::new(),
        line: 0,
        says: Vec::new(),
    };
    for line in text.lines() {
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        match key {
            "exit" => e.exit = value.parse().unwrap(),
            "file" => e.file = value.to_string(),
            "line" => e.line = value.parse().unwrap(),
            "says" => e.says.push(value.to_string()),
            other => panic!("unknown key {other} in {}", case.display()),
        }
    }
    e
}

/// A folder holding the base year with the case's files laid over it, as `year/`, and its rules
/// as `criteria.toml` (the case's, or the hand-worked year's); returns the folder.
fn year(case: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let year = dir.path().join("year");
    std::fs::create_dir(&year).unwrap();
    let mut criteria = root().join("tests/data/mini/criteria.toml");
    for base in [root().join("tests/data/hand-worked"), case.to_path_buf()] {
        for entry in std::fs::read_dir(base).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            if name == "expect" {
                continue;
            }
            if let Some(target) = name.strip_suffix(".delete") {
                std::fs::remove_file(year.join(target)).unwrap();
            } else if name == "criteria.toml" {
                criteria = path;
            } else {
                std::fs::copy(&path, year.join(&name)).unwrap();
            }
        }
    }
    std::fs::copy(criteria, dir.path().join("criteria.toml")).unwrap();
    dir
}

/// The cases of the corpus, in order.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("tests/bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the corpus has {} cases", cases.len());
    cases
}

/// What a case's runs in English get wrong against its `expect`.
fn wrong(e: &Expect, compute: &Transcript, check: &Transcript) -> Vec<String> {
    // compute: the message on stderr, nothing on stdout
    let err = &compute.stderr;
    let located = if e.line > 0 {
        format!("{}:{}", e.file, e.line)
    } else {
        format!("{}:", e.file)
    };
    let mut wrong = Vec::new();
    if compute.code != e.exit {
        wrong.push(format!(
            "compute exit {}, expected {}",
            compute.code, e.exit
        ));
    }
    if !compute.stdout.is_empty() {
        wrong.push("compute wrote to stdout".into());
    }
    if err.contains("panicked") {
        wrong.push("compute panicked".into());
    }
    if !err.contains(&located) {
        wrong.push(format!("compute message does not name {located}"));
    }
    for s in &e.says {
        if !err.contains(s.as_str()) {
            wrong.push(format!("compute message does not say {s:?}"));
        }
    }
    // check: the same problem, grouped by file, on stdout
    if check.code != e.exit {
        wrong.push(format!("check exit {}, expected {}", check.code, e.exit));
    }
    let report = format!("{}{}", check.stdout, check.stderr);
    if e.exit == 4 {
        if !report.contains(&e.file)
            || (e.line > 0 && !report.contains(&format!("line {}", e.line)))
        {
            wrong.push(format!("check does not name {} line {}", e.file, e.line));
        }
        for s in &e.says {
            if !report.contains(s.as_str()) {
                wrong.push(format!("check does not say {s:?}"));
            }
        }
    }
    wrong
}

/// Each case is run by `compute` and `check`, in English and in Vietnamese (the user's default),
/// in the case's folder with relative paths (`year/`, `criteria.toml`), so that no temporary
/// path shows. The English runs are held to the case's `expect` (exit code, file and line, what
/// the message must say); then the four runs whole to their reviewed snapshot
/// (tests/it/snapshots/it__bad_inputs__CASE.snap), so that any change of wording, order or
/// exit code in either language is seen.
#[test]
fn every_bad_input_is_refused_with_a_located_message() {
    let (mut failures, mut snapshots) = (Vec::new(), Vec::new());
    for case in &cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let dir = year(case);
        let runs = ["compute", "check"].map(|command| {
            [&["--lang", "en"][..], &[]].map(|lang| {
                let mut cmd = user_bin();
                cmd.current_dir(dir.path())
                    .args([command, "year", "--criteria", "criteria.toml"])
                    .args(lang);
                transcript(&mut cmd)
            })
        });
        let [[compute, _], [check, _]] = &runs;
        let wrong = wrong(&expect(case), compute, check);
        if !wrong.is_empty() {
            let err = &compute.stderr;
            failures.push(format!("{name}: {}\n--- stderr:\n{err}", wrong.join("; ")));
        }
        let text: Vec<&str> = runs.iter().flatten().map(|r| r.text.as_str()).collect();
        let text = text.join("\n");
        let temp = dir.path().to_string_lossy();
        assert!(
            !text.contains(temp.as_ref()),
            "a temporary path shows:\n{text}"
        );
        snapshots.push((name, text));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_snapshots(snapshots, |name, text| insta::assert_snapshot!(name, text));
}
