// Prints an AST exactly as CPython 3.11's
//   ast.dump(tree, include_attributes=True)
// prints it (one line), plus the Python repr() helpers it needs for constant
// values (str, bytes, int, float, complex).
//
//   std::string text = kiln::ast::DumpAst(module);
#ifndef KILN_COMPILER_AST_DUMP_H_
#define KILN_COMPILER_AST_DUMP_H_

#include <string>
#include <string_view>

#include "compiler/ast/ast.h"

namespace kiln::ast {

std::string DumpAst(const Node* node);

// repr() of a Python str given as UTF-8 (3-byte encoded surrogates allowed).
std::string PythonStrRepr(std::string_view utf8);
// repr() of a Python bytes object.
std::string PythonBytesRepr(std::string_view bytes);
// repr() of a Python float.
std::string PythonFloatRepr(double value);
// repr() of complex(0.0, imaginary).
std::string PythonImaginaryRepr(double imaginary);
// repr() of any constant.
std::string PythonConstantRepr(const ConstantValue& value);

}  // namespace kiln::ast

#endif  // KILN_COMPILER_AST_DUMP_H_
