// The runtime functions behind Python's operators, shared by the code generators.
#ifndef KILN_COMPILER_CODEGEN_OPERATORS_H_
#define KILN_COMPILER_CODEGEN_OPERATORS_H_

#include "compiler/ast/ast.h"

namespace kiln::codegen {

// The function computing `a <op> b` (or `a <op>= b` when `in_place`), a new reference.
const char* BinaryFunction(ast::OperatorKind op, bool in_place);
// Py_EQ ... Py_GE for the rich comparisons (nullptr for is, is not, in, not in).
const char* RichCompareCode(ast::CmpOpKind op);

}  // namespace kiln::codegen

#endif  // KILN_COMPILER_CODEGEN_OPERATORS_H_
