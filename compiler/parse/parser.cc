// The parser's entry points (ParseFile, ParseFileOrStatus) and what every grammar
// area shares: the keyword table, expression names and error resolution.
#include "compiler/parse/parser.h"

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "compiler/ast/visit.h"
#include "compiler/parse/parser_internal.h"

namespace kiln::parse {
namespace internal {
namespace {

const char* const kKeywords[] = {
    "False", "None",   "True",    "and",      "as",     "assert", "async", "await",
    "break", "class",  "continue", "def",     "del",    "elif",   "else",  "except",
    "finally", "for",  "from",    "global",   "if",     "import", "in",    "is",
    "lambda", "nonlocal", "not",  "or",       "pass",   "raise",  "return", "try",
    "while", "with",   "yield"};

}  // namespace

bool IsKeywordText(std::string_view text) {
  for (const char* keyword : kKeywords) {
    if (text == keyword) return true;
  }
  return false;
}

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

// ============================================================================
// Error resolution (which error CPython would report) and the public API
// ============================================================================

namespace {

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

}  // namespace

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

}  // namespace internal

namespace {

// Deepest tree ast.parse can return (see ParseFile).
constexpr int kMaxAstDepth = 2988;

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
  internal::Parser parser(stream.tokens, stream, arena, stream.error);
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
  result.error = internal::ResolveError(parser, stream, stream.error);
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
