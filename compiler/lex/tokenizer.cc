#include "compiler/lex/tokenizer.h"

#include <cctype>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "compiler/lex/unicode.h"

namespace kiln::lex {
namespace {

constexpr int kTabSize = 8;
constexpr int kMaxIndent = 100;
constexpr int kMaxBracketLevel = 200;

bool IsPotentialIdentifierStart(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool IsPotentialIdentifierChar(int c) {
  return IsPotentialIdentifierStart(c) || (c >= '0' && c <= '9');
}
bool IsDigit(int c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(int c) { return std::isxdigit(c) != 0 && c < 128; }

// Python's reason text for a UTF-8 decoding failure at text[pos].
std::string Utf8ErrorReason(std::string_view text, size_t pos, size_t* end) {
  unsigned char lead = static_cast<unsigned char>(text[pos]);
  *end = pos + 1;
  int length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  else return "invalid start byte";
  for (int k = 1; k < length; ++k) {
    if (pos + k >= text.size()) {
      *end = text.size();
      return "unexpected end of data";
    }
    unsigned char next = static_cast<unsigned char>(text[pos + k]);
    bool ok = (next & 0xC0) == 0x80;
    if (k == 1) {
      if (lead == 0xE0 && next < 0xA0) ok = false;
      if (lead == 0xED && next > 0x9F) ok = false;
      if (lead == 0xF0 && next < 0x90) ok = false;
      if (lead == 0xF4 && next > 0x8F) ok = false;
    }
    if (!ok) {
      *end = pos + k;
      return "invalid continuation byte";
    }
  }
  return "invalid start byte";
}

class Lexer {
 public:
  Lexer(TokenStream* stream, const TokenizeOptions& options)
      : stream_(stream), source_(*stream->source), options_(options) {
    indent_stack_.push_back(0);
    alt_indent_stack_.push_back(0);
    stream_->line_starts.push_back(0);
  }

  void Run();

 private:
  int Peek(size_t ahead = 0) const {
    size_t index = pos_ + ahead;
    return index < source_.size() ? static_cast<unsigned char>(source_[index]) : -1;
  }
  // Consumes one byte, tracking lines.
  int Next() {
    if (pos_ >= source_.size()) return -1;
    int c = static_cast<unsigned char>(source_[pos_++]);
    if (c == '\n') {
      ++line_;
      line_start_ = pos_;
      stream_->line_starts.push_back(static_cast<uint32_t>(pos_));
    }
    return c;
  }
  int Col(size_t position) const { return static_cast<int>(position - line_start_); }

  void Emit(TokenKind kind, size_t start, int start_line, int start_col) {
    Token token;
    token.kind = kind;
    token.text = std::string_view(source_).substr(start, pos_ - start);
    token.line = start_line;
    token.col = start_col;
    token.end_line = line_;
    token.end_col = Col(pos_);
    token.level = static_cast<int>(bracket_stack_.size());
    stream_->tokens.push_back(token);
  }
  void EmitAt(TokenKind kind, size_t start, size_t end) {
    Token token;
    token.kind = kind;
    token.text = std::string_view(source_).substr(start, end - start);
    token.line = line_;
    token.col = Col(start);
    token.end_line = line_;
    token.end_col = Col(end);
    stream_->tokens.push_back(token);
  }

  // Records an error; `offset_position` is the byte position whose prefix
  // length (in characters) CPython reports as the 1-based offset.
  void Fail(LexErrorKind kind, std::string type, std::string message, int line,
            size_t line_start, size_t offset_position) {
    LexError error;
    error.kind = kind;
    error.type = std::move(type);
    error.message = std::move(message);
    error.line = line;
    error.offset = CharCount(line_start, offset_position);
    if (!bracket_stack_.empty()) {
      error.open_bracket = bracket_stack_.back().bracket;
      error.open_bracket_line = bracket_stack_.back().line;
      error.open_bracket_col = bracket_stack_.back().col;
    }
    stream_->error = std::move(error);
    failed_ = true;
  }
  void SyntaxErrorHere(std::string message) {
    Fail(LexErrorKind::kRaised, "SyntaxError", std::move(message), line_, line_start_, pos_);
  }
  int CharCount(size_t from, size_t to) const {
    int count = 0;
    for (size_t i = from; i < to && i < source_.size(); ++i) {
      if ((static_cast<unsigned char>(source_[i]) & 0xC0) != 0x80) ++count;
    }
    return count;
  }

  bool ReadIndentation(bool* blank_line);
  bool ContinuationLine();
  bool LexName(size_t start, int start_col);
  bool LexNumber(size_t start, int start_col);
  bool LexString(size_t start, int start_line, int start_col);
  bool DecimalTail(int* c);
  bool VerifyEndOfNumber(int c, const char* kind);
  bool LexOperator(size_t start, int start_col);

  struct Bracket {
    char bracket;
    int line;
    int col;
  };

  TokenStream* stream_;
  const std::string& source_;
  TokenizeOptions options_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  bool at_line_start_ = true;
  bool failed_ = false;
  std::vector<int> indent_stack_;
  std::vector<int> alt_indent_stack_;
  int pending_indents_ = 0;
  std::vector<Bracket> bracket_stack_;
};

bool Lexer::ContinuationLine() {
  // Called with pos_ just after a backslash.
  if (Peek() != '\n') {
    Fail(LexErrorKind::kLineContinuation, "SyntaxError",
         "unexpected character after line continuation character", line_, line_start_,
         pos_);
    return false;
  }
  Next();
  if (Peek() < 0) {
    Fail(LexErrorKind::kEof, "SyntaxError", "unexpected EOF while parsing", line_,
         line_start_, pos_);
    return false;
  }
  return true;
}

bool Lexer::ReadIndentation(bool* blank_line) {
  int col = 0;
  int alt_col = 0;
  int continuation_col = 0;
  size_t indent_start = pos_;
  for (;;) {
    int c = Peek();
    if (c == ' ') {
      ++col;
      ++alt_col;
      Next();
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      alt_col = alt_col + 1;
      Next();
    } else if (c == '\f') {
      col = alt_col = 0;
      Next();
    } else if (c == '\\') {
      continuation_col = continuation_col ? continuation_col : col;
      Next();
      if (!ContinuationLine()) return false;
    } else {
      break;
    }
  }
  int c = Peek();
  if (c < 0) {
    *blank_line = false;
    return true;  // end of file: Run() closes the open blocks
  }
  *blank_line = (c == '#' || c == '\n');
  if (*blank_line || !bracket_stack_.empty()) return true;
  if (continuation_col) {
    col = continuation_col;
    alt_col = continuation_col;
  }
  if (col == indent_stack_.back()) {
    if (alt_col != alt_indent_stack_.back()) {
      Fail(LexErrorKind::kTabSpace, "TabError",
           "inconsistent use of tabs and spaces in indentation", line_, line_start_,
           line_start_);
      return false;
    }
  } else if (col > indent_stack_.back()) {
    if (indent_stack_.size() >= kMaxIndent) {
      Fail(LexErrorKind::kTooDeep, "IndentationError", "too many levels of indentation",
           line_, line_start_, line_start_);
      return false;
    }
    if (alt_col <= alt_indent_stack_.back()) {
      Fail(LexErrorKind::kTabSpace, "TabError",
           "inconsistent use of tabs and spaces in indentation", line_, line_start_,
           line_start_);
      return false;
    }
    ++pending_indents_;
    indent_stack_.push_back(col);
    alt_indent_stack_.push_back(alt_col);
  } else {
    while (indent_stack_.size() > 1 && col < indent_stack_.back()) {
      --pending_indents_;
      indent_stack_.pop_back();
      alt_indent_stack_.pop_back();
    }
    if (col != indent_stack_.back()) {
      size_t line_end = source_.find('\n', pos_);
      if (line_end == std::string::npos) line_end = source_.size(); else ++line_end;
      Fail(LexErrorKind::kDedent, "IndentationError",
           "unindent does not match any outer indentation level", line_, line_start_,
           line_end);
      return false;
    }
    if (alt_col != alt_indent_stack_.back()) {
      Fail(LexErrorKind::kTabSpace, "TabError",
           "inconsistent use of tabs and spaces in indentation", line_, line_start_,
           line_start_);
      return false;
    }
  }
  // Emit pending INDENT / DEDENT tokens.
  while (pending_indents_ != 0) {
    if (pending_indents_ < 0) {
      ++pending_indents_;
      EmitAt(TokenKind::kDedent, pos_, pos_);
    } else {
      --pending_indents_;
      EmitAt(TokenKind::kIndent, indent_start, pos_);
    }
  }
  return true;
}

bool Lexer::LexName(size_t start, int start_col) {
  bool non_ascii = false;
  while (IsPotentialIdentifierChar(Peek())) {
    if (Peek() >= 128) non_ascii = true;
    Next();
  }
  if (non_ascii) {
    std::string_view text = std::string_view(source_).substr(start, pos_ - start);
    size_t bad = FindInvalidUtf8(text);
    if (bad != std::string_view::npos) {
      size_t end;
      std::string reason = Utf8ErrorReason(text, bad, &end);
      std::string message;
      if (end - bad > 1) {
        message = absl::StrFormat(
            "(unicode error) 'utf-8' codec can't decode bytes in position %d-%d: %s",
            bad, end - 1, reason);
      } else {
        message = absl::StrFormat(
            "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s",
            static_cast<unsigned char>(text[bad]), bad, reason);
      }
      Fail(LexErrorKind::kRaised, "SyntaxError", message, line_, line_start_,
           start + bad + 1);
      return false;
    }
    size_t position = 0;
    bool first = true;
    while (position < text.size()) {
      size_t char_start = position;
      int32_t code_point = DecodeUtf8(text, &position);
      bool ok = first ? IsIdentifierStart(code_point) : IsIdentifierContinue(code_point);
      first = false;
      if (!ok) {
        std::string printed;
        AppendUtf8(code_point, &printed);
        std::string message;
        if (IsPrintable(code_point)) {
          message = absl::StrFormat("invalid character '%s' (U+%04X)", printed, code_point);
        } else {
          message = absl::StrFormat("invalid non-printable character U+%04X", code_point);
        }
        // CPython's offset points at the bad character itself (1-based).
        Fail(LexErrorKind::kRaised, "SyntaxError", message, line_, line_start_,
             start + char_start);
        ++stream_->error->offset;
        return false;
      }
    }
  }
  Emit(TokenKind::kName, start, line_, start_col);
  return true;
}

bool Lexer::DecimalTail(int* c) {
  for (;;) {
    while (IsDigit(Peek())) Next();
    if (Peek() != '_') break;
    Next();
    if (!IsDigit(Peek())) {
      SyntaxErrorHere("invalid decimal literal");
      return false;
    }
  }
  *c = Peek();
  return true;
}

bool Lexer::VerifyEndOfNumber(int c, const char* kind) {
  // c == Peek(): the character after the literal.
  // CPython's lookahead(): the keyword's remaining letters, then a character that
  // cannot continue an identifier (`0elsex` is an invalid literal, `0else x` warns).
  auto lookahead = [this](const char* rest) {
    size_t k = 0;
    for (; rest[k]; ++k) {
      if (Peek(1 + k) != rest[k]) return false;
    }
    return !IsPotentialIdentifierChar(Peek(1 + k));
  };
  bool keyword = false;
  switch (c) {
    case 'a': keyword = lookahead("nd"); break;
    case 'e': keyword = lookahead("lse"); break;
    case 'f': keyword = lookahead("or"); break;
    case 'i': keyword = Peek(1) == 'f' || Peek(1) == 'n' || Peek(1) == 's'; break;
    case 'o': keyword = lookahead("r"); break;
    case 'n': keyword = lookahead("ot"); break;
    default: break;
  }
  if (keyword) return true;  // CPython only warns here.
  if (IsPotentialIdentifierChar(c)) {
    SyntaxErrorHere(absl::StrCat("invalid ", kind, " literal"));
    return false;
  }
  return true;
}

bool Lexer::LexNumber(size_t start, int start_col) {
  // pos_ is at the first character (a digit, or '.' followed by a digit).
  auto finish = [&]() {
    Emit(TokenKind::kNumber, start, line_, start_col);
    return true;
  };
  auto exponent_and_imaginary = [&](bool after_fraction) -> bool {
    (void)after_fraction;
    int c = Peek();
    if (c == 'e' || c == 'E') {
      Next();
      c = Peek();
      if (c == '+' || c == '-') {
        Next();
        if (!IsDigit(Peek())) {
          SyntaxErrorHere("invalid decimal literal");
          return false;
        }
      } else if (!IsDigit(c)) {
        // "1e" followed by something that is not an exponent: back up.
        --pos_;
        if (!VerifyEndOfNumber('e', "decimal")) return false;
        return finish();
      }
      if (!DecimalTail(&c)) return false;
    }
    if (c == 'j' || c == 'J') {
      Next();
      if (!VerifyEndOfNumber(Peek(), "imaginary")) return false;
    } else if (!VerifyEndOfNumber(c, "decimal")) {
      return false;
    }
    return finish();
  };
  auto fraction = [&]() -> bool {
    // pos_ just after '.'.
    int c = Peek();
    if (IsDigit(c)) {
      if (!DecimalTail(&c)) return false;
    }
    return exponent_and_imaginary(true);
  };

  int c = Peek();
  if (c == '.') {
    Next();
    return fraction();
  }
  if (c == '0') {
    Next();
    c = Peek();
    if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B') {
      char base = static_cast<char>(std::tolower(c));
      const char* kind = base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : "binary";
      auto in_base = [base](int ch) {
        if (base == 'x') return IsHexDigit(ch);
        if (base == 'o') return ch >= '0' && ch <= '7';
        return ch == '0' || ch == '1';
      };
      Next();
      c = Peek();
      do {
        if (c == '_') {
          Next();
          c = Peek();
        }
        if (!in_base(c)) {
          if (base != 'x' && IsDigit(c)) {
            Next();
            SyntaxErrorHere(absl::StrFormat("invalid digit '%c' in %s literal", c, kind));
          } else {
            SyntaxErrorHere(absl::StrCat("invalid ", kind, " literal"));
          }
          return false;
        }
        while (in_base(Peek())) Next();
        c = Peek();
      } while (c == '_');
      if (base != 'x' && IsDigit(c)) {
        Next();
        SyntaxErrorHere(absl::StrFormat("invalid digit '%c' in %s literal", c, kind));
        return false;
      }
      if (!VerifyEndOfNumber(c, kind)) return false;
      return finish();
    }
    bool nonzero = false;
    for (;;) {
      if (c == '_') {
        Next();
        c = Peek();
        if (!IsDigit(c)) {
          SyntaxErrorHere("invalid decimal literal");
          return false;
        }
      }
      if (c != '0') break;
      Next();
      c = Peek();
    }
    size_t zeros_end = pos_;
    if (IsDigit(c)) {
      nonzero = true;
      if (!DecimalTail(&c)) return false;
    }
    if (c == '.') {
      Next();
      return fraction();
    }
    if (c == 'e' || c == 'E' || c == 'j' || c == 'J') return exponent_and_imaginary(false);
    if (nonzero) {
      Fail(LexErrorKind::kRaised, "SyntaxError",
           "leading zeros in decimal integer literals are not permitted; use an 0o "
           "prefix for octal integers",
           line_, line_start_, start + 1);
      (void)zeros_end;
      return false;
    }
    if (!VerifyEndOfNumber(c, "decimal")) return false;
    return finish();
  }
  if (!DecimalTail(&c)) return false;
  if (c == '.') {
    Next();
    return fraction();
  }
  return exponent_and_imaginary(false);
}

bool Lexer::LexString(size_t start, int start_line, int start_col) {
  // pos_ is at the opening quote.
  int quote = Next();
  int quote_size = 1;
  int end_quote_size = 0;
  size_t first_line_start = line_start_;
  if (Peek() == quote) {
    Next();
    if (Peek() == quote) {
      Next();
      quote_size = 3;
    } else {
      end_quote_size = 1;  // empty string
    }
  }
  while (end_quote_size != quote_size) {
    int c = Peek();
    if (c < 0 || (quote_size == 1 && c == '\n')) {
      // At end of input CPython's line counter has not moved past the last line.
      int detected_line = c < 0 ? line_ - 1 : line_;
      std::string message =
          quote_size == 3
              ? absl::StrFormat(
                    "unterminated triple-quoted string literal (detected at line %d)",
                    detected_line)
              : absl::StrFormat("unterminated string literal (detected at line %d)",
                                detected_line);
      Fail(LexErrorKind::kRaised, "SyntaxError", message, start_line, first_line_start,
           start + 1);
      return false;
    }
    Next();
    if (c == quote) {
      ++end_quote_size;
    } else {
      end_quote_size = 0;
      if (c == '\\') {
        if (Peek() >= 0) Next();
      }
    }
  }
  Emit(TokenKind::kString, start, start_line, start_col);
  return true;
}

int TwoCharOperator(int c1, int c2) {
  static const char* const kTwo[] = {"!=", "%=", "&=", "**", "*=", "+=", "-=", "->",
                                     "//", "/=", ":=", "<<", "<=", "<>", "==", ">=",
                                     ">>", "@=", "^=", "|="};
  for (const char* op : kTwo) {
    if (op[0] == c1 && op[1] == c2) return 1;
  }
  return 0;
}

bool Lexer::LexOperator(size_t start, int start_col) {
  int c = Next();
  int c2 = Peek();
  if (c2 >= 0 && TwoCharOperator(c, c2)) {
    Next();
    int c3 = Peek();
    if (c3 == '=' && ((c == '*' && c2 == '*') || (c == '/' && c2 == '/') ||
                      (c == '<' && c2 == '<') || (c == '>' && c2 == '>'))) {
      Next();
    }
    Emit(TokenKind::kOp, start, line_, start_col);
    return true;
  }
  switch (c) {
    case '(':
    case '[':
    case '{':
      if (bracket_stack_.size() >= kMaxBracketLevel) {
        SyntaxErrorHere("too many nested parentheses");
        return false;
      }
      bracket_stack_.push_back({static_cast<char>(c), line_, start_col});
      break;
    case ')':
    case ']':
    case '}': {
      if (bracket_stack_.empty()) {
        SyntaxErrorHere(absl::StrFormat("unmatched '%c'", c));
        return false;
      }
      Bracket opening = bracket_stack_.back();
      bracket_stack_.pop_back();
      if (!((opening.bracket == '(' && c == ')') || (opening.bracket == '[' && c == ']') ||
            (opening.bracket == '{' && c == '}'))) {
        bracket_stack_.push_back(opening);
        if (opening.line != line_) {
          SyntaxErrorHere(absl::StrFormat(
              "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
              c, opening.bracket, opening.line));
        } else {
          SyntaxErrorHere(absl::StrFormat(
              "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
              opening.bracket));
        }
        bracket_stack_.pop_back();
        return false;
      }
      break;
    }
    default:
      if (c < 32 || c == 127) {
        SyntaxErrorHere(absl::StrFormat("invalid non-printable character U+%04X", c));
        return false;
      }
      break;
  }
  Emit(TokenKind::kOp, start, line_, start_col);
  return true;
}

void Lexer::Run() {
  bool blank_line = false;
  for (;;) {
    if (failed_) return;
    if (at_line_start_) {
      at_line_start_ = false;
      if (!ReadIndentation(&blank_line)) return;
    }
    // Skip spaces.
    while (Peek() == ' ' || Peek() == '\t' || Peek() == '\f') Next();
    size_t start = pos_;
    int start_col = Col(pos_);
    int c = Peek();
    if (c == '#') {
      while (Peek() >= 0 && Peek() != '\n') Next();
      if (options_.include_comments) Emit(TokenKind::kComment, start, line_, start_col);
      c = Peek();
      start = pos_;
      start_col = Col(pos_);
    }
    if (c < 0) {
      if (!bracket_stack_.empty()) {
        Fail(LexErrorKind::kEof, "SyntaxError", "unexpected EOF while parsing", line_,
             line_start_, pos_);
        return;
      }
      // Final NEWLINE was already produced (the source ends with '\n');
      // close the open blocks. Like CPython, the end-of-file DEDENT and
      // ENDMARKER tokens sit at the end of the last line.
      int last_line = line_ > 1 ? line_ - 1 : 1;
      size_t last_start = stream_->line_starts[last_line - 1];
      int last_col = static_cast<int>(pos_ - last_start) - (pos_ > last_start ? 1 : 0);
      auto emit_eof = [&](TokenKind kind) {
        Token token{kind, std::string_view(source_).substr(pos_, 0), last_line, last_col,
                    last_line, last_col + 1};
        stream_->tokens.push_back(token);
      };
      while (indent_stack_.size() > 1) {
        indent_stack_.pop_back();
        emit_eof(TokenKind::kDedent);
      }
      emit_eof(TokenKind::kEndMarker);
      return;
    }
    if (IsPotentialIdentifierStart(c)) {
      // String prefixes.
      bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
      size_t probe = 0;
      for (;;) {
        int ch = Peek(probe);
        if (!(saw_b || saw_u || saw_f) && (ch == 'b' || ch == 'B')) {
          saw_b = true;
        } else if (!(saw_b || saw_u || saw_r || saw_f) && (ch == 'u' || ch == 'U')) {
          saw_u = true;
        } else if (!(saw_r || saw_u) && (ch == 'r' || ch == 'R')) {
          saw_r = true;
        } else if (!(saw_f || saw_b || saw_u) && (ch == 'f' || ch == 'F')) {
          saw_f = true;
        } else {
          break;
        }
        ++probe;
        int after = Peek(probe);
        if (after == '"' || after == '\'') {
          for (size_t k = 0; k < probe; ++k) Next();
          if (!LexString(start, line_, start_col)) return;
          goto next_token;
        }
      }
      if (!LexName(start, start_col)) return;
      continue;
    }
    if (c == '\n') {
      Next();
      at_line_start_ = true;
      if (blank_line || !bracket_stack_.empty()) {
        if (options_.include_comments) {
          Token token{TokenKind::kNl, std::string_view(source_).substr(start, 1), line_ - 1,
                      start_col, line_ - 1, start_col + 1};
          stream_->tokens.push_back(token);
        }
        continue;
      }
      Token token{TokenKind::kNewline, std::string_view(source_).substr(start, 1), line_ - 1,
                  start_col, line_ - 1, start_col + 1};
      stream_->tokens.push_back(token);
      continue;
    }
    if (c == '.') {
      if (IsDigit(Peek(1))) {
        if (!LexNumber(start, start_col)) return;
        continue;
      }
      if (Peek(1) == '.' && Peek(2) == '.') {
        Next();
        Next();
        Next();
      } else {
        Next();
      }
      Emit(TokenKind::kOp, start, line_, start_col);
      continue;
    }
    if (IsDigit(c)) {
      if (!LexNumber(start, start_col)) return;
      continue;
    }
    if (c == '"' || c == '\'') {
      if (!LexString(start, line_, start_col)) return;
      continue;
    }
    if (c == '\\') {
      Next();
      if (!ContinuationLine()) return;
      continue;
    }
    if (!LexOperator(start, start_col)) return;
    continue;
  next_token:;
  }
}

// Finds a PEP 263 coding declaration in one line; returns the raw name or "".
std::string FindCodingSpec(std::string_view line, bool* is_comment_or_blank) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  *is_comment_or_blank = i >= line.size() || line[i] == '#' || line[i] == '\n' ||
                         line[i] == '\r';
  if (i >= line.size() || line[i] != '#') return "";
  for (size_t k = i; k + 6 < line.size(); ++k) {
    if (line.compare(k, 6, "coding") == 0 && (line[k + 6] == ':' || line[k + 6] == '=')) {
      size_t begin = k + 7;
      while (begin < line.size() && (line[begin] == ' ' || line[begin] == '\t')) ++begin;
      size_t end = begin;
      while (end < line.size() &&
             (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '-' ||
              line[end] == '_' || line[end] == '.')) {
        ++end;
      }
      if (end > begin) return std::string(line.substr(begin, end - begin));
      return "";
    }
  }
  return "";
}

// CPython's get_normal_name: utf-8 and latin-1 spellings.
std::string NormalCodingName(const std::string& name) {
  std::string lower;
  for (size_t i = 0; i < name.size() && i < 12; ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    lower.push_back(c == '_' ? '-' : c);
  }
  auto starts = [&](const char* prefix) {
    size_t n = std::strlen(prefix);
    return lower == prefix || (lower.size() > n && lower.compare(0, n, prefix) == 0 &&
                                lower[n] == '-');
  };
  if (starts("utf-8")) return "utf-8";
  if (starts("latin-1") || starts("iso-8859-1") || starts("iso-latin-1")) return "iso-8859-1";
  return name;
}

bool Normalize(std::string_view text, std::string* out) {
  out->clear();
  out->reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      out->push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out->push_back(c);
    }
  }
  if (out->empty() || out->back() != '\n') {
    out->push_back('\n');
    return true;
  }
  return false;
}

}  // namespace

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEndMarker: return "ENDMARKER";
    case TokenKind::kName: return "NAME";
    case TokenKind::kNumber: return "NUMBER";
    case TokenKind::kString: return "STRING";
    case TokenKind::kNewline: return "NEWLINE";
    case TokenKind::kIndent: return "INDENT";
    case TokenKind::kDedent: return "DEDENT";
    case TokenKind::kOp: return "OP";
    case TokenKind::kComment: return "COMMENT";
    case TokenKind::kNl: return "NL";
    case TokenKind::kErrorToken: return "ERRORTOKEN";
  }
  return "?";
}

