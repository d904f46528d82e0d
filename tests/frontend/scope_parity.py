#!/usr/bin/python3.11
"""Scope parity: `kilnc dump-scopes` vs CPython 3.11's symtable module.

For every .py file under the CPython 3.11 library trees (or a deterministic sample of
them), compares what `kilnc dump-scopes FILE` prints with what reference_scopes.py
prints from /usr/bin/python3.11's symtable (one Python process for all files; results
cached in CACHE/reference, rebuilt when the file list changes or with --refresh).

  ./bazelw build //compiler:kilnc
  /usr/bin/python3.11 tests/frontend/scope_parity.py [--kilnc PATH] [--cache DIR]
      [--refresh] [--roots DIR...] [--list FILE] [--sample N] [--show N] [--jobs N]

Each file lands in one class:
  equal              same dump (when CPython's compile() rejects a file that symtable
                     accepts, Kiln may also reject it: same line and message is equal)
  differing          both accept it, the dumps differ
  rejected by both   symtable rejects it and so does Kiln's scope analysis (same line and
                     message is `same error`; otherwise `different error`, a failure)
  rejected by one    only symtable or only Kiln's scope analysis rejects it (a failure)
  parser             CPython's ast.parse or Kiln's parser rejects it: out of scope here
                     (tests/frontend/corpus_parity.py measures the parser)
Exit status 1 when anything differs.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree or runfiles
sys.path.insert(0, HERE)  # run through a symlink too (golden_scopes/tools/)
from python_reference import CORPUS_ROOTS, python_files, read_text  # noqa: E402

DEFAULT_KILNC = os.path.join(HERE, '..', '..', 'bazel-bin', 'compiler', 'driver', 'kilnc')
ERROR_RE = re.compile(r'^.*?:(\d+):(\d+): error: (.*)$')
ERROR_NO_LINE_RE = re.compile(r'^.*?: error: (.*)$')


def sample(files, count):
    """`count` files spread evenly over the sorted list (deterministic)."""
    if count <= 0 or count >= len(files):
        return files
    return [files[(index * len(files)) // count] for index in range(count)]


def run_kilnc(kilnc, path):
    """'OK\\n' + dump, 'ERROR <line>\\n<message>' or 'PARSE-ERROR <line>\\n<message>'."""
    result = subprocess.run([kilnc, 'dump-scopes', path], capture_output=True)
    if result.returncode == 0:
        return 'OK\n' + result.stdout.decode('utf-8', 'surrogateescape')
    first = result.stderr.decode('utf-8', 'surrogateescape').split('\n', 1)[0]
    match = ERROR_RE.match(first)
    if match:
        line, message = match.group(1), match.group(3)
    else:
        match = ERROR_NO_LINE_RE.match(first)
        line, message = '0', match.group(1) if match else first
    parsed = subprocess.run([kilnc, 'dump-ast', path], capture_output=True)
    label = 'PARSE-ERROR' if parsed.returncode != 0 else 'ERROR'
    return '%s %s\n%s\n' % (label, line, message)


def error_of(text):
    """(line, message) of an 'ERROR <line> ...\\n<message>' result."""
    head, _, rest = text.partition('\n')
    return head.split()[1], rest.split('\n', 1)[0]


def first_difference(expected, actual):
    expected_lines, actual_lines = expected.split('\n'), actual.split('\n')
    for index in range(max(len(expected_lines), len(actual_lines))):
        left = expected_lines[index] if index < len(expected_lines) else '<end>'
        right = actual_lines[index] if index < len(actual_lines) else '<end>'
        if left != right:
            return index + 1, left, right
    return 0, '', ''


def classify(expected, actual):
    """(class, detail) for one file."""
    if expected.startswith('PARSE-ERROR') or actual.startswith('PARSE-ERROR'):
        return 'parser', ''
    expected_head, _, expected_dump = expected.partition('\n')
    actual_head, _, actual_dump = actual.partition('\n')
    if expected_head.startswith('ERROR'):
        line, message = error_of(expected)
        if not actual.startswith('ERROR'):
            return 'rejected by CPython only', 'line %s: %s' % (line, message)
        if error_of(actual) == (line, message):
            return 'rejected by both, same error', ''
        return 'rejected by both, different error', 'expected line %s: %s | kiln line %s: %s' % (
            line, message, *error_of(actual))
    compile_error = None
    if expected_head.startswith('OK COMPILE-ERROR'):
        parts = expected_head.split(' ', 3)
        compile_error = (parts[2], parts[3].split(': ', 1)[1])
    if actual.startswith('ERROR'):
        if compile_error and error_of(actual) == compile_error:
            return 'equal', ''
        return 'rejected by Kiln only', 'kiln line %s: %s%s' % (
            *error_of(actual), ' (compile() says line %s: %s)' % compile_error
            if compile_error else '')
    if expected_dump == actual_dump:
        return 'equal', ''
    line, left, right = first_difference(expected_dump, actual_dump)
    return 'differing', 'dump line %d\n   expected: %s\n   kiln:     %s' % (line, left, right)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--kilnc', default=DEFAULT_KILNC)
    parser.add_argument('--cache', default='/tmp/kiln_scope_parity')
    parser.add_argument('--refresh', action='store_true', help='regenerate reference dumps')
    parser.add_argument('--roots', nargs='*', default=CORPUS_ROOTS)
    parser.add_argument('--list', help='use this file list instead of walking roots')
    parser.add_argument('--sample', type=int, default=0,
                        help='only this many files, spread evenly over the sorted list')
    parser.add_argument('--show', type=int, default=30, help='differences to list')
    parser.add_argument('--jobs', type=int, default=2)
    args = parser.parse_args()

    if args.list:
        with open(args.list) as handle:
            files = [line.rstrip('\n') for line in handle if line.strip()]
    else:
        files = python_files([root for root in args.roots if os.path.isdir(root)])
    files = sample(files, args.sample)
    os.makedirs(args.cache, exist_ok=True)
    list_path = os.path.join(args.cache, 'files.txt')
    reference_dir = os.path.join(args.cache, 'reference')
    new_list = ''.join(path + '\n' for path in files)
    if args.refresh or read_text(list_path) != new_list or not os.path.isdir(reference_dir):
        with open(list_path, 'w') as handle:
            handle.write(new_list)
        started = time.time()
        subprocess.run(['/usr/bin/python3.11', os.path.join(HERE, 'reference_scopes.py'),
                        reference_dir, list_path], check=True)
        print('reference (symtable): %d files, %.1fs' % (len(files), time.time() - started))

    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        actual = list(pool.map(lambda path: run_kilnc(args.kilnc, path), files))
    print('kilnc dump-scopes: %.1fs' % (time.time() - started))

    counts = {}
    details = []
    for index, path in enumerate(files):
        expected = read_text(os.path.join(reference_dir, '%d.out' % index))
        if expected is None:
            continue
        kind, detail = classify(expected, actual[index])
        counts[kind] = counts.get(kind, 0) + 1
        if kind not in ('equal', 'parser', 'rejected by both, same error'):
            details.append((kind, path, detail))

    compared = sum(count for kind, count in counts.items() if kind != 'parser')
    both = counts.get('rejected by both, same error', 0) + \
        counts.get('rejected by both, different error', 0)
    one = counts.get('rejected by CPython only', 0) + counts.get('rejected by Kiln only', 0)
    print('files: %d  compared: %d  equal: %d  differing: %d  rejected by both: %d '
          '(same error %d, different error %d)  rejected by one: %d (CPython only %d, '
          'Kiln only %d)  parser (out of scope): %d' % (
              len(files), compared, counts.get('equal', 0), counts.get('differing', 0), both,
              counts.get('rejected by both, same error', 0),
              counts.get('rejected by both, different error', 0), one,
              counts.get('rejected by CPython only', 0), counts.get('rejected by Kiln only', 0),
              counts.get('parser', 0)))
    for kind, path, detail in details[:args.show]:
        print('%s: %s\n   %s' % (kind.upper(), path, detail))
    return 1 if details else 0


if __name__ == '__main__':
    sys.exit(main())
