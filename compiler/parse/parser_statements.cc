// Parser: the module, simple statements (return, raise, global, del, assert,
// import, expression statements and assignments) and assignment targets.
#include "compiler/parse/parser_internal.h"

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_format.h"

namespace kiln::parse::internal {

// ============================================================================
// Statements
// ============================================================================

ast::Module* Parser::ParseModule() {
  std::vector<Node*> body;
  if (!ParseStatementsUntil(TokenKind::kEndMarker, &body)) return nullptr;
  auto* module = arena_.New<ast::Module>();
  module->body = List(body);
  return module;
}

bool Parser::ParseStatementsUntil(TokenKind end_kind, std::vector<Node*>* body) {
  while (!failed_) {
    if (IsKind(end_kind)) return true;
    if (IsKind(TokenKind::kIndent)) {
      // Reported as CPython's generic "unexpected indent" (ResolveError).
      Fail();
      return false;
    }
    if (!ParseStatement(body)) return false;
  }
  return false;
}

bool Parser::ParseStatement(std::vector<Node*>* body) {
  Node* compound = ParseCompoundStatement();
  if (failed_) return false;
  if (compound != nullptr) {
    body->push_back(compound);
    return true;
  }
  return ParseSimpleStatements(body);
}

bool Parser::ParseSimpleStatements(std::vector<Node*>* body) {
  size_t match_newline = match_newline_index_;
  match_newline_index_ = 0;
  for (;;) {
    Node* statement = ParseSimpleStatement();
    if (statement == nullptr) {
      if (match_newline != 0 && !specific_ && !lex_error_hit_) {
        RaiseAtToken(tokens_[match_newline], "expected ':'");
      }
      Fail();
      return false;
    }
    body->push_back(statement);
    if (AcceptOp(";")) {
      if (IsKind(TokenKind::kNewline)) break;
      continue;
    }
    break;
  }
  if (!IsKind(TokenKind::kNewline)) {
    if (match_newline != 0 && !specific_ && !lex_error_hit_) {
      RaiseAtToken(tokens_[match_newline], "expected ':'");
    }
    Fail();
    return false;
  }
  Advance();
  return true;
}

Node* Parser::ParseSimpleStatement() {
  DepthGuard guard(this);
  if (guard.TooDeep()) return TooDeep();
  Pos start = Start();
  const Token& token = Cur();
  if (token.kind == TokenKind::kName) {
    std::string_view word = token.text;
    if (word == "pass") {
      Advance();
      return New<ast::Pass>(start);
    }
    if (word == "break") {
      Advance();
      return New<ast::Break>(start);
    }
    if (word == "continue") {
      Advance();
      return New<ast::Continue>(start);
    }
    if (word == "return") {
      Advance();
      Node* value = nullptr;
      if (!IsKind(TokenKind::kNewline) && !IsOp(";")) {
        value = ParseStarExpressions();
        if (!value) return nullptr;
      }
      auto* node = New<ast::Return>(start);
      node->value = value;
      return node;
    }
    if (word == "raise") {
      Advance();
      Node* exc = nullptr;
      Node* cause = nullptr;
      if (!IsKind(TokenKind::kNewline) && !IsOp(";")) {
        exc = ParseExpression();
        if (!exc) return nullptr;
        if (AcceptKeyword("from")) {
          cause = ParseExpression();
          if (!cause) return nullptr;
        }
      }
      auto* node = New<ast::Raise>(start);
      node->exc = exc;
      node->cause = cause;
      return node;
    }
    if (word == "global" || word == "nonlocal") {
      Advance();
      std::vector<std::string_view> names;
      for (;;) {
        if (!IsPlainName()) return Fail();
        names.push_back(Identifier(Cur().text));
        Advance();
        if (!AcceptOp(",")) break;
      }
      ast::IdentList list;
      list.items = arena_.CopyArray(names);
      list.size = static_cast<uint32_t>(names.size());
      if (word == "global") {
        auto* node = New<ast::Global>(start);
        node->names = list;
        return node;
      }
      auto* node = New<ast::Nonlocal>(start);
      node->names = list;
      return node;
    }
    if (word == "del") {
      Advance();
      std::vector<Node*> targets;
      if (!ParseDelTargets(&targets)) return nullptr;
      auto* node = New<ast::Delete>(start);
      node->targets = List(targets);
      return node;
    }
    if (word == "assert") {
      Advance();
      Node* test = ParseExpression();
      if (!test) return nullptr;
      Node* message = nullptr;
      if (AcceptOp(",")) {
        message = ParseExpression();
        if (!message) return nullptr;
      }
      auto* node = New<ast::Assert>(start);
      node->test = test;
      node->msg = message;
      return node;
    }
    if (word == "import") return ParseImport();
    if (word == "from") return ParseFromImport();
  }
  return ParseExpressionStatement();
}

Node* Parser::ParseDelTargets(std::vector<Node*>* targets) {
  for (;;) {
    Node* target = ParseStarTarget();
    if (!target) return nullptr;
    if (!SetContext(target, ast::ExprContext::kDel, "delete")) return nullptr;
    targets->push_back(target);
    if (!AcceptOp(",")) break;
    if (IsKind(TokenKind::kNewline) || IsOp(";")) break;
  }
  if (!IsKind(TokenKind::kNewline) && !IsOp(";")) return Fail();
  return targets->back();
}

Node* Parser::ParseImport() {
  Pos start = Start();
  Advance();  // import
  std::vector<Node*> names;
  for (;;) {
    Pos alias_start = Start();
    if (!IsPlainName()) return Fail();
    std::string dotted(Identifier(Cur().text));
    Advance();
    while (IsOp(".")) {
      Advance();
      if (!IsPlainName()) return Fail();
      dotted += "."; dotted += Identifier(Cur().text);
      Advance();
    }
    std::string_view as_name;
    if (AcceptKeyword("as")) {
      if (!IsPlainName()) return Fail();
      as_name = Identifier(Cur().text);
      Advance();
    }
    auto* alias = New<ast::Alias>(alias_start);
    alias->name = arena_.CopyString(dotted);
    alias->asname = as_name;
    names.push_back(alias);
    if (!AcceptOp(",")) break;
  }
  auto* node = New<ast::Import>(start);
  node->names = List(names);
  return node;
}

Node* Parser::ParseFromImport() {
  Pos start = Start();
  Advance();  // from
  int level = 0;
  while (IsOp(".") || IsOp("...")) {
    level += Cur().text.size();
    Advance();
  }
  std::string_view module;
  if (IsPlainName()) {
    std::string dotted(Identifier(Cur().text));
    Advance();
    while (IsOp(".")) {
      Advance();
      if (!IsPlainName()) return Fail();
      dotted += "."; dotted += Identifier(Cur().text);
      Advance();
    }
    module = arena_.CopyString(dotted);
  } else if (level == 0) {
    return Fail();
  }
  if (!AcceptKeyword("import")) return Fail();
  std::vector<Node*> names;
  if (IsOp("*")) {
    Pos alias_start = Start();
    Advance();
    auto* alias = New<ast::Alias>(alias_start);
    alias->name = arena_.CopyString("*");
    names.push_back(alias);
  } else {
    bool parenthesized = AcceptOp("(");
    for (;;) {
      Pos alias_start = Start();
      if (!IsPlainName()) return Fail();
      std::string_view name = Identifier(Cur().text);
      Advance();
      std::string_view as_name;
      if (AcceptKeyword("as")) {
        if (!IsPlainName()) return Fail();
        as_name = Identifier(Cur().text);
        Advance();
      }
      auto* alias = New<ast::Alias>(alias_start);
      alias->name = name;
      alias->asname = as_name;
      names.push_back(alias);
      if (!AcceptOp(",")) break;
      if (parenthesized && IsOp(")")) break;
      if (!parenthesized && IsKind(TokenKind::kNewline)) {
        return RaiseAtToken(Cur(), "trailing comma not allowed without surrounding parentheses");
      }
    }
    if (parenthesized && !ExpectOp(")")) return nullptr;
  }
  auto* node = New<ast::ImportFrom>(start);
  node->module = module;
  node->names = List(names);
  node->level = level;
  return node;
}

Node* Parser::ParseExpressionStatement() {
  Pos start = Start();
  bool starts_with_paren = IsOp("(");
  Node* first = IsKeyword("yield") ? ParseYieldExpression() : ParseStarExpressions();
  if (!first) return nullptr;
  if (IsOp(":=")) {
    const Node* element = first;
    if (const auto* tuple = first->As<ast::Tuple>();
        tuple != nullptr && !IsParenthesizedTuple(first) && tuple->elts.size > 0) {
      element = tuple->elts[tuple->elts.size - 1];
    }
    if (element->node_kind == ast::Kind::kName) return Fail();
    return RaiseAtNode(element, absl::StrFormat("cannot use assignment expressions with %s",
                                                ExpressionName(element)));
  }
  // Annotated assignment.
  if (IsOp(":")) {
    auto kind = first->node_kind;
    Advance();
    Node* annotation = ParseExpression();
    if (!annotation) return nullptr;
    if (kind == ast::Kind::kTuple) {
      return RaiseAtNode(first, "only single target (not tuple) can be annotated");
    }
    if (kind == ast::Kind::kList) {
      return RaiseAtNode(first, "only single target (not list) can be annotated");
    }
    if (kind != ast::Kind::kName && kind != ast::Kind::kAttribute &&
        kind != ast::Kind::kSubscript) {
      return RaiseAtNode(first, "illegal target for annotation");
    }
    Node* value = nullptr;
    if (AcceptOp("=")) {
      value = IsKeyword("yield") ? ParseYieldExpression() : ParseStarExpressions();
      if (!value) return nullptr;
    }
    SetContext(first, ast::ExprContext::kStore, "assign to");
    auto* node = New<ast::AnnAssign>(start);
    node->target = first;
    node->annotation = annotation;
    node->value = value;
    node->simple = (kind == ast::Kind::kName && !starts_with_paren) ? 1 : 0;
    return node;
  }
  // Augmented assignment.
  static const struct {
    const char* text;
    ast::OperatorKind op;
  } kAugmented[] = {
      {"+=", ast::OperatorKind::kAdd},     {"-=", ast::OperatorKind::kSub},
      {"*=", ast::OperatorKind::kMult},    {"@=", ast::OperatorKind::kMatMult},
      {"/=", ast::OperatorKind::kDiv},     {"%=", ast::OperatorKind::kMod},
      {"&=", ast::OperatorKind::kBitAnd},  {"|=", ast::OperatorKind::kBitOr},
      {"^=", ast::OperatorKind::kBitXor},  {"<<=", ast::OperatorKind::kLShift},
      {">>=", ast::OperatorKind::kRShift}, {"**=", ast::OperatorKind::kPow},
      {"//=", ast::OperatorKind::kFloorDiv},
  };
  if (IsKind(TokenKind::kOp)) {
    for (const auto& augmented : kAugmented) {
      if (Cur().text != augmented.text) continue;
      auto kind = first->node_kind;
      if (kind != ast::Kind::kName && kind != ast::Kind::kAttribute &&
          kind != ast::Kind::kSubscript) {
        return RaiseAtNode(first, absl::StrFormat(
                                      "'%s' is an illegal expression for augmented assignment",
                                      ExpressionName(first)));
      }
      Advance();
      Node* value = IsKeyword("yield") ? ParseYieldExpression() : ParseStarExpressions();
      if (!value) return nullptr;
      SetContext(first, ast::ExprContext::kStore, "assign to");
      auto* node = New<ast::AugAssign>(start);
      node->target = first;
      node->op = augmented.op;
      node->value = value;
      return node;
    }
  }
  if (IsOp("=")) {
    std::vector<Node*> targets{first};
    Node* value = nullptr;
    while (AcceptOp("=")) {
      value = IsKeyword("yield") ? ParseYieldExpression() : ParseStarExpressions();
      if (!value) return nullptr;
      if (IsOp("=")) targets.push_back(value);
    }
    for (Node* target : targets) {
      const Node* invalid = FindInvalidTarget(target, true);
      if (invalid != nullptr) return RaiseAssignmentError(first, starts_with_paren, targets, value);
      SetContext(target, ast::ExprContext::kStore, "assign to");
    }
    auto* node = New<ast::Assign>(start);
    node->targets = List(targets);
    node->value = value;
    return node;
  }
  if (const auto* name = first->As<ast::Name>();
      name != nullptr && (name->id == "print" || name->id == "exec") && !IsOp("(") &&
      StartsExpression()) {
    // CPython's invalid_legacy_expression (Python 2 print/exec statements).
    Mark mark = Save();
    size_t first_pass_max = max_index_;
    in_error_check_ = true;
    Node* argument = ParseStarExpressions();
    in_error_check_ = false;
    EndErrorCheckReads(first_pass_max);
    if (argument != nullptr && !failed_) {
      return RaiseAtNode(first, absl::StrFormat("Missing parentheses in call to '%s'. Did you "
                                                "mean %s(...)?",
                                                name->id, name->id));
    }
    if (!Restore(mark)) return nullptr;
  }
  auto* node = New<ast::Expr>(start);
  node->value = first;
  return node;
}

// Helpers for assignment-target errors.

// CPython's bitwise_or level: an expression that parses without comparison,
// not, and/or, if-else, lambda, walrus, star or an unparenthesized tuple.
bool IsBitwiseOrLevel(const Node* node, bool parenthesized_tuple_ok) {
  switch (node->node_kind) {
    case ast::Kind::kCompare:
    case ast::Kind::kBoolOp:
    case ast::Kind::kIfExp:
    case ast::Kind::kLambda:
    case ast::Kind::kNamedExpr:
    case ast::Kind::kStarred:
    case ast::Kind::kYield:
    case ast::Kind::kYieldFrom:
      return false;
    case ast::Kind::kUnaryOp:
      return static_cast<const ast::UnaryOp*>(node)->op != ast::UnaryOpKind::kNot;
    case ast::Kind::kTuple:
      return parenthesized_tuple_ok;
    default:
      return true;
  }
}

bool IsParenthesizedTuple(const Node* node) {
  const auto* tuple = node->As<ast::Tuple>();
  if (tuple == nullptr) return false;
  if (tuple->elts.size == 0) return true;
  const Node* first = tuple->elts[0];
  return first->lineno != tuple->lineno || first->col_offset != tuple->col_offset;
}

namespace {

// For CPython's `b=bitwise_or !('='|':=')` at the start of `value`:
// does a bitwise_or parse there, and is it not followed by '='?
bool FirstBitwiseOrNotFollowedByAssign(const Node* value, bool value_is_a_target) {
  switch (value->node_kind) {
    case ast::Kind::kYield:
    case ast::Kind::kYieldFrom:
    case ast::Kind::kLambda:
    case ast::Kind::kStarred:
      return false;
    case ast::Kind::kUnaryOp:
      if (static_cast<const ast::UnaryOp*>(value)->op == ast::UnaryOpKind::kNot) return false;
      return !value_is_a_target;
    case ast::Kind::kTuple:
      if (IsParenthesizedTuple(value)) return !value_is_a_target;
      return FirstBitwiseOrNotFollowedByAssign(static_cast<const ast::Tuple*>(value)->elts[0],
                                               false);
    case ast::Kind::kCompare:
      return FirstBitwiseOrNotFollowedByAssign(static_cast<const ast::Compare*>(value)->left,
                                               false);
    case ast::Kind::kBoolOp:
      return FirstBitwiseOrNotFollowedByAssign(static_cast<const ast::BoolOp*>(value)->values[0],
                                               false);
    case ast::Kind::kIfExp:
      return FirstBitwiseOrNotFollowedByAssign(static_cast<const ast::IfExp*>(value)->body,
                                               false);
    default:
      return !value_is_a_target;
  }
}

}  // namespace

bool IsSingletonConstant(const Node* node) {
  const auto* constant = node->As<ast::Constant>();
  if (constant == nullptr) return false;
  auto type = constant->value.type;
  return type == ast::ConstantValue::Type::kTrue || type == ast::ConstantValue::Type::kFalse ||
         type == ast::ConstantValue::Type::kNone;
}



// An assignment with an invalid target: picks CPython's message. Its second
// pass first tries invalid_named_expression on the element just before the
// first '=' (the last element of the first target), then reports the first
// invalid target.
std::nullptr_t Parser::RaiseAssignmentError(Node* first, bool starts_with_paren,
                                            const std::vector<Node*>& targets, Node* value) {
  Node* value_after_first = targets.size() > 1 ? targets[1] : value;
  bool value_ok = FirstBitwiseOrNotFollowedByAssign(value_after_first, targets.size() > 1);
  const Node* last = first;
  if (first->node_kind == ast::Kind::kTuple && !IsParenthesizedTuple(first)) {
    const auto* tuple = static_cast<const ast::Tuple*>(first);
    if (tuple->elts.size > 0) last = tuple->elts[tuple->elts.size - 1];
  }
  if (value_ok) {
    (void)starts_with_paren;
    if (last->node_kind == ast::Kind::kName) {
      return RaiseAtNode(last, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    bool excluded = last->node_kind == ast::Kind::kList || last->node_kind == ast::Kind::kTuple ||
                    last->node_kind == ast::Kind::kGeneratorExp || IsSingletonConstant(last);
    if (!excluded && IsBitwiseOrLevel(last, false) && FindInvalidTarget(last, false) != nullptr) {
      return RaiseAtNode(last, absl::StrFormat("cannot assign to %s here. Maybe you meant '==' "
                                               "instead of '='?",
                                               ExpressionName(last)));
    }
  }
  for (Node* target : targets) {
    const Node* invalid = FindInvalidTarget(target, true);
    if (invalid == nullptr) continue;
    if (invalid->node_kind == ast::Kind::kYield || invalid->node_kind == ast::Kind::kYieldFrom) {
      return RaiseAtNode(invalid, "assignment to yield expression not possible");
    }
    return RaiseAtNode(invalid, absl::StrFormat("cannot assign to %s", ExpressionName(invalid)));
  }
  return Fail();
}

const Node* Parser::FindInvalidTarget(const Node* node, bool allow_starred) {
  switch (node->node_kind) {
    case ast::Kind::kName:
    case ast::Kind::kAttribute:
    case ast::Kind::kSubscript:
      return nullptr;
    case ast::Kind::kStarred:
      if (!allow_starred) return node;
      return FindInvalidTarget(static_cast<const ast::Starred*>(node)->value, false);
    case ast::Kind::kTuple:
      for (const Node* element : static_cast<const ast::Tuple*>(node)->elts) {
        const Node* invalid = FindInvalidTarget(element, true);
        if (invalid) return invalid;
      }
      return nullptr;
    case ast::Kind::kList:
      for (const Node* element : static_cast<const ast::List*>(node)->elts) {
        const Node* invalid = FindInvalidTarget(element, true);
        if (invalid) return invalid;
      }
      return nullptr;
    case ast::Kind::kCompare: {
      // CPython points at the left side of `x in y` when it is invalid.
      return node;
    }
    default:
      return node;
  }
}

bool Parser::SetContext(Node* node, ast::ExprContext ctx, const char* verb) {
  switch (node->node_kind) {
    case ast::Kind::kName:
      static_cast<ast::Name*>(node)->ctx = ctx;
      return true;
    case ast::Kind::kAttribute:
      static_cast<ast::Attribute*>(node)->ctx = ctx;
      return true;
    case ast::Kind::kSubscript:
      static_cast<ast::Subscript*>(node)->ctx = ctx;
      return true;
    case ast::Kind::kStarred:
      if (ctx == ast::ExprContext::kDel) break;
      static_cast<ast::Starred*>(node)->ctx = ctx;
      return SetContext(static_cast<ast::Starred*>(node)->value, ctx, verb);
    case ast::Kind::kTuple:
      static_cast<ast::Tuple*>(node)->ctx = ctx;
      for (Node* element : static_cast<ast::Tuple*>(node)->elts) {
        if (!SetContext(element, ctx, verb)) return false;
      }
      return true;
    case ast::Kind::kList:
      static_cast<ast::List*>(node)->ctx = ctx;
      for (Node* element : static_cast<ast::List*>(node)->elts) {
        if (!SetContext(element, ctx, verb)) return false;
      }
      return true;
    default:
      break;
  }
  RaiseAtNode(node, absl::StrFormat("cannot %s %s", verb, ExpressionName(node)));
  return false;
}

}  // namespace kiln::parse::internal
