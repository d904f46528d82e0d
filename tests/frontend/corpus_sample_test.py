#!/usr/bin/python3.11
"""CI sample of the corpus parity check: `kilnc dump-ast` against CPython's ast.dump.

  /usr/bin/python3.11 tests/frontend/corpus_sample_test.py KILNC SAMPLE_LIST
  /usr/bin/python3.11 tests/frontend/corpus_sample_test.py --write-sample SAMPLE_LIST

SAMPLE_LIST (corpus_sample.txt beside this file) holds a fixed sample of the corpus
that corpus_parity.py checks in full: every STRIDES[root]-th file (0, N, 2N, ...) of
each tree's sorted list of .py files, plus every file ast.parse rejects, written by
--write-sample on the reference machine. Files absent on this machine are skipped (and counted). For every file this
one /usr/bin/python3.11 process computes `ast.dump(ast.parse(src, path),
include_attributes=True)`; `kilnc dump-ast FILE` must print exactly that plus a
newline, or, where CPython raises, exit 1 with an error on the same line
(`FILE:LINE:COL: error: ...`; LINE 0 when the error has none, e.g. null bytes).
Run as the Bazel test //tests/frontend:corpus_sample_test; the full corpus run is
`/usr/bin/python3.11 tests/frontend/corpus_parity.py`.
"""
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree or runfiles
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from python_reference import parse_reference, python_files  # noqa: E402

# Trees and strides: ~130 files of Debian's tree (668 files) and ~265 of the pyenv
# 3.11.7 tree (11,659 files, mostly tests).
STRIDES = [('/usr/lib/python3.11', 5), ('/root/.pyenv/versions/3.11.7/lib/python3.11', 44)]


def write_sample(list_path):
    sample = []
    for root, stride in STRIDES:
        files = python_files([root])
        # Plus every file CPython rejects (9 in these trees: lib2to3 test data, bad
        # codings), so that error lines are compared too.
        chosen = set(files[::stride]) | {path for path in files if reference(path)[0] == 'ERROR'}
        sample.extend(sorted(chosen))
    with open(list_path, 'w') as handle:
        handle.write(''.join(path + '\n' for path in sample))
    print('wrote %d paths to %s' % (len(sample), list_path))


def reference(path):
    """('OK', dump bytes) or ('ERROR', line, description)."""
    result = parse_reference(path)
    if result[0] == 'OK':
        return ('OK', result[1].encode('utf-8', 'surrogateescape'))
    return ('ERROR', result[1] or 0, '%s: %s' % (result[3], result[4]))


def error_line(path, stderr):
    """The LINE of kilnc's `PATH:LINE:COL: error: ...` header (0 if it has none)."""
    header = stderr.decode('utf-8', 'replace').split('\n', 1)[0]
    prefix = path + ':'
    if not header.startswith(prefix):
        return None
    rest = header[len(prefix):]
    number = rest.split(':', 1)[0]
    return int(number) if number.isdigit() else 0


def first_difference(expected, actual):
    limit = min(len(expected), len(actual))
    position = next((k for k in range(limit) if expected[k] != actual[k]), limit)
    start = max(0, position - 150)
    return (expected[start:position + 100].decode('utf-8', 'replace'),
            actual[start:position + 100].decode('utf-8', 'replace'))


def main():
    if sys.argv[1:2] == ['--write-sample']:
        write_sample(sys.argv[2])
        return 0
    kilnc, list_path = sys.argv[1], sys.argv[2]
    with open(list_path) as handle:
        paths = [line.rstrip('\n') for line in handle if line.strip()]
    present = [path for path in paths if os.path.isfile(path)]
    print('sample: %d files listed, %d present, %d absent (skipped)' %
          (len(paths), len(present), len(paths) - len(present)))
    if not present:
        print('FAIL: no sample file is present on this machine')
        return 1

    started = time.time()
    checked = rejected = 0
    failures = []
    for path in present:
        expected = reference(path)
        checked += 1
        try:
            result = subprocess.run([kilnc, 'dump-ast', path], capture_output=True, timeout=30)
        except subprocess.TimeoutExpired:
            failures.append('%s\n   kilnc dump-ast timed out (30 s)' % path)
            continue
        if expected[0] == 'OK':
            if result.returncode != 0:
                failures.append('%s\n   CPython accepts it; kilnc exit %d: %s' % (
                    path, result.returncode, result.stderr.decode('utf-8', 'replace')[:300]))
            elif result.stdout != expected[1]:
                want, got = first_difference(expected[1], result.stdout)
                failures.append('%s\n   expected: ...%s\n   kilnc:    ...%s' % (path, want, got))
            continue
        rejected += 1
        line = error_line(path, result.stderr) if result.returncode == 1 else None
        if line != expected[1]:
            failures.append('%s\n   CPython: line %d, %s\n   kilnc (exit %d): %s' % (
                path, expected[1], expected[2], result.returncode,
                (result.stdout[:200] + result.stderr[:300]).decode('utf-8', 'replace')))
    print('checked %d files (%d rejected by CPython) in %.1fs: %d equal, %d differ' % (
        checked, rejected, time.time() - started, checked - len(failures), len(failures)))
    for failure in failures:
        print('MISMATCH ' + failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
