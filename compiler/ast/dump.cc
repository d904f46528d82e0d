#include "compiler/ast/dump.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "compiler/lex/unicode.h"

namespace kiln::ast {
namespace {

// Shortest digits that round-trip: returns digits and the decimal exponent
// such that value = 0.DIGITS * 10^decimal_point.
void ShortestDigits(double value, std::string* digits, int* decimal_point) {
  char buffer[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*e", precision - 1, value);
    if (std::strtod(buffer, nullptr) == value || precision == 17) break;
  }
  // buffer: d.ddddde[+-]XX
  digits->clear();
  const char* p = buffer;
  while (*p && *p != 'e') {
    if (*p >= '0' && *p <= '9') digits->push_back(*p);
    ++p;
  }
  int exponent = std::atoi(p + 1);
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
  *decimal_point = exponent + 1;
}

std::string FormatFloat(double value, bool add_dot_zero) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (std::isnan(value)) return "nan";
  std::string sign = std::signbit(value) ? "-" : "";
  double magnitude = std::fabs(value);
  if (magnitude == 0) return sign + (add_dot_zero ? "0.0" : "0");
  std::string digits;
  int decimal_point;
  ShortestDigits(magnitude, &digits, &decimal_point);
  int count = static_cast<int>(digits.size());
  std::string out = sign;
  if (decimal_point > -4 && decimal_point <= 16) {
    if (decimal_point <= 0) {
      out += "0." + std::string(-decimal_point, '0') + digits;
    } else if (decimal_point >= count) {
      out += digits + std::string(decimal_point - count, '0');
      if (add_dot_zero) out += ".0";
    } else {
      out += digits.substr(0, decimal_point) + "." + digits.substr(decimal_point);
    }
  } else {
    out += digits.substr(0, 1);
    if (count > 1) out += "." + digits.substr(1);
    int exponent = decimal_point - 1;
    out += absl::StrFormat("e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
  }
  return out;
}

// Prints iteratively (an explicit work stack instead of recursion), so a very
// deep tree cannot overflow the C++ stack.
class Dumper {
 public:
  std::string Run(const Node* root) {
    std::string out;
    std::vector<Task> stack;
    stack.push_back({root, {}, true});
    while (!stack.empty()) {
      Task task = std::move(stack.back());
      stack.pop_back();
      if (!task.is_node) {
        out += task.text;
        continue;
      }
      if (task.node == nullptr) {
        out += "None";
        continue;
      }
      pending_.clear();
      Expand(task.node);
      for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
        stack.push_back(std::move(*it));
      }
    }
    return out;
  }

 private:
  struct Task {
    const Node* node;
    std::string text;
    bool is_node;
  };

  void Child(const Node* node) {
    FlushText();
    pending_.push_back({node, {}, true});
  }
  void FlushText() {
    if (text_.empty()) return;
    pending_.push_back({nullptr, std::move(text_), false});
    text_.clear();
  }

  // Appends the tasks that print `node` (its children stay tasks).
  void Expand(const Node* node) {
    switch (node->node_kind) {
#define KILN_DUMP_FIELD(Type, field) Field##Type(#field, typed->field, &first);
#define KILN_DUMP_CASE(Name, PythonName, CategoryValue)                \
  case Kind::k##Name: {                                                \
    const auto* typed = static_cast<const Name*>(node);                \
    (void)typed;                                                       \
    text_ += #PythonName "(";                                          \
    bool first = true;                                                 \
    KILN_AST_FIELDS_##Name(KILN_DUMP_FIELD) Attributes(node, &first);  \
    text_ += ")";                                                      \
    break;                                                             \
  }
      KILN_AST_NODE_KINDS(KILN_DUMP_CASE)
#undef KILN_DUMP_CASE
#undef KILN_DUMP_FIELD
    }
    FlushText();
  }

