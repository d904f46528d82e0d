// The emitter of one KIR function (internal to compiler/codegen; see kir_function.h).
#ifndef KILN_COMPILER_CODEGEN_EMITTER_H_
#define KILN_COMPILER_CODEGEN_EMITTER_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "compiler/codegen/module_context.h"
#include "compiler/ir/ir.h"

namespace kiln::codegen {

class FunctionEmitter {
 public:
  FunctionEmitter(const ir::Function& function, std::string c_name, ModuleContext& module)
      : f_(function), c_name_(std::move(c_name)), module_(module) {}
  std::string Run();
  int temp_count() const {
    return f_.is_generator ? 2 + static_cast<int>(max_saved_) : 0;
  }

 private:
  // One emit function per op (defined in the emit_*.cc file of its group).
#define KIR_OP(name, result, failure, operands, immediate, terminator) \
  void Emit##name(const ir::Instr& instr);
#include "compiler/ir/ops.def"
#undef KIR_OP
  void Dispatch(const ir::Instr& instr);
  void EmitFused(const ir::Instr& instr);  // Arithmetic and ArithmeticCompare

  // --- the frame (kir_function.cc) ---
  std::string FunctionEntry(const std::string& code);
  std::string NamespaceEntry(const std::string& code);
  std::string ClosureCells(const std::string& indent) const;
  std::string ClassCells();
  std::string Namespace() const;  // the namespace a module or class body runs in

  // --- values ---
  // The C expression of a value: a variable, or for values that need none a constant
  // (k[3], Py_None, 1), a frame slot (s[2]) or an expression of other values.
  const std::string& V(ir::ValueId value) const;
  std::string MakeText(ir::ValueId value) const;
  std::string Args(const ir::ValueList& values, size_t from = 0) const;
  bool Inline(ir::ValueId value) const;
  std::string Result(const ir::Instr& instr) const { return V(instr.result()); }
  std::string Slot(int64_t slot) const { return "s[" + std::to_string(slot) + "]"; }
  std::string SlotName(int64_t slot);  // the interned name of a slot's variable
  std::string Name(const std::string& name) { return module_.constants().Name(name); }

  // --- lines ---
  void Line(const std::string& text) {
    out_.append("  ").append(text).push_back('\n');
  }

  // --- errors ---
  // Where `instr`'s error edge goes to `target` ("error", "raise_bN", "bN", "unwind"):
  // a label that releases the edge's references (minus those hoisted before the
  // check) and goes on to `target`. Edges that release the same references share one
  // chain of labels, each releasing one value and going on to the chain of the rest,
  // so that error paths stay small where many values are live.
  std::string CleanupTarget(const ir::Instr& instr, const std::string& target);
  // `site`: a C expression for the failed site (default: the instruction's).
  std::string ErrorExit(const ir::Instr& instr, const std::string& before = "", const std::string& site = "");
  // The DecRefs right after `instr` that its error edge also does: emitted once, before
  // the check (Hoisted()), and left out of the edge.
  std::string Hoisted();
  // `result = call;` then the check that it is not NULL.
  void NullCheck(const ir::Instr& instr, const std::string& call, const std::string& before = "");
  // The check of a status call (below 0: error).
  void StatusCheck(const ir::Instr& instr, const std::string& call, const std::string& before = "");
  // An op that always raises: `raise_call` then the error exit.
  void AlwaysRaise(const ir::Instr& instr, const std::string& raise_call, bool add_traceback);
  void Goto(ir::BlockId target);
  void EnterManager(const ir::Instr& instr, const char* enter);
  std::string DecRefText(ir::ValueId value) const;

  const ir::Function& f_;
  std::string c_name_;
  ModuleContext& module_;
  std::string out_;
  std::vector<std::pair<size_t, ir::BlockId>> label_marks_;  // where each block starts in out_
  std::vector<const ir::Instr*> definition_;  // by value (nullptr: a parameter or an item)
  mutable std::vector<std::string> text_;     // by value: its C expression, once made
  std::set<ir::ValueId> hoisted_;          // DecRefs done before the current check
  std::set<const ir::Instr*> skip_;        // DecRefs already emitted (hoisted)
  std::vector<const ir::Instr*> pending_decrefs_;  // candidates after the current instr
  ir::BlockId next_block_ = ir::kNoBlock;  // the block emitted after the current one
  std::set<ir::BlockId> labels_;          // blocks jumped to
  std::set<ir::BlockId> raise_labels_;    // handlers entered by errors that add a traceback entry
  // Cleanup chains, a trie: (the label of the rest, the value released first) -> label;
  // and the labels' code.
  std::map<std::pair<std::string, ir::ValueId>, std::string> chains_;
  std::string chain_code_;
  // Generators: the frame slots after the locals (hand-over, state, then the values
  // kept while suspended), and each resume point's restores.
  int handoff_slot_ = 0, state_slot_ = 0, saved_base_ = 0;
  size_t max_saved_ = 0;
  std::string resume_code_;
  int resume_count_ = 0;
  void SuspendAndReturn(const ir::Instr& instr, const std::string& returned, bool delegating);
  bool unused_result_ = false;            // the current instruction's result is dropped at once
  bool uses_error_ = false;
  bool uses_unwind_ = false;
};

}  // namespace kiln::codegen

#endif  // KILN_COMPILER_CODEGEN_EMITTER_H_
