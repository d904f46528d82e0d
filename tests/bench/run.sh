#!/usr/bin/env bash
# Runs the CPU-bound programs of tests/bench/programs, all compiled into ONE Kiln binary
# (//tests/bench:bench: `bench NAME` runs programs/NAME.py), side by side with
# `/usr/bin/python3.11 tests/bench/programs/NAME.py`, interleaved, in this run. The
# Kiln binary runs once first to unpack into a fresh cache (KILN_CACHE_DIR), so the
# measured runs are warm. Per program it prints the best of N runs of child CPU time
# (user + sys, from wait4: wall clock on a shared machine varies too much) for Kiln and
# python3.11 and their ratio (Kiln / python3.11: below 1 is faster), the max RSS of each
# (MB, largest over the runs, measured by /usr/bin/time) and their ratio, and whether the outputs (stdout and exit
# status) are the same; then the geometric means of the time and RSS ratios.
#
#   tests/bench/run.sh [RUNS] [PROGRAM...]     (RUNS default 5; default all programs)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=5
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then runs="$1"; shift; fi
# Generated code and the runtime are compiled -O2 whatever the compilation mode.
./bazelw build //tests/bench:bench >/dev/null 2>&1 || ./bazelw build //tests/bench:bench
bin="$(./bazelw info bazel-bin 2>/dev/null)/tests/bench/bench"
export KILN_CACHE_DIR="$(mktemp -d)"
trap 'rm -rf "$KILN_CACHE_DIR"' EXIT
/usr/bin/python3.11 - "$bin" "$runs" "$@" <<'PY'
import math, os, subprocess, sys, tempfile

bench, runs, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
programs = "tests/bench/programs"
available = sorted(file[:-3] for file in os.listdir(programs) if file.endswith(".py"))
names = names or available
unknown = [name for name in names if name not in available]
if unknown:
    sys.exit(f"run.sh: no such program: {' '.join(unknown)} (programs: {' '.join(available)})")


def measure(command):
    """Runs command; returns (CPU seconds, max RSS in MB, exit status, stdout, stderr).

    The CPU time is wait4's (user + sys of the child and what it waited for). The max
    RSS comes from GNU time, a small process that forks the program: wait4's ru_maxrss
    of a child of this Python would count this process's own pages (the child starts as
    a copy of it), about 11 MB, more than small programs use.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name, *command],
                                 stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        max_rss_kb = int(rss.read().split()[-1])
        return (usage.ru_utime + usage.ru_stime, max_rss_kb / 1024,
                child.returncode, out.read(), err.read())


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


print(f"{'program':<20}{'kiln s':>8}{'py3.11 s':>10}{'ratio':>7}"
      f"{'kiln MB':>9}{'py3.11 MB':>11}{'ratio':>7}  output")
time_ratios, rss_ratios, failures = [], [], []
for name in names:
    kiln = [bench, name]
    python = ["/usr/bin/python3.11", f"{programs}/{name}.py"]
    measure(kiln)  # unpack once into the cache: measure warm runs
    results = {"kiln": [], "python": []}
    for _ in range(runs):
        results["kiln"].append(measure(kiln))
        results["python"].append(measure(python))
    best = {key: min(r[0] for r in rs) for key, rs in results.items()}
    rss = {key: max(r[1] for r in rs) for key, rs in results.items()}
    kiln_outputs = {r[2:4] for r in results["kiln"]}
    python_outputs = {r[2:4] for r in results["python"]}
    same = kiln_outputs == python_outputs and len(kiln_outputs) == 1
    if not same:
        failures.append(name)
        for label, rs in results.items():
            status, _, stderr = rs[-1][2:]
            if status:
                sys.stderr.write(f"{name} ({label}) exit status {status}:\n{stderr.decode(errors='replace')[-2000:]}\n")
    time_ratio = best["kiln"] / best["python"]
    rss_ratio = rss["kiln"] / rss["python"]
    time_ratios.append(time_ratio)
    rss_ratios.append(rss_ratio)
    print(f"{name:<20}{best['kiln']:>8.3f}{best['python']:>10.3f}{time_ratio:>7.2f}"
          f"{rss['kiln']:>9.1f}{rss['python']:>11.1f}{rss_ratio:>7.2f}  {'same' if same else 'DIFFERENT'}",
          flush=True)
print(f"{'geometric mean':<38}{geometric_mean(time_ratios):>7.2f}{'':>20}{geometric_mean(rss_ratios):>7.2f}"
      "  (Kiln / python3.11; below 1 is faster or smaller)")
if failures:
    print(f"DIFFERENT outputs: {' '.join(failures)}")
PY
