#!/usr/bin/python3.11
"""Writes CPython 3.11's reference ast.dump (or error) for many .py files.

Run ONLY under /usr/bin/python3.11 (the reference interpreter). One process
handles every file. Usage:
  /usr/bin/python3.11 reference_dump.py CACHE_DIR LIST_FILE
LIST_FILE holds one path per line. For input path P the result goes to
CACHE_DIR/<index>.out where <index> is the line number (0-based) in LIST_FILE.
Each .out file is either 'OK\n' + dump, or 'ERROR <line> <offset> <type>\n<msg>'.
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from python_reference import describe  # noqa: E402


def main():
    cache_dir, list_file = sys.argv[1], sys.argv[2]
    os.makedirs(cache_dir, exist_ok=True)
    with open(list_file) as handle:
        paths = [line.rstrip('\n') for line in handle]
    for index, path in enumerate(paths):
        out = os.path.join(cache_dir, '%d.out' % index)
        with open(out, 'w', encoding='utf-8', errors='surrogateescape') as handle:
            handle.write(describe(path))


if __name__ == '__main__':
    main()
