// Parser: compound statements (if, while, for, with, try, decorators, def,
// class) and the parameter lists of functions and lambdas.
#include "compiler/parse/parser_internal.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"

namespace kiln::parse::internal {

Node* Parser::ParseCompoundStatement() {
  const Token& token = Cur();
  if (token.kind == TokenKind::kOp && token.text == "@") return ParseDecorated();
  if (token.kind != TokenKind::kName) return nullptr;
  std::string_view word = token.text;
  Pos start = Start();
  if (word == "if") return ParseIf(false);
  if (word == "while") return ParseWhile();
  if (word == "for") return ParseFor(start, false);
  if (word == "with") return ParseWith(start, false);
  if (word == "try") return ParseTry();
  if (word == "def") return ParseFunctionDef(start, false, {});
  if (word == "class") return ParseClassDef({});
  if (word == "async") {
    if (IsKeyword("def", 1)) {
      Advance();
      return ParseFunctionDef(start, true, {});
    }
    if (IsKeyword("for", 1)) {
      Advance();
      return ParseFor(start, true);
    }
    if (IsKeyword("with", 1)) {
      Advance();
      return ParseWith(start, true);
    }
    return nullptr;
  }
  if (word == "match") return ParseMatch();
  return nullptr;
}

bool Parser::ParseBlock(std::vector<Node*>* body, const std::string& what, int line) {
  if (failed_) return false;
  if (IsKind(TokenKind::kNewline)) {
    Advance();
    if (!IsKind(TokenKind::kIndent)) {
      if (failed_) return false;
      RaiseAtToken(Cur(), absl::StrFormat("expected an indented block after %s on line %d",
                                          what, line),
                   "IndentationError");
      return false;
    }
    Advance();
    DepthGuard guard(this);
    if (guard.TooDeep()) {
      TooDeep();
      return false;
    }
    if (!ParseStatementsUntil(TokenKind::kDedent, body)) return false;
    Advance();  // DEDENT
    return true;
  }
  return ParseSimpleStatements(body);
}

Node* Parser::ParseIf(bool is_elif) {
  // An if/elif/.../else chain, parsed in a loop (long elif chains must not
  // recurse); every If in the chain ends where the whole chain ends.
  std::vector<ast::If*> chain;
  int saved_depth = depth_;
  for (;;) {
    depth_ += 2;  // CPython's elif rule nests
    if (depth_ > kMaxDepth) return TooDeep();
    Pos start = Start();
    int line = Cur().line;
    Advance();  // if / elif
    Node* test = ParseNamedExpression();
    if (!test) return nullptr;
    if (!ExpectColon()) return nullptr;
    std::vector<Node*> body;
    if (!ParseBlock(&body, is_elif ? "'elif' statement" : "'if' statement", line)) {
      return nullptr;
    }
    auto* node = arena_.New<ast::If>();
    node->lineno = start.line;
    node->col_offset = start.col;
    node->test = test;
    node->body = List(body);
    chain.push_back(node);
    if (!IsKeyword("elif")) break;
    is_elif = true;
  }
  depth_ = saved_depth;
  std::vector<Node*> orelse;
  if (IsKeyword("else")) {
    int else_line = Cur().line;
    Advance();
    if (!ExpectForcedOp(":")) return nullptr;
    if (!ParseBlock(&orelse, "'else' statement", else_line)) return nullptr;
  }
  for (size_t i = chain.size(); i-- > 0;) {
    ast::If* node = chain[i];
    node->end_lineno = previous_end_.line;
    node->end_col_offset = previous_end_.col;
    if (i + 1 < chain.size()) {
      node->orelse = List({chain[i + 1]});
    } else {
      node->orelse = List(orelse);
    }
  }
  return chain.front();
}

Node* Parser::ParseWhile() {
  Pos start = Start();
  int line = Cur().line;
  Advance();
  Node* test = ParseNamedExpression();
  if (!test) return nullptr;
  if (!ExpectColon()) return nullptr;
  std::vector<Node*> body;
  if (!ParseBlock(&body, "'while' statement", line)) return nullptr;
  std::vector<Node*> orelse;
  if (IsKeyword("else")) {
    int else_line = Cur().line;
    Advance();
    if (!ExpectForcedOp(":")) return nullptr;
    if (!ParseBlock(&orelse, "'else' statement", else_line)) return nullptr;
  }
  auto* node = New<ast::While>(start);
  node->test = test;
  node->body = List(body);
  node->orelse = List(orelse);
  return node;
}

Node* Parser::ParseFor(Pos start, bool is_async) {
  int line = Cur().line;
  Advance();  // for
  Node* target = ParseStarTargets();
  if (!target) return nullptr;
  if (!AcceptKeyword("in")) {
    if (failed_) return nullptr;
    return Fail();
  }
  if (!SetContext(target, ast::ExprContext::kStore, "assign to")) return nullptr;
  Node* iter = ParseStarExpressions();
  if (!iter) return nullptr;
  if (!ExpectColon()) return nullptr;
  std::vector<Node*> body;
  if (!ParseBlock(&body, "'for' statement", line)) return nullptr;
  std::vector<Node*> orelse;
  if (IsKeyword("else")) {
    int else_line = Cur().line;
    Advance();
    if (!ExpectForcedOp(":")) return nullptr;
    if (!ParseBlock(&orelse, "'else' statement", else_line)) return nullptr;
  }
  if (is_async) {
    auto* node = New<ast::AsyncFor>(start);
    node->target = target;
    node->iter = iter;
    node->body = List(body);
    node->orelse = List(orelse);
    return node;
  }
  auto* node = New<ast::For>(start);
  node->target = target;
  node->iter = iter;
  node->body = List(body);
  node->orelse = List(orelse);
  return node;
}

Node* Parser::ParseWithItem() {
  Node* context = ParseExpression();
  if (!context) return nullptr;
  Node* vars = nullptr;
  if (AcceptKeyword("as")) {
    Mark mark = Save();
    vars = ParseStarTarget();
    if (!vars || (!IsOp(",") && !IsOp(")") && !IsOp(":"))) {
      // CPython's invalid_with_item: `as` followed by an expression.
      if (specific_ || !Restore(mark)) return nullptr;
      Node* expression = ParseExpression();
      if (expression && !failed_ && (IsOp(",") || IsOp(")") || IsOp(":"))) {
        const Node* invalid = FindInvalidTarget(expression, true);
        if (invalid != nullptr) {
          return RaiseAtNode(invalid,
                             absl::StrFormat("cannot assign to %s", ExpressionName(invalid)));
        }
      }
      return Fail();
    }
    if (!SetContext(vars, ast::ExprContext::kStore, "assign to")) return nullptr;
  }
  auto* item = arena_.New<ast::WithItem>();
  item->context_expr = context;
  item->optional_vars = vars;
  return item;
}

Node* Parser::ParseWith(Pos start, bool is_async) {
  int line = Cur().line;
  Advance();  // with
  std::vector<Node*> items;
  bool done = false;
  if (IsOp("(")) {
    Mark mark = Save();
    Advance();
    bool ok = true;
    for (;;) {
      Node* item = ParseWithItem();
      if (!item) {
        ok = false;
        break;
      }
      items.push_back(item);
      if (!AcceptOp(",")) break;
      if (IsOp(")")) break;
    }
    if (ok && AcceptOp(")") && IsOp(":")) {
      done = true;
    } else {
      items.clear();
      if (!Restore(mark, /*defer_errors=*/true)) return nullptr;
    }
  }
  if (!done) {
    for (;;) {
      Node* item = ParseWithItem();
      if (!item) return nullptr;
      items.push_back(item);
      if (!AcceptOp(",")) break;
    }
  }
  if (!ExpectColon()) return nullptr;
  std::vector<Node*> body;
  if (!ParseBlock(&body, "'with' statement", line)) return nullptr;
  if (is_async) {
    auto* node = New<ast::AsyncWith>(start);
    node->items = List(items);
    node->body = List(body);
    return node;
  }
  auto* node = New<ast::With>(start);
  node->items = List(items);
  node->body = List(body);
  return node;
}

Node* Parser::ParseTry() {
  Pos start = Start();
  int line = Cur().line;
  Advance();  // try
  if (!ExpectForcedOp(":")) return nullptr;
  std::vector<Node*> body;
  if (!ParseBlock(&body, "'try' statement", line)) return nullptr;
  std::vector<Node*> handlers;
  std::vector<Node*> orelse;
  std::vector<Node*> finalbody;
  bool star = false;
  while (IsKeyword("except")) {
    Pos handler_start = Start();
    int handler_line = Cur().line;
    Advance();
    bool this_star = AcceptOp("*");
    if (!handlers.empty() && this_star != star) {
      return RaiseAt(handler_start.line, handler_start.col,
                     "cannot have both 'except' and 'except*' on the same 'try'");
    }
    star = this_star;
    Node* type = nullptr;
    std::string_view name;
    if (IsKind(TokenKind::kNewline)) return RaiseAtToken(Cur(), "expected ':'");
    if (!IsOp(":")) {
      type = ParseExpression();
      if (!type) return nullptr;
      if (IsOp(",")) {
        return RaiseAtNode(type, "multiple exception types must be parenthesized");
      }
      if (AcceptKeyword("as")) {
        if (!IsPlainName()) return Fail();
        name = Identifier(Cur().text);
        Advance();
      }
    } else if (star) {
      return RaiseAtToken(Cur(), "expected one or more exception types");
    }
    if (!ExpectColon()) return nullptr;
    std::vector<Node*> handler_body;
    if (!ParseBlock(&handler_body, star ? "'except*' statement" : "'except' statement",
                    handler_line)) {
      return nullptr;
    }
    auto* handler = New<ast::ExceptHandler>(handler_start);
    handler->type = type;
    handler->name = name;
    handler->body = List(handler_body);
    handlers.push_back(handler);
  }
  if (IsKeyword("else") && !handlers.empty()) {
    int else_line = Cur().line;
    Advance();
    if (!ExpectForcedOp(":")) return nullptr;
    if (!ParseBlock(&orelse, "'else' statement", else_line)) return nullptr;
  }
  if (IsKeyword("finally")) {
    int finally_line = Cur().line;
    Advance();
    if (!ExpectForcedOp(":")) return nullptr;
    if (!ParseBlock(&finalbody, "'finally' statement", finally_line)) return nullptr;
  }
  if (handlers.empty() && finalbody.empty()) {
    if (failed_) return nullptr;
    return RaiseAtToken(Cur(), "expected 'except' or 'finally' block");
  }
  if (star) {
    auto* node = New<ast::TryStar>(start);
    node->body = List(body);
    node->handlers = List(handlers);
    node->orelse = List(orelse);
    node->finalbody = List(finalbody);
    return node;
  }
  auto* node = New<ast::Try>(start);
  node->body = List(body);
  node->handlers = List(handlers);
  node->orelse = List(orelse);
  node->finalbody = List(finalbody);
  return node;
}

Node* Parser::ParseDecorated() {
  std::vector<Node*> decorators;
  while (IsOp("@")) {
    Advance();
    Node* decorator = ParseNamedExpression();
    if (!decorator) return nullptr;
    if (!IsKind(TokenKind::kNewline)) return Fail();
    Advance();
    decorators.push_back(decorator);
  }
  Pos start = Start();
  if (IsKeyword("def")) return ParseFunctionDef(start, false, std::move(decorators));
  if (IsKeyword("async") && IsKeyword("def", 1)) {
    Advance();
    return ParseFunctionDef(start, true, std::move(decorators));
  }
  if (IsKeyword("class")) return ParseClassDef(std::move(decorators));
  return Fail();
}

Node* Parser::ParseFunctionDef(Pos start, bool is_async, std::vector<Node*> decorators) {
  int line = Cur().line;
  Advance();  // def
  if (!IsPlainName()) return Fail();
  std::string_view name = Identifier(Cur().text);
  Advance();
  if (!ExpectForcedOp("(")) return nullptr;
  ast::Arguments* arguments = ParseParameters(false);
  if (!arguments) return nullptr;
  if (!ExpectOp(")")) return nullptr;
  Node* returns = nullptr;
  if (IsOp("->")) {
    Mark mark = Save();
    Advance();
    returns = ParseExpression();
    if (!returns) {
      if (specific_ || !Restore(mark)) return nullptr;
    }
  }
  if (!ExpectForcedOp(":")) return nullptr;
  std::vector<Node*> body;
  if (!ParseBlock(&body, "function definition", line)) return nullptr;
  if (is_async) {
    auto* node = New<ast::AsyncFunctionDef>(start);
    node->name = name;
    node->args = arguments;
    node->body = List(body);
    node->decorator_list = List(decorators);
    node->returns = returns;
    return node;
  }
  auto* node = New<ast::FunctionDef>(start);
  node->name = name;
  node->args = arguments;
  node->body = List(body);
  node->decorator_list = List(decorators);
  node->returns = returns;
  return node;
}

Node* Parser::ParseClassDef(std::vector<Node*> decorators) {
  Pos start = Start();
  int line = Cur().line;
  Advance();  // class
  if (!IsPlainName()) return Fail();
  std::string_view name = Identifier(Cur().text);
  Advance();
  ast::NodeList bases;
  ast::NodeList keywords;
  if (IsOp("(")) {
    auto* placeholder = arena_.New<ast::Name>();
    Node* call = ParseCall(placeholder, /*allow_generator=*/false);
    if (!call) return nullptr;
    bases = static_cast<ast::Call*>(call)->args;
    keywords = static_cast<ast::Call*>(call)->keywords;
  }
  if (!ExpectColon()) return nullptr;
  std::vector<Node*> body;
  if (!ParseBlock(&body, "class definition", line)) return nullptr;
  auto* node = New<ast::ClassDef>(start);
  node->name = name;
  node->bases = bases;
  node->keywords = keywords;
  node->body = List(body);
  node->decorator_list = List(decorators);
  return node;
}

ast::Arguments* Parser::ParseParameters(bool is_lambda) {
  std::string_view close = is_lambda ? ":" : ")";
  std::vector<Node*> positional;  // posonly + regular
  size_t posonly_count = 0;
  bool saw_slash = false;
  std::vector<Node*> defaults;
  Node* vararg = nullptr;
  bool saw_star = false;
  std::vector<Node*> kwonly;
  std::vector<Node*> kw_defaults;
  Node* kwarg = nullptr;
  auto parse_arg = [&](bool allow_star_annotation) -> Node* {
    Pos start = Start();
    if (!IsPlainName()) return Fail();
    std::string_view name = Identifier(Cur().text);
    Advance();
    Node* annotation = nullptr;
    if (!is_lambda && AcceptOp(":")) {
      annotation = allow_star_annotation ? ParseStarExpression() : ParseExpression();
      if (!annotation) return nullptr;
    }
    auto* arg = New<ast::Arg>(start);
    arg->arg = name;
    arg->annotation = annotation;
    return arg;
  };
  while (!IsOp(close)) {
    if (failed_) return nullptr;
    if (kwarg != nullptr) {
      return RaiseAtToken(Cur(), "arguments cannot follow var-keyword argument");
    }
    if (IsOp("/")) {
      if (saw_slash) return RaiseAtToken(Cur(), "/ may appear only once");
      if (saw_star) return RaiseAtToken(Cur(), "/ must be ahead of *");
      if (positional.empty()) {
        if (IsOp(",", 1)) return RaiseAtToken(Cur(), "at least one argument must precede /");
        return Fail();
      }
      saw_slash = true;
      posonly_count = positional.size();
      Advance();
    } else if (IsOp("**")) {
      Advance();
      kwarg = parse_arg(false);
      if (!kwarg) return nullptr;
      if (IsOp("=")) return RaiseAtToken(Cur(), "var-keyword argument cannot have default value");
    } else if (IsOp("*")) {
      if (saw_star) return RaiseAtToken(Cur(), "* argument may appear only once");
      const Token& star = Cur();
      Advance();
      saw_star = true;
      if (IsOp(",") || IsOp(close)) {
        if (IsOp(close) || (IsOp(",") && (IsOp(close, 1) || IsOp("**", 1)))) {
          return RaiseAtToken(star, "named arguments must follow bare *");
        }
      } else {
        vararg = parse_arg(true);
        if (!vararg) return nullptr;
        if (IsOp("=")) return RaiseAtToken(Cur(), "var-positional argument cannot have default value");
      }
    } else {
      Node* arg = parse_arg(false);
      if (!arg) return nullptr;
      Node* default_value = nullptr;
      if (AcceptOp("=")) {
        default_value = ParseExpression();
        if (!default_value) return nullptr;
      }
      if (saw_star) {
        kwonly.push_back(arg);
        kw_defaults.push_back(default_value);
      } else {
        if (default_value) {
          defaults.push_back(default_value);
        } else if (!defaults.empty()) {
          return RaiseAtNode(arg, "non-default argument follows default argument");
        }
        positional.push_back(arg);
      }
    }
    if (!AcceptOp(",")) break;
  }
  if (failed_) return nullptr;
  if (!IsOp(close)) return static_cast<ast::Arguments*>(Fail());
  auto* arguments = arena_.New<ast::Arguments>();
  std::vector<Node*> posonly(positional.begin(), positional.begin() + posonly_count);
  std::vector<Node*> regular(positional.begin() + posonly_count, positional.end());
  arguments->posonlyargs = List(posonly);
  arguments->args = List(regular);
  arguments->vararg = vararg;
  arguments->kwonlyargs = List(kwonly);
  arguments->kw_defaults = List(kw_defaults);
  arguments->kwarg = kwarg;
  arguments->defaults = List(defaults);
  return arguments;
}

}  // namespace kiln::parse::internal
