// Parser: atoms (names, numbers, constants), yield expressions, parenthesized
// forms, list/dict/set displays and comprehensions, and star targets.
#include "compiler/parse/parser_internal.h"

#include <vector>

#include "compiler/parse/literals.h"

namespace kiln::parse::internal {

Node* Parser::ParseAtom() {
  DepthGuard guard(this);
  if (guard.TooDeep()) return TooDeep();
  const Token& token = Cur();
  Pos start = Start();
  switch (token.kind) {
    case TokenKind::kName: {
      if (token.text == "None" || token.text == "True" || token.text == "False") {
        Advance();
        auto* constant = New<ast::Constant>(start);
        constant->value.type = token.text == "None"   ? ast::ConstantValue::Type::kNone
                               : token.text == "True" ? ast::ConstantValue::Type::kTrue
                                                      : ast::ConstantValue::Type::kFalse;
        return constant;
      }
      if (IsKeywordText(token.text)) return Fail();
      ast::Name* name = NameFromToken(token, ast::ExprContext::kLoad);
      Advance();
      return name;
    }
    case TokenKind::kNumber: {
      Advance();
      auto* constant = New<ast::Constant>(start);
      constant->value = ParseNumber(token.text, arena_);
      return constant;
    }
    case TokenKind::kString:
      return ParseStrings();
    case TokenKind::kOp:
      if (token.text == "(") return ParseParenthesized();
      if (token.text == "[") return ParseListDisplay();
      if (token.text == "{") return ParseDictOrSet();
      if (token.text == "...") {
        Advance();
        auto* constant = New<ast::Constant>(start);
        constant->value.type = ast::ConstantValue::Type::kEllipsis;
        return constant;
      }
      return Fail();
    default:
      return Fail();
  }
}

Node* Parser::ParseYieldExpression() {
  Pos start = Start();
  Advance();  // yield
  if (AcceptKeyword("from")) {
    Node* value = ParseExpression();
    if (!value) return nullptr;
    auto* node = New<ast::YieldFrom>(start);
    node->value = value;
    return node;
  }
  Node* value = nullptr;
  const Token& token = Cur();
  bool ends = token.kind == TokenKind::kNewline ||
              (token.kind == TokenKind::kOp &&
               (token.text == ")" || token.text == "]" || token.text == "}" ||
                token.text == ";" || token.text == "=" || token.text == ":"));
  if (!ends) {
    value = ParseStarExpressions();
    if (!value) return nullptr;
  }
  auto* node = New<ast::Yield>(start);
  node->value = value;
  return node;
}

Node* Parser::ParseParenthesized() {
  Pos start = Start();
  Advance();  // (
  if (AcceptOp(")")) {
    auto* tuple = New<ast::Tuple>(start);
    tuple->ctx = ast::ExprContext::kLoad;
    return tuple;
  }
  if (IsKeyword("yield")) {
    Node* value = ParseYieldExpression();
    if (!value) return nullptr;
    if (!ExpectOp(")")) return nullptr;
    return value;
  }
  Node* first = ParseStarNamedExpression();
  if (!first) return nullptr;
  if (IsKeyword("for") || (IsKeyword("async") && IsKeyword("for", 1))) {
    std::vector<Node*> generators;
    if (!ParseComprehensionClauses(&generators)) return nullptr;
    if (!ExpectOp(")")) return nullptr;
    auto* generator = New<ast::GeneratorExp>(start);
    generator->elt = first;
    generator->generators = List(generators);
    return generator;
  }
  if (AcceptOp(")")) {
    if (first->node_kind == ast::Kind::kStarred) {
      return RaiseAtNode(first, "cannot use starred expression here");
    }
    return first;
  }
  if (!IsOp(",")) {
    if (first->node_kind == ast::Kind::kNamedExpr || failed_) return Fail();
    return Fail();
  }
  std::vector<Node*> elements{first};
  while (AcceptOp(",")) {
    if (IsOp(")")) break;
    Node* element = ParseStarNamedExpression();
    if (!element) return nullptr;
    elements.push_back(element);
  }
  if (!ExpectOp(")")) return nullptr;
  return NewTuple(start, elements, ast::ExprContext::kLoad);
}

Node* Parser::ParseListDisplay() {
  Pos start = Start();
  Advance();  // [
  std::vector<Node*> elements;
  if (!IsOp("]")) {
    Node* first = ParseStarNamedExpression();
    if (!first) return nullptr;
    if (IsKeyword("for") || (IsKeyword("async") && IsKeyword("for", 1))) {
      std::vector<Node*> generators;
      if (!ParseComprehensionClauses(&generators)) return nullptr;
      if (!ExpectOp("]")) return nullptr;
      auto* comprehension = New<ast::ListComp>(start);
      comprehension->elt = first;
      comprehension->generators = List(generators);
      return comprehension;
    }
    elements.push_back(first);
    while (AcceptOp(",")) {
      if (IsOp("]")) break;
      Node* element = ParseStarNamedExpression();
      if (!element) return nullptr;
      elements.push_back(element);
    }
  }
  if (!ExpectOp("]")) return nullptr;
  auto* list = New<ast::List>(start);
  list->elts = List(elements);
  list->ctx = ast::ExprContext::kLoad;
  return list;
}

Node* Parser::ParseDictOrSet() {
  Pos start = Start();
  Advance();  // {
  if (AcceptOp("}")) {
    return New<ast::Dict>(start);
  }
  std::vector<Node*> keys;
  std::vector<Node*> values;
  bool is_dict;
  if (IsOp("**")) {
    Advance();
    Node* value = ParseBitOr();
    if (!value) return nullptr;
    keys.push_back(nullptr);
    values.push_back(value);
    is_dict = true;
  } else {
    Node* first = ParseStarNamedExpression();
    if (!first) return nullptr;
    if (AcceptOp(":")) {
      if (first->node_kind == ast::Kind::kStarred) {
        return RaiseAtNode(first, "cannot use a starred expression in a dictionary value");
      }
      if (IsOp("}") || IsOp(",")) {
        return RaiseAtToken(tokens_[pos_ - 1], "expression expected after dictionary key and ':'");
      }
      if (IsOp("*")) {
        return RaiseAtToken(Cur(), "cannot use a starred expression in a dictionary value");
      }
      Node* value = ParseExpression();
      if (!value) return nullptr;
      if (IsKeyword("for") || (IsKeyword("async") && IsKeyword("for", 1))) {
        std::vector<Node*> generators;
        if (!ParseComprehensionClauses(&generators)) return nullptr;
        if (!ExpectOp("}")) return nullptr;
        auto* comprehension = New<ast::DictComp>(start);
        comprehension->key = first;
        comprehension->value = value;
        comprehension->generators = List(generators);
        return comprehension;
      }
      keys.push_back(first);
      values.push_back(value);
      is_dict = true;
    } else {
      if (IsKeyword("for") || (IsKeyword("async") && IsKeyword("for", 1))) {
        std::vector<Node*> generators;
        if (!ParseComprehensionClauses(&generators)) return nullptr;
        if (!ExpectOp("}")) return nullptr;
        auto* comprehension = New<ast::SetComp>(start);
        comprehension->elt = first;
        comprehension->generators = List(generators);
        return comprehension;
      }
      values.push_back(first);
      is_dict = false;
    }
  }
  while (AcceptOp(",")) {
    if (IsOp("}")) break;
    if (is_dict) {
      if (AcceptOp("**")) {
        Node* value = ParseBitOr();
        if (!value) return nullptr;
        keys.push_back(nullptr);
        values.push_back(value);
        continue;
      }
      // CPython's invalid_kvpair: a later key not followed by ':' is reported
      // at the key's last character (before any two-expressions hint).
      bool saved_check = in_error_check_;
      in_error_check_ = true;
      Node* key = ParseExpression();
      in_error_check_ = saved_check;
      if (!key) return nullptr;
      if (!IsOp(":")) {
        if (failed_) return nullptr;
        return RaiseAt(key->lineno, key->end_col_offset - 1, "':' expected after dictionary key");
      }
      Advance();
      if (IsOp("}") || IsOp(",")) {
        return RaiseAtToken(tokens_[pos_ - 1], "expression expected after dictionary key and ':'");
      }
      if (IsOp("*")) {
        return RaiseAtToken(Cur(), "cannot use a starred expression in a dictionary value");
      }
      Node* value = ParseExpression();
      if (!value) return nullptr;
      keys.push_back(key);
      values.push_back(value);
    } else {
      Node* element = ParseStarNamedExpression();
      if (!element) return nullptr;
      values.push_back(element);
    }
  }
  if (!ExpectOp("}")) return nullptr;
  if (is_dict) {
    auto* dict = New<ast::Dict>(start);
    dict->keys = List(keys);
    dict->values = List(values);
    return dict;
  }
  auto* set = New<ast::Set>(start);
  set->elts = List(values);
  return set;
}

bool Parser::ParseComprehensionClauses(std::vector<Node*>* generators) {
  while (IsKeyword("for") || (IsKeyword("async") && IsKeyword("for", 1))) {
    bool is_async = AcceptKeyword("async");
    Advance();  // for
    Node* target = ParseStarTargets();
    if (!target) return false;
    if (!AcceptKeyword("in")) {
      Fail();
      return false;
    }
    if (!SetContext(target, ast::ExprContext::kStore, "assign to")) return false;
    Node* iter = ParseDisjunction();
    if (!iter) return false;
    std::vector<Node*> conditions;
    while (AcceptKeyword("if")) {
      Node* condition = ParseDisjunction();
      if (!condition) return false;
      conditions.push_back(condition);
    }
    auto* comprehension = arena_.New<ast::Comprehension>();
    comprehension->target = target;
    comprehension->iter = iter;
    comprehension->ifs = List(conditions);
    comprehension->is_async = is_async ? 1 : 0;
    generators->push_back(comprehension);
  }
  return true;
}

// star_targets: a target list as in `for TARGETS in`, without parsing `in`.
Node* Parser::ParseStarTargets() {
  Pos start = Start();
  Node* first = ParseStarTarget();
  if (!first) return nullptr;
  if (!IsOp(",")) return first;
  std::vector<Node*> elements{first};
  while (AcceptOp(",")) {
    if (IsKeyword("in") || IsOp("=") || IsOp(")") || IsOp(":")) break;
    Node* element = ParseStarTarget();
    if (!element) return nullptr;
    elements.push_back(element);
  }
  return NewTuple(start, elements, ast::ExprContext::kStore);
}

Node* Parser::ParseStarTarget() {
  if (IsOp("*")) {
    Pos start = Start();
    Advance();
    Node* value = ParseStarTarget();
    if (!value) return nullptr;
    return NewStarred(start, value, ast::ExprContext::kStore);
  }
  return ParsePrimary();
}

}  // namespace kiln::parse::internal
