#!/usr/bin/python3.11
"""Regenerates tests/frontend/golden/*.py.expected from the reference Python.

  /usr/bin/python3.11 tests/frontend/regenerate_golden.py
Each NAME.py gets NAME.py.expected: 'OK' and the one-line
ast.dump(ast.parse(bytes), include_attributes=True), or
'ERROR LINE OFFSET TYPE' and the message. Never edit .expected files by hand.
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from python_reference import describe  # noqa: E402

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'golden')


def main():
    if not sys.executable.startswith('/usr/bin/python3.11'):
        sys.exit('run me with /usr/bin/python3.11 (the reference interpreter)')
    for name in sorted(os.listdir(GOLDEN)):
        if name.endswith('.py'):
            path = os.path.join(GOLDEN, name)
            with open(path + '.expected', 'w', encoding='utf-8',
                      errors='surrogateescape') as handle:
                handle.write(describe(path))
    print('regenerated', GOLDEN)


if __name__ == '__main__':
    main()
