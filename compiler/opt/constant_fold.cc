// Constant folding and propagation.
//
//   - truth of a constant (IsTrue), Not and BoolObject of a known truth, a Branch on a
//     known truth becomes a Jump;
//   - int arithmetic (+ - * // % and unary - + ~) and comparisons of ints that fit in
//     64 bits, when the result does too (Python ints never overflow: anything larger
//     is left to run time), and unary minus of a float;
//   - a constant stored to a local is forwarded to the loads of that local that
//     follow in the same block (the slot is still written: the frame shows it).
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "compiler/opt/passes.h"

namespace kiln::opt {
namespace {

using Type = ast::ConstantValue::Type;

std::optional<int64_t> SmallInt(const ast::ConstantValue& value) {
  if (value.type != Type::kInt || value.text.empty() || value.text.size() > 18) return std::nullopt;
  int64_t result = 0;
  size_t i = 0;
  bool negative = value.text[0] == '-';
  if (negative) i = 1;
  if (i == value.text.size()) return std::nullopt;
  for (; i < value.text.size(); ++i) {
    char c = value.text[i];
    if (c < '0' || c > '9') return std::nullopt;
    result = result * 10 + (c - '0');
  }
  return negative ? -result : result;
}

std::optional<int> TruthOf(const ast::ConstantValue& value) {
  switch (value.type) {
    case Type::kNone:
    case Type::kFalse: return 0;
    case Type::kTrue:
    case Type::kEllipsis: return 1;
    case Type::kInt: {
      for (char c : value.text) {
        if (c != '0' && c != '-') return 1;
      }
      return 0;
    }
    case Type::kFloat:
    case Type::kComplex: return value.number != 0.0 ? 1 : 0;
    case Type::kStr:
    case Type::kBytes: return value.text.empty() ? 0 : 1;
  }
  return std::nullopt;
}

// Python's floor division and modulo.
int64_t FloorDivide(int64_t a, int64_t b) {
  int64_t quotient = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --quotient;
  return quotient;
}

class Folder {
 public:
  explicit Folder(ir::Function& function) : function_(function) {}

  bool Run() {
    Index();
    bool changed = false;
    for (ir::Block& block : function_.blocks) {
      for (ir::Instr& instr : block.instrs) changed |= Fold(instr);
    }
    changed |= ForwardStoredConstants();
    return changed;
  }

 private:
  void Index() {
    defining_.assign(function_.values.size(), nullptr);
    for (ir::Block& block : function_.blocks) {
      for (ir::Instr& instr : block.instrs) {
        for (ir::ValueId result : instr.results) defining_[result] = &instr;
      }
    }
  }
  const ir::Instr* ConstantDef(ir::ValueId value, ir::Op op) const {
    const ir::Instr* definition = defining_[value];
    return definition != nullptr && definition->op == op ? definition : nullptr;
  }

  void MakeCInt(ir::Instr& instr, int value) {
    instr.op = ir::Op::kCIntConstant;
    instr.operands.clear();
    instr.number = value;
  }
  void MakeConstant(ir::Instr& instr, ast::ConstantValue value) {
    instr.op = ir::Op::kConstant;
    instr.operands.clear();
    instr.constant = value;
    instr.extra = 0;
    function_.values[instr.result()].owned = false;
  }
  void MakeBool(ir::Instr& instr, bool truth) {
    ast::ConstantValue value;
    value.type = truth ? Type::kTrue : Type::kFalse;
    MakeConstant(instr, value);
  }
  void MakeInt(ir::Instr& instr, int64_t number) {
    ast::ConstantValue value;
    value.type = Type::kInt;
    value.text = function_.strings.emplace_back(std::to_string(number));
    MakeConstant(instr, value);
  }

  bool Fold(ir::Instr& instr) {
    switch (instr.op) {
      case ir::Op::kIsTrue:
        if (const ir::Instr* constant = ConstantDef(instr.operands[0], ir::Op::kConstant)) {
          if (std::optional<int> truth = TruthOf(constant->constant)) {
            MakeCInt(instr, *truth);
            return true;
          }
        }
        return false;
      case ir::Op::kNot:
        if (const ir::Instr* known = ConstantDef(instr.operands[0], ir::Op::kCIntConstant)) {
          MakeCInt(instr, known->number ? 0 : 1);
          return true;
        }
        return false;
      case ir::Op::kBoolObject:
        if (const ir::Instr* known = ConstantDef(instr.operands[0], ir::Op::kCIntConstant)) {
          MakeBool(instr, known->number != 0);
          return true;
        }
        return false;
      case ir::Op::kBranch:
        if (const ir::Instr* known = ConstantDef(instr.operands[0], ir::Op::kCIntConstant)) {
          ir::BlockId target = known->number ? instr.targets[0] : instr.targets[1];
          instr.op = ir::Op::kJump;
          instr.operands.clear();
          instr.targets = {target};
          return true;
        }
        return false;
      case ir::Op::kUnary:
        return FoldUnary(instr);
      case ir::Op::kBinary:
        return FoldBinary(instr);
      case ir::Op::kCompare:
      case ir::Op::kCompareBool:
        return FoldCompare(instr);
      default:
        return false;
    }
  }

