#include "compiler/ir/verifier.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "compiler/ir/printer.h"

namespace kiln::ir {
namespace {

struct Definition {
  BlockId block = kNoBlock;
  int index = -2;  // -1: a block parameter (or an IterNext item, at its item block's start)
};

class Verifier {
 public:
  explicit Verifier(const Function& function) : function_(function) {}

  absl::Status Run() {
    if (function_.blocks.empty()) return absl::InternalError("function has no blocks");
    if (absl::Status status = CheckStructure(); !status.ok()) return status;
    if (absl::Status status = CheckDefinitions(); !status.ok()) return status;
    if (function_.refcounts_explicit) return CheckOwnership();
    return absl::OkStatus();
  }

 private:
  absl::Status Error(BlockId block, const Instr* instr, const std::string& message) {
    std::string where = absl::StrCat(function_.name, ": b", block);
    if (instr) absl::StrAppend(&where, ": ", PrintInstr(function_, *instr));
    return absl::InternalError(absl::StrCat(where, ": ", message));
  }

  bool ValidValue(ValueId value) const {
    return value >= 0 && value < static_cast<ValueId>(function_.values.size());
  }

  absl::Status CheckStructure() {
    for (const Block& block : function_.blocks) {
      if (block.instrs.empty()) return Error(block.id, nullptr, "empty block");
      for (size_t i = 0; i < block.instrs.size(); ++i) {
        const Instr& instr = block.instrs[i];
        bool last = i + 1 == block.instrs.size();
        if (instr.info().terminator != last) {
          return Error(block.id, &instr, last ? "block does not end in a terminator"
                                              : "terminator before the end of the block");
        }
        for (BlockId target : instr.targets) {
          if (target < 0 || target >= static_cast<BlockId>(function_.blocks.size())) {
            return Error(block.id, &instr, "target out of range");
          }
        }
        size_t expected_targets = instr.op == Op::kJump || instr.op == Op::kYield ||
                                          instr.op == Op::kYieldFrom
                                      ? 1
                                  : instr.op == Op::kBranch || instr.op == Op::kIterNext ? 2
                                                                                         : 0;
        if (instr.targets.size() != expected_targets) {
          return Error(block.id, &instr, "wrong number of targets");
        }
        if (instr.op == Op::kJump &&
            instr.operands.size() != function_.blocks[instr.targets[0]].params.size()) {
          return Error(block.id, &instr, "argument count differs from the target's parameters");
        }
        if (instr.handler != kNoBlock &&
            (instr.handler < 0 || instr.handler >= static_cast<BlockId>(function_.blocks.size()))) {
          return Error(block.id, &instr, "handler out of range");
        }
        ResultKind kind = instr.info().result;
        size_t results = instr.results.size();
        bool ok = kind == ResultKind::kVoid ? results == 0 : kind == ResultKind::kMulti || results == 1;
        if (!ok) return Error(block.id, &instr, "wrong number of results");
      }
    }
    return absl::OkStatus();
  }

  absl::Status Define(ValueId value, BlockId block, int index, const Instr* instr) {
    if (!ValidValue(value)) return Error(block, instr, "result is not a value");
    if (definitions_[value].block != kNoBlock) {
      return Error(block, instr, absl::StrCat("v", value, " defined twice"));
    }
    definitions_[value] = Definition{block, index};
    return absl::OkStatus();
  }

  absl::Status CheckDefinitions() {
    definitions_.assign(function_.values.size(), Definition{});
    predecessors_ = Predecessors(function_);
    idom_ = Dominators(function_);
    for (const Block& block : function_.blocks) {
      for (ValueId param : block.params) {
        if (absl::Status status = Define(param, block.id, -1, nullptr); !status.ok()) return status;
      }
      for (size_t i = 0; i < block.instrs.size(); ++i) {
        const Instr& instr = block.instrs[i];
        if (instr.op == Op::kIterNext) {
          BlockId item_block = instr.targets[0];
          if (predecessors_[item_block].size() != 1) {
            return Error(block.id, &instr, "the item block must have this block as its only predecessor");
          }
          if (absl::Status status = Define(instr.results[0], item_block, -1, &instr); !status.ok()) {
            return status;
          }
          continue;
        }
        for (ValueId result : instr.results) {
          if (absl::Status status = Define(result, block.id, static_cast<int>(i), &instr);
              !status.ok()) {
            return status;
          }
        }
      }
    }
    std::vector<char> reachable(function_.blocks.size(), 0);
    for (BlockId block : ReversePostOrder(function_)) reachable[block] = 1;
    for (const Block& block : function_.blocks) {
      if (!reachable[block.id]) continue;
      for (size_t i = 0; i < block.instrs.size(); ++i) {
        const Instr& instr = block.instrs[i];
        auto check = [&](ValueId value) -> absl::Status {
          if (!ValidValue(value) || definitions_[value].block == kNoBlock) {
            return Error(block.id, &instr, absl::StrCat("v", value, " is never defined"));
          }
          const Definition& definition = definitions_[value];
          bool dominated = definition.block == block.id
                               ? definition.index < static_cast<int>(i)
                               : Dominates(idom_, definition.block, block.id);
          if (!dominated) return Error(block.id, &instr, absl::StrCat("v", value, " does not dominate this use"));
          return absl::OkStatus();
        };
        for (ValueId value : instr.operands) {
          if (absl::Status status = check(value); !status.ok()) return status;
        }
        for (ValueId value : instr.error_cleanup) {
          if (absl::Status status = check(value); !status.ok()) return status;
        }
      }
    }
    return absl::OkStatus();
  }

