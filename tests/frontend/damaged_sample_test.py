#!/usr/bin/python3.11
"""CI sample of the error-parity check: `kilnc check` on damaged library files.

  /usr/bin/python3.11 tests/frontend/damaged_sample_test.py KILNC [OUT_DIR]

Writes COUNT damaged copies of corpus files with make_damaged.py's logic and a fixed
seed (the same files as `make_damaged.py OUT_DIR 300 1`) into OUT_DIR (default
$TEST_TMPDIR/damaged). For each file this /usr/bin/python3.11 process runs
compile(source, path, 'exec') and `kilnc check FILE` runs beside it. Fails when kilnc
accepts a file compile() rejects or the other way round, or when kilnc reports
CPython's error line for fewer than MIN_SAME_LINE of the rejected files. Prints the
rate and every file whose line differs.
"""
import os
import subprocess
import sys
import tempfile
import time
import warnings

sys.dont_write_bytecode = True  # no __pycache__ in the source tree or runfiles
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_damaged  # noqa: E402

COUNT = 300
SEED = 1
MIN_SAME_LINE = 0.95


def reference(path):
    """None if compile() accepts the file, else (line, 'Type: message')."""
    with open(path, 'rb') as handle:
        source = handle.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            compile(source, path, 'exec', dont_inherit=True)
        return None
    except SyntaxError as error:
        return (error.lineno or 0, '%s: %s' % (type(error).__name__, error.msg))
    except (ValueError, RecursionError, MemoryError) as error:
        return (0, '%s: %s' % (type(error).__name__, error))


def error_line(path, stderr):
    """(LINE, header) of kilnc's `PATH:LINE:COL: error: ...` (LINE 0 if it has none)."""
    header = stderr.decode('utf-8', 'replace').split('\n', 1)[0]
    prefix = path + ':'
    if not header.startswith(prefix):
        return None, header
    number = header[len(prefix):].split(':', 1)[0]
    return (int(number) if number.isdigit() else 0), header[len(prefix):]


def main():
    kilnc = sys.argv[1]
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.environ.get('TEST_TMPDIR') or tempfile.mkdtemp(), 'damaged')
    started = time.time()
    paths = make_damaged.make(out_dir, COUNT, SEED)
    failures = []
    rejected = same_line = 0
    line_differences = []
    for path in paths:
        expected = reference(path)
        try:
            result = subprocess.run([kilnc, 'check', path], capture_output=True, timeout=30)
        except subprocess.TimeoutExpired:
            failures.append('%s: kilnc check timed out (30 s)' % path)
            continue
        if expected is None:
            if result.returncode != 0:
                failures.append('%s: compile() accepts it; kilnc check exit %d: %s' % (
                    path, result.returncode, result.stderr.decode('utf-8', 'replace')[:300]))
            continue
        rejected += 1
        if result.returncode == 0:
            failures.append('%s: kilnc check accepts it; compile() raises at line %d: %s' % (
                path, expected[0], expected[1]))
            continue
        line, header = error_line(path, result.stderr)
        if result.returncode == 1 and line == expected[0]:
            same_line += 1
        else:
            line_differences.append('%s\n   CPython: line %d, %s\n   kilnc (exit %d): %s' % (
                path, expected[0], expected[1], result.returncode, header[:300]))
    rate = same_line / rejected if rejected else 1.0
    print('%d damaged files (seed %d) in %.1fs: compile() rejects %d; kilnc check gives the '
          'same error line for %d of them (%.1f%%, at least %.0f%% required)' % (
              len(paths), SEED, time.time() - started, rejected, same_line, 100 * rate,
              100 * MIN_SAME_LINE))
    for difference in line_differences:
        print('LINE DIFFERS ' + difference)
    for failure in failures:
        print('FAIL ' + failure)
    if rate < MIN_SAME_LINE:
        print('FAIL: the same-line rate is below %.0f%%' % (100 * MIN_SAME_LINE))
    return 1 if failures or rate < MIN_SAME_LINE else 0


if __name__ == '__main__':
    sys.exit(main())
