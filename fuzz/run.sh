#!/usr/bin/env bash
# Fuzzes the readers, the criteria parser and the fast path of the table reader (against the
# csv crate) for a bounded time each (not part of CI).
#   fuzz/run.sh [SECONDS per target, default 300]
# cargo-fuzz wants a nightly compiler; RUSTC_BOOTSTRAP lets the stable one build it.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p corpus/readers corpus/criteria corpus/fast_path
# seeds: every file of the small year and of the bad-input corpus, each aimed at its own slot
i=0
for f in units self-assessment par-survey sipas-survey deductions; do
  { printf "\\x$(printf %02x $i)"; cat "../tests/data/hand-worked/$f.csv"; } > "corpus/readers/seed-$f"
  for bad in ../tests/bad/*/"$f.csv"; do
    [ -f "$bad" ] && { printf "\\x$(printf %02x $i)"; cat "$bad"; } > "corpus/readers/bad-$(basename "$(dirname "$bad")")"
  done
  i=$((i+1))
done
# the fast path against the csv crate: the small year's files and the bad inputs, any buffer
for f in ../tests/data/hand-worked/*.csv ../tests/bad/*/*.csv; do
  { printf "\x07"; cat "$f"; } > "corpus/fast_path/$(basename "$(dirname "$f")")-$(basename "$f")"
done
cp ../tests/data/mini/criteria.toml corpus/criteria/mini.toml
cp ../criteria/lang-son-2023.toml corpus/criteria/lang-son-2023.toml
for target in readers criteria fast_path; do
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 2>&1 | tail -n 5
done
