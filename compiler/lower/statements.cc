// Statements: assignment (with unpacking), augmented and annotated assignment, if,
// while and for loops (for: GetIter and an IterNext loop), break, continue, return,
// del, raise, assert.
#include "absl/strings/str_cat.h"
#include "compiler/ast/unparse.h"
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

using ast::Kind;

void FunctionLowerer::Statements(const ast::NodeList& body) {
  for (Node* statement : body) {
    if (failed()) return;
    Statement(statement);
  }
}

void FunctionLowerer::Statement(const Node* node) {
  switch (node->node_kind) {
    case Kind::kPass:
    case Kind::kBreak:
    case Kind::kContinue:
    case Kind::kGlobal:
    case Kind::kNonlocal:
      break;
    default:
      b_.SetSite(node);  // the frame's current line (sys._getframe, logging, warnings)
  }
  switch (node->node_kind) {
    case Kind::kExpr: {
      const Node* value = node->As<ast::Expr>()->value;
      if (value->As<ast::Constant>()) return;  // docstrings and bare constants do nothing
      Expr(value);
      return;
    }
    case Kind::kAssign: {
      const auto* assign = node->As<ast::Assign>();
      ValueId value = Expr(assign->value);
      for (Node* target : assign->targets) Assign(target, value);
      return;
    }
    case Kind::kAugAssign:
      AugAssign(node->As<ast::AugAssign>());
      return;
    case Kind::kAnnAssign:
      AnnAssign(node->As<ast::AnnAssign>());
      return;
    case Kind::kIf:
      If(node->As<ast::If>());
      return;
    case Kind::kWhile:
      While(node->As<ast::While>());
      return;
    case Kind::kFor:
      For(node->As<ast::For>(), /*is_async=*/false);
      return;
    case Kind::kAsyncFor:
      // AsyncFor, AsyncWith and TryStar have the fields of For, With and Try.
      if (!InCoroutine(node, "'async for'")) return;
      For(reinterpret_cast<const ast::For*>(node), /*is_async=*/true);
      return;
    case Kind::kBreak:
    case Kind::kContinue:
      LoopJump(node);
      return;
    case Kind::kReturn:
      Return(node->As<ast::Return>());
      return;
    case Kind::kDelete:
      for (Node* target : node->As<ast::Delete>()->targets) Delete(target);
      return;
    case Kind::kRaise:
      Raise(node->As<ast::Raise>());
      return;
    case Kind::kAssert:
      Assert(node->As<ast::Assert>());
      return;
    case Kind::kFunctionDef:
    case Kind::kAsyncFunctionDef:
      FunctionDef(node);
      return;
    case Kind::kClassDef:
      ClassDef(node->As<ast::ClassDef>());
      return;
    case Kind::kTry:
      Try(node->As<ast::Try>(), /*star=*/false);
      return;
    case Kind::kTryStar:
      Try(reinterpret_cast<const ast::Try*>(node), /*star=*/true);
      return;
    case Kind::kWith:
      With(node->As<ast::With>(), 0, /*is_async=*/false);
      return;
    case Kind::kAsyncWith:
      if (!InCoroutine(node, "'async with'")) return;
      With(reinterpret_cast<const ast::With*>(node), 0, /*is_async=*/true);
      return;
    case Kind::kMatch:
      Match(node->As<ast::Match>());
      return;
    case Kind::kImport:
      Import(node->As<ast::Import>());
      return;
    case Kind::kImportFrom:
      ImportFrom(node->As<ast::ImportFrom>());
      return;
    case Kind::kPass:
    case Kind::kGlobal:
    case Kind::kNonlocal:
      return;  // resolved by scope analysis
    default:
      Unsupported(node, absl::StrCat("statement ", ast::KindName(node->node_kind)));
      return;
  }
}

void FunctionLowerer::Assign(const Node* target, ValueId value) {
  switch (target->node_kind) {
    case Kind::kName:
      StoreName(target->As<ast::Name>()->id, value, target);
      return;
    case Kind::kAttribute: {
      const auto* attribute = target->As<ast::Attribute>();
      ValueId object = Expr(attribute->value);
      b_.Append(Op::kSetAttr, {object, value}, target).name = Mangle(attribute->attr);
      return;
    }
    case Kind::kSubscript: {
      const auto* subscript = target->As<ast::Subscript>();
      ValueId object = Expr(subscript->value);
      ValueId index = Expr(subscript->slice);
      b_.Append(Op::kSetItem, {object, index, value}, target);
      return;
    }
    case Kind::kTuple:
    case Kind::kList: {
      const ast::NodeList& elements = target->node_kind == Kind::kTuple
                                          ? target->As<ast::Tuple>()->elts
                                          : target->As<ast::List>()->elts;
      int star = -1;
      for (uint32_t i = 0; i < elements.size; ++i) {
        if (!elements[i]->As<ast::Starred>()) continue;
        if (star >= 0) {
          Unsupported(elements[i], "multiple starred expressions in assignment");
          return;
        }
        star = static_cast<int>(i);
      }
      ir::Instr& unpack = b_.Append(Op::kUnpack, {value}, target, static_cast<int>(elements.size));
      unpack.number = elements.size;
      unpack.extra = star;
      ir::ValueList items = unpack.results;
      for (uint32_t i = 0; i < elements.size; ++i) {
        const Node* element = elements[i];
        if (const auto* starred = element->As<ast::Starred>()) element = starred->value;
        Assign(element, items[i]);
      }
      return;
    }
    default:
      Unsupported(target, absl::StrCat("assignment to ", ast::KindName(target->node_kind)));
      return;
  }
}

