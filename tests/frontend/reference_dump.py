#!/usr/bin/python3.11
"""Writes CPython 3.11's reference ast.dump (or error) for many .py files.

Run ONLY under /usr/bin/python3.11 (the reference interpreter). One process
handles every file. Usage:
  /usr/bin/python3.11 reference_dump.py CACHE_DIR LIST_FILE
LIST_FILE holds one path per line. For input path P the result goes to
CACHE_DIR/<index>.out where <index> is the line number (0-based) in LIST_FILE.
Each .out file is either 'OK\n' + dump, or 'ERROR <line> <offset> <type>\n<msg>'.
"""
import ast
import os
import sys
import warnings


def describe(path):
    with open(path, 'rb') as handle:
        source = handle.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            tree = ast.parse(source, path)
        return 'OK\n' + ast.dump(tree, include_attributes=True) + '\n'
    except SyntaxError as error:
        return 'ERROR %s %s %s\n%s\n' % (error.lineno, error.offset,
                                         type(error).__name__, error.msg)
    except (ValueError, RecursionError, MemoryError) as error:
        return 'ERROR 0 0 %s\n%s\n' % (type(error).__name__, error)


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
