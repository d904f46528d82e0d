// Starting and stopping the embedded CPython of a Kiln program.
//
// A Kiln program carries its own standard library: a zip of .pyc files and the
// lib-dynload extension modules, found through the program's layout (beside the
// executable once unpacked by the launcher, or in Bazel runfiles during development).
// The interpreter runs isolated (no PYTHON* environment variables, no user site, no
// /usr/lib/python3.11), so a program behaves the same on every machine.
//
//   kiln::runtime::Layout layout;
//   if (!kiln::runtime::FindLayout(argv[0], &layout, &error)) { report; return 1; }
//   if (!kiln::runtime::StartInterpreter(layout, argc, argv, &error)) { ... }
//   int status = ...run the program...;
//   return kiln::runtime::StopInterpreter(status);
#ifndef KILN_RUNTIME_MAIN_INTERPRETER_H_
#define KILN_RUNTIME_MAIN_INTERPRETER_H_

#include <string>
#include <vector>

namespace kiln::runtime {

struct Layout {
  std::string stdlib_zip;   // absolute path of the stdlib .pyc zip
  std::string lib_dynload;  // absolute path of the folder of extension modules
};

// Finds the program's stdlib. In order: $KILN_STDLIB_ZIP (lib-dynload beside it), the
// folder of the executable (an unpacked program: stdlib.zip and lib-dynload/), then the
// Bazel runfiles of the executable. Returns false and sets *error when none exists.
bool FindLayout(const char* argv0, Layout* layout, std::string* error);

// Where Bazel runfiles of this executable may be: $RUNFILES_DIR, <exe>.runfiles and
// <argv0>.runfiles, in that order (during development and tests).
std::vector<std::string> RunfilesRoots(const char* argv0);

// Initializes CPython isolated on `layout`, with sys.argv = argv: sys.argv[0] is argv[0],
// what the user typed to run the program (the packed file's path, as typed). sys.executable
// is the packed file the user ran, as an absolute path: the launcher passes it in
// $KILN_LAUNCHER, which is removed from the environment here (children do not see it);
// without a launcher (a standalone folder, runfiles) it is this executable's own path.
// Returns false and sets *error on failure.
bool StartInterpreter(const Layout& layout, int argc, char** argv, std::string* error);

// Handles a pending Python exception the way python3.11 does at the end of a program
// (SystemExit gives the exit status, anything else prints a traceback and gives 1),
// flushes stdout/stderr, finalizes the interpreter and returns the exit status.
// `print_exception` prints the pending exception (PyErr_Print or one like it).
int StopInterpreter(bool python_error_pending, void (*print_exception)() = nullptr);

}  // namespace kiln::runtime

#endif  // KILN_RUNTIME_MAIN_INTERPRETER_H_