  // --- ownership ---
  using Counts = std::map<ValueId, int>;
  struct State {
    Counts counts;
    std::set<ValueId> invalid;  // borrowed locals whose slot was stored to
    bool operator==(const State& other) const { return counts == other.counts; }
  };

  static void Add(Counts* counts, ValueId value, int delta) {
    int& count = (*counts)[value];
    count += delta;
    if (count == 0) counts->erase(value);
  }
  static int CountOf(const Counts& counts, ValueId value) {
    auto it = counts.find(value);
    return it == counts.end() ? 0 : it->second;
  }

  absl::Status Use(const State& state, BlockId block, const Instr& instr, ValueId value) {
    if (CountOf(state.counts, value) > 0) return absl::OkStatus();
    // A borrowed value the reference-count pass made owned (IncRef right after its
    // load) starts without a reference of its own.
    if (function_.values[value].owned && !born_borrowed_.count(value)) {
      return Error(block, &instr, absl::StrCat("v", value, " used after its reference was released"));
    }
    if (state.invalid.count(value)) {
      return Error(block, &instr, absl::StrCat("v", value, " borrowed from a slot that was stored to since"));
    }
    return absl::OkStatus();
  }

  absl::Status Release(State* state, BlockId block, const Instr& instr, ValueId value, const char* what) {
    if (CountOf(state->counts, value) <= 0) {
      return Error(block, &instr, absl::StrCat(what, " v", value, " without a reference to it"));
    }
    Add(&state->counts, value, -1);
    return absl::OkStatus();
  }

  absl::Status ExpectEmpty(const Counts& counts, BlockId block, const Instr& instr, const char* exit) {
    if (counts.empty()) return absl::OkStatus();
    return Error(block, &instr, absl::StrCat("v", counts.begin()->first, " still held at ", exit));
  }

  absl::Status Flow(BlockId target, State state, BlockId from, const Instr& instr) {
    auto it = entry_.find(target);
    if (it == entry_.end()) {
      entry_[target] = std::move(state);
      pending_.push_back(target);
      return absl::OkStatus();
    }
    if (!(it->second == state)) {
      return Error(from, &instr, absl::StrCat("references held differ at the entry of b", target));
    }
    return absl::OkStatus();
  }

  absl::Status CheckOwnership() {
    for (const Block& block : function_.blocks) {
      for (const Instr& instr : block.instrs) {
        if (instr.info().result != ResultKind::kBorrowed) continue;
        for (ValueId result : instr.results) born_borrowed_.insert(result);
      }
    }
    for (size_t value = 0; value < function_.values.size(); ++value) {
      int slot = function_.values[value].borrowed_slot;
      if (slot >= 0) borrowed_from_[slot].push_back(static_cast<ValueId>(value));
    }
    State entry;
    entry_[0] = entry;
    pending_.push_back(0);
    while (!pending_.empty()) {
      BlockId id = pending_.back();
      pending_.pop_back();
      if (!done_.insert(id).second) continue;
      const Block& block = function_.blocks[id];
      State state = entry_[id];
      // Borrows made invalid by stores are tracked within a block (the
      // reference-count pass makes a borrow that outlives a store owned, by liveness).
      state.invalid.clear();
      for (ValueId param : block.params) Add(&state.counts, param, 1);
      for (const Instr& instr : block.instrs) {
        if (absl::Status status = Step(&state, id, instr); !status.ok()) return status;
      }
    }
    return absl::OkStatus();
  }

