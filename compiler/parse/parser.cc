#include "compiler/parse/parser.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "compiler/ast/visit.h"
#include "compiler/lex/unicode.h"
#include "compiler/parse/literals.h"

namespace kiln::parse {
namespace {

using ast::Node;
using lex::Token;
using lex::TokenKind;

// Nesting limit for recursive rules (CPython's parser stack limit is 6000
// rule frames; every nesting level here stands for several of those).
constexpr int kMaxDepth = 5980;
// Deepest tree ast.parse can return (see ParseFile).
constexpr int kMaxAstDepth = 2988;

const char* const kKeywords[] = {
    "False", "None",   "True",    "and",      "as",     "assert", "async", "await",
    "break", "class",  "continue", "def",     "del",    "elif",   "else",  "except",
    "finally", "for",  "from",    "global",   "if",     "import", "in",    "is",
    "lambda", "nonlocal", "not",  "or",       "pass",   "raise",  "return", "try",
    "while", "with",   "yield"};

bool IsKeywordText(std::string_view text) {
  for (const char* keyword : kKeywords) {
    if (text == keyword) return true;
  }
  return false;
}

struct Pos {
  int line;
  int col;
};

// Describes an expression the way CPython's error messages do.
const char* ExpressionName(const Node* node) {
  using ast::Kind;
  switch (node->node_kind) {
    case Kind::kAttribute: return "attribute";
    case Kind::kSubscript: return "subscript";
    case Kind::kStarred: return "starred";
    case Kind::kName: return "name";
    case Kind::kList: return "list";
    case Kind::kTuple: return "tuple";
    case Kind::kLambda: return "lambda";
    case Kind::kCall: return "function call";
    case Kind::kBoolOp:
    case Kind::kBinOp:
    case Kind::kUnaryOp: return "expression";
    case Kind::kGeneratorExp: return "generator expression";
    case Kind::kYield:
    case Kind::kYieldFrom: return "yield expression";
    case Kind::kAwait: return "await expression";
    case Kind::kListComp: return "list comprehension";
    case Kind::kSetComp: return "set comprehension";
    case Kind::kDictComp: return "dict comprehension";
    case Kind::kDict: return "dict literal";
    case Kind::kSet: return "set display";
    case Kind::kJoinedStr:
    case Kind::kFormattedValue: return "f-string expression";
    case Kind::kConstant: {
      auto type = static_cast<const ast::Constant*>(node)->value.type;
      if (type == ast::ConstantValue::Type::kNone) return "None";
      if (type == ast::ConstantValue::Type::kTrue) return "True";
      if (type == ast::ConstantValue::Type::kFalse) return "False";
      if (type == ast::ConstantValue::Type::kEllipsis) return "ellipsis";
      return "literal";
    }
    case Kind::kCompare: return "comparison";
    case Kind::kIfExp: return "conditional expression";
    case Kind::kNamedExpr: return "named expression";
    default: return "expression";
  }
}

bool IsBitwiseOrLevel(const Node* node, bool parenthesized_tuple_ok);
bool IsSingletonConstant(const Node* node);
bool IsParenthesizedTuple(const Node* node);

// Where f-string expression tokens sit in the enclosing file.
struct SubParseOrigin {
  int line_offset = 0;   // added to every line
  int first_line_col = 0;  // added to columns of tokens on the first line
};

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, const lex::TokenStream& stream, ast::Arena& arena,
         const std::optional<lex::LexError>& lex_error)
      : tokens_(tokens), stream_(stream), arena_(arena), lex_error_(lex_error) {
    error_token_.kind = TokenKind::kErrorToken;
    if (!tokens_.empty()) {
      const Token& last = tokens_.back();
      error_token_.line = last.end_line;
      error_token_.col = last.end_col;
      error_token_.end_line = last.end_line;
      error_token_.end_col = last.end_col;
    } else {
      error_token_.line = 1;
    }
  }

  ast::Module* ParseModule();
  Node* ParseFStringBody();  // '(' star_expressions ')' NEWLINE ENDMARKER

  bool lex_error_hit() const { return lex_error_hit_; }
  bool failed() const { return failed_; }
  const std::optional<SyntaxErrorInfo>& specific_error() const {
    return deferred_ ? deferred_ : specific_;
  }
  // The furthest token fetched: CPython's location for "invalid syntax".
  const Token& FurthestToken() const {
    if (max_index_ < tokens_.size()) return tokens_[max_index_];
    return tokens_.empty() ? error_token_ : tokens_.back();
  }
  bool furthest_is_error_token() const { return max_index_ >= tokens_.size(); }
  // The furthest token read at all, including the lookahead of CPython's
  // second-pass error rules (decides "'(' was never closed").
  const Token& FurthestTokenAnyPass() const {
    size_t index = std::max(max_index_, error_check_max_index_);
    if (index < tokens_.size()) return tokens_[index];
    return tokens_.empty() ? error_token_ : tokens_.back();
  }

