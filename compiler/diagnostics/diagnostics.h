// Compiler diagnostics: formats an error for a human, in the usual
//   FILE:LINE:COL: error: MESSAGE
//       <the source line>
//       ^
// shape. LINE and COL are both 1-based; COL counts characters (not bytes),
// which is also what CPython's SyntaxError.offset reports, so a front-end
// error prints the same column Python would show. A LINE of 0 means "no
// line" (e.g. an encoding error) and prints only the header.
//
//   std::string text = kiln::diagnostics::FormatError(
//       {"m.py", 3, 5, "invalid syntax", "x = = 1"});
#ifndef KILN_COMPILER_DIAGNOSTICS_DIAGNOSTICS_H_
#define KILN_COMPILER_DIAGNOSTICS_DIAGNOSTICS_H_

#include <string>
#include <string_view>

namespace kiln::diagnostics {

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  std::string file;
  int line = 0;     // 1-based; 0 = not tied to a line
  int column = 0;   // 1-based, in characters; 0 = unknown
  std::string message;
  std::string line_text;  // the source line without its newline (may be empty)
  Severity severity = Severity::kError;
};

// Header line plus, when line_text is known, the source line and a caret.
std::string Format(const Diagnostic& diagnostic);

// Shorthand for an error diagnostic.
std::string FormatError(const Diagnostic& diagnostic);

}  // namespace kiln::diagnostics

#endif  // KILN_COMPILER_DIAGNOSTICS_DIAGNOSTICS_H_
