#!/usr/bin/env bash
# Start-up benchmark of a packed Kiln program, against /usr/bin/python3.11 in the same run.
#
#   tests/bench/startup/run.sh [RUNS]
#
# Builds //examples/hello and prints, in one run:
#   warm start   the packed hello with its cache entry in place, vs
#                `/usr/bin/python3.11 examples/hello/hello.py` (ratio: lower is faster)
#   cold start   the first run: empty cache, payload checked and unpacked
#   size         of bazel-bin/examples/hello/hello
# Uses hyperfine when installed (apt-get install hyperfine), else a timing loop. The cache
# is a private temporary directory, never ~/.cache.
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-300}
python=/usr/bin/python3.11

./bazelw build //examples/hello >/dev/null 2>&1 || ./bazelw build //examples/hello
hello=$(realpath bazel-bin/examples/hello/hello)
script=$(realpath examples/hello/hello.py)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KILN_CACHE_DIR="$work/cache"
"$hello" >/dev/null  # warm the cache

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 20 --runs "$runs" --export-json "$work/warm.json" \
    "$hello" "$python $script" >/dev/null 2>&1
  hyperfine -N --runs $((runs / 5 > 20 ? runs / 5 : 20)) --prepare "rm -rf $KILN_CACHE_DIR" \
    --export-json "$work/cold.json" "$hello" >/dev/null 2>&1
  tool="hyperfine $(hyperfine --version | cut -d' ' -f2)"
else
  # A loop timed from one python3.11 process (for both commands alike).
  "$python" - "$work" "$runs" "$hello" "$python" "$script" <<'PY'
import json, os, shutil, subprocess, sys, time
work, runs, hello, python, script = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
def measure(command, count, prepare=None):
    times = []
    for _ in range(count):
        if prepare: prepare()
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return {"mean": sum(times) / len(times), "median": sorted(times)[len(times) // 2],
            "stddev": 0.0, "times": times}
cache = os.environ["KILN_CACHE_DIR"]
warm = [measure([hello], runs), measure([python, script], runs)]
cold = [measure([hello], max(20, runs // 5), lambda: shutil.rmtree(cache, ignore_errors=True))]
json.dump({"results": warm}, open(work + "/warm.json", "w"))
json.dump({"results": cold}, open(work + "/cold.json", "w"))
PY
  tool="a python3.11 timing loop"
fi

"$python" - "$work" "$hello" "$runs" "$tool" <<'PY'
import json, os, sys
work, hello, runs, tool = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
warm = json.load(open(work + "/warm.json"))["results"]
cold = json.load(open(work + "/cold.json"))["results"][0]
packed, python = warm[0], warm[1]
ms = lambda seconds: "%.2f ms" % (seconds * 1000)
size = os.path.getsize(hello)
print("Kiln start-up benchmark (%s, %d runs each, %s)" % (tool, runs, os.uname().machine))
print("  warm start, packed hello       %s  (median %s, sd %s)" % (ms(packed["mean"]), ms(packed["median"]), ms(packed["stddev"])))
print("  python3.11 hello.py            %s  (median %s, sd %s)" % (ms(python["mean"]), ms(python["median"]), ms(python["stddev"])))
print("  ratio packed / python3.11      %.2f  (goal: <= 1.00)" % (packed["mean"] / python["mean"]))
print("  cold start (empty cache)       %s  (median %s, %d runs)" % (ms(cold["mean"]), ms(cold["median"]), len(cold["times"])))
print("  size of bazel-bin/examples/hello/hello  %d bytes = %.2f MB  (goal: <= 6 MB)" % (size, size / 1e6))
PY
