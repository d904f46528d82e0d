// Parser: string literals (concatenation, bytes, escapes) and f-strings,
// whose expressions are tokenized and parsed by a sub-parser.
#include "compiler/parse/parser_internal.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_format.h"
#include "compiler/lex/tokenizer.h"
#include "compiler/lex/unicode.h"
#include "compiler/parse/literals.h"

namespace kiln::parse::internal {

// ============================================================================
// Strings and f-strings
// ============================================================================

struct Parser::FStringState {
  std::vector<Node*> values;
  std::string last;
  bool fmode = false;
};


namespace {

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

}  // namespace


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

}  // namespace kiln::parse::internal
