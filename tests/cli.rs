//! The command line as scripts use it: exit codes, closed pipes, outputs written whole or not
//! at all, and the criteria check of a broken copy.

mod common;

use std::process::Stdio;

use common::*;

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    for args in [
        vec!["compute", "samples/2023"],
        vec!["criteria"],
        vec!["compute", "samples/2023", "--format", "json"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_par-index"))
            .args(&args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader goes away before anything is written
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_failed_run_leaves_the_earlier_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("phu-luc.csv");
    std::fs::write(&out, "last year's annex\n").unwrap();
    let bad = copy_dir(&sample());
    std::fs::write(
        bad.path().join("units.csv"),
        "code,name,group\nSNV,Sở Nội vụ,xa\n",
    )
    .unwrap();
    let (code, stdout, _) = run(&[
        "compute",
        bad.path().to_str().unwrap(),
        "--format",
        "csv",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 4);
    assert!(stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "last year's annex\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    // a good run replaces it whole
    let (code, _, err) = run(&[
        "compute",
        sample().to_str().unwrap(),
        "--format",
        "csv",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (_, direct, _) = run(&["compute", sample().to_str().unwrap(), "--format", "csv"]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), direct);
}

#[cfg(unix)]
#[test]
fn an_output_file_is_readable_by_others_like_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("annex.csv");
    let (code, _, _) = run(&[
        "compute",
        sample().to_str().unwrap(),
        "--format",
        "csv",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o644
    );
}

#[test]
fn an_unwritable_output_is_an_io_error() {
    let (code, _, err) = run(&[
        "compute",
        sample().to_str().unwrap(),
        "--output",
        "/nonexistent-folder/x.csv",
    ]);
    assert_eq!(code, 5, "{err}");
    assert!(
        err.contains("cannot write /nonexistent-folder/x.csv"),
        "{err}"
    );
}

#[test]
fn exit_codes_for_arguments_folders_and_criteria() {
    assert_eq!(run(&["compute", "--format", "pdf"]).0, 2);
    assert_eq!(
        run(&["compute", sample().to_str().unwrap(), "--group", "xa"]).0,
        2
    );
    let (code, _, err) = run(&["compute", "/nonexistent-year"]);
    assert_eq!(code, 5, "{err}");
    let (code, _, err) = run(&[
        "compute",
        sample().to_str().unwrap(),
        "--criteria",
        "/nonexistent.toml",
    ]);
    assert_eq!(code, 5, "{err}");
    assert!(err.contains("/nonexistent.toml"));
}

/// Issue "criteria": a copy of the shipped criteria with one parent's maximum changed is
/// refused with a non-zero exit naming that node and its line.
#[test]
fn a_criteria_copy_with_a_parent_maximum_changed_is_refused() {
    let text = std::fs::read_to_string(root().join("criteria/lang-son-2023.toml")).unwrap();
    // the first criterion with sub-criteria of the departments' tree: 1.1
    let at = text.find("code = \"1.1\"").unwrap();
    let max_at = at + text[at..].find("max = ").unwrap();
    let line = text[..max_at].lines().count() + 1;
    let end = max_at + text[max_at..].find('\n').unwrap();
    let broken = format!("{}max = 99{}", &text[..max_at], &text[end..]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, broken).unwrap();
    let (code, _, err) = run(&["criteria", "--check", path.to_str().unwrap()]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains(&format!("broken.toml:{line}:")),
        "line {line}: {err}"
    );
    assert!(
        err.contains("group so, node 1.1:") && err.contains("children add up to"),
        "{err}"
    );
    // the shipped file itself passes
    let (code, out, _) = run(&[
        "criteria",
        "--check",
        root().join("criteria/lang-son-2023.toml").to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("valid"));
}

#[test]
fn criteria_json_carries_the_keys_scripts_need() {
    let (code, out, _) = run(&["criteria", "--format", "json"]);
    assert_eq!(code, 0);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["id"], "lang-son-2023");
    assert_eq!(j["year"], 2023);
    for g in ["so", "huyen"] {
        let group = &j["groups"][g];
        assert_eq!(dec(&group["total"]), rust_decimal::Decimal::ONE_HUNDRED);
        let nodes = group["nodes"].as_array().unwrap();
        assert!(
            nodes
                .iter()
                .all(|n| n["code"].is_string() && n["name"].is_string() && n["max"].is_number())
        );
        assert!(
            nodes
                .iter()
                .any(|n| n["source"] == "appraisal" && n["rule"]["kind"].is_string())
        );
        let questions = group["survey"]["questions"].as_array().unwrap();
        assert!(
            questions
                .iter()
                .all(|q| q["id"].is_string() && q["leaf"].is_string())
        );
        let rgs = group["survey"]["respondent_groups"].as_array().unwrap();
        assert!(
            rgs.iter()
                .all(|r| r["id"].is_string() && r["weight"].is_number())
        );
    }
    assert_eq!(j["survey_scale"]["A"], 100);
    let elements = j["sipas"]["elements"].as_array().unwrap();
    assert_eq!(elements.len(), 5);
    assert!(elements.iter().all(|e| {
        e["code"].is_string()
            && e["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|i| i["id"].is_string())
    }));
    assert_eq!(j["sipas"]["satisfied"], serde_json::json!([4, 5]));
    assert!(j["sipas"]["min_valid"].is_number());
    assert!(j["deductions"].is_array() && j["bands"].is_array());
    // --group keeps one tree
    let (_, out, _) = run(&["criteria", "--format", "json", "--group", "huyen"]);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        j["groups"].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["huyen"]
    );
}

#[test]
fn criteria_table_shows_both_trees() {
    let (code, out, _) = run_as_user(&["criteria"]);
    assert_eq!(code, 0);
    assert!(out.contains(
        "Nhóm so — Sở, ban, ngành: 100 điểm (thẩm định 80, điều tra XHH 10, chỉ số hài lòng 10)"
    ));
    assert!(out.contains("Nhóm huyen — UBND huyện, thành phố: 100 điểm"));
    assert!(out.contains("chưa được xác nhận"));
    // the same labels in English; the rules' names as the criteria file writes them
    let (code, out, _) = run(&["criteria"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(
            "Group so — Sở, ban, ngành: 100 points (appraisal 80, officials' survey 10, \
             satisfaction index 10)"
        ),
        "{out}"
    );
    assert!(out.contains("Group huyen — UBND huyện, thành phố: 100 points"));
    assert!(out.contains("not confirmed"));
    assert!(out.contains("Ban hành kế hoạch cải cách hành chính"));
    assert!(!out.contains("Nhóm so") && !out.contains("chưa được xác nhận"));
}

#[test]
fn the_count_of_problems_counts_those_not_listed() {
    // a self-assessment with only its header: every applicable leaf of every unit is missing
    let dir = copy_dir(&root().join("tests/data/hand-worked"));
    std::fs::write(
        dir.path().join("self-assessment.csv"),
        "unit,criterion,self,appraised,value,note\n",
    )
    .unwrap();
    for unit in 10..70 {
        let mut units = std::fs::read_to_string(dir.path().join("units.csv")).unwrap();
        units.push_str(&format!("S{unit},Sở {unit},so\n"));
        std::fs::write(dir.path().join("units.csv"), units).unwrap();
    }
    let criteria = root().join("tests/data/mini/criteria.toml");
    let (code, _, err) = run(&[
        "compute",
        dir.path().to_str().unwrap(),
        "--criteria",
        criteria.to_str().unwrap(),
    ]);
    assert_eq!(code, 4);
    // self-assessment: (4 + 60) departments × 6 appraisal leaves + 3 districts × 1;
    // the 60 new departments have no survey answer and no questionnaire: 60 + 60
    let listed = err.lines().filter(|l| l.starts_with("  ")).count();
    assert_eq!(
        listed,
        3 * 51,
        "50 listed per file, and a line for the rest"
    );
    let header = err.lines().next().unwrap();
    let n: usize = header
        .split('(')
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(n, 8 * 60 + 4 * 6 + 3, "{header}");
}
