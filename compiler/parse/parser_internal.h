// The parser's internals, shared by its source files: the Parser class (one
// recursive-descent parser for the whole 3.11 grammar, keeping CPython's node
// positions and error rules), its token, error and node helpers, and the few
// free helpers that more than one grammar area uses. Not an API: the driver and
// tests use parser.h.
//
// Parser's member functions are defined by grammar area:
//   parser.cc              keyword table, expression names, error resolution, ParseFile
//   parser_statements.cc   the module, simple statements, assignment targets
//   parser_compound.cc     compound statements, function and lambda parameters
//   parser_expressions.cc  star_expressions down to primary: operators, calls, subscripts
//   parser_atoms.cc        atoms, displays, comprehensions, star targets
//   parser_strings.cc      string literals and f-strings
//   parser_patterns.cc     match statements and patterns
#ifndef KILN_COMPILER_PARSE_PARSER_INTERNAL_H_
#define KILN_COMPILER_PARSE_PARSER_INTERNAL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/ast/arena.h"
#include "compiler/ast/ast.h"
#include "compiler/lex/tokenizer.h"
#include "compiler/lex/unicode.h"
#include "compiler/parse/parser.h"

namespace kiln::parse::internal {

using ast::Node;
using lex::Token;
using lex::TokenKind;

// Nesting limit for recursive rules (CPython's parser stack limit is 6000
// rule frames; every nesting level here stands for several of those).
constexpr int kMaxDepth = 5980;

// A NAME token's text is a hard keyword (parser.cc).
bool IsKeywordText(std::string_view text);

struct Pos {
  int line;
  int col;
};

// Describes an expression the way CPython's error messages do (parser.cc).
const char* ExpressionName(const Node* node);

// Assignment-target helpers (parser_statements.cc).
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

// Which error CPython would report for a failed parse (parser.cc).
SyntaxErrorInfo ResolveError(Parser& parser, const lex::TokenStream& stream,
                             const std::optional<lex::LexError>& lex_error);

}  // namespace kiln::parse::internal

#endif  // KILN_COMPILER_PARSE_PARSER_INTERNAL_H_
