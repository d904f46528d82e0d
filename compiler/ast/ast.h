// Python 3.11 abstract syntax tree: every node kind and field of CPython's
// `ast` module (Parser/Python.asdl), generated from ONE X-macro table below.
// Node structs are plain data allocated from an Arena; lists are arena arrays.
//
// The table: KILN_AST_NODE_KINDS(X) calls X(CppName, PythonName, Category)
// for every kind (they differ only for product types: Arg is `arg`),
// and KILN_AST_FIELDS_<Name>(F) calls F(FieldType, field_name) for each field
// of that kind, in ASDL order. Field types:
//   Node        required child node          OptNode   optional child (null = None)
//   NodeList    list of children (an element may be null = None, e.g. Dict keys)
//   Ident       identifier                   OptIdent  optional identifier
//   IdentList   identifier*                  Const     constant value
//   OptString   string? (null data = None)   String    string
//   Int         int                          Ctx       expr_context
//   BoolOpKind, OperatorKind, UnaryOpKind    CmpOpList cmpop*
//
// Example:
//   const auto* call = node->As<kiln::ast::Call>();  // null unless a Call
#ifndef KILN_COMPILER_AST_AST_H_
#define KILN_COMPILER_AST_AST_H_

#include <cstdint>
#include <string_view>

namespace kiln::ast {

// clang-format off
#define KILN_AST_NODE_KINDS(X)                                              \
  X(Module, Module, kMod) X(Interactive, Interactive, kMod) X(Expression, Expression, kMod)                  \
  X(FunctionType, FunctionType, kMod)                                                     \
  X(FunctionDef, FunctionDef, kStmt) X(AsyncFunctionDef, AsyncFunctionDef, kStmt) X(ClassDef, ClassDef, kStmt)       \
  X(Return, Return, kStmt) X(Delete, Delete, kStmt) X(Assign, Assign, kStmt) X(AugAssign, AugAssign, kStmt)    \
  X(AnnAssign, AnnAssign, kStmt) X(For, For, kStmt) X(AsyncFor, AsyncFor, kStmt) X(While, While, kStmt)      \
  X(If, If, kStmt) X(With, With, kStmt) X(AsyncWith, AsyncWith, kStmt) X(Match, Match, kStmt)           \
  X(Raise, Raise, kStmt) X(Try, Try, kStmt) X(TryStar, TryStar, kStmt) X(Assert, Assert, kStmt)          \
  X(Import, Import, kStmt) X(ImportFrom, ImportFrom, kStmt) X(Global, Global, kStmt)                    \
  X(Nonlocal, Nonlocal, kStmt) X(Expr, Expr, kStmt) X(Pass, Pass, kStmt) X(Break, Break, kStmt)          \
  X(Continue, Continue, kStmt)                                                        \
  X(BoolOp, BoolOp, kExpr) X(NamedExpr, NamedExpr, kExpr) X(BinOp, BinOp, kExpr) X(UnaryOp, UnaryOp, kExpr)    \
  X(Lambda, Lambda, kExpr) X(IfExp, IfExp, kExpr) X(Dict, Dict, kExpr) X(Set, Set, kExpr)             \
  X(ListComp, ListComp, kExpr) X(SetComp, SetComp, kExpr) X(DictComp, DictComp, kExpr)                   \
  X(GeneratorExp, GeneratorExp, kExpr) X(Await, Await, kExpr) X(Yield, Yield, kExpr)                    \
  X(YieldFrom, YieldFrom, kExpr) X(Compare, Compare, kExpr) X(Call, Call, kExpr)                      \
  X(FormattedValue, FormattedValue, kExpr) X(JoinedStr, JoinedStr, kExpr) X(Constant, Constant, kExpr)           \
  X(Attribute, Attribute, kExpr) X(Subscript, Subscript, kExpr) X(Starred, Starred, kExpr) X(Name, Name, kExpr)  \
  X(List, List, kExpr) X(Tuple, Tuple, kExpr) X(Slice, Slice, kExpr)                            \
  X(Comprehension, comprehension, kComprehension) X(ExceptHandler, ExceptHandler, kExceptHandler)         \
  X(Arguments, arguments, kArguments) X(Arg, arg, kArg) X(Keyword, keyword, kKeyword)                \
  X(Alias, alias, kAlias) X(WithItem, withitem, kWithItem) X(MatchCase, match_case, kMatchCase)         \
  X(MatchValue, MatchValue, kPattern) X(MatchSingleton, MatchSingleton, kPattern)                       \
  X(MatchSequence, MatchSequence, kPattern) X(MatchMapping, MatchMapping, kPattern)                      \
  X(MatchClass, MatchClass, kPattern) X(MatchStar, MatchStar, kPattern) X(MatchAs, MatchAs, kPattern)       \
  X(MatchOr, MatchOr, kPattern) X(TypeIgnore, TypeIgnore, kTypeIgnore)

#define KILN_AST_FIELDS_Module(F) F(NodeList, body) F(NodeList, type_ignores)
#define KILN_AST_FIELDS_Interactive(F) F(NodeList, body)
#define KILN_AST_FIELDS_Expression(F) F(Node, body)
#define KILN_AST_FIELDS_FunctionType(F) F(NodeList, argtypes) F(Node, returns)
#define KILN_AST_FIELDS_FunctionDef(F) F(Ident, name) F(Node, args) F(NodeList, body) \
  F(NodeList, decorator_list) F(OptNode, returns) F(OptString, type_comment)
#define KILN_AST_FIELDS_AsyncFunctionDef(F) KILN_AST_FIELDS_FunctionDef(F)
#define KILN_AST_FIELDS_ClassDef(F) F(Ident, name) F(NodeList, bases) \
  F(NodeList, keywords) F(NodeList, body) F(NodeList, decorator_list)
#define KILN_AST_FIELDS_Return(F) F(OptNode, value)
#define KILN_AST_FIELDS_Delete(F) F(NodeList, targets)
#define KILN_AST_FIELDS_Assign(F) F(NodeList, targets) F(Node, value) F(OptString, type_comment)
#define KILN_AST_FIELDS_AugAssign(F) F(Node, target) F(OperatorKind, op) F(Node, value)
#define KILN_AST_FIELDS_AnnAssign(F) F(Node, target) F(Node, annotation) \
  F(OptNode, value) F(Int, simple)
#define KILN_AST_FIELDS_For(F) F(Node, target) F(Node, iter) F(NodeList, body) \
  F(NodeList, orelse) F(OptString, type_comment)
#define KILN_AST_FIELDS_AsyncFor(F) KILN_AST_FIELDS_For(F)
#define KILN_AST_FIELDS_While(F) F(Node, test) F(NodeList, body) F(NodeList, orelse)
#define KILN_AST_FIELDS_If(F) F(Node, test) F(NodeList, body) F(NodeList, orelse)
#define KILN_AST_FIELDS_With(F) F(NodeList, items) F(NodeList, body) F(OptString, type_comment)
#define KILN_AST_FIELDS_AsyncWith(F) KILN_AST_FIELDS_With(F)
#define KILN_AST_FIELDS_Match(F) F(Node, subject) F(NodeList, cases)
#define KILN_AST_FIELDS_Raise(F) F(OptNode, exc) F(OptNode, cause)
#define KILN_AST_FIELDS_Try(F) F(NodeList, body) F(NodeList, handlers) \
  F(NodeList, orelse) F(NodeList, finalbody)
#define KILN_AST_FIELDS_TryStar(F) KILN_AST_FIELDS_Try(F)
#define KILN_AST_FIELDS_Assert(F) F(Node, test) F(OptNode, msg)
#define KILN_AST_FIELDS_Import(F) F(NodeList, names)
#define KILN_AST_FIELDS_ImportFrom(F) F(OptIdent, module) F(NodeList, names) F(Int, level)
#define KILN_AST_FIELDS_Global(F) F(IdentList, names)
#define KILN_AST_FIELDS_Nonlocal(F) F(IdentList, names)
#define KILN_AST_FIELDS_Expr(F) F(Node, value)
#define KILN_AST_FIELDS_Pass(F)
#define KILN_AST_FIELDS_Break(F)
#define KILN_AST_FIELDS_Continue(F)
#define KILN_AST_FIELDS_BoolOp(F) F(BoolOpKind, op) F(NodeList, values)
#define KILN_AST_FIELDS_NamedExpr(F) F(Node, target) F(Node, value)
#define KILN_AST_FIELDS_BinOp(F) F(Node, left) F(OperatorKind, op) F(Node, right)
#define KILN_AST_FIELDS_UnaryOp(F) F(UnaryOpKind, op) F(Node, operand)
#define KILN_AST_FIELDS_Lambda(F) F(Node, args) F(Node, body)
#define KILN_AST_FIELDS_IfExp(F) F(Node, test) F(Node, body) F(Node, orelse)
#define KILN_AST_FIELDS_Dict(F) F(NodeList, keys) F(NodeList, values)
#define KILN_AST_FIELDS_Set(F) F(NodeList, elts)
#define KILN_AST_FIELDS_ListComp(F) F(Node, elt) F(NodeList, generators)
#define KILN_AST_FIELDS_SetComp(F) F(Node, elt) F(NodeList, generators)
#define KILN_AST_FIELDS_DictComp(F) F(Node, key) F(Node, value) F(NodeList, generators)
#define KILN_AST_FIELDS_GeneratorExp(F) F(Node, elt) F(NodeList, generators)
#define KILN_AST_FIELDS_Await(F) F(Node, value)
#define KILN_AST_FIELDS_Yield(F) F(OptNode, value)
#define KILN_AST_FIELDS_YieldFrom(F) F(Node, value)
#define KILN_AST_FIELDS_Compare(F) F(Node, left) F(CmpOpList, ops) F(NodeList, comparators)
#define KILN_AST_FIELDS_Call(F) F(Node, func) F(NodeList, args) F(NodeList, keywords)
#define KILN_AST_FIELDS_FormattedValue(F) F(Node, value) F(Int, conversion) \
  F(OptNode, format_spec)
#define KILN_AST_FIELDS_JoinedStr(F) F(NodeList, values)
#define KILN_AST_FIELDS_Constant(F) F(Const, value) F(OptString, kind)
#define KILN_AST_FIELDS_Attribute(F) F(Node, value) F(Ident, attr) F(Ctx, ctx)
#define KILN_AST_FIELDS_Subscript(F) F(Node, value) F(Node, slice) F(Ctx, ctx)
#define KILN_AST_FIELDS_Starred(F) F(Node, value) F(Ctx, ctx)
#define KILN_AST_FIELDS_Name(F) F(Ident, id) F(Ctx, ctx)
#define KILN_AST_FIELDS_List(F) F(NodeList, elts) F(Ctx, ctx)
#define KILN_AST_FIELDS_Tuple(F) F(NodeList, elts) F(Ctx, ctx)
#define KILN_AST_FIELDS_Slice(F) F(OptNode, lower) F(OptNode, upper) F(OptNode, step)
#define KILN_AST_FIELDS_Comprehension(F) F(Node, target) F(Node, iter) \
  F(NodeList, ifs) F(Int, is_async)
#define KILN_AST_FIELDS_ExceptHandler(F) F(OptNode, type) F(OptIdent, name) F(NodeList, body)
#define KILN_AST_FIELDS_Arguments(F) F(NodeList, posonlyargs) F(NodeList, args) \
  F(OptNode, vararg) F(NodeList, kwonlyargs) F(NodeList, kw_defaults) \
  F(OptNode, kwarg) F(NodeList, defaults)
#define KILN_AST_FIELDS_Arg(F) F(Ident, arg) F(OptNode, annotation) F(OptString, type_comment)
#define KILN_AST_FIELDS_Keyword(F) F(OptIdent, arg) F(Node, value)
#define KILN_AST_FIELDS_Alias(F) F(Ident, name) F(OptIdent, asname)
#define KILN_AST_FIELDS_WithItem(F) F(Node, context_expr) F(OptNode, optional_vars)
#define KILN_AST_FIELDS_MatchCase(F) F(Node, pattern) F(OptNode, guard) F(NodeList, body)
#define KILN_AST_FIELDS_MatchValue(F) F(Node, value)
#define KILN_AST_FIELDS_MatchSingleton(F) F(Const, value)
#define KILN_AST_FIELDS_MatchSequence(F) F(NodeList, patterns)
#define KILN_AST_FIELDS_MatchMapping(F) F(NodeList, keys) F(NodeList, patterns) F(OptIdent, rest)
#define KILN_AST_FIELDS_MatchClass(F) F(Node, cls) F(NodeList, patterns) \
  F(IdentList, kwd_attrs) F(NodeList, kwd_patterns)
#define KILN_AST_FIELDS_MatchStar(F) F(OptIdent, name)
#define KILN_AST_FIELDS_MatchAs(F) F(OptNode, pattern) F(OptIdent, name)
#define KILN_AST_FIELDS_MatchOr(F) F(NodeList, patterns)
#define KILN_AST_FIELDS_TypeIgnore(F) F(Int, lineno) F(String, tag)
// clang-format on

enum class Kind : uint8_t {
#define KILN_AST_KIND_ENUM(Name, PythonName, Category) k##Name,
  KILN_AST_NODE_KINDS(KILN_AST_KIND_ENUM)
#undef KILN_AST_KIND_ENUM
};

// The ASDL type a kind belongs to.
enum class Category : uint8_t {
  kMod, kStmt, kExpr, kComprehension, kExceptHandler, kArguments, kArg,
  kKeyword, kAlias, kWithItem, kMatchCase, kPattern, kTypeIgnore,
};

Category CategoryOf(Kind kind);
const char* KindName(Kind kind);
// True for categories whose nodes carry lineno/col_offset/end_* in Python.
bool HasAttributes(Kind kind);

enum class ExprContext : uint8_t { kLoad, kStore, kDel };
enum class BoolOpKind : uint8_t { kAnd, kOr };
enum class OperatorKind : uint8_t {
  kAdd, kSub, kMult, kMatMult, kDiv, kMod, kPow, kLShift, kRShift, kBitOr,
  kBitXor, kBitAnd, kFloorDiv,
};
enum class UnaryOpKind : uint8_t { kInvert, kNot, kUAdd, kUSub };
enum class CmpOpKind : uint8_t { kEq, kNotEq, kLt, kLtE, kGt, kGtE, kIs, kIsNot, kIn, kNotIn };

const char* ExprContextName(ExprContext value);
const char* BoolOpName(BoolOpKind value);
const char* OperatorName(OperatorKind value);
const char* UnaryOpName(UnaryOpKind value);
const char* CmpOpName(CmpOpKind value);

// A Python constant as the parser produces it.
struct ConstantValue {
  enum class Type : uint8_t { kNone, kTrue, kFalse, kEllipsis, kInt, kFloat, kComplex, kStr, kBytes };
  Type type = Type::kNone;
  // kInt: decimal digits (arbitrary precision, no sign); kStr: UTF-8 text
  // (lone surrogates from escapes are encoded as 3-byte sequences); kBytes:
  // the raw bytes.
  std::string_view text;
  double number = 0;  // kFloat value, or kComplex imaginary part
};

struct Node;

// An arena array of child nodes; an element may be null (Python None).
struct NodeList {
  Node** items = nullptr;
  uint32_t size = 0;
  Node** begin() const { return items; }
  Node** end() const { return items + size; }
  bool empty() const { return size == 0; }
  Node* operator[](size_t index) const { return items[index]; }
};

struct IdentList {
  std::string_view* items = nullptr;
  uint32_t size = 0;
  std::string_view* begin() const { return items; }
  std::string_view* end() const { return items + size; }
};

struct CmpOpList {
  CmpOpKind* items = nullptr;
  uint32_t size = 0;
  CmpOpKind* begin() const { return items; }
  CmpOpKind* end() const { return items + size; }
};

// An optional string: data() == nullptr means None.
using OptString = std::string_view;

namespace field_type {
using Node = ::kiln::ast::Node*;
using OptNode = ::kiln::ast::Node*;
using NodeList = ::kiln::ast::NodeList;
using Ident = std::string_view;
using OptIdent = std::string_view;  // data() == nullptr means None
using IdentList = ::kiln::ast::IdentList;
using Const = ::kiln::ast::ConstantValue;
using OptString = std::string_view;
using String = std::string_view;
using Int = int;
using Ctx = ::kiln::ast::ExprContext;
using BoolOpKind = ::kiln::ast::BoolOpKind;
using OperatorKind = ::kiln::ast::OperatorKind;
using UnaryOpKind = ::kiln::ast::UnaryOpKind;
using CmpOpList = ::kiln::ast::CmpOpList;
}  // namespace field_type

struct Node {
  Kind node_kind;
  int lineno = 0;
  int col_offset = 0;  // UTF-8 byte offset
  int end_lineno = 0;
  int end_col_offset = 0;

