// The Python 3.11 parser: tokens -> AST, with CPython's node positions and,
// as closely as we can, its SyntaxError messages and locations.
//
// This is the public front-end API the driver calls:
//
//   kiln::ast::Arena arena;
//   kiln::parse::ParseResult result = kiln::parse::ParseFile("m.py", bytes, arena);
//   if (!result.ok()) { /* result.error: line, offset, message */ }
//   std::string dump = kiln::ast::DumpAst(result.module);
//
// Error locations: `line` is 1-based; `offset` is CPython's SyntaxError.offset
// (1-based, counted in characters). line 0 means the error is not tied to a
// line (encoding problems, null bytes), as in CPython.
#ifndef KILN_COMPILER_PARSE_PARSER_H_
#define KILN_COMPILER_PARSE_PARSER_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "compiler/ast/arena.h"
#include "compiler/ast/ast.h"
#include "compiler/lex/tokenizer.h"

namespace kiln::parse {

struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // SyntaxError, IndentationError, TabError, ValueError
  std::string message;
  int line = 0;
  int offset = 0;                    // 1-based characters, CPython's convention
  std::string line_text;             // the source line (may be empty)
};

struct ParseResult {
  ast::Module* module = nullptr;     // set when ok()
  SyntaxErrorInfo error;             // set when !ok()
  bool ok() const { return module != nullptr; }
};

// Parses one file's bytes (any PEP 263 encoding). The AST lives in `arena`.
ParseResult ParseFile(std::string_view filename, std::string_view bytes, ast::Arena& arena);

// Same, as a Status: InvalidArgument("FILE:LINE:OFFSET: TYPE: MESSAGE") on error.
absl::StatusOr<ast::Module*> ParseFileOrStatus(std::string_view filename,
                                               std::string_view bytes, ast::Arena& arena);

}  // namespace kiln::parse

#endif  // KILN_COMPILER_PARSE_PARSER_H_
