// Fused arithmetic: an expression tree of +, -, *, /, // and % (plain or in place)
// becomes one Arithmetic op whose operands are the tree's leaves; a comparison of such
// trees (a condition: `x * x + y * y < 4.0`) one ArithmeticCompare, a truth value. At run time it
// computes the tree on C numbers when every leaf is an exact float or a small exact
// int and boxes only the result; otherwise (or when a step cannot be done exactly as
// CPython does: see runtime/ops/number.h) it evaluates the operations one by one on
// objects, in the original order, each reporting its error at its own site.
//
// A Binary joins its user's tree when its result has that one use, the user is a
// fusable Binary later in the same block with the same handler, and everything between
// them is part of the same tree or cannot fail and has no effect (constants, cell
// objects, locals already known to be bound). So moving the tree's operations to the
// root's place changes no order that could be observed: the leaves are evaluated
// where they were, the operations after all of them, as before.
#include <algorithm>
#include <vector>

#include "compiler/opt/passes.h"

namespace kiln::opt {
namespace {

bool Fusable(const ir::Instr& instr) {
  if (instr.op != ir::Op::kBinary) return false;
  switch (static_cast<ast::OperatorKind>(instr.number)) {
    case ast::OperatorKind::kAdd:
    case ast::OperatorKind::kSub:
    case ast::OperatorKind::kMult:
    case ast::OperatorKind::kDiv:
    case ast::OperatorKind::kFloorDiv:
    case ast::OperatorKind::kMod:
      return true;
    default:
      return false;
  }
}

// A comparison whose operands may be trees: the root of an ArithmeticCompare.
bool FusableComparison(const ir::Instr& instr) {
  if (instr.op != ir::Op::kCompareBool) return false;
  switch (static_cast<ast::CmpOpKind>(instr.number)) {
    case ast::CmpOpKind::kEq:
    case ast::CmpOpKind::kNotEq:
    case ast::CmpOpKind::kLt:
    case ast::CmpOpKind::kLtE:
    case ast::CmpOpKind::kGt:
    case ast::CmpOpKind::kGtE:
      return true;
    default:
      return false;
  }
}

bool Transparent(const ir::Instr& instr) {
  switch (instr.op) {
    case ir::Op::kConstant:
    case ir::Op::kCellObject:
      return true;
    case ir::Op::kLoadLocal:
      return !instr.checked;
    default:
      return false;
  }
}

class Fuser {
 public:
  // `position` has an entry per value, all -1; Run() leaves it so.
  Fuser(ir::Function& function, ir::Block& block, const std::vector<int>& uses, std::vector<int>& position)
      : f_(function), block_(block), uses_(uses), position_(position) {}

  void Run() {
    const size_t count = block_.instrs.size();
    size_t binaries = 0;
    for (const ir::Instr& instr : block_.instrs) binaries += Fusable(instr) || FusableComparison(instr);
    if (binaries < 2) return;
    parent_.assign(count, -1);
    // Where each value of this block is defined.
    std::vector<ir::ValueId> defined;
    for (size_t i = 0; i < count; ++i) {
      for (ir::ValueId result : block_.instrs[i].results) {
        position_[result] = static_cast<int>(i);
        defined.push_back(result);
      }
    }
    FuseTrees();
    for (ir::ValueId value : defined) position_[value] = -1;
  }

