// Parser: match statements and their patterns (value, singleton, capture,
// sequence, mapping, class, or and as patterns).
#include "compiler/parse/parser_internal.h"

#include <string_view>
#include <vector>

#include "absl/strings/str_format.h"

namespace kiln::parse::internal {

// ============================================================================
// match statements and patterns
// ============================================================================

Node* Parser::ParseMatch() {
  Pos start = Start();
  int line = Cur().line;
  Mark mark = Save();
  Advance();  // match
  const Token& next = Cur();
  bool can_start = next.kind == TokenKind::kName || next.kind == TokenKind::kNumber ||
                   next.kind == TokenKind::kString ||
                   (next.kind == TokenKind::kOp &&
                    (next.text == "(" || next.text == "[" || next.text == "{" ||
                     next.text == "-" || next.text == "+" || next.text == "~" ||
                     next.text == "*" || next.text == "..."));
  if (!can_start || (next.kind == TokenKind::kName && IsKeywordText(next.text) &&
                     next.text != "None" && next.text != "True" && next.text != "False" &&
                     next.text != "not" && next.text != "lambda" && next.text != "await")) {
    Restore(mark);
    return nullptr;
  }
  Pos subject_start = Start();
  Node* subject = ParseStarNamedExpression();
  if (subject && IsOp(",")) {
    std::vector<Node*> elements{subject};
    while (AcceptOp(",")) {
      if (IsOp(":")) break;
      Node* element = ParseStarNamedExpression();
      if (!element) {
        subject = nullptr;
        break;
      }
      elements.push_back(element);
    }
    if (subject) {
      subject = NewTuple(subject_start, elements, ast::ExprContext::kLoad);
    }
  }
  if (subject && IsKind(TokenKind::kNewline)) {
    // `match x` + newline: "expected ':'" unless the line parses otherwise
    // (as `match(x)` does); ParseSimpleStatements decides.
    match_newline_index_ = pos_;
  }
  if (!subject || !IsOp(":")) {
    if (!Restore(mark, /*defer_errors=*/true)) return nullptr;
    return nullptr;
  }
  Advance();  // :
  if (!IsKind(TokenKind::kNewline)) {
    if (!Restore(mark, /*defer_errors=*/true)) return nullptr;
    return nullptr;
  }
  Advance();
  if (!IsKind(TokenKind::kIndent)) {
    return RaiseAtToken(Cur(),
                        absl::StrFormat("expected an indented block after 'match' statement "
                                        "on line %d",
                                        line),
                        "IndentationError");
  }
  Advance();
  std::vector<Node*> cases;
  while (IsKeyword("case")) {
    int case_line = Cur().line;
    Advance();
    Node* pattern = ParsePatterns();
    if (!pattern) return nullptr;
    Node* guard = nullptr;
    if (AcceptKeyword("if")) {
      guard = ParseNamedExpression();
      if (!guard) return nullptr;
    }
    if (!ExpectColon()) return nullptr;
    std::vector<Node*> body;
    if (!ParseBlock(&body, "'case' statement", case_line)) return nullptr;
    auto* match_case = arena_.New<ast::MatchCase>();
    match_case->pattern = pattern;
    match_case->guard = guard;
    match_case->body = List(body);
    cases.push_back(match_case);
  }
  if (cases.empty() || !IsKind(TokenKind::kDedent)) return Fail();
  Advance();
  auto* node = New<ast::Match>(start);
  node->subject = subject;
  node->cases = List(cases);
  return node;
}

Node* Parser::ParsePatterns() {
  Pos start = Start();
  Node* first = ParseMaybeStarPattern();
  if (!first) return nullptr;
  if (!IsOp(",")) {
    if (first->node_kind == ast::Kind::kMatchStar) return Fail();
    return first;
  }
  std::vector<Node*> patterns{first};
  while (AcceptOp(",")) {
    if (IsOp(":") || IsKeyword("if")) break;
    Node* pattern = ParseMaybeStarPattern();
    if (!pattern) return nullptr;
    patterns.push_back(pattern);
  }
  auto* sequence = New<ast::MatchSequence>(start);
  sequence->patterns = List(patterns);
  return sequence;
}

Node* Parser::ParseMaybeStarPattern() {
  if (IsOp("*")) {
    Pos start = Start();
    Advance();
    if (!IsPlainName()) return Fail();
    std::string_view name;
    if (Cur().text != "_") name = Identifier(Cur().text);
    Advance();
    auto* star = New<ast::MatchStar>(start);
    star->name = name;
    return star;
  }
  return ParsePattern();
}

Node* Parser::ParsePattern() {
  DepthGuard guard(this);
  if (guard.TooDeep()) return TooDeep();
  Pos start = Start();
  Node* pattern = ParseOrPattern();
  if (!pattern) return nullptr;
  if (!IsKeyword("as")) return pattern;
  Advance();
  if (!IsPlainName()) {
    if (failed_) return nullptr;
    return RaiseAtToken(Cur(), "invalid pattern target");
  }
  if (Cur().text == "_") return RaiseAtToken(Cur(), "cannot use '_' as a target");
  std::string_view name = Identifier(Cur().text);
  Advance();
  auto* as = New<ast::MatchAs>(start);
  as->pattern = pattern;
  as->name = name;
  return as;
}

Node* Parser::ParseOrPattern() {
  Pos start = Start();
  Node* first = ParseClosedPattern();
  if (!first) return nullptr;
  if (!IsOp("|")) return first;
  std::vector<Node*> patterns{first};
  while (AcceptOp("|")) {
    Node* pattern = ParseClosedPattern();
    if (!pattern) return nullptr;
    patterns.push_back(pattern);
  }
  auto* node = New<ast::MatchOr>(start);
  node->patterns = List(patterns);
  return node;
}

Node* Parser::ParseSignedNumber(bool allow_complex) {
  Pos start = Start();
  Node* value;
  if (IsOp("-")) {
    Advance();
    if (!IsKind(TokenKind::kNumber)) return Fail();
    Node* number = ParseAtom();
    auto* negative = New<ast::UnaryOp>(start);
    negative->op = ast::UnaryOpKind::kUSub;
    negative->operand = number;
    value = negative;
  } else {
    if (!IsKind(TokenKind::kNumber)) return Fail();
    value = ParseAtom();
  }
  if (allow_complex && (IsOp("+") || IsOp("-"))) {
    ast::OperatorKind op = Cur().text == "+" ? ast::OperatorKind::kAdd : ast::OperatorKind::kSub;
    Advance();
    if (!IsKind(TokenKind::kNumber)) return Fail();
    const Node* real = value->node_kind == ast::Kind::kUnaryOp
                           ? static_cast<ast::UnaryOp*>(value)->operand
                           : value;
    if (static_cast<const ast::Constant*>(real)->value.type ==
        ast::ConstantValue::Type::kComplex) {
      return RaiseAtNode(value, "real number required in complex literal");
    }
    Node* imaginary = ParseAtom();
    if (!imaginary) return nullptr;
    if (static_cast<ast::Constant*>(imaginary)->value.type !=
        ast::ConstantValue::Type::kComplex) {
      return RaiseAtNode(imaginary, "imaginary number required in complex literal");
    }
    auto* sum = New<ast::BinOp>(start);
    sum->left = value;
    sum->op = op;
    sum->right = imaginary;
    value = sum;
  }
  return value;
}

Node* Parser::ParseNameOrAttribute() {
  Pos start = Start();
  Node* node = NameFromToken(Cur(), ast::ExprContext::kLoad);
  Advance();
  while (IsOp(".")) {
    Advance();
    if (!IsPlainName()) return Fail();
    auto* attribute = arena_.New<ast::Attribute>();
    attribute->value = node;
    attribute->attr = Identifier(Cur().text);
    attribute->ctx = ast::ExprContext::kLoad;
    Advance();
    attribute->lineno = start.line;
    attribute->col_offset = start.col;
    attribute->end_lineno = previous_end_.line;
    attribute->end_col_offset = previous_end_.col;
    node = attribute;
  }
  return node;
}

Node* Parser::ParseClosedPattern() {
  Pos start = Start();
  const Token& token = Cur();
  if (token.kind == TokenKind::kNumber || (token.kind == TokenKind::kOp && token.text == "-")) {
    Node* value = ParseSignedNumber(true);
    if (!value) return nullptr;
    auto* node = New<ast::MatchValue>(start);
    node->value = value;
    return node;
  }
  if (token.kind == TokenKind::kString) {
    Node* value = ParseStrings();
    if (!value) return nullptr;
    auto* node = New<ast::MatchValue>(start);
    node->value = value;
    return node;
  }
  if (token.kind == TokenKind::kName) {
    if (token.text == "None" || token.text == "True" || token.text == "False") {
      Advance();
      auto* node = New<ast::MatchSingleton>(start);
      node->value.type = token.text == "None"   ? ast::ConstantValue::Type::kNone
                         : token.text == "True" ? ast::ConstantValue::Type::kTrue
                                                : ast::ConstantValue::Type::kFalse;
      return node;
    }
    if (IsKeywordText(token.text)) return Fail();
    if (!IsOp(".", 1) && !IsOp("(", 1)) {
      std::string_view name;
      if (token.text != "_") name = Identifier(token.text);
      Advance();
      auto* node = New<ast::MatchAs>(start);
      node->name = name;
      return node;
    }
    Node* cls = ParseNameOrAttribute();
    if (!cls) return nullptr;
    if (!IsOp("(")) {
      auto* node = New<ast::MatchValue>(start);
      node->value = cls;
      return node;
    }
    Advance();  // (
    std::vector<Node*> patterns;
    std::vector<std::string_view> keyword_names;
    std::vector<Node*> keyword_patterns;
    while (!IsOp(")")) {
      if (failed_) return nullptr;
      if (IsPlainName() && IsOp("=", 1)) {
        keyword_names.push_back(Identifier(Cur().text));
        Advance();
        Advance();
        Node* pattern = ParsePattern();
        if (!pattern) return nullptr;
        keyword_patterns.push_back(pattern);
      } else {
        Node* pattern = ParsePattern();
        if (!pattern) return nullptr;
        if (!keyword_patterns.empty()) {
          return RaiseAtNode(pattern, "positional patterns follow keyword patterns");
        }
        patterns.push_back(pattern);
      }
      if (!AcceptOp(",")) break;
    }
    if (!ExpectOp(")")) return nullptr;
    auto* node = New<ast::MatchClass>(start);
    node->cls = cls;
    node->patterns = List(patterns);
    node->kwd_attrs.items = arena_.CopyArray(keyword_names);
    node->kwd_attrs.size = static_cast<uint32_t>(keyword_names.size());
    node->kwd_patterns = List(keyword_patterns);
    return node;
  }
  if (token.kind != TokenKind::kOp) return Fail();
  if (token.text == "(" || token.text == "[") {
    bool paren = token.text == "(";
    std::string_view close = paren ? ")" : "]";
    Advance();
    std::vector<Node*> patterns;
    bool saw_comma = false;
    while (!IsOp(close)) {
      if (failed_) return nullptr;
      Node* pattern = ParseMaybeStarPattern();
      if (!pattern) return nullptr;
      patterns.push_back(pattern);
      if (!AcceptOp(",")) break;
      saw_comma = true;
    }
    if (!ExpectOp(close)) return nullptr;
    if (paren && patterns.size() == 1 && !saw_comma) {
      if (patterns[0]->node_kind == ast::Kind::kMatchStar) return Fail();
      return patterns[0];  // group pattern
    }
    auto* node = New<ast::MatchSequence>(start);
    node->patterns = List(patterns);
    return node;
  }
  if (token.text == "{") {
    Advance();
    std::vector<Node*> keys;
    std::vector<Node*> patterns;
    std::string_view rest;
    while (!IsOp("}")) {
      if (failed_) return nullptr;
      if (IsOp("**")) {
        Advance();
        if (!IsPlainName()) return Fail();
        rest = Identifier(Cur().text);
        Advance();
        AcceptOp(",");
        break;
      }
      Node* key = nullptr;
      const Token& key_token = Cur();
      if (key_token.kind == TokenKind::kNumber ||
          (key_token.kind == TokenKind::kOp && key_token.text == "-")) {
        key = ParseSignedNumber(true);
      } else if (key_token.kind == TokenKind::kString) {
        key = ParseStrings();
      } else if (key_token.kind == TokenKind::kName &&
                 (key_token.text == "None" || key_token.text == "True" ||
                  key_token.text == "False")) {
        key = ParseAtom();
      } else if (IsPlainName() && IsOp(".", 1)) {
        key = ParseNameOrAttribute();
      } else {
        return Fail();
      }
      if (!key) return nullptr;
      if (!ExpectOp(":")) return nullptr;
      Node* pattern = ParsePattern();
      if (!pattern) return nullptr;
      keys.push_back(key);
      patterns.push_back(pattern);
      if (!AcceptOp(",")) break;
    }
    if (!ExpectOp("}")) return nullptr;
    auto* node = New<ast::MatchMapping>(start);
    node->keys = List(keys);
    node->patterns = List(patterns);
    node->rest = rest;
    return node;
  }
  return Fail();
}

}  // namespace kiln::parse::internal
