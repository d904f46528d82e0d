// try/except/else, try/except*, try/finally, with and async with, and the
// handled-exception state.
//
//   try: body                    errors in body -> H
//   except E as name: handler    H: exc = CatchException; prev = SaveHandled;
//   else: orelse                    SetHandled(exc); match E (errors -> M)
//                                   handler body (errors -> X); SetHandled(prev)
//                                   no clause matched: SetHandled(prev); RaisePending(exc)
//                                M, X: the new error replaces exc; SetHandled(prev);
//                                   RaisePending(new) to the enclosing handler
// The exception and the previously handled one are values; the reference-count pass
// releases them wherever control leaves. A traceback entry is added where an error is
// raised (the error edge into H), not again when it is raised on (RaisePending).
#include "absl/strings/str_cat.h"
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

// `except E as name`: the name is unbound when the handler ends (as CPython's
// `name = None; del name`).
void FunctionLowerer::UnbindHandlerName(const std::string& name, const Node* node) {
  if (name.empty()) return;
  std::string mangled = Mangle(name);
  if (SlotOf(mangled) >= 0 && ResolveName(mangled) == sema::NameScope::kLocal) {
    b_.Append(Op::kClearLocal).number = SlotOf(mangled);
    return;
  }
  StoreName(name, b_.None(), node);
  DeleteName(name, node);
}

FunctionLowerer::Caught FunctionLowerer::CatchAndHandle() {
  ValueId exception = b_.Value(Op::kCatchException);
  ValueId previous = b_.Value(Op::kSaveHandled);
  b_.Append(Op::kSetHandled, {exception});
  return {exception, previous};
}

void FunctionLowerer::RaiseReplacing(ValueId previous) {
  ValueId raised = b_.Value(Op::kCatchException);
  b_.Append(Op::kSetHandled, {previous});
  b_.Append(Op::kRaisePending, {raised});
}

void HandlerContext::Leave(FunctionLowerer& lowerer, Builder& b) const {
  b.Append(Op::kSetHandled, {previous_});
  lowerer.UnbindHandlerName(name_, node_);
}

void FunctionLowerer::Try(const ast::Try* node, bool star) {
  if (node->finalbody.size > 0) {
    TryFinally(node, star);
  } else {
    TryExcept(node, star);
  }
}

// try/except*:
//   H as for except, then rest = exc; raised = []
//   per clause: match, rest = ExceptStarMatch(rest, E); match is None: the next clause;
//     else SetHandled(match), the handler body (errors -> X*: appended to raised), and
//     the next clause matches what is left
//   SetHandled(prev); r = ExceptStarResult(exc, raised, rest): None: after the
//   statement, else RaisePending(r)
// As CHECK_EG_MATCH, a clause's part stays the handled exception until the next match.
ValueId FunctionLowerer::IsNone(ValueId value) {
  ir::Instr& identity = b_.Append(Op::kIdentity, {value, b_.None()});
  identity.number = static_cast<int>(ast::CmpOpKind::kIs);
  return identity.result();
}

