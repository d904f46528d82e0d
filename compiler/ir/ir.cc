#include "compiler/ir/ir.h"

#include <algorithm>
#include <cstdio>

namespace kiln::ir {

const OpInfo& InfoOf(Op op) {
  static const OpInfo kInfo[] = {
#define KIR_OP(name, result, failure, operands, immediate, terminator)                 \
  {#name, ResultKind::result, Failure::failure, OperandPolicy::operands, ImmediateKind::immediate, \
   terminator},
#include "compiler/ir/ops.def"
#undef KIR_OP
  };
  return kInfo[static_cast<int>(op)];
}

const char* NameOf(Repr repr) {
  switch (repr) {
    case Repr::kObject: return "object";
    case Repr::kCInt: return "cint";
    case Repr::kMethod: return "method";
    case Repr::kInt64: return "int64";
    case Repr::kDouble: return "double";
    case Repr::kBool: return "bool";
  }
  return "?";
}

bool Instr::can_fail() const {
  switch (info().failure) {
    case Failure::kNever: return false;
    case Failure::kUnbound: return checked;
    case Failure::kNull:
    case Failure::kNegative:
    case Failure::kAlways: return true;
  }
  return true;
}

int Function::Site(const ast::Node* node) {
  if (node == nullptr) return 0;
  auto it = site_index.find(node);
  if (it != site_index.end()) return it->second;
  int index = static_cast<int>(sites.size());
  sites.push_back(node);
  site_index[node] = index;
  return index;
}

const BlockList& Successors(const Block& block) {
  static const BlockList kNone;
  if (block.instrs.empty() || !block.terminator().info().terminator) return kNone;
  return block.terminator().targets;
}

std::vector<BlockId> FlowSuccessors(const Block& block) {
  std::vector<BlockId> successors(Successors(block).begin(), Successors(block).end());
  for (const Instr& instr : block.instrs) {
    if (instr.handler == kNoBlock || instr.info().failure == Failure::kNever) continue;
    if (std::find(successors.begin(), successors.end(), instr.handler) == successors.end()) {
      successors.push_back(instr.handler);
    }
  }
  return successors;
}

std::vector<std::vector<BlockId>> Predecessors(const Function& function) {
  std::vector<std::vector<BlockId>> predecessors(function.blocks.size());
  for (const Block& block : function.blocks) {
    for (BlockId successor : FlowSuccessors(block)) {
      std::vector<BlockId>& list = predecessors[successor];
      if (std::find(list.begin(), list.end(), block.id) == list.end()) list.push_back(block.id);
    }
  }
  return predecessors;
}

std::vector<BlockId> ReversePostOrder(const Function& function) {
  std::vector<BlockId> order;
  if (function.blocks.empty()) return order;
  std::vector<char> seen(function.blocks.size(), 0);
  // Iterative depth-first search: (block, next successor index).
  std::vector<std::pair<BlockId, size_t>> stack = {{0, 0}};
  // Successors are visited last first, so that in the order made the first target of
  // a branch (the loop body of an IterNext, the true side of a Branch) comes right
  // after its block: the emitter falls through to it.
  std::vector<std::vector<BlockId>> successors(function.blocks.size());
  for (const Block& block : function.blocks) {
    successors[block.id] = FlowSuccessors(block);
    std::reverse(successors[block.id].begin(), successors[block.id].end());
  }
  seen[0] = 1;
  while (!stack.empty()) {
    auto& [block, next] = stack.back();
    if (next < successors[block].size()) {
      BlockId successor = successors[block][next++];
      if (!seen[successor]) {
        seen[successor] = 1;
        stack.push_back({successor, 0});
      }
      continue;
    }
    order.push_back(block);
    stack.pop_back();
  }
  std::reverse(order.begin(), order.end());
  return order;
}

std::string ConstantText(const ast::ConstantValue& constant) {
  using Type = ast::ConstantValue::Type;
  auto quoted = [](std::string_view text, const char* prefix) {
    std::string out = prefix;
    out += '\'';
    for (unsigned char c : text) {
      if (c == '\'' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out += static_cast<char>(c);
      } else {
        char escape[8];
        std::snprintf(escape, sizeof(escape), "\\x%02x", c);
        out += escape;
      }
    }
    return out + '\'';
  };
  char number[64];
  switch (constant.type) {
    case Type::kNone: return "None";
    case Type::kTrue: return "True";
    case Type::kFalse: return "False";
    case Type::kEllipsis: return "Ellipsis";
    case Type::kInt: return std::string(constant.text);
    case Type::kFloat:
      std::snprintf(number, sizeof(number), "%.17g", constant.number);
      return number;
    case Type::kComplex:
      std::snprintf(number, sizeof(number), "%.17gj", constant.number);
      return number;
    case Type::kStr: return quoted(constant.text, "");
    case Type::kBytes: return quoted(constant.text, "b");
  }
  return "?";
}

}  // namespace kiln::ir
