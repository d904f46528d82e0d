"""What the frontend parity scripts share: the CPython 3.11 library trees they read, the
.py files of a tree, and the reference side, CPython's ast.parse of a file. Run under
/usr/bin/python3.11, the reference interpreter."""
import ast
import os
import warnings

CORPUS_ROOTS = ['/usr/lib/python3.11', '/root/.pyenv/versions/3.11.7/lib/python3.11']


def python_files(roots):
    """Every .py file below `roots` (regular files), sorted."""
    files = []
    for root in roots:
        for directory, _, names in os.walk(root):
            for name in names:
                if name.endswith('.py'):
                    path = os.path.join(directory, name)
                    if os.path.isfile(path):
                        files.append(path)
    return sorted(files)


def read_text(path):
    """The file as text (undecodable bytes as surrogates), or None when it is gone."""
    try:
        with open(path, encoding='utf-8', errors='surrogateescape') as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def parse_reference(path):
    """('OK', ast.dump text with a newline) or ('ERROR', line, offset, type name, message):
    what CPython makes of the file's bytes."""
    with open(path, 'rb') as handle:
        source = handle.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            tree = ast.parse(source, path)
        return ('OK', ast.dump(tree, include_attributes=True) + '\n')
    except SyntaxError as error:
        return ('ERROR', error.lineno, error.offset, type(error).__name__, error.msg)
    except (ValueError, RecursionError, MemoryError) as error:
        return ('ERROR', 0, 0, type(error).__name__, str(error))


def describe(path):
    """parse_reference as reference_dump.py and golden/*.expected write it: 'OK' and the
    dump, or 'ERROR LINE OFFSET TYPE' and the message."""
    result = parse_reference(path)
    if result[0] == 'OK':
        return 'OK\n' + result[1]
    return 'ERROR %s %s %s\n%s\n' % result[1:]
