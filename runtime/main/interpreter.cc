#include "runtime/main/interpreter.h"

#include <Python.h>
#include <limits.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

namespace kiln::runtime {
namespace {

bool IsFile(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::string Directory(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

std::string ExecutablePath(const char* argv0) {
  char buffer[PATH_MAX];
  ssize_t length = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
  if (length > 0) return std::string(buffer, length);
  return argv0 != nullptr ? argv0 : "";
}

bool TryZip(const std::string& zip, Layout* layout) {
  if (!IsFile(zip)) return false;
  char resolved[PATH_MAX];
  std::string absolute = realpath(zip.c_str(), resolved) ? resolved : zip;
  layout->stdlib_zip = absolute;
  layout->lib_dynload = Directory(absolute) + "/lib-dynload";
  return true;
}

constexpr const char* kLauncherVariable = "KILN_LAUNCHER";

// The repository that holds the target Python runtime, as named in runfiles.
constexpr const char* kRuntimeRepositories[] = {"kiln_python_linux_x86_64"};

}  // namespace

std::vector<std::string> RunfilesRoots(const char* argv0) {
  std::vector<std::string> roots;
  if (const char* root = getenv("RUNFILES_DIR"); root != nullptr && *root != '\0') {
    roots.push_back(root);
  }
  roots.push_back(ExecutablePath(argv0) + ".runfiles");
  if (argv0 != nullptr) roots.push_back(std::string(argv0) + ".runfiles");
  return roots;
}

bool FindLayout(const char* argv0, Layout* layout, std::string* error) {
  if (const char* zip = getenv("KILN_STDLIB_ZIP"); zip != nullptr && *zip != '\0') {
    if (TryZip(zip, layout)) return true;
    *error = std::string("KILN_STDLIB_ZIP names a missing file: ") + zip;
    return false;
  }
  std::string executable = ExecutablePath(argv0);
  if (TryZip(Directory(executable) + "/stdlib.zip", layout)) return true;

  for (const std::string& root : RunfilesRoots(argv0)) {
    for (const char* repository : kRuntimeRepositories) {
      if (TryZip(root + "/" + repository + "/stdlib.zip", layout)) return true;
    }
  }
  *error = "cannot find the bundled Python standard library (stdlib.zip) for " + executable;
  return false;
}

bool StartInterpreter(const Layout& layout, int argc, char** argv, std::string* error) {
  // Locale and UTF-8 mode as python3.11 chooses them (the C/POSIX locale is coerced and
  // enables UTF-8 mode, so stdout is UTF-8), without reading PYTHON* variables.
  PyPreConfig preconfig;
  PyPreConfig_InitPythonConfig(&preconfig);
  preconfig.isolated = 1;
  preconfig.use_environment = 0;
  PyStatus prestatus = Py_PreInitialize(&preconfig);
  if (PyStatus_Exception(prestatus)) {
    *error = std::string("cannot start Python: ") +
             (prestatus.err_msg ? prestatus.err_msg : "unknown");
    return false;
  }
  PyConfig config;
  PyConfig_InitIsolatedConfig(&config);
  config.site_import = 0;
  config.install_signal_handlers = 1;
  config.parse_argv = 0;
  config.module_search_paths_set = 1;
  PyStatus status = PyConfig_SetBytesArgv(&config, argc, argv);
  // sys.executable: the packed file the user ran (the launcher passes its path and we
  // remove the variable so children do not inherit it), else this executable.
  std::string executable = ExecutablePath(argc > 0 ? argv[0] : nullptr);
  if (const char* launcher = getenv(kLauncherVariable); launcher != nullptr) {
    if (*launcher != '\0') executable = launcher;
    unsetenv(kLauncherVariable);
  }
  if (!PyStatus_Exception(status)) {
    status = PyConfig_SetBytesString(&config, &config.executable, executable.c_str());
  }
  if (!PyStatus_Exception(status)) {
    std::vector<const std::string*> paths = {&layout.stdlib_zip, &layout.lib_dynload};
    for (const std::string* path : paths) {
      wchar_t* wide = Py_DecodeLocale(path->c_str(), nullptr);
      if (wide == nullptr) {
        *error = "cannot decode path " + *path;
        PyConfig_Clear(&config);
        return false;
      }
      status = PyWideStringList_Append(&config.module_search_paths, wide);
      PyMem_RawFree(wide);
      if (PyStatus_Exception(status)) break;
    }
  }
  if (!PyStatus_Exception(status)) status = Py_InitializeFromConfig(&config);
  PyConfig_Clear(&config);
  if (PyStatus_Exception(status)) {
    *error = std::string("cannot start Python: ") + (status.err_msg ? status.err_msg : "unknown");
    return false;
  }
  // python3.11's site module puts exit() and quit() in builtins; there is no site here,
  // so they come from _sitebuiltins when the program bundles it (kilnc lists it among
  // the imports of a module that names exit or quit).
  if (PyObject* site_builtins = PyImport_ImportModule("_sitebuiltins")) {
    PyObject* quitter = PyObject_GetAttrString(site_builtins, "Quitter");
    PyObject* builtins = PyEval_GetBuiltins();  // borrowed
    static const char* const kNames[] = {"exit", "quit"};
    for (const char* name : kNames) {
      PyObject* function =
          quitter ? PyObject_CallFunction(quitter, "ss", name, "Ctrl-D (i.e. EOF)") : nullptr;
      if (function == nullptr || PyDict_SetItemString(builtins, name, function) < 0) {
        PyErr_Clear();
      }
      Py_XDECREF(function);
    }
    Py_XDECREF(quitter);
    Py_DECREF(site_builtins);
  }
  PyErr_Clear();
  return true;
}

int StopInterpreter(bool python_error_pending, void (*print_exception)()) {
  int exit_status = 0;
  bool interrupted = false;
  if (python_error_pending) {
    interrupted = PyErr_ExceptionMatches(PyExc_KeyboardInterrupt);
    // PyErr_Print ends the process itself for SystemExit, with python3.11's status.
    (print_exception ? print_exception : PyErr_Print)();
    exit_status = 1;
  }
  if (Py_FinalizeEx() < 0 && exit_status == 0) exit_status = 120;  // as python3.11 does
  if (interrupted) {
    // Like python3.11: die of SIGINT so that the parent sees the interrupt.
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
  }
  return exit_status;
}

}  // namespace kiln::runtime