 private:
  void FuseTrees() {
    const size_t count = block_.instrs.size();
    for (size_t j = 0; j < count; ++j) {
      const ir::Instr& user = block_.instrs[j];
      if (!Fusable(user) && !FusableComparison(user)) continue;
      for (ir::ValueId operand : user.operands) {
        int i = position_[operand];
        if (i < 0 || uses_[operand] != 1 || !Fusable(block_.instrs[i])) continue;
        if (block_.instrs[i].handler != user.handler) continue;
        parent_[i] = static_cast<int>(j);
      }
    }
    // Cut links across anything that is neither transparent nor in the same tree, until
    // none is left.
    bool changed = true;
    while (changed) {
      changed = false;
      for (size_t i = 0; i < count; ++i) {
        if (parent_[i] < 0) continue;
        int root = RootOf(static_cast<int>(i));
        for (int k = static_cast<int>(i) + 1; k < parent_[i]; ++k) {
          const ir::Instr& between = block_.instrs[k];
          if (Transparent(between)) continue;
          if (Fusable(between) && RootOf(k) == root) continue;
          parent_[i] = -1;
          changed = true;
          break;
        }
      }
    }
    std::vector<bool> removed(count, false);
    for (size_t j = 0; j < count; ++j) {
      const ir::Instr& root = block_.instrs[j];
      if (!(Fusable(root) || FusableComparison(root)) || parent_[j] >= 0) continue;
      std::vector<int> members;
      Collect(static_cast<int>(j), &members);
      if (members.size() < 2) continue;
      Fuse(static_cast<int>(j), members);
      for (int member : members) {
        if (member != static_cast<int>(j)) removed[member] = true;
      }
    }
    std::vector<ir::Instr> kept;
    kept.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      if (!removed[i]) kept.push_back(std::move(block_.instrs[i]));
    }
    block_.instrs.swap(kept);
  }

  int RootOf(int index) const {
    while (parent_[index] >= 0) index = parent_[index];
    return index;
  }

  // The tree's nodes in evaluation order (operands before their user, left before right).
  void Collect(int node, std::vector<int>* members) const {
    for (ir::ValueId operand : block_.instrs[node].operands) {
      int child = ChildOf(node, operand);
      if (child >= 0) Collect(child, members);
    }
    members->push_back(node);
  }

  int ChildOf(int node, ir::ValueId operand) const {
    int i = position_[operand];
    return i >= 0 && parent_[i] == node ? i : -1;
  }

  void Fuse(int root, const std::vector<int>& members) {
    ir::ArithmeticProgram program;
    ir::ValueList leaves;
    std::vector<int> node_of(block_.instrs.size(), -1);
    auto reference = [&](int member, ir::ValueId operand) {
      int child = ChildOf(member, operand);
      if (child >= 0) return node_of[child];
      auto it = std::find(leaves.begin(), leaves.end(), operand);
      if (it == leaves.end()) {
        leaves.push_back(operand);
        it = leaves.end() - 1;
      }
      return -1 - static_cast<int>(it - leaves.begin());
    };
    for (int member : members) {
      const ir::Instr& instr = block_.instrs[member];
      ir::ArithmeticNode node;
      if (instr.op == ir::Op::kCompareBool) {
        node.op = ast::OperatorKind::kAdd;  // unused
        node.compare = static_cast<int>(instr.number);
      } else {
        node.op = static_cast<ast::OperatorKind>(instr.number);
        node.in_place = instr.extra != 0;
      }
      node.left = reference(member, instr.operands[0]);
      node.right = reference(member, instr.operands[1]);
      node.site = instr.site;
      node_of[member] = static_cast<int>(program.size());
      program.push_back(node);
    }
    ir::Instr& instr = block_.instrs[root];
    instr.op = instr.op == ir::Op::kCompareBool ? ir::Op::kArithmeticCompare : ir::Op::kArithmetic;
    instr.operands = leaves;
    instr.number = static_cast<int64_t>(f_.arithmetic.size());
    instr.extra = 0;
    f_.arithmetic.push_back(std::move(program));
  }

  ir::Function& f_;
  ir::Block& block_;
  const std::vector<int>& uses_;
  std::vector<int> parent_;    // by instruction index: the tree node that uses it, or -1
  std::vector<int>& position_;  // by value: the index of the instruction defining it here
};

}  // namespace

void FuseArithmetic(ir::Function& function) {
  std::vector<int> uses(function.values.size(), 0);
  for (const ir::Block& block : function.blocks) {
    for (const ir::Instr& instr : block.instrs) {
      for (ir::ValueId operand : instr.operands) ++uses[operand];
    }
  }
  std::vector<int> position(function.values.size(), -1);
  for (ir::Block& block : function.blocks) Fuser(function, block, uses, position).Run();
}

}  // namespace kiln::opt
