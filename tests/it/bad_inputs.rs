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

/// The base year with the case's files laid over it; returns the folder and the criteria.
fn year(case: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = copy_dir(&root().join("tests/data/hand-worked"));
    let mut criteria = root().join("tests/data/mini/criteria.toml");
    for entry in std::fs::read_dir(case).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if name == "expect" {
            continue;
        }
        if let Some(target) = name.strip_suffix(".delete") {
            std::fs::remove_file(dir.path().join(target)).unwrap();
        } else if name == "criteria.toml" {
            criteria = dir.path().join(&name);
            std::fs::copy(&path, &criteria).unwrap();
        } else {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    (dir, criteria)
}

#[test]
fn every_bad_input_is_refused_with_a_located_message() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("tests/bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let e = expect(case);
        let (dir, criteria) = year(case);
        let (d, c) = (dir.path().to_str().unwrap(), criteria.to_str().unwrap());
        // compute: the message on stderr, nothing on stdout
        let (code, out, err) = run(&["compute", d, "--criteria", c]);
        let located = if e.line > 0 {
            format!("{}:{}", e.file, e.line)
        } else {
            format!("{}:", e.file)
        };
        let mut wrong = Vec::new();
        if code != e.exit {
            wrong.push(format!("compute exit {code}, expected {}", e.exit));
        }
        if !out.is_empty() {
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
        let (code, out, err2) = run(&["check", d, "--criteria", c]);
        if code != e.exit {
            wrong.push(format!("check exit {code}, expected {}", e.exit));
        }
        let report = format!("{out}{err2}");
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
        if !wrong.is_empty() {
            failures.push(format!("{name}: {}\n--- stderr:\n{err}", wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
