// What the code generator of one function needs from the module it is part of: the
// constant pool, per-site caches, and the C functions of the functions, lambdas and
// comprehensions it makes (each compiled once, when first asked for).
#ifndef KILN_COMPILER_CODEGEN_MODULE_CONTEXT_H_
#define KILN_COMPILER_CODEGEN_MODULE_CONTEXT_H_

#include <string>

#include "compiler/codegen/constants.h"
#include "compiler/sema/scopes.h"

namespace kiln::codegen {

class ModuleContext {
 public:
  virtual ~ModuleContext() = default;
  virtual ConstantPool& constants() = 0;
  // A new cache for one global-name or attribute site: the expression of its address.
  virtual std::string NewGlobalCache() = 0;
  virtual std::string NewAttributeCache() = 0;
  // Compiles the function of `scope` (named `qualname`); returns its C name.
  virtual std::string AddFunction(const sema::Scope* scope, const std::string& qualname) = 0;
  // The C name of a scope's function (AddFunction made it).
  virtual const std::string& CNameOf(const sema::Scope* scope) = 0;
  // The FunctionSpec of the C function `c_name`.
  virtual std::string SpecName(const std::string& c_name) = 0;
  // Records that the module's code imports `name` (it must be bundled).
  virtual void NoteImport(const std::string& name) = 0;
};

}  // namespace kiln::codegen

#endif  // KILN_COMPILER_CODEGEN_MODULE_CONTEXT_H_