void FunctionLowerer::TryExcept(const ast::Try* node, bool star) {
  BlockId outer = b_.handler();
  BlockId caught = b_.NewBlock();
  BlockId orelse = b_.NewBlock();
  BlockId end = b_.NewBlock();
  b_.set_handler(caught);
  Statements(node->body);
  b_.set_handler(outer);
  b_.JumpIfOpen(orelse);

  // An exception in the body: find its clause.
  b_.SetBlock(caught);
  auto [exception, previous] = CatchAndHandle();
  // While the clauses are matched, an error replaces the caught exception.
  BlockId matching = b_.NewBlock();
  b_.set_handler(matching);
  ValueId rest = exception;
  ValueId raised = star ? b_.Value(Op::kNewList, {}, node) : ir::kNoValue;
  for (Node* handler_node : node->handlers) {
    const auto* handler = handler_node->As<ast::ExceptHandler>();
    BlockId next = b_.NewBlock();
    ValueId bound = exception;  // what the clause's name is bound to
    if (star) {
      ValueId type = Expr(handler->type);
      ir::Instr& split = b_.Append(Op::kExceptStarMatch, {rest, type}, handler->type, 2);
      bound = split.results[0];
      rest = split.results[1];
      BlockId body = b_.NewBlock();
      b_.Branch(IsNone(bound), next, body);
      b_.SetBlock(body);
      b_.Append(Op::kSetHandled, {bound});
    } else if (handler->type) {
      // The frame is at the clause while it is tested (its line when none matches).
      b_.SetSite(handler_node);
      ValueId type = Expr(handler->type);
      ValueId match = b_.Value(Op::kExceptionMatches, {exception, type}, handler->type);
      BlockId body = b_.NewBlock();
      b_.Branch(match, body, next);
      b_.SetBlock(body);
    }
    std::string name = handler->name.data() ? std::string(handler->name) : "";
    if (!name.empty()) StoreName(handler->name, bound, handler_node);
    BlockId failed = b_.NewBlock();
    b_.set_handler(failed);
    contexts_.push_back(std::make_unique<HandlerContext>(outer, previous, name, handler_node, star));
    Statements(handler->body);
    if (star) {
      // The next except* clause matches what is left; an exception inside the handler
      // is kept for the end.
      contexts_.pop_back();
      b_.set_handler(matching);
      if (!b_.Terminated()) {
        UnbindHandlerName(name, handler_node);
        b_.Jump(next);
      }
      b_.SetBlock(failed);
      ValueId error = b_.Value(Op::kCatchException);
      b_.Append(Op::kListAppend, {raised, error}, handler_node);
      UnbindHandlerName(name, handler_node);
      b_.Jump(next);
    } else {
      HandlerContext finished(outer, previous, name, handler_node);
      CloseContext(outer, end);
      // An exception inside the handler: the handled exception is restored, the name
      // unbound, and the new exception goes on to the enclosing handler.
      b_.SetBlock(failed);
      ValueId error = b_.Value(Op::kCatchException);
      finished.Leave(*this, b_);
      b_.Append(Op::kRaisePending, {error});
    }
    b_.SetBlock(next);
    b_.set_handler(matching);
  }
  b_.set_handler(outer);
  b_.Append(Op::kSetHandled, {previous});
  if (star) {
    // What the handlers raised and what none matched, raised together (or nothing).
    ValueId result = b_.Value(Op::kExceptStarResult, {exception, raised, rest}, node);
    BlockId raise_on = b_.NewBlock();
    b_.Branch(IsNone(result), end, raise_on);
    b_.SetBlock(raise_on);
    b_.Append(Op::kRaisePending, {result});
  } else {
    // No clause matched: raised on, with its traceback.
    b_.Append(Op::kRaisePending, {exception});
  }
  b_.SetBlock(matching);
  RaiseReplacing(previous);

  b_.SetBlock(orelse);
  Statements(node->orelse);
  b_.JumpIfOpen(end);
  b_.SetBlock(end);
}

void FunctionLowerer::CloseContext(BlockId outer, BlockId end) {
  std::unique_ptr<ControlContext> finished = std::move(contexts_.back());
  contexts_.pop_back();
  b_.set_handler(outer);
  if (!b_.Terminated()) {
    finished->Leave(*this, b_);
    b_.Jump(end);
  }
}

void FinallyContext::Leave(FunctionLowerer& lowerer, Builder& b) const {
  lowerer.Statements(*final_body_);
}

//   try: body finally: final     errors in body (and its handlers) -> F
//     normal exit, break, continue, return: the final body, inline
//     F: exc = CatchException; prev = SaveHandled; SetHandled(exc); the final body
//        (errors -> F2); SetHandled(prev); RaisePending(exc)
//     F2: an error in the final body replaces exc
void FunctionLowerer::TryFinally(const ast::Try* node, bool star) {
  BlockId outer = b_.handler();
  BlockId exceptional = b_.NewBlock();
  BlockId end = b_.NewBlock();
  b_.set_handler(exceptional);
  contexts_.push_back(std::make_unique<FinallyContext>(outer, &node->finalbody));
  if (node->handlers.size > 0) {
    TryExcept(node, star);
  } else {
    Statements(node->body);
  }
  contexts_.pop_back();
  b_.set_handler(outer);
  if (!b_.Terminated()) {
    Statements(node->finalbody);
    b_.JumpIfOpen(end);
  }
  // Exceptional exit: the final body runs with the exception held (and handled), then
  // it is raised on.
  b_.SetBlock(exceptional);
  auto [exception, previous] = CatchAndHandle();
  BlockId replaced = b_.NewBlock();
  b_.set_handler(replaced);
  contexts_.push_back(std::make_unique<HandlerContext>(outer, previous, "", node));
  Statements(node->finalbody);
  contexts_.pop_back();
  b_.set_handler(outer);
  if (!b_.Terminated()) {
    // The re-raise is at the final body's last statement, as CPython places it.
    b_.SetSite(node->finalbody[node->finalbody.size - 1]);
    b_.Append(Op::kSetHandled, {previous});
    b_.Append(Op::kRaisePending, {exception});
  }
  // An exception raised inside the final body replaces the held one.
  b_.SetBlock(replaced);
  RaiseReplacing(previous);
  b_.SetBlock(end);
}

