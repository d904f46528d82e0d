#include "compiler/codegen/constants.h"

#include <cctype>

namespace kiln::codegen {

// A C++ string literal for arbitrary bytes: printable ASCII as is, the rest as
// three-digit octal escapes (so no escape can swallow a following digit).
std::string CString(std::string_view bytes) {
  std::string out = "\"";
  for (unsigned char c : bytes) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f && c != '?') {
      out += static_cast<char>(c);
    } else {
      char escape[8];
      std::snprintf(escape, sizeof(escape), "\\%03o", c);
      out += escape;
    }
  }
  return out + "\"";
}

// A C identifier fragment for a Python name (for readability of the output only).
std::string Sanitize(std::string_view name) {
  std::string out;
  for (unsigned char c : name) {
    out += (std::isalnum(c) || c == '_') ? static_cast<char>(c) : '_';
  }
  if (out.size() > 40) out.resize(40);
  return out;
}


std::string ConstantPool::Of(const ast::ConstantValue& value) {
  using Type = ast::ConstantValue::Type;
  switch (value.type) {
    case Type::kNone: return "Py_None";
    case Type::kTrue: return "Py_True";
    case Type::kFalse: return "Py_False";
    case Type::kEllipsis: return "Py_Ellipsis";
    case Type::kInt: return Int(value.text);
    case Type::kFloat: return Float(value.number);
    case Type::kComplex: return Imaginary(value.number);
    case Type::kStr: return Text(value.text);
    case Type::kBytes: return Bytes(value.text);
  }
  return "Py_None";
}


}  // namespace kiln::codegen
