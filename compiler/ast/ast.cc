#include "compiler/ast/ast.h"

namespace kiln::ast {

Category CategoryOf(Kind kind) {
  switch (kind) {
#define KILN_AST_CATEGORY_CASE(Name, PythonName, CategoryValue) \
  case Kind::k##Name:                               \
    return Category::CategoryValue;
    KILN_AST_NODE_KINDS(KILN_AST_CATEGORY_CASE)
#undef KILN_AST_CATEGORY_CASE
  }
  return Category::kExpr;
}

const char* KindName(Kind kind) {
  switch (kind) {
#define KILN_AST_NAME_CASE(Name, PythonName, CategoryValue) \
  case Kind::k##Name:                           \
    return #PythonName;
    KILN_AST_NODE_KINDS(KILN_AST_NAME_CASE)
#undef KILN_AST_NAME_CASE
  }
  return "?";
}

bool HasAttributes(Kind kind) {
  switch (CategoryOf(kind)) {
    case Category::kStmt:
    case Category::kExpr:
    case Category::kExceptHandler:
    case Category::kArg:
    case Category::kKeyword:
    case Category::kAlias:
    case Category::kPattern:
      return true;
    default:
      return false;
  }
}

const char* ExprContextName(ExprContext value) {
  static const char* const kNames[] = {"Load", "Store", "Del"};
  return kNames[static_cast<int>(value)];
}
const char* BoolOpName(BoolOpKind value) {
  static const char* const kNames[] = {"And", "Or"};
  return kNames[static_cast<int>(value)];
}
const char* OperatorName(OperatorKind value) {
  static const char* const kNames[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",
                                       "Mod",    "Pow",    "LShift", "RShift", "BitOr",
                                       "BitXor", "BitAnd", "FloorDiv"};
  return kNames[static_cast<int>(value)];
}
const char* UnaryOpName(UnaryOpKind value) {
  static const char* const kNames[] = {"Invert", "Not", "UAdd", "USub"};
  return kNames[static_cast<int>(value)];
}
const char* CmpOpName(CmpOpKind value) {
  static const char* const kNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                       "GtE", "Is", "IsNot", "In", "NotIn"};
  return kNames[static_cast<int>(value)];
}

}  // namespace kiln::ast