void FunctionLowerer::AugAssign(const ast::AugAssign* node) {
  const Node* target = node->target;
  auto in_place = [&](ValueId current, ValueId value) {
    ir::Instr& instr = b_.Append(Op::kBinary, {current, value}, node);
    instr.number = static_cast<int>(node->op);
    instr.extra = 1;
    return instr.result();
  };
  if (const auto* name = target->As<ast::Name>()) {
    std::string mangled = Mangle(name->id);
    if (node->op == ast::OperatorKind::kAdd && SlotOf(mangled) >= 0 && ResolveName(mangled) == sema::NameScope::kLocal) {
      // `local += value`: in place, so that building a str in a loop stays linear. The
      // local is checked first (a load whose value is not used).
      LoadName(name->id, target);
      ValueId value = Expr(node->value);
      b_.Append(Op::kInPlaceAddLocal, {value}, node).number = SlotOf(mangled);
      return;
    }
    ValueId current = LoadName(name->id, target);
    ValueId value = Expr(node->value);
    StoreName(name->id, in_place(current, value), node);
  } else if (const auto* attribute = target->As<ast::Attribute>()) {
    ValueId object = Expr(attribute->value);
    std::string attr = Mangle(attribute->attr);
    ir::Instr& get = b_.Append(Op::kGetAttr, {object}, target);
    get.name = attr;
    ValueId current = get.result();
    ValueId value = Expr(node->value);
    b_.Append(Op::kSetAttr, {object, in_place(current, value)}, node).name = attr;
  } else if (const auto* subscript = target->As<ast::Subscript>()) {
    ValueId object = Expr(subscript->value);
    ValueId index = Expr(subscript->slice);
    ValueId current = b_.Value(Op::kGetItem, {object, index}, target);
    ValueId value = Expr(node->value);
    b_.Append(Op::kSetItem, {object, index, in_place(current, value)}, node);
  } else {
    Unsupported(node, "this augmented assignment target");
  }
}

void FunctionLowerer::AnnAssign(const ast::AnnAssign* node) {
  // Function bodies do not evaluate annotations (as CPython); module and class bodies
  // record a simple name's in __annotations__ (after the assignment).
  AnnotatedTarget(node);
  if (function_->kind == ir::FunctionKind::kFunction) return;
  if (const auto* name = node->target->As<ast::Name>(); name && node->simple) {
    ValueId annotation = Annotation(node->annotation, node);
    ir::Instr& load = b_.Append(InNamespace("__annotations__") ? Op::kLoadName : Op::kLoadGlobal, {}, node);
    load.name = "__annotations__";
    std::string* key = &function_->strings.emplace_back(Mangle(name->id));
    b_.Append(Op::kSetItem, {load.result(), b_.Name(*key), annotation}, node);
  } else if (!scopes_.future_annotations()) {
    // Other targets: the annotation is evaluated and dropped.
    Expr(node->annotation);
  }
}

ValueId FunctionLowerer::Annotation(const Node* annotation, const Node* statement) {
  if (!scopes_.future_annotations()) {
    if (const auto* starred = annotation->As<ast::Starred>()) {
      // `*args: *Ts` (PEP 646): the one item of the unpacked value, as
      // `[annotation] = [*Ts]`; an error is reported at the def statement, as CPython.
      ir::Instr& unpack = b_.Append(Op::kUnpack, {Expr(starred->value)}, statement, 1);
      unpack.number = 1;
      unpack.extra = -1;
      return unpack.result();
    }
    return Expr(annotation);
  }
  // The string CPython's compiler writes back from the expression: constants' repr()
  // is filled in at run time (the operands).
  ast::AnnotationTemplate unparsed = ast::UnparseAnnotation(annotation);
  ir::ValueList constants;
  for (const ast::Constant* constant : unparsed.constants) constants.push_back(b_.Constant(constant->value));
  ir::Instr& text = b_.Append(Op::kAnnotation, std::move(constants), annotation);
  text.constant.type = ast::ConstantValue::Type::kStr;
  text.constant.text = function_->strings.emplace_back(unparsed.text);
  return text.result();
}

