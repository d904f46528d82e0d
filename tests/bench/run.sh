#!/usr/bin/env bash
# Prints, for each CPU-bound program in tests/bench/programs, the time of the Kiln
# binary and of `/usr/bin/python3.11 program.py`, measured side by side in this run
# (best of N runs each, interleaved), their ratio (Kiln / python3.11: below 1 is faster),
# and the geometric mean of the ratios. Outputs must be equal, or the program is flagged.
#
#   tests/bench/run.sh [RUNS]     (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
names=(attributes calls floats generators loops strings_dicts)
targets=()
for name in "${names[@]}"; do targets+=("//tests/bench:$name"); done
# Generated code and the runtime are compiled -O2 whatever the compilation mode.
./bazelw build "${targets[@]}" >/dev/null 2>&1 || ./bazelw build "${targets[@]}"
bin="$(./bazelw info bazel-bin 2>/dev/null)"
export KILN_CACHE_DIR="$(mktemp -d)"
trap 'rm -rf "$KILN_CACHE_DIR"' EXIT
/usr/bin/python3.11 - "$bin" "$runs" "${names[@]}" <<'PY'
import math, os, subprocess, sys, time

bin_dir = sys.argv[1]
runs = int(sys.argv[2])
names = sys.argv[3:]

def timed(command):
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - start, result.stdout

print(f"{'program':<16}{'kiln (s)':>10}{'python3.11 (s)':>16}{'ratio':>8}  output")
ratios = []
for name in names:
    kiln = [os.path.join(bin_dir, "tests/bench", name)]
    python = ["/usr/bin/python3.11", f"tests/bench/programs/{name}.py"]
    timed(kiln)  # unpack once into the cache: measure warm runs
    kiln_times, python_times = [], []
    for _ in range(runs):
        seconds, kiln_output = timed(kiln)
        kiln_times.append(seconds)
        seconds, python_output = timed(python)
        python_times.append(seconds)
    ratio = min(kiln_times) / min(python_times)
    ratios.append(ratio)
    same = "same" if kiln_output == python_output else "DIFFERENT"
    print(f"{name:<16}{min(kiln_times):>10.3f}{min(python_times):>16.3f}{ratio:>8.2f}  {same}")
geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
print(f"{'geometric mean':<42}{geomean:>8.2f}  (Kiln time / python3.11 time; below 1 is faster)")
PY
