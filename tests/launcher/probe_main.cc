// The launcher tests' program, interim like examples/hello: embeds the toolchain's Python
// and runs tests/launcher/probe.py from its runfiles (packed, they sit beside it).
#include <Python.h>

#include <cstdio>
#include <string>

#include "runtime/main/interpreter.h"

int main(int argc, char** argv) {
  kiln::runtime::Layout layout;
  std::string error;
  if (!kiln::runtime::FindLayout(argv[0], &layout, &error) ||
      !kiln::runtime::StartInterpreter(layout, argc, argv, &error)) {
    std::fprintf(stderr, "probe: %s\n", error.c_str());
    return 1;
  }
  std::string script;
  FILE* file = nullptr;
  for (const std::string& root : kiln::runtime::RunfilesRoots(argv[0])) {
    script = root + "/kiln/tests/launcher/probe.py";
    file = std::fopen(script.c_str(), "rb");
    if (file != nullptr) break;
  }
  if (file == nullptr) {
    std::fprintf(stderr, "probe: cannot open %s\n", script.c_str());
    return 1;
  }
  PyObject* main_module = PyImport_AddModule("__main__");
  PyObject* globals = PyModule_GetDict(main_module);
  PyObject* result = PyRun_FileEx(file, script.c_str(), Py_file_input, globals, globals, 1);
  bool failed = result == nullptr;
  Py_XDECREF(result);
  return kiln::runtime::StopInterpreter(failed);
}