  bool FoldUnary(ir::Instr& instr) {
    const ir::Instr* operand = ConstantDef(instr.operands[0], ir::Op::kConstant);
    if (!operand) return false;
    auto op = static_cast<ast::UnaryOpKind>(instr.number);
    if (operand->constant.type == Type::kFloat && op == ast::UnaryOpKind::kUSub) {
      ast::ConstantValue value = operand->constant;
      value.number = -value.number;
      MakeConstant(instr, value);
      return true;
    }
    std::optional<int64_t> value = SmallInt(operand->constant);
    if (!value) return false;
    switch (op) {
      case ast::UnaryOpKind::kUSub: MakeInt(instr, -*value); return true;
      case ast::UnaryOpKind::kUAdd: MakeInt(instr, *value); return true;
      case ast::UnaryOpKind::kInvert: MakeInt(instr, -*value - 1); return true;
      case ast::UnaryOpKind::kNot: return false;
    }
    return false;
  }

  bool FoldBinary(ir::Instr& instr) {
    const ir::Instr* left = ConstantDef(instr.operands[0], ir::Op::kConstant);
    const ir::Instr* right = ConstantDef(instr.operands[1], ir::Op::kConstant);
    if (!left || !right) return false;
    std::optional<int64_t> a = SmallInt(left->constant), b = SmallInt(right->constant);
    if (!a || !b) return false;
    int64_t result = 0;
    switch (static_cast<ast::OperatorKind>(instr.number)) {
      case ast::OperatorKind::kAdd:
        if (__builtin_add_overflow(*a, *b, &result)) return false;
        break;
      case ast::OperatorKind::kSub:
        if (__builtin_sub_overflow(*a, *b, &result)) return false;
        break;
      case ast::OperatorKind::kMult:
        if (__builtin_mul_overflow(*a, *b, &result)) return false;
        break;
      case ast::OperatorKind::kFloorDiv:
        if (*b == 0) return false;
        result = FloorDivide(*a, *b);
        break;
      case ast::OperatorKind::kMod:
        if (*b == 0) return false;
        result = *a - FloorDivide(*a, *b) * *b;
        break;
      default:
        return false;
    }
    MakeInt(instr, result);
    return true;
  }

  bool FoldCompare(ir::Instr& instr) {
    const ir::Instr* left = ConstantDef(instr.operands[0], ir::Op::kConstant);
    const ir::Instr* right = ConstantDef(instr.operands[1], ir::Op::kConstant);
    if (!left || !right) return false;
    std::optional<int64_t> a = SmallInt(left->constant), b = SmallInt(right->constant);
    if (!a || !b) return false;
    bool truth;
    switch (static_cast<ast::CmpOpKind>(instr.number)) {
      case ast::CmpOpKind::kEq: truth = *a == *b; break;
      case ast::CmpOpKind::kNotEq: truth = *a != *b; break;
      case ast::CmpOpKind::kLt: truth = *a < *b; break;
      case ast::CmpOpKind::kLtE: truth = *a <= *b; break;
      case ast::CmpOpKind::kGt: truth = *a > *b; break;
      case ast::CmpOpKind::kGtE: truth = *a >= *b; break;
      default: return false;
    }
    if (instr.op == ir::Op::kCompareBool) {
      MakeCInt(instr, truth);
    } else {
      MakeBool(instr, truth);
    }
    return true;
  }

  // StoreLocal s <- constant; ...; v = LoadLocal s   ==>   uses of v read the constant.
  bool ForwardStoredConstants() {
    std::vector<ir::ValueId> replacement(function_.values.size(), ir::kNoValue);
    for (ir::Block& block : function_.blocks) {
      std::map<int64_t, ir::ValueId> known;  // slot -> constant value
      for (ir::Instr& instr : block.instrs) {
        switch (instr.op) {
          case ir::Op::kStoreLocal:
            if (ConstantDef(instr.operands[0], ir::Op::kConstant)) {
              known[instr.number] = instr.operands[0];
            } else {
              known.erase(instr.number);
            }
            break;
          case ir::Op::kDeleteLocal:
          case ir::Op::kInPlaceAddLocal:
          case ir::Op::kClearLocal:
            known.erase(instr.number);
            break;
          case ir::Op::kLoadLocal:
            if (auto it = known.find(instr.number); it != known.end() && !instr.checked) {
              replacement[instr.result()] = it->second;
            }
            break;
          default:
            break;
        }
      }
    }
    bool replaced = false;
    for (ir::Block& block : function_.blocks) {
      for (ir::Instr& instr : block.instrs) {
        for (ir::ValueId& operand : instr.operands) {
          if (replacement[operand] == ir::kNoValue) continue;
          operand = replacement[operand];
          replaced = true;
        }
      }
    }
    return replaced;
  }

  ir::Function& function_;
  std::vector<const ir::Instr*> defining_;  // by value id
};

}  // namespace

void ConstantFold(ir::Function& function) {
  for (int round = 0; round < 8; ++round) {
    if (!Folder(function).Run()) break;
  }
}

}  // namespace kiln::opt
