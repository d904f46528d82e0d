// Definite assignment: which frame slots are bound at each LoadLocal/DeleteLocal.
// A forward data-flow problem over the blocks (bound on every path = AND at joins):
// parameters are bound on entry; StoreLocal binds, DeleteLocal unbinds, and a checked
// LoadLocal that falls through proves its slot bound. Errors flow to handlers with
// the state before the failing instruction.
#include <vector>

#include "compiler/opt/passes.h"

namespace kiln::opt {
namespace {

using Bound = std::vector<char>;

// Applies `instr` to `bound`; with `mark`, also drops checks proven needless.
void Transfer(ir::Instr& instr, Bound& bound, bool mark) {
  switch (instr.op) {
    case ir::Op::kLoadLocal:
      if (mark && bound[instr.number]) instr.checked = false;
      bound[instr.number] = 1;
      break;
    case ir::Op::kDeleteLocal:
      if (mark && bound[instr.number]) instr.checked = false;
      bound[instr.number] = 0;
      break;
    case ir::Op::kClearLocal:
      bound[instr.number] = 0;
      break;
    case ir::Op::kStoreLocal:
    case ir::Op::kInPlaceAddLocal:
      bound[instr.number] = 1;
      break;
    default:
      break;
  }
}

}  // namespace

void DefiniteAssignment(ir::Function& function) {
  size_t block_count = function.blocks.size();
  size_t slot_count = function.slot_names.size();
  std::vector<Bound> in(block_count, Bound(slot_count, 0));
  std::vector<char> reached(block_count, 0);
  Bound entry(slot_count, 0);
  for (int i = 0; i < function.parameter_count && i < static_cast<int>(slot_count); ++i) entry[i] = 1;
  in[0] = entry;
  reached[0] = 1;
  std::vector<ir::BlockId> pending = {0};
  auto merge = [&](ir::BlockId target, const Bound& state) {
    if (!reached[target]) {
      reached[target] = 1;
      in[target] = state;
      pending.push_back(target);
      return;
    }
    bool changed = false;
    for (size_t i = 0; i < slot_count; ++i) {
      if (in[target][i] && !state[i]) {
        in[target][i] = 0;
        changed = true;
      }
    }
    if (changed) pending.push_back(target);
  };
  while (!pending.empty()) {
    ir::BlockId id = pending.back();
    pending.pop_back();
    Bound state = in[id];
    for (ir::Instr& instr : function.blocks[id].instrs) {
      if (instr.handler != ir::kNoBlock && instr.info().failure != ir::Failure::kNever) {
        merge(instr.handler, state);
      }
      Transfer(instr, state, /*mark=*/false);
    }
    for (ir::BlockId successor : ir::Successors(function.blocks[id])) merge(successor, state);
  }
  for (ir::Block& block : function.blocks) {
    if (!reached[block.id]) continue;
    Bound state = in[block.id];
    for (ir::Instr& instr : block.instrs) Transfer(instr, state, /*mark=*/true);
  }
}

}  // namespace kiln::opt
