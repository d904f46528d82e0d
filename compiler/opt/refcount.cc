// Reference counts, made explicit late (as mypyc's refcount transform does).
//
// Every owned value (a new reference: results of kNew ops, block parameters, IterNext
// items) is released exactly once on every path: handed on to an op that steals it
// (StoreLocal, Return, a Jump's argument, BuildTuple...) when that is its last use,
// else DecRef'd right after its last use, or on the control-flow edge where it stops
// being live (a new block is put on the edge when neither end can hold the DecRef).
// A stolen operand that is borrowed, or still used later, gets an IncRef first. An
// error edge releases what is owned and live there (Instr::error_cleanup). A borrowed
// LoadLocal whose value is still used after a store to its slot becomes owned (IncRef
// right after the load). Call arguments borrowed from locals hold a reference of their
// own during the call, as CPython's LOAD_FAST gives them.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "compiler/opt/passes.h"

namespace kiln::opt {
namespace {

// A set of values as a bit vector (value ids are dense): liveness copies and merges
// these at every instruction and edge.
class ValueSet {
 public:
  class Iterator {
   public:
    Iterator(const std::vector<uint64_t>* words, size_t bit) : words_(words), bit_(bit) { Settle(); }
    ir::ValueId operator*() const { return static_cast<ir::ValueId>(bit_); }
    Iterator& operator++() {
      ++bit_;
      Settle();
      return *this;
    }
    bool operator!=(const Iterator& other) const { return bit_ != other.bit_; }

   private:
    void Settle() {
      size_t end = words_->size() * 64;
      while (bit_ < end) {
        uint64_t word = (*words_)[bit_ / 64] >> (bit_ % 64);
        if (word != 0) {
          bit_ += __builtin_ctzll(word);
          return;
        }
        bit_ = (bit_ / 64 + 1) * 64;
      }
      bit_ = end;
    }
    const std::vector<uint64_t>* words_;
    size_t bit_;
  };

  void insert(ir::ValueId value) {
    size_t word = static_cast<size_t>(value) / 64;
    if (word >= words_.size()) words_.resize(word + 1, 0);
    words_[word] |= uint64_t{1} << (value % 64);
  }
  void InsertAll(const ValueSet& other) {
    if (other.words_.size() > words_.size()) words_.resize(other.words_.size(), 0);
    for (size_t i = 0; i < other.words_.size(); ++i) words_[i] |= other.words_[i];
  }
  void erase(ir::ValueId value) {
    size_t word = static_cast<size_t>(value) / 64;
    if (word < words_.size()) words_[word] &= ~(uint64_t{1} << (value % 64));
  }
  bool count(ir::ValueId value) const {
    size_t word = static_cast<size_t>(value) / 64;
    return word < words_.size() && ((words_[word] >> (value % 64)) & 1) != 0;
  }
  bool operator==(const ValueSet& other) const {
    size_t common = std::min(words_.size(), other.words_.size());
    for (size_t i = 0; i < common; ++i) {
      if (words_[i] != other.words_[i]) return false;
    }
    for (size_t i = common; i < words_.size(); ++i) {
      if (words_[i] != 0) return false;
    }
    for (size_t i = common; i < other.words_.size(); ++i) {
      if (other.words_[i] != 0) return false;
    }
    return true;
  }
  bool operator!=(const ValueSet& other) const { return !(*this == other); }
  Iterator begin() const { return Iterator(&words_, 0); }
  Iterator end() const { return Iterator(&words_, words_.size() * 64); }

 private:
  std::vector<uint64_t> words_;
};

ir::Instr RefOp(ir::Op op, ir::ValueId value) {
  ir::Instr instr{op};
  instr.operands = {value};
  return instr;
}

bool Stores(const ir::Instr& instr) {
  return instr.op == ir::Op::kStoreLocal || instr.op == ir::Op::kDeleteLocal ||
         instr.op == ir::Op::kInPlaceAddLocal || instr.op == ir::Op::kClearLocal;
}

class Refcounter {
 public:
  explicit Refcounter(ir::Function& function) : f_(function) {}

