// A program linked with the toolchain's static libpython starts an isolated interpreter
// whose only module sources are the toolchain's stdlib zip and lib-dynload folder (not
// /usr/lib/python3.11), imports json, re and decimal (an extension module from
// lib-dynload) and computes a result.
//
// usage: embedded_python_test STDLIB_ZIP   (lib-dynload/ sits beside the zip)
#include <Python.h>

#include <climits>
#include <cstdlib>
#include <string>

#include "gtest/gtest.h"

namespace {

std::string g_stdlib_zip;

std::string Absolute(const std::string& path) {
  char resolved[PATH_MAX];
  if (realpath(path.c_str(), resolved) == nullptr) return path;
  return resolved;
}

std::wstring Wide(const std::string& text) { return std::wstring(text.begin(), text.end()); }

// Runs `source` in __main__ and returns str(result) where the code sets `result`.
std::string RunAndGetResult(const char* source) {
  PyObject* main_module = PyImport_AddModule("__main__");
  PyObject* globals = PyModule_GetDict(main_module);
  PyObject* value = PyRun_String(source, Py_file_input, globals, globals);
  if (value == nullptr) {
    PyErr_Print();
    return "<exception>";
  }
  Py_DECREF(value);
  PyObject* result = PyDict_GetItemString(globals, "result");
  if (result == nullptr) return "<no result>";
  PyObject* text = PyObject_Str(result);
  std::string out = PyUnicode_AsUTF8(text);
  Py_DECREF(text);
  return out;
}

TEST(EmbeddedPythonTest, IsolatedInterpreterOnBundledStdlib) {
  std::string zip = Absolute(g_stdlib_zip);
  std::string dynload = zip.substr(0, zip.rfind('/')) + "/lib-dynload";

  PyConfig config;
  PyConfig_InitIsolatedConfig(&config);
  config.site_import = 0;
  config.module_search_paths_set = 1;
  ASSERT_FALSE(PyStatus_Exception(
      PyWideStringList_Append(&config.module_search_paths, Wide(zip).c_str())));
  ASSERT_FALSE(PyStatus_Exception(
      PyWideStringList_Append(&config.module_search_paths, Wide(dynload).c_str())));
  PyStatus status = Py_InitializeFromConfig(&config);
  PyConfig_Clear(&config);
  ASSERT_FALSE(PyStatus_Exception(status)) << (status.err_msg ? status.err_msg : "");

  std::string result = RunAndGetResult(R"(
import json, re, decimal, sys, _decimal
numbers = [int(n) for n in re.findall(r"\d+", "a1 b22 c333")]
total = decimal.Decimal("0.1") * 3 + sum(numbers)
result = json.dumps({"numbers": numbers, "total": str(total), "version": sys.version_info[:2]},
                    sort_keys=True)
)");
  EXPECT_EQ(result, R"({"numbers": [1, 22, 333], "total": "356.3", "version": [3, 11]})");

  // Every loaded module came from the bundle: the zip, lib-dynload, or built in.
  PyObject* sys_module = PyImport_ImportModule("sys");
  PyObject* paths = Py_BuildValue("(ss)", zip.c_str(), dynload.c_str());
  PyObject_SetAttrString(sys_module, "argv_paths", paths);
  Py_DECREF(paths);
  Py_DECREF(sys_module);
  std::string origins = RunAndGetResult(R"(
import sys
zip_path, dynload = sys.argv_paths
outside = sorted(name for name, module in list(sys.modules.items())
                 if getattr(module, "__file__", None)
                 and not module.__file__.startswith((zip_path, dynload)))
result = ",".join(outside) or "bundled"
)");
  EXPECT_EQ(origins, "bundled");
  EXPECT_EQ(RunAndGetResult("import _decimal, os\nresult = os.path.dirname(_decimal.__file__)"),
            dynload);
  EXPECT_EQ(RunAndGetResult("import sys\nresult = any('/usr/lib/python3' in p for p in sys.path)"),
            "False");
  EXPECT_EQ(Py_FinalizeEx(), 0);
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s STDLIB_ZIP\n", argv[0]);
    return 2;
  }
  g_stdlib_zip = argv[1];
  return RUN_ALL_TESTS();
}
