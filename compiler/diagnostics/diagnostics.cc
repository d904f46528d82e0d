#include "compiler/diagnostics/diagnostics.h"

#include "absl/strings/str_format.h"

namespace kiln::diagnostics {
namespace {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

}  // namespace

std::string Format(const Diagnostic& diagnostic) {
  std::string out;
  if (diagnostic.line > 0 && diagnostic.column > 0) {
    out = absl::StrFormat("%s:%d:%d: %s: %s\n", diagnostic.file, diagnostic.line,
                          diagnostic.column, SeverityName(diagnostic.severity),
                          diagnostic.message);
  } else if (diagnostic.line > 0) {
    out = absl::StrFormat("%s:%d: %s: %s\n", diagnostic.file, diagnostic.line,
                          SeverityName(diagnostic.severity), diagnostic.message);
  } else {
    out = absl::StrFormat("%s: %s: %s\n", diagnostic.file, SeverityName(diagnostic.severity),
                          diagnostic.message);
  }
  if (diagnostic.line <= 0 || diagnostic.line_text.empty()) return out;
  // Show the line with tabs expanded to single spaces so the caret lines up;
  // the caret column counts characters (UTF-8 continuation bytes are skipped).
  std::string shown;
  std::string caret;
  int character = 0;
  for (char c : diagnostic.line_text) {
    bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    shown.push_back(c == '\t' ? ' ' : c);
    if (continuation) continue;
    ++character;
    if (character < diagnostic.column) caret.push_back(' ');
  }
  if (diagnostic.column > character + 1) {
    caret.append(diagnostic.column - character - 1, ' ');
  }
  absl::StrAppendFormat(&out, "    %s\n    %s^\n", shown, caret);
  return out;
}

std::string FormatError(const Diagnostic& diagnostic) {
  Diagnostic copy = diagnostic;
  copy.severity = Severity::kError;
  return Format(copy);
}

}  // namespace kiln::diagnostics
