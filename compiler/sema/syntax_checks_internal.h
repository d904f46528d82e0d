// The internals of CheckSyntax (syntax_checks.h), shared by its source files: the
// Checker class, which walks a module in the order CPython's compiler compiles it and keeps
// the state compile.c keeps (code units, their stacks of blocks, the current location),
// the types of that state, and the model of CPython's AST optimizer that two checks need.
// Not an API: the driver and tests use syntax_checks.h.
//
// Checker's member functions are defined by area:
//   syntax_checks.cc              CheckSyntax; the core (errors, locations, code units,
//                                 blocks, __debug__) and the statements
//   syntax_checks_expressions.cc  expressions, calls, comprehensions, IsCoroutine
//   syntax_checks_patterns.cc     match statements and patterns
// and syntax_checks_folding.cc defines the folding below (FoldKey and Fold). The member
// templates are only instantiated in the file that defines them.
#ifndef KILN_COMPILER_SEMA_SYNTAX_CHECKS_INTERNAL_H_
#define KILN_COMPILER_SEMA_SYNTAX_CHECKS_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "compiler/ast/ast.h"
#include "compiler/sema/scopes.h"

namespace kiln::sema::syntax_checks_internal {

using ast::Kind;
using ast::Node;
using ast::NodeList;

// CO_MAXBLOCKS: how deep the compiler's block stack of one code unit may grow.
constexpr size_t kMaxBlocks = 20;

// The kinds of code unit CPython compiles (its COMPILER_SCOPE_*).
enum class UnitKind { kModule, kClass, kFunction, kAsyncFunction, kLambda, kComprehension };

// The compiler's frame blocks (fblock_type in compile.c).
enum class BlockKind {
  kWhileLoop,
  kForLoop,
  kTryExcept,
  kFinallyTry,
  kFinallyEnd,
  kWith,
  kAsyncWith,
  kHandlerCleanup,
  kPopValue,
  kExceptionHandler,
  kExceptionGroupHandler,
  kAsyncComprehensionGenerator,
};

struct Block {
  BlockKind kind;
  const Node* statement = nullptr;       // kWith, kAsyncWith: the with statement
  const NodeList* finalbody = nullptr;   // kFinallyTry: the finally body
};

// The compiler's current location: what compiler_error reports. -1 after UNSET_LOC.
struct Location {
  int line = 0;
  int col = 0;
};

struct Unit {
  UnitKind kind;
  const Node* node;      // the module, def, class, lambda or comprehension
  const Scope* scope;    // its symbol table (null if the tree has none for it)
  std::vector<Block> blocks;
  size_t max_blocks = 0;  // the deepest the block stack has been (see TryFinally)
  Location location;
};

// What the parser produces for a mapping pattern key, folded as CPython's AST optimizer
// folds it (`-1`, `1+2j`), for the duplicate-key check and its message.
struct KeyValue {
  enum class Type { kNone, kBool, kInt, kFloat, kComplex, kStr, kBytes };
  Type type = Type::kNone;
  bool negative = false;  // kInt, kBool
  std::string digits;     // kInt, kBool: magnitude in decimal, no leading zeros
  double real = 0;        // kFloat, kComplex
  double imag = 0;        // kComplex
  std::string_view text;  // kStr: UTF-8; kBytes: the bytes
};

// Mapping pattern keys (syntax_checks_folding.cc).
bool KeysEqual(const KeyValue& a, const KeyValue& b);
std::string KeyRepr(const KeyValue& value);
std::optional<KeyValue> FoldKey(const Node* node);

// Whether CPython's AST optimizer folds `node` into a Constant (it decides where
// compiler_return puts the location). Exact for literals, `__debug__`, tuples of constants,
// unary operators and the usual binary operators on numbers, strings and tuples and
// subscripts of constants; the optimizer's size limits (results over 128 bits or 4096
// items are left unfolded) and out-of-range subscripts are not modelled.
struct Folded {
  enum class Type { kNone, kBool, kInt, kFloat, kComplex, kStr, kBytes, kTuple, kEllipsis };
  Type type;
  bool zero = false;      // a numeric zero (a divisor that makes the operation raise)
  bool negative = false;  // known to be below zero (a shift or a power of 0 that raises)
};

std::optional<Folded> Fold(const Node* node);  // syntax_checks_folding.cc

enum class ComprehensionType { kGenerator, kList, kSet, kDict };

class Checker {
 public:
  explicit Checker(const ScopeTree& scopes) : scopes_(scopes) {}

