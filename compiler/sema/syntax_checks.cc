#include "compiler/sema/syntax_checks.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "compiler/ast/dump.h"
#include "compiler/ast/visit.h"

namespace kiln::sema {
namespace {

using ast::Kind;
using ast::Node;
using ast::NodeList;

// CO_MAXBLOCKS: how deep the compiler's block stack of one code unit may grow.
constexpr size_t kMaxBlocks = 20;

// The kinds of code unit CPython compiles (its COMPILER_SCOPE_*).
enum class UnitKind { kModule, kClass, kFunction, kAsyncFunction, kLambda, kComprehension };

// The compiler's frame blocks (fblock_type in compile.c).
enum class BlockKind {
  kWhileLoop,
  kForLoop,
  kTryExcept,
  kFinallyTry,
  kFinallyEnd,
  kWith,
  kAsyncWith,
  kHandlerCleanup,
  kPopValue,
  kExceptionHandler,
  kExceptionGroupHandler,
  kAsyncComprehensionGenerator,
};

struct Block {
  BlockKind kind;
  const Node* statement = nullptr;       // kWith, kAsyncWith: the with statement
  const NodeList* finalbody = nullptr;   // kFinallyTry: the finally body
};

// The compiler's current location: what compiler_error reports. -1 after UNSET_LOC.
struct Location {
  int line = 0;
  int col = 0;
};

struct Unit {
  UnitKind kind;
  const Node* node;      // the module, def, class, lambda or comprehension
  const Scope* scope;    // its symbol table (null if the tree has none for it)
  std::vector<Block> blocks;
  size_t max_blocks = 0;  // the deepest the block stack has been (see TryFinally)
  Location location;
};

// What the parser produces for a mapping pattern key, folded as CPython's AST optimizer
// folds it (`-1`, `1+2j`), for the duplicate-key check and its message.
struct KeyValue {
  enum class Type { kNone, kBool, kInt, kFloat, kComplex, kStr, kBytes };
  Type type = Type::kNone;
  bool negative = false;  // kInt, kBool
  std::string digits;     // kInt, kBool: magnitude in decimal, no leading zeros
  double real = 0;        // kFloat, kComplex
  double imag = 0;        // kComplex
  std::string_view text;  // kStr: UTF-8; kBytes: the bytes
};

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

// Whether CPython's AST optimizer folds `node` into a Constant (it decides where
// compiler_return puts the location). Exact for literals, `__debug__`, tuples of constants,
// unary operators and the usual binary operators on numbers, strings and tuples and
// subscripts of constants; the optimizer's size limits (results over 128 bits or 4096
// items are left unfolded) and out-of-range subscripts are not modelled.
struct Folded {
  enum class Type { kNone, kBool, kInt, kFloat, kComplex, kStr, kBytes, kTuple, kEllipsis };
  Type type;
  bool zero = false;      // a numeric zero (a divisor that makes the operation raise)
  bool negative = false;  // known to be below zero (a shift or a power of 0 that raises)
};

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

bool IsWildcard(const Node* pattern) {
  const auto* as = pattern->As<ast::MatchAs>();
  return as && as->pattern == nullptr && as->name.data() == nullptr;
}

bool IsStarWildcard(const Node* pattern) {
  const auto* star = pattern->As<ast::MatchStar>();
  return star && star->name.data() == nullptr;
}

// The number of characters in a UTF-8 string.
int CodePoints(std::string_view text) {
  int count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

bool Contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// compiler_error_duplicate_store's message.
std::string DuplicateCapture(std::string_view name) {
  return absl::StrCat("multiple assignments to name ", ast::PythonStrRepr(name), " in pattern");
}

enum class ComprehensionType { kGenerator, kList, kSet, kDict };

class Checker {
 public:
  explicit Checker(const ScopeTree& scopes) : scopes_(scopes) {}

  std::optional<ScopeError> Run(const ast::Module* module) {
    EnterUnit(UnitKind::kModule, module);
    Statements(module->body);
    ExitUnit();
    return error_;
  }

 private:
  // The names a pattern binds so far (compile.c's pattern_context).
  struct PatternContext {
    std::vector<std::string_view> stores;
    bool allow_irrefutable = false;
  };

  Unit& unit() { return units_.back(); }
  bool failed() const { return error_.has_value(); }

  void Error(std::string message) {
    if (error_) return;
    error_ = ScopeError{std::move(message), unit().location.line, unit().location.col};
  }

  void SetLocation(const Node* node) { unit().location = {node->lineno, node->col_offset}; }
  void UnsetLocation() { unit().location = {-1, -1}; }

  void EnterUnit(UnitKind kind, const Node* node) {
    Unit entered{kind, node, scopes_.ScopeOf(node), {}, 0, {node->lineno, node->col_offset}};
    units_.push_back(std::move(entered));
  }
  void ExitUnit() { units_.pop_back(); }

  // ste_type == FunctionBlock: defs, lambdas and comprehensions.
  bool InFunctionBlock() {
    return unit().kind != UnitKind::kModule && unit().kind != UnitKind::kClass;
  }

  bool PushBlock(Block block) {
    std::vector<Block>& blocks = unit().blocks;
    if (blocks.size() >= kMaxBlocks) {
      Error("too many statically nested blocks");
      return false;
    }
    blocks.push_back(block);
    unit().max_blocks = std::max(unit().max_blocks, blocks.size());
    return true;
  }
  void PopBlock() { unit().blocks.pop_back(); }

  // forbidden_name: a store to (or del of) __debug__, reported at the current location.
  bool Forbidden(std::string_view name, ast::ExprContext context) {
    if (name != "__debug__") return false;
    if (context == ast::ExprContext::kStore) {
      Error("cannot assign to __debug__");
      return true;
    }
    if (context == ast::ExprContext::kDel) {
      Error("cannot delete __debug__");
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------
  // Statements (compiler_visit_stmt)

  void Statements(const NodeList& body) {
    for (const Node* statement : body) {
      if (failed()) return;
      Statement(statement);
    }
  }

  void Statement(const Node* node) {
    SetLocation(node);
    switch (node->node_kind) {
      case Kind::kFunctionDef:
        FunctionDef(node->As<ast::FunctionDef>(), UnitKind::kFunction);
        break;
      case Kind::kAsyncFunctionDef:
        FunctionDef(node->As<ast::AsyncFunctionDef>(), UnitKind::kAsyncFunction);
        break;
      case Kind::kClassDef:
        ClassDef(node->As<ast::ClassDef>());
        break;
      case Kind::kReturn:
        Return(node->As<ast::Return>());
        break;
      case Kind::kDelete:
        Expressions(node->As<ast::Delete>()->targets);
        break;
      case Kind::kAssign: {
        const auto* assign = node->As<ast::Assign>();
        Expression(assign->value);
        Expressions(assign->targets);
        break;
      }
      case Kind::kAugAssign:
        AugAssign(node->As<ast::AugAssign>());
        break;
      case Kind::kAnnAssign:
        AnnAssign(node->As<ast::AnnAssign>());
        break;
      case Kind::kFor:
        For(node->As<ast::For>());
        break;
      case Kind::kAsyncFor:
        AsyncFor(node->As<ast::AsyncFor>());
        break;
      case Kind::kWhile:
        While(node->As<ast::While>());
        break;
      case Kind::kIf: {
        const auto* branch = node->As<ast::If>();
        Expression(branch->test);
        Statements(branch->body);
        Statements(branch->orelse);
        break;
      }
      case Kind::kWith:
        With(node->As<ast::With>(), 0, false);
        break;
      case Kind::kAsyncWith:
        With(node->As<ast::AsyncWith>(), 0, true);
        break;
      case Kind::kMatch:
        Match(node->As<ast::Match>());
        break;
      case Kind::kRaise: {
        const auto* raise = node->As<ast::Raise>();
        if (raise->exc) Expression(raise->exc);
        if (raise->cause) Expression(raise->cause);
        break;
      }
      case Kind::kTry: {
        const auto* attempt = node->As<ast::Try>();
        if (attempt->finalbody.empty()) {
          TryExcept(attempt);
        } else {
          TryFinally(attempt, false);
        }
        break;
      }
      case Kind::kTryStar: {
        const auto* attempt = node->As<ast::TryStar>();
        if (attempt->finalbody.empty()) {
          TryStarExcept(attempt);
        } else {
          TryFinally(attempt, true);
        }
        break;
      }
      case Kind::kAssert: {
        const auto* assertion = node->As<ast::Assert>();
        Expression(assertion->test);
        if (assertion->msg) Expression(assertion->msg);
        break;
      }
      case Kind::kImport:
        for (const Node* alias_node : node->As<ast::Import>()->names) {
          const auto* alias = alias_node->As<ast::Alias>();
          std::string_view stored = alias->asname.data() ? alias->asname : alias->name;
          if (!alias->asname.data()) stored = stored.substr(0, stored.find('.'));
          if (Forbidden(stored, ast::ExprContext::kStore)) return;
        }
        break;
      case Kind::kImportFrom: {
        const auto* import = node->As<ast::ImportFrom>();
        if (node->lineno > scopes_.future_line() && import->module.data() &&
            import->module == "__future__") {
          Error("from __future__ imports must occur at the beginning of the file");
          return;
        }
        for (uint32_t i = 0; i < import->names.size; ++i) {
          const auto* alias = import->names[i]->As<ast::Alias>();
          if (i == 0 && alias->name == "*") return;
          std::string_view stored = alias->asname.data() ? alias->asname : alias->name;
          if (Forbidden(stored, ast::ExprContext::kStore)) return;
        }
        break;
      }
      case Kind::kExpr:
        Expression(node->As<ast::Expr>()->value);
        break;
      case Kind::kBreak:
        BreakOrContinue(true);
        break;
      case Kind::kContinue:
        BreakOrContinue(false);
        break;
      default:
        break;  // Global, Nonlocal, Pass
    }
  }

  // compiler_check_debug_args: no parameter may be named __debug__.
  bool DebugParameter(const ast::Arguments* arguments) {
    auto named_debug = [](const Node* node) {
      return node != nullptr && node->As<ast::Arg>()->arg == "__debug__";
    };
    auto any_named_debug = [&](const NodeList& list) {
      return std::any_of(list.begin(), list.end(), named_debug);
    };
    bool found = any_named_debug(arguments->posonlyargs) || any_named_debug(arguments->args) ||
                 named_debug(arguments->vararg) || any_named_debug(arguments->kwonlyargs) ||
                 named_debug(arguments->kwarg);
    if (found) Error("cannot assign to __debug__");
    return found;
  }

  // compiler_default_arguments: positional defaults, then keyword-only ones.
  void Defaults(const ast::Arguments* arguments) {
    Expressions(arguments->defaults);
    Expressions(arguments->kw_defaults);
  }

  // compiler_visit_annotations: in CPython's order (positional before positional-only),
  // not evaluated under `from __future__ import annotations`.
  void Annotations(const ast::Arguments* arguments, const Node* returns) {
    if (scopes_.future_annotations()) return;
    auto annotation = [&](const Node* node) {
      const Node* value = node ? node->As<ast::Arg>()->annotation : nullptr;
      if (value == nullptr) return;
      // `*args: *Ts` unpacks the starred annotation.
      if (const auto* starred = value->As<ast::Starred>()) value = starred->value;
      Expression(value);
    };
    for (const Node* node : arguments->args) annotation(node);
    for (const Node* node : arguments->posonlyargs) annotation(node);
    annotation(arguments->vararg);
    for (const Node* node : arguments->kwonlyargs) annotation(node);
    annotation(arguments->kwarg);
    if (returns) Expression(returns);
  }

  template <typename FunctionNode>
  void FunctionDef(const FunctionNode* node, UnitKind kind) {
    const auto* arguments = node->args->template As<ast::Arguments>();
    if (DebugParameter(arguments)) return;
    Expressions(node->decorator_list);
    Defaults(arguments);
    Annotations(arguments, node->returns);
    if (failed()) return;
    EnterUnit(kind, node);
    Statements(node->body);
    ExitUnit();
    if (failed()) return;
    Forbidden(node->name, ast::ExprContext::kStore);
  }

  // The class body is compiled first, then the call of the metaclass with the bases.
  void ClassDef(const ast::ClassDef* node) {
    Expressions(node->decorator_list);
    if (failed()) return;
    EnterUnit(UnitKind::kClass, node);
    Statements(node->body);
    ExitUnit();
    if (failed()) return;
    CallArguments(node->bases, node->keywords);
    if (failed()) return;
    Forbidden(node->name, ast::ExprContext::kStore);
  }

  void Return(const ast::Return* node) {
    const Node* value = node->value;
    if (!InFunctionBlock()) {
      Error("'return' outside function");
      return;
    }
    if (value && unit().scope && unit().scope->is_generator && IsCoroutine()) {
      Error("'return' with value in async generator");
      return;
    }
    // A value kept on the stack (not a constant) is evaluated first; a constant only
    // moves the location to itself.
    bool preserve = value && !Fold(value);
    if (preserve) {
      Expression(value);
      if (failed()) return;
    } else if (value) {
      SetLocation(value);
    }
    if (value == nullptr || value->lineno != node->lineno) SetLocation(node);
    UnwindBlocks(preserve, nullptr);
  }

  // compiler_break / compiler_continue: the blocks up to the innermost loop are left
  // (finally bodies compiled on the way), then the missing loop is reported at the
  // statement.
  void BreakOrContinue(bool is_break) {
    Location location = unit().location;
    bool found_loop = false;
    if (!UnwindBlocks(false, &found_loop)) return;
    if (!found_loop) {
      unit().location = location;
      Error(is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
  }

  // compiler_unwind_fblock_stack: leaves the blocks from the innermost outwards, up to a
  // loop when `found_loop` is given.
  bool UnwindBlocks(bool preserve, bool* found_loop) {
    if (unit().blocks.empty()) return true;
    Block top = unit().blocks.back();
    if (top.kind == BlockKind::kExceptionGroupHandler) {
      Error("'break', 'continue' and 'return' cannot appear in an except* block");
      return false;
    }
    if (found_loop && (top.kind == BlockKind::kWhileLoop || top.kind == BlockKind::kForLoop)) {
      *found_loop = true;
      return true;
    }
    unit().blocks.pop_back();
    bool ok = UnwindBlock(top, preserve) && UnwindBlocks(preserve, found_loop);
    unit().blocks.push_back(top);
    return ok;
  }

  // compiler_unwind_fblock: a finally body is compiled here (again); leaving a with block
  // or a finally body leaves no location.
  bool UnwindBlock(const Block& block, bool preserve) {
    switch (block.kind) {
      case BlockKind::kFinallyTry:
        if (preserve && !PushBlock({BlockKind::kPopValue})) return false;
        Statements(*block.finalbody);
        if (failed()) return false;
        if (preserve) PopBlock();
        UnsetLocation();
        return true;
      case BlockKind::kWith:
      case BlockKind::kAsyncWith:
        SetLocation(block.statement);
        UnsetLocation();
        return true;
      default:
        return true;
    }
  }

  void AugAssign(const ast::AugAssign* node) {
    const Node* target = node->target;
    if (const auto* attribute = target->As<ast::Attribute>()) {
      Expression(attribute->value);
    } else if (const auto* subscript = target->As<ast::Subscript>()) {
      Expression(subscript->value);
      Expression(subscript->slice);
    }
    Expression(node->value);
    if (failed()) return;
    SetLocation(target);
    if (const auto* name = target->As<ast::Name>()) Forbidden(name->id, ast::ExprContext::kStore);
  }

  // compiler_annassign: the assignment first; the annotation only in a module or class
  // (and not under `from __future__ import annotations`); an annotated attribute's or
  // subscript's object (and index) are evaluated when there is no value.
  void AnnAssign(const ast::AnnAssign* node) {
    const Node* target = node->target;
    if (node->value) {
      Expression(node->value);
      Expression(target);
      if (failed()) return;
    }
    bool evaluated = !scopes_.future_annotations() &&
                     (unit().kind == UnitKind::kModule || unit().kind == UnitKind::kClass);
    if (const auto* name = target->As<ast::Name>()) {
      if (Forbidden(name->id, ast::ExprContext::kStore)) return;
      if (node->simple && evaluated) Expression(node->annotation);
    } else if (const auto* attribute = target->As<ast::Attribute>()) {
      if (Forbidden(attribute->attr, ast::ExprContext::kStore)) return;
      if (!node->value) Expression(attribute->value);
    } else if (const auto* subscript = target->As<ast::Subscript>()) {
      if (!node->value) {
        Expression(subscript->value);
        AnnotatedSubscript(subscript->slice);
      }
    }
    if (failed()) return;
    if (!node->simple && evaluated) Expression(node->annotation);
  }

  // check_ann_subscr: the parts of a slice and the items of a tuple are evaluated one by
  // one (so a starred item is an error here).
  void AnnotatedSubscript(const Node* node) {
    if (const auto* slice = node->As<ast::Slice>()) {
      if (slice->lower) Expression(slice->lower);
      if (slice->upper) Expression(slice->upper);
      if (slice->step) Expression(slice->step);
    } else if (const auto* tuple = node->As<ast::Tuple>()) {
      for (const Node* element : tuple->elts) AnnotatedSubscript(element);
    } else {
      Expression(node);
    }
  }

  void For(const ast::For* node) {
    if (!PushBlock({BlockKind::kForLoop})) return;
    Expression(node->iter);
    Expression(node->target);
    Statements(node->body);
    if (failed()) return;
    UnsetLocation();
    PopBlock();
    Statements(node->orelse);
  }

  void AsyncFor(const ast::AsyncFor* node) {
    if (unit().kind != UnitKind::kAsyncFunction) {
      Error("'async for' outside async function");
      return;
    }
    Expression(node->iter);
    if (failed() || !PushBlock({BlockKind::kForLoop})) return;
    Expression(node->target);
    Statements(node->body);
    if (failed()) return;
    UnsetLocation();
    PopBlock();
    SetLocation(node->iter);
    Statements(node->orelse);
  }

  void While(const ast::While* node) {
    if (!PushBlock({BlockKind::kWhileLoop})) return;
    Expression(node->test);
    Statements(node->body);
    if (failed()) return;
    SetLocation(node);
    PopBlock();
    Statements(node->orelse);
  }

  // compiler_with / compiler_async_with: one block per item, each item inside the
  // previous one's.
  template <typename WithNode>
  void With(const WithNode* node, uint32_t index, bool is_async) {
    if (is_async && unit().kind != UnitKind::kAsyncFunction) {
      Error("'async with' outside async function");
      return;
    }
    const auto* item = node->items[index]->template As<ast::WithItem>();
    Expression(item->context_expr);
    if (failed()) return;
    if (!PushBlock({is_async ? BlockKind::kAsyncWith : BlockKind::kWith, node})) return;
    if (item->optional_vars) Expression(item->optional_vars);
    if (index + 1 == node->items.size) {
      Statements(node->body);
    } else {
      With(node, index + 1, is_async);
    }
    if (failed()) return;
    UnsetLocation();
    PopBlock();
    SetLocation(node);
  }

  // compiler_try_except: body, else, then the handlers.
  template <typename TryNode>
  void TryExcept(const TryNode* node) {
    if (!PushBlock({BlockKind::kTryExcept})) return;
    Statements(node->body);
    if (failed()) return;
    PopBlock();
    Statements(node->orelse);
    if (failed()) return;
    UnsetLocation();
    if (!PushBlock({BlockKind::kExceptionHandler})) return;
    for (uint32_t i = 0; i < node->handlers.size; ++i) {
      const auto* handler = node->handlers[i]->template As<ast::ExceptHandler>();
      SetLocation(handler);
      if (handler->type == nullptr && i + 1 < node->handlers.size) {
        Error("default 'except:' must be last");
        return;
      }
      if (handler->type) Expression(handler->type);
      if (failed()) return;
      HandlerBody(handler);
      if (failed()) return;
    }
    UnsetLocation();
    PopBlock();
  }

  // compiler_try_star_except: body, the handlers, then else.
  template <typename TryNode>
  void TryStarExcept(const TryNode* node) {
    if (!PushBlock({BlockKind::kTryExcept})) return;
    Statements(node->body);
    if (failed()) return;
    PopBlock();
    UnsetLocation();
    if (!PushBlock({BlockKind::kExceptionGroupHandler})) return;
    for (const Node* handler_node : node->handlers) {
      const auto* handler = handler_node->As<ast::ExceptHandler>();
      SetLocation(handler);
      if (handler->type) Expression(handler->type);
      if (failed()) return;
      HandlerBody(handler);
      if (failed()) return;
    }
    PopBlock();
    Statements(node->orelse);
  }

  // A handler's body, in its cleanup block. CPython ignores the result of storing the
  // exception in `as __debug__`: that error stands only if the body reports none.
  void HandlerBody(const ast::ExceptHandler* handler) {
    std::optional<ScopeError> pending;
    if (handler->name.data() && handler->name == "__debug__") {
      pending = ScopeError{"cannot assign to __debug__", unit().location.line, unit().location.col};
    }
    if (!PushBlock({BlockKind::kHandlerCleanup})) return;
    Statements(handler->body);
    if (failed()) return;
    PopBlock();
    UnsetLocation();
    if (pending) error_ = pending;
  }

  // compiler_try_finally: the finally body is compiled after the rest for the normal
  // path, then again for the exceptional path one block deeper (which only matters when
  // that reaches the block limit), besides once at every statement that leaves it.
  template <typename TryNode>
  void TryFinally(const TryNode* node, bool star) {
    if (!PushBlock({BlockKind::kFinallyTry, nullptr, &node->finalbody})) return;
    if (!node->handlers.empty()) {
      if (star) {
        TryStarExcept(node);
      } else {
        TryExcept(node);
      }
    } else {
      Statements(node->body);
    }
    if (failed()) return;
    PopBlock();
    size_t outer_max = unit().max_blocks;
    unit().max_blocks = unit().blocks.size();
    Statements(node->finalbody);
    if (failed()) return;
    size_t reached = unit().max_blocks;
    unit().max_blocks = std::max(outer_max, reached);
    UnsetLocation();
    if (!PushBlock({BlockKind::kFinallyEnd})) return;
    if (reached >= kMaxBlocks) Statements(node->finalbody);
    if (failed()) return;
    PopBlock();
  }

  // ---------------------------------------------------------------------------------
  // Expressions (compiler_visit_expr: the location is the expression's while it is
  // compiled, and is restored after)

  void Expressions(const NodeList& expressions) {
    for (const Node* expression : expressions) {
      if (failed()) return;
      if (expression) Expression(expression);
    }
  }

  void Expression(const Node* node) {
    if (failed()) return;
    Location outer = unit().location;
    SetLocation(node);
    ExpressionBody(node);
    unit().location = outer;
  }

  void ExpressionBody(const Node* node) {
    switch (node->node_kind) {
      case Kind::kBoolOp:
        Expressions(node->As<ast::BoolOp>()->values);
        break;
      case Kind::kNamedExpr: {
        const auto* named = node->As<ast::NamedExpr>();
        Expression(named->value);
        Expression(named->target);
        break;
      }
      case Kind::kBinOp:
        Expression(node->As<ast::BinOp>()->left);
        Expression(node->As<ast::BinOp>()->right);
        break;
      case Kind::kUnaryOp:
        Expression(node->As<ast::UnaryOp>()->operand);
        break;
      case Kind::kLambda: {
        const auto* lambda = node->As<ast::Lambda>();
        const auto* arguments = lambda->args->As<ast::Arguments>();
        if (DebugParameter(arguments)) return;
        Defaults(arguments);
        if (failed()) return;
        EnterUnit(UnitKind::kLambda, node);
        Expression(lambda->body);
        ExitUnit();
        break;
      }
      case Kind::kIfExp: {
        const auto* choice = node->As<ast::IfExp>();
        Expression(choice->test);
        Expression(choice->body);
        Expression(choice->orelse);
        break;
      }
      case Kind::kDict: {
        const auto* dict = node->As<ast::Dict>();
        for (uint32_t i = 0; i < dict->values.size; ++i) {
          if (dict->keys[i]) Expression(dict->keys[i]);
          Expression(dict->values[i]);
        }
        break;
      }
      case Kind::kSet:
        Elements(node->As<ast::Set>()->elts);
        break;
      case Kind::kListComp: {
        const auto* comprehension = node->As<ast::ListComp>();
        Comprehension(comprehension, ComprehensionType::kList, comprehension->elt, nullptr);
        break;
      }
      case Kind::kSetComp: {
        const auto* comprehension = node->As<ast::SetComp>();
        Comprehension(comprehension, ComprehensionType::kSet, comprehension->elt, nullptr);
        break;
      }
      case Kind::kDictComp: {
        const auto* comprehension = node->As<ast::DictComp>();
        Comprehension(comprehension, ComprehensionType::kDict, comprehension->key,
                      comprehension->value);
        break;
      }
      case Kind::kGeneratorExp: {
        const auto* comprehension = node->As<ast::GeneratorExp>();
        Comprehension(comprehension, ComprehensionType::kGenerator, comprehension->elt, nullptr);
        break;
      }
      case Kind::kAwait:
        if (!InFunctionBlock()) {
          Error("'await' outside function");
          return;
        }
        // A comprehension awaited inside is itself checked (see Comprehension).
        if (unit().kind != UnitKind::kAsyncFunction && unit().kind != UnitKind::kComprehension) {
          Error("'await' outside async function");
          return;
        }
        Expression(node->As<ast::Await>()->value);
        break;
      case Kind::kYield:
        if (!InFunctionBlock()) {
          Error("'yield' outside function");
          return;
        }
        if (node->As<ast::Yield>()->value) Expression(node->As<ast::Yield>()->value);
        break;
      case Kind::kYieldFrom:
        if (!InFunctionBlock()) {
          Error("'yield' outside function");
          return;
        }
        if (unit().kind == UnitKind::kAsyncFunction) {
          Error("'yield from' inside async function");
          return;
        }
        Expression(node->As<ast::YieldFrom>()->value);
        break;
      case Kind::kCompare:
        Expression(node->As<ast::Compare>()->left);
        Expressions(node->As<ast::Compare>()->comparators);
        break;
      case Kind::kCall: {
        // compiler_call: the keywords are checked before anything is compiled.
        const auto* call = node->As<ast::Call>();
        if (RepeatedKeyword(call->keywords)) return;
        Expression(call->func);
        CallArguments(call->args, call->keywords);
        break;
      }
      case Kind::kFormattedValue: {
        const auto* formatted = node->As<ast::FormattedValue>();
        Expression(formatted->value);
        if (formatted->format_spec) Expression(formatted->format_spec);
        break;
      }
      case Kind::kJoinedStr:
        Expressions(node->As<ast::JoinedStr>()->values);
        break;
      case Kind::kAttribute: {
        const auto* attribute = node->As<ast::Attribute>();
        Expression(attribute->value);
        if (failed() || attribute->ctx != ast::ExprContext::kStore) break;
        // update_start_location_to_match_attr: a store to an attribute written over
        // several lines is located at the attribute's name.
        Location& location = unit().location;
        if (location.line != node->end_lineno) {
          location.line = node->end_lineno;
          int length = CodePoints(attribute->attr);
          location.col = length <= node->end_col_offset ? node->end_col_offset - length : -1;
        }
        Forbidden(attribute->attr, ast::ExprContext::kStore);
        break;
      }
      case Kind::kSubscript:
        Expression(node->As<ast::Subscript>()->value);
        Expression(node->As<ast::Subscript>()->slice);
        break;
      case Kind::kStarred:
        // Lists, tuples, sets, calls and `*args` annotations take their starred items
        // apart before this; anywhere else a starred expression is an error.
        if (node->As<ast::Starred>()->ctx == ast::ExprContext::kStore) {
          Error("starred assignment target must be in a list or tuple");
        } else {
          Error("can't use starred expression here");
        }
        break;
      case Kind::kName: {
        const auto* name = node->As<ast::Name>();
        Forbidden(name->id, name->ctx);
        break;
      }
      case Kind::kList: {
        const auto* list = node->As<ast::List>();
        Sequence(list->elts, list->ctx);
        break;
      }
      case Kind::kTuple: {
        const auto* tuple = node->As<ast::Tuple>();
        Sequence(tuple->elts, tuple->ctx);
        break;
      }
      case Kind::kSlice: {
        const auto* slice = node->As<ast::Slice>();
        if (slice->lower) Expression(slice->lower);
        if (slice->upper) Expression(slice->upper);
        if (slice->step) Expression(slice->step);
        break;
      }
      default:
        break;  // Constant
    }
  }

  // The items of a list, tuple or set display: a starred item's value is compiled.
  void Elements(const NodeList& elements) {
    for (const Node* element : elements) {
      if (failed()) return;
      const auto* starred = element->As<ast::Starred>();
      Expression(starred ? starred->value : element);
    }
  }

  void Sequence(const NodeList& elements, ast::ExprContext context) {
    if (context == ast::ExprContext::kLoad) {
      Elements(elements);
      return;
    }
    if (context == ast::ExprContext::kDel) {
      Expressions(elements);
      return;
    }
    // unpack_helper, at the list's or tuple's location: UNPACK_EX takes the number of
    // targets before the star in 8 bits.
    bool seen_star = false;
    for (uint32_t i = 0; i < elements.size; ++i) {
      if (!elements[i]->As<ast::Starred>()) continue;
      if (seen_star) {
        Error("multiple starred expressions in assignment");
        return;
      }
      if (i >= (1u << 8) || elements.size - i - 1 >= static_cast<uint32_t>(INT_MAX >> 8)) {
        Error("too many expressions in star-unpacking assignment");
        return;
      }
      seen_star = true;
    }
    Elements(elements);
  }

  // validate_keywords: no keyword argument named __debug__ (at the call's location) or
  // given twice (at the second one).
  bool RepeatedKeyword(const NodeList& keywords) {
    for (uint32_t i = 0; i < keywords.size; ++i) {
      std::string_view name = keywords[i]->As<ast::Keyword>()->arg;
      if (name.data() == nullptr) continue;
      if (Forbidden(name, ast::ExprContext::kStore)) return true;
      for (uint32_t j = i + 1; j < keywords.size; ++j) {
        std::string_view other = keywords[j]->As<ast::Keyword>()->arg;
        if (other.data() != nullptr && other == name) {
          SetLocation(keywords[j]);
          Error(absl::StrCat("keyword argument repeated: ", std::string(name)));
          return true;
        }
      }
    }
    return false;
  }

  // compiler_call_helper: positional arguments, then keyword arguments.
  void CallArguments(const NodeList& arguments, const NodeList& keywords) {
    if (RepeatedKeyword(keywords)) return;
    Elements(arguments);
    for (const Node* keyword : keywords) {
      if (failed()) return;
      Expression(keyword->As<ast::Keyword>()->value);
    }
  }

  // compiler_comprehension: the body in its own unit, then the outermost iterable in
  // this one.
  template <typename ComprehensionNode>
  void Comprehension(const ComprehensionNode* node, ComprehensionType type, const Node* element,
                     const Node* value) {
    UnitKind outer = unit().kind;
    EnterUnit(UnitKind::kComprehension, node);
    SetLocation(node);
    // ste_coroutine: an async generator in it, an await in it, or an asynchronous
    // comprehension (not a generator expression) directly inside it.
    bool is_async = unit().scope && unit().scope->is_coroutine;
    if (is_async && type != ComprehensionType::kGenerator && outer != UnitKind::kAsyncFunction &&
        outer != UnitKind::kComprehension) {
      Error("asynchronous comprehension outside of an asynchronous function");
      ExitUnit();
      return;
    }
    ComprehensionGenerator(node->generators, 0, element, value);
    ExitUnit();
    if (failed()) return;
    Expression(node->generators[0]->template As<ast::Comprehension>()->iter);
  }

  void ComprehensionGenerator(const NodeList& generators, uint32_t index, const Node* element,
                              const Node* value) {
    const auto* generator = generators[index]->As<ast::Comprehension>();
    if (index > 0) Expression(generator->iter);
    if (failed()) return;
    if (generator->is_async && !PushBlock({BlockKind::kAsyncComprehensionGenerator})) return;
    Expression(generator->target);
    Expressions(generator->ifs);
    if (index + 1 < generators.size) {
      ComprehensionGenerator(generators, index + 1, element, value);
    } else {
      Expression(element);
      if (value) Expression(value);
    }
    if (failed()) return;
    if (generator->is_async) PopBlock();
  }

  // ste_coroutine of the current def: an async def; or (a quirk of CPython's symtable) a
  // def whose own scope awaits something or holds an asynchronous comprehension, which
  // makes a generator an "async generator" for the return check.
  bool IsCoroutine() {
    if (unit().kind == UnitKind::kAsyncFunction) return true;
    if (unit().kind != UnitKind::kFunction) return unit().scope && unit().scope->is_coroutine;
    auto it = awaits_.find(unit().node);
    if (it != awaits_.end()) return it->second;
    bool found = false;
    const NodeList* body = nullptr;
    if (const auto* function = unit().node->As<ast::FunctionDef>()) body = &function->body;
    if (body) {
      for (const Node* statement : *body) FindAwait(statement, &found);
    }
    awaits_[unit().node] = found;
    return found;
  }

  // An await in the scope `node` belongs to (not in nested functions, lambdas or
  // classes, whose defaults, annotations, decorators and bases do belong to it).
  void FindAwait(const Node* node, bool* found) {
    if (*found || node == nullptr) return;
    auto visit = [&](const Node* child) { FindAwait(child, found); };
    auto visit_list = [&](const NodeList& list) {
      for (const Node* child : list) visit(child);
    };
    switch (node->node_kind) {
      case Kind::kAwait:
        *found = true;
        return;
      case Kind::kFunctionDef: {
        const auto* function = node->As<ast::FunctionDef>();
        visit_list(function->decorator_list);
        visit(function->args);
        visit(function->returns);
        return;
      }
      case Kind::kAsyncFunctionDef: {
        const auto* function = node->As<ast::AsyncFunctionDef>();
        visit_list(function->decorator_list);
        visit(function->args);
        visit(function->returns);
        return;
      }
      case Kind::kLambda:
        visit(node->As<ast::Lambda>()->args);
        return;
      case Kind::kClassDef: {
        const auto* klass = node->As<ast::ClassDef>();
        visit_list(klass->bases);
        visit_list(klass->keywords);
        visit_list(klass->decorator_list);
        return;
      }
      case Kind::kListComp:
      case Kind::kSetComp:
      case Kind::kDictComp:
      case Kind::kGeneratorExp: {
        const Scope* scope = scopes_.ScopeOf(node);
        if (node->node_kind != Kind::kGeneratorExp && scope && scope->is_coroutine) *found = true;
        const NodeList* generators = nullptr;
        if (const auto* c = node->As<ast::ListComp>()) generators = &c->generators;
        if (const auto* c = node->As<ast::SetComp>()) generators = &c->generators;
        if (const auto* c = node->As<ast::DictComp>()) generators = &c->generators;
        if (const auto* c = node->As<ast::GeneratorExp>()) generators = &c->generators;
        visit((*generators)[0]->As<ast::Comprehension>()->iter);
        return;
      }
      default:
        ast::ForEachChild(const_cast<Node*>(node), visit);
        return;
    }
  }

  // ---------------------------------------------------------------------------------
  // match statements (compiler_match_inner and compiler_pattern_*: a pattern sets the
  // location to itself and does not restore it)

  void Match(const ast::Match* node) {
    Expression(node->subject);
    if (failed()) return;
    uint32_t cases = node->cases.size;
    const auto* last = node->cases[cases - 1]->As<ast::MatchCase>();
    // A trailing `case _:` is not compiled as a pattern.
    bool has_default = IsWildcard(last->pattern) && cases > 1;
    for (uint32_t i = 0; i < cases - (has_default ? 1 : 0); ++i) {
      const auto* match_case = node->cases[i]->As<ast::MatchCase>();
      SetLocation(match_case->pattern);
      PatternContext context;
      context.allow_irrefutable = match_case->guard != nullptr || i + 1 == cases;
      Pattern(match_case->pattern, &context);
      if (failed()) return;
      if (match_case->guard) Expression(match_case->guard);
      Statements(match_case->body);
      if (failed()) return;
      SetLocation(match_case->pattern);
    }
    if (has_default) {
      SetLocation(last->pattern);
      if (last->guard) Expression(last->guard);
      Statements(last->body);
    }
  }

  // pattern_helper_store_name.
  void StoreCapture(std::string_view name, PatternContext* context) {
    if (name.data() == nullptr) return;
    if (Forbidden(name, ast::ExprContext::kStore)) return;
    if (Contains(context->stores, name)) {
      Error(DuplicateCapture(name));
      return;
    }
    context->stores.push_back(name);
  }

  // compiler_pattern_subpattern: irrefutable sub-patterns are fine.
  void Subpattern(const Node* pattern, PatternContext* context) {
    bool allow = context->allow_irrefutable;
    context->allow_irrefutable = true;
    Pattern(pattern, context);
    context->allow_irrefutable = allow;
  }

  void Pattern(const Node* pattern, PatternContext* context) {
    if (failed()) return;
    SetLocation(pattern);
    switch (pattern->node_kind) {
      case Kind::kMatchValue:
        Expression(pattern->As<ast::MatchValue>()->value);
        break;
      case Kind::kMatchSingleton:
        break;
      case Kind::kMatchSequence:
        SequencePattern(pattern->As<ast::MatchSequence>()->patterns, context);
        break;
      case Kind::kMatchMapping:
        MappingPattern(pattern->As<ast::MatchMapping>(), context);
        break;
      case Kind::kMatchClass:
        ClassPattern(pattern->As<ast::MatchClass>(), context);
        break;
      case Kind::kMatchStar:
        StoreCapture(pattern->As<ast::MatchStar>()->name, context);
        break;
      case Kind::kMatchAs: {
        const auto* as = pattern->As<ast::MatchAs>();
        if (as->pattern == nullptr) {
          if (!context->allow_irrefutable) {
            Error(as->name.data() ? absl::StrCat("name capture ", ast::PythonStrRepr(as->name),
                                                 " makes remaining patterns unreachable")
                                  : "wildcard makes remaining patterns unreachable");
            return;
          }
        } else {
          Pattern(as->pattern, context);
          if (failed()) return;
        }
        StoreCapture(as->name, context);
        break;
      }
      case Kind::kMatchOr:
        OrPattern(pattern->As<ast::MatchOr>()->patterns, context);
        break;
      default:
        break;
    }
  }

  // compiler_pattern_sequence: the stars are counted first; then either only a length
  // check (all wildcards), or the items taken by index (the star is a wildcard, and
  // wildcards are skipped), or the sequence unpacked.
  void SequencePattern(const NodeList& patterns, PatternContext* context) {
    int64_t star = -1;
    bool only_wildcard = true;
    bool star_wildcard = false;
    for (uint32_t i = 0; i < patterns.size; ++i) {
      if (patterns[i]->As<ast::MatchStar>()) {
        if (star >= 0) {
          Error("multiple starred names in sequence pattern");
          return;
        }
        star_wildcard = IsStarWildcard(patterns[i]);
        only_wildcard = only_wildcard && star_wildcard;
        star = i;
        continue;
      }
      only_wildcard = only_wildcard && IsWildcard(patterns[i]);
    }
    if (only_wildcard) return;
    if (star_wildcard) {
      for (uint32_t i = 0; i < patterns.size; ++i) {
        if (IsWildcard(patterns[i]) || static_cast<int64_t>(i) == star) continue;
        Subpattern(patterns[i], context);
        if (failed()) return;
      }
      return;
    }
    if (star >= (1 << 8) || static_cast<int64_t>(patterns.size) - star - 1 >= (INT_MAX >> 8)) {
      Error("too many expressions in star-unpacking sequence pattern");
      return;
    }
    for (const Node* child : patterns) {
      Subpattern(child, context);
      if (failed()) return;
    }
  }

  // compiler_pattern_mapping: the keys are checked (at the pattern's location) before the
  // values are matched; `**rest` is stored last.
  void MappingPattern(const ast::MatchMapping* pattern, PatternContext* context) {
    if (pattern->keys.empty() && pattern->rest.data() == nullptr) return;
    std::vector<KeyValue> seen;
    for (const Node* key : pattern->keys) {
      std::optional<KeyValue> value = FoldKey(key);
      if (value) {
        for (const KeyValue& other : seen) {
          if (KeysEqual(other, *value)) {
            Error(absl::StrCat("mapping pattern checks duplicate key (", KeyRepr(*value), ")"));
            return;
          }
        }
        seen.push_back(*value);
      } else if (key->node_kind != Kind::kAttribute) {
        Error("mapping pattern keys may only match literals and attribute lookups");
        return;
      }
      Expression(key);
      if (failed()) return;
    }
    for (const Node* child : pattern->patterns) {
      Subpattern(child, context);
      if (failed()) return;
    }
    StoreCapture(pattern->rest, context);
  }

  // compiler_pattern_class: the keyword names are checked first, each error at a
  // keyword's pattern; wildcard sub-patterns are skipped.
  void ClassPattern(const ast::MatchClass* pattern, PatternContext* context) {
    const ast::IdentList& attributes = pattern->kwd_attrs;
    for (uint32_t i = 0; i < attributes.size; ++i) {
      SetLocation(pattern->kwd_patterns[i]);
      if (Forbidden(attributes.items[i], ast::ExprContext::kStore)) return;
      for (uint32_t j = i + 1; j < attributes.size; ++j) {
        if (attributes.items[j] == attributes.items[i]) {
          SetLocation(pattern->kwd_patterns[j]);
          Error(absl::StrCat("attribute name repeated in class pattern: ",
                            std::string(attributes.items[i])));
          return;
        }
      }
    }
    if (attributes.size > 0) SetLocation(pattern);
    Expression(pattern->cls);
    for (const NodeList* list : {&pattern->patterns, &pattern->kwd_patterns}) {
      for (const Node* child : *list) {
        if (failed()) return;
        if (IsWildcard(child)) continue;
        Subpattern(child, context);
      }
    }
  }

  // compiler_pattern_or: each alternative binds into a list of its own; all must bind
  // the first one's names, which are then added to the enclosing pattern's.
  void OrPattern(const NodeList& alternatives, PatternContext* context) {
    std::vector<std::string_view> control;
    for (uint32_t i = 0; i < alternatives.size; ++i) {
      SetLocation(alternatives[i]);
      PatternContext alternative;
      alternative.allow_irrefutable = i + 1 == alternatives.size && context->allow_irrefutable;
      Pattern(alternatives[i], &alternative);
      if (failed()) return;
      if (i == 0) {
        control = alternative.stores;
        continue;
      }
      bool same = alternative.stores.size() == control.size();
      for (std::string_view name : control) same = same && Contains(alternative.stores, name);
      if (!same) {
        Error("alternative patterns bind different names");
        return;
      }
    }
    for (std::string_view name : control) {
      if (Contains(context->stores, name)) {
        Error(DuplicateCapture(name));
        return;
      }
      context->stores.push_back(name);
    }
  }

  const ScopeTree& scopes_;
  std::vector<Unit> units_;
  std::optional<ScopeError> error_;
  absl::flat_hash_map<const Node*, bool> awaits_;  // IsCoroutine's answers, by def
};

}  // namespace

std::optional<ScopeError> CheckSyntax(const ast::Module* module, const ScopeTree& scopes) {
  Checker checker(scopes);
  return checker.Run(module);
}

}  // namespace kiln::sema
