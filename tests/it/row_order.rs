//! Output is deterministic: the rows of every input file, in any order, give the same bytes.

use std::path::Path;

use crate::common::*;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Rewrites `file` with its data rows permuted by `seed` (header kept first).
fn shuffle_file(file: &Path, seed: u64) {
    let text = std::fs::read_to_string(file).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    let mut state = seed | 1;
    for i in (1..lines.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        lines.swap(i, (state % (i as u64 + 1)) as usize);
    }
    let mut out = String::from(header);
    out.push('\n');
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
    std::fs::write(file, out).unwrap();
}

fn outputs(dir: &Path) -> Vec<String> {
    let d = dir.to_str().unwrap();
    [
        vec!["compute", d, "--format", "json"],
        vec!["compute", d, "--format", "csv"],
        vec!["compute", d],
    ]
    .iter()
    .map(|args| {
        let (code, out, err) = run(args);
        assert_eq!(code, 0, "{err}");
        out
    })
    .collect()
}

proptest! {
    // regressions beside this file (proptest would look in tests/proptest-regressions/, as
    // for a crate whose root is tests/it/main.rs)
    #![proptest_config(ProptestConfig {
        cases: 6,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_row_order_gives_identical_bytes(seeds in proptest::array::uniform5(any::<u64>())) {
        let baseline = outputs(&sample());
        let dir = copy_dir(&sample());
        for (file, seed) in ["units.csv", "self-assessment.csv", "par-survey.csv", "sipas-survey.csv", "deductions.csv"].iter().zip(seeds) {
            shuffle_file(&dir.path().join(file), seed);
        }
        let shuffled = outputs(dir.path());
        for (a, b) in baseline.iter().zip(&shuffled) {
            prop_assert!(a == b, "output changed with row order");
        }
    }
}