  template <typename T>
  T* As() {
    return node_kind == T::kKind ? static_cast<T*>(this) : nullptr;
  }
  template <typename T>
  const T* As() const {
    return node_kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};

#define KILN_AST_DECLARE_FIELD(Type, field) field_type::Type field{};
#define KILN_AST_DECLARE_NODE(Name, PythonName, CategoryValue)           \
  struct Name final : Node {                                 \
    static constexpr Kind kKind = Kind::k##Name;             \
    Name() { node_kind = kKind; }                                 \
    KILN_AST_FIELDS_##Name(KILN_AST_DECLARE_FIELD)           \
  };
KILN_AST_NODE_KINDS(KILN_AST_DECLARE_NODE)
#undef KILN_AST_DECLARE_NODE
#undef KILN_AST_DECLARE_FIELD

// match patterns: the wildcard `_` (a MatchAs without sub-pattern or name) and `*_`.
inline bool IsWildcardPattern(const Node* pattern) {
  const auto* as = pattern->As<MatchAs>();
  return as && as->pattern == nullptr && as->name.data() == nullptr;
}
inline bool IsStarWildcardPattern(const Node* pattern) {
  const auto* star = pattern->As<MatchStar>();
  return star && star->name.data() == nullptr;
}

}  // namespace kiln::ast

#endif  // KILN_COMPILER_AST_AST_H_