std::string_view TokenStream::LineText(int line) const {
  if (line < 1 || line > static_cast<int>(line_starts.size())) return {};
  size_t begin = line_starts[line - 1];
  if (begin >= source->size()) return {};
  size_t end = source->find('\n', begin);
  if (end == std::string::npos) end = source->size();
  return std::string_view(*source).substr(begin, end - begin);
}

int TokenStream::CharOffset(int line, int byte_col) const {
  std::string_view text = LineText(line);
  int count = 0;
  for (int i = 0; i < byte_col && i < static_cast<int>(text.size()); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  if (byte_col > static_cast<int>(text.size())) count += byte_col - static_cast<int>(text.size());
  return count;
}

TokenStream TokenizeUtf8(std::string_view text, const TokenizeOptions& options) {
  TokenStream stream;
  stream.source = std::make_unique<std::string>();
  stream.added_final_newline = Normalize(text, stream.source.get());
  Lexer lexer(&stream, options);
  lexer.Run();
  return stream;
}

TokenStream Tokenize(std::string_view bytes, const TokenizeOptions& options) {
  auto encoding_error = [](std::string message) {
    TokenStream stream;
    stream.source = std::make_unique<std::string>("\n");
    stream.line_starts.push_back(0);
    LexError error;
    error.kind = LexErrorKind::kEncoding;
    error.type = "SyntaxError";
    error.message = std::move(message);
    error.line = 0;
    error.offset = -1;
    stream.error = std::move(error);
    return stream;
  };
  if (bytes.find('\0') != std::string_view::npos) {
    TokenStream stream = encoding_error("source code string cannot contain null bytes");
    stream.error->kind = LexErrorKind::kNullBytes;
    stream.error->type = "ValueError";
    stream.error->offset = 0;
    return stream;
  }
  bool has_bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
  if (has_bom) bytes.remove_prefix(3);
  // Coding cookie on line 1, or line 2 if line 1 is blank or a comment.
  std::string coding;
  size_t line1_end = bytes.find_first_of("\r\n");
  std::string_view line1 = bytes.substr(0, line1_end);
  bool comment_or_blank = false;
  coding = FindCodingSpec(line1, &comment_or_blank);
  if (coding.empty() && comment_or_blank && line1_end != std::string_view::npos) {
    size_t line2_start = line1_end + 1;
    if (bytes[line1_end] == '\r' && line2_start < bytes.size() && bytes[line2_start] == '\n') {
      ++line2_start;
    }
    std::string_view rest = bytes.substr(line2_start);
    bool ignored;
    coding = FindCodingSpec(rest.substr(0, rest.find_first_of("\r\n")), &ignored);
  }
  std::string decoded;
  if (!coding.empty()) {
    std::string normal = NormalCodingName(coding);
    if (has_bom && normal != "utf-8") {
      return encoding_error(absl::StrCat("encoding problem: ", normal, " with BOM"));
    }
    if (normal != "utf-8") {
      std::string codec = LookupCodec(normal);
      if (codec.empty()) return encoding_error(absl::StrCat("unknown encoding: ", normal));
      size_t bad_position = 0;
      if (!DecodeToUtf8(codec, bytes, &decoded, &bad_position)) {
        return encoding_error(absl::StrFormat(
            "'%s' codec can't decode byte 0x%02x in position %d: %s",
            codec == "ascii" ? "ascii" : codec, static_cast<unsigned char>(bytes[bad_position]),
            bad_position, codec == "ascii" ? "ordinal not in range(128)" : "character maps to <undefined>"));
      }
      TokenStream stream = TokenizeUtf8(decoded, options);
      stream.encoding = normal;
      return stream;
    }
  }
  TokenStream stream = TokenizeUtf8(bytes, options);
  if (has_bom) stream.encoding = "utf-8-sig";
  return stream;
}

std::string DumpTokens(std::string_view bytes) {
  TokenizeOptions options;
  options.include_comments = true;
  TokenStream stream = Tokenize(bytes, options);
  std::string out;
  auto char_col = [&](int line, int byte_col) { return stream.CharOffset(line, byte_col); };
  out += absl::StrFormat("%-20s%-15s%-15s\n", "0,0-0,0:", "ENCODING",
                         "'" + stream.encoding + "'");
  // Python's tokenize module puts the end-of-file DEDENT/ENDMARKER tokens at
  // the start of the line after the last one (the C tokenizer, which the
  // parser mirrors, puts them at the end of the last line).
  int eof_line = static_cast<int>(stream.line_starts.size());
  bool empty_file = stream.added_final_newline && stream.source->size() == 1;
  if (empty_file) eof_line = 1;
  const char* synthetic_newline =
      stream.added_final_newline ? stream.source->data() + stream.source->size() - 1 : nullptr;
  for (Token token : stream.tokens) {
    if (token.text.data() == synthetic_newline &&
        (token.kind == TokenKind::kNewline || token.kind == TokenKind::kNl)) {
      if (empty_file) continue;
      token.text = std::string_view();
    }
    if ((token.kind == TokenKind::kDedent || token.kind == TokenKind::kEndMarker) &&
        token.text.data() == stream.source->data() + stream.source->size()) {
      token.line = token.end_line = eof_line;
      token.col = token.end_col = 0;
    }
    std::string range = absl::StrFormat("%d,%d-%d,%d:", token.line, char_col(token.line, token.col),
                                        token.end_line, char_col(token.end_line, token.end_col));
    std::string repr = PythonStrRepr(token.text);
    // Python pads by characters, not bytes.
    int characters = 0;
    for (char c : repr) {
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
    }
    if (characters < 15) repr.append(15 - characters, ' ');
    out += absl::StrFormat("%-20s%-15s%s\n", range, TokenKindName(token.kind), repr);
  }
  if (stream.error) {
    out += absl::StrFormat("error: %d:%d: %s\n", stream.error->line, stream.error->offset,
                           stream.error->message);
  }
  return out;
}

}  // namespace kiln::lex
