// The constants of one generated module (Python objects made once when the module
// first runs, never freed: k[0], k[1], ...), and C++ text helpers shared by the code
// generators.
//
//   ConstantPool pool;
//   std::string two = pool.Int("2");          // "k[0]"
//   std::string name = pool.Name("append");   // an interned str, "k[1]"
#ifndef KILN_COMPILER_CODEGEN_CONSTANTS_H_
#define KILN_COMPILER_CODEGEN_CONSTANTS_H_

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "compiler/ast/ast.h"

namespace kiln::codegen {

// A C++ string literal for arbitrary bytes: printable ASCII as is, the rest as
// three-digit octal escapes (so no escape can swallow a following digit).
std::string CString(std::string_view bytes);

// A C identifier fragment for a Python name (for readability of the output only).
std::string Sanitize(std::string_view name);

// The module's constants: created once when the module first runs, never freed.
class ConstantPool {
 public:
  std::string Name(std::string_view utf8) { return Add("s:" + std::string(utf8), InternCode(utf8)); }
  std::string Text(std::string_view utf8) {
    return Add("u:" + std::string(utf8),
               absl::StrCat("PyUnicode_DecodeUTF8(", CString(utf8), ", ", utf8.size(),
                            ", \"surrogatepass\")"));
  }
  // The constant a Constant node stands for.
  std::string Of(const ast::ConstantValue& value);
  std::string Bytes(std::string_view bytes) {
    return Add("b:" + std::string(bytes),
               absl::StrCat("PyBytes_FromStringAndSize(", CString(bytes), ", ", bytes.size(), ")"));
  }
  std::string Int(std::string_view digits) {
    return Add("i:" + std::string(digits),
               absl::StrCat("PyLong_FromString(", CString(digits), ", nullptr, 10)"));
  }
  std::string Float(double value) {
    char text[64];
    std::snprintf(text, sizeof(text), "%a", value);
    std::string literal = text;
    if (std::isinf(value)) literal = value > 0 ? "HUGE_VAL" : "-HUGE_VAL";
    if (std::isnan(value)) literal = "NAN";
    return Add("f:" + literal, absl::StrCat("PyFloat_FromDouble(", literal, ")"));
  }
  std::string Imaginary(double value) {
    char text[64];
    std::snprintf(text, sizeof(text), "%a", value);
    std::string literal = std::isinf(value) ? "HUGE_VAL" : text;
    return Add("j:" + literal, absl::StrCat("PyComplex_FromDoubles(0.0, ", literal, ")"));
  }
  // An annotation's text under `from __future__ import annotations`; `refs` are the
  // template's constants, already in the pool.
  std::string Annotation(const std::string& text, const std::vector<std::string>& refs) {
    return Add(absl::StrCat("a:", text, "|", absl::StrJoin(refs, ",")),
               absl::StrCat("kiln::AnnotationText(", CString(text), ", ", text.size(), ", {",
                            absl::StrJoin(refs, ", "), "})"));
  }
  // A tuple of constants already in the pool (e.g. keyword names of a call).
  std::string Tuple(const std::vector<std::string>& refs) {
    std::string key = "t:" + absl::StrJoin(refs, ",");
    return Add(key, absl::StrCat("PyTuple_Pack(", refs.size(), refs.empty() ? "" : ", ",
                                 absl::StrJoin(refs, ", "), ")"));
  }
  // A code object made from a FunctionSpec emitted under `spec_name`.
  std::string Code(const std::string& spec_name) {
    return Add("c:" + spec_name, absl::StrCat("kiln::MakeCode(", spec_name, ")"));
  }

  std::string Definitions() const {
    return absl::StrCat("PyObject* k[", std::max<size_t>(creators_.size(), 1), "];\n");
  }
  std::string InitFunction() const {
    std::string out = "int InitConstants() {\n";
    for (size_t i = 0; i < creators_.size(); ++i) {
      absl::StrAppend(&out, "  if (!(k[", i, "] = ", creators_[i], ")) return -1;\n");
    }
    return out + "  return 0;\n}\n";
  }

 private:
  static std::string InternCode(std::string_view utf8) {
    bool ascii = true;
    for (unsigned char c : utf8) ascii = ascii && c < 0x80;
    if (ascii && utf8.find('\0') == std::string_view::npos) {
      return absl::StrCat("PyUnicode_InternFromString(", CString(utf8), ")");
    }
    return absl::StrCat("kiln::InternUtf8(", CString(utf8), ", ", utf8.size(), ")");
  }
  std::string Add(const std::string& key, std::string creator) {
    auto it = index_.find(key);
    if (it != index_.end()) return absl::StrCat("k[", it->second, "]");
    size_t id = creators_.size();
    index_[key] = id;
    creators_.push_back(std::move(creator));
    return absl::StrCat("k[", id, "]");
  }
  std::map<std::string, size_t> index_;
  std::vector<std::string> creators_;
};

}  // namespace kiln::codegen

#endif  // KILN_COMPILER_CODEGEN_CONSTANTS_H_
