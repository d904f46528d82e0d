// CheckSyntax, and the Checker's core and statements: errors at the current location,
// code units, their stacks of blocks, the __debug__ rule, and compiler_visit_stmt with
// what it compiles for each statement (functions, classes, return, break and continue
// through the blocks they leave, assignments, loops, with, try and except*).
#include "compiler/sema/syntax_checks.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/sema/syntax_checks_internal.h"

namespace kiln::sema {
namespace syntax_checks_internal {

std::optional<ScopeError> Checker::Run(const ast::Module* module) {
  EnterUnit(UnitKind::kModule, module);
  Statements(module->body);
  ExitUnit();
  return error_;
}

void Checker::Error(std::string message) {
  if (error_) return;
  error_ = ScopeError{std::move(message), unit().location.line, unit().location.col};
}

void Checker::EnterUnit(UnitKind kind, const Node* node) {
  Unit entered{kind, node, scopes_.ScopeOf(node), {}, 0, {node->lineno, node->col_offset}};
  units_.push_back(std::move(entered));
}

// ste_type == FunctionBlock: defs, lambdas and comprehensions.
bool Checker::InFunctionBlock() {
  return unit().kind != UnitKind::kModule && unit().kind != UnitKind::kClass;
}

bool Checker::PushBlock(Block block) {
  std::vector<Block>& blocks = unit().blocks;
  if (blocks.size() >= kMaxBlocks) {
    Error("too many statically nested blocks");
    return false;
  }
  blocks.push_back(block);
  unit().max_blocks = std::max(unit().max_blocks, blocks.size());
  return true;
}

// forbidden_name: a store to (or del of) __debug__, reported at the current location.
bool Checker::Forbidden(std::string_view name, ast::ExprContext context) {
  if (name != "__debug__") return false;
  if (context == ast::ExprContext::kStore) {
    Error("cannot assign to __debug__");
    return true;
  }
  if (context == ast::ExprContext::kDel) {
    Error("cannot delete __debug__");
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------
// Statements (compiler_visit_stmt)

void Checker::Statements(const NodeList& body) {
  for (const Node* statement : body) {
    if (failed()) return;
    Statement(statement);
  }
}

void Checker::Statement(const Node* node) {
  SetLocation(node);
  switch (node->node_kind) {
    case Kind::kFunctionDef:
      FunctionDef(node->As<ast::FunctionDef>(), UnitKind::kFunction);
      break;
    case Kind::kAsyncFunctionDef:
      FunctionDef(node->As<ast::AsyncFunctionDef>(), UnitKind::kAsyncFunction);
      break;
    case Kind::kClassDef:
      ClassDef(node->As<ast::ClassDef>());
      break;
    case Kind::kReturn:
      Return(node->As<ast::Return>());
      break;
    case Kind::kDelete:
      Expressions(node->As<ast::Delete>()->targets);
      break;
    case Kind::kAssign: {
      const auto* assign = node->As<ast::Assign>();
      Expression(assign->value);
      Expressions(assign->targets);
      break;
    }
    case Kind::kAugAssign:
      AugAssign(node->As<ast::AugAssign>());
      break;
    case Kind::kAnnAssign:
      AnnAssign(node->As<ast::AnnAssign>());
      break;
    case Kind::kFor:
      For(node->As<ast::For>());
      break;
    case Kind::kAsyncFor:
      AsyncFor(node->As<ast::AsyncFor>());
      break;
    case Kind::kWhile:
      While(node->As<ast::While>());
      break;
    case Kind::kIf: {
      const auto* branch = node->As<ast::If>();
      Expression(branch->test);
      Statements(branch->body);
      Statements(branch->orelse);
      break;
    }
    case Kind::kWith:
      With(node->As<ast::With>(), 0, false);
      break;
    case Kind::kAsyncWith:
      With(node->As<ast::AsyncWith>(), 0, true);
      break;
    case Kind::kMatch:
      Match(node->As<ast::Match>());
      break;
    case Kind::kRaise: {
      const auto* raise = node->As<ast::Raise>();
      if (raise->exc) Expression(raise->exc);
      if (raise->cause) Expression(raise->cause);
      break;
    }
    case Kind::kTry: {
      const auto* attempt = node->As<ast::Try>();
      if (attempt->finalbody.empty()) {
        TryExcept(attempt);
      } else {
        TryFinally(attempt, false);
      }
      break;
    }
    case Kind::kTryStar: {
      const auto* attempt = node->As<ast::TryStar>();
      if (attempt->finalbody.empty()) {
        TryStarExcept(attempt);
      } else {
        TryFinally(attempt, true);
      }
      break;
    }
    case Kind::kAssert: {
      const auto* assertion = node->As<ast::Assert>();
      Expression(assertion->test);
      if (assertion->msg) Expression(assertion->msg);
      break;
    }
    case Kind::kImport:
      for (const Node* alias_node : node->As<ast::Import>()->names) {
        const auto* alias = alias_node->As<ast::Alias>();
        std::string_view stored = alias->asname.data() ? alias->asname : alias->name;
        if (!alias->asname.data()) stored = stored.substr(0, stored.find('.'));
        if (Forbidden(stored, ast::ExprContext::kStore)) return;
      }
      break;
    case Kind::kImportFrom: {
      const auto* import = node->As<ast::ImportFrom>();
      if (node->lineno > scopes_.future_line() && import->module.data() &&
          import->module == "__future__") {
        Error("from __future__ imports must occur at the beginning of the file");
        return;
      }
      for (uint32_t i = 0; i < import->names.size; ++i) {
        const auto* alias = import->names[i]->As<ast::Alias>();
        if (i == 0 && alias->name == "*") return;
        std::string_view stored = alias->asname.data() ? alias->asname : alias->name;
        if (Forbidden(stored, ast::ExprContext::kStore)) return;
      }
      break;
    }
    case Kind::kExpr:
      Expression(node->As<ast::Expr>()->value);
      break;
    case Kind::kBreak:
      BreakOrContinue(true);
      break;
    case Kind::kContinue:
      BreakOrContinue(false);
      break;
    default:
      break;  // Global, Nonlocal, Pass
  }
}

// compiler_check_debug_args: no parameter may be named __debug__.
bool Checker::DebugParameter(const ast::Arguments* arguments) {
  auto named_debug = [](const Node* node) {
    return node != nullptr && node->As<ast::Arg>()->arg == "__debug__";
  };
  auto any_named_debug = [&](const NodeList& list) {
    return std::any_of(list.begin(), list.end(), named_debug);
  };
  bool found = any_named_debug(arguments->posonlyargs) || any_named_debug(arguments->args) ||
               named_debug(arguments->vararg) || any_named_debug(arguments->kwonlyargs) ||
               named_debug(arguments->kwarg);
  if (found) Error("cannot assign to __debug__");
  return found;
}

// compiler_default_arguments: positional defaults, then keyword-only ones.
void Checker::Defaults(const ast::Arguments* arguments) {
  Expressions(arguments->defaults);
  Expressions(arguments->kw_defaults);
}

// compiler_visit_annotations: in CPython's order (positional before positional-only),
// not evaluated under `from __future__ import annotations`.
void Checker::Annotations(const ast::Arguments* arguments, const Node* returns) {
  if (scopes_.future_annotations()) return;
  auto annotation = [&](const Node* node) {
    const Node* value = node ? node->As<ast::Arg>()->annotation : nullptr;
    if (value == nullptr) return;
    // `*args: *Ts` unpacks the starred annotation.
    if (const auto* starred = value->As<ast::Starred>()) value = starred->value;
    Expression(value);
  };
  for (const Node* node : arguments->args) annotation(node);
  for (const Node* node : arguments->posonlyargs) annotation(node);
  annotation(arguments->vararg);
  for (const Node* node : arguments->kwonlyargs) annotation(node);
  annotation(arguments->kwarg);
  if (returns) Expression(returns);
}

template <typename FunctionNode>
void Checker::FunctionDef(const FunctionNode* node, UnitKind kind) {
  const auto* arguments = node->args->template As<ast::Arguments>();
  if (DebugParameter(arguments)) return;
  Expressions(node->decorator_list);
  Defaults(arguments);
  Annotations(arguments, node->returns);
  if (failed()) return;
  EnterUnit(kind, node);
  Statements(node->body);
  ExitUnit();
  if (failed()) return;
  Forbidden(node->name, ast::ExprContext::kStore);
}

// The class body is compiled first, then the call of the metaclass with the bases.
void Checker::ClassDef(const ast::ClassDef* node) {
  Expressions(node->decorator_list);
  if (failed()) return;
  EnterUnit(UnitKind::kClass, node);
  Statements(node->body);
  ExitUnit();
  if (failed()) return;
  CallArguments(node->bases, node->keywords);
  if (failed()) return;
  Forbidden(node->name, ast::ExprContext::kStore);
}

void Checker::Return(const ast::Return* node) {
  const Node* value = node->value;
  if (!InFunctionBlock()) {
    Error("'return' outside function");
    return;
  }
  if (value && unit().scope && unit().scope->is_generator && IsCoroutine()) {
    Error("'return' with value in async generator");
    return;
  }
  // A value kept on the stack (not a constant) is evaluated first; a constant only
  // moves the location to itself.
  bool preserve = value && !Fold(value);
  if (preserve) {
    Expression(value);
    if (failed()) return;
  } else if (value) {
    SetLocation(value);
  }
  if (value == nullptr || value->lineno != node->lineno) SetLocation(node);
  UnwindBlocks(preserve, nullptr);
}

// compiler_break / compiler_continue: the blocks up to the innermost loop are left
// (finally bodies compiled on the way), then the missing loop is reported at the
// statement.
void Checker::BreakOrContinue(bool is_break) {
  Location location = unit().location;
  bool found_loop = false;
  if (!UnwindBlocks(false, &found_loop)) return;
  if (!found_loop) {
    unit().location = location;
    Error(is_break ? "'break' outside loop" : "'continue' not properly in loop");
  }
}

// compiler_unwind_fblock_stack: leaves the blocks from the innermost outwards, up to a
// loop when `found_loop` is given.
bool Checker::UnwindBlocks(bool preserve, bool* found_loop) {
  if (unit().blocks.empty()) return true;
  Block top = unit().blocks.back();
  if (top.kind == BlockKind::kExceptionGroupHandler) {
    Error("'break', 'continue' and 'return' cannot appear in an except* block");
    return false;
  }
  if (found_loop && (top.kind == BlockKind::kWhileLoop || top.kind == BlockKind::kForLoop)) {
    *found_loop = true;
    return true;
  }
  unit().blocks.pop_back();
  bool ok = UnwindBlock(top, preserve) && UnwindBlocks(preserve, found_loop);
  unit().blocks.push_back(top);
  return ok;
}

// compiler_unwind_fblock: a finally body is compiled here (again); leaving a with block
// or a finally body leaves no location.
bool Checker::UnwindBlock(const Block& block, bool preserve) {
  switch (block.kind) {
    case BlockKind::kFinallyTry:
      if (preserve && !PushBlock({BlockKind::kPopValue})) return false;
      Statements(*block.finalbody);
      if (failed()) return false;
      if (preserve) PopBlock();
      UnsetLocation();
      return true;
    case BlockKind::kWith:
    case BlockKind::kAsyncWith:
      SetLocation(block.statement);
      UnsetLocation();
      return true;
    default:
      return true;
  }
}

void Checker::AugAssign(const ast::AugAssign* node) {
  const Node* target = node->target;
  if (const auto* attribute = target->As<ast::Attribute>()) {
    Expression(attribute->value);
  } else if (const auto* subscript = target->As<ast::Subscript>()) {
    Expression(subscript->value);
    Expression(subscript->slice);
  }
  Expression(node->value);
  if (failed()) return;
  SetLocation(target);
  if (const auto* name = target->As<ast::Name>()) Forbidden(name->id, ast::ExprContext::kStore);
}

// compiler_annassign: the assignment first; the annotation only in a module or class
// (and not under `from __future__ import annotations`); an annotated attribute's or
// subscript's object (and index) are evaluated when there is no value.
void Checker::AnnAssign(const ast::AnnAssign* node) {
  const Node* target = node->target;
  if (node->value) {
    Expression(node->value);
    Expression(target);
    if (failed()) return;
  }
  bool evaluated = !scopes_.future_annotations() &&
                   (unit().kind == UnitKind::kModule || unit().kind == UnitKind::kClass);
  if (const auto* name = target->As<ast::Name>()) {
    if (Forbidden(name->id, ast::ExprContext::kStore)) return;
    if (node->simple && evaluated) Expression(node->annotation);
  } else if (const auto* attribute = target->As<ast::Attribute>()) {
    if (Forbidden(attribute->attr, ast::ExprContext::kStore)) return;
    if (!node->value) Expression(attribute->value);
  } else if (const auto* subscript = target->As<ast::Subscript>()) {
    if (!node->value) {
      Expression(subscript->value);
      AnnotatedSubscript(subscript->slice);
    }
  }
  if (failed()) return;
  if (!node->simple && evaluated) Expression(node->annotation);
}

// check_ann_subscr: the parts of a slice and the items of a tuple are evaluated one by
// one (so a starred item is an error here).
void Checker::AnnotatedSubscript(const Node* node) {
  if (const auto* slice = node->As<ast::Slice>()) {
    if (slice->lower) Expression(slice->lower);
    if (slice->upper) Expression(slice->upper);
    if (slice->step) Expression(slice->step);
  } else if (const auto* tuple = node->As<ast::Tuple>()) {
    for (const Node* element : tuple->elts) AnnotatedSubscript(element);
  } else {
    Expression(node);
  }
}

void Checker::For(const ast::For* node) {
  if (!PushBlock({BlockKind::kForLoop})) return;
  Expression(node->iter);
  Expression(node->target);
  Statements(node->body);
  if (failed()) return;
  UnsetLocation();
  PopBlock();
  Statements(node->orelse);
}

void Checker::AsyncFor(const ast::AsyncFor* node) {
  if (unit().kind != UnitKind::kAsyncFunction) {
    Error("'async for' outside async function");
    return;
  }
  Expression(node->iter);
  if (failed() || !PushBlock({BlockKind::kForLoop})) return;
  Expression(node->target);
  Statements(node->body);
  if (failed()) return;
  UnsetLocation();
  PopBlock();
  SetLocation(node->iter);
  Statements(node->orelse);
}

void Checker::While(const ast::While* node) {
  if (!PushBlock({BlockKind::kWhileLoop})) return;
  Expression(node->test);
  Statements(node->body);
  if (failed()) return;
  SetLocation(node);
  PopBlock();
  Statements(node->orelse);
}

// compiler_with / compiler_async_with: one block per item, each item inside the
// previous one's.
template <typename WithNode>
void Checker::With(const WithNode* node, uint32_t index, bool is_async) {
  if (is_async && unit().kind != UnitKind::kAsyncFunction) {
    Error("'async with' outside async function");
    return;
  }
  const auto* item = node->items[index]->template As<ast::WithItem>();
  Expression(item->context_expr);
  if (failed()) return;
  if (!PushBlock({is_async ? BlockKind::kAsyncWith : BlockKind::kWith, node})) return;
  if (item->optional_vars) Expression(item->optional_vars);
  if (index + 1 == node->items.size) {
    Statements(node->body);
  } else {
    With(node, index + 1, is_async);
  }
  if (failed()) return;
  UnsetLocation();
  PopBlock();
  SetLocation(node);
}

// compiler_try_except: body, else, then the handlers.
template <typename TryNode>
void Checker::TryExcept(const TryNode* node) {
  if (!PushBlock({BlockKind::kTryExcept})) return;
  Statements(node->body);
  if (failed()) return;
  PopBlock();
  Statements(node->orelse);
  if (failed()) return;
  UnsetLocation();
  if (!PushBlock({BlockKind::kExceptionHandler})) return;
  for (uint32_t i = 0; i < node->handlers.size; ++i) {
    const auto* handler = node->handlers[i]->template As<ast::ExceptHandler>();
    SetLocation(handler);
    if (handler->type == nullptr && i + 1 < node->handlers.size) {
      Error("default 'except:' must be last");
      return;
    }
    if (handler->type) Expression(handler->type);
    if (failed()) return;
    HandlerBody(handler);
    if (failed()) return;
  }
  UnsetLocation();
  PopBlock();
}

// compiler_try_star_except: body, the handlers, then else.
template <typename TryNode>
void Checker::TryStarExcept(const TryNode* node) {
  if (!PushBlock({BlockKind::kTryExcept})) return;
  Statements(node->body);
  if (failed()) return;
  PopBlock();
  UnsetLocation();
  if (!PushBlock({BlockKind::kExceptionGroupHandler})) return;
  for (const Node* handler_node : node->handlers) {
    const auto* handler = handler_node->As<ast::ExceptHandler>();
    SetLocation(handler);
    if (handler->type) Expression(handler->type);
    if (failed()) return;
    HandlerBody(handler);
    if (failed()) return;
  }
  PopBlock();
  Statements(node->orelse);
}

// A handler's body, in its cleanup block. CPython ignores the result of storing the
// exception in `as __debug__`: that error stands only if the body reports none.
void Checker::HandlerBody(const ast::ExceptHandler* handler) {
  std::optional<ScopeError> pending;
  if (handler->name.data() && handler->name == "__debug__") {
    pending = ScopeError{"cannot assign to __debug__", unit().location.line, unit().location.col};
  }
  if (!PushBlock({BlockKind::kHandlerCleanup})) return;
  Statements(handler->body);
  if (failed()) return;
  PopBlock();
  UnsetLocation();
  if (pending) error_ = pending;
}

// compiler_try_finally: the finally body is compiled after the rest for the normal
// path, then again for the exceptional path one block deeper (which only matters when
// that reaches the block limit), besides once at every statement that leaves it.
template <typename TryNode>
void Checker::TryFinally(const TryNode* node, bool star) {
  if (!PushBlock({BlockKind::kFinallyTry, nullptr, &node->finalbody})) return;
  if (!node->handlers.empty()) {
    if (star) {
      TryStarExcept(node);
    } else {
      TryExcept(node);
    }
  } else {
    Statements(node->body);
  }
  if (failed()) return;
  PopBlock();
  size_t outer_max = unit().max_blocks;
  unit().max_blocks = unit().blocks.size();
  Statements(node->finalbody);
  if (failed()) return;
  size_t reached = unit().max_blocks;
  unit().max_blocks = std::max(outer_max, reached);
  UnsetLocation();
  if (!PushBlock({BlockKind::kFinallyEnd})) return;
  if (reached >= kMaxBlocks) Statements(node->finalbody);
  if (failed()) return;
  PopBlock();
}

}  // namespace syntax_checks_internal

std::optional<ScopeError> CheckSyntax(const ast::Module* module, const ScopeTree& scopes) {
  syntax_checks_internal::Checker checker(scopes);
  return checker.Run(module);
}

}  // namespace kiln::sema
