// Emitters of operators, truth, attributes and items.
#include "absl/strings/str_cat.h"
#include "compiler/codegen/emitter.h"
#include "compiler/codegen/operators.h"

namespace kiln::codegen {

void FunctionEmitter::EmitBinary(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat(BinaryFunction(static_cast<ast::OperatorKind>(instr.number), instr.extra != 0),
                                "(", Args(instr.operands), ")"));
}

// A fused expression (see opt/fuse_arithmetic.cc): on C numbers when every operand is an
// exact float or small int and every step is exact (runtime/ops/number.h), boxed once
// (a comparison: its truth, not boxed); else operation by operation on objects, each
// failure reported at its own site.
void FunctionEmitter::EmitArithmetic(const ir::Instr& instr) { EmitFused(instr); }
void FunctionEmitter::EmitArithmeticCompare(const ir::Instr& instr) { EmitFused(instr); }

void FunctionEmitter::EmitFused(const ir::Instr& instr) {
  const ir::ArithmeticProgram& program = f_.arithmetic[instr.number];
  const bool compare = instr.op == ir::Op::kArithmeticCompare;
  const size_t leaves = instr.operands.size();
  const size_t last = program.size() - 1;
  auto number = [](int ref) { return ref < 0 ? absl::StrCat("n", -1 - ref) : absl::StrCat("t", ref); };
  auto object = [&](int ref) { return ref < 0 ? V(instr.operands[-1 - ref]) : absl::StrCat("o", ref); };
  auto compare_code = [&](const ir::ArithmeticNode& node) {
    return RichCompareCode(static_cast<ast::CmpOpKind>(node.compare));
  };
  std::string names;
  for (size_t k = 0; k < leaves; ++k) absl::StrAppend(&names, k ? ", " : "", "n", k, "{}");
  for (size_t k = 0; k < program.size(); ++k) {
    if (!(compare && k == last)) absl::StrAppend(&names, ", t", k, "{}");
  }
  // Initialised, though each is written before it is read: GCC cannot tell.
  Line(absl::StrCat("{ kiln::Number ", names, ";"));
  std::string fast;
  for (size_t k = 0; k < leaves; ++k) {
    absl::StrAppend(&fast, k ? " && " : "", "kiln::ToNumber(", V(instr.operands[k]), ", &n", k, ")");
  }
  const std::string result = Result(instr);
  for (size_t k = 0; k < program.size(); ++k) {
    const ir::ArithmeticNode& node = program[k];
    if (node.compare >= 0) {
      absl::StrAppend(&fast, " && kiln::NumberCompare(", number(node.left), ", ", number(node.right), ", ",
                      compare_code(node), ", &", result, ")");
      continue;
    }
    const char* step = "kiln::NumberAdd";
    switch (node.op) {
      case ast::OperatorKind::kSub: step = "kiln::NumberSubtract"; break;
      case ast::OperatorKind::kMult: step = "kiln::NumberMultiply"; break;
      case ast::OperatorKind::kDiv: step = "kiln::NumberTrueDivide"; break;
      case ast::OperatorKind::kFloorDiv: step = "kiln::NumberFloorDivide"; break;
      case ast::OperatorKind::kMod: step = "kiln::NumberRemainder"; break;
      default: break;
    }
    absl::StrAppend(&fast, " && ", step, "(", number(node.left), ", ", number(node.right), ", &t", k, ")");
  }
  Line(absl::StrCat("if (", fast, ") {"));
  if (!compare) Line(absl::StrCat("  ", result, " = kiln::BoxNumber(t", last, ");"));
  Line(absl::StrCat("  kline = ", instr.site, ";"));
  Line("} else {");
  // On objects: each intermediate result is released by its user (or on a failure).
  std::string temporaries;
  for (size_t k = 0; k < last; ++k) absl::StrAppend(&temporaries, k ? ", " : "", "*o", k, " = nullptr");
  Line(absl::StrCat("  PyObject ", temporaries, ";"));
  Line(absl::StrCat("  int failed = ", instr.site, ";"));
  // Failed unless the last operation succeeds (an earlier failure leaves the loop).
  Line(absl::StrCat("  ", result, compare ? " = -1;" : " = nullptr;"));
  Line("  do {");
  const std::string failure = compare ? absl::StrCat(result, " < 0") : absl::StrCat("!", result);
  for (size_t k = 0; k < program.size(); ++k) {
    const ir::ArithmeticNode& node = program[k];
    std::string target = k == last ? result : absl::StrCat("o", k);
    if (node.compare >= 0) {
      Line(absl::StrCat("    ", target, " = kiln::CompareBool(", object(node.left), ", ", object(node.right), ", ",
                        compare_code(node), ");"));
    } else {
      Line(absl::StrCat("    ", target, " = ", BinaryFunction(node.op, node.in_place), "(", object(node.left), ", ",
                        object(node.right), ");"));
    }
    for (int ref : {node.left, node.right}) {
      if (ref >= 0) Line(absl::StrCat("    Py_CLEAR(o", ref, ");"));
    }
    Line(absl::StrCat("    if (", k == last ? failure : "!" + target, ") { failed = ", node.site, "; break; }"));
  }
  Line("  } while (0);");
  for (size_t k = 0; k < last; ++k) Line(absl::StrCat("  Py_XDECREF(o", k, ");"));
  Line("  kline = failed;");
  Line("}");
  Line("}");
  std::string hoisted = Hoisted();
  if (!hoisted.empty()) Line(hoisted);
  Line(absl::StrCat("if (", failure, ") ", ErrorExit(instr, "", "kline")));
}