  void Run() {
    size_t count = f_.blocks.size();
    live_in_.assign(count, {});
    live_out_.assign(count, {});
    item_of_.assign(count, ir::kNoValue);
    for (const ir::Block& block : f_.blocks) {
      const ir::Instr& terminator = block.terminator();
      if (terminator.op == ir::Op::kIterNext) item_of_[terminator.targets[0]] = terminator.results[0];
    }
    predecessors_ = ir::Predecessors(f_);
    Liveness();
    PinBorrowsAcrossStores();
    for (ir::Block& block : f_.blocks) Rewrite(block);
    ReleaseOnEdges();
    f_.refcounts_explicit = true;
  }

 private:
  bool Owned(ir::ValueId value) const { return f_.values[value].owned; }

  // Walks `block` backward from its live-out set: `visit(index, live_after)` for each
  // instruction, last first. Returns the live set at the block's start (before its
  // parameters and item are defined).
  template <typename Visit>
  ValueSet Backward(const ir::Block& block, const ValueSet& live_out, Visit visit) const {
    ValueSet live = live_out;
    for (size_t i = block.instrs.size(); i-- > 0;) {
      const ir::Instr& instr = block.instrs[i];
      visit(i, live);
      if (instr.error_edge && instr.handler != ir::kNoBlock) {
        live.InsertAll(live_in_[instr.handler]);
      }
      if (instr.op != ir::Op::kIterNext) {
        for (ir::ValueId result : instr.results) live.erase(result);
      }
      for (ir::ValueId operand : instr.operands) live.insert(operand);
    }
    return live;
  }

  void Liveness() {
    std::vector<ir::BlockId> order = ir::ReversePostOrder(f_);
    bool changed = true;
    while (changed) {
      changed = false;
      for (size_t k = order.size(); k-- > 0;) {
        ir::BlockId id = order[k];
        const ir::Block& block = f_.blocks[id];
        ValueSet out;
        for (ir::BlockId successor : ir::Successors(block)) {
          out.InsertAll(live_in_[successor]);
        }
        ValueSet in = Backward(block, out, [](size_t, const ValueSet&) {});
        for (ir::ValueId param : block.params) in.erase(param);
        if (item_of_[id] != ir::kNoValue) in.erase(item_of_[id]);
        if (in != live_in_[id] || out != live_out_[id]) {
          live_in_[id] = std::move(in);
          live_out_[id] = std::move(out);
          changed = true;
        }
      }
    }
  }

  void PinBorrowsAcrossStores() {
    for (const ir::Block& block : f_.blocks) {
      Backward(block, live_out_[block.id], [&](size_t i, const ValueSet& live_after) {
        const ir::Instr& instr = block.instrs[i];
        if (!Stores(instr)) return;
        for (ir::ValueId value : live_after) {
          const ir::ValueInfo& info = f_.values[value];
          if (!info.owned && info.borrowed_slot == instr.number) pinned_.insert(value);
        }
      });
    }
    for (ir::ValueId value : pinned_) f_.values[value].owned = true;
  }

  // An IncRef or DecRef to insert: made only when the block is put back together.
  struct RefEdit {
    ir::Op op;
    ir::ValueId value;
  };

