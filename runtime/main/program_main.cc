// main() of every Kiln program: start the bundled CPython, register the compiled
// modules, run the main module as __main__, and exit the way python3.11 does.
#include <cstdio>
#include <string>

#include "runtime/import/module_table.h"
#include "runtime/main/interpreter.h"

int main(int argc, char** argv) {
  kiln::runtime::Layout layout;
  std::string error;
  const char* program = argc > 0 ? argv[0] : "kiln-program";
  if (!kiln::runtime::FindLayout(program, &layout, &error) ||
      !kiln::runtime::StartInterpreter(layout, argc, argv, &error)) {
    std::fprintf(stderr, "%s: %s\n", program, error.c_str());
    return 1;
  }
  if (kiln::InstallImporter(kiln_module_table) < 0) {
    return kiln::runtime::StopInterpreter(true);
  }
  const kiln::ModuleDef* main_module = kiln::FindModule(kiln_module_table, kiln_main_module);
  if (main_module == nullptr) {
    PyErr_Format(PyExc_ImportError, "the main module %s is not compiled into this program",
                 kiln_main_module);
    return kiln::runtime::StopInterpreter(true);
  }
  bool failed = kiln::RunMainModule(main_module) < 0;
  return kiln::runtime::StopInterpreter(failed, kiln::PrintUncaughtException);
}
