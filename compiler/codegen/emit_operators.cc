// Emitters of operators, truth, attributes and items.
#include "absl/strings/str_cat.h"
#include "compiler/codegen/emitter.h"
#include "compiler/codegen/operators.h"

namespace kiln::codegen {

void FunctionEmitter::EmitBinary(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat(BinaryFunction(static_cast<ast::OperatorKind>(instr.number), instr.extra != 0),
                                "(", Args(instr.operands), ")"));
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
