// Displays and subscripts: tuples, lists, sets, dicts (with * and ** unpacking),
// subscripts and slices, f-strings.
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

using ast::Kind;

ValueId FunctionLowerer::Sequence(const ast::NodeList& elements, Kind kind, const Node* node) {
  bool has_star = false;
  for (Node* element : elements) has_star = has_star || element->As<ast::Starred>();
  if (!has_star && kind != Kind::kSet) {
    ir::ValueList items;
    for (Node* element : elements) items.push_back(Expr(element));
    return b_.Value(kind == Kind::kList ? Op::kBuildList : Op::kBuildTuple, std::move(items), node);
  }
  // Sets, and anything with *unpacking: built step by step. CPython reports errors of
  // displays at the whole display.
  bool is_set = kind == Kind::kSet;
  ValueId collection = b_.Value(is_set ? Op::kNewSet : Op::kNewList, {}, node);
  for (Node* element : elements) {
    if (const auto* starred = element->As<ast::Starred>()) {
      b_.Append(is_set ? Op::kSetUpdate : Op::kListExtend, {collection, Expr(starred->value)}, node);
    } else {
      b_.Append(is_set ? Op::kSetAdd : Op::kListAppend, {collection, Expr(element)}, node);
    }
  }
  if (kind == Kind::kTuple) return b_.Value(Op::kListToTuple, {collection}, node);
  return collection;
}

ValueId FunctionLowerer::Dict(const ast::Dict* node) {
  ir::Instr& make = b_.Append(Op::kNewDict, {}, node);
  make.number = node->keys.size;
  ValueId dict = make.result();
  for (uint32_t i = 0; i < node->keys.size; ++i) {
    if (node->keys[i] == nullptr) {
      b_.Append(Op::kDictUpdate, {dict, Expr(node->values[i])}, node);
      continue;
    }
    ValueId key = Expr(node->keys[i]);
    ValueId value = Expr(node->values[i]);
    b_.Append(Op::kDictSetItem, {dict, key, value}, node);
  }
  return dict;
}

ValueId FunctionLowerer::Subscript(const ast::Subscript* node) {
  ValueId value = Expr(node->value);
  ValueId index = Expr(node->slice);
  return b_.Value(Op::kGetItem, {value, index}, node);
}

ValueId FunctionLowerer::Slice(const ast::Slice* node) {
  ir::ValueList parts;
  for (const Node* part : {node->lower, node->upper, node->step}) {
    parts.push_back(part ? Expr(part) : b_.None());
  }
  return b_.Value(Op::kBuildSlice, std::move(parts), node);
}

ValueId FunctionLowerer::JoinedStr(const ast::JoinedStr* node) {
  if (node->values.size == 0) return b_.Text("");
  if (node->values.size == 1) return Expr(node->values[0]);
  ir::ValueList pieces;
  for (Node* value : node->values) pieces.push_back(Expr(value));
  return b_.Value(Op::kJoinStrings, std::move(pieces), node);
}

ValueId FunctionLowerer::FormattedValue(const ast::FormattedValue* node) {
  ir::ValueList operands = {Expr(node->value)};
  if (node->format_spec) operands.push_back(Expr(node->format_spec));
  ir::Instr& format = b_.Append(Op::kFormatValue, std::move(operands), node);
  format.extra = node->conversion;
  format.number = format.operands.size();
  return format.result();
}

}  // namespace kiln::lower
