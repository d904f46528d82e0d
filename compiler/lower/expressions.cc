// Expressions: constants, names, attributes, operators, and/or, comparisons, the
// conditional expression; and conditions (branching on a test without a bool object).
#include "absl/strings/str_cat.h"
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

using ast::Kind;

ValueId FunctionLowerer::Expr(const Node* node) {
  if (failed()) return b_.None();
  switch (node->node_kind) {
    case Kind::kConstant:
      return b_.Constant(node->As<ast::Constant>()->value);
    case Kind::kName:
      return LoadName(node->As<ast::Name>()->id, node);
    case Kind::kAttribute: {
      const auto* attribute = node->As<ast::Attribute>();
      ValueId object = Expr(attribute->value);
      ir::Instr& instr = b_.Append(Op::kGetAttr, {object}, node);
      instr.name = Mangle(attribute->attr);
      return instr.result();
    }
    case Kind::kBinOp: {
      const auto* binary = node->As<ast::BinOp>();
      ValueId left = Expr(binary->left);
      ValueId right = Expr(binary->right);
      ir::Instr& instr = b_.Append(Op::kBinary, {left, right}, node);
      instr.number = static_cast<int>(binary->op);
      return instr.result();
    }
    case Kind::kUnaryOp:
      return UnaryOp(node->As<ast::UnaryOp>());
    case Kind::kBoolOp:
      return BoolOp(node->As<ast::BoolOp>());
    case Kind::kCompare:
      return Compare(node->As<ast::Compare>());
    case Kind::kCall:
      return Call(node->As<ast::Call>());
    case Kind::kIfExp:
      return IfExp(node->As<ast::IfExp>());
    case Kind::kTuple:
      return Sequence(node->As<ast::Tuple>()->elts, Kind::kTuple, node);
    case Kind::kList:
      return Sequence(node->As<ast::List>()->elts, Kind::kList, node);
    case Kind::kSet:
      return Sequence(node->As<ast::Set>()->elts, Kind::kSet, node);
    case Kind::kDict:
      return Dict(node->As<ast::Dict>());
    case Kind::kSubscript:
      return Subscript(node->As<ast::Subscript>());
    case Kind::kSlice:
      return Slice(node->As<ast::Slice>());
    case Kind::kJoinedStr:
      return JoinedStr(node->As<ast::JoinedStr>());
    case Kind::kFormattedValue:
      return FormattedValue(node->As<ast::FormattedValue>());
    case Kind::kNamedExpr: {
      const auto* named = node->As<ast::NamedExpr>();
      ValueId value = Expr(named->value);
      StoreName(named->target->As<ast::Name>()->id, value, node);
      return value;
    }
    case Kind::kYield: {
      const auto* yield = node->As<ast::Yield>();
      ValueId value = yield->value ? Expr(yield->value) : b_.None();
      return Suspend(Op::kYield, value, node);
    }
    case Kind::kAwait: {
      return Await(Expr(node->As<ast::Await>()->value), node);
    }
    case Kind::kYieldFrom: {
      ValueId iterable = Expr(node->As<ast::YieldFrom>()->value);
      return Suspend(Op::kYieldFrom, b_.Value(Op::kGetYieldFromIter, {iterable}, node), node);
    }
    case Kind::kLambda:
      return MakeFunction(node, scopes_.ScopeOf(node), Qualname("<lambda>"));
    case Kind::kListComp:
    case Kind::kSetComp:
    case Kind::kDictComp:
    case Kind::kGeneratorExp:
      return Comprehension(node);
    default:
      Unsupported(node, absl::StrCat("expression ", ast::KindName(node->node_kind)));
      return b_.None();
  }
}

// yield v / yield from delegate: the body returns to the resume loop, which calls it
// again at the resume block with the value sent in (or an exception thrown in).
ValueId FunctionLowerer::Suspend(Op op, ValueId value, const Node* node) {
  if (!function_->is_generator) {
    Unsupported(node, "'yield' outside a generator function");
    return b_.None();
  }
  BlockId resume = b_.NewBlock();
  b_.Append(op, {value}, node).targets = {resume};
  b_.SetBlock(resume);
  return b_.Value(Op::kResumed, {}, node);
}

// `await x` delegates to x's awaitable iterator, as `yield from` does.
ValueId FunctionLowerer::Await(ValueId awaitable, const Node* node) {
  return Suspend(Op::kYieldFrom, b_.Value(Op::kGetAwaitableIter, {awaitable}, node), node);
}

bool FunctionLowerer::InCoroutine(const Node* node, const char* what) {
  if (function_->is_generator && scope_->is_coroutine) return true;
  Unsupported(node, absl::StrCat(what, " outside a coroutine"));  // sema reports it first
  return false;
}

ValueId FunctionLowerer::UnaryOp(const ast::UnaryOp* node) {
  ValueId operand = Expr(node->operand);
  if (node->op == ast::UnaryOpKind::kNot) {
    ValueId truth = b_.Value(Op::kIsTrue, {operand}, node);
    return b_.Value(Op::kBoolObject, {b_.Value(Op::kNot, {truth})});
  }
  ir::Instr& instr = b_.Append(Op::kUnary, {operand}, node);
  instr.number = static_cast<int>(node->op);
  return instr.result();
}