  void Key(const char* name, bool* first) {
    if (!*first) text_ += ", ";
    *first = false;
    text_ += name;
    text_ += "=";
  }
  void Attributes(const Node* node, bool* first) {
    if (!HasAttributes(node->node_kind)) return;
    Key("lineno", first);
    absl::StrAppend(&text_, node->lineno);
    Key("col_offset", first);
    absl::StrAppend(&text_, node->col_offset);
    Key("end_lineno", first);
    absl::StrAppend(&text_, node->end_lineno);
    Key("end_col_offset", first);
    absl::StrAppend(&text_, node->end_col_offset);
  }
  void FieldNode(const char* name, const Node* value, bool* first) {
    Key(name, first);
    Child(value);
  }
  void FieldOptNode(const char* name, const Node* value, bool* first) {
    if (value == nullptr) return;
    FieldNode(name, value, first);
  }
  void FieldNodeList(const char* name, const NodeList& list, bool* first) {
    Key(name, first);
    text_ += "[";
    for (uint32_t i = 0; i < list.size; ++i) {
      if (i) text_ += ", ";
      Child(list.items[i]);
    }
    text_ += "]";
  }
  void FieldIdent(const char* name, std::string_view value, bool* first) {
    Key(name, first);
    text_ += PythonStrRepr(value);
  }
  void FieldOptIdent(const char* name, std::string_view value, bool* first) {
    if (value.data() == nullptr) return;
    FieldIdent(name, value, first);
  }
  void FieldOptString(const char* name, std::string_view value, bool* first) {
    FieldOptIdent(name, value, first);
  }
  void FieldString(const char* name, std::string_view value, bool* first) {
    FieldIdent(name, value, first);
  }
  void FieldIdentList(const char* name, const IdentList& list, bool* first) {
    Key(name, first);
    text_ += "[";
    for (uint32_t i = 0; i < list.size; ++i) {
      if (i) text_ += ", ";
      text_ += PythonStrRepr(list.items[i]);
    }
    text_ += "]";
  }
  void FieldConst(const char* name, const ConstantValue& value, bool* first) {
    Key(name, first);
    text_ += PythonConstantRepr(value);
  }
  void FieldInt(const char* name, int value, bool* first) {
    Key(name, first);
    absl::StrAppend(&text_, value);
  }
  void FieldCtx(const char* name, ExprContext value, bool* first) {
    Key(name, first);
    absl::StrAppend(&text_, ExprContextName(value), "()");
  }
  void FieldBoolOpKind(const char* name, BoolOpKind value, bool* first) {
    Key(name, first);
    absl::StrAppend(&text_, BoolOpName(value), "()");
  }
  void FieldOperatorKind(const char* name, OperatorKind value, bool* first) {
    Key(name, first);
    absl::StrAppend(&text_, OperatorName(value), "()");
  }
  void FieldUnaryOpKind(const char* name, UnaryOpKind value, bool* first) {
    Key(name, first);
    absl::StrAppend(&text_, UnaryOpName(value), "()");
  }
  void FieldCmpOpList(const char* name, const CmpOpList& list, bool* first) {
    Key(name, first);
    text_ += "[";
    for (uint32_t i = 0; i < list.size; ++i) {
      if (i) text_ += ", ";
      absl::StrAppend(&text_, CmpOpName(list.items[i]), "()");
    }
    text_ += "]";
  }

  std::string text_;
  std::vector<Task> pending_;
};

}  // namespace

std::string PythonStrRepr(std::string_view utf8) { return lex::PythonStrRepr(utf8); }

std::string PythonBytesRepr(std::string_view bytes) {
  char quote = lex::ReprQuote(bytes);
  std::string out = "b";
  out.push_back(quote);
  for (char c : bytes) lex::AppendReprAscii(static_cast<unsigned char>(c), quote, &out);
  out.push_back(quote);
  return out;
}

std::string PythonFloatRepr(double value) { return FormatFloat(value, true); }

std::string PythonImaginaryRepr(double imaginary) {
  return FormatFloat(imaginary, false) + "j";
}

std::string PythonConstantRepr(const ConstantValue& value) {
  switch (value.type) {
    case ConstantValue::Type::kNone: return "None";
    case ConstantValue::Type::kTrue: return "True";
    case ConstantValue::Type::kFalse: return "False";
    case ConstantValue::Type::kEllipsis: return "Ellipsis";
    case ConstantValue::Type::kInt: return std::string(value.text);
    case ConstantValue::Type::kFloat: return PythonFloatRepr(value.number);
    case ConstantValue::Type::kComplex: return PythonImaginaryRepr(value.number);
    case ConstantValue::Type::kStr: return PythonStrRepr(value.text);
    case ConstantValue::Type::kBytes: return PythonBytesRepr(value.text);
  }
  return "?";
}

std::string DumpAst(const Node* node) {
  Dumper dumper;
  return dumper.Run(node);
}

}  // namespace kiln::ast