  // Rewrites `block` walking it backward (the live set after each instruction is the
  // walk's state, never copied), noting the IncRefs and DecRefs to put before and after
  // each instruction; then builds the block once, in order.
  void Rewrite(ir::Block& block) {
    ValueSet live = live_out_[block.id];
    const size_t count = block.instrs.size();
    // edits_ holds, per instruction from the last, its "following" edits in order then
    // its "before" edits in order; ranges_ where they are.
    edits_.clear();
    ranges_.assign(count, {});
    std::vector<std::pair<ir::ValueId, int>> occurrences;  // operand, times; sorted
    std::vector<ir::ValueId> held_for_call;
    std::vector<RefEdit> before;
    for (size_t i = count; i-- > 0;) {
      ir::Instr& instr = block.instrs[i];
      const ValueSet& after = live;
      const ir::OpInfo& info = instr.info();
      before.clear();
      held_for_call.clear();
      ranges_[i].following_begin = edits_.size();
      auto follow = [&](ir::Op op, ir::ValueId value) { edits_.push_back({op, value}); };
      occurrences.clear();
      for (ir::ValueId operand : instr.operands) occurrences.push_back({operand, 1});
      std::sort(occurrences.begin(), occurrences.end());
      if (!occurrences.empty()) {
        size_t kept = 0;
        for (size_t k = 1; k < occurrences.size(); ++k) {
          if (occurrences[k].first == occurrences[kept].first) {
            ++occurrences[kept].second;
          } else {
            occurrences[++kept] = occurrences[k];
          }
        }
        occurrences.resize(kept + 1);
      }
      auto occurs = [&](ir::ValueId value) {
        return std::binary_search(occurrences.begin(), occurrences.end(), std::make_pair(value, 0),
                                  [](const auto& a, const auto& b) { return a.first < b.first; });
      };
      // Stolen operands: every operand of a stealing op.
      const bool steals = info.operands == ir::OperandPolicy::kSteal;
      if (steals) {
        for (const auto& [value, times] : occurrences) {
          bool hand_on = Owned(value) && !after.count(value);
          int increfs = hand_on ? times - 1 : times;
          for (int k = 0; k < increfs; ++k) before.push_back({ir::Op::kIncRef, value});
        }
      }
      if (info.operands == ir::OperandPolicy::kOwnArgs) {
        for (size_t k = 1; k < instr.operands.size(); ++k) {
          ir::ValueId value = instr.operands[k];
          if (Owned(value) || f_.values[value].borrowed_slot < 0) continue;
          before.push_back({ir::Op::kIncRef, value});
          held_for_call.push_back(value);
        }
      }
      if (instr.error_edge) {
        const ValueSet* handler_live =
            instr.handler == ir::kNoBlock ? nullptr : &live_in_[instr.handler];
        instr.error_cleanup.clear();
        auto consider = [&](ir::ValueId value) {
          if (!Owned(value)) return;
          if (std::find(instr.results.begin(), instr.results.end(), value) != instr.results.end()) return;
          if (handler_live && handler_live->count(value)) return;
          instr.error_cleanup.push_back(value);
        };
        for (ir::ValueId value : after) consider(value);
        for (const auto& [value, times] : occurrences) {
          if (!steals && !after.count(value)) consider(value);
        }
        std::sort(instr.error_cleanup.begin(), instr.error_cleanup.end());
        for (ir::ValueId value : held_for_call) instr.error_cleanup.push_back(value);
      }
      if (instr.op == ir::Op::kYield || instr.op == ir::Op::kYieldFrom) {
        instr.saved.clear();
        for (ir::ValueId value : live_in_[instr.targets[0]]) {
          if (Owned(value)) instr.saved.push_back(value);
        }
      }
      if (!info.terminator) {
        for (const auto& [value, times] : occurrences) {
          if (!steals && Owned(value) && !after.count(value)) {
            follow(ir::Op::kDecRef, value);
          }
        }
        for (ir::ValueId value : held_for_call) follow(ir::Op::kDecRef, value);
        // Values kept alive only for this instruction's handler die after it on the
        // normal path.
        if (instr.error_edge && instr.handler != ir::kNoBlock) {
          for (ir::ValueId value : live_in_[instr.handler]) {
            if (!Owned(value) || after.count(value) || occurs(value)) continue;
            if (std::find(instr.results.begin(), instr.results.end(), value) != instr.results.end()) continue;
            follow(ir::Op::kDecRef, value);
          }
        }
        for (ir::ValueId result : instr.results) {
          if (pinned_.count(result)) {
            follow(ir::Op::kIncRef, result);
            if (!after.count(result)) follow(ir::Op::kDecRef, result);
          } else if (Owned(result) && !after.count(result)) {
            follow(ir::Op::kDecRef, result);
          }
        }
      }
      // The live set before this instruction (as Backward() computes it).
      if (instr.error_edge && instr.handler != ir::kNoBlock) {
        live.InsertAll(live_in_[instr.handler]);
      }
      if (instr.op != ir::Op::kIterNext) {
        for (ir::ValueId result : instr.results) live.erase(result);
      }
      for (ir::ValueId operand : instr.operands) live.insert(operand);
      ranges_[i].before_begin = edits_.size();
      edits_.insert(edits_.end(), before.begin(), before.end());
      ranges_[i].end = edits_.size();
    }
    // Parameters and an IterNext item that nothing uses die where they are defined.
    const size_t entry_begin = edits_.size();
    auto defined_here = [&](ir::ValueId value) {
      if (Owned(value) && !live.count(value)) edits_.push_back({ir::Op::kDecRef, value});
    };
    for (ir::ValueId param : block.params) defined_here(param);
    if (item_of_[block.id] != ir::kNoValue) defined_here(item_of_[block.id]);

    std::vector<ir::Instr> rewritten;
    rewritten.reserve(count + edits_.size());
    auto emit = [&](size_t from, size_t to) {
      for (size_t k = from; k < to; ++k) rewritten.push_back(RefOp(edits_[k].op, edits_[k].value));
    };
    emit(entry_begin, edits_.size());
    for (size_t i = 0; i < count; ++i) {
      emit(ranges_[i].before_begin, ranges_[i].end);
      rewritten.push_back(std::move(block.instrs[i]));
      emit(ranges_[i].following_begin, ranges_[i].before_begin);
    }
    block.instrs.swap(rewritten);
  }

