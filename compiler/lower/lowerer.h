// The lowering of one function (internal to compiler/lower): its methods are defined
// in the file of their construct group.
#ifndef KILN_COMPILER_LOWER_LOWERER_H_
#define KILN_COMPILER_LOWER_LOWERER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "compiler/ast/ast.h"
#include "compiler/ir/ir.h"
#include "compiler/lower/builder.h"
#include "compiler/lower/control.h"
#include "compiler/lower/lower.h"
#include "compiler/sema/scopes.h"

namespace kiln::lower {

using ast::Node;
using ir::BlockId;
using ir::Op;
using ir::ValueId;

class FunctionLowerer {
 public:
  // --- exceptions.cc (also used by HandlerContext) ---
  void UnbindHandlerName(const std::string& name, const Node* node);
  // Calls the exit method of a with block left normally (async with: awaits it).
  void ExitContext(ValueId exit, const Node* node, bool is_async);
  void Statements(const ast::NodeList& body);

  FunctionLowerer(const sema::Scope* scope, const sema::ScopeTree& scopes, std::string qualname,
                  const ModuleFacts& module, ir::Function* function);
  absl::Status Run();  // function.cc
  const Node* unsupported_at() const { return unsupported_at_; }

 private:
  // --- function.cc: the frame, unsupported constructs ---
  absl::Status RunClassBody();
  void Unsupported(const Node* node, const std::string& what);
  bool failed() const { return !status_.ok(); }
  std::string Qualname(const std::string& name) const;

  // The body of a module or class: the docstring as __doc__, __annotations__ set up
  // where a simple name is annotated, then the statements.
  void NamespaceBody(const ast::NodeList& body);

  // --- names.cc ---
  std::string Mangle(std::string_view name) const;
  // How a name of this code is bound (a module's are all global).
  sema::NameScope ResolveName(const std::string& name) const;
  // Whether a class body keeps `name` in its namespace.
  bool InNamespace(const std::string& name) const;
  int SlotOf(const std::string& name) const;
  // The slot of the cell a load or store of `name` uses (see class_free_slots_).
  int CellSlotOf(const std::string& name) const;
  ValueId LoadName(std::string_view raw, const Node* node);
  void StoreName(std::string_view raw, ValueId value, const Node* node);
  void DeleteName(std::string_view raw, const Node* node);

  // --- expressions.cc ---
  ValueId Expr(const Node* node);
  // Branches to `if_true` or `if_false` on the truth of `test` (without making a bool
  // object for and/or/not and single comparisons).
  void Condition(const Node* test, BlockId if_true, BlockId if_false);
  ValueId Compare(const ast::Compare* node);
  ValueId CompareOne(ast::CmpOpKind op, ValueId left, ValueId right, const Node* node);
  ValueId BoolOp(const ast::BoolOp* node);
  ValueId UnaryOp(const ast::UnaryOp* node);
  ValueId IfExp(const ast::IfExp* node);
  ValueId Suspend(Op op, ValueId value, const Node* node);
  ValueId Await(ValueId awaitable, const Node* node);
  // Unsupported (false) outside a coroutine: `what` needs one.
  bool InCoroutine(const Node* node, const char* what);

  // --- calls.cc ---
  ValueId Call(const ast::Call* node);
  ValueId CallWithLists(const ast::Call* node);

  // --- displays.cc ---
  ValueId Sequence(const ast::NodeList& elements, ast::Kind kind, const Node* node);
  ValueId Dict(const ast::Dict* node);
  ValueId Subscript(const ast::Subscript* node);
  ValueId Slice(const ast::Slice* node);
  ValueId JoinedStr(const ast::JoinedStr* node);
  ValueId FormattedValue(const ast::FormattedValue* node);

  // --- functions.cc: functions made here (lambdas, comprehensions) ---
  ValueId MakeFunction(const Node* node, const sema::Scope* child, const std::string& qualname);
  ValueId Comprehension(const Node* node);
  // The body of a comprehension's own function: its loops, conditions and element.
  void ComprehensionBody(const Node* node);
  void ComprehensionLoop(const Node* node, const ast::NodeList& generators, uint32_t index,
                         ValueId result, BlockId done);
  void FunctionDef(const Node* node);
  void ClassDef(const ast::ClassDef* node);
  // Applies `decorators` (evaluated before the function or class was made) to `value`,
  // innermost first.
  ValueId Decorate(const ir::ValueList& decorators, const ast::NodeList& nodes, ValueId value);
  ValueId ZeroArgSuper(const ast::Call* node);