// `a and b` / `a or b`: the first value that decides, with the others released.
ValueId FunctionLowerer::BoolOp(const ast::BoolOp* node) {
  BlockId done = b_.NewBlock();
  ValueId result = function_->AddParam(done);
  for (uint32_t i = 0; i < node->values.size; ++i) {
    ValueId value = Expr(node->values[i]);
    if (i + 1 == node->values.size) {
      b_.Jump(done, {value});
      break;
    }
    ValueId truth = b_.Value(Op::kIsTrue, {value}, node->values[i]);
    BlockId next = b_.NewBlock();
    BlockId decided = b_.NewBlock();
    if (node->op == ast::BoolOpKind::kAnd) {
      b_.Branch(truth, next, decided);
    } else {
      b_.Branch(truth, decided, next);
    }
    b_.SetBlock(decided);
    b_.Jump(done, {value});
    b_.SetBlock(next);
  }
  b_.SetBlock(done);
  return result;
}

ValueId FunctionLowerer::CompareOne(ast::CmpOpKind op, ValueId left, ValueId right,
                                    const Node* node) {
  if (op == ast::CmpOpKind::kIs || op == ast::CmpOpKind::kIsNot) {
    ir::Instr& identity = b_.Append(Op::kIdentity, {left, right});
    identity.number = static_cast<int>(op);
    return b_.Value(Op::kBoolObject, {identity.result()});
  }
  ir::Instr& instr = b_.Append(Op::kCompare, {left, right}, node);
  instr.number = static_cast<int>(op);
  return instr.result();
}

// a < b < c: stops at the first false comparison, whose value is the result.
ValueId FunctionLowerer::Compare(const ast::Compare* node) {
  ValueId left = Expr(node->left);
  if (node->ops.size == 1) {
    return CompareOne(node->ops.items[0], left, Expr(node->comparators[0]), node);
  }
  BlockId done = b_.NewBlock();
  ValueId result = function_->AddParam(done);
  for (uint32_t i = 0; i < node->ops.size; ++i) {
    ValueId right = Expr(node->comparators[i]);
    ValueId comparison = CompareOne(node->ops.items[i], left, right, node);
    if (i + 1 == node->ops.size) {
      b_.Jump(done, {comparison});
      break;
    }
    ValueId truth = b_.Value(Op::kIsTrue, {comparison}, node);
    BlockId next = b_.NewBlock();
    BlockId decided = b_.NewBlock();
    b_.Branch(truth, next, decided);
    b_.SetBlock(decided);
    b_.Jump(done, {comparison});
    b_.SetBlock(next);
    left = right;
  }
  b_.SetBlock(done);
  return result;
}

ValueId FunctionLowerer::IfExp(const ast::IfExp* node) {
  BlockId body = b_.NewBlock();
  BlockId orelse = b_.NewBlock();
  BlockId done = b_.NewBlock();
  ValueId result = function_->AddParam(done);
  Condition(node->test, body, orelse);
  b_.SetBlock(body);
  b_.Jump(done, {Expr(node->body)});
  b_.SetBlock(orelse);
  b_.Jump(done, {Expr(node->orelse)});
  b_.SetBlock(done);
  return result;
}

void FunctionLowerer::Condition(const Node* test, BlockId if_true, BlockId if_false) {
  if (failed()) {
    b_.Jump(if_false);
    return;
  }
  if (const auto* boolop = test->As<ast::BoolOp>()) {
    bool is_and = boolop->op == ast::BoolOpKind::kAnd;
    for (uint32_t i = 0; i + 1 < boolop->values.size; ++i) {
      BlockId next = b_.NewBlock();
      if (is_and) {
        Condition(boolop->values[i], next, if_false);
      } else {
        Condition(boolop->values[i], if_true, next);
      }
      b_.SetBlock(next);
    }
    Condition(boolop->values[boolop->values.size - 1], if_true, if_false);
    return;
  }
  if (const auto* unary = test->As<ast::UnaryOp>(); unary && unary->op == ast::UnaryOpKind::kNot) {
    Condition(unary->operand, if_false, if_true);
    return;
  }
  if (const auto* compare = test->As<ast::Compare>(); compare && compare->ops.size == 1) {
    using C = ast::CmpOpKind;
    C op = compare->ops.items[0];
    if (op != C::kIs && op != C::kIsNot && op != C::kIn && op != C::kNotIn) {
      ValueId left = Expr(compare->left);
      ValueId right = Expr(compare->comparators[0]);
      ir::Instr& instr = b_.Append(Op::kCompareBool, {left, right}, test);
      instr.number = static_cast<int>(op);
      b_.Branch(instr.result(), if_true, if_false);
      return;
    }
  }
  ValueId value = Expr(test);
  b_.Branch(b_.Value(Op::kIsTrue, {value}, test), if_true, if_false);
}

}  // namespace kiln::lower
