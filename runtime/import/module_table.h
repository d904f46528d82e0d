// The compiled modules of a program and the importer that serves them.
//
// kilnc emits one `const kiln::ModuleDef` per module; the build rules generate the
// program's table (a null-terminated array named kiln_module_table) and the name of its
// main module. InstallImporter() puts a finder on sys.meta_path, ahead of the standard
// ones, that imports table modules with the right __name__, __file__, __package__,
// __path__, __spec__ and __loader__; everything else (the stdlib) loads as usual.
// __main__'s __loader__ is the importer too.
#ifndef KILN_RUNTIME_IMPORT_MODULE_TABLE_H_
#define KILN_RUNTIME_IMPORT_MODULE_TABLE_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace kiln {

struct ModuleDef {
  const char* name;      // dotted module name, e.g. "pkg.sub"
  const char* filename;  // the .py path as tracebacks show it, e.g. "pkg/sub/__init__.py"
  int is_package;        // 1 for an __init__.py
  // Runs the module body with `module`'s __dict__ as globals. Returns 0, or -1 with an
  // exception set.
  int (*exec)(PyObject* module);
  // The source file's bytes when the rule embeds them (embed_source), else nullptr:
  // the importer's get_source() returns them decoded, so linecache, the traceback
  // module and inspect.getsource see the lines without the file.
  const char* source;
  Py_ssize_t source_size;
};

// Puts Kiln's finder first on sys.meta_path. `table` is null-terminated and must
// outlive the interpreter. Returns 0, or -1 with an exception set.
int InstallImporter(const ModuleDef* const* table);

// The entry of `table` named `name`, or nullptr.
const ModuleDef* FindModule(const ModuleDef* const* table, const char* name);

// Runs `main` as the __main__ module, the way `python3.11 FILE` runs a script:
// __name__ == "__main__", __file__ = main->filename, __spec__ = None. Returns 0, or -1
// with an exception set.
int RunMainModule(const ModuleDef* main);

// PyErr_Print() (SystemExit ends the process), with io.open serving the embedded source
// of a compiled module whose file is not there: CPython's printer reads source lines
// from files only.
void PrintUncaughtException();

}  // namespace kiln

// Defined in the program's generated module table.
extern "C" const kiln::ModuleDef* const kiln_module_table[];
extern "C" const char kiln_main_module[];

#endif  // KILN_RUNTIME_IMPORT_MODULE_TABLE_H_