 private:
  // ---- Token access -------------------------------------------------------
  const Token& At(size_t index) {
    if (index > max_index_) max_index_ = index;
    if (index < tokens_.size()) return tokens_[index];
    if (lex_error_) {
      lex_error_hit_ = true;
      failed_ = true;
    }
    return tokens_.empty() ? error_token_ : (lex_error_ ? error_token_ : tokens_.back());
  }
  const Token& Cur() { return At(pos_); }
  const Token& Ahead(size_t k) { return At(pos_ + k); }
  bool IsOp(std::string_view op, size_t k = 0) {
    const Token& token = Ahead(k);
    return token.kind == TokenKind::kOp && token.text == op;
  }
  bool IsKind(TokenKind kind, size_t k = 0) { return Ahead(k).kind == kind; }
  bool IsKeyword(std::string_view keyword, size_t k = 0) {
    const Token& token = Ahead(k);
    return token.kind == TokenKind::kName && token.text == keyword;
  }
  // True if the current token can begin an expression (used by error rules).
  bool StartsExpression() {
    const Token& token = Cur();
    if (token.kind == TokenKind::kName) {
      return !IsKeywordText(token.text) || token.text == "None" || token.text == "True" ||
             token.text == "False" || token.text == "not" || token.text == "lambda" ||
             token.text == "await";
    }
    if (token.kind == TokenKind::kNumber || token.kind == TokenKind::kString) return true;
    return token.kind == TokenKind::kOp &&
           (token.text == "(" || token.text == "[" || token.text == "{" ||
            token.text == "..." || token.text == "~");
  }
  // A NAME that is not a hard keyword.
  bool IsPlainName(size_t k = 0) {
    const Token& token = Ahead(k);
    return token.kind == TokenKind::kName && !IsKeywordText(token.text);
  }
  void Advance() {
    const Token& token = Cur();
    // Like CPython's EXTRA positions: NEWLINE/INDENT/DEDENT never end a node.
    if (token.kind != TokenKind::kNewline && token.kind != TokenKind::kIndent &&
        token.kind != TokenKind::kDedent && token.kind != TokenKind::kEndMarker) {
      previous_end_ = {token.end_line, token.end_col};
    }
    ++pos_;
  }
  bool AcceptOp(std::string_view op) {
    if (!IsOp(op)) return false;
    Advance();
    return true;
  }
  bool AcceptKeyword(std::string_view keyword) {
    if (!IsKeyword(keyword)) return false;
    Advance();
    return true;
  }
  Pos Start() {
    const Token& token = Cur();
    return {token.line, token.col};
  }

  // ---- Errors ---------------------------------------------------------------
  std::nullptr_t Fail() {
    failed_ = true;
    return nullptr;
  }
  std::nullptr_t RaiseAt(int line, int col, std::string message,
                         const char* type = "SyntaxError") {
    failed_ = true;
    if (!specific_ && !lex_error_hit_) {
      SyntaxErrorInfo info;
      info.type = type;
      info.message = std::move(message);
      info.line = line;
      info.offset = stream_.CharOffset(line, col) + 1;
      specific_ = std::move(info);
    }
    return nullptr;
  }
  std::nullptr_t RaiseAtToken(const Token& token, std::string message,
                              const char* type = "SyntaxError") {
    return RaiseAt(token.line, token.col, std::move(message), type);
  }
  std::nullptr_t RaiseAtNode(const Node* node, std::string message) {
    return RaiseAt(node->lineno, node->col_offset, std::move(message));
  }
  // Expects an operator; on mismatch raises "expected 'X'" (as CPython's
  // forced tokens do) or fails generically.
  bool ExpectOp(std::string_view op) {
    if (AcceptOp(op)) return true;
    Fail();
    return false;
  }
  // ':' of if/elif/while/with/except/match/case: CPython says "expected ':'"
  // only when the line ends there.
  bool ExpectColon() {
    if (AcceptOp(":")) return true;
    if (failed_) return false;
    if (IsKind(TokenKind::kNewline)) {
      RaiseAtToken(Cur(), "expected ':'");
    } else {
      Fail();
    }
    return false;
  }
  bool ExpectForcedOp(std::string_view op) {
    if (AcceptOp(op)) return true;
    if (failed_) return false;
    RaiseAtToken(Cur(), "expected '" + std::string(op) + "'");
    return false;
  }

