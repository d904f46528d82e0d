// The Python 3.11 tokenizer: source bytes -> tokens, following the rules of
// CPython's C tokenizer (Parser/tokenizer.c) that ast.parse uses: PEP 263
// coding cookies and the UTF-8 BOM, NEWLINE/INDENT/DEDENT with tab size 8 and
// the tab-size-1 consistency check, implicit line joining inside brackets,
// backslash continuation, every string prefix (an f-string is ONE STRING
// token, as in 3.11), number literals with CPython's error messages, and
// Unicode identifiers.
//
// Columns are UTF-8 byte offsets into the decoded line, as in CPython's AST.
// Tokenizing never stops early on an error: the stream holds every token up
// to the first error, and the error (if any) is in TokenStream::error.
//
//   kiln::lex::TokenStream stream = kiln::lex::Tokenize(bytes, {});
//   for (const kiln::lex::Token& token : stream.tokens) { ... }
#ifndef KILN_COMPILER_LEX_TOKENIZER_H_
#define KILN_COMPILER_LEX_TOKENIZER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::lex {

enum class TokenKind : uint8_t {
  kEndMarker,
  kName,
  kNumber,
  kString,
  kNewline,
  kIndent,
  kDedent,
  kOp,
  kComment,  // only with TokenizeOptions::include_comments
  kNl,       // only with TokenizeOptions::include_comments
  kErrorToken,  // never stored; the parser's stand-in for "the tokenizer failed here"
};

const char* TokenKindName(TokenKind kind);

struct Token {
  TokenKind kind;
  std::string_view text;  // points into TokenStream::source
  int line;               // 1-based
  int col;                // 0-based UTF-8 byte offset
  int end_line;
  int end_col;
  // Bracket nesting depth after this token (CPython's token level): 1 for the
  // '(' of `f(x)` and for `x`, 0 for the ')'.
  int level = 0;
};

// How an error found by the tokenizer is reported, mirroring CPython: some
// errors are raised eagerly (and win over a later parser error anywhere in
// the file); others only surface when the parser asks for that token.
enum class LexErrorKind : uint8_t {
  kRaised,        // SyntaxError raised by the tokenizer itself
  kEncoding,      // source decoding problem (reported before parsing)
  kNullBytes,     // ValueError: source code string cannot contain null bytes
  kEof,           // unexpected EOF (inside brackets or after a backslash)
  kLineContinuation,
  kDedent,        // unindent does not match any outer indentation level
  kTabSpace,      // inconsistent use of tabs and spaces in indentation
  kTooDeep,       // too many levels of indentation
};

struct LexError {
  LexErrorKind kind;
  std::string type;     // Python exception type name: SyntaxError, TabError...
  std::string message;
  int line = 0;
  int offset = 0;       // CPython's 1-based character offset (SyntaxError.offset)
  // Innermost open bracket when the error happened (line 0 if none).
  int open_bracket_line = 0;
  int open_bracket_col = 0;
  char open_bracket = 0;
};

struct TokenStream {
  // Decoded UTF-8 source with newlines normalised to '\n' and a final '\n'.
  std::unique_ptr<std::string> source;
  std::vector<Token> tokens;
  std::optional<LexError> error;
  // Start offset of each line in *source (lines are 1-based: line_starts[0]
  // is line 1).
  std::vector<uint32_t> line_starts;
  // The source encoding as Python's tokenize module names it: "utf-8",
  // "utf-8-sig" (BOM), or the coding cookie's (normalised) name.
  std::string encoding = "utf-8";
  // True if the input did not end with a newline and one was appended.
  bool added_final_newline = false;

  std::string_view LineText(int line) const;
  // CPython-style 1-based character offset for a byte column on a line.
  int CharOffset(int line, int byte_col) const;
};

struct TokenizeOptions {
  // Emit COMMENT and NL tokens (for `dump-tokens`, like Python's tokenize).
  bool include_comments = false;
};

// Tokenizes raw file bytes. Never fails: errors are in the result.
TokenStream Tokenize(std::string_view bytes, const TokenizeOptions& options);

// Tokenizes already decoded UTF-8 text (used for f-string expressions); the
// first line is line 1.
TokenStream TokenizeUtf8(std::string_view text, const TokenizeOptions& options);

// Text like `python3.11 -m tokenize FILE` prints: one token per line.
std::string DumpTokens(std::string_view bytes);

}  // namespace kiln::lex

#endif  // KILN_COMPILER_LEX_TOKENIZER_H_
