#!/usr/bin/python3.11
"""Corpus parity harness: Kiln's front end vs CPython 3.11's ast module.

For every .py file under the CPython 3.11 library trees, compares
`frontend_tool batch` output (dump or error) with reference_dump.py output
from /usr/bin/python3.11 (one process for all files, cached in CACHE_DIR).

  sh tests/frontend/build_dev.sh
  /usr/bin/python3.11 tests/frontend/corpus_parity.py [--tool PATH] [--cache DIR]
      [--refresh] [--roots DIR...] [--show N]

Prints: total, equal (same dump, or both errors on the same line), mismatched,
and the mismatching files. For files CPython rejects it also reports how many
errors Kiln puts on the same line.
"""
import argparse
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from python_reference import CORPUS_ROOTS, python_files, read_text  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--tool', default='/tmp/kiln_frontend/frontend_tool')
    parser.add_argument('--cache', default='/tmp/kiln_parity_cache')
    parser.add_argument('--refresh', action='store_true', help='regenerate reference dumps')
    parser.add_argument('--roots', nargs='*', default=CORPUS_ROOTS)
    parser.add_argument('--list', help='use this file list instead of walking roots')
    parser.add_argument('--show', type=int, default=40, help='mismatches to list')
    parser.add_argument('--show-messages', type=int, default=0,
                        help='same-line errors with a different message to list')
    args = parser.parse_args()

    if args.list:
        with open(args.list) as handle:
            files = [line.rstrip('\n') for line in handle if line.strip()]
    else:
        files = python_files(args.roots)
    os.makedirs(args.cache, exist_ok=True)
    list_path = os.path.join(args.cache, 'files.txt')
    reference_dir = os.path.join(args.cache, 'reference')
    kiln_dir = os.path.join(args.cache, 'kiln')
    os.makedirs(kiln_dir, exist_ok=True)
    old_list = None
    if os.path.exists(list_path):
        with open(list_path) as handle:
            old_list = handle.read()
    new_list = ''.join(path + '\n' for path in files)
    if args.refresh or old_list != new_list or not os.path.isdir(reference_dir):
        with open(list_path, 'w') as handle:
            handle.write(new_list)
        started = time.time()
        subprocess.run(['/usr/bin/python3.11', os.path.join(HERE, 'reference_dump.py'),
                        reference_dir, list_path], check=True)
        print('reference dumps: %.1fs' % (time.time() - started))
    started = time.time()
    subprocess.run([args.tool, 'batch', list_path, kiln_dir], check=True)
    kiln_seconds = time.time() - started

    total = equal = 0
    mismatches = []
    rejected = rejected_same_line = rejected_same_message = 0
    message_mismatches = []
    for index, path in enumerate(files):
        expected = read_text(os.path.join(reference_dir, '%d.out' % index))
        actual = read_text(os.path.join(kiln_dir, '%d.out' % index))
        if expected is None:
            continue
        total += 1
        if expected.startswith('ERROR'):
            rejected += 1
            expected_line = expected.split()[1]
            same = actual is not None and actual.startswith('ERROR') and \
                actual.split()[1] == expected_line
            if same:
                rejected_same_line += 1
                equal += 1
                if expected.splitlines()[1:2] == actual.splitlines()[1:2]:
                    rejected_same_message += 1
                else:
                    message_mismatches.append((path, expected, actual))
            else:
                mismatches.append((path, expected, actual))
        elif expected == actual:
            equal += 1
        else:
            mismatches.append((path, expected, actual))
    print('kiln batch: %.1fs' % kiln_seconds)
    print('total: %d  equal: %d  mismatched: %d' % (total, equal, len(mismatches)))
    print('files CPython rejects: %d, Kiln reports the same error line for %d '
          '(and the same message for %d)' %
          (rejected, rejected_same_line, rejected_same_message))
    if args.show_messages:
        for path, expected, actual in message_mismatches[:args.show_messages]:
            print('MESSAGE %s\n   expected: %s\n   kiln:     %s' % (
                path, ' | '.join(expected.splitlines()[:2]), ' | '.join(actual.splitlines()[:2])))
    for path, expected, actual in mismatches[:args.show]:
        actual = actual or ''
        if actual.startswith('ERROR') or expected.startswith('ERROR'):
            print('MISMATCH %s\n   expected: %s\n   kiln:     %s' % (
                path, ' | '.join(expected.splitlines()[:2])[:300],
                ' | '.join(actual.splitlines()[:2])[:300]))
        else:
            position = next((k for k in range(min(len(expected), len(actual)))
                             if expected[k] != actual[k]), min(len(expected), len(actual)))
            print('MISMATCH %s\n   expected: ...%s\n   kiln:     ...%s' % (
                path, expected[max(0, position - 150):position + 100],
                actual[max(0, position - 150):position + 100]))
    return 0 if not mismatches else 1


if __name__ == '__main__':
    sys.exit(main())
