#!/usr/bin/python3.11
"""CPython 3.11's scopes of many .py files, in the text form `kilnc dump-scopes` prints.

Run ONLY under /usr/bin/python3.11 (the reference interpreter), never the pyenv
python on PATH. One process handles every file:

  /usr/bin/python3.11 reference_scopes.py OUT_DIR LIST_FILE   # OUT_DIR/<index>.out
  /usr/bin/python3.11 reference_scopes.py --one FILE          # to stdout

Each result starts with one status line, then (for OK) the dump:
  OK                                   symtable accepts the file (and so does compile())
  OK COMPILE-ERROR <line> <type>: <msg>  symtable accepts it, compile() does not (an error
                                       of CPython's code generator: 'return' outside
                                       function, ...); the dump follows
  ERROR <line> <offset> <type>\n<msg>  symtable.symtable() rejects the file
  PARSE-ERROR <line> <offset> <type>\n<msg>  ast.parse() already rejects it (parser work)

The dump (sema::DumpScopes in compiler/sema/scopes.cc prints the same form): one block
per symbol table, depth first in symtable's child order, indented two spaces per level:

  <type> <name> line <get_lineno()>[ nested]
    varnames: <Function._table.varnames in order>        (function tables only)
    locals: / frees: / globals: / nonlocals: <sorted>    (Function.get_locals() ...)
    <name>: <scope> <properties>                          (one per symbol, sorted)

<scope> is the resolved scope from the symbol's flags (local, global_explicit,
global_implicit, free, cell); <properties> are, in this order, those of
is_local is_global is_declared_global is_nonlocal is_free is_parameter is_imported
is_annotated is_referenced is_assigned that hold (printed without `is_`), then the raw
flags free_class (DEF_FREE_CLASS) and comp_iter (DEF_COMP_ITER).
"""
import ast
import os
import symtable
import sys
import warnings

SCOPE_NAMES = {
    symtable.LOCAL: 'local',
    symtable.GLOBAL_EXPLICIT: 'global_explicit',
    symtable.GLOBAL_IMPLICIT: 'global_implicit',
    symtable.FREE: 'free',
    symtable.CELL: 'cell',
}
DEF_FREE_CLASS = 64   # _symtable.DEF_FREE_CLASS
DEF_COMP_ITER = 512   # 2 << 8 in CPython 3.11's Include/internal/pycore_symtable.h
PREDICATES = ('local', 'global', 'declared_global', 'nonlocal', 'free', 'parameter',
              'imported', 'annotated', 'referenced', 'assigned')


def dump_table(table, depth, out):
    indent = '  ' * depth
    header = '%s%s %s line %d' % (indent, table.get_type(), table.get_name(), table.get_lineno())
    if table.is_nested():
        header += ' nested'
    out.append(header)
    raw = table._table.symbols
    if isinstance(table, symtable.Function):
        lists = [('varnames', table._table.varnames),
                 ('locals', sorted(table.get_locals())),
                 ('frees', sorted(table.get_frees())),
                 ('globals', sorted(table.get_globals())),
                 ('nonlocals', sorted(table.get_nonlocals()))]
        for label, names in lists:
            out.append('%s  %s:%s' % (indent, label, ''.join(' ' + name for name in names)))
    for name in sorted(raw):
        symbol = table.lookup(name)
        flags = raw[name]
        scope = (flags >> symtable.SCOPE_OFF) & symtable.SCOPE_MASK
        words = [SCOPE_NAMES.get(scope, 'scope%d' % scope)]
        words += [word for word in PREDICATES if getattr(symbol, 'is_' + word)()]
        if flags & DEF_FREE_CLASS:
            words.append('free_class')
        if flags & DEF_COMP_ITER:
            words.append('comp_iter')
        out.append('%s  %s: %s' % (indent, name, ' '.join(words)))
    for child in table.get_children():
        dump_table(child, depth + 1, out)


def error_line(label, error):
    if isinstance(error, SyntaxError):
        return '%s %s %s %s\n%s\n' % (label, error.lineno, error.offset,
                                      type(error).__name__, error.msg)
    return '%s 0 0 %s\n%s\n' % (label, type(error).__name__, error)


def describe(path):
    with open(path, 'rb') as handle:
        source = handle.read()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            ast.parse(source, path)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            return error_line('PARSE-ERROR', error)
        try:
            top = symtable.symtable(source, path, 'exec')
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            return error_line('ERROR', error)
        status = 'OK'
        try:
            compile(source, path, 'exec', dont_inherit=True)
        except SyntaxError as error:
            status = 'OK COMPILE-ERROR %s %s: %s' % (error.lineno, type(error).__name__,
                                                     error.msg)
        except (ValueError, RecursionError, MemoryError):
            pass
    out = [status]
    dump_table(top, 0, out)
    return '\n'.join(out) + '\n'


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--one':
        sys.stdout.write(describe(sys.argv[2]))
        return
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out_dir, list_file = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    with open(list_file) as handle:
        paths = [line.rstrip('\n') for line in handle if line.strip()]
    for index, path in enumerate(paths):
        with open(os.path.join(out_dir, '%d.out' % index), 'w', encoding='utf-8',
                  errors='surrogateescape') as handle:
            handle.write(describe(path))


if __name__ == '__main__':
    main()