void FunctionLowerer::AnnotatedTarget(const ast::AnnAssign* node) {
  if (node->value) {
    Assign(node->target, Expr(node->value));
  } else if (const auto* attribute = node->target->As<ast::Attribute>()) {
    // Without a value, an attribute or subscript target's object (and index) is still
    // evaluated.
    Expr(attribute->value);
  } else if (const auto* subscript = node->target->As<ast::Subscript>()) {
    Expr(subscript->value);
    // The index, a slice's bounds and a tuple's items one by one, in source order.
    std::vector<const Node*> pending = {subscript->slice};
    while (!pending.empty()) {
      const Node* index = pending.back();
      pending.pop_back();
      if (const auto* slice = index->As<ast::Slice>()) {
        for (const Node* bound : {slice->step, slice->upper, slice->lower}) {
          if (bound) pending.push_back(bound);
        }
      } else if (const auto* tuple = index->As<ast::Tuple>()) {
        for (uint32_t i = tuple->elts.size; i-- > 0;) pending.push_back(tuple->elts[i]);
      } else {
        Expr(index);
      }
    }
  }
}

void FunctionLowerer::If(const ast::If* node) {
  BlockId body = b_.NewBlock();
  BlockId orelse = b_.NewBlock();
  BlockId done = b_.NewBlock();
  Condition(node->test, body, orelse);
  b_.SetBlock(body);
  Statements(node->body);
  b_.JumpIfOpen(done);
  b_.SetBlock(orelse);
  Statements(node->orelse);
  b_.JumpIfOpen(done);
  b_.SetBlock(done);
}

void FunctionLowerer::While(const ast::While* node) {
  BlockId top = b_.NewBlock();
  BlockId body = b_.NewBlock();
  BlockId orelse = b_.NewBlock();
  BlockId end = b_.NewBlock();
  b_.Jump(top);
  b_.SetBlock(top);
  Condition(node->test, body, orelse);
  b_.SetBlock(body);
  contexts_.push_back(std::make_unique<LoopContext>(b_.handler(), end, top));
  Statements(node->body);
  contexts_.pop_back();
  b_.JumpIfOpen(top);
  b_.SetBlock(orelse);
  Statements(node->orelse);
  b_.JumpIfOpen(end);
  b_.SetBlock(end);
}

// for target in iterable: body / else: orelse
//   it = GetIter(iterable); top: IterNext it -> item, orelse
// The iterator is a value live through the loop: leaving it (break, return, an error,
// exhaustion) releases it without code here.
//
// async for: top: awaitable = AsyncNextAwaitable(it); item = await awaitable
//   errors of both -> S: EndAsyncFor: StopAsyncIteration -> exhausted, else raised on
ValueId FunctionLowerer::IterationStep(ValueId iterator, const Node* node, BlockId exhausted,
                                       BlockId* top, bool is_async) {
  *top = b_.NewBlock();
  b_.Jump(*top);
  b_.SetBlock(*top);
  if (is_async) {
    BlockId outer = b_.handler();
    BlockId stopped = b_.NewBlock();
    b_.set_handler(stopped);
    ValueId awaitable = b_.Value(Op::kAsyncNextAwaitable, {iterator}, node);
    ValueId item = Suspend(Op::kYieldFrom, awaitable, node);
    b_.set_handler(outer);
    BlockId item_block = b_.current();
    b_.SetBlock(stopped);
    ValueId stop = b_.Value(Op::kEndAsyncFor, {}, node);
    BlockId raise_on = b_.NewBlock();
    b_.Branch(stop, exhausted, raise_on);
    b_.SetBlock(raise_on);
    b_.Append(Op::kUnwind);
    b_.SetBlock(item_block);
    return item;
  }
  BlockId item_block = b_.NewBlock();
  ir::Instr& next = b_.Append(Op::kIterNext, {iterator}, node);
  next.targets = {item_block, exhausted};
  ValueId item = next.result();
  b_.SetBlock(item_block);
  return item;
}

void FunctionLowerer::For(const ast::For* node, bool is_async) {
  ValueId iterable = Expr(node->iter);
  // CPython: GET_ITER and FOR_ITER are at the for statement (GET_AITER, GET_ANEXT too).
  ValueId iterator = b_.Value(is_async ? Op::kGetAsyncIter : Op::kGetIter, {iterable}, node);
  BlockId orelse = b_.NewBlock();
  BlockId end = b_.NewBlock();
  BlockId top;
  Assign(node->target, IterationStep(iterator, node, orelse, &top, is_async));
  contexts_.push_back(std::make_unique<LoopContext>(b_.handler(), end, top));
  Statements(node->body);
  contexts_.pop_back();
  b_.JumpIfOpen(top);
  b_.SetBlock(orelse);
  Statements(node->orelse);
  b_.JumpIfOpen(end);
  b_.SetBlock(end);
}