  // Owned values live at the end of a block (or used by its terminator without being
  // stolen) that its successor does not need: released on that edge.
  void ReleaseOnEdges() {
    size_t original = f_.blocks.size();
    for (size_t id = 0; id < original; ++id) {
      ir::Block& block = f_.blocks[id];
      if (block.instrs.empty()) continue;
      const ir::Instr& terminator = block.terminator();
      ValueSet leaving = live_out_[id];
      if (terminator.info().operands != ir::OperandPolicy::kSteal) {
        for (ir::ValueId operand : terminator.operands) leaving.insert(operand);
      }
      // A value kept alive only for the terminator's handler dies on the normal edges.
      if (terminator.error_edge && terminator.handler != ir::kNoBlock) {
        leaving.InsertAll(live_in_[terminator.handler]);
      }
      std::vector<ir::BlockId> successors(terminator.targets.begin(), terminator.targets.end());
      std::sort(successors.begin(), successors.end());
      successors.erase(std::unique(successors.begin(), successors.end()), successors.end());
      for (ir::BlockId successor : successors) {
        std::vector<ir::ValueId> dying;
        for (ir::ValueId value : leaving) {
          if (Owned(value) && !live_in_[successor].count(value)) dying.push_back(value);
        }
        if (dying.empty()) continue;
        std::vector<ir::Instr> releases;
        for (ir::ValueId value : dying) releases.push_back(RefOp(ir::Op::kDecRef, value));
        if (predecessors_[successor].size() == 1) {
          std::vector<ir::Instr>& target = f_.blocks[successor].instrs;
          target.insert(target.begin(), releases.begin(), releases.end());
        } else if (successors.size() == 1) {
          std::vector<ir::Instr>& instrs = f_.blocks[id].instrs;
          instrs.insert(instrs.end() - 1, releases.begin(), releases.end());
        } else {
          ir::BlockId edge = f_.NewBlock();
          ir::Instr jump{ir::Op::kJump};
          jump.targets = {successor};
          releases.push_back(jump);
          f_.blocks[edge].instrs = std::move(releases);
          for (ir::BlockId& target : f_.blocks[id].terminator().targets) {
            if (target == successor) target = edge;
          }
        }
      }
    }
  }

  ir::Function& f_;
  struct EditRange {
    size_t following_begin = 0, before_begin = 0, end = 0;
  };
  std::vector<RefEdit> edits_;    // Rewrite's, reused from block to block
  std::vector<EditRange> ranges_;
  std::vector<ValueSet> live_in_, live_out_;
  std::vector<ir::ValueId> item_of_;
  std::vector<std::vector<ir::BlockId>> predecessors_;
  ValueSet pinned_;
};

}  // namespace

void InsertRefcounts(ir::Function& function) { Refcounter(function).Run(); }

}  // namespace kiln::opt
