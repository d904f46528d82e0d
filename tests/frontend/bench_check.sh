#!/usr/bin/env bash
# Front-end speed: `kilnc check` (tokenize, parse, scope analysis) over the whole corpus
# (every .py file under /usr/lib/python3.11 and the pyenv 3.11.7 tree) against one
# /usr/bin/python3.11 process running ast.parse over the same files (reading them
# itself), measured side by side in this run: best of RUNS each, interleaved, after
# one warm-up pass of each (so both read from the page cache). kilnc gets the files
# 1000 per process through xargs. Prints both times and the ratio kilnc / python3.11
# (below 1 is faster).
#
#   tests/frontend/bench_check.sh [RUNS]     (default 3; KILNC=path skips the build)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
if [[ -z "${KILNC:-}" ]]; then
  ./bazelw build //compiler:kilnc >/dev/null 2>&1 || ./bazelw build //compiler:kilnc
  KILNC="$(./bazelw info bazel-bin 2>/dev/null)/compiler/driver/kilnc"
fi
/usr/bin/python3.11 - "$KILNC" "$runs" <<'PY'
import os, subprocess, sys, tempfile, time

kilnc, runs = sys.argv[1], int(sys.argv[2])
roots = ['/usr/lib/python3.11', '/root/.pyenv/versions/3.11.7/lib/python3.11']
files = sorted(os.path.join(directory, name)
               for root in roots for directory, _, names in os.walk(root)
               for name in names if name.endswith('.py')
               if os.path.isfile(os.path.join(directory, name)))
size = sum(os.path.getsize(path) for path in files)
with tempfile.NamedTemporaryFile('wb', suffix='.list', delete=False) as handle:
    handle.write(b''.join(os.fsencode(path) + b'\0' for path in files))
    list_path = handle.name

# ast.parse of every file, in one process; prints how many files it rejects.
PYTHON_SIDE = r'''
import ast, sys, warnings
warnings.simplefilter('ignore')
rejected = 0
for path in open(sys.argv[1], 'rb').read().split(b'\0')[:-1]:
    with open(path, 'rb') as handle:
        source = handle.read()
    try:
        ast.parse(source, path)
    except (SyntaxError, ValueError):
        rejected += 1
print(rejected)
'''

def python_run():
    start = time.perf_counter()
    result = subprocess.run(['/usr/bin/python3.11', '-c', PYTHON_SIDE, list_path],
                            stdout=subprocess.PIPE, check=True)
    return time.perf_counter() - start, int(result.stdout)

def kilnc_run():
    # kilnc check exits 1 when a file is rejected (xargs then exits 123); its error
    # lines (one header per rejected file) are counted.
    start = time.perf_counter()
    result = subprocess.run(['xargs', '-0', '-n', '1000', '-a', list_path, kilnc, 'check'],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 123):
        sys.exit('kilnc check failed (xargs exit %d):\n%s' % (
            result.returncode, result.stderr.decode(errors='replace')[-2000:]))
    headers = [line for line in result.stderr.split(b'\n') if b': error: ' in line
               and not line.startswith(b'    ')]
    return seconds, len(headers)

try:
    python_run(), kilnc_run()  # warm-up: the page cache and the binaries
    python_times, kilnc_times = [], []
    for _ in range(runs):
        seconds, python_rejected = python_run()
        python_times.append(seconds)
        seconds, kilnc_rejected = kilnc_run()
        kilnc_times.append(seconds)
finally:
    os.unlink(list_path)
best_kilnc, best_python = min(kilnc_times), min(python_times)
print('corpus: %d files, %.1f MB (rejected: python3.11 ast.parse %d, kilnc check %d)' % (
    len(files), size / 1e6, python_rejected, kilnc_rejected))
print('kilnc check (tokenize, parse, scopes): %.2f s   (runs: %s)' % (
    best_kilnc, ' '.join('%.2f' % t for t in kilnc_times)))
print('python3.11 ast.parse (one process):    %.2f s   (runs: %s)' % (
    best_python, ' '.join('%.2f' % t for t in python_times)))
print('ratio kilnc / python3.11: %.2f  (kilnc is %.1fx as fast)' % (
    best_kilnc / best_python, best_python / best_kilnc))
PY
