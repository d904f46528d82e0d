#include "compiler/codegen/operators.h"

namespace kiln::codegen {

const char* BinaryFunction(ast::OperatorKind op, bool in_place) {
  using O = ast::OperatorKind;
  switch (op) {
    case O::kAdd: return in_place ? "kiln::InPlaceAdd" : "kiln::Add";
    case O::kSub: return in_place ? "kiln::InPlaceSubtract" : "kiln::Subtract";
    case O::kMult: return in_place ? "kiln::InPlaceMultiply" : "kiln::Multiply";
    case O::kMatMult: return in_place ? "PyNumber_InPlaceMatrixMultiply" : "PyNumber_MatrixMultiply";
    case O::kDiv: return in_place ? "PyNumber_InPlaceTrueDivide" : "kiln::TrueDivide";
    case O::kMod: return in_place ? "PyNumber_InPlaceRemainder" : "kiln::Remainder";
    case O::kPow: return in_place ? "kiln::InPlacePower" : "kiln::Power";
    case O::kLShift: return in_place ? "PyNumber_InPlaceLshift" : "PyNumber_Lshift";
    case O::kRShift: return in_place ? "PyNumber_InPlaceRshift" : "PyNumber_Rshift";
    case O::kBitOr: return in_place ? "PyNumber_InPlaceOr" : "PyNumber_Or";
    case O::kBitXor: return in_place ? "PyNumber_InPlaceXor" : "PyNumber_Xor";
    case O::kBitAnd: return in_place ? "PyNumber_InPlaceAnd" : "PyNumber_And";
    case O::kFloorDiv: return in_place ? "PyNumber_InPlaceFloorDivide" : "kiln::FloorDivide";
  }
  return "?";
}

const char* RichCompareCode(ast::CmpOpKind op) {
  using C = ast::CmpOpKind;
  switch (op) {
    case C::kEq: return "Py_EQ";
    case C::kNotEq: return "Py_NE";
    case C::kLt: return "Py_LT";
    case C::kLtE: return "Py_LE";
    case C::kGt: return "Py_GT";
    case C::kGtE: return "Py_GE";
    case C::kIs:
    case C::kIsNot:
    case C::kIn:
    case C::kNotIn:
      return nullptr;
  }
  return nullptr;
}

}  // namespace kiln::codegen
