// Code generation: one parsed and analysed Python module -> one C++ file.
//
// The output is deterministic: it depends only on the module's AST, its scopes, the
// module name, the file name given for tracebacks and kilnc's version. The module body,
// each class body, function, lambda and comprehension is lowered to Kiln IR
// (compiler/lower), run through the passes (compiler/opt) and written as one C++
// function: Python locals in its frame's slots, temporaries in C variables, errors as
// jumps to labels that release references and add a traceback entry with the .py line
// (DESIGN.md decisions 2-4).
//
// A construct the compiler does not handle is reported as an error naming it, never
// compiled into wrong code.
//
//   kiln::codegen::ModuleInfo info{"pkg.mod", "pkg/mod.py", /*is_package=*/false};
//   absl::StatusOr<std::string> cc = kiln::codegen::GenerateModule(module, scopes, info);
#ifndef KILN_COMPILER_CODEGEN_CODEGEN_H_
#define KILN_COMPILER_CODEGEN_CODEGEN_H_

#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/sema/scopes.h"

namespace kiln::codegen {

struct ModuleInfo {
  std::string name;      // dotted module name
  std::string filename;  // as tracebacks show it (workspace-relative path)
  bool is_package = false;
  // The source file's bytes, compiled into the program for tracebacks, linecache and
  // inspect.getsource (the importer's get_source); unset: not embedded.
  std::optional<std::string> embedded_source;
  // Verify the IR before the first pass and after each (Kiln's own builds and tests).
  bool verify_kir = false;
};

struct CodegenError {
  std::string message;
  int line = 0;
  int col = 0;  // 0-based UTF-8 byte offset
};

struct CodegenResult {
  std::string cc;                        // the C++ file, when no error
  // Absolute names of the modules the module imports by import statements (each
  // package on the way included), sorted: what a packed program must bundle.
  std::vector<std::string> imports;
  std::optional<CodegenError> error;
};

// The C symbol of a module's kiln::ModuleDef ("kiln_module_" + escaped name).
std::string ModuleSymbol(const std::string& module_name);

CodegenResult GenerateModule(const ast::Node* module, const sema::ScopeTree& scopes,
                             const ModuleInfo& info);

}  // namespace kiln::codegen

#endif  // KILN_COMPILER_CODEGEN_CODEGEN_H_