  std::optional<ScopeError> Run(const ast::Module* module);

 private:
  // The names a pattern binds so far (compile.c's pattern_context).
  struct PatternContext {
    std::vector<std::string_view> stores;
    bool allow_irrefutable = false;
  };

  // The core (syntax_checks.cc).
  Unit& unit() { return units_.back(); }
  bool failed() const { return error_.has_value(); }
  void Error(std::string message);
  void SetLocation(const Node* node) { unit().location = {node->lineno, node->col_offset}; }
  void UnsetLocation() { unit().location = {-1, -1}; }
  void EnterUnit(UnitKind kind, const Node* node);
  void ExitUnit() { units_.pop_back(); }
  bool InFunctionBlock();
  bool PushBlock(Block block);
  void PopBlock() { unit().blocks.pop_back(); }
  bool Forbidden(std::string_view name, ast::ExprContext context);

  // Statements (syntax_checks.cc).
  void Statements(const NodeList& body);
  void Statement(const Node* node);
  bool DebugParameter(const ast::Arguments* arguments);
  void Defaults(const ast::Arguments* arguments);
  void Annotations(const ast::Arguments* arguments, const Node* returns);
  template <typename FunctionNode>
  void FunctionDef(const FunctionNode* node, UnitKind kind);
  void ClassDef(const ast::ClassDef* node);
  void Return(const ast::Return* node);
  void BreakOrContinue(bool is_break);
  bool UnwindBlocks(bool preserve, bool* found_loop);
  bool UnwindBlock(const Block& block, bool preserve);
  void AugAssign(const ast::AugAssign* node);
  void AnnAssign(const ast::AnnAssign* node);
  void AnnotatedSubscript(const Node* node);
  void For(const ast::For* node);
  void AsyncFor(const ast::AsyncFor* node);
  void While(const ast::While* node);
  template <typename WithNode>
  void With(const WithNode* node, uint32_t index, bool is_async);
  template <typename TryNode>
  void TryExcept(const TryNode* node);
  template <typename TryNode>
  void TryStarExcept(const TryNode* node);
  void HandlerBody(const ast::ExceptHandler* handler);
  template <typename TryNode>
  void TryFinally(const TryNode* node, bool star);

  // Expressions (syntax_checks_expressions.cc).
  void Expressions(const NodeList& expressions);
  void Expression(const Node* node);
  void ExpressionBody(const Node* node);
  void Elements(const NodeList& elements);
  void Sequence(const NodeList& elements, ast::ExprContext context);
  bool RepeatedKeyword(const NodeList& keywords);
  void CallArguments(const NodeList& arguments, const NodeList& keywords);
  template <typename ComprehensionNode>
  void Comprehension(const ComprehensionNode* node, ComprehensionType type, const Node* element,
                     const Node* value);
  void ComprehensionGenerator(const NodeList& generators, uint32_t index, const Node* element,
                              const Node* value);
  bool IsCoroutine();
  void FindAwait(const Node* node, bool* found);

  // match statements (syntax_checks_patterns.cc).
  void Match(const ast::Match* node);
  void StoreCapture(std::string_view name, PatternContext* context);
  void Subpattern(const Node* pattern, PatternContext* context);
  void Pattern(const Node* pattern, PatternContext* context);
  void SequencePattern(const NodeList& patterns, PatternContext* context);
  void MappingPattern(const ast::MatchMapping* pattern, PatternContext* context);
  void ClassPattern(const ast::MatchClass* pattern, PatternContext* context);
  void OrPattern(const NodeList& alternatives, PatternContext* context);

  const ScopeTree& scopes_;
  std::vector<Unit> units_;
  std::optional<ScopeError> error_;
  absl::flat_hash_map<const Node*, bool> awaits_;  // IsCoroutine's answers, by def
};

}  // namespace kiln::sema::syntax_checks_internal

#endif  // KILN_COMPILER_SEMA_SYNTAX_CHECKS_INTERNAL_H_