  struct Mark {
    size_t pos;
    Pos previous_end;
    bool failed;
    bool had_specific;
  };
  Mark Save() { return {pos_, previous_end_, failed_, specific_.has_value()}; }
  // Backtracks (only possible if the tokenizer error was not reached).
  // With defer_errors, a specific error raised since the mark is kept aside:
  // CPython's second pass would have raised it on this path, so it is the
  // error to report if the file fails to parse after all.
  bool Restore(const Mark& mark, bool defer_errors = false) {
    if (lex_error_hit_) return false;
    pos_ = mark.pos;
    previous_end_ = mark.previous_end;
    failed_ = mark.failed;
    if (!mark.had_specific) {
      if (defer_errors && specific_ && !deferred_) deferred_ = specific_;
      specific_.reset();
    }
    return true;
  }

  // After an error-rule lookahead: its reads do not move the first-pass
  // "furthest token" (CPython's generic error location).
  void EndErrorCheckReads(size_t first_pass_max) {
    error_check_max_index_ = std::max(error_check_max_index_, max_index_);
    max_index_ = first_pass_max;
  }

  // Counts nesting in units close to CPython's parser stack frames (its limit
  // is 6000); exceeding the limit is CPython's MemoryError "too complex".
  struct DepthGuard {
    explicit DepthGuard(Parser* parser, int weight = 1) : parser(parser), weight(weight) {
      parser->depth_ += weight;
    }
    ~DepthGuard() { parser->depth_ -= weight; }
    bool TooDeep() const { return parser->depth_ > kMaxDepth; }
    Parser* parser;
    int weight;
  };
  std::nullptr_t TooDeep() {
    failed_ = true;
    if (!specific_ && !lex_error_hit_) {
      SyntaxErrorInfo info;
      info.type = "MemoryError";
      info.message = "source is too deeply nested to parse";
      info.line = 0;
      info.offset = 0;
      specific_ = std::move(info);
    }
    return nullptr;
  }

