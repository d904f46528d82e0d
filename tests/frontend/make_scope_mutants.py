#!/usr/bin/python3.11
"""Makes scope-relevant mutants of corpus files, to exercise symtable's errors and rules.

  /usr/bin/python3.11 tests/frontend/make_scope_mutants.py OUT_DIR [COUNT] [SEED]
Writes OUT_DIR/NNNNN.py (COUNT files, default 3000) and OUT_DIR/list.txt. Each file is a
real library file with one statement inserted before a random statement (same
indentation): global/nonlocal declarations, uses, assignments, annotations, `:=` in
comprehensions, star imports, yield/return, nested def/class/lambda, on a name the file
already uses (or a private `__name`); or `from __future__ import annotations` put first.
Then compare with:
  /usr/bin/python3.11 tests/frontend/scope_parity.py --list OUT_DIR/list.txt \\
      --cache /tmp/kiln_scope_mutants_cache
"""
import ast
import os
import random
import sys
import warnings

sys.dont_write_bytecode = True  # no __pycache__ in the source tree or runfiles
from python_reference import CORPUS_ROOTS, python_files  # noqa: E402

TEMPLATES = [
    'global {x}', 'nonlocal {x}', 'global {x}, {y}', 'nonlocal {y}', '{x} = 1', 'print({x})',
    '{x}: int', '{x}: int = 0', 'del {x}', '[({x} := 0) for _ in ()]',
    '[{y} for {x} in ()]', '[({x} := {y}) for {y} in ()]', '[[({x} := 1) for a in ()] for b in ()]',
    '[{y} for {y} in ({x} := ())]', 'import {x}.sub', 'from os import *', 'yield {x}',
    'return {x}', 'lambda: {x}', 'class Q:\n{i}    {x} = 1\n{i}    def m(self): return {x}',
    'def Q():\n{i}    nonlocal {x}', 'def Q():\n{i}    global {x}\n{i}    {x} = 2',
    'def Q({x}, {x}): pass', 'def Q(self): return super(), __class__',
    '({y} for {y} in {x})', 'async def Q():\n{i}    return [await {x} for _ in ()]',
    'for {x} in (): break', 'continue', 'break', 'x: (yield)', 'x: ({x} := 1)',
]


def mutate(source, rng):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        tree = ast.parse(source)
    lines = source.split('\n')
    if rng.random() < 0.1:
        return 'from __future__ import annotations\n' + source
    names = sorted({node.id for node in ast.walk(tree) if isinstance(node, ast.Name)})
    names += ['__private', 'undefined_name']
    statements = [node for node in ast.walk(tree) if isinstance(node, ast.stmt)
                  and node.lineno <= len(lines)
                  and lines[node.lineno - 1][:node.col_offset].strip() == '']
    if not statements:
        return None
    target = rng.choice(statements)
    indent = lines[target.lineno - 1][:target.col_offset]
    text = rng.choice(TEMPLATES).format(x=rng.choice(names), y=rng.choice(names), i=indent)
    lines.insert(target.lineno - 1, indent + text)
    return '\n'.join(lines)


def main():
    out_dir = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(out_dir, exist_ok=True)
    files = python_files(CORPUS_ROOTS)
    written = []
    while len(written) < count:
        path = rng.choice(files)
        try:
            with open(path, encoding='utf-8') as handle:
                source = handle.read()
            mutant = mutate(source, rng)
        except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError):
            continue
        if mutant is None:
            continue
        out = os.path.join(out_dir, '%05d.py' % len(written))
        with open(out, 'w', encoding='utf-8') as handle:
            handle.write(mutant)
        written.append(out)
    with open(os.path.join(out_dir, 'list.txt'), 'w') as handle:
        handle.write(''.join(path + '\n' for path in written))
    print('wrote %d mutants to %s' % (len(written), out_dir))


if __name__ == '__main__':
    main()
