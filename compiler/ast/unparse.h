// Annotations under `from __future__ import annotations` (PEP 563) are strings: the text
// CPython's compiler writes back from the expression's tree (not the source as typed:
// `Dict[str,int]` becomes 'Dict[str, int]', `0x10` becomes '16').
//
// The text is known at compile time but for the repr() of constants, which the runtime
// computes (kiln::AnnotationText in runtime/ops): the template marks each place.
#ifndef KILN_COMPILER_AST_UNPARSE_H_
#define KILN_COMPILER_AST_UNPARSE_H_

#include <string>
#include <vector>

#include "compiler/ast/ast.h"

namespace kiln::ast {

// Template marks (never in the text itself: that is ASCII punctuation and identifiers).
inline constexpr char kReprMark = '\x01';       // repr() of the next constant
inline constexpr char kFStringTextMark = '\x02';  // the next constant, { and } doubled
inline constexpr char kQuoteOpen = '\x03';      // an f-string body starts...
inline constexpr char kQuoteClose = '\x04';     // ...and ends: its repr() replaces it

struct AnnotationTemplate {
  std::string text;
  std::vector<const ast::Constant*> constants;  // in the order of their marks
};

AnnotationTemplate UnparseAnnotation(const ast::Node* expression);

}  // namespace kiln::ast

#endif  // KILN_COMPILER_AST_UNPARSE_H_
