//! Helpers shared by the integration tests: run the built binary, parse its output.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use assert_cmd::Command;
use rust_decimal::Decimal;
use serde_json::Value;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample() -> PathBuf {
    root().join("samples/2023")
}

/// The built binary, speaking English (the messages these tests read; tests of the Vietnamese
/// catalogue set the language themselves).
pub fn bin() -> Command {
    let mut cmd = Command::cargo_bin("par-index").expect("the binary is built");
    cmd.env("PAR_INDEX_LANG", "en");
    cmd
}

/// Runs `par-index args…`; returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    output(bin().args(args))
}

/// Runs `par-index args…` as a user does, with no language asked for (no `PAR_INDEX_LANG`):
/// in Vietnamese unless `args` say otherwise.
pub fn run_as_user(args: &[&str]) -> (i32, String, String) {
    output(bin().env_remove("PAR_INDEX_LANG").args(args))
}

fn output(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `par-index compute DIR --format json extra…` and parses the output; panics on failure.
pub fn compute_json(dir: &Path, extra: &[&str]) -> Value {
    let dir = dir.to_str().expect("utf-8 path");
    let mut args = vec!["compute", dir, "--format", "json"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "compute failed: {err}");
    serde_json::from_str(&out).expect("JSON")
}

/// A JSON number or string as an exact decimal.
pub fn dec(v: &Value) -> Decimal {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => panic!("not a number: {other}"),
    };
    Decimal::from_str(&text).unwrap_or_else(|_| panic!("not a decimal: {text}"))
}

/// Rounded half away from zero, computed here without the library.
pub fn round2(v: Decimal) -> Decimal {
    let mut r = v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

/// Copies a folder's files into a new temporary folder.
pub fn copy_dir(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        if entry.path().is_file() {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
        }
    }
    dir
}

/// Chooses English for the library's messages, in the tests that call the library in this
/// process (the other tests run the binary). The language is chosen once per process and the
/// first choice stands: every such test calls this before the library, so that whichever runs
/// first in this one test binary chooses English, never the Vietnamese default.
pub fn library_in_english() {
    use par_index::i18n::{Lang, set_lang};
    assert_eq!(
        set_lang(Lang::En),
        Lang::En,
        "the library spoke before a test chose English: call library_in_english() first"
    );
}

/// The built binary as a user runs it, for a snapshot of what it says: nothing of the
/// developer's terminal (language, forced colours, width: help wraps at 100 columns; no standard
/// input), so Vietnamese unless the test asks for English. Run it in a folder of its own with
/// relative paths, so that no temporary path shows in what it says.
pub fn user_bin() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_par-index"));
    cmd.env_remove("PAR_INDEX_LANG")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "100")
        .stdin(std::process::Stdio::null());
    cmd
}

/// A run: its exit code and what it wrote, and all of it as its snapshot shows it (`text`: the
/// command line, the exit code, standard output and standard error; on Windows with paths
/// written with `/` and the program named `par-index`, as the snapshots were taken).
pub struct Transcript {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub text: String,
}

/// Runs a command; returns its transcript.
pub fn transcript(cmd: &mut std::process::Command) -> Transcript {
    let out = cmd.output().expect("runs");
    let code = out.status.code().unwrap_or(-1);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let args: Vec<_> = cmd.get_args().map(|a| a.to_string_lossy()).collect();
    let text = format!(
        "$ par-index {}\nexit code: {code}\n----- stdout -----\n{stdout}----- stderr -----\n{stderr}",
        args.join(" "),
    );
    let text = if cfg!(windows) {
        text.replace('\\', "/")
            .replace("par-index.exe", "par-index")
    } else {
        text
    };
    Transcript {
        code,
        stdout,
        stderr,
        text,
    }
}

/// Checks every (name, text) against its reviewed snapshot with `assert` (the test's
/// `insta::assert_snapshot!`, so that the snapshot is named after the test's module), going on
/// past a difference so that one run shows every difference (and, outside CI, writes each beside
/// its snapshot as `.snap.new`); then fails naming those that differ.
pub fn assert_snapshots(
    snapshots: impl IntoIterator<Item = (String, String)>,
    assert: impl Fn(&str, &str),
) {
    let (mut count, mut differ) = (0, Vec::new());
    for (name, text) in snapshots {
        count += 1;
        let check = std::panic::AssertUnwindSafe(|| assert(&name, &text));
        if std::panic::catch_unwind(check).is_err() {
            differ.push(name);
        }
    }
    assert!(count > 0, "no snapshot was checked");
    assert!(
        differ.is_empty(),
        "{} of {count} snapshots differ from the reviewed ones in tests/it/snapshots/: {}",
        differ.len(),
        differ.join(", ")
    );
}
