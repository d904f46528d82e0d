#!/usr/bin/python3.11
"""Makes damaged copies of corpus files to measure syntax-error parity.

  /usr/bin/python3.11 tests/frontend/make_damaged.py OUT_DIR [COUNT] [SEED] [EDITS]
Writes OUT_DIR/NNNNN.py (COUNT files, default 3000) and OUT_DIR/list.txt.
Each file is a real library file with EDITS (default 1) random edits: a line deleted or
duplicated, a character deleted or inserted, a bracket or quote added,
indentation changed, or the file truncated. Then run:
  /usr/bin/python3.11 tests/frontend/corpus_parity.py --list OUT_DIR/list.txt \
      --cache /tmp/kiln_damaged_cache
"""
import os
import random
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree or runfiles
from python_reference import CORPUS_ROOTS, python_files  # noqa: E402

INSERTS = list('()[]{}:,=.\'"\\#@;*+-') + [' ', '\t', '    ', '\n', 'if ', 'def ', 'else',
                                           'lambda', 'f"{', '0x', '1_', '\u20ac']


def damage(text, rng):
    lines = text.split('\n')
    kind = rng.randrange(8)
    if kind == 0 and len(lines) > 1:
        del lines[rng.randrange(len(lines))]
        return '\n'.join(lines)
    if kind == 1 and lines:
        index = rng.randrange(len(lines))
        lines.insert(index, lines[index])
        return '\n'.join(lines)
    if kind == 2 and lines:
        index = rng.randrange(len(lines))
        lines[index] = rng.choice(['  ', ' ', '\t', '        ']) + lines[index]
        return '\n'.join(lines)
    if kind == 3 and lines:
        index = rng.randrange(len(lines))
        lines[index] = lines[index].lstrip()
        return '\n'.join(lines)
    if kind == 4 and text:
        position = rng.randrange(len(text))
        return text[:position] + text[position + 1:]
    if kind == 5:
        return text[:rng.randrange(len(text) + 1)]
    position = rng.randrange(len(text) + 1)
    return text[:position] + rng.choice(INSERTS) + text[position:]


def make(out_dir, count, seed, edits=1, files=None):
    """Writes COUNT damaged files to OUT_DIR and returns their paths (also used by
    damaged_sample_test.py); the same arguments and source files give the same files."""
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    files = python_files(CORPUS_ROOTS) if files is None else files
    written = []
    while len(written) < count:
        path = rng.choice(files)
        try:
            with open(path, encoding='utf-8') as handle:
                text = handle.read()
        except (UnicodeDecodeError, OSError):
            continue
        if len(text) > 200000:
            continue
        damaged = text
        for _ in range(edits):
            damaged = damage(damaged, rng)
        target = os.path.join(out_dir, '%05d.py' % len(written))
        with open(target, 'w', encoding='utf-8', errors='surrogatepass') as handle:
            handle.write(damaged)
        written.append(target)
    return written


def main():
    out_dir = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    edits = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    written = make(out_dir, count, seed, edits)
    with open(os.path.join(out_dir, 'list.txt'), 'w') as handle:
        handle.write(''.join(path + '\n' for path in written))


if __name__ == '__main__':
    main()
