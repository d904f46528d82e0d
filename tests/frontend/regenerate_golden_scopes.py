#!/usr/bin/python3.11
"""Writes golden_scopes/NAME.py.expected for every golden_scopes/NAME.py.

Run ONLY under /usr/bin/python3.11 after adding or changing a case:
  /usr/bin/python3.11 tests/frontend/regenerate_golden_scopes.py
The expected text is what reference_scopes.py prints from CPython's symtable (a
status line, then the dump); golden_scopes/scope_golden_test.sh checks
`kilnc dump-scopes` against it (bazel: //tests/frontend/golden_scopes:scope_golden_test).
Never edit an .expected file by hand.
"""
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import reference_scopes  # noqa: E402


def main():
    if sys.executable != '/usr/bin/python3.11' and os.path.realpath(sys.executable) != \
            os.path.realpath('/usr/bin/python3.11'):
        sys.exit('run this with /usr/bin/python3.11 (the reference), not %s' % sys.executable)
    directory = os.path.join(HERE, 'golden_scopes')
    os.chdir(directory)
    names = sorted(glob.glob('*.py'))
    for name in names:
        with open(name + '.expected', 'w', encoding='utf-8') as handle:
            handle.write(reference_scopes.describe(name))
    print('wrote %d expected files in %s' % (len(names), directory))


if __name__ == '__main__':
    main()