// Each context's exit actions run with the contexts inside it (and itself) gone, so
// that an error in them, or a jump (a return inside a finally), goes to the enclosing
// ones.
void FunctionLowerer::LeaveContexts(size_t stop) {
  BlockId saved = b_.handler();
  std::vector<std::unique_ptr<ControlContext>> left;
  while (contexts_.size() > stop) {
    left.push_back(std::move(contexts_.back()));
    contexts_.pop_back();
    b_.set_handler(left.back()->outer_handler());
    left.back()->Leave(*this, b_);
  }
  while (!left.empty()) {
    contexts_.push_back(std::move(left.back()));
    left.pop_back();
  }
  b_.set_handler(saved);
}

bool FunctionLowerer::LeavesStarHandler(size_t stop, const Node* node) {
  for (size_t i = stop; i < contexts_.size(); ++i) {
    if (contexts_[i]->is_star()) {
      // sema reports CPython's SyntaxError first.
      Unsupported(node, "leaving an except* clause");
      return true;
    }
  }
  return false;
}

void FunctionLowerer::LoopJump(const Node* node) {
  size_t index = contexts_.size();
  const LoopContext* loop = nullptr;
  while (index-- > 0 && !(loop = contexts_[index]->AsLoop())) {
  }
  if (!loop) {
    // A SyntaxError sema reports first.
    Unsupported(node, "'break' or 'continue' outside a loop");
    return;
  }
  if (LeavesStarHandler(index + 1, node)) return;
  LeaveContexts(index + 1);
  b_.Jump(node->node_kind == Kind::kBreak ? loop->break_target() : loop->continue_target());
}

void FunctionLowerer::Return(const ast::Return* node) {
  ValueId value = node->value ? Expr(node->value) : b_.None();
  if (LeavesStarHandler(0, node)) return;
  LeaveContexts(0);
  b_.Append(Op::kReturn, {value});
}

void FunctionLowerer::Delete(const Node* target) {
  switch (target->node_kind) {
    case Kind::kName:
      DeleteName(target->As<ast::Name>()->id, target);
      return;
    case Kind::kAttribute: {
      const auto* attribute = target->As<ast::Attribute>();
      ValueId object = Expr(attribute->value);
      b_.Append(Op::kDelAttr, {object}, target).name = Mangle(attribute->attr);
      return;
    }
    case Kind::kSubscript: {
      const auto* subscript = target->As<ast::Subscript>();
      ValueId object = Expr(subscript->value);
      ValueId index = Expr(subscript->slice);
      b_.Append(Op::kDelItem, {object, index}, target);
      return;
    }
    case Kind::kTuple:
      for (Node* element : target->As<ast::Tuple>()->elts) Delete(element);
      return;
    case Kind::kList:
      for (Node* element : target->As<ast::List>()->elts) Delete(element);
      return;
    default:
      Unsupported(target, "this del target");
  }
}

void FunctionLowerer::Raise(const ast::Raise* node) {
  if (!node->exc) {
    b_.Append(Op::kReRaise, {}, node);
    return;
  }
  ir::ValueList operands = {Expr(node->exc)};
  if (node->cause) operands.push_back(Expr(node->cause));
  b_.Append(Op::kRaise, std::move(operands), node);
}

void LastJumpComparison(const Node* test, const Node** site) {
  if (test->As<ast::Compare>()) {
    *site = test;
  } else if (const auto* boolop = test->As<ast::BoolOp>()) {
    for (Node* value : boolop->values) LastJumpComparison(value, site);
  } else if (const auto* unary = test->As<ast::UnaryOp>();
             unary && unary->op == ast::UnaryOpKind::kNot) {
    LastJumpComparison(unary->operand, site);
  } else if (const auto* ifexp = test->As<ast::IfExp>()) {
    LastJumpComparison(ifexp->test, site);
    LastJumpComparison(ifexp->body, site);
    LastJumpComparison(ifexp->orelse, site);
  }
}


void FunctionLowerer::Assert(const ast::Assert* node) {
  BlockId ok = b_.NewBlock();
  BlockId failed = b_.NewBlock();
  Condition(node->test, ok, failed);
  b_.SetBlock(failed);
  ir::ValueList operands;
  if (node->msg) operands.push_back(Expr(node->msg));
  const Node* site = node;
  LastJumpComparison(node->test, &site);
  b_.Append(Op::kRaiseAssertion, std::move(operands), site);
  b_.SetBlock(ok);
}

}  // namespace kiln::lower
