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
