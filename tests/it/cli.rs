//! The command line as scripts use it: exit codes, closed pipes, outputs written whole or not
//! at all, the kind of output told by the file's name, byte-order marks, the criteria check of
//! a broken copy and the export of the rules, --version, completions and the manual page.

use std::process::Stdio;

use crate::common::*;

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
    // (a CSV file starts with a byte-order mark; standard output does not)
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        format!("\u{feff}{direct}")
    );
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

/// Runs par-index with raw bytes out: (exit code, stdout, stderr).
fn run_bytes(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = bin().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Issue 15: `--output t.xlsx` wrote the text table into t.xlsx. The file's extension now says
/// what to write, for every command with --output and --format.
#[test]
fn the_output_file_name_says_what_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample();
    let sample = sample.to_str().unwrap();
    let path = |name: &str| dir.path().join(name);
    let file = |name: &str| std::fs::read(path(name)).unwrap();
    let ok = |args: &[&str]| {
        let (code, out, err) = run_bytes(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        out
    };
    // compute: a workbook, JSON, the plain (Markdown) table, CSV
    for name in ["t.xlsx", "T.JSON", "t.md", "t.txt", "t.csv"] {
        ok(&["compute", sample, "--output", path(name).to_str().unwrap()]);
    }
    assert!(
        file("t.xlsx").starts_with(b"PK\x03\x04"),
        "a workbook (zip)"
    );
    assert_eq!(file("T.JSON"), ok(&["compute", sample, "--format", "json"]));
    let table = ok(&["compute", sample]);
    assert!(table.starts_with("Phụ lục I".as_bytes()));
    assert_eq!(file("t.md"), table);
    assert_eq!(file("t.txt"), table);
    let csv = ok(&["compute", sample, "--format", "csv"]);
    assert_eq!(file("t.csv"), [BOM, &csv].concat());
    // --format with a file name that names no format: --format says
    ok(&[
        "compute",
        sample,
        "--format",
        "json",
        "--output",
        path("t.dat").to_str().unwrap(),
    ]);
    assert_eq!(file("t.dat"), file("T.JSON"));
    // explain, sensitivity, criteria
    ok(&[
        "explain",
        "SNV",
        sample,
        "--output",
        path("e.json").to_str().unwrap(),
    ]);
    assert_eq!(
        file("e.json"),
        ok(&["explain", "SNV", sample, "--format", "json"])
    );
    let quick = ["--replicates", "20"];
    ok(&[
        &[
            "sensitivity",
            sample,
            "--output",
            path("s.csv").to_str().unwrap(),
        ],
        &quick[..],
    ]
    .concat());
    assert_eq!(
        file("s.csv"),
        [
            BOM,
            &ok(&[&["sensitivity", sample, "--format", "csv"], &quick[..]].concat())
        ]
        .concat()
    );
    ok(&["criteria", "--output", path("c.json").to_str().unwrap()]);
    assert_eq!(file("c.json"), ok(&["criteria", "--format", "json"]));
}

/// A --format that contradicts the file's extension, or a file name that names no format, is a
/// usage error (exit 2) found before anything is read (the year's folder here does not exist)
/// or written.
#[test]
fn a_format_contradicting_the_file_name_is_refused_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    for args in [
        vec![
            "compute",
            "no/such/year",
            "--format",
            "csv",
            "--output",
            &out("t.xlsx"),
        ],
        vec![
            "compute",
            "no/such/year",
            "--format",
            "table",
            "--output",
            &out("t.csv"),
        ],
        vec!["compute", "no/such/year", "--output", &out("t.dat")],
        vec!["compute", "no/such/year", "--output", &out("t.png")],
        vec![
            "compute",
            "no/such/year",
            "--format",
            "csv",
            "--output",
            &out("t.toml"),
        ],
        vec!["compute", "no/such/year", "--chart", &out("c.pdf")],
        vec!["explain", "SNV", "no/such/year", "--output", &out("e.csv")],
        vec!["sensitivity", "no/such/year", "--output", &out("s.xlsx")],
        vec![
            "sensitivity",
            "no/such/year",
            "--format",
            "json",
            "--output",
            &out("s.csv"),
        ],
        vec![
            "criteria",
            "--criteria",
            "no/such.toml",
            "--output",
            &out("c.csv"),
        ],
        vec!["criteria", "--format", "json", "--output", &out("c.toml")],
    ] {
        let (code, stdout, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(stdout.is_empty(), "{args:?}");
        assert!(err.contains("--output") || err.contains("--chart"), "{err}");
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    let (_, _, err) = run(&["compute", "x", "--format", "csv", "--output", "t.xlsx"]);
    assert!(
        err.contains("--format csv contradicts --output t.xlsx, whose extension means xlsx"),
        "{err}"
    );
    let (_, _, err) = run(&["compute", "x", "--output", "t.dat"]);
    assert!(
        err.contains(".txt, .md, .csv, .json, .xlsx"),
        "the known extensions: {err}"
    );
    let (_, _, err) = run(&["criteria", "--output", "t.csv"]);
    assert!(err.contains("criteria does not write .csv files"), "{err}");
    assert!(err.contains(".txt, .md, .json, .toml"), "{err}");
}

/// Issue 15: Excel on Windows reads a CSV file without a byte-order mark as the ANSI code page
/// ("Phá»¥ lá»¥c"). A CSV file gets the mark, standard output does not; --bom / --no-bom say
/// otherwise, the last one given winning.
#[test]
fn csv_files_start_with_a_byte_order_mark_and_standard_output_not() {
    let dir = tempfile::tempdir().unwrap();
    let sample = sample();
    let sample = sample.to_str().unwrap();
    let csv = |extra: &[&str]| {
        let mut args = vec!["compute", sample, "--annex", "par", "--format", "csv"];
        args.extend_from_slice(extra);
        let (code, out, err) = run_bytes(&args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let plain = csv(&[]);
    assert!(
        plain.starts_with("Nhóm,".as_bytes()),
        "no mark on standard output"
    );
    assert_eq!(csv(&["--bom"]), [BOM, &plain].concat());
    assert_eq!(csv(&["--bom", "--no-bom"]), plain);
    let with = dir.path().join("with.csv");
    let without = dir.path().join("without.csv");
    csv(&["--output", with.to_str().unwrap()]);
    csv(&["--output", without.to_str().unwrap(), "--no-bom"]);
    assert_eq!(std::fs::read(&with).unwrap(), [BOM, &plain].concat());
    assert_eq!(std::fs::read(&without).unwrap(), plain);
    // the confidence intervals' CSV too
    let ci = dir.path().join("ci.csv");
    let (code, _, err) = run_bytes(&[
        "compute",
        sample,
        "--ci",
        "--replicates",
        "20",
        "--annex",
        "par",
        "--output",
        ci.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (_, ci_out, _) = run_bytes(&[
        "compute",
        sample,
        "--ci",
        "--replicates",
        "20",
        "--annex",
        "par",
        "--format",
        "csv",
    ]);
    assert!(!ci_out.starts_with(BOM));
    assert_eq!(std::fs::read(&ci).unwrap(), [BOM, &ci_out].concat());
    // a JSON file has none
    let json = dir.path().join("a.json");
    run_bytes(&[
        "compute",
        sample,
        "--output",
        json.to_str().unwrap(),
        "--bom",
    ]);
    assert!(std::fs::read(&json).unwrap().starts_with(b"{"));
    // an annex with the mark reads back as the previous year's, as one without it does
    let previous = |file: &std::path::Path| {
        let (code, out, err) = run_bytes(&[
            "compute",
            sample,
            "--annex",
            "par",
            "--format",
            "json",
            "--previous",
            file.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        out
    };
    let parsed = |file: &std::path::Path| {
        let mut json: serde_json::Value = serde_json::from_slice(&previous(file)).unwrap();
        json["previous"]["file"] = "(the file)".into();
        json
    };
    let json = parsed(&with);
    assert!(json == parsed(&without), "the same figures read from both");
    let unit = &json["units"][0];
    assert_eq!(
        unit["par"]["previous"]["index"], unit["par"]["index"],
        "{unit}"
    );
}

/// Issue 15: the rules as a workbook to edit as a table. Written out as xlsx and read back with
/// --criteria, they give the same annexes, byte for byte; `criteria --check` takes the workbook.
#[test]
fn the_builtin_rules_as_a_workbook_give_the_same_annexes() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("tieu-chi.xlsx");
    let (code, _, err) = run(&["criteria", "--output", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read(&xlsx).unwrap().starts_with(b"PK"),
        "a workbook"
    );
    let (code, out, err) = run(&["criteria", "--check", xlsx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("valid"), "{out}");
    let sample = sample();
    for format in ["json", "csv"] {
        let annexes = |extra: &[&str]| {
            let mut args = vec!["compute", sample.to_str().unwrap(), "--format", format];
            args.extend_from_slice(extra);
            let (code, out, err) = run_bytes(&args);
            assert_eq!(code, 0, "{err}");
            out
        };
        assert_eq!(
            annexes(&["--criteria", xlsx.to_str().unwrap()]),
            annexes(&[]),
            "{format}"
        );
    }
    // a workbook is not written to a terminal's text, and a broken one is refused (exit 3)
    let broken = dir.path().join("hong.xlsx");
    std::fs::write(&broken, b"PK not really").unwrap();
    let (code, _, err) = run(&["criteria", "--check", broken.to_str().unwrap()]);
    assert_eq!(code, 3, "{err}");
}

/// Issue 15: the rules built in could not be had as a file to start next year's from. Written
/// out as TOML and read back with --criteria, they give the same annexes, byte for byte.
#[test]
fn the_builtin_rules_written_out_give_the_same_annexes() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("tieu-chi.toml");
    let (code, _, err) = run(&["criteria", "--output", toml.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&toml).unwrap();
    assert!(text.contains("provenance = ") && text.contains("[sources.bnv876]"));
    assert!(text.contains("note = "), "notes kept");
    let (_, stdout_toml, _) = run(&["criteria", "--format", "toml"]);
    assert_eq!(stdout_toml, text);
    let (code, out, err) = run(&["criteria", "--check", toml.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("valid"), "{out}");
    let sample = sample();
    for format in ["json", "csv"] {
        let annexes = |extra: &[&str]| {
            let mut args = vec!["compute", sample.to_str().unwrap(), "--format", format];
            args.extend_from_slice(extra);
            let (code, out, err) = run_bytes(&args);
            assert_eq!(code, 0, "{err}");
            out
        };
        assert_eq!(
            annexes(&["--criteria", toml.to_str().unwrap()]),
            annexes(&[]),
            "{format}"
        );
    }
    // the same rules as JSON, whichever file they were read from
    let (_, a, _) = run(&["criteria", "--format", "json"]);
    let (_, b, _) = run(&[
        "criteria",
        "--format",
        "json",
        "--criteria",
        toml.to_str().unwrap(),
    ]);
    assert_eq!(a, b);
    // no message sends the user to a file of the source tree any more
    let (code, _, err) = run(&[
        "template",
        "--year",
        "2024",
        "--out",
        dir.path().join("f").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("par-index criteria --output criteria-2024.toml"),
        "{err}"
    );
    assert!(!err.contains("criteria/lang-son-2023.toml"), "{err}");
    let (_, help, _) = run(&["--help"]);
    assert!(!help.contains("criteria/lang-son-2023.toml"), "{help}");
}

#[test]
fn the_version_names_the_rules_built_in() {
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    let (_, json, _) = run(&["criteria", "--format", "json"]);
    let rules: serde_json::Value = serde_json::from_str(&json).unwrap();
    let expected = format!(
        "par-index {} (criteria {}: {})\n",
        env!("CARGO_PKG_VERSION"),
        rules["id"].as_str().unwrap(),
        rules["decision"].as_str().unwrap()
    );
    assert_eq!(out, expected);
    assert!(
        out.contains("lang-son-2023: Quyết định 1699/QĐ-UBND"),
        "{out}"
    );
    let vi = bin()
        .arg("-V")
        .env("PAR_INDEX_LANG", "vi")
        .output()
        .unwrap();
    let vi = String::from_utf8(vi.stdout).unwrap();
    assert!(
        vi.starts_with(&format!(
            "par-index {} (tiêu chí lang-son-2023: ",
            env!("CARGO_PKG_VERSION")
        )),
        "{vi}"
    );
}

#[test]
fn completions_for_every_shell_know_every_command() {
    let commands = [
        "check",
        "compute",
        "criteria",
        "explain",
        "sensitivity",
        "template",
        "completions",
        "man",
    ];
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, out, err) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.len() > 1000, "{shell}: {out}");
        for c in commands {
            assert!(out.contains(c), "{shell} completes {c}");
        }
        assert!(
            out.contains("chart") && out.contains("bom"),
            "{shell}: options too"
        );
    }
    let (code, _, err) = run(&["completions", "cmd.exe"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn the_manual_page_has_its_sections() {
    let (code, page, err) = run(&["man"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        page.starts_with(".ie") || page.contains(".TH par-index 1"),
        "{page}"
    );
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        // (the commands' heading as the help has it, in the messages' language)
        "Commands",
        "VERSION",
    ] {
        assert!(
            page.contains(&format!(".SH {section}")),
            "{section}: {page}"
        );
    }
    for c in ["compute", "criteria", "explain", "template", "completions"] {
        assert!(page.contains(&format!("par\\-index\\-{c}(1)")), "{c}");
    }
    // a command's own page, to standard output or a file
    let (code, compute, _) = run(&["man", "compute"]);
    assert_eq!(code, 0);
    assert!(compute.contains(".TH par-index-compute 1"), "{compute}");
    assert!(
        compute.contains("\\-\\-chart") && compute.contains("\\-\\-bom"),
        "{compute}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("par-index-compute.1");
    let (code, out, _) = run(&["man", "compute", "--output", file.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), compute);
    let (code, _, err) = run(&["man", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("compute"), "{err}");
}