void WithContext::Leave(FunctionLowerer& lowerer, Builder& b) const {
  lowerer.ExitContext(exit_, node_, is_async_);
}

void FunctionLowerer::ExitContext(ValueId exit, const Node* node, bool is_async) {
  if (!is_async) {
    b_.Value(Op::kCallExit, {exit}, node);
    return;
  }
  Suspend(Op::kYieldFrom, b_.Value(Op::kAsyncExitAwaitable, {exit}, node), node);
}

//   with manager as target: body     entered, exit = EnterContext(manager)
//     errors in the body (binding the target included) -> W
//     normal exit, break, continue, return: CallExit(exit)
//     W: ExitWithException(exit): suppressed -> after the statement, else Unwind
//
//   async with: awaitable, exit = AsyncEnterContext(manager); entered = await awaitable
//     (an error there releases exit, not called)
//     normal exit, break, continue, return: await AsyncExitAwaitable(exit)
//     W: exc = CatchException; prev = SaveHandled; SetHandled(exc) (errors -> X)
//        suppress = IsTrue(await AsyncExitAwaitable(exit, exc)); SetHandled(prev)
//        suppressed -> after the statement, else RaisePending(exc)
//     X: the new error replaces exc
void FunctionLowerer::With(const ast::With* node, uint32_t item_index, bool is_async) {
  if (item_index == node->items.size) {
    Statements(node->body);
    return;
  }
  const auto* item = node->items[item_index]->As<ast::WithItem>();
  ValueId manager = Expr(item->context_expr);
  ir::Instr& enter = b_.Append(is_async ? Op::kAsyncEnterContext : Op::kEnterContext, {manager}, node, 2);
  ValueId entered = enter.results[0];
  ValueId exit = enter.results[1];
  if (is_async) entered = Suspend(Op::kYieldFrom, entered, node);
  BlockId outer = b_.handler();
  BlockId exceptional = b_.NewBlock();
  BlockId end = b_.NewBlock();
  b_.set_handler(exceptional);
  contexts_.push_back(std::make_unique<WithContext>(outer, exit, node, is_async));
  if (item->optional_vars) Assign(item->optional_vars, entered);
  With(node, item_index + 1, is_async);
  CloseContext(outer, end);
  b_.SetBlock(exceptional);
  BlockId raise_on = b_.NewBlock();
  if (!is_async) {
    // __exit__(type, value, traceback); a true result swallows the exception.
    ValueId suppress = b_.Value(Op::kExitWithException, {exit}, node);
    b_.Branch(suppress, end, raise_on);
    b_.SetBlock(raise_on);
    b_.Append(Op::kUnwind);
    b_.SetBlock(end);
    return;
  }
  // The exception is being handled while __aexit__(type, value, traceback) runs and is
  // awaited; a true result swallows it.
  auto [exception, previous] = CatchAndHandle();
  BlockId failed = b_.NewBlock();
  b_.set_handler(failed);
  ValueId awaitable = b_.Value(Op::kAsyncExitAwaitable, {exit, exception}, node);
  ValueId result = Suspend(Op::kYieldFrom, awaitable, node);
  ValueId suppress = b_.Value(Op::kIsTrue, {result}, node);
  b_.set_handler(outer);
  b_.Append(Op::kSetHandled, {previous});
  b_.Branch(suppress, end, raise_on);
  b_.SetBlock(raise_on);
  b_.Append(Op::kRaisePending, {exception});
  b_.SetBlock(failed);
  RaiseReplacing(previous);
  b_.SetBlock(end);
}

}  // namespace kiln::lower
