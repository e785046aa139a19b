#!/usr/bin/env python3
"""The national-scale benchmark of par-index, against the floor of reading CSV.

    python3 benches/run.py [--runs N] [--units N] [--questionnaires N] [--respondents N]

1. builds the release binary and the examples `gen_year` (the sample generator) and
   `csv_floor` (a bare csv-crate read of every record of a year's files);
2. writes a national-scale year with the generator (default 10,000 units, 1,000,000
   satisfaction questionnaires, 200,000 officials' survey rows, every appraisal row) into
   bench-out/national, once (it is deterministic);
3. measures, on the same files in the same run, the median wall time, CPU time and peak memory
   of: the floor and `par-index compute` end to end writing the annex CSV, run in turn (the
   ratio is the median of the ratios of each pair, so that a machine whose speed drifts during
   the benchmark does not bias it); and `par-index compute samples/2023 --ci` with 2,000
   replicates;
4. prints the figures, the ratios and the targets of the issue, and the machine.

Exit code 0 when every target is met, 1 otherwise.
"""

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench-out")
RELEASE = os.path.join(ROOT, "target", "release")


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, **kw)


def once(cmd):
    """Wall time (s), CPU time (s) and peak resident memory (MB) of one run of cmd."""
    start = time.perf_counter()
    # each run in its own child, whose CPU time and peak RSS are read with wait4
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"benchmark: {' '.join(cmd)} failed with exit code {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KB on Linux


def measure(cmd, runs):
    """Median wall time (s), median CPU time (s) and peak memory (MB) of `runs` runs of cmd."""
    results = [once(cmd) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            max(r[2] for r in results))


def measure_pairs(floor, cmd, runs):
    """The floor and cmd run back to back, `runs` times: medians of each, and the median of the
    ratios of each pair, which a machine whose speed drifts during the benchmark leaves alone."""
    pairs = [(once(floor), once(cmd)) for _ in range(runs)]
    med = lambda xs: statistics.median(list(xs))
    return (
        (med(f[0] for f, _ in pairs), med(f[1] for f, _ in pairs), max(f[2] for f, _ in pairs)),
        (med(c[0] for _, c in pairs), med(c[1] for _, c in pairs), max(c[2] for _, c in pairs)),
        med(c[0] / f[0] for f, c in pairs),
    )


def machine():
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) // (1024 * 1024)} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}), {mem} RAM, {platform.system()} {platform.release()}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--questionnaires", type=int, default=1_000_000)
    ap.add_argument("--respondents", type=int, default=200_000)
    args = ap.parse_args()

    print("building (release)…", flush=True)
    run(["cargo", "build", "--release", "--quiet", "--bin", "par-index", "--example", "gen_year", "--example", "csv_floor"])
    year = os.path.join(OUT, f"national-{args.units}-{args.questionnaires}-{args.respondents}")
    if not os.path.isfile(os.path.join(year, "sipas-survey.csv")):
        print(f"writing the national-scale year into {os.path.relpath(year, ROOT)}…", flush=True)
        run([os.path.join(RELEASE, "examples", "gen_year"), "--out", year, "--units", str(args.units),
             "--questionnaires", str(args.questionnaires), "--respondents", str(args.respondents)])
    size = sum(os.path.getsize(os.path.join(year, f)) for f in os.listdir(year) if f.endswith(".csv"))
    # the files in the page cache for everyone
    for f in os.listdir(year):
        with open(os.path.join(year, f), "rb") as fh:
            while fh.read(1 << 20):
                pass

    binary = os.path.join(RELEASE, "par-index")
    annex = os.path.join(OUT, "annex.csv")
    print(f"measuring, median of {args.runs} runs each, the floor and compute in turn…", flush=True)
    (floor_t, floor_c, floor_m), (comp_t, comp_c, comp_m), ratio = measure_pairs(
        [os.path.join(RELEASE, "examples", "csv_floor"), year],
        [binary, "compute", year, "--format", "csv", "--output", annex],
        args.runs,
    )
    ci_t, ci_c, ci_m = measure([binary, "compute", "samples/2023", "--ci", "--replicates", "2000", "--format", "csv"], args.runs)

    checks = [
        ("compute / bare CSV read", f"{ratio:.2f}×", "≤ 2×", ratio <= 2.0),
        ("compute peak memory", f"{comp_m:.0f} MB", "≤ 256 MB", comp_m <= 256),
        ("--ci 2,000 replicates on samples/2023", f"{ci_t:.2f} s", "< 2 s", ci_t < 2.0),
    ]
    print()
    print(f"machine: {machine()}")
    print(f"year: {args.units} units, {args.questionnaires} questionnaires, {args.respondents} survey rows, {size / 1e6:.0f} MB of CSV")
    print()
    print(f"{'run':<42} {'wall (median)':>14} {'CPU (median)':>13} {'peak memory':>12}")
    print(f"{'bare csv-crate read of every record':<42} {floor_t:>12.3f} s {floor_c:>11.3f} s {floor_m:>9.0f} MB")
    print(f"{'par-index compute, end to end (CSV annex)':<42} {comp_t:>12.3f} s {comp_c:>11.3f} s {comp_m:>9.0f} MB")
    print(f"{'par-index compute samples/2023 --ci':<42} {ci_t:>12.3f} s {ci_c:>11.3f} s {ci_m:>9.0f} MB")
    print()
    print(f"{'target':<42} {'measured':>14} {'wanted':>12}")
    ok = True
    for name, got, want, passed in checks:
        ok &= passed
        print(f"{name:<42} {got:>14} {want:>12}  {'met' if passed else 'NOT MET'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