  absl::Status Step(State* state, BlockId id, const Instr& instr) {
    const OpInfo& info = instr.info();
    for (ValueId value : instr.operands) {
      if (absl::Status status = Use(*state, id, instr, value); !status.ok()) return status;
    }
    // A value defined again (in a loop) is a new value: not invalidated by earlier stores.
    for (ValueId result : instr.results) state->invalid.erase(result);
    if (info.operands == OperandPolicy::kOwnArgs) {
      for (size_t i = 1; i < instr.operands.size(); ++i) {
        ValueId value = instr.operands[i];
        if (function_.values[value].borrowed_slot >= 0 && CountOf(state->counts, value) <= 0) {
          return Error(id, &instr, absl::StrCat("argument v", value, " holds no reference of its own"));
        }
      }
    }
    if (instr.op == Op::kIncRef) {
      Add(&state->counts, instr.operands[0], 1);
      return absl::OkStatus();
    }
    if (instr.op == Op::kDecRef) return Release(state, id, instr, instr.operands[0], "DecRef of");
    if (info.operands == OperandPolicy::kSteal) {
      for (ValueId value : instr.operands) {
        if (absl::Status status = Release(state, id, instr, value, "steals"); !status.ok()) return status;
      }
    }
    if (instr.error_edge) {
      // What the edge releases, against what is held.
      ValueList released = instr.error_cleanup;
      std::sort(released.begin(), released.end());
      size_t distinct = 0;
      for (size_t i = 0; i < released.size();) {
        size_t j = i;
        while (j < released.size() && released[j] == released[i]) ++j;
        int held = CountOf(state->counts, released[i]);
        if (held < static_cast<int>(j - i)) {
          return Error(id, &instr, absl::StrCat("error edge releases v", released[i], " without a reference"));
        }
        if (instr.handler == kNoBlock && held != static_cast<int>(j - i)) {
          return Error(id, &instr, absl::StrCat("v", released[i], " still held at the error exit"));
        }
        ++distinct;
        i = j;
      }
      if (instr.handler == kNoBlock) {
        // Leaving the function: the edge releases everything still held.
        if (state->counts.size() != distinct) {
          for (const auto& [value, count] : state->counts) {
            if (!std::binary_search(released.begin(), released.end(), value)) {
              return Error(id, &instr, absl::StrCat("v", value, " still held at the error exit"));
            }
          }
        }
      } else {
        Counts on_error = state->counts;
        for (ValueId value : instr.error_cleanup) Add(&on_error, value, -1);
        State handler_state{on_error, state->invalid};
        if (absl::Status status = Flow(instr.handler, handler_state, id, instr); !status.ok()) return status;
      }
    } else if (instr.can_fail()) {
      return Error(id, &instr, "can fail but has no error edge");
    }
    if (instr.op == Op::kStoreLocal || instr.op == Op::kDeleteLocal || instr.op == Op::kInPlaceAddLocal ||
        instr.op == Op::kClearLocal) {
      for (ValueId value : borrowed_from_[instr.number]) {
        if (CountOf(state->counts, value) == 0) state->invalid.insert(value);
      }
    }
    switch (instr.op) {
      case Op::kReturn:
        return ExpectEmpty(state->counts, id, instr, "return");
      case Op::kJump:
      case Op::kYield:
      case Op::kYieldFrom:
        return Flow(instr.targets[0], *state, id, instr);
      case Op::kBranch:
        if (absl::Status status = Flow(instr.targets[0], *state, id, instr); !status.ok()) return status;
        return Flow(instr.targets[1], *state, id, instr);
      case Op::kIterNext: {
        State item = *state;
        Add(&item.counts, instr.results[0], 1);
        if (absl::Status status = Flow(instr.targets[0], item, id, instr); !status.ok()) return status;
        return Flow(instr.targets[1], *state, id, instr);
      }
      default:
        break;
    }
    if (info.result == ResultKind::kNew || info.result == ResultKind::kMethod ||
        info.result == ResultKind::kMulti) {
      for (ValueId result : instr.results) Add(&state->counts, result, 1);
    }
    return absl::OkStatus();
  }

  const Function& function_;
  std::vector<Definition> definitions_;
  std::vector<std::vector<BlockId>> predecessors_;
  std::vector<BlockId> idom_;
  std::map<BlockId, State> entry_;
  std::vector<BlockId> pending_;
  std::set<BlockId> done_;
  std::set<ValueId> born_borrowed_;
  std::map<int64_t, std::vector<ValueId>> borrowed_from_;  // slot -> values borrowed from it
};

}  // namespace

std::vector<BlockId> Dominators(const Function& function) {
  std::vector<BlockId> order = ReversePostOrder(function);
  std::vector<int> position(function.blocks.size(), -1);
  for (size_t i = 0; i < order.size(); ++i) position[order[i]] = static_cast<int>(i);
  std::vector<std::vector<BlockId>> predecessors = Predecessors(function);
  std::vector<BlockId> idom(function.blocks.size(), kNoBlock);
  if (order.empty()) return idom;
  idom[0] = 0;
  auto intersect = [&](BlockId a, BlockId b) {
    while (a != b) {
      while (position[a] > position[b]) a = idom[a];
      while (position[b] > position[a]) b = idom[b];
    }
    return a;
  };
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t i = 1; i < order.size(); ++i) {
      BlockId block = order[i];
      BlockId new_idom = kNoBlock;
      for (BlockId predecessor : predecessors[block]) {
        if (position[predecessor] < 0 || idom[predecessor] == kNoBlock) continue;
        new_idom = new_idom == kNoBlock ? predecessor : intersect(predecessor, new_idom);
      }
      if (new_idom != kNoBlock && idom[block] != new_idom) {
        idom[block] = new_idom;
        changed = true;
      }
    }
  }
  idom[0] = kNoBlock;
  return idom;
}

bool Dominates(const std::vector<BlockId>& idom, BlockId a, BlockId b) {
  while (b != kNoBlock) {
    if (a == b) return true;
    b = idom[b];
  }
  return false;
}

absl::Status Verify(const Function& function) { return Verifier(function).Run(); }

}  // namespace kiln::ir
