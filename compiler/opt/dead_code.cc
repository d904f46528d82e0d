// Dead-code removal: blocks nothing reaches (code after return, branches folded
// away), instructions without side effects whose results nobody uses (and a frame
// site that the next instruction replaces), blocks that only jump on, and
// straight-line chains of blocks (merged into one).
#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "compiler/opt/passes.h"

namespace kiln::opt {
namespace {

bool IsPure(const ir::Instr& instr) {
  switch (instr.op) {
    case ir::Op::kConstant:
    case ir::Op::kCIntConstant:
    case ir::Op::kCellObject:
    case ir::Op::kBoolObject:
    case ir::Op::kIdentity:
    case ir::Op::kNot:
      return true;
    case ir::Op::kLoadLocal:
      return !instr.checked;
    default:
      return false;
  }
}

void RemoveUnusedInstructions(ir::Function& function) {
  bool changed = true;
  while (changed) {
    changed = false;
    std::vector<int> uses(function.values.size(), 0);
    for (const ir::Block& block : function.blocks) {
      for (const ir::Instr& instr : block.instrs) {
        for (ir::ValueId operand : instr.operands) ++uses[operand];
      }
    }
    for (ir::Block& block : function.blocks) {
      std::vector<char> drop(block.instrs.size(), 0);
      bool any = false;
      for (size_t i = 0; i < block.instrs.size(); ++i) {
        const ir::Instr& instr = block.instrs[i];
        // A site that the next instruction replaces at once is never seen.
        bool unused = instr.op == ir::Op::kSetSite && i + 1 < block.instrs.size() &&
                      block.instrs[i + 1].op == ir::Op::kSetSite;
        if (!unused && IsPure(instr)) {
          unused = true;
          for (ir::ValueId result : instr.results) unused = unused && uses[result] == 0;
        }
        drop[i] = unused;
        any = any || unused;
      }
      if (!any) continue;
      changed = true;
      size_t index = 0;
      block.instrs.erase(std::remove_if(block.instrs.begin(), block.instrs.end(),
                                        [&](const ir::Instr&) { return drop[index++] != 0; }),
                         block.instrs.end());
    }
  }
}

// Drops unreachable blocks and numbers the others in reverse post-order.
void RemoveUnreachableBlocks(ir::Function& function) {
  std::vector<ir::BlockId> order = ir::ReversePostOrder(function);
  bool in_order = order.size() == function.blocks.size();
  for (size_t i = 0; in_order && i < order.size(); ++i) in_order = order[i] == static_cast<ir::BlockId>(i);
  if (in_order) return;  // all reachable, already in reverse post-order
  // Handlers are reached through error edges: keep them (none are made yet).
  std::vector<ir::BlockId> renumbered(function.blocks.size(), ir::kNoBlock);
  for (size_t i = 0; i < order.size(); ++i) renumbered[order[i]] = static_cast<ir::BlockId>(i);
  std::vector<ir::Block> blocks;
  blocks.reserve(order.size());
  for (ir::BlockId id : order) {
    ir::Block block = std::move(function.blocks[id]);
    block.id = renumbered[id];
    for (ir::Instr& instr : block.instrs) {
      for (ir::BlockId& target : instr.targets) target = renumbered[target];
      if (instr.handler != ir::kNoBlock) instr.handler = renumbered[instr.handler];
    }
    blocks.push_back(std::move(block));
  }
  function.blocks = std::move(blocks);
}

// A block whose only instruction is an argument-less Jump: its predecessors jump
// straight to the target (not an IterNext's item edge, whose target keeps one
// predecessor).
bool ThreadJumps(ir::Function& function) {
  std::map<ir::BlockId, ir::BlockId> forward;
  for (const ir::Block& block : function.blocks) {
    if (block.id != 0 && block.params.empty() && block.instrs.size() == 1 &&
        block.terminator().op == ir::Op::kJump && block.terminator().operands.empty() &&
        block.terminator().targets[0] != block.id) {
      forward[block.id] = block.terminator().targets[0];
    }
  }
  auto resolve = [&](ir::BlockId target) {
    std::set<ir::BlockId> seen;
    while (forward.count(target) && seen.insert(target).second) target = forward[target];
    return target;
  };
  bool changed = false;
  for (ir::Block& block : function.blocks) {
    ir::Instr& terminator = block.terminator();
    if (terminator.op == ir::Op::kBranch && terminator.targets[0] == terminator.targets[1]) {
      // Both ways lead to the same block: the condition was computed (and checked) already.
      terminator.op = ir::Op::kJump;
      terminator.operands.clear();
      terminator.targets.pop_back();
      changed = true;
    }
    for (size_t i = 0; i < terminator.targets.size(); ++i) {
      if (terminator.op == ir::Op::kIterNext && i == 0) continue;
      ir::BlockId target = resolve(terminator.targets[i]);
      if (target != terminator.targets[i]) {
        terminator.targets[i] = target;
        changed = true;
      }
    }
  }
  return changed;
}

// B ends in an argument-less Jump to S, and S has no other predecessor: S joins B.
bool MergeChains(ir::Function& function) {
  std::vector<std::vector<ir::BlockId>> predecessors = ir::Predecessors(function);
  bool changed = false;
  for (ir::Block& block : function.blocks) {
    if (block.instrs.empty()) continue;  // merged into its predecessor already
    while (true) {
      ir::Instr& terminator = block.terminator();
      if (terminator.op != ir::Op::kJump || !terminator.operands.empty()) break;
      ir::BlockId successor = terminator.targets[0];
      ir::Block& next = function.blocks[successor];
      if (successor == block.id || successor == 0 || !next.params.empty() ||
          predecessors[successor].size() != 1 || next.instrs.empty()) {
        break;
      }
      block.instrs.pop_back();
      for (ir::Instr& instr : next.instrs) block.instrs.push_back(std::move(instr));
      next.instrs.clear();
      // `next` is unreachable now; blocks it jumped to have `block` as predecessor.
      for (ir::BlockId target : ir::Successors(block)) {
        for (ir::BlockId& predecessor : predecessors[target]) {
          if (predecessor == successor) predecessor = block.id;
        }
      }
      predecessors[successor].clear();
      changed = true;
    }
  }
  return changed;
}

}  // namespace

void RemoveDeadCode(ir::Function& function) {
  RemoveUnreachableBlocks(function);
  for (int round = 0; round < 8; ++round) {
    bool changed = ThreadJumps(function);
    RemoveUnreachableBlocks(function);
    changed |= MergeChains(function);
    RemoveUnreachableBlocks(function);
    if (!changed) break;
  }
  RemoveUnusedInstructions(function);
}

}  // namespace kiln::opt
