// Scope analysis: which names each function, class, lambda, comprehension and module
// binds, and how every name is resolved (local, global, free, cell), following the
// rules of CPython 3.11's symtable.
//
// Pass 1 records, per scope, the ways each name is used (assigned, parameter, global,
// nonlocal, imported, annotated, read). Pass 2 resolves each name to a NameScope the
// way CPython does: explicit global/nonlocal first, then local bindings, then names
// bound in enclosing function scopes (free here; cell there), else implicit global.
// Private names (`__x` in a class) are mangled here; later phases use the mangled name.
//
//   kiln::sema::ScopeTree tree;
//   std::optional<kiln::sema::ScopeError> error = kiln::sema::AnalyzeScopes(module, &tree);
//   const kiln::sema::Scope* scope = tree.ScopeOf(function_def_node);
#ifndef KILN_COMPILER_SEMA_SCOPES_H_
#define KILN_COMPILER_SEMA_SCOPES_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "compiler/ast/ast.h"

namespace kiln::sema {

// How a name was used in one scope (bit flags, as CPython's DEF_* flags).
enum SymbolFlag : int {
  kDefGlobal = 1 << 0,     // `global x`
  kDefLocal = 1 << 1,      // assigned, deleted, bound by def/class/for/with/except/import
  kDefParam = 1 << 2,      // a parameter
  kDefNonlocal = 1 << 3,   // `nonlocal x`
  kUse = 1 << 4,           // read
  kDefFreeClass = 1 << 5,  // free in a method, passing through this class scope
  kDefImport = 1 << 6,     // bound by an import
  kDefAnnotated = 1 << 7,  // annotated (`x: int`)
  kDefCompIter = 1 << 8,   // a comprehension iteration variable
};

enum class NameScope { kLocal, kGlobalExplicit, kGlobalImplicit, kFree, kCell };

// kAnnotation: under `from __future__ import annotations` CPython 3.11 visits annotations
// in a block of their own that is no child of any scope (only its errors matter); such
// scopes are in ScopeTree::all() only, never in module()'s tree or in ScopeOf().
enum class ScopeKind { kModule, kFunction, kClass, kAnnotation };

const char* NameScopeName(NameScope scope);

struct Symbol {
  std::string name;  // mangled
  int flags = 0;
  NameScope scope = NameScope::kGlobalImplicit;
};

struct Scope {
  ScopeKind kind = ScopeKind::kModule;
  std::string name;  // as symtable: "top", the function or class name, "lambda", "listcomp", ...
  const ast::Node* node = nullptr;
  Scope* parent = nullptr;
  int line = 0;        // co_firstlineno: the first decorator's line, if any
  int table_line = 0;  // the line symtable reports (get_lineno()): the def/class line
  std::vector<Scope*> children;

  // Symbols in the order first seen.
  std::vector<Symbol> symbols;
  absl::flat_hash_map<std::string, size_t> symbol_index;

  // Parameter names in code-object order: positional, keyword-only, *args, **kwargs.
  std::vector<std::string> parameters;
  bool is_lambda = false;
  bool is_comprehension = false;
  bool is_generator = false;
  bool is_coroutine = false;
  bool is_nested = false;          // a function inside a function
  bool has_varargs = false;
  bool has_varkeywords = false;
  bool returns_value = false;
  bool needs_class_closure = false;  // class: its methods use __class__ or super
  bool comprehension_iter_target = false;
  std::string private_name;        // enclosing class name, for mangling
  // `global`/`nonlocal` statements and comprehension `:=` targets, by mangled name, for
  // the position of errors found when names are resolved.
  std::vector<std::pair<std::string, const ast::Node*>> directives;

  const Symbol* Find(const std::string& name) const;
  // The resolved scope of `name` (kGlobalImplicit when never seen here).
  NameScope Resolve(const std::string& name) const;
  // Sorted names with the given scope (co_cellvars / co_freevars order).
  std::vector<std::string> NamesWithScope(NameScope scope) const;
};

struct ScopeError {
  std::string message;
  int line = 0;
  int col = 0;  // 0-based UTF-8 byte offset, like the AST
  std::string type = "SyntaxError";
};

class ScopeTree {
 public:
  Scope* module() const { return module_; }
  Scope* ScopeOf(const ast::Node* node) const;
  const std::vector<std::unique_ptr<Scope>>& all() const { return scopes_; }
  // `from __future__ import annotations` is in effect (annotations are not evaluated).
  bool future_annotations() const { return future_annotations_; }
  // The line of the last `from __future__` import at the top of the module (-1: none),
  // CPython's ff_lineno: a `from __future__` import on a later line is an error.
  int future_line() const { return future_line_; }

 private:
  friend class ScopeBuilder;
  std::vector<std::unique_ptr<Scope>> scopes_;
  absl::flat_hash_map<const ast::Node*, Scope*> by_node_;
  Scope* module_ = nullptr;
  bool future_annotations_ = false;
  int future_line_ = -1;
};

// `__x` inside class `_C` becomes `_C__x` (not for dunder names or names with a dot).
std::string MangleName(const std::string& private_name, std::string_view name);

// A function scope's co_varnames (parameters, then the other locals), co_cellvars and
// co_freevars: the order of its frame's locals (a parameter that is a cell is in both
// `variables` and `cells`, at its parameter's place). A class scope has its __class__
// cell (when its methods need it) and its free variables.
struct LocalsPlus {
  std::vector<std::string> variables, cells, free;
};
LocalsPlus LocalsPlusOf(const Scope* scope);

// The absolute name of `from <level dots><module> import ...` in module `current`
// (`is_package`: current is a package's __init__).
std::string ResolveRelativeImport(const std::string& current, bool is_package, const std::string& module,
                                  int level);

// Analyzes `module` (an ast::Module). Returns the first error CPython's symtable would
// report (its future-import checks included), else nullopt. The errors of CPython's code
// generator ('return' outside function, ...) are CheckSyntax's (syntax_checks.h), which
// runs after this when it succeeds.
std::optional<ScopeError> AnalyzeScopes(const ast::Node* module, ScopeTree* tree);

// The scopes in the text form tests/frontend/reference_scopes.py prints from CPython's
// symtable module: one block per scope, depth first, each symbol with its resolved scope
// and symtable's is_* properties (`kilnc dump-scopes`).
std::string DumpScopes(const ScopeTree& tree);

}  // namespace kiln::sema

#endif  // KILN_COMPILER_SEMA_SCOPES_H_
