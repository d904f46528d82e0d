#!/usr/bin/python3.11
"""dump-tokens parity: Kiln's DumpTokens vs `python3.11 -m tokenize`.

  /usr/bin/python3.11 tests/frontend/token_parity.py [--tool PATH] [--limit N]
Uses the corpus list corpus_parity.py wrote (CACHE/files.txt); the reference
side runs tokenize in this one process. Files tokenize rejects are skipped.
"""
import argparse
import io
import os
import subprocess
import sys
import tokenize


def reference(path):
    out = []
    with open(path, 'rb') as handle:
        try:
            for token in tokenize.tokenize(handle.readline):
                token_range = '%d,%d-%d,%d:' % (token.start + token.end)
                out.append('%-20s%-15s%-15r' % (token_range, tokenize.tok_name[token.type],
                                                token.string))
        except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
            return None
    return '\n'.join(out) + '\n'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--tool', default='/tmp/kiln_frontend/frontend_tool')
    parser.add_argument('--cache', default='/tmp/kiln_parity_cache')
    parser.add_argument('--limit', type=int, default=0)
    parser.add_argument('--show', type=int, default=10)
    args = parser.parse_args()
    with open(os.path.join(args.cache, 'files.txt')) as handle:
        files = [line.rstrip('\n') for line in handle]
    if args.limit:
        files = files[::max(1, len(files) // args.limit)]
    out_dir = os.path.join(args.cache, 'tokens')
    os.makedirs(out_dir, exist_ok=True)
    list_path = os.path.join(out_dir, 'list.txt')
    with open(list_path, 'w') as handle:
        handle.write(''.join(path + '\n' for path in files))
    subprocess.run([args.tool, 'batch-tokens', list_path, out_dir], check=True)
    total = equal = skipped = 0
    shown = 0
    for index, path in enumerate(files):
        expected = reference(path)
        if expected is None:
            skipped += 1
            continue
        total += 1
        with open(os.path.join(out_dir, '%d.tok' % index), encoding='utf-8',
                  errors='surrogateescape') as handle:
            actual = handle.read()
        if actual == expected:
            equal += 1
        elif shown < args.show:
            shown += 1
            expected_lines = expected.splitlines()
            actual_lines = actual.splitlines()
            for k in range(max(len(expected_lines), len(actual_lines))):
                a = expected_lines[k] if k < len(expected_lines) else '<none>'
                b = actual_lines[k] if k < len(actual_lines) else '<none>'
                if a != b:
                    print('MISMATCH %s\n   expected: %s\n   kiln:     %s' % (path, a, b))
                    break
    print('token dumps: total %d, equal %d, skipped (tokenize error) %d' % (total, equal, skipped))


if __name__ == '__main__':
    sys.exit(main())
