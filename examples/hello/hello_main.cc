// Interim hello: until kilnc compiles Python (issue: compiler back end), this example
// starts the toolchain's embedded Python on the bundled stdlib and runs hello.py from
// runfiles. It shows the runtime entry point and toolchain working end to end; it is
// replaced by a py_native_binary once the compiler exists.
#include <Python.h>

#include <cstdio>
#include <string>

#include "runtime/main/interpreter.h"

int main(int argc, char** argv) {
  kiln::runtime::Layout layout;
  std::string error;
  if (!kiln::runtime::FindLayout(argv[0], &layout, &error) ||
      !kiln::runtime::StartInterpreter(layout, argc, argv, &error)) {
    std::fprintf(stderr, "hello: %s\n", error.c_str());
    return 1;
  }
  std::string script;
  FILE* file = nullptr;
  for (const std::string& root : kiln::runtime::RunfilesRoots(argv[0])) {
    script = root + "/kiln/examples/hello/hello.py";
    file = std::fopen(script.c_str(), "rb");
    if (file != nullptr) break;
  }
  if (file == nullptr) {
    std::fprintf(stderr, "hello: cannot open %s\n", script.c_str());
    return 1;
  }
  PyObject* main_module = PyImport_AddModule("__main__");
  PyObject* globals = PyModule_GetDict(main_module);
  PyObject* result = PyRun_FileEx(file, script.c_str(), Py_file_input, globals, globals, 1);
  bool failed = result == nullptr;
  Py_XDECREF(result);
  return kiln::runtime::StopInterpreter(failed);
}
