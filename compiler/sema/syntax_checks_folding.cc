// CheckSyntax's model of CPython's AST optimizer (Python/ast_opt.c): a mapping pattern's
// keys folded to constants, compared as Python's == compares them and shown as repr()
// shows them, for the duplicate-key check; and whether an expression folds into a Constant
// at all, which decides the location of a return.
#include "compiler/sema/syntax_checks_internal.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "compiler/ast/dump.h"

namespace kiln::sema::syntax_checks_internal {
namespace {

bool IsNumber(const KeyValue& value) {
  return value.type == KeyValue::Type::kBool || value.type == KeyValue::Type::kInt ||
         value.type == KeyValue::Type::kFloat || value.type == KeyValue::Type::kComplex;
}

std::string StripLeadingZeros(std::string_view digits) {
  size_t start = digits.find_first_not_of('0');
  return start == std::string_view::npos ? "0" : std::string(digits.substr(start));
}

// The exact decimal digits of a finite double with no fractional part (its magnitude).
std::string IntegralDoubleDigits(double value) {
  int exponent = 0;
  double mantissa = std::frexp(std::fabs(value), &exponent);  // value = m * 2^e, m in [0.5, 1)
  uint64_t bits = static_cast<uint64_t>(std::ldexp(mantissa, 53));
  exponent -= 53;
  if (exponent < 0) {
    bits = exponent <= -64 ? 0 : bits >> -exponent;  // exact: the value is integral
    exponent = 0;
  }
  std::vector<int> digits;  // little-endian base 10
  for (; bits > 0; bits /= 10) digits.push_back(static_cast<int>(bits % 10));
  if (digits.empty()) digits.push_back(0);
  for (int i = 0; i < exponent; ++i) {
    int carry = 0;
    for (int& digit : digits) {
      int doubled = digit * 2 + carry;
      digit = doubled % 10;
      carry = doubled / 10;
    }
    if (carry) digits.push_back(carry);
  }
  std::string text;
  for (size_t i = digits.size(); i-- > 0;) text.push_back(static_cast<char>('0' + digits[i]));
  return StripLeadingZeros(text);
}

double IntegerToDouble(const KeyValue& value) {
  double magnitude = std::strtod(value.digits.c_str(), nullptr);
  return value.negative ? -magnitude : magnitude;
}

// An int (or bool) equals a float when the float is integral and has the same digits.
bool IntegerEqualsDouble(const KeyValue& integer, double number) {
  if (!std::isfinite(number) || number != std::floor(number)) return false;
  if (integer.digits == "0") return number == 0;
  if ((number < 0) != integer.negative) return false;
  return IntegralDoubleDigits(number) == integer.digits;
}

}  // namespace

// Python's == between two keys (what a set of the keys sees: 1 == 1.0 == True == (1+0j)).
bool KeysEqual(const KeyValue& a, const KeyValue& b) {
  using Type = KeyValue::Type;
  if (IsNumber(a) && IsNumber(b)) {
    bool a_integer = a.type == Type::kInt || a.type == Type::kBool;
    bool b_integer = b.type == Type::kInt || b.type == Type::kBool;
    double a_imag = a.type == Type::kComplex ? a.imag : 0;
    double b_imag = b.type == Type::kComplex ? b.imag : 0;
    if (a_imag != b_imag) return false;
    if (a_integer && b_integer) return a.negative == b.negative && a.digits == b.digits;
    if (a_integer) return IntegerEqualsDouble(a, b.real);
    if (b_integer) return IntegerEqualsDouble(b, a.real);
    return a.real == b.real;
  }
  if (a.type != b.type) return false;
  if (a.type == Type::kStr || a.type == Type::kBytes) return a.text == b.text;
  return a.type == Type::kNone;
}

// repr() of a key, as the message shows it.
std::string KeyRepr(const KeyValue& value) {
  using Type = KeyValue::Type;
  switch (value.type) {
    case Type::kNone: return "None";
    case Type::kBool: return value.digits == "1" ? "True" : "False";
    case Type::kInt: return (value.negative ? "-" : "") + value.digits;
    case Type::kFloat: return ast::PythonFloatRepr(value.real);
    case Type::kComplex: {
      if (value.real == 0 && !std::signbit(value.real)) return ast::PythonImaginaryRepr(value.imag);
      std::string real = ast::PythonImaginaryRepr(value.real);
      real.pop_back();  // the 'j'
      std::string imag = ast::PythonImaginaryRepr(value.imag);
      if (imag[0] != '-') imag = "+" + imag;
      return absl::StrCat("(", real, imag, ")");
    }
    case Type::kStr: return ast::PythonStrRepr(value.text);
    case Type::kBytes: return ast::PythonBytesRepr(value.text);
  }
  return "?";
}

// A mapping pattern key folded to a constant, or nullopt when it is none (an attribute).
std::optional<KeyValue> FoldKey(const Node* node) {
  using Type = KeyValue::Type;
  if (const auto* constant = node->As<ast::Constant>()) {
    KeyValue value;
    const ast::ConstantValue& folded = constant->value;
    switch (folded.type) {
      case ast::ConstantValue::Type::kNone: value.type = Type::kNone; break;
      case ast::ConstantValue::Type::kTrue: value.type = Type::kBool; value.digits = "1"; break;
      case ast::ConstantValue::Type::kFalse: value.type = Type::kBool; value.digits = "0"; break;
      case ast::ConstantValue::Type::kInt:
        value.type = Type::kInt;
        value.digits = StripLeadingZeros(folded.text);
        break;
      case ast::ConstantValue::Type::kFloat:
        value.type = Type::kFloat;
        value.real = folded.number;
        break;
      case ast::ConstantValue::Type::kComplex:
        value.type = Type::kComplex;
        value.imag = folded.number;
        break;
      case ast::ConstantValue::Type::kStr:
        value.type = Type::kStr;
        value.text = folded.text;
        break;
      case ast::ConstantValue::Type::kBytes:
        value.type = Type::kBytes;
        value.text = folded.text;
        break;
      case ast::ConstantValue::Type::kEllipsis: return std::nullopt;
    }
    return value;
  }
  if (const auto* unary = node->As<ast::UnaryOp>()) {
    if (unary->op != ast::UnaryOpKind::kUSub) return std::nullopt;
    std::optional<KeyValue> value = FoldKey(unary->operand);
    if (!value || !IsNumber(*value)) return std::nullopt;
    if (value->type == Type::kBool) value->type = Type::kInt;
    if (value->type == Type::kInt) {
      value->negative = !value->negative && value->digits != "0";
    } else {
      value->real = -value->real;
      value->imag = -value->imag;
    }
    return value;
  }
  if (const auto* binary = node->As<ast::BinOp>()) {
    // complex_number: signed_real_number ('+' | '-') imaginary_number
    bool add = binary->op == ast::OperatorKind::kAdd;
    if (!add && binary->op != ast::OperatorKind::kSub) return std::nullopt;
    std::optional<KeyValue> left = FoldKey(binary->left);
    std::optional<KeyValue> right = FoldKey(binary->right);
    if (!left || !right || right->type != Type::kComplex) return std::nullopt;
    if (!IsNumber(*left) || left->type == Type::kComplex) return std::nullopt;
    double left_real = left->type == Type::kFloat ? left->real : IntegerToDouble(*left);
    KeyValue value;
    value.type = Type::kComplex;
    // complex(left, 0.0) +/- right, component by component.
    value.real = add ? left_real + right->real : left_real - right->real;
    value.imag = add ? 0.0 + right->imag : 0.0 - right->imag;
    return value;
  }
  return std::nullopt;
}

namespace {

bool IsNumeric(Folded::Type type) {
  return type == Folded::Type::kBool || type == Folded::Type::kInt ||
         type == Folded::Type::kFloat || type == Folded::Type::kComplex;
}

bool IsIntegral(Folded::Type type) {
  return type == Folded::Type::kBool || type == Folded::Type::kInt;
}

Folded::Type Promote(Folded::Type a, Folded::Type b) {
  if (a == Folded::Type::kComplex || b == Folded::Type::kComplex) return Folded::Type::kComplex;
  if (a == Folded::Type::kFloat || b == Folded::Type::kFloat) return Folded::Type::kFloat;
  return Folded::Type::kInt;
}

}  // namespace

std::optional<Folded> Fold(const Node* node) {
  using Type = Folded::Type;
  switch (node->node_kind) {
    case Kind::kConstant: {
      const ast::ConstantValue& value = node->As<ast::Constant>()->value;
      switch (value.type) {
        case ast::ConstantValue::Type::kNone: return Folded{Type::kNone};
        case ast::ConstantValue::Type::kTrue: return Folded{Type::kBool};
        case ast::ConstantValue::Type::kFalse: return Folded{Type::kBool, true};
        case ast::ConstantValue::Type::kEllipsis: return Folded{Type::kEllipsis};
        case ast::ConstantValue::Type::kInt:
          return Folded{Type::kInt, StripLeadingZeros(value.text) == "0"};
        case ast::ConstantValue::Type::kFloat: return Folded{Type::kFloat, value.number == 0};
        case ast::ConstantValue::Type::kComplex: return Folded{Type::kComplex, value.number == 0};
        case ast::ConstantValue::Type::kStr: return Folded{Type::kStr};
        case ast::ConstantValue::Type::kBytes: return Folded{Type::kBytes};
      }
      return std::nullopt;
    }
    case Kind::kName: {
      const auto* name = node->As<ast::Name>();
      bool debug = name->ctx == ast::ExprContext::kLoad && name->id == "__debug__";
      return debug ? std::optional<Folded>(Folded{Type::kBool}) : std::nullopt;
    }
    case Kind::kTuple: {
      const auto* tuple = node->As<ast::Tuple>();
      if (tuple->ctx != ast::ExprContext::kLoad) return std::nullopt;
      for (const Node* element : tuple->elts) {
        if (!Fold(element)) return std::nullopt;
      }
      return Folded{Type::kTuple};
    }
    case Kind::kUnaryOp: {
      const auto* unary = node->As<ast::UnaryOp>();
      std::optional<Folded> operand = Fold(unary->operand);
      if (!operand) return std::nullopt;
      switch (unary->op) {
        case ast::UnaryOpKind::kNot: return Folded{Type::kBool};
        case ast::UnaryOpKind::kInvert:
          if (!IsIntegral(operand->type)) return std::nullopt;
          return Folded{Type::kInt};
        case ast::UnaryOpKind::kUAdd:
        case ast::UnaryOpKind::kUSub:
          if (!IsNumeric(operand->type)) return std::nullopt;
          return Folded{operand->type == Type::kBool ? Type::kInt : operand->type, operand->zero,
                        unary->op == ast::UnaryOpKind::kUSub && !operand->zero &&
                            !operand->negative && operand->type != Type::kComplex};
      }
      return std::nullopt;
    }
    case Kind::kBinOp: {
      const auto* binary = node->As<ast::BinOp>();
      std::optional<Folded> left = Fold(binary->left);
      std::optional<Folded> right = Fold(binary->right);
      if (!left || !right) return std::nullopt;
      using Op = ast::OperatorKind;
      if (IsNumeric(left->type) && IsNumeric(right->type)) {
        Type type = Promote(left->type, right->type);
        switch (binary->op) {
          case Op::kAdd:
          case Op::kSub:
          case Op::kMult:
            return Folded{type};
          case Op::kDiv:
            if (right->zero) return std::nullopt;
            return Folded{type == Type::kComplex ? type : Type::kFloat};
          case Op::kFloorDiv:
          case Op::kMod:
            if (right->zero || type == Type::kComplex) return std::nullopt;
            return Folded{type};
          case Op::kPow:
            if (left->zero && right->negative) return std::nullopt;  // 0 ** -1 raises
            return Folded{type};
          case Op::kLShift:
          case Op::kRShift:
            if (right->negative) return std::nullopt;  // a negative shift count raises
            [[fallthrough]];
          case Op::kBitAnd:
          case Op::kBitOr:
          case Op::kBitXor:
            if (!IsIntegral(left->type) || !IsIntegral(right->type)) return std::nullopt;
            return Folded{Type::kInt};
          case Op::kMatMult:
            return std::nullopt;
        }
        return std::nullopt;
      }
      auto is_sequence = [](Type type) {
        return type == Type::kStr || type == Type::kBytes || type == Type::kTuple;
      };
      if (binary->op == Op::kAdd && is_sequence(left->type) && left->type == right->type) {
        return Folded{left->type};
      }
      if (binary->op == Op::kMult && is_sequence(left->type) && IsIntegral(right->type)) {
        return Folded{left->type};
      }
      if (binary->op == Op::kMult && IsIntegral(left->type) && is_sequence(right->type)) {
        return Folded{right->type};
      }
      // printf-style formatting is never folded (safe_mod).
      return std::nullopt;
    }
    case Kind::kSubscript: {
      const auto* subscript = node->As<ast::Subscript>();
      if (subscript->ctx != ast::ExprContext::kLoad) return std::nullopt;
      std::optional<Folded> value = Fold(subscript->value);
      std::optional<Folded> index = Fold(subscript->slice);
      if (!value || !index || !IsIntegral(index->type)) return std::nullopt;
      if (value->type == Type::kStr || value->type == Type::kTuple) return Folded{value->type};
      if (value->type == Type::kBytes) return Folded{Type::kInt};
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace kiln::sema::syntax_checks_internal