  // --- statements.cc ---
  void Statement(const Node* node);
  void Assign(const Node* target, ValueId value);
  void AugAssign(const ast::AugAssign* node);
  void AnnAssign(const ast::AnnAssign* node);
  // The assignment of an annotated assignment (or, without a value, the evaluation of
  // its target's parts).
  void AnnotatedTarget(const ast::AnnAssign* node);
  // An annotation's value: evaluated, or under `from __future__ import annotations`
  // its text; `statement` is where it is.
  ValueId Annotation(const Node* annotation, const Node* statement);
  void If(const ast::If* node);
  void While(const ast::While* node);
  void For(const ast::For* node, bool is_async);
  void LoopJump(const Node* node);
  // The top of a loop over `iterator`: a new block `*top` (jumped to) taking the next
  // item, `exhausted` when there is none; continues in the item's block, returns the item.
  // `is_async`: the item is awaited from __anext__(), StopAsyncIteration exhausts it.
  ValueId IterationStep(ValueId iterator, const Node* node, BlockId exhausted, BlockId* top,
                        bool is_async = false);
  // break, continue or return out of an except* clause: Unsupported (true).
  bool LeavesStarHandler(size_t stop, const Node* node);
  // Pops the innermost context (the body it covers is lowered) and, unless the body
  // ended already, runs its exit actions and jumps to `end`; errors go to `outer`.
  void CloseContext(BlockId outer, BlockId end);
  void Return(const ast::Return* node);
  void Delete(const Node* target);
  void Raise(const ast::Raise* node);
  // --- match.cc ---
  // A pattern's captures: the values its names are bound to once it has matched.
  using Captures = std::map<std::string, ValueId>;
  void Match(const ast::Match* node);
  // The names a case's pattern binds (Unsupported where PatternNames finds a problem).
  bool CaseNames(const Node* pattern, std::vector<std::string>* names);
  // Tests `pattern` against `subject`: continues in a new block where it matched, with
  // its captures added to `captures`; jumps to `fail` where it did not.
  void Pattern(const Node* pattern, ValueId subject, BlockId fail, Captures* captures);
  void SequencePattern(const ast::MatchSequence* node, ValueId subject, BlockId fail, Captures* captures);
  void MappingPattern(const ast::MatchMapping* node, ValueId subject, BlockId fail, Captures* captures);
  void ClassPattern(const ast::MatchClass* node, ValueId subject, BlockId fail, Captures* captures);
  void OrPattern(const ast::MatchOr* node, ValueId subject, BlockId fail, Captures* captures);
  // Each sub-pattern against its value (wildcards and `*_` skipped).
  void SubPatterns(const std::vector<const Node*>& patterns, const ir::ValueList& values, BlockId fail,
                   Captures* captures);
  // Continues in a new block where the CInt `condition` is true, else jumps to `fail`.
  void ContinueIf(ValueId condition, BlockId fail);
  // The same with the CInt comparison `op` (CompareBool, Identity) of left and right.
  void ContinueIfCompared(Op op, ast::CmpOpKind kind, ValueId left, ValueId right, const Node* site,
                          BlockId fail);
  // A MatchKeys or MatchClass result: None jumps to `fail`; else its `count` items.
  ir::ValueList MatchedValues(ValueId values, size_t count, BlockId fail, const Node* pattern);

  // --- imports.cc ---
  void NoteImport(const std::string& name);
  void Import(const ast::Import* node);
  void ImportFrom(const ast::ImportFrom* node);
  // The exception being raised, taken (CatchException) and made the handled one; the
  // previously handled exception, for restoring it.
  struct Caught {
    ValueId exception;
    ValueId previous;
  };
  Caught CatchAndHandle();
  // The exception raised while `previous` was set aside replaces the caught one: the
  // handled exception is restored and the new one raised on.
  void RaiseReplacing(ValueId previous);
  // The dict of a call's (or class statement's) keyword arguments, `**mapping` merged;
  // errors reported at `site`, or at each keyword with `at_keywords`. `function` names
  // the callee in messages (kNoValue: a class statement).
  ValueId KeywordDict(const ast::NodeList& keywords, ValueId function, const Node* site, bool at_keywords);
  // `star`: try/except* (a TryStar node, laid out as Try).
  void Try(const ast::Try* node, bool star);
  void TryExcept(const ast::Try* node, bool star);
  ValueId IsNone(ValueId value);  // `value is None`, a C int
  void TryFinally(const ast::Try* node, bool star);
  // `is_async`: an AsyncWith node (laid out as With).
  void With(const ast::With* node, uint32_t item_index, bool is_async);
  // Runs the Leave actions of contexts_[stop..], innermost first.
  void LeaveContexts(size_t stop);
  void Assert(const ast::Assert* node);

  const sema::Scope* scope_;
  const sema::ScopeTree& scopes_;
  std::string qualname_;
  const ModuleFacts& module_;
  ir::Function* function_;
  Builder b_;
  std::map<std::string, int> slots_;  // variables, cells and free variables
  // A class body: its free variables' slots (slots_ has its own __class__ cell where a
  // free variable of that name is also there).
  std::map<std::string, int> class_free_slots_;
  std::vector<std::unique_ptr<ControlContext>> contexts_;
  absl::Status status_;
  const Node* unsupported_at_ = nullptr;
};

}  // namespace kiln::lower

#endif  // KILN_COMPILER_LOWER_LOWERER_H_