  // ---- Node construction ------------------------------------------------------
  template <typename T>
  T* New(Pos start) {
    T* node = arena_.New<T>();
    node->lineno = start.line;
    node->col_offset = start.col;
    node->end_lineno = previous_end_.line;
    node->end_col_offset = previous_end_.col;
    return node;
  }
  template <typename T>
  T* NewSpan(const Node* first, const Node* last) {
    T* node = arena_.New<T>();
    node->lineno = first->lineno;
    node->col_offset = first->col_offset;
    node->end_lineno = last->end_lineno;
    node->end_col_offset = last->end_col_offset;
    return node;
  }
  ast::NodeList List(const std::vector<Node*>& items) {
    ast::NodeList list;
    list.items = arena_.CopyArray(items);
    list.size = static_cast<uint32_t>(items.size());
    return list;
  }
  // A tuple of `elements` (a Load or Store target) from `start` to the last token.
  ast::Tuple* NewTuple(Pos start, const std::vector<Node*>& elements, ast::ExprContext ctx) {
    auto* tuple = New<ast::Tuple>(start);
    tuple->elts = List(elements);
    tuple->ctx = ctx;
    return tuple;
  }
  // `*value` from `start` to the last token.
  ast::Starred* NewStarred(Pos start, Node* value, ast::ExprContext ctx) {
    auto* starred = New<ast::Starred>(start);
    starred->value = value;
    starred->ctx = ctx;
    return starred;
  }
  std::string_view Identifier(std::string_view text) {
    bool ascii = std::all_of(text.begin(), text.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return arena_.CopyString(text);
    return arena_.CopyString(lex::NormalizeIdentifier(text));
  }
  ast::Name* NameFromToken(const Token& token, ast::ExprContext ctx) {
    auto* name = arena_.New<ast::Name>();
    name->id = Identifier(token.text);
    name->ctx = ctx;
    name->lineno = token.line;
    name->col_offset = token.col;
    name->end_lineno = token.end_line;
    name->end_col_offset = token.end_col;
    return name;
  }

  // ---- Statements -------------------------------------------------------------
  bool ParseStatementsUntil(TokenKind end_kind, std::vector<Node*>* body);
  bool ParseStatement(std::vector<Node*>* body);
  bool ParseSimpleStatements(std::vector<Node*>* body);
  Node* ParseSimpleStatement();
  Node* ParseExpressionStatement();
  Node* ParseImport();
  Node* ParseFromImport();
  Node* ParseCompoundStatement();
  bool ParseBlock(std::vector<Node*>* body, const std::string& what, int line);
  Node* ParseIf(bool is_elif);
  Node* ParseWhile();
  Node* ParseFor(Pos start, bool is_async);
  Node* ParseWith(Pos start, bool is_async);
  Node* ParseTry();
  Node* ParseFunctionDef(Pos start, bool is_async, std::vector<Node*> decorators);
  Node* ParseClassDef(std::vector<Node*> decorators);
  Node* ParseDecorated();
  Node* ParseMatch();
  Node* ParseWithItem();

  // ---- Expressions ------------------------------------------------------------
  Node* ParseStarExpressions();
  Node* ParseStarExpression();
  Node* ParseStarNamedExpression();
  // check_assignment: CPython's invalid_named_expression hints for `x = y`
  // where an expression is expected (not used for call arguments).
  Node* ParseNamedExpression(bool check_assignment = true);
  Node* ParseExpression();
  Node* ParseDisjunction();
  Node* ParseConjunction();
  Node* ParseInversion();
  Node* ParseComparison();
  Node* ParseBitOr();
  Node* ParseBitXor();
  Node* ParseBitAnd();
  Node* ParseShift();
  Node* ParseSum();
  Node* ParseTerm();
  Node* ParseFactor();
  Node* ParsePower();
  Node* ParseAwaitPrimary();
  Node* ParsePrimary();
  Node* ParseAtom();
  Node* ParseYieldExpression();
  Node* ParseLambda();
  Node* ParseParenthesized();
  Node* ParseListDisplay();
  Node* ParseDictOrSet();
  bool ParseComprehensionClauses(std::vector<Node*>* generators);
  Node* ParseCall(Node* function, bool allow_generator = true);
  Node* ParseSubscript(Node* value);
  Node* ParseSlice();
  Node* ParseStrings();
  ast::Arguments* ParseParameters(bool is_lambda);
  Node* ParseStarTargets();
  Node* ParseStarTarget();
  Node* ParseDelTargets(std::vector<Node*>* targets);

  // Assignment targets: sets ctx, or raises CPython's message.
  bool SetContext(Node* node, ast::ExprContext ctx, const char* verb);
  const Node* FindInvalidTarget(const Node* node, bool allow_starred);
  std::nullptr_t RaiseAssignmentError(Node* first, bool starts_with_paren,
                                      const std::vector<Node*>& targets, Node* value);

  // ---- Patterns -------------------------------------------------------------
  Node* ParsePatterns();
  Node* ParsePattern();
  Node* ParseOrPattern();
  Node* ParseClosedPattern();
  Node* ParseMaybeStarPattern();
  Node* ParseSignedNumber(bool allow_complex);
  Node* ParseNameOrAttribute();

  // ---- Strings --------------------------------------------------------------
  struct FStringState;
  bool ParseFString(const Token& token, std::string_view body, size_t body_offset, bool raw,
                    int depth, FStringState* state, std::string_view* cursor, Pos first,
                    Pos last_end, bool* unicode_kind);
  Node* ParseFStringExpression(const Token& token, std::string_view expression,
                               size_t brace_offset);

  const std::vector<Token>& tokens_;
  const lex::TokenStream& stream_;
  ast::Arena& arena_;
  const std::optional<lex::LexError>& lex_error_;
  Token error_token_{};
  size_t pos_ = 0;
  size_t max_index_ = 0;
  size_t error_check_max_index_ = 0;
  Pos previous_end_{1, 0};
  bool failed_ = false;
  bool lex_error_hit_ = false;
  std::optional<SyntaxErrorInfo> specific_;
  std::optional<SyntaxErrorInfo> deferred_;  // see Restore()
  int depth_ = 0;
  bool in_error_check_ = false;
  size_t match_newline_index_ = 0;  // NEWLINE after `match SUBJECT`, if any
};

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

struct BinaryOperator {
  const char* text;
  ast::OperatorKind op;
};

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

// ============================================================================
// Strings and f-strings
// ============================================================================

struct Parser::FStringState {
  std::vector<Node*> values;
  std::string last;
  bool fmode = false;
};


struct StringToken {
  bool is_bytes = false;
  bool is_raw = false;
  bool is_f = false;
  std::string_view body;
};

StringToken SplitStringToken(std::string_view text) {
  StringToken result;
  size_t i = 0;
  while (i < text.size() && text[i] != '\'' && text[i] != '"') {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    if (c == 'b') result.is_bytes = true;
    if (c == 'r') result.is_raw = true;
    if (c == 'f') result.is_f = true;
    ++i;
  }
  size_t quote_size = 1;
  if (text.size() - i >= 6 && text[i + 1] == text[i] && text[i + 2] == text[i]) quote_size = 3;
  result.body = text.substr(i + quote_size, text.size() - i - 2 * quote_size);
  return result;
}

std::string Utf8DecodeError(std::string_view text, size_t bad) {
  unsigned char byte = static_cast<unsigned char>(text[bad]);
  const char* reason = "invalid start byte";
  if (byte >= 0xC2 && byte <= 0xF4) {
    reason = bad + 1 >= text.size() ? "unexpected end of data" : "invalid continuation byte";
  }
  return absl::StrFormat(
      "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s", byte, bad,
      reason);
}


Node* Parser::ParseStrings() {
  Pos first = Start();
  size_t first_index = pos_;
  while (IsKind(TokenKind::kString)) Advance();
  size_t end_index = pos_;
  Pos last_end = previous_end_;
  const Token& after = Cur();  // CPython reports string errors here
  auto make_node_span = [&](Node* node) {
    node->lineno = first.line;
    node->col_offset = first.col;
    node->end_lineno = last_end.line;
    node->end_col_offset = last_end.col;
  };
  // Token by token, as CPython: decode, then check bytes/str mixing, then
  // parse the f-string.
  std::string error;
  bool bytes_mode = false;
  std::string bytes_value;
  bool unicode_kind = !tokens_[first_index].text.empty() && tokens_[first_index].text[0] == 'u';
  FStringState state;
  for (size_t i = first_index; i < end_index; ++i) {
    const Token& token = tokens_[i];
    StringToken piece = SplitStringToken(token.text);
    std::string decoded;
    if (piece.is_bytes) {
      if (!DecodeBytesLiteral(piece.body, piece.is_raw, &decoded, &error)) {
        return RaiseAtToken(after, error);
      }
    } else {
      size_t bad = lex::FindInvalidUtf8(piece.body);
      if (bad != std::string_view::npos) {
        return RaiseAtToken(after, Utf8DecodeError(piece.body, bad));
      }
      if (!piece.is_f) {
        if (piece.is_raw) {
          decoded.assign(piece.body);
        } else if (!DecodeStrEscapes(piece.body, &decoded, &error)) {
          return RaiseAtToken(after, error);
        }
      }
    }
    if (i != first_index && bytes_mode != piece.is_bytes) {
      return RaiseAtToken(after, "cannot mix bytes and nonbytes literals");
    }
    bytes_mode = piece.is_bytes;
    if (piece.is_bytes) {
      bytes_value += decoded;
    } else if (piece.is_f) {
      state.fmode = true;
      std::string_view cursor = piece.body;
      if (!ParseFString(token, piece.body, 0, piece.is_raw, 0, &state, &cursor, first, last_end,
                        &unicode_kind)) {
        return nullptr;
      }
    } else {
      state.last += decoded;
    }
  }
  if (bytes_mode) {
    auto* constant = arena_.New<ast::Constant>();
    constant->value.type = ast::ConstantValue::Type::kBytes;
    constant->value.text = arena_.CopyString(bytes_value);
    make_node_span(constant);
    return constant;
  }
  auto make_constant = [&](const std::string& text) {
    auto* constant = arena_.New<ast::Constant>();
    constant->value.type = ast::ConstantValue::Type::kStr;
    constant->value.text = arena_.CopyString(text);
    if (unicode_kind) constant->kind = arena_.CopyString("u");
    make_node_span(constant);
    return constant;
  };
  if (!state.fmode) return make_constant(state.last);
  if (!state.last.empty()) state.values.push_back(make_constant(state.last));
  auto* joined = arena_.New<ast::JoinedStr>();
  joined->values = List(state.values);
  make_node_span(joined);
  return joined;
}

// Parses f-string text starting at *cursor (a view into `body`, which is a
// view into token.text). At depth 0 runs to the end; deeper (a format spec)
// stops at the closing '}'.
bool Parser::ParseFString(const Token& token, std::string_view body, size_t body_offset,
                          bool raw, int depth, FStringState* state, std::string_view* cursor,
                          Pos first, Pos last_end, bool* unicode_kind) {
  (void)body_offset;
  const Token& after = Cur();
  const char* end = body.data() + body.size();
  const char* s = cursor->data();
  auto make_constant = [&](const std::string& text) {
    auto* constant = arena_.New<ast::Constant>();
    constant->value.type = ast::ConstantValue::Type::kStr;
    constant->value.text = arena_.CopyString(text);
    if (*unicode_kind) constant->kind = arena_.CopyString("u");
    constant->lineno = first.line;
    constant->col_offset = first.col;
    constant->end_lineno = last_end.line;
    constant->end_col_offset = last_end.col;
    return constant;
  };
  auto flush_literal = [&]() {
    if (!state->last.empty()) {
      state->values.push_back(make_constant(state->last));
      state->last.clear();
    }
  };
  for (;;) {
    // ---- Literal part.
    const char* literal_start = s;
    bool doubled = false;
    while (s < end) {
      char ch = *s++;
      if (!raw && ch == '\\' && s < end) {
        ch = *s++;
        if (ch == 'N') {
          if (s < end && *s++ == '{') {
            while (s < end && *s++ != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (depth == 0) {
          if (s < end && *s == ch) {
            doubled = true;
            break;
          }
          if (ch == '}') {
            RaiseAtToken(after, "f-string: single '}' is not allowed");
            return false;
          }
        }
        --s;
        break;
      }
    }
    const char* literal_end = s;
    if (literal_end != literal_start) {
      std::string_view literal(literal_start, literal_end - literal_start);
      if (raw) {
        state->last.append(literal);
      } else {
        std::string decoded;
        std::string error;
        if (!DecodeStrEscapes(literal, &decoded, &error)) {
          RaiseAtToken(after, error);
          return false;
        }
        state->last += decoded;
      }
    }
    if (doubled) {
      s += 1;  // skip the second brace
      continue;
    }
    if (s >= end || *s == '}') break;
    // ---- Expression part: *s == '{'.
    if (depth >= 2) {
      RaiseAtToken(after, "f-string: expressions nested too deeply");
      return false;
    }
    const char* brace = s;
    ++s;
    const char* expression_start = s;
    char quote_char = 0;
    int string_type = 0;
    std::vector<char> nesting;
    for (; s < end; ++s) {
      char ch = *s;
      if (ch == '\\') {
        RaiseAtToken(after, "f-string expression part cannot include a backslash");
        return false;
      }
      if (quote_char) {
        if (ch == quote_char) {
          if (string_type == 3) {
            if (s + 2 < end && s[1] == ch && s[2] == ch) {
              s += 2;
              string_type = 0;
              quote_char = 0;
            }
          } else {
            string_type = 0;
            quote_char = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (s + 2 < end && s[1] == ch && s[2] == ch) {
          string_type = 3;
          s += 2;
        } else {
          string_type = 1;
        }
        quote_char = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (nesting.size() >= 200) {
          RaiseAtToken(after, "f-string: too many nested parenthesis");
          return false;
        }
        nesting.push_back(ch);
      } else if (ch == '#') {
        RaiseAtToken(after, "f-string expression part cannot include '#'");
        return false;
      } else if (nesting.empty() &&
                 (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (s + 1 < end) {
          char next = s[1];
          if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
              (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
            ++s;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (nesting.empty()) {
          RaiseAtToken(after, absl::StrFormat("f-string: unmatched '%c'", ch));
          return false;
        }
        char opening = nesting.back();
        nesting.pop_back();
        if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
              (opening == '{' && ch == '}'))) {
          RaiseAtToken(after, absl::StrFormat("f-string: closing parenthesis '%c' does not "
                                              "match opening parenthesis '%c'",
                                              ch, opening));
          return false;
        }
      }
    }
    const char* expression_end = s;
    if (quote_char) {
      RaiseAtToken(after, "f-string: unterminated string");
      return false;
    }
    if (!nesting.empty()) {
      RaiseAtToken(after, absl::StrFormat("f-string: unmatched '%c'", nesting.back()));
      return false;
    }
    if (s >= end) {
      RaiseAtToken(after, "f-string: expecting '}'");
      return false;
    }
    std::string_view expression_text(expression_start, expression_end - expression_start);
    bool all_space = std::all_of(expression_text.begin(), expression_text.end(), [](char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\f';
    });
    if (all_space) {
      RaiseAtToken(after, "f-string: empty expression not allowed");
      return false;
    }
    Node* expression =
        ParseFStringExpression(token, expression_text, brace - token.text.data());
    if (!expression) return false;
    std::string expr_text;
    bool has_expr_text = false;
    if (*s == '=') {
      ++s;
      while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
                         *s == '\v')) {
        ++s;
      }
      if (s >= end) {
        RaiseAtToken(after, "f-string: expecting '}'");
        return false;
      }
      expr_text.assign(expression_start, s - expression_start);
      has_expr_text = true;
    }
    int conversion = -1;
    if (*s == '!') {
      ++s;
      if (s >= end) {
        RaiseAtToken(after, "f-string: expecting '}'");
        return false;
      }
      conversion = static_cast<unsigned char>(*s);
      ++s;
      if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
        RaiseAtToken(after,
                     "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        return false;
      }
    }
    Node* format_spec = nullptr;
    if (s >= end) {
      RaiseAtToken(after, "f-string: expecting '}'");
      return false;
    }
    if (*s == ':') {
      ++s;
      if (s >= end) {
        RaiseAtToken(after, "f-string: expecting '}'");
        return false;
      }
      FStringState spec_state;
      spec_state.fmode = true;
      std::string_view spec_cursor(s, end - s);
      if (!ParseFString(token, body, 0, raw, depth + 1, &spec_state, &spec_cursor, first,
                        last_end, unicode_kind)) {
        return false;
      }
      s = spec_cursor.data();
      // CPython finishes a format spec with the positions of its own token.
      if (!spec_state.last.empty()) {
        Node* constant = make_constant(spec_state.last);
        constant->lineno = token.line;
        constant->col_offset = token.col;
        constant->end_lineno = token.end_line;
        constant->end_col_offset = token.end_col;
        spec_state.values.push_back(constant);
      }
      auto* joined = arena_.New<ast::JoinedStr>();
      joined->values = List(spec_state.values);
      joined->lineno = token.line;
      joined->col_offset = token.col;
      joined->end_lineno = token.end_line;
      joined->end_col_offset = token.end_col;
      format_spec = joined;
    }
    if (s >= end || *s != '}') {
      RaiseAtToken(after, "f-string: expecting '}'");
      return false;
    }
    ++s;
    if (has_expr_text && format_spec == nullptr && conversion == -1) conversion = 'r';
    if (has_expr_text) state->last += expr_text;
    flush_literal();
    auto* formatted = arena_.New<ast::FormattedValue>();
    formatted->value = expression;
    formatted->conversion = conversion;
    formatted->format_spec = format_spec;
    formatted->lineno = first.line;
    formatted->col_offset = first.col;
    formatted->end_lineno = last_end.line;
    formatted->end_col_offset = last_end.col;
    state->values.push_back(formatted);
  }
  if (depth == 0 && s < end - 1 + 1 && s != end) {
    RaiseAtToken(after, "f-string: unexpected end of string");
    return false;
  }
  if (depth != 0 && (s >= end || *s != '}')) {
    RaiseAtToken(after, "f-string: expecting '}'");
    return false;
  }
  *cursor = std::string_view(s, end - s);
  return true;
}

SyntaxErrorInfo ResolveError(Parser& parser, const lex::TokenStream& stream,
                             const std::optional<lex::LexError>& lex_error);

Node* Parser::ParseFStringExpression(const Token& token, std::string_view expression,
                                     size_t brace_offset) {
  std::string_view text = token.text;
  // Where CPython places the expression's tokens (see fstring_find_expr_location).
  bool newline_after_brace = true;
  for (size_t i = brace_offset + 1; i < text.size() && text[i] != '}' && text[i] != '\n'; ++i) {
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\f') {
      newline_after_brace = false;
      break;
    }
  }
  int lines = 0;
  for (size_t i = 0; i < brace_offset; ++i) {
    if (text[i] == '\n') ++lines;
  }
  int cols = 0;
  if (!newline_after_brace) {
    size_t newline = text.rfind('\n', brace_offset);
    cols = newline == std::string_view::npos ? static_cast<int>(brace_offset)
                                             : static_cast<int>(brace_offset - newline - 1);
  }
  int line_base = token.line + lines - 1;
  int col_base = (lines == 0 ? token.col : 0) + cols;
  std::string source = "(" + std::string(expression) + ")";
  lex::TokenStream sub_stream = lex::TokenizeUtf8(source, {});
  std::vector<Token> adjusted = sub_stream.tokens;
  for (Token& sub_token : adjusted) {
    bool first_line = sub_token.end_line == 1;
    sub_token.line += line_base;
    sub_token.end_line += line_base;
    if (first_line) {
      sub_token.col += col_base;
      sub_token.end_col += col_base;
    }
  }
  std::optional<lex::LexError> sub_lex_error = sub_stream.error;
  if (sub_lex_error) {
    sub_lex_error->line += line_base;
    if (sub_lex_error->open_bracket_line) sub_lex_error->open_bracket_line += line_base;
  }
  Parser sub(adjusted, stream_, arena_, sub_lex_error);
  Node* result = sub.ParseStarExpressions();
  if (result && !sub.failed_) return result;
  SyntaxErrorInfo error = ResolveError(sub, stream_, sub_lex_error);
  if (!sub.lex_error_hit_ && !(sub_lex_error && sub_lex_error->kind == lex::LexErrorKind::kRaised)) {
    error.message = "f-string: " + error.message;
  }
  failed_ = true;
  if (!specific_) specific_ = error;
  return nullptr;
}

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

// ============================================================================
// Error resolution (which error CPython would report) and the public API
// ============================================================================

SyntaxErrorInfo FromLexError(const lex::LexError& error, const lex::TokenStream& stream,
                             const Parser& parser) {
  SyntaxErrorInfo info;
  info.type = error.type;
  info.message = error.message;
  info.line = error.line;
  info.offset = error.offset;
  if (error.kind == lex::LexErrorKind::kEof) {
    if (error.open_bracket) {
      info.message = absl::StrFormat("'%c' was never closed", error.open_bracket);
      info.line = error.open_bracket_line;
      info.offset = stream.CharOffset(error.open_bracket_line, error.open_bracket_col) + 1;
    } else {
      const Token& last = parser.FurthestToken();
      info.line = last.line;
      info.offset = static_cast<int>(stream.LineText(last.line).size()) + 1;
    }
  }
  return info;
}

SyntaxErrorInfo ResolveError(Parser& parser, const lex::TokenStream& stream,
                             const std::optional<lex::LexError>& lex_error) {
  if (parser.lex_error_hit() && lex_error) return FromLexError(*lex_error, stream, parser);
  SyntaxErrorInfo info;
  bool check_rest = true;
  const Token& furthest = parser.FurthestToken();
  if (parser.specific_error()) {
    info = *parser.specific_error();
  } else if (furthest.kind == TokenKind::kIndent || furthest.kind == TokenKind::kDedent) {
    info.type = "IndentationError";
    info.message =
        furthest.kind == TokenKind::kIndent ? "unexpected indent" : "unexpected unindent";
    info.line = furthest.line;
    info.offset = stream.CharOffset(furthest.line, furthest.end_col);
    check_rest = false;
  } else {
    info.message = "invalid syntax";
    info.line = furthest.line;
    info.offset = stream.CharOffset(furthest.line, furthest.col) + 1;
  }
  if (check_rest && lex_error) {
    if (lex_error->kind == lex::LexErrorKind::kRaised) {
      return FromLexError(*lex_error, stream, parser);
    }
    if (lex_error->open_bracket &&
        parser.FurthestTokenAnyPass().line > lex_error->open_bracket_line) {
      SyntaxErrorInfo unclosed;
      unclosed.message = absl::StrFormat("'%c' was never closed", lex_error->open_bracket);
      unclosed.line = lex_error->open_bracket_line;
      unclosed.offset =
          stream.CharOffset(lex_error->open_bracket_line, lex_error->open_bracket_col) + 1;
      return unclosed;
    }
  }
  return info;
}

}  // namespace

ParseResult ParseFile(std::string_view filename, std::string_view bytes, ast::Arena& arena) {
  (void)filename;
  ParseResult result;
  lex::TokenStream stream = lex::Tokenize(bytes, {});
  if (stream.error && (stream.error->kind == lex::LexErrorKind::kEncoding ||
                       stream.error->kind == lex::LexErrorKind::kNullBytes)) {
    result.error.type = stream.error->type;
    result.error.message = stream.error->message;
    result.error.line = stream.error->line;
    result.error.offset = stream.error->offset;
    return result;
  }
  Parser parser(stream.tokens, stream, arena, stream.error);
  ast::Module* module = parser.ParseModule();
  if (module != nullptr && !parser.failed()) {
    // CPython converts the tree to Python objects with a recursion limit;
    // deeper trees fail there (the exact limit depends on the caller's stack,
    // this is its value for a shallow caller).
    if (ast::MaxDepth(module, kMaxAstDepth) > kMaxAstDepth) {
      result.error.type = "RecursionError";
      result.error.message = "maximum recursion depth exceeded during ast construction";
      return result;
    }
    result.module = module;
    return result;
  }
  result.error = ResolveError(parser, stream, stream.error);
  result.error.line_text = std::string(stream.LineText(result.error.line));
  return result;
}

absl::StatusOr<ast::Module*> ParseFileOrStatus(std::string_view filename,
                                               std::string_view bytes, ast::Arena& arena) {
  ParseResult result = ParseFile(filename, bytes, arena);
  if (result.ok()) return result.module;
  return absl::InvalidArgumentError(absl::StrFormat("%s:%d:%d: %s: %s", filename,
                                                    result.error.line, result.error.offset,
                                                    result.error.type, result.error.message));
}

}  // namespace kiln::parse
