// The compile-time SyntaxErrors that CPython 3.11 reports from its code generator
// (Python/compile.c) rather than from the parser or symtable: 'return' outside function,
// 'break' outside loop, 'await' outside async function, 'yield from' inside async function,
// starred assignment targets, 'break'/'continue'/'return' in an except* block, the match
// statement's pattern errors, repeated keyword arguments, assignments to __debug__, ...
//
// CheckSyntax runs after AnalyzeScopes has accepted the module (CPython reports symtable's
// errors first). It walks the module in the order CPython's compiler compiles it (a
// function's decorators, defaults and annotations, then its body; a class's body, then its
// bases; a comprehension's body, then its outermost iterable; the finally body again at
// every return, break or continue that leaves it...) and keeps the state the compiler
// keeps: the kind of each code unit, its stack of blocks (loops, try, with, except*
// handlers, at most 20 deep) and the current source location, which is what most of these
// errors report. So of several errors the one returned is the first CPython would report,
// at the line and column CPython gives (a column of -1 and a line of -1 where CPython has
// no location, after leaving a `with` or `finally` block).
//
//   kiln::sema::ScopeTree tree;
//   std::optional<kiln::sema::ScopeError> error = kiln::sema::AnalyzeScopes(module, &tree);
//   if (!error) error = kiln::sema::CheckSyntax(module, tree);
//   // error->message, error->line, error->col (0-based byte offset, as the AST's)
#ifndef KILN_COMPILER_SEMA_SYNTAX_CHECKS_H_
#define KILN_COMPILER_SEMA_SYNTAX_CHECKS_H_

#include <optional>

#include "compiler/ast/ast.h"
#include "compiler/sema/scopes.h"

namespace kiln::sema {

// The first compile-time SyntaxError CPython's compiler reports for `module`, whose
// scopes `scopes` holds (from a successful AnalyzeScopes), or nullopt.
std::optional<ScopeError> CheckSyntax(const ast::Module* module, const ScopeTree& scopes);

}  // namespace kiln::sema

#endif  // KILN_COMPILER_SEMA_SYNTAX_CHECKS_H_
