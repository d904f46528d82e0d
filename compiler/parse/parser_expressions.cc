// Parser: expressions from star_expressions down to primary (named
// expressions, conditional expressions, boolean, comparison and binary
// operators, unary operators, power, await, attributes, calls, subscripts).
#include "compiler/parse/parser_internal.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "absl/strings/str_format.h"

namespace kiln::parse::internal {

// ============================================================================
// Expressions
// ============================================================================

Node* Parser::ParseStarExpressions() {
  Pos start = Start();
  Node* first = ParseStarExpression();
  if (!first) return nullptr;
  if (!IsOp(",")) return first;
  std::vector<Node*> elements{first};
  while (AcceptOp(",")) {
    // An element may follow only if the next token can start an expression.
    const Token& token = Cur();
    bool can_start = token.kind == TokenKind::kName
                         ? (!IsKeywordText(token.text) || token.text == "None" ||
                            token.text == "True" || token.text == "False" ||
                            token.text == "not" || token.text == "lambda" ||
                            token.text == "await")
                         : (token.kind == TokenKind::kNumber || token.kind == TokenKind::kString ||
                            (token.kind == TokenKind::kOp &&
                             (token.text == "(" || token.text == "[" || token.text == "{" ||
                              token.text == "-" || token.text == "+" || token.text == "~" ||
                              token.text == "*" || token.text == "...")));
    if (!can_start) break;
    Node* element = ParseStarExpression();
    if (!element) return nullptr;
    elements.push_back(element);
  }
  return NewTuple(start, elements, ast::ExprContext::kLoad);
}

Node* Parser::ParseStarExpression() {
  if (IsOp("*")) {
    Pos start = Start();
    Advance();
    Node* value = ParseBitOr();
    if (!value) return nullptr;
    return NewStarred(start, value, ast::ExprContext::kLoad);
  }
  return ParseExpression();
}

Node* Parser::ParseStarNamedExpression() {
  if (IsOp("*")) {
    Pos start = Start();
    Advance();
    Node* value = ParseBitOr();
    if (!value) return nullptr;
    return NewStarred(start, value, ast::ExprContext::kLoad);
  }
  return ParseNamedExpression();
}

Node* Parser::ParseNamedExpression(bool check_assignment) {
  if (IsPlainName() && IsOp(":=", 1)) {
    Pos start = Start();
    ast::Name* target = NameFromToken(Cur(), ast::ExprContext::kStore);
    Advance();
    Advance();  // :=
    Node* value = ParseExpression();
    if (!value) return nullptr;
    auto* node = New<ast::NamedExpr>(start);
    node->target = target;
    node->value = value;
    return node;
  }
  Node* expression = ParseExpression();
  if (!expression) return nullptr;
  if (IsOp(":=")) {
    return RaiseAtNode(expression, absl::StrFormat("cannot use assignment expressions with %s",
                                                   ExpressionName(expression)));
  }
  if (check_assignment && IsOp("=") && !in_error_check_) {
    bool is_name = expression->node_kind == ast::Kind::kName;
    bool excluded = expression->node_kind == ast::Kind::kList ||
                    expression->node_kind == ast::Kind::kTuple ||
                    expression->node_kind == ast::Kind::kGeneratorExp ||
                    IsSingletonConstant(expression) || !IsBitwiseOrLevel(expression, true);
    if (is_name || !excluded) {
      Mark mark = Save();
      size_t first_pass_max = max_index_;
      Advance();  // =
      in_error_check_ = true;
      Node* value = ParseBitOr();
      in_error_check_ = false;
      EndErrorCheckReads(first_pass_max);
      bool matches = value != nullptr && !failed_ && !IsOp("=") && !IsOp(":=");
      if (!Restore(mark)) return nullptr;
      if (matches) {
        if (is_name) {
          return RaiseAtNode(expression,
                             "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        return RaiseAtNode(expression,
                           absl::StrFormat("cannot assign to %s here. Maybe you meant '==' "
                                           "instead of '='?",
                                           ExpressionName(expression)));
      }
    }
  }
  return expression;
}

Node* Parser::ParseExpression() {
  DepthGuard guard(this);
  if (guard.TooDeep()) return TooDeep();
  if (IsKeyword("lambda")) {
    DepthGuard lambda_guard(this);
    return ParseLambda();
  }
  Pos start = Start();
  // Peeks without counting as "fetched" (CPython looks only in its second pass).
  // (NAME is not a keyword there: `f(None "a")` does ask about a comma.)
  bool name_then_string = pos_ + 1 < tokens_.size() &&
                          tokens_[pos_].kind == TokenKind::kName &&
                          !IsKeywordText(tokens_[pos_].text) &&
                          tokens_[pos_ + 1].kind == TokenKind::kString;
  bool soft_keyword = pos_ < tokens_.size() && tokens_[pos_].kind == TokenKind::kName &&
                      (tokens_[pos_].text == "match" || tokens_[pos_].text == "case" ||
                       tokens_[pos_].text == "_");
  Node* body = ParseDisjunction();
  if (!body) return nullptr;
  if (!in_error_check_ && !name_then_string && !soft_keyword && StartsExpression()) {
    // CPython's invalid_expression: two expressions in a row. Its second pass
    // parses the second one wherever this happens (which can run into a
    // tokenizer error further on), and reports it only inside brackets.
    const auto* name = body->As<ast::Name>();
    bool legacy = name != nullptr && (name->id == "print" || name->id == "exec");
    Mark mark = Save();
    size_t first_pass_max = max_index_;
    in_error_check_ = true;
    Node* next = ParseExpression();
    in_error_check_ = false;
    EndErrorCheckReads(first_pass_max);
    // CPython checks the bracket level of the last token of the second one.
    bool in_brackets = pos_ > 0 && pos_ - 1 < tokens_.size() && tokens_[pos_ - 1].level > 0;
    if (next != nullptr && !failed_ && !legacy && in_brackets) {
      return RaiseAtNode(body, "invalid syntax. Perhaps you forgot a comma?");
    }
    if (!Restore(mark)) return nullptr;
  }
  if (!IsKeyword("if")) return body;
  Advance();
  Node* test = ParseDisjunction();
  if (!test) return nullptr;
  if (!AcceptKeyword("else")) {
    if (failed_) return nullptr;
    if (!IsOp(":")) {
      return RaiseAtNode(body, "expected 'else' after 'if' expression");
    }
    return Fail();
  }
  Node* orelse = ParseExpression();
  if (!orelse) return nullptr;
  auto* node = New<ast::IfExp>(start);
  node->test = test;
  node->body = body;
  node->orelse = orelse;
  return node;
}

Node* Parser::ParseLambda() {
  Pos start = Start();
  Advance();  // lambda
  ast::Arguments* arguments = ParseParameters(true);
  if (!arguments) return nullptr;
  if (!ExpectOp(":")) return nullptr;
  Node* body = ParseExpression();
  if (!body) return nullptr;
  auto* node = New<ast::Lambda>(start);
  node->args = arguments;
  node->body = body;
  return node;
}

Node* Parser::ParseDisjunction() {
  Pos start = Start();
  Node* first = ParseConjunction();
  if (!first || !IsKeyword("or")) return first;
  std::vector<Node*> values{first};
  while (AcceptKeyword("or")) {
    Node* value = ParseConjunction();
    if (!value) return nullptr;
    values.push_back(value);
  }
  auto* node = New<ast::BoolOp>(start);
  node->op = ast::BoolOpKind::kOr;
  node->values = List(values);
  return node;
}

Node* Parser::ParseConjunction() {
  Pos start = Start();
  Node* first = ParseInversion();
  if (!first || !IsKeyword("and")) return first;
  std::vector<Node*> values{first};
  while (AcceptKeyword("and")) {
    Node* value = ParseInversion();
    if (!value) return nullptr;
    values.push_back(value);
  }
  auto* node = New<ast::BoolOp>(start);
  node->op = ast::BoolOpKind::kAnd;
  node->values = List(values);
  return node;
}

Node* Parser::ParseInversion() {
  if (IsKeyword("not")) {
    DepthGuard guard(this);
    if (guard.TooDeep()) return TooDeep();
    Pos start = Start();
    Advance();
    Node* operand = ParseInversion();
    if (!operand) return nullptr;
    auto* node = New<ast::UnaryOp>(start);
    node->op = ast::UnaryOpKind::kNot;
    node->operand = operand;
    return node;
  }
  return ParseComparison();
}

Node* Parser::ParseComparison() {
  Pos start = Start();
  Node* left = ParseBitOr();
  if (!left) return nullptr;
  std::vector<ast::CmpOpKind> ops;
  std::vector<Node*> comparators;
  for (;;) {
    const Token& token = Cur();
    ast::CmpOpKind op;
    int width = 1;
    if (token.kind == TokenKind::kOp) {
      if (token.text == "==") op = ast::CmpOpKind::kEq;
      else if (token.text == "!=") op = ast::CmpOpKind::kNotEq;
      else if (token.text == "<") op = ast::CmpOpKind::kLt;
      else if (token.text == "<=") op = ast::CmpOpKind::kLtE;
      else if (token.text == ">") op = ast::CmpOpKind::kGt;
      else if (token.text == ">=") op = ast::CmpOpKind::kGtE;
      else break;
    } else if (token.kind == TokenKind::kName) {
      if (token.text == "in") {
        op = ast::CmpOpKind::kIn;
      } else if (token.text == "is") {
        if (IsKeyword("not", 1)) {
          op = ast::CmpOpKind::kIsNot;
          width = 2;
        } else {
          op = ast::CmpOpKind::kIs;
        }
      } else if (token.text == "not" && IsKeyword("in", 1)) {
        op = ast::CmpOpKind::kNotIn;
        width = 2;
      } else {
        break;
      }
    } else {
      break;
    }
    for (int k = 0; k < width; ++k) Advance();
    Node* right = ParseBitOr();
    if (!right) return nullptr;
    ops.push_back(op);
    comparators.push_back(right);
  }
  if (ops.empty()) return left;
  auto* node = New<ast::Compare>(start);
  node->left = left;
  node->ops.items = arena_.CopyArray(ops);
  node->ops.size = static_cast<uint32_t>(ops.size());
  node->comparators = List(comparators);
  return node;
}

namespace {

struct BinaryOperator {
  const char* text;
  ast::OperatorKind op;
};

}  // namespace

#define KILN_BINARY_LEVEL(Function, Next, ...)                     \
  Node* Parser::Function() {                                      \
    static const BinaryOperator kOperators[] = {__VA_ARGS__};     \
    Pos start = Start();                                          \
    Node* left = Next();                                          \
    if (!left) return nullptr;                                    \
    for (;;) {                                                    \
      const Token& token = Cur();                                 \
      if (token.kind != TokenKind::kOp) return left;              \
      const BinaryOperator* found = nullptr;                      \
      for (const BinaryOperator& candidate : kOperators) {        \
        if (token.text == candidate.text) found = &candidate;     \
      }                                                           \
      if (!found) return left;                                    \
      Advance();                                                  \
      Node* right = Next();                                       \
      if (!right) return nullptr;                                 \
      auto* node = New<ast::BinOp>(start);                        \
      node->left = left;                                          \
      node->op = found->op;                                       \
      node->right = right;                                        \
      left = node;                                                \
    }                                                             \
  }

KILN_BINARY_LEVEL(ParseBitOr, ParseBitXor, {"|", ast::OperatorKind::kBitOr})
KILN_BINARY_LEVEL(ParseBitXor, ParseBitAnd, {"^", ast::OperatorKind::kBitXor})
KILN_BINARY_LEVEL(ParseBitAnd, ParseShift, {"&", ast::OperatorKind::kBitAnd})
KILN_BINARY_LEVEL(ParseShift, ParseSum, {"<<", ast::OperatorKind::kLShift},
                  {">>", ast::OperatorKind::kRShift})
KILN_BINARY_LEVEL(ParseSum, ParseTerm, {"+", ast::OperatorKind::kAdd},
                  {"-", ast::OperatorKind::kSub})
KILN_BINARY_LEVEL(ParseTerm, ParseFactor, {"*", ast::OperatorKind::kMult},
                  {"/", ast::OperatorKind::kDiv}, {"//", ast::OperatorKind::kFloorDiv},
                  {"%", ast::OperatorKind::kMod}, {"@", ast::OperatorKind::kMatMult})
#undef KILN_BINARY_LEVEL

Node* Parser::ParseFactor() {
  const Token& token = Cur();
  if (token.kind == TokenKind::kOp &&
      (token.text == "+" || token.text == "-" || token.text == "~")) {
    DepthGuard guard(this);
    if (guard.TooDeep()) return TooDeep();
    Pos start = Start();
    ast::UnaryOpKind op = token.text == "+"   ? ast::UnaryOpKind::kUAdd
                          : token.text == "-" ? ast::UnaryOpKind::kUSub
                                              : ast::UnaryOpKind::kInvert;
    Advance();
    Node* operand = ParseFactor();
    if (!operand) return nullptr;
    auto* node = New<ast::UnaryOp>(start);
    node->op = op;
    node->operand = operand;
    return node;
  }
  return ParsePower();
}

Node* Parser::ParsePower() {
  Pos start = Start();
  Node* left = ParseAwaitPrimary();
  if (!left) return nullptr;
  if (!IsOp("**")) return left;
  DepthGuard guard(this, 2);
  if (guard.TooDeep()) return TooDeep();
  Advance();
  Node* right = ParseFactor();
  if (!right) return nullptr;
  auto* node = New<ast::BinOp>(start);
  node->left = left;
  node->op = ast::OperatorKind::kPow;
  node->right = right;
  return node;
}

Node* Parser::ParseAwaitPrimary() {
  if (IsKeyword("await")) {
    DepthGuard guard(this);
    if (guard.TooDeep()) return TooDeep();
    Pos start = Start();
    Advance();
    Node* value = ParsePrimary();
    if (!value) return nullptr;
    auto* node = New<ast::Await>(start);
    node->value = value;
    return node;
  }
  return ParsePrimary();
}

Node* Parser::ParsePrimary() {
  Pos start = Start();
  Node* node = ParseAtom();
  if (!node) return nullptr;
  for (;;) {
    if (IsOp(".")) {
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
    } else if (IsOp("(")) {
      node = ParseCall(node);
      if (!node) return nullptr;
      node->lineno = start.line;
      node->col_offset = start.col;
    } else if (IsOp("[")) {
      node = ParseSubscript(node);
      if (!node) return nullptr;
      node->lineno = start.line;
      node->col_offset = start.col;
    } else {
      return node;
    }
  }
}

Node* Parser::ParseCall(Node* function, bool allow_generator) {
  Pos open = Start();
  Advance();  // (
  std::vector<Node*> args;
  std::vector<Node*> keywords;
  bool saw_keyword = false;
  bool saw_double_star = false;
  const char* order_error = nullptr;
  Pos first_argument = Start();
  while (!IsOp(")")) {
    if (failed_) return nullptr;
    Pos start = Start();
    if (IsOp("*")) {
      if (saw_double_star) {
        // CPython's invalid_arguments `a=args ',' '*'` (its args stop before a '*'
        // that follows '**'), at the first argument, before reading further.
        return RaiseAt(first_argument.line, first_argument.col,
                       "iterable argument unpacking follows keyword argument unpacking");
      }
      Advance();
      Node* value = ParseExpression();
      if (!value) {
        // CPython's invalid_arguments `a=args ',' '*'`: no expression after a '*'
        // that follows other arguments; reported at the first argument.
        if (!args.empty() || !keywords.empty()) {
          return RaiseAt(first_argument.line, first_argument.col,
                         "iterable argument unpacking follows keyword argument unpacking");
        }
        return nullptr;
      }
      if (saw_double_star && order_error == nullptr) {
        order_error = "iterable argument unpacking follows keyword argument unpacking";
      }
      args.push_back(NewStarred(start, value, ast::ExprContext::kLoad));
    } else if (IsOp("**")) {
      Advance();
      Node* value = ParseExpression();
      if (!value) return nullptr;
      auto* keyword = New<ast::Keyword>(start);
      keyword->value = value;
      keywords.push_back(keyword);
      saw_double_star = true;
    } else if (IsKind(TokenKind::kName) &&
               (Cur().text == "True" || Cur().text == "False" || Cur().text == "None") &&
               IsOp("=", 1)) {
      return RaiseAtToken(Cur(), absl::StrFormat("cannot assign to %s", Cur().text));
    } else if (IsPlainName() && IsOp("=", 1)) {
      std::string_view name = Identifier(Cur().text);
      Advance();
      Advance();  // =
      Node* value = ParseExpression();
      if (!value) return nullptr;
      auto* keyword = New<ast::Keyword>(start);
      keyword->arg = name;
      keyword->value = value;
      keywords.push_back(keyword);
      saw_keyword = true;
    } else {
      // After a keyword argument, CPython's first pass has no rule for a positional
      // one: it reads only this token (and the next after a NAME, for `NAME '='`).
      // The rest is read by its second pass (invalid_arguments), so it does not move
      // the location of a generic "invalid syntax".
      bool after_keyword = saw_keyword || saw_double_star;
      size_t first_pass_max = std::max(max_index_, pos_ + (IsPlainName() ? 1 : 0));
      Node* value = ParseNamedExpression(/*check_assignment=*/false);
      if (after_keyword) EndErrorCheckReads(first_pass_max);
      if (!value) return nullptr;
      if (IsOp("=")) {
        return RaiseAtNode(value, "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (allow_generator && (IsKeyword("for") || (IsKeyword("async") && IsKeyword("for", 1)))) {
        std::vector<Node*> generators;
        if (!ParseComprehensionClauses(&generators)) return nullptr;
        if (!args.empty() || !keywords.empty() || !IsOp(")")) {
          if (!IsOp(")") || !args.empty() || !keywords.empty()) {
            return RaiseAtNode(value, "Generator expression must be parenthesized");
          }
        }
        Advance();  // )
        auto* generator = New<ast::GeneratorExp>(open);
        generator->elt = value;
        generator->generators = List(generators);
        auto* call = New<ast::Call>(open);
        call->func = function;
        call->args = List({generator});
        return call;
      }
      if ((saw_keyword || saw_double_star) && order_error == nullptr) {
        order_error = saw_double_star ? "positional argument follows keyword argument unpacking"
                                      : "positional argument follows keyword argument";
      }
      args.push_back(value);
    }
    if (!AcceptOp(",")) break;
  }
  if (order_error != nullptr && !failed_) {
    // CPython raises these after the whole argument list (in its second pass), at
    // the last token read in either pass.
    return RaiseAtToken(FurthestTokenAnyPass(), order_error);
  }
  if (!ExpectOp(")")) return nullptr;
  auto* call = New<ast::Call>(open);
  call->func = function;
  call->args = List(args);
  call->keywords = List(keywords);
  return call;
}

Node* Parser::ParseSlice() {
  Pos start = Start();
  Node* lower = nullptr;
  if (!IsOp(":")) {
    if (IsOp("*")) return ParseStarExpression();
    lower = ParseNamedExpression();
    if (!lower) return nullptr;
    if (!IsOp(":")) return lower;
  }
  Advance();  // :
  Node* upper = nullptr;
  Node* step = nullptr;
  if (!IsOp(":") && !IsOp("]") && !IsOp(",")) {
    upper = ParseExpression();
    if (!upper) return nullptr;
  }
  if (AcceptOp(":")) {
    if (!IsOp("]") && !IsOp(",")) {
      step = ParseExpression();
      if (!step) return nullptr;
    }
  }
  auto* slice = New<ast::Slice>(start);
  slice->lower = lower;
  slice->upper = upper;
  slice->step = step;
  return slice;
}

Node* Parser::ParseSubscript(Node* value) {
  Advance();  // [
  Pos start = Start();
  Node* first = ParseSlice();
  if (!first) return nullptr;
  Node* index = first;
  if (IsOp(",")) {
    std::vector<Node*> elements{first};
    while (AcceptOp(",")) {
      if (IsOp("]")) break;
      Node* element = ParseSlice();
      if (!element) return nullptr;
      elements.push_back(element);
    }
    index = NewTuple(start, elements, ast::ExprContext::kLoad);
  } else if (first->node_kind == ast::Kind::kStarred) {
    // a[*b] is a one-element tuple.
    index = NewTuple(start, {first}, ast::ExprContext::kLoad);
  }
  if (!ExpectOp("]")) return nullptr;
  auto* subscript = New<ast::Subscript>(start);
  subscript->value = value;
  subscript->slice = index;
  subscript->ctx = ast::ExprContext::kLoad;
  return subscript;
}

}  // namespace kiln::parse::internal
