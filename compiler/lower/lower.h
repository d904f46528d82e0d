// Lowering: the AST of one function scope, with its scopes, to Kiln IR.
//
// One file per construct group (names, expressions, calls, displays, statements,
// functions and comprehensions), all appending through one Builder. Compound constructs
// are desugared into the small core of ops.def here: a `for` loop is GetIter plus an
// IterNext loop, augmented assignment a load, an in-place operator and a store, a
// comprehension a function made and called with the iterator.
//
// A construct the lowering does not handle gives an Unimplemented status naming it,
// and the node where it is (the compiler reports it as an error there; today only
// constructs that sema reports as SyntaxErrors first get there).
//
//   absl::StatusOr<ir::Function> kir = lower::LowerFunction(scope, scopes, "C.method");
#ifndef KILN_COMPILER_LOWER_LOWER_H_
#define KILN_COMPILER_LOWER_LOWER_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "compiler/ir/ir.h"
#include "compiler/sema/scopes.h"

namespace kiln::lower {

// `def` and `async def` nodes have the same fields: both read as ast::FunctionDef
// (nullptr for other nodes).
inline const ast::FunctionDef* AsDef(const ast::Node* node) {
  if (node->As<ast::AsyncFunctionDef>()) return reinterpret_cast<const ast::FunctionDef*>(node);
  return node->As<ast::FunctionDef>();
}

// The parameters of a def, async def or lambda node (nullptr for other nodes).
const ast::Arguments* ArgumentsOf(const ast::Node* node);

// A function's annotations in the order CPython evaluates them: parameters
// (positional-only, positional, *args, keyword-only, **kwargs), then 'return'; names
// mangled with `private_name` (the enclosing class).
std::vector<std::pair<std::string, const ast::Node*>> AnnotationItems(const ast::Arguments* arguments,
                                                                      const ast::Node* returns,
                                                                      const std::string& private_name);

// Whether a module or class body annotates a simple name anywhere in its statements
// (outside nested functions and classes): then it sets up __annotations__ first.
bool HasAnnotation(const ast::NodeList& body);

// Where CPython raises AssertionError for `assert test`: the location its jump code set
// last, the last comparison (in code order) among the test's and/or/not/if-else parts;
// `*site` is left as it is when there is none.
void LastJumpComparison(const ast::Node* test, const ast::Node** site);

// Why PatternNames stopped: where, what (without "internal error: "), and whether it is
// a pattern kind not known here (the others the parser rejects before).
struct PatternProblem {
  const ast::Node* at = nullptr;
  std::string message;
  bool unknown = false;
};
// The names a match pattern binds (raw, unmangled), in the order they are bound (an
// or-pattern's in its first alternative's order); false with `*problem` set for a name
// bound twice, alternatives binding different names, two starred sub-patterns, or an
// unknown pattern kind.
bool PatternNames(const ast::Node* pattern, std::vector<std::string>* names, PatternProblem* problem);

// The module a function is in (relative imports resolve against it).
struct ModuleFacts {
  std::string name;
  bool is_package = false;
};

// `scope` is the scope of a module, class body, function (def, async def, lambda) or
// comprehension; `qualname` its __qualname__ ("" for a module). On an Unimplemented
// status, `*unsupported_at` (if given) is the node of the construct.
absl::StatusOr<ir::Function> LowerFunction(const sema::Scope* scope, const sema::ScopeTree& scopes,
                                           const std::string& qualname, const ModuleFacts& module = {},
                                           const ast::Node** unsupported_at = nullptr);

}  // namespace kiln::lower

#endif  // KILN_COMPILER_LOWER_LOWER_H_