void FunctionEmitter::EmitUnary(const ir::Instr& instr) {
  const char* function = "PyNumber_Negative";
  switch (static_cast<ast::UnaryOpKind>(instr.number)) {
    case ast::UnaryOpKind::kInvert: function = "PyNumber_Invert"; break;
    case ast::UnaryOpKind::kUAdd: function = "PyNumber_Positive"; break;
    case ast::UnaryOpKind::kUSub: function = "PyNumber_Negative"; break;
    case ast::UnaryOpKind::kNot: break;  // lowered to IsTrue and Not
  }
  NullCheck(instr, absl::StrCat(function, "(", V(instr.operands[0]), ")"));
}

void FunctionEmitter::EmitCompare(const ir::Instr& instr) {
  auto op = static_cast<ast::CmpOpKind>(instr.number);
  if (op == ast::CmpOpKind::kIn || op == ast::CmpOpKind::kNotIn) {
    NullCheck(instr, absl::StrCat("kiln::Contains(", V(instr.operands[1]), ", ", V(instr.operands[0]), ", ",
                                  op == ast::CmpOpKind::kIn ? 1 : 0, ")"));
    return;
  }
  NullCheck(instr, absl::StrCat("kiln::RichCompare(", Args(instr.operands), ", ", RichCompareCode(op), ")"));
}

void FunctionEmitter::EmitCompareBool(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = kiln::CompareBool(", Args(instr.operands), ", ",
                    RichCompareCode(static_cast<ast::CmpOpKind>(instr.number)), ");"));
  std::string hoisted = Hoisted();
  if (!hoisted.empty()) Line(hoisted);
  Line(absl::StrCat("if (", Result(instr), " < 0) ", ErrorExit(instr)));
}

void FunctionEmitter::EmitIdentity(const ir::Instr& instr) {
  bool is = static_cast<ast::CmpOpKind>(instr.number) == ast::CmpOpKind::kIs;
  if (V(instr.operands[0]) == V(instr.operands[1])) {
    // `x is x`: the same expression (a slot or a constant) is the same object.
    Line(absl::StrCat(Result(instr), " = ", is ? 1 : 0, ";"));
    return;
  }
  Line(absl::StrCat(Result(instr), " = ", V(instr.operands[0]), is ? " == " : " != ", V(instr.operands[1]),
                    ";"));
}

void FunctionEmitter::EmitIsTrue(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = kiln::IsTrue(", V(instr.operands[0]), ");"));
  std::string hoisted = Hoisted();
  if (!hoisted.empty()) Line(hoisted);
  Line(absl::StrCat("if (", Result(instr), " < 0) ", ErrorExit(instr)));
}

// Not and BoolObject are inline expressions (V()).
void FunctionEmitter::EmitNot(const ir::Instr&) {}
void FunctionEmitter::EmitBoolObject(const ir::Instr&) {}

void FunctionEmitter::EmitGetAttr(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::LoadAttribute(", V(instr.operands[0]), ", ", Name(instr.name), ", ",
                                module_.NewAttributeCache(), ")"));
}

void FunctionEmitter::EmitSetAttr(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::StoreAttribute(", V(instr.operands[0]), ", ", Name(instr.name), ", ",
                                  V(instr.operands[1]), ", ", module_.NewAttributeCache(), ")"));
}

void FunctionEmitter::EmitDelAttr(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("PyObject_SetAttr(", V(instr.operands[0]), ", ", Name(instr.name), ", nullptr)"));
}

void FunctionEmitter::EmitGetItem(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::GetItem(", Args(instr.operands), ")"));
}

void FunctionEmitter::EmitSetItem(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::SetItem(", Args(instr.operands), ")"));
}

void FunctionEmitter::EmitDelItem(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("PyObject_DelItem(", Args(instr.operands), ")"));
}

void FunctionEmitter::EmitBuildSlice(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("PySlice_New(", Args(instr.operands), ")"));
}

}  // namespace kiln::codegen
